"""Stage 5: turn resolved attributions into :class:`~quoteattr.Quote` records."""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import Attribution
from .config import Config
from .model import Analysis, Quote, Span

__all__ = ["build_quotes"]


def _overlap(a: Attribution, b: Attribution) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def build_quotes(
    analysis: Analysis, attributions: Sequence[Attribution], config: Config
) -> list[Quote]:
    """Quote records in text order, filtered by the configuration.

    Where two attributions cover mostly the same text (over half of the shorter), the one
    with the higher confidence is kept (rule ``overlap-keeps-most-confident``).
    """
    text = analysis.text
    kept: list[Attribution] = []
    for att in sorted(attributions, key=lambda a: (a.start, -a.end)):
        if att.confidence < config.min_confidence:
            continue
        if att.speaker is None and not config.include_unattributed:
            continue
        if kept:
            last = kept[-1]
            shorter = min(last.end - last.start, att.end - att.start)
            if shorter > 0 and _overlap(last, att) > shorter / 2:
                if att.confidence > last.confidence:
                    kept[-1] = att
                continue
        kept.append(att)
    quotes = []
    for att in kept:
        frags = tuple(Span(s, e, text[s:e]) for s, e in att.fragments)
        start, end = frags[0].start, frags[-1].end
        quotes.append(
            Quote(
                kind=att.kind,
                start=start,
                end=end,
                text=text[start:end],
                fragments=frags,
                cue=Span(att.cue[0], att.cue[1], text[att.cue[0] : att.cue[1]])
                if att.cue
                else None,
                speaker=att.speaker,
                confidence=att.confidence,
                rules=att.rules,
            )
        )
    return quotes
