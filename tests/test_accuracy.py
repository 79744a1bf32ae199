"""The accuracy targets, kept: the dev set's figures may not fall below the release's bar.

Runs only where the evaluation data sits next to the repository (``../shared/eval/data``, as on
the developers' machines and in CI); nothing of it is stored in the project. Each scheme is
scored once (``Config.scheme``): the speech scheme (the default) on precision and on the
recall of direct quotes, the broad scheme (PolNeAR's own) on F1.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from quoteattr import QuoteExtractor
from quoteattr.evaluate import Scores, load_gold, score_documents

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data"
DEV = DATA / "polnear_dev.jsonl"
NAMES = DATA / "polnear_dev_names.jsonl"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEV.exists(), reason=f"evaluation data not found at {DEV}"),
]


@functools.cache
def _scores(path: Path, scheme: str) -> Scores:
    return score_documents(load_gold(path), QuoteExtractor(scheme=scheme).extract)


def test_speech_scheme_is_precise_and_keeps_direct_quotes() -> None:
    scores = _scores(DEV, "speech")
    assert scores.lenient_precision >= 0.92
    direct = next(k for k in scores.by_kind if k.kind == "direct")
    assert direct.recall >= 0.98
    assert scores.speaker_accuracy >= 0.90


def test_broad_scheme_figures_stay_above_the_bar() -> None:
    scores = _scores(DEV, "broad")
    # Issue 10's bar: lenient F1 >= 0.74, strict F1 >= 0.60.
    assert scores.lenient_f1 >= 0.74
    assert scores.strict_f1 >= 0.60
    assert scores.speaker_accuracy >= 0.89
    assert scores.e2e_f1 >= 0.64


@pytest.mark.skipif(not NAMES.exists(), reason=f"evaluation data not found at {NAMES}")
def test_broad_scheme_on_the_names_set() -> None:
    assert _scores(NAMES, "broad").lenient_f1 >= 0.705
