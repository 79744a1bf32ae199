"""The command line: ``quoteattr FILE… [--format table|jsonl|html] [--backend rules|stanza]
[--scheme speech|broad]``.

Reads each file or, with no file or ``-``, standard input, as UTF-8 bytes (standard input is
decoded exactly like a file, line ends left as they are, so offsets in the output point into
the file's own characters, also with CRLF or CR-only line ends), and writes its quotes to
standard output. A file that cannot be read, is not UTF-8 or is larger than ``--max-mb`` is
reported on standard error and skipped; the others are still processed and the exit status
is then 1. A document degraded by the time budget (``--time-budget``, ``--regex-timeout``)
is named on standard error with what was degraded, its JSON lines carry its
``warnings``, and the exit status is then 3 (unless another file failed: 1). ``--jobs N``
spreads many files over N worker processes; the output order stays the order of the files.
``python -m quoteattr`` is the same. ``quoteattr corpus FILE… --by KEY`` counts who gets quoted
across many articles (see :mod:`quoteattr._corpus_cli`); a file named ``corpus`` is then
read as ``./corpus``.

>>> import io
>>> out = io.StringIO()
>>> main(["--format", "jsonl", "-"], stdin=io.StringIO("“Go,” said Ana Ruiz."), stdout=out)
0
>>> out.getvalue().startswith('{"file": "-", "kind": "direct"')
True
"""

from __future__ import annotations

import argparse
import html
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO

from . import __version__
from ._api import QuoteExtractor
from ._cli_common import add_extractor_options, cell, exit_statuses, extractor_options_error, why
from .config import SCHEMES, Config
from .errors import QuoteAttrError
from .render import render_fragment
from .results import Quotes

__all__ = ["main"]

PROG = "quoteattr"
FORMATS = ("table", "jsonl", "html")


#: What ``--help`` says the command does, and its exit statuses.
DESCRIPTION = (
    "Find the quotations (direct, indirect, mixed) in English news articles and "
    "attribute each to its speaker, role and cue."
)
EPILOG = (
    exit_statuses(
        {
            0: "every file was processed in full",
            1: "any could not be read (not found, not UTF-8, too large)",
            3: "all were read but some were degraded by the time budget (named on standard error)",
        }
    )
    + " 'quoteattr corpus --help': who gets quoted across many articles."
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG)
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="UTF-8 text files; none (or -) reads standard input",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default): one aligned row per quote; jsonl: one JSON object per quote, "
        "with a 'file' key; html: one page with every article highlighted",
    )
    p.add_argument(
        "-s",
        "--scheme",
        choices=SCHEMES,
        default="speech",
        help="what counts as a quote: speech (default; what a reader calls a quotation) or "
        "broad (also beliefs, intentions, poll and report findings, the writer's hedges, as "
        "in the PARC and PolNeAR corpora)",
    )
    add_extractor_options(p)
    defaults = Config()
    for flag, seconds, what in (
        (
            "--time-budget",
            defaults.time_budget,
            "seconds of CPU time one document may use before the rest of it is degraded to "
            "unattributed quote-mark spans",
        ),
        (
            "--regex-timeout",
            defaults.regex_timeout,
            "seconds one pattern may take per million characters it reads before its "
            "paragraph is degraded",
        ),
    ):
        p.add_argument(
            flag, type=float, default=seconds, metavar="S", help=f"{what} (default {seconds:g})"
        )
    p.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_MB,
        metavar="N",
        help=f"skip (with an error) any input larger than N megabytes (default {DEFAULT_MAX_MB:g})",
    )
    p.add_argument(
        "--stanza-dir",
        metavar="DIR",
        default=None,
        help="where stanza's models are (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources)",
    )
    p.add_argument(
        "--download",
        action="store_true",
        help="with --backend stanza, download stanza's English models if missing",
    )
    p.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    return p


#: Default of ``--max-mb``: larger inputs are refused (the time budget would cut them anyway).
DEFAULT_MAX_MB = 32.0


class _TooLarge(Exception):
    pass


def _read(name: str, stdin: IO[str], max_bytes: int) -> str:
    """The text of ``name`` (``-``: standard input): its bytes decoded as UTF-8, line ends
    kept as they are; at most ``max_bytes`` bytes are read."""
    if name == "-":
        raw = getattr(stdin, "buffer", None)
        if raw is None:  # a text stream without bytes underneath (as in tests)
            text = stdin.read(max_bytes + 1)
            if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
                raise _TooLarge
            return text
        data: bytes = raw.read(max_bytes + 1)
    else:
        with open(name, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise _TooLarge
            data = fh.read(max_bytes + 1)  # a device such as /dev/zero has no size
    if len(data) > max_bytes:
        raise _TooLarge
    return data.decode("utf-8")


def _table(name: str, quotes: Quotes, out: IO[str], header: bool) -> None:
    if header:
        out.write(f"== {name} ==\n")
    out.write(f"{'kind':<8}  {'speaker':<26}  {'role':<26}  {'cue':<12}  {'conf':>4}  quote\n")
    for q in quotes:
        sp = q.speaker
        speaker = cell(sp.name if sp else None, 26, "-")
        role = cell(sp.role if sp else None, 26, "-")
        cue = cell(q.cue.text if q.cue else None, 12, "-")
        out.write(
            f"{q.kind.value:<8}  {speaker}  {role}  {cue}"
            f"  {q.confidence:4.2f}  {' '.join(q.text.split())}\n"
        )
    out.write(f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}\n")
    for w in quotes.warnings:
        out.write(f"warning: {name}: {w}\n")


def _html_page(results: list[tuple[str, Quotes]]) -> str:
    sections = "\n".join(
        f'<h2 style="font:bold 15px system-ui,sans-serif">{html.escape(name)}: '
        f"{len(q)} quote{'s' if len(q) != 1 else ''}</h2>\n{render_fragment(q.text, q)}"
        for name, q in results
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{PROG}</title>\n</head>\n<body>\n{sections}\n</body>\n</html>\n"
    )


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: IO[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run the command line; returns the exit status.

    Args:
        argv: The arguments (default ``sys.argv[1:]``).
        stdin: Where ``-`` reads from (default ``sys.stdin``).
        stdout: Where results go (default ``sys.stdout``).
        stderr: Where errors go (default ``sys.stderr``).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["corpus"]:
        from ._corpus_cli import main as corpus_main

        return corpus_main(argv[1:], stdin=stdin, stdout=stdout, stderr=stderr)
    stdin = stdin if stdin is not None else sys.stdin
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args = _parser().parse_args(argv)
    problem = extractor_options_error(args)
    if problem:
        err.write(f"{PROG}: error: {problem}\n")
        return 2
    files: list[str] = args.files or ["-"]
    for flag, value in (
        ("--time-budget", args.time_budget),
        ("--regex-timeout", args.regex_timeout),
    ):
        if not value > 0:
            err.write(f"{PROG}: error: {flag} must be positive\n")
            return 2
    if not args.max_mb > 0:
        err.write(f"{PROG}: error: --max-mb must be positive\n")
        return 2
    try:
        extractor = QuoteExtractor(
            backend=args.backend,
            scheme=args.scheme,
            min_confidence=args.min_confidence,
            time_budget=args.time_budget,
            regex_timeout=args.regex_timeout,
            stanza_dir=args.stanza_dir,
            download=args.download,
            gender_from_first_names=args.first_names,
        )
        extractor.backend  # noqa: B018 -- fail now, once, if the backend cannot run
    except QuoteAttrError as exc:
        hint = ""
        if args.backend == "stanza" and "download" in str(exc):
            hint = " (on the command line: --stanza-dir DIR, or --download)"
        err.write(f"{PROG}: error: {exc}{hint}\n")
        return 1
    names: list[str] = []
    failed: list[str] = []
    degraded: list[str] = []
    max_bytes = int(args.max_mb * 1_000_000)

    def texts() -> Iterator[str]:
        for name in files:
            try:
                text = _read(name, stdin, max_bytes)
            except (OSError, UnicodeDecodeError, _TooLarge) as exc:
                problem = (
                    f"larger than {args.max_mb:g} MB (--max-mb)"
                    if isinstance(exc, _TooLarge)
                    else why(exc)
                )
                err.write(f"{PROG}: {name}: {problem}; skipped\n")
                failed.append(name)
                continue
            names.append(name)
            yield text

    done: list[tuple[str, Quotes]] = []
    for i, quotes in enumerate(extractor.pipe(texts(), n_process=args.jobs, batch_size=4)):
        name = names[i]
        if quotes.warnings:
            degraded.append(name)
            for w in quotes.warnings:
                err.write(f"{PROG}: {name}: degraded: {w}\n")
        if args.format == "table":
            _table(name, quotes, out, header=len(files) > 1)
        elif args.format == "jsonl":
            extra = {"warnings": list(quotes.warnings)} if quotes.warnings else {}
            quotes.to_jsonl(out, file=name, **extra)
        else:
            done.append((name, quotes))
        out.flush()
    if args.format == "html" and done:
        out.write(_html_page(done))
    return 1 if failed else 3 if degraded else 0
