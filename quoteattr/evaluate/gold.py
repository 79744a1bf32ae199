"""Gold files: the JSON Lines format of annotated quotes, read and checked (:func:`load_gold`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

#: A half-open ``(start, end)`` character span.
Pair = tuple[int, int]


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
        # Each span's text: as the gold writes it (it must be the text at the span), or else
        # as the text has it.
        texts: dict[str, str | None] = {}
        for name, span in (("content", content), ("speaker", speaker), ("cue", cue)):
            written = data.get(f"{name}_text")
            at = None if span is None else text[span[0] : span[1]]
            if span is not None and written is not None and at != written:
                raise ValueError(
                    f"{name}_text {written!r} differs from the text at {name} {list(span)}: {at!r}"
                )
            texts[name] = written if written is not None else at
        return cls(
            kind=data.get("type"),
            content=content,
            fragments=fragments,
            speaker=speaker,
            speaker_text=texts["speaker"],
            cue=cue,
            cue_text=texts["cue"],
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
