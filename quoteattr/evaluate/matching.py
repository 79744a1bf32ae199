"""Matching: predictions read from any extractor, units trimmed and paired one to one, and the
judgements of speaker, full name and role on a matched pair."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .gold import GoldQuote, Pair

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


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
