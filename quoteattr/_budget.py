"""A time budget for regular-expression matching over user text.

Every ``regex`` call that sees user text takes its ``timeout`` from a :class:`Budget`, so no
input can hang a process: a single call may use at most ``per_call`` seconds and a document
at most ``total`` seconds. When either runs out, :class:`BudgetExceeded` is raised, and the
stage that catches it keeps what it found so far and records a warning.

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
