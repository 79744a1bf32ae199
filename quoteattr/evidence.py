"""Parse evidence weighed against the surface rules, one decision at a time.

On parsed text (the stanza backend, or a stanza ``Document`` passed in) two readings of a
sentence exist: the surface rules' (:mod:`quoteattr.speakers`, :mod:`quoteattr.attribution`)
and the dependency parse's (:mod:`quoteattr.syntax`). Neither wins wholesale. Where the surface
rules are sure of themselves — a name or pronoun next to the cue, a closed quotation — a parse
that disagrees does not replace them (a parser errs most on exactly the news sentences the
rules were written for); where the parse sees what the rules cannot — the whole noun phrase
of a long subject, a subject across a long insertion, a passive agent, the clause a cue
governs when the rules find none — it is used. Each decision is one named rule, recorded in
``Quote.rules``:

``parse-confirms-speaker``
    The parse's subject head lies inside the surface speaker: the surface phrase stands, with
    the rules' split into name and role. "White House spokeswoman Jen Psaki said ...".
``parse-adds-role``
    As above, and the surface speaker has no role while the parse finds one in an
    appositive: "Ana Ruiz, 44, a nurse at the clinic, said ..." gets the role *nurse at the
    clinic*.
``parse-speaker-wider``
    The parse's subject phrase contains the surface speaker and reaches further, with no
    comma, bracket or dash inside: "The chief engineer of the regional water authority said
    ..." (the surface rules see only *the regional water authority*).
``surface-speaker-kept``
    Both have a speaker and they disagree otherwise: the surface speaker stands. "Back then,
    Ms. Ruiz said, ..." keeps *Ms. Ruiz* when a parse makes *Back* the subject.
``parse-speaker-passive``
    The parse reads the cue as a passive with its speaker in an agent or a subject of
    *quote*/*cite*: "It was said by the finance minister that ...", "Ruiz was quoted as
    saying ...". The surface rules read the grammatical subject, which is not the speaker
    of a passive, so the parse's speaker wins, and the content is the clause the cue governs
    (not "by the finance minister that ...").
``parse-speaker-only``
    The surface rules found no speaker: the parse's is used where the rules cannot look, a
    subject set off from its cue by a long insertion ("Tom Baker, who has led the union
    since 2019 and twice ran for mayor, said ..."). Elsewhere the rules' silence stands: a
    cue they found no speaker for is mostly no attribution at all.
``parse-content-only``
    The surface rules found no content for a cue: the clause the parse says the cue
    governs (rule ``dep-ccomp``) becomes the content. "As the mayor arrived, a girl was
    hurt, police said." (the surface rules take "As ..." for an opening phrase).

Without a parse every function here returns the surface answer unchanged, so the rules
backend never pays for this module.

>>> from quoteattr.model import Analysis, Sentence, Token
>>> from quoteattr.speakers import mention_before
>>> text = "Mr. Obama said it rained."
>>> def tok(s, e, upos, head, rel, lemma=None):
...     return Token(start=s, end=e, text=text[s:e], lemma=lemma or text[s:e].lower(),
...                  upos=upos, head=head, deprel=rel)
>>> toks = (tok(0, 3, "PROPN", 10, "nsubj"), tok(4, 9, "PROPN", 10, "nsubj"),
...         tok(10, 14, "VERB", None, "root", "say"), tok(15, 17, "PRON", 18, "nsubj"),
...         tok(18, 24, "VERB", 10, "ccomp", "rain"), tok(24, 25, "PUNCT", 10, "punct"))
>>> a = Analysis(text=text, paragraphs=((0, 25),), backend="stanza",
...              sentences=(Sentence(start=0, end=25, paragraph=0, tokens=toks),))
>>> m = speaker(a, 10, 14, 0, 25, mention_before(text, 0, 10))
>>> (m.text, m.rules[-1])
('Mr. Obama', 'parse-confirms-speaker')
"""

from __future__ import annotations

import attrs

from . import syntax
from .model import Analysis
from .speakers import Mention

__all__ = ["clause", "speaker"]

#: Characters that end a noun phrase: a parse phrase across one is not a wider subject.
_PHRASE_BREAKS = ",;()—–"
#: Characters that open and close an insertion between a subject and its cue.
_INSERTION_OPEN = ",(—–"
_INSERTION_CLOSE = ",)—–"
#: Dependency paths of a passive cue, which the surface rules cannot follow.
_PARSE_ONLY_PATHS = ("dep-passive-agent", "dep-quoted-as-saying")
#: Words an insertion needs to count as long (a short one the surface rules read through).
_LONG_INSERTION = 3


def _words(text: str, lo: int, hi: int) -> int:
    return sum(1 for w in text[lo:hi].split() if any(c.isalnum() for c in w))


def _with(m: Mention, rule: str) -> Mention:
    return attrs.evolve(m, rules=(*m.rules, rule))


def speaker(
    analysis: Analysis, cue_start: int, cue_end: int, lo: int, hi: int, surface: Mention | None
) -> Mention | None:
    """The speaker of the cue ``[cue_start, cue_end)`` within ``[lo, hi)``: the surface
    rules' ``surface`` mention, weighed against the parse's (see the rules above).

    Returns ``surface`` unchanged without a parse, or when the parse has no speaker there.
    """
    if not analysis.has_syntax:
        return surface
    parsed = syntax.mention_near(analysis, cue_start, cue_end, lo, hi)
    if parsed is None:
        return surface
    if any(r in parsed.rules for r in _PARSE_ONLY_PATHS):
        return _with(parsed, "parse-speaker-passive")
    if surface is None:
        if _parse_only_shape(analysis.text, parsed, cue_start):
            return _with(parsed, "parse-speaker-only")
        return None
    found = syntax.speaker_head(analysis, cue_start, cue_end)
    head = found[0] if found is not None else None
    s, p = surface, parsed
    if (s.start, s.end) == (p.start, p.end) or (
        head is not None and not p.pronoun and s.start <= head.start < s.end
    ):
        if s.role is None and not s.pronoun and p.role and "dep-appositive" in p.rules:
            if s.kind is p.kind:
                return attrs.evolve(s, role=p.role, rules=(*s.rules, "parse-adds-role"))
        return _with(s, "parse-confirms-speaker")
    wider = p.start <= s.start and s.end <= p.end
    if wider and not any(c in p.text for c in _PHRASE_BREAKS):
        return _with(p, "parse-speaker-wider")
    return _with(s, "surface-speaker-kept")


def _parse_only_shape(text: str, p: Mention, cue_start: int) -> bool:
    """Whether the parse's speaker ``p`` stands where the surface rules cannot look: a
    subject before a long insertion."""
    if "dep-subject" not in p.rules or p.end > cue_start:
        return False
    gap = text[p.end : cue_start].strip()
    return (
        len(gap) > 2
        and gap[0] in _INSERTION_OPEN
        and gap[-1] in _INSERTION_CLOSE
        and _words(text, p.end, cue_start) >= _LONG_INSERTION
    )


def clause(
    analysis: Analysis, cue_start: int, cue_end: int, lo: int, hi: int
) -> tuple[int, int] | None:
    """Rule parse-content-only: the clause the cue ``[cue_start, cue_end)`` governs, inside
    the sentence ``[lo, hi)`` and at least two words long, for a cue whose content the
    surface rules did not find; ``None`` without a parse or such a clause.

    >>> clause(Analysis(text="x", paragraphs=((0, 1),), sentences=()), 0, 1, 0, 1) is None
    True
    """
    if not analysis.has_syntax:
        return None
    found = syntax.clause_of(analysis, cue_start, cue_end)
    if found is None or not (lo <= found[0] and found[1] <= hi):
        return None
    if _words(analysis.text, *found) < 2:
        return None
    return found
