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
``kinship-appositive``
    *Tom Reyes and his wife, Ana Ruiz,* is gender evidence for Ana Ruiz.
``sex-adjective``
    *Ana Ruiz, the first female governor,*: *female* before the role's own noun is gender
    evidence for its holder (not *an advocate for female workers*).

**The walk** (:meth:`CastBuilder.advance`) then reads the text from left to right, as a
reader does, and links each mention to an entity:

``alias-surname``, ``alias-given-name``, ``alias-acronym``, ``alias-honorific``
    *Psaki*, *Jen*, *NIH*, *Ms. Psaki* stand for the person or organisation named in full
    (the most recently mentioned one; else, for a headline, the first named after).
``pronoun-antecedent``
    *he* and *she* stand for the first person of matching gender met in the same sentence,
    else in the sentences before (up to four; names inside quotation marks, names used as
    modifiers such as *a Trump rally*, and persons of the other gender are skipped). Every
    link is evidence of the person's gender. An object *him* never takes the person named
    just before its verb (rule ``object-not-subject``: *Ruiz then thanked him*).
``reported-clause-subject``
    a *he* or *she* opening the clause a verb of saying reports is the verb's subject, named
    just before it: *Taylor Quinn said he was tired*, *Taylor Quinn has also said he ...*
    (though an earlier man is better known).
``possessive-pronoun``, ``reflexive-pronoun``, ``possessive-previous-sentence``
    *his*, *her* (before a noun), *himself*, *herself* are gender evidence, and nothing more,
    for the one person their sentence (or, for a possessive opening a sentence that names
    no one, the sentence before) can mean by them: *Mayor Kit Moreno said her office would
    reopen*. Two candidates, a person noun that is no one's role (*the governor*), or *his
    or her* (rule ``either-gender``) give nothing. A reflexive shows the full name it reads
    back to to be a person's (rule ``reflexive-shows-person``: *Kit Moreno introduced
    herself*).

``honorific-in-quote``, ``self-description``
    what speakers say inside quotation marks is evidence too: *Mr. Quinn* in a quotation is
    the one person of that surname the article names who can be meant; "As a mother, I ..."
    in a speaker's own quotation is evidence for that speaker (read after resolution).
``said-of``
    "“He never listened,” Ana Ruiz said of Tom Baker." The pronouns of a quotation said
    *of* a person are that person's (when all of one gender).

Gender evidence comes from honorifics (*Mr.*, *Ms.*), gendered role nouns (*spokeswoman*,
*chairman*), kinship nouns (*his wife, Ana Ruiz*) and resolved pronouns, each recorded with
its offsets (:class:`~quoteattr.GenderEvidence`). Coreference (:mod:`quoteattr.coref`) drives
the walk and resolves each speaker mention against the cast.

>>> from quoteattr.backends.rules import RulesBackend
>>> from quoteattr._budget import Budget
>>> text = "Deputy Mayor Ines Marchetti spoke. Marchetti said she was ready."
>>> builder = CastBuilder(RulesBackend().analyse(text, Budget()), (), Budget())
>>> builder.advance(len(text))
>>> cast, _ = builder.freeze()
>>> e = cast[0]
>>> (e.name, e.role, e.gender)
('Ines Marchetti', 'Deputy Mayor', 'female')
>>> [m.rule for m in e.mentions]
['full-name', 'alias-surname', 'reported-clause-subject']
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

import attrs
import regex

from . import syntax
from ._budget import Budget
from ._patterns import lazy_re, lazy_regex, one_of
from .cues import FORMS
from .dateline import dateline_end
from .lexicon.abbreviations import STATE_ABBREVIATIONS, TITLE_ABBREVIATIONS
from .lexicon.clauses import ARTICLES_AND_POSSESSIVES
from .lexicon.names import (
    CALENDAR_WORDS,
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    MARKET_NOUNS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
    RUN_OPENERS,
    STAKE_NOUNS,
)
from .lexicon.people import (
    ANONYMOUS_NOUNS,
    GENDERED_PERSON_NOUNS,
    KINSHIP_NOUNS,
    PERSON_NOUNS,
    ROLE_SYNONYMS,
)
from .lexicon.places import DEMONYMS, EVENT_WORDS, FACILITY_WORDS, GROUP_WORDS, PLACES
from .lexicon.roles import (
    COMPANY_END_WORDS,
    DOCUMENT_NOUNS,
    HONORIFICS,
    ORGANIZATION_ACRONYMS,
    ORGANIZATION_NOUNS,
    PLATFORMS,
    ROLE_MODIFIERS,
    SOURCE_NOUNS,
    TITLES,
)
from .model import (
    Analysis,
    Cast,
    Entity,
    EntityMention,
    GenderEvidence,
    Sentence,
    Span,
    SpeakerKind,
)
from .quotes import QuoteSpan
from .speakers import body_then_name, people_group, speech_past

__all__ = ["CastBuilder", "Ent", "agent_noun", "clean_role", "role_heads"]

# -- lexicon unions, built once -------------------------------------------------------------

_PLACES = PLACES | frozenset(
    ("u.s.", "us", "u.k.", "uk", "usa", "u.s.a.", "d.c.", "washington d.c.")
)
_TITLE_WORDS = TITLES | TITLE_ABBREVIATIONS | frozenset(HONORIFICS)
# Words that may stand before a name inside its capitalised run and belong to its role:
# "Former Sen. Ana Ruiz", "Republican candidate ...", "Dutch striker ...".
_LEADING_ROLE_WORDS = _TITLE_WORDS | ROLE_MODIFIERS | DEMONYMS
_ORG_WORDS = ORGANIZATION_NOUNS - frozenset(("white", "who", "co", "post", "press", "times"))
_ORG_END_WORDS = (
    frozenset(("post", "press", "times", "co", "co.", "inc.", "corp.", "ltd.")) | COMPANY_END_WORDS
)
_ROLE_NOUNS = (
    TITLES
    | PERSON_NOUNS
    | SOURCE_NOUNS
    | frozenset(GENDERED_PERSON_NOUNS)
    | frozenset(KINSHIP_NOUNS)
) - frozenset(HONORIFICS)
# Rule actor-not-gendered: "actor" is no gender evidence, though the lexicon pairs it with
# "actress": AP style and much current news call women actors too ("actor Emma Ruiz").
_GENDER_NOUNS = {
    w: g for w, g in {**GENDERED_PERSON_NOUNS, **KINSHIP_NOUNS}.items() if w != "actor"
}
_ROLE_OR_KIN = _ROLE_NOUNS | frozenset(KINSHIP_NOUNS)
# Past forms and participles of verbs of saying: a "role" holding one is a clause.
_VERB_FORMS = (
    frozenset(
        w for w in FORMS if w.endswith(("ed", "ing")) or w in ("said", "says", "told", "wrote")
    )
    - _ROLE_NOUNS
)
_VERBS_OF_BEING = ("is ", "was ", "has been ", "had been ", "became ", "remains ")
# Words that open a capitalised run without being part of a name: "The", "When".
_OPENERS = (NON_NAME_WORDS | RUN_OPENERS) - _TITLE_WORDS
# One-word runs that are never a name by themselves.
_SINGLE_REJECT = (
    NON_NAME_WORDS
    | _ROLE_NOUNS
    | CALENDAR_WORDS
    | DEMONYMS
    | frozenset(d + "s" for d in DEMONYMS)
    | _TITLE_WORDS
    | STATE_ABBREVIATIONS
    | frozenset(p for p in PLACES if " " not in p)
    | GROUP_WORDS
    | frozenset(("u.s", "u.k", "u.n", "d.c", "usa"))
)
# The same words as a run is written (capitalised, or in capitals), and one-word contractions
# ("It’s", "I’m"): runs dropped before any other reading.
_NOT_A_NAME_RUN = frozenset(
    form for w in _SINGLE_REJECT for form in (w.capitalize(), w.upper(), w.title())
) | frozenset(
    f"{w.capitalize()}{apo}{end}"
    for w in ("i", "it", "that", "there", "he", "she", "we", "they", "you", "what", "who")
    for apo in "’'"
    for end in ("s", "m", "ve", "ll", "re", "d")
)
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
_ABBREVIATED_TITLES = "|".join(
    sorted((w.capitalize() for w in TITLE_ABBREVIATIONS), key=len, reverse=True)
)
# The standard library's ``re`` scans plain text faster than ``regex`` for these patterns,
# all the more when they open with an explicit set of characters, which it skips to in C:
# capitals of Latin (with accents and Latin Extended), Greek and Cyrillic (a lower-case
# letter of those ranges is turned away on the match).
_UP = r"[A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫЀ-Я]"
# One capitalised word: "Ana", "O’Brien", "McAllister", "U.S.", "Sen.", an initial "J." before
# a name, "al-Assad".
_WORD = (
    r"(?:" + _UP + r"\.(?:" + _UP + r"\.)+"
    r"|(?:" + _ABBREVIATED_TITLES + r")\."
    r"|" + _UP + r"\.(?=[ \t\xa0]+" + _UP + r")"
    r"|(?:al|el|bin|abu|abd)-" + _UP + r"[\w’'&-]*"
    r"|" + _UP + r"[\w’'&-]*)"
)
# Lower-case particles inside a name: "Ursula von der Leyen", "Erik ten Hag".
_PARTICLE = r"(?:de|da|di|del|della|der|den|van|von|la|le|du|dos|das|ten|ter|zu|bin|ibn|al|el)"
_GAP = r"[ \t\xa0]+"
# Rule scan-names-and-pronouns: one pass over the text finds the capitalised runs ("Deputy
# Mayor Ines Marchetti"), another the third-person pronouns after a space or an opening mark
# ("she", "him"; capitalised ones are runs of their own). Each pattern opens with a
# character set, which the standard library's engine skips to in C: far cheaper than
# trying a pattern at every position.
_FIRST = (
    _UP
    + r"(?:\.(?:"
    + _UP
    + r"\.)+|\.(?=[ \t\xa0]+"
    + _UP
    + r")|[a-z]{1,3}\.(?=[ \t\xa0]+"
    + _UP
    + r")|[\w’'&-]*)"
)
_RUNS = lazy_re(
    _FIRST
    + r"(?:"
    + _GAP
    + r"(?:(?:"
    + _PARTICLE
    + r"|of|for)"
    + _GAP
    + r"){0,3}"
    + _WORD
    + r"){0,7}"
)
_PRONOUNS = lazy_re(r"[ \n(—–“\"‘](he|she|him|his|her|himself|herself)\b")
_CAPITAL_PRONOUNS = {"He": "male", "Him": "male", "She": "female", "His": "male", "Her": "female"}
# The runs the scan drops at once (one set to ask, not two).
_DROPPED_RUN = _NOT_A_NAME_RUN - _CAPITAL_PRONOUNS.keys()
# Pronouns that are gender evidence only (rules possessive-pronoun, reflexive-pronoun): they
# never attribute a quotation, so they are linked to no one as mentions.
_REFLEXIVES = frozenset(("himself", "herself"))
# Words after "her" that make it an object, not a possessive: "told her that", "asked her
# to", "called her." ("her office" is a possessive).
_AFTER_OBJECT_HER = frozenset(
    """
    a an the this that these those to and or but nor so as at by for from in into of off on
    onto out over up down about after before around against with without since until than
    if when while because what who whom which how why where whether back away again too
    also not never just only now then here there even still all both either each
    """.split()
)
# Verbs after which "her" before a capitalised word is an object: "told her Trump was wrong",
# "gave her Medicare" (a possessive there is rarer: "told her Senate colleagues").
_TELLING_VERBS = frozenset(
    """
    told tell tells telling asked ask asks gave give gives giving sent send showed show
    offered offer called call calls urged urge let made make helped help thanked thank
    reminded remind assured assure promised promise warned warn informed inform
    """.split()
)
# Lower-case nouns that name a person ("the governor", "a woman", "her husband"): met
# between a name and a possessive, each is someone else it may stand for. (Words that are
# more often something else in news text are left out: "point", "head", "host" ...)
_PERSON_WORDS = (
    PERSON_NOUNS | ANONYMOUS_NOUNS | frozenset(GENDERED_PERSON_NOUNS) | frozenset(KINSHIP_NOUNS)
) - frozenset(
    """
    point forward center centre guard head chief independent conservative liberal
    progressive host star native icon legend personality principal anchor people member
    democrat republican deputy keeper catcher
    """.split()
)
_LOWER_WORD = lazy_re(r"[a-z][a-z-]+")
# A capitalised word inside a sentence (a name the walk may have passed by: "that Rubio").
_CAPITAL_WORD = lazy_re(r"(?<=[ (])[A-Z][\w’'-]+")
# The last clause break before an object pronoun (rule object-not-subject), searched from
# the end: a stop or mark, a conjunction, a subordinator or a relative.
_CLAUSE_BREAK = lazy_regex(
    r"(?r)[,;:.!?“”\"()—–]|\b(?:that|and|but|or|who|whom|which|when|after|before|because"
    r"|if|as|while|since|until|though|although|where|whether|than|said|says|say|told|tells"
    r"|added|asked|argued|claimed|insisted|noted|wrote|warned|believes|believed|thinks"
    r"|thought|expects|expected|predicted|suggested|explained|complained)\b"
)
# Words that put a name before an object pronoun out of its subject's place: "hit Snowden
# back by accusing him", "Benford plans to caucus for him".
_PREPOSITIONS = frozenset(
    "by for to with of on at about from into against toward towards after before".split()
)
# How far (in characters) a reflexive reads back to its person, and the pronouns that, met
# on the way, show that another clause's subject means it.
_REFLEXIVE_REACH = 80
# A verb of saying right after a name: "Khalif said".
_SAYS_AFTER = lazy_re(r" (?:said|says|told|tells|added|wrote|writes|argued|asked)\b")
# How far (in characters) a possessive reads back for its person (a long sentence's start is
# out of its reach).
_POSSESSIVE_REACH = 600
_SAME_GENDER_PRONOUN = {
    "male": lazy_re(r"\b(?:he|his|him)\b", re.I),
    "female": lazy_re(r"\b(?:she|her)\b", re.I),
}
# "his or her", "her/his": a pronoun of no one in particular.
# Rule reported-clause-subject: what stands between a person named as the subject of a verb
# of saying and a *he* or *she* opening the clause it reports ("Kasich said he would",
# "Ted Cruz, who said he", "Ms. Ruiz told reporters that she"), read back from the pronoun;
# up to two auxiliaries or adverbs may stand before the verb ("Comey has said that he",
# "Ruiz also told reporters she", "Priebus, who has long said he").
_REPORTED_SUBJECT = lazy_regex(
    r"(?r)(?P<who>,[ \t]+who)?"
    r"(?:[ \t]+(?:has|had|have|also|later|then|again|previously|repeatedly|recently|publicly"
    r"|privately|often|long|once|since|earlier|first|still|always|never)){0,2}"
    r"[ \t]+(?:said|says|told[ \t]+(?:reporters|[A-Z][\w’'.-]*)"
    r"|tells[ \t]+reporters|added|adds|argued|argues|noted|notes|insisted|insists|stressed"
    r"|explained|claimed|claims|stated|acknowledged|admitted|conceded|announced|warned"
    r"|predicted|suggested|maintained|replied|answered|believes|thinks|wrote|writes)"
    r"(?:[ \t]+that|,)?[ \t]+$"
)
# Words before a name that make it no subject: a preposition ("an adviser to Ruiz said he"),
# a conjunction ("Ortiz and Ruiz said she": two subjects).
_NOT_SUBJECT_BEFORE = frozenset(("&", "nor", "than", "like", "as")) | frozenset(
    "by for to with of on at about from into against toward towards".split()
)
# Rule honorific-in-quote: "Mr. Quinn", "Mrs. Ruiz" inside a quotation.
_QUOTED_HONORIFIC = lazy_re(
    r"(?<![\w.])(?P<h>Mr|Mrs|Ms|Miss)(?P<dot>\.?)[ \t\xa0]+(?P<surname>[A-Z][\w’'-]+)"
)
# "and was", "and has": a second clause after a predicate role.
_AND_VERB = lazy_re(r"[ \t]+and[ \t]+(?:was|is|has|had|did|does|said|says|will|would)\b")
# Words opening a comparison, not a role: "the only candidate", "the most attractive".
_RANKING_WORDS = frozenset("most only lone least best worst biggest last sole".split())
_FINITE = frozenset("is was are were has have had will would".split())
# Rule role-in-quote: "Secretary Clinton", "Senator Rubio" inside a quotation.
_QUOTED_TITLE = lazy_re(
    r"(?<![\w.])(?P<t>[A-Z][a-z]+\.?)[ \t\xa0]+(?P<surname>[A-Z][\w’'-]+)(?![\w’'-]|[ \t]+[A-Z])"
)
# Rule said-of: '“He never listened,” Ruiz said of Tom Baker.' What stands between a
# quotation's end and "said of" (a closing mark, the speaker), the verb, and what may stand
# before the name after "of" (a title: "said of Mayor Tom Baker").
_SAID_OF_BEFORE = lazy_re(r"[,!?]?[”\"’]?[ \t]+[^.!?“”\"\n]{0,60}")
_SAID_OF = lazy_re(
    r"\b(?:said|says|wrote|writes|added|adds|recalled|recalls)"
    r"(?:[ \t]+[A-Z][\w’'.-]*){0,3}[ \t]+of[ \t]+(?P<title>(?:[A-Z][\w’'.-]*[ \t]+){0,3})"
)
_ANY_PRONOUN = lazy_re(r"\b(?:he|she|him|his|her|himself|herself)\b", re.I)
# Rule self-description: "As a mother, I ...", "I'm the son of ...", "I am a businesswoman".
_SELF_DESCRIPTION = lazy_re(
    r"(?:(?<![\w’'])(?P<as>As)[ \t]+an?|\bI(?:[’']m|[ \t]+am)[ \t]+(?:an?|the))"
    r"(?P<words>(?:[ \t]+[a-z][\w-]*){1,3})"
)
# What follows "As a mother" for it to describe the speaker: ", I" (after an "of" phrase).
_AS_SELF = lazy_re(r"(?:[ \t]+of[ \t]+[\w -]{1,24})?[ \t]*,[ \t]*I\b")
# Words after which a name opens a clause ("... but Ruiz said she", "so Ortiz says he").
_CLAUSE_OPENERS = frozenset(
    """
    that but when because while after before since although though if so then where
    now also later instead finally meanwhile yet once until unless whereas
    """.split()
)
_EITHER_GENDER = lazy_re(
    r"(?:his|her|him|himself|herself) ?(?:or|/) ?(?:his|her|him|himself|herself)\b", re.I
)
# The word after a pronoun (none if a stop or a quotation mark comes first).
_WORD_AFTER = lazy_re(r" +([A-Za-z][\w’'-]*)")
_SPACE_SPLIT = lazy_regex(r"\S+")

# ", a judge at the court," / ", the reviews director at Publishers Weekly," after a name.
# A role's characters include a stop inside a word ("U.S.-based"); a stop before a space
# ends it, unless it closes an honorific, an initial or "U.S." ("Mrs. Ruiz's aide", "the
# U.S. Chamber of Commerce"): see _role_span. (A plain character class keeps the lazy
# repeat on the matcher's fast path; an alternation per character took 5 % of the cast.)
_ROLE_CHAR = r"[^,;:!?()“”\"\n]"
_AFTER_ROLE = r"(?=,|;|:|\)|\.(?:\s|$)|$|[ \t]+(?:who|which)\b)"
_APPOSITIVE_AFTER = lazy_re(
    r"[ \t]*,[ \t]+(?P<role>(?:" + one_of(ARTICLES_AND_POSSESSIVES) + r"[ \t]+)?"
    rf"{_ROLE_CHAR}{{2,160}}?)[ \t]*{_AFTER_ROLE}"
)
_APPOSITIVE_TAIL = lazy_re(rf"(?P<role>{_ROLE_CHAR}{{1,160}}?)[ \t]*{_AFTER_ROLE}")
# A stop that ends no role: after an honorific, an initial or "U.S.", before a word.
_INNER_STOP = lazy_re(
    r"(?:(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bDr)|(?<=\bSt)|(?<=\bU\.S)|(?<=\b[A-Z]))"
    r"\.(?=[ \t]\w)"
)
# ", 45," after a name.
_AGE_AFTER = lazy_re(r"[ \t]*,[ \t]+(?P<age>\d{1,3})[ \t]*(?=[,.;)])")
# ", who is the mayor," / ", who was a judge" / ", who was executive director of ..." /
# ", who served as Ana Ruiz's chief strategist" (without an article, _is_role decides).
_AFTER_BEING = r"(?=[,;:!?)]|\.(?:\s|$)|$)"
# (Rule role-who-as: an adverb or a phrase of time or capacity may stand between "who" and
# the verb: "who also is", "who until 2015 was", "who as a Navy captain was"; the capacity
# is a role too.)
_WHO_IS = lazy_re(
    r"[ \t]*,?[ \t]+who[ \t]+"
    r"(?:(?:also|now|once|then|later|previously|formerly|still)[ \t]+"
    r"|,?[ \t]*as[ \t]+(?:a|an|the)[ \t]+(?P<capacity>[^,;:.!?“”\"\n]{2,40}?)[ \t]*,?[ \t]+"
    r"|,?[ \t]*(?:until|since|from|in)[ \t]+[^,;:.!?“”\"\n]{2,30}?[ \t]*,?[ \t]+)?"
    r"(?:is|was|has[ \t]+been|had[ \t]+been|serves[ \t]+as|served[ \t]+as"
    r"|became|remains)[ \t]+(?P<role>(?:(?:a|an|the)[ \t]+)?"
    rf"{_ROLE_CHAR}{{2,90}}?)[ \t]*{_AFTER_BEING}"
)
# " is the mayor of Lyon." right after a name.
_IS_THE = lazy_re(
    r"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|became|remains)[ \t]+"
    rf"(?P<role>(?:a|an|the)[ \t]+{_ROLE_CHAR}{{2,90}}?)[ \t]*{_AFTER_BEING}"
)
_BEING_TAIL = lazy_re(rf"(?P<role>{_ROLE_CHAR}{{1,90}}?)[ \t]*{_AFTER_BEING}")


def _role_span(m: re.Match[str], text: str, hi: int, tail: re.Pattern[str]) -> tuple[int, int]:
    """The span of a role pattern's ``role`` group, run on past stops that end no role.

    >>> t = "Maria Lopez, Ms. Ruiz's communications director. We"
    >>> m = _APPOSITIVE_AFTER.match(t, 11)
    >>> s, e = _role_span(m, t, len(t), _APPOSITIVE_TAIL); t[s:e]
    "Ms. Ruiz's communications director"
    """
    s, e = m.span("role")
    while _INNER_STOP.match(text, e, hi):
        more = tail.match(text, e + 1, hi)
        if more is None:
            break
        e = more.end("role")
    return s, e


# "the head of American diplomacy, " right before a name.
_APPOSITIVE_BEFORE = lazy_regex(
    r"(?r)(?:^|(?<=[,;:(“\"]\s*)|(?<=[.!?]\s+))"
    r"(?P<role>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|\p{Lu}[\p{L}’'.&-]*(?:’s|'s))[ \t]+"
    r"[^,;:.!?()“”\"\n]{2,90}?)[ \t]*,[ \t]*$"
)
# "his wife, " / "Ana Ruiz's late husband, " right before a name (rule kinship-appositive).
_KINSHIP_BEFORE = lazy_regex(
    r"(?r)(?:\b[Hh]is|\b[Hh]er|\b[Tt]heir|\p{Lu}[\p{L}’'.-]*(?:’s|'s))[ \t]+"
    r"(?:[a-z][\p{L}-]*[ \t]+){0,2}?(?P<kin>[a-z][\p{L}-]*)[ \t]*,[ \t]*$"
)
# An opening clause: "In Concord, ", "When Maddow asked about it, ", "After the vote, ".
_OPENING_WORDS = frozenset(
    """
    In On At After Before During When While As Since Although Though Because If According
    Referring Responding Addressing Citing Pointing Unlike Besides Beyond Once Until Like
    Despite Following Asked Speaking Writing With Without From For Under Over Throughout
    Within Amid Among Upon Whether Even
    """.split()
)
# (A quoted phrase may end it, its comma inside the marks as American style writes it:
# 'When Ruiz called it "a farce," Cole ...'.)
_OPENING_CLAUSE = lazy_re(r"[^,;:.!?“”\"]{1,160}(?:,|[“\"][^,;:.!?“”\"]{1,80},[”\"])")
# How many persons of one surname (or given name) a lookup weighs: the latest named.
_BUCKET = 24

#: The weights of rule pronoun-antecedent (see :meth:`CastBuilder.antecedent`): by how
#: many sentences back the candidate is (the same sentence, one back, ...), then the rest.
_DISTANCE = (4.0, 3.0, 2.0, 1.0, 0.5)
# How many sentences back a pronoun's antecedent is looked for, at most.
_LOOK_BACK = 40
# What the walk keeps behind it (rule bounded-walk): every look-back reads at most
# _LOOK_BACK sentences or a few thousand characters behind the mention being resolved, so
# the indexes of what lies further back than both of these are dropped as the walk goes
# (a long article's walk holds a window, not the whole text). Checked every _PRUNE_EVERY
# events.
_KEEP_SENTENCES = 4 * _LOOK_BACK
_KEEP_CHARS = 20_000
_PRUNE_EVERY = 4096
_SALIENCE = {
    "subject": 2.0,
    "opening_clause": -1.5,
    "speaker_of_sentence": 0.5,
    "gender_known": 1.0,
    "no_person_evidence": -1.0,
    "last_speaker": 0.5,
    "per_mention": 0.3,
    "role_words": 2.0,
    "in_the_quote": -1.0,
    "introduced": 1.0,
    "same_paragraph": 1.0,
}
# (The same weights as plain names, for the inner loop of CastBuilder.antecedent.)
_SUBJECT = _SALIENCE["subject"]
_OPENING_CLAUSE_SCORE = _SALIENCE["opening_clause"]
_SPEAKER_OF_SENTENCE = _SALIENCE["speaker_of_sentence"]
_GENDER_KNOWN = _SALIENCE["gender_known"]
_NO_PERSON_EVIDENCE = _SALIENCE["no_person_evidence"]
_LAST_SPEAKER = _SALIENCE["last_speaker"]
_IN_THE_QUOTE = _SALIENCE["in_the_quote"]

# Adverbs of time that open a sentence before a time word (rule time-adverb-not-name).
_TIME_ADVERBS = frozenset(("Late", "Early", "Earlier", "Later"))
_TIME_AFTER_ADVERB = CALENDAR_WORDS | frozenset(
    "last next this that yesterday today tomorrow tonight".split()
)
# Words after which a capitalised "Will" or "May" opening a sentence is a modal.
_AFTER_MODAL = frozenset("the a an this that these those we you i he she it they god".split())
# "Full Name (ACR)": an acronym given in parentheses.
_ACRONYM_AFTER = lazy_re(r"[ \t]*\((?P<acr>[A-ZÀ-ÞΆ-ΫЀ-Я][A-ZÀ-ÞΆ-ΫЀ-Я&.]{1,9})\)")
_WORD_BEFORE = lazy_regex(r"(?r)([\p{L}’'.-]+)[ \t]+$")
# Words after which a name is a modifier ("a Trump rally") or a place ("in Concord").
_MODIFIER_BEFORE = frozenset("a an the this that these those his her their its our my".split())
_PLACE_BEFORE = frozenset("in at near from outside across throughout around into".split())


# -- helpers --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """Lower case, final stop and possessive removed, apostrophes made one: "Sen." -> "sen",
    "Trump’s" -> "trump", "O’Neill" -> "o'neill"."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("s'"):
        low = low[:-1]
    return low.rstrip(".")


@functools.lru_cache(maxsize=4096)
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


class _Shape(NamedTuple):
    """What a capitalised run says by itself, before its context is read (offsets are
    relative to the run's start)."""

    start: int
    end: int
    words: tuple[str, ...]
    kind: str  # "person" (two words or more), "single", "organization"
    title_start: int  # start of the title words before the name
    title_end: int  # end of the title words before the name, 0 if none
    honorific: str | None
    possessive: bool
    after_determiner: bool  # "His Catholic faith": a determiner opened the run
    opener: str  # the last word stripped from the front ("in" for "In Concord"), or ""
    common: bool  # one word that is likely a common word at a sentence start


@functools.lru_cache(maxsize=8192)
def _shape(w: str) -> _Shape | None:
    """Rules title-before-name, name-is-organization, name-is-place and
    one-word-not-a-name: the name in a capitalised run, or ``None`` if it has none.

    >>> s = _shape("Senate Majority Leader Mitch McConnell")
    >>> (s.words, s.kind, s.title_end)
    (('mitch', 'mcconnell'), 'person', 22)
    >>> _shape("South Carolina") is None, _shape("The") is None, _shape("FBI").kind
    (True, True, 'organization')
    >>> _shape("Department of Justice").words, _shape("Chris Murphy of Connecticut").words
    (('department', 'of', 'justice'), ('chris', 'murphy'))
    """
    words: list[tuple[int, int, str]] = []
    pos = 0
    for part in w.split():
        k = w.find(part, pos)
        words.append((k, k + len(part), part))
        pos = k + len(part)
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
    # Words that open sentences are not names: "The", "When", "However", "Interestingly".
    i = 0
    while (
        i < len(words)
        and (
            _bare(words[i][2]) in _OPENERS
            or (i == 0 and len(words) > 1 and _sentence_adverb(_bare(words[0][2])))
            # rule inverted-verb-not-name: "Continued Stone: ..."
            or (i == 0 and len(words) > 1 and speech_past(_bare(words[0][2])))
            # rule contraction-not-name: "Don’t Republicans run the risk?", "Isn't Ruiz"
            or _bare(words[i][2]).endswith("n't")
        )
        and not (i + 1 < len(words) and _bare(words[i + 1][2]) == "lady")  # "First Lady"
    ):
        i += 1
    opener = _bare(words[i - 1][2]) if i > 0 else ""
    after_determiner = opener in _DETERMINERS
    words = words[i:]
    if not words:
        return None
    lows = [_bare(x) for _, _, x in words]
    if "of" in lows and lows.index("of") >= 2:
        # Rule person-of-body-in-run: "Helen Okafor of Oxford University" is Helen Okafor
        # (of a body, her affiliation); "Royal Bank of Canada", "Massachusetts Institute of
        # Technology" have a body's word before "of" and stay whole.
        j = lows.index("of")
        if not any(_is_org_word(x) for x in lows[:j]) and any(
            _is_org_word(x) for x in lows[j + 1 :]
        ):
            words, lows = words[:j], lows[:j]
    # The last title word with a name after it splits role from name: "Senate Majority
    # Leader Mitch McConnell" -> "Mitch McConnell".
    cut = -1
    for k in range(len(lows) - 1):
        if k and lows[k] in DEMONYMS and lows[k - 1] in ("of", "for"):
            continue  # "Business Council of British Columbia": a place's word, no role's
        if lows[k] in _LEADING_ROLE_WORDS or lows[k] in CALENDAR_WORDS:
            cut = k
        elif words[k][2].endswith(("’s", "'s", "s’", "s'")):
            cut = k  # "MSNBC’s Rachel Maddow", "Democracy Corps’ Stan Greenberg": the
            # possessor belongs to the role
    honorific = None
    title_start = title_end = 0
    rest = lows[cut + 1 :]
    # Rule event-not-title: "Democratic National Convention" is an event, not a convention
    # titled "Democratic National"; rule demonym-and-one-word: "British Columbia" names a
    # place or a body, not a Briton called Columbia.
    event = bool(rest) and (rest[-1] in EVENT_WORDS or rest[-1] in FACILITY_WORDS)
    place = cut >= 0 and len(rest) == 1 and all(x in DEMONYMS for x in lows[: cut + 1])
    if cut >= 0 and not (event or place) and not any(_is_org_word(x) for x in rest):
        title_start, title_end = words[0][0], words[cut][1]
        if lows[cut] in HONORIFICS:
            honorific = words[cut][2]
        words, lows = words[cut + 1 :], rest
    if ("of" in lows or "for" in lows) and not any(_is_org_word(x) for x in lows):
        # Rule name-of-place: "Chris Murphy of Connecticut" is Chris Murphy; after a title,
        # "Mayor of London Sadiq Khan" is Sadiq Khan. ("Department of Justice", with an
        # organisation word, stays whole.)
        j = next(k for k, x in enumerate(lows) if x in ("of", "for"))
        if j == 0:
            # The place after "of" is one word, two that name a place ("Chief Minister of
            # Uttar Pradesh ..."), or runs up to a cluster of initials that opens the name
            # ("... of Tamil Nadu M.K. Stalin").
            # ("... of Uttar Pradesh Yogi Adityanath": of four words or more after "of", a
            # place the lists do not know, the last two are the name.)
            k = 2
            for n in (3, 2):
                if len(lows) > n + 2 and " ".join(lows[1 : n + 1]) in _PLACES:
                    k = n + 1
                    break
            while (
                k + 2 < len(lows)
                and _INITIALS.fullmatch(lows[k + 1])
                and lows[k] not in (MALE_FIRST_NAMES | FEMALE_FIRST_NAMES)
            ):
                k += 1
            if k == 2 and len(lows) >= 5:
                k = len(lows) - 2
            words, lows = words[k:], lows[k:]
        else:
            words, lows = words[:j], lows[:j]
    if (
        len(lows) >= 3
        and lows[-1] == "show"
        and (lows[0] in MALE_FIRST_NAMES or lows[0] in FEMALE_FIRST_NAMES)
    ):
        # Rule show-of-person: "The Rachel Maddow Show" names Rachel Maddow, so that
        # "Maddow" later is she.
        words, lows = words[:-1], lows[:-1]
    while words and (lows[-1] in CALENDAR_WORDS or lows[-1] in NON_NAME_WORDS):
        if len(lows) >= 2 and (lows[-2] in FEMALE_FIRST_NAMES or lows[-2] in MALE_FIRST_NAMES):
            break  # "Theresa May", "Anthony June": a given name makes it a surname
        words, lows = words[:-1], lows[:-1]
    if not words:
        return None
    low_text = " ".join(lows)
    first_word = words[0][2]
    kind = "person" if len(words) >= 2 else "single"
    if kind == "person" and lows[0] in NAME_PARTICLES:
        kind = "single"  # "De Blasio", "Bin Laden": a surname with its particle
    if (
        any(
            _is_org_word(x) and (x not in ORGANIZATION_ACRONYMS or w.isupper())
            for (_, _, w), x in zip(words, lows, strict=True)
        )
        or lows[-1] in _ORG_END_WORDS
        or _hyphenated_org_end(words[-1][2])
        or place
    ):
        # Rule name-is-organization: "Justice Department" (an acronym only in capitals:
        # "UN", not the "Un" of Kim Jong Un).
        kind = "organization"
    elif len(words) == 1 and len(first_word) >= 2 and first_word.replace(".", "").isupper():
        kind = "organization"  # "FBI", "NATO": an acronym.
    elif len(words) == 1 and lows[0] in PLATFORMS:
        kind = "organization"  # rule platform-is-organization: "on Twitter"
    elif kind == "person" and people_group(lows):
        kind = "organization"  # rule people-as-group: "Sikh Americans", "Muslim Americans"
    if (
        low_text in _PLACES
        or (len(lows) == 1 and lows[0] in _SINGLE_REJECT)
        or (len(lows) == 1 and "-" in lows[0] and _demonym_compound(lows[0]))
        or (len(lows) >= 2 and lows[-1] in EVENT_WORDS and kind != "organization")
        or (
            len(lows) >= 2
            and lows[-1] in FACILITY_WORDS
            and kind != "organization"
            and lows[0] not in MALE_FIRST_NAMES
            and lows[0] not in FEMALE_FIRST_NAMES
        )
        or len(low_text) < 2
    ):
        return None  # Rule name-is-place ("South Carolina"), and one-word-not-a-name.
    return _Shape(
        start=words[0][0],
        end=words[-1][1],
        words=tuple(lows),
        kind=kind,
        title_start=title_start,
        title_end=title_end,
        honorific=honorific,
        possessive=possessive,
        after_determiner=after_determiner,
        opener=opener,
        common=len(lows) == 1 and _common_word(lows[0]),
    )


def _demonym_compound(low: str) -> bool:
    """Whether a hyphenated word is made of nationalities: "African-American(s)"."""
    parts = low.split("-")
    return all(p in DEMONYMS or p.rstrip("s") in DEMONYMS for p in parts)


def _sentence_adverb(low: str) -> bool:
    """Whether a capitalised first word is a sentence adverb ("Interestingly", "Notably"),
    not a name ("Kelly", "Beverly")."""
    return (
        len(low) >= 7
        and low.endswith("ly")
        and low not in MALE_FIRST_NAMES
        and low not in FEMALE_FIRST_NAMES
    )


def _hyphenated_org_end(word: str) -> bool:
    """Rule hyphenated-paper-name: a name ending in a hyphenated word whose capitalised last
    part marks an organisation is one: "Chicago Sun-Times", "Pittsburgh Post-Gazette",
    "Star-Tribune" (not a person named Sun-Times)."""
    head, dash, last = word.rpartition("-")
    if not dash or not head or not last[:1].isupper():
        return False
    low = last.lower()
    return low in _ORG_END_WORDS or _is_org_word(low)


def _is_org_word(word: str) -> bool:
    """Whether a lower-case word names a kind of organisation ("department", "institutes")."""
    return word in _ORG_WORDS or (word.endswith("s") and word[:-1] in _ORG_WORDS)


def _is_title_case(sentence: str) -> bool:
    """Whether a sentence is a Title Case headline: nearly all its words capitalised, but for
    the small ones (articles, short prepositions) a headline leaves in lower case.

    >>> _is_title_case("Cable News Panel Just Dismissed the Senator")
    True
    >>> _is_title_case("Ana Ruiz said the plan was dead.")
    False
    """
    words = [w for w in sentence.split() if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


# Short words a Title Case headline may leave in lower case: "Ruiz Talks with the Mayor".
_SMALL_WORDS = frozenset(
    "a an the of to in on at for and or but nor by as is vs via with from into over than "
    "that this upon onto about".split()
)


_ROLE_TOKEN = lazy_re(r"[\w’'.&-]+|[^\w\s]")
# Lower-case words that may stand inside a role before a name ("former White House press
# secretary", "Clinton’s campaign chairman", "president and chief executive").
_ROLE_LOWER = (
    (TITLES | PERSON_NOUNS | SOURCE_NOUNS | ROLE_MODIFIERS | ORGANIZATION_NOUNS | DEMONYMS)
    | frozenset(GENDERED_PERSON_NOUNS)
    | frozenset(KINSHIP_NOUNS)
    | frozenset(("and", "&"))
)
_ROLE_LINKS = frozenset(("of", "for", "at", "on", "to"))
_LINKABLE = _ROLE_NOUNS | ORGANIZATION_NOUNS


def _role_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The role written right before a name ending its words at ``end`` (rule
    role-before-name): title and role words, capitalised names of places and bodies, and
    "of"-phrases ("head of American diplomacy"), read leftwards until a word that cannot be
    part of a role; ``None`` if there is none.

    >>> t = "Later the head of American diplomacy Antony Blinken said"
    >>> s, e = _role_before(t, 0, t.index("Antony")); t[s:e].strip()
    'head of American diplomacy'
    >>> t = "Only two Democrats currently back Sen. Bob Corker"
    >>> s, e = _role_before(t, 0, t.index("Bob")); t[s:e].strip()
    'Sen.'
    """
    toks = []
    find = text.find
    pos = lo
    for w in _ROLE_TOKEN.findall(text, lo, end):
        k = find(w, pos)
        pos = k + len(w)
        toks.append((k, pos, w))
    first = len(toks)
    pending = -1  # a run of unknown lower-case words, kept only if "of X" closes it
    compounds = 0
    before_compounds = first_compound = first
    k = len(toks) - 1
    while k >= 0:
        w = toks[k][2]
        low = _bare(w)
        if low == "first" and k + 1 < len(toks) and _bare(toks[k + 1][2]) == "lady":
            first = k  # "First Lady Jill Biden", "former first lady Michelle Obama"
        elif w[0].isupper() or w[0].isdigit():
            if low in NON_NAME_WORDS and low not in _TITLE_WORDS:
                break  # "Later", "But": a sentence opener
            if low in MALE_FIRST_NAMES or low in FEMALE_FIRST_NAMES:
                break  # another person's name: "Sen. Ted Cruz and Gov. ..."
            first = k
        elif low in ("and", "&"):
            # "president and chief executive": only between two role words; rule
            # and-in-body-name: "Colleges and Institutes Canada president" -- or inside a
            # body's name, between two capitalised organisation words.
            left = toks[k - 1][2] if k else ""
            if first >= len(toks):
                break
            if left[:1].isupper() and toks[first][2][:1].isupper():
                if not (_is_org_word(_bare(left)) and _is_org_word(_bare(toks[first][2]))):
                    break  # "Trump and House Speaker Paul Ryan" are two
            elif not left or _bare(left) not in _ROLE_NOUNS or left[:1].isupper():
                break
            first = k
        elif low in _ROLE_LOWER or w.endswith(("’s", "'s")):
            if pending < 0 or toks[first][2].lower() not in _ROLE_LINKS:
                pending = -1
            first = k
        elif (
            low == "the"
            and first == k + 1
            and k >= 2
            and toks[k - 1][2].lower() in _ROLE_LINKS
            and _bare(toks[k - 2][2]) in _ROLE_NOUNS
        ):
            first = k  # rule body-then-name: "Speaker of the House", "Secretary of the Navy"
        elif low in _ROLE_LINKS and k > 0 and first < len(toks):
            # "Secretary of State", "Department of Justice": after a role or a body.
            if _bare(toks[k - 1][2]) not in _LINKABLE:
                break
            first = k
        elif (
            first == k + 1
            and compounds < _MAX_COMPOUND
            and _compound_word(w, low)
            and (first == first_compound if compounds else _compound_head(_bare(toks[first][2])))
        ):
            # Rule compound-role: "political science professor", "talk show host", "real
            # estate developer" -- plain nouns before a role word are part of it.
            if not compounds:
                before_compounds = first
            first = first_compound = k
            compounds += 1
        elif w.isalpha() and w.islower() and len(toks) - k <= 4 and pending < 0:
            # "head of American diplomacy": a noun after "of" that no list knows.
            j = k - 1
            while j >= 0 and j >= k - 3 and toks[j][2].lower() not in _ROLE_LINKS:
                j -= 1
            if (
                j >= 1
                and toks[j][2].lower() in _ROLE_LINKS
                and _bare(toks[j - 1][2]) in _ROLE_NOUNS
            ):
                first = k
                pending = k
            else:
                break
        else:
            break
        k -= 1
    if compounds and not _opens_compound(toks, first_compound):
        # The word before the compound is a verb or a name ("paints rival Ana Ruiz",
        # "Cole beat rival Ana Ruiz"): the nouns may be its object's, not the role's.
        first = before_compounds
    if first >= len(toks):
        return None
    # A role ends in a role word or a title, not in "of" or a bare name of a place.
    while first < len(toks) and toks[first][2].lower() in _ROLE_LINKS | {"and", "&"}:
        first += 1
    if first >= len(toks):
        return None
    words = [_bare(t[2]) for t in toks[first:]]
    if not any(w in _ROLE_NOUNS or w in TITLE_ABBREVIATIONS for w in words):
        return None
    # Rule role-not-of-another: "a spokesman for Mrs. Clinton", "a friend of Ana Ruiz" -- a
    # role joined to the name by a preposition is someone else's role.
    last = len(words) - 1
    while last > 0 and words[last] in HONORIFICS:
        last -= 1
    if words[last] in _ROLE_LINKS or words[last] in ("and", "&", "or"):
        return None  # (also "the Remain campaign and Mrs. Clinton": a list, no role)
    return toks[first][0], toks[-1][1]


_MAX_COMPOUND = 3
# Lower-case words that are never the first part of a compound role: time words, and the
# plural sources that stand before a name as the object of a verb ("told reporters press
# secretary Ana Ruiz ...").
_NOT_COMPOUND = frozenset(
    "today tonight yesterday tomorrow morning afternoon evening night week month year "
    "weekend is was were are be been has have had will would do does did can could should "
    "may might must get got very quite rather too".split()
)


def _opens_compound(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the word before ``toks[k]`` may stand before a compound role: none, a mark, a
    determiner or possessive, a preposition, a conjunction, a verb of saying, or a
    capitalised word of a body or a place ("the real estate mogul", "said law professor
    Ana Ruiz", "State University political science professor"); not another verb nor a
    person's name ("paints rival Ana Ruiz", "Cole beat rival Ana Ruiz")."""
    if k == 0:
        return True
    w = toks[k - 1][2]
    low = _bare(w)
    if not w[:1].isalnum():
        return True
    if w[:1].isupper():
        return _is_org_word(low) or low in _PLACES or low in DEMONYMS or low in _TITLE_WORDS
    return (
        w.endswith(("’s", "'s"))
        or low in _DETERMINERS
        or low in _PREPOSITIONS
        or low in ("and", "or", "as", "in", "like")
        or low in FORMS
    )


def _compound_head(low: str) -> bool:
    """Whether a role word can head a compound role: a noun for a person or an office, not
    a form of address or an abbreviation ("Mr.", "Sen.")."""
    return (
        low in _ROLE_NOUNS
        and low not in _FORMS_OF_ADDRESS
        and low not in TITLE_ABBREVIATIONS
        and low not in ROLE_MODIFIERS
    )


def _compound_word(w: str, low: str) -> bool:
    """Whether a word may open a compound role before a role word: a lower-case noun or
    adjective ("political", "science", "real", "estate", "talk", "show"), not a function
    word, an adverb, a participle, a verb of saying or a plural source."""
    return (
        w[:1].islower()
        and w.replace("-", "").isalpha()
        and len(w) > 2
        and low not in NON_NAME_WORDS
        and low not in _DETERMINERS
        and low not in _PREPOSITIONS
        and low not in _NOT_COMPOUND
        and low not in FORMS
        and low not in SOURCE_NOUNS
        and not (low.endswith("s") and low[:-1] in _ROLE_NOUNS)
        and not low.endswith(("ly", "ed", "ing"))
    )


# A cluster of initials that opens a name: "M.K." (lower case, as the shape reads words).
_INITIALS = lazy_re(r"[^\W\d_](?:\.[^\W\d_])+\.?")


def _previous_word(text: str, at: int, lo: int) -> str:
    """The word before offset ``at`` (not before ``lo``), lower case, without a final stop.

    >>> _previous_word("He met the Trump team.", 11, 0)
    'the'
    """
    j = at
    while j > lo and text[j - 1] in " \t":
        j -= 1
    # The word is read back at most 20 characters and never past a space: the piece after
    # the last space is the word itself when it is all letters (the commonest case, tested
    # in C), else it is read back character by character.
    piece = text[max(lo, j - 20) : j]
    piece = piece[piece.rfind(" ") + 1 :]
    if piece.isalpha():
        return piece.lower()
    k = j
    while k > lo and j - k < 20 and (text[k - 1].isalpha() or text[k - 1] in "’'.-"):
        k -= 1
    return text[k:j].lower().rstrip(".")


_OF_THE = ("of the ", "for the ")


def _body_then_name_at(text: str, w: str, shape: _Shape, start: int, lo: int) -> int:
    """Where, in the run ``w`` at ``start`` written after "TITLE of the", the person's name
    begins (rule body-then-name, see :func:`quoteattr.speakers.body_then_name`); 0 when
    no title stands before "of the" or the run names a body only."""
    at = text.rfind(" of the ", max(lo, start - 9), start)
    if at < 0:
        at = text.rfind(" for the ", max(lo, start - 10), start)
    if at < 0 or _previous_word(text, at + 1, lo) not in TITLES or shape.start:
        return 0
    n = body_then_name(shape.words)
    if not n:
        return 0
    parts = w.split()
    if len(parts) != len(shape.words):
        return 0
    pos = 0
    for part in parts[:n]:
        pos = w.index(part, pos) + len(part)
    while pos < len(w) and w[pos] in " \t\xa0":
        pos += 1
    return pos


def _place_before(text: str, start: int, lo: int, prev_word: str, opener: str) -> bool:
    """Whether a preposition of place stands before the one-word run at ``start`` ("in
    Concord"), except "in" after a noun of a stake (rule stake-in-company: "shares in
    Rolls-Royce", "a stake in Tesla" name a company)."""
    if opener in _PLACE_BEFORE:
        return True
    if prev_word not in _PLACE_BEFORE:
        return False
    if prev_word != "in":
        return True
    at = text.rfind("in", max(lo, start - 8), start)
    return at < 0 or _previous_word(text, at, lo) not in STAKE_NOUNS


# The endings of participles and adverbs that :func:`_common_word` reads ("Standing").
_LOOKS_INFLECTED = ("ing", "ed", "ly")


def _common_word(low: str) -> bool:
    """Whether a capitalised word at a sentence start is likely a common word, not a name:
    a participle or adverb ("Standing", "Finally"), or a noun for people or organisations
    ("Critics", "Police")."""
    if low.endswith(_LOOKS_INFLECTED) and len(low) > 4:
        return True
    stem = low[:-1] if low.endswith("s") else low
    return (
        low in _ROLE_NOUNS
        or stem in _ROLE_NOUNS
        or low in _ORG_WORDS
        or stem in _ORG_WORDS
        or low in MARKET_NOUNS
    )


@functools.lru_cache(maxsize=4096)
def _role_facts(
    role: str,
) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str, str], ...]]:
    """What a role says, worked out once per wording: its heads, its epithets of
    nationality, and its gendered words with the gender and evidence kind each gives."""
    epithets = []
    gendered = []
    words = role.split()
    for i, w in enumerate(words):
        b = _bare(w)
        if b in DEMONYMS:
            epithets.append(b)
        g = _GENDER_NOUNS.get(b)
        if b in _SEX_ADJECTIVES and _sex_of_holder(words, i):
            g = _SEX_ADJECTIVES[b]
        if g in ("male", "female") and not w.endswith(("’s", "'s", "’", "s'")):
            # (Rule possessor-gender-not-holder: "the congressman's adviser Ana Ruiz" says
            # the congressman's gender, not the adviser's.)
            gendered.append((w, g, "kinship-noun" if b in KINSHIP_NOUNS else "role-noun"))
    return role_heads(role), frozenset(epithets), tuple(gendered)


# Rule sex-adjective: "female", "male" before the role's own noun ("the state's first female
# governor", "a male nurse").
_SEX_ADJECTIVES = {"female": "female", "male": "male"}


def _sex_of_holder(words: list[str], i: int) -> bool:
    """Rule sex-adjective: whether *female* or *male* at ``words[i]`` describes the role's
    holder: it stands in the role's head phrase (before any *of*, *for*, *at* ...) and one of
    the next two words is a singular person noun that is no one's possessor. Not "an advocate
    for female workers" (after *for*, and plural), nor "the female senator's aide" (the
    senator's).

    >>> _sex_of_holder("the first female governor of the state".split(), 2)
    True
    >>> _sex_of_holder("an advocate for female workers".split(), 3)
    False
    >>> _sex_of_holder("the female senator's aide".split(), 1)
    False
    """
    if any(_bare(w) in _ROLE_STOPS for w in words[1:i]):
        return False
    for w in words[i + 1 : i + 3]:
        b = _bare(w)
        if w.endswith(("’s", "'s", "’", "s'")):
            return False
        if b in _ROLE_NOUNS or agent_noun(b):
            return not (b.endswith("s") and not b.endswith("ss"))
    return False


# Prepositions after which the rest of a role written before a name leads to the name:
# "the daughter of former President Bill Clinton" (rule relation-gender-not-holder).
_RELATION_LINKS = frozenset(("of", "for", "to", "with", "from"))


def _own_gendered(
    role: str, gendered: tuple[tuple[str, str, str], ...]
) -> tuple[tuple[str, str, str], ...]:
    """Rule relation-gender-not-holder: in a role written before a name, a gendered word
    followed by a preposition names someone related to the name, not the name's holder:
    in "the daughter of former President Bill Clinton" or "a spokesman for Democratic
    candidate Ana Ruiz" the name is the preposition's object, and *daughter*, *spokesman*
    say nothing of its gender ("Senate Judiciary Committee chairman Chuck Grassley" keeps
    *chairman*).

    >>> g = (("daughter", "female", "kinship-noun"),)
    >>> _own_gendered("the daughter of former President", g), _own_gendered("his daughter", g)
    ((), (('daughter', 'female', 'kinship-noun'),))
    """
    words = [_bare(w) for w in role.split()]
    out = []
    for item in gendered:
        b = _bare(item[0])
        at = words.index(b) if b in words else len(words)
        if not _RELATION_LINKS.intersection(words[at + 1 :]):
            out.append(item)
    return tuple(out)


def _content_words(text: str) -> list[str]:
    return [w for w in (_bare(x) for x in text.split()) if w and w not in _DETERMINERS]


def _has_role_noun(words: list[str]) -> bool:
    """Whether the head phrase of ``words`` (up to a preposition or clause word after its
    first word) holds a role noun."""
    core: list[str] = []
    for w in words:
        if w in _ROLE_STOPS and core:
            break
        core.append(w)
    return any(
        w in _ROLE_NOUNS
        or (agent_noun(w) and w not in DEMONYMS and w not in GROUP_WORDS)  # not "a Canadian"
        for w in core
    )


def agent_noun(word: str) -> bool:
    """Whether a noun no list knows names a person by its ending: "neurosurgeon",
    "epidemiologist", "statistician" (rule agent-noun-is-person)."""
    return len(word) >= 7 and word.isalpha() and word.endswith(("ist", "ian", "geon"))


#: Prepositions that open a sentence's first phrase: "Unlike Ana Ruiz, ...".
_OPENING_PREPOSITIONS = frozenset(
    "unlike like to for with despite besides after before beyond against".split()
)


def _in_opening_phrase(text: str, name: _Name, lo: int, after: int) -> bool:
    """Rule opening-phrase-then-subject: a name in the phrase that opens its sentence, and
    a capitalised word after its comma ("Unlike Mr. Rubio, Mr. Cruz had ...") -- the
    subject of the main clause follows, not an appositive of the name."""
    start = name.title[0] if name.title is not None else name.start
    head = text[lo:start].split()
    if len(head) != 1 or head[0].lower() not in _OPENING_PREPOSITIONS:
        return False
    return text[after : after + 4].lstrip(" \t,")[:1].isupper()


def _plural_head(words: list[str]) -> bool:
    """Rule plural-appositive-is-list: the head of an appositive in the plural ("To
    Sanders, his aides and those in attendance, ...") is a list of others, no role of the
    one person named before it."""
    head = ""
    for w in words:
        if w in _ROLE_STOPS and head:
            break
        head = w
    return (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith("ss")
        and (head[:-1] in _ROLE_NOUNS or head[:-2] in _ROLE_NOUNS)
    )


def _appositive_before_role(text: str, base: int, bef: regex.Match[str]) -> tuple[int, int] | None:
    """The span of the role that :data:`_APPOSITIVE_BEFORE` found before a name, or
    ``None``: the phrase itself if it is a role, else what follows its last "is" or "was"
    ("The CNN reporter in question is **the network's foreign affairs reporter**, Elise
    Labott")."""
    rs, re_ = base + bef.start("role"), base + bef.end("role")
    if _is_role(text[rs:re_]):
        return rs, re_
    cut = max(text.rfind(" is ", rs, re_), text.rfind(" was ", rs, re_))
    if cut < 0:
        return None
    rs = text.index(" ", cut + 1) + 1
    return (rs, re_) if _is_role(text[rs:re_]) else None


# Finite auxiliaries: a phrase with one (before any relative pronoun) is a clause.
_FINITE_AUXILIARIES = frozenset("has have had is was were are will would did does".split())
_RELATIVE_WORDS = frozenset("who whose which that whom".split())


def _is_role(phrase: str) -> bool:
    """Whether an appositive phrase is a role: it names what someone is ("a judge at the
    court", "the party's chairman", "a Democrat from Ohio"), with no verb of its own."""
    raw = phrase.split()
    words = [_bare(w) for w in raw]
    if not words or len(words) > 16:
        return False
    if not _has_role_noun(words):
        # Rule role-after-possessor: the role of "Color of Change's executive director" is
        # what follows the possessor, whatever the possessor's own words are.
        owner = next((i for i, w in enumerate(raw[:-1]) if w.endswith(("’s", "'s"))), -1)
        if owner < 0 or not _has_role_noun(words[owner + 1 :]):
            return False
    if _plural_head(words):
        return False
    for w in words:
        if w in _RELATIVE_WORDS:
            break
        if w in _FINITE_AUXILIARIES:
            # Rule role-has-no-verb: "The singer has died, Ana Ruiz said" -- a clause before
            # the name is what was said, not her role.
            return False
    first = words[0]
    if first in _DETERMINERS or first in ROLE_MODIFIERS or first in _ROLE_NOUNS:
        return True
    # Capitalised opener: a possessive ("Acme’s chief executive") or an organisation.
    return phrase[:1].isupper()


# " and one of", " and a": where an appositive joins a second role to the first.
_SECOND_ROLE = lazy_re(r"[ \t]+and[ \t]+(?=(?:a|an|the|one[ \t]+of|his|her|its|their)[ \t])")


def _roles_in(text: str, rs: int, re_: int) -> list[tuple[int, int]]:
    """The role spans of the appositive ``text[rs:re_]``: itself if it is a role, else
    (rule two-roles-appositive) its two halves joined by "and" and an article, each if it is
    one ("David Autor, an influential scholar of labor economics and trade at the
    Massachusetts Institute of Technology and one of the paper's authors").

    >>> t = ("a senior fellow in economic policy studies at the Institute for Fiscal Research "
    ...      "in Leeds and a former adviser to the Treasury")
    >>> for a, b in _roles_in(t, 0, len(t)):
    ...     print(t[a:b])
    a senior fellow in economic policy studies at the Institute for Fiscal Research in Leeds
    a former adviser to the Treasury
    """
    if _is_role(text[rs:re_]):
        return [(rs, re_)]
    found = []
    for m in _SECOND_ROLE.finditer(text, rs, re_):
        halves = ((rs, m.start()), (m.end(), re_))
        found = [h for h in halves if _is_role(text[h[0] : h[1]])]
    return found


@functools.lru_cache(maxsize=4096)
def clean_role(role: str) -> str:
    """A role as written, without an article (or a sentence adverb swept in before it) in
    front, or a clause after it; ``""`` if it is an attribution rather than a role.

    >>> clean_role("Later the head of American diplomacy")
    'head of American diplomacy'
    >>> clean_role("a Democrat from Ohio who spoke first")
    'Democrat from Ohio'
    >>> clean_role("chairman of the Senate Judiciary Committee")
    'chairman of the Senate Judiciary Committee'
    >>> clean_role("warned")
    ''
    """
    role = role.strip(" ,;:")
    for cut in (" who ", " which ", " that ", " when ", " while ", "; "):
        k = role.find(cut)
        if k > 0:
            role = role[:k]
    words = role.split()
    # "Later the head of ...": a sentence adverb and an article swept in before the role.
    for i, w in enumerate(words[:3]):
        if w.lower() in _DETERMINERS and i + 1 < len(words):
            if all(_bare(x) in NON_NAME_WORDS for x in words[:i]):
                words = words[i + 1 :]
            break
    if any(_bare(w) in _VERB_FORMS for w in words):
        return ""  # "warned Jen Psaki" is an attribution, not a role
    # Rule address-not-role: a form of address ending a role before a name ("lead author
    # Dr. Maya Chen") is how the name is addressed, not part of the role.
    while len(words) > 1 and _bare(words[-1]) in _FORMS_OF_ADDRESS:
        words.pop()
    # Rule plural-title: "Sens. Ana Ruiz and Ben Cole" -- each of them is a "Sen.".
    words = [_PLURAL_TITLES.get(w, w) for w in words]
    return " ".join(words)


#: Plural title abbreviations before a list of names, and the title of each of them.
_PLURAL_TITLES = {
    "Sens.": "Sen.",
    "Reps.": "Rep.",
    "Govs.": "Gov.",
    "Drs.": "Dr.",
    "Gens.": "Gen.",
    "Profs.": "Prof.",
    "Revs.": "Rev.",
}


#: Forms of address (not offices): "Dr.", "Prof.", "Rev.", "Fr.", "Mr." ...
_FORMS_OF_ADDRESS = frozenset("dr prof rev fr mr mrs ms messrs".split())
# Titles that a quotation uses as a nickname or a form of address ("King James", "Mr.").
_NOT_QUOTED_TITLES = (
    frozenset(HONORIFICS)
    | _FORMS_OF_ADDRESS
    | frozenset("king queen prince princess lord lady father".split())
)


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
    # The roles, with where and how each was read, and what they are known by. (Tuples and
    # frozen sets, replaced when one is added: most entities never get one, and a fresh
    # container for each would cost more than the few additions.)
    roles: tuple[tuple[str, int, int, str], ...] = ()
    seen_roles: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    epithets: frozenset[str] = frozenset()
    evidence: list[GenderEvidence] = attrs.field(factory=list)
    # Weighted votes of the evidence so far (male, female): 3 for an honorific or a noun,
    # 1 for a resolved pronoun.
    votes: tuple[int, int] = (0, 0)
    # (start, end, rule) of every mention; EntityMention records are made when frozen.
    mentions: list[tuple[int, int, str]] = attrs.field(factory=list)
    # Evidence that a name is a person (a title, a given name, a pronoun ...).
    person: bool = False
    named_at: int = -1
    last: int = -1
    spoke: int = -1
    anonymous_description: bool = False
    plural: bool = False
    # How often the walk met the surname alone (or after an honorific) for this person.
    surname_uses: int = 0

    def add_role(self, role: str, start: int, end: int, rule: str, text: str) -> frozenset[str]:
        """Record a role (once per wording) with its gender evidence; returns its heads and
        epithets."""
        if role in self.seen_roles:
            return frozenset()
        self.seen_roles = self.seen_roles | {role}
        role = clean_role(role)
        low = role.lower()
        if not role or low in HONORIFICS or any(r[0].lower() == low for r in self.roles):
            return frozenset()
        at = text.find(role, start, max(end, start + len(role)))
        if at >= 0:
            start, end = at, at + len(role)
        self.roles = (*self.roles, (role, start, end, rule))
        heads, epithets, gendered = _role_facts(role)
        self.heads |= heads
        self.epithets |= epithets
        if gendered and rule == "role-before-name":
            gendered = _own_gendered(role, gendered)
        for w, g, kind in gendered:
            k = text.find(w, start, end)
            if k >= 0:
                self.add_evidence(
                    GenderEvidence(gender=g, kind=kind, start=k, end=k + len(w), text=w)
                )
        if self.kind is SpeakerKind.PERSON:
            self.person = True
        return heads | epithets

    def add_evidence(self, evidence: GenderEvidence) -> None:
        """Record one piece of gender evidence."""
        self.evidence.append(evidence)
        w = 1 if evidence.kind == "pronoun" else 3
        male, female = self.votes
        if evidence.gender == "male":
            self.votes = (male + w, female)
        elif evidence.gender == "female":
            self.votes = (male, female + w)

    def guess(self) -> str | None:
        """The gender as known so far, for resolution: text evidence first, then a given
        name found in the first-name lists."""
        male, female = self.votes
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
        """The most specific role (rule most-specific-role): an office ("Labor Secretary",
        "chairman of the committee") before a description ("son of immigrants"); more
        words before fewer, up to four; a title abbreviation alone ("Sen.") only when there
        is nothing else; a very long one (over eight words) late; one a description in the
        narration gave (rule role-in-narration: "when the billionaire investor arrived")
        after those written beside a name; the first written on a tie."""
        best: tuple[int, int] | None = None
        choice = None
        for i, (role, _, _, rule) in enumerate(self.roles):
            words = _content_words(role)
            score = min(len(words), 4)
            if any(w in TITLES for w in words):
                score += 2
            if len(words) == 1 and (words[0] in TITLE_ABBREVIATIONS or words[0] in HONORIFICS):
                score = 0
            if len(words) > 8:
                score -= 3
            if rule == "role-description":
                score -= 1
            elif rule in ("role-in-narration", "role-in-quote", "role-pronoun-is"):
                score -= 2
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


class _NameIndex:
    """The scan's names by start offset, for the walk's look-ups: the sorted starts and the
    names in two lists (a dict of the million names of a 10 MB text cost some 40 MB more).
    The walk drops what lies behind its window (:meth:`drop`); a dropped name is not found.

    >>> index = _NameIndex([])
    >>> index.get(5), 5 in index
    (None, False)
    """

    __slots__ = ("names", "starts")

    def __init__(self, names: Sequence[_Name]) -> None:
        # In text order; of two names at one offset the later read wins (as in a dict).
        ordered = sorted(names, key=_start_of)
        self.starts: list[int] = []
        self.names: list[_Name | None] = []
        for name in ordered:
            if self.starts and self.starts[-1] == name.start:
                self.names[-1] = name
            else:
                self.starts.append(name.start)
                self.names.append(name)

    def get(self, start: int) -> _Name | None:
        """The name read at ``start``, if any (and not dropped)."""
        k = bisect.bisect_left(self.starts, start)
        return self.names[k] if k < len(self.starts) and self.starts[k] == start else None

    def __contains__(self, start: int) -> bool:
        return self.get(start) is not None

    def drop(self, k: int) -> None:
        """Forget the ``k``-th name (the walk is past it)."""
        self.names[k] = None


@attrs.define(slots=True)
class _Pronoun:
    start: int
    end: int
    text: str
    gender: str
    sentence: int
    in_quote: bool
    ent: Ent | None = None
    form: str = "subject"


def words_of_roles(ent: Ent) -> set[str]:
    """The lower-case words of an entity's roles."""
    return {w.lower().strip(".,’'") for r in ent.roles for w in r[0].split()}


def _written_lower(text: str, word: str, starts: frozenset[int]) -> bool:
    """Whether ``word`` is written in lower case in ``text`` and never capitalised except
    at one of the sentence ``starts`` (where any word is).

    >>> t = "Cement is cheap. They make cement here."
    >>> _written_lower(t, "Cement", frozenset((0, 17)))
    True
    >>> t = "Young said no. The young voters met Sen. Young."
    >>> _written_lower(t, "Young", frozenset((0, 15)))
    False
    """
    if len(word) < 3 or not word.isalpha() or not word[1:].islower():
        return False
    if _find_word(text, word.lower(), 0) < 0:
        return False
    k = _find_word(text, word, 0)
    while k >= 0:
        b = k
        while b > 0 and text[b - 1] in "“\"‘'(":
            b -= 1
        if b not in starts:
            return False
        k = _find_word(text, word, k + len(word))
    return True


#: Texts longer than this are indexed once by :func:`_word_uses` instead of searched whole
#: for each sentence-opening word (the same answers; time linear in the length).
_SEARCH_WHOLE_TEXT = 50_000
# A word standing alone: letters, with no letter, digit, underscore, apostrophe or hyphen
# touching it (the boundaries _find_word checks).
_ALONE = lazy_re(r"(?<![\w’'-])[^\W\d_]+(?![\w’'-])")
#: How many characters :func:`_word_uses` reads at a time.
_WORDS_PIECE = 65_536
_ALONE_CAPITAL = lazy_re(r"(?<![\w’'-])(?=[^\W\d_a-z])[^\W\d_]+(?![\w’'-])")


def _word_uses(text: str, starts: frozenset[int]) -> tuple[frozenset[str], frozenset[str]]:
    """The words ``text`` writes in lower case, and the capitalised words (*Young*) it writes
    somewhere other than at one of the sentence ``starts``: what :func:`_written_lower`
    asks of one word, for all of them in one pass.

    >>> t = "Cement is cheap. They make cement here. The young voters met Sen. Young."
    >>> lower, mid = _word_uses(t, frozenset((0, 17, 40)))
    >>> "cement" in lower, "Cement" in mid, "Young" in mid
    (True, False, True)
    """
    words: set[str] = set()
    # Piece by piece (cut at white space), so that no list of every word of a long text is
    # ever held: each piece's words are folded into the set before the next are read.
    lo = 0
    while lo < len(text):
        hi = text.find(" ", lo + _WORDS_PIECE)
        hi = len(text) if hi == -1 else hi
        words.update(_ALONE.findall(text, lo, hi))
        lo = hi
    lower = {w for w in words if w.islower()}
    mid: set[str] = set()
    # Only the runs that open with no ASCII lower-case letter are looked at one by one.
    for m in _ALONE_CAPITAL.finditer(text):
        w = m.group()
        if w[0].isupper() and w[1:].islower():
            k = m.start()
            while k > 0 and text[k - 1] in "“\"‘'(":
                k -= 1
            if k not in starts:
                mid.add(w)
    return frozenset(lower), frozenset(mid)


def _find_word(text: str, word: str, pos: int) -> int:
    """Where ``word`` next stands alone in ``text`` from ``pos`` (not inside another word),
    or -1."""
    n = len(word)
    k = text.find(word, pos)
    while k >= 0:
        before = text[k - 1] if k else " "
        after = text[k + n : k + n + 1]
        if not (before.isalnum() or before in "_’'-") and not (
            after.isalnum() or (after and after in "_’'-")
        ):
            return k
        k = text.find(word, k + 1)
    return -1


def coordinated_roles(role: str) -> list[str]:
    """The roles in ``role`` when it joins two with "and", each holding a title (rule
    coordinated-roles); else ``[role]``.

    >>> coordinated_roles("former Pennsylvania Gov. and Democratic National Committee Chairman")
    ['former Pennsylvania Gov.', 'Democratic National Committee Chairman']
    >>> coordinated_roles("Secretary of Health and Human Services")
    ['Secretary of Health and Human Services']
    """
    left, sep, right = role.partition(" and ")
    if not sep or " and " in right:
        return [role]
    if any(_bare(w) in TITLES for w in left.split()) and any(
        _bare(w) in TITLES for w in right.split()
    ):
        return [left.strip(" ,"), right.strip(" ,")]
    return [role]


def _share_surnames(text: str, names: Sequence[_Name]) -> None:
    """Rule shared-surname: in "James and Olive Meehan", "Bernie and Jane Sanders" the
    given name before "and" takes the full name's surname after it: two persons, James
    Meehan and Olive Meehan (a given name the lists know, outside quotations)."""
    for first, second in itertools.pairwise(names):
        if (
            first.kind == "single"
            and second.kind == "person"
            and len(second.words) == 2
            and not first.in_quote
            and first.title is None
            and not first.possessive
            and (first.words[0] in MALE_FIRST_NAMES or first.words[0] in FEMALE_FIRST_NAMES)
            and text[first.end : second.start] == " and "
        ):
            surname = text[second.end - len(second.words[-1]) : second.end]
            first.words = (first.words[0], second.words[-1])
            first.text = f"{first.text} {surname}"
            first.kind = "person"
            first.rule = "shared-surname"


# A nickname in quotation marks between a given name and a surname: ' "Chico" '.
_NICKNAME = lazy_re(r"[ \t]+[\"“‘'][A-Z][\w.-]{1,20}[\"”’'][ \t]+")


def _join_nicknames(text: str, names: Sequence[_Name]) -> bool:
    """Rule nickname-in-name: 'Juan "Chico" Manriquez' is one person, named with the
    nickname between the given name and the surname (the quotation marks cut the run); the
    surname's own name is marked "absorbed". Returns whether any was."""
    joined = False
    for first, second in itertools.pairwise(names):
        if (
            first.kind == "single"
            and second.kind in ("single", "person")
            and first.title is None
            and not first.possessive
            and not first.in_quote
            and first.words[0] in _GIVEN_NAMES
            and _NICKNAME.fullmatch(text, first.end, second.start)
        ):
            nick = text[first.end : second.start].strip(" \t")
            first.words = (first.words[0], *second.words)
            first.text = f"{first.text} {nick} {second.text}"
            first.end = second.end
            first.kind = "person"
            second.kind = "absorbed"
            joined = True
    return joined


_GIVEN_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES


def _start_of_role(item: tuple[int, int, Ent]) -> int:
    return item[0]


def _in_anothers_role(seen: Sequence[tuple[int, Ent]], start: int, ent: Ent) -> bool:
    """Whether a mention at ``start`` lies inside a role the text gives another person of
    the same sentence ("**Villa** boss Unai Emery")."""
    for at, other in seen:
        if other is not ent:
            for _, rs, re_, rule in other.roles:
                # (The role written right before that person's name, at this very place.)
                if rs <= start < re_ and rule == "role-before-name" and re_ < at <= re_ + 2:
                    return True
    return False


def _start_of_seen(item: tuple[int, Ent]) -> int:
    return item[0]


def _name_of(
    text: str,
    s: int,
    e: int,
    shape: _Shape,
    kind: str,
    si: int,
    title: tuple[int, int] | None,
    modifier: bool,
    in_quote: bool,
) -> _Name:
    """The :class:`_Name` read at ``text[s:e]`` with its ``shape`` (a possessive is never a
    modifier: "Trump's rally" names Trump)."""
    return _Name(
        start=s,
        end=e,
        # One string per name as written, not one per occurrence (a long text names the
        # same people again and again: 58 MB on 10 MB of "Ana said Ben said").
        text=sys.intern(text[s:e]),
        words=shape.words,
        kind=kind,
        sentence=si,
        title=title,
        honorific=shape.honorific,
        possessive=shape.possessive,
        modifier=modifier and not shape.possessive,
        in_quote=in_quote,
    )


def _inside(starts: Sequence[int], ends: Sequence[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of the spans given by their sorted ``starts`` and their
    ``ends`` (the one starting last at or before ``pos``)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < ends[k]


def _start_of(event: _Name | _Pronoun) -> int:
    return event.start


def _gender_of_pronoun(word: str) -> str:
    return "male" if word.lower() in ("he", "him", "his", "himself") else "female"


def _pronoun_form(text: str, word: str, end: int) -> str:
    """What a third-person pronoun is: ``"subject"`` (*he*, *she*, and *him*, which the walk
    links as *he*), ``"reflexive"`` (*herself*), ``"possessive"`` (*his*, and *her* before
    a noun: *her office*) or ``"object"`` (*her* before a stop or a function word: *told her
    that*).

    >>> t = "She told her aide to call her. He told her Ruiz won."
    >>> _pronoun_form(t, "her", 12), _pronoun_form(t, "her", 28), _pronoun_form(t, "her", 42)
    ('possessive', 'object', 'object')
    """
    low = word.lower()
    if low in _REFLEXIVES:
        return "reflexive"
    if low == "his":
        return "possessive"
    if low != "her":
        return "subject"
    m = _WORD_AFTER.match(text, end)
    if m is None or m.group(1).lower() in _AFTER_OBJECT_HER:
        return "object"
    if m.group(1)[:1].isupper() and _previous_word(text, end - 3, 0) in _TELLING_VERBS:
        return "object"  # "told her Trump was wrong" (but "told her aides")
    return "possessive"


class CastBuilder:
    """Builds the cast of one document: the scan at construction, the walk on demand.

    Args:
        analysis: The document's analysis (paragraphs and sentences).
        spans: The quotation spans found in it: names inside them are not antecedents.
        budget: The document's time budget, checked once per sentence.
        speech_pronouns: The pronouns that attribute a quotation ("he said"), by offset, each
            with the content it attributes: for these the last speaker is a likelier
            antecedent, and no one named in that content is ("Trump is no conservative, he
            said" is not Trump).
        first_names: Let a first-name lexicon decide the gender of a person the text says
            nothing about (``Config.gender_from_first_names``; see :func:`gender_of`).
    """

    def __init__(
        self,
        analysis: Analysis,
        spans: Sequence[QuoteSpan],
        budget: Budget,
        speech_pronouns: Mapping[int, tuple[int, int]] | None = None,
        first_names: bool = False,
        reported: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = analysis.text
        self.analysis = analysis
        self.first_names = first_names
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
        self._by_full: dict[tuple[str, str | None, str], Ent] = {}
        self._by_initial: dict[tuple[str, str | None, str], list[Ent]] = {}
        # Per surname, the person of it mentioned most so far (then the latest).
        self._surname_top: dict[str, Ent] = {}
        self._by_given: dict[str, list[Ent]] = {}
        self._by_name: dict[tuple[SpeakerKind, str], Ent] = {}
        self._by_acronym: dict[str, Ent] = {}
        # Organisations named in two words or more, by their last word ("journal").
        self._by_end: dict[str, Ent] = {}
        self._singles: dict[str, Ent] = {}
        self._by_head: dict[str, list[Ent]] = {}
        # (start, end, entity) of every role written beside a name after it ("Ana Ruiz, a
        # judge at the court," / "Ana Ruiz, who is the mayor,"), in text order.
        self._appositives: list[tuple[int, int, Ent]] = []
        self._intros: dict[int, int] = {}
        self._common_here: dict[str, bool] = {}
        self._sentence_starts: frozenset[int] | None = None
        self._word_uses: tuple[frozenset[str], frozenset[str]] | None = None
        # Every mention of the walk, in (nearly) text order: (offset, entity).
        self._mentioned: list[tuple[int, Ent]] = []
        self._spoke_in: dict[int, set[int]] = {}
        self.last_speaker: Ent | None = None
        # The person an interview's "A:" labels stand for, once chosen (coreference).
        self.interviewee: Ent | None = None
        self._speech_pronouns = dict(speech_pronouns or {})
        # What the article's attributions report (content spans, sorted): a person named
        # there is not the subject of the sentence; its speaker is.
        self._reported_starts: list[int] = []
        self._reported_ends: list[int] = []
        for s, e in sorted(reported):
            self._reported_starts.append(s)
            self._reported_ends.append(e)
        # Events of the walk, in text order: names and pronouns.
        self._events: list[_Name | _Pronoun] = []
        self._next = 0
        # Per sentence: the mentions met so far outside quotations (offset, entity), in order.
        self._seen: dict[int, list[tuple[int, Ent]]] = {}
        self._sentence_of: list[int] = [s.start for s in analysis.sentences]
        self._paragraph_of: list[int] = [s.paragraph for s in analysis.sentences]
        # Pronoun links by offset, for coreference.
        self.pronoun_links: dict[int, Ent] = {}
        self.name_at = _NameIndex(())
        self._name_starts: list[int] = []
        self._names_kept = 0  # _name_starts[:_names_kept] are dropped from name_at
        self._honorifics_read = False  # rule honorific-in-quote, read once
        self._titles_read = False  # rule role-in-quote, read once
        self._said_of_read = False  # rule said-of, read once
        self._scan()

    # -- the scan ----------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation's content."""
        return _inside(self._quote_starts, self._quote_ends, pos)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding (or last starting before) ``pos``."""
        return max(0, bisect.bisect_right(self._sentence_of, pos) - 1)

    def _scan(self) -> None:
        text = self.text
        names: list[_Name] = []
        events = self._events
        sents = self.analysis.sentences
        headlines = self._headlines()
        # The sentences that are a dateline (the segmenter's, in the first paragraphs): its
        # place and agency are no one the article quotes.
        datelines = {i for i, s in enumerate(sents[:4]) if dateline_end(text, s.start) == s.end}
        n = len(sents)
        ends = [s.end for s in sents]
        shape_of = _shape
        bisect_right = bisect.bisect_right
        quote_starts, quote_ends = self._quote_starts, self._quote_ends
        si = 0
        kept_aside: list[_Name] = []
        timeout = self.budget.timeout
        for count, m in enumerate(_RUNS.finditer(text)):
            if not count & 255:
                timeout()
            w = m.group()
            if w in _DROPPED_RUN:
                continue  # Rule one-word-not-a-name, at once: "The", "I", "Tuesday"
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in "’'.-"):
                continue  # "McAllister"'s inner capital, "anti-Trump"
            while si < n and ends[si] <= start:
                si += 1
            if si == n:
                break
            sent = sents[si]
            if start < sent.start or si in datelines:
                continue  # between paragraphs; rule dateline-no-entity: "LONDON (Reuters) -"
            if w in _CAPITAL_PRONOUNS:
                events.append(self._pronoun(start, end, w, si))
                continue
            if end > sent.end:
                # A run across a sentence boundary ("... in the U.S. Trump said"): the part
                # in this sentence only; the rest is read as its own run.
                end = sent.end
                while end > start and text[end - 1] in " \t\n":
                    end -= 1
                w = text[start:end]
                rest = _RUNS.match(text, sents[si + 1].start) if si + 1 < n else None
                if rest is not None:
                    self._add_run(names, rest.group(), rest.start(), rest.end(), si + 1, headlines)
            if (
                w.isupper()
                and (" " in w or self._label(start, end, sent))
                and not text.startswith(":", end)  # a transcript's "KATE BOULDUAN:"
            ):
                # Rule capitals-run: a run in capitals is a headline or a label ("FULL
                # TEXT.", "TRUMP'S PLAN WAVERS"): a word there is a name only if the story
                # names someone by it, and a label paragraph names no one.
                if not self._label(start, end, sent):
                    self._add_run(names, w, start, end, si, headlines | {si})
                continue
            if si in headlines:
                self._add_run(names, w, start, end, si, headlines)
                continue
            # (The commonest path, inlined: _read_run.)
            shape = shape_of(w)
            if shape is None:
                continue
            title = None
            if len(shape.words) >= 3 and text.endswith(_OF_THE, max(0, start - 9), start):
                # Rule body-then-name: "Speaker of the House Nancy Pelosi" -- after a title
                # and "of the", the body's words end the title; the name follows them.
                cut = _body_then_name_at(text, w, shape, start, sent.start)
                if cut:
                    cut_shape = shape_of(w[cut:])
                    if cut_shape is None:
                        continue
                    w, start, shape = w[cut:], start + cut, cut_shape
                    title = (start - cut, start)
            s, e = start + shape.start, start + shape.end
            kind = shape.kind
            sent_start = sent.start
            tend = shape.title_end
            if tend:
                title = (start + shape.title_start, start + tend)
            maybe_surname = False
            if kind == "single" and s == sent_start and title is None:
                # Rule surname-not-participle: a word that reads as a participle or adverb
                # ("Schilling", "Kelly") is kept aside and read as a name if the article
                # writes it as a surname after a given name ("Curt Schilling").
                maybe_surname = shape.common and shape.words[0].endswith(_LOOKS_INFLECTED)
                if (shape.common and not maybe_surname) or self._not_a_name(text, s, e):
                    continue  # "Standing", "Critics", "Officials" at a sentence start
            prev_word = _previous_word(text, start, sent_start)
            modifier = shape.after_determiner or prev_word in _MODIFIER_BEFORE
            if kind == "single":
                if modifier or _place_before(text, start, sent_start, prev_word, shape.opener):
                    continue  # "his Catholic faith", "a Trump rally", "in Concord"
                k = e + 2 if shape.possessive else e
                nxt = text[k : k + 16].lstrip(" ").split(" ", 1)[0].strip(",.;:")
                stem = nxt[:-1] if nxt.endswith("s") else nxt
                modifier = bool(nxt) and nxt.islower() and stem in _NOUN_AFTER_MODIFIER
            qk = bisect_right(quote_starts, s) - 1
            in_quote = qk >= 0 and s < quote_ends[qk]
            if in_quote and kind == "single":
                # Rule narration-mentions: inside a quotation a name is the speaker's word,
                # not the article's mention of someone (as a pronoun there is not); a full
                # name there still makes its person known to the narration.
                continue
            name = _name_of(text, s, e, shape, kind, si, title, modifier, in_quote)
            if maybe_surname:
                kept_aside.append(name)
                continue
            names.append(name)
            if not in_quote:
                events.append(name)
        if kept_aside:
            surnames = {name.words[-1] for name in names if name.kind == "person"}
            for name in kept_aside:
                if name.words[-1] in surnames:
                    names.append(name)
                    events.append(name)
            events.sort(key=_start_of)
        # The pronouns, merged into the names in text order.
        pronouns = []
        si = 0
        for m in _PRONOUNS.finditer(text):
            start, end = m.span(1)
            while si < n and ends[si] <= start:
                si += 1
            if si == n:
                break
            if start >= sents[si].start:
                pronouns.append(self._pronoun(start, end, m.group(1), si))
        if pronouns:
            events.extend(pronouns)
            events.sort(key=_start_of)
        # Full names first, in text order, so that a surname can find a full name written
        # after it (a headline's "Reid:" before "Harry Reid" in the story).
        _share_surnames(text, names)
        if _join_nicknames(text, names):
            names = [n for n in names if n.kind != "absorbed"]
            events[:] = [e for e in events if not (isinstance(e, _Name) and e.kind == "absorbed")]
        has_syntax = self.analysis.has_syntax  # (rule ner-kind reads a parse only)
        self.name_at = _NameIndex(names)
        for name in names:
            if has_syntax and name.kind != "headline":
                self._ner_kind(name)
            if name.kind == "person":
                name.ent = self._person(name)
                self._roles_of(name)
            elif name.kind == "organization":
                ent, rule = self._organization(name)
                name.ent, name.rule = ent, name.rule if name.rule == "ner-kind" else rule
        self._name_starts = self.name_at.starts

    def _label(self, start: int, end: int, sent: Sentence) -> bool:
        """Whether the run at ``[start, end)`` is its sentence whole, a paragraph of its own
        in capitals with at most a stop or a colon after it ("ABSTRACT.", "FULL TEXT.")."""
        text = self.text
        return (
            start == sent.start
            and text[end : sent.end].strip(" .:\t") == ""
            and len(text[start:end].split()) <= 3
        )

    def _not_a_name(self, text: str, s: int, e: int) -> bool:
        """Whether one capitalised word at a sentence start is no name: a modal before a
        subject (rule modal-not-name: "Will the deal pass?", "May we all ..."), an adverb
        of time before a time word (rule time-adverb-not-name: "Late last month"), or a
        common word by the article's own usage (rule common-word-in-document)."""
        word = text[s:e]
        if word in _TIME_ADVERBS:
            # Rule time-adverb-not-name: "Late last month, the company wrote ...", "Early
            # next year" -- an adverb of time before a time word opens the sentence; no
            # name "Late" (which "the company" could then be taken to stand for).
            nxt = text[e : e + 12].split(None, 1)
            if nxt and nxt[0].lower().strip(",") in _TIME_AFTER_ADVERB:
                return True
        if word in ("Will", "May"):
            nxt = text[e : e + 8].split(" ", 2)
            after = nxt[1].lower() if len(nxt) > 1 else ""
            if after in _AFTER_MODAL:
                return True
        return self._common_in_document(word)

    def _common_in_document(self, word: str) -> bool:
        """Rule common-word-in-document: one capitalised word at a sentence start is a
        common word, not a name, when the article writes it in lower case elsewhere and
        never capitalised inside a sentence ("Cement is ..." beside "the cement plant";
        not "Young said" beside "Sen. Todd Young" or "young voters")."""
        known = self._common_here.get(word)
        if known is None:
            if self._sentence_starts is None:
                self._sentence_starts = frozenset(x.start for x in self.analysis.sentences)
            if len(self.text) <= _SEARCH_WHOLE_TEXT:
                known = _written_lower(self.text, word, self._sentence_starts)
            else:
                # A long text is read once for all its words, not searched again for each
                # candidate (which would cost time quadratic in its length).
                if self._word_uses is None:
                    self._word_uses = _word_uses(self.text, self._sentence_starts)
                lower, mid_capitals = self._word_uses
                known = (
                    len(word) >= 3
                    and word.isalpha()
                    and word[1:].islower()
                    and word.lower() in lower
                    and word not in mid_capitals
                )
            self._common_here[word] = known
        return known

    def _chained(self, start: int, end: int) -> Ent | None:
        """Rule stanza-coref: the entity named in the coreference chain (from a parsed
        document) that holds the pronoun at ``[start, end)``."""
        span = syntax.coref_antecedent(self.analysis, start, end)
        found = self.find_name(*span) if span is not None else None
        return found[0] if found is not None else None

    def _ner_kind(self, name: _Name) -> None:
        """Rule ner-kind (parsed text): a named-entity tagger's type decides person versus
        organisation ("Human Rights Watch" is one, whatever it looks like)."""
        kind = syntax.entity_kind(self.analysis, name.start, name.end)
        if kind is SpeakerKind.ORGANIZATION and name.kind != "organization":
            name.kind, name.rule = "organization", "ner-kind"
        elif kind is SpeakerKind.PERSON and name.kind == "organization":
            name.kind = "person" if len(name.words) >= 2 else "single"
            name.rule = "ner-kind"

    def _pronoun(self, start: int, end: int, word: str, si: int) -> _Pronoun:
        return _Pronoun(
            start=start,
            end=end,
            # One string per pronoun form, not one per occurrence: each becomes a mention's
            # and an evidence's text (23 MB for 450,000 "She" of a 10 MB text).
            text=sys.intern(word),
            gender=_gender_of_pronoun(word),
            sentence=si,
            in_quote=self.in_quote(start),
            form=_pronoun_form(self.text, word, end),
        )

    def _headlines(self) -> set[int]:
        """Rule headline-words: indexes of the sentences that are Title Case headlines (a
        paragraph of one short sentence with most words capitalised, that opens the text or
        ends without a stop)."""
        out = set()
        text = self.text
        sents = self.analysis.sentences
        k = 0
        for ps, pe in self.analysis.paragraphs:
            if pe - ps >= 200:
                continue
            while k < len(sents) and sents[k].end <= ps:
                k += 1
            if k < len(sents) and (sents[k].start, sents[k].end) == (ps, pe):
                # A headline opens the text, or stands without a final stop (a heading).
                first = k == 0
                if (first or text[pe - 1] not in ".!?”\"’'") and _is_title_case(text[ps:pe]):
                    out.add(k)
        return out

    def _add_run(
        self, names: list[_Name], w: str, start: int, end: int, si: int, headlines: set[int]
    ) -> None:
        """Read one capitalised run of sentence ``si`` into the events of the walk."""
        sent_start = self.analysis.sentences[si].start
        if si in headlines:
            # In a Title Case headline every word is capitalised, so a word is a name only
            # if the story names someone by it.
            text = self.text
            for wm in _SPACE_SPLIT.finditer(text, start, end):
                low = _bare(wm.group())
                if low in NON_NAME_WORDS or len(low) < 2:
                    continue
                stop = wm.start() + max(1, len(wm.group().rstrip(".,:;’'s")))
                word = _Name(
                    start=wm.start(),
                    end=stop,
                    text=text[wm.start() : stop],
                    words=(low,),
                    kind="headline",
                    sentence=si,
                )
                self._events.append(word)
                names.append(word)
            return
        name = self._read_run(w, start, si, sent_start)
        if name is not None:
            names.append(name)
            self._events.append(name)

    def _read_run(self, w: str, start: int, si: int, sent_start: int) -> _Name | None:
        """A capitalised run ``w`` at ``start`` as a name (see :func:`_shape`), with what its
        context says: a modifier ("a Trump rally", "Trump adviser"), a place ("in Concord"),
        a common word at a sentence start ("Standing")."""
        shape = _shape(w)
        if shape is None:
            return None
        text = self.text
        s, e = start + shape.start, start + shape.end
        kind = shape.kind
        title = (start + shape.title_start, start + shape.title_end) if shape.title_end else None
        if kind == "single" and s == sent_start and title is None:
            if shape.common or self._not_a_name(text, s, e):
                return None  # "Standing", "Critics", "Officials" at a sentence start
        prev_word = _previous_word(text, start, sent_start)
        modifier = shape.after_determiner or prev_word in _MODIFIER_BEFORE
        if kind == "single":
            if modifier or _place_before(text, start, sent_start, prev_word, shape.opener):
                return None  # "his Catholic faith", "a Trump rally", "in Concord"
            k = e + 2 if shape.possessive else e
            nxt = text[k : k + 16].lstrip(" ").split(" ", 1)[0].strip(",.;:")
            stem = nxt[:-1] if nxt.endswith("s") else nxt
            modifier = bool(nxt) and nxt.islower() and stem in _NOUN_AFTER_MODIFIER
        return _name_of(text, s, e, shape, kind, si, title, modifier, self.in_quote(s))

    def _new(self, kind: SpeakerKind, name: str) -> Ent:
        ent = Ent(id=len(self.entities), kind=kind, name=name)
        self.entities.append(ent)
        return ent

    def _person(self, name: _Name) -> Ent:
        """Rule full-name: the person a full name belongs to (new if none fits).

        Persons are kept by surname, suffix and given name, so that a lookup costs the same
        however many people of one surname the article names.
        """
        words = [w for w in name.words if w not in NAME_SUFFIXES]
        suffix = next((w for w in name.words if w in NAME_SUFFIXES), None)
        surname, given = words[-1], words[0]
        written = _cased(name.text)
        found = self._by_full.get((surname, suffix, given.rstrip(".")))
        if found is None:
            # An initial for a given name ("J. Trump", "Jen Psaki" then "J. Psaki"): the
            # latest few of that surname and first letter.
            bucket = self._by_initial.get((surname, suffix, given[:1]), [])
            for ent in reversed(bucket[-_BUCKET:]):
                if _same_given(ent.words, tuple(words)):
                    found = ent
                    break
        if found is not None:
            ent = found
            if len(words) > len(ent.words) or (
                len(words) == len(ent.words) and ent.name.isupper() and not written.isupper()
            ):
                ent.name, ent.words, ent.given = written, tuple(words), given
            return ent
        ent = self._new(SpeakerKind.PERSON, written)
        ent.named_at = name.start
        ent.words, ent.given, ent.surname, ent.suffix = tuple(words), given, surname, suffix
        ent.person = given in MALE_FIRST_NAMES or given in FEMALE_FIRST_NAMES
        self._by_full.setdefault((surname, suffix, given.rstrip(".")), ent)
        self._by_initial.setdefault((surname, suffix, given[:1]), []).append(ent)
        self._by_surname.setdefault(surname, []).append(ent)
        for prefix in NAME_PREFIXES:
            if surname.startswith(prefix) and len(surname) > len(prefix) + 1:
                # "al-Assad" is also "Assad".
                self._by_surname.setdefault(surname[len(prefix) :], []).append(ent)
        self._by_given.setdefault(given, []).append(ent)
        return ent

    def _organization(self, name: _Name) -> tuple[Ent, str]:
        """Rule organization-name: the organisation a name belongs to (new if none), or
        rule alias-acronym: the one an acronym stands for ("NIH", "EPA")."""
        if len(name.words) == 1:
            acronym = self._by_acronym.get(name.words[0].replace(".", ""))
            if acronym is not None:
                inside = self.text[name.start - 1 : name.start] == "("
                return acronym, "acronym-in-parentheses" if inside else "alias-acronym"
        key = (SpeakerKind.ORGANIZATION, " ".join(name.words))
        ent = self._by_name.get(key)
        if ent is None and len(name.words) == 1 and not name.text.isupper():
            # Rule alias-organization-end: "The Journal", "the Sun-Times", "the Commission"
            # stand for the organisation named before whose name ends so ("the Wall Street
            # Journal", "the Chicago Sun-Times", "the European Commission").
            longer = self._by_end.get(name.words[0])
            if longer is not None:
                return longer, "alias-organization-end"
        if ent is None:
            ent = self._new(SpeakerKind.ORGANIZATION, name.text)
            ent.words = name.words
            self._by_name[key] = ent
            if len(name.words) >= 2 and name.words[-1] not in ("of", "the", "and", "for", "&"):
                self._by_end[name.words[-1]] = ent
            initials = "".join(
                w[0] for w in name.words if w not in ("of", "the", "and", "for", "&")
            )
            if len(name.words) >= 2 and len(initials) >= 2:
                self._by_acronym.setdefault(initials, ent)
        # Rule acronym-in-parentheses: "the Environmental Protection Agency (EPA)".
        acr = None
        if "(" in self.text[name.end : name.end + 3]:
            acr = _ACRONYM_AFTER.match(self.text, name.end)
        if acr is not None:
            a = acr.group("acr").replace(".", "").lower()
            self._by_acronym[a] = ent
        return ent, "organization-name"

    def _roles_of(self, name: _Name) -> None:
        """The role rules, read around one name of a person."""
        ent = name.ent
        assert ent is not None
        text = self.text
        if name.kind != "person" and name.title is None:
            # A short name with no title: only a comma or a verb of being after it can
            # bring a role ("Ortiz, a former judge,"); most bring none, cheaply.
            follow = text[name.end : name.end + 12].lstrip(" \t")
            if not follow.startswith((",", "who ", *_VERBS_OF_BEING)):
                return
        sent = self.analysis.sentences[name.sentence]
        lo = sent.start
        hi = sent.end
        if name.honorific:
            h = name.honorific
            g = HONORIFICS.get(_bare(h))
            if g in ("male", "female") and name.title is not None:
                ent.add_evidence(
                    GenderEvidence(
                        gender=g,
                        kind="honorific",
                        start=name.title[1] - len(h),
                        end=name.title[1],
                        text=h,
                    )
                )
        if name.title is not None or name.honorific is not None:
            ent.person = True
        # Rule role-before-name: "White House spokeswoman Jen Psaki".
        end = name.title[1] if name.title is not None else name.start
        last = text[max(lo, end - 32) : end].split()
        prev = last[-1] if last else ""
        gate = prev[:1].isupper() or _bare(prev) in _ROLE_LOWER or prev.endswith(("’s", "'s"))
        gate = gate and (name.kind == "person" or name.title is not None)
        if gate and name.title is None and prev[-1:] in ',;:)”"':
            gate = False  # "In Washington, Ana Ruiz": punctuation ends any role before
        span = _role_before(text, max(lo, end - 100), end) if gate else None
        if span is not None:
            rs, re_ = span
            if name.honorific and re_ == end:
                re_ = end - len(name.honorific)  # "Mr." is no role
            while re_ > rs and text[re_ - 1] in " \t":
                re_ -= 1
            if re_ > rs:
                self.add_role(ent, text[rs:re_], rs, re_, "role-before-name", text)
                ent.person = True
        # Rule age-appositive: "Ana Ruiz, 45,".
        after = name.end + (2 if name.possessive else 0)
        follow = text[after : after + 12].lstrip(" \t")
        comma = follow.startswith(",")
        age = _AGE_AFTER.match(text, after, hi) if comma else None
        if age is not None and 0 < int(age.group("age")) < 120:
            self.add_epithet(ent, f"{int(age.group('age'))}-year-old")
            ent.person = True
            nxt = age.end()
        else:
            nxt = after
        if not name.possessive:
            # Rule role-appositive: "Ana Ruiz, a judge at the court,".
            app = _APPOSITIVE_AFTER.match(text, nxt, hi) if comma else None
            if app is not None and _in_opening_phrase(text, name, lo, nxt):
                app = None
            if app is not None:
                for rs, re_ in _roles_in(text, *_role_span(app, text, hi, _APPOSITIVE_TAIL)):
                    self.add_role(ent, text[rs:re_], rs, re_, "role-appositive", text)
                    ent.person = True
            # Rule role-who-is: "Ana Ruiz, who is the mayor,".
            who = _WHO_IS.match(text, nxt, hi) if "who" in follow else None
            if who is not None:
                rs, re_ = _role_span(who, text, hi, _BEING_TAIL)
                if _is_role(text[rs:re_]):
                    self.add_role(ent, text[rs:re_], rs, re_, "role-who-is", text)
                    ent.person = True
                cs, ce = who.span("capacity")
                if cs >= 0 and _is_role(text[cs:ce]):
                    self.add_role(ent, text[cs:ce], cs, ce, "role-who-is", text)
            # Rule role-is-the: "Ana Ruiz is the mayor of Lyon.", also after an age ("Ana
            # Ruiz, 43, is a fervent supporter of the plan").
            is_the = (
                _IS_THE.match(text, name.end, hi) if follow.startswith(_VERBS_OF_BEING) else None
            )
            if is_the is None and age is not None and text.startswith(",", age.end()):
                is_the = _IS_THE.match(text, age.end() + 1, hi)
            if is_the is not None:
                rs, re_ = _role_span(is_the, text, hi, _BEING_TAIL)
                if _is_role(text[rs:re_]):
                    self.add_role(ent, text[rs:re_], rs, re_, "role-is-the", text)
                    ent.person = True
        # Rule role-appositive-before: "the head of the agency, Ana Ruiz, said".
        start = name.title[0] if name.title is not None else name.start
        bef = None
        if text[max(lo, start - 2) : start].strip() == ",":
            # (Searched in the sentence's text before the name, so that "^" is its start.)
            base = max(lo, start - 120)
            bef = _APPOSITIVE_BEFORE.search(text[base:start])
            span = _appositive_before_role(text, base, bef) if bef is not None else None
            if span is not None:
                self.add_role(ent, text[span[0] : span[1]], *span, "role-appositive-before", text)
                ent.person = True
            else:
                bef = None
        if bef is None and not name.possessive:
            self._kinship_before(ent, name, span[0] if span is not None else start, lo)

    def _kinship_before(self, ent: Ent, name: _Name, anchor: int, lo: int) -> None:
        """Rule kinship-appositive: a kinship noun set off by a comma before a name is
        evidence of its gender where the role rules read no role there: "Tom Reyes and his
        wife, Ana Ruiz, ...", "Ana Ruiz's husband, Tom Reyes, ...", "his wife, longtime aide
        Ana Ruiz, ..." (``anchor``: where the name, with any role written before it,
        starts). The name must close the appositive (a comma or a stop after it), so that an
        opening clause is not read as one: "After calling his wife, Tom Reyes said ..." gives
        Reyes nothing."""
        text = self.text
        if text[name.end : name.end + 1] not in (",", ";", ".", ")"):
            return
        if text[max(lo, anchor - 2) : anchor].strip() != ",":
            # A role that another person's name cut short ("his wife, longtime Hillary
            # Clinton aide Huma Abedin,": the role read is "Clinton aide"): up to four more
            # capitalised or role words back to the comma.
            for _ in range(4):
                j = anchor
                while j > lo and text[j - 1] in " \t":
                    j -= 1
                i = j
                while i > lo and not text[i - 1].isspace():
                    i -= 1
                word = text[i:j]
                if (
                    not word
                    or word.endswith(",")
                    or not (word[:1].isupper() or _bare(word) in _ROLE_LOWER)
                ):
                    break
                anchor = i
            if text[max(lo, anchor - 2) : anchor].strip() != ",":
                return
        base = max(lo, anchor - 60)
        m = _KINSHIP_BEFORE.search(text[base:anchor])
        if m is None:
            return
        g = KINSHIP_NOUNS.get(m.group("kin"))
        if g in ("male", "female"):
            s = base + m.start("kin")
            ent.add_evidence(
                GenderEvidence(
                    gender=g,
                    kind="kinship-noun",
                    start=s,
                    end=s + len(m.group("kin")),
                    text=m.group("kin"),
                )
            )
            ent.person = True

    # -- the walk ----------------------------------------------------------------------

    def advance(self, pos: int) -> None:
        """Read the text up to ``pos``: link every name and pronoun starting before it.

        The walk prunes what lies behind its window every :data:`_PRUNE_EVERY` events, also
        within one call: the last call reads from the last speaker to the end of the text
        (all of it past a cut), and holding every pronoun link and sentence index of that
        stretch until its end cost 60 MB on 10 MB of ``She said ...``.
        """
        events = self._events
        while self._next < len(events) and events[self._next].start < pos:
            ev = events[self._next]
            self._next += 1
            if isinstance(ev, _Pronoun):
                self._link_pronoun(ev)
            else:
                self._link_name(ev)
            if self._next >= _PRUNE_EVERY:
                self._prune(ev.start - _KEEP_CHARS, ev.sentence - _KEEP_SENTENCES)

    def _prune(self, before: int, before_sentence: int) -> None:
        """Drop the walked events, and what the indexes hold of the text before offset
        ``before`` and sentence ``before_sentence`` (see ``_KEEP_SENTENCES``)."""
        del self._events[: self._next]
        self._next = 0
        for index in (self._seen, self._spoke_in, self._intros):
            for si in [si for si in index if si < before_sentence]:
                del index[si]
        mentioned = self._mentioned
        k = 0
        while k < len(mentioned) and mentioned[k][0] < before:
            k += 1
        del mentioned[:k]
        starts, k = self._name_starts, self._names_kept
        while k < len(starts) and starts[k] < before:
            self.name_at.drop(k)
            k += 1
        self._names_kept = k
        for p in [p for p in self.pronoun_links if p < before]:
            del self.pronoun_links[p]

    def _note(
        self, ent: Ent, start: int, end: int, rule: str, sentence: int, salient: bool
    ) -> None:
        ent.mentions.append((start, end, rule))
        ent.last = start
        seen = (start, ent)  # one tuple for both lists
        self._mentioned.append(seen)
        if ent.surname is not None:
            if rule in ("alias-surname", "alias-honorific"):
                ent.surname_uses += 1
            top = self._surname_top.get(ent.surname)
            # Rule surname-of-the-primary: of the persons who share a surname, a surname
            # alone stands for the one the article already calls by it most ("Trump said"
            # after "Donald Trump" and five mentions of "Ivanka Trump" in full is Donald,
            # whom the article calls "Trump"), then the one mentioned most, the latest.
            if top is None or (ent.surname_uses, len(ent.mentions), ent.last) >= (
                top.surname_uses,
                len(top.mentions),
                top.last,
            ):
                self._surname_top[ent.surname] = ent
        if salient:
            self._seen.setdefault(sentence, []).append(seen)

    def _link_name(self, name: _Name) -> None:
        rule = name.rule
        ent = name.ent
        if ent is None:
            ent, rule = self._alias(name)
        if ent is None:
            return
        name.ent, name.rule = ent, rule
        if name.kind == "single" and ent.kind is SpeakerKind.PERSON:
            # "Sen. Rubio", "Ortiz, a former judge,": the role rules around a short name
            # (most short names have nothing after them that could bring a role).
            if name.title is not None or self.text[name.end : name.end + 12].lstrip(
                " \t"
            ).startswith((",", "who ", *_VERBS_OF_BEING)):
                self._roles_of(name)
        self._note(
            ent, name.start, name.end, rule, name.sentence, not (name.in_quote or name.modifier)
        )

    def _alias(self, name: _Name) -> tuple[Ent | None, str]:
        """The alias rules: a one-word name (or an unknown organisation) to its entity."""
        if name.kind == "organization":
            return self._organization(name)
        word = name.words[-1]
        rule = "alias-honorific" if name.honorific else "alias-surname"
        gender = HONORIFICS.get(_bare(name.honorific)) if name.honorific else None
        found = self.person_by_surname(word, name.start, gender)
        if found is not None:
            return found, rule
        acr = self._by_acronym.get(word.replace(".", ""))
        if acr is not None:
            return acr, "alias-acronym"
        given = self._by_given.get(word)
        if given and name.honorific is None:
            return max(given[-_BUCKET:], key=lambda e: e.last), "alias-given-name"
        known = self._singles.get(word)
        if known is not None:
            return known, "alias-same-name"
        if name.kind == "headline":
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

    def person_by_surname(self, word: str, pos: int, gender: str | None = None) -> Ent | None:
        """The person named in full whose surname is ``word``: of those mentioned before
        ``pos``, the one the article has mentioned most (then the latest); else the one
        named nearest before; else the first named after. With ``gender`` (from an
        honorific: "Mrs. Clinton"), a person known to be of the other gender is skipped.
        (Only the latest few persons of one surname are weighed, so that a lookup costs the
        same however many the article names.)"""
        key = _bare(word)
        cands = self._by_surname.get(key)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        if gender is None:
            top = self._surname_top.get(key)
            if top is not None and 0 <= top.last < pos:
                return top
        cands = cands[-_BUCKET:]
        if gender is not None:
            fits = [e for e in cands if e.guess() in (None, gender)]
            cands = fits or cands
        seen = [e for e in cands if 0 <= e.last < pos]
        if seen:
            return max(seen, key=lambda e: (len(e.mentions), e.last))
        firsts = [(e.named_at, e) for e in cands]
        before = [fe for fe in firsts if fe[0] < pos]
        if before:
            return max(before, key=lambda fe: fe[0])[1]
        return min(firsts, key=lambda fe: fe[0])[1]

    def _link_pronoun(self, pro: _Pronoun) -> None:
        """Rule pronoun-antecedent (see the module docstring)."""
        if pro.in_quote:
            return
        if pro.form != "subject":
            self._link_evidence_pronoun(pro)
            return
        rule = "pronoun-antecedent"
        ent = self._chained(pro.start, pro.end) if self.analysis.coref else None
        if ent is not None:
            rule = "stanza-coref"
        elif (subject := self._reported_clause_subject(pro)) is not None:
            ent, rule = subject, "reported-clause-subject"
        else:
            content = self._speech_pronouns.get(pro.start)
            ent = self.antecedent(
                pro.gender,
                pro.start,
                pro.sentence,
                content is not None,
                content or (0, 0),
                exclude=self._clause_subjects(pro) if pro.text in ("him", "Him") else (),
            )
        if ent is None:
            return
        pro.ent = ent
        self.pronoun_links[pro.start] = ent
        self._role_after_pronoun(pro, ent)
        ent.add_evidence(
            GenderEvidence(
                gender=pro.gender, kind="pronoun", start=pro.start, end=pro.end, text=pro.text
            )
        )
        ent.person = True
        self._note(ent, pro.start, pro.end, rule, pro.sentence, True)

    def _role_after_pronoun(self, pro: _Pronoun, ent: Ent) -> None:
        """Rule role-pronoun-is: "… where she is a student, she walked in" -- a resolved
        subject *he* or *she* and *is a* (*was the* …) give its person that role, weighed
        after the roles written beside a name."""
        text = self.text
        if not text.startswith((" is ", " was "), pro.end) or ent.kind is not SpeakerKind.PERSON:
            return
        hi = self.analysis.sentences[pro.sentence].end
        is_the = _IS_THE.match(text, pro.end, hi)
        if is_the is None:
            return
        rs, re_ = _role_span(is_the, text, hi, _BEING_TAIL)
        clause = _AND_VERB.search(text, rs, re_)
        if clause is not None:
            re_ = clause.start()  # "an undecided voter and was uneasy": the role ends
        role = text[rs:re_]
        words = [w.lower() for w in role.split()[:2]]
        if (
            " than " in role
            or any(w in _RANKING_WORDS for w in words)
            or any(w in _FINITE for w in role.lower().split())
        ):
            return  # "a stronger leader than ...", "the only candidate": a comparison
        if _is_role(role):
            self.add_role(ent, role, rs, re_, "role-pronoun-is", text)

    def _reported_clause_subject(self, pro: _Pronoun) -> Ent | None:
        """Rule reported-clause-subject: a *he* or *she* opening the clause that a verb of
        saying reports, right after the verb, is the verb's subject when that is a person
        named just before it: "Taylor Bush said he did not recognize ...", "Ted Cruz, who
        said he would ...", "Ms. Ruiz told reporters that she ..." (where the walk's
        weighing might prefer an earlier person better known: the sentence itself says
        who). Not when the name is governed by a preposition or joined to another ("an
        adviser to Ortiz said he", "Ortiz and Ruiz said she"), is a possessor or a modifier
        ("Ortiz's aide said he"), or is known to be of the other gender ("Trump said she
        ..." leaves *she* to the walk)."""
        text = self.text
        lo = max(self._sentence_of[pro.sentence], pro.start - 48)
        m = _REPORTED_SUBJECT.search(text, lo, pro.start)
        if m is None:
            return None
        for start, ent in self._mentioned_between(lo - 80, m.start()):
            name = self.name_at.get(start)
            if name is not None:
                end, at = name.end, name.title[0] if name.title is not None else start
                if name.possessive or name.modifier:
                    return None
            elif text.startswith(("he ", "she ", "He ", "She "), start):
                end, at = text.index(" ", start), start  # "He said he ...": its link
            else:
                return None  # a description or a relative pronoun: the walk weighs it
            if end != m.start():
                return None  # the word before the verb is not this mention's last
            if ent.kind is not SpeakerKind.PERSON or ent.guess() not in (None, pro.gender):
                return None
            if not ent.person and len(ent.words) < 2:
                return None  # "the tech site Pando said he": a word never shown a person's
            # (A relative "who" is the subject whatever stands before its name.)
            return ent if m.group("who") or self._opens_clause(at) else None
        return None

    def _opens_clause(self, at: int) -> bool:
        """Whether a name (with its title) starting at ``at`` can be the subject of the
        verb after it: it opens its sentence or a clause (after a mark, a clause word, or
        an "and" between clauses), or follows a role or a capitalised word that belongs to
        it ("Vermont Sen. Bernie Sanders", "party boss Reince Priebus"); not after a
        preposition ("an adviser to Ortiz"), a name joined to it ("Ortiz and Ruiz"), or a
        noun of something else ("the news site Pando")."""
        text = self.text
        head = text[max(self._sentence_of[self.sentence_index(at)], at - 40) : at].split()
        if not head or not head[-1][-1:].isalnum():
            return True
        word = head[-1]
        bare = word.lower()
        if bare in ("and", "or"):
            # ("and" joining clauses is no bar: "Cruz accuses Obama of weakness and Trump
            # says he ...", but one joining names is: "Ortiz and Ruiz said".)
            return len(head) > 1 and not head[-2][:1].isupper()
        if bare in _NOT_SUBJECT_BEFORE:
            return False
        return word[:1].isupper() or bare in _ROLE_LOWER or bare in _CLAUSE_OPENERS

    def _mentioned_between(self, lo: int, hi: int) -> Iterator[tuple[int, Ent]]:
        """The walk's mentions starting in ``[lo, hi)``, the latest first (read back from
        the end, so the cost is the number of mentions after ``lo``)."""
        mentioned = self._mentioned
        k = len(mentioned) - 1
        while k >= 0:
            start, ent = mentioned[k]
            k -= 1
            if start >= hi:
                continue
            if start < lo:
                break
            yield start, ent

    def clause_mates(self, pos: int) -> frozenset[int]:
        """The ids of the persons named outside quotations in the clause before ``pos``
        (back to the last mark, conjunction, subordinator or verb of saying of its
        sentence): a description there is someone else (rule description-not-clause-mate:
        in "Ruiz has led the former mayor in the polls", the former mayor is not Ruiz)."""
        lo = max(self._sentence_of[self.sentence_index(pos)], pos - 200)
        brk = _CLAUSE_BREAK.search(self.text, lo, pos)
        if brk is not None:
            lo = brk.end()
        return frozenset(
            ent.id for _, ent in self._mentioned_between(lo, pos) if ent.kind is SpeakerKind.PERSON
        )

    def person_between(self, lo: int, hi: int, gender: str | None = None) -> bool:
        """Whether a person not known to be of the other gender than ``gender`` is mentioned
        outside quotations in ``[lo, hi)``."""
        return any(
            ent.kind is SpeakerKind.PERSON and (gender is None or ent.guess() in (None, gender))
            for _, ent in self._mentioned_between(lo, hi)
        )

    def _clause_subjects(self, pro: _Pronoun) -> frozenset[int]:
        """Rule object-not-subject: an object *him* never means the person named just
        before its verb ("Tom Baker spoke first. Mayor Kit Moreno then thanked him." is
        Baker; "Cruz has cast him as weak"): one named at most three words before it, with
        no clause break between (a mark, a conjunction, a subordinator, a relative, a verb
        of saying: "Trump said Rubio would never beat him" rules out Rubio only) nor a
        preposition (in "WikiLeaks hit Snowden back by accusing him", *him* is Snowden),
        and not as a possessor ("Mr. Trump's tool kit failed him"). Returns the ids of the persons
        so ruled out. (Further back the clause is too hard to tell without a parse: in "he
        accused Clinton of pushing to indict him", *him* is *he*.)"""
        # (Only the last 80 characters are read: a name three words before is within them,
        # and a sentence of thousands of words costs no more per pronoun.)
        lo = max(self._sentence_of[pro.sentence], pro.start - 80)
        text = self.text
        brk = _CLAUSE_BREAK.search(text, lo, pro.start)
        if brk is not None:
            lo = brk.end()
        out = set()
        for start, ent in self._mentioned_between(lo, pro.start):
            name = self.name_at.get(start)
            if name is not None and (name.possessive or name.modifier):
                continue  # "Mr. Trump's tool kit failed him", "Trump supporters see him"
            at = name.title[0] if name is not None and name.title is not None else start
            if text.startswith(("him", "Him"), start) or _previous_word(text, at, 0) in (
                _PREPOSITIONS
            ):
                continue  # an object: "made him ... made him", "intrigued by Mr. Trump"
            end = name.end if name is not None else text.find(" ", start, pro.start)
            between = text[end : pro.start].split() if end >= 0 else ["-"] * 4
            if len(between) <= 3 and not _PREPOSITIONS.intersection(between):
                out.add(ent.id)
        return frozenset(out)

    def _link_evidence_pronoun(self, pro: _Pronoun) -> None:
        """Rules possessive-pronoun and reflexive-pronoun: a *his*, *her* (before a noun) or
        *himself*, *herself* outside quotation marks is evidence of the gender of the one
        person its sentence can mean by it, and nothing else (it attributes no quotation, so
        it is no mention). An object *her* ("Ruiz called her") means someone other than its
        clause's subject, and is not read.

        The person is looked for only in the pronoun's own sentence, before it, among the
        persons mentioned there who are not known to be of the other gender. A possessive
        needs exactly one of them named outside a modifier (or, with none, exactly one named
        as a modifier: "a Ruiz rally, where her aides ..."), and no person noun there that
        is no one's role ("the governor", "a woman", "her husband"), since each is someone
        else it could mean: "Ana Ruiz said her office would reopen" gives Ruiz *her*; "Ben
        Ortiz said Tom Baker, despite his wealth, ..." gives no one anything. A reflexive
        means the nearest of them ("Ortiz told Baker to be ashamed of himself" is Baker),
        unless a person noun stands between. The one found must be named in the sentence,
        not only meant by an earlier pronoun there (whose link already is evidence). The
        evidence is recorded but not counted in the votes that guide resolution
        (:meth:`Ent.guess`), so that these pronouns change no attribution.
        """
        if pro.form == "object" or self._either_gender(pro):
            return
        found = self._clause_antecedent(pro)
        if found is not None:
            found.evidence.append(
                GenderEvidence(
                    gender=pro.gender, kind="pronoun", start=pro.start, end=pro.end, text=pro.text
                )
            )

    def _either_gender(self, pro: _Pronoun) -> bool:
        """Whether a pronoun is half of "his or her" (rule either-gender: "the choice of
        his or her doctor" means no one in particular)."""
        text = self.text
        lo = max(0, pro.start - 12)
        return any(
            m.start() <= pro.start < m.end()
            for m in _EITHER_GENDER.finditer(text, lo, pro.end + 12)
        )

    def _clause_antecedent(self, pro: _Pronoun) -> Ent | None:
        """The one person a possessive or reflexive pronoun can mean (see
        :meth:`_link_evidence_pronoun`), or ``None``."""
        found, anyone = self._sole_candidate(pro, pro.sentence)
        si = pro.sentence
        if (
            found is None
            and not anyone
            and pro.form == "possessive"
            and si > 0
            and self._paragraph_of[si - 1] == self._paragraph_of[si]
        ):
            # Rule possessive-previous-sentence: a sentence that names no one before its
            # possessive ("Ana Ruiz arrived late. Her car had broken down.") reads it as
            # the one person of the sentence before.
            found, _ = self._sole_candidate(pro, si - 1)
        return found

    def _sole_candidate(self, pro: _Pronoun, first: int) -> tuple[Ent | None, bool]:
        """The one person the text from sentence ``first`` up to ``pro`` offers for it, and
        whether it offers any person at all (a name, a pronoun's link, a person noun)."""
        # (At most _POSSESSIVE_REACH characters back: a sentence of thousands of words costs
        # no more per pronoun.)
        lo = max(self._sentence_of[first], pro.start - _POSSESSIVE_REACH)
        salient = set()
        for si in range(first, pro.sentence + 1):
            for s, _ in reversed(self._seen.get(si, ())):
                if s < lo:
                    break
                salient.add(s)
        named: dict[int, Ent] = {}  # compatible persons named outside a modifier
        modifiers: dict[int, Ent] = {}  # ... named as a modifier only
        by_name: set[int] = set()  # ... of those, named (not only meant by a pronoun)
        nearest: tuple[int, Ent] | None = None
        roles: list[tuple[int, int]] = []
        met: set[int] = set()  # every person mentioned
        anyone = False
        for start, ent in self._mentioned_between(lo, pro.start):
            if ent.kind is not SpeakerKind.PERSON or self._not_a_candidate(ent, start):
                continue
            anyone = True
            met.add(ent.id)
            roles.extend((r[1], r[2]) for r in ent.roles)
            g = ent.guess()
            if g is not None and g != pro.gender:
                continue
            if start in salient:
                named.setdefault(ent.id, ent)
            else:
                modifiers.setdefault(ent.id, ent)
            if nearest is None:
                nearest = (start, ent)
            if start in self.name_at:
                # (Named: not only meant by a pronoun, nor by a description that
                # coreference linked, "The star recalled ... her friend".)
                by_name.add(ent.id)
        text = self.text
        # A person noun that is no one's role is someone else the pronoun could mean.
        for m in _LOWER_WORD.finditer(text, lo, pro.start):
            w = m.group()
            if w in _PERSON_WORDS and _GENDER_NOUNS.get(w) in (None, pro.gender):
                if not any(rs <= m.start() < re_ for rs, re_ in roles):
                    if nearest is None or pro.form != "reflexive" or m.start() > nearest[0]:
                        return None, True
        if nearest is None:
            return None, anyone
        if pro.form == "reflexive":
            ent = nearest[1]
            between = text[nearest[0] : pro.start]
            if len(between) > _REFLEXIVE_REACH or _SAME_GENDER_PRONOUN[pro.gender].search(between):
                # Far, or past another pronoun of its gender ("he paid back Rep. Marcy
                # Kaptur ... to expand his revolution beyond himself"): not its clause's.
                return None, True
        else:
            pool = named or modifiers
            if len(pool) != 1:
                return None, True
            ent = next(iter(pool.values()))
        if ent.id not in by_name or not (
            ent.person or (pro.form == "reflexive" and len(ent.words) > 1)
        ):
            # (A one-word name never shown to be a person's may be an organisation's. Rule
            # reflexive-shows-person: a full name a *himself* or *herself* reads back to is
            # a person's, "Kit Moreno introduced herself", though no title or known given
            # name showed it; an organisation is *itself*.)
            return None, True
        # A name of another known person that the walk passed by ("said that Rubio ..."
        # reads "that Rubio" as a modifier) is someone else the pronoun could mean too.
        # (For a reflexive, only between its person and it.)
        since = nearest[0] if pro.form == "reflexive" else lo
        for m in _CAPITAL_WORD.finditer(text, since, pro.start):
            for other in self._by_surname.get(_bare(m.group()), ()):
                if other.id not in met and other.guess() in (None, pro.gender):
                    return None, True
        return ent, True

    def _not_a_candidate(self, ent: Ent, start: int) -> bool:
        """Whether a one-word name never shown to be a person's, met at ``start``, is no
        candidate for a possessive: one opening its sentence ("Multiple outlets said") or
        before a stop ("Aug. 10") is likelier a word than a name. (One met inside a
        sentence, "a plot Marquez hatched", still is, and one before a verb of saying,
        "Khalif said".)"""
        if ent.person or len(ent.words) > 1:
            return False
        end = start + len(ent.name)
        if self.text.startswith(".", end):
            return True
        if _SAYS_AFTER.match(self.text, end):
            return False  # "Khalif said ...": one who speaks is a person
        return start == self._sentence_of[self.sentence_index(start)]

    def antecedent(
        self,
        gender: str | None,
        pos: int,
        sentence: int,
        speech: bool = False,
        skip: tuple[int, int] = (0, 0),
        named_person: bool = False,
        role_words: frozenset[str] = frozenset(),
        exclude: Collection[int] = (),
    ) -> Ent | None:
        """The person a pronoun of ``gender`` at ``pos`` stands for (rule
        ``pronoun-antecedent``).

        Candidates are the persons mentioned outside quotations in the pronoun's sentence
        (before it) and in the four sentences before that hold any (within two paragraphs);
        a person known to be of the other gender is never one. Each is scored by what makes
        a reader pick it (the weights are in ``_SALIENCE``): how near its sentence is; being
        that sentence's subject (its first person outside an opening clause such as "When
        Maddow asked, ..." or "In Concord, ..."), or its speaker ("..., Tester said");
        being known to match in gender; and, for a pronoun that attributes a quotation ("he
        said"), being the last speaker; for a description, a role written with its words
        ("the Republican candidate"). A person named inside the very content the pronoun
        attributes ("Ms. Ruiz was shocked, she said") counts less, not nothing. The highest
        score wins; on a tie, the nearer mention.
        (The weights were chosen on the PolNeAR development articles: nearness and being the
        subject count most, as in Lee et al.'s pronoun sieve.)
        """
        looked = 0
        si = sentence
        best: tuple[float, int, Ent] | None = None
        skip_lo, skip_hi = skip
        last_speaker = self.last_speaker if speech else None
        person = SpeakerKind.PERSON
        para_of = self._paragraph_of
        here = para_of[sentence] if 0 <= sentence < len(para_of) else -1
        # At most _LOOK_BACK sentences back, named or not: in an interview where only
        # pronouns speak, the walk would otherwise run back to the start at every pronoun.
        stop = sentence - _LOOK_BACK
        while si >= 0 and looked < 4 and si > stop:
            seen = self._seen.get(si)
            if seen:
                distance = 0
                if si != sentence:
                    looked += 1
                    distance = looked
                intro = self._intro_end(si)
                spoke = self._spoke_in.get(si, ())
                near = _DISTANCE[min(distance, 4)]
                first = True
                if len(seen) > 2 * _BUCKET:
                    # A sentence naming very many people: its first ones (its subject) and
                    # the last before the pronoun are weighed, not all of them.
                    k = bisect.bisect_left(seen, pos, key=_start_of_seen)
                    seen = seen[:_BUCKET] + seen[max(_BUCKET, k - _BUCKET) : k]
                for start, ent in seen:
                    if start >= pos or ent.kind is not person or ent.id in exclude:
                        continue
                    if named_person and not ent.person and len(ent.words) < 2:
                        continue
                    inside = skip_lo <= start < skip_hi
                    if inside and (named_person or gender is None):
                        continue
                    g = ent.guess()
                    if g is not None and gender is not None and g != gender:
                        continue
                    in_intro = start < intro
                    reported = not inside and self._in_reported(start)
                    score = near
                    if inside:
                        # Named in what the pronoun's speaker said ("Ms. Nwanguma was
                        # shocked, she said"): the speaker only if no one else fits.
                        score += _IN_THE_QUOTE
                    if (
                        first
                        and not in_intro
                        and not reported
                        and not (len(seen) > 1 and _in_anothers_role(seen, start, ent))
                    ):
                        # (Rule reported-not-subject: in "Trump plans to empower the
                        # community, Ben Carson said", the subject is Carson, not Trump.
                        # Rule modifier-not-subject: in "Villa boss Unai Emery praised
                        # his players", *Villa* is part of Emery's role, not the subject.)
                        score += _SUBJECT
                        first = False
                    if in_intro:
                        score += _OPENING_CLAUSE_SCORE
                    if ent.id in spoke:
                        score += _SPEAKER_OF_SENTENCE
                    if g is not None and g == gender:
                        score += _GENDER_KNOWN
                    if not ent.person:
                        score += _NO_PERSON_EVIDENCE
                    if last_speaker is ent:
                        score += _LAST_SPEAKER
                    if speech and start == ent.named_at:
                        # Rule introduced-then-quoted: news names a new person in full
                        # (with a role) just before giving their words: "Tom Baker, a
                        # pollster, saw it coming. “…,” he said."
                        score += _SALIENCE["introduced"]
                    if named_person:
                        # A description names the article's main figure more often than a
                        # pronoun does: how often it was mentioned counts too.
                        score += _SALIENCE["per_mention"] * min(len(ent.mentions), 10)
                        if para_of[si] == here:
                            score += _SALIENCE["same_paragraph"]
                    if role_words and ent.roles and role_words & words_of_roles(ent):
                        # "the Republican presidential candidate": the one whose roles the
                        # article wrote with these words.
                        score += _SALIENCE["role_words"]
                    key = (score, start, ent)
                    if best is None or (score, start) > (best[0], best[1]):
                        best = key
            si -= 1
        if best is None and speech and self.last_speaker is not None:
            ls = self.last_speaker
            g = ls.guess()
            fits = g is None or gender is None or g == gender
            if ls.kind is SpeakerKind.PERSON and fits and pos - ls.spoke < 2000:
                return ls
        return best[2] if best is not None else None

    def _in_reported(self, pos: int) -> bool:
        """Whether ``pos`` lies in what an attribution reports."""
        return _inside(self._reported_starts, self._reported_ends, pos)

    def _intro_end(self, si: int) -> int:
        """Where the opening clause of sentence ``si`` ends: the first comma after an opening
        preposition or subordinator ("In Concord, ...", "When Maddow asked, ..."), else the
        sentence's start."""
        found = self._intros.get(si)
        if found is None:
            sent = self.analysis.sentences[si]
            found = sent.start
            k = sent.start
            if k < sent.end and self.text[k] in '“"‘(':
                k += 1
            first = self.text[k : k + 12].split(" ", 1)[0]
            if first in _OPENING_WORDS:
                m = _OPENING_CLAUSE.match(self.text, k + len(first), sent.end)
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

    def organization_named(self, name: str) -> Ent:
        """The organisation of that name (made if the article has none yet): "Sanders
        campaign" for a "his campaign" that coreference resolved."""
        key = (SpeakerKind.ORGANIZATION, " ".join(_bare(w) for w in name.split()))
        ent = self._by_name.get(key)
        if ent is None:
            ent = self._new(SpeakerKind.ORGANIZATION, name)
            ent.words = tuple(key[1].split())
            self._by_name[key] = ent
        return ent

    def find_name(self, start: int, end: int) -> tuple[Ent, str] | None:
        """The entity of the last name read by the scan inside ``[start, end)``, with the
        rule that linked that name; ``None`` if there is none."""
        k = bisect.bisect_left(self._name_starts, start)
        found = None
        while k < len(self._name_starts) and self._name_starts[k] < end:
            n = self.name_at.get(self._name_starts[k])
            if n is not None and n.end <= end and n.ent is not None:
                found = (n.ent, n.rule)
            k += 1
        return found

    def recent(self, pos: int, window: int) -> Iterator[Ent]:
        """The entities mentioned in the ``window`` characters before ``pos``, each once,
        the most recently mentioned first (it reads back only that far: constant time per
        call for a bounded window)."""
        done: set[int] = set()
        for _, ent in self._mentioned_between(pos - window, pos):
            if ent.id not in done:
                done.add(ent.id)
                yield ent

    def organizations_before(
        self, pos: int, weak: bool = False, window: int = 3000, most: int = 24
    ) -> list[Ent]:
        """The (at most ``most``) organisations mentioned in the ``window`` characters before
        ``pos``, the most recent first (with ``weak``, also one-word names never shown to be
        a person's)."""
        out = []
        for ent in self.recent(pos, window):
            if ent.kind is SpeakerKind.ORGANIZATION or (
                weak and ent.kind is SpeakerKind.PERSON and not ent.person and ent.given is None
            ):
                out.append(ent)
                if len(out) == most:
                    break
        return out

    def add_role(self, ent: Ent, role: str, start: int, end: int, rule: str, text: str) -> None:
        """Give ``ent`` a role, and index it by the role's heads and epithets (each of two
        roles joined by "and" on its own: rule coordinated-roles)."""
        parts = coordinated_roles(role)
        if len(parts) > 1:
            for part in parts:
                at = text.find(part, start, end)
                if at >= 0:
                    self.add_role(ent, part, at, at + len(part), rule, text)
            return
        if rule in ("role-appositive", "role-who-is"):
            bisect.insort(self._appositives, (start, end, ent), key=_start_of_role)
        for head in ent.add_role(role, start, end, rule, text):
            found = self._by_head.setdefault(head, [])
            if not found or found[-1] is not ent:
                found.append(ent)

    def add_epithet(self, ent: Ent, epithet: str) -> None:
        """Give ``ent`` an epithet ("45-year-old"), indexed like a role head."""
        ent.epithets = ent.epithets | {epithet}
        found = self._by_head.setdefault(epithet, [])
        if not found or found[-1] is not ent:
            found.append(ent)

    def appositive_holder(self, start: int, end: int) -> Ent | None:
        """The entity whose appositive role ("Ana Ruiz, *a judge at the court*,") overlaps
        ``text[start:end]``, among the last few read before ``end``."""
        i = bisect.bisect_left(self._appositives, end, key=_start_of_role)
        for _s, e, ent in reversed(self._appositives[max(0, i - 4) : i]):
            if e > start:
                return ent
        return None

    def entities_with_head(self, heads: frozenset[str]) -> list[Ent]:
        """Persons and sources whose role heads or epithets meet ``heads`` (for each head,
        the latest few given it)."""
        out: dict[int, Ent] = {}
        for h in heads:
            for ent in self._by_head.get(h, ())[-_BUCKET:]:
                out.setdefault(ent.id, ent)
        return list(out.values())

    # -- the result --------------------------------------------------------------------

    def release(self) -> None:
        """End the walk: drop the scan's events and the walk's indexes (tens of megabytes for
        a long article), so that what resolution builds next reuses their memory. The
        entities, and what :meth:`freeze` made of them, stay."""
        self._events = []
        self.name_at = _NameIndex(())
        self._name_starts = []
        self._seen = {}
        self._mentioned = []
        self._spoke_in = {}
        self._intros = {}
        self.pronoun_links = {}
        self._appositives = []
        self._common_here = {}
        self._word_uses = None
        self._sentence_starts = None
        self._sentence_of = []
        self._paragraph_of = []

    def _quoted_honorifics(self) -> None:
        """Rule honorific-in-quote: an honorific before a surname inside quotation marks is
        gender evidence for the one person of that surname the article names whom it can
        mean (not one known to be of the other gender): in "“I owe Mr. Quinn an apology,”
        Ana Ruiz said." *Mr.* is evidence for Ben Quinn, named elsewhere. (Names inside
        quotations are the speaker's words, not the article's mentions, so they are not
        linked; what a speaker calls someone still says who they are.) Read once, at the
        end of the walk, over the quotations' text only."""
        if self._honorifics_read:
            return
        self._honorifics_read = True
        text = self.text
        for s, e in zip(self._quote_starts, self._quote_ends, strict=True):
            for m in _QUOTED_HONORIFIC.finditer(text, s, e):
                gender = HONORIFICS.get(m.group("h").lower())
                if gender not in ("male", "female"):
                    continue
                key = _bare(m.group("surname"))
                cands = self._by_surname.get(key)
                if not cands:
                    single = self._singles.get(key)
                    cands = [single] if single is not None else []
                elif len(cands) > _BUCKET:
                    continue  # (more of that surname than a lookup weighs: no telling)
                fits = [
                    c
                    for c in cands
                    if c.kind is SpeakerKind.PERSON and c.mentions and c.guess() in (None, gender)
                ]
                if len(fits) == 1:
                    fits[0].add_evidence(
                        GenderEvidence(
                            gender=gender,
                            kind="honorific",
                            start=m.start("h"),
                            end=m.end("dot"),
                            text=text[m.start("h") : m.end("dot")],
                        )
                    )

    def _quoted_titles(self) -> None:
        """Rule role-in-quote: a title before a surname inside quotation marks ("“Secretary
        Clinton is interested in ...,” an aide said") is a role of the one person of that
        surname the article names, weighed after every role the narration gives. Read once,
        when the cast is frozen, over the quotations' text only."""
        if not self._titles_read:
            self._titles_read = True
            for m, quote_start in self._quoted(_QUOTED_TITLE):
                self._quoted_title(m, quote_start)

    def _quoted(self, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], int]]:
        """The matches of ``pattern`` inside the quotations, each with its quotation's start."""
        for s, e in zip(self._quote_starts, self._quote_ends, strict=True):
            for m in pattern.finditer(self.text, s, e):
                yield m, s

    def _quoted_title(self, m: re.Match[str], quote_start: int) -> None:
        """One title and surname of rule role-in-quote."""
        title = _bare(m.group("t"))
        if (
            title not in TITLES
            or title in _NOT_QUOTED_TITLES
            or _previous_word(self.text, m.start(), quote_start) in ("a", "an", "the")
        ):
            return  # "a President Ruiz would ...": no one's role yet
        key = _bare(m.group("surname"))
        single = self._singles.get(key)
        cands = [
            c
            for c in self._by_surname.get(key, [single] if single is not None else [])
            if c.kind is SpeakerKind.PERSON and c.mentions
        ]
        if len(cands) == 1:
            self.add_role(
                cands[0], m.group("t"), m.start("t"), m.end("t"), "role-in-quote", self.text
            )

    def _said_of(self) -> None:
        """Rule said-of: the third-person pronouns of a quotation attributed with *said of*
        a name are that person's: in "“He never listened, and he never will,” Ana Ruiz
        said of Tom Baker." *He* is Baker, so it is evidence of Baker's gender (the speaker
        speaks of herself as *I*). Only when every such pronoun in the quotation's first
        fragment is of one gender, the quotation names no other person the article knows,
        and the attribution follows the quotation in the same sentence. Read once, at the
        end of the walk (the pronouns are inside a quotation, which the walk leaves
        alone)."""
        if self._said_of_read:
            return
        self._said_of_read = True
        text = self.text
        by_start: dict[int, Ent] | None = None
        seen_first: set[int] = set()
        for s, e in zip(self._quote_starts, self._quote_ends, strict=True):
            if s in seen_first:
                continue
            seen_first.add(s)
            before = _SAID_OF_BEFORE.match(text, e, min(len(text), e + 80))
            if before is None:
                continue
            m = _SAID_OF.search(text, e, min(len(text), before.end() + 120))
            if (
                m is None
                or m.start() > before.end()
                or e - s > 600
                or text[s:e].rstrip('”"’ \t').endswith(".")
            ):
                continue  # (a quotation ending its sentence is not this attribution's)
            pronouns = list(_ANY_PRONOUN.finditer(text, s, e))
            genders = {_gender_of_pronoun(p.group().lower()) for p in pronouns}
            if len(genders) != 1:
                continue
            gender = genders.pop()
            if any(
                _bare(w.group()) in self._by_surname or _bare(w.group()) in self._by_given
                for w in _CAPITAL_WORD.finditer(text, s, e)
            ):
                continue  # another person named inside: the pronoun may be theirs
            if by_start is None:
                by_start = {
                    ms: ent
                    for ent in self.entities
                    if ent.kind is SpeakerKind.PERSON
                    for ms, _, _ in ent.mentions
                }
            # (The name starts after its title, if any: "said of Mayor Tom Baker".)
            at = [m.start("title") + w.start() for w in _SPACE_SPLIT.finditer(m.group("title"))]
            ent = next((by_start[k] for k in (*at, m.end()) if k in by_start), None)
            if ent is None or ent.guess() not in (None, gender):
                continue
            p = pronouns[0]
            ent.add_evidence(
                GenderEvidence(
                    gender=gender, kind="pronoun", start=p.start(), end=p.end(), text=p.group()
                )
            )

    def self_descriptions(self, spoken: Iterable[tuple[Ent, Sequence[tuple[int, int]]]]) -> None:
        """Rule self-description: what a person says of themself in their own direct
        quotation is evidence of their gender: "As a mother, I ...", "I'm the son of
        immigrants", "I am a businesswoman" (a gendered person or kinship noun after *As
        a ..., I* or *I am a/the*, with at most two words between). ``spoken`` holds each
        direct quotation's speaker and its content fragments (coreference passes them
        once resolved). Not a negation ("I'm not a man who ..."), nor the noun of someone
        else ("I'm a woman's advocate", "I am the boy's father" says only *father*)."""
        text = self.text
        for ent, fragments in spoken:
            if ent.kind is not SpeakerKind.PERSON:
                continue
            for s, e in fragments:
                for m in _SELF_DESCRIPTION.finditer(text, s, e):
                    # The first gendered noun of the (up to) three words after the article.
                    at = m.start("words")
                    for w in m.group("words").split():
                        at = text.index(w, at)
                        g = _GENDER_NOUNS.get(w)
                        if g is not None:
                            break
                        at += len(w)
                    else:
                        continue
                    end = at + len(w)
                    if g not in ("male", "female") or text.startswith(("’", "'", "-"), end):
                        continue  # "a woman's advocate", "a man-made"
                    if m.group("as") and not _AS_SELF.match(text, end, e):
                        continue  # "treated him as a man would"
                    ent.add_evidence(
                        GenderEvidence(
                            gender=g,
                            kind="kinship-noun" if w in KINSHIP_NOUNS else "role-noun",
                            start=at,
                            end=end,
                            text=w,
                        )
                    )

    def freeze(self) -> tuple[Cast, dict[int, int]]:
        """The cast as public records (made when first read): the entities with at least
        one mention, in order of first mention; and each such entity's public id by its
        builder id."""
        self._quoted_honorifics()
        self._quoted_titles()
        self._said_of()
        order = sorted((e for e in self.entities if e.mentions), key=lambda e: e.mentions[0][0])
        ids = {ent.id: new_id for new_id, ent in enumerate(order)}
        text = self.text
        first_names = self.first_names

        # (The closure holds the entities, not the builder: the scan's events and indexes,
        # tens of megabytes for a long article, are freed as soon as resolution is done.)
        def make() -> tuple[Entity, ...]:
            return tuple(
                _entity(text, ent, new_id, first_names) for new_id, ent in enumerate(order)
            )

        return Cast.lazy(make), ids


def _entity(text: str, ent: Ent, new_id: int, first_names: bool = False) -> Entity:
    """The public record of ``ent``."""
    gender, note, evidence = gender_of(ent, text, first_names)
    mentions = tuple(
        EntityMention(start=s, end=e, text=text[s:e], rule=r) for s, e, r in sorted(ent.mentions)
    )
    aliases = tuple(
        a
        for a in dict.fromkeys(
            m.text
            for m in mentions
            if m.rule.startswith("alias") or m.rule in ("full-name", "acronym-in-parentheses")
        )
        if a != ent.name
    )
    return Entity(
        id=new_id,
        name=ent.name,
        kind=ent.kind,
        aliases=aliases,
        roles=tuple(Span(s, e, text[s:e]) for s, e in _listed_roles(ent)),
        role=ent.most_specific_role(),
        gender=gender,
        gender_evidence=evidence,
        gender_note=note,
        mentions=mentions,
    )


def _listed_roles(ent: Ent) -> list[tuple[int, int]]:
    """The spans of an entity's roles, without a title abbreviation alone ("Dr.") when the
    article gives a fuller role (which the abbreviation is then part of)."""
    roles = [(r, s, e) for r, s, e, _ in ent.roles]
    full = [x for x in roles if not _abbreviation_only(x[0])]
    return [(s, e) for _, s, e in (full or roles)]


def _abbreviation_only(role: str) -> bool:
    return all(_bare(w) in TITLE_ABBREVIATIONS or _bare(w) in HONORIFICS for w in role.split())


def gender_of(
    ent: Ent, text: str, first_names: bool = False
) -> tuple[str | None, str, tuple[GenderEvidence, ...]]:
    """An entity's gender, how it was decided, and the evidence, in text order.

    The text's own evidence decides (:func:`decide_gender`). Only where it gives none, and
    only with ``first_names``, does the given name decide, through the first-name lexicon of
    :mod:`quoteattr.names_gender` (rule ``gender-from-first-name``; evidence kind
    ``first-name``, note ``"first name"``).
    """
    evidence = tuple(sorted(ent.evidence, key=lambda e: e.start))
    gender, note = decide_gender(ent)
    if note != "no evidence" or not first_names or ent.kind is not SpeakerKind.PERSON:
        return gender, note, evidence
    from .names_gender import first_name_gender, given_name_span

    for s, e, rule in sorted(ent.mentions):
        if rule != "full-name":
            continue
        span = given_name_span(text[s:e])
        if span is None:
            continue
        given = text[s + span[0] : s + span[1]]
        found = first_name_gender(given)
        if found is None:
            break
        ev = GenderEvidence(
            gender=found[0], kind="first-name", start=s + span[0], end=s + span[1], text=given
        )
        return found[0], "first name", (ev,)
    return gender, note, evidence


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


def _cased(name: str) -> str:
    """A name written in capitals (a transcript's "MARIA OLSEN:") in title case.

    >>> _cased("MARIA OLSEN"), _cased("Ana Ruiz")
    ('Maria Olsen', 'Ana Ruiz')
    """
    return name.title() if name.isupper() and len(name) > 4 else name


def _same_given(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names with the same surname name one person: same given name, or an
    initial of it, and no middle names that disagree ("Donald J. Trump", "Donald Trump")."""
    ga, gb = a[0].rstrip("."), b[0].rstrip(".")
    if ga == gb:
        return True
    if (len(ga) == 1 and gb.startswith(ga)) or (len(gb) == 1 and ga.startswith(gb)):
        return True
    return False
