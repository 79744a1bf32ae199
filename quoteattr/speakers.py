"""Stage 3: find the speaker mention next to a cue and split it into name and role.

A mention is the local phrase that attributes a quote ("White House spokeswoman Jen Psaki",
"he", "a State Department official", "who"). :func:`describe` splits it into a name, a role
and a kind; :mod:`quoteattr.coref` later resolves "he" and "Psaki" to a full name.

>>> m = describe_span("said White House spokeswoman Jen Psaki.", 5, 38)
>>> (m.name, m.role, m.kind.value)
('Jen Psaki', 'White House spokeswoman', 'person')
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs

from ._patterns import lazy_re, lazy_regex, one_of
from .lexicon.abbreviations import ABBREVIATIONS, STATE_ABBREVIATIONS, TITLE_ABBREVIATIONS
from .lexicon.clauses import ARTICLES_AND_POSSESSIVES
from .lexicon.names import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
    WEEKDAYS,
)
from .lexicon.people import GENDERED_PERSON_NOUNS, LY_NOUNS, PERSON_NOUNS
from .lexicon.places import (
    DEMONYMS,
    EVENT_WORDS,
    GROUP_WORDS,
    NATION_OF_DEMONYM,
    NATIONALITY_NOUNS,
    PLACES,
)
from .lexicon.pronouns import RELATIVE_PRONOUNS, SPEAKER_PRONOUNS, SUBJECT_FORM
from .lexicon.reporting_verbs import SPEECH_CLAUSE
from .lexicon.roles import (
    COMPANY_END_WORDS,
    DOCUMENT_NOUNS,
    GENDERED_ROLES,
    GOVERNMENT_PLACES,
    GOVERNMENT_SEATS,
    HONORIFICS,
    ORGANIZATION_ACRONYMS,
    ORGANIZATION_NOUNS,
    PORTFOLIO_WORDS,
    QUANTITY_NOUNS,
    ROLE_MODIFIERS,
    SOURCE_NOUNS,
    TITLES,
    US_STATES,
)
from .model import SourcePhrase, SpeakerKind

__all__ = [
    "Mention",
    "Tok",
    "coordinated",
    "describe",
    "describe_span",
    "mention_after",
    "mention_before",
]

# A word (with inner dots, apostrophes, hyphens: U.S., O’Brien, Jean-Luc) or one punctuation
# character. (Written for the standard library's ``re``, a third faster here than ``regex``:
# ``[^\W_]`` is a letter or digit; a combining accent stays inside its word.)
# (A number with thousands separators is one token: "21,000 people".)
_TOKEN = lazy_re(r"\d{1,3}(?:,\d{3})+(?![\d,])|[^\W_]+(?:[.'’&-][^\W_]+)*\.?|[^\s\w]|_")

#: Lower-case words that may stand between a subject and its verb: "Psaki also said".
SKIP_BEFORE_CUE = frozenset(
    """
    also has have had will would could should may might must can did does do later then
    quoted as
    previously recently repeatedly once again further reportedly publicly privately first
    often never still already just thus however separately similarly subsequently initially
    ultimately quickly simply flatly angrily bluntly openly clearly explicitly frequently long
    not n't 's 've 'd ’s ’ve ’d been being is was were are am be earlier today yesterday
    tonight now last week month year night morning afternoon evening weekend on this late
    early in a an statement interview recent told previous
    """.split()
)

_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)

#: Words that may open or fill a noun phrase without being names: "the", "a senior", "top".
DETERMINERS = frozenset(
    "the a an his her its their our one two three four five several some many most other "
    "another same this that these those each both any all no either".split()
)

STOP_WORDS = frozenset(
    """
    and but or nor that which who whom whose when while because as if after before though
    although since so where whether than then until unless once yet for to with by from
    on in at about into over under against between during without within upon via
    is was were are be been has had have will would can could should may might must did
    does do not said says say told
    """.split()
)

# Capitalised words that are never names: "Sources said", "Officials say", "Nobody said"
# (at the start of a sentence), and sentence adverbs ("Then Mary Lane said").
_NOT_NAMES = (
    SOURCE_NOUNS
    | DOCUMENT_NOUNS
    | QUANTITY_NOUNS
    | frozenset(
        "nobody everyone everybody someone somebody anyone no then later now still also "
        "meanwhile however instead yesterday today tonight".split()
    )
) - frozenset(("republican", "republicans", "democrat", "democrats", "fan"))

# Lower-case words that continue a title after "of": "chief of staff".
_STAFF_WORDS = frozenset("staff state defense defence police operations".split())

# ", a government spokesman." after an inverted cue's name: the appositive role.
_APPOSITIVE_AFTER = lazy_regex(
    r"\s*,\s*" + one_of(ARTICLES_AND_POSSESSIVES) + r"\s+(?P<role>[^,.;:!?“”\"()]{2,80}?)"
    r"\s*(?=[.,;!?]|$)"
)

# ", James B. Comey," right after a description: the name it describes.
_NAME_AFTER_COMMA = lazy_regex(
    r"[ \t]*,[ \t]+(?P<name>\p{Lu}[\p{L}’'.-]*(?:[ \t]+(?:\p{Lu}\.|\p{Lu}[\p{L}’'-]+)){1,3})"
    r"[ \t]*(?=[,.;]|$)"
)

#: Prepositions that may continue a role inside a mention: "a spokesman for the campaign".
# Unions of lexicons, built once (not at every call): nouns that head a source phrase, and
# those plus titles.
_HEAD_NOUNS = ORGANIZATION_NOUNS | DOCUMENT_NOUNS | SOURCE_NOUNS
_SOURCE_WORDS = SOURCE_NOUNS | ORGANIZATION_NOUNS | DOCUMENT_NOUNS | TITLES

_NP_PREPOSITIONS = frozenset("of for at with from in".split())
# Rule person-noun-source: nouns for people ("the business mogul", "the historian") head a
# source as role words do; not those that are also common nouns of things ("point", "guard").
_PERSON_HEADS = PERSON_NOUNS - frozenset(
    "point guard center centre forward keeper chair head independent native driver "
    "trader host".split()
)
# Words that open the complement of a source noun: "people familiar with", "close to".
_COMPLEMENT_OPENERS = frozenset(
    "familiar close involved briefed knowledgeable of for at with from in on who".split()
)
# Quantifiers standing alone as a subject: "Many said", "Another wrote", "One tweeted".
_QUANTIFIER_SOURCES = frozenset("many some others most several both few another one".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten several many".split())


class Tok(NamedTuple):
    """A word or punctuation mark with its offsets and the facts the rules ask of it, worked
    out once (an immutable tuple: tokens are the most numerous objects here)."""

    start: int
    end: int
    text: str
    lower: str
    is_word: bool
    is_cap: bool

    @classmethod
    def of(cls, start: int, end: int, text: str) -> Tok:
        """The token ``text`` at ``[start, end)``."""
        first = text[0]
        return cls(start, end, text, text.lower(), first.isalnum(), first.isupper())


def tokens(text: str, lo: int, hi: int) -> list[Tok]:
    """Words and punctuation of ``text[lo:hi]``; a final stop stays only on abbreviations.

    >>> [t.text for t in tokens("Gov. Ana Ruiz, D-N.Y., said.", 0, 28)]
    ['Gov.', 'Ana', 'Ruiz', ',', 'D-N.Y.', ',', 'said', '.']
    """
    out: list[Tok] = []
    add = out.append
    new = tuple.__new__  # Tok.of without its call overhead: the hottest loop of the stage
    find = text.find
    facts = _WORD_FACTS
    pos = lo
    # findall gives the words without match objects; as only white space stands between
    # two tokens, each word's offset is where it next occurs.
    for w in _TOKEN.findall(text, lo, hi):
        s = find(w, pos)
        e = pos = s + len(w)
        known = facts.get(w)
        if known is None:
            known = _word_facts(w)
        word, low, is_word, is_cap, split = known
        if split:
            add(new(Tok, (s, e - 1, word, low, is_word, is_cap)))
            add(_STOP_TOK._replace(start=e - 1, end=e))
        else:
            add(new(Tok, (s, e, word, low, is_word, is_cap)))
    return out


# What tokens() needs of each distinct word, worked out once: the word as a token (without a
# sentence-final stop), its lower case, whether it is a word and capitalised, and whether a
# stop was split off. (A plain dict, emptied when it grows past 100,000 words.)
_WORD_FACTS: dict[str, tuple[str, str, bool, bool, bool]] = {}


def _word_facts(w: str) -> tuple[str, str, bool, bool, bool]:
    low = w.lower()
    first = w[0]
    facts = (w, low, first.isalnum(), first.isupper(), False)
    if len(w) > 1 and w[-1] == "." and "." not in w[:-1]:
        core = low[:-1]
        if not (len(core) == 1 or core in ABBREVIATIONS):
            facts = (w[:-1], core, first.isalnum(), first.isupper(), True)
    if len(_WORD_FACTS) > 100_000:
        _WORD_FACTS.clear()
    _WORD_FACTS[w] = facts
    return facts


_STOP_TOK = Tok.of(0, 1, ".")

_LAST_PREFIX = threading.local()


def _tokens_upto(text: str, lo: int, at: int) -> list[Tok]:
    """``tokens(text, lo, at)``, reusing one of this thread's two previous answers for the
    same text and ``lo`` (the cues of one sentence ask for ever longer prefixes of it, from
    the sentence start, and the content-end search asks for ever longer stretches after a
    cue): a token that ends two or more characters before that answer's end is the one a
    longer prefix has too (a token cut short by the end stops at most one character before
    it), so tokenizing resumes after the last such token, in place. A sentence with many
    cues costs linear time, not quadratic. The lists are this thread's cache: read them,
    never change them.

    >>> t = "He said, she said, they said."
    >>> all(_tokens_upto(t, 0, k) == tokens(t, 0, k) for k in (3, 13, 25, 9))
    True
    """
    slots: list[tuple[str, int, int, list[Tok]]] | None = getattr(_LAST_PREFIX, "value", None)
    if slots is None:
        slots = _LAST_PREFIX.value = []
    toks: list[Tok]
    for n, prev in enumerate(slots):
        if prev[0] is text and prev[1] == lo and prev[2] <= at:
            _, _, prev_at, toks = prev
            k = len(toks)
            while k and toks[k - 1].end > prev_at - 2:
                k -= 1
            resume = toks[k - 1].end if k else lo
            del toks[k:]
            toks.extend(tokens(text, resume, at))
            del slots[n]
            break
    else:
        toks = tokens(text, lo, at)
        del slots[1:]  # keep the most recent other answer
    slots.insert(0, (text, lo, at, toks))
    return toks


@attrs.frozen(slots=True, kw_only=True)
class Mention(SourcePhrase):
    """A phrase naming who speaks.

    Attributes:
        start: Start offset of the mention.
        end: End offset.
        text: The mention as written.
        name: The name part ("Jen Psaki"), the description for anonymous sources ("State
            Department official"), or the pronoun.
        role: The role part ("White House spokeswoman") or ``None``.
        kind: What sort of source it is.
        gender: ``"male"``, ``"female"``, ``"neuter"``, ``"plural"`` or ``None`` if unknown.
        pronoun: Whether the mention is a pronoun ("he", "who").
        antecedent: For a relative pronoun ("who"), the phrase it stands for.
        rules: Names of the rules that found and split it.
    """

    pronoun: bool = False
    antecedent: Mention | None = None
    rules: tuple[str, ...] = ()

    @property
    def is_full_name(self) -> bool:
        """Whether the name has at least two words (a given name and a surname)."""
        return self.kind is SpeakerKind.PERSON and len(self.name.split()) >= 2

    def as_relative_pronoun(self, start: int, end: int, text: str) -> Mention:
        """This phrase as said by the relative pronoun at ``[start, end)`` that stands for it
        (rule subject-relative-pronoun): "the senator, who said" -> "who", name of "the
        senator"."""
        return attrs.evolve(
            self,
            start=start,
            end=end,
            text=text,
            pronoun=True,
            antecedent=self,
            rules=(*self.rules, "subject-relative-pronoun"),
        )


_ROLE_PHRASE_WORDS = TITLES | SOURCE_NOUNS | PERSON_NOUNS | ROLE_MODIFIERS | DEMONYMS
_ROLE_LINK_WORDS = frozenset("of for at from with to in on by and".split())


def _names_a_role(words: list[Tok]) -> bool:
    """Rule role-needs-role-word: the words before a name are its role only if one is a
    role, title or person word, or a lower-case word other than a link ("Fox News host",
    "Democrat", "Vermont Sen.", "uber-white Vermonter"), and the last is no link; a body's
    name alone ("MSNBC's Ana Ruiz", "the Washington Post Ana Ruiz said") or a label
    ("EXCLUSIVE - Ana Ruiz", "More from Ruiz") is none.

    >>> _names_a_role(tokens("MSNBC's", 0, 7)), _names_a_role(tokens("Fox News host", 0, 13))
    (False, True)
    """
    lows = [_strip_dot(w.text).removesuffix("’s").removesuffix("'s") for w in words if w.is_word]
    if not lows or lows[-1] in _ROLE_LINK_WORDS:
        return False
    return any(
        low in _ROLE_PHRASE_WORDS
        or low in TITLE_ABBREVIATIONS
        or (not w.is_cap and low not in _ROLE_LINK_WORDS and low not in DETERMINERS)
        for w, low in zip((w for w in words if w.is_word), lows, strict=True)
    )


def _strip_dot(word: str) -> str:
    return word.rstrip(".").lower()


def _is_title(tok: Tok) -> bool:
    return _strip_dot(tok.text) in TITLES


def _is_name_word(tok: Tok) -> bool:
    if not tok.is_word or not tok.is_cap:
        return False
    if len(tok.text) == 2 and tok.text[1] == ".":
        return True  # Rule initial-in-name: "Jock A. Finlayson" (not the article "a")
    low = _strip_dot(tok.text)
    if low in NON_NAME_WORDS or low in WEEKDAYS or "’t" in low or "'t" in low:
        return False  # Rule not-a-name-word: "Friday", "Others", "Don’t", "Just".
    return (
        low not in TITLES
        and low not in DETERMINERS
        and (low not in _NOT_NAMES or low in MALE_FIRST_NAMES or low in FEMALE_FIRST_NAMES)
        and not _is_possessive(tok)
    )


def _is_possessive(tok: Tok) -> bool:
    return tok.text.endswith(("'s", "’s", "s'", "s’"))


def _is_org_run(words: list[Tok]) -> bool:
    lows = [_strip_dot(w.text) for w in words]
    if any(
        x in ORGANIZATION_NOUNS and (x not in ORGANIZATION_ACRONYMS or w.text.isupper())
        for w, x in zip(words, lows, strict=True)
    ):
        return True
    if len(words) == 1 and (lows[0] in GOVERNMENT_PLACES):
        return True
    if len(words) >= 2 and lows[-1] in COMPANY_END_WORDS:
        return True  # rule company-name-ending: "Harbor Capital", "Greenfield Homes"
    if " ".join(lows) in GOVERNMENT_SEATS:
        return True  # "Downing Street said"
    # Rule acronym-is-organization: "FBI", "CNN", "NATO" (two or more capitals, no vowels
    # pattern of a name).
    return len(words) == 1 and len(words[0].text) >= 2 and words[0].text.isupper()


def _gender_of(words: list[Tok], name_words: list[Tok]) -> str | None:
    for w in words:
        low = _strip_dot(w.text)
        if low in HONORIFICS:
            return HONORIFICS[low]
        if low in GENDERED_ROLES:
            return GENDERED_ROLES[low]
    if len(name_words) >= 2:
        first = name_words[0].text.lower()
        if first in MALE_FIRST_NAMES:
            return "male"
        if first in FEMALE_FIRST_NAMES:
            return "female"
    return None


def _is_place(run: list[Tok]) -> bool:
    place = " ".join(w.lower for w in run).rstrip(".")
    return place in PLACES or place in STATE_ABBREVIATIONS


def _join(text: str, words: list[Tok]) -> str:
    return text[words[0].start : words[-1].end] if words else ""


def _strip_leading(words: list[Tok]) -> list[Tok]:
    i = 0
    while i < len(words) and (words[i].lower in DETERMINERS or words[i].lower in HONORIFICS):
        i += 1
    return words[i:]


_BODY_LINKS = frozenset("of for and the &".split())
# A cluster of initials that opens a name: "M.K. Stalin".
_INITIALS = lazy_re(r"(?:[^\W\d_]\.){2,}")


_AT_BODY = frozenset("at from with for in".split())


def _source_at_body(words: list[Tok]) -> bool:
    """Rule source-at-body: a source noun and where it works ("economists at Goldman Sachs",
    "a spokesman at Acme", "officials from the ministry") are an anonymous source, not a
    person named Goldman Sachs; unless a given name ends it ("... at Acme Ana Ruiz").

    >>> _source_at_body(tokens("Economists at Goldman Sachs", 0, 27))
    True
    """
    lead = _strip_leading(words)
    close = (
        len(lead) >= 3
        and lead[1].lower in ("close", "familiar", "closest")
        and lead[2].lower in ("to", "with")
    )
    if len(lead) < 3 or (lead[1].lower not in _AT_BODY and not close):
        return False
    head = lead[0].lower
    plural = head.endswith("s") and not head.endswith("ss")
    if plural and head not in SOURCE_NOUNS:
        head = head[:-1]
    if head not in SOURCE_NOUNS and head not in _PERSON_HEADS:
        return False
    if close:
        # Rule source-close-to-person: "people close to Ana Ruiz", "a source familiar with
        # the singer's plans" -- the name after "close to" is who they are close to.
        return True
    if not plural and (lead[0].is_cap or words[0].lower not in ("a", "an", "the")):
        return False  # "Spokesman at Acme Ana Ruiz": a title before a name
    return not (
        len(lead) >= 4
        and lead[-2].is_cap
        and (lead[-2].lower in MALE_FIRST_NAMES or lead[-2].lower in FEMALE_FIRST_NAMES)
    )


def only_title(role: str) -> bool:
    """Whether a role is only title abbreviations or honorifics ("Dr.", "Sen.", "Prof.").

    >>> only_title("Dr."), only_title("lead author")
    (True, False)
    """
    return all(_strip_dot(w) in _TITLE_ONLY for w in role.split())


_TITLE_ONLY = TITLE_ABBREVIATIONS | frozenset(HONORIFICS)


def _body_name(words: list[Tok]) -> int | None:
    """Rule body-of-name: where the name of a body written with "of" or "and" inside starts,
    when the phrase ends with it ("the Bureau of Meteorology", "the Ministry of Health and
    Welfare", "the U.S. Department of Justice", "a spokesman for the Department of Foreign
    Affairs and Trade"); ``None`` if there is none. A title and a name at the end make it a
    person's role ("Department of Homeland Security Secretary Kirstjen Nielsen").

    >>> _body_name(tokens("the Ministry of Health and Welfare", 0, 34))
    1
    """
    for k in range(len(words) - 2):
        w = words[k]
        if not (w.is_cap and w.lower in ORGANIZATION_NOUNS and words[k + 1].lower in ("of", "for")):
            continue
        tail = words[k + 2 :]
        if not all((x.is_cap and not _is_possessive(x)) or x.lower in _BODY_LINKS for x in tail):
            return None
        # A title followed by two or more capitalised words to the end: a person's name.
        run = 0
        for x in reversed(tail):
            if not x.is_cap or _strip_dot(x.text) in TITLES:
                if run >= 2 and _strip_dot(x.text) in TITLES:
                    return None
                break
            run += 1
        while (
            k > 0
            and words[k - 1].is_cap
            and _strip_dot(words[k - 1].text) not in TITLES
            and words[k - 1].lower not in DETERMINERS
        ):
            k -= 1
        return k
    return None


def body_then_name(lows: list[str] | tuple[str, ...]) -> int:
    """Rule body-then-name: how many words of a capitalised run written after "TITLE of
    the" name the body before a person's name begins ("Speaker of the House Nancy Pelosi",
    "Secretary of the Treasury Janet Yellen", "President of the European Commission Ursula
    von der Leyen"): up to a given name, else after the last word of a body with two words
    or more after it; 0 when the run is a body's name only ("the National Hurricane
    Center", "the Tea Party Patriots") or too short to hold both.

    >>> body_then_name(["house", "nancy", "pelosi"])
    1
    >>> body_then_name(["european", "commission", "ursula", "von", "der", "leyen"])
    2
    >>> body_then_name(["national", "hurricane", "center"])
    0
    >>> body_then_name(["tea", "party", "patriots"])
    0
    >>> body_then_name(["turkish", "american", "federation", "of", "midwest"])
    0
    """
    n = len(lows)
    if n < 3 or lows[-1] in ORGANIZATION_NOUNS:
        return 0
    # The body goes on past its last link ("Bank of England", "Federation of Midwest").
    lo = max((k + 1 for k, w in enumerate(lows) if w in _BODY_LINKS), default=1)
    for k in range(max(1, lo), n - 1):
        if lows[k] in MALE_FIRST_NAMES or lows[k] in FEMALE_FIRST_NAMES:
            return k
    bodies = [k for k in range(lo - 1, n - 2) if lows[k] in ORGANIZATION_NOUNS or lows[k] in PLACES]
    return bodies[-1] + 1 if bodies else 0


def speech_past(low: str) -> bool:
    """Whether a word is the past tense of a verb of saying ("said", "added", "continued",
    "explained")."""
    if low in ("said", "wrote", "told", "continued", "went"):
        return low != "went"
    return low.endswith("ed") and (low[:-1] in SPEECH_CLAUSE or low[:-2] in SPEECH_CLAUSE)


#: Capitalised sentence adverbs before a group noun: "Even Republicans said".
_NOT_GROUP = frozenset("even only many most some few all both other others".split())

#: Demonyms that are plural as they stand, after "the": "the Chinese", "the British".
_PLURAL_DEMONYM_ENDS = ("ese", "ish", "ch", "ss")


def people_group(lows: list[str] | tuple[str, ...]) -> bool:
    """Whether lower-case name words end in a people's or a party's plural ("saudis",
    "house republicans"; rule people-as-group): a group of people, no body such as a
    foundation or a company.

    >>> people_group(["turkish", "americans"]), people_group(["acme", "foundation"])
    (True, False)
    """
    if not lows:
        return False
    low = lows[-1]
    return low.endswith("s") and (
        low[:-1] in DEMONYMS or low[:-1] in NATIONALITY_NOUNS or low in GROUP_WORDS
    )


def _nation(words: list[Tok]) -> str | None:
    """The country of "the" and a people's plural ("the Russians", "the Chinese", "the
    Saudis"), or ``None``."""
    if len(words) != 2 or words[0].lower != "the":
        return None
    low = words[1].lower
    adjective = low if low in NATION_OF_DEMONYM else low[:-1]
    if low.endswith("es") and low[:-2] in NATIONALITY_NOUNS:
        adjective = NATIONALITY_NOUNS[low[:-2]]
    elif low.endswith("s") and low[:-1] in NATIONALITY_NOUNS:
        adjective = NATIONALITY_NOUNS[low[:-1]]
    return NATION_OF_DEMONYM.get(adjective)


def _people_plural(words: list[Tok]) -> bool:
    """Whether the phrase names a people or a party's members as a group: a plural
    demonym or group noun, capitalised ("Saudis", "Israelis", "Brits", "Republicans"; "the
    Chinese" after "the"), after nothing but "the" and capitalised words ("House
    Republicans"; not a title: "Senator Ana Russians" is no phrase news writes)."""
    head = words[-1]
    if not head.is_cap or _is_possessive(head):
        return False
    low = head.lower
    if low.endswith("s") and (
        low[:-1] in DEMONYMS or low[:-1] in NATIONALITY_NOUNS or low in GROUP_WORDS
    ):
        pass
    elif low == "tories" or (
        low in DEMONYMS
        and low.endswith(_PLURAL_DEMONYM_ENDS)
        and len(words) == 2
        and words[0].lower == "the"
    ):
        pass
    else:
        return False
    return all(
        w.lower == "the" or (w.is_cap and _strip_dot(w.text) not in TITLES) for w in words[:-1]
    )


def describe(text: str, words: list[Tok], rules: tuple[str, ...] = ()) -> Mention | None:
    """Split the words of a mention into name, role and kind.

    Returns ``None`` for an empty phrase.
    """
    words = [w for w in words if w.text not in (",", ".")] if len(words) > 1 else words
    while words and not words[-1].is_word:
        words = words[:-1]
    while words and not words[0].is_word:
        words = words[1:]
    if not words:
        return None
    if len(words) >= 2 and words[0].is_cap and words[1].is_cap and speech_past(words[0].lower):
        # Rule inverted-verb-not-name: "Continued Stone: “…”", "Added Ruiz, ..." -- a verb
        # of saying put before its subject is no part of the name.
        words = words[1:]
        rules = (*rules, "inverted-verb-not-name")
    start, end = words[0].start, words[-1].end
    surface = text[start:end]

    def mention(**fields: Any) -> Mention:
        return Mention(start=start, end=end, text=surface, **fields)

    if len(words) == 1 and SUBJECT_FORM.get(words[0].lower, words[0].lower) in SPEAKER_PRONOUNS:
        gender, number = SPEAKER_PRONOUNS[SUBJECT_FORM.get(words[0].lower, words[0].lower)]
        kind = SpeakerKind.PERSON if gender in ("male", "female") else SpeakerKind.UNKNOWN
        if gender == "neuter":
            kind = SpeakerKind.ORGANIZATION
        return mention(
            name=surface,
            kind=kind,
            gender=gender if number == "singular" else "plural" if number else None,
            pronoun=True,
            rules=(*rules, "mention-pronoun"),
        )
    last = words[-1].lower
    if _people_plural(words):
        # Rule people-as-group: "the Saudis", "the Russians", "the Chinese", "Senate
        # Democrats" -- a nation or a party's people speak as a group, never as a person
        # named Saudis.
        k = len(words) - 1
        while k > 0 and _is_name_word(words[k - 1]) and words[k - 1].lower not in _NOT_GROUP:
            k -= 1  # "House Republicans"; not "Even Republicans"
        nation = _nation(words)
        if nation is not None:
            # Rule nation-of-people: "the Russians said" -- the state speaks; its name is
            # the country's ("Russia").
            return mention(
                name=nation,
                kind=SpeakerKind.ORGANIZATION,
                gender="neuter",
                rules=(*rules, "mention-organization-name", "people-as-group", "nation-of-people"),
            )
        return mention(
            name=_join(text, words[k:]),
            kind=SpeakerKind.ORGANIZATION,
            gender="plural",
            rules=(*rules, "mention-organization-name", "people-as-group"),
        )
    if (
        len(words) >= 2
        and words[0].lower in ("the", "a", "an")
        and (last in NATIONALITY_NOUNS or last in DEMONYMS)
        and not any(w.is_cap for w in words[1:-1])
    ):
        # Rule nationality-noun: "the Spaniard", "the 22-year-old Dutchman" -- a person
        # described by nationality, not one named Spaniard (coreference finds who).
        name = _join(text, words[1:])
        return mention(
            name=name,
            role=name,
            kind=SpeakerKind.ANONYMOUS,
            gender=GENDERED_PERSON_NOUNS.get(last),
            rules=(*rules, "mention-anonymous-source", "nationality-noun"),
        )
    body = _body_name(words)
    if body is not None and all(x.lower in DETERMINERS for x in words[:body]):
        return mention(
            name=_join(text, words[body:]),
            kind=SpeakerKind.ORGANIZATION,
            gender="neuter",
            rules=(*rules, "body-of-name"),
        )
    if body is not None and body >= 3 and words[body - 1].lower in ("of", "the"):
        # Rule name-of-named-body: "Priya Shah of the University of Manchester" -- a
        # person's name, "of (the)" and a body's name with "of" in it: the person speaks,
        # the body is the affiliation.
        k = body - 1 if words[body - 1].lower == "of" else body - 2
        if words[k].lower == "of":
            found = _person_of_body(text, words, k, rules, "name-of-named-body")
            if found is not None:
                return found
    # The name: the run of capitalised, non-title words at the end of the phrase (none if
    # the phrase ends in a body's name: "a spokesman for the Department of ... and Trade",
    # or is a source where it works: "economists at Goldman Sachs").
    named = body is None and not _source_at_body(words)
    i = _name_start(words) if named else len(words)
    if any(w.lower == "and" for w in words[i:]):
        rules = (*rules, "and-in-organization-name")
    run = words[i:]
    if (
        len(run) >= 3
        and i >= 3
        and words[i - 1].lower == "the"
        and words[i - 2].lower in ("of", "for")
        and _strip_dot(words[i - 3].text) in TITLES
    ):
        # Rule body-then-name: "Speaker of the House Nancy Pelosi" -- the body after "of
        # the" ends the role; the person's name follows it.
        n = body_then_name([w.lower for w in run])
        if n:
            i += n
            run = words[i:]
    if len(run) >= 3 and i >= 2 and words[i - 1].lower in ("of", "for"):
        # Rule place-ends-role: "Mayor of London Sadiq Khan", "Chief Minister of Tamil Nadu
        # M.K. Stalin" -- the place after "of" (a known one, or the words before a cluster
        # of initials) ends the role; the name follows it.
        n = next((n for n in (3, 2, 1) if len(run) - n >= 2 and _is_place(run[:n])), 0)
        if not n:
            n = next(
                (
                    k
                    for k in range(1, len(run) - 1)
                    if _INITIALS.fullmatch(run[k].text)
                    and run[k - 1].lower not in MALE_FIRST_NAMES
                    and run[k - 1].lower not in FEMALE_FIRST_NAMES
                ),
                0,
            )
        if not n and len(run) >= 4 and not any(w.lower in NAME_PARTICLES for w in run):
            n = len(run) - 2  # a place the lists do not know: "of Uttar Pradesh Yogi ..."
        if n:
            i += n
            run = words[i:]
    if run and i >= 2:
        around = _name_then_place_or_body(text, words, rules, i)
        if around is not None:
            return around
    before = _strip_leading(words[:i])
    if run and before and not before[0].is_cap and _strip_dot(before[0].text) in DOCUMENT_NOUNS:
        # Rule document-before-name: "a study published on Thursday in the journal Nature
        # Medicine" is the study, not a person named Nature Medicine.
        return mention(
            name=_join(text, before + run),
            kind=SpeakerKind.UNKNOWN,
            rules=(*rules, "mention-document", "document-before-name"),
        )
    if run:
        # Rule event-is-named-whole: "the Democratic National Convention said" -- one word
        # of an event after capitalised words is no person's name under a title.
        event = len(run) == 1 and run[0].lower in EVENT_WORDS and i > 0 and words[i - 1].is_cap
        if _is_org_run(run) or event:
            name = _join(text, _strip_leading(words))
            return mention(
                name=name,
                kind=SpeakerKind.ORGANIZATION,
                gender="neuter",
                rules=(*rules, "mention-organization-name"),
            )
        role_words = [w for w in before if _strip_dot(w.text) not in HONORIFICS]
        role = _join(text, role_words) if _names_a_role(role_words) else None
        # Rule role-not-possessor: "Clinton's campaign manager Robby Mook" keeps the
        # possessor in the role; "his Canadian counterpart" drops "his".
        return mention(
            name=_join(text, run),
            role=role,
            kind=SpeakerKind.PERSON,
            gender=_gender_of(words, run),
            rules=(*rules, "mention-name-with-role" if role else "mention-name"),
        )
    # No name at the end: a description ("the Pentagon spokesman", "the campaign").
    return _describe_unnamed(text, words, rules, mention)


def _name_then_place_or_body(
    text: str, words: list[Tok], rules: tuple[str, ...], i: int
) -> Mention | None:
    """:func:`describe` for words whose final name run ``words[i:]`` follows "in", "at",
    "of" or "from" (``i >= 2``): the run may be a place or a body that belongs to the source
    or the person before it (rules place-after-source, name-of-place, name-of-body,
    name-of-affiliation); ``None`` if none of them applies."""
    run = words[i:]
    if run and i >= 2 and words[i - 1].lower in ("in", "at") and _is_place(run):
        # Rule place-after-source: "two hospitals in Ohio", "Gannett newspapers in New
        # Jersey" -- the place says where the source is; the source is the phrase before.
        source = describe(text, words[: i - 1], rules)
        if source is not None and source.kind is not SpeakerKind.UNKNOWN and not source.pronoun:
            return attrs.evolve(
                source,
                end=words[-1].end,
                text=text[source.start : words[-1].end],
                rules=(*source.rules, "place-after-source"),
            )
    if (
        run
        and i >= 2
        and words[i - 1].lower in ("of", "from")
        and _is_place(run)
        and _is_name_word(words[i - 2])
    ):
        # Rule name-of-place: "Senator Chris Murphy of Connecticut" -- the place says where
        # the person is from; the name is the run before "of".
        return describe(text, words[: i - 1], (*rules, "name-of-place"))
    b = i
    while b > 0 and words[b - 1].is_cap and words[b - 1].lower != "the":
        b -= 1  # title words in a body's name: "of the Foreign Relations Committee"
    if run and b >= 4 and words[b - 1].lower == "the" and words[b - 2].lower == "of":
        # Rule name-of-body: "Archbishop Aris Shirvanian of the Armenian Patriarchate" -- a
        # person's name before "of the", the body after it belongs to the role.
        found = _person_of_body(text, words, b - 2, rules, "name-of-body")
        if found is not None:
            return found
    of = i - 1
    if run and of >= 1 and words[of].is_cap and _is_possessive(words[of]):
        of -= 1  # "of King's College London": the possessive opens the body's name
    if (
        run
        and of >= 2
        and words[of].lower == "of"
        and _is_name_word(words[of - 1])
        and (
            _is_org_run(run)
            or of < i - 1
            or words[of - 2].lower in MALE_FIRST_NAMES
            or words[of - 2].lower in FEMALE_FIRST_NAMES
        )
    ):
        # Rule name-of-affiliation: "John Smith of Goldman Sachs", "Professor Alan Grey of
        # King's College London" -- a person's name before "of" and a body after it: the
        # body belongs to the role.
        return _person_of_body(text, words, of, rules, "name-of-affiliation", bare=True)
    return None


def _one_word(role: str | None) -> bool:
    """Whether ``role`` is a single word ("Professor", "Dr."), or there is none."""
    return role is None or len(role.split()) == 1


def _person_of_body(
    text: str, words: list[Tok], of: int, rules: tuple[str, ...], rule: str, bare: bool = False
) -> Mention | None:
    """The person named by ``words[:of]`` (a full name), with the body after the "of" at
    ``words[of]`` in the role ("Chair of the Armenian Patriarchate"); ``None`` if the words
    before are no person's full name. With ``bare``, the body alone is the role when the
    person has none but a title (rule name-of-affiliation: "Dan Ives of Wedbush")."""
    person = describe(text, words[:of], rules)
    if person is None or person.kind is not SpeakerKind.PERSON or len(person.name.split()) < 2:
        return None
    affiliation = _join(text, words[of + 1 :])
    role = person.role
    if bare and (person.role is None or only_title(person.role)):
        role = affiliation
    elif person.role and not only_title(person.role):
        role = f"{person.role} of {affiliation}"  # not "Sen. of the Foreign Relations ..."
    return attrs.evolve(
        person,
        end=words[-1].end,
        text=text[person.start : words[-1].end],
        role=role,
        rules=(*person.rules, rule),
    )


def _name_start(words: list[Tok]) -> int:
    """Where the name at the end of a mention's words starts: the run of capitalised,
    non-title words there (``len(words)`` if there is none)."""
    i = len(words)
    while i > 0:
        w = words[i - 1]
        if _is_name_word(w) or (
            w.lower in NAME_SUFFIXES and i == len(words) and i > 1 and words[i - 2].is_cap
        ):
            i -= 1
        elif w.is_cap and i > 1 and _strip_dot(words[i - 2].text) in HONORIFICS:
            # Rule honorific-marks-name: "Mr. King", "Ms. Judge" -- a title word after an
            # honorific is a surname.
            i -= 1
        elif (
            i == len(words)
            and i > 1
            and w.is_cap
            and _is_title(w)
            and not w.text.endswith(".")
            and not _is_possessive(w)
            and (
                words[i - 2].lower in MALE_FIRST_NAMES
                or words[i - 2].lower in FEMALE_FIRST_NAMES
                or (i > 2 and _is_name_word(words[i - 2]) and _is_title(words[i - 3]))
            )
        ):
            # Rule title-word-as-surname: "John Major", "Sen. Angus King" -- a title word that
            # ends the phrase after a given name (known, or after a title) is a surname (a
            # title stands before a name).
            i -= 1
        elif (
            w.lower == "and"
            and 1 < i < len(words)
            and _and_in_organization_name(words, i - 1, len(words) - 1)
        ):
            i -= 1  # rule and-in-organization-name: "the Food and Drug Administration"
        elif w.lower in NAME_PARTICLES and i < len(words):
            # Rule name-particles: "Ines de la Cruz", "Ursula von der Leyen".
            k = i - 2
            while k >= 0 and words[k].lower in NAME_PARTICLES:
                k -= 1
            if k >= 0 and _is_name_word(words[k]):
                i = k + 1
                continue
            # Rule particle-opens-surname: "Von der Leyen said", "De Blasio said", and
            # after a title or alone, "President von der Leyen", "von der Leyen told" --
            # the particles open the surname they belong to.
            return k + 1
        else:
            break
    return i


def _describe_unnamed(
    text: str, words: list[Tok], rules: tuple[str, ...], mention: Callable[..., Mention]
) -> Mention | None:
    """:func:`describe` for words that end in no name: an anonymous source ("a Pentagon
    spokesman"), an organisation's noun ("the ministry"), people counted ("Many", "67
    percent"), a document or another description."""

    def group(name: str, rule: str) -> Mention:
        # Unnamed people counted, not described: "Many fear ...", "67 percent say".
        return mention(
            name=name,
            role=None,
            kind=SpeakerKind.ANONYMOUS,
            gender="plural",
            rules=(*rules, rule),
        )

    desc = _strip_leading(words)
    if not desc:
        if words[-1].lower in _QUANTIFIER_SOURCES:
            # Rule quantifier-source: "Many fear ...", "Others said ...".
            return group(text[words[0].start : words[-1].end], "mention-quantifier")
        return None
    # The head is the last word before a complement: "people familiar with the talks",
    # "officials close to the president", "a spokesman for the campaign".
    k = len(desc)
    for j, w in enumerate(desc[1:], 1):
        if w.lower in _COMPLEMENT_OPENERS:
            k = j
            break
    head = _strip_dot(desc[k - 1].text)
    if head.endswith("s") and head not in SOURCE_NOUNS and head[:-1] in _HEAD_NOUNS:
        head = head[:-1]  # plural of a known head: "groups", "reports"
    name = _join(text, desc)
    role_head = head in SOURCE_NOUNS or head in GENDERED_ROLES or head in TITLES
    if role_head or head in _PERSON_HEADS:
        if not role_head:
            rules = (*rules, "person-noun-source")
        plural = head.endswith("s") and not head.endswith("ss")
        # Rule anonymous-source-whole: an anonymous source keeps its whole description,
        # numbers and all ("two people familiar with the investigation").
        whole = words[1:] if words[0].lower in ("a", "an", "the") else words
        if whole and whole[0].lower in _NUMBER_WORDS:
            name = _join(text, whole)
        return mention(
            name=name,
            role=name,
            kind=SpeakerKind.ANONYMOUS,
            gender="plural" if plural else _gender_of(words, []),
            rules=(*rules, "mention-anonymous-source"),
        )
    if head in ORGANIZATION_NOUNS or head in GOVERNMENT_PLACES:
        return mention(
            name=name,
            kind=SpeakerKind.ORGANIZATION,
            gender="neuter",
            rules=(*rules, "mention-organization-noun"),
        )
    if head.isdigit() and len(head) <= 3 and len(desc) >= 2 and _is_name_word(desc[-2]):
        # Rule name-and-number-is-outlet: "France 24", "Channel 4", "BBC Radio 4" -- a
        # name and a number are a broadcaster or an outlet, not a count of people.
        return mention(
            name=name,
            kind=SpeakerKind.ORGANIZATION,
            gender="neuter",
            rules=(*rules, "mention-organization-name"),
        )
    if head in QUANTITY_NOUNS or head.isdigit():
        # Rule quantity-source: "67 percent say", "One in three said" -- poll respondents.
        return group(name, "mention-quantity")
    kind_rule = "mention-document" if head in DOCUMENT_NOUNS else "mention-description"
    return mention(name=name, kind=SpeakerKind.UNKNOWN, rules=(*rules, kind_rule))


def describe_span(text: str, start: int, end: int) -> Mention:
    """:func:`describe` for the mention written at ``text[start:end]`` (skipping a leading
    verb such as "said")."""
    words = tokens(text, start, end)
    while words and words[0].lower in ("said", "says"):
        words = words[1:]
    m = describe(text, words)
    if m is None:
        raise ValueError(f"no mention in {text[start:end]!r}")
    return m


def _ratio_number(tok: Tok) -> bool:
    """Whether ``tok`` is a number of a ratio: "three", "10" in "three in 10"."""
    return tok.lower in QUANTITY_NOUNS or tok.text.isdigit()


def _np_left(toks: list[Tok], i: int, limit: int = 12) -> int:
    """Index of the first token of the noun phrase ending at ``toks[i]`` (inclusive)."""
    j = i
    unknown_run = 0
    joined = False
    while j >= 0 and i - j < limit:
        t = toks[j]
        low = _strip_dot(t.text)
        if not t.is_word:
            if t.text in ("'", "’", "&", "-") and j > 0:
                j -= 1
                continue
            break
        if (
            low == "and"
            and 0 < j < i
            and toks[j - 1].is_cap
            and toks[j + 1].is_cap
            and any(t.lower in ("of", "for") for t in toks[max(0, j - 4) : j - 1])
        ):
            # Rule body-of-name: "the Department of Foreign Affairs and Trade" -- an "and"
            # inside a body's name.
            j -= 1
            continue
        if low == "and" and 0 < j < i and _and_in_organization_name(toks, j, i):
            # Rule and-in-organization-name: "the Food and Drug Administration", "the
            # Australian Nursing and Midwifery Federation" -- capitalised words on both
            # sides of "and", the right ones ending in an organisation's noun: one name.
            j -= 1
            continue
        if low == "and" and not joined and _roles_joined(toks, j, i):
            # Rule coordinated-roles: "the former secretary of state and current Democratic
            # presidential nominee said" -- one person's two roles, sharing "the".
            joined = True
            j -= 1
            continue
        if low == "in" and 0 < j < i and _ratio_number(toks[j - 1]) and _ratio_number(toks[j + 1]):
            # Rule ratio-subject: "nearly three in five said" -- a share of respondents.
            j -= 1
            continue
        if low == "to" and 0 < j < i and toks[j - 1].lower == "close":
            # Rule close-to-in-source: "a source close to the singer said" -- the source is
            # the whole phrase, not "the singer".
            j -= 1
            continue
        if low in STOP_WORDS and low not in _NP_PREPOSITIONS and not _given_name_stop(toks, j):
            break
        if low in _NP_PREPOSITIONS:
            # Only inside a role phrase: "spokesman for the campaign", "head of the FBI".
            prev = toks[j - 1] if j > 0 else None
            if prev is None or not prev.is_word:
                break
            pl = _strip_dot(prev.text)
            if not (
                pl in SOURCE_NOUNS
                or pl in TITLES
                or pl in GENDERED_ROLES
                or prev.is_cap
                or pl in ("familiar", "close", "involved", "briefed")
                # "two hospitals in Ohio", "Gannett newspapers in New Jersey"
                or (low in ("in", "at") and pl.endswith("s") and pl[:-1] in ORGANIZATION_NOUNS)
            ):
                break
        elif (
            t.is_cap
            or low in DETERMINERS
            or low in TITLES
            or low in SOURCE_NOUNS
            or low in ROLE_MODIFIERS
        ):
            unknown_run = 0
        elif low in ORGANIZATION_NOUNS or low in DOCUMENT_NOUNS or _is_possessive(t):
            unknown_run = 0
        else:
            unknown_run += 1
            if unknown_run > 3:
                break
        j -= 1
    first = j + 1
    # Rule whole-chunk-mention: after a comma or at the sentence start, a short chunk is the
    # mention whole, adjectives included (", political analysts say").
    if (j < 0 or not toks[j].is_word) and i - first < 4:
        return first
    # Trim words before the phrase really starts (verbs and adverbs swept up on the left).
    while first <= i:
        t = toks[first]
        low = _strip_dot(t.text)
        if (
            t.is_cap
            or low in DETERMINERS
            or low in ROLE_MODIFIERS
            or low in TITLES
            or low in SOURCE_NOUNS
            or low in ORGANIZATION_NOUNS
            or low in DOCUMENT_NOUNS
            or low in SPEAKER_PRONOUNS
            or (low in PORTFOLIO_WORDS and _title_follows(toks, first, i))
            or _is_possessive(t)
            or (first == i)
        ):
            break
        if first + 1 <= i and _strip_dot(toks[first + 1].text) in ("of", "for"):
            break
        first += 1
    return first


def _and_in_organization_name(toks: list[Tok], j: int, i: int) -> bool:
    """Whether the "and" at ``toks[j]`` joins two parts of one organisation's name ending at
    ``toks[i]``: "the" and capitalised words before it, and only capitalised words after it
    up to an organisation's noun ("Ana and Police Federation officials" are two sources).

    >>> toks = tokens("the Food and Drug Administration", 0, 32)
    >>> _and_in_organization_name(toks, 2, 4)
    True
    >>> toks = tokens("Ana and Police Federation", 0, 25)
    >>> _and_in_organization_name(toks, 1, 3)
    False
    """
    if _strip_dot(toks[i].text) not in ORGANIZATION_NOUNS:
        return False
    if not all(t.is_word and t.is_cap for t in toks[j + 1 : i + 1]):
        return False
    k = j - 1
    while k >= 0 and toks[k].is_word and toks[k].is_cap and toks[k].lower != "the":
        k -= 1
    return k < j - 1 and k >= 0 and toks[k].lower == "the"


def _title_follows(toks: list[Tok], k: int, i: int) -> bool:
    """Whether only portfolio words stand between ``toks[k]`` and a title before ``toks[i]``
    (rule portfolio-in-role: "shadow education secretary Laura Trott" keeps *shadow
    education* in the role; "insisted Gov. Ana Ruiz" drops *insisted*)."""
    j = k + 1
    while j < i and _strip_dot(toks[j].text) in PORTFOLIO_WORDS:
        j += 1
    return j < i and _strip_dot(toks[j].text) in TITLES


def _skip_back(toks: list[Tok], i: int) -> int:
    """Step left over auxiliaries, adverbs and time phrases between a subject and its cue."""
    while i >= 0:
        t = toks[i]
        low = t.lower
        if t.is_word and (
            low in SKIP_BEFORE_CUE
            or low in _TIME_WORDS
            or (low.endswith("ly") and len(low) > 4 and not t.is_cap and low not in LY_NOUNS)
            or (t.text.isdigit() and i > 0 and toks[i - 1].lower in _TIME_WORDS)
        ):
            if low in ("a", "an") and not (
                i + 1 < len(toks)
                and toks[i + 1].lower in ("statement", "interview", "recent", "previous")
            ):
                break
            if t.is_cap and low in _NAME_STOPS:
                break  # "May said": a name (rule given-name-not-modal)
            if low == "told":
                break
            if low in _IN_A_NOUNS and not _after_in(toks, i):
                # Rule statement-is-a-subject: "statement" is skipped only in "in a (recent)
                # statement"; in "the statement said" it is the subject.
                break
            if low == "in" and not (
                i + 1 < len(toks) and toks[i + 1].lower in ("a", "an", "his", "her", "their")
            ):
                break
            i -= 1
            continue

        if t.text == "," and i > 0 and toks[i - 1].text == ")":
            i -= 1  # "Gov. Ana Ruiz (R-Ohio), said"
            continue
        if t.text == ")":
            # Rule skip-affiliation: "Rep. Ana Ruiz (D-Calif.) said" -- a short parenthesis
            # between subject and cue.
            k = i - 1
            while k >= 0 and i - k <= 8 and toks[k].text not in ("(", ")"):
                k -= 1
            if k >= 0 and toks[k].text == "(":
                i = k - 1
                continue
        break
    return i


#: Participles of speaking whose phrase may stand between a subject and its cue.
_SPEAKING_PARTICIPLES = frozenset("speaking talking writing appearing".split())
#: Participles that open a reduced relative clause after a subject, with their preposition:
#: "a nurse accused of ...", "a man charged with ...", "a teenager suspected in ...".
# Rule body-led-by: "a bench headed by Justice Ana Ruiz said", "a group funded by Acme said"
# -- the body speaks, not who leads or funds it (whatever noun heads it).
_LED_BY = frozenset(
    "headed led chaired run founded funded backed owned organized organised commissioned".split()
)
_REDUCED_PARTICIPLES = (
    frozenset(
        "accused charged suspected convicted arrested wanted jailed sentenced detained "
        "indicted acquitted cleared".split()
    )
    | _LED_BY
)
_REDUCED_LINKS = frozenset(("of", "with", "for", "in", "by"))

#: Nouns of SKIP_BEFORE_CUE that are skipped only inside "in a (recent) statement".
_IN_A_NOUNS = frozenset("statement interview".split())


def _after_in(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` ends a phrase opened by "in" ("in a statement", "in an
    interview", "in a recent statement"), three words back at most."""
    return any(k >= 0 and toks[k].lower == "in" for k in range(i - 3, i))


def mention_before(text: str, lo: int, at: int) -> Mention | None:
    """The subject mention just left of a cue at ``at``, looking no further left than ``lo``.

    Handles pronouns ("he said"), relative pronouns ("Joly, who stressed"), appositives
    ("Hugh Hill, a doctor at the clinic, said"; "her aide, Ana Ruiz, said") and
    pre-modifying roles ("White House spokeswoman Jen Psaki said").

    >>> t = "Hugh Hill, a doctor at the clinic, said it was calm."
    >>> m = mention_before(t, 0, t.index("said"))
    >>> (m.name, m.role)
    ('Hugh Hill', 'doctor at the clinic')
    """
    toks = _tokens_upto(text, lo, at)
    i = _skip_back(toks, len(toks) - 1)
    if i < 0:
        return None
    t = toks[i]
    if t.is_word and t.lower in SPEAKER_PRONOUNS:
        return describe(text, [t], ("subject-pronoun",))
    if t.is_word and t.lower in RELATIVE_PRONOUNS:
        return _relative(text, toks, i)
    if t.text == ",":
        return _appositive(text, toks, i)
    if t.text == "%" and i > 0 and toks[i - 1].text[:1].isdigit():
        # Rule percent-subject: "42% say the economy is worse" -- a share of poll
        # respondents (mention-quantity), the sign its head.
        share = describe(text, toks[_np_left(toks, i - 1) : i], ("subject-before-cue",))
        if share is None:
            return None
        end = toks[i].end
        rules = (*share.rules, "percent-subject")
        surface = text[share.start : end]
        name = surface if share.name == share.text else share.name
        return attrs.evolve(share, end=end, text=surface, name=name, rules=rules)
    if not t.is_word:
        return None
    if 0 <= i < len(toks) - 2 and toks[-1].text == "," and toks[i + 1].text == "(":
        # Rule parenthesis-in-appositive: "Tom Bradshaw, president of the National Farmers'
        # Union (NFU), said" -- with the parenthesis read over, the comma before the
        # phrase makes it an appositive, not the subject.
        first = _np_left(toks, i)
        if first > 0 and toks[first - 1].text == ",":
            return _appositive(text, [*toks[: i + 1], toks[-1]], i + 1)
    if (
        i >= 5
        and toks[i].lower in ("named", "identified", "quoted")
        and [t.lower for t in toks[i - 3 : i]] == ["not", "to", "be"]
        and toks[i - 4].lower in ("asked", "requested")
    ):
        # Rule anonymity-request-before-cue: "a resident who asked not to be named said"
        # -- the source is the phrase before the request (and its "who").
        k = i - 5
        if toks[k].lower in ("who", "and"):
            k -= 1
        if k < 0 or not toks[k].is_word:
            return None
        i = k
    first = _np_left(toks, i)
    if first > i:
        return None
    if toks[i].lower == "anonymity":
        # "... speaking on condition of anonymity said": the phrase is read as the one of
        # a participle below.
        j = i - 1
        while j > 0 and toks[j].lower in ("on", "the", "condition", "of"):
            j -= 1
        if toks[j].lower in _SPEAKING_PARTICIPLES and toks[j + 1].lower == "on":
            first = j + 2
    if (
        first >= 3
        and toks[first - 1].lower in ("to", "with", "on", "in")
        and toks[first - 2].lower in _SPEAKING_PARTICIPLES
        and toks[first - 3].is_word
    ):
        # Rule participle-phrase-before-cue: "Another intelligence source speaking to Fox
        # News said" -- the phrase of the participle is where it was said; the subject
        # stands before it.
        found = _source_ending_at(text, toks, first - 3, "participle-phrase-before-cue")
        if found is not None:
            return found
    p = first - 1
    if p >= 0 and toks[p].is_word and not toks[p].is_cap and toks[p].lower.endswith("ing"):
        p -= 1  # the gerund of "accused of poisoning patients"
    if (
        p >= 2
        and toks[p].lower in _REDUCED_LINKS
        and toks[p - 1].lower in _REDUCED_PARTICIPLES
        and toks[p - 2].is_word
    ):
        # Rule reduced-relative-before-cue: "A former nurse accused of poisoning patients
        # told the jury ..." -- the participle's phrase says which person is meant; the
        # subject stands before it (not "patients").
        led = toks[p - 1].lower in _LED_BY and toks[p].lower == "by"
        found = _source_ending_at(
            text, toks, p - 2, "body-led-by" if led else "reduced-relative-before-cue", led
        )
        if found is not None:
            return found
    words = toks[first : i + 1]
    # Rule relative-without-comma: "protesters who gathered outside said" -> protesters;
    # also when the relative clause ends in a noun: "protesters who gathered outside the
    # court said" -> protesters, not the court.
    if (
        first > 0
        and toks[first - 1].lower in ("who", "that")
        and all(not w.is_cap and w.lower not in SOURCE_NOUNS for w in words)
    ):
        return _relative(text, toks, first - 1)
    k = first - 1
    while k >= 0 and toks[k].is_word and not toks[k].is_cap and first - k <= 5:
        if toks[k].lower == "who":
            if first - k >= 2 and not words[0].is_cap:
                return _relative(text, toks, k)
            break
        if toks[k].lower in STOP_WORDS and toks[k].lower not in _NP_PREPOSITIONS:
            if toks[k].lower not in ("outside", "inside", "near", "at", "on", "in"):
                break
        k -= 1
    return describe(text, words, ("subject-before-cue",))


def _source_ending_at(
    text: str, toks: list[Tok], k: int, rule: str, any_noun: bool = False
) -> Mention | None:
    """The subject noun phrase ending at ``toks[k]``, with ``rule`` added, if it names a
    source (a person, an organisation, a group; with ``any_noun``, any noun phrase), else
    ``None``."""
    head = _np_left(toks, k)
    if head > k:
        return None
    m = describe(text, toks[head : k + 1], ("subject-before-cue",))
    if m is None or (m.kind is SpeakerKind.UNKNOWN and not any_noun) or m.pronoun:
        return None
    if m.kind is SpeakerKind.UNKNOWN:
        # A body someone leads or funds ("a bench", "a panel") speaks as an organisation.
        m = attrs.evolve(m, kind=SpeakerKind.ORGANIZATION, gender="neuter")
    return attrs.evolve(m, rules=(*m.rules, rule))


def _relative(text: str, toks: list[Tok], i: int) -> Mention | None:
    """A relative pronoun at ``toks[i]`` linked to the phrase before it."""
    j = i - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    if j < 0 or not toks[j].is_word:
        return None
    first = _np_left(toks, j)
    ante = describe(text, toks[first : j + 1], ("relative-antecedent",))
    if ante is None:
        return None
    t = toks[i]
    return ante.as_relative_pronoun(t.start, t.end, t.text)


# States and countries that follow a town between commas: "Ashton, Md., said".
_PLACE_WORDS = STATE_ABBREVIATIONS | GOVERNMENT_PLACES | US_STATES

#: Words that open a comma-set insertion which is not an appositive: "Trump, in Ohio,
#: said", "Experts, however, said", "Voters, including Ana, said".
_INSERTION_OPENERS = frozenset(
    """
    however too though meanwhile instead also in at on with from during after before like
    including among unlike despite according as for by under speaking asked writing now
    then once still both all
    """.split()
)


def _chunk_kind(chunk: list[Tok]) -> str:
    """Classify a comma-set chunk between a subject and its cue."""
    c0 = chunk[0]
    low0 = c0.lower
    if low0 in ("who", "which", "whose", "whom"):
        return "relative"
    if low0 in _REDUCED_PARTICIPLES and len(chunk) > 1 and chunk[1].lower in _REDUCED_LINKS:
        return "relative"  # a reduced relative: "Ana Ruiz, accused of fraud, said"
    if all(c.text.isdigit() for c in chunk if c.is_word):
        return "age"
    if low0 in _INSERTION_OPENERS and not c0.is_cap:
        return "insertion"
    if len([c for c in chunk if c.is_word]) == 1 and _strip_dot(c0.text) in _PLACE_WORDS:
        return "insertion"  # "of Ashton, Md., said": a state after a town
    if c0.is_cap and low0 not in DETERMINERS:
        return "name"
    words = [c for c in chunk if c.is_word]
    if (
        len(words) == 2
        and low0 in ("a", "an")
        and (words[1].lower in DEMONYMS or words[1].lower in GROUP_WORDS)
    ):
        return "insertion"  # "Ben Cole, a Christian, said", "..., an Australian,": no role
    if (
        low0 in DETERMINERS
        or low0 in TITLES
        or low0 in SOURCE_NOUNS
        or low0 in ROLE_MODIFIERS
        or _is_possessive(c0)
    ):
        return "role"
    return "other"


# The marks that set off a chunk of an appositive before a cue: "Ana Ruiz, a doctor, said".
_CHUNK_BREAKS = frozenset((",", ";", ":", "(", "“", '"', "”"))


def _appositive(text: str, toks: list[Tok], i: int) -> Mention | None:
    """``X, APPOSITIVE, said``: the phrase before the comma-set insertions, with the
    appositive as role. Several insertions may stand in a row: "Ana Ruiz, 54, a doctor at the
    clinic, who was there, said"."""
    end = i
    role_chunk: list[Tok] | None = None
    name_chunk: list[Tok] | None = None
    rules: list[str] = []
    for step in range(5):
        j = end - 1
        inner: tuple[int, int] | None = None
        while j >= 0 and toks[j].text not in _CHUNK_BREAKS:
            if toks[j].text == ")" and inner is None:
                # Rule parenthesis-in-appositive: "Tom Bradshaw, president of the National
                # Farmers' Union (NFU), said" -- an acronym or aside in parentheses is
                # read over, and left out of the role.
                k = j - 1
                while k >= 0 and j - k <= 6 and toks[k].text not in ("(", ")", ","):
                    k -= 1
                if k >= 0 and toks[k].text == "(":
                    inner = (k, j + 1)
                    j = k - 1
                    continue
            j -= 1
        chunk = toks[j + 1 : end]
        if inner is not None:
            chunk = toks[j + 1 : inner[0]] + toks[inner[1] : end]
        if not chunk or len(chunk) > 30 or j < 0 or toks[j].text != ",":
            break
        kind = _chunk_kind(chunk)
        if kind == "role" and step == 0 and chunk[-1].is_cap:
            # Rule role-and-name-appositive: "Their neighbour, retired teacher Frank Olsen,
            # said" -- a role before a name is a name chunk, not a role of the head.
            found = describe(text, chunk)
            if found is not None and found.kind is SpeakerKind.PERSON and found.role:
                if len(found.name.split()) >= 2:
                    kind = "name"
        if kind == "relative":
            # Rule relative-clause-between: "Trump, who has criticized her, said".
            rules.append("subject-before-relative-clause")
        elif kind == "age":
            # Rule age-appositive: "Ana Ruiz, 54, said".
            rules.append("subject-with-age")
        elif kind == "insertion":
            # Rule insertion-between: "Trump, in Ohio, said"; "Experts, however, said".
            rules.append("insertion-between")
        elif kind == "role":
            # Rule appositive-role: "Hugh Hill, a doctor at the clinic, said".
            role_chunk = role_chunk or chunk
        elif kind == "name" and step > 0:
            # The name before the insertions is the head: "Col. Ana Ruiz, a spokeswoman in
            # Kabul, said", after an opening phrase and its comma.
            break
        elif kind == "name" and step == 0:
            # Rule appositive-name: "her spokeswoman, Ana Ruiz, said" (decided below).
            chunk_m = describe(text, chunk)
            if chunk_m is None or chunk_m.kind is SpeakerKind.UNKNOWN:
                return None  # "On Friday, Ruiz took a softer tone, calling ..." is a clause
            name_chunk = chunk
        else:
            # Rule appositive-is-a-phrase: ", warned Jen Psaki, questioned" has a verb, not
            # an appositive, between the commas.
            return None
        end = j
    k = end - 1
    if k < 0 or not toks[k].is_word or end == i:
        return None
    first = _np_left(toks, k)
    head = toks[first : k + 1]
    head_m = describe(text, head, ("subject-before-appositive", *rules))
    if head_m is None:
        return None
    if (
        name_chunk is None
        and role_chunk is None
        and head_m.kind is SpeakerKind.PERSON
        and head_m.role is None
        and first >= 2
        and toks[first - 1].text == ","
    ):
        # Rule description-then-name-then-insertion: "One passenger, Daniel Reyes, 29,
        # said" -- a description set off before the name is the person's role.
        j = first - 2
        while j >= 0 and toks[j].text not in _CHUNK_BREAKS:
            j -= 1
        before = toks[j + 1 : first - 1]
        if before and len(before) <= 8 and _chunk_kind(before) == "role":
            desc = describe(text, before)
            if desc is not None and desc.kind is SpeakerKind.ANONYMOUS and not desc.pronoun:
                role = _join(text, _strip_leading(before)) or None
                return attrs.evolve(
                    head_m,
                    start=before[0].start,
                    text=text[before[0].start : head_m.end],
                    role=role,
                    rules=(*head_m.rules, "appositive-name"),
                )
    if name_chunk is not None:
        chunk_m = describe(text, name_chunk, ("appositive",))
        if chunk_m is not None and chunk_m.kind is SpeakerKind.PERSON:
            if head_m.kind is not SpeakerKind.PERSON:
                # The head's description is the better role than a bare title: "the
                # committee chairman, Rep. Ana Ruiz" has role "committee chairman".
                role_words = head
                if role_chunk is not None:
                    # Rule role-between-phrase-and-name: "According to the minutes, one
                    # member, Jayanth Varma, argued" -- the role is the chunk beside the
                    # name, not the opening phrase before it (*minutes*).
                    role_words = role_chunk
                role = _join(text, _strip_leading(role_words)) or None
                if chunk_m.role and not only_title(chunk_m.role):
                    # "Her rival, former police chief Janet Cole": the role written with
                    # the name is the fuller one.
                    role = chunk_m.role
                start = role_words[0].start if role_chunk is not None else head_m.start
                return attrs.evolve(
                    chunk_m,
                    start=start,
                    text=text[start : chunk_m.end],
                    role=role or chunk_m.role,
                    rules=(*chunk_m.rules, "appositive-name"),
                )
        # "Trump, Ohio Gov. Ana Ruiz, said": keep the head; the name chunk is a role.
        if chunk_m is not None and chunk_m.role and head_m.kind is SpeakerKind.PERSON:
            role_chunk = role_chunk or name_chunk
    if role_chunk is not None and head_m.kind is SpeakerKind.PERSON:
        role = _join(text, _strip_leading(role_chunk))
        return attrs.evolve(
            head_m,
            # Rule title-gives-way-to-appositive: "Professor Mark Ellison, a neurologist at
            # the University of Edinburgh, said" -- a one-word title before the name gives
            # way to the appositive's fuller role; not to a party or a people ("Senator Ana
            # Ruiz, a Democrat from Ohio" stays *Senator*).
            role=role
            if role and _one_word(head_m.role) and not role[:1].isupper()
            else head_m.role or role or None,
            gender=head_m.gender or _gender_of(role_chunk, []),
            rules=(*head_m.rules, "appositive-role"),
        )
    return head_m


def mention_after(text: str, at: int, hi: int) -> Mention | None:
    """The mention right after a cue ("said Jen Psaki", "according to officials").

    >>> t = "“No,” said Gov. Ana Ruiz, who was there."
    >>> mention_after(t, t.index("said") + 4, len(t)).name
    'Ana Ruiz'
    """
    toks = tokens(text, at, min(hi, at + 200))
    words: list[Tok] = []
    and_at = -1
    for k, t in enumerate(toks):
        low = _strip_dot(t.text)
        if not t.is_word:
            if t.text in ("-", "&", "'", "’") and words:
                continue
            break
        if low == "and" and and_at < 0 and _coordinated_role(toks, k, words):
            # Rule coordinated-roles: "said former Pennsylvania Gov. and Democratic National
            # Committee Chairman Ed Rendell" -- two roles of one person before the name
            # (kept only if a person's name ends it).
            and_at = len(words)
            words.append(t)
            continue
        if low in _NP_PREPOSITIONS and words:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if not (
                nxt is not None
                and nxt.is_word
                and (nxt.is_cap or nxt.lower in DETERMINERS or nxt.lower in _STAFF_WORDS)
                and (
                    words[-1].lower in SOURCE_NOUNS
                    or words[-1].lower in TITLES
                    # "according to the Bureau of Meteorology": a body's name goes on.
                    or (words[-1].is_cap and words[-1].lower in ORGANIZATION_NOUNS)
                )
            ):
                break
        elif (low in STOP_WORDS and not _given_name_stop(toks, k)) or (
            not t.is_cap
            and low not in DETERMINERS
            and low not in TITLES
            and low not in SOURCE_NOUNS
            and low not in ORGANIZATION_NOUNS
            and low not in DOCUMENT_NOUNS
            and low not in SPEAKER_PRONOUNS
            and len(words) >= 3
        ):
            break
        if low in _TIME_WORDS and words and not (t.is_cap and _given_name_stop(toks, k)):
            break
        words.append(t)
        if len(words) >= 12:
            break
    # Drop trailing lower-case words that are not nouns of a source ("said Trump recently").
    while (
        words
        and not words[-1].is_cap
        and _strip_dot(words[-1].text) not in _SOURCE_WORDS
        and words[-1].lower not in SPEAKER_PRONOUNS
    ):
        words.pop()
    if and_at >= 0:
        m = describe(text, words, ("subject-after-cue", "coordinated-roles"))
        if m is not None and m.kind is SpeakerKind.PERSON and m.role:
            return m
        if m is not None and "body-of-name" in m.rules:
            return attrs.evolve(m, rules=("subject-after-cue", "body-of-name"))
        words = words[:and_at]
    if not words:
        return None
    m = describe(text, words, ("subject-after-cue",))
    if m is not None and m.kind is SpeakerKind.PERSON and m.role is None:
        # Rule appositive-after-inverted-cue: "said Hans Vogel, a government spokesman".
        app = _APPOSITIVE_AFTER.match(text, m.end, hi)
        if app is not None:
            role = app.group("role").strip()
            m = attrs.evolve(m, role=role, rules=(*m.rules, "appositive-after-inverted-cue"))
    elif m is not None and m.kind is not SpeakerKind.PERSON and not m.pronoun:
        # Rule name-after-inverted-description: "said the bureau's director, James B. Comey,"
        # -- the name set off after the description is the speaker, the description its role.
        named = _NAME_AFTER_COMMA.match(text, m.end, hi)
        if named is not None:
            found = describe(text, tokens(text, named.start("name"), named.end("name")))
            if found is not None and found.kind is SpeakerKind.PERSON and found.role is None:
                role = _join(text, _strip_leading(words)) or None
                return attrs.evolve(
                    found,
                    start=m.start,
                    text=text[m.start : found.end],
                    role=role,
                    rules=(*m.rules, "name-after-inverted-description"),
                )
    return m


# Words after which a phrase opens a clause (its subject may be "Ana Ruiz and Ben Cole").
_CLAUSE_OPENERS = frozenset("and but while as both when that because after before so".split())
# Words that may follow the second name of "said Ana Ruiz and Ben Cole" and end it.
_AFTER_PAIR = frozenset("in on at during after before who when while".split())


def _person_named(m: Mention) -> bool:
    return (
        m.kind is SpeakerKind.PERSON
        and not m.pronoun
        and m.antecedent is None
        and m.name[:1].isupper()
        and " and " not in f" {m.name} "
    )


def _role_word(t: Tok) -> bool:
    """Whether a word may stand in a role before a name ("former Maryland governor")."""
    low = _strip_dot(t.text)
    if low in SPEAKER_PRONOUNS:
        return False
    return (
        t.is_cap
        or not t.is_word
        or low in TITLES
        or low in ROLE_MODIFIERS
        or low in DETERMINERS
        or low in SOURCE_NOUNS
        or low in _PERSON_HEADS
    )


def coordinated(text: str, m: Mention) -> tuple[Mention, Mention] | None:
    """Rule coordinated-names: the two persons of a speaker mention that names two joined by
    "and" ("Ana Ruiz and Ben Cole said", "Ruiz and Cole said", "said Ana Ruiz and Ben Cole."),
    each as a mention of its own, in text order; ``None`` if ``m`` names one person.

    Coreference keeps the pair only when each is a person of the cast, so that a company
    ("Procter and Gamble") or a person and a thing stay as they were.

    >>> t = "Mark Blumenthal and Jon Cohen said the polls were wrong."
    >>> left, right = coordinated(t, mention_before(t, 0, t.index("said")))
    >>> left.name, right.name
    ('Mark Blumenthal', 'Jon Cohen')
    """
    if not _person_named(m):
        return None
    # The mention swept "Mark Blumenthal and" in before its name.
    lead = m.text[: max(0, m.text.rfind(m.name))].rstrip()
    if lead.endswith(" and"):
        k = m.text.rfind(" and ")
        if k > 0:
            left = describe(text, tokens(text, m.start, m.start + k))
            right = describe(text, tokens(text, m.start + k + 5, m.end))
            if left is not None and right is not None:
                if _person_named(left) and _person_named(right):
                    return left, right
        return None
    # "Ruiz and Cole said": the first person just before the mention.
    if text[max(0, m.start - 5) : m.start].rstrip(" \t").endswith(" and"):
        lo = max(0, m.start - 120)
        toks = tokens(text, lo, m.start)
        j = len(toks) - 1
    else:
        j = -1
    if j >= 1 and toks[j].lower == "and":
        j -= 1
        if toks[j].text == ")":
            # "Sen. Bernie Sanders (Vt.) and ..." -- a short parenthesis after the name.
            k = j - 1
            while k >= 0 and j - k <= 6 and toks[k].text != "(":
                k -= 1
            j = k - 1 if k >= 0 and toks[k].text == "(" else -1
        if j >= 0 and toks[j].is_word and toks[j].is_cap:
            first = _np_left(toks, j, limit=8)
            before = toks[first - 1] if first > 0 else None
            opens = (first == 0 and lo == 0) or (
                before is not None and (not before.is_word or before.lower in _CLAUSE_OPENERS)
            )
            left = describe(text, toks[first : j + 1]) if opens else None
            if left is not None and _person_named(left):
                # Only a role may stand before the first name ("He met Ana Ruiz and Ben
                # Cole said" is no pair).
                name_at = left.start + max(0, left.text.rfind(left.name))
                if all(_role_word(t) for t in toks[first : j + 1] if t.end <= name_at):
                    return left, m
        return None
    # "said Ana Ruiz and Ben Cole.": the second person just after it, ending the clause.
    after = _AND_AFTER.match(text, m.end)
    if after is None:
        return None
    right = mention_after(text, after.end(), min(len(text), after.end() + 120))
    if right is None or not _person_named(right) or right.start != after.end():
        return None
    rest = text[right.end : right.end + 16].lstrip(" \t")
    nxt = rest.split(" ", 1)[0]
    if rest and rest[0].isalnum() and nxt not in _AFTER_PAIR:
        return None
    return m, right


_AND_AFTER = lazy_re(r"[ \t]+and[ \t]+(?=[^\W\d_])")


def _coordinated_role(toks: list[Tok], k: int, words: list[Tok]) -> bool:
    """Whether the "and" at ``toks[k]`` joins two roles of one person: a title before it
    among ``words`` and a capitalised word, a title or a modifier after it."""
    if not words or not any(_strip_dot(w.text) in TITLES for w in words[-4:]):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not nxt.is_word:
        return False
    low = _strip_dot(nxt.text)
    return nxt.is_cap or low in TITLES or low in ROLE_MODIFIERS


def _roles_joined(toks: list[Tok], j: int, i: int) -> bool:
    """Whether the "and" at ``toks[j]`` joins two roles of the phrase ending at ``toks[i]``:
    a title on each side, no determiner after it, a title or name before it."""
    if j == 0 or j >= i:
        return False
    right = toks[j + 1 : i + 1]
    if right[0].lower in DETERMINERS or not any(_strip_dot(t.text) in TITLES for t in right):
        return False
    left = toks[max(0, j - 4) : j]
    return any(t.is_word and _strip_dot(t.text) in TITLES for t in left)


#: Function words that are also given names: "said Will Doyle", "May Lee said".
_NAME_STOPS = frozenset("will may".split())


def _given_name_stop(toks: list[Tok], k: int) -> bool:
    """Rule given-name-not-modal: a capitalised *Will* or *May* is a name, not a modal,
    before a capitalised word ("said Will Doyle"), after one ("Theresa May"), or with no
    word after it ("May said" before a cue, "said May.")."""
    t = toks[k]
    if t.is_cap and t.lower == "said" and k > 0:
        # Rule said-as-surname: "Edward Said wrote" -- a capitalised "Said" after a
        # capitalised word, inside a sentence, is a surname, not the verb.
        before = toks[k - 1]
        return before.is_word and before.is_cap and before.lower not in _NOT_NAMES
    if not (t.is_cap and t.lower in _NAME_STOPS):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not nxt.is_word or nxt.is_cap:
        return True
    prev = toks[k - 1] if k > 0 else None
    return prev is not None and prev.is_word and prev.is_cap


def mention_of_source(text: str, at: int, hi: int) -> Mention | None:
    """The source phrase after "according to": any noun phrase up to a comma or the end of
    the clause ("according to polling by the union", "according to him").

    >>> t = "Turnout rose, according to early results of the exit poll, officials said."
    >>> mention_of_source(t, t.index("to ") + 3, len(t)).text
    'early results of the exit poll'
    """
    m = mention_after(text, at, hi)
    toks = tokens(text, at, min(hi, at + 200))
    words: list[Tok] = []
    for t in toks:
        if not t.is_word:
            if t.text in ("-", "&", "'", "’", ".") and words and t.text != ".":
                continue
            break
        if t.lower in ("who", "which", "that", "whose") and words:
            break
        words.append(t)
        if len(words) >= 14:
            break
    if not words:
        return m
    if len(words) == 1 and words[0].lower in ("him", "her", "them", "me", "us"):
        return describe(text, words, ("source-object-pronoun",))
    if m is not None and m.end >= words[-1].end:
        return m
    # Rule according-to-any-phrase: the whole phrase is the source; its kind comes from
    # the head before any "of"/"by" ("polling by the union" is a document-like source).
    d = describe(text, words, ("according-to-phrase",))
    if d is None:
        return m
    if "body-of-name" in d.rules:
        return d
    if d.role and set(d.role.lower().split()) & {"by", "of", "from"}:
        # "polling by the union", "a count by the newspaper": the phrase is the source.
        name = _join(text, _strip_leading(words))
        d = attrs.evolve(d, name=name, role=None, kind=SpeakerKind.UNKNOWN, gender=None)
    return (
        d
        if m is None or m.kind is SpeakerKind.UNKNOWN
        else attrs.evolve(m, start=d.start, end=d.end, text=d.text)
    )
