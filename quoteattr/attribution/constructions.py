"""Constructions found by their own patterns rather than from a cue verb: colon
headlines, transcript turns, findings of documents, nouns of saying, hedges, belief
adjectives and passive beliefs. Each pass runs over the whole text after the quotes and
cues, and takes only text no earlier pass took."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator

import attrs
import regex

from .._patterns import lazy_regex, one_of
from ..config import Config
from ..cues import inflect, is_title_case
from ..dateline import dateline_end
from ..lexicon.clauses import AUXILIARIES, IRREGULAR_PAST, PREPOSITIONS, SAYING_NOUNS
from ..lexicon.reporting_verbs import BELIEF, SPEECH_CLAUSE, SPEECH_OBJECT, SPEECH_TARGET
from ..lexicon.verb_context import BE_FORMS
from ..model import QuoteKind, Sentence, SpeakerKind
from ..speakers import Mention, describe, tokens
from .clauses import (
    _SPACES,
    _plausible_source,
    _subject_before,
    content_shape,
    is_label,
    not_a_source,
)
from .state import (
    Attribution,
    _all_quoted,
    _Doc,
    _free,
    _indirect,
    _score,
    _State,
    _trim,
    _word_count,
)

# Documents whose one-word label before a colon heads a finding: "Poll: ...", "Report: ...".
_HEADLINE_DOCUMENTS = frozenset("poll survey report study analysis audit".split())
_HEADLINE_COLON = lazy_regex(r"([^:\n.!?“”\"]{2,50}?):\s+(?=\S)")


def _hits_outside_quotes(
    doc: _Doc, st: _State, pattern: regex.Pattern[str]
) -> Iterator[tuple[regex.Match[str], Sentence]]:
    """Each match of ``pattern`` in one scan of the whole text (within the budget) that
    stands in a sentence and overlaps no quotation, with its sentence; ``st.at`` follows the
    scan, so a pass that runs out of time stops where it had come to."""
    text = doc.text
    for m in pattern.finditer(text, timeout=doc.budget.timeout(len(text))):
        st.at = m.start()
        doc.budget.check()
        sent = doc.analysis.sentence_at(m.start())
        if sent is None or doc.spans_overlapping(m.start(), m.end()):
            continue
        yield m, sent


def _attribute_colon_headlines(doc: _Doc, st: _State, config: Config) -> None:
    """Rules colon-headline, colon-headline-speaker, title-case-headline-shape,
    document-headline: "Ana Ruiz: Budget Cuts Are ‘Dangerous’" -- a paragraph that opens
    with a short name and a colon reports what that speaker said, when what follows is a
    clause (a headline in Title Case is read in lower case, its capitals telling nothing);
    in the broad scheme "Poll: ..." and "Report: ..." head a finding of that document.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("Ana Ruiz: The budget cuts are dangerous")[0].rules[:2]
    ('colon-headline', 'colon-headline-speaker')
    """
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
        if m is None or _colon_dateline(text, lo, m.end(1), hi):
            continue  # (rule dateline-not-speaker: "NEW DELHI: India will ...")
        words = tokens(text, m.start(1), m.end(1))
        if not 0 < len(words) <= 5 or not words[0].is_cap:
            continue
        if is_label(m.group(1)) or any(w.lower in ("and", "&") for w in words):
            continue  # "READ MORE:", "The Latest:"; "Netanyahu and Obama:" heads a section
        mention = describe(text, words, ("colon-headline-speaker",))
        if mention is None:
            continue
        # Rule document-headline (broad scheme): "Poll: Voters Turn to Ruiz in Ohio" reports
        # a finding of the document the label names, whatever its shape.
        document = config.broad and len(words) == 1 and words[0].lower in _HEADLINE_DOCUMENTS
        if mention.kind not in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION) and not document:
            continue
        s = doc.analysis.sentence_at(m.end())
        c_lo, c_hi = _trim(text, m.end(), s.end if s is not None else hi)
        if _word_count(text, c_lo, c_hi) < 3:
            continue
        # Rule headline-needs-clause: "Christie: A closing surge" heads a section; "Ana Ruiz:
        # Budget Cuts Are ‘Dangerous’" reports words. (A quotation is words in any case.)
        # Rule title-case-headline-shape: a headline in Title Case is read in lower case, its
        # capitals telling nothing ("Ruiz: Budget Review Revealed Hidden Costs").
        shape_text, lo_, hi_ = text, c_lo, c_hi
        if is_title_case(text, c_lo, c_hi):
            shape_text, lo_, hi_ = text[c_lo:c_hi].lower(), 0, c_hi - c_lo
        if (
            not document
            and content_shape(shape_text, lo_, hi_) != "clause"
            and not doc.spans_overlapping(c_lo, c_hi)
        ):
            continue
        k = bisect.bisect_left(taken_starts, c_hi)  # those starting before c_hi ...
        if k and reach[k - 1] > c_lo:  # ... one of which ends after c_lo
            continue
        extra: tuple[str, ...] = ("title-case-headline-shape",) if shape_text is not text else ()
        extra += ("document-headline",) if document else ()
        cue = (m.end(1), m.end(1) + 1)
        _add_clause(doc, st, (c_lo, c_hi), cue, mention, "colon-headline", extra)


def _colon_dateline(text: str, lo: int, colon: int, hi: int) -> bool:
    """Rule dateline-not-speaker: whether the label ``text[lo:colon]`` before a colon is a
    dateline's place ("NEW DELHI: India will ..."), which no speaker's label is."""
    return dateline_end(text, lo, hi) == colon + 1


def _add_clause(
    doc: _Doc,
    st: _State,
    content: tuple[int, int],
    cue: tuple[int, int],
    mention: Mention | None,
    rule: str,
    extra: tuple[str, ...] = (),
) -> None:
    """Record a clause attributed by one of the construction rules below: indirect, mixed
    when it holds a quotation, direct when one quotation is all of it."""
    c_lo, c_hi = content
    inside = [q for q in doc.spans_overlapping(c_lo, c_hi) if q.start >= c_lo]
    kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
    if len(inside) == 1 and _all_quoted(doc.text, inside[0], c_lo, c_hi):
        kind = QuoteKind.DIRECT
    st.done_quotes.update(doc.span_index(q) for q in inside)
    att = Attribution(
        kind=kind, fragments=(content,), cue=cue, mention=mention, rules=(rule, *extra)
    )
    st.out.append(att)


# A speaker label in a transcript: "KATE BOULDUAN: Why not?", "Q: ...", "A: ...".
_TURN = lazy_regex(
    r"(?:^|(?<=[.!?…”\"]\s{1,3}))(?P<label>Q|A|[\p{Lu}][\p{Lu}’'.-]+(?:\s+[\p{Lu}][\p{Lu}’'.-]+){0,3}):\s+"
)


# "In the latest Post-ABC poll, CLAUSE": a finding reported from a document.
_IN_DOCUMENT = lazy_regex(
    r"(?:In|in)\s+(?P<src>(?:an?|the|this|that|its|their|his|her|one|another)\s+[^,.;:!?]{0,60}?"
    r"\b(?:poll|polls|survey|surveys|study|studies|report|analysis|review|audit|data|estimate|"
    r"estimates|count|tally|index|ranking|rankings|forecast|projection|model)\b[^,.;:!?]{0,60}?)"
    r"\s*,\s*(?:(?:conducted|released|published|taken|carried\s+out|updated)\b[^,.;:!?]{0,50},\s*)?"
)


def _attribute_transcript_turns(doc: _Doc, st: _State, config: Config) -> None:
    """Rule transcript-turn: in an interview transcript, "KATE BOULDUAN: Why not debate?" or
    "Q: ..." -- an upper-case speaker label and a colon -- reports that speaker's turn, up to
    the next label or the paragraph's end.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("ANA RUIZ: We will rebuild the bridge by spring.")[0].rules[:2]
    ('transcript-turn', 'transcript-label')
    """
    text = doc.text
    for lo, hi in doc.paragraphs:
        st.at = lo
        doc.budget.check()
        if text.find(":", lo, hi) == -1:
            continue
        # Rule dateline-not-speaker: "CANBERRA: Australia will ..." opens wire copy with its
        # place, no speaker's turn (quoteattr.dateline knows the places).
        labels = [
            m
            for m in _TURN.finditer(text, lo, hi, timeout=doc.budget.timeout())
            if not is_label(m.group("label"))
            and (m.start() == lo or len(m.group("label")) > 1)
            and not _colon_dateline(text, m.start("label"), m.end("label"), hi)
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
    """Rules in-document-finding, in-document-source, poll-after-finding: "In the latest
    Post-ABC poll, Ruiz led by six points." -- a clause introduced by a poll, study or report
    it comes from (when the clause has no cue of its own); and "Ruiz led Cole by six points in
    the latest poll" -- a standing in a poll or survey named after it (a lead, a margin, a
    share, a place). A finding, not speech: the broad scheme only.

    >>> from quoteattr import QuoteExtractor
    >>> broad = QuoteExtractor(scheme="broad")
    >>> broad("In the latest state poll, Ruiz led by six points.")[0].rules[:2]
    ('in-document-finding', 'in-document-source')
    >>> broad("Ruiz led Cole by six points in the latest state poll.")[0].rules[:2]
    ('poll-after-finding', 'in-document-source')
    """
    text = doc.text
    for sent in doc.analysis.sentences:
        st.at = sent.start
        doc.budget.check()
        if not text.startswith(("In ", "in "), sent.start):
            _poll_after_finding(doc, st, sent)
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
            _indirect(
                (c_lo, c_hi),
                (m.start(), m.start() + 2),
                attrs.evolve(mention, kind=SpeakerKind.UNKNOWN, role=None),
                ("in-document-finding",),
                confidence=_score(QuoteKind.INDIRECT, ("in-document-finding",), None),
            )
        )


# "... in the latest Post-ABC poll": a poll or survey the clause before it comes from (no
# other "in" between, so "led in Iowa in a new poll" names "a new poll").
_IN_POLL = lazy_regex(
    r"\s[Ii]n\s+(?P<src>(?:(?!\b[Ii]n\s)[^,.;:!?\n“”\"]){0,60}?\b(?:polls?|surveys?|polling)\b"
    r"(?:\s+(?:last|this)\s+(?:week|month|year)|\s+(?:released|conducted|taken)\s+\p{Lu}\w+)?)"
)
# What a poll finds: a lead, a margin, a share, a place in the field.
_STANDING = lazy_regex(
    r"\b(?:leads?|led|leading|ahead|behind|trails?|trailed|trailing|percent|points?|digits"
    r"|second|third|fourth|fifth|sixth|atop|top)\b|%"
)
# An opening phrase of time or place before the clause: "In March, ", "By Jan. 18, ".
_OPENING_PHRASE = lazy_regex(
    r"(?:In|By|On|At|As\s+of|Since|After|Before|Last|This|Early|Late|Earlier)\b[^,;:]{0,60},\s*"
)


def _poll_after_finding(doc: _Doc, st: _State, sent: Sentence) -> None:
    """Rule poll-after-finding: "Ruiz led Cole by six points in the latest state poll." --
    a clause that the poll or survey named after it reports (rule in-document-source); the
    clause opens the sentence (after an opening phrase of time or place) and has no cue of
    its own. A finding, not speech: the broad scheme only."""
    text = doc.text
    lo, hi = sent.start, sent.end
    if text.find("poll", lo, hi) == -1 and text.find("survey", lo, hi) == -1:
        return  # (the cheap test: most sentences name neither)
    m = _IN_POLL.search(text, lo, hi, timeout=doc.budget.timeout())
    if m is None:
        return
    opening = _OPENING_PHRASE.match(text, lo, m.start())
    c_lo, c_hi = _trim(text, opening.end() if opening else lo, m.start())
    if _word_count(text, c_lo, c_hi) < 3 or doc.cues_between(c_lo, c_hi):
        return
    if content_shape(text, c_lo, c_hi) != "clause" or not _free(st, c_lo, c_hi):
        return
    if not _STANDING.search(text, c_lo, c_hi):
        return  # "going to the polls", "do well in the polls": no finding reported
    s, e = m.span("src")
    mention = describe(text, tokens(text, s, e), ("in-document-source",))
    if mention is None:
        return
    rules = ("poll-after-finding",)
    st.out.append(
        _indirect(
            (c_lo, c_hi),
            (m.start() + 1, m.start() + 3),
            attrs.evolve(mention, kind=SpeakerKind.UNKNOWN, role=None),
            rules,
            confidence=_score(QuoteKind.INDIRECT, ("in-document-finding",), None),
        )
    )


# The writer's hedges: "Trump appears to have learned", "It seems unfair", "He reportedly
# left"; "appeared on television" is no hedge.
_HEDGE = lazy_regex(
    r"\b(?:seem(?:s|ed)?\b|reportedly|appears?\s+(?=to\b|that\b|likely\b|unlikely\b"
    r"|poised\b|ready\b|set\b)|appeared\s+(?=to\b|that\b|likely\b|unlikely\b|poised\b|ready\b"
    r"|set\b)|(?:(?:is|are|was|were|be|been)\s+|(?:isn|aren|wasn|weren)[’']t\s+)"
    r"(?:(?:\w{1,20}ly|not|also|still|now|even)\s+){0,2}expected(?=\s+to\b))"
)
# A hedge that is an adverb: the whole clause is hedged ("He reportedly left").
_HEDGE_ADVERB = "reportedly"
# Searched in reverse for the last clause opener; the spaces after it are taken by _SPACES
# (a trailing \s* in the reverse search would rescan a run of spaces from every position).
_CLAUSE_START = lazy_regex(r"(?r)[,;:—–]|\b(?:that|but|and|while|because|if|when|as|so)\b")


# Substrings one of which every hedge contains: a cheap test before the scan.
_HEDGE_WORDS = ("seem", "ppear", "reportedly", "expected")

# The words between a raised subject and its hedge that are not the subject's: auxiliaries,
# modals, negation and adverbs ("the campaign [has] appeared", "it [can hardly] be").
_NOT_SUBJECT_WORDS = frozenset(
    """has have had may might can could would will should must does do did is are was were
    be been being not never n't n’t also still now even often only hardly""".split()
)
_SUBJECT_WORD = lazy_regex(r"[\w’'.-]+")
# An auxiliary written onto the subject's last word, right before the hedge or participle.
_CONTRACTED_AUXILIARY = lazy_regex(r"[’'](?:s|re|ve|d|ll)$")
# A relative pronoun right before the hedge is the whole subject: "[what] appears to be".
_RELATIVE_SUBJECT = lazy_regex(r"(?r)\b(?:which|what|who|that)\s*$", regex.I)
# The last word that opens a clause before the subject: "unsure why [the talks] seemed".
_SUBJECT_OPENER = lazy_regex(
    r"(?r)\b(?:why|how|whether|where|when|if|as|though|although|because|since|until|unless"
    r"|before|after|than|while|once)\b",
    regex.I,
)
# "It seems that ...", "it appears that ...": an empty subject, the clause is the content.
_EXPLETIVE = lazy_regex(r"(?:it|there)$", regex.I)


def _raised_subject(text: str, lo: int, at: int, cue_end: int) -> tuple[int, int] | None:
    """Rule raised-subject-in-content: the subject of a hedge, which the hedge raises out of
    what it hedges ("[Clinton] appeared [to have the most to gain]" hedges *Clinton has the
    most to gain*): the words from the clause opener at ``lo`` to the hedge at ``at``, less
    auxiliaries and adverbs; a relative pronoun just before the hedge alone. ``None`` for no
    subject, an expletive *it* or *there* before *that* or *like*, or a run of more than 12
    words (a clause the opener search did not cut)."""
    rel = _RELATIVE_SUBJECT.search(text, lo, at)
    if rel is not None:
        return rel.start(), rel.start() + len(rel.group().rstrip())
    opener = _SUBJECT_OPENER.search(text, lo, at)
    if opener is not None:
        lo = opener.end()
    words = list(_SUBJECT_WORD.finditer(text, lo, at))
    while words and (
        words[-1].group().lower() in _NOT_SUBJECT_WORDS
        or (words[-1].group().endswith("ly") and words[-1].group().islower())
    ):
        words.pop()
    if not 1 <= len(words) <= 12 or words[-1].group() == "to":
        return None  # "Sanders is likely to be seen as ...": the subject of another verb
    s_lo, s_hi = _trim(text, words[0].start(), words[-1].end())
    contracted = _CONTRACTED_AUXILIARY.search(text, s_lo, s_hi)
    if contracted is not None:
        s_hi = contracted.start()  # "a system that’s been criticized": "’s" is "has"
    if s_hi <= s_lo or text[s_lo] in "’'":
        return None
    if _EXPLETIVE.fullmatch(text, s_lo, s_hi) and regex.match(
        r"\s*(?:that|like|as\s+if|as\s+though)\b", text[cue_end : cue_end + 12]
    ):
        return None
    return s_lo, s_hi


def _attribute_hedges(doc: _Doc, st: _State, config: Config) -> None:
    """Rules writer-hedge, raised-subject-in-content, empty-raised-subject, hedge-ends-at-comma:
    "Trump appears to have learned the wrong lessons" -- the writer attributes a claim with
    *seems*, *appears to*, *is expected to* or *reportedly*, naming no source. The content is
    what is hedged, up to the first comma or spaced dash after two words (what follows is the
    writer's: "appeared to dismiss the audit in May, when she ..."):
    the words after the hedge ("to have learned the wrong lessons") and, as a fragment of its
    own, the subject the hedge raised out of them ("Trump"), unless that subject is *it* or a
    relative *that*, which name nothing hedged ("it seems the mood has changed", "a plan that
    seems doomed"; so for *is seen as* too); the whole clause for *reportedly* and
    *seemingly*. There is no speaker. Counted as an attribution by news corpora such as
    PARC and PolNeAR: the broad scheme only (``Config.scheme``).

    >>> from quoteattr import QuoteExtractor
    >>> broad = QuoteExtractor(scheme="broad")
    >>> broad("The mayor appears to have learned the wrong lessons.")[0].rules
    ('writer-hedge', 'raised-subject-in-content')
    >>> [f.text for f in broad("The mayor appears to have learned the wrong lessons.")[0].fragments]
    ['The mayor', 'to have learned the wrong lessons']
    """
    text = doc.text
    if not any(w in text for w in _HEDGE_WORDS):
        return
    # One scan of the whole text (hedges are rare), each hit then placed in its sentence.
    for m, sent in _hits_outside_quotes(doc, st, _HEDGE):
        b = _CLAUSE_START.search(text, sent.start, m.start(), timeout=doc.budget.timeout())
        c_lo = _SPACES.match(text, b.end(), m.start()).end() if b is not None else sent.start
        end = _CLAUSE_END.search(text, m.end(), sent.end, timeout=doc.budget.timeout())
        c_hi = end.start() if end is not None else sent.end
        cue_end = m.start() + len(m.group().rstrip())
        if m.group() == _HEDGE_ADVERB:
            # The clause on both sides of the adverb: "[He] reportedly [left the party]".
            before = _trim(text, c_lo, m.start())
            subject = before if before[1] > before[0] else None
        else:
            subject = _raised_subject(text, c_lo, m.start(), cue_end)
            if b is not None and subject is None and b.group() == "that":
                subject = _raised_subject(text, b.start(), m.start(), cue_end)
        empty = subject is not None and _informative(text, subject) is None
        subject = None if empty else subject
        c_lo = cue_end  # what is hedged: "[Trump appears] to have learned the lesson"
        # Rule hedge-ends-at-comma: what is hedged ends at the first comma or spaced dash
        # after two words ("appeared to dismiss the audit in May, when she told ...").
        comma = _HEDGE_BREAK.search(text, c_lo, c_hi)
        if comma is not None and _word_count(text, c_lo, comma.start()) >= 2:
            c_hi = comma.start()
        c_lo, c_hi = _trim(text, c_lo, c_hi)
        # "[Clinton] seemed [irritated]": one word is enough with the subject.
        least = 1 if subject is not None else 2 if m.group() != _HEDGE_ADVERB else 4
        if _word_count(text, c_lo, c_hi) < least or not _free(st, c_lo, c_hi):
            continue
        rules: tuple[str, ...] = ("writer-hedge", "empty-raised-subject")[: 2 if empty else 1]
        if subject is not None and _free(st, *subject) and not doc.spans_overlapping(*subject):
            rules = ("writer-hedge", "raised-subject-in-content")
            hedge = _indirect((c_lo, c_hi), (m.start(), cue_end), None, rules)
            st.out.append(attrs.evolve(hedge, fragments=(subject, (c_lo, c_hi))))
            continue
        st.out.append(_indirect((c_lo, c_hi), (m.start(), cue_end), None, rules))


_CLAUSE_END = lazy_regex(r"[;:—–]|,\s+(?:but|and|while|which|as)\b")
_HEDGE_BREAK = lazy_regex(r",|\s--?\s")


def _informative(text: str, subject: tuple[int, int] | None) -> tuple[int, int] | None:
    """The raised subject of a hedge or a passive view (rule empty-raised-subject), unless it
    is *it* or a relative *that*, which name nothing of what is hedged: "it seems the
    mood has changed" (an expletive), "a plan that seems doomed" (the plan is outside the
    clause). ``None`` for those.

    >>> t = "a plan that seems doomed"
    >>> _informative(t, (7, 11)) is None, _informative(t, (0, 6))
    (True, (0, 6))
    """
    if subject is not None and text[subject[0] : subject[1]].lower() in ("it", "that"):
        return None
    return subject


# "X is confident that ...", "they were skeptical of ...", "she is eager to ...".
_BELIEF_ADJECTIVE = lazy_regex(
    r"\b(?P<aux>is|are|was|were|be|been|am|[’']s|[’']re)\s+(?:(?:\w{1,20}ly|not|also|still|now)\s+)?"
    r"(?P<adj>confident|convinced|sure|certain|aware|concerned|worried|afraid|hopeful|optimistic"
    r"|pessimistic|skeptical|sceptical|adamant|eager|willing|determined|reluctant|unsure)\s+"
    r"(?P<prep>that|about|of|to)\b"
)


# How far a construction rule's content may run (characters): bounds the work per match.
_CONTENT_REACH = 600
# "X is widely seen as a reformer", "the deal was viewed as a victory".
_PASSIVE_BELIEF = lazy_regex(
    r"\b" + one_of(BE_FORMS) + r"\s+(?:(?:\w{1,20}ly|also|now|still|often)\s+)?"
    r"(?P<cue>seen|viewed|regarded|perceived|billed|touted|portrayed|described|characterized"
    r"|considered|known)\s+(?:as|for)\s+"
)


def _attribute_passive_beliefs(doc: _Doc, st: _State, config: Config) -> None:
    """Rules passive-belief, raised-subject-in-content: "Minnesota is seen as an opportunity
    for Sanders" -- a view attributed to nobody named: the content is the description after
    *as* (or *for*) and, as a fragment of its own, the subject the view is of
    ("Minnesota"), with no speaker (*by X* names one). A belief, not speech: the broad
    scheme only.

    >>> from quoteattr import QuoteExtractor
    >>> broad = QuoteExtractor(scheme="broad")
    >>> broad("Minnesota is seen as an opportunity for Sanders.")[0].rules
    ('passive-belief', 'cue-belief-verb', 'raised-subject-in-content')
    >>> [f.text for f in broad("Minnesota is seen as an opportunity for Sanders.")[0].fragments]
    ['Minnesota', 'an opportunity for Sanders']
    """
    text = doc.text
    for m, sent in _hits_outside_quotes(doc, st, _PASSIVE_BELIEF):
        hi = min(sent.end, m.end() + _CONTENT_REACH)
        end = _CLAUSE_END.search(text, m.end(), hi, timeout=doc.budget.timeout())
        comma = text.find(",", m.end(), hi)
        c_hi = min(x for x in (end.start() if end else hi, comma, hi) if x != -1)
        c_lo, c_hi = _trim(text, m.end(), c_hi)
        if _word_count(text, c_lo, c_hi) < 2 or not _free(st, c_lo, c_hi):
            continue
        rules: tuple[str, ...] = ("passive-belief", "cue-belief-verb")
        # The subject is what the view is of: "[Minnesota] is seen as [an opportunity]".
        b = _CLAUSE_START.search(text, sent.start, m.start(), timeout=doc.budget.timeout())
        s_lo = _SPACES.match(text, b.end(), m.start()).end() if b is not None else sent.start
        subject = _raised_subject(text, s_lo, m.start(), m.end())
        if b is not None and subject is None and b.group() == "that":
            subject = _raised_subject(text, b.start(), m.start(), m.end())
        if subject is not None and _informative(text, subject) is None:
            subject, rules = None, (*rules, "empty-raised-subject")
        if subject is not None and _free(st, *subject) and not doc.spans_overlapping(*subject):
            rules = (*rules, "raised-subject-in-content")
            belief = _indirect((c_lo, c_hi), m.span("cue"), None, rules)
            st.out.append(attrs.evolve(belief, fragments=(subject, (c_lo, c_hi))))
            continue
        st.out.append(_indirect((c_lo, c_hi), m.span("cue"), None, rules))


# "super PACs [supporting] Ruiz", "a group [backing] Cole": a participle of stance after the
# noun it describes (a reduced relative clause), which the cue rules leave (an -ing form
# is a cue there only after a comma or an auxiliary).
_STANCE_PARTICIPLE = lazy_regex(
    r"(?<=[\p{L}’'\d)]\s+)(?P<cue>supporting|backing|opposing|endorsing|favou?ring)\s+(?=[\p{L}“\"])"
)
_STANCE_WORDS = ("supporting", "backing", "opposing", "endorsing", "favoring", "favouring")
# Words before the participle that make it no reduced relative: a preposition ("for
# supporting"), an auxiliary ("is backing"), a conjunction or a determiner.
_NOT_STANCE_HOLDER = PREPOSITIONS | frozenset(
    """is are was were be been being am has have had and or but not the a an his her their its
    our my your this that while when after before without by""".split()
)
_STANCE_BREAK = lazy_regex(
    r",|;|:|\s[—–-]{1,2}\s|\s(?:and|but|while|because|as|when|after|before|since|until|who"
    r"|which|that|is|are|was|were|has|have|had|will|would|to|in|on|at|for|with|from)\s"
)


def _attribute_stance_participles(doc: _Doc, st: _State, config: Config) -> None:
    """Rule stance-participle: "Two super PACs supporting Ruiz spent $3 million" -- a
    participle of stance after a noun phrase (a reduced relative clause) attributes its
    object to that phrase: the side taken, up to a comma, a clause of another kind or a
    preposition. A stance, not speech: the broad scheme only.

    >>> from quoteattr import QuoteExtractor
    >>> broad = QuoteExtractor(scheme="broad")
    >>> broad("Two super PACs supporting Ruiz spent $3 million on ads.")[0].rules[:1]
    ('stance-participle',)
    """
    text = doc.text
    if not any(w in text for w in _STANCE_WORDS):
        return
    for m, sent in _hits_outside_quotes(doc, st, _STANCE_PARTICIPLE):
        before = text[max(sent.start, m.start() - 30) : m.start()].split()
        if not before or before[-1].lower() in _NOT_STANCE_HOLDER:
            continue
        mention = _subject_before(text, sent.start, m.start())
        if mention is None or not mention.text or not_a_source(mention.text):
            continue
        hi = min(sent.end, m.end() + _CONTENT_REACH)
        brk = _STANCE_BREAK.search(text, m.end(), hi, timeout=doc.budget.timeout())
        c_lo, c_hi = _trim(text, m.end(), brk.start() if brk is not None else hi)
        for w in _SUBJECT_WORD.finditer(text, c_lo, c_hi):
            low = w.group()
            if low in IRREGULAR_PAST or low in AUXILIARIES or (low.endswith("ed") and len(low) > 4):
                c_hi = _trim(text, c_lo, w.start())[1]  # the main verb: "PACs backing Ruiz spent"
                break
        if _word_count(text, c_lo, c_hi) < 1 or _word_count(text, c_lo, c_hi) > 8:
            continue
        if not _free(st, c_lo, c_hi) or doc.cues_between(c_lo, c_hi):
            continue
        st.out.append(_indirect((c_lo, c_hi), m.span("cue"), mention, ("stance-participle",)))


def _attribute_belief_adjectives(doc: _Doc, st: _State, config: Config) -> None:
    """Rule belief-adjective: "Republicans are confident that the bill will pass" -- an
    attitude told by an adjective, its content after *that*, *about*, *of* or *to*. A belief,
    not speech: the broad scheme only.

    >>> from quoteattr import QuoteExtractor
    >>> broad = QuoteExtractor(scheme="broad")
    >>> broad("Republicans are confident that the bill will pass.")[0].rules[:2]
    ('belief-adjective', 'cue-belief-verb')
    >>> broad("Republicans are worried about the cost of the bill.")[0].text
    'the cost of the bill'
    """
    text = doc.text
    for m, sent in _hits_outside_quotes(doc, st, _BELIEF_ADJECTIVE):
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
        st.out.append(_indirect((c_lo, c_hi), m.span("adj"), mention, rules))


def _passive_participles() -> frozenset[str]:
    """The past participles of the lexicon's verbs of saying and believing, less those
    another pass reads: "seen as" (passive beliefs), "expected to" (hedges)."""
    lemmas = SPEECH_CLAUSE | SPEECH_TARGET | SPEECH_OBJECT | BELIEF
    words = {inflect(lemma)["participle"] for lemma in lemmas}
    # Participles that after "be" are mostly adjectives ("was determined to win", "are
    # worried about"), another sense than saying ("was found in a car", "were offered
    # refunds", "is planned for Friday", "was laid off", "was sought by police", "is
    # maintained by the city", "was addressed to"), or the subject's own words ("was quoted
    # as saying", "was charged with assault", "is backed by a fund", "was explained away").
    other_senses = """expected determined worried concerned found offered added decided
        addressed sought laid planned maintained assured credited read posted written quoted
        charged backed explained"""
    # Verbs of judging whose passive reports a view though their active form is no cue of the
    # lexicon's ("considered the front-runner" would end a role phrase of the cast).
    judged = {"considered", "regarded", "rumored", "rumoured"}
    return frozenset((words | judged) - set(other_senses.split()))


_PASSIVE_PARTICIPLES = _passive_participles()
# "Ruiz was accused of ...", "the plan has been described as ...", "she is widely considered":
# an auxiliary of the passive, a few adverbs, then a participle (checked against the list).
_PASSIVE_CUE = lazy_regex(
    r"\b" + one_of(BE_FORMS) + r"\s+(?:(?:[a-z]{2,20}ly|not|never|also|still|now|often"
    r"|long|even|first|later|once|since)\s+){0,2}(?P<cue>[a-z]{3,20})\b"
)
# The agent of the passive right after the cue, "by" and a noun phrase: its speaker.
_BY_AGENT = lazy_regex(
    r"\s*by\s+(?P<agent>(?:[\w’'.&-]+\s+){0,6}?[\w’'.&-]+)"
    r"(?=\s+(?:as|of|for|to|in|on|at|after|before|during|over|with|because|while|that)\b|\s*[,;:.]"
    r"|\s*$)"
)


def _attribute_passive_cues(doc: _Doc, st: _State, config: Config) -> None:
    """Rules passive-cue, passive-agent: "Ruiz was accused of hiding the costs by two aides" -- a
    verb of saying or believing in the passive, which the cue rules leave (its subject is
    not the speaker). The content is its subject, a fragment of its own as in
    raised-subject-in-content ("Ruiz"), and what follows the verb ("of hiding the
    costs"); the agent after *by*, if any, is the speaker. An attribution as PARC and
    PolNeAR annotate it, seldom a quotation: the broad scheme only.

    >>> from quoteattr import QuoteExtractor
    >>> broad = QuoteExtractor(scheme="broad")
    >>> broad("Ruiz was accused of lying by two aides.")[0].rules[:3]
    ('passive-cue', 'raised-subject-in-content', 'passive-agent')
    >>> [f.text for f in broad("Ruiz was accused of lying by two aides.")[0].fragments]
    ['Ruiz', 'of lying']
    """
    text = doc.text
    for m, sent in _hits_outside_quotes(doc, st, _PASSIVE_CUE):
        if m.group("cue") not in _PASSIVE_PARTICIPLES:
            continue
        b = _CLAUSE_START.search(text, sent.start, m.start(), timeout=doc.budget.timeout())
        s_lo = _SPACES.match(text, b.end(), m.start()).end() if b is not None else sent.start
        subject = _raised_subject(text, s_lo, m.start(), m.end())
        if b is not None and subject is None and b.group() == "that":
            subject = _raised_subject(text, b.start(), m.start(), m.end())
        if subject is None or doc.spans_overlapping(*subject) or not _free(st, *subject):
            continue
        words = tokens(text, *subject)
        if not words or words[-1].lower in PREPOSITIONS or doc.cues_between(*subject):
            continue  # "the economy that [he says] is rigged": a cue's subject, not this one
        pos, mention = m.end(), None
        agent = _BY_AGENT.match(text, pos, sent.end)
        if agent is not None:
            a_lo, a_hi = agent.span("agent")
            mention = describe(text, tokens(text, a_lo, a_hi), ("passive-agent",))
            pos = agent.end()
        hi = min(sent.end, pos + _CONTENT_REACH)
        end = _CLAUSE_END.search(text, pos, hi, timeout=doc.budget.timeout())
        c_hi = end.start() if end is not None else hi
        # (As rule hedge-ends-at-comma: "was accused of lying in May, when ..." ends at
        # the comma.)
        comma = _HEDGE_BREAK.search(text, pos, c_hi)
        if comma is not None and _word_count(text, pos, comma.start()) >= 2:
            c_hi = comma.start()
        c_lo, c_hi = _trim(text, pos, c_hi)
        if mention is None:
            late = _LATE_AGENT.search(text, c_lo, c_hi)
            if late is not None and late.start() > c_lo:
                a_lo, a_hi = late.span("agent")
                mention = describe(text, tokens(text, a_lo, a_hi), ("passive-agent",))
                c_hi = _trim(text, c_lo, late.start())[1]
        empty = _informative(text, subject) is None
        fragments = [] if empty else [subject]
        if c_hi > c_lo and _free(st, c_lo, c_hi):
            fragments.append((c_lo, c_hi))
        if not fragments:
            continue
        rules = ("passive-cue", "empty-raised-subject" if empty else "raised-subject-in-content")
        cue = m.span("cue")
        quote = _indirect(fragments[-1], cue, mention, rules)
        st.out.append(attrs.evolve(quote, fragments=tuple(fragments)))


# "... by two council members" closing the content: the passive's agent, its speaker.
_LATE_AGENT = lazy_regex(
    r"(?r)\s+by\s+(?P<agent>(?:the\s+|an?\s+)?(?:[\w’'.&-]+\s+){0,5}[\w’'.&-]+)\s*$"
)


# "Trump’s claim that ...", "her warning that ...": a possessor, a noun of saying, "that".
# Found from "that" back (a lookbehind): far cheaper than trying the nouns everywhere.
_NOUN_THAT = lazy_regex(r"(?<=\b(?P<noun>" + one_of(SAYING_NOUNS) + r")\s+)that\b")
# The possessor right before the noun: "Trump’s", "the mayor’s", "her (latest)".
_POSSESSOR = lazy_regex(
    r"(?r)(?P<who>\b(?:his|her|their|its)|(?:\b[Tt]he\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+|[\p{Lu}][\p{L}.’'-]*"
    r"(?:\s+[\p{Lu}][\p{L}.’'-]*){0,3})['’]s?)"
    r"\s+(?:(?:latest|repeated|earlier|new|false|baseless|frequent|recent|own|public)\s+)?$"
)


def _attribute_noun_cues(doc: _Doc, st: _State, config: Config) -> None:
    """Rules possessive-noun-cue, possessor-speaker: "Trump’s claim that crime had doubled",
    "her warning that rates would rise" -- a noun of saying with its possessor and a *that*
    clause.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("Trump’s claim that crime had doubled was false.")[0].rules[:2]
    ('possessive-noun-cue', 'possessor-speaker')
    """
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


#: The construction passes, in the order :func:`quoteattr.attribution.attribute` runs them
#: after the quotes and cues, each with the name a budget warning gives it and whether it
#: runs in the broad scheme only (findings, hedges, beliefs and passive cues are attributions
#: news corpora count, seldom quotations); transcript turns run first of all, before the
#: quotes: see :data:`TRANSCRIPT_TURNS`.
CONSTRUCTIONS: tuple[tuple[str, bool, Callable[[_Doc, _State, Config], None]], ...] = (
    ("colon headlines", False, _attribute_colon_headlines),
    ("findings of documents", True, _attribute_document_findings),
    ("nouns of saying", False, _attribute_noun_cues),
    ("hedges", True, _attribute_hedges),
    ("belief adjectives", True, _attribute_belief_adjectives),
    ("stance participles", True, _attribute_stance_participles),
    ("passive beliefs", True, _attribute_passive_beliefs),
    ("passive cues", True, _attribute_passive_cues),
)

#: The pass that runs before the quotes: an interview's turns take their paragraphs whole.
TRANSCRIPT_TURNS = ("transcript turns", _attribute_transcript_turns)
