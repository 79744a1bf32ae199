"""A time budget for regular-expression matching over user text.

Every ``regex`` call over a whole text or paragraph takes its ``timeout`` from a
:class:`Budget`, so no input can hang a process: a single call may use at most ``per_call``
seconds and a document at most ``total`` seconds (the other calls look at a few words, or are
linear patterns anchored at one position). The stages also call :meth:`Budget.timeout`
between sentences, quotes and cues, so a long document cannot outrun its budget. When either
limit is reached, ``TimeoutError`` or :class:`BudgetExceeded` is raised, and the document is
degraded, never dropped, and never silently (see ``docs/performance.md``):

* segmentation keeps the rest of the text split at line breaks only, or the paragraph at hand
  as one sentence;
* quote finding and attribution give way to every span between paired quote marks, as a
  ``direct`` quote with no speaker or cue, confidence 0.2, rules ``quote-unattributed`` and
  ``budget-exceeded``;
* a warning is logged on the ``quoteattr`` logger and kept on ``Quotes.warnings``.

A budget belongs to one document; other documents are not affected.

>>> b = Budget(total=5.0, per_call=1.0)
>>> 0 < b.timeout() <= 1.0
True
"""

from __future__ import annotations

import time

__all__ = ["Budget", "BudgetExceeded"]


class BudgetExceeded(Exception):
    """Matching over one document ran out of its time budget."""


class Budget:
    """Remaining matching time for one document (mutable: one per document, never shared)."""

    __slots__ = ("deadline", "per_call", "warnings")

    def __init__(self, total: float = 10.0, per_call: float = 1.0) -> None:
        self.deadline = time.monotonic() + total
        self.per_call = per_call
        self.warnings: list[str] = []

    def timeout(self) -> float:
        """Seconds the next regex call may take; raises :class:`BudgetExceeded` if none."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise BudgetExceeded("time budget for this document exceeded")
        return min(remaining, self.per_call)

    def warn(self, message: str) -> None:
        """Record a problem that degraded the result."""
        self.warnings.append(message)
