"""Stage 5: turn resolved attributions into :class:`~quoteattr.Quote` records."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .attribution import Attribution
from .config import Config
from .lexicon.pronouns import FIRST_SECOND_PERSON
from .model import Analysis, Quote, QuoteKind, Span

__all__ = ["build_quotes"]


def _overlap(a: Attribution, b: Attribution) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _no_speaker_inside(att: Attribution) -> Attribution:
    """Rule first-person-inside-quote: "I", "we" or "you" inside a quotation speak as its
    speaker and never attribute it; such a mention is dropped (the quote keeps no speaker).
    """
    sp = att.speaker
    if sp is None or sp.text.lower() not in FIRST_SECOND_PERSON:
        return att
    if any(s <= sp.start and sp.end <= e for s, e in att.fragments):
        return attrs.evolve(att, speaker=None, rules=(*att.rules, "first-person-inside-quote"))
    return att


def _that_in_content(text: str, att: Attribution) -> Attribution:
    """Rule complementizer-in-content (broad scheme): reported speech opened by *that*
    keeps it, as PARC and PolNeAR mark content ("said **that taxes will rise**"); the speech
    scheme leaves it out ("said that **taxes will rise**").
    """
    if att.kind is QuoteKind.DIRECT or att.cue is None or att.cue[1] > att.start:
        return att
    lo = att.start
    k = lo
    while k > att.cue[1] and text[k - 1] in " \t":
        k -= 1
    if k - 4 < att.cue[1] or text[k - 4 : k] != "that" or k == lo:
        return att
    if k - 4 > 0 and (text[k - 5].isalnum() or text[k - 5] in "’'-"):
        return att
    e = att.fragments[0][1]
    return attrs.evolve(
        att,
        fragments=((k - 4, e), *att.fragments[1:]),
        rules=(*att.rules, "complementizer-in-content"),
    )


def build_quotes(
    analysis: Analysis, attributions: Sequence[Attribution], config: Config
) -> list[Quote]:
    """Quote records in text order, filtered by the configuration.

    Where two attributions cover mostly the same text (over half of the shorter), the one
    with the higher confidence is kept (rule ``overlap-keeps-most-confident``).
    """
    text = analysis.text
    kept: list[Attribution] = []
    # How many times each kept attribution won an overlap: the rule's name is added that
    # many times at the end (adding it at each win copied the rules, N^2 for a run of N).
    wins: list[int] = []
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
                    kept[-1], wins[-1] = att, 1
                else:
                    wins[-1] += 1
                continue
        att = _no_speaker_inside(att)
        kept.append(_that_in_content(text, att) if config.broad else att)
        wins.append(0)
    quotes = []
    for att, won in zip(kept, wins, strict=True):
        if won:
            att = attrs.evolve(att, rules=(*att.rules, *("overlap-keeps-most-confident",) * won))
        frags = tuple(Span(s, e, text[s:e]) for s, e in att.fragments)
        start, end = frags[0].start, frags[-1].end
        quotes.append(
            Quote(
                kind=att.kind,
                start=start,
                end=end,
                # One string for the quote and its one fragment (the same characters).
                text=frags[0].text if len(frags) == 1 else text[start:end],
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
