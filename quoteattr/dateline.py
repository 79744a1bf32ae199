"""Datelines: the place (and news agency) that opens a wire story, "WASHINGTON —".

A dateline is no part of the sentence it opens: not its subject, not reported content, and
never a speaker. The segmenter makes it a sentence of its own (rule ``dateline``), the
attribution stage starts a sentence after it (rule ``dateline-not-sentence``), and the
transcript and headline rules do not read its place as a speaker's label (rule
``dateline-not-speaker``): all three ask :func:`dateline_end`.

One is taken when:

* an agency in brackets follows a place: "LONDON (Reuters) -", "Washington (CNN)";
* a dash follows a place in capitals ("WASHINGTON —", "SAN FRANCISCO, Calif. -"), or a
  place in Title Case that the lists know or that a known state or country follows
  ("Paris, France —", "Austin, Texas —");
* a colon follows a place in capitals that the lists know ("CANBERRA:", "NEW DELHI:"), not
  an organisation's or a person's label ("NATO:", "CLINTON:", "Q:").

What follows it must open a sentence: a capital, a digit or a quotation mark. A label in
capitals before a dash ("EXCLUSIVE –") heads a story the same way and is taken too.
"""

from __future__ import annotations

import regex

from ._patterns import lazy_regex
from .lexicon.abbreviations import STATE_ABBREVIATIONS
from .lexicon.names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from .lexicon.not_quotes import LABEL_WORDS
from .lexicon.places import PLACES, PLACES_AND_FIRST_NAMES

__all__ = ["dateline_end"]

# How far into a paragraph a dateline may reach.
_REACH = 80

_DATELINE = lazy_regex(
    r"""
    (?:
        # "SAN FRANCISCO", "ST. LOUIS", "LA CROSSE" (each word's letters taken possessively,
        # "*+": a run of capitals that is no dateline fails at once)
        (?P<caps>\p{Lu}[\p{Lu}.'’-]++(?:[ \t]+\p{Lu}[\p{Lu}.'’-]++){0,3})
      | (?P<title>\p{Lu}[\p{Ll}.'’-]++(?:[ \t]+\p{Lu}[\p{Ll}.'’-]++){0,2})
    )
    (?=[\s,(:—–-])
    # ", Fla.", ", Ukraine", ", D.C.", ", New York"
    (?P<region>,[ \t]+\p{Lu}[\p{L}.]*+(?:[ \t]+\p{Lu}[\p{L}.]*+){0,2})?
    # ", Dec 3", " March 3, 2019"
    (?:,?[ \t]+\p{Lu}[a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?)?
    # "(AP)", "(Reuters)", "(Thomson Reuters Foundation)"
    (?P<agency>[ \t]*\(\p{Lu}[\p{L}.&]*+(?:[ \t]+\p{Lu}[\p{L}.&]*+){0,2}\))?
    # a dash or a colon, or (after an agency) nothing: "Washington (CNN)The ..."
    (?:[ \t]*(?P<mark>—|–|--|-|:)[ \t]*|(?<=\))[ \t]*)
    (?=[\p{Lu}\p{N}“"‘'])
    """,
    regex.X,
)
_DASHES = frozenset(("—", "–", "--", "-"))


def dateline_end(text: str, start: int, end: int | None = None) -> int | None:
    """Where a dateline opening ``text[start:end]`` ends (after its dash or colon, or its
    agency's bracket), or ``None`` if none opens it.

    >>> def line(t):
    ...     stop = dateline_end(t, 0)
    ...     return None if stop is None else t[:stop]
    >>> line("WASHINGTON — The senator said the bill would pass.")
    'WASHINGTON —'
    >>> line("LONDON (Reuters) - Prices rose sharply in May.")
    'LONDON (Reuters) -'
    >>> line("Paris, France — The minister said the strike would end.")
    'Paris, France —'
    >>> line("NEW DELHI: Farmers will keep marching, a union leader said.")
    'NEW DELHI:'
    >>> line("NATO: Russia must withdraw its troops"), line("Q: Will it open?")
    (None, None)
    """
    hi = len(text) if end is None else end
    m = _DATELINE.match(text, start, min(hi, start + _REACH))
    if m is None:
        return None
    mark, caps = m.group("mark"), m.group("caps")
    place = (caps or m.group("title")).lower().rstrip(".")
    if mark == ":":
        taken = (
            caps is not None
            and text[m.end("mark") : m.end("mark") + 1].isspace()
            and _known(place)
            and not _first_name(place)
            and not any(w in LABEL_WORDS for w in place.split())
        )
    elif m.group("agency"):
        taken = True
    elif mark in _DASHES:
        region = m.group("region")
        # (A Title Case place wants its region in Title Case: not "Later, LONDON —".)
        known_region = (
            region is not None
            and not region.isupper()
            and _known(region[1:].strip().lower().rstrip("."))
        )
        if caps is not None:
            # (An unknown place of three words or more is rather a headline in capitals:
            # "BUT ECONOMY FAVORS TRUMP - ...".)
            taken = _known(place) or (
                place.count(" ") < 2 and (len(place.replace(".", "")) >= 4 or region is not None)
            )
        else:
            taken = _known(place) or known_region
    else:
        taken = False
    if not taken:
        return None
    stop: int = m.end()
    while text[stop - 1] in " \t":
        stop -= 1
    return stop


def _known(place: str) -> bool:
    """Whether the lists know a place (lower-cased): "new delhi", "france", "fla"."""
    return place in PLACES or place in STATE_ABBREVIATIONS


def _first_name(place: str) -> bool:
    """Whether a place is also a first name, "JORDAN:" a transcript's speaker as likely."""
    return (
        place in PLACES_AND_FIRST_NAMES or place in MALE_FIRST_NAMES or place in FEMALE_FIRST_NAMES
    )
