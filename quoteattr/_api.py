"""The entry points: :func:`extract_quotes` and :class:`QuoteExtractor`.

The data flow reads top to bottom in :meth:`QuoteExtractor.extract`: analyse the text with a
backend, find quote-mark spans, find cues, attach content and a speaker mention to each quote
and cue, resolve the mentions to canonical speakers, and build :class:`~quoteattr.Quote` records.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from . import attribution, coref, cues, quotes
from ._assemble import build_quotes
from ._budget import AS_WRITTEN, Budget, BudgetExceeded
from .attribution import Attribution
from .backends import Backend, _is_stanza_document, get_backend
from .config import Config
from .model import Analysis, Cast
from .quotes import QuoteSpan
from .results import Quotes

__all__ = ["QuoteExtractor", "extract_quotes"]

log = logging.getLogger("quoteattr")


class QuoteExtractor:
    """Extracts quotes with one configuration; holds the backend, built once and reused.

    An extractor keeps no state between calls, so one instance may serve many threads.

    Args:
        config: A :class:`~quoteattr.Config`; ``None`` means the defaults.
        **options: Fields of :class:`~quoteattr.Config` to override, such as
            ``backend="stanza"`` or ``min_confidence=0.5``.

    >>> extractor = QuoteExtractor(min_confidence=0.0)
    >>> [q.speaker.name for q in extractor.extract('“We will win,” said Mayor Ana Ruiz.')]
    ['Ana Ruiz']
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        base = config if config is not None else Config()
        self.config: Config = attrs.evolve(base, **options) if options else base
        self._backend: Backend | None = None
        self._lock = threading.Lock()

    @property
    def backend(self) -> Backend:
        """The backend, built on first use (so a missing optional one fails only if used)."""
        if self._backend is None:
            with self._lock:
                if self._backend is None:
                    self._backend = get_backend(self.config.backend, self.config)
        return self._backend

    def analyse(self, text: Any, budget: Budget) -> Analysis:
        """Run the backend over ``text`` (a ``str`` or a processed ``stanza.Document``)."""
        if isinstance(text, str):
            return self.backend.analyse(text, budget)
        if _is_stanza_document(text):
            return Analysis.from_stanza(text)
        raise TypeError(
            f"extract_quotes() takes a str (or a stanza Document), not {type(text).__name__}"
        )

    def extract(self, text: Any) -> Quotes:
        """Find every quotation in ``text`` with its speaker, role and cue.

        Args:
            text: The article, as a ``str``; or a ``stanza.Document`` already processed.

        Returns:
            A :class:`~quoteattr.Quotes` list of :class:`~quoteattr.Quote`, in text order.

        Raises:
            TypeError: if ``text`` is neither a ``str`` nor a stanza ``Document``.
        """
        if isinstance(text, str):
            self.backend  # noqa: B018 -- built on first use, before this text's time budget starts
        budget = Budget(self.config.time_budget, self.config.regex_timeout)
        analysis = self.analyse(text, budget)
        budget.attach(analysis.paragraphs)
        budget.checkpoint()
        spans = quotes.find_spans(analysis, budget, self.config)
        budget.checkpoint()
        found = cues.find_cues(analysis, spans, budget, self.config)
        budget.checkpoint()
        attributions = attribution.attribute(analysis, spans, found, budget, self.config)
        del found
        budget.checkpoint()
        resolved, cast = _resolve(analysis, spans, attributions, budget, self.config)
        del attributions
        resolved += _degraded(analysis, spans, budget, self.config)
        del spans  # (the quote records are built from the attributions alone)
        result = build_quotes(analysis, resolved, self.config)
        del resolved
        warnings = (*analysis.warnings, *budget.warnings)
        for line in budget.warnings:
            log.warning("quoteattr: %s", line)
        return Quotes(
            result, text=analysis.text, warnings=tuple(dict.fromkeys(warnings)), cast=cast
        )

    __call__ = extract

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        n_process: int = 1,
        batch_size: int = 32,
        progress: bool = False,
        total: int | None = None,
    ) -> Iterator[Quotes]:
        """Extract from many texts, yielding one :class:`~quoteattr.Quotes` per text, in order.

        ``texts`` is read lazily, so it may be a generator over a corpus of any size.

        Args:
            texts: The texts (``str``, or processed stanza ``Document``).
            n_process: Worker processes. ``1`` (default) runs in this process; more start
                that many processes (``spawn`` method), each with its own extractor built
                from this extractor's :class:`~quoteattr.Config`: nothing mutable is shared.
                ``-1`` means one per CPU. Processes cost about a second to start and some
                messaging per text, so they pay only on a large corpus and idle cores (see
                ``docs/scaling.md`` for where they paid on a two-core machine); the default
                never makes a run slower.
            batch_size: Texts sent to a worker at a time (default 32); larger batches cost
                less in messaging, smaller ones balance uneven texts better.
            progress: Show a progress bar (needs ``pip install "quoteattr[progress]"``).
            total: Number of texts, for the progress bar when ``texts`` has no length.

        An item that cannot be processed (not a ``str``, or one whose extraction fails)
        fails alone: its result is an empty :class:`~quoteattr.Quotes` whose ``error`` (and
        ``warnings``) say why and give the item's index, and a warning is logged; the other
        items, in its batch and after it, come through as usual, in order.

        Raises (at the call, before any text is read):
            QuoteAttrError: if ``progress`` is set and tqdm is not installed.
            ValueError: if ``n_process``, ``batch_size`` or ``total`` is out of range.
            TypeError: if ``texts`` is not iterable.

        >>> extractor = QuoteExtractor()
        >>> texts = ["“Go,” said Ana Ruiz.", "No quote.", "“Stop,” said Ben Cole."]
        >>> [[q.speaker.name for q in r] for r in extractor.pipe(texts)]
        [['Ana Ruiz'], [], ['Ben Cole']]
        """
        from ._parallel import pipe

        return pipe(
            self,
            texts,
            factory=QuoteExtractor,
            n_process=n_process,
            batch_size=batch_size,
            progress=progress,
            total=total,
        )


def _resolve(
    analysis: Analysis,
    spans: Sequence[QuoteSpan],
    attributions: list[Attribution],
    budget: Budget,
    config: Config,
) -> tuple[list[Attribution], Cast]:
    """Coreference against the article's cast. When it runs out of time it keeps the
    speakers it has not reached as written; if its scans of the text fail (a pattern timed
    out, or no time at all is left), every speaker is kept as written, and the cast is empty
    (the budget's warning says so)."""
    try:
        return coref.resolve(analysis, spans, attributions, budget, config.gender_from_first_names)
    except (BudgetExceeded, TimeoutError):
        if attributions:
            budget.stop("coreference", attributions[0].start, cut=False, effect=AS_WRITTEN)
        return [coref.as_written(a) for a in attributions], Cast()


def _degraded(
    analysis: Analysis, spans: Sequence[QuoteSpan], budget: Budget, config: Config
) -> list[Attribution]:
    """The quote-mark spans of the paragraphs the budget degraded that could be quotations
    on their own, unattributed, with the rules ``quote-unattributed`` and
    ``budget-exceeded``."""
    if budget.cut is None and not budget.skipped():
        return []
    lost = [q for q in spans if not budget.keeps(q.open_at) and quotes.stands_alone(q, config)]
    return attribution.unattributed(analysis, lost)


_DEFAULT: dict[str, QuoteExtractor] = {}
_DEFAULT_LOCK = threading.Lock()


def _shared(backend: str) -> QuoteExtractor:
    extractor = _DEFAULT.get(backend)
    if extractor is None:
        with _DEFAULT_LOCK:
            extractor = _DEFAULT.setdefault(backend, QuoteExtractor(backend=backend))
    return extractor


def extract_quotes(text: Any, *, backend: str = "rules", config: Config | None = None) -> Quotes:
    """Find every quotation in ``text``, attributed to speaker, role and cue.

    Args:
        text: A news article as a ``str`` (or a processed ``stanza.Document``).
        backend: ``"rules"`` (default, no model) or ``"stanza"``.
        config: A full :class:`~quoteattr.Config`; overrides ``backend`` when given.

    Returns:
        A list (:class:`~quoteattr.Quotes`) of :class:`~quoteattr.Quote`, in text order.

    Raises:
        TypeError: if ``text`` is not a ``str`` (or a stanza ``Document``).

    >>> q = extract_quotes('“It is over,” the spokeswoman said.')[0]
    >>> (q.kind.value, q.text, q.cue.text, q.speaker.kind.value)
    ('direct', 'It is over,', 'said', 'anonymous')
    """
    if config is not None:
        return QuoteExtractor(config).extract(text)
    return _shared(backend).extract(text)
