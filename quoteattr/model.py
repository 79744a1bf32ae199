"""The records quoteattr returns and passes between its stages.

Every record is a frozen, slotted attrs class, and every position is a half-open pair of
character offsets into the **original** text, so for any span ``s`` taken from ``text``::

    text[s.start:s.end] == s.text

No token index ever leaves a backend; tokens carry character offsets too (their ``head`` is the
start offset of the head token).

>>> text = "Rain is coming, she said."
>>> Span.of(text, 16, 19)
Span(start=16, end=19, text='she')
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from .tokens import Sentence, Token

__all__ = [
    "Analysis",
    "Cast",
    "Entity",
    "EntityMention",
    "GenderEvidence",
    "Quote",
    "QuoteKind",
    "Sentence",
    "Span",
    "Speaker",
    "SpeakerKind",
    "SpeakerRow",
    "Token",
]


class QuoteKind(str, enum.Enum):
    """How a quotation is reported.

    ``DIRECT`` is verbatim between quote marks; ``INDIRECT`` is reported speech with no quote
    marks (*she said that rain is coming*); ``MIXED`` is reported speech that contains a quoted
    fragment (*she said rain was "certain"*). The values are plain strings, so
    ``QuoteKind.DIRECT == "direct"``.
    """

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"

    def __str__(self) -> str:
        return self.value


class SpeakerKind(str, enum.Enum):
    """What sort of source a speaker is; compares equal to its string value."""

    PERSON = "person"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Span:
    """A half-open stretch ``[start, end)`` of the original text, with the text it covers.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        text: ``original_text[start:end]``.
    """

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``[start, end)`` of ``text``.

        >>> Span.of("Psaki said", 6, 10).text
        'said'
        """
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        """The span as ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen(slots=True, kw_only=True)
class GenderEvidence:
    """One thing the text says about a person's gender, and where it says it.

    Attributes:
        gender: ``"female"`` or ``"male"``.
        kind: What the evidence is: ``"pronoun"`` (*she said*, *her office*, resolved to
            the person), ``"honorific"`` (*Ms. Tanaka*), ``"role-noun"`` (*the spokeswoman*,
            *the chairman*), ``"kinship-noun"`` (*his wife*, *her son*), or ``"first-name"`` (a
            given name in a name lexicon: not the text's own evidence, and weaker).
        start: Start offset of the words that give the evidence.
        end: End offset.
        text: The words as written (``text[start:end]``).
    """

    gender: str
    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The evidence as a JSON-ready mapping."""
        return {
            "gender": self.gender,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


#: How many pieces of gender evidence :meth:`Speaker.to_dict` writes with each quote (the
#: rest are counted; the whole list is in the cast, once per entity).
EVIDENCE_IN_QUOTE = 5


@attrs.frozen(slots=True, kw_only=True)
class SourcePhrase:
    """The fields a :class:`Speaker` shares with the mentions the stages find on the way to
    it (:class:`quoteattr.speakers.Mention`): a phrase that names a source, where it stands,
    as written, with its name, role, kind and gender (their meanings: :class:`Speaker`)."""

    start: int
    end: int
    text: str
    name: str
    role: str | None = None
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    gender: str | None = None


@attrs.frozen(slots=True, kw_only=True)
class Speaker(SourcePhrase):
    """The source a quote is attributed to.

    Attributes:
        start: Start of the mention that attributes the quote locally (it may be ``"he"``).
        end: End of that mention.
        text: The mention as written.
        name: Canonical name after coreference (``"Jen Psaki"`` for a mention ``"Psaki"`` or
            ``"she"``). For an anonymous source, the description (``"State Department
            official"``); for an organisation, its name (``"the State Department"``).
        role: The speaker's role or title (``"White House spokeswoman"``): the one written
            at the quote or, when there is none, the most specific one the article gives
            the speaker anywhere (*Sharks coach Peter DeBoer ... DeBoer said* gives *Sharks
            coach*; see the cast in ``docs/how-it-works.md``); ``None`` when the text gives
            none.
        kind: ``"person"``, ``"organization"``, ``"anonymous"`` or ``"unknown"``.
        gender: ``"female"``, ``"male"``, or ``None`` when the text gives no evidence, or
            conflicting evidence (organisations and groups never have one).
        gender_evidence: The :class:`GenderEvidence` behind ``gender`` (all of it, also when
            it conflicts), in text order.
        entity: Index of the speaker in the result's :class:`Cast` (``quotes.cast``), or
            ``None`` when the speaker is not in it.
        members: For persons who speak together ("Ana Ruiz and Ben Cole said"), the index
            in the cast of each, in text order; ``name`` then joins their names ("Ana Ruiz
            and Ben Cole"), ``entity`` is ``None``, and :meth:`Quotes.speakers
            <quoteattr.Quotes.speakers>` counts the quote for each of them. Empty otherwise.
    """

    gender_evidence: tuple[GenderEvidence, ...] = ()
    entity: int | None = None
    members: tuple[int, ...] = ()

    @property
    def span(self) -> Span:
        """The local mention as a :class:`Span`."""
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        """The speaker as a JSON-ready mapping: its mention's span, then who it is.

        ``gender_evidence`` holds the first :data:`EVIDENCE_IN_QUOTE` pieces of evidence, in
        text order, and ``gender_evidence_count`` how many there are in all. The whole list
        is the entity's, written once in the cast (``Quotes.to_dict()["cast"]``): a quote
        cannot carry it, because every quote of a long interview would repeat every pronoun
        of it, and the output would grow with the square of the text.

        >>> ev = GenderEvidence(gender="female", kind="pronoun", start=9, end=12, text="she")
        >>> sp = Speaker(start=0, end=3, text="Ana", name="Ana", gender_evidence=(ev,) * 9)
        >>> d = sp.to_dict()
        >>> len(d["gender_evidence"]), d["gender_evidence_count"]
        (5, 9)
        """
        shown = self.gender_evidence[:EVIDENCE_IN_QUOTE]
        return {
            **self.span.to_dict(),
            "name": self.name,
            "role": self.role,
            "kind": self.kind.value,
            "gender": self.gender,
            "gender_evidence": [e.to_dict() for e in shown],
            "gender_evidence_count": len(self.gender_evidence),
            "entity": self.entity,
            "members": list(self.members),
        }


@attrs.frozen(slots=True, kw_only=True)
class EntityMention:
    """One place where the text refers to an entity, and the rule that linked it.

    Attributes:
        start: Start offset of the mention.
        end: End offset.
        text: The mention as written (``"Psaki"``, ``"she"``, ``"the spokeswoman"``).
        rule: Name of the rule that linked it to its entity (``"alias-surname"``, ...).
    """

    start: int
    end: int
    text: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        """The mention as a JSON-ready mapping."""
        return {"start": self.start, "end": self.end, "text": self.text, "rule": self.rule}


@attrs.frozen(slots=True, kw_only=True)
class Entity:
    """A person, organisation or source of one article, with all the article says of it.

    Attributes:
        id: Index of the entity in its :class:`Cast`.
        name: Canonical name: the fullest form the article writes (``"Ines Marchetti"`` for
            *Deputy Mayor Ines Marchetti*, *Marchetti*, *she*, *the mayor*); for an anonymous
            source, its whole description.
        kind: What sort of source it is (:class:`SpeakerKind`).
        aliases: The other names the article uses for it (surname, honorific and surname,
            given name, acronym), as written, in order of first use.
        roles: Every role the article gives it, as written and where written, in text order
            (*Deputy Mayor*, *a former judge*, *the head of the agency*).
        role: The most specific of ``roles`` (``None`` when there is none).
        gender: ``"female"``, ``"male"`` or ``None`` (see :class:`GenderEvidence`).
        gender_evidence: What the text says of its gender, with offsets.
        gender_note: How ``gender`` was decided (``"text"``, ``"first name"``,
            ``"conflicting evidence"``, ``"no evidence"``, ``"not a person"``).
        mentions: Every mention linked to it, in text order, with the rule that linked it.
    """

    id: int
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    roles: tuple[Span, ...] = ()
    role: str | None = None
    gender: str | None = None
    gender_evidence: tuple[GenderEvidence, ...] = ()
    gender_note: str = "no evidence"
    mentions: tuple[EntityMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The entity as a JSON-ready mapping."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "aliases": list(self.aliases),
            "roles": [r.to_dict() for r in self.roles],
            "role": self.role,
            "gender": self.gender,
            "gender_evidence": [e.to_dict() for e in self.gender_evidence],
            "gender_note": self.gender_note,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@attrs.frozen(slots=True, kw_only=True)
class SpeakerRow:
    """One resolved speaker of a text: who they are and how often they speak.

    Attributes:
        name: Canonical name (``"Jen Psaki"``; for an anonymous source its description).
        kind: :class:`~quoteattr.SpeakerKind` of the speaker.
        roles: Every role the text gives the speaker, in order of first appearance, whether
            next to a quote (``"White House spokeswoman"``) or anywhere else the full name
            is written (``"the head of American diplomacy Antony Blinken"``).
        quotes: Number of quotes attributed to the speaker.
        mentions: Number of places in the text that refer to the speaker: the mentions that
            attribute its quotes (``"she"``, ``"Psaki"``, ``"the spokesman"``) and every
            other occurrence of its name (for a person, the full name or the surname).
        forms: The distinct mentions that attribute its quotes, as written, in order.
        first: Offset of the speaker's first attributing mention.
        gender: ``"female"``, ``"male"`` or ``None`` (no evidence, conflicting evidence, or
            not a person); see :class:`~quoteattr.Speaker`.
        gender_evidence: The :class:`~quoteattr.GenderEvidence` behind ``gender``.
    """

    name: str
    kind: SpeakerKind
    roles: tuple[str, ...]
    quotes: int
    mentions: int
    forms: tuple[str, ...]
    first: int
    gender: str | None = None
    gender_evidence: tuple[GenderEvidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready mapping."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "roles": list(self.roles),
            "quotes": self.quotes,
            "mentions": self.mentions,
            "forms": list(self.forms),
            "first": self.first,
            "gender": self.gender,
            "gender_evidence": [e.to_dict() for e in self.gender_evidence],
        }


class Cast(Sequence[Entity]):
    """The article's cast: every person and organisation it names, and every source it
    quotes, as :class:`Entity` records (a read-only sequence, indexed by ``Entity.id``).

    The records are made when first read: a corpus job that never looks at the cast does
    not pay for them.

    >>> cast = Cast((Entity(id=0, name="Ana Ruiz", kind=SpeakerKind.PERSON),))
    >>> len(cast), cast[0].name, cast.find("ruiz").name
    (1, 'Ana Ruiz', 'Ana Ruiz')
    """

    __slots__ = ("_entities", "_make")

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._entities: tuple[Entity, ...] | None = tuple(entities)
        self._make: Callable[[], tuple[Entity, ...]] | None = None

    @classmethod
    def lazy(cls, make: Callable[[], tuple[Entity, ...]]) -> Cast:
        """A cast whose entities ``make()`` builds when first read."""
        cast = cls()
        cast._entities, cast._make = None, make
        return cast

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The entities, in order of first mention."""
        if self._entities is None:
            assert self._make is not None
            self._entities, self._make = self._make(), None
        return self._entities

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    @overload
    def __getitem__(self, index: int) -> Entity: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Entity, ...]: ...

    def __getitem__(self, index: int | slice) -> Entity | tuple[Entity, ...]:
        return self.entities[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cast) and self.entities == other.entities

    def __hash__(self) -> int:
        return hash(self.entities)

    def __repr__(self) -> str:
        return f"Cast({list(self.entities)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cast, (self.entities,))

    def find(self, name: str) -> Entity | None:
        """The first entity whose canonical name or an alias is ``name`` (or whose name has
        ``name`` as a word), ignoring case; ``None`` if there is none."""
        low = name.lower()
        for e in self.entities:
            if e.name.lower() == low or any(a.lower() == low for a in e.aliases):
                return e
        for e in self.entities:
            if low in e.name.lower().split():
                return e
        return None

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each entity's :meth:`Entity.to_dict`."""
        return [e.to_dict() for e in self.entities]


@attrs.frozen(slots=True, kw_only=True)
class Quote:
    """One quotation with its attribution.

    Attributes:
        kind: :class:`QuoteKind` of the quotation.
        start: Start of the content, enclosing quote marks excluded.
        end: End of the content.
        text: ``original_text[start:end]``.
        fragments: The pieces of the content; more than one when the attribution interrupts
            it (``"A," he said, "B."``), else one span equal to ``(start, end, text)``.
        cue: The words that signal the attribution (``"said"``, ``"according to"``), or
            ``None`` when the quote is attributed by position alone.
        speaker: The :class:`Speaker`, or ``None`` when no source was found.
        confidence: How far to trust the attribution, in ``[0, 1]``.
        rules: Names of the rules that produced the quote and its attribution, in the order
            they fired; see ``docs/how-it-works.md``.
    """

    kind: QuoteKind
    start: int
    end: int
    text: str
    fragments: tuple[Span, ...]
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 0.5
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The quote as a JSON-ready mapping; spans become ``{"start", "end", "text"}``."""
        return {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "fragments": [f.to_dict() for f in self.fragments],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": self.confidence,
            "rules": list(self.rules),
        }

    def explain(self) -> str:
        """A one-paragraph account of why this quote was found and attributed as it was."""
        who = "no speaker"
        if self.speaker is not None:
            who = f"speaker {self.speaker.name!r} ({self.speaker.kind.value})"
            if self.speaker.text != self.speaker.name:
                who += f" via mention {self.speaker.text!r}"
            if self.speaker.role:
                who += f", role {self.speaker.role!r}"
        cue = f"cue {self.cue.text!r}" if self.cue else "no cue"
        return (
            f"{self.kind.value} quote [{self.start}:{self.end}] {self.text[:60]!r}: {who}; {cue}; "
            f"confidence {self.confidence:.2f}; rules: {', '.join(self.rules) or '-'}"
        )


@attrs.frozen(slots=True, kw_only=True)
class Analysis:
    """What a backend knows about a text: paragraphs, sentences and (optionally) parses.

    Build one with a backend (``get_backend("rules").analyse(text)``) or a named constructor
    such as ``Analysis.from_stanza(doc)``; the stages downstream read only this record.

    Attributes:
        text: The original text, unchanged.
        paragraphs: Paragraph spans as ``(start, end)`` pairs, in order.
        sentences: :class:`Sentence` records, in order.
        backend: Name of the backend that made it.
        coref: Coreference chains from the backend, each a tuple of ``(start, end)`` mention
            spans; empty when the backend has none.
        entities: Named entities from the backend as ``(start, end, label)``
            (``label`` such as ``"PERSON"``, ``"ORG"``, ``"GPE"``), in text order; empty
            when the backend has no NER.
        warnings: Problems met while analysing (for example a time budget exceeded); the
            analysis is still usable.
        has_syntax: Whether the sentences carry dependency parses (worked out when the
            analysis is made: every stage that reads the parse's evidence asks).
    """

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    backend: str = "rules"
    coref: tuple[tuple[tuple[int, int], ...], ...] = ()
    warnings: tuple[str, ...] = ()
    entities: tuple[tuple[int, int, str], ...] = ()
    has_syntax: bool = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(
            lambda a: any(t.deprel for s in a.sentences[:3] for t in s.tokens), takes_self=True
        ),
    )
    # The sentences' starts, for :meth:`sentence_at` (asked thousands of times a document).
    _starts: list[int] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda a: [s.start for s in a.sentences], takes_self=True),
    )

    @classmethod
    def from_stanza(cls, doc: Any) -> Analysis:
        """Build an analysis from a processed ``stanza.Document``.

        The same as :func:`quoteattr.backends.stanza.analysis_from_document` (stanza itself
        is never imported: the document is read through its attributes).
        """
        from ._from_stanza import convert

        return convert(doc, make=cls)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, or ``None``."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0:
            s = self.sentences[k]
            if offset < s.end:
                return s
        return None

    def tokens_in(self, start: int, end: int) -> Iterator[Token]:
        """The tokens lying inside ``[start, end)``."""
        for s in self.sentences:
            if s.end <= start:
                continue
            if s.start >= end:
                break
            for t in s.tokens:
                if t.start >= start and t.end <= end:
                    yield t


def spans_valid(text: str, spans: Sequence[Span]) -> bool:
    """Whether every span is a true slice of ``text`` (used by tests and fuzzers).

    >>> spans_valid("abc", [Span(0, 2, "ab")])
    True
    """
    return all(
        0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.text for s in spans
    )
