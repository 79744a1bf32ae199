"""The corpus view: who gets quoted across many documents, and the share of women among them.

A :class:`Corpus` is a running tally: feed it one result of
:func:`~quoteattr.extract_quotes` (or of :meth:`~quoteattr.QuoteExtractor.pipe`) at a time,
with that document's metadata (outlet, date, section, …), and it keeps one row per speaker —
the same name and kind in any number of documents is one speaker. Nothing of a document is
kept once it is counted, so the memory it needs grows with the number of distinct speakers
(and the distinct metadata values each was quoted under), never with the size of the corpus.

>>> from quoteattr import Corpus, extract_quotes
>>> corpus = Corpus()
>>> corpus.add(extract_quotes("“We are ready,” said Mayor Ana Ruiz."), outlet="Gazette")
>>> corpus.add(extract_quotes("Ruiz declined. “Not today,” Ana Ruiz said."), outlet="Courier")
>>> [(s.name, s.quotes, s.documents) for s in corpus.speakers()]
[('Ana Ruiz', 2, 2)]
>>> [(row.value, row.total) for row in corpus.gender_share(by="outlet")]
[('Courier', 1), ('Gazette', 1)]

What is counted, precisely:

* **Speakers** are the rows of :meth:`Quotes.speakers() <quoteattr.Quotes.speakers>` of each
  document, merged across documents by canonical name (case and spacing aside) and kind.
* **People** are speakers of kind ``person``: named people. Organisations, anonymous sources
  and unresolved mentions are speakers but not people, and never count in a gender share.
* A person's **gender** across documents: what the documents' own text says (pronouns,
  honorifics, gendered nouns) decides; if documents' texts disagree the gender is ``None``
  and :attr:`CorpusSpeaker.gender_note` says how they disagreed; only when no document's text
  says anything does a first-name lexicon's answer (evidence kind ``"first-name"``, present
  only if the extractor was asked for it) decide.
* :meth:`Corpus.gender_share` counts **people** (each person once per group: a person quoted
  in two outlets counts in both) or **quotes** (each quote by a person once); people of
  unknown gender are counted in ``unknown``, never dropped, and the share of women is taken
  among those whose gender is known.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

import attrs

from ._optional import require
from .model import SpeakerKind
from .results import Quotes, SpeakerRow, speaker_keys

__all__ = [
    "MAX_ROLES",
    "Corpus",
    "CorpusSpeaker",
    "CorpusSpeakers",
    "GenderShare",
    "GenderShares",
]

#: Distinct roles kept per speaker (most documents first); later new roles are not kept, so
#: that a speaker's row stays small however many documents quote them.
MAX_ROLES = 20

#: Evidence kind of the first-name fallback (see :mod:`quoteattr.names_gender`).
FIRST_NAME = "first-name"

_COUNTS = ("people", "quotes")
_GENDERS = ("female", "male")


def _group_label(value: Any) -> str:
    return "(none)" if value is None else str(value)


@attrs.frozen(slots=True, kw_only=True)
class CorpusSpeaker:
    """One speaker across the corpus.

    Attributes:
        name: Canonical name, as first written.
        kind: :class:`~quoteattr.SpeakerKind` of the speaker.
        quotes: Quotes attributed to the speaker in all documents.
        documents: Documents in which the speaker is quoted.
        roles: The roles the documents give the speaker, those given in most documents
            first (at most :data:`MAX_ROLES`).
        gender: ``"female"``, ``"male"``, or ``None`` (no evidence, conflicting evidence,
            or not a person).
        gender_basis: How ``gender`` was decided: ``"text"`` (the documents' own words),
            ``"first-name"`` (only the name lexicon; weaker), ``"conflict"`` (evidence both
            ways, so ``None``) or ``"none"`` (no evidence).
        gender_note: The votes behind ``gender`` in words, such as ``"female in 3 documents
            (pronoun, honorific)"``; empty when there was no evidence.
        groups: For each metadata key, each value the speaker was quoted under, as
            ``(key, value, documents, quotes)``, in order of first appearance.
    """

    name: str
    kind: SpeakerKind
    quotes: int
    documents: int
    roles: tuple[str, ...] = ()
    gender: str | None = None
    gender_basis: str = "none"
    gender_note: str = ""
    groups: tuple[tuple[str, Any, int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready mapping; ``groups`` becomes ``{key: {value: {"documents",
        "quotes"}}}`` with values as strings."""
        groups: dict[str, dict[str, dict[str, int]]] = {}
        for key, value, docs, quotes in self.groups:
            groups.setdefault(key, {})[_group_label(value)] = {
                "documents": docs,
                "quotes": quotes,
            }
        return {
            "name": self.name,
            "kind": self.kind.value,
            "quotes": self.quotes,
            "documents": self.documents,
            "roles": list(self.roles),
            "gender": self.gender,
            "gender_basis": self.gender_basis,
            "gender_note": self.gender_note,
            "groups": groups,
        }


@attrs.frozen(slots=True, kw_only=True)
class GenderShare:
    """The gender of the people quoted in one group of documents (or in all of them).

    Attributes:
        key: The metadata key grouped by (``"outlet"``), or ``None`` for the whole corpus.
        value: The group's value of that key (``"Gazette"``); ``None`` for the whole corpus,
            or for the documents that had no value for the key.
        counted: ``"people"`` (each person once) or ``"quotes"`` (each quote by a person).
        female: People (or their quotes) of gender ``"female"``.
        male: People (or their quotes) of gender ``"male"``.
        unknown: People (or their quotes) whose gender is ``None``.
        documents: Documents in the group.
    """

    key: str | None
    value: Any
    counted: str
    female: int
    male: int
    unknown: int
    documents: int

    @property
    def total(self) -> int:
        """All people (or quotes) counted, of any gender or none."""
        return self.female + self.male + self.unknown

    @property
    def known(self) -> int:
        """People (or quotes) whose gender is known."""
        return self.female + self.male

    @property
    def share_female(self) -> float | None:
        """Women's share among those of known gender; ``None`` when no gender is known.

        >>> GenderShare(key=None, value=None, counted="people", female=1, male=3, unknown=4,
        ...             documents=5).share_female
        0.25
        """
        return self.female / self.known if self.known else None

    @property
    def share_known(self) -> float | None:
        """The share of those counted whose gender is known; ``None`` when nothing was."""
        return self.known / self.total if self.total else None

    @property
    def label(self) -> str:
        """The group's name for tables and plots: its value, ``"(none)"`` for documents
        without one, ``"all"`` for the whole corpus."""
        return "all" if self.key is None else _group_label(self.value)

    def to_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready mapping, with the shares."""
        return {
            "key": self.key,
            "value": self.value if self.value is None else _jsonable(self.value),
            "counted": self.counted,
            "documents": self.documents,
            "female": self.female,
            "male": self.male,
            "unknown": self.unknown,
            "share_female": self.share_female,
            "share_known": self.share_known,
        }


class CorpusSpeakers(list[CorpusSpeaker]):
    """The rows of :meth:`Corpus.speakers`: a list with table, DataFrame and JSON Lines views."""

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each row's :meth:`CorpusSpeaker.to_dict`."""
        return [row.to_dict() for row in self]

    def to_dataframe(self) -> Any:
        """The rows as a ``pandas.DataFrame``: roles joined by ``"; "``, and one column per
        metadata key listing its values with their document counts (``"Gazette (3);
        Courier (1)"``).

        Raises:
            QuoteAttrError: if pandas is not installed (``pip install "quoteattr[pandas]"``).
        """
        pd = require("pandas", extra="pandas")
        keys = list(dict.fromkeys(key for row in self for key, *_ in row.groups))
        columns = ["name", "kind", "gender", "gender_basis", "quotes", "documents", "roles"]
        records = []
        for row in self:
            rec: dict[str, Any] = {
                "name": row.name,
                "kind": row.kind.value,
                "gender": row.gender,
                "gender_basis": row.gender_basis,
                "quotes": row.quotes,
                "documents": row.documents,
                "roles": "; ".join(row.roles),
                "gender_note": row.gender_note,
            }
            for key in keys:
                rec[key] = "; ".join(
                    f"{_group_label(v)} ({d})" for k, v, d, _ in row.groups if k == key
                )
            records.append(rec)
        return pd.DataFrame(records, columns=[*columns, "gender_note", *keys])

    def to_jsonl(self, path_or_file: str | os.PathLike[str] | IO[str]) -> int:
        """Write one JSON object per row (:meth:`CorpusSpeaker.to_dict`); returns the count.

        Args:
            path_or_file: A path (created or replaced) or an open text file (left open).
        """
        return _write_jsonl(path_or_file, (row.to_dict() for row in self))

    def _repr_html_(self) -> str:
        head = ("name", "kind", "gender", "basis", "quotes", "documents", "roles")
        rows = [
            (
                r.name,
                r.kind.value,
                r.gender or "–",
                r.gender_basis,
                str(r.quotes),
                str(r.documents),
                "; ".join(r.roles),
            )
            for r in self
        ]
        return _html_table(head, rows)


class GenderShares(list[GenderShare]):
    """The rows of :meth:`Corpus.gender_share`, one per group, and the corpus-wide row.

    Attributes:
        overall: The :class:`GenderShare` of the whole corpus, counted the same way.
    """

    def __init__(self, rows: Iterable[GenderShare] = (), *, overall: GenderShare) -> None:
        super().__init__(rows)
        self.overall = overall

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each row's :meth:`GenderShare.to_dict`."""
        return [row.to_dict() for row in self]

    def to_dataframe(self) -> Any:
        """The rows as a ``pandas.DataFrame``, indexed by group (``"all"`` for the corpus).

        Raises:
            QuoteAttrError: if pandas is not installed (``pip install "quoteattr[pandas]"``).
        """
        pd = require("pandas", extra="pandas")
        columns = ["documents", "female", "male", "unknown", "share_female", "share_known"]
        records = []
        for row in self:
            d = row.to_dict()
            records.append({"group": row.label, **{c: d[c] for c in columns}})
        frame = pd.DataFrame(records, columns=["group", *columns]).set_index("group")
        frame.index.name = self[0].key if self and self[0].key else "group"
        frame.attrs["counted"] = self.overall.counted
        return frame

    def to_jsonl(self, path_or_file: str | os.PathLike[str] | IO[str]) -> int:
        """Write one JSON object per row (:meth:`GenderShare.to_dict`); returns the count."""
        return _write_jsonl(path_or_file, (row.to_dict() for row in self))

    def plot(self, ax: Any = None, *, title: str | None = None) -> Any:
        """A horizontal bar per group: the share of women among those of known gender.

        Each bar is labelled with that share and what it rests on (``"38% of 13 (2
        unknown)"``: 13 people of known gender, 2 more of unknown gender); a dotted line marks
        the corpus-wide share and a dashed one parity.
        Needs matplotlib (``pip install "quoteattr[plot]"``).

        Args:
            ax: A matplotlib ``Axes`` to draw on; ``None`` makes a new figure sized to the
                number of groups.
            title: The title; by default it says what was counted.

        Returns:
            The ``Axes`` drawn on (``ax.figure.savefig("share.png")`` saves it).

        Raises:
            QuoteAttrError: if matplotlib is not installed.
        """
        plt = require("matplotlib.pyplot", extra="plot", what="plotting")
        rows = list(self)[::-1]  # the first group on top
        if ax is None:
            _, ax = plt.subplots(figsize=(7.5, 1.2 + 0.45 * max(len(rows), 1)), layout="tight")
        shares = [row.share_female or 0.0 for row in rows]
        ax.barh(range(len(rows)), shares, color="#c026d3", height=0.6)
        ax.set_yticks(range(len(rows)), [row.label for row in rows])
        for i, row in enumerate(rows):
            if row.share_female is None:
                note = f"no gender known ({row.unknown} unknown)"
            else:
                note = f"{row.share_female:.0%} of {row.known}"
                note += f" ({row.unknown} unknown)" if row.unknown else ""
            ax.text(
                (row.share_female or 0.0) + 0.01,
                i,
                note,
                va="center",
                fontsize=9,
                zorder=3,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85},
            )
        ax.axvline(0.5, color="#6b7280", linestyle="--", linewidth=1, label="parity")
        if self.overall.share_female is not None:
            ax.axvline(
                self.overall.share_female,
                color="#111827",
                linestyle=":",
                linewidth=1.5,
                label=f"whole corpus: {self.overall.share_female:.0%}",
            )
        # Room right of 100 % for the label of a full bar; the ticks stop at 100 %.
        ax.set_xlim(0, 1.22)
        ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0%}")
        unit = "people" if self.overall.counted == "people" else "quotes by people"
        ax.set_xlabel(f"women among {unit} of known gender")
        ax.set_title(title if title is not None else f"Share of women among {unit} quoted")
        # Outside the bars, so that it hides none of them or their labels.
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
        return ax

    def _repr_html_(self) -> str:
        head = ("group", "documents", "female", "male", "unknown", "share of women")
        rows = [
            (
                r.label,
                str(r.documents),
                str(r.female),
                str(r.male),
                str(r.unknown),
                "–" if r.share_female is None else f"{r.share_female:.1%}",
            )
            for r in [*self, self.overall]
        ]
        return _html_table(head, rows, caption=f"counted: {self.overall.counted}")


@attrs.define(slots=True)
class _Tally:
    """What the corpus keeps about one speaker while documents come in."""

    name: str
    kind: SpeakerKind
    quotes: int = 0
    documents: int = 0
    last_document: int = -1
    roles: dict[str, int] = attrs.Factory(dict)
    # Documents whose text said female / male, whose only evidence was the first name
    # (female / male), and whose own evidence conflicted.
    text_votes: list[int] = attrs.Factory(lambda: [0, 0])
    name_votes: list[int] = attrs.Factory(lambda: [0, 0])
    conflicts: int = 0
    evidence: dict[str, None] = attrs.Factory(dict)
    groups: dict[tuple[str, Any], list[int]] = attrs.Factory(dict)

    def gender(self) -> tuple[str | None, str, str]:
        """The gender across documents, how it was decided, and the votes in words."""
        tf, tm = self.text_votes
        nf, nm = self.name_votes
        kinds = ", ".join(k for k in self.evidence if k != FIRST_NAME)
        kinds = f" ({kinds})" if kinds else ""
        also = f"; conflicting in {_docs(self.conflicts)}" if self.conflicts else ""
        if tf and tm:
            return None, "conflict", f"female in {_docs(tf)}, male in {_docs(tm)}{kinds}{also}"
        if tf or tm:
            gender = "female" if tf else "male"
            note = f"{gender} in {_docs(tf or tm)}{kinds}{also}"
            against = nm if tf else nf
            if against:
                note += f"; the first name said otherwise in {_docs(against)}"
            return gender, "text", note
        if nf and nm:  # the same name read differently: not expected, but not hidden
            return None, "conflict", f"first name: female in {_docs(nf)}, male in {_docs(nm)}"
        if nf or nm:
            gender = "female" if nf else "male"
            return gender, FIRST_NAME, f"{gender} by first name in {_docs(nf or nm)}{also}"
        if self.conflicts:
            return None, "conflict", f"conflicting evidence in {_docs(self.conflicts)}"
        return None, "none", ""

    def row(self) -> CorpusSpeaker:
        gender, basis, note = self.gender()
        roles = sorted(self.roles, key=lambda r: -self.roles[r])  # stable: first seen first
        return CorpusSpeaker(
            name=self.name,
            kind=self.kind,
            quotes=self.quotes,
            documents=self.documents,
            roles=tuple(roles),
            gender=gender,
            gender_basis=basis,
            gender_note=note,
            groups=tuple((k, v, d, q) for (k, v), (d, q) in self.groups.items()),
        )


def _docs(n: int) -> str:
    return f"{n} document{'s' if n != 1 else ''}"


class Corpus:
    """A running tally of who is quoted across documents, with per-document metadata.

    Args:
        by: The metadata keys to keep counts under (``["outlet", "year"]``). ``None``
            (default) keeps every key the documents bring. Name the keys when the metadata
            also carries per-document values such as a URL or an id: every value kept costs
            memory for each speaker quoted under it.

    Attributes:
        documents: Documents added.
        quotes: Quotes in them.
        unattributed: Quotes with no resolved speaker (not in any speaker's count).

    The tally only grows by :meth:`add` (or :meth:`update`, :meth:`merge`); the views
    (:meth:`speakers`, :meth:`gender_share`) are computed from it when asked, so they can be
    looked at while documents still come in.
    """

    def __init__(self, *, by: Iterable[str] | None = None) -> None:
        if isinstance(by, str):
            by = (by,)
        self.by: tuple[str, ...] | None = None if by is None else tuple(by)
        self.documents = 0
        self.quotes = 0
        self.unattributed = 0
        self._speakers: dict[tuple[str, SpeakerKind], _Tally] = {}
        # (key, value) -> [documents, quotes]
        self._groups: dict[tuple[str, Any], list[int]] = {}
        self._keys: dict[str, None] = dict.fromkeys(self.by or ())

    def __repr__(self) -> str:
        return (
            f"<Corpus: {self.documents} documents, {self.quotes} quotes, "
            f"{len(self._speakers)} speakers>"
        )

    @property
    def keys(self) -> tuple[str, ...]:
        """The metadata keys counts are kept under, in order of first appearance."""
        return tuple(self._keys)

    @classmethod
    def from_results(
        cls,
        results: Iterable[Quotes],
        metadata: Iterable[Mapping[str, Any] | None] | None = None,
        *,
        by: Iterable[str] | None = None,
    ) -> Corpus:
        """Tally results as they come, for example straight from
        :meth:`QuoteExtractor.pipe <quoteattr.QuoteExtractor.pipe>`.

        Args:
            results: One :class:`~quoteattr.Quotes` per document, read lazily.
            metadata: One mapping per document, in the same order (``None`` for a document
                without any), or ``None`` for no metadata at all.
            by: See :class:`Corpus`.

        Raises:
            ValueError: if ``metadata`` runs out before ``results`` or after them.

        >>> from quoteattr import QuoteExtractor
        >>> texts = ["“Go,” said Ana Ruiz.", "“Stop,” said Ben Cole."]
        >>> corpus = Corpus.from_results(
        ...     QuoteExtractor().pipe(texts), [{"outlet": "A"}, {"outlet": "B"}]
        ... )
        >>> corpus.documents, corpus.keys
        (2, ('outlet',))
        """
        corpus = cls(by=by)
        return corpus.update(results, metadata)

    def add(
        self, quotes: Quotes, metadata: Mapping[str, Any] | None = None, /, **fields: Any
    ) -> None:
        """Count one document.

        Args:
            quotes: The document's result from :func:`~quoteattr.extract_quotes` or
                :meth:`~quoteattr.QuoteExtractor.pipe`.
            metadata: The document's metadata (``{"outlet": "Gazette", "date": ...}``).
            **fields: More metadata, as keywords (``outlet="Gazette"``).

        Metadata values are grouped as they are (a value that cannot be a dictionary key,
        such as a list, by its ``str``); a key a document lacks puts it in that key's
        ``None`` group.

        Raises:
            TypeError: if ``quotes`` is not a :class:`~quoteattr.Quotes`, or ``metadata``
                not a mapping.
        """
        if not isinstance(quotes, Quotes):
            raise TypeError(
                "Corpus.add() takes the Quotes that extract_quotes() or pipe() returned, "
                f"not {type(quotes).__name__}"
            )
        if metadata is not None and not isinstance(metadata, Mapping):
            raise TypeError(f"metadata must be a mapping, not {type(metadata).__name__}")
        meta = {**(metadata or {}), **fields}
        if self.by is None:
            for key in meta:
                self._keys.setdefault(str(key))
        groups = [(key, _hashable(meta.get(key))) for key in self._keys]
        doc = self.documents
        self.documents += 1
        self.quotes += len(quotes)
        rows = quotes.speakers()
        self.unattributed += sum(1 for q in quotes if not speaker_keys(q))
        for group in groups:
            tally = self._groups.setdefault(group, [0, 0])
            tally[0] += 1
            tally[1] += len(quotes)
        for row in rows:
            self._count(row, doc, groups)

    def _count(self, row: SpeakerRow, doc: int, groups: list[tuple[str, Any]]) -> None:
        key = (" ".join(row.name.split()).casefold(), row.kind)
        tally = self._speakers.get(key)
        if tally is None:
            tally = self._speakers[key] = _Tally(name=row.name, kind=row.kind)
        tally.quotes += row.quotes
        new_document = tally.last_document != doc
        tally.last_document = doc
        if new_document:
            tally.documents += 1
        for group in groups:
            counts = tally.groups.setdefault(group, [0, 0])
            counts[0] += new_document
            counts[1] += row.quotes
        for role in dict.fromkeys(row.roles):
            if role in tally.roles:
                tally.roles[role] += 1
            elif len(tally.roles) < MAX_ROLES:
                tally.roles[role] = 1
        self._vote(tally, row)

    @staticmethod
    def _vote(tally: _Tally, row: SpeakerRow) -> None:
        """Record what one document says of the speaker's gender."""
        said = {e.gender for e in row.gender_evidence if e.kind != FIRST_NAME} & set(_GENDERS)
        for e in row.gender_evidence:
            tally.evidence.setdefault(e.kind)
        if row.gender in _GENDERS:
            index = _GENDERS.index(row.gender)
            if said or not any(e.kind == FIRST_NAME for e in row.gender_evidence):
                tally.text_votes[index] += 1
            else:
                tally.name_votes[index] += 1
        elif len(said) > 1:
            tally.conflicts += 1

    def update(
        self,
        results: Iterable[Quotes],
        metadata: Iterable[Mapping[str, Any] | None] | None = None,
    ) -> Corpus:
        """Count many documents (see :meth:`from_results`); returns this corpus."""
        if metadata is None:
            for quotes in results:
                self.add(quotes)
            return self
        for quotes, meta in zip(results, metadata, strict=True):
            self.add(quotes, meta)
        return self

    def merge(self, other: Corpus) -> Corpus:
        """Add the counts of another corpus to this one (for example one per worker or
        partition); returns this corpus.

        Raises:
            ValueError: if the two were built to keep different metadata keys.
        """
        if self.by != other.by:
            raise ValueError(f"cannot merge a Corpus(by={other.by!r}) into Corpus(by={self.by!r})")
        self.documents += other.documents
        self.quotes += other.quotes
        self.unattributed += other.unattributed
        for name in other._keys:
            self._keys.setdefault(name)
        _add_counts(self._groups, other._groups)
        for key, theirs in other._speakers.items():
            tally = self._speakers.get(key)
            if tally is None:
                tally = self._speakers[key] = _Tally(name=theirs.name, kind=theirs.kind)
            tally.quotes += theirs.quotes
            tally.documents += theirs.documents
            tally.last_document = -1
            for role, n in theirs.roles.items():
                if role in tally.roles or len(tally.roles) < MAX_ROLES:
                    tally.roles[role] = tally.roles.get(role, 0) + n
            for i in (0, 1):
                tally.text_votes[i] += theirs.text_votes[i]
                tally.name_votes[i] += theirs.name_votes[i]
            tally.conflicts += theirs.conflicts
            for kind in theirs.evidence:
                tally.evidence.setdefault(kind)
            _add_counts(tally.groups, theirs.groups)
        return self

    def speakers(self, *, kind: SpeakerKind | str | None = None) -> CorpusSpeakers:
        """One row per speaker, the most quoted first (then most documents, then by name).

        Args:
            kind: Only speakers of this kind (``"person"``, ``"organization"``, …).
        """
        wanted = None if kind is None else SpeakerKind(kind)
        rows = [t.row() for t in self._speakers.values() if wanted in (None, t.kind)]
        rows.sort(key=lambda r: (-r.quotes, -r.documents, r.name.casefold()))
        return CorpusSpeakers(rows)

    def gender_share(self, by: str | None = None, *, count: str = "people") -> GenderShares:
        """The gender of the people quoted, in the whole corpus and in each group.

        Args:
            by: A metadata key: one row per value it took (sorted, documents without it
                last). ``None``: no group rows, only :attr:`GenderShares.overall`.
            count: ``"people"`` (default; each person once per group) or ``"quotes"``
                (each quote by a person).

        Returns:
            :class:`GenderShares`; ``overall`` covers the whole corpus.

        Raises:
            ValueError: if ``count`` is neither, or ``by`` is a key this corpus keeps no
                counts under.

        >>> from quoteattr import extract_quotes
        >>> corpus = Corpus()
        >>> corpus.add(extract_quotes("“Fine,” said Ana Ruiz. “No,” said Ben Cole."))
        >>> share = corpus.gender_share().overall
        >>> (share.total, share.counted)
        (2, 'people')
        """
        if count not in _COUNTS:
            raise ValueError(f"count must be 'people' or 'quotes', got {count!r}")
        if by is not None and by not in self._keys:
            kept = ", ".join(map(repr, self._keys)) or "none"
            raise ValueError(
                f"no counts are kept under the metadata key {by!r} (kept: {kept}); "
                "pass it with the documents, and in Corpus(by=...) if that is set"
            )
        # One pass over the people and the groups each was quoted under.
        overall = dict.fromkeys(_SLOTS, 0)
        by_value: dict[Any, dict[str | None, int]] = {}
        if by is not None:
            for k, v in self._groups:
                if k == by:
                    by_value[v] = dict.fromkeys(_SLOTS, 0)
        for t in self._speakers.values():
            if t.kind is not SpeakerKind.PERSON:
                continue
            gender = t.gender()[0]
            overall[gender] += 1 if count == "people" else t.quotes
            if by is None:
                continue
            for (k, v), (_, quotes) in t.groups.items():
                if k == by:
                    by_value[v][gender] += 1 if count == "people" else quotes
        values = sorted(by_value, key=lambda v: (v is None, str(type(v)), _sort_key(v)))
        rows = [_share(by, v, by_value[v], self._groups[str(by), v][0], count) for v in values]
        return GenderShares(rows, overall=_share(None, None, overall, self.documents, count))

    def to_jsonl(self, path_or_file: str | os.PathLike[str] | IO[str]) -> int:
        """Write the speaker rows as JSON Lines (see :meth:`CorpusSpeakers.to_jsonl`)."""
        return self.speakers().to_jsonl(path_or_file)


_SLOTS: tuple[str | None, ...] = ("female", "male", None)


def _share(
    key: str | None, value: Any, tallies: Mapping[str | None, int], documents: int, count: str
) -> GenderShare:
    return GenderShare(
        key=key,
        value=value,
        counted=count,
        female=tallies["female"],
        male=tallies["male"],
        unknown=tallies[None],
        documents=documents,
    )


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return str(value)
    return value


def _sort_key(value: Any) -> Any:
    try:
        value < value  # noqa: B015 -- is the type ordered at all?
    except TypeError:
        return str(value)
    return value


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def _write_jsonl(path_or_file: str | os.PathLike[str] | IO[str], rows: Iterator[Any]) -> int:
    if isinstance(path_or_file, (str, os.PathLike)):
        with open(path_or_file, "w", encoding="utf-8") as fh:
            return _write_jsonl(fh, rows)
    n = 0
    for row in rows:
        path_or_file.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


_TABLE_CSS = (
    ".qa-corpus{border-collapse:collapse;font:13px system-ui,sans-serif;color:#1f2937}"
    ".qa-corpus th,.qa-corpus td{border-bottom:1px solid #e5e7eb;padding:3px 8px;"
    "text-align:left}.qa-corpus caption{text-align:left;color:#6b7280;font-size:12px}"
)


def _add_counts(
    mine: dict[tuple[str, Any], list[int]], theirs: dict[tuple[str, Any], list[int]]
) -> None:
    """Add the ``[documents, quotes]`` counts of each group of ``theirs`` to ``mine``.

    >>> mine = {("outlet", "A"): [1, 2]}
    >>> _add_counts(mine, {("outlet", "A"): [1, 1], ("outlet", "B"): [2, 5]})
    >>> mine
    {('outlet', 'A'): [2, 3], ('outlet', 'B'): [2, 5]}
    """
    for group, (docs, quotes) in theirs.items():
        counts = mine.setdefault(group, [0, 0])
        counts[0] += docs
        counts[1] += quotes


def _html_table(head: Sequence[str], rows: Iterable[Sequence[str]], caption: str = "") -> str:
    import html  # only for notebooks: its entity table costs import time

    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        f'<style>{_TABLE_CSS}</style><table class="qa-corpus">{cap}'
        f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    )
