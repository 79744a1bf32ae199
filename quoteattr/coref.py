"""Stage 4: resolve each speaker mention to a canonical speaker, by heuristics.

Each heuristic is a named rule (see ``docs/how-it-works.md``):

``surname-to-full-name``
    "Psaki said" → the person "Jen Psaki" named earlier (or later, for a headline).
``pronoun-to-person``
    "he said" → the most recent person compatible in gender (evidence from honorifics,
    gendered roles, common given names and pronouns already resolved to them).
``relative-pronoun``
    "Joly, who stressed" → the phrase before "who".
``definite-description``
    "the spokesman said" / "the same source" → the earlier source with that role.
``inherit-previous-speaker``
    a quotation paragraph with no cue → the speaker of the quote before it.
``pronoun-to-organization``
    "it said" / "they said" → the most recent organisation (or group).

>>> from quoteattr import extract_quotes
>>> t = "Gov. Ana Ruiz spoke on Monday. “We are ready,” she said. Ruiz said the state was calm."
>>> [q.speaker.name for q in extract_quotes(t)]
['Ana Ruiz', 'Ana Ruiz']
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence

import attrs
import regex

from . import syntax
from ._budget import AS_WRITTEN, Budget
from .attribution import Attribution
from .lexicon.abbreviations import TITLE_ABBREVIATIONS
from .lexicon.pronouns import SUBJECT_FORM
from .lexicon.roles import (
    GENDERED_ROLES,
    GOVERNMENT_PLACES,
    HONORIFICS,
    ORGANIZATION_NOUNS,
    SOURCE_NOUNS,
    TITLES,
)
from .model import Analysis, Speaker, SpeakerKind
from .speakers import DETERMINERS, Mention, describe, mention_before, tokens

__all__ = ["Entity", "resolve"]

# The word right before a name, and the words that can end a role written there.
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}’'.-]+)\s+$")
_ROLE_HEADS = TITLES | SOURCE_NOUNS | frozenset(GENDERED_ROLES)

# An honorific and a surname: "Mr. Kowalski", "Ms. Tanaka".
_HONORIFIC_NAME = regex.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+([\p{Lu}][\p{Ll}’'-]+)")

# Capitalised runs of two to four words: candidate full names anywhere in the text.
_NAME_RUN = regex.compile(
    r"(?<![\p{L}\p{N}’'-])[\p{Lu}][\p{Ll}\p{Lu}’'-]+"
    r"(?:\s+(?:[\p{Lu}]\.\s+)?(?:(?:de|van|von|der|la|le|da|di|del|bin|al)\s+)?"
    r"[\p{Lu}][\p{Ll}’'-]*(?:[\p{Lu}][\p{Ll}’'-]*)?[\p{Ll}][\p{Ll}’'-]*){1,3}"
)
_NON_NAME = (
    TITLES
    | ORGANIZATION_NOUNS
    | GOVERNMENT_PLACES
    | DETERMINERS
    | TITLE_ABBREVIATIONS
    | frozenset(
        "monday tuesday wednesday thursday friday saturday sunday january february march april "
        "june july august september october november december on in at for but and as if when "
        "after before while with from by to street avenue road county city state states united "
        "north south east west new republican republicans democrat democrats democratic "
        "american russian chinese british french german european ukrainian african island "
        "islands river lake mount port fort saint san santa los las then later now still "
        "also meanwhile however instead yesterday today tonight".split()
    )
)


@attrs.define(slots=True)
class Entity:
    """A speaker as known so far in one document (mutable; one document only)."""

    name: str
    kind: SpeakerKind
    gender: str | None = None
    role: str | None = None
    last: int = 0
    head: str | None = None
    speaker: bool = False
    # Where the full name was found in the narration, until its role there is looked up.
    named_at: int | None = None


def _head(m: Mention) -> str | None:
    words = m.name.lower().split()
    return words[-1].strip(".,") if words else None


class _Resolver:
    def __init__(self, analysis: Analysis, budget: Budget) -> None:
        self.text = analysis.text
        self.analysis = analysis
        self.parsed = analysis.has_syntax
        self.budget = budget
        self.entities: list[Entity] = []
        self.runs = self._scan_names()
        self.honorifics = [
            (m.start(), m.group(1).lower(), m.group(2))
            for m in _HONORIFIC_NAME.finditer(self.text, timeout=budget.timeout(len(self.text)))
        ]
        self._honorific_starts = [s for s, _, _ in self.honorifics]
        self._bare: dict[str, Entity] = {}
        # Indexes, so that no lookup scans the whole document (the cost stays linear):
        # full names in the text by surname (their starts and names, in text order) ...
        self._run_starts = [s for s, _, _ in self.runs]
        self._runs_by_surname: dict[str, tuple[list[int], list[str]]] = {}
        for s, _, name in self.runs:
            starts, names = self._runs_by_surname.setdefault(name.lower().split()[-1], ([], []))
            starts.append(s)
            names.append(name)
        # ... and entities (by position in ``entities``): the latest full-named person each
        # token finds, persons by last name word, every entity by kind and name, all persons.
        self._full_by_token: dict[str, int] = {}
        self._persons_by_surname: dict[str, list[int]] = {}
        self._by_kind_name: dict[tuple[SpeakerKind, str], int] = {}
        self._persons: list[int] = []
        self._genders: dict[str, str | None] = {}
        # Persons in the order they were last mentioned (with repeats): the latest few are
        # the pronoun candidates, found without scanning every person.
        self._recent: list[Entity] = []

    def _add(self, ent: Entity) -> Entity:
        """Append ``ent`` to the entities and to the indexes (its name and kind never change)."""
        i = len(self.entities)
        self.entities.append(ent)
        self._by_kind_name[(ent.kind, ent.name.lower())] = i
        if ent.kind is SpeakerKind.PERSON:
            self._persons.append(i)
            self._recent.append(ent)
            parts = ent.name.lower().split()
            if parts:
                self._persons_by_surname.setdefault(parts[-1], []).append(i)
            if len(ent.name.split()) >= 2:
                for tok in {parts[-1], *(p for p in parts if p != parts[0])}:
                    self._full_by_token[tok] = i
        return ent

    def _scan_names(self) -> list[tuple[int, int, str]]:
        runs = []
        for m in _NAME_RUN.finditer(self.text, timeout=self.budget.timeout(len(self.text))):
            words = m.group().split()
            while words and words[0].lower().rstrip(".") in _NON_NAME:
                words = words[1:]
            if len(words) < 2 or any(w.lower().rstrip(".") in _NON_NAME for w in words):
                continue
            runs.append((m.start(), m.end(), " ".join(words)))
        return runs

    def _paragraph(self, pos: int) -> int:
        s = self.analysis.sentence_at(pos)
        return s.paragraph if s is not None else 0

    # -- entity registry -------------------------------------------------------------
    def _person_by_surname(self, token: str, pos: int) -> Entity | None:
        tok = token.lower()
        # The latest person with two or more name words whose surname (or a later name word)
        # is ``token``.
        found = self._full_by_token.get(tok)
        if found is not None:
            return self.entities[found]
        # A full name in the text, nearest before; else the first after (headlines).
        runs = self._runs_by_surname.get(tok)
        if runs is not None:
            starts, names = runs
            k = bisect.bisect_left(starts, pos)
            j = k - 1 if k > 0 else 0
            best = names[j]
            return self._add(
                Entity(name=best, kind=SpeakerKind.PERSON, last=pos, named_at=starts[j])
            )
        return None

    def _narrated_role(self, ent: Entity) -> str | None:
        """The entity's role, looked up (once) before its name in the narration if needed."""
        if ent.role is None and ent.named_at is not None:
            ent.role = self._role_before(ent.named_at, ent.name)
            ent.named_at = None
        return ent.role

    def _role_before(self, start: int, name: str) -> str | None:
        """Rule role-from-narration: the role written before a full name in the text ("Sharks
        coach Peter DeBoer was blunt"), so that "DeBoer said" and "the coach said" get it."""
        s = self.analysis.sentence_at(start)
        lo = max(s.start if s is not None else 0, start - 80)
        prev = _WORD_BEFORE.search(self.text, lo, start)
        if prev is None or prev.group(1).lower().rstrip(".") not in _ROLE_HEADS:
            return None  # no role word right before the name: nothing to look up
        m = mention_before(self.text, lo, start + len(name))
        return m.role if m is not None and m.name == name else None

    def _register(self, m: Mention, pos: int) -> Entity:
        if m.kind is SpeakerKind.PERSON and len(m.name.split()) >= 2:
            parts = m.name.lower().split()
            same_surname = self._persons_by_surname.get(parts[-1], [])
            for e in (self.entities[i] for i in reversed(same_surname)):
                if e.kind is SpeakerKind.PERSON and e.name.lower().split()[-1] == parts[-1]:
                    if len(e.name.split()) >= 2 and e.name.lower() != m.name.lower():
                        if parts[0] != e.name.lower().split()[0]:
                            continue
                    e.last, e.speaker = pos, True
                    self._recent.append(e)
                    e.role = m.role or e.role
                    e.gender = e.gender or m.gender
                    return e
        same = self._by_kind_name.get((m.kind, m.name.lower()))
        if same is not None:
            e = self.entities[same]
            e.last, e.speaker = pos, True
            e.role = m.role or e.role
            return e
        ent = Entity(
            name=m.name,
            kind=m.kind,
            gender=m.gender,
            role=m.role,
            last=pos,
            head=_head(m),
            speaker=True,
        )
        return self._add(ent)

    # -- rules ---------------------------------------------------------------------
    def _pronoun(self, m: Mention, pos: int) -> tuple[Entity | None, str]:
        low = SUBJECT_FORM.get(m.text.lower(), m.text.lower())
        if low in ("he", "she"):
            person = self._person_for_pronoun(m.gender, pos)
            return person, "pronoun-to-person" if person is not None else "pronoun-unresolved"
        if low == "it":
            for e in reversed(self.entities):
                if e.kind is SpeakerKind.ORGANIZATION:
                    return e, "pronoun-to-organization"
        if low == "they":
            for e in reversed(self.entities):
                if e.kind is SpeakerKind.ORGANIZATION or e.gender == "plural":
                    return e, "pronoun-to-organization"
        return None, "pronoun-unresolved"

    def _name_gender(self, name: str) -> str | None:
        """The gender a full name in the text shows (a given name, an honorific), worked out
        once per name: the same names come up for pronoun after pronoun."""
        if name not in self._genders:
            found = describe(name, tokens(name, 0, len(name)))
            self._genders[name] = found.gender if found is not None else None
        return self._genders[name]

    def _person_for_pronoun(self, gender: str | None, pos: int) -> Entity | None:
        """The most recent compatible person: speakers and names in the text before ``pos``."""
        latest: list[Entity] = []
        for ent in reversed(self._recent):
            if len(latest) == 8:
                break
            if all(ent is not e for e in latest):
                latest.append(ent)
        candidates: list[tuple[int, Entity | str | tuple[str, str, str]]] = [
            (e.last, e) for e in latest
        ]
        # Only the last eight names before ``pos`` can rank among the eight latest candidates.
        k = bisect.bisect_left(self._run_starts, pos)
        candidates.extend((s, name) for s, _, name in self.runs[max(0, k - 8) : k])
        # "Mr. Kowalski" and "Ms. Tanaka" are candidates too, with the honorific's gender.
        h = bisect.bisect_left(self._honorific_starts, pos)
        candidates.extend(
            (s, ("hon", title, name)) for s, title, name in self.honorifics[max(0, h - 8) : h]
        )
        ranked: list[Entity] = []
        # nlargest is sorted(..., reverse=True)[:8], ties in list order, without a full sort.
        for _, c in heapq.nlargest(8, candidates, key=lambda c: c[0]):
            if isinstance(c, tuple):
                _, title, surname = c
                found_ent = self._person_by_surname(surname, pos)
                if found_ent is None:
                    # One entity per bare surname, however often "Mr. Kowalski" recurs.
                    found_ent = self._bare.get(surname.lower())
                if found_ent is None:
                    found_ent = self._add(Entity(name=surname, kind=SpeakerKind.PERSON, last=pos))
                    self._bare[surname.lower()] = found_ent
                ent = found_ent
                ent.gender = ent.gender or HONORIFICS.get(title)
            elif isinstance(c, str):
                by_name = self._person_by_surname(c.split()[-1], pos)
                if by_name is None:
                    continue
                ent = by_name
                if ent.gender is None:
                    ent.gender = self._name_gender(c)
            else:
                ent = c
            if ent.gender != "plural" and ent not in ranked:
                ranked.append(ent)
        # Rule pronoun-prefers-known-gender: a candidate whose gender is known to match
        # beats a more recent one of unknown gender ("Mark Bell met Ana Ruiz ... he said").
        for ent in ranked:
            if ent.gender == gender:
                return ent
        for ent in ranked:
            if ent.gender is None:
                ent.gender = gender
                return ent
        return None

    def _definite(self, m: Mention) -> Entity | None:
        """ "the spokesman", "the same source" -> an earlier source with that head noun."""
        words = m.text.lower().split()
        if not words or words[0] not in ("the", "that", "this"):
            return None
        head = _head(m)
        same = "same" in words
        for e in reversed(self.entities):
            if e.kind is SpeakerKind.ANONYMOUS and (same or e.head == head):
                return e
            role = self._narrated_role(e) if e.kind is SpeakerKind.PERSON else None
            if role and head and head in role.lower():
                return e
        # A person named in the narration with that role ("Harbor coach Lena McAllister was
        # blunt. The coach said ..."), among the last names before the mention.
        if head and not same:
            k = bisect.bisect_left(self._run_starts, m.start)
            for s, _, name in reversed(self.runs[max(0, k - 8) : k]):
                role = self._role_before(s, name)
                if role and head in role.lower():
                    return self._person_by_surname(name.split()[-1], m.start)
        return None

    def _chain(self, m: Mention) -> Mention | None:
        """Rule stanza-coref: a pronoun in a stanza coreference chain stands for the chain's
        longest proper-name mention ("He" -> "Kemal Oduya")."""
        span = syntax.coref_antecedent(self.analysis, m.start, m.end)
        if span is None:
            return None
        found = describe(self.text, tokens(self.text, *span), ("stanza-coref",))
        if found is None or found.kind not in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION):
            return None
        return syntax.refine_kind(self.analysis, found)

    def resolve(self, att: Attribution, prev: Attribution | None) -> Attribution:
        m = att.mention
        if m is None:
            if (
                att.inherit
                and prev is not None
                and prev.speaker is not None
                and (self._paragraph(att.start) - self._paragraph(prev.start) <= 2)
            ):
                return attrs.evolve(
                    att,
                    speaker=prev.speaker,
                    rules=(*att.rules, "speaker-from-previous-quote"),
                )
            return att
        pos = att.start
        rule = None
        ent: Entity | None = None
        # Rule ner-kind (parsed text only): NER corrects person versus organisation.
        target = m.antecedent or m
        if self.parsed:
            target = syntax.refine_kind(self.analysis, target)
        if m.antecedent is not None:
            rule = "relative-pronoun"
        chained = self._chain(target) if target.pronoun and self.parsed else None
        if chained is not None:
            ent, rule = self._register(chained, pos), "stanza-coref"
        elif target.pronoun:
            ent, rule = self._pronoun(target, pos)
        elif target.kind is SpeakerKind.PERSON and len(target.name.split()) == 1:
            ent = self._person_by_surname(target.name, pos)
            rule = "surname-to-full-name" if ent else "surname-unresolved"
            if ent is not None:
                ent.last = pos
                self._recent.append(ent)
                ent.gender = ent.gender or target.gender
                ent.role = target.role or ent.role
                ent.speaker = True
            else:
                ent = self._register(target, pos)
        elif target.kind is SpeakerKind.ANONYMOUS:
            ent = self._definite(target)
            if ent is not None:
                rule = "definite-description"
            else:
                ent = self._register(target, pos)
        else:
            ent = self._register(target, pos)
        if ent is not None and target.pronoun:
            ent.last = pos
            if ent.kind is SpeakerKind.PERSON:
                self._recent.append(ent)
        name = ent.name if ent is not None else target.name
        role = target.role or (self._narrated_role(ent) if ent is not None else None)
        kind = ent.kind if ent is not None else target.kind
        if kind is SpeakerKind.UNKNOWN and target.pronoun and target.text.lower() in ("i", "we"):
            kind = SpeakerKind.UNKNOWN
        speaker = Speaker(start=m.start, end=m.end, text=m.text, name=name, role=role, kind=kind)
        rules = (*att.rules, *m.rules, *target.rules[-1:], *((rule,) if rule else ()))
        return att.with_speaker(speaker, tuple(dict.fromkeys(rules)))


def resolve(
    analysis: Analysis, attributions: Sequence[Attribution], budget: Budget | None = None
) -> list[Attribution]:
    """Fill in each attribution's :class:`~quoteattr.Speaker`, in text order.

    The scans of the whole text for names run under ``budget`` (a fresh one if ``None``);
    if it runs out, the attributions not yet resolved are left out of the result.
    """
    budget = budget or Budget()
    r = _Resolver(analysis, budget)
    out: list[Attribution] = []
    prev: Attribution | None = None
    for att in attributions:
        if budget.over():  # the caller keeps the rest as written (see _api.extract)
            budget.stop("coreference", att.start, cut=False, effect=AS_WRITTEN)
            break
        done = r.resolve(att, prev)
        out.append(done)
        if done.kind is not None and done.speaker is not None:
            prev = done
    return out
