"""Gender from a first name: the fallback for people the text says nothing about.

The text's own evidence (*she said*, *Ms. Tanaka*, *the spokeswoman*) always comes first; only
for a person about whom the article gives none may a first-name lexicon decide, and the
evidence is then marked ``"first-name"``: a statistic about other people who bear the name,
not something the article says. ``Lindsey`` is borne mostly by women in the data, and
Senator Lindsey Graham is a man: that is the kind of error this fallback makes, and why it is
off unless asked for (see ``docs/corpus.md``).

The lexicon is the name data of the package `nomquamgender
<https://pypi.org/project/nomquamgender/>`_ (MIT licence; Van Buskirk, Clauset and Larremore,
*An open-source cultural consensus approach to name-based gender classification*, 2023), an
optional extra: ``pip install "quoteattr[names]"``. For each name it gives the share of
bearers gendered female, ``p(gf)``, pooled from many national and commercial sources, and the
number of observations behind it. quoteattr reads that data file only, once, on first use
(importing the package's code would load the data a second time, with numpy and pandas);
nothing is ever looked up on the web.

A name decides when at least :data:`MIN_COUNT` observations stand behind it and its
``p(gf)`` lies within ``max_uncertainty`` (default :data:`MAX_UNCERTAINTY`, the package's
own default) of 0 or 1. Names in other scripts, initials and mononyms decide nothing.

>>> given_name("Donald J. Trump")
'Donald'
>>> given_name("J. K. Rowling") is None   # initials only
True
>>> given_name("Biden") is None           # a surname alone
True
>>> name_key("José-María")
'jose-maria'
"""

from __future__ import annotations

import json
import os
import re
import threading
import unicodedata
from collections.abc import Mapping

import regex

from ._patterns import lazy_regex
from .errors import QuoteAttrError
from .lexicon.abbreviations import TITLE_ABBREVIATIONS
from .lexicon.names import NAME_PARTICLES, NAME_SUFFIXES
from .lexicon.roles import HONORIFICS, TITLES

__all__ = [
    "MAX_UNCERTAINTY",
    "MIN_COUNT",
    "first_name_gender",
    "given_name",
    "given_name_span",
    "load_name_lexicon",
    "name_key",
]

#: How far from certain a name's ``p(gf)`` may be and still decide: with ``0.1`` a name
#: decides when at least 90 % of its bearers in the data share one gender.
MAX_UNCERTAINTY = 0.1

#: Observations a name needs in the data to decide at all (rarer names are left undecided;
#: the data's authors call names below 10 observations "low coverage").
MIN_COUNT = 10

# The optional package that ships the name data, and its data file.
_PACKAGE = "nomquamgender"
_DATA_FILE = "name_data.json"
_INSTALL = 'pip install "quoteattr[names]"'

# Letters that do not decompose into a base letter and an accent under NFKD, with the plain
# Latin spelling the name data uses for them.
_LATIN = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae"}
    | {"œ": "oe", "þ": "th", "’": "'", "‘": "'", "ʼ": "'"}
)

# A word of a name as the lexicon spells them: Latin letters, inner hyphens or apostrophes.
_NAME_KEY = lazy_regex(r"[a-z]+(?:['-][a-z]+)*")

# Words that stand before a given name but are never one: honorifics and abbreviated titles.
_NEVER_GIVEN = frozenset(HONORIFICS) | TITLE_ABBREVIATIONS
# Titles written in full ("Senator", "Judge"), skipped only when a full name follows, as a few
# are given names too ("Dean Phillips").
_TITLES = TITLES

_LOCK = threading.Lock()
_LEXICON: dict[str, float] | None = None


def name_key(name: str) -> str:
    """The form a name is looked up under: lower case, accents and apostrophe styles folded.

    >>> name_key("Zoë"), name_key("Øystein"), name_key("O’Neill")
    ('zoe', 'oystein', "o'neill")
    """
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_LATIN))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).translate(_LATIN)


def given_name_span(name: str) -> tuple[int, int] | None:
    """Where the given name lies in a personal name, as ``(start, end)`` offsets into it.

    The given name is the first word that is not a title or honorific (``Dr.``, ``Sen.``,
    ``Ms.``, or ``Judge`` before a full name), an initial (``J.``), a nickname in parentheses
    or quote marks, or a surname particle, and that has another name word after it. A single
    word is taken for a surname (``"Biden"``) and gives ``None``, as do initials alone
    (``"J. K. Rowling"``).

    >>> name = "Sen. Elizabeth Warren"
    >>> start, end = given_name_span(name)
    >>> name[start:end]
    'Elizabeth'
    >>> given_name_span("Ursula von der Leyen")
    (0, 6)
    >>> given_name("Judge Ana Ruiz"), given_name("Dean Phillips")
    ('Ana', 'Dean')
    """
    words = [
        (m.start(), m.group())
        for m in regex.finditer(r"[^\s]+", name)
        if not m.group().startswith(("(", '"', "“", "‘", "'"))
    ]
    while words and words[-1][1].lower().rstrip(".,") in NAME_SUFFIXES:
        words.pop()
    for i, (start, word) in enumerate(words[:-1]):
        bare = word.rstrip(".,")
        low = bare.lower()
        if low in _NEVER_GIVEN or low in NAME_PARTICLES:
            continue
        if low in _TITLES and len(words) - i > 2:
            continue
        if len(regex.sub(r"[^\p{L}]", "", bare)) <= 1 or not bare[:1].isupper():
            continue  # an initial ("J."), a number or a lower-case word
        if all(w[1].lower() in NAME_PARTICLES for w in words[i + 1 :]):
            return None
        return start, start + len(bare)
    return None


def given_name(name: str) -> str | None:
    """The given name in a personal name, or ``None`` when it has none to look up.

    See :func:`given_name_span` for what counts as a given name.

    >>> given_name("Michael A. (Mike) Moodian")
    'Michael'
    >>> given_name("Mr. Smith") is None
    True
    """
    span = given_name_span(name)
    return None if span is None else name[span[0] : span[1]]


def load_name_lexicon() -> Mapping[str, float]:
    """The name lexicon: each deciding name's key mapped to its ``p(gf)``.

    Read once per process from the optional package's data file (under a second; the table
    kept holds about 140,000 names in some 15 MB), then cached. Thread-safe.

    Raises:
        QuoteAttrError: if the optional package is not installed, or its data cannot be read.
    """
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                _LEXICON = _read_lexicon()
    return _LEXICON


def _data_path() -> str:
    """The path of the optional package's data file, found without importing the package
    (importing it would load the data a second time, with numpy and pandas)."""
    import importlib.util

    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise QuoteAttrError(
            f"the first-name gender fallback needs the name data of the package {_PACKAGE}, "
            f"which is not installed: {_INSTALL}"
        )
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, _DATA_FILE)
        if os.path.isfile(path):
            return path
    raise QuoteAttrError(f"{_PACKAGE} is installed without its {_DATA_FILE}; {_INSTALL}")


# One entry of the data file as the package writes it: ``"name": [sources, count, p(gf), …``.
# Scanning for these costs a tenth of the memory of parsing the whole JSON document.
_ENTRY = re.compile(rb'[{,] "([a-z]+(?:[\'-][a-z]+)*)": \[\d+, (\d+(?:\.\d+)?), ([0-9.eE+-]+),')


def _read_lexicon(path: str | None = None) -> dict[str, float]:
    path = path if path is not None else _data_path()
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise QuoteAttrError(f"cannot read {path} ({exc}); reinstall it: {_INSTALL}") from exc
    table = _scan_entries(data)
    # Common names either way round: if the scan missed them, the file's layout has changed,
    # and the JSON parser (slower, more memory) reads it whatever its layout.
    if not (table.get("mary", 0.0) > 0.9 and table.get("john", 1.0) < 0.1):
        table = _parse_entries(data)
    if not table:
        raise QuoteAttrError(f"the name data in {path} holds no usable names; {_INSTALL}")
    return table


def _scan_entries(data: bytes) -> dict[str, float]:
    floats: dict[float, float] = {}
    table: dict[str, float] = {}
    for m in _ENTRY.finditer(data):
        try:
            count, pgf = float(m.group(2)), float(m.group(3))
        except ValueError:
            continue
        if count >= MIN_COUNT and 0.0 <= pgf <= 1.0:
            # One float object per distinct p(gf): they are rounded to three decimals.
            table[m.group(1).decode("ascii")] = floats.setdefault(pgf, pgf)
    return table


def _parse_entries(data: bytes) -> dict[str, float]:
    try:
        raw = json.loads(data)
    except ValueError as exc:
        raise QuoteAttrError(
            f"the name data of {_PACKAGE} is not JSON ({exc}); {_INSTALL}"
        ) from exc
    if not isinstance(raw, dict):
        raise QuoteAttrError(f"the name data of {_PACKAGE} is not a mapping; {_INSTALL}")
    floats: dict[float, float] = {}
    table: dict[str, float] = {}
    for key, info in raw.items():
        try:
            count, pgf = float(info[1]), float(info[2])
        except (TypeError, ValueError, IndexError, KeyError):
            continue
        if count >= MIN_COUNT and 0.0 <= pgf <= 1.0 and _NAME_KEY.fullmatch(key):
            table[key] = floats.setdefault(pgf, pgf)
    return table


def first_name_gender(
    given: str,
    *,
    max_uncertainty: float = MAX_UNCERTAINTY,
    lexicon: Mapping[str, float] | None = None,
) -> tuple[str, float] | None:
    """The gender a given name points to, and how sure that is, or ``None``.

    Args:
        given: A given name (``"Ana"``, ``"Jean-Claude"``); see :func:`given_name` to take
            it from a full name. A hyphenated name not in the lexicon is looked up by its
            first part.
        max_uncertainty: How far from 0 or 1 the share of female bearers may be, in
            ``[0, 0.5)``; default :data:`MAX_UNCERTAINTY`.
        lexicon: Names mapped to their share of female bearers; default the optional
            package's data (:func:`load_name_lexicon`).

    Returns:
        ``("female", p)`` or ``("male", p)``, where ``p`` is the share of the name's bearers
        in the data who share that gender (at least ``1 - max_uncertainty``); ``None`` when
        the name is unknown, rare, or shared by both.

    Raises:
        QuoteAttrError: if ``lexicon`` is not given and the optional package is missing.
        ValueError: if ``max_uncertainty`` is out of range.

    >>> table = {"ana": 0.98, "jean": 0.48, "jean-claude": 0.0}
    >>> first_name_gender("Ana", lexicon=table)
    ('female', 0.98)
    >>> first_name_gender("Jean-Claude", lexicon=table)
    ('male', 1.0)
    >>> first_name_gender("Jean", lexicon=table) is None   # borne by women and men
    True
    """
    if not 0.0 <= max_uncertainty < 0.5:
        raise ValueError(f"max_uncertainty must be in [0, 0.5), got {max_uncertainty!r}")
    table = lexicon if lexicon is not None else load_name_lexicon()
    key = name_key(given.strip().rstrip(".,"))
    pgf = table.get(key)
    if pgf is None and "-" in key:
        pgf = table.get(key.split("-", 1)[0])
    if pgf is None:
        return None
    if pgf >= 1.0 - max_uncertainty:
        return "female", pgf
    if pgf <= max_uncertainty:
        return "male", round(1.0 - pgf, 6)
    return None
