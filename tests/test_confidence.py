"""Confidence: measured per rule, adjusted by the measured effects, always in [0, 1]."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr import QuoteKind, extract_quotes
from quoteattr.confidence import ADJUSTMENTS, RULE_PRECISION, score


def test_every_base_is_a_probability() -> None:
    assert all(0.0 < p < 1.0 for p in RULE_PRECISION.values())
    assert all(-1.0 < a < 1.0 for a in ADJUSTMENTS.values())


def test_direct_quote_with_named_speaker_outranks_inherited_and_unattributed() -> None:
    text = (
        "“The bridge will open in May,” said Mayor Ana Ruiz.\n\n"
        "“It will carry four lanes.”\n\n"
        "Crowds cheered. “Finally a bridge for everyone in this town.”"
    )
    quotes = extract_quotes(text)
    by_rule = {next(r for r in q.rules if r in RULE_PRECISION): q.confidence for q in quotes}
    assert by_rule["direct-cue-after-inverted"] > by_rule["inherit-previous-speaker"]
    assert by_rule["inherit-previous-speaker"] > by_rule["quote-unattributed"]


def test_belief_and_pronoun_lower_reported_speech() -> None:
    said = score(QuoteKind.INDIRECT, ("cue-reporting-verb", "content-after-cue"))
    believed = score(QuoteKind.INDIRECT, ("cue-belief-verb", "content-after-cue"))
    by_pronoun = score(QuoteKind.INDIRECT, ("content-after-cue",), pronoun=True)
    assert believed < by_pronoun < said


def test_quoted_fragment_raises_reported_speech_but_not_direct_quotes() -> None:
    rules = ("content-after-cue",)
    assert score(QuoteKind.MIXED, rules) > score(QuoteKind.INDIRECT, rules)
    direct = ("paired-marks", "direct-cue-after")
    assert score(QuoteKind.DIRECT, direct) == RULE_PRECISION["direct-cue-after"]


@given(
    st.sampled_from(list(QuoteKind)),
    st.lists(st.sampled_from([*RULE_PRECISION, "cue-belief-verb", "other"]), max_size=5),
    st.booleans(),
    st.booleans(),
)
def test_score_stays_in_bounds(
    kind: QuoteKind, rules: list[str], pronoun: bool, unknown: bool
) -> None:
    s = score(kind, tuple(rules), pronoun=pronoun, unknown_speaker=unknown)
    assert 0.02 <= s <= 0.98
    assert round(s, 2) == s
