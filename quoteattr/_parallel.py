"""Batch extraction for :meth:`QuoteExtractor.pipe <quoteattr.QuoteExtractor.pipe>`.

Texts are cut into batches; with ``n_process > 1`` each batch goes to a worker process that
built its own extractor from the (frozen, picklable) :class:`~quoteattr.Config`, so workers
share nothing mutable with each other or with the caller. Workers are started with the
``spawn`` method on every platform: nothing of the caller's state is inherited. At most two
batches per worker are in flight, so an endless generator of texts is read lazily, and
results come back in input order.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Protocol

from .backends import _is_stanza_document
from .config import Config
from .errors import QuoteAttrError
from .results import Quotes

__all__ = ["failed", "pipe"]

log = logging.getLogger("quoteattr")


class Extractor(Protocol):
    """What batch extraction needs of :class:`~quoteattr.QuoteExtractor` (which passes
    itself and its class in, so this module does not import the one that imports it)."""

    @property
    def config(self) -> Config:
        """The frozen configuration a worker process rebuilds the extractor from."""
        ...

    def extract(self, text: Any) -> Quotes:
        """One text's quotes."""
        ...


# The extractor of a worker process, built once by _init_worker.
_WORKER: Extractor | None = None


def _init_worker(factory: Callable[[Config], Extractor], config: Config) -> None:
    global _WORKER
    _WORKER = factory(config)


def _extract_batch(texts: list[Any]) -> list[Quotes | str]:
    """Each text's quotes, without the text itself (the caller still has it, and sending it
    back would double what crosses between the processes); a text that fails gives its error
    message instead, so its batch-mates come through."""
    assert _WORKER is not None, "worker not initialised"
    out: list[Quotes | str] = []
    for text in texts:
        try:
            found = _WORKER.extract(text)
        except Exception as exc:
            out.append(f"{type(exc).__name__}: {exc}")
            continue
        found.text = ""
        out.append(found)
    return out


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


def failed(index: int, item: Any, error: str) -> Quotes:
    """The result of an item that could not be processed: no quotes, the error on
    ``Quotes.error`` and in ``Quotes.warnings``, naming the item's index; also logged."""
    message = f"item {index} was not processed: {error}"
    log.warning("quoteattr: %s", message)
    text = item if isinstance(item, str) else ""
    return Quotes([], text=text, warnings=(message,), error=message)


def _unsendable(item: Any) -> str | None:
    """Why ``item`` cannot be extracted (so is not sent to a worker), or ``None``."""
    if isinstance(item, str) or _is_stanza_document(item):
        return None
    return (
        f"TypeError: extract_quotes() takes a str (or a stanza Document), not {type(item).__name__}"
    )


def pipe(
    extractor: Extractor,
    texts: Iterable[Any],
    *,
    factory: Callable[[Config], Extractor],
    n_process: int = 1,
    batch_size: int = 32,
    progress: bool = False,
    total: int | None = None,
) -> Iterator[Quotes]:
    """Extract quotes from each of ``texts``, yielding one :class:`Quotes` per text in order.

    The arguments are checked here, at the call; the texts are read as the results are
    asked for. See :meth:`quoteattr.QuoteExtractor.pipe` for the arguments; ``factory``
    builds a worker process's extractor from ``extractor.config``.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be an int of at least 1, got {batch_size!r}")
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        raise ValueError(f"n_process must be an int, got {n_process!r}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1 (or -1 for all CPUs), got {n_process!r}")
    if total is not None and (isinstance(total, bool) or not isinstance(total, int) or total < 0):
        raise ValueError(f"total must be a non-negative int or None, got {total!r}")
    iter(texts)  # raises TypeError now if ``texts`` is not iterable
    bar = _progress(texts, total) if progress else None
    return _run(extractor, factory, texts, n_process, batch_size, bar)


def _run(
    extractor: Extractor,
    factory: Callable[[Config], Extractor],
    texts: Iterable[Any],
    n_process: int,
    batch_size: int,
    bar: Any,
) -> Iterator[Quotes]:
    try:
        if n_process == 1:
            for i, text in enumerate(texts):
                try:
                    result = extractor.extract(text)
                except Exception as exc:
                    result = failed(i, text, f"{type(exc).__name__}: {exc}")
                yield result
                if bar is not None:
                    bar.update(1)
            return
        yield from _pipe_processes(factory, extractor.config, texts, n_process, batch_size, bar)
    finally:
        if bar is not None:
            bar.close()


def _pipe_processes(
    factory: Callable[[Config], Extractor],
    config: Config,
    texts: Iterable[Any],
    n_process: int,
    batch_size: int,
    bar: Any,
) -> Iterator[Quotes]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=context,
        initializer=_init_worker,
        initargs=(factory, config),
    ) as pool:
        pending: deque[tuple[int, list[Any], Future[list[Quotes | str]]]] = deque()
        first = 0
        try:
            for batch in _batches(texts, batch_size):
                # Items that cannot be extracted (or even sent) fail here, alone.
                sendable = [None if _unsendable(t) else t for t in batch]
                pending.append((first, batch, pool.submit(_extract_batch, sendable)))
                first += len(batch)
                if len(pending) >= 2 * n_process:
                    yield from _collect(*pending.popleft(), bar)
            while pending:
                yield from _collect(*pending.popleft(), bar)
        finally:
            for _, _, fut in pending:
                fut.cancel()


def _collect(
    first: int, batch: list[Any], fut: Future[list[Quotes | str]], bar: Any
) -> Iterator[Quotes]:
    try:
        results: list[Quotes | str] = fut.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # the batch could not be sent or run: its items fail
        results = [f"{type(exc).__name__}: {exc}"] * len(batch)
    for k, (item, r) in enumerate(zip(batch, results, strict=True)):
        why = _unsendable(item)
        if why is not None:
            yield failed(first + k, item, why)
        elif isinstance(r, str):
            yield failed(first + k, item, r)
        else:
            r.text = item if isinstance(item, str) else getattr(item, "text", "")
            yield r
        if bar is not None:
            bar.update(1)
