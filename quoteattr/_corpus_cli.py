"""``quoteattr corpus``: who gets quoted across many articles, from the command line.

Usage::

    quoteattr corpus FILE… [--by KEY]… [--count people|quotes] [--format table|jsonl]

Documents and their metadata come in one of two ways, mixed freely:

* **JSON Lines** (a file ending ``.jsonl`` or ``.ndjson``, or ``-`` for standard input): one
  article per line, a JSON object whose ``"text"`` field (``--text-field``) is the article;
  every other field is its metadata (``{"text": "…", "outlet": "Gazette", "date":
  "2024-05-01"}``).
* **Plain text files**, one article each: the metadata is ``file`` (the path as given) and
  ``dir`` (the name of the folder it is in, so ``gazette/a1.txt`` is in ``dir`` ``gazette``),
  plus the columns of the row for that file in ``--metadata FILE.csv`` (a CSV file with a
  ``file`` column holding the path as given, or just the file's name).

The output is the share of women among the people quoted, overall and for each ``--by`` key,
then the most quoted speakers; ``--format jsonl`` writes the same as JSON Lines (a
``"record"`` field says ``"share"`` or ``"speaker"``; every speaker is written).
``--plot FILE.png`` saves the plot of the first ``--by`` key. A progress bar (tqdm,
``pip install "quoteattr[progress]"``) shows on a terminal, or with ``--progress``.

A line or a file that cannot be read is reported on standard error and skipped; the others are
still counted and the exit status is then 1.

>>> import io
>>> lines = "\\n".join(json.dumps(d) for d in [
...     {"text": "“We will rebuild,” said Mayor Ana Ruiz.", "outlet": "Gazette"},
...     {"text": "“Prices will fall,” said Ben Cole.", "outlet": "Courier"},
... ])
>>> out = io.StringIO()
>>> main(["-", "--by", "outlet", "--format", "jsonl"], stdin=io.StringIO(lines), stdout=out)
0
>>> [json.loads(line)["record"] for line in out.getvalue().splitlines()]
['share', 'share', 'share', 'speaker', 'speaker']
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

from ._api import QuoteExtractor
from ._cli_common import add_extractor_options, cell, exit_statuses, extractor_options_error, why
from .corpus import Corpus, CorpusSpeakers, GenderShares
from .errors import QuoteAttrError

__all__ = ["main"]

PROG = "quoteattr corpus"
JSONL_SUFFIXES = (".jsonl", ".ndjson")


#: What ``--help`` says the command does, its input and its exit statuses.
DESCRIPTION = (
    "Count who gets quoted across many articles: speakers merged by name across "
    "documents, and the share of women among the people quoted, overall and by "
    "metadata (outlet, date, ...)."
)
EPILOG = (
    "Input: .jsonl/.ndjson files (or - for standard input) hold one JSON object per "
    "article, its text in the 'text' field and its metadata in the others; any other "
    "file is one plain-text article, with metadata 'file', 'dir' (its folder's name) "
    "and its row of --metadata. "
) + exit_statuses({0: "every document was read", 1: "any could not be"})


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG)
    p.add_argument("files", nargs="+", metavar="FILE", help="articles (see below)")
    p.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="KEY",
        help="a metadata key to break the share down by (repeat for several)",
    )
    p.add_argument(
        "--count",
        choices=("people", "quotes"),
        default="people",
        help="count each person once per group (default), or each quote by a person",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="table (default): the shares and the top speakers; jsonl: one JSON object per "
        "share row and per speaker",
    )
    p.add_argument(
        "--top",
        type=int,
        default=20,
        metavar="N",
        help="speakers shown in the table (default 20; 0 for none); jsonl writes all",
    )
    p.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="the field of a JSON Lines object that holds the article (default 'text')",
    )
    p.add_argument(
        "--metadata",
        metavar="CSV",
        help="a CSV file of metadata for plain-text files, one row per file, "
        "matched on its 'file' column",
    )
    p.add_argument("--plot", metavar="PNG", help="save the share by the first --by key here")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar (default: when standard error is a terminal)",
    )
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    add_extractor_options(p)
    return p


class _Inputs:
    """The documents of the command line, read lazily, with their metadata and problems."""

    def __init__(
        self,
        files: Sequence[str],
        text_field: str,
        table: dict[str, dict[str, str]],
        stdin: IO[str],
        report: Callable[[str], None],
    ) -> None:
        self.files = files
        self.text_field = text_field
        self.table = table
        self.stdin = stdin
        self.report = report
        self.problems = 0

    def _problem(self, message: str) -> None:
        self.problems += 1
        self.report(f"{PROG}: {message}")

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for name in self.files:
            if name == "-" or name.lower().endswith(JSONL_SUFFIXES):
                yield from self._jsonl(name)
            else:
                yield from self._plain(name)

    def _plain(self, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
        try:
            with open(name, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            self._problem(f"{name}: {why(exc)}; skipped")
            return
        folder = os.path.basename(os.path.dirname(os.path.abspath(name)))
        meta: dict[str, Any] = {"file": name, "dir": folder}
        meta.update(self.table.get(name) or self.table.get(os.path.basename(name)) or {})
        yield text, meta

    def _jsonl(self, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
        try:
            fh = self.stdin if name == "-" else open(name, encoding="utf-8")
        except OSError as exc:
            self._problem(f"{name}: {why(exc)}; skipped")
            return
        try:
            lineno = 0
            while True:
                lineno += 1
                try:
                    line = fh.readline()
                except UnicodeDecodeError as exc:
                    self._problem(f"{name}, line {lineno}: {why(exc)}; rest skipped")
                    return
                if not line:
                    return
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    self._problem(f"{name}, line {lineno}: not JSON ({exc}); skipped")
                    continue
                text = obj.get(self.text_field) if isinstance(obj, dict) else None
                if not isinstance(text, str):
                    self._problem(
                        f"{name}, line {lineno}: no string field {self.text_field!r}; skipped"
                    )
                    continue
                meta = {k: v for k, v in obj.items() if k != self.text_field}
                yield text, meta
        finally:
            if fh is not self.stdin:
                fh.close()


def _read_table(path: str) -> dict[str, dict[str, str]]:
    """The rows of a metadata CSV file, by their ``file`` column."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            raise ValueError("it has no 'file' column")
        return {
            row["file"]: {k: v for k, v in row.items() if k != "file" and k is not None}
            for row in reader
        }


def _bar(show: bool | None, err: IO[str]) -> Any:
    """A tqdm progress bar on ``err``, or ``None``; ``show=None`` means: on a terminal."""
    if show is False or (show is None and not err.isatty()):
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        if show:
            raise QuoteAttrError(
                '--progress needs tqdm, which is not installed: pip install "quoteattr[progress]"'
            ) from None
        return None
    return tqdm(unit="doc", desc="quoteattr", file=err, dynamic_ncols=True)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.1%}"


def _share_table(key: str | None, shares: GenderShares, out: IO[str]) -> None:
    unit = "people" if shares.overall.counted == "people" else "quotes by people"
    out.write(f"\nShare of women among {unit}" + (f", by {key}" if key else "") + "\n")
    out.write(
        f"{cell(key or 'group', 24)}  {'documents':>9}  {'female':>6}  {'male':>6}  "
        f"{'unknown':>7}  {'women':>6}\n"
    )
    for row in [*shares, shares.overall]:
        out.write(
            f"{cell(row.label, 24)}  {row.documents:>9}  {row.female:>6}  {row.male:>6}  "
            f"{row.unknown:>7}  {_pct(row.share_female):>6}\n"
        )


def _speaker_table(speakers: CorpusSpeakers, top: int, out: IO[str]) -> None:
    shown = speakers[:top]
    out.write(f"\nSpeakers (the {len(shown)} most quoted of {len(speakers)})\n")
    out.write(
        f"{'name':<26}  {'kind':<12}  {'gender':<7}  {'basis':<10}  {'quotes':>6}  "
        f"{'docs':>5}  roles\n"
    )
    for s in shown:
        out.write(
            f"{cell(s.name, 26)}  {s.kind.value:<12}  {s.gender or '-':<7}  "
            f"{s.gender_basis:<10}  {s.quotes:>6}  {s.documents:>5}  {'; '.join(s.roles)}\n"
        )


def main(
    argv: Sequence[str],
    *,
    stdin: IO[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run ``quoteattr corpus`` with ``argv`` (the arguments after ``corpus``); returns the
    exit status."""
    stdin = stdin if stdin is not None else sys.stdin
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)

    def fail(message: str, status: int) -> int:
        err.write(f"{PROG}: error: {message}\n")
        return status

    problem = extractor_options_error(args)
    if problem:
        return fail(problem, 2)
    if args.top < 0:
        return fail("--top must be 0 or more", 2)
    if args.plot and not args.by:
        return fail("--plot needs a --by key to break the share down by", 2)
    if args.files.count("-") > 1:
        return fail("standard input (-) can be read only once", 2)
    table: dict[str, dict[str, str]] = {}
    if args.metadata:
        try:
            table = _read_table(args.metadata)
        except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
            reason = why(exc) if isinstance(exc, (OSError, UnicodeDecodeError)) else str(exc)
            return fail(f"--metadata {args.metadata}: {reason}", 2)
    try:
        extractor = QuoteExtractor(
            backend=args.backend,
            min_confidence=args.min_confidence,
            gender_from_first_names=args.first_names,
        )
        extractor.backend  # noqa: B018 -- fail now, once, if the backend cannot run
        bar = _bar(args.progress, err)
    except QuoteAttrError as exc:
        return fail(str(exc), 1)

    def report(message: str) -> None:
        if bar is not None:
            bar.write(message, file=err)
        else:
            err.write(message + "\n")

    inputs = _Inputs(args.files, args.text_field, table, stdin, report)
    pending: deque[dict[str, Any]] = deque()

    def texts() -> Iterator[str]:
        for text, meta in inputs:
            pending.append(meta)
            yield text

    corpus = Corpus(by=args.by or None)
    try:
        for quotes in extractor.pipe(texts(), n_process=args.jobs, batch_size=8):
            corpus.add(quotes, pending.popleft())
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()

    shares = [(None, corpus.gender_share(count=args.count))]
    shares += [(key, corpus.gender_share(by=key, count=args.count)) for key in args.by]
    for key, rows in shares[1:]:
        if corpus.documents and all(row.value is None for row in rows):
            err.write(f"{PROG}: no document has the metadata key {key!r}\n")
    speakers = corpus.speakers()
    if args.format == "jsonl":
        for key, rows in shares:
            for row in rows if key is not None else [rows.overall]:
                out.write(json.dumps({"record": "share", **row.to_dict()}, ensure_ascii=False))
                out.write("\n")
        for s in speakers:
            out.write(json.dumps({"record": "speaker", **s.to_dict()}, ensure_ascii=False))
            out.write("\n")
    else:
        out.write(
            f"{_n(corpus.documents, 'document')}, {_n(corpus.quotes, 'quote')} "
            f"({corpus.unattributed} without a resolved speaker), "
            f"{_n(len(speakers), 'speaker')}, {shares[0][1].overall.total} of them people\n"
        )
        for key, rows in shares[1:] if args.by else shares:
            _share_table(key, rows, out)
        if args.top:
            _speaker_table(speakers, args.top, out)
    if args.plot:
        try:
            ax = shares[1][1].plot()
            ax.figure.savefig(args.plot, dpi=120)
        except (QuoteAttrError, OSError, ValueError) as exc:
            return fail(f"--plot {args.plot}: {exc}", 1)
    return 1 if inputs.problems else 0
