"""Tests for quoteattr._budget: the per-document time budget, and what the extractor does
when it runs out (keep what was attributed, degrade the rest paragraph by paragraph, say
which part in one line per kind of problem)."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quoteattr import QuoteExtractor, QuoteKind, attribution, confidence, cues
from quoteattr._budget import AS_WRITTEN, CHECK_EVERY, Budget, BudgetExceeded
from quoteattr.model import spans_valid

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")

ARTICLE = (
    "“We are ready for the storm,” said Governor Ana Ruiz on Monday.\n\n"
    "Ruiz said the state had stored food and water for a week.\n\n"
    "“Nobody should drive tonight,” she added. “Stay home.”\n\n"
    "The mayor, Tom Bell, told reporters the shelters were open."
)


class Clock:
    """A stand-in for the budget's CPU clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr("quoteattr._budget._now", c)
    return c


# -- the clock and the checks --------------------------------------------------------------
def test_timeout_is_the_per_call_limit_while_time_remains(clock: Clock) -> None:
    b = Budget(total=10.0, per_call=1.0)
    assert b.timeout() == 1.0
    assert b.timeout(3_000_000) == 3.0  # a pass over 3 M characters: 1 s per million
    clock.now += 9.5
    assert b.timeout() == pytest.approx(0.5)  # never more than what is left


def test_timeout_raises_once_the_document_budget_is_spent(clock: Clock) -> None:
    b = Budget(total=2.0, per_call=1.0)
    clock.now += 2.0
    with pytest.raises(BudgetExceeded, match="time budget"):
        b.timeout()


def test_check_reads_the_clock_first_then_every_few_calls(clock: Clock) -> None:
    b = Budget(total=1.0)
    b.check()  # the first check reads the clock: time is left
    clock.now += 5.0
    for _ in range(CHECK_EVERY - 1):
        b.check()  # counted, not timed
    with pytest.raises(BudgetExceeded):
        b.check()
    with pytest.raises(BudgetExceeded):
        b.check()  # once spent, every check raises
    assert b.over()


def test_each_budget_is_separate(clock: Clock) -> None:
    spent = Budget(total=1.0)
    clock.now += 5.0
    fresh = Budget(total=1.0)
    with pytest.raises(BudgetExceeded):
        spent.timeout()
    assert fresh.timeout() == 1.0


def test_the_budget_counts_cpu_time_of_its_thread_not_waiting() -> None:
    """Sleeping (like waiting for the interpreter lock while other threads run) costs no
    budget: the clock is the calling thread's CPU time."""
    b = Budget(total=0.2)
    time.sleep(0.3)
    assert b.timeout() > 0


# -- cuts, skips, warnings -------------------------------------------------------------------
def test_stop_cuts_at_the_paragraph_and_grants_one_grace(clock: Clock) -> None:
    b = Budget(total=4.0)
    b.attach([(0, 10), (12, 20), (22, 30), (32, 40)])
    clock.now += 5.0
    b.stop("attribution", 25)
    assert b.cut == 22
    assert [b.keeps(x) for x in (0, 15, 22, 35)] == [True, True, False, False]
    assert b.left() == pytest.approx(2.0)  # half the budget again, to finish the rest
    clock.now += 3.0
    b.stop("coreference", 14, cut=False, effect=AS_WRITTEN)
    assert b.cut == 22  # not cut again; no second grace
    assert b.left() < 0
    b.stop("attribution", 5)
    assert b.cut == 0  # a later cut can only move the cut back
    assert len(b.warnings) == 2  # one line per stage
    assert "attribution: paragraphs 3-4 of 4 (characters 22-40)" in b.warnings[0]
    assert "(and 1 more like it)" in b.warnings[0]
    assert b.warnings[1].endswith(AS_WRITTEN)


def test_skips_degrade_one_paragraph_each_in_one_bounded_line() -> None:
    b = Budget(per_call=1.0)
    b.attach([(i * 10, i * 10 + 8) for i in range(200)])
    for i in range(0, 200, 2):
        b.skip("cue finding", i * 10 + 3)
        b.skip("cue finding", i * 10 + 4)  # twice in one paragraph: counted once
    assert not b.keeps(23) and b.keeps(13)
    assert b.cut is None
    assert len(b.skipped()) == 100
    [line] = b.warnings
    assert "in 100 paragraphs (1, 3, 5, 7, 9 and 95 more)" in line


def test_warnings_of_one_kind_make_one_line() -> None:
    b = Budget()
    b.warn("first")
    b.warn("second")
    b.warn("third", kind="first")
    assert b.warnings == ("first (and 1 more like it)", "second")


# -- the extractor ---------------------------------------------------------------------------
def _article(paragraphs: int) -> str:
    people = ["Ana Ruiz", "Tom Bell", "Eva Lind", "Omar Haddad"]
    return "\n\n".join(
        f"“We will open shelter number {i} tonight,” said {people[i % 4]}. "
        f"{people[(i + 1) % 4].split()[1]} said the roads were closed."
        for i in range(paragraphs)
    )


def test_a_budget_overrun_keeps_the_earlier_attributions(
    monkeypatch: pytest.MonkeyPatch, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    """The time runs out while attributing the quote of the fourth paragraph: the first four
    paragraphs keep their attributions exactly (the later passes finish them in the
    grace); from the fifth on, the quotes are quote-mark spans, unattributed, and the
    warning names that part."""
    monkeypatch.setattr("quoteattr._budget.CHECK_EVERY", 1)  # every check reads the clock
    text = _article(8)
    full = QuoteExtractor().extract(text)
    fourth = text.index("We will open shelter number 3")
    real = attribution._attribute_direct

    def slow(doc: object, qi: int, q: object, *args: object) -> None:
        if q.start >= fourth:  # type: ignore[attr-defined]
            clock.now += 1000.0
        real(doc, qi, q, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(attribution, "_attribute_direct", slow)
    with caplog.at_level(logging.WARNING, logger="quoteattr"):
        degraded = QuoteExtractor().extract(text)
    cut = text.index("\n\n", fourth) + 2
    assert [q.to_dict() for q in degraded if q.start < cut] == [
        q.to_dict() for q in full if q.start < cut
    ]
    rest = [q for q in degraded if q.start >= cut]
    assert [q.text for q in rest] == [q.text for q in full if q.kind is QuoteKind.DIRECT][4:]
    assert all(q.speaker is None and "budget-exceeded" in q.rules for q in rest)
    # The confidence of any quotation left without a speaker (docs/performance.md).
    unattributed = confidence.score(QuoteKind.DIRECT, ("paired-marks", "quote-unattributed"))
    assert all(q.confidence == unattributed for q in rest)
    [warning] = degraded.warnings
    assert "ran out in attribution: paragraphs 5-8 of 8" in warning
    assert "quote-mark spans only" in warning and warning in caplog.text
    assert spans_valid(text, list(degraded))


def test_coreference_out_of_time_keeps_speakers_as_written(
    monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    monkeypatch.setattr("quoteattr._budget.CHECK_EVERY", 1)
    text = _article(6)
    from quoteattr import coref

    real = coref._target
    calls = [0]

    def slow(analysis: object, m: object) -> object:
        calls[0] += 1
        if calls[0] == 3:
            clock.now += 1000.0
        return real(analysis, m)  # type: ignore[arg-type]

    monkeypatch.setattr(coref, "_target", slow)
    found = QuoteExtractor().extract(text)
    assert all(q.speaker is not None for q in found)  # nothing lost
    late = [q for q in found if "coreference-skipped" in q.rules]
    assert late and all(q.speaker.name == q.speaker.text for q in late)  # type: ignore[union-attr]
    assert any("Bell" == q.speaker.name for q in late)  # type: ignore[union-attr]
    assert any("ran out in coreference" in w for w in found.warnings)


def test_a_pattern_timing_out_in_one_paragraph_degrades_that_paragraph_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _article(4)
    full = QuoteExtractor().extract(text)
    second = text.index("number 1")
    para = (text.rindex("\n\n", 0, second) + 2, text.index("\n\n", second))
    real = cues._cue_matches

    def flaky(t: str, lo: int, hi: int, budget: Budget) -> object:
        if para[0] <= lo < para[1]:
            raise TimeoutError("regex timed out")
        return real(t, lo, hi, budget)

    monkeypatch.setattr(cues, "_cue_matches", flaky)
    found = QuoteExtractor().extract(text)
    inside = [q for q in found if para[0] <= q.start < para[1]]
    assert [q.text for q in inside] == ["We will open shelter number 1 tonight,"]
    assert inside[0].speaker is None and "budget-exceeded" in inside[0].rules
    outside = [q.to_dict() for q in found if not para[0] <= q.start < para[1]]
    assert outside == [q.to_dict() for q in full if not para[0] <= q.start < para[1]]
    [warning] = found.warnings
    assert "regex timeout of 1 s in cue finding, in 1 paragraph (2)" in warning


def test_tiny_budget_degrades_without_raising() -> None:
    found = QuoteExtractor(time_budget=1e-9).extract(ARTICLE)
    assert found.warnings
    assert len(found) == 3  # the three quoted spans, unattributed
    assert all(ARTICLE[q.start : q.end] == q.text for q in found)
    assert all(q.speaker is None and "budget-exceeded" in q.rules for q in found)


def test_budget_is_checked_between_sentences(clock: Clock) -> None:
    """find_cues consults the budget itself, so a long document cannot outrun it: it stops
    and records where."""
    from quoteattr.backends.rules import RulesBackend

    analysis = RulesBackend().analyse(ARTICLE, Budget(total=1000.0))
    b = Budget(total=1.0)
    b.attach(analysis.paragraphs)
    clock.now += 2.0
    assert cues.find_cues(analysis, (), b) == ()
    assert b.cut == 0 and "ran out in cue finding" in b.warnings[0]


def test_regex_timeout_in_segmentation_keeps_that_paragraph_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Segmentation that runs out of time keeps that paragraph whole, and says so."""
    from quoteattr import segment

    real = segment.sentence_spans

    def flaky(
        text: str, start: int, end: int, budget: Budget, dateline: bool = False
    ) -> list[tuple[int, int]]:
        if start == 0:
            raise TimeoutError("regex match timed out")
        return real(text, start, end, budget, dateline)

    monkeypatch.setattr(segment, "sentence_spans", flaky)
    found = QuoteExtractor().extract(ARTICLE)
    assert any("segmentation of paragraph 1" in w for w in found.warnings)
    assert {q.speaker.name for q in found if q.speaker} >= {"Ana Ruiz", "Tom Bell"}


def test_threads_give_the_sequential_results_at_the_budget() -> None:
    """Eight threads share one interpreter lock, so each waits most of its wall time; the
    budget counts only CPU time, so no text is degraded that is not degraded alone. (With a
    wall-clock budget of 1 s, these texts, about 0.1 s of CPU each, came back cut.)"""
    texts = [SEED * 12 for _ in range(8)]
    for extractor in (QuoteExtractor(time_budget=1.0), QuoteExtractor()):
        alone = [(r.to_dicts(), r.warnings) for r in map(extractor.extract, texts)]
        assert not any(w for _, w in alone)
        with ThreadPoolExecutor(max_workers=8) as pool:
            threaded = [(r.to_dicts(), r.warnings) for r in pool.map(extractor.extract, texts)]
        assert threaded == alone


@pytest.mark.parametrize(
    ("limit", "what"),
    [("quoteattr.quotes.MAX_SPANS", "quote spans"), ("quoteattr.cues.MAX_CUES", "cues")],
)
def test_too_many_spans_or_cues_cut_the_text_like_a_spent_budget(
    monkeypatch: pytest.MonkeyPatch, limit: str, what: str
) -> None:
    """Past the most quote spans (or cues) a document may hold, the text is cut at that
    paragraph, as for a spent budget: the paragraphs before keep their attributions."""
    text = _article(6)
    full = QuoteExtractor().extract(text)
    monkeypatch.setattr(limit, 5)
    found = QuoteExtractor().extract(text)
    [warning] = found.warnings
    assert f"more than 5 {what} in" in warning and "of 6" in warning
    cut = int(warning.split("(characters ")[1].split("-")[0])
    assert 0 < cut < len(text)
    assert [q for q in found if q.start < cut] == [q for q in full if q.start < cut]
    rest = [q for q in found if q.start >= cut]
    assert rest and all("budget-exceeded" in q.rules for q in rest)


def test_a_long_paragraph_is_cut_where_the_stage_stopped(
    monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    """A text with no line breaks is one paragraph: cut at its start, it would lose all it
    had. Past LONG_PARAGRAPH characters the cut falls where the stage stopped (here: past
    the limit of quote spans, then while attributing)."""
    unit = "“We will win the vote,” said Ana Ruiz. "
    text = unit * 700  # 27,300 characters, one paragraph
    full = QuoteExtractor().extract(text)
    assert len(full) == 700 and all(q.speaker is not None for q in full)

    monkeypatch.setattr("quoteattr.quotes.MAX_SPANS", 100)
    found = QuoteExtractor().extract(text)
    [warning] = found.warnings
    assert "more than 100 quote spans in quote pairing: the text from character" in warning
    assert [q.to_dict() for q in found[:100]] == [q.to_dict() for q in full[:100]]
    assert len(found) == 700 and all("budget-exceeded" in q.rules for q in found[100:])
    monkeypatch.setattr("quoteattr.quotes.MAX_SPANS", 200_000)

    # One sentence of cues with no stop ('A "B" said C.': "C." is an initial) is cut at
    # the cue past the limit, not at the start of its sentence.
    said = 'A "B" said C. ' * 2000
    monkeypatch.setattr("quoteattr.cues.MAX_CUES", 100)
    found = QuoteExtractor().extract(said)
    assert sum(q.speaker is not None for q in found) == 100
    assert "more than 100 cues in cue finding: the text from character" in found.warnings[0]
    monkeypatch.setattr("quoteattr.cues.MAX_CUES", 200_000)

    monkeypatch.setattr("quoteattr._budget.CHECK_EVERY", 1)
    real = attribution._attribute_direct
    at = text.index(unit, 300 * len(unit))

    def slow(doc: object, qi: int, q: object, *args: object) -> None:
        if q.open_at == at:  # type: ignore[attr-defined]
            clock.now += 1000.0
        real(doc, qi, q, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(attribution, "_attribute_direct", slow)
    found = QuoteExtractor().extract(text)
    kept = [q for q in found if "budget-exceeded" not in q.rules]
    assert 300 <= len(kept) < 310 and kept == full[: len(kept)]
    assert "ran out in attribution: the text from character" in found.warnings[0]
