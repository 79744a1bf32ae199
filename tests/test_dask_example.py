"""Runs examples/dask_corpus.py on a small corpus written here, on a local dask cluster."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr import extract_quotes

ROOT = Path(__file__).resolve().parent.parent


def test_dask_example_writes_json_lines(tmp_path: Path, seed_text: str) -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    corpus = tmp_path / "articles"
    corpus.mkdir()
    texts = {
        f"day{i}.txt": f"“Plan {i} is ready for a vote,” said Senator Ana Ruiz.\n\n"
        f"She said the vote would follow within {i + 2} days."
        for i in range(6)
    }
    texts["seed.txt"] = seed_text
    texts["empty.txt"] = ""
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "notes.md").write_text("“Not an article,” said nobody.", encoding="utf-8")
    out = tmp_path / "quotes"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "dask_corpus.py"), str(corpus), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"{len(texts)} articles" in proc.stderr
    rows = []
    for part in sorted(out.glob("*.jsonl")):
        content = part.read_text(encoding="utf-8")
        assert not content or content.endswith("\n")
        rows += [json.loads(line) for line in content.splitlines()]
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row.pop("doc"), []).append(row)
    assert set(by_doc) == {name for name, text in texts.items() if extract_quotes(text)}
    for name, got in by_doc.items():
        assert got == extract_quotes(texts[name]).to_dicts(), name
    assert [r["speaker"]["name"] for r in by_doc["day3.txt"]] == ["Ana Ruiz", "Ana Ruiz"]
