"""Tests of :mod:`quoteattr._optional`: a missing optional package names its extra."""

from __future__ import annotations

import sys

import pytest

from quoteattr._optional import require
from quoteattr.errors import QuoteAttrError


def test_an_installed_module_is_returned_dotted_names_too() -> None:
    assert require("json", extra="none") is sys.modules["json"]
    assert require("email.message", extra="none") is sys.modules["email.message"]


def test_a_missing_module_names_what_needs_it_and_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(QuoteAttrError) as info:
        require("matplotlib.pyplot", extra="plot", what="plotting")
    assert str(info.value) == (
        'plotting needs matplotlib, which is not installed: pip install "quoteattr[plot]"'
    )
