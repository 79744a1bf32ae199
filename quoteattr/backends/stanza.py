"""The stanza backend: tokens, POS, lemmas, dependency parses, NER (and coreference) from
stanza's English pipeline.

stanza (and torch) are imported only inside :meth:`StanzaBackend.from_config`, never when
quoteattr itself is imported. Stanza's word indices never leave this module: every
:class:`~quoteattr.model.Token` carries character offsets into the original text, its ``head``
is the start offset of the head word, and coreference chains become ``(start, end)`` spans.

A stanza ``Document`` the user has already processed is converted with
:func:`analysis_from_document` (also reachable as ``Analysis.from_stanza(doc)``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from .._budget import Budget
from ..config import Config
from ..errors import BackendUnavailableError, QuoteAttrError
from ..model import Analysis, Sentence, Token
from .rules import paragraph_spans

__all__ = [
    "PROCESSORS",
    "StanzaBackend",
    "analysis_from_document",
    "models_present",
    "resources_dir",
]

#: The processors run on every text; ``coref`` is added when its model is installed.
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")

_INSTALL_HINT = 'the stanza backend needs stanza: pip install "quoteattr[stanza]"'


def resources_dir(config: Config) -> str:
    """Where stanza's models are looked for: ``config.stanza_dir`` or stanza's default."""
    if config.stanza_dir:
        return config.stanza_dir
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return env
    return os.path.join(os.path.expanduser("~"), "stanza_resources")


def models_present(model_dir: str, lang: str = "en") -> bool:
    """Whether stanza's resource index and a model folder for ``lang`` exist in ``model_dir``.

    >>> models_present("/nonexistent-quoteattr-dir")
    False
    """
    return os.path.isfile(os.path.join(model_dir, "resources.json")) and os.path.isdir(
        os.path.join(model_dir, lang)
    )


def _has_coref(model_dir: str, lang: str = "en") -> bool:
    folder = os.path.join(model_dir, lang, "coref")
    return os.path.isdir(folder) and any(os.scandir(folder))


class StanzaBackend:
    """Runs a stanza pipeline (built once, reused for every text) and converts its output.

    Args:
        pipeline: Any callable mapping a ``str`` to a processed ``stanza.Document``; normally
            a ``stanza.Pipeline`` built by :meth:`from_config`.
        coref: Whether the pipeline includes coreference.
    """

    name = "stanza"

    def __init__(self, pipeline: Callable[[str], Any], *, coref: bool = False) -> None:
        self.pipeline = pipeline
        self.coref = coref
        # A stanza pipeline keeps per-call state on its processors: one text at a time.
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: Config) -> StanzaBackend:
        """Build stanza's English pipeline for ``config``.

        Nothing is downloaded unless ``config.download`` is ``True``.

        Raises:
            BackendUnavailableError: when stanza is not installed, or its English models are
                not in the model directory (the message names the directory searched and
                how to download them).
        """
        try:
            import stanza
        except ImportError as exc:
            raise BackendUnavailableError(_INSTALL_HINT) from exc
        model_dir = resources_dir(config)
        if not config.download and not models_present(model_dir):
            raise BackendUnavailableError(_missing_models(model_dir))
        # Coreference joins when its model is installed; if it fails to load, go without.
        attempts = (True, False) if _has_coref(model_dir) else (False,)
        for coref in attempts:
            try:
                pipeline = stanza.Pipeline(
                    lang="en",
                    processors=",".join((*PROCESSORS, "coref") if coref else PROCESSORS),
                    dir=model_dir,
                    download_method="reuse_resources" if config.download else None,
                    logging_level="WARN",
                )
            except Exception as exc:
                if coref:
                    continue
                raise BackendUnavailableError(f"{_missing_models(model_dir)} ({exc})") from exc
            return cls(pipeline, coref=coref)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def analyse(self, text: str, budget: Budget | None = None) -> Analysis:
        """Run the pipeline over ``text`` and convert the result (``budget`` is not used:
        stanza's models run no regular expressions over user text)."""
        with self._lock:
            doc = self.pipeline(text)
        return analysis_from_document(doc, text)


def _missing_models(model_dir: str) -> str:
    """The message for missing models: the directory searched and how to fill it."""
    return (
        f"stanza's English models were not found in {model_dir!r} (searched: Config.stanza_dir, "
        "else $STANZA_RESOURCES_DIR, else ~/stanza_resources). Download them once with "
        f'stanza.download("en") (or stanza.download("en", model_dir={model_dir!r})), '
        "or pass download=True to let quoteattr download them; nothing is downloaded otherwise"
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


def _split_by_paragraph(
    tokens: Sequence[Token], paragraphs: Sequence[tuple[int, int]]
) -> list[tuple[int, list[Token]]]:
    """Group one stanza sentence's tokens by the paragraph each starts in."""
    groups: list[tuple[int, list[Token]]] = []
    p = 0
    for tok in tokens:
        while p + 1 < len(paragraphs) and tok.start >= paragraphs[p + 1][0]:
            p += 1
        if groups and groups[-1][0] == p:
            groups[-1][1].append(tok)
        else:
            groups.append((p, [tok]))
    return groups


def analysis_from_document(doc: Any, text: str | None = None) -> Analysis:
    """Convert a processed ``stanza.Document`` into an :class:`~quoteattr.model.Analysis`.

    Args:
        doc: The document, with character offsets on its tokens (a stanza ``Pipeline``
            always sets them; CoNLL-U needs ``start_char``/``end_char`` in MISC).
        text: The original text, if ``doc.text`` is missing; by default ``doc.text``, or
            failing that a text rebuilt from the token offsets.

    Paragraphs are found in the text by the rules backend's paragraph rule; a stanza sentence
    that runs across a line break is split there. Token heads become the start offset of the
    head word, NER tags lose their BIOES prefix, and coreference chains become spans.

    Raises:
        QuoteAttrError: when the document carries no character offsets.
    """
    text = text if text is not None else _text_of(doc)
    paragraphs = paragraph_spans(text, Budget(total=60.0, per_call=10.0)) or [(0, len(text))]
    sentences: list[Sentence] = []
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
        words = list(sent.words)
        if len(words) != len(spans):
            raise QuoteAttrError("stanza sentence has words that belong to no token")
        if spans and spans[0] is None:
            raise QuoteAttrError(
                "the stanza Document's tokens have no character offsets (start_char/end_char)"
            )
        id_to_index = {w.id: i for i, w in enumerate(words)}
        heads: list[int | None] = []
        for w in words:
            j = id_to_index.get(w.head) if w.head else None
            target = spans[owner[j]] if j is not None else None
            heads.append(target[0] if target is not None else None)
        toks: list[Token] = []
        for i, w in enumerate(words):
            span = spans[i]
            if span is None:
                continue
            s, e = span
            toks.append(
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
        for p, group in _split_by_paragraph(toks, paragraphs):
            sentences.append(
                Sentence(start=group[0].start, end=group[-1].end, paragraph=p, tokens=tuple(group))
            )
    return Analysis(
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        backend="stanza",
        coref=_chains(doc, word_spans),
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
