"""Direct quotes: the cue and speaker mention beside a quotation's marks (before them,
after them, in the next sentence or paragraph), split quotations, lead-ins, and the
quotations left over at the end (continuations of the speaker before, or unattributed)."""

from __future__ import annotations

import bisect
from collections.abc import Callable

import attrs
import regex

from .._patterns import lazy_regex
from ..config import Config
from ..cues import Cue, is_title_case
from ..lexicon.clauses import PREPOSITIONS
from ..lexicon.roles import ROLE_MODIFIERS
from ..model import QuoteKind, SpeakerKind
from ..quotes import QuoteSpan
from ..speakers import Mention, coordinated, describe, mention_after, mention_before, tokens
from .clauses import (
    _ADJUNCT,
    _HEARER,
    _THAT_AT_END,
    _THAT_NOUNS,
    _TIME_PREPOSITIONS,
    _TIME_WORDS,
    _content_after,
    _dep,
    content_shape,
    is_title,
)
from .state import (
    _WORDS,
    Attribution,
    _direct,
    _Doc,
    _only_punct,
    _State,
    _trim,
    _word_count,
)

# Gap between a closing mark and an inverted cue: ", " or " -- ".
_GAP_PUNCT = lazy_regex(r"[\s,—–-]*")
# A name or pronoun with an unlisted past-tense verb after a quote: ", Trump barked".
_UNLISTED_AFTER = lazy_regex(
    r"""[\s,]*(?:
        (?P<np>he|she|they|we|I|(?:(?:[\p{Lu}][\p{L}.’'-]*|of|de|van|von)\s+){0,3}
            [\p{Lu}][\p{L}’'-]+)\s+(?P<v>[a-z]{3,}ed)\b
      | (?P<v2>[a-z]{3,}ed)\s+(?P<np2>(?:[\p{Lu}][\p{L}.’'-]*\s+){0,3}[\p{Lu}][\p{L}’'-]+)
    )""",
    regex.X,
)
# Text between a cue and the quote it introduces: "said:", "told reporters on Tuesday,".
_INTRO_TAIL = lazy_regex(r"[^.!?“”\"«»]{0,80}?(?:[:,]|\bthat)\s*$|\s*$")
# What may stand between an attribution and the second half of a split quote: ", ".
_SPLIT_GAP = lazy_regex(r"[^.!?“”\"«»]{0,60},\s*$")
# Compiled once here rather than looked up in regex's cache on every call (5% of the time):
# "“…” — Ana Ruiz", "said that “…”", "Ruiz: “…”", "speaking of ...".
_DASH_SPEAKER = lazy_regex(r"\s*[—–―]\s*|\s+-{1,2}\s+")
# A paragraph of a dash and a name: "— Ana Ruiz.", "- Sanders".
_DASH_LINE = lazy_regex(r"[ \t]*(?:[—–―]|-{1,2})[ \t]*(?P<name>[^\n.!?“”\"]{2,60}?)[ \t.]*")
# (The name may also follow a spaced dash: "POLLS NOT WRONG, JUST EARLY - Ana Ruiz:", as in
# newsletters' roundups; a hyphen stays inside a name only within a word.)
_COLON_SPEAKER = lazy_regex(
    r"(?:^|[.!?]\s|\s[-–—]\s)((?:[^\n!?:;“”\"–—-]|(?<=\S)-(?=\S)){2,70}):\s*$"
)


# A word right after a mention: "said she [would] appeal".
_WORD_NEXT = lazy_regex(r"[ \t]+[a-z]")


class _QuoteSite:
    """One quotation being attributed, and where its attribution may stand: after it (up to
    the next quotation or the end of its paragraph) and, once the rules after it found
    none, before it (from the start of its sentence, or of the sentence before)."""

    __slots__ = ("config", "doc", "lo", "para_hi", "post_hi", "post_lo", "q", "qi", "st", "text")

    def __init__(self, doc: _Doc, qi: int, q: QuoteSpan, st: _State, config: Config) -> None:
        self.doc, self.qi, self.q, self.st, self.config = doc, qi, q, st, config
        self.text = doc.text
        self.para_hi = doc.paragraphs[q.last_paragraph][1]
        nxt_open = doc.spans[qi + 1].open_at if qi + 1 < len(doc.spans) else self.para_hi
        self.post_lo, self.post_hi = q.outer_end, min(self.para_hi, nxt_open)
        self.lo = -1  # filled by _read_before

    def attribute(self, att: Attribution) -> bool:
        """Record the quotation's attribution; the rules after it are not asked."""
        self.st.out.append(att)
        self.st.done_quotes.add(self.qi)
        return True


def _direct_cue_after(site: _QuoteSite) -> bool:
    """Rules direct-cue-after, direct-cue-after-inverted: a cue right after the quotation,
    its speaker before it or (inverted) after it.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("“We will win,” she said.")[0].rules[:2]
    ('paired-marks', 'direct-cue-after')
    >>> quotes("“We will win,” said Jen Psaki.")[0].rules[:2]
    ('paired-marks', 'direct-cue-after-inverted')
    """
    doc, q, st = site.doc, site.q, site.st
    text, post_lo, post_hi = site.text, site.post_lo, site.post_hi
    if _title_in_lead_in(doc, q):
        return False
    for ci, cue in doc.cues_between(post_lo, min(post_hi, post_lo + 160)):
        if ci in st.used_cues:
            continue
        gap = _GAP_PUNCT.match(text, post_lo, cue.start)
        if gap is not None and gap.end() == cue.start:
            if cue.form == "ing":
                # Rule participle-not-inverted: "called the plan “dead,” saying it would
                # fail" -- a participle right after a quotation opens a clause of its own;
                # it is never the quotation's inverted cue.
                return False
            m = _dep(doc, cue, cue.end, post_hi, mention_after(text, cue.end, post_hi))
            if m is None:
                return False
            if m.pronoun and _WORD_NEXT.match(text, m.end, post_hi):
                # Rule pronoun-then-verb-not-inverted: "The mayor, who called the vote “a
                # disgrace,” said she would appeal" -- a pronoun with words after it is the
                # subject of what the cue reports, not an inverted speaker ("said she.").
                return False
            rule, end = "direct-cue-after-inverted", m.end
        else:
            if _next_sentence_cue(doc, q, cue) or _cue_has_own_clause(doc, cue):
                return False
            m = _dep(doc, cue, post_lo, cue.start, mention_before(text, post_lo, cue.start))
            if m is None or not _only_modifiers(text, post_lo, _pair_start(text, m)):
                return False
            if _sentence_between(doc, post_lo, m.start):
                return False
            if text.find(";", post_lo, m.start) != -1:
                # Rule semicolon-ends-quote-clause: "the plan was “dead”; Cole said it would
                # pass" -- after a semicolon a new clause has its own subject and cue.
                return False
            if m.pronoun and _WORDS.search(text, post_lo, m.start):
                # Rule pronoun-right-after-quote: a pronoun has no modifiers, so words
                # between ("“a turbulent cycle” played out, he said") make the quotation
                # part of a clause the cue reports (a mixed quote), not all it says.
                return False
            rule, end = "direct-cue-after", cue.end
        st.used_cues.add(ci)
        att = _direct(q, cue, m, (rule,))
        att = _merge_split_quote(doc, site.qi, att, end, st)
        return site.attribute(_with_lead_in(doc, q, att))
    return False


# A lead-in that names where someone spoke, up to a programme's title: "On ABC's",
# "In an interview on CBS's", "Wednesday on Fox News Channel's", "During an appearance on".
_TITLE_LEAD_IN = lazy_regex(
    r"[\"“‘']?(?:On|In|During|At|From|After|Appearing\s+on|Speaking\s+on|(?:Mon|Tues|Wednes"
    r"|Thurs|Fri|Satur|Sun)day\s+(?:on|in|during))\s[^.,!?;:“”\"\n]{0,100}?"
    r"(?:['’]s|\bof|\bon|\bto|\bwith)\s{0,4}"
)


_LEAD_IN_ENDS = ("s", "f", "n", "o", "h", "S", "F", "N", "O", "H")


def _title_in_lead_in(doc: _Doc, q: QuoteSpan) -> bool:
    """Rule title-in-lead-in: a quotation in Title Case at the end of an opening phrase that
    says where someone spoke is the title of a programme, not what was said: in "On ABC's
    “This Week,” Ruiz said the vote was fair" the cue reports the clause after it."""
    text = doc.text
    if not text[max(0, q.open_at - 3) : q.open_at].rstrip().endswith(_LEAD_IN_ENDS):
        return False  # (a cheap test first: the lead-in ends in "'s", "of", "on", "to", "with")
    s_lo, _ = doc.sentence_bounds(q.open_at)
    s_lo = max(s_lo, doc.paragraphs[q.paragraph][0])
    lead = _TITLE_LEAD_IN.fullmatch(text, s_lo, q.open_at)
    return lead is not None and is_title(text[q.open_at : q.outer_end])


def _direct_unlisted_verb_after(site: _QuoteSite) -> bool:
    """Rule direct-unlisted-verb-after: a name or pronoun and a past-tense verb right after
    a quotation ending in , ? or ! attribute it, even when the verb is missing from the
    lexicon (the inverted "“No!” snapped Ruiz." too).

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("“Go back,” Ruiz chortled.")[0].rules[:2]
    ('paired-marks', 'direct-unlisted-verb-after')
    """
    q, text = site.q, site.text
    if not (q.closed and text[q.end - 1 : q.end] in (",", "?", "!")):
        return False
    v = _UNLISTED_AFTER.match(text, site.post_lo, site.post_hi)
    if v is None:
        return False
    np_span = v.span("np") if v.group("np") else v.span("np2")
    verb_span = v.span("v") if v.group("v") else v.span("v2")
    listed = site.doc.cues_between(verb_span[0], verb_span[1], 1)
    if listed and _cue_has_own_clause(site.doc, listed[0][1]):
        return False  # rule cue-with-that-clause-not-direct
    m = describe(text, tokens(text, *np_span), ("direct-unlisted-verb-after",))
    if m is None or not (m.pronoun or m.kind is not SpeakerKind.UNKNOWN):
        return False
    rules = (*q.rules, "direct-unlisted-verb-after")
    att = Attribution(
        kind=QuoteKind.DIRECT, fragments=q.fragments, cue=verb_span, mention=m, rules=rules
    )
    return site.attribute(_merge_split_quote(site.doc, site.qi, att, verb_span[1], site.st))


def _direct_dash_speaker(site: _QuoteSite) -> bool:
    """Rule direct-dash-speaker: a dash and a name right after the quotation.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("“We stay open.” — Commissioner Ana Ruiz")[0].rules[:2]
    ('paired-marks', 'direct-dash-speaker')
    """
    text, post_lo, post_hi = site.text, site.post_lo, site.post_hi
    dash = _DASH_SPEAKER.match(text[post_lo:post_hi])
    if not (dash and site.q.closed):
        return False
    m = mention_after(text, post_lo + dash.end(), post_hi)
    if m is None or m.kind is SpeakerKind.UNKNOWN:
        return False
    return site.attribute(_direct(site.q, None, m, ("direct-dash-speaker",)))


def _direct_dash_line(site: _QuoteSite) -> bool:
    """Rule direct-dash-line: a quotation that ends its paragraph, and a next paragraph of
    only a dash and a name (fact checks, collections of remarks).

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("“We stay open all winter.”\\n\\n— Ana Ruiz.")[0].rules[:2]
    ('paired-marks', 'direct-dash-line')
    """
    doc, q, text = site.doc, site.q, site.text
    if not (
        q.last_paragraph + 1 < len(doc.paragraphs)
        and q.closed
        and _only_punct(text, q.outer_end, site.para_hi)
    ):
        return False
    n_lo, n_hi = doc.paragraphs[q.last_paragraph + 1]
    line = _DASH_LINE.fullmatch(text, n_lo, n_hi) if n_hi - n_lo <= 70 else None
    if line is None:
        return False
    m = mention_after(text, line.start("name"), line.end("name"))
    if m is None or m.kind is SpeakerKind.UNKNOWN or m.end != line.end("name"):
        return False
    return site.attribute(_direct(q, None, m, ("direct-dash-line",)))


def _read_before(site: _QuoteSite) -> bool:
    """Where an attribution before the quotation may start: its sentence, or the sentence
    before when that ends with a colon ("Ruiz said on Tuesday:⏎“…”") or with a stop after a
    cue with no content (rule direct-cue-before-stop); decides nothing."""
    doc, q, text = site.doc, site.q, site.text
    prev_close = doc.spans[site.qi - 1].outer_end if site.qi > 0 else 0
    first_para_lo = doc.paragraphs[q.paragraph][0]
    pre_lo = max(first_para_lo, prev_close)
    sent_lo, _ = doc.sentence_bounds(max(pre_lo, q.open_at - 1))
    lo = max(pre_lo, min(sent_lo, q.open_at))
    before = text[pre_lo : q.open_at].rstrip()
    if lo >= q.open_at - 1 and before.endswith((":", ".")):
        prev = doc.analysis.sentence_at(pre_lo + len(before) - 1)
        lo = max(pre_lo, prev.start) if prev is not None and before[-1] == "." else pre_lo
    site.lo = lo
    return False


def _direct_cue_before(site: _QuoteSite) -> bool:
    """Rules direct-cue-before, direct-cue-before-stop: a cue before the quotation, with
    nothing between them but adjuncts and a colon or comma, or ending a sentence of its own.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("Psaki said: “We will win.”")[0].rules[:2]
    ('paired-marks', 'direct-cue-before')
    >>> quotes("Sam Lau said in a statement. “There are no ballots left.”")[0].rules[:2]
    ('paired-marks', 'direct-cue-before-stop')
    """
    doc, q, st, text, lo = site.doc, site.q, site.st, site.text, site.lo
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
                return False
            rule = "direct-cue-before-stop"
        if cue.form == "ing" and rule == "direct-cue-before":
            return False  # ", saying, “…”": the participle rules find its subject
        # Rule short-quote-needs-speech-cue: in "they want “justice,”" the quote is a
        # fragment of reported content, not a quotation introduced by the cue.
        if cue.frame == "belief" or (
            q.words < site.config.min_quote_words and not _ends_sentence(text, q, site.para_hi)
        ):
            return False
        # Rule that-quote-is-reported: "said that “…”" is reported speech; the indirect
        # rules take the whole clause (direct if the quote is all of it, else mixed).
        if _THAT_AT_END.search(text[cue.end : q.open_at]):
            return False
        # Rule title-after-cue: "said in his 2012 book, “An American Son.”" -- a quotation in
        # Title Case after the cue's adjuncts is the title of a work, not what was said.
        if (
            _word_count(text, cue.end, q.open_at)
            and is_title(q.text)
            and not is_title_case(text, lo, cue.end)
        ):
            return False
        m = mention_before(text, lo, cue.start) if cue.frame != "according" else None
        m = _dep(doc, cue, lo, q.open_at, m or mention_after(text, cue.end, q.open_at))
        if m is None:
            return False
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
        return site.attribute(_direct(q, cue, m, (rule,)))
    return False


def _direct_colon_speaker(site: _QuoteSite) -> bool:
    """Rule direct-colon-speaker: a name and a colon before the quotation, no verb; a party
    label in parentheses is not part of the name ("Rep. Ana Ruiz (D-Ore.):"); the name may
    follow a heading and a spaced dash ("POLLS NOT WRONG - Ana Ruiz:", a roundup's line).

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("Ana Ruiz: “We will not close the shelter.”")[0].rules[:2]
    ('paired-marks', 'direct-colon-speaker')
    """
    text, lo = site.text, site.lo
    if text.find(":", lo, site.q.open_at) == -1:
        return False  # (the pattern needs a colon: most quotations have none before them)
    colon = _COLON_SPEAKER.search(text[lo : site.q.open_at])
    if not colon:
        return False
    s = lo + colon.start(1)
    words = [w for w in tokens(text, s, lo + colon.end(1))]
    if words and words[-1].text == ")" and "(" in [w.text for w in words]:
        words = words[: max(i for i, w in enumerate(words) if w.text == "(")]
    m = describe(text, words, ("direct-colon-speaker",)) if 0 < len(words) <= 6 else None
    if m is None or m.kind not in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION):
        return False
    return site.attribute(_direct(site.q, None, m, ("direct-colon-speaker",)))


#: The rules for a quotation's own attribution, in order: after the quotation first (a cue,
#: an unlisted verb, a dash and a name, a dash line), then before it (a cue, a name and a
#: colon); the first that attributes it wins.
_QUOTE_RULES: tuple[Callable[[_QuoteSite], bool], ...] = (
    _direct_cue_after,
    _direct_unlisted_verb_after,
    _direct_dash_speaker,
    _direct_dash_line,
    _read_before,
    _direct_cue_before,
    _direct_colon_speaker,
)


def _attribute_direct(doc: _Doc, qi: int, q: QuoteSpan, st: _State, config: Config) -> None:
    """Rules for a quotation's own attribution: a cue right after it or right before it
    (:data:`_QUOTE_RULES`, asked in turn)."""
    site = _QuoteSite(doc, qi, q, st, config)
    for rule in _QUOTE_RULES:
        if rule(site):
            return


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
    statement, and the quotation belongs to the reported speech before it. The stop may
    also stand after the closing mark, as in British news ("said the findings were
    “striking”. Gupta added that ...")."""
    text = doc.text
    fragment = False
    if q.close_at is not None and text.startswith(".", q.close_at + 1):
        # A fragment quoted inside its own sentence, the stop after its marks: it belongs
        # to that sentence when the next cue says something of its own ("... said the
        # squad was “hurting”. The winger added: “We need to respond.”").
        sent = doc.analysis.sentence_at(q.open_at)
        fragment = sent is not None and _word_count(text, sent.start, q.open_at) >= 2
    if not fragment and text[q.start : q.end].rstrip()[-1:] not in (".", "!", "?"):
        return False
    _, s_hi = doc.sentence_bounds(cue.start)
    c_lo, c_hi, _ = _content_after(doc, cue, s_hi)
    if _word_count(text, c_lo, c_hi) < 2:
        return False
    if cue.lemma == "call" and _URGE_OBJECT.match(text, cue.end, s_hi) is not None:
        # "... “a betrayal.” He called on the government to act." -- "called on" and
        # "called for" have an object of their own: the cue opens the next statement too.
        return True
    return fragment or content_shape(text, c_lo, c_hi) == "clause"


# After "call": "on", "upon" or "for" and a word (called on the government, called for calm).
_URGE_OBJECT = lazy_regex(r"\s{1,4}(?:on|upon|for)\s{1,4}\w")


def _cue_has_own_clause(doc: _Doc, cue: Cue) -> bool:
    """Rule cue-with-that-clause-not-direct: in "Speaking on NBC's “Meet the Press,” Cole
    admitted that the date was wrong" or "... said they had been “close for years,” he
    claimed that they never met" the cue after the quotation reports the *that* clause
    after it (no comma between): the quotation is a title or part of other words, not what
    the cue says. *that* must follow the cue or a one-word hearer ("told POLITICO that"):
    further on it may open a relative clause ("told a crowd that the campaign counted"), and
    *that* and a noun of time is no clause ("“We won,” she said that night")."""
    text = doc.text
    if cue.frame not in ("clause", "hearer") or text[cue.end : cue.end + 1] in (",", "."):
        return False
    _, s_hi = doc.sentence_bounds(cue.start)
    c_lo, c_hi, _ = _content_after(doc, cue, s_hi)
    first = text[c_lo : c_lo + 30].split()[:1]
    return (
        text[max(cue.end, c_lo - 6) : c_lo].rstrip().endswith("that")
        and _word_count(text, cue.end, c_lo) <= 2  # "that" or a one-word hearer and "that"
        and bool(first)
        and first[0].lower() not in _THAT_NOUNS
        and _word_count(text, c_lo, c_hi) >= 3
        and content_shape(text, c_lo, c_hi) == "clause"
    )


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


def _pair_start(text: str, m: Mention) -> int:
    """Where the speaker mention ``m`` starts, with the person before it that it is
    coordinated with: "“It was rigged,” Ruiz and Cole said." (rule coordinated-names; coref
    joins the two)."""
    if m.pronoun or m.kind is not SpeakerKind.PERSON:
        return m.start
    pair = coordinated(text, m)
    return m.start if pair is None else pair[0].start


def _sentence_between(doc: _Doc, lo: int, hi: int) -> bool:
    """Rule sentence-end-ends-quote-clause: in "Critics said staff faced “relentless abuse”
    online. Her aides say the campaign will not reply." words after the quotation end its
    sentence, and the subject and cue after the stop open a sentence of their own: the cue
    is not the quotation's. (A quotation that ends its own sentence inside its marks, as in
    "“We won.” Ruiz said.", has no words between and keeps the cue.)"""
    sent = doc.analysis.sentence_at(hi)
    return (
        sent is not None and lo < sent.start and _WORDS.search(doc.text, lo, sent.start) is not None
    )


def _only_modifiers(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds only punctuation and modifiers of a role: listed ones
    ("former") or at most two other lower-case words ("super PAC spokeswoman")."""
    words = _WORDS.findall(text, lo, hi)
    other = [w for w in words if w.lower() not in ROLE_MODIFIERS]
    return len(other) <= 2 and all(w.islower() and w not in _NOT_MODIFIERS for w in other)


#: Words that cannot modify a role: verbs and connectives between a quote and its cue, and
#: the subordinators that open a clause of its own ("“dead,” although counting goes on").
_NOT_MODIFIERS = frozenset(
    "and but or then so as when while if that which who was were is are has had have "
    "also later although though because since after before until unless whereas where "
    "whether how why what nor yet".split()
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


# A byline right after a quotation: ", by Ana Ruiz", "," by the Gazette's".
_BYLINE_AFTER = lazy_regex(r"\s{0,4},?\s{0,4}by\s{1,4}(?:the\s{1,4})?\p{Lu}")
# Words that name a work before its title: "an ad titled", "the subject line".
_TITLED_BEFORE = lazy_regex(
    r"(?r)\b(?:titled|entitled|headlined|subject\s{1,4}line|headline|the\s{1,4}words)"
    r"\s{0,4}[,:]?\s{0,4}$",
    regex.I,
)


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
    byline = _BYLINE_AFTER.match(text, q.outer_end)
    if (byline and (stripped.endswith(",") or "," in byline.group())) or _TITLED_BEFORE.search(
        text, max(0, q.open_at - 40), q.open_at
    ):
        # Rule work-title-context: a quotation followed by its byline ("“Pop-up show opens
        # in the Bronx,” by Ana Ruiz"), or named by "titled", "headlined", "the subject
        # line", is the title of a work, not anyone's words.
        return
    para_lo, para_hi = doc.paragraphs[q.paragraph]
    own_para = _only_punct(text, para_lo, q.open_at) or q.rules.count("multi-paragraph") > 0
    if (
        own_para
        and not q.double
        and q.words <= 10
        and _only_punct(text, q.outer_end, para_hi)
        and any(span.double for span in doc.spans)
    ):
        # Rule single-marks-heading: in an article that quotes in double marks, a short
        # phrase in single marks that is a paragraph of its own is a section heading (a pull
        # quote), not the next words of the last speaker: "'A fight from start to finish.'"
        return
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
