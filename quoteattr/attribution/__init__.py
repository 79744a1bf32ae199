"""Stage 3: attach content and a speaker mention to each quote span and cue.

:func:`attribute` runs the passes in order: transcript turns
(:data:`~quoteattr.attribution.constructions.TRANSCRIPT_TURNS`); direct quotes, by the cue
and mention next to their marks (:mod:`~quoteattr.attribution.direct`); every cue left over
as reported speech whose content is the clause it governs, MIXED when a quote span stands
inside it (:mod:`~quoteattr.attribution.reported`); the constructions no cue verb opens
(:mod:`~quoteattr.attribution.constructions`); last, quotes still without a speaker inherit
one from the quote before them or stay unattributed. The rules of a pass are small functions
asked in order, most precise first; each decision records a named rule. The shared state is
in :mod:`~quoteattr.attribution.state`, the reading of clauses in
:mod:`~quoteattr.attribution.clauses`.

>>> from quoteattr.backends.rules import RulesBackend
>>> from quoteattr._budget import Budget
>>> from quoteattr import cues, quotes
>>> text = "“We are ready,” said Gov. Ana Ruiz. Ruiz said the state was calm."
>>> a = RulesBackend().analyse(text, Budget())
>>> spans = quotes.find_spans(a, Budget())
>>> found = attribute(a, spans, cues.find_cues(a, spans, Budget()), Budget())
>>> [(x.kind.value, text[x.fragments[0][0]:x.fragments[-1][1]], x.mention.name) for x in found]
[('direct', 'We are ready,', 'Ana Ruiz'), ('indirect', 'the state was calm', 'Ruiz')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._budget import Budget, BudgetExceeded
from ..config import Config
from ..cues import Cue
from ..model import Analysis
from ..quotes import QuoteSpan, stands_alone
from .clauses import content_shape as content_shape
from .clauses import is_label as is_label
from .clauses import is_title as is_title
from .clauses import not_a_source as not_a_source
from .constructions import CONSTRUCTIONS, TRANSCRIPT_TURNS
from .direct import _attribute_direct, _attribute_leftover
from .reported import _attribute_cue
from .state import Attribution, _direct, _Doc, _State

__all__ = ["Attribution", "attribute", "unattributed"]


def attribute(
    analysis: Analysis,
    spans: Sequence[QuoteSpan],
    cues: Sequence[Cue],
    budget: Budget,
    config: Config | None = None,
) -> list[Attribution]:
    """Attribute every quote span and cue of a document; returns attributions in text order.

    Each quote and cue is worked on only where ``budget.keeps`` its offset. When the budget
    runs out, the text is cut at the paragraph being worked on and the passes after it
    finish the part before the cut; a regular expression that times out skips its paragraph
    (see :mod:`quoteattr._budget`). Attributions starting past a cut are dropped here.
    """
    config = config or Config()
    doc = _Doc(analysis, spans, cues, budget, config.broad)
    st = _State()
    turns, read_turns = TRANSCRIPT_TURNS
    _guarded(doc, st, turns, read_turns, doc, st, config)
    budget.checkpoint()
    for qi, q in enumerate(doc.spans):
        if qi not in st.done_quotes and _unit(budget, q.open_at):
            _guarded(doc, st, "", _attribute_direct, doc, qi, q, st, config, at=q.open_at)
    budget.checkpoint()
    for ci, cue in enumerate(doc.cues):
        if ci not in st.used_cues and _unit(budget, cue.start):
            _guarded(doc, st, "", _attribute_cue, doc, ci, cue, st, config, at=cue.start)
    budget.checkpoint()
    for name, broad_only, construction in CONSTRUCTIONS:
        if config.broad or not broad_only:
            _guarded(doc, st, name, construction, doc, st, config)
    late = False
    for qi, q in enumerate(doc.spans):
        if qi in st.done_quotes or not budget.keeps(q.open_at):
            continue
        if not late and budget.over():
            late = True
            budget.stop("attribution", q.open_at, cut=False, effect=_LEFT_OVER)
        if late:
            if stands_alone(q, config):
                st.out.extend(unattributed(analysis, [q]))
            continue
        _guarded(doc, st, "", _attribute_leftover, doc, qi, q, st, config, at=q.open_at)
    st.out.sort(key=lambda a: (a.start, a.end))
    return [a for a in st.out if budget.keeps(a.start)]


_LEFT_OVER = "quotes attributed so far kept, the others quote-mark spans only, unattributed"


def _unit(budget: Budget, at: int) -> bool:
    """Whether to work on the quote or cue at ``at``: it is in a part of the text still
    worked on, and (every few units) the time is not spent; if it is, cut there."""
    if not budget.keeps(at):
        return False
    if budget.over():
        budget.stop("attribution", at)
        return False
    return True


def _guarded(
    doc: _Doc, st: _State, name: str, rule: Any, *args: Any, at: int | None = None
) -> None:
    """Run one attribution rule on the quote or cue at ``at`` or, for the pass ``name``,
    over the whole text. If the time runs out or a pattern times out on a quote or cue, its
    paragraph is cut or skipped (see :mod:`quoteattr._budget`); in a pass, the pass alone
    stops where it had come to (``st.at``), and what the others found is kept."""
    st.at = 0 if at is None else at
    n = len(st.out)
    try:
        rule(*args)
    except (BudgetExceeded, TimeoutError) as exc:
        if at is None:
            if doc.budget.keeps(st.at):  # (past a cut, nothing is searched anyway)
                effect = f"not searched for {name}"
                doc.budget.stop(f"attribution ({name})", st.at, cut=False, effect=effect)
        elif isinstance(exc, BudgetExceeded):
            doc.budget.stop("attribution", at)
        else:
            doc.budget.skip("attribution", at, at + 1)
            del st.out[n:]


def unattributed(analysis: Analysis, spans: Sequence[QuoteSpan]) -> list[Attribution]:
    """Fallback when the time budget ran out: every quote span, with no speaker."""
    return [_direct(q, None, None, ("quote-unattributed", "budget-exceeded")) for q in spans]
