"""Tests for quoteattr._budget: the per-document time budget and what happens when it runs out."""

from __future__ import annotations

import logging

import pytest

from quoteattr import QuoteExtractor, QuoteKind, cues
from quoteattr._budget import Budget, BudgetExceeded
from quoteattr.model import spans_valid

ARTICLE = (
    "“We are ready for the storm,” said Governor Ana Ruiz on Monday.\n\n"
    "Ruiz said the state had stored food and water for a week.\n\n"
    "“Nobody should drive tonight,” she added. “Stay home.”\n\n"
    "The mayor, Tom Bell, told reporters the shelters were open."
)


class Clock:
    """A stand-in for ``time.monotonic`` that moves only when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr("quoteattr._budget.time.monotonic", c)
    return c


def test_timeout_is_the_per_call_limit_while_time_remains(clock: Clock) -> None:
    b = Budget(total=10.0, per_call=1.0)
    assert b.timeout() == 1.0
    clock.now += 9.5
    assert b.timeout() == pytest.approx(0.5)  # never more than what is left


def test_timeout_raises_once_the_document_budget_is_spent(clock: Clock) -> None:
    b = Budget(total=2.0, per_call=1.0)
    clock.now += 2.0
    with pytest.raises(BudgetExceeded, match="time budget"):
        b.timeout()


def test_warnings_are_kept_in_order() -> None:
    b = Budget()
    b.warn("first")
    b.warn("second")
    assert b.warnings == ["first", "second"]


def test_each_budget_is_separate(clock: Clock) -> None:
    spent = Budget(total=1.0)
    clock.now += 5.0
    fresh = Budget(total=1.0)
    with pytest.raises(BudgetExceeded):
        spent.timeout()
    assert fresh.timeout() == 1.0


def test_budget_exceeded_mid_document_keeps_every_quote_span(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The documented result: all quote-mark spans, unattributed, a warning, a log line."""
    full = QuoteExtractor().extract(ARTICLE)

    def too_slow(*args: object, **kwargs: object) -> None:
        raise TimeoutError("regex match timed out")

    monkeypatch.setattr(cues, "find_cues", too_slow)
    with caplog.at_level(logging.WARNING, logger="quoteattr"):
        degraded = QuoteExtractor().extract(ARTICLE)
    assert "returning quote marks only" in caplog.text
    assert any("attribution skipped" in w for w in degraded.warnings)
    direct = [(q.start, q.end) for q in full if q.kind is QuoteKind.DIRECT]
    assert [(q.start, q.end) for q in degraded] == direct
    assert all(q.speaker is None and "budget-exceeded" in q.rules for q in degraded)
    assert spans_valid(ARTICLE, [q for q in degraded])


def test_tiny_budget_degrades_without_raising() -> None:
    found = QuoteExtractor(time_budget=1e-9).extract(ARTICLE)
    assert found.warnings
    assert len(found) == 3  # the three quoted spans, unattributed
    assert all(ARTICLE[q.start : q.end] == q.text for q in found)


def test_budget_is_checked_between_sentences(clock: Clock) -> None:
    """find_cues consults the budget itself, so a long document cannot outrun it."""
    from quoteattr.backends.rules import RulesBackend

    analysis = RulesBackend().analyse(ARTICLE, Budget(total=1000.0))
    b = Budget(total=1.0)
    clock.now += 2.0
    with pytest.raises(BudgetExceeded):
        cues.find_cues(analysis, (), b)


def test_regex_timeout_in_one_paragraph_keeps_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    """Segmentation that runs out of time keeps that paragraph whole, and says so."""
    from quoteattr.backends import rules

    real = rules.sentence_spans

    def flaky(text: str, start: int, end: int, budget: Budget) -> list[tuple[int, int]]:
        if start == 0:
            raise TimeoutError("regex match timed out")
        return real(text, start, end, budget)

    monkeypatch.setattr(rules, "sentence_spans", flaky)
    found = QuoteExtractor().extract(ARTICLE)
    assert any("paragraph 0" in w for w in found.warnings)
    assert {q.speaker.name for q in found if q.speaker} >= {"Ana Ruiz", "Tom Bell"}
