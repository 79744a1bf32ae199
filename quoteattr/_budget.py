"""The time budget of one document, which every stage checks as it goes.

A :class:`Budget` is made for each document by :meth:`QuoteExtractor.extract
<quoteattr.QuoteExtractor.extract>` from ``Config.time_budget`` (seconds) and
``Config.regex_timeout`` (seconds for one regular-expression call). It counts **CPU time of
the calling thread** (:func:`time.thread_time`), so time spent waiting for the interpreter
lock while other threads run is not counted: eight threads give the sequential results.

When the time runs out, what was already attributed is **kept**; only the rest of the text
is degraded, paragraph by paragraph, and the result's warnings say which part (one line per
kind of problem, with a count, however many times it happened).

How a stage uses it
-------------------
Call :meth:`Budget.check` once per unit of work (a mark, a sentence, a cue, a quote, a
mention): it is a counter that reads the clock only every :data:`CHECK_EVERY` calls, and it
raises :class:`BudgetExceeded` once the time is spent. Give every ``regex`` call over more
than a few words ``timeout=budget.timeout()`` (``budget.timeout(len(text))`` for a call
that reads a whole text). Then, around each unit::

    for item in items:                      # in text order
        if not budget.keeps(item.start):    # past the cut, or a part skipped
            continue
        try:
            budget.check()
            work_on(item)
        except BudgetExceeded:              # the document's time is spent
            budget.stop("my stage", item.start)
            break
        except TimeoutError:                # one regex call took over regex_timeout
            budget.skip("my stage", item.start, item.end)
    budget.checkpoint()

* :meth:`Budget.stop` ``(stage, offset)`` cuts the document at the start of the paragraph
  holding ``offset`` (at ``offset`` itself in a paragraph longer than
  :data:`LONG_PARAGRAPH`): from there on every stage leaves the text alone and the result
  holds only the quote-mark spans found there that could stand as quotations,
  unattributed (rule ``budget-exceeded``). The first stop grants the stages after it a
  grace of half the budget to finish the part before the cut (so a document uses at most
  about 1.5 times its budget, plus the linear fallback).
* A stage whose own output can degrade without losing quotes (coreference, the cast) calls
  ``stop(stage, offset, cut=False, effect="...")``: nothing is cut, the stage does what
  ``effect`` says from there on (for coreference: each speaker stays as written, not
  resolved), and the warning says so.
* :meth:`Budget.skip` ``(stage, offset, end)`` degrades one paragraph only (a regular
  expression timed out there; in a long paragraph only ``[offset, end)``);
  :meth:`Budget.keeps` tells a stage which offsets are still to be worked on.
  :meth:`Budget.over` is :meth:`check` as a boolean, for loops that prefer a test.
* Call :meth:`Budget.checkpoint` at the end of each pass over the text: it reads the clock,
  so that time spent in a pass's last units (between two clock readings) grants the grace
  to the passes after it instead of making the next one cut the text at its start.

Besides time, a document may hold at most :data:`MAX_SPANS` quote spans and :data:`MAX_CUES`
cues (what some 80 and 22 megabytes of news hold): past either, the stage raises
:class:`LimitExceeded` (a :class:`BudgetExceeded`) and the text is cut in the same way,
with ``reason`` in the warning, so that no text can fill the memory with records. One
sentence reads at most :data:`MAX_CUE_RUN` cues in a row with no quotation between them in
each :data:`CUE_STRETCH` characters; nothing is cut for that, the warning says where.

A budget belongs to one document and is used by one thread; other documents are not
affected. Offsets map to paragraphs once :meth:`Budget.attach` has been given the
paragraph spans (``QuoteExtractor.extract`` does it after segmentation); before that a cut
falls at the offset itself.

>>> b = Budget(total=5.0, per_call=1.0)
>>> 0 < b.timeout() <= 1.0
True
>>> b.attach([(0, 10), (12, 30), (32, 50)])
>>> b.stop("attribution", 20)
>>> b.keeps(5), b.keeps(12), b.keeps(40)
(True, False, False)
>>> print(*b.warnings)  # doctest: +NORMALIZE_WHITESPACE
time budget of 5 s ran out in attribution: paragraphs 2-3 of 3 (characters 12-50):
quote-mark spans only, unattributed
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence

__all__ = [
    "AS_WRITTEN",
    "CHECK_EVERY",
    "CUE_STRETCH",
    "LONG_PARAGRAPH",
    "MAX_CUES",
    "MAX_CUE_RUN",
    "MAX_SPANS",
    "UNATTRIBUTED",
    "Budget",
    "BudgetExceeded",
    "LimitExceeded",
]

#: :meth:`Budget.check` reads the clock once every this many calls.
CHECK_EVERY = 32

#: What a cut does to the text after it (the default ``effect`` of :meth:`Budget.stop`).
UNATTRIBUTED = "quote-mark spans only, unattributed"

#: A paragraph longer than this (characters) is degraded from where a stage stopped, not
#: from its start (news paragraphs are under 5,000 characters; a text with no line breaks
#: is one paragraph).
LONG_PARAGRAPH = 20_000

#: What coreference does past the point where it ran out of time.
AS_WRITTEN = "speakers as written, not resolved by coreference"

# How many paragraph numbers a warning lists before it only counts them.
_LISTED = 5


class BudgetExceeded(Exception):
    """The document's time budget is spent."""


class LimitExceeded(BudgetExceeded):
    """A document holds more quote spans or cues than :data:`MAX_SPANS` or
    :data:`MAX_CUES`: the rest of it is degraded as if its time were spent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


#: The most quote spans one document is attributed with (news has about 2,500 a megabyte):
#: past it the text is cut as for a spent budget, so that a soup of marks cannot fill the
#: memory with records (a span costs about 300 bytes while it is worked on).
MAX_SPANS = 200_000

#: The most cues one document is attributed with (news has about 4,500 a megabyte, so this
#: is some 22 MB of news, twice what the default time budget reads); a cue and what is built
#: on it (its attribution, mention, speaker and the cast's record of it) cost up to 4 KB
#: while they are worked on.
MAX_CUES = 100_000

#: The most cues read in a row, with no quotation between them, in one sentence within each
#: stretch of :data:`CUE_STRETCH` characters (stretches counted from the start of the text).
#: News sentences hold at most five cues (the PolNeAR dev set: 12,000 sentences; 15 cues in
#: the densest 1,000 characters, across sentences); a run of cues with no stop ("Ana said
#: Ben said Ana said ...") would otherwise be attributed cue by cue, at some 25 times the
#: cost of news per character. Past the limit, the stretch's other cue words are read as
#: plain words (the contents of the cues before them run on over them), and the result
#: warns, once per kind with a count. A quotation between two cues starts a new run.
MAX_CUE_RUN = 32

#: The stretch (characters) of one sentence in which at most :data:`MAX_CUE_RUN` cues are
#: read in a row: the window the attribution rules read around a cue in a long "sentence".
CUE_STRETCH = 4096


def _now() -> float:
    # Looked up at each call (not bound at import), so tests can replace the clock.
    return time.thread_time()


def _seconds(x: float) -> str:
    return f"{x:g} s"


class Budget:
    """The remaining CPU time of one document, and what was degraded when it ran out.

    Mutable, one per document, used by one thread.

    Args:
        total: Seconds of CPU time (of the calling thread) the document may use.
        per_call: Seconds one regular-expression call may take (its ``timeout``).
    """

    __slots__ = (
        "_countdown",
        "_kinds",
        "_paragraphs",
        "_skipped",
        "_starts",
        "cut",
        "deadline",
        "grace_used",
        "per_call",
        "total",
    )

    def __init__(self, total: float = 10.0, per_call: float = 1.0) -> None:
        self.total = total
        self.per_call = per_call
        self.deadline = _now() + total
        self.grace_used = False
        #: Offset from which the text is degraded (``None``: nothing cut).
        self.cut: int | None = None
        self._countdown = 1  # the first check reads the clock
        self._paragraphs: Sequence[tuple[int, int]] = ()
        self._starts: list[int] | None = None
        self._skipped: list[tuple[int, int]] = []
        # One entry per kind of warning, in the order first met.
        self._kinds: dict[str, _Kind] = {}

    # -- time -------------------------------------------------------------------------
    def left(self) -> float:
        """Seconds of CPU time left (negative once spent)."""
        return self.deadline - _now()

    def timeout(self, chars: int = 0) -> float:
        """Seconds the next regex call may take; raises :class:`BudgetExceeded` if none.

        A call that scans ``chars`` characters (a pass over a whole long text) may take
        ``per_call`` seconds per million characters; any call at least ``per_call``.
        """
        remaining = self.deadline - _now()
        if remaining <= 0:
            raise BudgetExceeded(f"time budget of {_seconds(self.total)} exceeded")
        return min(remaining, self.per_call * max(1.0, chars / 1_000_000))

    def check(self) -> None:
        """Count one unit of work; every :data:`CHECK_EVERY` units, raise
        :class:`BudgetExceeded` if the time is spent. Cheap enough for every mark or word."""
        self._countdown -= 1
        if self._countdown > 0:
            return
        self._countdown = CHECK_EVERY
        if _now() >= self.deadline:
            self._countdown = 1  # spent: every later check raises
            raise BudgetExceeded(f"time budget of {_seconds(self.total)} exceeded")

    def checkpoint(self) -> None:
        """Read the clock at the end of a pass over the text: if the time ran out in its last
        few units (after the last clock reading), the passes still to come get the grace
        (half the budget, once), so that they do not cut the text at their first unit."""
        if not self.grace_used and _now() >= self.deadline:
            self.grace_used = True
            self.deadline = _now() + self.total / 2
        self._countdown = CHECK_EVERY

    def over(self) -> bool:
        """:meth:`check` as a test: whether the time is spent (read every few calls)."""
        try:
            self.check()
        except BudgetExceeded:
            return True
        return False

    # -- where the text is degraded ---------------------------------------------------
    def attach(self, paragraphs: Sequence[tuple[int, int]]) -> None:
        """Give the document's paragraph spans, so that offsets map to paragraphs."""
        self._paragraphs = paragraphs
        self._starts = None  # built when first needed: most documents never need it

    def _paragraph(self, offset: int) -> int | None:
        """Index of the paragraph holding (or following) ``offset``; ``None`` if unknown."""
        if not self._paragraphs:
            return None
        if self._starts is None:
            self._starts = [s for s, _ in self._paragraphs]
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return 0
        if offset >= self._paragraphs[i][1] and i + 1 < len(self._paragraphs):
            i += 1  # between two paragraphs: the next one
        return i

    def keeps(self, offset: int) -> bool:
        """Whether ``offset`` lies in the part of the text still worked on normally."""
        if self.cut is not None and offset >= self.cut:
            return False
        if not self._skipped:
            return True
        # Each skipped part cost a regex timeout, so there are only ever a few.
        return not any(lo <= offset < hi for lo, hi in self._skipped)

    def _degrade_from(self, p: int | None, offset: int) -> int:
        """Where degrading starts for a stage stopped at ``offset``: its paragraph's start,
        or ``offset`` itself in a paragraph longer than :data:`LONG_PARAGRAPH` (a text of
        megabytes with no line break would otherwise lose all it had attributed)."""
        if p is None:
            return offset
        ps, pe = self._paragraphs[p]
        return ps if pe - ps <= LONG_PARAGRAPH or offset <= ps else min(offset, pe)

    def stop(
        self,
        stage: str,
        offset: int,
        *,
        cut: bool = True,
        effect: str = UNATTRIBUTED,
        reason: str | None = None,
    ) -> None:
        """Record that ``stage`` ran out of time at ``offset`` (see the module's docstring).

        With ``cut`` (the default), everything from the start of the paragraph holding
        ``offset`` (from ``offset`` itself in a paragraph longer than
        :data:`LONG_PARAGRAPH`) is degraded to quote-mark spans. The first stop grants half
        the budget again, once, for the later stages to finish the part before it.
        ``reason`` replaces "time budget of N s ran out" in the warning (for a
        :class:`LimitExceeded`).
        """
        p = self._paragraph(offset)
        start = self._degrade_from(p, offset)
        if cut:
            self.cut = start if self.cut is None else min(self.cut, start)
        if not self.grace_used:
            self.grace_used = True
            self.deadline = max(self.deadline, _now()) + self.total / 2
            self._countdown = CHECK_EVERY
        end = self._paragraphs[-1][1] if self._paragraphs else None
        n = len(self._paragraphs)
        if p is None:
            where = f"the text from character {start}"
        elif start == self._paragraphs[p][0]:
            where = f"paragraphs {p + 1}-{n} of {n} (characters {start}-{end})"
        else:
            where = f"the text from character {start} (in paragraph {p + 1} of {n}) to {end}"
        why = reason or f"time budget of {_seconds(self.total)} ran out"
        self._record(f"stop:{stage}", f"{why} in {stage}: {where}: {effect}")

    def skip(self, stage: str, offset: int, end: int | None = None) -> None:
        """Record that a regex call of ``stage`` timed out at ``offset``: the paragraph
        there alone is degraded to quote-mark spans (in a paragraph longer than
        :data:`LONG_PARAGRAPH`, only ``[offset, end)``, the unit the stage was reading)."""
        p = self._paragraph(offset)
        if p is None:
            self.stop(stage, offset)
            return
        ps, pe = self._paragraphs[p]
        part = (offset, end) if end is not None and pe - ps > LONG_PARAGRAPH else (ps, pe)
        if part not in self._skipped:
            self._skipped.append(part)
            self._record(f"skip:{stage}", None, p, partial=part != (ps, pe))

    def skipped(self) -> list[tuple[int, int]]:
        """The parts degraded one by one (:meth:`skip`), in text order."""
        return sorted(self._skipped)

    # -- warnings ---------------------------------------------------------------------
    def warn(self, message: str, kind: str | None = None) -> None:
        """Record a problem that degraded the result. Messages of one ``kind`` (default:
        the message itself) make one line, with a count when there are several."""
        self._record(kind or message, message)

    def _record(
        self, kind: str, message: str | None, paragraph: int | None = None, partial: bool = False
    ) -> None:
        entry = self._kinds.get(kind)
        if entry is None:
            entry = self._kinds[kind] = _Kind(message)
        entry.count += 1
        entry.partial = entry.partial or partial
        if paragraph is not None and len(entry.paragraphs) < _LISTED:
            entry.paragraphs.append(paragraph)

    @property
    def warnings(self) -> tuple[str, ...]:
        """One line per kind of problem, in the order first met."""
        lines = []
        for kind, entry in self._kinds.items():
            count = entry.count
            if kind.startswith("skip:"):
                listed = ", ".join(str(p + 1) for p in entry.paragraphs)
                more = f" and {count - len(entry.paragraphs)} more" if count > _LISTED else ""
                unit = "part" if entry.partial else "paragraph"
                lines.append(
                    f"a pattern ran past the regex timeout of {_seconds(self.per_call)} in "
                    f"{kind[len('skip:') :]}, in {count} {unit}{'s' if count != 1 else ''} "
                    f"({'paragraph ' if entry.partial else ''}{listed}{more}): {UNATTRIBUTED}"
                )
            elif count == 1:
                lines.append(str(entry.message))
            else:
                lines.append(f"{entry.message} (and {count - 1} more like it)")
        return tuple(lines)


class _Kind:
    """The warnings of one kind: how many, the first message, the first paragraphs."""

    __slots__ = ("count", "message", "paragraphs", "partial")

    def __init__(self, message: str | None) -> None:
        self.count = 0
        self.partial = False
        self.message = message
        self.paragraphs: list[int] = []
