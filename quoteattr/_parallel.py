"""Batch extraction for :meth:`QuoteExtractor.pipe <quoteattr.QuoteExtractor.pipe>`.

Texts are cut into batches; with ``n_process > 1`` each batch goes to a worker process that
built its own extractor from the (frozen, picklable) :class:`~quoteattr.Config`, so workers
share nothing mutable with each other or with the caller. Workers are started with the
``spawn`` method on every platform: nothing of the caller's state is inherited. At most two
batches per worker are in flight, so an endless generator of texts is read lazily, and
results come back in input order.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from .config import Config
from .errors import QuoteAttrError
from .results import Quotes

if TYPE_CHECKING:
    from ._api import QuoteExtractor

__all__ = ["pipe"]

# The extractor of a worker process, built once by _init_worker.
_WORKER: QuoteExtractor | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    from ._api import QuoteExtractor

    _WORKER = QuoteExtractor(config)


def _extract_batch(texts: list[Any]) -> list[Quotes]:
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER.extract(t) for t in texts]


def _batches(texts: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(texts)
    while batch := list(islice(it, size)):
        yield batch


def _progress(texts: Iterable[Any], total: int | None) -> Any:
    """A tqdm bar (imported lazily), or an error naming the extra to install."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        raise QuoteAttrError(
            'progress=True needs tqdm, which is not installed: pip install "quoteattr[progress]"'
        ) from None
    if total is None and isinstance(texts, Sized):
        total = len(texts)
    return tqdm(total=total, unit="text", desc="quoteattr")


def pipe(
    extractor: QuoteExtractor,
    texts: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    progress: bool = False,
    total: int | None = None,
) -> Iterator[Quotes]:
    """Extract quotes from each of ``texts``, yielding one :class:`Quotes` per text in order.

    See :meth:`quoteattr.QuoteExtractor.pipe` for the arguments.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size!r}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1 (or -1 for all CPUs), got {n_process!r}")
    bar = _progress(texts, total) if progress else None
    try:
        if n_process == 1:
            for text in texts:
                yield extractor.extract(text)
                if bar is not None:
                    bar.update(1)
            return
        yield from _pipe_processes(extractor.config, texts, n_process, batch_size, bar)
    finally:
        if bar is not None:
            bar.close()


def _pipe_processes(
    config: Config, texts: Iterable[Any], n_process: int, batch_size: int, bar: Any
) -> Iterator[Quotes]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=n_process, mp_context=context, initializer=_init_worker, initargs=(config,)
    ) as pool:
        pending: deque[Future[list[Quotes]]] = deque()
        batches = _batches(texts, batch_size)
        try:
            for batch in batches:
                pending.append(pool.submit(_extract_batch, batch))
                if len(pending) >= 2 * n_process:
                    yield from _collect(pending.popleft(), bar)
            while pending:
                yield from _collect(pending.popleft(), bar)
        finally:
            for fut in pending:
                fut.cancel()


def _collect(fut: Future[list[Quotes]], bar: Any) -> Iterator[Quotes]:
    results = fut.result()
    for r in results:
        yield r
        if bar is not None:
            bar.update(1)
