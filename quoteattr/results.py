"""The list that :func:`~quoteattr.extract_quotes` returns, and ways to look at it.

:class:`Quotes` is a plain ``list`` of :class:`~quoteattr.Quote` that also remembers the text
it came from and any warnings raised while reading it. On top of the list it offers:

* ``_repr_html_``: in Jupyter the list shows as the article with every quote highlighted
  (see :mod:`quoteattr.render`);
* :meth:`Quotes.speakers`: who was quoted, one :class:`SpeakerRow` per resolved speaker;
* exports: :meth:`Quotes.to_dict`, :meth:`Quotes.to_records` (flat rows),
  :meth:`Quotes.to_dataframe` (pandas, optional) and :meth:`Quotes.to_jsonl`.

>>> from quoteattr import extract_quotes
>>> quotes = extract_quotes("“We are ready,” said Mayor Ana Ruiz. Ruiz said the city was calm.")
>>> [(row.name, row.roles, row.quotes) for row in quotes.speakers()]
[('Ana Ruiz', ('Mayor',), 2)]
>>> quotes.to_records()[1]["speaker"], quotes.to_records()[1]["speaker_text"]
('Ana Ruiz', 'Ruiz')
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ._optional import require
from .lexicon.pronouns import RELATIVE_PRONOUNS, SPEAKER_PRONOUNS
from .lexicon.roles import GENDERED_ROLES, SOURCE_NOUNS, TITLES
from .model import Cast, Quote, SpeakerKind, SpeakerRow

__all__ = ["RECORD_COLUMNS", "Quotes", "SpeakerRow", "Speakers"]

#: The columns of :meth:`Quotes.to_records` and :meth:`Quotes.to_dataframe`, in order.
RECORD_COLUMNS: tuple[str, ...] = (
    "kind",
    "text",
    "start",
    "end",
    "speaker",
    "speaker_role",
    "speaker_kind",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "rules",
)


# Mentions that name no one by themselves: a speaker still called "she" was not resolved.
_PRONOUNS = frozenset(SPEAKER_PRONOUNS) | RELATIVE_PRONOUNS
# Words of which a role found elsewhere in the text must hold at least one.
_ROLE_WORDS = TITLES | SOURCE_NOUNS | frozenset(GENDERED_ROLES)


class Speakers(list[SpeakerRow]):
    """The rows of :meth:`Quotes.speakers`: a list with a table view and a DataFrame export."""

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each row's :meth:`SpeakerRow.to_dict`."""
        return [row.to_dict() for row in self]

    def to_dataframe(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (roles and forms joined by ``"; "``).

        Raises:
            QuoteAttrError: if pandas is not installed.
        """
        pd = require("pandas", extra="pandas")
        rows = []
        for row in self:
            d = row.to_dict()
            d["roles"] = "; ".join(row.roles)
            d["forms"] = "; ".join(row.forms)
            d["gender_evidence"] = "; ".join(
                f"{e.kind} {e.text!r} at {e.start}" for e in row.gender_evidence
            )
            rows.append(d)
        columns = [
            "name",
            "kind",
            "gender",
            "roles",
            "quotes",
            "mentions",
            "forms",
            "first",
            "gender_evidence",
        ]
        return pd.DataFrame(rows, columns=columns)

    def _repr_html_(self) -> str:
        from .render import render_speakers

        return render_speakers(self)


class Quotes(list[Quote]):
    """Quotes in text order, with the source text and warnings.

    Attributes:
        text: The text the quotes were extracted from.
        warnings: Problems that degraded the result (for example a time budget exceeded),
            one line per kind of problem; empty for a normal run.
        cast: The article's :class:`~quoteattr.Cast`: every person and organisation it names
            and every source it quotes, with names, roles, gender and mentions. A quote's
            ``speaker.entity`` is its speaker's index in it.
        error: ``None``, or why this text could not be processed at all (only in
            :meth:`QuoteExtractor.pipe <quoteattr.QuoteExtractor.pipe>`, where one bad item
            fails alone: "item 17 was not processed: TypeError: ...").
    """

    def __init__(
        self,
        quotes: Iterable[Quote] = (),
        *,
        text: str = "",
        warnings: tuple[str, ...] = (),
        cast: Cast | None = None,
        error: str | None = None,
    ) -> None:
        super().__init__(quotes)
        self.text = text
        self.warnings = warnings
        self.cast = cast if cast is not None else Cast()
        self.error = error

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each quote's :meth:`~quoteattr.Quote.to_dict`."""
        return [q.to_dict() for q in self]

    def to_dict(self) -> dict[str, Any]:
        """The whole result as one JSON-ready mapping: ``text``, ``warnings`` and ``quotes``.

        >>> from quoteattr import extract_quotes
        >>> sorted(extract_quotes("No quotes here.").to_dict())
        ['cast', 'quotes', 'text', 'warnings']
        """
        return {
            "text": self.text,
            "warnings": list(self.warnings),
            "quotes": self.to_dicts(),
            "cast": self.cast.to_dicts(),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat mapping per quote, with the keys of :data:`RECORD_COLUMNS`.

        Speaker and cue fields are ``None`` when the quote has none; ``rules`` is a list.
        """
        rows = []
        for q in self:
            sp, cue = q.speaker, q.cue
            rows.append(
                {
                    "kind": q.kind.value,
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "speaker": sp.name if sp else None,
                    "speaker_role": sp.role if sp else None,
                    "speaker_kind": sp.kind.value if sp else None,
                    "speaker_text": sp.text if sp else None,
                    "speaker_start": sp.start if sp else None,
                    "speaker_end": sp.end if sp else None,
                    "cue": cue.text if cue else None,
                    "cue_start": cue.start if cue else None,
                    "cue_end": cue.end if cue else None,
                    "confidence": q.confidence,
                    "rules": list(q.rules),
                }
            )
        return rows

    def to_dataframe(self) -> Any:
        """The quotes as a ``pandas.DataFrame``, one row per quote (see :meth:`to_records`).

        Needs the optional dependency pandas (``pip install "quoteattr[pandas]"``). Offsets
        of a missing speaker or cue are ``<NA>`` (nullable integers).

        Raises:
            QuoteAttrError: if pandas is not installed.
        """
        pd = require("pandas", extra="pandas")
        frame = pd.DataFrame(self.to_records(), columns=list(RECORD_COLUMNS))
        for col in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
            frame[col] = frame[col].astype("Int64")
        return frame

    def to_jsonl(self, path_or_file: str | os.PathLike[str] | IO[str], **fields: Any) -> int:
        """Write one JSON object per quote (its :meth:`~quoteattr.Quote.to_dict`) per line.

        Args:
            path_or_file: A path (the file is created, or replaced) or an open text file
                (written to and left open, so several results can share one file).
            **fields: Extra keys put first in every line, such as ``doc="article-17.txt"``.

        Returns:
            The number of lines written.

        >>> import io
        >>> from quoteattr import extract_quotes
        >>> out = io.StringIO()
        >>> extract_quotes("“We are ready,” she said.").to_jsonl(out, doc="a1")
        1
        >>> out.getvalue()[:36]
        '{"doc": "a1", "kind": "direct", "sta'
        """
        if isinstance(path_or_file, (str, os.PathLike)):
            with open(path_or_file, "w", encoding="utf-8") as fh:
                return self.to_jsonl(fh, **fields)
        for line in self.iter_jsonl(**fields):
            path_or_file.write(line + "\n")
        return len(self)

    def iter_jsonl(self, **fields: Any) -> Iterator[str]:
        """The lines :meth:`to_jsonl` writes, without their newlines.

        Characters are written as they are, except in a line that holds a lone surrogate
        (text decoded with ``surrogateescape``, or from JSON): that line is written with
        ``\\uXXXX`` escapes, which any UTF-8 file can hold and ``json.loads`` reads back to
        the same string, so offsets still match.

        >>> from quoteattr import extract_quotes
        >>> line = next(extract_quotes("“Go \\udc80 on now,” said Ana Ruiz.").iter_jsonl())
        >>> line.encode("utf-8")[:40]
        b'{"kind": "direct", "start": 1, "end": 13'
        >>> json.loads(line)["text"]
        'Go \\udc80 on now,'
        """
        for q in self:
            record = {**fields, **q.to_dict()}
            line = json.dumps(record, ensure_ascii=False)
            if not line.isascii() and _has_surrogate(line):
                line = json.dumps(record)
            yield line

    def speakers(self) -> Speakers:
        """Who was quoted: one :class:`SpeakerRow` per speaker, built from the cast.

        Quotes without a speaker, whose speaker is of kind ``unknown``, or whose speaker is a
        pronoun that coreference could not resolve ("she" with no one before), are left out.
        A quote of persons who speak together ("Ana Ruiz and Ben Cole said",
        :attr:`Speaker.members <quoteattr.Speaker.members>`) counts for each of them.
        Rows are ordered by number of quotes (most first), then by first appearance.
        """
        groups: dict[tuple[Any, ...], list[Quote]] = {}
        for q in self:
            for key in speaker_keys(q):
                groups.setdefault(key, []).append(q)
        rows = [self._speaker_row(key, qs) for key, qs in groups.items()]
        rows.sort(key=lambda r: (-r.quotes, r.first))
        return Speakers(rows)

    def _speaker_row(self, key: tuple[Any, ...], quotes: list[Quote]) -> SpeakerRow:
        """The row of one speaker: from its entity in the cast when it has one, else from
        what its quotes say of it."""
        sp = quotes[0].speaker
        assert sp is not None
        ent = self.cast[key[1]] if key[0] == "entity" and key[1] < len(self.cast) else None
        roles: dict[str, None] = {}
        if ent is not None:
            roles.update(dict.fromkeys(r.text for r in ent.roles))
        forms: dict[str, None] = {}
        for q in quotes:
            if q.speaker is not None:
                forms.setdefault(q.speaker.text)
                if q.speaker.role:
                    roles.setdefault(q.speaker.role)
        if ent is not None:
            places = {(m.start, m.end) for m in ent.mentions}
        else:
            places = {(q.speaker.start, q.speaker.end) for q in quotes if q.speaker}
        return SpeakerRow(
            name=sp.name if ent is None else ent.name,
            kind=sp.kind if ent is None else ent.kind,
            roles=tuple(roles),
            quotes=len(quotes),
            mentions=_count_distinct(places),
            forms=tuple(forms),
            first=min(q.speaker.start for q in quotes if q.speaker is not None),
            gender=None if ent is None else ent.gender,
            gender_evidence=() if ent is None else ent.gender_evidence,
        )

    def to_html(self, *, title: str | None = None) -> str:
        """A standalone HTML page of the text with its quotes highlighted.

        Same as ``quoteattr.render_html(quotes.text, quotes, title=title)``.
        """
        from .render import render_html

        return render_html(self.text, self, title=title)

    def _repr_html_(self) -> str:
        from .render import render_fragment

        return render_fragment(self.text, self)


def speaker_keys(q: Quote) -> tuple[tuple[Any, ...], ...]:
    """The speaker rows a quote counts for: its entity in the cast, each member of persons
    who speak together, or its name and kind; none for a quote with no speaker, a speaker
    of kind ``unknown`` or an unresolved pronoun."""
    sp = q.speaker
    if sp is None or sp.kind is SpeakerKind.UNKNOWN or sp.name.lower() in _PRONOUNS:
        return ()
    if sp.members:
        return tuple(("entity", k) for k in sp.members)
    if sp.entity is not None:
        return (("entity", sp.entity),)
    return (("name", sp.name, sp.kind),)


def _has_surrogate(s: str) -> bool:
    """Whether ``s`` holds a lone surrogate (which UTF-8 cannot encode)."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _count_distinct(places: set[tuple[int, int]]) -> int:
    """Number of spans left after merging the overlapping ones ("Jen Psaki" and "Psaki")."""
    count, reach = 0, -1
    for start, end in sorted(places):
        if start >= reach:
            count += 1
        reach = max(reach, end)
    return count
