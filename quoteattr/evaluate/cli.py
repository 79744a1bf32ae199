"""The command line: ``python -m quoteattr.evaluate GOLD.jsonl ...`` (see
:mod:`quoteattr.evaluate`)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._api import QuoteExtractor
from ..backends import BACKENDS
from ..config import SCHEMES
from ..errors import QuoteAttrError
from .causes import cause_counts, find_errors
from .gold import load_gold
from .reports import format_report, write_errors
from .scores import score_documents

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
    parser.add_argument(
        "--speech-cued",
        action="store_true",
        help="score only the gold attributions whose cue is a verb or noun of speech (said, "
        "told, according to, statement, ...), setting aside predictions that match the others: "
        "the speech scheme's recall on a broadly annotated corpus (see docs/accuracy.md)",
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
    gold_filter = "speech_cued" if args.speech_cued else None
    scores = score_documents(docs, extractor.extract, gold_filter=gold_filter)
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
