"""Data-driven cases, ftfy style: every JSON file under ``tests/cases/`` is a list of cases.

Files and what they hold:

``in_the_wild.json``
    Passages of the seed article (``examples/seed_article.txt``) with the quotes they contain.
``synthetic.json``
    Sentences we wrote for every pattern the engine handles (quote marks, segmentation, cue
    positions, indirect and mixed quotes, speakers, coreference).
``negative.json``
    Text that must yield no quote at all, or no quote matching a ``forbid`` entry.
``known_failures.json``
    Cases the engine gets wrong today. They run as ``xfail(strict=False)`` and are never
    deleted: when one passes, move it to the file where it belongs.

A case is ``{"id", "text", "expected": [...], "forbid"?: [...], "exact_count"?: bool,
"scheme"?: "speech" | "broad", "note"?: str}``: ``scheme`` runs the case under that
``Config.scheme`` (the default, speech, otherwise); known failures also carry ``"file"``,
where they belong once fixed, and ``"cause"``, the best guess at the rule to blame. Each
expected entry lists only the fields to compare:

``kind``            ``"direct"``, ``"indirect"`` or ``"mixed"``
``text``            a substring of the quote's content (``Quote.text``)
``content``         the whole content, after stripping spaces and ``,.;:!?`` at both ends
``speaker_name``    ``Quote.speaker.name`` (``null`` means no speaker)
``speaker_role``    ``Quote.speaker.role`` (``null`` means no role)
``speaker_kind``    ``Quote.speaker.kind``
``cue``             ``Quote.cue.text`` (``null`` means no cue)
``fragments``       the number of fragments

Each expected entry must match a different quote. With ``"expected": []`` and no ``forbid``,
the text must yield no quote at all; ``forbid`` entries (same fields) must match no quote;
``"exact_count": true`` also requires that nothing beyond the expected quotes is found.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from quoteattr import Quote, QuoteExtractor, extract_quotes
from quoteattr.model import spans_valid

CASES = Path(__file__).resolve().parent / "cases"
FILES = ("in_the_wild", "synthetic", "negative", "known_failures")
FIELDS = frozenset(
    {"kind", "text", "content", "speaker_name", "speaker_role", "speaker_kind", "cue", "fragments"}
)
CASE_KEYS = frozenset(
    {"id", "text", "expected", "forbid", "exact_count", "scheme", "note", "file", "cause"}
)
_STRIP = " \t\n,.;:!?"


def load(name: str) -> list[dict[str, Any]]:
    """The cases of ``tests/cases/<name>.json``."""
    data: list[dict[str, Any]] = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def field_value(quote: Quote, field: str) -> Any:
    """The value of one comparable field of a quote.

    >>> q = extract_quotes("“We will win,” said Mayor Ana Ruiz.")[0]
    >>> field_value(q, "speaker_role"), field_value(q, "content"), field_value(q, "fragments")
    ('Mayor', 'We will win', 1)
    """
    sp = quote.speaker
    values: dict[str, Any] = {
        "kind": quote.kind.value,
        "content": quote.text.strip(_STRIP),
        "speaker_name": sp.name if sp else None,
        "speaker_role": sp.role if sp else None,
        "speaker_kind": sp.kind.value if sp else None,
        "cue": quote.cue.text if quote.cue else None,
        "fragments": len(quote.fragments),
    }
    return values[field]


def matches(quote: Quote, entry: Mapping[str, Any]) -> bool:
    """Whether ``quote`` agrees with every field given in ``entry``."""
    for field, want in entry.items():
        if field == "text":
            if want not in quote.text:
                return False
        elif field_value(quote, field) != want:
            return False
    return True


def describe(quote: Quote) -> str:
    """A one-line summary of a quote for assertion messages."""
    fields = ("kind", "content", "speaker_name", "speaker_role", "speaker_kind", "cue")
    return "{" + ", ".join(f"{f}={field_value(quote, f)!r}" for f in fields) + "}"


def check(case: Mapping[str, Any]) -> list[str]:
    """Run one case; return what went wrong (empty when it passes).

    >>> check({"id": "x", "text": "The report is due.", "expected": []})
    []
    """
    text = case["text"]
    scheme = case.get("scheme")
    quotes = QuoteExtractor(scheme=scheme)(text) if scheme else extract_quotes(text)
    problems: list[str] = []
    expected: Sequence[Mapping[str, Any]] = case["expected"]
    forbid: Sequence[Mapping[str, Any]] = case.get("forbid", ())
    used: set[int] = set()
    for entry in expected:
        hit = next((i for i, q in enumerate(quotes) if i not in used and matches(q, entry)), None)
        if hit is None:
            problems.append(f"no quote matches {dict(entry)}")
        else:
            used.add(hit)
    for entry in forbid:
        for q in quotes:
            if matches(q, entry):
                problems.append(f"forbidden {dict(entry)} matched {describe(q)}")
    if (not expected and not forbid) or case.get("exact_count"):
        for i, q in enumerate(quotes):
            if i not in used:
                problems.append(f"unexpected quote {describe(q)}")
    if problems:
        problems.append("found: " + "; ".join(describe(q) for q in quotes) if quotes else "none")
    return problems


def _params(name: str) -> list[Any]:
    marks = [pytest.mark.xfail(strict=False, reason="known failure")] if name == FILES[3] else []
    out = []
    for case in load(name):
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _run(case: Mapping[str, Any]) -> None:
    problems = check(case)
    assert not problems, f"{case['id']}: {case.get('note', '')}\n" + "\n".join(problems)


@pytest.mark.parametrize("case", _params("in_the_wild"))
def test_in_the_wild(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _params("synthetic"))
def test_synthetic(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _params("negative"))
def test_negative(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _params("known_failures"))
def test_known_failure(case: dict[str, Any]) -> None:
    _run(case)


# -- the case files themselves ----------------------------------------------------------------
def _all_cases() -> list[tuple[str, dict[str, Any]]]:
    return [(name, case) for name in FILES for case in load(name)]


def test_case_ids_are_unique_across_files() -> None:
    ids = [case["id"] for _, case in _all_cases()]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes


def test_cases_are_well_formed() -> None:
    for name, case in _all_cases():
        assert set(case) <= CASE_KEYS, (case["id"], set(case) - CASE_KEYS)
        assert isinstance(case["text"], str) and case["text"].strip(), case["id"]
        assert case.get("scheme", "speech") in ("speech", "broad"), case["id"]
        for entry in (*case["expected"], *case.get("forbid", ())):
            assert entry and set(entry) <= FIELDS, (case["id"], entry)
            if "text" in entry:
                assert entry["text"] in case["text"], (case["id"], entry["text"])
            if "kind" in entry:
                assert entry["kind"] in ("direct", "indirect", "mixed"), case["id"]
            if entry.get("speaker_kind") is not None:
                assert entry["speaker_kind"] in ("person", "organization", "anonymous", "unknown")
        if name == "negative":
            assert not case["expected"] or case.get("forbid"), case["id"]
        if name == "known_failures":
            assert case.get("file") in FILES[:3], case["id"]
            assert case.get("cause"), case["id"]
        else:
            assert "file" not in case and "cause" not in case, case["id"]


def test_case_files_have_the_promised_size() -> None:
    counts = {name: len(load(name)) for name in FILES}
    assert sum(counts.values()) >= 120, counts
    negatives = counts["negative"] + sum(
        1 for c in load("known_failures") if c["file"] == "negative"
    )
    assert negatives >= 25, counts


def test_in_the_wild_texts_come_from_the_seed_article(seed_text: str) -> None:
    for case in load("in_the_wild"):
        assert case["text"] in seed_text, case["id"]


def test_every_case_gives_valid_spans() -> None:
    """Whatever the engine finds, every span it reports is a true slice of the text."""
    for _, case in _all_cases():
        text = case["text"]
        for q in extract_quotes(text):
            spans = [
                *q.fragments,
                *([q.cue] if q.cue else []),
                *([q.speaker.span] if q.speaker else []),
            ]
            assert spans_valid(text, spans), case["id"]
