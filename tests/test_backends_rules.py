"""The rules backend: paragraphs and sentences by named regex rules, offsets into the text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr._budget import Budget, BudgetExceeded
from quoteattr.backends import BACKENDS, get_backend
from quoteattr.backends.rules import RulesBackend, paragraph_spans, sentence_spans
from quoteattr.errors import QuoteAttrError
from quoteattr.model import Analysis

from .strategies import any_text, news_like, quote_soup


def sentences(text: str) -> list[str]:
    a = RulesBackend().analyse(text)
    return [text[s.start : s.end] for s in a.sentences]


# -- paragraphs ---------------------------------------------------------------------------------
def test_paragraphs_split_at_line_breaks_and_skip_blank_lines() -> None:
    text = "Rain fell all night.\n\n  The river rose.  \r\n\r\nResidents fled.\nThe end."
    spans = paragraph_spans(text, Budget())
    assert [text[s:e] for s, e in spans] == [
        "Rain fell all night.",
        "The river rose.",
        "Residents fled.",
        "The end.",
    ]


def test_paragraphs_of_empty_or_blank_text() -> None:
    assert paragraph_spans("", Budget()) == []
    assert paragraph_spans(" \n\n\t \n", Budget()) == []


def test_unicode_line_and_paragraph_separators_end_paragraphs() -> None:
    text = "One line.\u2028Two line.\u2029Three."
    assert len(paragraph_spans(text, Budget())) == 3


def test_sentence_knows_its_paragraph() -> None:
    text = "First one. Second one.\n\nThird one."
    a = RulesBackend().analyse(text)
    assert [s.paragraph for s in a.sentences] == [0, 0, 1]
    assert a.backend == "rules" and a.text is text


# -- sentences ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Elizabeth Warren spoke on Tuesday. She left early.",
            ["Sen. Elizabeth Warren spoke on Tuesday.", "She left early."],
        ),
        (
            "Gov. Ana Ruiz met Lt. Gov. Tom Bell. They spoke.",
            ["Gov. Ana Ruiz met Lt. Gov. Tom Bell.", "They spoke."],
        ),
        (
            "The talks began on Jan. 5 in Geneva. They ended on Feb. 2.",
            ["The talks began on Jan. 5 in Geneva.", "They ended on Feb. 2."],
        ),
        (
            "The U.S. ambassador arrived at 9 a.m. on Monday. She met the press.",
            ["The U.S. ambassador arrived at 9 a.m. on Monday.", "She met the press."],
        ),
        (
            "J. Edgar Hoover ran the bureau. He ran it for decades.",
            ["J. Edgar Hoover ran the bureau.", "He ran it for decades."],
        ),
        (
            "“We will appeal,” he said. “We always do.”",
            ["“We will appeal,” he said.", "“We always do.”"],
        ),
        (
            "“Is it over?” she asked. Nobody answered.",
            ["“Is it over?” she asked.", "Nobody answered."],
        ),
        (
            "“Enough!” shouted the crowd. The speaker left.",
            ["“Enough!” shouted the crowd.", "The speaker left."],
        ),
        (
            "“It is over.” The minister left the room.",
            ["“It is over.”", "The minister left the room."],
        ),
        (
            "Prices rose 3.5 percent. Wages did not.",
            ["Prices rose 3.5 percent.", "Wages did not."],
        ),
        (
            "He waited… Then he left. Really?! Yes.",
            ["He waited…", "Then he left.", "Really?!", "Yes."],
        ),
        (
            "Acme Corp. and Beta Inc. merged in Calif. last year. Shares rose.",
            ["Acme Corp. and Beta Inc. merged in Calif. last year.", "Shares rose."],
        ),
        (
            "Dr. Ana Ruiz (a surgeon) spoke. (She was tired.) Then she left.",
            ["Dr. Ana Ruiz (a surgeon) spoke.", "(She was tired.)", "Then she left."],
        ),
    ],
)
def test_sentence_rules(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_no_boundary_before_a_lower_case_word() -> None:
    # Rule next-must-start-sentence: “…?” she asked is one sentence.
    assert sentences("“Why now?” asked the senator. “Why not?” he replied.") == [
        "“Why now?” asked the senator.",
        "“Why not?” he replied.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The vote was held in the U.S. The result surprised everyone.",
        "She works for the U.N. She said so on Monday.",
        "Sen. Warren spoke at 9 a.m. Then she left.",
    ],
)
def test_dotted_abbreviation_can_end_a_sentence(text: str) -> None:
    assert len(sentences(text)) == 2


def test_the_word_no_ends_a_sentence() -> None:
    assert sentences("The firm said no. Then it said yes.") == [
        "The firm said no.",
        "Then it said yes.",
    ]


def test_sentence_spans_inside_a_paragraph() -> None:
    text = "Intro.\n\nOne. Two."
    lo = text.index("One")
    spans = sentence_spans(text, lo, len(text), Budget())
    assert [text[s:e] for s, e in spans] == ["One.", "Two."]


def test_budget_exhausted_during_sentences_keeps_paragraphs_whole() -> None:
    class Once(Budget):
        """A budget that allows the first paragraph's sentences, then nothing."""

        calls = 0

        def timeout(self, chars: int = 0) -> float:
            self.calls += 1
            if self.calls > 1:
                raise BudgetExceeded("out of time")
            return 1.0

    text = "One. Two.\n\nThree. Four."
    a = RulesBackend().analyse(text, Once())
    assert [text[s.start : s.end] for s in a.sentences] == ["One.", "Two.", "Three. Four."]
    # One line: the text is cut at the second paragraph (its quotes will be marks only).
    assert len(a.warnings) == 1 and "sentence segmentation: paragraphs 2-2 of 2" in a.warnings[0]


def test_paragraphs_need_no_budget() -> None:
    # Paragraphs are split by str methods in linear time: even a spent budget finds them.
    budget = Budget(total=0.0)
    a = RulesBackend().analyse("One. Two.\n\nThree.", budget)
    assert a.paragraphs == ((0, 9), (11, 17))
    assert [(s.start, s.end) for s in a.sentences] == [(0, 9), (11, 17)]
    assert all("paragraph" in w for w in a.warnings)


# -- registry -----------------------------------------------------------------------------------
def test_get_backend_by_name() -> None:
    assert get_backend("rules").name == "rules"
    assert "rules" in BACKENDS and "stanza" in BACKENDS


def test_get_backend_unknown_name_lists_the_known() -> None:
    with pytest.raises(QuoteAttrError, match="rules"):
        get_backend("spacy")


# -- invariants ---------------------------------------------------------------------------------
def _check_segmentation(text: str) -> None:
    a: Analysis = RulesBackend().analyse(text)
    paras = a.paragraphs
    # Paragraphs: ordered, non-overlapping, trimmed, without line breaks.
    for (_, e), nxt in itertools.pairwise(paras):
        assert e <= nxt[0]
    for s, e in paras:
        assert 0 <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert "\n" not in text[s:e] and "\r" not in text[s:e]
    # Every non-space character outside the paragraphs is nowhere.
    covered_p = set()
    for s, e in paras:
        covered_p.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered_p)
    # Sentences: ordered, non-overlapping, non-empty, inside their paragraph.
    sents = a.sentences
    for x, y in itertools.pairwise(sents):
        assert x.end <= y.start
        assert x.paragraph <= y.paragraph
    covered_s = set()
    for s in sents:
        ps, pe = paras[s.paragraph]
        assert ps <= s.start < s.end <= pe
        covered_s.update(range(s.start, s.end))
    # Together they cover every non-space character of the text.
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered_s)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_segmentation_invariants_on_any_text(text: str) -> None:
    _check_segmentation(text)


@settings(max_examples=200, deadline=None)
@given(news_like)
def test_segmentation_invariants_on_news_like_text(text: str) -> None:
    _check_segmentation(text)


@settings(max_examples=100, deadline=None)
@given(quote_soup)
def test_segmentation_invariants_on_quote_soup(text: str) -> None:
    _check_segmentation(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Sen.", "U.S.", "a.m.", "J.", "Jan.", "No.", "He left."]), max_size=30
    )
)
def test_abbreviation_runs_never_break_invariants(words: list[str]) -> None:
    _check_segmentation(" ".join(words))
