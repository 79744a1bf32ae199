"""The shared state of attribution: the :class:`Attribution` record, the document
(:class:`_Doc`: its quotes, cues, sentences and the indexes every pass reads) and the
:class:`_State` that every pass reads and extends (what it decided, which quotes and cues
are taken), with the small helpers all passes use."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

import attrs
import regex

from .. import confidence
from .._budget import Budget
from .._patterns import lazy_re, lazy_regex
from ..cues import Cue
from ..dateline import dateline_end
from ..model import Analysis, QuoteKind, Speaker, SpeakerKind
from ..quotes import QuoteSpan
from ..speakers import Mention


@attrs.frozen(slots=True, kw_only=True)
class Attribution:
    """A quote under construction: content, cue and speaker mention, before coreference.

    Attributes:
        kind: Direct, indirect or mixed.
        fragments: Content pieces as ``(start, end)`` pairs.
        cue: The cue's ``(start, end)`` or ``None``.
        mention: The local speaker mention, or ``None``.
        rules: Names of the rules that produced it.
        confidence: In ``[0, 1]``; by default the one measured for its kind, rules and
            mention (:mod:`quoteattr.confidence`).
        speaker: The resolved speaker, filled in by :mod:`quoteattr.coref`.
        inherit: Whether the speaker is to be taken from the previous quote.
    """

    kind: QuoteKind
    fragments: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    mention: Mention | None
    rules: tuple[str, ...]
    confidence: float = attrs.field(
        default=attrs.Factory(lambda a: _score(a.kind, a.rules, a.mention), takes_self=True)
    )
    speaker: Speaker | None = None
    inherit: bool = False

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


_WORDS = lazy_regex(r"[\p{L}\p{N}]+")
_COLON_QUOTE = lazy_regex(r":\s*[“\"‘«„]")
_TRAILING = "\u0020\t\n,.;:!?—–-"
# Rule dateline-not-sentence: the dateline of wire copy opening a sentence ("ORLANDO, Fla.
# (Reuters) -", "LA CROSSE, Wisc. —", "NEW DELHI:", "LONDON, March 3 (Reuters) -") is no
# part of the sentence: not its subject, not reported content (quoteattr.dateline).
_SPACES = lazy_regex(r"[ \t]*")


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
    # (concurrent=False: ``regex`` would otherwise let go of the interpreter lock and take it
    # back at every word found, which costs more than finding it.)
    if e - s <= 256:
        return min(len(_WORDS.findall(text, s, e, concurrent=False)), _ENOUGH_WORDS)
    if len(_WORDS.findall(text, s, s + 256, concurrent=False)) > _ENOUGH_WORDS:
        return _ENOUGH_WORDS  # (the last word of the stretch may be cut, not the others)
    return sum(1 for _ in itertools.islice(_WORDS.finditer(text, s, e), _ENOUGH_WORDS))


def _direct(
    q: QuoteSpan, cue: Cue | None, m: Mention | None, rules: tuple[str, ...]
) -> Attribution:
    all_rules = (*q.rules, *rules, *(cue.rules if cue else ()))
    cue_span = (cue.start, cue.end) if cue else None
    return Attribution(
        kind=QuoteKind.DIRECT, fragments=q.fragments, cue=cue_span, mention=m, rules=all_rules
    )


def _indirect(
    content: tuple[int, int],
    cue: tuple[int, int],
    mention: Mention | None,
    rules: tuple[str, ...],
    confidence: float | None = None,
) -> Attribution:
    """An indirect attribution of one piece of content; its confidence is that of ``rules``
    and ``mention`` unless given."""
    att = Attribution(
        kind=QuoteKind.INDIRECT, fragments=(content,), cue=cue, mention=mention, rules=rules
    )
    return att if confidence is None else attrs.evolve(att, confidence=confidence)


def _score(kind: QuoteKind, rules: tuple[str, ...], m: Mention | None) -> float:
    """The measured confidence of a quote made by ``rules`` (see :mod:`quoteattr.confidence`).

    Remembered for each combination met (a few hundred in an article, as rules come in a
    few set orders): a long article of short quotes scores the same combinations again and
    again."""
    pronoun = m is not None and m.pronoun
    unknown = m is not None and not m.pronoun and m.kind is SpeakerKind.UNKNOWN
    key = (kind, rules, pronoun, unknown)
    found = _SCORES.get(key)
    if found is None:
        found = confidence.score(kind, rules, pronoun=pronoun, unknown_speaker=unknown)
        if len(_SCORES) >= _SCORES_KEPT:
            _SCORES.clear()
        _SCORES[key] = found
    return found


# The confidences of the combinations met lately (cleared when full, so that a run of
# documents with ever new combinations cannot grow it without bound).
_SCORES: dict[tuple[QuoteKind, tuple[str, ...], bool, bool], float] = {}
_SCORES_KEPT = 4096


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
        self.text = analysis.text
        self.analysis = analysis
        self.spans = list(spans)
        self.span_starts = [q.start for q in self.spans]
        self.cues = list(cues)
        self.cue_starts = [c.start for c in self.cues]
        self.paragraphs = analysis.paragraphs
        self._semicolons: list[int] | None = None
        self._colon_quotes: list[tuple[int, int]] | None = None
        # Sentence start -> its bounds widened over the quotes straddling them.
        self._bounds: dict[int, tuple[int, int]] = {}

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
        if s is None:
            lo, hi = self._widened(pos, pos)
        else:
            # The same for every quote and cue of the sentence: worked out once (a sentence
            # of many short quotations would otherwise look at its edges at each of them).
            bounds = self._bounds.get(s.start)
            if bounds is None:
                start = s.start
                dateline = dateline_end(self.text, start, s.end)
                if dateline is not None:
                    start = _SPACES.match(self.text, dateline, s.end).end()
                bounds = self._bounds[s.start] = self._widened(start, s.end)
            lo, hi = bounds
        # The window starts on a multiple of its size, so that the cues of one long
        # "sentence" share a start (the mention finder reuses the tokens read from it).
        return max(lo, (pos // _SENTENCE_WINDOW - 1) * _SENTENCE_WINDOW), min(
            hi, pos + _SENTENCE_WINDOW
        )

    def _widened(self, lo: int, hi: int) -> tuple[int, int]:
        """``[lo, hi)`` (a sentence) widened over any quote that straddles its bounds."""
        for q in self._edge_spans(lo, hi):
            if q.open_at < lo <= q.end and q.paragraph == q.last_paragraph:
                lo = q.open_at
            if q.start < hi < q.outer_end and q.paragraph == q.last_paragraph:
                hi = max(hi, q.outer_end)
                nxt = self.analysis.sentence_at(hi)
                if nxt is not None and nxt.start < hi:
                    hi = nxt.end
        return lo, hi

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


# One character for which str.isalnum() is true (the stdlib's \w less the underscore).
_ALNUM = lazy_re(r"[^\W_]")


def _only_punct(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds no letter or digit (searched without copying the
    span, which may run to the end of a long paragraph)."""
    return _ALNUM.search(text, lo, hi) is None


def _all_quoted(text: str, q: QuoteSpan, lo: int, hi: int) -> bool:
    """Whether quotation ``q`` is all of ``text[lo:hi]`` but punctuation outside its marks:
    such content after a cue is a direct quote ('she said: “We will win.”')."""
    outside = text[lo : q.open_at] + text[q.outer_end : hi]
    return _only_punct(outside, 0, len(outside))


def _free(st: _State, lo: int, hi: int) -> bool:
    """Whether no attribution made so far overlaps ``[lo, hi)``."""
    return not st.overlaps(lo, hi)
