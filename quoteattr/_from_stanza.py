"""The conversion of a processed ``stanza.Document`` into the fields of an ``Analysis``.

It lives below :mod:`quoteattr.model` and imports nothing of it, so that both
``Analysis.from_stanza(doc)`` and :func:`quoteattr.backends.stanza.analysis_from_document`
(the documented entry point) can call it: each passes the class to build (``make``), and no
module imports one that imports it back. stanza itself is never imported here; the document
is read through its attributes. Stanza's word indices never leave this module.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ._budget import Budget
from .errors import QuoteAttrError
from .segment import segment
from .tokens import Sentence, Token

__all__ = ["convert"]

A = TypeVar("A")


def convert(
    doc: Any, text: str | None = None, budget: Budget | None = None, *, make: Callable[..., A]
) -> A:
    """``make(text=..., paragraphs=..., sentences=..., backend="stanza", coref=...,
    warnings=..., entities=...)`` from a processed ``stanza.Document``.

    See :func:`quoteattr.backends.stanza.analysis_from_document` for the arguments and what
    becomes of the document's words, heads, entities and chains.

    Raises:
        QuoteAttrError: when the document carries no character offsets.
    """
    text = text if text is not None else _text_of(doc)
    paragraphs, sentences, warnings = segment(text, budget or Budget())
    words: list[Token] = []
    # Per stanza sentence, the (start, end) of each of its words (by 0-based word index).
    word_spans: list[list[tuple[int, int] | None]] = []
    for sent in doc.sentences:
        spans: list[tuple[int, int] | None] = []
        ner_of: list[str | None] = []
        owner: list[int] = []  # index of the word a folded MWT word is merged into
        for tok in sent.tokens:
            ws = _word_spans(tok)
            first = len(spans)
            for k, span in enumerate(ws):
                spans.append(span)
                ner_of.append(_bare_ner(tok.ner))
                owner.append(first if span is None and k > 0 else len(spans) - 1)
        sent_words = list(sent.words)
        if len(sent_words) != len(spans):
            raise QuoteAttrError("stanza sentence has words that belong to no token")
        if spans and spans[0] is None:
            raise QuoteAttrError(
                "the stanza Document's tokens have no character offsets (start_char/end_char)"
            )
        id_to_index = {w.id: i for i, w in enumerate(sent_words)}
        heads: list[int | None] = []
        for w in sent_words:
            j = id_to_index.get(w.head) if w.head else None
            target = spans[owner[j]] if j is not None else None
            heads.append(target[0] if target is not None else None)
        for i, w in enumerate(sent_words):
            span = spans[i]
            if span is None:
                continue
            s, e = span
            words.append(
                Token(
                    start=s,
                    end=e,
                    text=text[s:e],
                    lemma=w.lemma,
                    upos=w.upos,
                    head=heads[i],
                    deprel=w.deprel,
                    ner=ner_of[i],
                )
            )
        word_spans.append(spans)
    return make(
        text=text,
        paragraphs=paragraphs,
        sentences=_in_sentences(words, sentences),
        backend="stanza",
        coref=_chains(doc, word_spans),
        warnings=warnings,
        entities=_entities(doc),
    )


def _bare_ner(tag: str | None) -> str | None:
    """``"B-PERSON"`` -> ``"PERSON"``; ``"O"`` and missing tags -> ``None``.

    >>> [_bare_ner(t) for t in ("S-ORG", "E-PERSON", "O", None, "GPE")]
    ['ORG', 'PERSON', None, None, 'GPE']
    """
    if not tag or tag in ("O", "_"):
        return None
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIESL":
        return tag[2:]
    return tag


def _entities(doc: Any) -> tuple[tuple[int, int, str], ...]:
    """Named-entity spans ``(start, end, label)`` from the tokens' NER tags (BIOES, BIO or
    bare labels), without touching the document.

    >>> class T:
    ...     def __init__(self, s, e, ner): self.start_char, self.end_char, self.ner = s, e, ner
    >>> class S:
    ...     tokens = [T(0, 3, "B-PERSON"), T(4, 8, "E-PERSON"), T(9, 13, "O"), T(14, 17, "S-ORG")]
    >>> class D:
    ...     sentences = [S()]
    >>> _entities(D())
    ((0, 8, 'PERSON'), (14, 17, 'ORG'))
    """
    out: list[tuple[int, int, str]] = []
    for sent in doc.sentences:
        open_: list[Any] | None = None  # [start, end, label] of the entity being read
        for tok in sent.tokens:
            tag = tok.ner or "O"
            label = _bare_ner(tag)
            prefix = tag[0] if label is not None and tag != label else ""
            if tok.start_char is None or tok.end_char is None or label is None:
                open_ = None
                continue
            if open_ is not None and open_[2] == label and prefix in ("I", "E", "L", ""):
                open_[1] = tok.end_char
            else:
                open_ = [tok.start_char, tok.end_char, label]
                out.append((0, 0, ""))  # placeholder, filled below
            out[-1] = (open_[0], open_[1], open_[2])
            if prefix in ("E", "L", "S"):
                open_ = None
    return tuple(out)


def _word_spans(token: Any) -> list[tuple[int, int] | None]:
    """Character spans of the words of one stanza token.

    A multi-word token ("won't" -> "wo" + "n't") whose words have no offsets of their own is
    split by finding each word in the token's text in turn; a word that cannot be found gets
    ``None`` and is folded into the token's first word.
    """
    words = token.words
    t_start, t_end = token.start_char, token.end_char
    if len(words) == 1:
        w = words[0]
        s = w.start_char if w.start_char is not None else t_start
        e = w.end_char if w.end_char is not None else t_end
        return [(s, e)] if s is not None and e is not None else [None]
    if all(w.start_char is not None and w.end_char is not None for w in words):
        return [(w.start_char, w.end_char) for w in words]
    if t_start is None or t_end is None:
        return [None] * len(words)
    surface = token.text.lower()
    out: list[tuple[int, int] | None] = []
    pos = 0
    for w in words:
        k = surface.find(w.text.lower(), pos)
        if k == -1:
            out.append(None)
            continue
        out.append((t_start + k, t_start + k + len(w.text)))
        pos = k + len(w.text)
    if out[0] is None:
        out[0] = (t_start, t_end)
    return out


def _text_of(doc: Any) -> str:
    """The document's text, or one rebuilt from its tokens' offsets (gaps become spaces)."""
    if getattr(doc, "text", None):
        return str(doc.text)
    pieces: list[tuple[int, str]] = []
    for sent in doc.sentences:
        for tok in sent.tokens:
            if tok.start_char is None or tok.end_char is None:
                raise QuoteAttrError(
                    "the stanza Document has no text and its tokens have no character offsets "
                    "(start_char/end_char); process the text with a stanza Pipeline, or read "
                    "CoNLL-U with offsets in MISC"
                )
            pieces.append((tok.start_char, tok.text))
    size = max((s + len(t) for s, t in pieces), default=0)
    chars = [" "] * size
    for s, t in pieces:
        chars[s : s + len(t)] = t
    return "".join(chars)


def _in_sentences(tokens: Sequence[Token], sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The rules backend's sentences, each holding the parsed words that start inside it.

    The sentence boundaries are the rules backend's, not stanza's: they are written for news (quote
    marks, abbreviations, datelines) and the attribution rules are measured on them, so the
    parse only adds words and heads. A head in another sentence (where stanza joined two) is
    simply outside the tree of each.
    """
    starts = [s.start for s in sentences]
    if not starts:
        return ()
    groups: list[list[Token]] = [[] for _ in starts]
    for tok in tokens:
        k = bisect.bisect_right(starts, tok.start) - 1
        groups[max(k, 0)].append(tok)
    return tuple(
        Sentence(start=s.start, end=s.end, paragraph=s.paragraph, tokens=tuple(group))
        for s, group in zip(sentences, groups, strict=True)
    )


def _chains(
    doc: Any, word_spans: list[list[tuple[int, int] | None]]
) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Stanza's coreference chains as tuples of ``(start, end)`` mention spans."""
    out = []
    for chain in getattr(doc, "coref", None) or ():
        mentions = []
        for m in chain.mentions:
            if isinstance(m.start_word, tuple) or m.sentence >= len(word_spans):
                continue  # zero anaphora: no surface text
            spans = word_spans[m.sentence]
            first = spans[m.start_word] if m.start_word < len(spans) else None
            last = spans[m.end_word - 1] if 0 < m.end_word <= len(spans) else None
            if first is not None and last is not None:
                mentions.append((first[0], last[1]))
        if mentions:
            out.append(tuple(sorted(set(mentions))))
    return tuple(out)
