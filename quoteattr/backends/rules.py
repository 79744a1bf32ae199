"""The default backend: paragraphs and sentences by the named regex rules of
:mod:`quoteattr.segment`, no model.

It never changes the text; every boundary is an offset into the original.

>>> a = RulesBackend().analyse("Sen. Warren spoke at 9 a.m. on Tuesday. “Yes,” she said.")
>>> [a.text[s.start:s.end] for s in a.sentences]
['Sen. Warren spoke at 9 a.m. on Tuesday.', '“Yes,” she said.']
"""

from __future__ import annotations

from .._budget import Budget
from ..model import Analysis
from ..segment import paragraph_spans, segment, sentence_spans

__all__ = ["RulesBackend", "paragraph_spans", "sentence_spans"]


class RulesBackend:
    """Segments text with the named rules of :mod:`quoteattr.segment`; no tokens, no parses."""

    name = "rules"

    def analyse(self, text: str, budget: Budget | None = None) -> Analysis:
        """Split ``text`` into paragraphs and sentences.

        If the time budget runs out, the rest of the text becomes one sentence per paragraph
        and a warning is recorded.
        """
        paragraphs, sentences, warnings = segment(text, budget)
        return Analysis(
            text=text,
            paragraphs=paragraphs,
            sentences=sentences,
            backend=self.name,
            warnings=warnings,
        )
