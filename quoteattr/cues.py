"""Stage 2: find the cues of attribution (reporting verbs, "according to") outside quotes.

A cue is where an attribution hangs: the speaker stands next to it and the content follows
or precedes it. Cues inside a quotation are the quoted speaker's own words and are skipped.

>>> from quoteattr.backends.rules import RulesBackend
>>> from quoteattr._budget import Budget
>>> a = RulesBackend().analyse("Officials said the report was late.", Budget())
>>> [(c.text, c.lemma, c.form) for c in find_cues(a, (), Budget())]
[('said', 'say', 'past')]
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
import regex

from . import syntax
from ._budget import (
    CUE_STRETCH,
    MAX_CUE_RUN,
    MAX_CUES,
    Budget,
    BudgetExceeded,
    LimitExceeded,
)
from ._patterns import lazy_regex, one_of
from .config import Config
from .lexicon.clauses import ARTICLES_AND_POSSESSIVES
from .lexicon.not_quotes import REFUSAL_VERBS
from .lexicon.people import LY_NOUNS
from .lexicon.reporting_verbs import (
    ACCORDING_TO,
    BELIEF,
    EXTRA_FORMS,
    HEARER_FIRST,
    IRREGULAR_FORMS,
    NOT_BEFORE_VERB,
    NOUN_LIKE_FORMS,
    SPEECH_ABOUT,
    SPEECH_CLAUSE,
    SPEECH_OBJECT,
    SPEECH_TARGET,
    STRESSED_LAST_SYLLABLE,
)
from .lexicon.roles import (
    DOCUMENT_NOUNS,
    GENDERED_ROLES,
    ORGANIZATION_NOUNS,
    QUANTITY_NOUNS,
    SOURCE_NOUNS,
    TITLES,
)
from .lexicon.verb_context import (
    ADVERBIAL_OPENERS,
    BASE_FORM_SUBJECTS,
    BE_FORMS,
    IRREGULAR_PLURALS,
    PARTICIPLE_OPENERS,
    PASSIVE_AUXILIARIES,
    PROGRESSIVE_AUXILIARIES,
    SKIPPED_ADVERBS,
    THIRD_PERSON_SUBJECTS,
)
from .model import Analysis
from .quotes import QuoteSpan

__all__ = ["Cue", "find_cues", "inflect"]

_VOWELS = frozenset("aeiou")


def _doubles(lemma: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing: one vowel before one final
    consonant in a one-syllable verb ("slam", "beg"), or a verb listed as stressed on its
    last syllable ("refer", "admit")."""
    if lemma in STRESSED_LAST_SYLLABLE:
        return True
    vowels = [i for i, ch in enumerate(lemma) if ch in _VOWELS]
    return (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS
        and lemma[-1] not in "wxy"
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
        and len(vowels) == 1
    )


def inflect(lemma: str) -> dict[str, str]:
    """The regular (or listed irregular) forms of a verb, by form name.

    >>> inflect("deny")
    {'base': 'deny', 'third': 'denies', 'past': 'denied', 'participle': 'denied', 'ing': 'denying'}
    >>> inflect("say")["past"]
    'said'
    >>> inflect("slam")["past"], inflect("refer")["ing"]
    ('slammed', 'referring')
    """
    if lemma in IRREGULAR_FORMS:
        third, past, participle, ing = IRREGULAR_FORMS[lemma]
        return {"base": lemma, "third": third, "past": past, "participle": participle, "ing": ing}
    if lemma.endswith("y") and lemma[-2] not in _VOWELS:
        third, past, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith("e"):
        third, past = lemma + "s", lemma + "d"
        ing = lemma[:-1] + "ing" if not lemma.endswith("ee") else lemma + "ing"
    else:
        third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
        stem = lemma + lemma[-1] if _doubles(lemma) else lemma
        past, ing = stem + "ed", stem + "ing"
    return {"base": lemma, "third": third, "past": past, "participle": past, "ing": ing}


@attrs.frozen(slots=True, kw_only=True)
class Cue:
    """A word or phrase that signals an attribution.

    Attributes:
        start: Start offset.
        end: End offset.
        text: The cue as written ("said", "according to").
        lemma: Dictionary form ("say"), or the phrase itself for phrases.
        form: ``"base"``, ``"third"``, ``"past"``, ``"participle"``, ``"ing"`` or
            ``"phrase"``.
        frame: What the cue takes: ``"clause"`` (say that ...), ``"direct"`` (only a
            quotation next to it: "she continued"), ``"hearer"`` (tell X that
            ...), ``"target"`` (accuse X of ...), ``"object"`` (call X Y), ``"about"``
            (speaking of ...), ``"belief"`` (believe ...), or ``"according"`` (according to
            X, ...).
        sentence: Index of its sentence in the analysis.
        rules: Names of the rules that accepted it.
    """

    start: int
    end: int
    text: str
    lemma: str
    form: str
    frame: str
    sentence: int
    rules: tuple[str, ...] = ()

    @property
    def is_speech(self) -> bool:
        """Whether the cue reports speech or writing (not belief or finding)."""
        return self.frame != "belief"


def _cue(m: regex.Match[str], lemma: str, form: str, frame: str, sentence: int, rule: str) -> Cue:
    """The cue that the match ``m`` found, read as ``lemma`` in ``form`` with ``frame``, in
    sentence ``sentence``, by the rule ``rule``."""
    return Cue(
        start=m.start(),
        end=m.end(),
        text=m.group(),
        lemma=lemma,
        form=form,
        frame=frame,
        sentence=sentence,
        rules=(rule,),
    )


# One string per cue word as written, and one tuple per rule: shared by the cues (a long
# article has hundreds of thousands, nearly all "said" by "cue-reporting-verb").
_SHARED: dict[Any, Any] = {}


def _shared(x: Any) -> Any:
    return _SHARED.setdefault(x, x) if len(_SHARED) < 4096 else x


def _cue_at(
    start: int,
    end: int,
    text: str,
    lemma: str,
    form: str,
    frame: str,
    sentence: int,
    rule: str,
) -> Cue:
    """:func:`_cue` from the match's offsets and text."""
    return Cue(
        start=start,
        end=end,
        text=_shared(text),
        lemma=lemma,
        form=form,
        frame=frame,
        sentence=sentence,
        rules=_shared((rule,)),
    )


def _build_forms() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Map each word form to its readings ``(lemma, form, frame)``."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    frames = [
        (SPEECH_CLAUSE - HEARER_FIRST, "clause"),
        (HEARER_FIRST, "hearer"),
        (SPEECH_TARGET, "target"),
        (SPEECH_OBJECT, "object"),
        (SPEECH_ABOUT, "about"),
        (BELIEF - SPEECH_CLAUSE, "belief"),
    ]
    for lemmas, frame in frames:
        for lemma in sorted(lemmas):
            forms = inflect(lemma)
            for name, word in forms.items():
                table.setdefault(word, []).append((lemma, name, frame))
            for extra in EXTRA_FORMS.get(lemma, ()):
                table.setdefault(extra, []).append((lemma, "past", frame))
    for phrase in ACCORDING_TO:
        table[phrase] = [(phrase, "phrase", "according")]
    return {k: tuple(v) for k, v in table.items()}


#: Every cue form, mapped to its readings.
FORMS = _build_forms()


@functools.cache
def _cue_re() -> Any:
    """The cue pattern, compiled on first use: its word list takes some 25 ms to compile, and
    :func:`_cue_matches` needs it only for rare words ("ſaid") and to check itself in tests."""
    return regex.compile(
        r"(?<![\p{L}\p{N}'’-])(?:according\s+to|\L<forms>)(?![\p{L}\p{N}'’-])",
        regex.IGNORECASE,
        forms=[f for f in FORMS if " " not in f],
    )


# Searched in reverse ((?r)): the same match as a forward search, without trying every start.
_PREV_WORD = lazy_regex(r"(?r)([\p{L}'’]+|\d+|%|,|(?<=\s)[—–])\s*$")
# A comma inside a closing quotation mark, as American style writes it: "“fair,” adding".
_COMMA_IN_CLOSING_MARK = lazy_regex(r",(?:''|[”\"’'])\s*$")
# Runs of the characters the cue pattern treats as word-internal. A cue match always spans a
# whole run (or starts one, for "according to"), so only runs that spell a cue form can match;
# that keeps its big case-insensitive word list off ordinary words (2.4x faster overall).
# Non-ASCII runs go to the pattern, which folds case as it does; an ASCII run that spells a
# form inside the sentence is a match already. IGNORECASE keeps the class equal to the
# pattern's (it then also holds U+0345).
_RUN = lazy_regex(r"[\p{L}\p{N}'’-]+", regex.IGNORECASE)
_WORD_CHAR = lazy_regex(r"[\p{L}\p{N}'’-]", regex.IGNORECASE)
_CUE_WORDS = frozenset(f for f in FORMS if " " not in f) | {"according"}
_CUE_BYTES = frozenset(w.encode("ascii") for w in _CUE_WORDS)
# Bytes a-z stay, every other byte becomes a space.
_ONLY_LETTERS = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
# The only non-ASCII letters that the cue pattern's case folding matches to ASCII ones (İ, ſ, K).
_FOLDS_TO_ASCII = "\u0130\u017f\u212a"
# The ASCII characters outside the pattern's word class (everything but letters, digits, "'"
# and "-").
_NOT_WORD_ASCII = frozenset(chr(c) for c in range(128) if not _WORD_CHAR.match(chr(c)))
_ACCORDING_TO = lazy_regex(r"according\s+to(?![\p{L}\p{N}'’-])", regex.IGNORECASE)

# "announced by Belarus" is passive; "said by telephone" is not. Matched in a window of
# _BY_WINDOW characters after the cue: without an end, regex first looks for "by" all the way
# to the end of the text, at every cue (quadratic: 'A "B" said C. ' * N).
_BY_WINDOW = 80
_BY = lazy_regex(
    r"\s+by\b(?!\s+(?:telephone|phone|email|e-mail|text|video|satellite|letter|mail|"
    r"videoconference|conference\s+call|way\s+of)\b)"
)

# "as" (and an adverb of time) right before a participle: "As reported", "as first reported".
_AS_BEFORE = lazy_regex(
    r"(?r)(?:^|[,;(—–]\s{0,4}|\A\s{0,4})(?P<as>[Aa]s)\s{1,4}"
    r"(?:(?:first|originally|previously|earlier|also|widely)\s{1,4})?$"
)

_MAKE_CLEAR = lazy_regex(r"\b(makes?|made|making)\s+(?:it\s+)?(?:very\s+)?clear\b", regex.I)

# "continued", "went on": verbs that report speech only next to a quotation (rule
# continuation-cue), and "went on to say" (rule cue-went-on-to).
_CONTINUATION = lazy_regex(
    r"\b(?:continu(?P<c>ed|es|ing|e)|(?P<go>went|goes|going)\s+on)"
    r"(?P<to>\s+to\s+(?P<verb>say|add|note|argue|claim|write|tell|insist|warn|call|describe"
    r"|explain|suggest|predict|declare|accuse|praise|criticize|blame|promise|ask|urge))?\b"
)
# A quotation opening right after the cue: "continued: “", "went on, “".
_QUOTE_NEXT = lazy_regex(r"\s*(?:[,:]\s*)?[“\"‘«„]")
# A quotation closed right before the cue's subject: "“…,” he continued", "“…,” continued Ruiz".
_QUOTE_BEFORE = lazy_regex(r"(?r)[,?!.]?[”\"’»][,]?\s+(?:[\p{L}.’'-]+\s+){0,4}$")
# What follows a cue after a quotation: the sentence end, a comma, or an inverted subject.
_AFTER_QUOTE_CUE = lazy_regex(r"\s*[.,;!?]|\s+(?:\p{Lu}|the\b|a\b|an\b)")

# After such a plural, a form that is also a noun ("report", "show") is a verb only before
# "that" or the opening of a clause: "Data show the firm ...", not "the police report said".
_CLAUSE_NEXT = lazy_regex(r"\s+(?:that|the|a|an|he|she|they|it|we|no|his|her|their)\s")

#: Pronouns contracted with "is": "he’s saying".
_CONTRACTED_IS = frozenset(
    p + a + "s" for p in ("he", "she", "it", "that", "who", "there") for a in ("'", "’")
)

_OBJECT_PRONOUNS = frozenset("him her them me us".split())
# A preposition and an object pronoun right before a cue: "close to her", "around him".
_PREPOSITION_OBJECT = lazy_regex(
    r"(?r)\b(?:to|around|with|near|behind|like|among|beside|for)\s{1,4}(?:him|her|them|me|us)"
    r"\s{1,4}$",
    regex.I,
)


def is_source_noun(word: str) -> bool:
    """Whether ``word`` (lower case) is a noun that can head a source: "report", "critics".

    >>> is_source_noun("critics"), is_source_noun("show")
    (True, False)
    """
    stem = word[:-1] if word.endswith("s") else word
    return any(
        w in SOURCE_NOUNS
        or w in ORGANIZATION_NOUNS
        or w in DOCUMENT_NOUNS
        or w in TITLES
        or w in GENDERED_ROLES
        for w in (word, stem)
    )


# A passive auxiliary, then negation or an adverb, before the participle: "is not expected",
# "isn’t expected", "was widely seen" (rule cue-not-passive).
_PASSIVE_THEN_ADVERB = lazy_regex(
    r"(?r)\b(?:" + one_of(BE_FORMS) + r"\s+(?:not|never|[a-z]{2,20}ly)"
    r"|(?:wasn|weren|isn|aren)[’']t)\s+$",
    regex.I,
)


def _previous_word(text: str, lo: int, at: int) -> str:
    """The word before ``at`` as written, stepping over adverbs such as "also"; a comma
    inside a closing quotation mark reads as the comma (``'“fair,” adding'``)."""
    near = max(lo, at - 8)
    if text.find(",", near, at) != -1 and _COMMA_IN_CLOSING_MARK.search(text, near, at):
        return ","
    for _ in range(3):
        m = _PREV_WORD.search(text, max(lo, at - 40), at)
        if not m:
            return ""
        word: str = m.group(1)
        low = word.lower()
        if low in SKIPPED_ADVERBS or (low.endswith("ly") and len(low) > 4 and low not in LY_NOUNS):
            at = m.start()
            continue
        return word
    return ""


class _Found:
    """A cue word found without the cue pattern, read like the match it would give."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


def _cue_matches(text: str, lo: int, hi: int, budget: Budget) -> Iterator[Any]:
    """The matches of the cue pattern (:func:`_cue_re`) in ``text[lo:hi]``, each with
    ``start()``, ``end()`` and ``group()``, as its ``finditer`` finds them, but fast: the
    pattern is slow at every position (a big case-insensitive word list), so it only sees
    words with letters that fold to ASCII ("ſaid").

    >>> [m.group() for m in _cue_matches("He said, according to  Ana, that", 0, 33, Budget())]
    ['said', 'according to']
    """
    budget.check()  # raises once the document's time is spent
    seg = text[lo:hi]
    low = seg.lower()
    if len(low) != len(seg) or any(c in seg for c in _FOLDS_TO_ASCII):
        yield from _cue_matches_by_run(text, lo, hi, budget)
        return
    # With no letter that folds to ASCII, a cue is an ASCII word of the lower-cased text:
    # bytes with every other character as a space (one byte per character) find those words
    # in C; each must then be a whole run of the pattern's word characters.
    letters = low.encode("ascii", "replace").translate(_ONLY_LETTERS)
    found = []
    n = len(seg)
    for word in _CUE_BYTES.intersection(letters.split()):
        p = letters.find(word)
        while p != -1:
            q = p + len(word)
            # (An ASCII character next to the word is of the pattern's word class only if
            # it is a letter, a digit, an apostrophe or a hyphen: no need to ask the pattern.)
            if (q == n or seg[q] in _NOT_WORD_ASCII or not _WORD_CHAR.match(seg, q)) and (
                p == 0 or seg[p - 1] in _NOT_WORD_ASCII or not _WORD_CHAR.match(seg, p - 1)
            ):
                found.append((p, q))
            p = letters.find(word, q)
    found.sort()
    last = 0
    for p, q in found:
        if p < last:
            continue
        if p == 0 and lo > 0 and _WORD_CHAR.match(text, lo - 1):
            continue  # the word goes on from before ``lo``
        if low[p:q] == "according":
            m = _ACCORDING_TO.match(text, lo + p, hi, timeout=budget.timeout())
            if m is None:
                continue
            last = m.end() - lo
            yield m
        else:
            last = q
            yield _Found(text, lo + p, lo + q)


def _cue_matches_by_run(text: str, lo: int, hi: int, budget: Budget) -> Iterator[Any]:
    """:func:`_cue_matches` for text with letters that fold to ASCII ("ſ"): run by run."""
    last = lo
    for run in _RUN.finditer(text, lo, hi, timeout=budget.timeout()):
        w = run.group()
        if run.start() < last or (w.isascii() and w.lower() not in _CUE_WORDS):
            continue
        m = run
        if not w.isascii() or run.start() == lo or w.lower() == "according":
            m = _cue_re().match(text, run.start(), hi, timeout=budget.timeout())
            if m is None:
                continue
        last = m.end()
        yield m


#: A sentence longer than this is scanned for cues piece by piece (see :func:`_pieces`).
_PIECE = 65_536
_SPACE_RUN = lazy_regex(r"\s+")


def _pieces(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """``[lo, hi)`` cut at white space into pieces of about :data:`_PIECE` characters, so
    that the cue scan of a "sentence" of megabytes (text with no stops) holds one piece's
    copies at a time, not the sentence's. A cut never falls inside a word, nor after
    "according" (whose "to" follows); a stretch with no white space stays whole.

    >>> t = "a " * 32_764 + "according to b " + "c " * 20_000
    >>> pieces = list(_pieces(t, 0, len(t)))
    >>> pieces
    [(0, 65541), (65541, 105543)]
    >>> t[65528:65541]
    'according to '
    >>> list(_pieces("x" * 100_000, 0, 100_000))
    [(0, 100000)]
    """
    while hi - lo > _PIECE:
        cut = None
        for m in _SPACE_RUN.finditer(text, lo + _PIECE, min(hi, lo + _PIECE + 4096)):
            if not text[max(lo, m.start() - 9) : m.start()].lower().endswith("according"):
                cut = m.end()
                break
        if cut is None or cut >= hi:
            break
        yield lo, cut
        lo = cut
    yield lo, hi


_TITLE_WORD = lazy_regex(r"[\p{L}][\p{L}'’-]*")


def is_title_case(text: str, lo: int, hi: int) -> bool:
    """Whether a sentence is a headline in Title Case ("Rubio Says He Will Run").

    >>> is_title_case("Obama Seeks More Votes As He Tours Ohio", 0, 39)
    True
    """
    words = _TITLE_WORD.findall(text, lo, min(hi, lo + 300), concurrent=False)
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return False
    capitals: int = sum(w[0].isupper() for w in long_words)
    return capitals >= 0.8 * len(long_words)


def _inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# Rule base-form-needs-subject is waived for the surest verbs of saying: "Police say",
# "Aides to Clinton say", "Mr. King and Mr. Schultz say", "many of whom say" -- unless the
# word before is one after which no subject ends ("a say", "to say", "of say").
_PLAIN_SUBJECT_VERBS = frozenset("say tell add write insist argue claim warn note".split())
_NOT_SUBJECT_END = NOT_BEFORE_VERB | frozenset(
    "to of for in on at by with from and or but as than let just only also not".split()
)
# A capitalised participle, its clause (no stop) and the comma that ends it.
_OPENING_PARTICIPLE = lazy_regex(r"\p{Lu}\p{Ll}+ing\s[^.;:!?“”\"\n]{6,200}?,\s")
# "with" and a noun phrase of no verb right before a participle: "with most voters saying".
_WITH_SUBJECT = lazy_regex(
    r"(?r)(?:^|[,;(—–]\s{0,4})[Ww]ith\s{1,4}(?!(?:that|this|it|him|her|them|which)\s)"
    r"(?:[\p{L}\p{N}’'.%-]+\s{1,4}){1,7}$"
)
# A document issued before a participle: "issued a statement saying", "sent out a text
# message to supporters saying", "released a statement Wednesday saying" (rule
# document-participle); not "Trump's tweet saying" (a possessor, not the subject, issued it).
_DOCUMENT = lazy_regex(
    r"\b" + one_of((*ARTICLES_AND_POSSESSIVES, "our")) + r"\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:statement|release|letter|message|e-?mail|memo|note|tweet|post|video|ad"
    r"|advertisement|op-ed|petition|notice)s?\b",
    regex.I,
)
# What may stand between that document and the participle: up to five words (a hearer, a
# time), no clause ("that", "which"), no punctuation but a final comma.
_DOCUMENT_GAP = lazy_regex(r"(?:\s+(?!(?:that|which|who)\b)[\w’'.-]+){0,5}(?:\s*,)?\s*")


def _document_before(text: str, at: int) -> bool:
    """Rule document-participle: whether a document the subject issued ends just before the
    participle at ``at`` ("issued a statement Wednesday saying"), not one inside "in a
    statement"."""
    lo = max(0, at - 80)
    found = list(_DOCUMENT.finditer(text, lo, at))
    last = found[-1] if found else None
    if last is None or text[max(0, last.start() - 3) : last.start()].lower() == "in ":
        return False
    gap = _DOCUMENT_GAP.match(text, last.end(), at)
    return gap is not None and gap.end() == at


# A question after "was asked": "whether", "if", "how", "about", ...
_QUESTION_NEXT = lazy_regex(
    r"\s{1,4}(?:\w{1,20}ly\s{1,4})?(?:whether|if|how|why|what|when|where|who|which|about)\b",
    regex.I,
)

# "not", "n't" or "never" right before a cue, adverbs allowed between: "did not immediately".
_NEGATED = lazy_regex(
    r"(?r)(?:\bnot|\bcannot|\bnever|n[’']t)\s{1,4}(?:(?:ever|yet|\w{1,20}ly)\s{1,4})?$", regex.I
)


# After "asked" or "requested": not to be named, identified or quoted; anonymity; that
# their (sur)name not be used.
_ANONYMITY_REQUEST = lazy_regex(
    r"\s{1,4}(?:not\s{1,4}to\s{1,4}be\s{1,4}(?:named|identified|quoted)|anonymity"
    r"|that\s{1,4}(?:his|her|their|its)\s{1,4}(?:sur|full\s{1,4})?name\s{1,4}not\s{1,4}be"
    r"\s{1,4}(?:used|published|given|disclosed|revealed))\b",
    regex.I,
)


def _negated(text: str, at: int) -> bool:
    """Whether :data:`_NEGATED` ends at ``at``; most cues have none of its words in the
    window before them, and a plain search for them is cheaper than the pattern."""
    before = text[max(0, at - 40) : at].lower()
    if "not" not in before and "never" not in before and "n't" not in before:
        if "n’t" not in before:
            return False
    return _NEGATED.search(text, max(0, at - 40), at) is not None


def _choose_reading(
    word: str,
    prev: str,
    readings: Iterable[tuple[str, str, str]],
    config: Config,
    text: str = "",
    at: int = 0,
) -> tuple[str, str, str, str] | None:
    """Pick the reading of a cue word in context, with the rule that decided; None rejects it."""
    capital = prev[:1].isupper()
    prev = prev.lower()
    if prev.endswith(("n't", "n’t")):
        prev = "not"  # "wouldn’t say", "doesn't think"
    elif prev in _CONTRACTED_IS:
        prev = "is"  # "he’s pointing out"
    elif prev in _OBJECT_PRONOUNS and _PREPOSITION_OBJECT.search(text, max(0, at - 40), at):
        # Rule object-pronoun-ends-subject: "People close to her say ...", "those around him
        # acknowledge ..." -- an object pronoun after a preposition ends a subject's phrase;
        # the cue after it is a verb (no possessive: "her report").
        prev = "they"
    for lemma, form, frame in readings:
        if frame == "belief" and not config.broad:
            continue
        if frame == "according":
            return lemma, form, frame, "cue-according-to"
        if not config.broad:
            # Rule refusal-not-quote: "declined to comment", "refused to say" -- a refusal
            # to speak quotes nothing (the broad scheme of PARC/PolNeAR counts it).
            if lemma in REFUSAL_VERBS:
                return None
            # Rule anonymity-request-not-quote: "a resident who asked not to be named said
            # ..." -- asking to stay unnamed is why the source has no name, not a quote.
            if _ANONYMITY_REQUEST.match(text, at + len(word)) is not None:
                return None
            # Rule negated-cue-not-quote: "did not respond to requests", "would not say
            # whether", "has never said" -- words not said are not a quote.
            if form != "ing" and _negated(text, at):
                return None
        # Rule cue-not-after-determiner: "a report", "his claim", "the said plan".
        if prev in NOT_BEFORE_VERB and (
            word in NOUN_LIKE_FORMS or form in ("past", "participle", "ing", "third")
        ):
            continue
        # Rule cue-not-passive: "was told", "is said to" -- the subject is not the speaker.
        if form in ("past", "participle") and (
            prev in PASSIVE_AUXILIARIES
            or (
                (prev == "not" or prev.endswith("ly"))
                and _PASSIVE_THEN_ADVERB.search(text, max(0, at - 40), at)
            )
        ):
            # Rule passive-asked-question: "Ruiz was asked whether she would run" reports
            # the question an unnamed asker put to her.
            if lemma == "ask" and _QUESTION_NEXT.match(text, at + len(word)):
                return lemma, form, frame, "passive-asked-question"
            continue
        # Rule base-form-needs-subject: "they say", "polls show", "we think"; not "a Russian
        # attack" or "the next days promise".
        if (
            form == "base"
            and not (
                lemma in _PLAIN_SUBJECT_VERBS
                and word not in NOUN_LIKE_FORMS
                and prev not in _NOT_SUBJECT_END
            )
            and prev not in BASE_FORM_SUBJECTS
            and not (
                prev in IRREGULAR_PLURALS
                and (word not in NOUN_LIKE_FORMS or _CLAUSE_NEXT.match(text, at + len(word)))
            )
            and prev not in QUANTITY_NOUNS
            and not prev.isdigit()
            and not (
                prev.endswith("s") and not prev.endswith("ss") and (capital or is_source_noun(prev))
            )
        ):
            continue
        # Rule third-person-needs-subject: "the report says", "Trump says", "she says"; not
        # "political attacks" or "the cries".
        if (
            form == "third"
            and (word in NOUN_LIKE_FORMS or frame in ("target", "object"))
            and not (capital or prev in THIRD_PERSON_SUBJECTS or is_source_noun(prev))
        ):
            continue
        # Rule cue-not-infinitive: "declined to say", "wants to know".
        if form == "base" and prev == "to":
            continue
        # Rule cue-not-after-possessive: "Trump’s tweet", "the DOJ’s demand".
        if prev.endswith(("'s", "’s", "s'", "s’")) and form in ("base", "third", "ing"):
            continue
        # Rule noun-form-needs-subject: "reports", "claims" after a noun-ish word only.
        if word in NOUN_LIKE_FORMS and form in ("base", "third") and prev in ("of", "for", "in"):
            continue
        # Rule ing-form-in-clause: "worrying" or "seeking" cue only as a participial clause
        # (", saying ...") or a progressive ("is saying").
        if form == "ing" and prev not in PROGRESSIVE_AUXILIARIES and prev not in PARTICIPLE_OPENERS:
            # Rule quoted-as-saying: "Ruiz was quoted as saying ..." is her attribution;
            # rule adverbial-participle: "... before claiming that ..." is one too.
            if not (lemma == "say" and prev == "as") and prev not in ADVERBIAL_OPENERS:
                if prev == "" and frame != "belief" and _OPENING_PARTICIPLE.match(text, at):
                    # Rule participle-opens-sentence: "Declaring that the city was safe, Ruiz
                    # closed her speech" -- a participle opening its sentence speaks for the
                    # subject after its comma.
                    return lemma, form, frame, "participle-opens-sentence"
                if frame != "belief" and _WITH_SUBJECT.search(text, max(0, at - 70), at):
                    # Rule with-subject-participle: "..., with 30 percent of voters saying
                    # they backed it", "with Sen. Ana Ruiz telling reporters ..." -- the
                    # noun phrase after "with" is the participle's subject.
                    return lemma, form, frame, "with-subject-participle"
                if not _document_before(text, at):
                    continue
                return lemma, form, frame, "document-participle"
        rule = "cue-belief-verb" if frame == "belief" else "cue-reporting-verb"
        return lemma, form, frame, rule
    return None


def find_cues(
    analysis: Analysis,
    spans: Sequence[QuoteSpan],
    budget: Budget,
    config: Config | None = None,
) -> tuple[Cue, ...]:
    """Cues of attribution outside quotations, in text order.

    The budget is checked at every sentence and cue word. When it runs out, the text is
    cut at the sentence's paragraph (:meth:`Budget.stop <quoteattr._budget.Budget.stop>`);
    a regular expression that times out skips the paragraph (:meth:`Budget.skip
    <quoteattr._budget.Budget.skip>`). Sentences past a cut are not read. A sentence reads
    at most :data:`~quoteattr._budget.MAX_CUE_RUN` cues in a row with no quotation between
    them in each :data:`~quoteattr._budget.CUE_STRETCH` characters (rule cue-run-limit,
    with a warning).
    """
    out: list[Cue] = []
    at = [0, 0, 0]  # the sentence being read, len(out) when it began, the word being read
    while at[0] < len(analysis.sentences):
        try:
            _find_cues_from(analysis, spans, budget, config or Config(), at, out)
            break
        except BudgetExceeded as exc:
            reason = getattr(exc, "reason", None)
            budget.stop("cue finding", at[2], reason=reason)
            out[:] = [c for c in out if budget.keeps(c.start)]
            break
        except TimeoutError:
            sent = analysis.sentences[at[0]]
            budget.skip("cue finding", sent.start, sent.end)
            del out[at[1] :]
            at[0] += 1
    out.sort(key=lambda c: c.start)
    return tuple(out)


def _find_cues_from(
    analysis: Analysis,
    spans: Sequence[QuoteSpan],
    budget: Budget,
    config: Config,
    at: list[int],
    out: list[Cue],
) -> None:
    """Append the cues of the sentences from ``at[0]`` on to ``out``, keeping ``at`` on the
    sentence being read, the length of ``out`` when it began, and the word being read (where
    a long paragraph is cut if the time or the number of cues runs out)."""
    text = analysis.text
    quoted = sorted((q.start, q.end) for q in spans for q in [q] if q.words >= 1)
    starts = [s for s, _ in quoted]
    has_syntax = analysis.has_syntax  # (without a parse, syntax.cue_reading is always None)
    for si in range(at[0], len(analysis.sentences)):
        sent = analysis.sentences[si]
        at[0], at[1], at[2] = si, len(out), sent.start
        if not budget.keeps(sent.start):
            continue
        title_case: bool | None = None
        room = _Room(budget, sent.start, starts)
        infinitives: list[int] = []  # where a cue word after "to" was left out
        for m in (
            m
            for a, b in _pieces(text, sent.start, sent.end)
            for m in _cue_matches(text, a, b, budget)
        ):
            ms = at[2] = m.start()
            budget.check()
            if len(out) >= MAX_CUES:
                raise LimitExceeded(f"more than {MAX_CUES:,} cues")
            if (quoted and _inside(quoted, starts, ms)) or room.full(ms):
                continue
            found = m.group()
            # Rule cue-lower-case: "States" in "the United States" is no verb; a capital is
            # only allowed where a sentence starts ("Says Ruiz: ...").
            if found[0].isupper() and ms != sent.start:
                if title_case is None:
                    title_case = is_title_case(text, sent.start, sent.end)
                if not title_case:
                    continue
            word = found.lower()
            if word.startswith("according"):
                word = "according to"
            forms = FORMS.get(word, ())
            prev = _previous_word(text, sent.start, ms)
            if prev == "to" and word in _PURPOSE_VERBS:
                infinitives.append(ms)
            reading = _choose_reading(word, prev, forms, config, text, ms)
            me = m.end()
            # Rules dep-passive-cue / dep-quoted-as-saying (parsed text only: the parse's
            # evidence, None without one): "It was said by the minister that ..." and "Ruiz
            # was quoted as saying ..." are attributions.
            dep = syntax.cue_reading(analysis, ms, me, forms) if has_syntax else None
            if dep is not None:
                reading = dep
            # Rule cue-not-passive-by: "drills announced by Belarus" is no attribution by
            # the drills.
            elif (
                reading
                and reading[1] in ("past", "participle")
                and (by := _BY.match(text, me, me + _BY_WINDOW))
            ):
                as_at = _AS_BEFORE.search(text, max(sent.start, ms - 24), ms)
                if as_at is not None and reading[2] != "belief":
                    # Rule as-reported-by: "As reported by the Gazette, ...", "..., as first
                    # reported by CNN": the agent after "by" is a source, as after
                    # "according to" (the cue takes that frame).
                    lo_as = as_at.start("as")
                    out.append(
                        Cue(
                            start=lo_as,
                            end=by.end(),
                            text=text[lo_as : by.end()],
                            lemma=reading[0],
                            form="phrase",
                            frame="according",
                            sentence=si,
                            rules=("as-reported-by",),
                        )
                    )
                    room.take(ms)
                continue
            if reading is None:
                continue
            lemma, form, frame, rule = reading
            out.append(_cue_at(ms, me, found, lemma, form, frame, si, rule))
            room.take(ms)
        # Rule cue-make-clear: "made it clear that ...", "has made clear that ...".
        if text.find("clear", sent.start, sent.end) != -1:
            for m in _MAKE_CLEAR.finditer(text, sent.start, sent.end, timeout=budget.timeout()):
                if (quoted and _inside(quoted, starts, m.start())) or room.full(m.start()):
                    continue
                form = "ing" if m.group(1).lower().endswith("ing") else "past"
                if form == "ing" and _previous_word(text, sent.start, m.start()) not in (
                    ",",
                    *PROGRESSIVE_AUXILIARIES,
                ):
                    continue
                out.append(_cue(m, "make clear", form, "clause", si, "cue-make-clear"))
                room.take(m.start())
        if (
            text.find("continu", sent.start, sent.end) != -1
            or text.find(" on", sent.start, sent.end) != -1
        ):
            for cue in _continuation_cues(text, sent.start, sent.end, si, quoted, starts, budget):
                if not room.full(cue.start):
                    out.append(cue)
                    room.take(cue.start)
        if infinitives:
            for cue in (
                *_purpose_cues(text, sent.start, infinitives, si),
                *_causative_cues(text, sent.start, infinitives, si),
            ):
                inside = [
                    k
                    for k in range(at[1], len(out))
                    if out[k].start < cue.end and cue.start < out[k].end
                ]
                if room.full(cue.start) or any(
                    out[k].start < cue.start or out[k].end > cue.end for k in inside
                ):
                    continue
                # (A cue word inside the phrase, "tweeted" in "tweeted on Friday to say",
                # is part of it.)
                for k in reversed(inside):
                    del out[k]
                out.append(cue)
                room.take(cue.start)


# Infinitives of speech that give the purpose of going or using something: "took to Twitter
# to say", "went on CNN to declare", "used her speech to argue" (rule cue-purpose-to).
_PURPOSE_VERBS = frozenset(
    "say add declare argue claim insist warn explain announce deny note stress assert "
    "complain reiterate tell urge accuse criticize praise blast thank".split()
)
# Words that end the phrase between the verb and its purpose: a clause, a conjunction, a
# reason ("tweeted that Obama had too little to say", "called him a liar for continuing to").
_NOT_IN_PURPOSE_PHRASE = frozenset(
    "that which who whom whose for because and but or if when while as than so not".split()
)
_PURPOSE_MAIN = lazy_regex(
    r"(?r)\b(?P<main>took|takes|taking|went|goes|appeared|appears|appearing|used|uses|using"
    r"|rushed|rushes|stepped|steps|came|comes|returned|returns|held|holds|headed|heads"
    r"|tweeted|tweets|posted|posts|wrote|writes|spoke|speaks|called|calls|phoned|released"
    r"|issued)"
    r"(?P<mid>(?:\s{1,4}[\p{L}\p{N}’'.&-]+){1,6}?)\s{1,4}to\s{1,4}$"
)
_VERB_AT = lazy_regex(r"[\p{L}]+")


def _purpose_cues(text: str, lo: int, infinitives: Sequence[int], si: int) -> Iterator[Cue]:
    """Rule cue-purpose-to: an infinitive of speech that gives the purpose of going
    somewhere or using something is a cue of that verb, its subject before the first one:
    "Ruiz took to Twitter to say ...", "went on CNN to declare that ...", "used her speech
    to argue that ...", "tweeted on Friday to say ...". Not "went on to say" (rule
    cue-went-on-to), and not an object that is told to speak ("led Republicans to say").
    ``infinitives`` are where the cue words after "to" stand."""
    for at in infinitives:
        verb = _VERB_AT.match(text, at)
        if verb is None:
            continue
        main = _PURPOSE_MAIN.search(text, max(lo, at - 80), at)
        if main is None:
            continue
        mid = main.group("mid").split()
        if mid == ["on"] or any(
            w.lower() in _NOT_IN_PURPOSE_PHRASE or w.endswith("ing") or w[:1] in "'’" for w in mid
        ):
            continue
        readings = [r for r in FORMS.get(verb.group().lower(), ()) if r[1] == "base"]
        if not readings or readings[0][2] == "belief":
            continue
        lemma, _form, frame = readings[0]
        word = main.group("main").lower()
        if word.endswith("ing"):
            if _previous_word(text, lo, main.start()) not in PROGRESSIVE_AUXILIARIES:
                continue
            form = "ing"
        elif word.endswith("s"):
            form = "third"
        else:
            form = "past"
        yield Cue(
            start=main.start("main"),
            end=verb.end(),
            text=text[main.start("main") : verb.end()],
            lemma=lemma,
            form=form,
            frame=frame,
            sentence=si,
            rules=("cue-purpose-to",),
        )


# A verb that makes someone speak and its object, right before "to": "led Republicans to",
# "prompted the mayor to", "forced Stumpf to" (rule causative-to-say).
_CAUSATIVE_OBJECT = lazy_regex(
    r"(?r)\b(?:led|leads|leading|prompted|prompts|prompting|forced|forces|forcing|compelled"
    r"|compels|drove|drives|pushed|pushes|caused|causes|moved|moves)"
    r"\s{1,4}(?P<object>(?:[\p{L}\p{N}’'.&-]+\s{1,4}){0,5}?[\p{L}’'.-]+)\s{1,4}to\s{1,4}$"
)
# The sure verbs of saying a causative makes someone use (not "urge", "praise").
_CAUSATIVE_SPEECH = frozenset(
    "say declare admit acknowledge concede announce warn claim insist argue tell".split()
)


def _causative_cues(text: str, lo: int, infinitives: Sequence[int], si: int) -> Iterator[Cue]:
    """Rule causative-to-say: after a verb that makes someone speak and its object ("led
    Republicans to say", "forced the bank's chief to admit", "prompted Ruiz to declare"),
    the infinitive of a sure verb of saying is a cue whose subject is that object: the
    words were said. The cue is "to" and the verb; the subject stands right before it."""
    for at in infinitives:
        verb = _VERB_AT.match(text, at)
        if verb is None or verb.group().lower() not in _CAUSATIVE_SPEECH:
            continue
        main = _CAUSATIVE_OBJECT.search(text, max(lo, at - 80), at)
        if main is None:
            continue
        words = main.group("object").split()
        if any(w.lower() in _NOT_IN_PURPOSE_PHRASE or w.endswith("ing") for w in words):
            continue
        readings = [r for r in FORMS.get(verb.group().lower(), ()) if r[1] == "base"]
        if not readings:
            continue
        lemma, _form, frame = readings[0]
        to_at = text.rfind("to", main.start("object"), at)
        yield Cue(
            start=to_at,
            end=verb.end(),
            text=text[to_at : verb.end()],
            lemma=lemma,
            form="past",
            frame=frame,
            sentence=si,
            rules=("causative-to-say",),
        )


def causative_object_start(text: str, lo: int, cue: Cue) -> int:
    """Where the object of a causative-to-say cue starts ("led **Republicans** to say"):
    its speaker is read from there, not from the sentence start; ``lo`` when not found."""
    verb_at = text.rfind(" ", cue.start, cue.end) + 1
    main = _CAUSATIVE_OBJECT.search(text, max(lo, verb_at - 80), verb_at)
    return main.start("object") if main is not None else lo


class _Room:
    """Rule cue-run-limit: one sentence reads at most :data:`MAX_CUE_RUN` cues in a row with
    no quotation between them, in each stretch of :data:`CUE_STRETCH` characters; past them,
    cue words are plain words. "Ana said Ben said Ana said ..." with no stop is no news
    sentence, and attributed cue by cue it would cost some 25 times news per character; a
    quotation between two cues ('A "B" said C. A "D" said E.', one sentence when "C." reads
    as an initial) starts a new run. The first word left unread in a stretch adds a warning
    (one line, with a count, however many stretches)."""

    __slots__ = ("_budget", "_lo", "_runs", "_starts")

    def __init__(self, budget: Budget, lo: int, starts: Sequence[int]) -> None:
        self._budget = budget
        self._lo = lo  # where the sentence starts
        self._starts = starts  # where the quotations start, in order
        # Per stretch: the cues of its current run, and where the last one of them starts.
        self._runs: dict[int, tuple[int, int]] = {}

    def full(self, at: int) -> bool:
        """Whether the run of cues at ``at`` is at its limit (warns the first time)."""
        stretch = at // CUE_STRETCH
        n, last = self._runs.get(stretch, (0, at))
        if n < MAX_CUE_RUN:
            return False
        lo, hi = min(last, at), max(last, at)
        i = bisect.bisect_right(self._starts, lo)
        if i < len(self._starts) and self._starts[i] < hi:  # a quotation between: a new run
            self._runs[stretch] = (0, at)
            return False
        if n == MAX_CUE_RUN:
            self._runs[stretch] = (n + 1, last)
            self._budget.warn(
                f"more than {MAX_CUE_RUN} cues in a row in one sentence (from character "
                f"{max(self._lo, stretch * CUE_STRETCH)}): the cue words past them within "
                f"{CUE_STRETCH:,} characters are read as plain words (MAX_CUE_RUN)",
                kind="cue-run-limit",
            )
        return True

    def take(self, at: int) -> None:
        """Count a cue read at ``at``."""
        stretch = at // CUE_STRETCH
        n, _ = self._runs.get(stretch, (0, at))
        self._runs[stretch] = (n + 1, at)


def _continuation_cues(
    text: str,
    lo: int,
    hi: int,
    si: int,
    quoted: Sequence[tuple[int, int]],
    starts: Sequence[int],
    budget: Budget,
) -> Iterator[Cue]:
    """Rule continuation-cue: "continued" and "went on" report speech only next to a
    quotation -- before one ("Ruiz continued: “…”") or after one ("“…,” she went on.");
    elsewhere they are not speech ("the talks continued", "the war went on"). Rule
    cue-went-on-to: "went on to say that ..." is a cue of *say*, with its subject before
    *went*."""
    for m in _CONTINUATION.finditer(text, lo, hi, timeout=budget.timeout()):
        if quoted and _inside(quoted, starts, m.start()):
            continue
        if m.group("to"):
            verb = m.group("verb")
            readings = [r for r in FORMS.get(verb, ()) if r[1] == "base" and r[2] != "belief"]
            if not readings:
                continue
            lemma, _form, frame = readings[0]
            form = "third" if m.group("c") == "es" or m.group("go") == "goes" else "past"
            rule = "cue-went-on-to"
            if m.group("c") in ("e", "ing") or m.group("go") == "going":
                # Rule cue-continue-to: "continue to warn that ...", "is continuing to
                # insist that ...": after a subject or an auxiliary of the progressive.
                prev = _previous_word(text, lo, m.start())
                if m.group("c") == "e":
                    if prev == "to" or prev in _NOT_SUBJECT_END:
                        continue
                    form, rule = "base", "cue-continue-to"
                elif prev in PROGRESSIVE_AUXILIARIES:
                    form, rule = "ing", "cue-continue-to"
                else:
                    continue
            yield _cue(m, lemma, form, frame, si, rule)
            continue
        if m.group("c") == "e":
            continue
        before = _QUOTE_NEXT.match(text, m.end(), hi) is not None
        after = (
            _QUOTE_BEFORE.search(text, max(lo, m.start() - 60), m.start()) is not None
            and _AFTER_QUOTE_CUE.match(text, m.end(), hi) is not None
        )
        if not (before or after) or m.group("c") == "ing":
            continue
        form = "third" if m.group("c") == "es" or m.group("go") == "goes" else "past"
        yield _cue(m, "continue", form, "direct", si, "continuation-cue")
