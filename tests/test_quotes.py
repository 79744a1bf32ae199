"""Quote-mark pairing: every convention, nesting, mismatches, apostrophes, paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Config
from quoteattr._budget import Budget
from quoteattr.backends.rules import RulesBackend
from quoteattr.lexicon.quote_marks import ALL_MARKS
from quoteattr.quotes import QuoteSpan, find_spans, pair_plainly, stands_alone

from .strategies import any_text, news_like, quote_soup


def spans(text: str, **options: object) -> tuple[QuoteSpan, ...]:
    analysis = RulesBackend().analyse(text)
    return find_spans(analysis, Budget(), Config(**options))  # type: ignore[arg-type]


def contents(text: str, **options: object) -> list[str]:
    return [s.text for s in spans(text, **options)]


# -- glyph conventions --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"The count was fair," said Maria Olsen.', "The count was fair,"),
        ("“The count was fair,” said Maria Olsen.", "The count was fair,"),
        ("«Nous sommes prêts», said Jean Morel.", "Nous sommes prêts"),
        ("« Nous sommes prêts », said Jean Morel.", " Nous sommes prêts "),
        ("»Die Gespräche sind gescheitert«, said Hans Vogel.", "Die Gespräche sind gescheitert"),
        ("„Die Gespräche sind gescheitert“, said Hans Vogel.", "Die Gespräche sind gescheitert"),
        ("He called it ‘a disgrace’ on Monday.", "a disgrace"),
        ("He called it 'a disgrace' on Monday.", "a disgrace"),
        ("He called it ''a disgrace'' on Monday.", "a disgrace"),
        ("‹Oui›, dit-elle.", "Oui"),
    ],
)
def test_each_convention_pairs(text: str, content: str) -> None:
    [s] = spans(text)
    assert s.text == content
    assert s.closed
    assert text[s.start : s.end] == s.text


def test_double_and_single_marks_are_told_apart() -> None:
    [d, s] = spans("“Yes,” she said, and he said ‘no way’ at once.")
    assert d.double and not s.double
    assert d.rules == ("paired-marks",) and s.rules == ("paired-single-marks",)


def test_open_and_close_offsets() -> None:
    text = "He said “we won” today."
    [s] = spans(text)
    assert text[s.open_at] == "“" and s.close_at is not None and text[s.close_at] == "”"
    assert s.outer_start == s.open_at and s.outer_end == s.close_at + 1
    assert s.words == 2 and s.paragraph == s.last_paragraph == 0


# -- mismatched pairs from scraped text --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "“The deal is finished for good », said Karen Holt.",
        "« The deal is finished for good”, said Karen Holt.",
        '“The deal is finished for good", said Karen Holt.',
        "„The deal is finished for good”, said Karen Holt.",
    ],
)
def test_mismatched_glyphs_still_pair(text: str) -> None:
    [s] = spans(text)
    assert "The deal is finished for good" in s.text and s.closed


def test_stray_closer_before_any_opener_is_ignored() -> None:
    text = "The vote ended.” Then the mayor said “we are done here” and left."
    assert contents(text) == ["we are done here"]


# -- nesting ------------------------------------------------------------------------------------
def test_single_quotes_nested_in_double_stay_inside() -> None:
    text = "“He told me ‘never again’ and walked out,” said Maria Lopez."
    [s] = spans(text)
    assert s.text == "He told me ‘never again’ and walked out,"


def test_straight_single_nested_in_straight_double() -> None:
    text = "\"She said 'no deal' twice,\" the aide said."
    assert contents(text) == ["She said 'no deal' twice,"]


def test_three_levels_of_nesting_give_one_outer_span() -> None:
    text = "“Outer ‘inner “deep” inner’ outer.”"
    assert contents(text) == ["Outer ‘inner “deep” inner’ outer."]


# -- apostrophes are not quotes ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "It’s the club’s best season since the ’90s.",
        "It's the club's best season since the '90s.",
        "The rock ’n’ roll museum owes a lot to O’Brien.",
        "The rock 'n' roll museum owes a lot to O'Brien.",
        "The Joneses’ house and the boss’ car were damaged.",
        "Sean O’Brien and Ana D’Souza didn’t vote.",
        "They stayed ’til dawn.",
    ],
)
def test_apostrophes_make_no_span(text: str) -> None:
    assert spans(text) == ()


def test_apostrophes_inside_a_quotation_do_not_end_it() -> None:
    text = "“The ’90s weren’t O’Brien’s best years,” she said."
    assert contents(text) == ["The ’90s weren’t O’Brien’s best years,"]


def test_single_quote_after_plural_possessive_is_not_an_opener() -> None:
    text = "The workers’ union said ‘enough is enough’ on Monday."
    assert contents(text) == ["enough is enough"]


# -- paragraphs -------------------------------------------------------------------------------
def test_multi_paragraph_quote_is_one_span_with_a_fragment_per_paragraph() -> None:
    text = "“The water came in.\n\n“The bridge was gone.\n\n“We lost everything,” she said."
    [s] = spans(text)
    assert len(s.fragments) == 3
    assert [text[a:b] for a, b in s.fragments] == [
        "The water came in.",
        "The bridge was gone.",
        "We lost everything,",
    ]
    assert (s.paragraph, s.last_paragraph) == (0, 2)
    assert s.closed and "multi-paragraph" in s.rules


def test_multi_paragraph_with_straight_quotes() -> None:
    text = '"We started with nothing.\n\n"We ended with a majority," Ruiz said.'
    [s] = spans(text)
    assert len(s.fragments) == 2 and s.closed


def test_multi_paragraph_quote_is_capped_by_config() -> None:
    text = "“One.\n\n“Two.\n\n“Three.\n\n“Four,” she said."
    assert len(spans(text)) == 1
    capped = spans(text, max_quote_paragraphs=2)
    assert len(capped) >= 2
    assert all(s.last_paragraph - s.paragraph + 1 <= 2 for s in capped)


def test_unclosed_quote_is_bounded_at_its_paragraph() -> None:
    text = "“This is never closed and keeps going\n\nThe council met on Monday. Nothing happened."
    [s] = spans(text)
    assert not s.closed and s.close_at is None
    assert s.text == "This is never closed and keeps going"
    assert "unclosed-bounded-at-paragraph" in s.rules
    assert s.outer_end == s.end


def test_unclosed_quote_mid_paragraph_ends_with_the_paragraph() -> None:
    text = "The mayor called it “dead on arrival and worse.\n\nOfficials said “we will vote again.”"
    first, second = spans(text)
    assert first.text == "dead on arrival and worse." and not first.closed
    assert second.text == "we will vote again." and second.closed


def test_run_of_opened_paragraphs_without_a_closer_stops_at_narration() -> None:
    text = "“One part.\n\n“Two part.\n\nNarration follows here. The end."
    [s] = spans(text)
    assert not s.closed and s.last_paragraph == 1
    assert "Narration" not in s.text


def test_continuation_paragraph_that_is_only_a_mark() -> None:
    # Found by hypothesis: the second paragraph is a lone opening mark.
    text = "«X\n«"
    [s] = spans(text)
    assert s.fragments[-1][1] == s.end
    assert "«" not in s.text


def test_no_marks_no_spans() -> None:
    assert spans("The council met on Monday.") == ()
    assert spans("") == ()


def test_plain_pairing_keeps_the_spans_that_stand_alone() -> None:
    """The fallback past a cut pairs double marks plainly and keeps only what could be a
    quotation on its own (enough words, or a sentence)."""
    text = (
        "“We will win the vote,” she said. He called it ‘odd’ and “fine”. “No.”\n\n"
        "“Open the doors now"
    )
    analysis = RulesBackend().analyse(text)
    plain = pair_plainly(text, analysis.paragraphs, 0, Config())
    assert [q.text for q in plain] == ["We will win the vote,", "No.", "Open the doors now"]
    normal = [q for q in find_spans(analysis, Budget()) if stands_alone(q, Config())]
    assert [(q.start, q.end) for q in plain] == [(q.start, q.end) for q in normal]


def test_find_spans_past_its_budget_pairs_the_rest_plainly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A spent budget cuts the text at the paragraph being paired; every paragraph from
    there on is paired plainly, and the cut is recorded."""
    text = "“We will win the vote,” she said.\n\n“It is a ‘deal’ we like,” he said. “Ok” x"
    analysis = RulesBackend().analyse(text)
    clock = iter([0.0] + [1e9] * 100)
    monkeypatch.setattr("quoteattr._budget._now", lambda: next(clock))
    budget = Budget()
    budget.attach(analysis.paragraphs)
    found = find_spans(analysis, budget)
    assert budget.cut == 0
    assert [q.text for q in found] == ["We will win the vote,", "It is a ‘deal’ we like,"]
    assert "ran out in quote pairing" in budget.warnings[0]


# -- invariants ---------------------------------------------------------------------------------
def _check(text: str, max_paragraphs: int = 8) -> None:
    analysis = RulesBackend().analyse(text)
    config = Config(max_quote_paragraphs=max_paragraphs)
    found = find_spans(analysis, Budget(), config)
    paras = analysis.paragraphs
    last_end = -1
    for s in found:
        # Content spans are true slices of the text.
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.fragments[0][0] == s.start and s.fragments[-1][1] <= s.end
        # Marks are where the span says.
        assert text[s.open_at] in ALL_MARKS
        if s.close_at is not None:
            assert text[s.close_at] in ALL_MARKS and s.close_at >= s.end
        # Outermost spans only: in order and non-overlapping.
        assert s.outer_start >= last_end
        last_end = s.outer_end
        # Never more paragraphs than allowed.
        assert 0 <= s.paragraph <= s.last_paragraph < len(paras)
        assert s.last_paragraph - s.paragraph + 1 <= max_paragraphs
        assert 1 <= len(s.fragments) <= s.last_paragraph - s.paragraph + 1
        for a, b in s.fragments:
            assert a < b
            assert any(lo <= a and b <= hi for lo, hi in paras[s.paragraph : s.last_paragraph + 1])
        # A paragraph a quotation runs on into opens with a quote mark.
        for lo, _ in paras[s.paragraph + 1 : s.last_paragraph + 1]:
            assert text[lo] in ALL_MARKS
        # An unclosed quote never runs beyond its (last) paragraph.
        if not s.closed:
            assert s.end <= paras[s.last_paragraph][1]


@settings(max_examples=300, deadline=None)
@given(quote_soup)
def test_invariants_on_quote_soup(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(quote_soup, st.integers(min_value=1, max_value=3))
def test_invariants_with_small_paragraph_caps(text: str, cap: int) -> None:
    _check(text, cap)


@settings(max_examples=200, deadline=None)
@given(news_like)
def test_invariants_on_news_like_text(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_invariants_on_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["“We won.", "“Again.", "Narration.", "“Done,” she said."]), max_size=12
    )
)
def test_invariants_on_paragraph_runs(paragraphs: list[str]) -> None:
    _check("\n\n".join(paragraphs), 3)


def test_a_soup_of_unclosed_marks_keeps_its_outermost_quotation() -> None:
    """Rule open-marks-bounded: a thousand nested unclosed marks (far past the 64 kept open)
    still give one quotation spanning the paragraph, as with few marks."""
    for n in (10, 1000):
        text = "“a " * n + "end."
        [q] = spans(text)
        assert (q.open_at, q.end, q.closed) == (0, len(text), False)
        assert q.rules == ("unclosed-bounded-at-paragraph",)
    text = "“a " * 1000 + "b” " + "c” " * 999
    [q] = spans(text)
    assert q.open_at == 0 and q.closed
