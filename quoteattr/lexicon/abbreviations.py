"""Abbreviations that end with a full stop without ending the sentence.

Lower-cased, without the final stop. Used by the rules backend's segmenter
(rule ``abbreviation-is-not-boundary``: "Sen. Warren said" is one sentence).
"""

#: Titles and honorifics that precede a name: "Gov. Cuomo", "Dr. Lee".
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms messrs dr prof gov sen rep reps sens lt col gen maj capt cmdr adm sgt cpl pvt "
    "supt det insp fr rev hon pres amb atty asst assoc st mt ft sr jr coun cllr const".split()
)

#: Month and weekday abbreviations: "Jan. 5", "Tues. night".
DATE_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "sun".split()
)

#: Other abbreviations common in news: "approx.", "vs.", "No. 10", "Inc.".
OTHER_ABBREVIATIONS = frozenset(
    "vs v etc approx appt dept est inc corp co ltd llc bros no nos vol pp fig al cf ca "
    "univ natl intl govt admin mins hrs sec secs".split()
)

#: Dotted abbreviations, compared with dots removed: "U.S.", "a.m.", "D.C.", "e.g.".
DOTTED_ABBREVIATIONS = frozenset(
    "us uk un eu am pm dc eg ie nyc usa ussr la ny nj ca fbi cia nsa phd ba ma bsc mba jd".split()
)

#: U.S. state abbreviations in AP style: "Calif.", "Fla.", "Mass.".
STATE_ABBREVIATIONS = frozenset(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont "
    "neb nev okla ore pa tenn tex va vt wash wis wyo".split()
)

#: Every abbreviation the segmenter knows.
ABBREVIATIONS = (
    TITLE_ABBREVIATIONS
    | DATE_ABBREVIATIONS
    | OTHER_ABBREVIATIONS
    | DOTTED_ABBREVIATIONS
    | STATE_ABBREVIATIONS
)
