"""Stage 1: find quoted spans by pairing quote marks, paragraph by paragraph.

Marks are paired by class (double or single), not by glyph, so scraped text with mismatched
pairs (“… ») still pairs; each mark's direction comes from its context first (space before
and a letter after opens) and from its glyph second. Nothing here counts marks over the whole
article: an odd mark only ever affects its own paragraph.

>>> from quoteattr.backends.rules import RulesBackend
>>> from quoteattr._budget import Budget
>>> text = "“We are ready. »\\n\\nHe said it was ‘fine’ and O’Brien’s."
>>> [(s.text, s.closed) for s in find_spans(RulesBackend().analyse(text, Budget()), Budget())]
[('We are ready. ', True), ('fine', True)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from ._budget import MAX_SPANS, Budget, BudgetExceeded, LimitExceeded
from ._patterns import lazy_re
from .config import Config
from .lexicon.quote_marks import (
    ALL_MARKS,
    DOUBLE_CLOSERS,
    DOUBLE_MARKS,
    DOUBLE_OPENERS,
    OPEN_CONTEXT,
    SINGLE_CLOSERS,
    SINGLE_OPENERS,
)
from .model import Analysis

__all__ = ["QuoteSpan", "find_spans", "pair_plainly", "stands_alone"]

# (The standard library's ``re`` skips to a character set in C; ``regex`` tests the set at
# every character, which made this scan a third of the stage.)
_MARK = lazy_re("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")
# A word of a quotation, for its word count: ``[^\W_]`` is a letter or digit (the same as
# ``regex``'s ``[\p{L}\p{N}]`` for every character of the interpreter's Unicode). Written for
# ``re``: ``regex`` lets go of the interpreter lock at every word found, which cost more than
# the count.
_WORD = lazy_re(r"[^\W_]+(?:['’-][^\W_]+)*")

OPEN, CLOSE, EITHER = 1, 2, 3
_AFTER_CLOSE = frozenset(",.;:!?)]}—–-…/")


@attrs.frozen(slots=True, kw_only=True)
class QuoteSpan:
    """A stretch of text between paired quote marks.

    Attributes:
        start: Start of the content (after the opening mark).
        end: End of the content (before the closing mark, or the paragraph's end if unclosed).
        text: The content.
        fragments: One ``(start, end)`` per paragraph the quotation runs across.
        open_at: Offset of the opening mark.
        close_at: Offset of the closing mark, ``None`` if unclosed.
        paragraph: Index of the paragraph where it opens.
        last_paragraph: Index of the paragraph where it ends.
        double: Whether the marks are double (``“”``, or ``''`` typed as two apostrophes)
            rather than single (``‘’``).
        closed: Whether a closing mark was found.
        words: Number of words in the content.
        rules: Names of the pairing rules that produced it.
    """

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...]
    open_at: int
    close_at: int | None
    paragraph: int
    last_paragraph: int
    double: bool
    closed: bool
    words: int
    rules: tuple[str, ...]
    close_len: int = 1

    @property
    def outer_start(self) -> int:
        """Start including the opening mark."""
        return self.open_at

    @property
    def outer_end(self) -> int:
        """End including the closing mark (if any)."""
        return self.close_at + self.close_len if self.close_at is not None else self.end


def _direction(text: str, i: int, lo: int, hi: int, ch: str, width: int = 1) -> int:
    """Whether the mark at ``i`` (``width`` characters long) opens, closes or could do
    either, from context then glyph."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    left_open = prev.isspace() or prev in OPEN_CONTEXT or prev in ALL_MARKS
    right_open = nxt.isspace() or nxt in _AFTER_CLOSE or nxt in ALL_MARKS
    # Rule mark-direction-by-context: ` “word` opens and `word” ` closes whatever the glyph,
    # so German „…“ and »…« pair too.
    if left_open and not right_open:
        return OPEN
    if right_open and not left_open:
        return CLOSE
    # Rule mark-direction-by-glyph: spaced French guillemets « mot » keep their glyph's job.
    if ch in DOUBLE_OPENERS or ch in SINGLE_OPENERS:
        return OPEN
    if ch in DOUBLE_CLOSERS or ch in SINGLE_CLOSERS:
        return CLOSE
    return EITHER


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether a single mark is an apostrophe rather than a quote mark."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    # Rule apostrophe-inside-word: O’Brien, don’t, Jones’s.
    if prev.isalnum() and nxt.isalnum():
        return True
    # Rule apostrophe-elision: ’90s, ’til, rock ’n’ roll ("’n’" is never a quotation).
    if nxt.isdigit():
        return True
    if (prev.isspace() or i == lo) and text[i + 1 : i + 3].lower() in ("n’", "n'", "n "):
        return True
    return bool(prev.isalnum() and text[i - 2 : i].lower() in (" n", "’n", "'n"))


@attrs.define(slots=True)
class _Open:
    at: int
    double: bool
    paragraph: int
    fragments: list[tuple[int, int]]
    rules: list[str]
    width: int = 1


_RULE_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}


def _interned(rules: tuple[str, ...]) -> tuple[str, ...]:
    """One shared tuple per list of rules (there are a handful), not one per span."""
    return _RULE_TUPLES.setdefault(rules, rules) if len(_RULE_TUPLES) < 1024 else rules


def _emit(
    text: str,
    op: _Open,
    end: int,
    close_at: int | None,
    paragraph: int,
    rules: list[str],
    close_len: int = 1,
) -> QuoteSpan | None:
    frags = [(s, e) for s, e in (*op.fragments, (op.at + op.width, end)) if e > s]
    if not frags:
        return None
    # An empty last piece (a paragraph that is only an opening mark) ends nothing: the
    # content ends with the last non-empty piece.
    start, end = frags[0][0], frags[-1][1]
    content = text[start:end]
    words = len(_WORD.findall(content))
    # Rule single-quote-needs-words: ‘n’ or ‘s’ is not a quotation.
    if not op.double and words == 0:
        return None
    return QuoteSpan(
        start=start,
        end=end,
        text=content,
        fragments=tuple(frags),
        open_at=op.at if not op.fragments else frags[0][0] - 1,
        close_at=close_at,
        paragraph=paragraph - len(op.fragments),
        last_paragraph=paragraph,
        double=op.double,
        closed=close_at is not None,
        words=words,
        rules=_interned(tuple(op.rules + rules)),
        close_len=close_len,
    )


#: How many quotations may be open at once (nested) while pairing; news nests three at most.
_MAX_OPEN = 64


def _bound(stack: list[_Open], doubles: list[int]) -> None:
    """Rule open-marks-bounded: past :data:`_MAX_OPEN` open quotations (only a soup of
    unclosed marks gets there: "“a “a “a …"), the second oldest is forgotten, so that the
    outermost still spans its paragraph and memory stays bounded whatever the marks."""
    if len(stack) > _MAX_OPEN:
        del stack[1]
        doubles[:] = [k for k, o in enumerate(stack) if o.double]


def _pair_paragraph(
    text: str,
    marks: Iterable[int],
    lo: int,
    hi: int,
    p: int,
    next_start: int | None,
    carry: _Open | None,
    out: list[QuoteSpan],
    config: Config,
    budget: Budget,
    at: list[int],
) -> _Open | None:
    """Pair the marks of paragraph ``p``; return a quote left open to continue, if any.

    Checks the budget at every mark (raises :class:`BudgetExceeded`), keeping in ``at[0]``
    the offset of the mark being paired."""
    check = budget.check
    stack: list[_Open] = []
    # Indices in ``stack`` of its double marks, so the innermost open double mark is found
    # without a scan of the stack (a run of unclosed single marks made pairing quadratic).
    doubles: list[int] = []
    if carry is not None:
        stack.append(carry)
        doubles.append(0)  # a carried quotation is always a double one
    skip = -1
    for i in marks:
        at[0] = i
        check()
        if len(out) >= MAX_SPANS:
            raise LimitExceeded(f"more than {MAX_SPANS:,} quote spans")
        if i <= skip:
            continue
        ch = text[i]
        double = ch in DOUBLE_MARKS
        width = 1
        if ch == "'" and text[i + 1 : i + 2] == "'":
            # Rule two-apostrophes-are-double: ''typed like this'' is a double quotation.
            double, width, skip = True, 2, i + 1
        if not double and _is_apostrophe(text, i, lo, hi):
            continue
        d = _direction(text, i, lo, hi, ch, width)
        if carry is not None and stack and stack[0] is carry and i == lo and double:
            # Rule continued-paragraph: the mark opening a paragraph inside a running
            # quotation re-opens it ("“First part.\n\n“Second part,” she said.").
            carry.at, carry.width = i, width
            carry.rules.append("multi-paragraph")
            continue
        top_double = doubles[-1] if doubles else None
        if double:
            if top_double is not None and (d != OPEN or stack[top_double].at == i - 1):
                op = stack[top_double]
                del stack[top_double:]
                doubles.pop()
                q = _emit(text, op, i, i, p, ["paired-marks"], width)
                if q is not None and (len(stack) == 0):
                    out.append(q)
            elif d != CLOSE:
                doubles.append(len(stack))
                stack.append(_Open(i, True, p, [], [], width))
                _bound(stack, doubles)
            # Rule stray-closer-ignored: a closing mark with nothing open is left alone.
        else:
            top = stack[-1] if stack else None
            if d == CLOSE or (d == EITHER and top is not None and not top.double):
                if top is not None and not top.double:
                    stack.pop()
                    q = _emit(text, top, i, i, p, ["paired-single-marks"])
                    if q is not None and not stack:
                        out.append(q)
            elif d == OPEN:
                stack.append(_Open(i, False, p, [], []))
                _bound(stack, doubles)
    # What is still open at the paragraph's end.
    bottom = stack[0] if stack else None
    if bottom is None or not bottom.double:
        return None
    nxt_para_opens = next_start is not None and (
        (text[next_start] in DOUBLE_MARKS and text[next_start] not in DOUBLE_CLOSERS)
        or text.startswith("''", next_start)
    )
    at_para_start = bottom.at == lo
    if at_para_start and nxt_para_opens and len(bottom.fragments) + 1 < config.max_quote_paragraphs:
        bottom.fragments.append((bottom.at + bottom.width, hi))
        return bottom
    # Rule unclosed-bounded-at-paragraph: an unclosed quotation ends with its paragraph and
    # never runs on into the article.
    q = _emit(text, bottom, hi, None, p, ["unclosed-bounded-at-paragraph"])
    if q is not None:
        out.append(q)
    return None


def find_spans(
    analysis: Analysis, budget: Budget, config: Config | None = None
) -> tuple[QuoteSpan, ...]:
    """Quoted spans of the text, outermost only, in text order.

    Nested quotations stay inside their outer quotation's content. A quotation running over
    several paragraphs (each opening with a mark, only the last closing) is one span with a
    fragment per paragraph.

    The budget is checked at every mark. If it runs out, the text is cut at the paragraph
    being paired (see :meth:`Budget.stop <quoteattr._budget.Budget.stop>`) and the paragraphs
    from there on are paired plainly by :func:`pair_plainly`; paragraphs already cut by an
    earlier stage are paired plainly too.
    """
    config = config or Config()
    text = analysis.text
    paras = analysis.paragraphs
    out: list[QuoteSpan] = []
    carry: _Open | None = None
    for p, (lo, hi) in enumerate(paras):
        if not budget.keeps(lo):
            _close_carry(text, carry, p, out)
            carry = None
            if budget.cut is not None and lo >= budget.cut:
                out.extend(pair_plainly(text, paras, p, config))
                break
            pair_plainly_paragraph(text, lo, hi, p, out, config)
            continue
        first = _MARK.search(text, lo, hi)
        if first is None and carry is None:
            continue
        marks = (m.start() for m in _MARK.finditer(text, first.start() if first else hi, hi))
        next_start = paras[p + 1][0] if p + 1 < len(paras) else None
        saved = (carry.at, carry.width, len(carry.rules)) if carry is not None else None
        at = [lo]  # the mark being paired
        n = len(out)
        try:
            carry = _pair_paragraph(
                text, marks, lo, hi, p, next_start, carry, out, config, budget, at
            )
        except BudgetExceeded as exc:
            budget.stop("quote pairing", at[0], reason=getattr(exc, "reason", None))
            cut = budget.cut if budget.cut is not None else lo
            if cut <= lo:
                if carry is not None and saved is not None:  # undo a continuation begun here
                    carry.at, carry.width = saved[0], saved[1]
                    del carry.rules[saved[2] :]
                _close_carry(text, carry, p, out)
                out = [q for q in out if q.open_at < lo]
            else:  # a long paragraph is cut at the mark: what was paired before it stays
                if carry is not None and not any(q.open_at < lo for q in out[n:]):
                    _close_carry(text, carry, p, out)
                out = [q for q in out if q.open_at < cut]
                pair_plainly_paragraph(text, cut, hi, p, out, config)
                p += 1
            out.extend(pair_plainly(text, paras, p, config))
            break
    out.sort(key=lambda q: q.start)
    return tuple(out)


def _close_carry(text: str, carry: _Open | None, p: int, out: list[QuoteSpan]) -> None:
    """End a quotation carried into paragraph ``p`` at the end of the paragraph before, when
    ``p`` is not paired normally (rule unclosed-bounded-at-paragraph)."""
    if carry is None or not carry.fragments:
        return
    _, end = carry.fragments.pop()
    q = _emit(text, carry, end, None, p - 1, ["unclosed-bounded-at-paragraph"])
    if q is not None:
        out.append(q)


def stands_alone(q: QuoteSpan, config: Config) -> bool:
    """Whether a span could be a quotation with no cue: enough words, or a sentence of its
    own (the test of the attribution stage's rule short-quote-is-term).

    >>> from quoteattr.backends.rules import RulesBackend
    >>> a = RulesBackend().analyse("“No.” ‘the deal’")
    >>> [stands_alone(q, Config()) for q in find_spans(a, Budget())]
    [True, False]
    """
    stripped = q.text.strip()
    return q.words >= config.min_quote_words or (
        stripped[:1].isupper() and stripped[-1:] in (".", "!", "?", ",")
    )


def pair_plainly(
    text: str, paragraphs: Sequence[tuple[int, int]], first: int, config: Config
) -> list[QuoteSpan]:
    """The fallback of :func:`find_spans` for paragraphs ``first`` on, past a cut: each run
    through one paragraph in linear time, with no budget, keeping only the spans that can be
    quotations on their own (the rest of the text is not attributed, so a short span could
    never become one); its memory is that of the spans it keeps.

    >>> from quoteattr.backends.rules import RulesBackend
    >>> a = RulesBackend().analyse("“We will build the bridge,” she said. “No.” ‘x’")
    >>> [q.text for q in pair_plainly(a.text, a.paragraphs, 0, Config())]
    ['We will build the bridge,', 'No.']
    """
    out: list[QuoteSpan] = []
    for p in range(first, len(paragraphs)):
        lo, hi = paragraphs[p]
        pair_plainly_paragraph(text, lo, hi, p, out, config)
    return out


def pair_plainly_paragraph(
    text: str, lo: int, hi: int, p: int, out: list[QuoteSpan], config: Config
) -> None:
    """:func:`pair_plainly` for one paragraph: a double mark that can open opens (again),
    any other double mark closes; single marks are left alone."""
    op: _Open | None = None
    skip = -1
    for m in _MARK.finditer(text, lo, hi):
        i = m.start()
        if i <= skip:
            continue
        ch, width = text[i], 1
        if ch == "'" and text[i + 1 : i + 2] == "'":
            width, skip = 2, i + 1
        elif ch not in DOUBLE_MARKS:
            continue
        d = _direction(text, i, lo, hi, ch, width)
        if op is None or d == OPEN:
            if d != CLOSE:
                op = _Open(i, True, p, [], [], width)
            continue
        q = _emit(text, op, i, i, p, ["paired-marks"], width)
        op = None
        if q is not None and stands_alone(q, config):
            out.append(q)
    if op is not None:
        q = _emit(text, op, hi, None, p, ["unclosed-bounded-at-paragraph"])
        if q is not None and stands_alone(q, config):
            out.append(q)
