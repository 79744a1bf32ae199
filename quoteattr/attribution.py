"""Stage 3: attach content and a speaker mention to each quote span and cue.

Direct quotes are attributed first, by the cue and mention next to their marks; then every
cue left over yields an indirect quote whose content is the clause it governs (a quote span
inside that clause makes it MIXED); last, quotes still without a speaker inherit one from the
quote before them or stay unattributed. Each decision records a named rule.

>>> from quoteattr.backends.rules import RulesBackend
>>> from quoteattr._budget import Budget
>>> from quoteattr import cues, quotes
>>> text = "“We are ready,” said Gov. Ana Ruiz. Ruiz said the state was calm."
>>> a = RulesBackend().analyse(text, Budget())
>>> spans = quotes.find_spans(a, Budget())
>>> found = attribute(a, spans, cues.find_cues(a, spans, Budget()), Budget())
>>> [(x.kind.value, text[x.fragments[0][0]:x.fragments[-1][1]], x.mention.name) for x in found]
[('direct', 'We are ready,', 'Ana Ruiz'), ('indirect', 'the state was calm', 'Ruiz')]
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Any

import attrs
import regex

from . import confidence, cues, evidence
from ._budget import Budget, BudgetExceeded
from .config import Config
from .cues import Cue, is_title_case
from .lexicon.clauses import (
    AUXILIARIES,
    CLOSED_DETERMINERS,
    IRREGULAR_PAST,
    NP_ENDERS,
    NP_OPENERS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)
from .lexicon.not_quotes import LABEL_WORDS
from .lexicon.pronouns import SPEAKER_PRONOUNS
from .lexicon.reporting_verbs import (
    DEMAND_PREPOSITIONS,
    INFINITIVE_SPEECH,
    NP_COMPLEMENT,
    STRONG_SPEECH,
)
from .lexicon.roles import DOCUMENT_NOUNS, ROLE_MODIFIERS, SOURCE_NOUNS, TITLES
from .model import Analysis, QuoteKind, Speaker, SpeakerKind
from .quotes import QuoteSpan, stands_alone
from .speakers import (
    DETERMINERS,
    Mention,
    Tok,
    describe,
    mention_after,
    mention_before,
    mention_of_source,
    tokens,
)

__all__ = ["Attribution", "attribute", "unattributed"]


@attrs.frozen(slots=True, kw_only=True)
class Attribution:
    """A quote under construction: content, cue and speaker mention, before coreference.

    Attributes:
        kind: Direct, indirect or mixed.
        fragments: Content pieces as ``(start, end)`` pairs.
        cue: The cue's ``(start, end)`` or ``None``.
        mention: The local speaker mention, or ``None``.
        rules: Names of the rules that produced it.
        confidence: In ``[0, 1]``.
        speaker: The resolved speaker, filled in by :mod:`quoteattr.coref`.
        inherit: Whether the speaker is to be taken from the previous quote.
    """

    kind: QuoteKind
    fragments: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    mention: Mention | None
    rules: tuple[str, ...]
    confidence: float
    speaker: Speaker | None = None
    inherit: bool = False

    def with_speaker(self, speaker: Speaker | None, rules: tuple[str, ...]) -> Attribution:
        """This attribution with its resolved speaker and rules (``attrs.evolve``, without its
        generic cost: coreference calls it for every quote)."""
        return Attribution(
            kind=self.kind,
            fragments=self.fragments,
            cue=self.cue,
            mention=self.mention,
            rules=rules,
            confidence=self.confidence,
            speaker=speaker,
            inherit=self.inherit,
        )

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


# Gap between a closing mark and an inverted cue: ", " or " -- ".
_GAP_PUNCT = regex.compile(r"[\s,—–-]*")
# A name or pronoun with an unlisted past-tense verb after a quote: ", Trump barked".
_UNLISTED_AFTER = regex.compile(
    r"""[\s,]*(?:
        (?P<np>he|she|they|we|I|(?:(?:[\p{Lu}][\p{L}.’'-]*|of|de|van|von)\s+){0,3}
            [\p{Lu}][\p{L}’'-]+)\s+(?P<v>[a-z]{3,}ed)\b
      | (?P<v2>[a-z]{3,}ed)\s+(?P<np2>(?:[\p{Lu}][\p{L}.’'-]*\s+){0,3}[\p{Lu}][\p{L}’'-]+)
    )""",
    regex.X,
)
# Text between a cue and the quote it introduces: "said:", "told reporters on Tuesday,".
_INTRO_TAIL = regex.compile(r"[^.!?“”\"«»]{0,80}?(?:[:,]|\bthat)\s*$|\s*$")
# What may stand between an attribution and the second half of a split quote: ", ".
_SPLIT_GAP = regex.compile(r"[^.!?“”\"«»]{0,60},\s*$")
# "that", "whether", "if" opening reported content.
_COMPLEMENTIZER = regex.compile(
    r"\s*(?:,\s*(?:(?:\w{1,20}ly|too|though|however|somewhat|rather|very|quite|also|again|once"
    r"|still|even)\s+){0,3}(?:\w{1,20}ly|too|though|however|again|once|too),\s*"
    r"|,\s*)?\b(?P<word>that|whether|if|how|why|what)\b\s*",
    regex.I,
)
# Adjuncts that may follow a cue before its content or the sentence end.
_ADJUNCT = regex.compile(
    r"""\s*(?:,\s*)?(?:
        (?:on|late|early|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday
            |Saturday|Sunday|week|month|year|night|morning|afternoon|evening|weekend|spring
            |summer|fall|autumn|winter)
          (?:\s+(?:night|morning|afternoon|evening))?
      | (?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year)
      | (?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}
            (?:,\s+\d{4})?(?!\d)
      | (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning
            |afternoon|evening))?
      | (?:earlier|later|previously|recently|also|again|repeatedly|yesterday|today)(?![\w-])
      | in\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:statement|interview|speech
            |post|tweet|letter|email|release|op-ed|address|appearance|remarks|conference
            |call|briefing|report)(?:\s+(?:with|to|on|at)\s+(?:the\s+)?[\p{Lu}][\w.&-]*
            (?:\s+[\p{Lu}][\w.&-]*){0,3})?
      | on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that\s+(?:he|she|they)\s+not\s+be
            \s+(?:named|identified))
      | on\s+background
      | on\s+(?:Twitter|Facebook|Instagram|television|TV|radio|Fox\s+News|CNN|MSNBC
            |the\s+(?:Senate|House)\s+floor|the\s+campaign\s+trail)
    )\s*""",
    regex.X,
)
# A hearer after "told": "reporters", "CNN", "the Associated Press", "him".
_HEARER = regex.compile(
    r"""\s*(?:(?:me|him|her|us|them|you|reporters|journalists|supporters|voters|lawmakers
        |the\s+crowd|an?\s+audience|the\s+audience|the\s+newspaper|the\s+paper|the\s+network
        |the\s+station|the\s+outlet|the\s+magazine|the\s+committee|the\s+court)
      | (?:the\s+)?[\p{Lu}][\w.&’'-]*(?:\s+(?:of\s+)?[\p{Lu}][\w.&’'-]*){0,5}
      | (?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:crowd|audience|reporter|reporters
            |interviewer|gathering|rally|group|panel|radio\s+host|host))""",
    regex.X,
)
# A target after "accused": an object phrase up to "of"/"for".
_TARGET = regex.compile(r"[^,.;:!?]{1,80}?\s(?:of|for)\s", regex.I)
_WORDS = regex.compile(r"[\p{L}\p{N}]+")
# (Written "\s*(?:MARK\s*)?", not "\s*MARK?\s*": two adjacent \s* retry every split of a
# long run of spaces, quadratic time.)
_INTRO_PHRASE = regex.compile(
    r"\s*(?:[\"“‘'(]\s*)?(?:In|On|At|After|Before|During|Over|Like|Unlike|Despite|Since|With"
    r"|Without|From|Under|Among|Asked|Speaking|Writing|For|By|As|Following|Throughout|Within"
    r"|Near|Outside|Inside|Amid|Across|Upon|Until|Toward|Towards)\b"
)
# Words that open an insertion, not a clause, after "according to X,": "who was", "a group".
_NOT_CLAUSE_START = regex.compile(
    r"\s*(?:who|which|whose|a|an|and|or|but|compared|including|with|than)\b"
)
_NP_BREAK = regex.compile(r",|\s[—–-]{1,2}\s|;|\s(?:but|while|because|as)\s")
_THAT = regex.compile(r"\bthat\b")
# A comma before a participle, adverbs allowed between: ", still calling out".
_COMMA_BEFORE = regex.compile(r",\s*(?:(?:still|also|again|even|later|then|\w+ly)\s+)*$")
_PREPOSITION_NEXT = regex.compile(
    r"\s+(?!at\s+(?:least|most)\b)(?:in|on|at|during|after|before|while|of|from|to)\b"
)
_CONJUNCTION_BEFORE = regex.compile(r"\b(?:and|but|or|yet)\s+(?:(?:also|then|later)\s+)?$")
_THAT_SOON = regex.compile(r"[^,.;:!?“”\"]{1,80}?\bthat\b\s*")
# A phrase up to "that" (the preposition is checked by content_shape): "after the game that".
_ADVERBIAL_THAT = regex.compile(r"\s*[^,.;:!?“”\"\s][^,.;:!?“”\"]{0,60}?\s(?P<that>that)\s+")
# A hearer of a few plain words before a subject pronoun or "that": "told investigators they".
_PLAIN_HEARER = regex.compile(
    r"\s*(?:(?:the|a|an|his|her|their|its|our|two|three|several|some)\s+)?"
    r"(?:[a-z][a-z’'-]+\s+){0,2}[a-z][a-z’'-]+s(?=\s+(?:he|she|they|we|I|that)\s)"
)
_ADVERBIAL_BEFORE = regex.compile(r"\s(?:before|after|while|by|when|since)\s+$")
_COLON_QUOTE = regex.compile(r":\s*[“\"‘«„]")
# Anything _JOIN_BEFORE or _CONJUNCTION_BEFORE could match begins with one of these.
_JOINT = regex.compile(r"[,;]|\b(?:and|but|or|yet|while|whereas|though)")
_JOIN_BEFORE = regex.compile(
    r"(?:[,;]\s*(?:and|but|while|whereas|though)?|\s(?:and|but|while|whereas|though))\s*$"
)
_TRAILING = "\u0020\t\n,.;:!?—–-"
# Compiled once here rather than looked up in regex's cache on every call (5% of the time):
# "“…” — Ana Ruiz", "said that “…”", "Ruiz: “…”", "speaking of ...".
_DASH_SPEAKER = regex.compile(r"\s*[—–―]\s*|\s+-{1,2}\s+")
_THAT_AT_END = regex.compile(r"\bthat\s*$")
# A paragraph of a dash and a name: "— Ana Ruiz.", "- Sanders".
_DASH_LINE = regex.compile(r"[ \t]*(?:[—–―]|-{1,2})[ \t]*(?P<name>[^\n.!?“”\"]{2,60}?)[ \t.]*")
_COLON_SPEAKER = regex.compile(r"(?:^|[.!?]\s)([^\n!?:;“”\"]{2,70}):\s*$")
# "of", "about", "on" (after an adverb or "out": "spoke openly of", "spoke out against"); "to"
# after "refer" and "allude" only: "referring to the deal".
_ABOUT = regex.compile(r"\s{0,4}(?:(?:\w{1,20}ly|out|up)\s{1,4})?(?:of|about|on|against)\s")
_ABOUT_TO = regex.compile(r"\s{0,4}(?:\w{1,20}ly\s{1,4})?to\s")


@attrs.define(slots=True)
class _State:
    """Mutable bookkeeping for one document (never shared)."""

    used_cues: set[int] = attrs.field(factory=set)
    done_quotes: set[int] = attrs.field(factory=set)
    out: list[Attribution] = attrs.field(factory=list)
    # Speech acts that quote nothing ("Ruiz defended the budget."), as (cue start, mention),
    # in text order: a quotation right after one is that speaker's (quote-after-report).
    acts: list[tuple[int, Mention]] = attrs.field(factory=list)
    # Indexes over ``out`` (which only grows until the final sort), brought up to date by
    # :meth:`_catch_up`, so that the queries below stay logarithmic on long documents:
    # sorted starts of quotes with a speaker, and sorted (position, index in ``out``) of the
    # starts and cues of attributions with a mention.
    _speaker_quote_starts: list[int] = attrs.field(factory=list)
    _mention_at: list[tuple[int, int]] = attrs.field(factory=list)
    _spans: list[tuple[int, int]] = attrs.field(factory=list)  # (start, end) of all, sorted
    _longest: int = 0
    _seen: int = 0
    #: Where the rule at work has come to in the text (for a cut when the time runs out).
    at: int = 0

    def _catch_up(self) -> None:
        for i in range(self._seen, len(self.out)):
            a = self.out[i]
            bisect.insort(self._spans, (a.start, a.end))
            self._longest = max(self._longest, a.end - a.start)
            if a.kind is not QuoteKind.INDIRECT and a.mention:
                bisect.insort(self._speaker_quote_starts, a.start)
            if a.mention is not None:
                bisect.insort(self._mention_at, (a.start, i))
                if a.cue is not None:
                    bisect.insort(self._mention_at, (a.cue[0], i))
        self._seen = len(self.out)

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether an attribution in ``out`` overlaps ``[lo, hi)``: only those starting
        after ``lo`` minus the longest one can."""
        self._catch_up()
        k = bisect.bisect_left(self._spans, (lo - self._longest, -1))
        while k < len(self._spans) and self._spans[k][0] < hi:
            if self._spans[k][1] > lo:
                return True
            k += 1
        return False

    def speaker_quote_between(self, lo: int, hi: int) -> bool:
        """Whether a quote (not indirect) with a speaker mention starts in ``[lo, hi)``."""
        self._catch_up()
        i = bisect.bisect_left(self._speaker_quote_starts, lo)
        return i < len(self._speaker_quote_starts) and self._speaker_quote_starts[i] < hi

    def last_mention_between(self, lo: int, hi: int) -> Mention | None:
        """The mention of the latest attribution (in ``out`` order) whose start or cue lies in
        ``[lo, hi)``."""
        self._catch_up()
        best = -1
        k = bisect.bisect_left(self._mention_at, (lo, -1))
        while k < len(self._mention_at) and self._mention_at[k][0] < hi:
            best = max(best, self._mention_at[k][1])
            k += 1
        return self.out[best].mention if best >= 0 else None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRAILING:
        s += 1
    while e > s and text[e - 1] in _TRAILING:
        e -= 1
    return s, e


#: Where :func:`_word_count` stops counting: every caller only asks whether a stretch has a
#: few words, and counting to the end of a long sentence at each of its cues is quadratic.
_ENOUGH_WORDS = 8


def _word_count(text: str, s: int, e: int) -> int:
    """The number of words in ``text[s:e]``, counted up to :data:`_ENOUGH_WORDS`."""
    if e - s <= 256:
        return min(len(_WORDS.findall(text, s, e)), _ENOUGH_WORDS)
    return sum(1 for _ in itertools.islice(_WORDS.finditer(text, s, e), _ENOUGH_WORDS))


def _direct(
    q: QuoteSpan, cue: Cue | None, m: Mention | None, rules: tuple[str, ...]
) -> Attribution:
    all_rules = (*q.rules, *rules, *(cue.rules if cue else ()))
    return Attribution(
        kind=QuoteKind.DIRECT,
        fragments=q.fragments,
        cue=(cue.start, cue.end) if cue else None,
        mention=m,
        rules=all_rules,
        confidence=_score(QuoteKind.DIRECT, all_rules, m),
    )


def _score(kind: QuoteKind, rules: tuple[str, ...], m: Mention | None) -> float:
    """The measured confidence of a quote made by ``rules`` (see :mod:`quoteattr.confidence`)."""
    return confidence.score(
        kind,
        rules,
        pronoun=m is not None and m.pronoun,
        unknown_speaker=m is not None and not m.pronoun and m.kind is SpeakerKind.UNKNOWN,
    )


#: How far (in characters) the rules look around a quote or cue within its sentence: a
#: "sentence" of megabytes with a cue every few words (text with no stops) would otherwise
#: cost a scan of the sentence per cue. News sentences are far shorter (the longest of the
#: PolNeAR dev set: 1,100 characters, a cue at most 1,300 from its widened sentence's edge).
_SENTENCE_WINDOW = 4096


class _Doc:
    """Indexes over one analysed document for the attribution rules."""

    def __init__(
        self,
        analysis: Analysis,
        spans: Sequence[QuoteSpan],
        cues: Sequence[Cue],
        budget: Budget | None = None,
        broad: bool = False,
    ):
        self.budget = budget or Budget()
        self.broad = broad
        self.parsed = analysis.has_syntax
        self.text = analysis.text
        self.analysis = analysis
        self.spans = list(spans)
        self.span_starts = [q.start for q in self.spans]
        self.cues = list(cues)
        self.cue_starts = [c.start for c in self.cues]
        self.paragraphs = analysis.paragraphs
        self._semicolons: list[int] | None = None
        self._colon_quotes: list[tuple[int, int]] | None = None

    def semicolon(self, lo: int, hi: int) -> int:
        """``text.find(";", lo, hi)`` from an index built once (a long sentence with many
        cues would otherwise be searched to its end at each of them)."""
        if self._semicolons is None:
            self._semicolons = [m.start() for m in regex.finditer(";", self.text)]
        i = bisect.bisect_left(self._semicolons, lo)
        return self._semicolons[i] if i < len(self._semicolons) and self._semicolons[i] < hi else -1

    def colon_quote(self, lo: int, hi: int) -> int:
        """Start of the first match of ``_COLON_QUOTE`` in ``text[lo:hi]``, or -1 (indexed
        once: its matches start at a colon and never overlap)."""
        if self._colon_quotes is None:
            self._colon_quotes = [m.span() for m in _COLON_QUOTE.finditer(self.text)]
        i = bisect.bisect_left(self._colon_quotes, (lo, lo))
        if i < len(self._colon_quotes) and self._colon_quotes[i][1] <= hi:
            return self._colon_quotes[i][0]
        return -1

    def cues_between(self, lo: int, hi: int, limit: int = -1) -> list[tuple[int, Cue]]:
        """The cues starting in ``[lo, hi)`` with their indexes, the first ``limit`` only
        when it is not negative."""
        i = bisect.bisect_left(self.cue_starts, lo)
        out: list[tuple[int, Cue]] = []
        while i < len(self.cues) and self.cues[i].start < hi and len(out) != limit:
            out.append((i, self.cues[i]))
            i += 1
        return out

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence at ``pos``, widened over any quote that straddles them,
        and cut to a window around ``pos`` (see :data:`_SENTENCE_WINDOW`)."""
        s = self.analysis.sentence_at(pos)
        lo, hi = (s.start, s.end) if s else (pos, pos)
        for q in self._edge_spans(lo, hi):
            if q.open_at < lo <= q.end and q.paragraph == q.last_paragraph:
                lo = q.open_at
            if q.start < hi < q.outer_end and q.paragraph == q.last_paragraph:
                hi = max(hi, q.outer_end)
                nxt = self.analysis.sentence_at(hi)
                if nxt is not None and nxt.start < hi:
                    hi = nxt.end
        # The window starts on a multiple of its size, so that the cues of one long
        # "sentence" share a start (the mention finder reuses the tokens read from it).
        return max(lo, (pos // _SENTENCE_WINDOW - 1) * _SENTENCE_WINDOW), min(
            hi, pos + _SENTENCE_WINDOW
        )

    def _edge_spans(self, lo: int, hi: int) -> list[QuoteSpan]:
        """The first two and last two of :meth:`spans_overlapping` ``(lo, hi)``, in order: as
        quote spans never overlap one another, only those can straddle ``lo`` or ``hi`` (a
        sentence of many quotes would otherwise cost a pass over all of them per quote)."""
        spans = self.spans
        i = bisect.bisect_left(self.span_starts, lo) - 1
        if i < 0:
            i = 0
        # spans[j] may open before ``hi`` (its content starts after it): it is a candidate.
        j = min(bisect.bisect_left(self.span_starts, hi), len(spans) - 1)
        picked = range(i, j + 1) if j - i < 6 else (i, i + 1, i + 2, j - 2, j - 1, j)
        out = []
        for k in picked:
            q = spans[k]
            if q.open_at < hi and q.outer_end > lo:
                out.append(q)
        return out

    def span_index(self, q: QuoteSpan) -> int:
        """Index of ``q`` among the document's spans."""
        i = bisect.bisect_left(self.span_starts, q.start)
        while self.spans[i] is not q:
            i += 1
        return i

    def spans_overlapping(self, lo: int, hi: int) -> list[QuoteSpan]:
        i = max(0, bisect.bisect_left(self.span_starts, lo) - 1)
        out = []
        while i < len(self.spans) and self.spans[i].open_at < hi:
            q = self.spans[i]
            if q.outer_end > lo:
                out.append(q)
            i += 1
        return out


def _attribute_direct(doc: _Doc, qi: int, q: QuoteSpan, st: _State, config: Config) -> None:
    """Rules for a quotation's own attribution: a cue right after it or right before it."""
    text = doc.text
    _para_lo, para_hi = doc.paragraphs[q.last_paragraph]
    nxt_open = doc.spans[qi + 1].open_at if qi + 1 < len(doc.spans) else para_hi
    post_lo, post_hi = q.outer_end, min(para_hi, nxt_open)
    # Rule direct-cue-after: "“…,” she said." / "“…,” said Jen Psaki." / "“…,” he told CNN."
    for ci, cue in doc.cues_between(post_lo, min(post_hi, post_lo + 160)):
        if ci in st.used_cues:
            continue
        gap = _GAP_PUNCT.match(text, post_lo, cue.start)
        if gap is not None and gap.end() == cue.start:
            m = _dep(doc, cue, cue.end, post_hi, mention_after(text, cue.end, post_hi))
            if m is None:
                break
            rule, end = "direct-cue-after-inverted", m.end
        else:
            if _next_sentence_cue(doc, q, cue):
                break
            m = _dep(doc, cue, post_lo, cue.start, mention_before(text, post_lo, cue.start))
            if m is None or not _only_modifiers(text, post_lo, m.start):
                break
            rule, end = "direct-cue-after", cue.end
        st.used_cues.add(ci)
        att = _direct(q, cue, m, (rule,))
        att = _merge_split_quote(doc, qi, att, end, st)
        st.out.append(_with_lead_in(doc, q, att))
        st.done_quotes.add(qi)
        return
    # Rule direct-unlisted-verb-after: "“Go back,” Trump barked." -- a name or pronoun and
    # a past-tense verb right after a quote ending in , ? or ! attribute it, even when the
    # verb is missing from the lexicon (the inverted "“No!” snapped Ruiz." too).
    if q.closed and text[q.end - 1 : q.end] in (",", "?", "!"):
        v = _UNLISTED_AFTER.match(text, post_lo, post_hi)
        if v is not None:
            np_span = v.span("np") if v.group("np") else v.span("np2")
            verb_span = v.span("v") if v.group("v") else v.span("v2")
            m = describe(text, tokens(text, *np_span), ("direct-unlisted-verb-after",))
            if m is not None and (m.pronoun or m.kind is not SpeakerKind.UNKNOWN):
                att = Attribution(
                    kind=QuoteKind.DIRECT,
                    fragments=q.fragments,
                    cue=verb_span,
                    mention=m,
                    rules=(*q.rules, "direct-unlisted-verb-after"),
                    confidence=_score(
                        QuoteKind.DIRECT, (*q.rules, "direct-unlisted-verb-after"), m
                    ),
                )
                st.out.append(_merge_split_quote(doc, qi, att, verb_span[1], st))
                st.done_quotes.add(qi)
                return
    # Rule direct-dash-speaker: "“…” — Commissioner Ana Ruiz".
    dash = _DASH_SPEAKER.match(text[post_lo:post_hi])
    if dash and q.closed:
        m = mention_after(text, post_lo + dash.end(), post_hi)
        if m is not None and m.kind is not SpeakerKind.UNKNOWN:
            st.out.append(_direct(q, None, m, ("direct-dash-speaker",)))
            st.done_quotes.add(qi)
            return
    # Rule direct-dash-line: a quotation that ends its paragraph, and a next paragraph of
    # only a dash and a name: "“…”⏎⏎— Ana Ruiz." (fact checks, collections of remarks).
    if (
        q.closed
        and _only_punct(text, q.outer_end, para_hi)
        and q.last_paragraph + 1 < len(doc.paragraphs)
    ):
        n_lo, n_hi = doc.paragraphs[q.last_paragraph + 1]
        line = _DASH_LINE.fullmatch(text, n_lo, n_hi) if n_hi - n_lo <= 70 else None
        if line is not None:
            m = mention_after(text, line.start("name"), line.end("name"))
            if m is not None and m.kind is not SpeakerKind.UNKNOWN and m.end == line.end("name"):
                st.out.append(_direct(q, None, m, ("direct-dash-line",)))
                st.done_quotes.add(qi)
                return
    # Rule direct-cue-before: "Psaki said: “…”" / "he told reporters, “…”".
    prev_close = doc.spans[qi - 1].outer_end if qi > 0 else 0
    first_para_lo = doc.paragraphs[q.paragraph][0]
    pre_lo = max(first_para_lo, prev_close)
    sent_lo, _ = doc.sentence_bounds(max(pre_lo, q.open_at - 1))
    lo = max(pre_lo, min(sent_lo, q.open_at))
    # The sentence before counts when it ends with a colon: "Ruiz said on Tuesday:\n“…”",
    # or with a stop after a cue with no content (rule direct-cue-before-stop).
    before = text[pre_lo : q.open_at].rstrip()
    if lo >= q.open_at - 1 and before.endswith((":", ".")):
        prev = doc.analysis.sentence_at(pre_lo + len(before) - 1)
        lo = max(pre_lo, prev.start) if prev is not None and before[-1] == "." else pre_lo
    for ci, cue in reversed(doc.cues_between(lo, q.open_at)):
        if ci in st.used_cues:
            continue
        tail = _INTRO_TAIL.match(text, cue.end, q.open_at)
        rule = "direct-cue-before"
        if tail is None or tail.end() != q.open_at:
            # Rule direct-cue-before-stop: "Sam Lau said in a statement. “There are no
            # ballots.”" -- a cue with nothing after it but adjuncts ends its sentence, and
            # the quotation right after is what was said.
            if not _adjuncts_then_stop(text, cue.end, q.open_at):
                break
            rule = "direct-cue-before-stop"
        if cue.form == "ing" and rule == "direct-cue-before":
            break  # ", saying, “…”": the participle rules find its subject (participle-clause)
        # Rule short-quote-needs-speech-cue: in "they want “justice,”" the quote is a
        # fragment of reported content, not a quotation introduced by the cue.
        if cue.frame == "belief" or (
            q.words < config.min_quote_words and not _ends_sentence(text, q, para_hi)
        ):
            break
        # Rule that-quote-is-reported: "said that “…”" is reported speech; the indirect
        # rules take the whole clause (direct if the quote is all of it, else mixed).
        if _THAT_AT_END.search(text[cue.end : q.open_at]):
            break
        # Rule title-after-cue: "said in his 2012 book, “An American Son.”" -- a quotation in
        # Title Case after the cue's adjuncts is the title of a work, not what was said.
        if (
            _word_count(text, cue.end, q.open_at)
            and is_title(q.text)
            and not is_title_case(text, lo, cue.end)
        ):
            break
        m = mention_before(text, lo, cue.start) if cue.frame != "according" else None
        m = _dep(doc, cue, lo, q.open_at, m or mention_after(text, cue.end, q.open_at))
        if m is None:
            break
        # Rule report-then-quote: in "Ruiz said she had worked on the budget: “…”" the cue
        # also reports the clause before the colon, so it stays free for the indirect rules.
        # Rule adjuncts-before-quote: only a clause does, not adjuncts ("As the band sang
        # back in the 1980s, “…”"), and not a cue that ends a sentence of its own content.
        if _word_count(text, cue.end, q.open_at) < 3 or (
            cue.frame != "about"
            and _only_adjuncts(text, cue.end, q.open_at)
            and (rule == "direct-cue-before" or _only_punct(text, lo, m.start))
        ):
            st.used_cues.add(ci)
        st.out.append(_direct(q, cue, m, (rule,)))
        st.done_quotes.add(qi)
        return
    # Rule direct-colon-speaker: "Psaki: “…”" (a name and a colon, no verb).
    colon = _COLON_SPEAKER.search(text[lo : q.open_at])
    if colon:
        s = lo + colon.start(1)
        # A party label in parentheses is not part of the name: "Rep. Ana Ruiz (D-Ore.):".
        words = [w for w in tokens(text, s, lo + colon.end(1))]
        if words and words[-1].text == ")" and "(" in [w.text for w in words]:
            words = words[: max(i for i, w in enumerate(words) if w.text == "(")]
        m = describe(text, words, ("direct-colon-speaker",)) if 0 < len(words) <= 6 else None
        if m is not None and m.kind in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION):
            st.out.append(_direct(q, None, m, ("direct-colon-speaker",)))
            st.done_quotes.add(qi)


def _only_adjuncts(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, between a cue and a quotation, holds only adjuncts: it
    opens with a preposition or an adverb of time ("in his book", "back in the 1980s",
    "just a few years earlier") or ends with a word of time ("a day earlier"); not a
    clause or a subject ("she had worked on it", "the pipeline, which ...")."""
    words = [w.lower() for w in _WORDS.findall(text, lo, hi)]
    if not words:
        return True
    if content_shape(text, lo, hi) in ("clause", "infinitive"):
        return False
    return (
        words[0] in PREPOSITIONS
        or words[0] in _TIME_PREPOSITIONS
        or words[0] in _ADJUNCT_OPENERS
        or words[-1] in _TIME_WORDS
        or words[-1].isdigit()
    )


#: Adverbs that open an adjunct of time or manner: "back in 1980", "just days ago".
_ADJUNCT_OPENERS = frozenset(
    "back just once again also then later earlier recently yesterday today last this next "
    "only even still".split()
)


def _adjuncts_then_stop(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` is only a hearer and adjuncts (*reporters*, *in a
    statement*, *on Monday*), then a full stop or a colon, then white space."""
    pos = lo
    hearer = _HEARER.match(text, pos, hi)
    if hearer is not None:
        pos = hearer.end()
    while True:
        m = _ADJUNCT.match(text, pos, hi)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    rest = text[pos:hi]
    return (rest.strip() in (".", ":") and pos > lo) or rest.strip() == "."


def _next_sentence_cue(doc: _Doc, q: QuoteSpan, cue: Cue) -> bool:
    """Rule sentence-final-quote-keeps-next-cue: in "Delgado said the bill would “gut
    protections.” Delgado added that she would block it." the quotation ends its sentence
    inside its marks, and the cue after it has content of its own: the cue opens the next
    statement, and the quotation belongs to the reported speech before it."""
    text = doc.text
    if text[q.start : q.end].rstrip()[-1:] not in (".", "!", "?"):
        return False
    _, s_hi = doc.sentence_bounds(cue.start)
    c_lo, c_hi, _ = _content_after(doc, cue, s_hi)
    return _word_count(text, c_lo, c_hi) >= 2 and content_shape(text, c_lo, c_hi) == "clause"


# How long a lead-in before a quotation may be (characters): bounds the work per quote.
_LEAD_IN_REACH = 300


def _with_lead_in(doc: _Doc, q: QuoteSpan, att: Attribution) -> Attribution:
    """Rule lead-in-is-content: "Not paying taxes “makes me smart,” Trump said." -- the
    words before a quotation in its own sentence, with no cue of their own, are the start of
    the same statement: one mixed quote."""
    text = doc.text
    sent = doc.analysis.sentence_at(q.open_at)
    if sent is None or sent.start >= q.open_at or q.open_at - sent.start > _LEAD_IN_REACH:
        return att
    lo, hi = _trim(text, sent.start, q.open_at)
    if (
        _word_count(text, lo, hi) < 2
        or text[hi - 1 : hi + 1].strip()[-1:] in (":", "—", "–", "-", "(")
        or doc.cues_between(lo, q.open_at, 1)
        or doc.spans_overlapping(lo, q.open_at - 1)
    ):
        return att
    first = (lo, att.fragments[0][1])
    return attrs.evolve(
        att,
        kind=QuoteKind.MIXED,
        fragments=(first, *att.fragments[1:]),
        rules=(*att.rules, "lead-in-is-content"),
    )


def _only_punct(text: str, lo: int, hi: int) -> bool:
    return not any(ch.isalnum() for ch in text[lo:hi])


def _only_modifiers(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds only punctuation and modifiers of a role: listed ones
    ("former") or at most two other lower-case words ("super PAC spokeswoman")."""
    words = _WORDS.findall(text, lo, hi)
    other = [w for w in words if w.lower() not in ROLE_MODIFIERS]
    return len(other) <= 2 and all(w.islower() and w not in _NOT_MODIFIERS for w in other)


#: Words that cannot modify a role: verbs and connectives between a quote and its cue.
_NOT_MODIFIERS = frozenset(
    "and but or then so as when while if that which who was were is are has had have "
    "also later".split()
)


def _ends_sentence(text: str, q: QuoteSpan, para_hi: int) -> bool:
    after = text[q.outer_end : min(para_hi, q.outer_end + 3)].lstrip()
    inner = text[max(q.start, q.end - 2) : q.end]
    return not after or after[0] in ".!?" or any(ch in ".!?" for ch in inner)


def _merge_split_quote(
    doc: _Doc, qi: int, att: Attribution, attribution_end: int, st: _State
) -> Attribution:
    """Rule split-quote: "“A,” he said, “B.”" is one quote with two fragments."""
    if qi + 1 >= len(doc.spans):
        return att
    q2 = doc.spans[qi + 1]
    if q2.paragraph != doc.spans[qi].last_paragraph:
        return att
    gap = _SPLIT_GAP.match(doc.text, attribution_end, q2.open_at)
    if gap is None or gap.end() != q2.open_at:
        return att
    if _word_count(doc.text, attribution_end, q2.open_at) and is_title(q2.text):
        return att  # Rule title-after-cue: "…,” Ruiz said in her book, “A Mayor’s Year.”
    st.done_quotes.add(qi + 1)
    return attrs.evolve(
        att, fragments=(*att.fragments, *q2.fragments), rules=(*att.rules, "split-quote")
    )


def _participial_speaker(doc: _Doc, st: _State, cue: Cue, lo: int) -> Mention | None:
    """The speaker of the clause a participle hangs from: the last attribution before it in
    the sentence, else the sentence's subject."""
    found = st.last_mention_between(lo, cue.start)
    if found is not None:
        return found
    # The subject of the clause the participle hangs from: the nearest comma-separated chunk
    # that opens with a pronoun or a name ("But later, Trump reversed himself, telling ...").
    # The chunk right before the cue counts too: "When asked, Ms. Lee smiled and said ...".
    text = doc.text
    if cue.start - lo > _SUBJECT_REACH:
        lo = cue.start - _SUBJECT_REACH  # bounds the work per cue
    bounds = [lo, *(i + 1 for i in range(lo, cue.start) if text[i] == ","), cue.start]
    last = True  # the chunk seen is the last one before the cue (with words)
    for a, b in reversed(list(itertools.pairwise(bounds))):
        words = tokens(text, a, b)
        while words and not words[-1].is_word:
            words.pop()
        if not words:
            continue
        next_to_cue, last = last, False
        # Connectives before the subject: "And then Trump went on the attack, saying ...".
        s = 0
        while s < len(words) - 1 and words[s].lower in _LEADING_CONNECTIVES:
            s += 1
        k, how = _subject_length(words, s)
        if not k:
            continue
        # Rule participle-subject-needs-clause: a chunk that is only a name, right before
        # the participle, is an insertion (a place, an appositive) unless it opens the
        # sentence: in "… in Tulsa, Oklahoma, arguing …" and "… to its president, Ana Ruiz,
        # calling …" the speaker is elsewhere.
        if s + k == len(words) and a != lo and next_to_cue:
            continue
        m = describe(text, words[s : s + k], ("participle-subject", *how))
        if m is not None and (m.pronoun or m.kind is not SpeakerKind.UNKNOWN or how):
            return m
    return None


def _subject_length(words: list[Tok], s: int) -> tuple[int, tuple[str, ...]]:
    """How many words from ``words[s]`` make the subject that opens a clause (a pronoun, a
    name with its title, or a determiner and a few words before a verb: "The former
    candidate continued"), and the rules that say so beyond participle-subject."""
    k = s
    while k < len(words) and words[k].is_word and k - s < 10:
        low = words[k].lower
        if low in SPEAKER_PRONOUNS or (words[k].is_cap and low not in _NOT_SUBJECT_START):
            k += 1
        elif k > s and (low in TITLES or low in SOURCE_NOUNS or low in DETERMINERS):
            k += 1
        elif k == s and low in DETERMINERS:
            k += 1
        else:
            break
        if words[k - 1].lower in SPEAKER_PRONOUNS:
            return k - s, ()
    if k == s + 1 and words[s].lower in DETERMINERS:
        # Rule participle-subject-description: "The former Republican candidate continued,
        # saying ..." -- a determiner and a few words up to a past-tense verb.
        j = k
        while j < len(words) and j - k < 6 and words[j].is_word:
            if j > k and words[j].text.islower() and _past_verb(words[j].lower):
                return j - s, ("participle-subject-description",)
            j += 1
        return 0, ()
    return k - s, ()


def _past_verb(low: str) -> bool:
    """Whether a lower-case word reads as a verb in the past tense ("continued", "went")."""
    return low in IRREGULAR_PAST or (low.endswith("ed") and len(low) >= 5)


#: Connectives that may open a clause before its subject: "And then Trump went on, saying".
_LEADING_CONNECTIVES = frozenset("and but then so yet still also however instead".split())


#: Capitalised words that open a clause without being its subject.
_NOT_SUBJECT_START = frozenset(
    "but and so yet still then when while after before as if in on at for with by from "
    "during since though although because instead meanwhile however later earlier "
    "yesterday today last this next".split()
)


def _content_after(doc: _Doc, cue: Cue, hi: int) -> tuple[int, int, list[str]]:
    """Content to the right of a cue: skip hearer, target, adjuncts and "that"."""
    text = doc.text
    pos = cue.end
    rules: list[str] = []
    for _ in range(2):
        adj = _ADJUNCT.match(text, pos, hi)
        if adj and adj.end() > pos:
            pos = adj.end()
    if cue.frame == "hearer":
        h = _HEARER.match(text, pos, hi)
        # Rule hearer-before-clause: "told investigators they heard shots" -- a few
        # lower-case words before a subject pronoun or "that" are the hearer, not content.
        plain = _PLAIN_HEARER.match(text, pos, hi)
        if plain is not None and (h is None or plain.end() > h.end()):
            h = plain
            rules.append("hearer-before-clause")
        if h:
            pos = h.end()
            rules.append("skip-hearer")
            adj = _ADJUNCT.match(text, pos, hi)
            if adj:
                pos = adj.end()
            # Rule hearer-then-that: "told reporters outside the polls in Greenville that
            # ..." -- a "that" soon after the hearer opens the content.
            that = _THAT_SOON.match(text, pos, hi)
            if that is not None:
                pos = that.end()
    elif cue.frame == "about":
        # Rule speak-about: "speaking of an “extremely dangerous situation”".
        about = (_ABOUT_TO if cue.lemma in ("refer", "allude") else _ABOUT).match(text, pos, hi)
        if about is None:
            return pos, pos, ["no-about"]
        pos = about.end()
    elif cue.frame == "target":
        t = _TARGET.match(text, pos, hi)
        if t and doc.broad:
            # Rule target-in-content: in the broad scheme, as PARC annotates it, the target
            # is part of the content ("accused [Moscow of stoking tensions]").
            rules.append("target-in-content")
        elif t:
            pos = t.end()
            rules.append("skip-target")
    elif cue.frame == "clause" and text[pos : pos + 2].strip()[:1].islower():
        # Rule adverbial-before-that: "said after the game that ..." -- a phrase that
        # opens with a preposition and runs, with no verb, to "that" is not content.
        adv = _ADVERBIAL_THAT.match(text, pos, hi)
        if adv is not None and _is_adverbial(text, pos, adv.start("that")):
            pos = adv.end()
            rules.append("adverbial-before-that")
    comp = _COMPLEMENTIZER.match(text, pos, hi)
    if comp and comp.group("word").lower() == "that":
        pos = comp.end()
    elif text[pos : pos + 1] == ",":
        pos += 1
    return pos, hi, rules


#: How many later cues of its sentence the content-end search reads: a sentence with more
#: (a hostile run of "Ana said Ben said ...") would cost a mention search per pair of cues.
_LATER_CUES_READ = 12


def _next_clause_cue(doc: _Doc, cue: Cue, hi: int) -> int:
    """Where content after ``cue`` must stop: before ", adding ...", "; he said ..." or
    ", but Democrats said ..." (read among the next :data:`_LATER_CUES_READ` cues)."""
    text = doc.text
    later = doc.cues_between(cue.end + 1, hi, _LATER_CUES_READ)
    # The first comma, semicolon or conjunction after the cue: the coordinated-attribution
    # rule needs one before a later cue, so no mention is looked for until then.
    joint = _JOINT.search(text, cue.end, later[-1][1].start) if later else None
    joint_at = joint.start() if joint is not None else hi
    for _, c in later:
        before = text[max(cue.end, c.start - 3) : c.start]
        if c.form == "ing" and "," in before:
            return c.start - len(before) + before.index(",")
        # Rule adverbial-participle-ends-content: "said X on Twitter before claiming Y".
        adv = _ADVERBIAL_BEFORE.search(text, max(cue.end, c.start - 12), c.start)
        if c.form == "ing" and adv is not None:
            adv_at: int = adv.start()
            return adv_at
        # Rule coordinated-attribution: "Republicans said X, and Democrats accused Y" -- a
        # second subject and cue after a conjunction start a new attribution.
        if joint_at >= c.start:
            continue
        m = mention_before(text, cue.end, c.start)
        if m is None:
            conj = _CONJUNCTION_BEFORE.search(text, max(cue.end, c.start - 24), c.start)
            if conj is not None and conj.start() > cue.end + 2:
                comma = text.rfind(",", cue.end, conj.start() + 1)
                conj_at: int = conj.start()
                return comma if comma != -1 and _only_punct(text, comma, conj_at) else conj_at
            continue
        if m.start <= cue.end or not _plausible_source(m):
            continue
        join = _JOIN_BEFORE.search(text, max(cue.end, m.start - 12), m.start)
        if join is not None:
            join_at: int = join.start()
            return join_at
    semi = doc.semicolon(cue.end, hi)
    end = semi if semi != -1 else hi
    # Rule colon-quote-ends-content: "said he worked with Ruiz on the file: “She is
    # outstanding.”" -- the quotation after the colon is a statement of its own.
    colon_at = doc.colon_quote(cue.end + 1, end)
    return colon_at if colon_at != -1 else end


def _dep(doc: _Doc, cue: Cue, lo: int, hi: int, surface: Mention | None) -> Mention | None:
    """The speaker of ``cue`` within ``[lo, hi)``: the surface rules' ``surface``, weighed
    against the dependency parse's on parsed text (:func:`quoteattr.evidence.speaker` decides
    and names its rule; the rules backend gets ``surface`` back)."""
    if not doc.parsed:
        return surface
    return evidence.speaker(doc.analysis, cue.start, cue.end, lo, hi, surface)


# -- What is not a quote: a cue whose object is a thing, not words -----------------------------

_SHAPE_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:—–]")
# Words after which an "-ed" form is an adjective, not a verb: "the famed", "newly elected".
_BEFORE_ADJECTIVE = (
    CLOSED_DETERMINERS
    | PREPOSITIONS
    | frozenset("and or but very more less least well so too not newly once long".split())
)
# Endings of adjectives (and plurals) before a noun in "-s": "pledged delegates", "new rules".
_ADJECTIVE_ENDINGS = (
    "s",
    "ed",
    "ing",
    "al",
    "ic",
    "ive",
    "ous",
    "ful",
    "ant",
    "ent",
    "ary",
    "ory",
    "ish",
    "less",
    "able",
    "ible",
    "new",
    "big",
    "old",
)
# "he's", "she’ll", "they'd": a subject pronoun with its auxiliary.
_CONTRACTION = regex.compile(r"['’](?:s|re|ll|d|ve|m)$")
_WH_OPENERS = frozenset("whether if how why what who when where which that".split())
_RELATIVES = frozenset("which who whom whose".split())


def content_shape(text: str, lo: int, hi: int) -> str:
    """What the content after a cue is: ``"clause"`` (a finite verb, a subject pronoun, a
    *wh*-word), ``"infinitive"``, ``"prepositional"`` or ``"noun"`` (no verb before
    the phrase ends), read from its first words with the function-word lists of
    :mod:`quoteattr.lexicon.clauses`. A clause nobody can see (a present-tense verb after a
    plural noun) reads as a clause: the test errs towards keeping a quote.

    >>> [content_shape(t, 0, len(t)) for t in ("the plan had failed", "his players' intensity",
    ...  "to a request for comment", "to cut taxes", "prices rose", "investigators they heard")]
    ['clause', 'noun', 'prepositional', 'infinitive', 'clause', 'clause']
    """
    toks = _SHAPE_TOKEN.findall(text, lo, min(hi, lo + 400))
    if not toks:
        return "empty"
    first = toks[0].lower()
    if first in _WH_OPENERS:
        return "clause"
    if first in ("not", "never") and len(toks) > 2 and toks[1].lower() == "to":
        toks = toks[1:]
        first = "to"
    if first == "to" and len(toks) > 1:
        nxt = toks[1]
        infinitive = nxt.isalpha() and nxt.islower() and nxt not in NP_OPENERS
        return "infinitive" if infinitive and nxt not in OBJECT_PRONOUNS else "prepositional"
    if first in PREPOSITIONS:
        return "prepositional"
    i, words, prev = 0, 0, ""
    while i < len(toks):
        tok = toks[i]
        low = tok.lower()
        if low in (";", ":", "—", "–"):
            break
        if low in _RELATIVES and prev == ",":
            # A relative clause set off by commas: the verb of the phrase comes after it.
            k = next((j for j in range(i + 1, len(toks)) if toks[j] == ","), -1)
            if k == -1:
                break
            i, prev = k + 1, ","
            continue
        if i and low in NP_ENDERS:
            break
        if _is_verb(toks, i, low, prev, words):
            return "clause"
        if tok != ",":
            words += 1
        prev = low
        i += 1
    return "noun"


def _is_verb(toks: list[str], i: int, low: str, prev: str, words: int) -> bool:
    """Whether ``toks[i]`` reads as a finite verb (or a subject pronoun, which brings one)."""
    if low in AUXILIARIES or low in IRREGULAR_PAST:
        return True
    bare = _CONTRACTION.sub("", low)
    if bare in SUBJECT_PRONOUNS and (bare not in ("it", "you", "there") or bare != low):
        return True
    if not toks[i].islower() or not words:
        return False
    if low.endswith("ed"):
        # "the company raised prices"; not "the famed author", "newly elected"
        return len(low) >= 5 and prev not in _BEFORE_ADJECTIVE and not prev.endswith("ly")
    if low.endswith("s") and not low.endswith(("ss", "'s", "’s", "us", "is")) and len(low) >= 4:
        # "the city needs money", "Ruiz wants": a noun right after a determiner, or a name
        # opening the phrase, before the "-s" form; not "private sector jobs".
        before = toks[i - 2].lower() if i >= 2 else ""
        after_noun = before in CLOSED_DETERMINERS and not prev.endswith(_ADJECTIVE_ENDINGS)
        after_name = i == 1 and toks[0][:1].isupper()
        return (after_noun or after_name) and "-" not in prev and prev != ","
    return False


# ", although it may take days": a concession the writer adds after the content.
_CONCESSIVE = regex.compile(r",\s+(?:although|though|whereas|even\s+though)\s+")
# A sentence that opens with a subordinate clause: "While Ruiz said ..., the council ...".
_SUBORDINATE_START = regex.compile(
    r"\W{0,3}(?:While|As|Although|Though|When|After|Before|Because|If|Since|Whereas|Even\s+as)\s"
)


# How many later cues inside a content are looked at (bounds the work per attribution).
_LATER_CUES = 8
# A clause boundary before a later cue's subject, searched backwards from the cue.
_BOUNDARY_BEFORE = regex.compile(
    r"(?r)[,;](?:[ \t]*(?:and|but|while|which|whereas|though|although)\b)?"
)


def _content_end(doc: _Doc, cue: Cue, s_lo: int, c_lo: int, c_hi: int) -> tuple[int, str | None]:
    """Where reported content after a cue ends before its sentence does, and the rule that
    says so (``None`` when it runs to the end)."""
    text = doc.text

    def free(at: int) -> bool:
        return not any(q.open_at < at < q.outer_end for q in doc.spans_overlapping(at, at + 1))

    # Rule subordinate-clause-ends-content: "While Ruiz said the vote was fair, the council
    # disagreed." -- a cue in a clause that opens the sentence reports up to its comma.
    if _SUBORDINATE_START.match(text, s_lo, cue.start):
        comma = text.find(",", cue.end, c_hi)
        if comma > c_lo and free(comma):
            return comma, "subordinate-clause-ends-content"
    # Rule next-attribution-ends-content: "One in three said the party did not care, and one
    # in four said it was hostile." -- a later cue whose subject follows a clause boundary
    # (", and", ", but", ", which", ";") opens another attribution.
    for _, c in doc.cues_between(c_lo + 1, c_hi, _LATER_CUES):
        if c.form == "ing":
            continue
        b = _BOUNDARY_BEFORE.search(text, max(c_lo, c.start - 70), c.start)
        if b is None or b.start() <= c_lo or not free(b.start()):
            continue
        if _THAT_AT_END.search(text, max(cue.end, c_lo - 8), c_lo) and _is_adverbial(
            text, c_lo, b.start()
        ):
            continue  # "reported that during the visit, Erdogan repeated ...": an opener
        if (
            content_shape(text, b.end(), c.start) in ("noun", "empty")
            and _word_count(text, b.end(), c.start) <= 8
        ):
            return b.start(), "next-attribution-ends-content"
    # Rule concessive-ends-content: "Ruiz said the vote was fair, although counting goes on."
    # -- the concession after a comma is the writer's.
    for m in _CONCESSIVE.finditer(text, c_lo, c_hi, timeout=doc.budget.timeout()):
        if m.start() > c_lo and free(m.start()):
            return m.start(), "concessive-ends-content"
    return c_hi, None


def _is_adverbial(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` is a prepositional phrase with no verb: "after the game",
    "of the plan", "in an interview on Monday"."""
    first = text[lo : lo + 14].split(maxsplit=1)[:1]
    if not first or first[0].lower() not in PREPOSITIONS | _TIME_PREPOSITIONS:
        return False
    if content_shape(text, lo, hi) == "infinitive":
        return False  # "agreed to talk on the condition that ..."
    at = text.index(first[0], lo) + len(first[0])
    return content_shape(text, at, hi) in ("noun", "empty")


_TIME_PREPOSITIONS = frozenset("after before since until during of".split())


def _not_a_quote(
    doc: _Doc, cue: Cue, c_lo: int, c_hi: int, config: Config, st: _State | None = None
) -> str | None:
    """The name of the rule that finds no quote in the content after ``cue``, or ``None``.

    Rules prepositional-object-not-quote ("responded to the request", "weighed in"),
    np-object-not-quote ("praised his players", "announced a park"; not "called X “...”",
    "accused X of ...", "described it as ..."), infinitive-not-speech ("agreed to run",
    "volunteered to help"; not "promised to", "urged X to") and, in the speech scheme,
    topic-needs-quotation ("talked about the economy"; not "spoke of a “crisis”").
    """
    text = doc.text
    quoted = any(c_lo <= q.start and q.end <= c_hi for q in doc.spans_overlapping(c_lo, c_hi))
    if cue.frame == "about":
        if quoted or config.broad:
            return None
        return "topic-needs-quotation"
    if cue.frame == "according":
        return None
    first = _SPACES.match(text, c_lo, c_hi).end()
    if text[first : first + 1] in _OPENING_MARKS:
        return None  # Rule quotation-is-content: "saying, “At some point, she will ...”"
    shape = content_shape(text, c_lo, c_hi)
    if shape == "clause":
        return None
    if (
        shape == "noun"
        and _THAT_AT_END.search(text, max(cue.end, c_lo - 8), c_lo)
        and _word_count(text, c_lo, c_hi) >= 3
    ):
        # Rule that-makes-clause: after "said that" the words are a clause whose verb the
        # shape test does not know ("said that troop numbers lag the target").
        return None
    if shape == "prepositional":
        if _THAT_AT_END.search(text, max(cue.end, c_lo - 8), c_lo) and _clause_after_opener(
            doc, st, c_lo, c_hi
        ):
            # Rule that-opens-clause: "noted that as a businessman, he had ..." -- after
            # "that" a prepositional phrase and its comma open the clause; they are not the
            # cue's object. (A quotation after the comma is the direct rules'.)
            return None
        prep = text[c_lo : c_lo + 8].split(maxsplit=1)[0].lower()
        if prep in DEMAND_PREPOSITIONS.get(cue.lemma, ()):
            return None  # "called for calm", "warned against delay": a demand, a warning
        return "prepositional-object-not-quote"
    if shape == "infinitive":
        if config.broad or cue.lemma in INFINITIVE_SPEECH:
            return None
        return "infinitive-not-speech"
    if cue.lemma in INFINITIVE_SPEECH and _OBJECT_INFINITIVE.match(text, c_lo, c_hi):
        return None  # "urged people not to spread rumors", "asked Freddy to be best man"
    if quoted:
        return None  # "called the plan “a disaster”", "praised the “fearless” players"
    if cue.frame == "target" and _AFTER_TARGET.search(text, max(cue.end, c_lo - 6), c_lo):
        # "accused Moscow of stoking tensions"; in the broad scheme "blamed the storm for
        # the delays" too.
        if config.broad or _GERUND.match(text, c_lo, c_hi):
            return None
        return "np-object-not-quote"
    if cue.frame == "object" and _DESCRIPTION.match(text, c_lo, min(c_hi, c_lo + 120)):
        return None  # "called the plan a disaster", "described it as a failure"
    return "np-object-not-quote"


def _clause_after_opener(doc: _Doc, st: _State | None, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, after *that*, is a clause that opens with a phrase: a
    quotation ('that "beyond preposterous"'), an opening phrase and its comma ("as a
    businessman, there was no reason ..."), or a preposition and a clause ("in retrospect
    she would have ..."). Not when the quotation after the phrase's comma is attributed
    already: the phrase then belongs to that quotation."""
    text = doc.text
    lo = _SPACES.match(text, lo, hi).end()
    if text[lo : lo + 1] in _OPENING_MARKS:
        return True
    comma = text.find(",", lo, min(hi, lo + 80))
    if comma == -1:
        prep = _WORDS.match(text, lo, hi)
        return prep is not None and content_shape(text, prep.end(), hi) == "clause"
    rest = _SPACES.match(text, comma + 1, hi).end()
    if text[rest : rest + 1] in _OPENING_MARKS and st is not None:
        done = [q for q in doc.spans_overlapping(rest, rest + 1) if q.open_at == rest]
        return not (done and doc.span_index(done[0]) in st.done_quotes)
    return _word_count(text, rest, hi) >= 2


_OPENING_MARKS = frozenset("“\"‘'«„")


# An object, then an infinitive: "people not to spread rumors", "the council to wait".
_OBJECT_INFINITIVE = regex.compile(
    r"(?:[\w’'.-]{1,30}\s+){0,5}?(?:not\s+|never\s+)?to\s+(?!(?:the|a|an|his|her|their|its)\b)"
    r"[a-z]{2,20}\b"
)
_AFTER_TARGET = regex.compile(r"\b(?:of|for)\s*$")
# "stoking tensions", "not doing enough", "having lied".
_GERUND = regex.compile(r"(?:not\s+|never\s+)?[a-z]+ing\b")


# A second noun phrase or "as" after the object of "call", "describe", "label":
# "called the plan a disaster", "described it as reckless".
_DESCRIPTION = regex.compile(
    r"[\w’'-]+(?:\s+[\w’'-]+){0,5}?\s+(?:as|an?|the|one|just|nothing|little|more|less|too|so)"
    r"\s+\w",
    regex.I,
)


_NUMBER_ONLY = regex.compile(r"[\d.,:/+$€£%-]+")
_POSSESSIVE_END = regex.compile(r"['’]s?$")
_HEARER_PRONOUNS = frozenset("him her them me us".split())


def not_a_source(mention: str) -> bool:
    """Rule subject-not-source: a subject that cannot be a source -- a year or a number
    ("in a June 10, 2009 email", "400 pledged delegates"), a possessive fragment ("Trump’s
    reported net worth", "Mr. Ruiz's estimated costs", "Oz's show proved"), a pronoun of the
    hearer ("him").

    >>> [not_a_source(m) for m in ("2016", "Trump’s", "Oz's show", "him", "67 percent",
    ...  "the mayor's spokesman", "Ana Ruiz")]
    [True, True, True, True, False, False, False]
    """
    words = mention.split()
    if not words:
        return True
    if _NUMBER_ONLY.fullmatch(mention) or mention.lower() in _HEARER_PRONOUNS:
        return True
    if _POSSESSIVE_END.search(words[-1]):
        return True  # the possessor of the noun taken for a cue: "Trump’s reported"
    k = next((i for i, w in enumerate(words[:-1]) if _POSSESSIVE_END.search(w)), -1)
    if k >= 0 and not any(w.lower() in PREPOSITIONS for w in words[:k]):
        head = words[-1]
        return head[:1].islower() and not cues.is_source_noun(head.lower())
    return False


def _subject_before(text: str, lo: int, at: int) -> Mention | None:
    """:func:`~quoteattr.speakers.mention_before`, without the auxiliary written onto its last
    word (rule subject-contraction): "She’s describing" -> "She", "Our daughter doesn't want"
    -> "Our daughter"."""
    m = mention_before(text, lo, at)
    if m is None or m.pronoun:
        return m
    words = tokens(text, m.start, m.end)
    trimmed = words
    while len(trimmed) > 1 and (
        trimmed[-1].lower in AUXILIARIES or trimmed[-1].lower.endswith(("n't", "n’t"))
    ):
        trimmed = trimmed[:-1]
    if len(trimmed) == 1 and _CONTRACTION.search(trimmed[0].lower):
        bare = _CONTRACTION.sub("", trimmed[0].lower)
        if bare in SPEAKER_PRONOUNS:
            trimmed = tokens(text, trimmed[0].start, trimmed[0].start + len(bare))
    if trimmed is words or (len(trimmed) == len(words) and trimmed[-1].end == words[-1].end):
        return m
    return describe(text, trimmed, ("subject-contraction",)) or m


def _plausible_source(m: Mention, strong: bool = False) -> bool:
    """Rule subject-must-be-source: a cue needs a speaker that can speak or report: a
    pronoun, a name, a source, an organisation or a document ("the next days promise" is
    no attribution)."""
    if not_a_source(m.text):
        return False
    if m.pronoun or m.kind is not SpeakerKind.UNKNOWN:
        return True
    if strong:
        # Rule strong-cue-any-subject: "said", "told", "wrote" make any noun phrase a source
        # ("some families said", "a number of attendees said").
        return True
    words = m.text.split()
    named = any(w[:1].isupper() and w.lower() not in DETERMINERS for w in words)
    return named or words[-1].lower() in DOCUMENT_NOUNS


def _attribute_cue(doc: _Doc, ci: int, cue: Cue, st: _State, config: Config) -> None:
    """Rules for indirect (and mixed) quotes hanging from a cue."""
    if cue.frame == "direct":
        return  # "she continued": a cue of the quotation next to it only (continuation-cue)
    text = doc.text
    s_lo, s_hi = doc.sentence_bounds(cue.start)
    rules: list[str] = list(cue.rules)
    if (
        cue.lemma == "ask"
        and cue.form in ("past", "participle")
        and _only_punct(text, s_lo, cue.start)
    ):
        _attribute_asked(doc, ci, cue, st, s_hi)
        return
    if "passive-asked-question" in cue.rules:
        _attribute_passive_asked(doc, ci, cue, st, s_hi)
        return
    found = _speaker_and_content(doc, cue, st, s_lo, s_hi, rules)
    if found is None:
        return
    mention, pieces, left_content = found
    if not _plausible_source(mention, cue.lemma in STRONG_SPEECH):
        rules = list(cue.rules)
        found = _subject_before_insertion(doc, cue, s_lo, s_hi, rules)
        if found is None:
            return
        mention, pieces, left_content = found
    if (
        not config.broad
        and not left_content
        and pieces
        and "opener-not-content" not in rules  # a parenthetical attribution: a clause follows
        and _not_a_quote(doc, cue, *pieces[0], config, st)
    ):
        if cue.frame != "belief":
            st.acts.append((cue.start, mention))
        return
    if pieces and pieces[-1][0] >= cue.end:
        c_lo, c_hi = pieces[-1]
        end, rule = _content_end(doc, cue, s_lo, c_lo, c_hi)
        if rule:
            pieces = [*pieces[:-1], (c_lo, end)]
            rules.append(rule)
    min_words = 3 if cue.frame == "belief" else 2
    # Quote spans inside the content: the whole content quoted is direct, part of it mixed.
    kind = QuoteKind.INDIRECT
    absorbed: list[int] = []
    trimmed = []
    for c_lo, c_hi in pieces:
        for q in doc.spans_overlapping(c_lo, c_hi):
            qi = doc.span_index(q)
            if qi in st.done_quotes:
                if q.start < c_hi and q.end > c_lo:
                    # Rule content-stops-at-attributed-quote: never swallow another's quote.
                    if q.open_at >= c_lo + 2 and not left_content:
                        c_hi = min(c_hi, q.open_at)
                    elif left_content and q.outer_end <= c_hi:
                        c_lo = max(c_lo, q.outer_end)
                continue
            absorbed.append(qi)
        c_lo, c_hi = _trim(text, c_lo, c_hi)
        if c_hi > c_lo:
            trimmed.append((c_lo, c_hi))
    if sum(_word_count(text, a, b) for a, b in trimmed) < min_words and not (
        len(trimmed) == 1 and cue.frame != "belief" and _one_quotation(doc, *trimmed[0])
    ):
        return  # (a quotation of one word after a cue of speech is one: 'saying, “done.”')
    if left_content and len(trimmed) == 1 and _only_an_attribution(doc, *trimmed[0]):
        return
    fragments: tuple[tuple[int, int], ...] = tuple(trimmed)
    if absorbed:
        q = doc.spans[absorbed[0]]
        c_lo, c_hi = fragments[0][0], fragments[-1][1]
        outside = text[c_lo : q.open_at] + text[q.outer_end : c_hi]
        if len(absorbed) == 1 and len(fragments) == 1 and _only_punct(outside, 0, len(outside)):
            kind = QuoteKind.DIRECT
            fragments = q.fragments
            rules.append("quoted-content-direct")
        else:
            kind = QuoteKind.MIXED
            rules.append("quoted-fragment-mixed")
        st.done_quotes.update(absorbed)
    st.used_cues.add(ci)
    st.out.append(
        Attribution(
            kind=kind,
            fragments=fragments,
            cue=(cue.start, cue.end),
            mention=mention,
            rules=tuple(rules),
            confidence=_score(kind, tuple(rules), mention),
        )
    )


def _attribute_passive_asked(doc: _Doc, ci: int, cue: Cue, st: _State, s_hi: int) -> None:
    """Rule passive-asked-question: "Ruiz was asked whether she would run" -- the question
    an unnamed asker put to the subject: content from the question word (*about* left out)
    to the end of its clause, no speaker."""
    text = doc.text
    lo = _ABOUT_WORD.match(text, cue.end, s_hi)
    c_lo = lo.end() if lo else cue.end
    c_hi = min(s_hi, _next_clause_cue(doc, cue, s_hi))
    comma = text.find(",", c_lo, c_hi)
    c_lo, c_hi = _trim(text, c_lo, comma if comma != -1 else c_hi)
    if _word_count(text, c_lo, c_hi) < 2 or not _free(st, c_lo, c_hi):
        return
    st.used_cues.add(ci)
    st.out.append(
        Attribution(
            kind=QuoteKind.INDIRECT,
            fragments=((c_lo, c_hi),),
            cue=(cue.start, cue.end),
            mention=None,
            rules=cue.rules,
            confidence=_score(QuoteKind.INDIRECT, ("asked-question",), None),
        )
    )


_ABOUT_WORD = regex.compile(r"\s{0,4}(?:\w{1,20}ly\s{1,4})?about\s", regex.I)


_CONNECTIVES = frozenset(
    "but and yet so still however instead meanwhile also then now thus indeed besides "
    "moreover furthermore nevertheless nonetheless otherwise specifically".split()
)
_TIME_WORDS = frozenset(
    "ago morning afternoon evening night earlier later today yesterday tomorrow week weekend "
    "month year monday tuesday wednesday thursday friday saturday sunday".split()
)


def _is_opener(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, before a comma, is an opening adverbial or connective ("In
    the end", "But", "And yet", "Six months ago", "Friday morning") rather than a subject
    or a clause."""
    words = [w.lower() for w in _WORDS.findall(text, lo, hi)]
    if not words or len(words) > 8:
        return False
    if words[0] in _CONNECTIVES and len(words) <= 2:
        return True
    if content_shape(text, lo, hi) not in ("noun", "prepositional", "empty"):
        return False
    return words[0] in PREPOSITIONS or words[0] in _TIME_PREPOSITIONS or words[-1] in _TIME_WORDS


def _left_clause(doc: _Doc, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, before "X said", is a clause that can be content: not an
    adjunct ("A few weeks earlier, he spoke"), a participle ("Reflecting his father's
    brashness, ...") or a clause that opens with a subordinator ("When she ran in 2010,
    Boxer attacked ..."; "While X, Y, according to Z")."""
    text = doc.text
    if doc.spans_overlapping(lo, hi):
        return True
    if _SUBORDINATE_START.match(text, lo, hi) or _LEFT_NOT_CLAUSE.match(text, lo, hi):
        return False
    return content_shape(text, lo, hi) == "clause"


# Openings of what cannot be reported content before a comma: "Regarding ...", "But when",
# "And while", "Soon after", "According to", "Reflecting ...".
_LEFT_NOT_CLAUSE = regex.compile(
    r"\W{0,3}(?:(?:And|But|Yet|So|Even|Only|Soon|Shortly|Just|Long)\s+(?:while|when|as|if|though|"
    r"although|after|before|since)\b|Regarding\b|Concerning\b|According\s+to\b|[A-Z][a-z]+ing\b)"
)


def _after_opening_phrase(text: str, s_lo: int, comma: int) -> int | None:
    """Where the clause before ``comma`` starts: the sentence start, or, after an opening
    phrase and its comma, the clause that follows (rule content-after-opening-phrase: "With
    that issue unresolved, **the agency has not used them**, officials said."); ``None``
    when all that stands before ``comma`` is the opening phrase ("In a video posted Monday,
    she said")."""
    if not _INTRO_PHRASE.match(text, s_lo, comma):
        return s_lo
    inner = text.find(",", s_lo, comma)
    if inner == -1:
        return None
    lo: int = _SPACES.match(text, inner + 1, comma).end()
    if _word_count(text, lo, comma) < 3 or content_shape(text, lo, comma) != "clause":
        return None
    return lo


def _subject_before_insertion(
    doc: _Doc, cue: Cue, s_lo: int, s_hi: int, rules: list[str]
) -> tuple[Mention, list[tuple[int, int]], bool] | None:
    """The subject that opens the clause of a cue no subject was found for, and the content
    after the cue, when that content is a clause.

    Rule subject-before-insertion: "Sen. Ana Ruiz, facing a hard race in Ohio, said ...",
    "Jason Sims — a teacher from Mount Pleasant — says ...", "Rep. Ana Ruiz (D-Ohio), who
    backs the bill, said ..." -- the subject, then an insertion closed right before the cue.
    Rule subject-whole-phrase: "People with knowledge of the talks said ..." -- no
    insertion, and all that stands before the cue is one noun phrase.
    """
    text = doc.text
    if cue.start - s_lo > _SUBJECT_REACH:
        return None  # a subject this far from its cue is no subject (and the search is bounded)
    # The clause starts at the sentence start, or after the last clause boundary before the
    # cue: "..., and one in four said ...".
    b = _CLAUSE_BOUNDARY.search(text, max(s_lo, cue.start - 120), cue.start)
    if b is not None:
        s_lo = b.end()
    start = _CLAUSE_OPENING.match(text, s_lo, cue.start)
    lo = _SPACES.match(text, start.end() if start else s_lo, cue.start).end()
    opener = _INSERTION_OPEN.search(text, lo, cue.start)
    if opener is not None:
        close = _CLOSER[opener.group().strip()[:1]]
        before = text[lo : cue.start].rstrip()
        if not before.endswith((close, ",")) or len(before) - (opener.start() - lo) < 4:
            return None
        hi, rule = opener.start(), "subject-before-insertion"
        if content_shape(text, lo, hi) not in ("noun", "empty"):
            return None
    else:
        if content_shape(text, lo, cue.start) not in ("noun", "empty"):
            return None
        if is_title_case(text, s_lo, cue.end):
            return None  # a headline's verbs are capitalised: no noun phrase can be told
        hi, rule = cue.start, "subject-whole-phrase"
    words = tokens(text, lo, hi)
    if not 0 < len(words) <= 10 or not (words[0].is_cap or words[0].lower in NP_OPENERS):
        return None
    mention = describe(text, words, (rule,))
    if mention is None or not _plausible_source(mention, cue.lemma in STRONG_SPEECH):
        return None
    c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
    c_lo, c_hi = _trim(text, c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))
    quoted = bool(doc.spans_overlapping(c_lo, c_hi))
    if _word_count(text, c_lo, c_hi) < 2 or not (
        quoted or content_shape(text, c_lo, c_hi) == "clause"
    ):
        return None
    rules += [*extra, "content-after-cue"]
    return mention, [(c_lo, c_hi)], False


# A boundary between two clauses, searched backwards: ", and", "; but", ";".
_CLAUSE_BOUNDARY = regex.compile(r"(?r)[,;][ \t]*(?:and|but|while|whereas|though|although|yet)\b|;")
# How far before its cue the subject of a clause may start (characters).
_SUBJECT_REACH = 300
# A conjunction or an opening phrase with its comma before the subject: "But", "On Monday,".
_CLAUSE_OPENING = regex.compile(
    r"\W{0,3}(?:(?:But|And|Yet|So|Still|Now|Meanwhile|However),?\s+"
    r"|(?:In|On|At|After|Before|During|Since|With|For|By|Over|Last|This|Earlier|Later)\b"
    r"[^,;:]{0,40},\s+)?"
)
# The mark that opens an insertion between a subject and its cue, and the one closing it.
_INSERTION_OPEN = regex.compile(r",|\s[—–―]\s?|\s--\s|\s\(")
_CLOSER = {",": ",", "—": "—", "–": "–", "―": "―", "-": "--", "(": ")"}


def _one_quotation(doc: _Doc, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` is one quotation and nothing else but punctuation."""
    spans = doc.spans_overlapping(lo, hi)
    return (
        len(spans) == 1
        and _only_punct(doc.text, lo, spans[0].start)
        and _only_punct(doc.text, spans[0].end, hi)
    )


def _only_an_attribution(doc: _Doc, lo: int, hi: int) -> bool:
    """Rule content-is-an-attribution: content before a cue that is only a subject and a
    cue of its own ("“…,” Walker said, according to an AP account") reports no words."""
    text = doc.text
    inner = doc.cues_between(lo, hi, 2)
    return (
        bool(inner)
        and _word_count(text, inner[-1][1].end, hi) <= 4
        and (_word_count(text, lo, inner[-1][1].start) <= 5)
    )


def _attribute_asked(doc: _Doc, ci: int, cue: Cue, st: _State, s_hi: int) -> None:
    """Rule asked-question: "Asked whether she would run, Ruiz said ..." reports a question
    put to the speaker by an unnamed asker: content up to the comma, no speaker."""
    text = doc.text
    comma = text.find(",", cue.end, s_hi)
    if comma == -1:
        return
    c_lo, c_hi = _trim(text, cue.end, comma)
    if _word_count(text, c_lo, c_hi) < 2:
        return
    st.used_cues.add(ci)
    st.out.append(
        Attribution(
            kind=QuoteKind.INDIRECT,
            fragments=((c_lo, c_hi),),
            cue=(cue.start, cue.end),
            mention=None,
            rules=(*cue.rules, "asked-question"),
            confidence=_score(QuoteKind.INDIRECT, ("asked-question",), None),
        )
    )


def _speaker_and_content(
    doc: _Doc, cue: Cue, st: _State, s_lo: int, s_hi: int, rules: list[str]
) -> tuple[Mention, list[tuple[int, int]], bool] | None:
    """The mention and content pieces of a cue's attribution, or ``None``.

    Returns ``(mention, pieces, left_content)`` where ``left_content`` says the content
    stands before the cue.
    """
    text = doc.text
    if cue.frame == "according":
        # Rule according-to: "According to X, CLAUSE." / "CLAUSE, according to X."
        mention = _dep(doc, cue, cue.end, s_hi, mention_of_source(text, cue.end, s_hi))
        if mention is None:
            return None
        after = _trim(text, mention.end, s_hi)
        comma_next = text[mention.end : mention.end + 2].lstrip().startswith(",")
        # "According to X, CLAUSE" opens its sentence; "CLAUSE, according to X, ..." does not.
        opens = _word_count(text, s_lo, cue.start) < 3
        comma = text.rfind(",", s_lo, cue.start)
        if (
            comma_next
            and comma != -1
            and _only_punct(text, comma, cue.start)
            and _word_count(text, s_lo, comma) >= 1
            and _word_count(text, *after) >= 2
            and not _NOT_CLAUSE_START.match(text, after[0], after[1])
        ):
            # Rule according-to-parenthetical: "Exports, according to the ministry, fell."
            rules.append("according-to-parenthetical")
            if not doc.broad and _is_opener(text, s_lo, comma):
                rules.append("opener-not-content")
                return mention, [after], False
            return mention, [(s_lo, comma), after], True
        if opens and comma_next and after[1] - after[0] > 0 and _word_count(text, *after) >= 3:
            rules.append("according-to-before")
            return mention, [after], False
        rules.append("according-to-after")
        return mention, [(s_lo, cue.start)], True
    if cue.form == "ing" and (
        _COMMA_BEFORE.search(text, max(s_lo, cue.start - 30), cue.start)
        or _ADVERBIAL_BEFORE.search(text, max(s_lo, cue.start - 12), cue.start)
        or "document-participle" in cue.rules
    ):
        # Rule participle-clause: ", saying ...", ", speaking of ..."
        mention = _dep(doc, cue, s_lo, cue.start, _participial_speaker(doc, st, cue, s_lo))
        rules.append("participle-clause")
        c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
        rules += extra
        if mention is None:
            return None
        return mention, [(c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))], False
    mention = _subject_before(text, s_lo, cue.start)
    if mention is not None:
        mention = _dep(doc, cue, s_lo, s_hi, mention)
    if mention is None and _CONJUNCTION_BEFORE.search(text, max(s_lo, cue.start - 24), cue.start):
        # Rule coordinated-cue-shares-subject: "Demonstrators marched, but pledged to stay
        # calm" -- a cue after "and"/"but" with no subject of its own shares the clause's.
        mention = _participial_speaker(doc, st, cue, s_lo)
        if mention is not None:
            mention = _dep(doc, cue, s_lo, cue.start, mention) or mention
            rules.append("coordinated-cue-shares-subject")
            c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
            rules += extra
            return mention, [(c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))], False
    if mention is None:
        # Rule inverted-cue: "CLAUSE, said the spokesman." / "CLAUSE, warned Psaki."
        comma = text.rfind(",", s_lo, cue.start)
        if (
            comma == -1
            or not _only_punct(text, comma, cue.start)
            or (
                content_shape(text, s_lo, comma) != "clause"
                and not doc.spans_overlapping(s_lo, comma)
            )
        ):
            found = _subject_before_insertion(doc, cue, s_lo, s_hi, rules)
            if found is not None:
                return found
        else:
            mention = _dep(doc, cue, cue.end, s_hi, mention_after(text, cue.end, s_hi))
            if mention is not None:
                # The speaker of an inverted cue ends its clause: "..., said Ana Ruiz." or
                # "..., said Ana Ruiz, the mayor." -- not "Sullivan, struck by her story,
                # told her she ...".
                rest = text[mention.end : s_hi].lstrip()
                if (
                    rest[:1] not in ("", ",", "(", "—", "–", ".", ";")
                    and _word_count(text, mention.end, s_hi) > 4
                    and not _ADJUNCT.match(text, mention.end, s_hi)
                ):
                    return _subject_before_insertion(doc, cue, s_lo, s_hi, rules)
                rules.append("inverted-cue")
                return mention, [(s_lo, comma)], True
        # No surface speaker on either side: the parse's, where it sees one.
        mention = _dep(doc, cue, s_lo, s_hi, None)
        if mention is None:
            return None
    if "parse-speaker-passive" in mention.rules:
        # Rule parse-speaker-passive: the content is the clause the passive cue governs.
        clause = evidence.clause(doc.analysis, cue.start, cue.end, s_lo, s_hi)
        if clause is not None:
            rules.append("dep-ccomp")
            return mention, [clause], clause[1] <= cue.start
    c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
    rules += extra
    comma = text.rfind(",", s_lo, mention.start)
    opened_by_comma = comma > s_lo and _only_punct(text, comma, mention.start)
    after_comma = text[c_lo - 1 : c_lo] == "," or text[cue.end : c_lo].strip().startswith(",")
    if opened_by_comma and after_comma and _word_count(text, s_lo, comma) >= 1:
        # Rule parenthetical-cue: "The weapons, he added, are like bombs." -- the content
        # stands on both sides of the attribution.
        rules.append("parenthetical-cue")
        right = (c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))
        if not doc.broad and _is_opener(text, s_lo, comma):
            # Rule opener-not-content: "In the end, Ruiz said, voters stayed home." -- an
            # opening adverbial or connective before the attribution is not content (the
            # broad scheme keeps it, as PARC does).
            rules.append("opener-not-content")
            return mention, [right], False
        return mention, [(s_lo, comma), right], True
    c_lo_t, c_hi_t = _trim(text, c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))
    # Rule adjunct-after-final-cue: "CLAUSE, Ruiz said in her book, “Title.”" -- after a
    # cue that follows its clause, a preposition opens an adjunct, not the content.
    left_lo = _after_opening_phrase(text, s_lo, comma) if opened_by_comma else None
    if left_lo is not None and not _left_clause(doc, left_lo, comma):
        left_lo = None
    if (
        left_lo is not None
        and _PREPOSITION_NEXT.match(text, cue.end, s_hi)
        and _word_count(text, left_lo, comma) >= 4
        and not _THAT.search(text, cue.end, s_hi)
        and mention.antecedent is None
    ):
        rules.append("content-before-cue")
        return mention, [(left_lo, comma)], True
    if _word_count(text, c_lo_t, c_hi_t) < 2:
        # Rule content-before-cue: "CLAUSE, Psaki said (on Tuesday)." -- not when what
        # stands before the comma is an opening phrase ("In a video posted Monday, she said").
        if left_lo is None or mention.antecedent is not None or cue.frame == "about":
            # Rule parse-content-only (parsed text only): the clause the cue governs.
            clause = evidence.clause(doc.analysis, cue.start, cue.end, s_lo, s_hi)
            if clause is None:
                return None
            rules += ["dep-ccomp", "parse-content-only"]
            return mention, [clause], clause[1] <= cue.start
        rules.append("content-before-cue")
        return mention, [(left_lo, comma)], True
    rules.append("content-after-cue")
    if cue.lemma in NP_COMPLEMENT:
        # Rule object-ends-at-break: "praised the plan, calling it ..." -- the content of a
        # cue that takes a noun phrase ends at the first comma or dash.
        brk = _NP_BREAK.search(text, c_lo_t, c_hi_t)
        if brk is not None and _word_count(text, c_lo_t, brk.start()) >= 1:
            rules.append("object-ends-at-break")
            c_hi_t = brk.start()
    return mention, [(c_lo_t, c_hi_t)], False


def _attribute_leftover(doc: _Doc, qi: int, q: QuoteSpan, st: _State, config: Config) -> None:
    """Quotes with no cue of their own: inherit the previous speaker, or stay unattributed."""
    stripped = q.text.strip()
    sentence_like = stripped[:1].isupper() and stripped[-1:] in (".", "!", "?", ",")
    if q.words == 1 and stripped[-1:] not in ("!", "?"):
        sentence_like = False  # one word and a stop is a name or a title: “Sherlock.”
    if q.words < config.min_quote_words and not sentence_like:
        return  # Rule short-quote-is-term: "the so-called “deal”" is not a quotation.
    # Rule title-case-is-title: an unattributed quotation in Title Case with no stop of its
    # own ("Tales From the Crypt", “State of the Union.”) is the title of a work, not the
    # continuation of anyone's quotation.
    if is_title(stripped):
        return
    text = doc.text
    para_lo, _para_hi = doc.paragraphs[q.paragraph]
    own_para = _only_punct(text, para_lo, q.open_at) or q.rules.count("multi-paragraph") > 0
    if own_para:
        # Rule inherit-previous-speaker: a paragraph that opens with a quote and has no cue
        # continues the speaker of the quote before it (within two paragraphs).
        st.out.append(
            attrs.evolve(_direct(q, None, None, ("inherit-previous-speaker",)), inherit=True)
        )
        return
    # Rule continues-previous-quote: "“A,” he said. “B.”" -- a quote after an attributed
    # quote of the same paragraph, with no cue of its own, is the same speaker's.
    if st.speaker_quote_between(para_lo, q.open_at):
        st.out.append(
            attrs.evolve(_direct(q, None, None, ("continues-previous-quote",)), inherit=True)
        )
        return
    # Rule lowercase-fragment-is-term: an unattributed lower-case fragment ("the root of all
    # evil") is a phrase being mentioned, not a quotation.
    if not stripped[:1].isupper() and q.words < 8:
        return
    # Rule quote-after-report: "Ruiz defended the budget. “We need the bridge.”" -- a quote
    # that opens a sentence after a reported statement of the same paragraph continues its
    # speaker.
    if _only_punct(text, doc.sentence_bounds(q.open_at)[0], q.open_at):
        if st.last_mention_between(para_lo, q.open_at) is not None:
            att = _direct(q, None, None, ("quote-after-report",))
            st.out.append(attrs.evolve(att, inherit=True))
            return
        # ... or after a speech act that quoted nothing: "Ruiz defended the budget."
        k = bisect.bisect_left(st.acts, q.open_at, key=lambda act: act[0]) - 1
        if k >= 0 and st.acts[k][0] >= para_lo:
            st.out.append(_direct(q, None, st.acts[k][1], ("quote-after-report",)))
            return
    if config.include_unattributed:
        st.out.append(_direct(q, None, None, ("quote-unattributed",)))


_CONTRACTED_ON = frozenset("that it there here what who he she let where how".split())
_TITLE_SMALL = frozenset("a an the of in on at to for and or but nor with from by as vs v".split())


def is_title(quoted: str) -> bool:
    """Whether a quotation reads as a title: two to twelve words, every one that is not a
    small word capitalised, and no stop, question or exclamation mark of its own.

    >>> is_title("Tales From the Crypt"), is_title("We Will Win!"), is_title("We will win")
    (True, False, False)
    """
    body = quoted.strip(" ,;:'\"“”‘’«»")
    if body.endswith(".") and not body.endswith(".."):
        body = body[:-1]  # the stop of the sentence, inside the marks: “State of the Union.”
    if not body or body[-1] in ".!?" or any(m in body for m in ("! ", "? ", ". ")):
        return False
    words = _WORDS.findall(body)
    # The "s" of a possessive is no word of its own ("A Mayor’s Year"); that of a verb
    # contracted onto a pronoun is ("That’s Jeb Bush").
    words = [
        w
        for i, w in enumerate(words)
        if not (w == "s" and i and words[i - 1].lower() not in _CONTRACTED_ON)
    ]
    major = [w for w in words if w.lower() not in _TITLE_SMALL and not w.isdigit()]
    return 2 <= len(words) <= 12 and bool(major) and all(w[0].isupper() for w in major)


_HEADLINE_COLON = regex.compile(r"([^:\n.!?“”\"]{2,50}?):\s+(?=\S)")


def _attribute_colon_headlines(doc: _Doc, st: _State) -> None:
    """Rule colon-headline: "Ana Ruiz: Budget Cuts Are ‘Dangerous’" -- a paragraph that
    opens with a short name and a colon reports what that speaker said."""
    text = doc.text
    taken = sorted((a.start, a.end) for a in st.out)
    # For the overlap test: starts, and the furthest end among the first k attributions.
    taken_starts = [a for a, _ in taken]
    reach = list(itertools.accumulate((b for _, b in taken), max))
    for lo, hi in doc.paragraphs:
        st.at = lo
        doc.budget.check()
        if text.find(":", lo, min(hi, lo + 60)) == -1:
            continue
        m = _HEADLINE_COLON.match(text, lo, min(hi, lo + 60))
        if m is None:
            continue
        words = tokens(text, m.start(1), m.end(1))
        if not 0 < len(words) <= 5 or not words[0].is_cap:
            continue
        if is_label(m.group(1)) or any(w.lower in ("and", "&") for w in words):
            continue  # "READ MORE:", "The Latest:"; "Netanyahu and Obama:" heads a section
        mention = describe(text, words, ("colon-headline-speaker",))
        if mention is None or mention.kind not in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION):
            continue
        s = doc.analysis.sentence_at(m.end())
        c_lo, c_hi = _trim(text, m.end(), s.end if s is not None else hi)
        if _word_count(text, c_lo, c_hi) < 3:
            continue
        # Rule headline-needs-clause: "Christie: A closing surge" heads a section; "Ana Ruiz:
        # Budget Cuts Are ‘Dangerous’" reports words. (A quotation is words in any case.)
        if content_shape(text, c_lo, c_hi) != "clause" and not doc.spans_overlapping(c_lo, c_hi):
            continue
        k = bisect.bisect_left(taken_starts, c_hi)  # those starting before c_hi ...
        if k and reach[k - 1] > c_lo:  # ... one of which ends after c_lo
            continue
        _add_clause(doc, st, (c_lo, c_hi), (m.end(1), m.end(1) + 1), mention, "colon-headline")


def _add_clause(
    doc: _Doc,
    st: _State,
    content: tuple[int, int],
    cue: tuple[int, int],
    mention: Mention | None,
    rule: str,
) -> None:
    """Record a clause attributed by one of the construction rules below: indirect, mixed
    when it holds a quotation, direct when one quotation is all of it."""
    c_lo, c_hi = content
    text = doc.text
    inside = [q for q in doc.spans_overlapping(c_lo, c_hi) if q.start >= c_lo]
    kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
    if len(inside) == 1:
        outside = text[c_lo : inside[0].open_at] + text[inside[0].outer_end : c_hi]
        if _only_punct(outside, 0, len(outside)):
            kind = QuoteKind.DIRECT
    st.done_quotes.update(doc.span_index(q) for q in inside)
    st.out.append(
        Attribution(
            kind=kind,
            fragments=(content,),
            cue=cue,
            mention=mention,
            rules=(rule,),
            confidence=_score(kind, (rule,), mention),
        )
    )


# A speaker label in a transcript: "KATE BOULDUAN: Why not?", "Q: ...", "A: ...".
_TURN = regex.compile(
    r"(?:^|(?<=[.!?…”\"]\s{1,3}))(?P<label>Q|A|[\p{Lu}][\p{Lu}’'.-]+(?:\s+[\p{Lu}][\p{Lu}’'.-]+){0,3}):\s+"
)
_LABEL_FILLERS = frozenset("the a an of for to on in and & at".split())
_LABEL_WORD = regex.compile(r"[\p{L}’'][\p{L}’'-]*|\d+")


def is_label(label: str) -> bool:
    """Rule label-not-speaker: a label or heading before a colon ("READ MORE", "WATCH LIVE",
    "PHOTOS", "UPDATE 2", "The Latest", "Editor's note") names no speaker: all its words are
    label words (:data:`~quoteattr.lexicon.not_quotes.LABEL_WORDS`), numbers or fillers.

    >>> is_label("READ MORE"), is_label("UPDATE 2"), is_label("KATE BOLDUAN")
    (True, True, False)
    """
    words = [w.lower() for w in _LABEL_WORD.findall(label)]
    content = [w for w in words if w not in _LABEL_FILLERS]
    return bool(content) and all(w in LABEL_WORDS or w.isdigit() for w in content)


# "In the latest Post-ABC poll, CLAUSE": a finding reported from a document.
_IN_DOCUMENT = regex.compile(
    r"(?:In|in)\s+(?P<src>(?:an?|the|this|that|its|their|his|her|one|another)\s+[^,.;:!?]{0,60}?"
    r"\b(?:poll|polls|survey|surveys|study|studies|report|analysis|review|audit|data|estimate|"
    r"estimates|count|tally|index|ranking|rankings|forecast|projection|model)\b[^,.;:!?]{0,60}?)"
    r"\s*,\s*(?:(?:conducted|released|published|taken|carried\s+out|updated)\b[^,.;:!?]{0,50},\s*)?"
)


def _free(st: _State, lo: int, hi: int) -> bool:
    """Whether no attribution made so far overlaps ``[lo, hi)``."""
    return not st.overlaps(lo, hi)


def _attribute_transcript_turns(doc: _Doc, st: _State) -> None:
    """Rule transcript-turn: in an interview transcript, "KATE BOULDUAN: Why not debate?" or
    "Q: ..." -- an upper-case speaker label and a colon -- reports that speaker's turn, up to
    the next label or the paragraph's end."""
    text = doc.text
    for lo, hi in doc.paragraphs:
        st.at = lo
        doc.budget.check()
        if text.find(":", lo, hi) == -1:
            continue
        labels = [
            m
            for m in _TURN.finditer(text, lo, hi, timeout=doc.budget.timeout())
            if not is_label(m.group("label")) and (m.start() == lo or len(m.group("label")) > 1)
        ]
        # Rule label-not-speaker: a lone upper-case word heading a Title Case headline
        # ("BOOM: Trump Just Fired A Missile") labels it; a transcript has turns.
        if len(labels) == 1 and " " not in labels[0].group("label"):
            s = doc.analysis.sentence_at(labels[0].end())
            if s is not None and is_title_case(text, labels[0].end(), s.end):
                labels = []
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else hi
            c_lo, c_hi = _trim(text, m.end(), end)
            if _word_count(text, c_lo, c_hi) < 3:
                continue
            s, e = m.span("label")
            label = m.group("label")
            person = len(label) > 1
            mention = Mention(
                start=s,
                end=e,
                text=label,
                name=label.title() if person else label,
                kind=SpeakerKind.PERSON if person else SpeakerKind.UNKNOWN,
                rules=("transcript-label",),
            )
            _add_clause(doc, st, (c_lo, c_hi), (e, e + 1), mention, "transcript-turn")


def _attribute_document_findings(doc: _Doc, st: _State, config: Config) -> None:
    """Rule in-document-finding: "In the latest Post-ABC poll, Ruiz led by six points." --
    a clause introduced by a poll, study or report it comes from (when the clause has no
    cue of its own). A finding, not speech: the broad scheme only."""
    if not config.broad:
        return
    text = doc.text
    for sent in doc.analysis.sentences:
        st.at = sent.start
        doc.budget.check()
        if not text.startswith(("In ", "in "), sent.start):
            continue
        m = _IN_DOCUMENT.match(text, sent.start, min(sent.end, sent.start + 160))
        if m is None:
            continue
        c_lo, c_hi = _trim(text, m.end(), sent.end)
        if _word_count(text, c_lo, c_hi) < 3 or doc.cues_between(c_lo, c_hi):
            continue
        if not _free(st, c_lo, c_hi):
            continue
        s, e = m.span("src")
        words = tokens(text, s, e)
        mention = describe(text, words, ("in-document-source",))
        if mention is None:
            continue
        st.out.append(
            Attribution(
                kind=QuoteKind.INDIRECT,
                fragments=((c_lo, c_hi),),
                cue=(m.start(), m.start() + 2),
                mention=attrs.evolve(mention, kind=SpeakerKind.UNKNOWN, role=None),
                rules=("in-document-finding",),
                confidence=_score(QuoteKind.INDIRECT, ("in-document-finding",), None),
            )
        )


# The writer's hedges: "Trump appears to have learned", "It seems unfair", "He reportedly
# left"; "appeared on television" is no hedge.
_HEDGE = regex.compile(
    r"\b(?:seems?|seemed|reportedly|appears?\s+(?=to\b|that\b|likely\b|unlikely\b|poised\b|"
    r"ready\b|set\b)|appeared\s+(?=to\b|that\b|likely\b|unlikely\b|poised\b|ready\b|set\b)"
    r"|(?:is|are|was|were|be|been)\s+(?:(?:\w{1,20}ly|not|also|still|now|even)\s+){0,2}"
    r"expected(?=\s+to\b))"
)
# Searched in reverse for the last clause opener; the spaces after it are taken by _SPACES
# (a trailing \s* in the reverse search would rescan a run of spaces from every position).
_CLAUSE_START = regex.compile(r"(?r)[,;:—–]|\b(?:that|but|and|while|because|if|when|as|so)\b")
_SPACES = regex.compile(r"\s*")


# Substrings one of which every hedge contains: a cheap test before the scan.
_HEDGE_WORDS = ("seem", "ppear", "reportedly", "expected")


def _attribute_hedges(doc: _Doc, st: _State, config: Config) -> None:
    """Rule writer-hedge: "Trump appears to have learned the wrong lessons" -- the writer
    attributes a claim with *seems*, *appears to* or *reportedly*, naming no source. The
    content is what is hedged, after the hedge word ("to have learned the wrong lessons"),
    or the whole clause for *reportedly*; there is no speaker. Counted as an
    attribution by news corpora such as PolNeAR: the broad scheme only (``Config.scheme``)."""
    if not config.broad:
        return
    text = doc.text
    if not any(w in text for w in _HEDGE_WORDS):
        return
    # One scan of the whole text (hedges are rare), each hit then placed in its sentence.
    for m in _HEDGE.finditer(text, timeout=doc.budget.timeout(len(text))):
        st.at = m.start()
        doc.budget.check()
        sent = doc.analysis.sentence_at(m.start())
        if sent is None or doc.spans_overlapping(m.start(), m.end()):
            continue
        b = _CLAUSE_START.search(text, sent.start, m.start(), timeout=doc.budget.timeout())
        c_lo = _SPACES.match(text, b.end(), m.start()).end() if b is not None else sent.start
        end = _CLAUSE_END.search(text, m.end(), sent.end, timeout=doc.budget.timeout())
        c_hi = end.start() if end is not None else sent.end
        cue_end = m.start() + len(m.group().rstrip())
        if not m.group().startswith("reportedly"):
            c_lo = cue_end  # what is hedged: "[Trump appears] to have learned the lesson"
        c_lo, c_hi = _trim(text, c_lo, c_hi)
        least = 2 if c_lo >= cue_end else 4
        if _word_count(text, c_lo, c_hi) < least or not _free(st, c_lo, c_hi):
            continue
        st.out.append(
            Attribution(
                kind=QuoteKind.INDIRECT,
                fragments=((c_lo, c_hi),),
                cue=(m.start(), cue_end),
                mention=None,
                rules=("writer-hedge",),
                confidence=_score(QuoteKind.INDIRECT, ("writer-hedge",), None),
            )
        )


_CLAUSE_END = regex.compile(r"[;:—–]|,\s+(?:but|and|while|which|as)\b")

# "X is confident that ...", "they were skeptical of ...", "she is eager to ...".
_BELIEF_ADJECTIVE = regex.compile(
    r"\b(?P<aux>is|are|was|were|be|been|am|[’']s|[’']re)\s+(?:(?:\w{1,20}ly|not|also|still|now)\s+)?"
    r"(?P<adj>confident|convinced|sure|certain|aware|concerned|worried|afraid|hopeful|optimistic"
    r"|pessimistic|skeptical|sceptical|adamant|eager|willing|determined|reluctant|unsure)\s+"
    r"(?P<prep>that|about|of|to)\b"
)


# How far a construction rule's content may run (characters): bounds the work per match.
_CONTENT_REACH = 600
# "X is widely seen as a reformer", "the deal was viewed as a victory".
_PASSIVE_BELIEF = regex.compile(
    r"\b(?:is|are|was|were|been|be|being)\s+(?:(?:\w{1,20}ly|also|now|still|often)\s+)?"
    r"(?P<cue>seen|viewed|regarded|perceived|billed|touted|portrayed|described|characterized"
    r"|considered|known)\s+(?:as|for)\s+"
)


def _attribute_passive_beliefs(doc: _Doc, st: _State, config: Config) -> None:
    """Rule passive-belief: "Minnesota is seen as an opportunity for Sanders" -- a view
    attributed to nobody named: the content is the description after *as* (or *for*), with
    no speaker (*by X* names one). A belief, not speech: the broad scheme only."""
    if not config.broad:
        return
    text = doc.text
    for m in _PASSIVE_BELIEF.finditer(text, timeout=doc.budget.timeout(len(text))):
        st.at = m.start()
        doc.budget.check()
        sent = doc.analysis.sentence_at(m.start())
        if sent is None or doc.spans_overlapping(m.start(), m.end()):
            continue
        hi = min(sent.end, m.end() + _CONTENT_REACH)
        end = _CLAUSE_END.search(text, m.end(), hi, timeout=doc.budget.timeout())
        comma = text.find(",", m.end(), hi)
        c_hi = min(x for x in (end.start() if end else hi, comma, hi) if x != -1)
        c_lo, c_hi = _trim(text, m.end(), c_hi)
        if _word_count(text, c_lo, c_hi) < 2 or not _free(st, c_lo, c_hi):
            continue
        rules = ("passive-belief", "cue-belief-verb")
        st.out.append(
            Attribution(
                kind=QuoteKind.INDIRECT,
                fragments=((c_lo, c_hi),),
                cue=m.span("cue"),
                mention=None,
                rules=rules,
                confidence=_score(QuoteKind.INDIRECT, rules, None),
            )
        )


def _attribute_belief_adjectives(doc: _Doc, st: _State, config: Config) -> None:
    """Rule belief-adjective: "Republicans are confident that the bill will pass" -- an
    attitude told by an adjective, its content after *that*, *about*, *of* or *to*. A belief,
    not speech: the broad scheme only."""
    if not config.broad:
        return
    text = doc.text
    for m in _BELIEF_ADJECTIVE.finditer(text, timeout=doc.budget.timeout(len(text))):
        st.at = m.start()
        doc.budget.check()
        sent = doc.analysis.sentence_at(m.start())
        if sent is None or doc.spans_overlapping(m.start(), m.end()):
            continue
        mention = _subject_before(text, max(sent.start, m.start() - 200), m.start("aux"))
        if mention is None or not _plausible_source(mention):
            continue
        c_lo = m.start("prep") if m.group("prep") == "to" else m.end()
        hi = min(sent.end, m.end() + _CONTENT_REACH)
        end = _CLAUSE_END.search(text, m.end(), hi, timeout=doc.budget.timeout())
        c_lo, c_hi = _trim(text, c_lo, end.start() if end is not None else hi)
        if _word_count(text, c_lo, c_hi) < 2 or not _free(st, c_lo, c_hi):
            continue
        rules = ("belief-adjective", "cue-belief-verb")
        st.out.append(
            Attribution(
                kind=QuoteKind.INDIRECT,
                fragments=((c_lo, c_hi),),
                cue=m.span("adj"),
                mention=mention,
                rules=rules,
                confidence=_score(QuoteKind.INDIRECT, rules, mention),
            )
        )


# "Trump’s claim that ...", "her warning that ...": a possessor, a noun of saying, "that".
# Found from "that" back (a lookbehind): far cheaper than trying the nouns everywhere.
_NOUN_THAT = regex.compile(
    r"(?<=\b(?P<noun>claims?|assertions?|arguments?|statements?|suggestions?|promises?|pledges?|"
    r"vows?|warnings?|insistence|contention|beliefs?|complaints?|accusations?|allegations?|"
    r"predictions?|charges?|remarks?|comments?|announcement|admission)\s+)that\b"
)
# The possessor right before the noun: "Trump’s", "the mayor’s", "her (latest)".
_POSSESSOR = regex.compile(
    r"(?r)(?P<who>\b(?:his|her|their|its)|(?:\b[Tt]he\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+|[\p{Lu}][\p{L}.’'-]*"
    r"(?:\s+[\p{Lu}][\p{L}.’'-]*){0,3})['’]s?)"
    r"\s+(?:(?:latest|repeated|earlier|new|false|baseless|frequent|recent|own|public)\s+)?$"
)


def _attribute_noun_cues(doc: _Doc, st: _State) -> None:
    """Rule possessive-noun-cue: "Trump’s claim that crime had doubled", "her warning that
    rates would rise" -- a noun of saying with its possessor and a *that* clause."""
    text = doc.text
    # The noun and "that" first (rare, one scan of the text), then its possessor just before.
    for n in _NOUN_THAT.finditer(text, timeout=doc.budget.timeout(len(text))):
        st.at = n.start()
        doc.budget.check()
        noun_at = n.start("noun")
        sent = doc.analysis.sentence_at(noun_at)
        if sent is None:
            continue
        m = _POSSESSOR.search(text, max(sent.start, noun_at - 80), noun_at)
        if m is None or doc.spans_overlapping(m.start(), n.end()):
            continue
        end = _CLAUSE_END.search(text, n.end(), sent.end, timeout=doc.budget.timeout())
        c_lo, c_hi = _trim(text, n.end(), end.start() if end is not None else sent.end)
        if _word_count(text, c_lo, c_hi) < 3 or not _free(st, c_lo, c_hi):
            continue
        ws, we = m.span("who")
        who = text[ws:we]
        if who.endswith(("'s", "’s")):
            we -= 2
        elif who.endswith(("'", "’")):
            we -= 1
        words = tokens(text, ws, we)
        mention = describe(text, words, ("possessor-speaker",))
        if mention is None or (not mention.pronoun and mention.kind is SpeakerKind.UNKNOWN):
            continue
        _add_clause(doc, st, (c_lo, c_hi), n.span("noun"), mention, "possessive-noun-cue")


def attribute(
    analysis: Analysis,
    spans: Sequence[QuoteSpan],
    cues: Sequence[Cue],
    budget: Budget,
    config: Config | None = None,
) -> list[Attribution]:
    """Attribute every quote span and cue of a document; returns attributions in text order.

    Each quote and cue is worked on only where ``budget.keeps`` its offset. When the budget
    runs out, the text is cut at the paragraph being worked on and the passes after it
    finish the part before the cut; a regular expression that times out skips its paragraph
    (see :mod:`quoteattr._budget`). Attributions starting past a cut are dropped here.
    """
    config = config or Config()
    doc = _Doc(analysis, spans, cues, budget, config.broad)
    st = _State()
    _guarded(doc, st, "transcript turns", _attribute_transcript_turns, doc, st)
    budget.checkpoint()
    for qi, q in enumerate(doc.spans):
        if qi not in st.done_quotes and _unit(budget, q.open_at):
            _guarded(doc, st, "", _attribute_direct, doc, qi, q, st, config, at=q.open_at)
    budget.checkpoint()
    for ci, cue in enumerate(doc.cues):
        if ci not in st.used_cues and _unit(budget, cue.start):
            _guarded(doc, st, "", _attribute_cue, doc, ci, cue, st, config, at=cue.start)
    budget.checkpoint()
    _guarded(doc, st, "colon headlines", _attribute_colon_headlines, doc, st)
    _guarded(doc, st, "findings of documents", _attribute_document_findings, doc, st, config)
    _guarded(doc, st, "nouns of saying", _attribute_noun_cues, doc, st)
    _guarded(doc, st, "hedges", _attribute_hedges, doc, st, config)
    _guarded(doc, st, "belief adjectives", _attribute_belief_adjectives, doc, st, config)
    _guarded(doc, st, "passive beliefs", _attribute_passive_beliefs, doc, st, config)
    late = False
    for qi, q in enumerate(doc.spans):
        if qi in st.done_quotes or not budget.keeps(q.open_at):
            continue
        if not late and budget.over():
            late = True
            budget.stop("attribution", q.open_at, cut=False, effect=_LEFT_OVER)
        if late:
            if stands_alone(q, config):
                st.out.extend(unattributed(analysis, [q]))
            continue
        _guarded(doc, st, "", _attribute_leftover, doc, qi, q, st, config, at=q.open_at)
    st.out.sort(key=lambda a: (a.start, a.end))
    return [a for a in st.out if budget.keeps(a.start)]


_LEFT_OVER = "quotes attributed so far kept, the others quote-mark spans only, unattributed"


def _unit(budget: Budget, at: int) -> bool:
    """Whether to work on the quote or cue at ``at``: it is in a part of the text still
    worked on, and (every few units) the time is not spent; if it is, cut there."""
    if not budget.keeps(at):
        return False
    if budget.over():
        budget.stop("attribution", at)
        return False
    return True


def _guarded(
    doc: _Doc, st: _State, name: str, rule: Any, *args: Any, at: int | None = None
) -> None:
    """Run one attribution rule on the quote or cue at ``at`` or, for the pass ``name``,
    over the whole text. If the time runs out or a pattern times out on a quote or cue, its
    paragraph is cut or skipped (see :mod:`quoteattr._budget`); in a pass, the pass alone
    stops where it had come to (``st.at``), and what the others found is kept."""
    st.at = 0 if at is None else at
    n = len(st.out)
    try:
        rule(*args)
    except (BudgetExceeded, TimeoutError) as exc:
        if at is None:
            if doc.budget.keeps(st.at):  # (past a cut, nothing is searched anyway)
                effect = f"not searched for {name}"
                doc.budget.stop(f"attribution ({name})", st.at, cut=False, effect=effect)
        elif isinstance(exc, BudgetExceeded):
            doc.budget.stop("attribution", at)
        else:
            doc.budget.skip("attribution", at, at + 1)
            del st.out[n:]


def unattributed(analysis: Analysis, spans: Sequence[QuoteSpan]) -> list[Attribution]:
    """Fallback when the time budget ran out: every quote span, with no speaker."""
    return [_direct(q, None, None, ("quote-unattributed", "budget-exceeded")) for q in spans]
