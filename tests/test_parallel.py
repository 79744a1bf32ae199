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


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_bad_item_fails_alone_with_its_index(
    n_process: int, caplog: pytest.LogCaptureFixture
) -> None:
    """A non-str item (even one that cannot be pickled) gives an empty result naming its
    index and the error; its batch-mates and the rest of the stream come through."""
    ex = QuoteExtractor()
    items = [TEXTS[1], 42, TEXTS[2], lambda: None, None, TEXTS[4], TEXTS[5]]
    got = list(ex.pipe(iter(items), n_process=n_process, batch_size=3))
    assert len(got) == len(items)
    good = [0, 2, 5, 6]
    assert [got[i].to_dicts() for i in good] == [ex.extract(items[i]).to_dicts() for i in good]
    assert [got[i].text for i in good] == [items[i] for i in good]
    assert all(got[i].error is None for i in good)
    for i, kind in ((1, "int"), (3, "function"), (4, "NoneType")):
        assert got[i] == [] and got[i].error is not None
        assert got[i].error.startswith(f"item {i} was not processed: TypeError")
        assert kind in got[i].error and got[i].warnings == (got[i].error,)
    assert "item 1 was not processed" in caplog.text


def test_an_item_whose_extraction_fails_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = QuoteExtractor()
    real = ex.extract

    def flaky(text: object) -> object:
        if text == TEXTS[2]:
            raise RuntimeError("boom")
        return real(text)

    monkeypatch.setattr(ex, "extract", flaky)
    got = list(ex.pipe(TEXTS[:4]))
    assert [r.error for r in got] == [
        None,
        None,
        "item 2 was not processed: RuntimeError: boom",
        None,
    ]
    assert got[2].text == TEXTS[2]


def test_bad_arguments_are_raised_at_the_call() -> None:
    ex = QuoteExtractor()
    for bad in (
        {"batch_size": 0},
        {"batch_size": 2.5},
        {"n_process": 0},
        {"n_process": -2},
        {"n_process": "2"},
        {"total": -1},
    ):
        with pytest.raises(ValueError):
            ex.pipe(TEXTS, **bad)  # type: ignore[arg-type]  # no list(): at the call
    with pytest.raises(TypeError):
        ex.pipe(42)  # type: ignore[arg-type]


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    got = list(QuoteExtractor().pipe(TEXTS[:5], progress=True))
    assert len(got) == 5
    assert "5/5" in capsys.readouterr().err


def test_progress_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(QuoteAttrError, match=r"quoteattr\[progress\]"):
        QuoteExtractor().pipe(TEXTS, progress=True)  # at the call, not at the first item


def test_empty_input() -> None:
    assert list(QuoteExtractor().pipe([], n_process=2)) == []
