"""Stage 4: the article's cast — everyone it names, by what names, with what roles.

The cast is built once per document, in time linear in its length, in two steps.

**The scan** (:class:`CastBuilder`'s constructor) reads every capitalised name in the text,
sentence by sentence. Each step is a named rule:

``title-before-name``
    titles are split from the name they precede: *Senate Majority Leader Mitch McConnell*
    is the person *Mitch McConnell*.
``name-is-organization`` / ``name-is-place``
    a name holding an organisation word (*Justice Department*, *Fox News*), an acronym
    (*FBI*), or a known place (*South Carolina*) is not a person.
``full-name``
    full names are grouped into persons: *Donald J. Trump* and *Donald Trump* are one, named
    by the fullest form; *Bill Clinton* and *Hillary Clinton* are two.
``acronym-in-parentheses``
    *the National Institute of Health (NIH)* makes *NIH* an alias.
``role-before-name``, ``role-appositive``, ``role-appositive-before``, ``role-who-is``,
``role-is-the``
    the roles the article gives a name: *White House spokeswoman Jen Psaki*; *Ana Ruiz, a
    judge at the court,*; *the head of the agency, Ana Ruiz,*; *Ana Ruiz, who is the
    mayor,*; *Ana Ruiz is the mayor of Lyon*.
``age-appositive``
    *Ana Ruiz, 45,* gives the epithet *45-year-old*.

**The walk** (:meth:`CastBuilder.advance`) then reads the text from left to right, as a
reader does, and links each mention to an entity:

``alias-surname``, ``alias-given-name``, ``alias-acronym``, ``alias-honorific``
    *Psaki*, *Jen*, *NIH*, *Ms. Psaki* stand for the person or organisation named in full
    (the most recently mentioned one; else, for a headline, the first named after).
``pronoun-antecedent``
    *he* and *she* stand for the first person of matching gender met in the same sentence,
    else in the sentences before (up to four; names inside quotation marks, names used as
    modifiers such as *a Trump rally*, and persons of the other gender are skipped). Every
    link is evidence of the person's gender.

Gender evidence comes from honorifics (*Mr.*, *Ms.*), gendered role nouns (*spokeswoman*,
*chairman*), kinship nouns (*his wife, Ana Ruiz*) and resolved pronouns, each recorded with
its offsets (:class:`~quoteattr.GenderEvidence`). Coreference (:mod:`quoteattr.coref`) drives
the walk and resolves each speaker mention against the cast.

>>> from quoteattr.backends.rules import RulesBackend
>>> from quoteattr._budget import Budget
>>> text = "Deputy Mayor Ines Marchetti spoke. Marchetti said she was ready."
>>> builder = CastBuilder(RulesBackend().analyse(text, Budget()), (), Budget())
>>> builder.advance(len(text))
>>> cast = builder.freeze()
>>> e = cast[0]
>>> (e.name, e.role, e.gender, [m.rule for m in e.mentions])
('Ines Marchetti', 'Deputy Mayor', 'female', ['full-name', 'alias-surname', 'pronoun-antecedent'])
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs
import regex

from ._budget import Budget
from .lexicon.abbreviations import STATE_ABBREVIATIONS, TITLE_ABBREVIATIONS
from .lexicon.names import (
    CALENDAR_WORDS,
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
)
from .lexicon.people import GENDERED_PERSON_NOUNS, KINSHIP_NOUNS, PERSON_NOUNS, ROLE_SYNONYMS
from .lexicon.places import CITIES, COUNTRIES, DEMONYMS, US_STATES_TWO_WORDS
from .lexicon.roles import (
    DOCUMENT_NOUNS,
    GOVERNMENT_PLACES,
    HONORIFICS,
    ORGANIZATION_NOUNS,
    ROLE_MODIFIERS,
    SOURCE_NOUNS,
    TITLES,
    US_STATES,
)
from .model import Analysis, Cast, Entity, EntityMention, GenderEvidence, Span, SpeakerKind
from .quotes import QuoteSpan
from .speakers import mention_before

__all__ = ["CastBuilder", "Ent", "role_heads"]

# -- lexicon unions, built once -------------------------------------------------------------

_PLACES = (COUNTRIES | US_STATES | US_STATES_TWO_WORDS | CITIES | GOVERNMENT_PLACES) | frozenset(
    ("u.s.", "us", "u.k.", "uk", "usa", "u.s.a.", "d.c.", "washington d.c.")
)
_TITLE_WORDS = TITLES | TITLE_ABBREVIATIONS | frozenset(HONORIFICS)
# Words that may stand before a name inside its capitalised run and belong to its role:
# "Former Sen. Ana Ruiz", "Republican candidate ...", "Dutch striker ...".
_LEADING_ROLE_WORDS = _TITLE_WORDS | ROLE_MODIFIERS | DEMONYMS
_ORG_WORDS = ORGANIZATION_NOUNS - frozenset(("white", "who", "co", "post", "press", "times"))
_ORG_END_WORDS = frozenset(("post", "press", "times", "co", "co.", "inc.", "corp.", "ltd."))
_ROLE_NOUNS = (
    TITLES
    | PERSON_NOUNS
    | SOURCE_NOUNS
    | frozenset(GENDERED_PERSON_NOUNS)
    | frozenset(KINSHIP_NOUNS)
) - frozenset(HONORIFICS)
_GENDER_NOUNS = {**GENDERED_PERSON_NOUNS, **KINSHIP_NOUNS}
# Nouns after which a single name is a modifier: "Trump adviser", "Public colleges".
_NOUN_AFTER_MODIFIER = _ROLE_NOUNS | ORGANIZATION_NOUNS | DOCUMENT_NOUNS
_SYNONYMS: dict[str, frozenset[str]] = {w: row for row in ROLE_SYNONYMS for w in row}
_ROLE_STOPS = frozenset("of at for in from with on to by who which that and or as".split())
_DETERMINERS = frozenset("a an the his her their its our my your this that".split())
_ABBREVIATION_ENDINGS = (
    TITLE_ABBREVIATIONS | STATE_ABBREVIATIONS | frozenset("inc corp co ltd jr sr st".split())
)

# -- the scanning expression ----------------------------------------------------------------

# One capitalised word: "Ana", "O’Brien", "McAllister", an initial "J.", "U.S.", "al-Assad".
_WORD = (
    r"(?:\p{Lu}\.(?:\p{Lu}\.)+"
    r"|(?:al|el|bin|abu|abd)-\p{Lu}[\p{L}\p{M}’'&-]*"
    r"|\p{Lu}[\p{L}\p{M}’'&-]*\.?)"
)
# Lower-case particles inside a name: "Ursula von der Leyen", "Erik ten Hag".
_PARTICLE = r"(?:de|da|di|del|della|der|den|van|von|la|le|du|dos|das|ten|ter|zu|bin|ibn|al|el)"
_GAP = r"[ \t\u00a0]+"
# Rule scan-names-and-pronouns: one pass over each sentence finds the capitalised runs
# ("Deputy Mayor Ines Marchetti") and the third-person pronouns ("she", "him").
_SCAN = regex.compile(
    r"(?P<pro>(?<![\p{L}\p{N}’'-])(?:[Hh]e|[Ss]he|[Hh]im)(?![\p{L}\p{N}’'-]))"
    r"|(?P<run>(?<![\p{L}\p{N}’'.-])"
    + _WORD
    + r"(?:"
    + _GAP
    + r"(?:"
    + _PARTICLE
    + _GAP
    + r"){0,3}"
    r"" + _WORD + r"){0,7})"
)
_SPACE_SPLIT = regex.compile(r"\S+")

# ", a judge at the court," / ", the reviews director at Publishers Weekly," after a name.
_APPOSITIVE_AFTER = regex.compile(
    r"[ \t]*,[ \t]+(?P<role>(?:(?:a|an|the|his|her|their|its)[ \t]+)?"
    r"[^,;:.!?()“”\"\n]{2,100}?)[ \t]*(?=,|;|:|\)|\.(?:\s|$)|$|[ \t]+(?:who|which)\b)"
)
# ", 45," after a name.
_AGE_AFTER = regex.compile(r"[ \t]*,[ \t]+(?P<age>\d{1,3})[ \t]*(?=[,.;)])")
# ", who is the mayor," / ", who was a judge".
_WHO_IS = regex.compile(
    r"[ \t]*,?[ \t]+who[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|serves[ \t]+as|served[ \t]+as"
    r"|became|remains)[ \t]+(?P<role>(?:a|an|the)[ \t]+[^,;:.!?()“”\"\n]{2,90}?)"
    r"[ \t]*(?=[,;:.!?)]|$)"
)
# " is the mayor of Lyon." right after a name.
_IS_THE = regex.compile(
    r"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|became|remains)[ \t]+"
    r"(?P<role>(?:a|an|the)[ \t]+[^,;:.!?()“”\"\n]{2,90}?)[ \t]*(?=[,;:.!?)]|$)"
)
# "the head of American diplomacy, " right before a name.
_APPOSITIVE_BEFORE = regex.compile(
    r"(?r)(?:^|(?<=[,;:(“\"]\s*)|(?<=[.!?]\s+))"
    r"(?P<role>(?:the|a|an|his|her|their|its|\p{Lu}[\p{L}’'.&-]*(?:’s|'s))[ \t]+"
    r"[^,;:.!?()“”\"\n]{2,90}?)[ \t]*,[ \t]*$"
)
# An opening clause: "In Concord, ", "When Maddow asked about it, ", "After the vote, ".
_OPENING_CLAUSE = regex.compile(
    r"[“\"‘(]?(?:In|On|At|After|Before|During|When|While|As|Since|Although|Though|Because|If"
    r"|According|Referring|Responding|Addressing|Citing|Pointing|Unlike|Besides|Beyond"
    r"|Once|Until|Unlike|Like|Despite|Following|Asked|Speaking|Writing|With|Without|From|For"
    r"|Under|Over|Throughout|Within|Amid|Among|Upon|Whether|Even)\b[^,;:.!?“”\"]{1,160},"
)
#: The weights of rule pronoun-antecedent (see :meth:`CastBuilder.antecedent`): by how
#: many sentences back the candidate is (the same sentence, one back, ...), then the rest.
_DISTANCE = (4.0, 3.0, 2.0, 1.0, 0.5)
_SALIENCE = {
    "subject": 1.5,
    "opening-clause": -1.5,
    "speaker-of-sentence": 1.5,
    "gender-known": 1.0,
    "no-person-evidence": -1.0,
    "per-mention": 0.15,
    "last-speaker": 2.0,
}

# "Full Name (ACR)": an acronym given in parentheses.
_ACRONYM_AFTER = regex.compile(r"[ \t]*\((?P<acr>\p{Lu}[\p{Lu}&.]{1,9})\)")
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}’'.-]+)[ \t]+$")
# Words after which a name is a modifier ("a Trump rally") or a place ("in Concord").
_MODIFIER_BEFORE = frozenset("a an the this that these those his her their its our my".split())
_PLACE_BEFORE = frozenset("in at near from outside across throughout around into".split())


# -- helpers --------------------------------------------------------------------------------


def _bare(word: str) -> str:
    """Lower case, final stop and possessive removed: "Sen." -> "sen", "Trump’s" -> "trump"."""
    low = word.lower()
    if low.endswith(("’s", "'s")):
        low = low[:-2]
    elif low.endswith(("s’", "s'")):
        low = low[:-1]
    return low.rstrip(".")


def role_heads(role: str) -> frozenset[str]:
    """The nouns a role can be referred to by later: its head (the last word before a
    preposition) and that head's synonyms.

    >>> sorted(role_heads("former Secretary of State"))
    ['secretary']
    >>> sorted(role_heads("Republican presidential nominee"))
    ['candidate', 'contender', 'front-runner', 'frontrunner', 'hopeful', 'nominee']
    >>> sorted(role_heads("Sen."))
    ['sen', 'senator']
    """
    words: list[str] = []
    for w in role.replace(",", " , ").split():
        low = _bare(w)
        if low in _ROLE_STOPS or low == ",":
            if words:
                break
            continue
        words.append(low)
    if not words:
        return frozenset()
    head = words[-1]
    out = {head}
    if head.endswith("s") and head[:-1] in _ROLE_NOUNS:
        out.add(head[:-1])
    # "chief executive", "ceo": both words of a two-word office.
    if len(words) >= 2 and f"{words[-2]} {head}" in _SYNONYMS:
        out |= _SYNONYMS[f"{words[-2]} {head}"]
    for w in tuple(out):
        out |= _SYNONYMS.get(w, frozenset())
    return frozenset(out)


def _common_word(low: str) -> bool:
    """Whether a capitalised word at a sentence start is likely a common word, not a name:
    a participle or adverb ("Standing", "Finally"), or a noun for people or organisations
    ("Critics", "Police")."""
    if low.endswith(("ing", "ed", "ly")) and len(low) > 4:
        return True
    stem = low[:-1] if low.endswith("s") else low
    return low in _ROLE_NOUNS or stem in _ROLE_NOUNS or low in _ORG_WORDS or stem in _ORG_WORDS


def _content_words(text: str) -> list[str]:
    return [w for w in (_bare(x) for x in text.split()) if w and w not in _DETERMINERS]


def _is_role(phrase: str) -> bool:
    """Whether an appositive phrase is a role: it names what someone is ("a judge at the
    court", "the party's chairman", "a Democrat from Ohio"), with no verb of its own."""
    words = [_bare(w) for w in phrase.split()]
    if not words or len(words) > 16:
        return False
    core: list[str] = []
    for w in words:
        if w in _ROLE_STOPS and core:
            break
        core.append(w)
    if not any(w in _ROLE_NOUNS for w in core):
        return False
    first = words[0]
    if first in _DETERMINERS or first in ROLE_MODIFIERS or first in _ROLE_NOUNS:
        return True
    # Capitalised opener: a possessive ("Acme’s chief executive") or an organisation.
    return phrase[:1].isupper()


def _clean_role(role: str) -> str:
    """A role as written, without the article in front or a clause after it."""
    role = role.strip(" ,;:")
    for cut in (" who ", " which ", " that ", "; "):
        k = role.find(cut)
        if k > 0:
            role = role[:k]
    words = role.split()
    if words and words[0].lower() in _DETERMINERS and len(words) > 1:
        words = words[1:]
    return " ".join(words)


# -- the cast under construction ------------------------------------------------------------


@attrs.define(slots=True, eq=False)
class Ent:
    """An entity while the cast is being built (mutable; one document only).

    Coreference reads it; :meth:`CastBuilder.freeze` turns it into an :class:`Entity`.
    """

    id: int
    kind: SpeakerKind
    name: str
    words: tuple[str, ...] = ()
    # Given name and surname, lower case (persons named in full).
    given: str | None = None
    surname: str | None = None
    suffix: str | None = None
    aliases: dict[str, None] = attrs.field(factory=dict)
    roles: list[tuple[str, int, int, str]] = attrs.field(factory=list)
    heads: set[str] = attrs.field(factory=set)
    epithets: set[str] = attrs.field(factory=set)
    evidence: list[GenderEvidence] = attrs.field(factory=list)
    mentions: list[EntityMention] = attrs.field(factory=list)
    # Evidence that a name is a person (a title, a given name, a pronoun ...).
    person: bool = False
    named_at: int = -1
    last: int = -1
    spoke: int = -1
    anonymous_description: bool = False
    plural: bool = False

    def add_role(self, role: str, start: int, end: int, rule: str, text: str) -> frozenset[str]:
        """Record a role (once per wording) with its gender evidence; returns its heads and
        epithets."""
        role = _clean_role(role)
        low = role.lower()
        if not role or low in HONORIFICS or any(r[0].lower() == low for r in self.roles):
            return frozenset()
        self.roles.append((role, start, end, rule))
        heads = role_heads(role)
        self.heads |= heads
        for w in role.split():
            b = _bare(w)
            if b in DEMONYMS:
                self.epithets.add(b)
            g = _GENDER_NOUNS.get(b)
            if g in ("male", "female"):
                k = text.find(w, start, end)
                if k >= 0:
                    kind = "kinship-noun" if b in KINSHIP_NOUNS else "role-noun"
                    self.evidence.append(
                        GenderEvidence(gender=g, kind=kind, start=k, end=k + len(w), text=w)
                    )
        if self.kind is SpeakerKind.PERSON:
            self.person = True
        return heads | frozenset(b for b in (_bare(w) for w in role.split()) if b in DEMONYMS)

    def guess(self) -> str | None:
        """The gender as known so far, for resolution: text evidence first, then a given
        name found in the first-name lists."""
        male = female = 0
        for e in self.evidence:
            w = 1 if e.kind == "pronoun" else 3
            if e.gender == "male":
                male += w
            elif e.gender == "female":
                female += w
        if male or female:
            if male > 2 * female:
                return "male"
            if female > 2 * male:
                return "female"
            return None
        if self.given in MALE_FIRST_NAMES:
            return "male"
        if self.given in FEMALE_FIRST_NAMES:
            return "female"
        return None

    def most_specific_role(self) -> str | None:
        """The most specific role: the one with most content words (at most six count), a
        title abbreviation alone last, the first written on a tie."""
        best: tuple[int, int] | None = None
        choice = None
        for i, (role, _, _, rule) in enumerate(self.roles):
            words = _content_words(role)
            score = min(len(words), 6)
            if len(words) == 1 and (words[0] in TITLE_ABBREVIATIONS or words[0] in HONORIFICS):
                score = 0
            if rule == "role-description":
                score -= 1
            key = (score, -i)
            if best is None or key > best:
                best, choice = key, role
        return choice


@attrs.define(slots=True)
class _Name:
    """One capitalised name read in the text."""

    start: int
    end: int
    text: str
    words: tuple[str, ...]
    kind: str  # "person", "single", "organization", "place"
    sentence: int
    title: tuple[int, int] | None = None
    honorific: str | None = None
    possessive: bool = False
    modifier: bool = False
    in_quote: bool = False
    ent: Ent | None = None
    rule: str = "full-name"


@attrs.define(slots=True)
class _Pronoun:
    start: int
    end: int
    text: str
    gender: str
    sentence: int
    in_quote: bool
    ent: Ent | None = None


def _gender_of_pronoun(word: str) -> str:
    return "male" if word.lower() in ("he", "him") else "female"


class CastBuilder:
    """Builds the cast of one document: the scan at construction, the walk on demand.

    Args:
        analysis: The document's analysis (paragraphs and sentences).
        spans: The quotation spans found in it: names inside them are not antecedents.
        budget: The document's time budget, checked once per sentence.
        speech_pronouns: Offsets of the pronouns that attribute a quotation ("he said"):
            for these the last speaker is a likelier antecedent.
    """

    def __init__(
        self,
        analysis: Analysis,
        spans: Sequence[QuoteSpan],
        budget: Budget,
        speech_pronouns: Iterable[int] = (),
    ) -> None:
        self.text = analysis.text
        self.analysis = analysis
        self.budget = budget
        self.entities: list[Ent] = []
        # Quotation content spans, sorted, for "is this offset inside a quotation".
        self._quote_starts: list[int] = []
        self._quote_ends: list[int] = []
        for q in sorted(spans, key=lambda q: q.start):
            for s, e in q.fragments:
                self._quote_starts.append(s)
                self._quote_ends.append(e)
        # Persons named in full, by surname; organisations by name and acronym.
        self._by_surname: dict[str, list[Ent]] = {}
        self._by_given: dict[str, list[Ent]] = {}
        self._by_name: dict[tuple[SpeakerKind, str], Ent] = {}
        self._by_acronym: dict[str, Ent] = {}
        self._singles: dict[str, Ent] = {}
        self._by_head: dict[str, list[Ent]] = {}
        self._intros: dict[int, int] = {}
        self._spoke_in: dict[int, set[int]] = {}
        self.last_speaker: Ent | None = None
        self._speech_pronouns = frozenset(speech_pronouns)
        # Events of the walk, in text order: names and pronouns.
        self._events: list[_Name | _Pronoun] = []
        self._event_starts: list[int] = []
        self._next = 0
        # Per sentence: the mentions met so far outside quotations (offset, entity), in order.
        self._seen: dict[int, list[tuple[int, Ent]]] = {}
        self._sentence_of: list[int] = [s.start for s in analysis.sentences]
        self._paragraph_of: list[int] = [s.paragraph for s in analysis.sentences]
        # Pronoun links by offset, for coreference.
        self.pronoun_links: dict[int, Ent] = {}
        self.name_at: dict[int, _Name] = {}
        self._name_starts: list[int] = []
        self._scan()

    # -- the scan ----------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation's content."""
        k = bisect.bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and pos < self._quote_ends[k]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding (or last starting before) ``pos``."""
        return max(0, bisect.bisect_right(self._sentence_of, pos) - 1)

    def _scan(self) -> None:
        text = self.text
        names: list[_Name] = []
        for si, sent in enumerate(self.analysis.sentences):
            if si % 64 == 0:
                self.budget.timeout()
            for m in _SCAN.finditer(text, sent.start, sent.end):
                if m.group("pro") is not None:
                    w = m.group("pro")
                    self._events.append(
                        _Pronoun(
                            start=m.start(),
                            end=m.end(),
                            text=w,
                            gender=_gender_of_pronoun(w),
                            sentence=si,
                            in_quote=self.in_quote(m.start()),
                        )
                    )
                    continue
                name = self._read_run(m.start(), m.end(), si, sent.start)
                if name is not None:
                    names.append(name)
                    self._events.append(name)
        self._event_starts = [e.start for e in self._events]
        # Full names first, in text order, so that a surname can find a full name written
        # after it (a headline's "Reid:" before "Harry Reid" in the story).
        for name in names:
            self.name_at[name.start] = name
            if name.kind == "person":
                name.ent = self._person(name)
                self._roles_of(name)
            elif name.kind == "organization":
                name.ent = self._organization(name)
        self._name_starts = sorted(self.name_at)

    def _read_run(self, start: int, end: int, si: int, sent_start: int) -> _Name | None:
        """Rule title-before-name and the name-kind rules: a capitalised run as a name."""
        text = self.text
        words = [(m.start(), m.end(), m.group()) for m in _SPACE_SPLIT.finditer(text, start, end)]
        # A sentence-final stop is not part of the last word ("said Jen Psaki.").
        s0, e0, w0 = words[-1]
        if w0.endswith(".") and len(w0) > 2 and _bare(w0) not in _ABBREVIATION_ENDINGS:
            if "." not in w0[:-1]:
                words[-1] = (s0, e0 - 1, w0[:-1])
        possessive = False
        s0, e0, w0 = words[-1]
        if w0.endswith(("’s", "'s")):
            words[-1] = (s0, e0 - 2, w0[:-2])
            possessive = True
        elif w0.endswith(("s’", "s'")) and len(w0) > 3:
            words[-1] = (s0, e0 - 1, w0[:-1])
            possessive = True
        # Words that open sentences are not names: "The", "When", "However".
        first_words = words
        i = 0
        while i < len(words) and _bare(words[i][2]) in NON_NAME_WORDS - _TITLE_WORDS:
            i += 1
        words = words[i:]
        if not words:
            return None
        lows = [_bare(w) for _, _, w in words]
        # The last title word with a name after it splits role from name: "Senate Majority
        # Leader Mitch McConnell" -> "Mitch McConnell".
        cut = -1
        for k in range(len(lows) - 1):
            if lows[k] in _LEADING_ROLE_WORDS or lows[k] in CALENDAR_WORDS:
                cut = k
        honorific = None
        title: tuple[int, int] | None = None
        rest = lows[cut + 1 :]
        if cut >= 0 and not any(w in _ORG_WORDS for w in rest):
            title = (words[0][0], words[cut][1])
            if lows[cut] in HONORIFICS:
                honorific = words[cut][2]
            words, lows = words[cut + 1 :], rest
        while words and (lows[-1] in CALENDAR_WORDS or lows[-1] in NON_NAME_WORDS):
            words, lows = words[:-1], lows[:-1]
        if not words:
            return None
        s, e = words[0][0], words[-1][1]
        name_text = text[s:e]
        low_text = " ".join(lows)
        first_word = words[0][2]
        kind = "person" if len(words) >= 2 else "single"
        if any(w in _ORG_WORDS for w in lows) or lows[-1] in _ORG_END_WORDS:
            kind = "organization"  # Rule name-is-organization: "Justice Department".
        elif len(words) == 1 and len(first_word) >= 2 and first_word.replace(".", "").isupper():
            kind = "organization"  # "FBI", "NATO": an acronym.
        if low_text in _PLACES or (len(lows) == 1 and lows[0] in STATE_ABBREVIATIONS):
            kind = "place"  # Rule name-is-place: "South Carolina", "Moscow".
        elif len(lows) == 1 and (lows[0] in DEMONYMS or lows[0].rstrip("s") in DEMONYMS):
            return None  # "American", "Russians": adjectives and groups of nationality.
        elif kind == "single" and (lows[0] in _ROLE_NOUNS or lows[0] in CALENDAR_WORDS):
            return None  # "President", "Monday" alone.
        elif len(words) == 1 and s == sent_start and title is None and _common_word(lows[0]):
            return None  # "Standing", "Critics", "Officials" at a sentence start
        if kind == "place":
            return None
        # A name right after an article is a modifier: "a Trump rally", "the Clinton camp";
        # so is one after a determiner inside its run ("His Catholic faith").
        at = (title or (s, e))[0]
        prev = _WORD_BEFORE.search(text, max(sent_start, at - 30), at)
        prev_word = _bare(prev.group(1)) if prev is not None else ""
        modifier = i > 0 and _bare(first_words[i - 1][2]) in _DETERMINERS
        modifier = modifier or prev_word in _MODIFIER_BEFORE
        if len(words) == 1 and kind != "organization":
            if modifier:
                return None  # "his Catholic faith", "the Trump rally": not a mention
            if prev_word in _PLACE_BEFORE:
                return None  # "in Concord", "from Ohio": a place
            after = text[e + 2 * possessive : e + 2 * possessive + 16].lstrip(" ")
            nxt = after.split(" ", 1)[0].strip(",.;:")
            stem = _bare(nxt)
            stem = stem[:-1] if stem.endswith("s") else stem
            modifier = bool(nxt) and nxt.islower() and stem in _NOUN_AFTER_MODIFIER
        return _Name(
            start=s,
            end=e,
            text=name_text,
            words=tuple(lows),
            kind=kind,
            sentence=si,
            title=title,
            honorific=honorific,
            possessive=possessive,
            modifier=modifier and not possessive,
            in_quote=self.in_quote(s),
        )

    def _new(self, kind: SpeakerKind, name: str) -> Ent:
        ent = Ent(id=len(self.entities), kind=kind, name=name)
        self.entities.append(ent)
        return ent

    def _person(self, name: _Name) -> Ent:
        """Rule full-name: the person a full name belongs to (new if none fits)."""
        words = [w for w in name.words if w not in NAME_SUFFIXES]
        suffix = next((w for w in name.words if w in NAME_SUFFIXES), None)
        surname, given = words[-1], words[0]
        for ent in reversed(self._by_surname.get(surname, [])):
            if ent.suffix != suffix or ent.given is None:
                continue
            if _same_given(ent.words, tuple(words)):
                if len(words) > len(ent.words):
                    ent.name, ent.words, ent.given = name.text, tuple(words), given
                ent.aliases.setdefault(name.text)
                return ent
        ent = self._new(SpeakerKind.PERSON, name.text)
        ent.named_at = name.start
        ent.words, ent.given, ent.surname, ent.suffix = tuple(words), given, surname, suffix
        ent.person = given in MALE_FIRST_NAMES or given in FEMALE_FIRST_NAMES
        self._by_surname.setdefault(surname, []).append(ent)
        self._by_given.setdefault(given, []).append(ent)
        return ent

    def _organization(self, name: _Name) -> Ent:
        key = (SpeakerKind.ORGANIZATION, " ".join(name.words))
        ent = self._by_name.get(key)
        if ent is None:
            ent = self._new(SpeakerKind.ORGANIZATION, name.text)
            ent.words = name.words
            self._by_name[key] = ent
            initials = "".join(
                w[0] for w in name.words if w not in ("of", "the", "and", "for", "&")
            )
            if len(name.words) >= 2 and len(initials) >= 2:
                self._by_acronym.setdefault(initials, ent)
        # Rule acronym-in-parentheses: "the Environmental Protection Agency (EPA)".
        acr = _ACRONYM_AFTER.match(self.text, name.end)
        if acr is not None:
            a = acr.group("acr").replace(".", "").lower()
            self._by_acronym[a] = ent
            ent.aliases.setdefault(acr.group("acr"))
        return ent

    def _roles_of(self, name: _Name) -> None:
        """The role rules, read around one full name of a person."""
        ent = name.ent
        assert ent is not None
        text = self.text
        sent = self.analysis.sentences[name.sentence]
        lo = sent.start
        hi = sent.end
        if name.honorific:
            h = name.honorific
            g = HONORIFICS.get(_bare(h))
            if g in ("male", "female") and name.title is not None:
                ent.evidence.append(
                    GenderEvidence(
                        gender=g,
                        kind="honorific",
                        start=name.title[0],
                        end=name.title[0] + len(h),
                        text=h,
                    )
                )
        if name.title is not None or name.honorific is not None:
            ent.person = True
        # Rule role-before-name: "White House spokeswoman Jen Psaki".
        start = name.title[0] if name.title is not None else name.start
        prev = _WORD_BEFORE.search(text, max(lo, start - 40), start)
        if name.title is not None or (
            prev is not None and _bare(prev.group(1)) in _ROLE_NOUNS | KINSHIP_NOUNS.keys()
        ):
            m = mention_before(text, max(lo, start - 120), name.end)
            if m is not None and m.role and m.end == name.end:
                role = m.role
                if _bare(role) not in HONORIFICS:
                    self.add_role(
                        ent,
                        role,
                        m.start,
                        m.start + len(m.text) - len(m.name),
                        "role-before-name",
                        text,
                    )
                    ent.person = True
        # Rule age-appositive: "Ana Ruiz, 45,".
        after = name.end + (2 if name.possessive else 0)
        age = _AGE_AFTER.match(text, after, hi)
        if age is not None and 0 < int(age.group("age")) < 120:
            self.add_epithet(ent, f"{int(age.group('age'))}-year-old")
            ent.person = True
            nxt = age.end()
        else:
            nxt = after
        if not name.possessive:
            # Rule role-appositive: "Ana Ruiz, a judge at the court,".
            app = _APPOSITIVE_AFTER.match(text, nxt, hi)
            if app is not None and _is_role(app.group("role")):
                self.add_role(
                    ent,
                    app.group("role"),
                    app.start("role"),
                    app.end("role"),
                    "role-appositive",
                    text,
                )
                ent.person = True
            # Rule role-who-is: "Ana Ruiz, who is the mayor,".
            who = _WHO_IS.match(text, nxt, hi)
            if who is not None and _is_role(who.group("role")):
                self.add_role(
                    ent, who.group("role"), who.start("role"), who.end("role"), "role-who-is", text
                )
                ent.person = True
            # Rule role-is-the: "Ana Ruiz is the mayor of Lyon."
            is_the = _IS_THE.match(text, name.end, hi)
            if is_the is not None and _is_role(is_the.group("role")):
                self.add_role(
                    ent,
                    is_the.group("role"),
                    is_the.start("role"),
                    is_the.end("role"),
                    "role-is-the",
                    text,
                )
                ent.person = True
        # Rule role-appositive-before: "the head of the agency, Ana Ruiz, said".
        if text[max(lo, start - 2) : start].strip() == ",":
            bef = _APPOSITIVE_BEFORE.search(text, max(lo, start - 120), start)
            if bef is not None and _is_role(bef.group("role")):
                self.add_role(
                    ent,
                    bef.group("role"),
                    bef.start("role"),
                    bef.end("role"),
                    "role-appositive-before",
                    text,
                )
                ent.person = True

    # -- the walk ----------------------------------------------------------------------

    def advance(self, pos: int) -> None:
        """Read the text up to ``pos``: link every name and pronoun starting before it."""
        events, n = self._events, len(self._events)
        while self._next < n and events[self._next].start < pos:
            ev = events[self._next]
            self._next += 1
            if isinstance(ev, _Pronoun):
                self._link_pronoun(ev)
            else:
                self._link_name(ev)

    def _note(
        self, ent: Ent, start: int, end: int, rule: str, sentence: int, salient: bool
    ) -> None:
        ent.mentions.append(
            EntityMention(start=start, end=end, text=self.text[start:end], rule=rule)
        )
        ent.last = start
        if salient:
            self._seen.setdefault(sentence, []).append((start, ent))

    def _link_name(self, name: _Name) -> None:
        rule = "full-name"
        ent = name.ent
        if ent is None:
            ent, rule = self._alias(name)
        if ent is None:
            return
        name.ent, name.rule = ent, rule
        if name.kind == "single" and name.title is not None:
            ent.person = True
        if name.honorific and name.kind != "person":
            g = HONORIFICS.get(_bare(name.honorific))
            if g in ("male", "female") and name.title is not None:
                ent.evidence.append(
                    GenderEvidence(
                        gender=g,
                        kind="honorific",
                        start=name.title[0],
                        end=name.title[0] + len(name.honorific),
                        text=name.honorific,
                    )
                )
        if name.title is not None and name.kind != "person" and ent.kind is SpeakerKind.PERSON:
            # "Sen. Rubio": the title alone is a role too ("Sen." until a fuller one).
            self.add_role(
                ent,
                self.text[name.title[0] : name.title[1]],
                name.title[0],
                name.title[1],
                "role-before-name",
                self.text,
            )
        start = name.title[0] if name.title is not None else name.start
        self._note(ent, start, name.end, rule, name.sentence, not (name.in_quote or name.modifier))

    def _alias(self, name: _Name) -> tuple[Ent | None, str]:
        """The alias rules: a one-word name (or an unknown organisation) to its entity."""
        if name.kind == "organization":
            return self._organization(name), "organization-name"
        word = name.words[0]
        rule = "alias-honorific" if name.honorific else "alias-surname"
        found = self.person_by_surname(word, name.start)
        if found is not None:
            return found, rule
        acr = self._by_acronym.get(word.replace(".", ""))
        if acr is not None:
            return acr, "alias-acronym"
        given = self._by_given.get(word)
        if given and name.honorific is None:
            return max(given, key=lambda e: e.last), "alias-given-name"
        known = self._singles.get(word)
        if known is not None:
            return known, "alias-same-name"
        if name.kind == "initial":
            return None, ""
        # A name written alone and never in full: its own entity ("Obama", "Guccifer").
        kind = SpeakerKind.PERSON
        if name.words[0].replace(".", "").isalpha() and name.text.replace(".", "").isupper():
            kind = SpeakerKind.ORGANIZATION
        ent = self._new(kind, name.text)
        ent.words, ent.surname = name.words, word
        ent.person = name.title is not None
        self._singles[word] = ent
        return ent, "single-name"

    def person_by_surname(self, word: str, pos: int) -> Ent | None:
        """The person named in full whose surname is ``word``: the latest mentioned before
        ``pos``; else the one named nearest before; else the first named after."""
        cands = self._by_surname.get(word.lower())
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        seen = [e for e in cands if 0 <= e.last < pos]
        if seen:
            return max(seen, key=lambda e: e.last)
        firsts = [(e.named_at, e) for e in cands]
        before = [fe for fe in firsts if fe[0] < pos]
        if before:
            return max(before, key=lambda fe: fe[0])[1]
        return min(firsts, key=lambda fe: fe[0])[1]

    def _link_pronoun(self, pro: _Pronoun) -> None:
        """Rule pronoun-antecedent (see the module docstring)."""
        if pro.in_quote:
            return
        speech = pro.start in self._speech_pronouns
        ent = self.antecedent(pro.gender, pro.start, pro.sentence, speech)
        if ent is None:
            return
        pro.ent = ent
        self.pronoun_links[pro.start] = ent
        ent.evidence.append(
            GenderEvidence(
                gender=pro.gender, kind="pronoun", start=pro.start, end=pro.end, text=pro.text
            )
        )
        ent.person = True
        self._note(ent, pro.start, pro.end, "pronoun-antecedent", pro.sentence, True)

    def antecedent(self, gender: str, pos: int, sentence: int, speech: bool = False) -> Ent | None:
        """The person a pronoun of ``gender`` at ``pos`` stands for (rule
        ``pronoun-antecedent``).

        Candidates are the persons mentioned outside quotations in the pronoun's sentence
        (before it) and in the four sentences before that hold any (within two paragraphs);
        a person known to be of the other gender is never one. Each is scored by what makes
        a reader pick it (the weights are in ``_SALIENCE``): how near its sentence is; being
        that sentence's subject (its first person outside an opening clause such as "When
        Maddow asked, ..." or "In Concord, ..."), or its speaker ("..., Tester said");
        being known to match in gender; how often the article has named it so far; and, for
        a pronoun that attributes a quotation ("he said"), being the last speaker. The
        highest score wins; on a tie, the nearer mention.
        """
        para = self._paragraph_of[sentence] if sentence < len(self._paragraph_of) else 0
        looked = 0
        si = sentence
        best: tuple[float, int, Ent] | None = None
        while si >= 0 and looked < 4:
            seen = self._seen.get(si)
            if seen:
                if para - self._paragraph_of[si] > 2:
                    break
                distance = 0
                if si != sentence:
                    looked += 1
                    distance = looked
                intro = self._intro_end(si)
                first = True
                for start, ent in seen:
                    if start >= pos or ent.kind is not SpeakerKind.PERSON:
                        continue
                    g = ent.guess()
                    if g is not None and g != gender:
                        continue
                    in_intro = start < intro
                    score = _DISTANCE[min(distance, 4)]
                    if first and not in_intro:
                        score += _SALIENCE["subject"]
                        first = False
                    if in_intro:
                        score += _SALIENCE["opening-clause"]
                    if si in self._spoke_in and ent.id in self._spoke_in[si]:
                        score += _SALIENCE["speaker-of-sentence"]
                    if g == gender:
                        score += _SALIENCE["gender-known"]
                    if not ent.person:
                        score += _SALIENCE["no-person-evidence"]
                    score += _SALIENCE["per-mention"] * min(len(ent.mentions), 8)
                    if speech and self.last_speaker is ent:
                        score += _SALIENCE["last-speaker"]
                    key = (score, start, ent)
                    if best is None or (score, start) > (best[0], best[1]):
                        best = key
            si -= 1
        if best is None and speech and self.last_speaker is not None:
            ls = self.last_speaker
            g = ls.guess()
            if ls.kind is SpeakerKind.PERSON and g in (None, gender) and pos - ls.spoke < 2000:
                return ls
        return best[2] if best is not None else None

    def _intro_end(self, si: int) -> int:
        """Where the opening clause of sentence ``si`` ends: the first comma after an opening
        preposition or subordinator ("In Concord, ...", "When Maddow asked, ..."), else the
        sentence's start."""
        found = self._intros.get(si)
        if found is None:
            sent = self.analysis.sentences[si]
            found = sent.start
            m = _OPENING_CLAUSE.match(self.text, sent.start, sent.end)
            if m is not None:
                found = m.end()
            self._intros[si] = found
        return found

    def note_speaker(self, ent: Ent, pos: int) -> None:
        """Record that ``ent`` is the speaker of a quote attributed at ``pos``."""
        ent.spoke = pos
        self.last_speaker = ent
        self._spoke_in.setdefault(self.sentence_index(pos), set()).add(ent.id)

    def add_mention(self, ent: Ent, start: int, end: int, rule: str) -> None:
        """Record a mention found by coreference (a speaker's description, say)."""
        si = self.sentence_index(start)
        self._note(ent, start, end, rule, si, not self.in_quote(start))

    def new_entity(self, kind: SpeakerKind, name: str) -> Ent:
        """A new entity (a source the scan could not see: "a senior official")."""
        ent = self._new(kind, name)
        if kind is SpeakerKind.ANONYMOUS:
            ent.anonymous_description = True
        return ent

    def find_name(self, start: int, end: int) -> tuple[Ent, str] | None:
        """The entity of the last name read by the scan inside ``[start, end)``, with the
        rule that linked that name; ``None`` if there is none."""
        k = bisect.bisect_left(self._name_starts, start)
        found = None
        while k < len(self._name_starts) and self._name_starts[k] < end:
            n = self.name_at[self._name_starts[k]]
            if n.end <= end and n.ent is not None:
                found = (n.ent, n.rule)
            k += 1
        return found

    def add_role(self, ent: Ent, role: str, start: int, end: int, rule: str, text: str) -> None:
        """Give ``ent`` a role, and index it by the role's heads and epithets."""
        for head in ent.add_role(role, start, end, rule, text):
            found = self._by_head.setdefault(head, [])
            if not found or found[-1] is not ent:
                found.append(ent)

    def add_epithet(self, ent: Ent, epithet: str) -> None:
        """Give ``ent`` an epithet ("45-year-old"), indexed like a role head."""
        ent.epithets.add(epithet)
        found = self._by_head.setdefault(epithet, [])
        if not found or found[-1] is not ent:
            found.append(ent)

    def entities_with_head(self, heads: frozenset[str]) -> list[Ent]:
        """Persons and sources whose role heads or epithets meet ``heads``."""
        out: dict[int, Ent] = {}
        for h in heads:
            for ent in self._by_head.get(h, ()):
                out.setdefault(ent.id, ent)
        return list(out.values())

    # -- the result --------------------------------------------------------------------

    def freeze(self) -> Cast:
        """The cast as public records: entities with at least one mention, in order of
        first mention."""
        out: list[Entity] = []
        order = sorted((e for e in self.entities if e.mentions), key=lambda e: e.mentions[0].start)
        for new_id, ent in enumerate(order):
            out.append(self._entity(ent, new_id))
        return Cast(tuple(out))

    def _entity(self, ent: Ent, new_id: int) -> Entity:
        gender, note = decide_gender(ent)
        mentions = tuple(sorted(ent.mentions, key=lambda m: m.start))
        aliases = tuple(
            a
            for a in dict.fromkeys(
                m.text for m in mentions if m.rule.startswith("alias") or m.rule == "full-name"
            )
            if a != ent.name
        )
        roles = tuple(Span(s, e, self.text[s:e]) for _, s, e, _ in ent.roles)
        return Entity(
            id=new_id,
            name=ent.name,
            kind=ent.kind,
            aliases=aliases,
            roles=roles,
            role=ent.most_specific_role(),
            gender=gender,
            gender_evidence=tuple(sorted(ent.evidence, key=lambda e: e.start)),
            gender_note=note,
            mentions=mentions,
        )


def decide_gender(ent: Ent) -> tuple[str | None, str]:
    """Gender from the text's own evidence, and how it was decided.

    Honorifics, role and kinship nouns are strong evidence, resolved pronouns weaker: strong
    evidence that disagrees gives ``None``; otherwise the gender holding at least three
    quarters of the weighted evidence wins, else ``None`` ("conflicting evidence").
    """
    if ent.kind is not SpeakerKind.PERSON:
        return None, "not a person"
    strong = {e.gender for e in ent.evidence if e.kind != "pronoun"}
    if len(strong) > 1:
        return None, "conflicting evidence"
    votes = {"male": 0, "female": 0}
    for e in ent.evidence:
        if e.gender in votes:
            votes[e.gender] += 1 if e.kind == "pronoun" else 3
    total = votes["male"] + votes["female"]
    if not total:
        return None, "no evidence"
    winner = max(votes, key=votes.__getitem__)
    if votes[winner] >= 0.75 * total:
        return winner, "text"
    return None, "conflicting evidence"


def _same_given(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names with the same surname name one person: same given name, or an
    initial of it, and no middle names that disagree ("Donald J. Trump", "Donald Trump")."""
    ga, gb = a[0].rstrip("."), b[0].rstrip(".")
    if ga == gb:
        return True
    if (len(ga) == 1 and gb.startswith(ga)) or (len(gb) == 1 and ga.startswith(gb)):
        return True
    return False
