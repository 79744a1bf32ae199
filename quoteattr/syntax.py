"""Dependency-based attribution: pure functions over an :class:`~quoteattr.model.Analysis`
whose tokens carry parses (the stanza backend, or a parsed document given by the user).

Every function takes and returns character offsets; with no parse (the rules backend) each
returns ``None`` and the surface rules of :mod:`quoteattr.speakers` and
:mod:`quoteattr.attribution` decide alone. Each decision has a rule name:

``dep-subject``
    the ``nsubj`` of the cue verb: "The chief engineer of the water authority said ...".
``dep-subject-of-governor``
    a cue with no subject takes its governor's: "Ruiz smiled and said ..." (``conj``),
    "Ruiz left, saying ..." (``advcl``).
``dep-quoted-as-saying``
    the passive subject of *quote*/*cite*: "Ruiz was quoted as saying ...".
``dep-passive-agent``
    the ``obl:agent`` of a passive cue: "It was said by the minister that ...".
``dep-relative-subject``
    "who" as subject of a relative-clause cue stands for the noun it modifies: "the mayor,
    who said ...".
``dep-according-to``
    the noun "according to" is attached to: "according to the ministry, ...".
``dep-appositive``
    an appositive splits name and role: "Hugh Hill, a doctor at the clinic, said".
``dep-role-in-organization``
    a common noun with an organisation after "of"/"for"/"at" is a source: "the chief
    engineer of the water authority".
``dep-ccomp``
    the content is the clause the cue governs (``ccomp``, ``xcomp``, ``parataxis``), or the
    clause the cue interrupts as a parenthetical.
``ner-kind``
    NER types decide person versus organisation: "Human Rights Watch said" is an
    organisation.
``stanza-coref``
    a pronoun takes the longest proper-name mention of its stanza coreference chain.

>>> from quoteattr.model import Analysis, Sentence, Token
>>> text = "Ana Ruiz said it rained."
>>> def tok(s, e, upos, head, rel, lemma=None, ner=None):
...     return Token(start=s, end=e, text=text[s:e], lemma=lemma or text[s:e].lower(),
...                  upos=upos, head=head, deprel=rel, ner=ner)
>>> toks = (tok(0, 3, "PROPN", 4, "flat", ner="PERSON"),
...         tok(4, 8, "PROPN", 9, "nsubj", ner="PERSON"),
...         tok(9, 13, "VERB", None, "root", "say"), tok(14, 16, "PRON", 17, "nsubj"),
...         tok(17, 23, "VERB", 9, "ccomp", "rain"), tok(23, 24, "PUNCT", 9, "punct"))
>>> a = Analysis(text=text, paragraphs=((0, 24),), backend="stanza",
...              sentences=(Sentence(start=0, end=24, paragraph=0, tokens=toks),))
>>> subject_of(a, 9, 13), clause_of(a, 9, 13)
((0, 8), (14, 23))
>>> m = speaker_mention(a, 9, 13)
>>> (m.name, m.kind.value, m.rules)
('Ana Ruiz', 'person', ('dep-subject', 'mention-name'))
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from .lexicon.pronouns import RELATIVE_PRONOUNS
from .lexicon.roles import GOVERNMENT_PLACES, ORGANIZATION_NOUNS
from .model import Analysis, Sentence, SpeakerKind, Token
from .speakers import DETERMINERS, Mention, describe, tokens

__all__ = [
    "appositive_of",
    "clause_of",
    "coref_antecedent",
    "coreference_chains",
    "cue_reading",
    "entity_kind",
    "mention_near",
    "named_entities",
    "refine_kind",
    "speaker_head",
    "speaker_mention",
    "subject_of",
]

#: Dependents that belong to a speaker's noun phrase: "the White House press secretary".
_CORE = frozenset(
    "compound flat flat:name amod det det:poss nummod nmod:poss case compound:prt".split()
)
#: Relations through which a cue with no subject of its own takes its governor's subject.
_CLIMB = frozenset("xcomp advcl conj advcl:relcl".split())
#: Relations whose dependent is the reported content of a cue.
_CONTENT = ("ccomp", "xcomp", "parataxis", "csubj:pass")
#: Verbs whose passive subject is the speaker: "X was quoted as saying".
_QUOTED = frozenset(("quote", "cite"))
#: NER types, by what sort of speaker they name.
_NER_KINDS = {
    "PERSON": SpeakerKind.PERSON,
    "PER": SpeakerKind.PERSON,
    "ORG": SpeakerKind.ORGANIZATION,
    "GPE": SpeakerKind.ORGANIZATION,
}


@attrs.frozen(slots=True)
class _Tree:
    """One parsed sentence, indexed by start offset (internal to this module)."""

    by_start: dict[int, Token]
    children: dict[int, tuple[Token, ...]]

    def kids(self, t: Token, *rels: str) -> list[Token]:
        out = self.children.get(t.start, ())
        if not rels:
            return list(out)
        return [c for c in out if c.deprel in rels or (c.deprel or "").split(":")[0] in rels]

    def parent(self, t: Token) -> Token | None:
        return self.by_start.get(t.head) if t.head is not None else None

    def subtree(self, t: Token, skip: frozenset[str] = frozenset()) -> list[Token]:
        out = [t]
        stack = [t]
        while stack:
            for c in self.children.get(stack.pop().start, ()):
                if c.deprel not in skip and c.start != t.start:
                    out.append(c)
                    stack.append(c)
        return sorted(out, key=lambda x: x.start)


@functools.lru_cache(maxsize=512)
def _tree(sentence: Sentence) -> _Tree:
    by_start = {t.start: t for t in sentence.tokens}
    kids: dict[int, list[Token]] = {}
    for t in sentence.tokens:
        if t.head is not None and t.head != t.start:
            kids.setdefault(t.head, []).append(t)
    return _Tree(by_start, {k: tuple(v) for k, v in kids.items()})


def _cue_token(analysis: Analysis, start: int, end: int) -> tuple[_Tree, Token] | None:
    """The parsed word that heads the cue ``[start, end)``: its verb, or "according"."""
    sent = analysis.sentence_at(start)
    if sent is None or not any(t.deprel for t in sent.tokens):
        return None
    tree = _tree(sent)
    inside = [t for t in sent.tokens if start <= t.start < end]
    if not inside:
        return None
    for t in inside:
        if t.text.lower() == "according":
            return tree, t
    verbs = [t for t in inside if t.upos in ("VERB", "AUX")]
    return tree, (verbs[0] if verbs else inside[0])


def _is_relative(t: Token) -> bool:
    return t.text.lower() in RELATIVE_PRONOUNS and t.upos in ("PRON", "DET", "SCONJ", None)


def speaker_head(analysis: Analysis, cue_start: int, cue_end: int) -> tuple[Token, str] | None:
    """The head word of the speaker of the cue at ``[cue_start, cue_end)``, with the rule
    that found it; ``None`` without a parse or a subject.

    For a relative pronoun subject ("the mayor, who said") the head returned is the
    pronoun; :func:`speaker_mention` links it to the noun it modifies.
    """
    found = _cue_token(analysis, cue_start, cue_end)
    if found is None:
        return None
    tree, v = found
    if v.text.lower() == "according":
        # Rule dep-according-to: "according to the ministry" -> ministry (according is its
        # case marker, or the head of an ``obl`` it takes).
        head = tree.parent(v) if v.deprel in ("case", "mark") else None
        if head is None:
            objs = tree.kids(v, "obl", "nmod", "obj")
            head = objs[0] if objs else None
        return (head, "dep-according-to") if head is not None else None
    rule = "dep-subject"
    for _ in range(4):
        # Rule dep-passive-agent: "it was said by the minister" -> minister.
        passive = bool(tree.kids(v, "aux:pass", "nsubj:pass", "expl"))
        for c in tree.kids(v, "obl"):
            agent = c.deprel == "obl:agent" or any(
                k.text.lower() == "by" for k in tree.kids(c, "case")
            )
            if agent and passive and v.lemma not in _QUOTED:
                return c, "dep-passive-agent"
        subj = [c for c in tree.kids(v) if c.deprel == "nsubj"]
        if subj:
            # Several subjects (a weak parse of "Mr. Obama said", "Earlier Sunday, Gore
            # declined"): the one nearest the verb, on its left if any.
            left = [c for c in subj if c.start < v.start]
            return (left[-1] if left else subj[0]), rule
        # Rule dep-quoted-as-saying: "Ruiz was quoted as saying" -> Ruiz.
        psubj = [c for c in tree.kids(v) if c.deprel == "nsubj:pass"]
        if psubj and v.lemma in _QUOTED:
            return psubj[0], "dep-quoted-as-saying"
        if psubj:
            return None  # "she was told that ..." names the hearer, not the speaker
        parent = tree.parent(v)
        if parent is None or v.deprel not in _CLIMB:
            return None
        # Rule dep-subject-of-governor: "Ruiz smiled and said" / "Ruiz left, saying".
        v, rule = parent, "dep-subject-of-governor"
    return None


def _phrase(tree: _Tree, head: Token) -> list[Token]:
    """The words of the noun phrase headed by ``head``: its determiners, modifiers and
    compounds, and for a common noun its "of"/"for"/"at" complements, up to a comma."""
    core, complement = _phrase_parts(tree, head)
    return sorted(core + complement, key=lambda w: w.start)


def _phrase_parts(tree: _Tree, head: Token) -> tuple[list[Token], list[Token]]:
    """The core of a noun phrase ("the chief engineer", "Gov. Ana Ruiz") and its
    prepositional complement ("of the water authority"), each in text order."""
    core = [head]
    complement: list[Token] = []
    stack = [head]
    while stack:
        t = stack.pop()
        for c in tree.kids(t):
            rel = c.deprel or ""
            if rel == "case" and t.deprel != "nmod:poss":
                continue  # "by Ana Ruiz", "according to X": the preposition is not the name
            if rel in _CORE:
                core.append(c)
                stack.append(c)
            elif t is head and rel.startswith("nmod") and _common(head):
                skip = frozenset(("acl:relcl", "appos", "parataxis", "conj", "punct"))
                complement.extend(tree.subtree(c, skip))
    core.sort(key=lambda w: w.start)
    complement.sort(key=lambda w: w.start)
    # Cut at a comma or bracket after the head ("the engineer, who ..." keeps "the engineer").
    end = len(complement)
    for i, w in enumerate(complement):
        if w.text in (",", "(", ";", "—", "–"):
            end = i
            break
    while core and core[0].upos == "PUNCT":
        core = core[1:]
    return core, complement[:end]


def _common(t: Token) -> bool:
    return t.upos == "NOUN"


def _span(words: list[Token]) -> tuple[int, int] | None:
    return (words[0].start, words[-1].end) if words else None


def subject_of(analysis: Analysis, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    """The span of the speaker phrase of the cue at ``[cue_start, cue_end)`` (without its
    appositive), or ``None``; "who" is resolved to the noun phrase it modifies."""
    found = _subject(analysis, cue_start, cue_end)
    if found is None:
        return None
    _, tree, head, _, _ = found
    return _span(_phrase(tree, head))


def _subject(
    analysis: Analysis, cue_start: int, cue_end: int
) -> tuple[Sentence, _Tree, Token, Token | None, str] | None:
    """The head word of the cue's speaker, in its sentence and tree, with the relative
    pronoun it was reached through ("who", else ``None``) and the rule that found it;
    ``None`` without a parse, a subject, or (for "who") the noun it stands for."""
    found = speaker_head(analysis, cue_start, cue_end)
    if found is None:
        return None
    head, rule = found
    sent = analysis.sentence_at(head.start)
    if sent is None:
        return None
    tree = _tree(sent)
    if not _is_relative(head):
        return sent, tree, head, None, rule
    ante = _antecedent(tree, head)
    if ante is None:
        return None
    return sent, tree, ante, head, "dep-relative-subject"


def _antecedent(tree: _Tree, pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its ``acl:relcl`` clause."""
    t: Token | None = tree.parent(pronoun)
    for _ in range(3):
        if t is None:
            return None
        if t.deprel == "acl:relcl":
            return tree.parent(t)
        t = tree.parent(t)
    return None


def appositive_of(analysis: Analysis, start: int, end: int) -> tuple[int, int] | None:
    """The span of an appositive of the phrase at ``[start, end)``: "Hugh Hill, *a doctor*,"."""
    head = _head_in(analysis, start, end)
    if head is None:
        return None
    tree, h = head
    apps = tree.kids(h, "appos")
    return _span(_phrase(tree, apps[0])) if apps else None


def _head_in(analysis: Analysis, start: int, end: int) -> tuple[_Tree, Token] | None:
    """The word of ``[start, end)`` whose head lies outside it."""
    sent = analysis.sentence_at(start)
    if sent is None:
        return None
    inside = [t for t in sent.tokens if start <= t.start and t.end <= end]
    for t in inside:
        if t.head is None or not start <= t.head < end:
            return _tree(sent), t
    return None


def clause_of(analysis: Analysis, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    """The span of the content the cue at ``[cue_start, cue_end)`` reports, or ``None``.

    The clause the cue governs (``ccomp``, ``xcomp``, ``parataxis``), without a leading
    "that"; or, for a parenthetical cue at the end of a clause ("The plan works, he said."),
    that clause up to the cue's own phrase.
    """
    found = _cue_token(analysis, cue_start, cue_end)
    if found is None:
        return None
    tree, v = found
    for c in tree.kids(v, *_CONTENT):
        words = [w for w in tree.subtree(c) if w.upos != "PUNCT" or w.start > c.start]
        words = [w for w in words if w.start < cue_start or w.start >= cue_end]
        span = _content_span(tree, c, words)
        if span is not None and not span[0] < cue_start < span[1]:
            return span
    # Rule dep-ccomp (parenthetical): "The plan works, he said." -> "The plan works".
    parent = tree.parent(v)
    if v.deprel == "parataxis" and parent is not None:
        whole = tree.subtree(parent)
        own = tree.subtree(v)
        lo, hi = own[0].start, own[-1].end
        rest = [w for w in whole if w.start < lo or w.start >= hi]
        before = [w for w in rest if w.start < lo]
        after = [w for w in rest if w.start >= hi and w.upos != "PUNCT"]
        if before and not after:
            return _span(_strip_punct(before))
    return None


def _content_span(tree: _Tree, head: Token, words: list[Token]) -> tuple[int, int] | None:
    # Rule that-is-not-content: "said that the bridge ..." starts at "the".
    marks = {m.start for m in tree.kids(head, "mark") if m.text.lower() == "that"}
    words = [w for w in words if w.start not in marks]
    return _span(_strip_punct(words))


def _strip_punct(words: list[Token]) -> list[Token]:
    lo, hi = 0, len(words)
    while lo < hi and words[lo].upos == "PUNCT" and words[lo].text in ",;:—–-":
        lo += 1
    while hi > lo and words[hi - 1].upos == "PUNCT" and words[hi - 1].text in ",;:.—–-":
        hi -= 1
    return words[lo:hi]


def entity_kind(analysis: Analysis, start: int, end: int) -> SpeakerKind | None:
    """Person or organisation, from the NER types of the words in ``[start, end)``.

    The head word's type wins; otherwise the last typed word's. ``None`` when no word has
    a person or organisation type, and without a parse (the NER of a backend comes with it).
    """
    if not analysis.has_syntax:
        return None
    toks = list(analysis.tokens_in(start, end))
    head = _head_in(analysis, start, end)
    if head is not None and head[1].ner in _NER_KINDS:
        return _NER_KINDS[head[1].ner]
    for t in reversed(toks):
        if t.ner in _NER_KINDS:
            return _NER_KINDS[t.ner]
    return None


def _describe(analysis: Analysis, words: list[Token], rules: tuple[str, ...]) -> Mention | None:
    if not words:
        return None
    text = analysis.text
    return describe(text, tokens(text, words[0].start, words[-1].end), rules)


def speaker_mention(analysis: Analysis, cue_start: int, cue_end: int) -> Mention | None:
    """The speaker :class:`~quoteattr.speakers.Mention` of a cue, read off the parse.

    ``None`` without a parse or when the cue has no subject; the mention's rules say which
    dependency path found it.
    """
    found = _subject(analysis, cue_start, cue_end)
    if found is None:
        return None
    sent, tree, head, pronoun, rule = found
    core, extra = _phrase_parts(tree, head)
    core = _with_split_siblings(sent, tree, head, core)
    m = _describe(analysis, core, (rule,))
    if m is None:
        return None
    if extra and m.kind in (SpeakerKind.ANONYMOUS, SpeakerKind.UNKNOWN) and not m.pronoun:
        # "the chief engineer of the regional water authority": the complement is part of
        # the description, and an organisation in it makes the phrase a source.
        s, e = m.start, extra[-1].end
        name = _strip_det(analysis.text[s:e])
        kind, rules = m.kind, m.rules
        if (kind is SpeakerKind.UNKNOWN or "person-noun-source" in rules) and _names_organization(
            analysis, extra
        ):
            kind, rules = SpeakerKind.ANONYMOUS, (*rules, "dep-role-in-organization")
        m = attrs.evolve(
            m,
            end=e,
            text=analysis.text[s:e],
            name=name,
            role=name if kind is SpeakerKind.ANONYMOUS else m.role,
            kind=kind,
            rules=rules,
        )
    m = _with_appositive(analysis, tree, head, m)
    m = refine_kind(analysis, m)
    if pronoun is not None:
        m = m.as_relative_pronoun(pronoun.start, pronoun.end, pronoun.text)
    return m


def _with_split_siblings(
    sent: Sentence, tree: _Tree, head: Token, core: list[Token]
) -> list[Token]:
    """``core`` extended left over words a weak parse split off the same phrase: "Mr." and
    "Obama" both as subjects of "said" make one name. Only adjacent nouns and proper nouns
    with the same head and relation join; a comma stops it ("Earlier Sunday, Gore")."""
    index = {t.start: i for i, t in enumerate(sent.tokens)}
    i = index.get(core[0].start, 0) if core else 0
    out = list(core)
    while i > 0:
        prev = sent.tokens[i - 1]
        if prev.head != head.head or prev.deprel != head.deprel:
            break
        if prev.upos not in ("PROPN", "NOUN") or head.upos not in ("PROPN", "NOUN"):
            break
        out = _phrase_parts(tree, prev)[0] + out
        i = index.get(out[0].start, 0)
    return out


def _strip_det(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words) if words else phrase


def _names_organization(analysis: Analysis, words: list[Token]) -> bool:
    for w in words:
        low = w.text.lower()
        if w.ner in ("ORG", "GPE") or low in ORGANIZATION_NOUNS or low in GOVERNMENT_PLACES:
            return True
    return False


def _with_appositive(analysis: Analysis, tree: _Tree, head: Token, m: Mention) -> Mention:
    """Rule dep-appositive: split "Hugh Hill, a doctor at the clinic" into name and role, and
    "her spokeswoman, Ana Ruiz" into role and name."""
    apps = tree.kids(head, "appos")
    if not apps or m.pronoun:
        return m
    words = _phrase(tree, apps[0])
    app = _describe(analysis, words, ("dep-appositive",))
    if app is None:
        return m
    app_text = analysis.text[words[0].start : words[-1].end]
    if m.kind is SpeakerKind.PERSON and app.kind is not SpeakerKind.PERSON:
        return attrs.evolve(
            m,
            role=m.role or _strip_det(app_text),
            gender=m.gender or app.gender,
            rules=(*m.rules, "dep-appositive"),
        )
    if app.kind is SpeakerKind.PERSON and m.kind is not SpeakerKind.PERSON:
        role = _strip_det(m.text)
        words_lower = role.split()
        if words_lower and words_lower[0].lower() in ("her", "his", "their", "its"):
            role = " ".join(words_lower[1:])
        return attrs.evolve(
            app,
            role=app.role or role or None,
            gender=app.gender or m.gender,
            rules=(*m.rules, *app.rules),
        )
    return m


def refine_kind(analysis: Analysis, m: Mention) -> Mention:
    """Rule ner-kind: correct a mention's person/organisation kind by its NER types.

    "Human Rights Watch said" looks like a person's name to the surface rules; NER calls it
    an organisation. Pronouns and anonymous sources are left alone; with no NER the mention
    is returned unchanged.
    """
    if m.pronoun or m.kind is SpeakerKind.ANONYMOUS or not analysis.has_syntax:
        return m
    kind = entity_kind(analysis, m.start, m.end)
    if kind is None or kind is m.kind:
        return m
    if kind is SpeakerKind.ORGANIZATION:
        return attrs.evolve(
            m,
            name=_strip_det(m.text),
            role=None,
            kind=kind,
            gender="neuter",
            rules=(*m.rules, "ner-kind"),
        )
    people = [t for t in analysis.tokens_in(m.start, m.end) if t.ner in ("PERSON", "PER")]
    if not people:
        return m
    name = analysis.text[people[0].start : people[-1].end]
    role = analysis.text[m.start : people[0].start].strip(" ,") or None
    return attrs.evolve(
        m,
        name=name,
        role=_strip_det(role) if role else m.role,
        kind=kind,
        rules=(*m.rules, "ner-kind"),
    )


def cue_reading(
    analysis: Analysis, start: int, end: int, readings: Iterable[tuple[str, str, str]]
) -> tuple[str, str, str, str] | None:
    """A reading ``(lemma, form, frame, rule)`` for a cue word the surface rules reject but
    the parse shows to be an attribution; ``None`` otherwise (always, without a parse).

    Two shapes: a passive reporting verb with a "by" agent and a clause ("It was said by the
    minister that taxes would rise": rule ``dep-passive-cue``), and "as saying" under
    *quote*/*cite* ("Ruiz was quoted as saying ...": rule ``dep-quoted-as-saying``).
    """
    speech = [r for r in readings if r[2] not in ("belief", "according")]
    if not speech:
        return None
    found = _cue_token(analysis, start, end)
    if found is None:
        return None
    tree, v = found
    lemma, form, frame = speech[0]
    parent = tree.parent(v)
    if form == "ing" and v.deprel in ("advcl", "xcomp") and parent is not None:
        if parent.lemma in _QUOTED and tree.kids(v, *_CONTENT):
            return lemma, form, frame, "dep-quoted-as-saying"
    if form in ("past", "participle") and tree.kids(v, "aux:pass"):
        agent = tree.kids(v, "obl:agent") or [
            c for c in tree.kids(v, "obl") if any(k.text.lower() == "by" for k in tree.kids(c))
        ]
        if agent and tree.kids(v, "ccomp", "csubj:pass"):
            return lemma, form, frame, "dep-passive-cue"
    return None


def mention_near(
    analysis: Analysis, cue_start: int, cue_end: int, lo: int, hi: int
) -> Mention | None:
    """:func:`speaker_mention` if the parse finds one inside ``[lo, hi)``, else ``None``.

    The attribution stage asks with the same bounds its surface rules search. A subject
    right of the cue ("..., said the mayor") is given only to a caller looking right of the
    cue (``lo >= cue_end``), so an inverted cue is handled as one.
    """
    if not analysis.has_syntax:
        return None
    m = speaker_mention(analysis, cue_start, cue_end)
    if m is None or not (lo <= m.start and m.end <= hi):
        return None
    if m.start >= cue_end and lo < cue_start and "dep-passive-agent" not in m.rules:
        return None
    return m


def named_entities(analysis: Analysis) -> tuple[tuple[int, int, str], ...]:
    """The named entities the backend found, as ``(start, end, label)`` in text order.

    A stable entry point for stages that take NER as evidence (the article's cast): the
    spans come from :attr:`Analysis.entities <quoteattr.model.Analysis.entities>`, or, for
    an analysis built without them, from runs of tokens with the same NER type. Empty with
    no NER (the rules backend, or a stanza pipeline without ``ner``).

    >>> from quoteattr.model import Analysis, Sentence, Token
    >>> t = "Ana Ruiz met IBM."
    >>> toks = (Token(start=0, end=3, text="Ana", ner="PERSON"),
    ...         Token(start=4, end=8, text="Ruiz", ner="PERSON"),
    ...         Token(start=9, end=12, text="met"), Token(start=13, end=16, text="IBM", ner="ORG"))
    >>> named_entities(Analysis(text=t, paragraphs=((0, 17),),
    ...     sentences=(Sentence(start=0, end=17, paragraph=0, tokens=toks),)))
    ((0, 8, 'PERSON'), (13, 16, 'ORG'))
    """
    if analysis.entities:
        return analysis.entities
    out: list[tuple[int, int, str]] = []
    for sent in analysis.sentences:
        prev: Token | None = None
        for t in sent.tokens:
            if t.ner is None:
                prev = None
                continue
            if prev is not None and prev.ner == t.ner and out:
                out[-1] = (out[-1][0], t.end, t.ner)
            else:
                out.append((t.start, t.end, t.ner))
            prev = t
    return tuple(out)


def coreference_chains(analysis: Analysis) -> tuple[tuple[tuple[int, int], ...], ...]:
    """The backend's coreference chains, each a tuple of ``(start, end)`` mention spans in
    text order; empty without a coreference model.

    A stable entry point for stages that take chains as evidence; :func:`coref_antecedent`
    reads one chain for one mention.

    >>> from quoteattr.model import Analysis
    >>> coreference_chains(Analysis(text="Ruiz came. She spoke.", paragraphs=((0, 21),),
    ...     sentences=(), coref=(((0, 4), (11, 14)),)))
    (((0, 4), (11, 14)),)
    """
    return analysis.coref


def coref_antecedent(analysis: Analysis, start: int, end: int) -> tuple[int, int] | None:
    """Rule stanza-coref: the longest proper-name mention in the coreference chain of the
    mention at ``[start, end)``, or ``None`` when no chain holds it or none has a name."""
    for chain in analysis.coref:
        if not any(s <= start and end <= e for s, e in chain):
            continue
        best: tuple[int, int] | None = None
        for s, e in chain:
            if s <= start and end <= e:
                continue
            named = any(t.upos == "PROPN" or t.ner in _NER_KINDS for t in analysis.tokens_in(s, e))
            if named and (best is None or e - s > best[1] - best[0]):
                best = (s, e)
        if best is not None:
            return best
    return None
