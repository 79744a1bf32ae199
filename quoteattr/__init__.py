"""quoteattr: find quotations in English news and attribute them to speakers.

>>> from quoteattr import extract_quotes
>>> [q.speaker.name for q in extract_quotes("“We are ready,” said Governor Ana Ruiz.")]
['Ana Ruiz']
"""

from __future__ import annotations

from ._api import QuoteExtractor, extract_quotes
from .config import Config
from .corpus import Corpus, CorpusSpeaker, CorpusSpeakers, GenderShare, GenderShares
from .errors import BackendUnavailableError, QuoteAttrError
from .model import (
    Analysis,
    Cast,
    Entity,
    EntityMention,
    GenderEvidence,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)
from .render import render_html
from .results import Quotes, SpeakerRow, Speakers

#: The package version; pyproject.toml reads it from here (importing importlib.metadata to
#: look it up would cost a quarter of the import time).
__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "BackendUnavailableError",
    "Cast",
    "Config",
    "Corpus",
    "CorpusSpeaker",
    "CorpusSpeakers",
    "Entity",
    "EntityMention",
    "GenderEvidence",
    "GenderShare",
    "GenderShares",
    "Quote",
    "QuoteAttrError",
    "QuoteExtractor",
    "QuoteKind",
    "Quotes",
    "Span",
    "Speaker",
    "SpeakerKind",
    "SpeakerRow",
    "Speakers",
    "__version__",
    "extract_quotes",
    "render_html",
]
