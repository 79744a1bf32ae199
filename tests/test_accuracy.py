"""The accuracy targets, kept: the dev set's figures may not fall below the release's bar.

Runs only where the evaluation data sits next to the repository (``../shared/eval/data``, as on
the developers' machines and in CI); nothing of it is stored in the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import extract_quotes
from quoteattr.evaluate import load_gold, score_documents

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data" / "polnear_dev.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason=f"evaluation data not found at {DEV}")
def test_dev_set_figures_stay_above_the_targets() -> None:
    scores = score_documents(load_gold(DEV), extract_quotes)
    assert scores.lenient_f1 >= 0.70
    assert scores.strict_f1 >= 0.55
    assert scores.speaker_accuracy >= 0.88
    assert scores.e2e_f1 >= 0.60
