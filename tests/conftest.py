"""Shared fixtures: the seed article shipped in examples/ and its annotation in tests/cases/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((ROOT / "tests" / "cases" / "seed_article.json").read_text(encoding="utf-8"))
