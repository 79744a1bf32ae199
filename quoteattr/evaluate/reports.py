"""Reports: the scores and the error cases as text, Markdown or JSON Lines."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .causes import (
    CONTEXT_CHARS,
    FALSE_ALARM,
    MISS,
    PARTIAL_NAME,
    WRONG_ROLE,
    WRONG_SPEAKER,
    ErrorCase,
    _cue_words,
    cause_counts,
    missed_cues,
)
from .scores import Scores


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


#: Auxiliaries and function words left out when cue words are counted: "has", "also", "to".
CUE_FUNCTION_WORDS = frozenset(
    "has have had having is are was were be been being am also not did does do would will may "
    "might could can should must to the a an of in on for about it that him her them this s ll "
    "t d re ve n with as against at by over up out from and his its their more still back into "
    "than".split()
)


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
