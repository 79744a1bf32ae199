"""Tests of QuoteExtractor.pipe (quoteattr._parallel): batches, processes, order, progress."""

from __future__ import annotations

import sys

import pytest

from quoteattr import Config, QuoteAttrError, QuoteExtractor

TEXTS = [
    f"“Plan {i} is ready for the vote,” said Senator Ana Ruiz{i}. Nothing else happened."
    if i % 3
    else f"Nothing was said on day {i}."
    for i in range(23)
]


def _speakers(results) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[q.speaker.name for q in r if q.speaker] for r in results]


def test_in_process_matches_extract() -> None:
    ex = QuoteExtractor()
    got = list(ex.pipe(TEXTS))
    assert [r.to_dicts() for r in got] == [ex.extract(t).to_dicts() for t in TEXTS]
    assert [r.text for r in got] == TEXTS


def test_pipe_is_lazy() -> None:
    def gen():  # type: ignore[no-untyped-def]
        yield TEXTS[1]
        raise AssertionError("read too far")

    first = next(iter(QuoteExtractor().pipe(gen())))
    assert _speakers([first]) == [["Ana Ruiz1"]]


def test_processes_keep_input_order_and_config() -> None:
    ex = QuoteExtractor(Config(min_confidence=0.0, include_unattributed=False))
    got = list(ex.pipe(iter(TEXTS), n_process=2, batch_size=4))
    assert len(got) == len(TEXTS)
    assert [r.text for r in got] == TEXTS
    assert [r.to_dicts() for r in got] == [ex.extract(t).to_dicts() for t in TEXTS]


def test_worker_errors_reach_the_caller() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        list(QuoteExtractor().pipe([TEXTS[1], 42], n_process=2, batch_size=1))


def test_bad_arguments() -> None:
    ex = QuoteExtractor()
    with pytest.raises(ValueError, match="batch_size"):
        list(ex.pipe(TEXTS, batch_size=0))
    with pytest.raises(ValueError, match="n_process"):
        list(ex.pipe(TEXTS, n_process=0))


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    got = list(QuoteExtractor().pipe(TEXTS[:5], progress=True))
    assert len(got) == 5
    assert "5/5" in capsys.readouterr().err


def test_progress_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(QuoteAttrError, match=r"quoteattr\[progress\]"):
        list(QuoteExtractor().pipe(TEXTS, progress=True))


def test_empty_input() -> None:
    assert list(QuoteExtractor().pipe([], n_process=2)) == []
