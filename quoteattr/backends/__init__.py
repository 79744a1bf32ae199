"""Backends turn text into an :class:`~quoteattr.model.Analysis`; everything after is shared.

A backend is any object with a ``name`` and an ``analyse(text, budget)`` method. Two ship:

``rules``
    Regex segmentation into paragraphs and sentences (no model, no tokens); the default.
``stanza``
    Stanza's English pipeline, built from what the resources directory holds: tokens with
    POS, lemmas and dependency parses, plus NER and coreference chains when installed, in
    the rules backend's sentences. Imported only when asked for.

>>> get_backend("rules").name
'rules'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .._budget import Budget
from ..config import Config
from ..errors import QuoteAttrError
from ..model import Analysis

__all__ = ["BACKENDS", "Backend", "get_backend"]


class Backend(Protocol):
    """What the pipeline needs from a backend."""

    name: str

    def analyse(self, text: str, budget: Budget | None = None) -> Analysis:
        """Segment (and, if it can, parse) ``text`` without changing it."""
        ...


def _is_stanza_document(obj: object) -> bool:
    """Whether ``obj`` is a ``stanza.Document`` (checked by name: stanza is not imported)."""
    cls = type(obj)
    return cls.__name__ == "Document" and cls.__module__.startswith("stanza")


def _rules(config: Config) -> Backend:
    from .rules import RulesBackend

    return RulesBackend()


def _stanza(config: Config) -> Backend:
    from .stanza import StanzaBackend

    return StanzaBackend.from_config(config)


#: Factories by backend name; each is called once per extractor.
BACKENDS: dict[str, Callable[[Config], Backend]] = {"rules": _rules, "stanza": _stanza}


def get_backend(name: str, config: Config | None = None) -> Backend:
    """Build the backend called ``name``.

    Raises:
        QuoteAttrError: for an unknown name (the message lists the known ones).
        BackendUnavailableError: when the backend's package or models are missing.
    """
    try:
        factory = BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise QuoteAttrError(f"unknown backend {name!r}; choose one of: {known}") from None
    return factory(config or Config(backend=name))
