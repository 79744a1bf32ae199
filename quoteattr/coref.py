"""Stage 5: resolve each speaker mention against the article's cast, in ordered passes.

The speaker mentions are taken in text order; before each, the cast's walk reads the text up
to it (:meth:`~quoteattr.cast.CastBuilder.advance`), so every pass sees what the text has said
so far. The passes run from the most precise to the least, as in Stanford's multi-pass
sieve; the first that finds an entity decides, and its name goes into ``Quote.rules``:

``label-surname``, ``answer-label-interviewee``
    a transcript's label: "RUIZ:" is the person named Ruiz before, "A:" the person the
    article named most before its first answer.
name in the cast
    the mention holds a name the cast has read: "White House spokeswoman Jen Psaki", and
    also "Psaki" or "Ms. Psaki", which the cast linked to *Jen Psaki*; the rule recorded is
    the cast's (``full-name``, ``alias-surname``, ...).
``relative-pronoun``
    "Joly, who stressed ..." resolves the phrase before "who" by the other passes.
``pronoun-antecedent``
    "he said": the person the cast's walk linked the pronoun to (matching gender, the same
    sentence first, then the sentences before; a person, never a place or an organisation).
``pronoun-to-organization``
    "it said", "they said": the organisation (or group) mentioned last.
``description-role``
    "the mayor said", "the former secretary of state said": the person whose role has that
    head noun (*Mayor Ana Ruiz*; *Secretary of State Hillary Clinton*), the one whose roles
    share most words with the description and then the most recent; "the same source".
``description-epithet``
    "the 45-year-old", "the Dutch striker": the person with that age or nationality.
``description-organization``
    "the company", "the agency", "the paper": the organisation mentioned last whose name
    holds that word or marks that sort (*Acme Inc.*, *The Daily Herald*).
``possessor-organization``
    "his campaign", "her administration": the body of the person the possessive stands
    for, named as news names it (*Sanders campaign*).
``anonymous-source``
    "a senior official", "two people familiar with the talks": a source of its own, with its
    whole description, never merged with a named person.
``new-speaker``
    a name the cast did not know (a rare mention form): an entity of its own.

Two persons of the cast joined by "and" ("Ruiz and Cole said") speak together (rule
``coordinated-names``): the speaker joins their names and lists each in ``Speaker.members``.

A quotation with no mention of its own takes the speaker of the quote before it (rule
``speaker-from-previous-quote``, at most two paragraphs back).

>>> from quoteattr import extract_quotes
>>> t = "Gov. Ana Ruiz spoke on Monday. “We are ready,” she said. Ruiz said the state was calm."
>>> [q.speaker.name for q in extract_quotes(t)]
['Ana Ruiz', 'Ana Ruiz']
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator, Sequence

import attrs
import regex

from . import syntax
from ._budget import AS_WRITTEN, Budget
from ._patterns import lazy_regex
from .attribution import Attribution
from .cast import (
    CastBuilder,
    Ent,
    agent_noun,
    clean_role,
    gender_of,
    role_heads,
    words_of_roles,
)
from .cues import FORMS
from .lexicon.names import NAME_PARTICLES
from .lexicon.people import (
    ANONYMOUS_NOUNS,
    BUSINESS_NOUNS,
    GENDERED_PERSON_NOUNS,
    KINSHIP_NOUNS,
    LED_BODIES,
    NOT_BUSINESS,
    ORGANIZATION_SORTS,
    PERSON_NOUNS,
)
from .lexicon.places import DEMONYMS, NATIONALITY_NOUNS
from .lexicon.pronouns import SUBJECT_FORM
from .lexicon.roles import ROLE_MODIFIERS, TITLES
from .model import Analysis, Cast, GenderEvidence, QuoteKind, Speaker, SpeakerKind
from .quotes import QuoteSpan
from .speakers import (
    DETERMINERS,
    STOP_WORDS,
    Mention,
    coordinated,
    describe,
    only_title,
    people_group,
    tokens,
)

__all__ = ["resolve"]

_DEFINITE = frozenset(("the", "that", "this"))
_ORGANIZATIONS_WEIGHED = 24
# Organisation nouns that stand for a government or many bodies, not one named before.
_NOT_ONE_ORGANIZATION = frozenset(
    "administration government authorities police military army forces regime".split()
)
# Modifiers of a description that do not tell one holder of a role from another.
_GENERIC = frozenset("same new old other first last current longtime veteran".split())
_Pass = Callable[[CastBuilder, Mention, Attribution], "tuple[Ent, str] | None"]


def _name_in_cast(cast: CastBuilder, m: Mention, att: Attribution) -> tuple[Ent, str] | None:
    """Pass name-in-cast: the last name the scan read inside the mention's name part."""
    if m.pronoun or m.kind not in (
        SpeakerKind.PERSON,
        SpeakerKind.ORGANIZATION,
        SpeakerKind.UNKNOWN,
    ):
        return None
    if (
        not (m.name[:1].isupper() or m.name.split(None, 1)[0] in NAME_PARTICLES)
        or "mention-document" in m.rules
    ):
        # (Rule document-is-its-own-source: "a White House pool report" is the report, not
        # the White House named in it.)
        return None
    if "body-of-name" in m.rules or (
        "and-in-organization-name" in m.rules and m.kind is SpeakerKind.ORGANIZATION
    ):
        # The scan reads "Ministry of Health and Welfare" and "the Food and Drug
        # Administration" as two names; the mention is one.
        return cast.organization_named(m.name), "organization-name"
    # The name part of the mention: its end, or where the name is written inside it
    # ("Archbishop Aris Keller of the Lutheran Synod").
    k = m.text.rfind(m.name)
    name_start, name_end = (m.start + k, m.start + k + len(m.name)) if k >= 0 else (m.start, m.end)
    found = cast.find_name(name_start, name_end)
    if found is None:
        return None
    ent = found[0]
    if m.kind is SpeakerKind.ORGANIZATION and ent.kind is SpeakerKind.PERSON:
        # Rule possessor-organization: "Prime Minister Justin Trudeau's office said" is the
        # office, named after its person as news names it (*Justin Trudeau's office*; the
        # bodies a person leads by surname: *Trudeau government*), not Trudeau.
        head = m.text.rsplit(None, 1)[-1]
        if head.islower() and m.text[: -len(head)].rstrip().endswith(("’s", "'s")):
            if head in LED_BODIES and ent.surname:
                return cast.organization_named(f"{_surname(ent)} {head}"), "possessor-organization"
            return cast.organization_named(f"{ent.name}’s {head}"), "possessor-organization"
    return found


def _title_word_surname(cast: CastBuilder, m: Mention, att: Attribution) -> tuple[Ent, str] | None:
    """Pass title-word-as-surname: a mention the phrase rules read as a title, made of
    capitalised words only, that the cast read as a person's name ("Angus King said", "John
    Major said") or whose one word is the surname of a person named in full ("Sen. Angus
    King ... King added"), is that person, with no role of its own."""
    if m.pronoun or m.kind is not SpeakerKind.ANONYMOUS:
        return None
    words = m.text.split()
    if not words or len(words) > 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return None
    if len(words) == 1:
        ent = cast.person_by_surname(words[0], m.start)
        return (ent, "title-word-as-surname") if ent is not None else None
    found = cast.find_name(m.start, m.end)
    if found is None or found[0].kind is not SpeakerKind.PERSON:
        return None
    ent = found[0]
    if tuple(w.lower() for w in words) != ent.words:
        return None
    return ent, "title-word-as-surname"


def _transcript_label(cast: CastBuilder, m: Mention, att: Attribution) -> tuple[Ent, str] | None:
    """Passes label-surname and answer-label-interviewee, for the speaker labels of an
    interview transcript (rule transcript-turn).

    An upper-case label is a person the article named before, by surname ("Hillary Clinton
    spoke to CNN. ... CLINTON: We will win." -> *Hillary Clinton*); the scan reads an
    upper-case word as an acronym, so this pass runs before the name in the cast. The label
    "A" of a question-and-answer interview is the person the article named most before its
    first answer ("Actress Ana Ruiz ... Q: Why now? A: Because ..." -> *Ana Ruiz*); "Q" stays
    the unnamed interviewer.
    """
    if "transcript-label" not in m.rules:
        return None
    if m.text == "A":
        if cast.interviewee is None:
            people = [
                e
                for e in cast.entities
                if e.kind is SpeakerKind.PERSON and e.surname and 0 <= e.named_at < m.start
            ]
            if not people:
                return None
            cast.interviewee = max(people, key=lambda e: (len(e.mentions), -e.named_at))
        return cast.interviewee, "answer-label-interviewee"
    if len(m.text) < 2 or not m.text.isupper():
        return None
    ent = cast.person_by_surname(m.text.split()[-1], m.start)
    return (ent, "label-surname") if ent is not None else None


def _appositive(cast: CastBuilder, m: Mention, att: Attribution) -> tuple[Ent, str] | None:
    """Pass description-appositive: a description that is the role written beside a name
    is that name's ("Ana Ruiz, *a judge at the court*, said"; "Ana Ruiz, a judge *who*
    ruled ...")."""
    if m.pronoun or not (
        m.kind in (SpeakerKind.ANONYMOUS, SpeakerKind.UNKNOWN)
        or (m.kind is SpeakerKind.ORGANIZATION and m.text[:1].islower())
    ):
        return None
    ent = cast.appositive_holder(m.start, m.end)
    return (ent, "description-appositive") if ent is not None else None


def _pronoun(cast: CastBuilder, m: Mention, att: Attribution) -> tuple[Ent, str] | None:
    """Passes pronoun-antecedent and pronoun-to-organization."""
    if not m.pronoun:
        return None
    pos = m.start
    low = SUBJECT_FORM.get(m.text.lower(), m.text.lower())
    if low in ("he", "she"):
        gender = "male" if low == "he" else "female"
        ent = cast.pronoun_links.get(m.start)
        if ent is None:
            ent = cast.antecedent(
                gender, m.start, cast.sentence_index(m.start), True, (att.start, att.end)
            )
        source = (
            _anonymous_last_speaker(cast, gender, m.start, ent) if m.text.lower() == low else None
        )
        if source is not None:
            return source, "pronoun-anonymous-speaker"
        return (ent, "pronoun-antecedent") if ent is not None else None
    if low in ("it", "they"):
        for ent in cast.recent(pos, 1500):
            if ent.kind is SpeakerKind.ORGANIZATION or (
                low == "they" and ent.anonymous_description and ent.plural
            ):
                return ent, "pronoun-to-organization"
    return None


#: How many sentences back an unnamed source's quote can be for a "he said" to be its.
_ANONYMOUS_REACH = 2
#: Words opening a description of a new, unnamed source: "a spokesman", "another official".
_NEW_SOURCE_WORDS = frozenset(("a", "an", "another", "one"))
#: Heads of a definite description that name no office: "the woman", "his brother".
_GENERIC_PERSON_NOUNS = ANONYMOUS_NOUNS | frozenset(KINSHIP_NOUNS)


def _anonymous_last_speaker(
    cast: CastBuilder, gender: str, pos: int, person: Ent | None
) -> Ent | None:
    """Pass pronoun-anonymous-speaker: "“It is a disaster,” a government spokesman said.
    “We stand by it,” he added." -- *he* is the unnamed source who just spoke, not a person
    named before it. Only for a subject *he* or *she* (a possessive "her claim" may be
    someone named in what the source said), only a single source (never "officials"), not
    known to be of the other gender, described as new ("a spokesman") or as a generic person
    ("the woman", "his brother"; "the former secretary of state" may be a named person the
    passes missed), whose quote is at most two sentences back, with no person the pronoun
    could mean (``person``, the antecedent found, or another) mentioned since."""
    source = cast.last_speaker
    if (
        source is None
        or not source.anonymous_description
        or source.plural
        or not 0 <= source.spoke < pos
        or cast.sentence_index(pos) - cast.sentence_index(source.spoke) > _ANONYMOUS_REACH
    ):
        return None
    known = source.guess()
    if known is not None and known != gender:
        return None
    if person is not None and any(source.spoke < s < pos for s, _, _ in person.mentions):
        return None
    said_end = next((e for s, e, _ in reversed(source.mentions) if s == source.spoke), pos)
    if cast.person_between(said_end, pos, gender):
        return None
    first_start, first_end, _ = source.mentions[0] if source.mentions else (0, 0, "")
    written = cast.text[first_start:first_end].lower().split()
    if not written or not (
        written[0] in _NEW_SOURCE_WORDS or written[-1].strip(".,’'") in _GENERIC_PERSON_NOUNS
    ):
        # "the former secretary of state said ... she said": a definite description of an
        # office is likelier a named person the passes could not find than a new source.
        return None
    return source


def _words(m: Mention) -> list[str]:
    return [w.lower().strip(".,’'") for w in m.text.split()]


def _description(cast: CastBuilder, m: Mention, att: Attribution | None) -> tuple[Ent, str] | None:
    """Passes description-role and description-epithet."""
    if m.pronoun or m.kind not in (SpeakerKind.ANONYMOUS, SpeakerKind.UNKNOWN):
        return None
    words = _words(m)
    if not words or words[0] not in _DEFINITE or len(words) > 12:
        return None
    if words[-1].endswith("s") and not words[-1].endswith("ss") and words[-1] != "boss":
        return None  # a plural: "the officials"
    if "same" in words[1:3]:
        # Rule description-same: "the same source", "the same official" -- the source
        # quoted last.
        last = cast.last_speaker
        if last is not None:
            return last, "description-same"
    heads = role_heads(" ".join(words[1:]))
    epithets = frozenset(
        NATIONALITY_NOUNS.get(w, w)
        for w in words
        if w in DEMONYMS or w in NATIONALITY_NOUNS or w.endswith("-year-old")
    )
    pos = m.start
    content = set(words[1:])
    # Words of the description that say which one it is ("Pentagon" in "the Pentagon
    # spokesman"): a candidate must share one of them, else it is someone else.
    specific = content - heads - epithets - ROLE_MODIFIERS - _GENERIC
    best: tuple[tuple[int, int, int], Ent] | None = None
    former = "former" in words or any(w.startswith("ex-") for w in words)
    for e in cast.entities_with_head(heads | epithets):
        if not former and e.heads & heads and _only_former(e, heads):
            # "the governor" is not "the former New Jersey governor" (rule
            # description-not-former).
            continue
        if e.named_at > pos and e.heads & heads and _only_lesser(e, heads, words):
            # "The mayor said ... Deputy Mayor Ben Cole said": named after the description,
            # a deputy is someone else (rule description-not-deputy-later).
            continue
        known = words_of_roles(e)
        known |= set(e.words) | e.epithets
        if specific and not specific & known:
            continue
        before = e.last if 0 <= e.last < pos else -1
        key = (
            int(bool(e.heads & heads)) + int(bool(e.epithets & epithets)),
            len(content & known),
            before,
        )
        if best is None or key > best[0]:
            best = (key, e)
    if best is None:
        return None
    rule = "description-role" if best[1].heads & heads else "description-epithet"
    return best[1], rule


# A subject pronoun opening the content right after a cue: "says she", "said that he".
_CONTENT_PRONOUN = lazy_regex(r"\s+(?:that\s+)?([Hh]e|[Ss]he)\b")


def _only_former(e: Ent, heads: frozenset[str]) -> bool:
    """Whether every role of ``e`` with one of ``heads`` is a former one ("former mayor",
    "ex-minister")."""
    for role, _, _, _ in e.roles:
        if role_heads(role) & heads:
            low = role.lower()
            if "former" not in low and "ex-" not in low:
                return False
    return True


# Words that make a role a lesser office than its head alone: "the mayor" is not the
# deputy mayor, "the minister" not the shadow minister.
_LESSER = frozenset("deputy vice assistant associate under sub junior shadow".split())


def _only_lesser(e: Ent, heads: frozenset[str], words: Sequence[str]) -> bool:
    """Whether every role of ``e`` with one of ``heads`` is a lesser office ("Deputy Mayor",
    "vice president") that the description ``words`` does not name: rule
    description-named-later and description-not-deputy-later do not take "the mayor" for a
    deputy named after it (a description that follows the name may still shorten it:
    "Deputy Mayor Ines Marchetti ... the mayor said").

    >>> from quoteattr.model import SpeakerKind
    >>> e = Ent(id=0, kind=SpeakerKind.PERSON, name="Ben Cole")
    >>> e.roles = (("Deputy Mayor", 0, 12, "role-before-name"),)
    >>> _only_lesser(e, frozenset({"mayor"}), ["the", "mayor"])
    True
    >>> _only_lesser(e, frozenset({"mayor"}), ["the", "deputy", "mayor"])
    False
    """
    asked = set(words) & _LESSER
    found = False
    for role, _, _, _ in e.roles:
        if role_heads(role) & heads:
            found = True
            lesser = set(role.lower().replace("-", " ").split())
            if not (lesser & _LESSER) or (lesser & _LESSER) <= asked:
                return False
    return found


def _description_in_focus(
    cast: CastBuilder, m: Mention, att: Attribution
) -> tuple[Ent, str] | None:
    """Pass description-in-focus (see :func:`_in_focus`)."""
    return _in_focus(cast, m, (att.start, att.end), att.cue[1] if att.cue is not None else None)


def _in_focus(
    cast: CastBuilder,
    m: Mention,
    skip: tuple[int, int],
    cue_end: int | None,
    exclude: frozenset[int] = frozenset(),
) -> tuple[Ent, str] | None:
    """Pass description-in-focus: "the former secretary of state said", "the businessman
    said" with no named person holding that role -- the person in focus, chosen as for "he"
    or "she" (the gender the noun gives, if any). Nouns that usually describe someone left
    unnamed ("the official", "the spokesman") are never resolved this way."""
    if m.pronoun or m.kind not in (SpeakerKind.ANONYMOUS, SpeakerKind.UNKNOWN):
        return None
    words = _words(m)
    if not words or words[0] not in _DEFINITE or len(words) > 12:
        return None
    core: list[str] = []
    for w in words[1:]:
        if w in ("of", "for", "at", "in", "from", "with", "to"):
            break
        core.append(w)
    if not core:
        return None
    head = core[-1].removesuffix("’s").removesuffix("'s")
    if head in ANONYMOUS_NOUNS or (
        head not in PERSON_NOUNS
        and head not in NATIONALITY_NOUNS
        and head not in DEMONYMS
        and not head.endswith("-year-old")
        and not agent_noun(head)
    ):
        return None
    if any(w.endswith(("’s", "'s")) for w in core[:-1]):
        return None  # "the company's chief executive": someone of something else
    gender = GENDERED_PERSON_NOUNS.get(head) or KINSHIP_NOUNS.get(head)
    if gender not in ("male", "female") and cue_end is not None:
        # Rule description-gender-from-content: "The 57-year-old scientist says she doesn't
        # take the comparison lightly" -- the pronoun opening what the description said
        # tells its gender (the scientist is no man named before).
        own = _CONTENT_PRONOUN.match(cast.text, cue_end, cue_end + 24)
        if own is not None:
            gender = "male" if own.group(1).lower() == "he" else "female"
    ent = cast.antecedent(
        gender if gender in ("male", "female") else None,
        m.start,
        cast.sentence_index(m.start),
        skip=skip,
        named_person=True,
        role_words=frozenset(core) - ROLE_MODIFIERS - _GENERIC - _DEFINITE,
        exclude=exclude,
    )
    return (ent, "description-in-focus") if ent is not None else None


def _organization_description(
    cast: CastBuilder, m: Mention, att: Attribution
) -> tuple[Ent, str] | None:
    """Pass description-organization: "the company" -> the organisation mentioned last whose
    name marks that sort ("Acme Inc."); else the organisation mentioned last (a name never
    shown to be a person's, such as "Verizon", counts as one)."""
    if m.pronoun or m.kind is not SpeakerKind.ORGANIZATION:
        return None
    words = _words(m)
    if len(words) < 2 or words[0] not in _DEFINITE or m.name[:1].isupper():
        return None
    head = words[-1]
    if head in _NOT_ONE_ORGANIZATION:
        return None
    # A name never shown to be a person's may be a business ("Verizon said ... the company").
    business = head in BUSINESS_NOUNS
    sorts = ORGANIZATION_SORTS.get(head, frozenset()) | {head}
    found: Ent | None = None
    fallback: Ent | None = None
    # The organisations mentioned last come first; a few dozen are enough to look at.
    for ent in cast.organizations_before(m.start, business)[:_ORGANIZATIONS_WEIGHED]:
        names = ent.words or _name_words(ent.name)
        if sorts & set(names):
            found = ent
            break
        marks = {w[:-1] if w.endswith("s") else w for w in names}
        if business and marks & NOT_BUSINESS:
            continue  # "the company" is not the union, the party or the ministry
        if people_group(names):
            continue  # "the foundation" is not "Turkish Americans" (people-as-group)
        if fallback is None:
            fallback = ent
    found = found or fallback
    if found is None:
        return None
    if found.kind is not SpeakerKind.ORGANIZATION:
        found.kind = SpeakerKind.ORGANIZATION
    return found, "description-organization"


def _possessor_organization(
    cast: CastBuilder, m: Mention, att: Attribution
) -> tuple[Ent, str] | None:
    """Pass possessor-organization: "his campaign", "her administration" -- the body of the
    person the possessive stands for (found as for "he" or "she"), named as news names it:
    Bernie Sanders ... "his campaign said" -> *Sanders campaign*."""
    if m.pronoun or m.kind not in (SpeakerKind.ANONYMOUS, SpeakerKind.ORGANIZATION):
        return None
    words = _words(m)
    if len(words) != 2 or words[0] not in ("his", "her") or words[1] not in LED_BODIES:
        return None
    person = cast.antecedent(
        "male" if words[0] == "his" else "female",
        m.start,
        cast.sentence_index(m.start),
        True,
        (att.start, att.end),
    )
    if person is None or not person.surname:
        return None
    return cast.organization_named(f"{_surname(person)} {words[1]}"), "possessor-organization"


def _surname(person: Ent) -> str:
    """A person's surname as the article writes it ("Sanders" of *Bernie Sanders*)."""
    words = person.name.split()
    return next((w for w in reversed(words) if w.lower() == person.surname), words[-1])


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """The lower-case words of a name ("Communications Workers of America")."""
    return tuple(w.lower().strip(".,’'()") for w in name.split())


def _new_speaker(cast: CastBuilder, m: Mention, att: Attribution) -> tuple[Ent, str] | None:
    """Passes anonymous-source and new-speaker: a source of its own."""
    if m.pronoun:
        return None
    if m.kind is SpeakerKind.ANONYMOUS:
        ent = cast.new_entity(SpeakerKind.ANONYMOUS, m.name)
        ent.plural = m.gender == "plural"
        if m.role:
            cast.add_role(ent, m.role, m.start, m.end, "role-description", cast.text)
        return ent, "anonymous-source"
    if m.kind is SpeakerKind.UNKNOWN:
        return None
    ent = cast.new_entity(m.kind, m.name)
    if m.kind is SpeakerKind.PERSON:
        ent.words = tuple(w.lower() for w in m.name.split())
    return ent, "new-speaker"


# -- descriptions in the narration ----------------------------------------------------------

# Rule description-in-narration: "Netanyahu will meet Donald Trump. The meeting was set before
# the billionaire developer called for ..." -- a definite description of a person that
# attributes nothing is still the article naming someone again, and news gives its people
# their roles this way ("the former secretary of state", "the Republican front-runner").
_THE = lazy_regex(r"(?<![\w’'-])[Tt]he[ \t]+")
_DESCRIPTION_WORD = lazy_regex(r"[^\W_][\w.’'&-]*")
# Heads of a description of a person: the person nouns, less those that usually describe
# someone left unnamed ("the official", "the man"), unless a named person holds that role.
_NARRATED_HEADS = (
    PERSON_NOUNS
    - frozenset(KINSHIP_NOUNS)
    - frozenset(
        "point guard center centre forward keeper chair head independent native driver trader "
        "host star legend icon chief deputy victim suspect witness defendant plaintiff man "
        "woman boy girl teenager teen youngster resident".split()
    )
)
# Words after which a clause (and its subject) begins.
_CLAUSE_OPENERS = frozenset(("and", "but", "that", "so", "then", "once", "if", "where")) | (
    STOP_WORDS & frozenset("while when before after because since although though until".split())
)
# Words that end a description's run: the function words that end a subject's phrase, and
# the commonest adverbs and verbs after a subject.
_RUN_STOPS = STOP_WORDS | frozenset(
    "of being having shall never also still just even only already again too now later "
    "earlier soon first often always tells added wrote asked gave got made took went came "
    "won lost ran".split()
)
# Words before "the" that make the description a predicate or a comparison, not a mention of
# someone already named: "to be the nominee", "like the president".
_NOT_MENTION_BEFORE = frozenset(
    "be been being become becomes became becoming is was are were remains remained "
    "as like unlike than named elect elected "
    "nominate nominated choose chose chosen appoint appointed".split()
)
_DESCRIPTION_TAIL = frozenset(("of", "from", "for"))
# Nouns after "the governor's" that name the office or a body, not the person holding it.
_OFFICE_AFTER_POSSESSIVE = (
    "office ",
    "office,",
    "office.",
    "offices",
    "race",
    "mansion",
    "seat",
    "election",
    "primary",
    "contest",
    "job",
)
_ANONYMOUS = SpeakerKind.ANONYMOUS
# Each head as it may be written between spaces: "senator", "senator's", "senator,".
_HEAD_FORMS = {
    f"{h}{end}": h
    for h in _NARRATED_HEADS
    for end in ("", "’s", "'s", ",", ".", ";", ":", "’s,", "'s,")
}
# Verbs in the present that follow a subject (a word in -s is as often a plural noun: "the
# billionaire lists", "the terrorist attacks").
_PRESENT_VERBS = frozenset(
    "says tells adds writes argues insists wants thinks believes knows seems appears "
    "remains plans hopes faces needs gets makes takes gives leads trails holds".split()
)
# Modifiers of someone not yet (or never) in office: "the next president", "a would-be".
_NOT_YET = frozenset(
    "next future eventual potential prospective would-be hypothetical ideal typical "
    "average generic".split()
)
# Party words: a description of one party's member is not one of the other's.
_PARTIES = {"democratic": "d", "democrat": "d", "republican": "r", "gop": "r"}
_MAX_MODIFIERS = 5


def narrated_descriptions(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The definite descriptions of a person in ``text[lo:hi]`` that news writes for someone
    it named before (rule description-in-narration), as ``(start, end)``: the subject of a
    clause, before its verb ("the former president gave", "and the senator finally felt"),
    or a possessor anywhere ("the businessman's rhetoric"). A short complement belongs to it
    ("the former secretary of state": *of state*). Objects are left alone: "led the former
    mayor", "talks to the union boss" are as often someone new.

    >>> t = "It came days before the Republican front-runner called for a ban."
    >>> [t[s:e] for s, e in narrated_descriptions(t, 0, len(t))]
    ['the Republican front-runner']
    """
    for the in _the_before_heads(text, lo, hi):
        m = _THE.match(text, the, hi)
        if m is not None:
            found = _description_at(text, m, lo, hi)
            if found is not None:
                yield found


def _the_before_heads(text: str, lo: int, hi: int) -> list[int]:
    """Where a "the" that may open a description stands before a head noun of a person at
    most six words on, in text order: "The" anywhere, "the" after a mark or a clause word
    (a subject) or with a possessive in the words after it. (Found with the string search
    of "the " and a look at the words after it: every text holds many a "the", and a
    regular expression for the phrase would cost a tenth of the whole extraction.)"""
    out = []
    find = text.find
    forms = _HEAD_FORMS
    openers = _CLAUSE_OPENERS
    # The possessives of the text, sorted, so that a "the" is tested against them cheaply.
    possessives = sorted(_positions(text, "’s ", lo, hi) + _positions(text, "'s ", lo, hi))
    for needle in ("the ", "The "):
        at = find(needle, lo, hi)
        while at >= 0:
            after = at + 4
            before = text[at - 1] if at > lo else " "
            if before.isalnum() or before in "-’'":
                at = find(needle, after, hi)
                continue
            if needle == "the ":
                mark = text[at - 2] if at - 2 >= lo else "."
                k = bisect.bisect_left(possessives, after)
                # (The word before "the": from the last space within 14 characters; with no
                # space there, those 14 characters, never the text from its start.)
                w0 = max(text.rfind(" ", max(lo, at - 14), at - 1) + 1, lo, at - 14)
                if (
                    mark.isalpha()
                    and not (k < len(possessives) and possessives[k] < after + 64)
                    and text[w0 : at - 1].lower() not in openers
                ):
                    # Neither a possessor nor a subject after a mark or a clause word.
                    at = find(needle, after, hi)
                    continue
            for w in text[after : min(hi, after + 64)].split(None, 6)[:6]:
                if w in forms:
                    out.append(at)
                    break
            at = find(needle, after, hi)
    out.sort()
    return out


def _positions(text: str, needle: str, lo: int, hi: int) -> list[int]:
    """Every offset of ``needle`` in ``text[lo:hi]``."""
    out = []
    at = text.find(needle, lo, hi)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1, hi)
    return out


def _description_at(text: str, m: regex.Match[str], lo: int, hi: int) -> tuple[int, int] | None:
    """The description that the "the" matched by ``m`` opens, if it is one
    (see :func:`narrated_descriptions`)."""
    before = text[max(lo, m.start() - 16) : m.start()].split()
    prev = before[-1] if before else ""
    low_prev = prev.lower()
    if low_prev in _NOT_MENTION_BEFORE or (prev.endswith(",") and prev[:1].isupper()):
        return None  # a predicate, or an appositive the cast read: "Ruiz, the mayor,"
    if low_prev in ("and", "or") and len(before) > 1 and not before[-2].endswith(","):
        return None  # joined to another: "Ana Ruiz and the senator" are two
    subject = (
        not prev
        or prev[-1] in '.!?”"’;:,—–('
        or low_prev in _CLAUSE_OPENERS
        or m.start() == lo
        or text[m.start() - 1] == "\n"
    )
    words: list[tuple[int, int]] = []
    pos = m.end()
    possessive = False
    while len(words) <= _MAX_MODIFIERS:
        w = _DESCRIPTION_WORD.match(text, pos, hi)
        if w is None:
            break
        low = w.group().lower().rstrip(".")
        if _ends_run(low) or low in _PRESENT_VERBS:
            break
        if low.endswith(("s’", "s'")):
            break  # a plural possessor: "the Democrats' liberal wing" is a group's
        words.append(w.span())
        if low.endswith(("’s", "'s")):
            possessive = True
            break  # a possessive ends the phrase: "the senator's office"
        if not text.startswith(" ", w.end()):
            break
        pos = w.end() + 1
    if not words or not (subject or possessive):
        return None
    s, end = words[-1]
    head = text[s:end]
    if head.endswith(".") and "." not in head[:-1]:
        end -= 1  # a stop after it: "... the investor."
        head = head[:-1]
    if possessive:
        end -= 2
        head = head[:-2]
    if head[:1].isupper() or head.lower() not in _NARRATED_HEADS:
        return None
    if any(text[a:b].lower() in _NOT_YET for a, b in words):
        return None  # "the next president" is no one yet
    if text.startswith((" of the ", " of a ", " of an "), end):
        return None  # "the author of the book, Ana Ruiz": someone the text goes on to name
    if not possessive:
        end, possessive = _tail(text, end, hi)
        nxt = _DESCRIPTION_WORD.match(text, end + 1, hi) if text.startswith(" ", end) else None
        if not possessive and (
            nxt is None
            or not (
                _ends_run(nxt.group().lower().rstrip("."))
                or nxt.group().lower().rstrip(".") in _PRESENT_VERBS
            )
        ):
            return None  # no verb after it: no subject ("the senator race")
    if possessive and text.startswith(_OFFICE_AFTER_POSSESSIVE, end + 3):
        # "the U.S. attorney's office": a body speaks; "the governor's race": the office,
        # not a person.
        return None
    return m.start(), end


def _ends_run(low: str) -> bool:
    """Whether a word ends a description: a function word, a determiner, or a verb."""
    return (
        low in _RUN_STOPS
        or low in DETERMINERS
        or low.endswith(("ly", "ed", "ing"))
        or (low in FORMS and not low.endswith("s"))
    )


def _tail(text: str, at: int, hi: int) -> tuple[int, bool]:
    """The end of a short complement after a description's head ("of state", "from
    Vermont", "for president": one or two words, none a function word; ``at`` when there is
    none), and whether it ends in a possessive ("the secretary of state's")."""
    w = _DESCRIPTION_WORD.match(text, at + 1, hi) if text.startswith(" ", at) else None
    if w is None or w.group().lower() not in _DESCRIPTION_TAIL:
        return at, False
    end = at
    pos = w.end() + 1
    for _ in range(2):
        nxt = _DESCRIPTION_WORD.match(text, pos, hi) if text.startswith(" ", pos - 1) else None
        if nxt is None or _ends_run(nxt.group().lower()):
            break
        if nxt.group().endswith(("’s", "'s")):
            return nxt.end() - 2, True
        end = nxt.end()
        pos = end + 1
        if not text.startswith(" ", end):
            break
    return end, False


def _narrated(cast: CastBuilder, start: int, end: int, speakers: frozenset[int]) -> None:
    """Rule description-in-narration: resolve the description ``text[start:end]`` that
    attributes nothing, as a speaker's description is resolved (a named person holding that
    role, else the person in focus), and give its person that role ("role-in-narration");
    never one of ``speakers``, the entities whose reported content holds it.
    Not inside a quotation, nor when the description holds a person's name (*the Clinton
    aide* is someone else)."""
    if cast.in_quote(start):
        return
    found = cast.find_name(start, end)
    if found is not None and found[0].kind is SpeakerKind.PERSON:
        return
    text = cast.text
    # (The description's words are known: the mention is made at once, not parsed.)
    role = text[start + 4 : end]
    m = Mention(start=start, end=end, text=text[start:end], name=role, role=role, kind=_ANONYMOUS)
    words = _words(m)
    # The head noun: the last word before a complement ("secretary" of "the secretary of
    # state").
    head = next(
        (words[i - 1] for i in range(2, len(words)) if words[i] in _DESCRIPTION_TAIL), words[-1]
    )
    if "same" in words[1:3] or _introduced_unnamed(text, start, head):
        return
    hit = _description(cast, m, None)
    if hit is not None and (not 0 <= hit[0].last < start or hit[0].id in speakers):
        hit = None  # named only further on: "The senator ... Sen. Ana Ruiz" may be another
    if hit is None:
        # (Rule description-not-own-speaker: in "Ruiz reported that the mayor had
        # resigned", the mayor is not Ruiz.)
        hit = _in_focus(cast, m, (0, 0), None, cast.clause_mates(start) | speakers)
    if hit is None or hit[0].kind is not SpeakerKind.PERSON:
        return
    ent = hit[0]
    gender = GENDERED_PERSON_NOUNS.get(head)
    known = ent.guess()
    if gender in ("male", "female") and known is not None and known != gender:
        return  # "the congressman" is no woman
    if _other_office(ent, role) or _other_party(ent, words):
        return
    cast.add_role(ent, role, m.start, m.end, "role-in-narration", text)


# Where a reported clause ends and another may begin.
# (", and that" goes on reporting: "said that he met Ruiz and that the senator ...".)
_CONTENT_CLAUSE_BREAK = lazy_regex(
    r"[,;:—–](?![ \t]+(?:and[ \t]+)?that\b)|\b(?:and|but|while|although|though)\b(?![ \t]+that\b)"
)
# "a billionaire donor", "an official": a person the article introduces without a name.
_UNNAMED = lazy_regex(r"(?:^|[^\w’'-])(?:[Aa]n?|[Aa]nother|[Oo]ne)[ \t]+(?:[\w’'.-]+[ \t]+){0,3}$")
_UNNAMED_REACH = 600


def _introduced_unnamed(text: str, pos: int, head: str) -> bool:
    """Rule description-of-unnamed: a description whose head noun the text gave someone
    unnamed just before ("an executive sought to reach a billionaire donor because of the
    donor's interests"), or a group in the plural ("open to some refugees ... the refugee
    was not a risk"), stands for that one, not for a person named earlier."""
    lo = max(0, pos - _UNNAMED_REACH)
    at = text.rfind(head, lo, pos)
    while at >= 0:
        after = text[at + len(head) : at + len(head) + 2]
        if not after[:1].isalpha() and _UNNAMED.search(text[max(lo, at - 40) : at]):
            return True
        if after[:1] == "s" and not after[1:].isalpha() and not text[at - 1 : at].isalpha():
            # "some refugees ... the refugee": one of a group the text spoke of.
            return True
        at = text.rfind(head, lo, at)
    return False


#: The passes, most precise first.
PASSES: tuple[_Pass, ...] = (
    _transcript_label,
    _title_word_surname,
    _name_in_cast,
    _appositive,
    _pronoun,
    _description,
    _organization_description,
    _description_in_focus,
    _possessor_organization,
    _new_speaker,
)


def _target(analysis: Analysis, m: Mention) -> tuple[Mention, tuple[str, ...]]:
    """The mention to resolve: a relative pronoun's antecedent (rule relative-pronoun), or
    a pronoun's stanza coreference antecedent (rule stanza-coref), else the mention."""
    if m.antecedent is not None:
        return syntax.refine_kind(analysis, m.antecedent), ("relative-pronoun",)
    if m.pronoun:
        span = syntax.coref_antecedent(analysis, m.start, m.end)
        if span is not None:
            found = describe(analysis.text, tokens(analysis.text, *span), ("stanza-coref",))
            if found is not None and found.kind in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION):
                return syntax.refine_kind(analysis, found), ("stanza-coref",)
    return syntax.refine_kind(analysis, m), ()


def resolve(
    analysis: Analysis,
    spans: Sequence[QuoteSpan],
    attributions: Sequence[Attribution],
    budget: Budget | None = None,
    first_names: bool = False,
) -> tuple[list[Attribution], Cast]:
    """Resolve every attribution's speaker mention against the cast of ``analysis``.

    Returns the attributions (in the given order) with their :class:`~quoteattr.Speaker`
    filled in, and the article's :class:`~quoteattr.Cast`. With ``first_names``, a first-name
    lexicon gives the gender of persons the text says nothing about (see
    :func:`quoteattr.cast.gender_of`).
    """
    budget = budget or Budget()
    speech = {
        a.mention.start: (a.start, a.end)
        for a in attributions
        if a.mention is not None and a.mention.pronoun
    }
    reported = [(a.start, a.end) for a in attributions if a.mention is not None]
    cast = CastBuilder(analysis, spans, budget, speech, first_names, reported)
    found: dict[int, tuple[Ent | None, tuple[str, ...], str | None, tuple[str, ...]]] = {}
    order = sorted(
        (i for i, a in enumerate(attributions) if a.mention is not None),
        key=lambda i: attributions[i].mention.start,  # type: ignore[union-attr]
    )
    pairs: dict[int, tuple[tuple[Mention, Mention], tuple[Ent, Ent]]] = {}
    late = False
    # The descriptions that attribute nothing (rule description-in-narration), each read
    # when the walk reaches it.
    said = sorted((a.mention.start, a.mention.end) for a in attributions if a.mention is not None)
    narrated = [
        (s, e)
        for s, e in narrated_descriptions(analysis.text, 0, len(analysis.text))
        if not _overlaps(said, s, e)
    ]
    del said  # (a tuple per attribution: some megabytes on a long text, not needed again)
    nk = 0
    # What each attribution reports, by start, for rule description-not-own-speaker.
    contents = sorted(
        (s, e, i)
        for i, a in enumerate(attributions)
        if a.mention is not None
        for s, e in a.fragments
    )

    def speakers_around(pos: int) -> frozenset[int]:
        """The entities of the speakers whose reported content holds ``pos`` in its first
        clause (after a comma or a conjunction the narration may speak of them again:
        "Ruiz replied that ..., and the senator then left")."""
        out = set()
        text = analysis.text
        k = bisect.bisect_right(contents, (pos, len(text), len(attributions)))
        for s, e, i in contents[max(0, k - 8) : k]:
            if s <= pos < e and not _CONTENT_CLAUSE_BREAK.search(text, s, pos):
                ent = found[i][0] if i in found else None
                if ent is None:
                    m = attributions[i].mention
                    hit = cast.find_name(m.start, m.end) if m is not None else None
                    ent = hit[0] if hit is not None else None
                if ent is not None:
                    out.add(ent.id)
        return frozenset(out)

    for i in order:
        att = attributions[i]
        m = att.mention
        assert m is not None
        while nk < len(narrated) and narrated[nk][0] < m.start and not late:
            cast.advance(narrated[nk][0])
            _narrated(cast, *narrated[nk], speakers_around(narrated[nk][0]))
            nk += 1
        # Out of time: the rest keep their speakers as written (rule coreference-skipped).
        if not late and budget.over():
            budget.stop("coreference", m.start, cut=False, effect=AS_WRITTEN)
            late = True
        if late:
            found[i] = (None, ("coreference-skipped",), None, ())
            continue
        cast.advance(m.end)
        target, extra = _target(analysis, m)
        ent: Ent | None = None
        rule = None
        for pass_ in PASSES:
            hit = pass_(cast, target, att)
            if hit is not None:
                ent, rule = hit
                break
        if ent is not None and _named_as_body(target, ent):
            ent.kind = SpeakerKind.ORGANIZATION
            target = attrs.evolve(target, kind=SpeakerKind.ORGANIZATION, role=None)
            extra = (*extra, "role-names-organization")
        rules = (*extra, *((rule,) if rule else ()))
        pair = _pair(cast, m, ent, att) if ent is not None and target is m else None
        if pair is not None:
            for part, member in zip(pair[0], pair[1], strict=True):
                if not (member.mentions and member.mentions[-1][0] >= part.start):
                    cast.add_mention(member, part.start, part.end, "coordinated-names")
                cast.note_speaker(member, m.start)
            pairs[i] = pair
            found[i] = (None, (*rules, "coordinated-names"), None, ())
            continue
        # A description that found its person is the role written at the quote ("the
        # Portuguese midfielder said" -> role "Portuguese midfielder").
        quote_role = None if target.pronoun or rule == "title-word-as-surname" else target.role
        if "nationality-noun" in target.rules:
            quote_role = None  # "the Spaniard" is no role: the person's own role stands
        elif ent is not None and rule and rule.startswith("description-") and not quote_role:
            if rule != "description-same" and ent.kind is SpeakerKind.PERSON:
                quote_role = target.name
        if quote_role and all(w.endswith("-year-old") for w in quote_role.lower().split()):
            # Rule age-not-role: "the 63-year-old said" finds its person by age, but an age
            # is no role: the person's own role stands ("head of a cyclists' association").
            quote_role = None
        if ent is not None:
            if not (ent.mentions and ent.mentions[-1][0] >= m.start):
                cast.add_mention(ent, m.start, m.end, rule or "")
            if quote_role and ent.kind is SpeakerKind.PERSON and rule != "anonymous-source":
                cast.add_role(
                    ent,
                    quote_role,
                    target.start,
                    target.end,
                    "role-description"
                    if target.kind is SpeakerKind.ANONYMOUS
                    else "role-before-name",
                    cast.text,
                )
            cast.note_speaker(ent, m.start)
        found[i] = (ent, rules, quote_role, target.rules[-1:] if target is not m else ())
    while nk < len(narrated) and not late and not budget.over():
        cast.advance(narrated[nk][0])
        _narrated(cast, *narrated[nk], speakers_around(narrated[nk][0]))
        nk += 1
    cast.advance(len(analysis.text))
    _described_before_named(cast, attributions, found)
    # Rule self-description: what speakers say of themselves in their own direct quotations.
    cast.self_descriptions(
        (ent, attributions[i].fragments)
        for i, (ent, *_) in found.items()
        if ent is not None and attributions[i].kind is QuoteKind.DIRECT
    )
    frozen, ids = cast.freeze()
    cast.release()
    facts: dict[int, tuple[str | None, str | None, tuple[GenderEvidence, ...]]] = {}
    out: list[Attribution] = []
    prev: Attribution | None = None
    for i, att in enumerate(attributions):
        m = att.mention
        if m is None:
            done = _inherit(analysis, att, prev)
        else:
            ent, rules, quote_role, target_rules = found[i]
            entity_id = ids.get(ent.id) if ent is not None else None
            pair = pairs.get(i)
            speaker = (
                _together(cast.text, *pair, ids)
                if pair is not None
                else _speaker(m, ent, entity_id, facts, quote_role, cast)
            )
            done = attrs.evolve(
                att,
                speaker=speaker,
                rules=tuple(dict.fromkeys((*att.rules, *m.rules, *target_rules, *rules))),
            )
        out.append(done)
        if done.kind is not None and done.speaker is not None:
            prev = done
    return out, frozen


# How far after a description the person it describes may be named (rule
# description-named-later): the next few paragraphs of a news story.
_NAMED_LATER_REACH = 1500
_POSSESSIVE_ENDS = ("’s", "'s")


def _described_before_named(
    cast: CastBuilder,
    attributions: Sequence[Attribution],
    found: dict[int, tuple[Ent | None, tuple[str, ...], str | None, tuple[str, ...]]],
) -> None:
    """Rule description-named-later: a news story often opens with a description and names
    the person a paragraph later ("Pakistan's foreign minister said on Tuesday ... Foreign
    Minister Ishaq Dar said"). A singular, definite or possessive description that became
    an anonymous source is the person named after it, within a few paragraphs, whose roles
    have the description's head noun and its other lower-case words -- if exactly one
    person fits. Every quote of that source moves to the person."""
    moved: dict[int, Ent] = {}
    for i, (ent, rules, _, _) in found.items():
        if ent is None or ent.id in moved or not rules or rules[-1] != "anonymous-source":
            continue
        if ent.plural or not ent.anonymous_description:
            continue
        m = attributions[i].mention
        if m is None or m.pronoun:
            continue
        words = [w.strip(".,") for w in m.text.split()]
        if not words or len(words) > 8:
            continue
        first = words[0].lower()
        if _in_headline(cast, m.start, words):
            # A headline drops its articles: "Mayor Says Budget Will Be Balanced", "Former
            # White House Doctor Says ..." (the story below names the person).
            words = ["the", *words]
        elif first != "the" and not first.endswith(_POSSESSIVE_ENDS):
            continue  # "a senior official", "two people": never one named person
        if len(words) < 2:
            continue
        rest = [w for w in words[1:] if w.lower() != "the"]
        heads = role_heads(" ".join(rest).lower())
        if not heads or heads & ANONYMOUS_NOUNS:
            continue  # "the official", "the spokesman": usually left unnamed on purpose
        needed = {
            w.lower()
            for w in rest
            if w.islower() and not w.endswith(_POSSESSIVE_ENDS) and w.lower() not in heads
        } - ROLE_MODIFIERS
        fits = [
            e
            for e in cast.entities_with_head(heads)
            if e.kind is SpeakerKind.PERSON
            and e is not ent
            and m.end <= e.named_at <= m.end + _NAMED_LATER_REACH
            and e.heads & heads
            and needed <= words_of_roles(e)
            and not _only_lesser(e, heads, [w.lower() for w in words])
        ]
        if not fits:
            fits = _named_next_paragraph(cast, m.start, m.end, ent)
        if len(fits) == 1:
            moved[ent.id] = fits[0]
    if not moved:
        return
    for i, (ent, rules, quote_role, target_rules) in list(found.items()):
        if ent is None or ent.id not in moved:
            continue
        person = moved[ent.id]
        m = attributions[i].mention
        if m is not None:
            ent.mentions = [x for x in ent.mentions if x[0] != m.start]
            person.mentions.append((m.start, m.end, "description-named-later"))
        found[i] = (person, (*rules[:-1], "description-named-later"), quote_role, target_rules)


def _in_headline(cast: CastBuilder, pos: int, words: Sequence[str]) -> bool:
    """Whether ``pos`` lies in the text's first sentence, a paragraph of its own whose words
    (these among them) are capitalised: a headline."""
    sentences = cast.analysis.sentences
    if not sentences or not words or not all(w[:1].isupper() for w in words):
        return False
    first = sentences[0]
    if not first.start <= pos < first.end:
        return False
    if len(sentences) > 1 and sentences[1].paragraph == first.paragraph:
        return False
    return all(w[:1].isupper() for w in cast.text[first.start : first.end].split()[:4])


def _named_next_paragraph(cast: CastBuilder, start: int, end: int, ent: Ent) -> list[Ent]:
    """Rule lede-then-name: "Australia's prime minister has defended the decision ... //
    Anthony Albanese told reporters ..." -- a description in the opening paragraph and, as
    the subject that opens the next paragraph, a person named for the first time with no
    role of their own (a title such as *Dr.* aside): the same person, as a news story
    introduces one. (Only for the opening paragraph, whose description has no named person
    before it.)"""
    sentences = cast.analysis.sentences
    if not sentences:
        return []
    si = cast.sentence_index(start)
    para = sentences[si].paragraph
    if para != sentences[0].paragraph:
        return []
    nxt = next((s for s in sentences[si + 1 :] if s.paragraph != para), None)
    if nxt is None or nxt.paragraph != para + 1:
        return []
    lo = nxt.start
    while lo < nxt.end and not cast.text[lo].isalnum():
        lo += 1
    return [
        e
        for e in cast.entities
        if e.kind is SpeakerKind.PERSON
        and e is not ent
        and lo <= e.named_at <= lo + 12
        and (e.named_at == lo or only_title(cast.text[lo : e.named_at].strip()))
        and all(only_title(role) for role, _, _, _ in e.roles)
        and len(e.words) >= 2
        and not any(s < end for s, _, _ in e.mentions)
    ]


def _speaker(
    m: Mention,
    ent: Ent | None,
    entity_id: int | None,
    facts: dict[int, tuple[str | None, str | None, tuple[GenderEvidence, ...]]],
    quote_role: str | None,
    cast: CastBuilder,
) -> Speaker:
    """The :class:`~quoteattr.Speaker` of a mention resolved to ``ent`` (or to nothing);
    ``facts`` keeps each entity's role, gender and evidence, worked out once."""
    if ent is None or entity_id is None:
        return _unresolved(m, m)
    known = facts.get(ent.id)
    if known is None:
        gender, _, evidence = gender_of(ent, cast.text, cast.first_names)
        known = facts[ent.id] = (ent.most_specific_role(), gender, evidence)
    best_role, gender, evidence = known
    # (Rule role-without-clause: "a Democratic pollster who is not involved with the
    # campaign" at the quote is the role *Democratic pollster*.)
    written = clean_role(quote_role) if quote_role else None
    role = written or best_role
    if role and best_role and only_title(role):
        # "Dr." at the quote, "director of the institute" in the article: a title
        # abbreviation is a role only where the article gives no fuller one.
        role = best_role
    elif role and best_role and role == written and _within(role, best_role):
        # Rule fuller-role: "the minister asserted" of one the article called "Union
        # Finance Minister" -- the description's words are all in the fuller role.
        role = best_role
    return Speaker(
        start=m.start,
        end=m.end,
        text=m.text,
        name=ent.name,
        role=role,
        kind=ent.kind,
        gender=gender,
        gender_evidence=evidence,
        entity=entity_id,
    )


def _named_as_body(m: Mention, ent: Ent) -> bool:
    """Rule role-names-organization: a one-word name whose role at the quote is a body's
    ("Google's parent company, Alphabet, said"; "Acme, a Delaware company, said") is an
    organisation, not a person called Alphabet."""
    if m.kind is not SpeakerKind.PERSON or not m.role or ent.kind is not SpeakerKind.PERSON:
        return False
    if len(ent.words) > 1 or len(ent.name.split()) > 1:
        return False
    head = m.role.rsplit(None, 1)[-1].lower()
    return head in BUSINESS_NOUNS or head in ("organization", "organisation", "agency", "group")


def _pair(
    cast: CastBuilder, m: Mention, ent: Ent, att: Attribution
) -> tuple[tuple[Mention, Mention], tuple[Ent, Ent]] | None:
    """Rule coordinated-names: the two persons of "Ana Ruiz and Ben Cole said" (see
    :func:`quoteattr.speakers.coordinated`), when each is a person of the cast, distinct,
    and one of them the person the mention was resolved to."""
    parts = coordinated(cast.text, m)
    if parts is None:
        return None
    cast.advance(parts[1].end)
    members: list[Ent] = []
    for part in parts:
        hit = _name_in_cast(cast, part, att)
        # A person named in full or known to be one ("Procter and Gamble" is neither).
        if hit is None or hit[0].kind is not SpeakerKind.PERSON:
            return None
        if len(hit[0].words) < 2 and not hit[0].person:
            return None
        members.append(hit[0])
    first, second = members
    if first is second or ent not in members:
        return None
    return parts, (first, second)


def _together(
    text: str, parts: tuple[Mention, Mention], members: tuple[Ent, Ent], ids: dict[int, int]
) -> Speaker:
    """The :class:`~quoteattr.Speaker` of persons who speak together: the whole phrase, the
    names joined, no entity of its own, and each member's index in the cast."""
    start, end = parts[0].start, parts[1].end
    return Speaker(
        start=start,
        end=end,
        text=text[start:end],
        name=" and ".join(e.name for e in members),
        kind=SpeakerKind.PERSON,
        members=tuple(ids[e.id] for e in members if e.id in ids),
    )


def as_written(att: Attribution) -> Attribution:
    """An attribution whose speaker is its local mention, as written (rule
    ``coreference-skipped``, when coreference could not run): "she" stays "she", "Ruiz" stays
    "Ruiz"."""
    m = att.mention
    rules = (*att.rules, "coreference-skipped")
    if m is None:
        return attrs.evolve(att, rules=rules)
    return attrs.evolve(att, speaker=_unresolved(m, m.antecedent or m), rules=rules)


def _unresolved(m: Mention, w: Mention) -> Speaker:
    """The speaker at mention ``m`` in no entity, named as mention ``w`` names it."""
    return Speaker(start=m.start, end=m.end, text=m.text, name=w.name, role=w.role, kind=w.kind)


def _other_party(ent: Ent, words: Sequence[str]) -> bool:
    """Rule description-not-other-party: "the Democratic nominee" is not a person whose
    roles name the other party ("Republican candidate Ana Ruiz")."""
    mine = {_PARTIES[w] for w in words if w in _PARTIES}
    if not mine:
        return False
    held = {_PARTIES[w] for w in words_of_roles(ent) if w in _PARTIES}
    return bool(held) and not held & mine


# Words that make an office another, lower one: "Vice President", "deputy mayor".
_LOWER_RANKS = frozenset("vice deputy assistant lieutenant under associate".split())


def _other_office(ent: Ent, role: str) -> bool:
    """Rule description-not-other-office: a description found only by focus is not the role
    of a person the article gave another office ("Sen. Ana Ruiz ... the former secretary of
    state" is someone else): one of the person's roles is headed by a person noun and none
    shares a head or a word with the description."""
    heads = role_heads(role)
    words = {w.lower() for w in role.split()}
    office = False
    for held, _, _, _ in ent.roles:
        held_words = {w.lower() for w in held.split()}
        if held_words & _LOWER_RANKS - words:
            # "Vice President Ana Ruiz" is not "the president" (rule lower-rank-not-office).
            office = True
            continue
        if role_heads(held) & heads or (words - ROLE_MODIFIERS - _GENERIC) & held_words:
            return False
        office = office or any(h in PERSON_NOUNS or h in TITLES for h in role_heads(held))
    return office


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted, disjoint-by-start ``spans``."""
    k = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, k - 4) : k])


def _within(short: str, full: str) -> bool:
    """Whether every word of ``short`` is in the longer ``full`` (case aside).

    >>> _within("minister", "Union Finance Minister"), _within("former minister", "Minister")
    (True, False)
    """
    words = full.lower().split()
    return len(words) > len(short.split()) and all(w in words for w in short.lower().split())


def _inherit(analysis: Analysis, att: Attribution, prev: Attribution | None) -> Attribution:
    """Rule speaker-from-previous-quote: a quotation with no cue of its own continues the
    speaker of the quote before it, at most two paragraphs back."""
    if not att.inherit or prev is None or prev.speaker is None:
        return att
    here = analysis.sentence_at(att.start)
    there = analysis.sentence_at(prev.start)
    if here is not None and there is not None and here.paragraph - there.paragraph > 2:
        return att
    return attrs.evolve(
        att, speaker=prev.speaker, rules=(*att.rules, "speaker-from-previous-quote")
    )
