"""What the two commands (``quoteattr`` and ``quoteattr corpus``) share: the options that
build the extractor, their checks, why a file could not be read, and a table cell.

>>> cell("Jen  Psaki", 6) + "|", cell(None, 3, "-") + "|"
('Jen P…|', '-  |')
>>> why(FileNotFoundError())
'no such file'
>>> exit_statuses({0: "all went well", 1: "a file was missing"})
'Exit status: 0 if all went well; 1 if a file was missing; 2 on bad usage.'
"""

from __future__ import annotations

import argparse

from .backends import BACKENDS

__all__ = ["add_extractor_options", "cell", "exit_statuses", "extractor_options_error", "why"]


def exit_statuses(meanings: dict[int, str]) -> str:
    """The ``--help`` sentence on exit statuses: ``meanings`` maps each status to when it is
    given; 2, which argparse gives on bad usage, is added last."""
    told = "; ".join(f"{status} if {when}" for status, when in sorted(meanings.items()))
    return f"Exit status: {told}; 2 on bad usage."


def add_extractor_options(p: argparse.ArgumentParser) -> None:
    """Add ``--backend``, ``--min-confidence``, ``--jobs`` and ``--first-names`` to ``p``."""
    p.add_argument(
        "-b",
        "--backend",
        choices=sorted(BACKENDS),
        default="rules",
        help="rules (default, no model) or stanza (needs quoteattr[stanza] and its models)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="drop quotes whose confidence is below X, in [0, 1] (default 0)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for many files (default 1; -1 for one per CPU)",
    )
    p.add_argument(
        "--first-names",
        action="store_true",
        help="where an article says nothing of a person's gender, let the given name decide "
        '(needs pip install "quoteattr[names]")',
    )


def extractor_options_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the options of :func:`add_extractor_options`, or ``None``.

    >>> extractor_options_error(argparse.Namespace(min_confidence=1.5, jobs=1))
    '--min-confidence must be in [0, 1]'
    """
    if not 0.0 <= args.min_confidence <= 1.0:
        return "--min-confidence must be in [0, 1]"
    if args.jobs == 0 or args.jobs < -1:
        return "--jobs must be a positive number or -1"
    return None


def why(exc: Exception) -> str:
    """Why a file could not be read, in a few words."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte {exc.start}: {exc.reason})"
    return str(exc) or type(exc).__name__


def cell(s: str | None, width: int, blank: str = "") -> str:
    """``s`` on one line, cut to ``width`` characters (``…`` marks a cut) and padded to it;
    ``None`` or ``""`` is written ``blank``."""
    s = " ".join((s or blank).split())
    return (s if len(s) <= width else s[: width - 1] + "…").ljust(width)
