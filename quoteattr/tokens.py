"""The words and sentences a backend yields, with character offsets into the original text.

These records sit below :mod:`quoteattr.model` (which re-exports them: use
``quoteattr.model.Token`` and ``quoteattr.model.Sentence``) so that the segmentation and the
conversion of a stanza document can build them without importing the model, and the model
can offer ``Analysis.from_stanza`` without an import cycle.

>>> she = Token(start=0, end=3, text="She")
>>> Sentence(start=0, end=9, paragraph=0, tokens=(she,)).tokens[0].text
'She'
"""

from __future__ import annotations

import attrs

__all__ = ["Sentence", "Token"]


@attrs.frozen(slots=True, kw_only=True)
class Token:
    """A word as a backend saw it; all positions are character offsets.

    Attributes:
        start: Start offset of the word.
        end: End offset of the word.
        text: The word as written.
        lemma: Dictionary form, when the backend gives one.
        upos: Universal part-of-speech tag, when the backend gives one.
        head: Start offset of the syntactic head word, ``None`` for the root or without a
            parser.
        deprel: Universal dependency relation to the head, when parsed.
        ner: Entity type (``"PERSON"``, ``"ORG"``, ``"GPE"``, ...) when the word is in a named
            entity, else ``None``.
    """

    start: int
    end: int
    text: str
    lemma: str | None = None
    upos: str | None = None
    head: int | None = None
    deprel: str | None = None
    ner: str | None = None


@attrs.frozen(slots=True, kw_only=True)
class Sentence:
    """A sentence: its span, its paragraph's index, and its tokens when the backend made any."""

    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...] = ()
