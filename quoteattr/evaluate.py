"""Measure an extractor against gold annotations, and sort its errors by cause.

For users who annotate their own corpus. As a command::

    python -m quoteattr.evaluate GOLD.jsonl [--limit N] [--errors FILE] [--backend NAME]
                                 [--scheme speech|broad] [--min-confidence X]
                                 [--config KEY=VALUE ...] [--json]

It prints lenient and strict precision, recall and F1, speaker accuracy, cue accuracy,
end-to-end F1, recall and speaker accuracy by quote kind, and speed in words per second.
``--errors FILE`` also writes every miss, false alarm and wrong speaker with its context,
grouped by an automatically inferred cause: Markdown, or JSON Lines when ``FILE`` ends in
``.jsonl``. See ``docs/accuracy.md``.

**Gold format.** One JSON object per line::

    {"id": str, "text": str,
     "quotes": [{"type": "direct" | "indirect" | "mixed",
                 "content": [start, end],
                 "content_fragments": [[start, end], ...] | null,  # discontinuous content
                 "speaker": [start, end] | null, "speaker_text": str | null,
                 "cue": [start, end] | null, "cue_text": str | null,
                 "speaker_is_pronoun": bool,
                 "speaker_entity_text": str | null,               # canonical name, optional
                 "speaker_kind": str | null,                      # person, organization, ...
                 "speaker_roles": [str, ...] | null}]}            # roles given, optional

Offsets are half-open ``str`` offsets into ``text``; only ``content`` is required, and each
``*_text`` field, when given, must equal its slice of ``text``.

**Scoring rules** (those of the project's reference scorer, so figures agree):

- Units are content fragments: a quote with fragments counts once per fragment, each with
  the quote's speaker and cue. Quote marks, punctuation and spaces are trimmed at both edges
  of every unit, so content with or without its quote marks scores the same.
- A lenient match needs an overlap of at least 0.3 of both units; a strict match also needs a
  Jaccard index of at least 0.8. Units pair one to one, greedily, best ratio of overlap to
  the longer unit first.
- On a lenient match the speaker is right when: the gold names a canonical entity and one of
  its name words (not a title, longer than one letter) is in the predicted speaker's name;
  else the predicted mention overlaps the gold mention, or the predicted name shares a word
  with it (not a pronoun or title: a pronoun gold is matched by position only); a gold
  quote with no speaker is right only when nothing was predicted. The cue is right when the
  predicted cue overlaps the gold one.
- End-to-end F1 counts a unit as found only when it matches and its speaker is right.
- Where the gold names a canonical entity, the **full name** is right when every name word
  of it (not a title, longer than one letter) is in the predicted name ("Psaki" for "Jen
  Psaki" is a right speaker but not a full name).
- Where the gold gives roles (a person or an anonymous source) and the speaker is right, the
  **role** is right when both are empty, or when the predicted role shares at least half its
  content words (token F1 at least 0.5; "Sen." counts as "senator") with one of them.

>>> text = '“We are ready,” said Ana Ruiz. She said the vote was fair.'
>>> gold = GoldDocument.from_dict({"id": "d1", "text": text, "quotes": [
...     {"type": "direct", "content": [0, 15], "speaker": [21, 29], "cue": [16, 20]},
...     {"type": "indirect", "content": [40, 57], "speaker": [31, 34], "cue": [35, 39],
...      "speaker_is_pronoun": True}]})
>>> scores = score_documents([gold])
>>> (scores.gold, scores.lenient, scores.speaker_correct, scores.cue_accuracy)
(2, 2, 2, 1.0)
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._api import QuoteExtractor, extract_quotes
from .attribution import content_shape, is_label, is_title, not_a_source
from .backends import BACKENDS
from .config import SCHEMES
from .cues import FORMS
from .errors import QuoteAttrError
from .lexicon.reporting_verbs import INFINITIVE_SPEECH

__all__ = [
    "DocumentResult",
    "ErrorCase",
    "GoldDocument",
    "GoldQuote",
    "KindScores",
    "Match",
    "PredictedSpeaker",
    "Prediction",
    "Scores",
    "Unit",
    "cause_counts",
    "compare_document",
    "find_errors",
    "format_errors",
    "format_report",
    "load_gold",
    "main",
    "match_units",
    "missed_cues",
    "score_documents",
    "speaker_correct",
    "trim",
    "write_errors",
]

log = logging.getLogger("quoteattr")

#: A half-open ``(start, end)`` character span.
Pair = tuple[int, int]

#: An extractor: a text in, quotes out (``Quote`` records or mappings like ``Quote.to_dict()``).
Extract = Callable[[str], Iterable[Any]]

#: Characters trimmed from both edges of a content unit: quote marks, punctuation, spaces.
EDGE_CHARS = frozenset(" \t\r\n\"'`«»‹›“”„‟‘’‚‛「」『』.,;:!?—–-()[]")

#: A lenient match covers at least this share of both units.
LENIENT_OVERLAP = 0.3

#: A strict match has at least this Jaccard index.
STRICT_JACCARD = 0.8

#: Words that cannot identify a speaker when names are compared (a pronoun gold mention is
#: matched by position only): "he said" vs a predicted "Ana Ruiz".
NAME_PRONOUNS = frozenset("he she they it we i you him her them us who which that".split())

#: Titles and function words ignored when names are compared: "Sen. Ana Ruiz" vs "Ruiz".
NAME_TITLES = frozenset("mr mrs ms dr sen rep gov president the a an of and jr sr".split())

_WORD = re.compile(r"[a-z0-9]+")
_CUE_WORD = re.compile(r"[a-z]+")


# ---------------------------------------------------------------------------------------------
# Gold records
# ---------------------------------------------------------------------------------------------


def _pair(value: Any, what: str, text: str) -> Pair | None:
    """Read an optional ``[start, end]`` and check it lies in ``text``."""
    if value is None:
        return None
    if (
        not isinstance(value, (list, tuple))
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise ValueError(f"{what} must be [start, end] with two integers, got {value!r}")
    start, end = value
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"{what} {value!r} lies outside the text (length {len(text)})")
    return (start, end)


def _roles(value: Any) -> tuple[str, ...]:
    """Read ``speaker_roles``: a list of strings (or null for none)."""
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)) or not all(isinstance(r, str) for r in value):
        raise ValueError(f"speaker_roles must be a list of strings, got {value!r}")
    return tuple(value)


@attrs.frozen(slots=True, kw_only=True)
class GoldQuote:
    """One annotated attribution.

    Attributes:
        kind: ``"direct"``, ``"indirect"``, ``"mixed"`` or ``None`` when not annotated.
        content: The content's bounding span.
        fragments: The content's pieces (one, equal to ``content``, unless discontinuous).
        speaker: The speaker mention's span, or ``None``.
        speaker_text: The speaker mention as written, or ``None``.
        cue: The cue's span, or ``None``.
        cue_text: The cue as written, or ``None``.
        speaker_is_pronoun: Whether the speaker mention is a pronoun.
        speaker_entity_text: The speaker's canonical name, when the corpus gives one.
        speaker_kind: The speaker's kind (``"person"``, ``"organization"``, ...), if given.
        speaker_roles: The roles the text gives the speaker, when the corpus gives them
            (``()`` for none given; ``None`` when the corpus does not annotate roles).
    """

    kind: str | None
    content: Pair
    fragments: tuple[Pair, ...]
    speaker: Pair | None = None
    speaker_text: str | None = None
    cue: Pair | None = None
    cue_text: str | None = None
    speaker_is_pronoun: bool = False
    speaker_entity_text: str | None = None
    speaker_kind: str | None = None
    speaker_roles: tuple[str, ...] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: str) -> GoldQuote:
        """Read one quote of the gold format, checking its spans against ``text``.

        Raises:
            ValueError: naming the field that is missing, malformed or out of the text.
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"must be a JSON object, got {_json_type(data)}")
        if "content" not in data:
            raise ValueError("'content' is missing")
        content = _pair(data["content"], "content", text)
        if content is None:
            raise ValueError("content must be [start, end] with two integers, got null")
        for key in _OPTIONAL_STRINGS:
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ValueError(f"{key} must be a string or null, got {_json_type(data[key])}")
        raw_fragments = data.get("content_fragments") or [content]
        if not isinstance(raw_fragments, (list, tuple)):
            raise ValueError(
                f"content_fragments must be a list of [start, end], got {_json_type(raw_fragments)}"
            )
        fragments = tuple(
            p
            for i, f in enumerate(raw_fragments)
            if (p := _pair(f, f"content_fragments[{i}]", text)) is not None
        )
        speaker = _pair(data.get("speaker"), "speaker", text)
        cue = _pair(data.get("cue"), "cue", text)
        for name, span in (("content", content), ("speaker", speaker), ("cue", cue)):
            written = data.get(f"{name}_text")
            if span is not None and written is not None and text[span[0] : span[1]] != written:
                raise ValueError(
                    f"{name}_text {written!r} differs from the text at {name} {list(span)}: "
                    f"{text[span[0] : span[1]]!r}"
                )
        speaker_text = data.get("speaker_text")
        if speaker_text is None and speaker is not None:
            speaker_text = text[speaker[0] : speaker[1]]
        cue_text = data.get("cue_text")
        if cue_text is None and cue is not None:
            cue_text = text[cue[0] : cue[1]]
        return cls(
            kind=data.get("type"),
            content=content,
            fragments=fragments,
            speaker=speaker,
            speaker_text=speaker_text,
            cue=cue,
            cue_text=cue_text,
            speaker_is_pronoun=bool(data.get("speaker_is_pronoun")),
            speaker_entity_text=data.get("speaker_entity_text") or None,
            speaker_kind=data.get("speaker_kind") or None,
            speaker_roles=_roles(data.get("speaker_roles")) if "speaker_roles" in data else None,
        )


@attrs.frozen(slots=True)
class GoldDocument:
    """An annotated text: its id, the text, and its :class:`GoldQuote` records."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GoldDocument:
        """Read one line of the gold format (already parsed from JSON).

        Raises:
            ValueError: when a field is missing or a span does not fit the text.
        """
        text = data.get("text")
        if not isinstance(text, str):
            raise ValueError("'text' must be a string")
        raw_quotes = data.get("quotes") or ()
        if not isinstance(raw_quotes, (list, tuple)):
            raise ValueError(f"'quotes' must be a list, got {_json_type(raw_quotes)}")
        quotes = []
        for i, q in enumerate(raw_quotes):
            try:
                quotes.append(GoldQuote.from_dict(q, text))
            except ValueError as exc:
                raise ValueError(f"quote {i}: {exc}") from None
        return cls(str(data.get("id", "")), text, tuple(quotes))


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSON Lines file (UTF-8, with or without a byte-order mark); blank lines
    are skipped.

    Raises:
        OSError: when the file cannot be read.
        ValueError: "FILE, line N: ..." naming the first malformed line (bytes that are not
            UTF-8, a line that is not one JSON object, a missing or malformed field, a span
            outside the text) and the problem.
    """
    docs = []
    with open(path, "rb") as lines:
        for number, raw in enumerate(lines, 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"{path}, line {number}: not UTF-8 (byte {exc.start}: {exc.reason})"
                ) from None
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict):
                    raise ValueError(f"a line must hold one JSON object, got {_json_type(data)}")
                doc = GoldDocument.from_dict(data)
            except RecursionError:
                raise ValueError(f"{path}, line {number}: JSON nested too deeply") from None
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                # json.JSONDecodeError is a ValueError too; the others are a last guard.
                raise ValueError(f"{path}, line {number}: {exc}") from None
            docs.append(attrs.evolve(doc, id=doc.id or f"line {number}"))
    return docs


#: Fields of a gold quote that hold a string when present.
_OPTIONAL_STRINGS = (
    "type",
    "content_text",
    "speaker_text",
    "cue_text",
    "speaker_entity_text",
)


def _json_type(value: Any) -> str:
    """The JSON name of ``value``'s type, for messages: "a number", "a list", ...

    >>> _json_type(3), _json_type([1]), _json_type(None)
    ('a number', 'a list', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


# ---------------------------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------------------------


def _field(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def _span_of(obj: Any) -> Pair | None:
    """A span-like value (``Span``, ``{"start", "end"}``, ``[s, e]``) as a pair, or ``None``."""
    if isinstance(obj, (list, tuple)) and len(obj) == 2 and all(isinstance(v, int) for v in obj):
        return (obj[0], obj[1])
    start, end = _field(obj, "start"), _field(obj, "end")
    if isinstance(start, int) and isinstance(end, int):
        return (start, end)
    return None


@attrs.frozen(slots=True, kw_only=True)
class PredictedSpeaker:
    """The parts of a predicted speaker that scoring reads."""

    span: Pair | None
    text: str
    name: str
    role: str | None = None


@attrs.frozen(slots=True, kw_only=True)
class Prediction:
    """A predicted quote, read from a :class:`~quoteattr.Quote` or a mapping like its dict.

    Attributes:
        kind: The predicted kind as a string, or ``None``.
        fragments: The content's pieces, in text order.
        cue: The cue's span, or ``None``.
        cue_text: The cue as written, or ``None``.
        speaker: The speaker, or ``None``.
        rules: The rules that produced the quote, when the extractor names them.
    """

    kind: str | None
    fragments: tuple[Pair, ...]
    cue: Pair | None = None
    cue_text: str | None = None
    speaker: PredictedSpeaker | None = None
    rules: tuple[str, ...] = ()

    @classmethod
    def of(cls, quote: Any) -> Prediction:
        """Read a :class:`~quoteattr.Quote` or a mapping with the keys of ``Quote.to_dict()``.

        >>> Prediction.of({"kind": "direct", "start": 1, "end": 4, "speaker": None}).fragments
        ((1, 4),)
        """
        raw = _field(quote, "fragments") or ()
        fragments = tuple(p for f in raw if (p := _span_of(f)) is not None)
        if not raw:
            whole = _span_of(quote)
            fragments = (whole,) if whole is not None else ()
        kind = _field(quote, "kind")
        cue = _field(quote, "cue")
        spk = _field(quote, "speaker")
        speaker = None
        if spk is not None:
            text = _field(spk, "text") or ""
            speaker = PredictedSpeaker(
                span=_span_of(spk),
                text=text,
                name=_field(spk, "name") or text,
                role=_field(spk, "role") or None,
            )
        return cls(
            kind=getattr(kind, "value", kind),
            fragments=fragments,
            cue=_span_of(cue),
            cue_text=_field(cue, "text"),
            speaker=speaker,
            rules=tuple(_field(quote, "rules") or ()),
        )


# ---------------------------------------------------------------------------------------------
# Units and matching
# ---------------------------------------------------------------------------------------------


def trim(text: str, start: int, end: int) -> Pair:
    """Shrink ``[start, end)`` past quote marks, punctuation and spaces at both edges.

    >>> text = 'She said: “Rain is coming.”'
    >>> s, e = trim(text, 10, len(text))
    >>> text[s:e]
    'Rain is coming'
    """
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return (start, end)


@attrs.frozen(slots=True)
class Unit:
    """A trimmed content fragment, and the index of the quote it belongs to."""

    start: int
    end: int
    quote: int

    @property
    def span(self) -> Pair:
        """``(start, end)``."""
        return (self.start, self.end)


def _units(text: str, quotes: Iterable[tuple[Pair, ...]]) -> tuple[Unit, ...]:
    """One unit per non-empty trimmed fragment of each quote, tagged with the quote's index.

    Offsets past either end of the text (from a faulty extractor) are clipped to it.
    """
    out = []
    for index, fragments in enumerate(quotes):
        for start, end in fragments:
            s, e = trim(text, max(start, 0), min(end, len(text)))
            if e > s:
                out.append(Unit(s, e, index))
    return tuple(out)


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@attrs.frozen(slots=True, kw_only=True)
class Match:
    """A lenient match between gold unit ``gold`` and predicted unit ``predicted``.

    Attributes:
        gold: Index of the gold unit.
        predicted: Index of the predicted unit.
        overlap: Characters they share.
        jaccard: Overlap over union.
        speaker_ok: Whether the predicted speaker is right (see :func:`speaker_correct`).
        cue_ok: Whether the predicted cue overlaps the gold cue; ``None`` without a gold cue.
        full_name_ok: Whether the predicted name holds the whole canonical name (see
            :func:`full_name_correct`); ``None`` when the gold names no entity.
        role_ok: Whether the predicted role is right (see :func:`role_correct`); ``None``
            when the speaker is wrong or the gold gives no roles to judge.
    """

    gold: int
    predicted: int
    overlap: int
    jaccard: float
    speaker_ok: bool = False
    cue_ok: bool | None = None
    full_name_ok: bool | None = None
    role_ok: bool | None = None

    @property
    def strict(self) -> bool:
        """Whether the match is also strict (Jaccard at least :data:`STRICT_JACCARD`)."""
        return self.jaccard >= STRICT_JACCARD


def match_units(gold: Sequence[Pair], predicted: Sequence[Pair]) -> tuple[Match, ...]:
    """Pair gold and predicted spans one to one, greedily, by overlap over the longer span.

    Only pairs sharing at least :data:`LENIENT_OVERLAP` of both spans may match. Ties go
    to the larger overlap, then to the later gold and predicted span (as the reference
    scorer orders them), so the figures agree to the unit.

    >>> [(m.gold, m.predicted) for m in match_units([(0, 10), (20, 30)], [(21, 30), (2, 9)])]
    [(1, 0), (0, 1)]
    >>> match_units([(0, 10)], [(8, 40)])  # 2 of 32 predicted characters: too little
    ()
    """
    candidates = []
    for gi, g in enumerate(gold):
        g_len = g[1] - g[0]
        for pi, p in enumerate(predicted):
            shared = _overlap(g, p)
            p_len = p[1] - p[0]
            if shared and shared >= LENIENT_OVERLAP * g_len and shared >= LENIENT_OVERLAP * p_len:
                candidates.append((shared / max(g_len, p_len), shared, gi, pi, g_len + p_len))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3]), reverse=True)
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    matches = []
    for _ratio, shared, gi, pi, total in candidates:
        if gi in taken_gold or pi in taken_pred:
            continue
        taken_gold.add(gi)
        taken_pred.add(pi)
        matches.append(
            Match(gold=gi, predicted=pi, overlap=shared, jaccard=shared / (total - shared))
        )
    return tuple(matches)


def _name_words(text: str | None) -> list[str]:
    """Lower-case ASCII words of a name, accents folded: "José Núñez" -> jose, nunez."""
    folded = unicodedata.normalize("NFKD", text or "").lower()
    return _WORD.findall(folded)


def speaker_correct(gold: GoldQuote, predicted: Prediction) -> bool:
    """Whether ``predicted`` names the speaker of ``gold`` (the rules are in the module doc).

    >>> text = "Ruiz said so."
    >>> g = GoldQuote(kind="indirect", content=(10, 12), fragments=((10, 12),),
    ...               speaker=(0, 4), speaker_text="Ruiz", speaker_entity_text="Ana Ruiz")
    >>> p = Prediction(kind="indirect", fragments=((10, 12),),
    ...                speaker=PredictedSpeaker(span=(0, 4), text="Ruiz", name="Ruiz"))
    >>> speaker_correct(g, p)
    True
    """
    spk = predicted.speaker
    if gold.speaker_entity_text is None and gold.speaker is None:
        return spk is None
    if spk is None:
        return False
    name_words = set(_name_words(spk.name))
    if gold.speaker_entity_text is not None:
        wanted = _name_words(gold.speaker_entity_text)
        return any(w in name_words for w in wanted if len(w) > 1 and w not in NAME_TITLES)
    assert gold.speaker is not None
    if spk.span is not None and _overlap(spk.span, gold.speaker) > 0:
        return True
    return any(
        w in name_words
        for w in _name_words(gold.speaker_text)
        if len(w) > 1 and w not in NAME_PRONOUNS and w not in NAME_TITLES
    )


def full_name_correct(gold: GoldQuote, predicted: Prediction) -> bool | None:
    """Whether the predicted name holds every name word of the gold canonical name;
    ``None`` when the gold names no entity.

    >>> g = GoldQuote(kind="direct", content=(0, 1), fragments=((0, 1),),
    ...               speaker_entity_text="Jen Psaki")
    >>> def p(name):
    ...     return Prediction(kind="direct", fragments=((0, 1),),
    ...                       speaker=PredictedSpeaker(span=None, text=name, name=name))
    >>> full_name_correct(g, p("Psaki")), full_name_correct(g, p("Jen Psaki"))
    (False, True)
    """
    if gold.speaker_entity_text is None:
        return None
    spk = predicted.speaker
    wanted = [
        w for w in _name_words(gold.speaker_entity_text) if len(w) > 1 and w not in NAME_TITLES
    ]
    if not wanted or spk is None:
        return False
    have = set(_name_words(spk.name))
    return all(w in have for w in wanted)


#: Words left out when roles are compared.
ROLE_STOP_WORDS = frozenset("the a an of for at in on and to s".split())

#: Title abbreviations read as their word when roles are compared: "Sen." = "senator".
ROLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "pres": "president",
    "rev": "reverend",
    "prof": "professor",
    "atty": "attorney",
    "sgt": "sergeant",
    "adm": "admiral",
    "supt": "superintendent",
    "insp": "inspector",
    "cmdr": "commander",
    "capt": "captain",
}


def _role_words(role: str | None) -> set[str]:
    return {ROLE_ABBREVIATIONS.get(w, w) for w in _name_words(role) if w not in ROLE_STOP_WORDS}


def role_correct(gold: GoldQuote, predicted: Prediction) -> bool | None:
    """Whether the predicted role is one the gold gives (token F1 at least 0.5 with one of
    them), or both are empty; ``None`` when the gold gives no roles to judge.

    >>> g = GoldQuote(kind="direct", content=(0, 1), fragments=((0, 1),),
    ...               speaker_roles=("White House spokeswoman",))
    >>> def p(role):
    ...     return Prediction(kind="direct", fragments=((0, 1),),
    ...                       speaker=PredictedSpeaker(span=None, text="x", name="x", role=role))
    >>> role_correct(g, p("spokeswoman")), role_correct(g, p(None)), role_correct(g, p("Dr."))
    (True, False, False)
    """
    if gold.speaker_roles is None:
        return None
    spk = predicted.speaker
    mine = _role_words(spk.role if spk is not None else None)
    if not gold.speaker_roles:
        return not mine
    for role in gold.speaker_roles:
        theirs = _role_words(role)
        common = len(theirs & mine)
        if common and 2 * common / (len(theirs) + len(mine)) >= 0.5:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True)
class DocumentResult:
    """How the predictions for one document compare with its gold.

    Attributes:
        document: The gold document.
        predictions: What the extractor returned, read as :class:`Prediction` records.
        gold_units: Gold content units; ``Unit.quote`` indexes ``document.quotes``.
        predicted_units: Predicted units; ``Unit.quote`` indexes ``predictions``.
        matches: The lenient matches, with speaker and cue judged.
        seconds: Time the extractor took on the text.
        failure: The exception the extractor raised (its output then counts as empty).
    """

    document: GoldDocument
    predictions: tuple[Prediction, ...]
    gold_units: tuple[Unit, ...]
    predicted_units: tuple[Unit, ...]
    matches: tuple[Match, ...]
    seconds: float = 0.0
    failure: str | None = None

    @property
    def missed(self) -> tuple[int, ...]:
        """Indices of the gold units left unmatched."""
        done = {m.gold for m in self.matches}
        return tuple(i for i in range(len(self.gold_units)) if i not in done)

    @property
    def false_alarms(self) -> tuple[int, ...]:
        """Indices of the predicted units left unmatched."""
        done = {m.predicted for m in self.matches}
        return tuple(i for i in range(len(self.predicted_units)) if i not in done)


def compare_document(
    document: GoldDocument,
    predictions: Iterable[Any],
    *,
    seconds: float = 0.0,
    failure: str | None = None,
) -> DocumentResult:
    """Match one document's predictions (``Quote`` records or mappings) against its gold."""
    preds = tuple(p if isinstance(p, Prediction) else Prediction.of(p) for p in predictions)
    text = document.text
    gold_units = _units(text, (q.fragments for q in document.quotes))
    pred_units = _units(text, (p.fragments for p in preds))
    judged = []
    for m in match_units([u.span for u in gold_units], [u.span for u in pred_units]):
        g = document.quotes[gold_units[m.gold].quote]
        p = preds[pred_units[m.predicted].quote]
        cue_ok = None
        if g.cue is not None:
            cue_ok = p.cue is not None and _overlap(p.cue, g.cue) > 0
        ok = speaker_correct(g, p)
        role_ok = None
        if ok and g.speaker_kind in ("person", "anonymous"):
            role_ok = role_correct(g, p)
        judged.append(
            attrs.evolve(
                m,
                speaker_ok=ok,
                cue_ok=cue_ok,
                full_name_ok=full_name_correct(g, p),
                role_ok=role_ok,
            )
        )
    return DocumentResult(
        document=document,
        predictions=preds,
        gold_units=gold_units,
        predicted_units=pred_units,
        matches=tuple(judged),
        seconds=seconds,
        failure=failure,
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen(slots=True, kw_only=True)
class KindScores:
    """Counts for the gold units of one quote kind."""

    kind: str | None
    gold: int
    matched: int
    speaker_correct: int

    @property
    def recall(self) -> float:
        """Share of this kind's gold units that were matched."""
        return _ratio(self.matched, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        """Share of this kind's matched units whose speaker is right."""
        return _ratio(self.speaker_correct, self.matched)


@attrs.frozen(slots=True, kw_only=True)
class Scores:
    """The figures of one evaluation; counts are fields, rates are properties.

    Attributes:
        documents: Documents scored.
        gold: Gold content units.
        predicted: Predicted content units.
        lenient: Lenient matches.
        strict: Strict matches (a subset of the lenient ones).
        speaker_correct: Lenient matches with the right speaker.
        cue_gold: Lenient matches whose gold has a cue.
        cue_correct: Of those, how many have a predicted cue overlapping it.
        words: Whitespace-separated words in the texts.
        seconds: Time spent in the extractor.
        failures: Documents on which the extractor raised an exception.
        full_name_gold: Lenient matches whose gold names a canonical entity.
        full_name_correct: Of those, how many predicted the whole name.
        role_gold: Lenient matches with the right speaker whose gold gives roles (a person or
            an anonymous source).
        role_correct: Of those, how many predicted a right role.
        by_kind: :class:`KindScores` per gold kind, in order of first appearance.
        results: Each document's :class:`DocumentResult`, for error analysis.
    """

    documents: int
    gold: int
    predicted: int
    lenient: int
    strict: int
    speaker_correct: int
    cue_gold: int
    cue_correct: int
    words: int
    seconds: float
    failures: int
    full_name_gold: int = 0
    full_name_correct: int = 0
    role_gold: int = 0
    role_correct: int = 0
    by_kind: tuple[KindScores, ...] = ()
    results: tuple[DocumentResult, ...] = attrs.field(default=(), repr=False, eq=False)

    @classmethod
    def from_results(cls, results: Iterable[DocumentResult]) -> Scores:
        """Add up the counts of per-document results."""
        results = tuple(results)
        kinds: dict[str | None, list[int]] = {}
        for r in results:
            matched = {m.gold: m for m in r.matches}
            for i, unit in enumerate(r.gold_units):
                counts = kinds.setdefault(r.document.quotes[unit.quote].kind, [0, 0, 0])
                counts[0] += 1
                if i in matched:
                    counts[1] += 1
                    counts[2] += matched[i].speaker_ok
        all_matches = [m for r in results for m in r.matches]
        return cls(
            documents=len(results),
            gold=sum(len(r.gold_units) for r in results),
            predicted=sum(len(r.predicted_units) for r in results),
            lenient=len(all_matches),
            strict=sum(m.strict for m in all_matches),
            speaker_correct=sum(m.speaker_ok for m in all_matches),
            cue_gold=sum(m.cue_ok is not None for m in all_matches),
            cue_correct=sum(m.cue_ok is True for m in all_matches),
            words=sum(len(r.document.text.split()) for r in results),
            seconds=sum(r.seconds for r in results),
            failures=sum(r.failure is not None for r in results),
            full_name_gold=sum(m.full_name_ok is not None for m in all_matches),
            full_name_correct=sum(m.full_name_ok is True for m in all_matches),
            role_gold=sum(m.role_ok is not None for m in all_matches),
            role_correct=sum(m.role_ok is True for m in all_matches),
            by_kind=tuple(
                KindScores(kind=k, gold=c[0], matched=c[1], speaker_correct=c[2])
                for k, c in kinds.items()
            ),
            results=results,
        )

    @property
    def lenient_precision(self) -> float:
        """Lenient matches over predicted units."""
        return _ratio(self.lenient, self.predicted)

    @property
    def lenient_recall(self) -> float:
        """Lenient matches over gold units."""
        return _ratio(self.lenient, self.gold)

    @property
    def lenient_f1(self) -> float:
        """Harmonic mean of lenient precision and recall."""
        return _f1(self.lenient_precision, self.lenient_recall)

    @property
    def strict_precision(self) -> float:
        """Strict matches over predicted units."""
        return _ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float:
        """Strict matches over gold units."""
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        """Harmonic mean of strict precision and recall."""
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def speaker_accuracy(self) -> float:
        """Share of lenient matches with the right speaker."""
        return _ratio(self.speaker_correct, self.lenient)

    @property
    def full_name_accuracy(self) -> float:
        """Share of matches whose gold names an entity that predicted its whole name."""
        return _ratio(self.full_name_correct, self.full_name_gold)

    @property
    def role_accuracy(self) -> float:
        """Share of matches with the right speaker and gold roles that got a right role."""
        return _ratio(self.role_correct, self.role_gold)

    @property
    def cue_accuracy(self) -> float:
        """Share of lenient matches with a gold cue whose predicted cue overlaps it."""
        return _ratio(self.cue_correct, self.cue_gold)

    @property
    def e2e_f1(self) -> float:
        """F1 counting a unit as found only when matched with the right speaker."""
        return _f1(
            _ratio(self.speaker_correct, self.predicted), _ratio(self.speaker_correct, self.gold)
        )

    @property
    def words_per_second(self) -> float:
        """Speed of the extractor."""
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The figures as a JSON-ready mapping (keys as in the reference scorer's ``--json``)."""
        return {
            "docs": self.documents,
            "gold": self.gold,
            "pred": self.predicted,
            "lenient_P": self.lenient_precision,
            "lenient_R": self.lenient_recall,
            "lenient_F1": self.lenient_f1,
            "strict_P": self.strict_precision,
            "strict_R": self.strict_recall,
            "strict_F1": self.strict_f1,
            "speaker_acc": self.speaker_accuracy,
            "full_name_acc": self.full_name_accuracy,
            "full_name_gold": self.full_name_gold,
            "role_acc": self.role_accuracy,
            "role_gold": self.role_gold,
            "e2e_F1": self.e2e_f1,
            "cue_acc": self.cue_accuracy,
            "errors": self.failures,
            "words": self.words,
            "seconds": self.seconds,
            "words_per_s": self.words_per_second,
            "recall_by_type": {k.kind: k.recall for k in self.by_kind},
            "speaker_acc_by_type": {k.kind: k.speaker_accuracy for k in self.by_kind},
        }


def score_documents(docs: Iterable[GoldDocument], extract: Extract = extract_quotes) -> Scores:
    """Run ``extract`` over each gold text and score what it returns.

    An exception raised by ``extract`` is logged and counted in ``Scores.failures``; that
    document then counts as having no predictions.
    """
    results = []
    for doc in docs:
        failure = None
        started = time.perf_counter()
        try:
            predicted = list(extract(doc.text))
        except Exception as exc:  # a crash on one text must not stop the evaluation
            failure = f"{type(exc).__name__}: {exc}"
            log.warning("quoteattr.evaluate: extractor failed on %s: %s", doc.id, failure)
            predicted = []
        seconds = time.perf_counter() - started
        results.append(compare_document(doc, predicted, seconds=seconds, failure=failure))
    return Scores.from_results(results)


def format_report(scores: Scores) -> str:
    """The figures as a short plain-text report.

    >>> print(format_report(Scores.from_results([])).splitlines()[1])
    quotes   lenient P 0.000  R 0.000  F1 0.000 | strict P 0.000  R 0.000  F1 0.000
    """
    s = scores
    lines = [
        f"documents {s.documents}  gold units {s.gold}  predicted units {s.predicted}  "
        f"failed documents {s.failures}",
        f"quotes   lenient P {s.lenient_precision:.3f}  R {s.lenient_recall:.3f}  "
        f"F1 {s.lenient_f1:.3f} | strict P {s.strict_precision:.3f}  R {s.strict_recall:.3f}  "
        f"F1 {s.strict_f1:.3f}",
        f"speaker  accuracy on matched {s.speaker_accuracy:.3f} | cue accuracy "
        f"{s.cue_accuracy:.3f} | end-to-end F1 {s.e2e_f1:.3f}",
    ]
    if s.full_name_gold or s.role_gold:
        lines.append(
            f"names    full-name accuracy {s.full_name_accuracy:.3f} (of {s.full_name_gold}) | "
            f"role accuracy {s.role_accuracy:.3f} (of {s.role_gold})"
        )
    lines.append(f"{'kind':<10} {'gold':>7} {'recall':>7} {'speaker':>8}")
    for k in sorted(s.by_kind, key=lambda k: -k.gold):
        lines.append(
            f"  {k.kind or 'untyped':<8} {k.gold:>7} {k.recall:>7.3f} {k.speaker_accuracy:>8.3f}"
        )
    lines.append(f"speed    {s.words_per_second:,.0f} words/s over {s.words:,} words")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Error analysis
# ---------------------------------------------------------------------------------------------

MISS = "miss"
FALSE_ALARM = "false alarm"
WRONG_SPEAKER = "wrong speaker"
PARTIAL_NAME = "partial name"
WRONG_ROLE = "wrong role"

# Causes of a miss (a gold unit with no match), tested in this order.
#: The prediction overlapping the gold content most also covers another gold unit, which it
#: matched: gold "A." and "B." as two quotes, predicted "A. B." as one.
CAUSE_MERGED = "content boundary (merged with another unit)"
#: A prediction overlaps the gold content but runs too far past it: gold "the plan failed",
#: predicted "the plan failed, which officials had expected for weeks".
CAUSE_TOO_LONG = "content boundary (prediction too long)"
#: A prediction overlaps the gold content but covers too little of it: gold "the plan
#: failed because funds ran out", predicted "funds ran out".
CAUSE_TOO_SHORT = "content boundary (prediction too short)"
#: A direct quote with no prediction on it: its quote marks were not paired, or it was dropped.
CAUSE_UNPAIRED = "direct quote unpaired"
#: The gold cue was found (some prediction has it) but not this content: "X said A and B".
CAUSE_CUE_FOUND = "cue found, content missed"
#: The cue is punctuation: "Ruiz: the plan is sound", "— Ruiz".
CAUSE_PUNCT_CUE = "punctuation cue"
#: Not speech: a belief or finding ("polls show", "she believes"), or a poll or report source.
CAUSE_NOT_SPEECH = "belief/poll/report (not speech)"
#: No word of the gold cue is a cue form of the lexicon: "has learned", "cited".
CAUSE_NOT_IN_LEXICON = "cue not in lexicon"
#: The cue word is in the lexicon, yet no prediction has it: "told" before a long hearer.
CAUSE_NO_CUE = "no cue found"
#: The gold has no cue at all, and nothing overlapped it.
CAUSE_NO_GOLD_CUE = "no cue in gold"

# Causes of a false alarm (a predicted unit with no match), tested in this order.
#: Overlaps a gold unit that another prediction matched: a quote split in two, or found twice.
CAUSE_FA_SPLIT = "content boundary (split or duplicate)"
#: Overlaps a gold unit, but runs too far past it: predicted "A, which B", gold "A".
CAUSE_FA_TOO_LONG = "content boundary (prediction too long)"
#: Overlaps a gold unit, but covers too little of it: predicted "B", gold "A because B".
CAUSE_FA_TOO_SHORT = "content boundary (prediction too short)"
#: The predicted cue is a gold cue, but the content is elsewhere (the wrong side of the cue).
CAUSE_FA_WRONG_CONTENT = "gold cue, content elsewhere"
#: The predicted cue is not annotated as a cue: "the said agreement", a non-reporting "says".
CAUSE_FA_CUE = "cue not annotated"
#: Quote marks with no cue and no gold: titles, scare quotes, slogans.
CAUSE_FA_QUOTED = "quoted words not annotated"
#: No cue, not quoted: attributed by position alone.
CAUSE_FA_POSITION = "no cue, not annotated"
# Causes of a false alarm that overlaps no gold unit, by the construction behind it (the
# constructions the speech scheme rejects; see docs/schemes.md), tested before the three above.
#: A belief, intention, finding or the writer's hedge, where the gold counts speech only.
CAUSE_FA_BELIEF = "belief, finding or hedge (not speech)"
#: A refusal or a negated cue: "declined to comment", "did not respond to requests".
CAUSE_FA_REFUSAL = "refusal or negated cue"
#: A label, heading or headline read as a speaker: "WATCH:", "The Latest:".
CAUSE_FA_LABEL = "label or heading"
#: A subject that cannot be a source: a number, a possessive fragment, a hearer pronoun.
CAUSE_FA_NON_SOURCE = "subject that cannot be a source"
#: The cue's object is a noun phrase, a prepositional phrase or an infinitive of no speech
#: act: "praised his players", "responded to the request", "agreed to meet".
CAUSE_FA_NP_OBJECT = "object is a thing, not words"
#: A title of a work in quote marks: “The Rachel Maddow Show”.
CAUSE_FA_TITLE = "title in quote marks"

# Causes of a wrong speaker (a lenient match whose speaker is wrong), tested in this order.
#: Gold has a speaker, the prediction none.
CAUSE_NO_SPEAKER = "no speaker predicted"
#: Gold has none ("...", the report said nothing of who), the prediction one.
CAUSE_EXTRA_SPEAKER = "speaker where gold has none"
#: The predicted cue is not the gold cue: the content was hung on another reporting verb.
CAUSE_OTHER_CUE = "different cue"
#: The gold mention is a pronoun ("he", "who"), the prediction took it, and resolved it to
#: someone else.
CAUSE_PRONOUN = "pronoun resolved to someone else"
#: ... and left it a pronoun.
CAUSE_PRONOUN_UNRESOLVED = "pronoun unresolved"
#: The gold mention is a description ("the mayor", "the company") of a named entity, and the
#: prediction kept it a description.
CAUSE_DESCRIPTION = "description not linked to its entity"
#: ... and linked it to someone else.
CAUSE_DESCRIPTION_WRONG = "description linked to someone else"
#: The gold mention is a name ("Ruiz", "Ana Ruiz") and the prediction took it, but the name
#: it gave is someone else's: "Ruiz" -> "Tom Ruiz" for Ana Ruiz.
CAUSE_COREF = "name linked to someone else"
#: A different mention was taken as the speaker: "Ruiz told Lopez" -> "Lopez".
CAUSE_ELSEWHERE = "speaker span elsewhere"

# Causes of a partial name (the speaker is right, the canonical name not whole).
#: The prediction gives the surname alone ("Psaki" for "Jen Psaki").
CAUSE_SURNAME_ONLY = "surname only"
#: The prediction gives another form of the name ("Clinton" vs "Hillary Rodham Clinton").
CAUSE_OTHER_FORM = "other form of the name"

# Causes of a wrong role (the speaker is right, the role not one the gold gives).
#: The gold gives a role, the prediction none.
CAUSE_NO_ROLE = "no role predicted"
#: The gold gives none, the prediction one.
CAUSE_EXTRA_ROLE = "role where gold has none"
#: Both give one, and they differ.
CAUSE_OTHER_ROLE = "another role"

#: Cue words (outside the lexicon) of appearance, expectation and findings: "seems", "poll".
NOT_SPEECH_CUE_WORDS = frozenset(
    "seem seems seemed seeming appear appears appeared appearing expected likely poll polls "
    "polling survey surveys study studies data".split()
)

#: Speaker words that mark a document or a poll as the source: "a new poll", "the report".
NOT_SPEECH_SOURCE_WORDS = frozenset(
    "poll polls survey surveys study studies report reports data analysis research document "
    "documents memo records figures numbers results statistics".split()
)

#: Auxiliaries and function words left out when cue words are counted: "has", "also", "to".
CUE_FUNCTION_WORDS = frozenset(
    "has have had having is are was were be been being am also not did does do would will may "
    "might could can should must to the a an of in on for about it that him her them this s ll "
    "t d re ve n with as against at by over up out from and his its their more still back into "
    "than".split()
)

#: Characters of context shown on each side of a unit in the error file.
CONTEXT_CHARS = 150


@attrs.frozen(slots=True, kw_only=True)
class ErrorCase:
    """One miss, false alarm or wrong speaker, with what is needed to see why.

    Attributes:
        category: ``"miss"``, ``"false alarm"`` or ``"wrong speaker"``.
        cause: The inferred cause (one of the ``CAUSE_*`` labels).
        document: The document's id.
        start: Start of the unit (the gold one for a miss or wrong speaker).
        end: End of the unit.
        text: The unit's text.
        before: Up to :data:`CONTEXT_CHARS` characters before the unit.
        after: Up to :data:`CONTEXT_CHARS` characters after it.
        kind: The gold kind (the predicted one for a false alarm).
        gold_speaker: The gold speaker mention, if any.
        gold_entity: The gold canonical speaker name, if any.
        gold_cue: The gold cue, if any.
        predicted: The predicted content overlapping a missed unit, if any.
        predicted_speaker: The predicted speaker mention, if any.
        predicted_name: The predicted speaker name, if any.
        predicted_cue: The predicted cue, if any.
        rules: The rules of the prediction concerned.
        gold_roles: The roles the gold gives the speaker, if annotated.
        predicted_role: The predicted speaker's role, if any.
    """

    category: str
    cause: str
    document: str
    start: int
    end: int
    text: str
    before: str
    after: str
    kind: str | None = None
    gold_speaker: str | None = None
    gold_entity: str | None = None
    gold_cue: str | None = None
    predicted: str | None = None
    predicted_speaker: str | None = None
    predicted_name: str | None = None
    predicted_cue: str | None = None
    rules: tuple[str, ...] = ()
    gold_roles: tuple[str, ...] | None = None
    predicted_role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The case as a JSON-ready mapping."""
        out = attrs.asdict(self)
        out["rules"] = list(self.rules)
        if self.gold_roles is not None:
            out["gold_roles"] = list(self.gold_roles)
        return out


def _cue_words(cue_text: str | None) -> list[str]:
    return _CUE_WORD.findall((cue_text or "").lower())


def _cue_in_lexicon(cue_text: str | None) -> bool:
    lowered = " ".join(_cue_words(cue_text))
    return "according to" in lowered or any(w in FORMS for w in _cue_words(cue_text))


def _is_not_speech(quote: GoldQuote) -> bool:
    """A belief, finding, appearance or document attribution (see :data:`CAUSE_NOT_SPEECH`)."""
    words = _cue_words(quote.cue_text)
    readings = [r for w in words for r in FORMS.get(w, ())]
    if readings and all(frame == "belief" for _lemma, _form, frame in readings):
        return True
    if any(w in NOT_SPEECH_CUE_WORDS for w in words):
        return True
    return any(w in NOT_SPEECH_SOURCE_WORDS for w in _name_words(quote.speaker_text))


def _miss_cause(
    result: DocumentResult, unit: Unit, pred_cues: Sequence[Pair]
) -> tuple[str, Prediction | None]:
    """The cause of a missed gold unit, and the prediction most relevant to it."""
    quote = result.document.quotes[unit.quote]
    overlapping = [(_overlap(unit.span, p.span), j) for j, p in enumerate(result.predicted_units)]
    shared, nearest = max(overlapping, default=(0, -1))
    if shared:
        best = result.predicted_units[nearest]
        pred = result.predictions[best.quote]
        if nearest in {m.predicted for m in result.matches}:
            return CAUSE_MERGED, pred
        longer = best.end - best.start > unit.end - unit.start
        return (CAUSE_TOO_LONG if longer else CAUSE_TOO_SHORT), pred
    if quote.kind == "direct":
        return CAUSE_UNPAIRED, None
    if quote.cue is None:
        return CAUSE_NO_GOLD_CUE, None
    gold_cue = quote.cue
    if any(_overlap(c, gold_cue) for c in pred_cues):
        holder = next(p for p in result.predictions if p.cue and _overlap(p.cue, gold_cue))
        return CAUSE_CUE_FOUND, holder
    if not _cue_words(quote.cue_text):
        return CAUSE_PUNCT_CUE, None
    if _is_not_speech(quote):
        return CAUSE_NOT_SPEECH, None
    if not _cue_in_lexicon(quote.cue_text):
        return CAUSE_NOT_IN_LEXICON, None
    return CAUSE_NO_CUE, None


def _false_alarm_cause(result: DocumentResult, unit: Unit, gold_cues: Sequence[Pair]) -> str:
    pred = result.predictions[unit.quote]
    overlapping = [(_overlap(unit.span, g.span), i) for i, g in enumerate(result.gold_units)]
    shared, best = max(overlapping, default=(0, -1))
    if shared:
        gold = result.gold_units[best]
        if best in {m.gold for m in result.matches}:
            return CAUSE_FA_SPLIT
        return (
            CAUSE_FA_TOO_LONG
            if unit.end - unit.start > gold.end - gold.start
            else CAUSE_FA_TOO_SHORT
        )
    if pred.cue is not None and any(_overlap(pred.cue, g) for g in gold_cues):
        return CAUSE_FA_WRONG_CONTENT
    construction = _construction_cause(result.document.text, pred, unit)
    if construction is not None:
        return construction
    if pred.cue is not None:
        return CAUSE_FA_CUE
    return CAUSE_FA_QUOTED if pred.kind in ("direct", "mixed") else CAUSE_FA_POSITION


_BELIEF_RULES = frozenset({"cue-belief-verb", "writer-hedge", "in-document-finding"})
_LABEL_RULES = frozenset({"colon-headline", "transcript-turn", "direct-colon-speaker"})
_REFUSAL_LEMMAS = frozenset({"decline", "refuse"})
_NEGATION = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+ly\s+)?$", re.I)


def _construction_cause(text: str, pred: Prediction, unit: Unit) -> str | None:
    """The construction behind a false alarm that overlaps no gold unit, when it is one the
    speech scheme does not count as a quote (``None`` otherwise)."""
    rules = set(pred.rules)
    if rules & _BELIEF_RULES:
        return CAUSE_FA_BELIEF
    cue_words = _cue_words(pred.cue_text)
    lemmas = {r[0] for w in cue_words for r in FORMS.get(w, ())}
    if pred.cue is not None and (
        lemmas & _REFUSAL_LEMMAS or _NEGATION.search(text[max(0, pred.cue[0] - 30) : pred.cue[0]])
    ):
        return CAUSE_FA_REFUSAL
    spk = pred.speaker
    if rules & _LABEL_RULES and (
        spk is None or is_label(spk.text) or is_title(_unit_text(text, unit))
    ):
        return CAUSE_FA_LABEL
    if spk is not None and spk.text and not_a_source(spk.text):
        return CAUSE_FA_NON_SOURCE
    if pred.cue is not None and unit.start >= pred.cue[1] and pred.kind == "indirect":
        shape = content_shape(text, unit.start, unit.end)
        infinitive_act = shape == "infinitive" and lemmas & INFINITIVE_SPEECH
        if shape in ("noun", "prepositional", "infinitive") and not infinitive_act:
            return CAUSE_FA_NP_OBJECT
    if pred.cue is None and pred.kind == "direct" and is_title(_unit_text(text, unit)):
        return CAUSE_FA_TITLE
    return None


def _unit_text(text: str, unit: Unit) -> str:
    """The text of a unit."""
    return text[unit.start : unit.end]


def _speaker_cause(gold: GoldQuote, pred: Prediction) -> str:
    spk = pred.speaker
    if spk is None:
        return CAUSE_NO_SPEAKER
    if gold.speaker is None and gold.speaker_entity_text is None:
        return CAUSE_EXTRA_SPEAKER
    if gold.cue is not None and pred.cue is not None and not _overlap(gold.cue, pred.cue):
        return CAUSE_OTHER_CUE
    on_mention = (
        spk.span is not None and gold.speaker is not None and _overlap(spk.span, gold.speaker) > 0
    )
    if not on_mention:
        return CAUSE_ELSEWHERE
    gold_words = _name_words(gold.speaker_text)
    pronoun = gold.speaker_is_pronoun or (
        bool(gold_words) and all(w in NAME_PRONOUNS for w in gold_words)
    )
    if pronoun:
        still = all(w in NAME_PRONOUNS for w in _name_words(spk.name))
        return CAUSE_PRONOUN_UNRESOLVED if still else CAUSE_PRONOUN
    if gold_words and gold_words[0] in _DESCRIPTION_OPENERS:
        kept = set(_name_words(spk.name)) <= set(_name_words(spk.text))
        return CAUSE_DESCRIPTION if kept else CAUSE_DESCRIPTION_WRONG
    return CAUSE_COREF


#: First words of a description: "the mayor", "a senior official", "his spokesman".
_DESCRIPTION_OPENERS = frozenset("the a an his her their its this that one two".split())


def _name_cause(pred: Prediction) -> str:
    spk = pred.speaker
    words = _name_words(spk.name if spk is not None else "")
    return CAUSE_SURNAME_ONLY if len(words) == 1 else CAUSE_OTHER_FORM


def _role_cause(gold: GoldQuote, pred: Prediction) -> str:
    role = pred.speaker.role if pred.speaker is not None else None
    if not gold.speaker_roles:
        return CAUSE_EXTRA_ROLE
    return CAUSE_OTHER_ROLE if role else CAUSE_NO_ROLE


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def _case(
    category: str,
    cause: str,
    result: DocumentResult,
    unit: Unit,
    gold: GoldQuote | None,
    pred: Prediction | None,
    pred_unit: Unit | None = None,
) -> ErrorCase:
    text = result.document.text
    before, after = _context(text, unit.start, unit.end)
    spk = pred.speaker if pred else None
    predicted = None
    if category == MISS and pred is not None and pred.fragments:
        predicted = " … ".join(text[s:e] for s, e in pred.fragments)
    return ErrorCase(
        category=category,
        cause=cause,
        document=result.document.id,
        start=unit.start,
        end=unit.end,
        text=text[unit.start : unit.end],
        before=before,
        after=after,
        kind=gold.kind if gold else (pred.kind if pred else None),
        gold_speaker=gold.speaker_text if gold else None,
        gold_entity=gold.speaker_entity_text if gold else None,
        gold_cue=gold.cue_text if gold else None,
        predicted=predicted,
        predicted_speaker=spk.text if spk else None,
        predicted_name=spk.name if spk else None,
        predicted_cue=(pred.cue_text if pred.cue_text is not None else None) if pred else None,
        rules=pred.rules if pred else (),
        gold_roles=gold.speaker_roles if gold else None,
        predicted_role=spk.role if spk else None,
    )


def find_errors(results: Scores | Iterable[DocumentResult]) -> tuple[ErrorCase, ...]:
    """Every miss, false alarm and wrong speaker, each with an inferred cause; and, where
    the gold gives canonical names and roles, every partial name and wrong role.

    Cases come in document order: per document, misses, then false alarms, then wrong
    speakers (with partial names and wrong roles), each in text order.
    """
    if isinstance(results, Scores):
        results = results.results
    cases = []
    for r in results:
        quotes = r.document.quotes
        pred_cues = [p.cue for p in r.predictions if p.cue is not None]
        gold_cues = [q.cue for q in quotes if q.cue is not None]
        for i in r.missed:
            unit = r.gold_units[i]
            cause, pred = _miss_cause(r, unit, pred_cues)
            cases.append(_case(MISS, cause, r, unit, quotes[unit.quote], pred))
        for i in r.false_alarms:
            unit = r.predicted_units[i]
            cause = _false_alarm_cause(r, unit, gold_cues)
            cases.append(_case(FALSE_ALARM, cause, r, unit, None, r.predictions[unit.quote]))
        for m in sorted(r.matches, key=lambda m: m.gold):
            unit = r.gold_units[m.gold]
            gold = quotes[unit.quote]
            pred = r.predictions[r.predicted_units[m.predicted].quote]
            if not m.speaker_ok:
                cases.append(_case(WRONG_SPEAKER, _speaker_cause(gold, pred), r, unit, gold, pred))
                continue
            if m.full_name_ok is False:
                cases.append(_case(PARTIAL_NAME, _name_cause(pred), r, unit, gold, pred))
            if m.role_ok is False:
                cases.append(_case(WRONG_ROLE, _role_cause(gold, pred), r, unit, gold, pred))
    return tuple(cases)


def cause_counts(cases: Iterable[ErrorCase]) -> list[tuple[str, str, int]]:
    """``(category, cause, count)`` for each cause, by category, most frequent first.

    >>> cause_counts([])
    []
    """
    counts = Counter((c.category, c.cause) for c in cases)
    order = {MISS: 0, FALSE_ALARM: 1, WRONG_SPEAKER: 2, PARTIAL_NAME: 3, WRONG_ROLE: 4}
    keyed = sorted(counts.items(), key=lambda kv: (order.get(kv[0][0], 3), -kv[1], kv[0][1]))
    return [(cat, cause, n) for (cat, cause), n in keyed]


def missed_cues(cases: Iterable[ErrorCase], top: int = 40) -> list[tuple[str, int]]:
    """The most frequent gold cue texts (lower-cased) among misses."""
    counts = Counter((c.gold_cue or "").lower() for c in cases if c.category == MISS and c.gold_cue)
    return counts.most_common(top)


def _flat(text: str) -> str:
    """One line: paragraph breaks shown as ``¶``, other whitespace runs as one space."""
    return re.sub(r"\s+", " ", re.sub(r"\s*\n\s*\n\s*", " ¶ ", text))


def _md(text: str | None) -> str:
    """Escape what Markdown would read as markup."""
    if text is None:
        return "—"
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", _flat(text))


def _shorten(text: str, limit: int = 400) -> str:
    half = limit // 2 - 2
    return text if len(text) <= limit else f"{text[:half]} … {text[-half:]}"


def _markdown(cases: Sequence[ErrorCase], title: str) -> str:
    counts = cause_counts(cases)
    by_category = Counter(c.category for c in cases)
    out = [
        f"# Error analysis: {_md(title)}",
        "",
        f"{by_category[MISS]} misses, {by_category[FALSE_ALARM]} false alarms, "
        f"{by_category[WRONG_SPEAKER]} wrong speakers, {by_category[PARTIAL_NAME]} partial "
        f"names, {by_category[WRONG_ROLE]} wrong roles. Each case shows "
        f"{CONTEXT_CHARS} characters of context either side of the unit, which is in ⟦ ⟧.",
        "",
        "## Causes",
        "",
        "| category | cause | count | share of category |",
        "|---|---|---:|---:|",
    ]
    for cat, cause, n in counts:
        out.append(f"| {cat} | {cause} | {n} | {n / by_category[cat]:.1%} |")
    out += ["", "## Most frequent gold cues among misses", "", "| cue | misses |", "|---|---:|"]
    out += [f"| {_md(cue)} | {n} |" for cue, n in missed_cues(cases)]
    for cat, cause, n in counts:
        group = [c for c in cases if c.category == cat and c.cause == cause]
        out += ["", f"## {cat}: {cause} ({n})", ""]
        cues = Counter((c.gold_cue or c.predicted_cue or "").lower() for c in group)
        cues.pop("", None)
        if cues:
            top = ", ".join(f"{_md(k)} ({v})" for k, v in cues.most_common(15))
            out += [f"Most frequent cues: {top}", ""]
        words = Counter(
            w for c in group for w in _cue_words(c.gold_cue) if w not in CUE_FUNCTION_WORDS
        )
        if cat == MISS and words:
            top = ", ".join(f"{_md(k)} ({v})" for k, v in words.most_common(25))
            out += [f"Most frequent cue words: {top}", ""]
        for c in group:
            gold = (
                f"gold speaker {_md(c.gold_speaker)}"
                + (f" = {_md(c.gold_entity)}" if c.gold_entity else "")
                + f", cue {_md(c.gold_cue)}"
            )
            pred = f"predicted speaker {_md(c.predicted_speaker)}"
            if c.predicted_name and c.predicted_name != c.predicted_speaker:
                pred += f" ({_md(c.predicted_name)})"
            pred += f", cue {_md(c.predicted_cue)}"
            if cat == WRONG_ROLE:
                gold += f", roles {_md('; '.join(c.gold_roles or ())) or '—'}"
                pred += f", role {_md(c.predicted_role)}"
            head = f"- `{c.document}` [{c.start}:{c.end}] {c.kind or 'untyped'} · "
            head += pred if cat == FALSE_ALARM else f"{gold} · {pred}"
            out.append(head + f" · rules {', '.join(c.rules) or '—'}")
            out.append(f"  > …{_md(c.before)} **⟦{_md(_shorten(c.text))}⟧** {_md(c.after)}…")
            if c.predicted:
                out.append(f"  >\n  > predicted: ⟦{_md(_shorten(c.predicted))}⟧")
    return "\n".join(out) + "\n"


def format_errors(cases: Sequence[ErrorCase], fmt: str = "markdown", title: str = "") -> str:
    """Render error cases as Markdown (summary, then one section per cause) or JSON Lines.

    Args:
        cases: What :func:`find_errors` returned.
        fmt: ``"markdown"`` or ``"jsonl"`` (one :meth:`ErrorCase.to_dict` per line).
        title: A heading for the Markdown report, such as the gold file's name.

    Raises:
        ValueError: for an unknown ``fmt``.
    """
    if fmt == "jsonl":
        return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in cases)
    if fmt == "markdown":
        return _markdown(cases, title)
    raise ValueError(f"unknown error format {fmt!r}; use 'markdown' or 'jsonl'")


def write_errors(cases: Sequence[ErrorCase], path: str | Path, title: str = "") -> None:
    """Write ``cases`` to ``path``: JSON Lines if it ends in ``.jsonl``, else Markdown."""
    fmt = "jsonl" if str(path).endswith(".jsonl") else "markdown"
    Path(path).write_text(format_errors(cases, fmt, title), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m quoteattr.evaluate",
        description="Score quoteattr against gold JSON Lines (format: see docs/accuracy.md).",
    )
    parser.add_argument("gold", help="gold JSON Lines file")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N documents")
    parser.add_argument(
        "--errors",
        metavar="FILE",
        help="write misses, false alarms and wrong speakers by cause (Markdown, or JSON Lines "
        "when FILE ends in .jsonl)",
    )
    parser.add_argument(
        "--backend", default="rules", choices=sorted(BACKENDS), help="backend (default: rules)"
    )
    parser.add_argument(
        "--scheme",
        choices=SCHEMES,
        default=None,
        help="what counts as a quote: speech (the default) or broad (PARC/PolNeAR-style "
        "attribution: beliefs, findings, hedges too); see docs/schemes.md",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="drop quotes with confidence below X (default: the Config default)",
    )
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="any other Config option, VALUE read as JSON when it parses (true, 3, 0.5) and "
        "as a string otherwise; repeatable",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    return parser


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The Config options the command line asks for: ``--config`` pairs first, then the
    named flags, which win.

    >>> _options(_parser().parse_args(["g.jsonl", "--config", "min_quote_words=3"]))
    {'min_quote_words': 3, 'backend': 'rules'}
    """
    options: dict[str, Any] = {}
    for item in args.config:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--config takes KEY=VALUE, got {item!r}")
        try:
            value: Any = json.loads(raw)
        except ValueError:
            value = raw
        options[key.strip()] = value
    options["backend"] = args.backend
    if args.scheme is not None:
        options["scheme"] = args.scheme
    if args.min_confidence is not None:
        options["min_confidence"] = args.min_confidence
    return options


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 unreadable gold or backend)."""
    args = _parser().parse_args(argv)
    try:
        docs = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"quoteattr.evaluate: {exc}", file=sys.stderr)
        return 1
    if args.limit is not None:
        docs = docs[: max(args.limit, 0)]
    try:
        extractor = QuoteExtractor(**_options(args))
        extractor.backend  # noqa: B018 -- build it now, so a missing backend fails clearly
    except (QuoteAttrError, ValueError, TypeError) as exc:
        print(f"quoteattr.evaluate: {exc}", file=sys.stderr)
        return 1
    scores = score_documents(docs, extractor.extract)
    cases = find_errors(scores) if args.errors else ()
    if args.errors:
        write_errors(cases, args.errors, title=Path(args.gold).name)
    if args.json:
        figures = scores.to_dict()
        if args.errors:
            figures["error_causes"] = [list(c) for c in cause_counts(cases)]
        print(json.dumps(figures))
        return 0
    print(format_report(scores))
    if args.errors:
        print(f"errors written to {args.errors}:")
        for cat, cause, n in cause_counts(cases):
            print(f"  {cat:<14} {cause:<44} {n:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
