"""The first-name gender fallback: given names, lookups, the optional data and its errors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from quoteattr import QuoteAttrError
from quoteattr import names_gender as ng
from quoteattr.names_gender import first_name_gender, given_name, given_name_span, name_key

HAS_NAMES = importlib.util.find_spec("nomquamgender") is not None

# A made-up lexicon in the shape load_name_lexicon returns: name key -> share of female bearers.
TABLE = {"ana": 0.98, "ben": 0.01, "jean": 0.48, "jean-claude": 0.0, "kit": 0.85, "oystein": 0.0}


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Ana Ruiz", "Ana"),
        ("Donald J. Trump", "Donald"),
        ("Dr. Anthony Fauci", "Anthony"),
        ("Sen. Elizabeth Warren", "Elizabeth"),
        ("Ms. Keiko Tanaka", "Keiko"),
        ("Deputy Mayor Ines Marchetti", "Ines"),
        ("Michael A. (Mike) Moodian", "Michael"),
        ('Robert "Bobby" Kane', "Robert"),
        ("Ursula von der Leyen", "Ursula"),
        ("Martin Luther King Jr.", "Martin"),
        ("Jean-Claude Juncker", "Jean-Claude"),
        ("Dean Phillips", "Dean"),
        ("Erik ten Hag", "Erik"),
        ("Biden", None),
        ("Mr. Smith", None),
        ("J. K. Rowling", None),
        ("Ana de la", None),
        ("", None),
        ("bell hooks", None),
    ],
)
def test_given_name(name: str, given: str | None) -> None:
    assert given_name(name) == given


def test_given_name_span_points_into_the_name() -> None:
    name = "Gov. Ana Ruiz"
    span = given_name_span(name)
    assert span == (5, 8)
    assert name[5:8] == "Ana"


def test_name_key_folds_case_accents_and_apostrophes() -> None:
    assert name_key("ZOË") == "zoe"
    assert name_key("Łukasz") == "lukasz"
    assert name_key("Øystein") == "oystein"
    assert name_key("D’Andre") == "d'andre"


def test_first_name_gender_decides_only_clear_names() -> None:
    assert first_name_gender("Ana", lexicon=TABLE) == ("female", 0.98)
    assert first_name_gender("Ben", lexicon=TABLE) == ("male", 0.99)
    assert first_name_gender("Jean", lexicon=TABLE) is None  # borne by both
    assert first_name_gender("Kit", lexicon=TABLE) is None  # 0.85: not clear enough by default
    assert first_name_gender("Kit", lexicon=TABLE, max_uncertainty=0.2) == ("female", 0.85)
    assert first_name_gender("Zygmunt", lexicon=TABLE) is None  # not in the lexicon
    assert first_name_gender("Øystein", lexicon=TABLE) == ("male", 1.0)


def test_hyphenated_name_falls_back_to_its_first_part() -> None:
    assert first_name_gender("Jean-Claude", lexicon=TABLE) == ("male", 1.0)
    assert first_name_gender("Ana-Sofia", lexicon=TABLE) == ("female", 0.98)


def test_max_uncertainty_out_of_range() -> None:
    with pytest.raises(ValueError, match="max_uncertainty"):
        first_name_gender("Ana", lexicon=TABLE, max_uncertainty=0.5)


def test_missing_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ng, "_LEXICON", None)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "nomquamgender" else real_find_spec(name, *a),
    )
    with pytest.raises(QuoteAttrError, match=r'pip install "quoteattr\[names\]"'):
        first_name_gender("Ana")
    assert ng._LEXICON is None  # nothing half-loaded is cached


def _write_data(path: Path, entries: dict[str, list[object]], indent: int | None = None) -> None:
    path.write_text(json.dumps(entries, indent=indent), encoding="utf-8")


DATA = {
    "john": [30, 5_000_000, 0.001, 3],
    "mary": [30, 4_000_000, 0.98, 3],
    "ana": [31, 460_000, 0.978, [0, 1, 2]],
    "rare": [1, 3, 1.0, 3],  # too few observations
    "o'neil": [4, 50, 0.02, 3],
    "&amp;x": [1, 90, 0.0, 3],  # not a name
    "broken": [1],
}


def test_reading_the_data_file(tmp_path: Path) -> None:
    path = tmp_path / "name_data.json"
    _write_data(path, DATA)
    table = ng._read_lexicon(str(path))
    assert table == {"john": 0.001, "mary": 0.98, "ana": 0.978, "o'neil": 0.02}


def test_a_changed_layout_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "name_data.json"
    _write_data(path, DATA, indent=2)  # the fast scan finds nothing in this layout
    assert ng._scan_entries(path.read_bytes()) == {}
    assert ng._read_lexicon(str(path)) == {
        "john": 0.001,
        "mary": 0.98,
        "ana": 0.978,
        "o'neil": 0.02,
    }


def test_unreadable_data_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "name_data.json"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(QuoteAttrError, match="not JSON"):
        ng._read_lexicon(str(path))
    with pytest.raises(QuoteAttrError, match="cannot read"):
        ng._read_lexicon(str(tmp_path / "missing.json"))


@pytest.mark.skipif(not HAS_NAMES, reason='needs pip install "quoteattr[names]"')
def test_the_real_lexicon() -> None:
    lexicon = ng.load_name_lexicon()
    assert lexicon is ng.load_name_lexicon()  # read once
    assert len(lexicon) > 100_000
    assert first_name_gender("Mary")[0] == "female"  # type: ignore[index]
    assert first_name_gender("John")[0] == "male"  # type: ignore[index]
    assert first_name_gender("Jean") is None  # French men, English-speaking women
    # The fast scan and the JSON parser read the same table from the real file.
    data = Path(ng._data_path()).read_bytes()
    assert ng._scan_entries(data) == ng._parse_entries(data)
