"""Paragraphs and sentences by named regex rules: the segmentation every backend shares.

It never changes the text; every boundary is an offset into the original. The ``rules``
backend (:mod:`quoteattr.backends.rules`, which re-exports :func:`paragraph_spans` and
:func:`sentence_spans`) is this module alone; the stanza backend puts its parsed words into
these sentences. It imports nothing of :mod:`quoteattr.model`, so the model's own
constructors can use it.

>>> paragraphs, sentences, warnings = segment("Sen. Warren spoke. “Yes,” she said.\\n\\nNo.")
>>> paragraphs, [(s.start, s.end, s.paragraph) for s in sentences], warnings
(((0, 35), (37, 40)), [(0, 18, 0), (19, 35, 0), (37, 40, 1)], ())
"""

from __future__ import annotations

from ._budget import Budget, BudgetExceeded
from ._patterns import lazy_re, lazy_regex
from .dateline import dateline_end
from .lexicon.abbreviations import ABBREVIATIONS
from .tokens import Sentence

__all__ = ["paragraph_spans", "segment", "sentence_spans"]

# Rule terminal-punctuation: a sentence may end after . ! ? or … (or a run of them),
# optionally followed by closing quote marks and brackets, then whitespace.
# Example: “Really?” | He laughed.
# (Written for the standard library's ``re``, which skips to the opening character set in
# C: the scan is linear and about twice as fast as with ``regex``. The set is written once
# before its repeat, ``[.!?…][.!?…]*`` rather than ``[.!?…]+``: ``re`` skips ahead only to
# a pattern that opens with a plain set, and tried a match at every character otherwise.)
_CANDIDATE = lazy_re(r"""[.!?…][.!?…]*['"’”»›)\]]*(?:\s[»”](?!\S))?(?=\s|$)""")

# The word before a full stop: used by the abbreviation rules.
_WORD_BEFORE = lazy_regex(r"(?:[\p{L}\p{N}]\.)*[\p{L}\p{N}'’-]*\.?$")

# Rule next-must-start-sentence: after the candidate and its spaces must come an upper-case
# letter, a digit, or an opening quote or bracket. Example: “…?” she asked -- no boundary.
_STARTER = lazy_regex(r"""\s+(?=[\p{Lu}\p{Lt}\p{N}"'“‘„«»(\[¿¡—–-])""")


def paragraph_spans(text: str, budget: Budget | None = None) -> list[tuple[int, int]]:
    """Half-open spans of the non-empty paragraphs of ``text``.

    Rule paragraph-at-line-break: a paragraph ends at any line break (``\\n``, ``\\r``,
    ``\\r\\n`` and the other breaks ``str.splitlines`` knows: form feed, U+2028, ...);
    blank lines and white space between paragraphs belong to none. ``str`` methods alone
    do it, in linear time, so ``budget`` is not needed (it is accepted for symmetry).

    >>> paragraph_spans("One.\\n\\n Two.")
    [(0, 4), (7, 11)]
    """
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        # ``str.lstrip``/``rstrip`` strip what ``str.isspace`` calls white space, in C.
        n = len(line)
        core = line.rstrip()
        if core:
            spans.append((pos + len(core) - len(core.lstrip()), pos + len(core)))
        pos += n
    return spans


# Words that open sentences often enough that, after a dotted abbreviation, they start a
# new sentence: "in the U.S. The vote", "at 9 a.m. Then".
_OPENERS = frozenset(
    "the a an in it he she they we i but and this that there on at for after as when while "
    "if then his her their our its so yet still however meanwhile".split()
)
_NEXT_WORD = lazy_regex(r"\s+([\p{L}\p{N}]+)")


def _next_word(text: str, stop: int) -> str:
    """The word after the full stop at ``stop`` ("" if none within 40 characters)."""
    nxt = _NEXT_WORD.match(text, stop + 1, stop + 40)
    return nxt.group(1) if nxt else ""


def _is_abbreviation(text: str, para_start: int, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation or initial, not a sentence."""
    lo = max(para_start, stop - 20)
    # The word cannot hold a space, so the search starts after the last one: the same
    # match, without a failed attempt at every position of the words before it.
    lo = max(lo, text.rfind(" ", lo, stop) + 1)
    m = _WORD_BEFORE.search(text, lo, stop + 1)
    word = m.group() if m else ""
    core = word.rstrip(".").replace(".", "").lower()
    if not core:
        return False
    # Rule number-abbreviation: "No. 10" abbreviates only before a number; "said no. Then"
    # ends a sentence.
    if core in ("no", "nos"):
        return _next_word(text, stop)[:1].isdigit()
    # Rule initial-is-not-boundary: a single capital letter, "J. Edgar Hoover".
    if len(core) == 1 and core.isalpha():
        return True
    # Rule dotted-abbreviation: "U.S.", "a.m." -- letters separated by stops.
    if "." in word.rstrip(".") and len(core) <= 4:
        # Rule dotted-abbreviation-at-end: "in the U.S. The vote" does end a sentence when
        # the next word is a common sentence opener; otherwise it stays joined.
        next_word = _next_word(text, stop)
        if next_word[:1].isupper() and next_word.lower() in _OPENERS:
            return False
        return core in ABBREVIATIONS or word[:1].isupper()
    # Rule abbreviation-is-not-boundary: "Sen.", "Jan.", "Inc.".
    return core in ABBREVIATIONS


# Rule dateline: a wire story's dateline opening one of the first paragraphs is a sentence of
# its own, so the first sentence (and any content read back to its start) begins after it:
# "WASHINGTON —", "SAN FRANCISCO (AP) —", "BRUSSELS, Dec 3 (Reuters) -", "Washington (CNN)",
# "Paris, France —", "NEW DELHI:". What a dateline is: quoteattr.dateline.
#: Paragraphs a dateline may open: the first few (a headline and a standfirst may come first).
DATELINE_PARAGRAPHS = 3


def sentence_spans(
    text: str, start: int, end: int, budget: Budget, dateline: bool = False
) -> list[tuple[int, int]]:
    """Sentence spans inside the paragraph ``text[start:end]``; with ``dateline``, a
    dateline opening it is a sentence of its own (rule dateline).

    >>> t = "He met Mr. Smith in the U.S. on Jan. 5. “Was it late?” she asked. No."
    >>> [t[s:e] for s, e in sentence_spans(t, 0, len(t), Budget())]
    ['He met Mr. Smith in the U.S. on Jan. 5.', '“Was it late?” she asked.', 'No.']
    >>> t = "BRUSSELS, Dec 3 (Reuters) - Talks failed, Ana Ruiz said."
    >>> [t[s:e] for s, e in sentence_spans(t, 0, len(t), Budget(), dateline=True)]
    ['BRUSSELS, Dec 3 (Reuters) -', 'Talks failed, Ana Ruiz said.']
    """
    out = []
    sent_start = start
    budget.timeout()
    if dateline:
        stop = dateline_end(text, start, end)
        if stop is not None:
            out.append((start, stop))
            sent_start = stop
            while sent_start < end and text[sent_start] in " \t":
                sent_start += 1
    for m in _CANDIDATE.finditer(text, start, end):
        budget.check()
        stop = m.end()
        if stop >= end:
            continue  # the paragraph's end: no next sentence in it
        nxt = _STARTER.match(text, stop, end)
        if nxt is None:
            continue
        if (
            text[m.start()] == "."
            and m.end() - m.start() == 1
            and _is_abbreviation(text, start, m.start())
        ):
            continue
        out.append((sent_start, stop))
        sent_start = nxt.end()
    if sent_start < end:
        out.append((sent_start, end))
    return out


def segment(
    text: str, budget: Budget | None = None
) -> tuple[tuple[tuple[int, int], ...], tuple[Sentence, ...], tuple[str, ...]]:
    """The paragraph spans, the sentences and the warnings of ``text``.

    If the time budget runs out, the rest of the text becomes one sentence per paragraph
    and a warning is recorded.
    """
    budget = budget or Budget()
    paragraphs = paragraph_spans(text)
    budget.attach(paragraphs)
    sentences: list[Sentence] = []
    for i, (ps, pe) in enumerate(paragraphs):
        if not budget.keeps(ps):  # past a cut: left whole, it will not be read
            spans = [(ps, pe)]
        else:
            try:
                spans = sentence_spans(text, ps, pe, budget, i < DATELINE_PARAGRAPHS)
            except BudgetExceeded:
                budget.stop("sentence segmentation", ps)
                spans = [(ps, pe)]
            except TimeoutError:
                budget.warn(
                    f"sentence segmentation of paragraph {i + 1} ran out of time; kept it whole",
                    kind="sentence segmentation",
                )
                spans = [(ps, pe)]
        sentences.extend(Sentence(start=s, end=e, paragraph=i) for s, e in spans)
    return tuple(paragraphs), tuple(sentences), tuple(budget.warnings)
