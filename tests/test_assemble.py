"""Stage 5: resolved attributions become Quote records, filtered and de-duplicated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Config, QuoteKind, Span, Speaker, SpeakerKind
from quoteattr._assemble import build_quotes
from quoteattr.attribution import Attribution
from quoteattr.backends.rules import RulesBackend
from quoteattr.model import spans_valid

TEXT = "“We will win,” she said, “and we will govern.” The mayor said taxes would fall."
ANALYSIS = RulesBackend().analyse(TEXT)
SHE = Speaker(
    start=TEXT.index("she"), end=TEXT.index("she") + 3, text="she", name="Ana Ruiz",
    kind=SpeakerKind.PERSON,
)  # fmt: skip


def _at(word: str, occurrence: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = TEXT.index(word, i + 1)
    return i, i + len(word)


def att(
    fragments: tuple[tuple[int, int], ...],
    confidence: float = 0.8,
    speaker: Speaker | None = SHE,
    kind: QuoteKind = QuoteKind.DIRECT,
    cue: tuple[int, int] | None = None,
    rules: tuple[str, ...] = ("test-rule",),
) -> Attribution:
    return Attribution(
        kind=kind,
        fragments=fragments,
        cue=cue,
        mention=None,
        rules=rules,
        confidence=confidence,
        speaker=speaker,
    )


SPLIT = (
    (1, TEXT.index("”")),
    (TEXT.index("and we"), TEXT.index("”", TEXT.index("and we"))),
)
INDIRECT = ((TEXT.index("taxes"), TEXT.rindex(".")),)


def test_a_split_quote_becomes_one_record() -> None:
    [q] = build_quotes(ANALYSIS, [att(SPLIT, cue=_at("said"))], Config())
    assert q.kind is QuoteKind.DIRECT
    assert [f.text for f in q.fragments] == ["We will win,", "and we will govern."]
    assert (q.start, q.end) == (SPLIT[0][0], SPLIT[1][1])
    assert q.text == TEXT[q.start : q.end]
    assert q.cue == Span(*_at("said"), "said")
    assert q.speaker is SHE and q.confidence == 0.8 and q.rules == ("test-rule",)


def test_records_come_out_in_text_order() -> None:
    later = att(INDIRECT, kind=QuoteKind.INDIRECT, cue=_at("said", 1))
    earlier = att(SPLIT[:1])
    quotes = build_quotes(ANALYSIS, [later, earlier], Config())
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert [q.kind for q in quotes] == [QuoteKind.DIRECT, QuoteKind.INDIRECT]


def test_min_confidence_filters() -> None:
    low = att(INDIRECT, confidence=0.3, kind=QuoteKind.INDIRECT)
    high = att(SPLIT[:1], confidence=0.9)
    quotes = build_quotes(ANALYSIS, [low, high], Config(min_confidence=0.5))
    assert [q.confidence for q in quotes] == [0.9]


def test_unattributed_kept_or_dropped_by_config() -> None:
    nobody = att(SPLIT[:1], speaker=None)
    assert len(build_quotes(ANALYSIS, [nobody], Config())) == 1
    assert build_quotes(ANALYSIS, [nobody], Config(include_unattributed=False)) == []


def test_overlap_keeps_the_most_confident() -> None:
    # Rule overlap-keeps-most-confident: over half of the shorter span is shared.
    a = att(SPLIT[:1], confidence=0.6, rules=("weak",))
    b = att(((SPLIT[0][0] + 2, SPLIT[0][1]),), confidence=0.9, rules=("strong",))
    [q] = build_quotes(ANALYSIS, [a, b], Config())
    assert q.rules == ("strong", "overlap-keeps-most-confident")
    [q] = build_quotes(ANALYSIS, [b, att(SPLIT[:1], confidence=0.95, rules=("best",))], Config())
    assert q.rules == ("best", "overlap-keeps-most-confident")


def test_ties_keep_the_first() -> None:
    a = att(SPLIT[:1], confidence=0.7, rules=("first",))
    b = att(SPLIT[:1], confidence=0.7, rules=("second",))
    [q] = build_quotes(ANALYSIS, [a, b], Config())
    assert q.rules == ("first", "overlap-keeps-most-confident")


def test_small_overlap_keeps_both() -> None:
    s, e = SPLIT[0]
    a = att(((s, e),))
    b = att(((e - 2, e + 10),))
    assert len(build_quotes(ANALYSIS, [a, b], Config())) == 2


def test_nothing_in_nothing_out() -> None:
    assert build_quotes(ANALYSIS, [], Config()) == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(TEXT) - 1),
            st.integers(1, 20),
            st.floats(0.0, 1.0),
            st.booleans(),
        ),
        max_size=8,
    ),
    st.floats(0.0, 1.0),
)
def test_invariants(items: list[tuple[int, int, float, bool]], threshold: float) -> None:
    atts = [
        att(((s, min(len(TEXT), s + n)),), confidence=c, speaker=SHE if named else None)
        for s, n, c, named in items
    ]
    quotes = build_quotes(ANALYSIS, atts, Config(min_confidence=threshold))
    assert len(quotes) <= len(atts)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert q.confidence >= threshold
        assert spans_valid(TEXT, [Span(q.start, q.end, q.text), *q.fragments])


def test_first_person_inside_its_own_quote_is_never_the_speaker() -> None:
    text = "“We will win,” she said."
    we = Speaker(start=1, end=3, text="We", name="We", kind=SpeakerKind.UNKNOWN)
    wrong = Attribution(
        kind=QuoteKind.DIRECT,
        fragments=((1, 13),),
        cue=None,
        mention=None,
        rules=("test-rule",),
        confidence=0.5,
        speaker=we,
    )
    [q] = build_quotes(RulesBackend().analyse(text), [wrong], Config())
    assert q.speaker is None
    assert "first-person-inside-quote" in q.rules


def test_overlap_records_the_rule_that_kept_the_winner() -> None:
    a = att(((1, 13),), confidence=0.9)
    b = att(((1, 12),), confidence=0.3, rules=("weaker",))
    [q] = build_quotes(ANALYSIS, [a, b], Config())
    assert q.confidence == 0.9
    assert "overlap-keeps-most-confident" in q.rules


def test_broad_scheme_keeps_the_complementizer() -> None:
    from quoteattr import Config, QuoteExtractor, extract_quotes

    text = "Ana Ruiz told reporters on Friday that taxes will rise next year."
    broad = QuoteExtractor(Config(scheme="broad")).extract(text)
    assert [q.text for q in broad] == ["that taxes will rise next year"]
    assert "complementizer-in-content" in broad[0].rules
    assert broad[0].text == text[broad[0].start : broad[0].end]
    assert [q.text for q in extract_quotes(text)] == ["taxes will rise next year"]
