"""What a quote's ``confidence`` means, and how it is computed.

A quote's confidence estimates the probability that both the quotation and its speaker are
right: that an annotator marked that content as attributed, and to that speaker. It is
measured, not guessed: :data:`RULE_PRECISION` holds, for each rule that can attribute a
quote, the share of its quotes that were right (matched, with the right speaker) on the
PolNeAR development set (924 political news articles, 2016) with the default (speech)
scheme, and :data:`ADJUSTMENTS` the measured effect of a pronoun speaker, a belief verb
(measured with the broad scheme, which has them), a speaker of unknown kind and a quoted
fragment. The writer's hedges and in-document findings keep the figures of 0.1.0 (broad
scheme only). ``docs/accuracy.md`` shows precision above the 0.5 and 0.8 thresholds.

How to measure again: score the development set with :mod:`quoteattr.evaluate`; for each
predicted unit take the first of its quote's rules that is a key of :data:`RULE_PRECISION`,
and count the units that match a gold unit with the right speaker.

>>> from quoteattr.model import QuoteKind
>>> score(QuoteKind.DIRECT, ("paired-marks", "direct-cue-after-inverted"))
0.96
>>> score(QuoteKind.INDIRECT, ("cue-belief-verb", "content-after-cue"), pronoun=True)
0.57
"""

from __future__ import annotations

from .model import QuoteKind

__all__ = ["ADJUSTMENTS", "RULE_PRECISION", "score"]

#: Share of right quotes (content matched, speaker right) among those each rule made on
#: PolNeAR dev; the first rule of a quote found here decides its base confidence.
RULE_PRECISION: dict[str, float] = {
    "budget-exceeded": 0.02,
    "direct-cue-after-inverted": 0.96,
    "continues-previous-quote": 0.95,
    "direct-cue-after": 0.94,
    "direct-cue-before": 0.84,
    "according-to-before": 0.9,
    "parenthetical-cue": 0.88,
    "direct-unlisted-verb-after": 0.85,
    "according-to-after": 0.88,
    "asked-question": 0.84,
    "passive-asked-question": 0.72,
    "content-after-cue": 0.83,
    "content-before-cue": 0.91,
    "participle-clause": 0.83,
    "direct-colon-speaker": 0.69,
    "direct-dash-speaker": 0.64,
    "according-to-parenthetical": 0.68,
    "quote-after-report": 0.59,
    "coordinated-cue-shares-subject": 0.73,
    "inverted-cue": 0.93,
    "colon-headline": 0.81,
    "writer-hedge": 0.52,
    "possessive-noun-cue": 0.62,
    "transcript-turn": 0.33,
    "in-document-finding": 0.5,
    "inherit-previous-speaker": 0.36,
    "quote-unattributed": 0.03,
}

#: Measured changes to the base: for reported speech (the rules that are not ``direct-*``),
#: a pronoun speaker, a belief verb, a speaker of unknown kind, and a quoted fragment
#: inside the content; for any quote, a speaker of unknown kind.
ADJUSTMENTS: dict[str, float] = {
    "pronoun": -0.06,
    "belief": -0.2,
    "unknown-speaker": -0.15,
    "quoted-fragment": 0.1,
}

_DEFAULT = 0.5


def score(
    kind: QuoteKind,
    rules: tuple[str, ...],
    *,
    pronoun: bool = False,
    unknown_speaker: bool = False,
) -> float:
    """The confidence of a quote made by ``rules``, rounded to two decimals, in [0.02, 0.98].

    Args:
        kind: The quote's kind.
        rules: The rules that made it, in order.
        pronoun: Whether its speaker mention is a pronoun ("he", "who").
        unknown_speaker: Whether its speaker is of unknown kind (not a person, organisation
            or anonymous source).
    """
    base = next((RULE_PRECISION[r] for r in rules if r in RULE_PRECISION), _DEFAULT)
    reported = not any(r.startswith("direct-") or r == "continues-previous-quote" for r in rules)
    if reported:
        if pronoun:
            base += ADJUSTMENTS["pronoun"]
        if "cue-belief-verb" in rules:
            base += ADJUSTMENTS["belief"]
        if kind is not QuoteKind.INDIRECT and "writer-hedge" not in rules:
            base += ADJUSTMENTS["quoted-fragment"]
    if unknown_speaker:
        base += ADJUSTMENTS["unknown-speaker"]
    return round(min(0.98, max(0.02, base)), 2)
