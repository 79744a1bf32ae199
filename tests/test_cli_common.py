"""Tests of :mod:`quoteattr._cli_common`, what ``quoteattr`` and ``quoteattr corpus`` share."""

from __future__ import annotations

import argparse

import pytest

from quoteattr._cli_common import (
    add_extractor_options,
    cell,
    exit_statuses,
    extractor_options_error,
    why,
)


def _args(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    add_extractor_options(p)
    return p.parse_args(list(argv))


def test_both_commands_take_the_same_extractor_options() -> None:
    args = _args("-b", "rules", "--min-confidence", "0.5", "-j", "-1", "--first-names")
    assert (args.backend, args.min_confidence, args.jobs, args.first_names) == (
        "rules",
        0.5,
        -1,
        True,
    )
    assert extractor_options_error(args) is None
    defaults = _args()
    assert (defaults.backend, defaults.min_confidence, defaults.jobs) == ("rules", 0.0, 1)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--min-confidence", "1.5"), "--min-confidence must be in [0, 1]"),
        (("--min-confidence", "-0.1"), "--min-confidence must be in [0, 1]"),
        (("-j", "0"), "--jobs must be a positive number or -1"),
        (("-j", "-2"), "--jobs must be a positive number or -1"),
    ],
)
def test_bad_options_are_named(argv: tuple[str, ...], message: str) -> None:
    assert extractor_options_error(_args(*argv)) == message


def test_why_a_file_could_not_be_read() -> None:
    assert why(IsADirectoryError()) == "is a directory"
    assert why(PermissionError()) == "permission denied"
    bad = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
    assert why(bad) == "not UTF-8 text (byte 0: invalid start byte)"
    assert why(OSError("disk gone")) == "disk gone"


def test_cells_are_one_line_cut_and_padded() -> None:
    assert cell("Ana\nRuiz", 10) == "Ana Ruiz  "
    assert cell("Ines Marchetti", 8) == "Ines Ma…"
    assert cell("", 3) == "   " and cell(None, 3, "-") == "-  " and cell("", 3, "-") == "-  "


def test_exit_statuses_are_sorted_and_end_with_bad_usage():
    text = exit_statuses({3: "some were degraded", 0: "all were read"})
    assert text == "Exit status: 0 if all were read; 3 if some were degraded; 2 on bad usage."
