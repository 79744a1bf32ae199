"""What the words around a cue are: the shape of a clause (:func:`content_shape`), where
the content after a cue runs, whether a noun phrase can be a source, a title, a label.

These read text only; the passes in :mod:`~quoteattr.attribution.direct`,
:mod:`~quoteattr.attribution.reported` and :mod:`~quoteattr.attribution.constructions` decide
with them."""

from __future__ import annotations

import attrs
import regex

from .. import cues, evidence
from .._patterns import lazy_re, lazy_regex, one_of
from ..cues import Cue
from ..lexicon.clauses import (
    ARTICLES_AND_POSSESSIVES,
    AUXILIARIES,
    CLOSED_DETERMINERS,
    COMPLEMENT_NOUNS,
    IRREGULAR_PAST,
    NP_ENDERS,
    NP_OPENERS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)
from ..lexicon.not_quotes import LABEL_WORDS
from ..lexicon.pronouns import SPEAKER_PRONOUNS
from ..lexicon.reporting_verbs import STRONG_SPEECH
from ..lexicon.roles import DOCUMENT_NOUNS
from ..model import SpeakerKind
from ..speakers import DETERMINERS, Mention, describe, mention_before, tokens
from .state import _WORDS, _Doc, _only_punct

# "that", "whether", "if" opening reported content.
_COMPLEMENTIZER = lazy_regex(
    r"\s*(?:,\s*(?:(?:\w{1,20}ly|too|though|however|somewhat|rather|very|quite|also|again|once"
    r"|still|even)\s+){0,3}(?:\w{1,20}ly|too|though|however|again|once|too),\s*"
    r"|,\s*)?\b(?P<word>that|whether|if|how|why|what)\b\s*",
    regex.I,
)
# Adjuncts that may follow a cue before its content or the sentence end.
_ADJUNCT = lazy_regex(
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
# A hearer after "told": "reporters", "CNN", "the Associated Press", "him", "People
# magazine" (rule hearer-media-noun: a medium's name and the noun of what it is).
_HEARER = lazy_regex(
    r"""\s*(?:(?:me|him|her|us|them|you|reporters|journalists|supporters|voters|lawmakers
        |the\s+crowd|an?\s+audience|the\s+audience|the\s+newspaper|the\s+paper|the\s+network
        |the\s+station|the\s+outlet|the\s+magazine|the\s+committee|the\s+court)
      | (?:the\s+)?[\p{Lu}][\w.&’'-]*(?:\s+(?:of\s+|and\s+|&\s+)?[\p{Lu}][\w.&’'-]*){0,5}
        (?:\s+(?:magazine|newspaper|radio|television|podcast|programme|program|website))?
      | (?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:crowd|audience|reporter|reporters
            |interviewer|gathering|rally|group|panel|radio\s+host|host))""",
    regex.X,
)
# A target after "accused": an object phrase up to "of"/"for".
_TARGET = lazy_regex(r"[^,.;:!?]{1,80}?\s(?:of|for)\s", regex.I)
# (A place with its state between commas may stand in it: "in Columbus, Ohio, that".)
_THAT_SOON = lazy_regex(
    r"(?:[^,.;:!?“”\"]|,\s+\p{Lu}[\w.]*(?:\s+\p{Lu}[\w.]*)?,){1,80}?\bthat\b\s*"
)
# A phrase up to "that" (the preposition is checked by content_shape): "after the game that".
_ADVERBIAL_THAT = lazy_regex(r"\s*[^,.;:!?“”\"\s][^,.;:!?“”\"]{0,60}?\s(?P<that>that)\s+")
# A phrase of a few words up to a subject pronoun: "for weeks he", "at the rally they".
_ADVERBIAL_PRONOUN = lazy_regex(
    r"\s{0,4}[a-z][^,.;:!?“”\"]{0,40}?\s(?P<subject>(?:he|she|they|we|I|you|it|there)"
    r"(?:['’](?:s|d|ll|re|ve|m))?)\s{1,4}(?=\w)(?!to\b)"
)
# Prepositions that open an adjunct of time, place or manner after a cue (not "as", a
# subordinator, nor "to", "about", which open a cue's own object).
_ADJUNCT_PREPOSITIONS = frozenset(
    "after before during at in on for since over throughout with from across".split()
)
# Words that end an adjunct of time: "for weeks", "on Monday", "last night".
_ADJUNCT_ENDS = frozenset(
    """weeks days months years week day month year night morning afternoon evening weekend
    monday tuesday wednesday thursday friday saturday sunday ago time times today yesterday
    recently interview interviews statement speech rally""".split()
)
# Words that open a clause of another kind inside what would be the adjunct.
_NOT_IN_ADJUNCT = frozenset("when as than whether if because while where that which who".split())
# An insertion between dashes, then "that": "— on Twitter, as it happens — that".
_DASHES_THEN_THAT = lazy_regex(r"\s{0,4}[—–]\s{0,4}[^—–\n]{1,80}?[—–]\s{0,4}(?=that\b)")
# A hearer of a few plain words before a subject pronoun or "that": "told investigators they".
_PLAIN_HEARER = lazy_regex(
    r"\s*(?:"
    + one_of((*ARTICLES_AND_POSSESSIVES, "our", "two", "three", "several", "some"))
    + r"\s+)?"
    r"(?:[a-z][a-z’'-]+\s+){0,2}[a-z][a-z’'-]+s(?=\s+(?:he|she|they|we|I|that)\s)"
)
_THAT_AT_END = lazy_regex(r"\bthat\s*$")
# A hearer of a determiner and a noun or two before a determiner that opens a clause.
# (Its nouns are no preposition or relative word: "told the story of a mom" has none.)
_DEFINITE_HEARER = lazy_regex(
    r"\s*" + one_of((*ARTICLES_AND_POSSESSIVES, "our")) + r"\s+(?:(?!(?&fn))[a-z][a-z’'-]+\s+)?"
    r"(?!(?&fn))[a-z][a-z’'-]+(?=\s+"
    + one_of((*ARTICLES_AND_POSSESSIVES, "this", "these", "those"))
    + r"\s)"
    r"(?(DEFINE)(?P<fn>(?:of|at|in|on|for|to|with|from|by|about|into|over|after|before|during"
    r"|who|which|that|whom|whose|what|how|why|when|where|and|or|but)\b))"
)
# Where the hearer was: "in Canberra", "at Queen’s Park", "outside the White House".
_PLACE_ADJUNCT = lazy_regex(
    r"\s+(?:in|at|outside|near)\s+(?:the\s+)?\p{Lu}[\w.’'-]*(?:\s+\p{Lu}[\w.’'-]*){0,3}(?=\s)"
)
# Up to ten words and "that", no punctuation between (hearer-phrase-then-that).
# (Not a relative "that" whose verb follows it: "asked the firm that made the vaccine".)
_PHRASE_THAT = lazy_regex(
    r"\s*(?P<np>[\w’'-]+(?:\s+[\w’'-]+){0,9}?)\s+that\s+(?=\w)"
    r"(?!(?:is|was|are|were|has|had|have|will|would|can|could|may|might|should|must|does|did"
    r"|made|[a-z]+ed)\b)(?P<next>\w+)"
)
# Nouns after a demonstrative "that" ("told reporters that day"): no complementizer.
_THAT_NOUNS = frozenset("way day night week time year morning evening month point moment".split())
_HEARER_DETERMINERS = frozenset("the a an his her their its our my your".split())


def _hearer_phrase_end(text: str, lo: int, hi: int) -> int | None:
    """Where "that" stands after a hearer phrase of no verb at ``lo`` (one noun phrase and
    its prepositional adjuncts: "a conference call with analysts"; not two noun phrases, as
    in "told the jury the plan that failed"), or ``None``."""
    m = _PHRASE_THAT.match(text, lo, min(hi, lo + 120))
    if m is None or m.group("next").lower() in IRREGULAR_PAST:
        return None
    if content_shape(text, m.start("np"), m.end("np")) != "noun":
        return None
    if m.group("next").lower() in _THAT_NOUNS:
        return None
    words = m.group("np").split()
    if words[-1].lower() in COMPLEMENT_NOUNS:
        return None  # "asked questions about her assertion that ...": the noun's clause
    for k in range(1, len(words)):
        low = words[k].lower()
        if low in _HEARER_DETERMINERS and words[k - 1].lower() not in PREPOSITIONS:
            return None
        # An infinitive or a second verb phrase ("urged people to seek shelter", "tell
        # stories and share ideas") is no hearer.
        if low in ("to", "and", "or") and k + 1 < len(words):
            nxt = words[k + 1]
            if nxt.islower() and nxt not in _HEARER_DETERMINERS:
                return None
    end: int = m.end("np")
    return end


# A subordinate clause right after a cue, up to "that": "said before she died that".
_SUBORDINATE_THAT = lazy_regex(
    r"\s{1,4}(?:before|after|when|while|since|until|once|because|although|though|if)\s{1,4}"
    r"[^.;:!?“”\"\n,]{3,120}?\s(?P<that>that)\s{1,4}(?=\w)"
)

# "of", "about", "on" (after an adverb or "out": "spoke openly of", "spoke out against"; "about"
# after a hearer too: "spoke to reporters about"); "to"
# after "refer" and "allude" only: "referring to the deal".
_ABOUT = lazy_regex(
    r"\s{0,4}(?:(?:\w{1,20}ly|out|up)\s{1,4})?"
    r"(?:(?:to|with)\s{1,4}(?:[\w’'.-]+\s{1,4}){1,4}?(?=about\s))?(?:of|about|on|against)\s"
)
_ABOUT_TO = lazy_regex(r"\s{0,4}(?:\w{1,20}ly\s{1,4})?to\s")


# A programme's title in quote marks, after where or to whom it was said, before "that":
# "on ABC's “This Week” that", "’s “Meet the Press,” that".
_SHOW_TITLE_THAT = lazy_regex(
    r"\s{0,4}(?:(?:on|to|in)\s{1,4}(?:the\s{1,4})?)?(?:\p{Lu}[\w.&-]*(?:\s{1,4}\p{Lu}[\w.&-]*){0,3})?"
    r"(?:['’]s)?\s{0,4}[“\"](?P<title>[^”\"\n]{2,60}?),?[”\"],?\s{1,4}(?=that\b)"
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
        that_at = None
        if h is None:
            # Rule hearer-phrase-then-that: "told analysts on a conference call that ...",
            # "told a Senate committee on Tuesday that ..." -- a noun phrase (with its
            # prepositional adjuncts) and then "that": the phrase is the hearer.
            that_at = _hearer_phrase_end(text, pos, hi)
            if that_at is not None:
                rules.append("hearer-phrase-then-that")
                pos = that_at
        clause_next = False
        if h is None and that_at is None:
            # Rule hearer-before-clause: "told the jury the accused had lied" -- a
            # determiner and a noun or two before a clause of its own are the hearer.
            h = _DEFINITE_HEARER.match(text, pos, hi)
            clause_next = h is not None and content_shape(text, h.end(), hi) == "clause"
            if clause_next:
                rules.append("hearer-before-clause")
            else:
                h = None
        if h and clause_next:
            pos = h.end()
            rules.append("skip-hearer")
        elif h:
            pos = h.end()
            rules.append("skip-hearer")
            adj = _ADJUNCT.match(text, pos, hi)
            if adj:
                pos = adj.end()
            place = _PLACE_ADJUNCT.match(text, pos, hi)
            if place is not None and content_shape(text, place.end(), hi) == "clause":
                # Rule hearer-then-place: "told reporters in Canberra the plan would go
                # ahead" -- where the hearer was is no content.
                pos = place.end()
                rules.append("hearer-then-place")
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
        placed = None if adv is not None else _adverbial_place_that(text, pos, hi)
        sub = _SUBORDINATE_THAT.match(text, pos, hi)
        if sub is not None and not doc.cues_between(pos, sub.start("that"), 1):
            # Rule subordinate-clause-before-that: "said before she died that the city had
            # changed" -- a clause of time or condition after the cue, then "that": the
            # content is what follows "that".
            pos = sub.end()
            rules.append("subordinate-clause-before-that")
        elif adv is not None and _is_adverbial(text, pos, adv.start("that")):
            pos = adv.end()
            rules.append("adverbial-before-that")
        elif placed is not None:
            pos = placed
            rules.append("adverbial-place-before-that")
        else:
            # Rule adverbial-before-clause: "has said for weeks he is the only one ...", "said
            # at the rally they would win" -- a short phrase that opens with a preposition,
            # with no verb, before a subject pronoun is no content.
            adv = _ADVERBIAL_PRONOUN.match(text, pos, hi)
            phrase = text[pos : adv.start("subject")].split() if adv is not None else []
            if (
                adv is not None
                and phrase[0].lower() in _ADJUNCT_PREPOSITIONS
                and not any(w.lower() in _NOT_IN_ADJUNCT for w in phrase)
                and (
                    phrase[0].lower() in _TIME_PREPOSITIONS
                    or phrase[-1].lower().strip("’'") in _ADJUNCT_ENDS
                    or phrase[-1][:1].isupper()
                    # a preposition and a word or two after a sure verb of saying: "said
                    # in private they would", "said in politics it takes"
                    or (len(phrase) <= 3 and cue.lemma in STRONG_SPEECH and phrase[0] != "on")
                )
                and not doc.cues_between(pos, adv.start("subject"), 1)
                and _is_adverbial(text, pos, adv.start("subject"))
            ):
                pos = adv.start("subject")
                rules.append("adverbial-before-clause")
    elif cue.frame == "clause" and text[pos : pos + 2].strip()[:1] in ("—", "–"):
        # Rule dashes-after-cue: "said — on Twitter, as it happens — that ..." -- an
        # insertion between dashes right after the cue, before "that", is no content.
        dashed = _DASHES_THEN_THAT.match(text, pos, hi)
        if dashed is not None:
            pos = dashed.end()
            rules.append("dashes-after-cue")
    show = _SHOW_TITLE_THAT.match(text, pos, hi)
    if (
        show is not None
        and is_title(show.group("title"))
        and text[show.end() + 4 : show.end() + 30].split()[:1] != []
        and text[show.end() + 4 : show.end() + 30].split()[0].lower() not in _THAT_NOUNS
    ):
        # Rule show-title-before-that: "told CNN's “State of the Union” that ...", "said on
        # ABC's “This Week” that ..." -- the programme where the words were said, a title
        # in quote marks, is no content.
        pos = show.end()
        rules.append("show-title-before-that")
    comp = _COMPLEMENTIZER.match(text, pos, hi)
    if comp and comp.group("word").lower() == "that":
        pos = comp.end()
    elif text[pos : pos + 1] == ",":
        pos += 1
    return pos, hi, rules


#: How many later cues of its sentence the content-end search reads: a sentence with more
#: (a hostile run of "Ana said Ben said ...") would cost a mention search per pair of cues.
_LATER_CUES_READ = 12


# Anything _JOIN_BEFORE or _CONJUNCTION_BEFORE could match begins with one of these.
_JOINT = lazy_regex(r"[,;]|\b(?:and|but|or|yet|while|whereas|though)")
_JOIN_BEFORE = lazy_regex(
    r"(?:[,;]\s*(?:and|but|while|whereas|though)?|\s(?:and|but|while|whereas|though))\s*$"
)
# A conjunction before a later cue's subject: "and also Democrats said".
# (Or a comma and "then": "offered him a job, then said ..." -- coordinated-cue-shares-subject.)
_CONJUNCTION_BEFORE = lazy_regex(
    r"(?:\b(?:and|but|or|yet)\s+(?:(?:also|then|later)\s+)?|,\s{0,4}then\s+)$"
)
# A conjunction of time just before a participle: "said X on Twitter before claiming Y".
_ADVERBIAL_BEFORE = lazy_regex(
    r"\s(?:before|after|while|by|when|since)\s{1,4}(?:(?:also|then|later|again|still|even|first"
    r"|\w{2,16}ly)\s{1,4})?$"
)
# Closing quotation marks: a comma inside one ends content after it ("“fair,” adding").
_COMMA_IN_MARK = lazy_regex(r",(?P<mark>''|[”\"’'])\s*$")


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
        if c.form == "ing":
            before = text[max(cue.end, c.start - 3) : c.start]
            # A comma inside a closing quotation mark ends the content after the mark.
            mark = _COMMA_IN_MARK.search(text, max(cue.end, c.start - 6), c.start)
            if mark is not None:
                mark_end: int = mark.end("mark")
                return mark_end
            if "," in before:
                return c.start - len(before) + before.index(",")
            # Rule adverbial-participle-ends-content: "said X on Twitter before claiming Y".
            adv = _ADVERBIAL_BEFORE.search(text, max(cue.end, c.start - 12), c.start)
            if adv is not None:
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
    against the dependency parse's where the analysis has one (:func:`quoteattr.evidence.speaker`
    decides and names its rule; without a parse it gives ``surface`` back)."""
    found = evidence.speaker(doc.analysis, cue.start, cue.end, lo, hi, surface)
    if found is not None and "dep-passive-agent" in found.rules and cue.form == "ing":
        # Rule passive-needs-participle: a passive's agent speaks for a past participle
        # ("it was said by the minister"); an "-ing" form a weak parse took for a passive
        # ("... condoning and encouraging violence") has none.
        return surface
    return found


# -- What is not a quote: a cue whose object is a thing, not words -----------------------------

_SHAPE_TOKEN = lazy_regex(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:—–]|--")
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
_CONTRACTION = lazy_re(r"['’](?:s|re|ll|d|ve|m)$")
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
    end = min(hi, lo + 400)
    if end - lo > _FIRST_LOOK:
        # Most contents show their shape in a few words: read a first stretch, and the
        # whole window only when that stretch does not decide.
        shape = _shape_of(
            _SHAPE_TOKEN.findall(text, lo, lo + _FIRST_LOOK, concurrent=False), complete=False
        )
        if shape is not None:
            return shape
    shape = _shape_of(_SHAPE_TOKEN.findall(text, lo, end, concurrent=False), complete=True)
    assert shape is not None
    return shape


#: How many characters :func:`content_shape` reads first.
_FIRST_LOOK = 100


def _shape_of(toks: list[str], complete: bool) -> str | None:
    """:func:`content_shape` of the tokens ``toks``; with ``complete`` false, the tokens of
    a stretch cut short (whose last token may be cut too): ``None`` where the answer could
    depend on what follows."""
    if not complete:
        del toks[-1:]
    # Rule dashes-set-off-insertion: a phrase between two dashes (also typed as two hyphens)
    # is an insertion the shape reads past ("the plan — a costly one — would fail" is a
    # clause).
    dashes = [i for i, t in enumerate(toks) if t in ("—", "–", "--")]
    if len(dashes) >= 2 and dashes[0] > 0:
        del toks[dashes[0] : dashes[1] + 1]
    elif len(dashes) == 1 and dashes[0] > 0 and not complete:
        return None  # the closing dash may stand past the stretch read
    n = len(toks)
    if not toks:
        return "empty" if complete else None
    first = toks[0].lower()
    if first in _WH_OPENERS:
        return "clause"
    if first in ("not", "never") and n > 1 and toks[1].lower() == "to":
        if n <= 2 and not complete:
            return None
        if n > 2:
            toks = toks[1:]
            n -= 1
            first = "to"
    if first == "to":
        if n <= 1 and not complete:
            return None
        if n > 1:
            nxt = toks[1]
            infinitive = nxt.isalpha() and nxt.islower() and nxt not in NP_OPENERS
            return "infinitive" if infinitive and nxt not in OBJECT_PRONOUNS else "prepositional"
    i, words, prev = 0, 0, ""
    if first in PREPOSITIONS:
        # Rule approximator-not-preposition: "about half of the rise", "at least six
        # planes", "over 200 people" -- a word of approximation before a number opens a
        # noun phrase, not a prepositional one.
        skip = _approximator(toks)
        if not skip:
            return "prepositional"
        i = skip
    while i < n:
        tok = toks[i]
        low = tok.lower()
        if low in (";", ":", "—", "–", "--"):  # ("--": a dash typed as two hyphens)
            return "noun"
        if low in _RELATIVES and prev == ",":
            # A relative clause set off by commas: the verb of the phrase comes after it.
            k = next((j for j in range(i + 1, n) if toks[j] == ","), -1)
            if k == -1:
                return "noun" if complete else None
            i, prev = k + 1, ","
            continue
        if i and low in NP_ENDERS:
            return "noun"
        if _is_verb(toks, i, low, prev, words):
            return "clause"
        if tok != ",":
            words += 1
        prev = low
        i += 1
    return "noun" if complete else None


#: Words of quantity after a word of approximation: "about half", "over a third".
_QUANTITY_WORDS = frozenset(
    "half a one two three four five six seven eight nine ten dozen dozens hundreds "
    "thousands millions twice".split()
)


def _approximator(toks: list[str]) -> int:
    """How many tokens of approximation open ``toks`` before a number or a quantity
    ("about", "at least", "over"), or 0.

    >>> _approximator(["about", "half", "of"]), _approximator(["at", "least", "six"])
    (1, 2)
    >>> _approximator(["about", "the", "plan"]), _approximator(["at", "the", "rally"])
    (0, 0)
    """
    low = [t.lower() for t in toks[:3]]
    k = 2 if low[:2] in (["at", "least"], ["at", "most"]) else 1
    if low[0] not in ("about", "around", "over", "under", "at") or len(low) <= k:
        return 0
    if low[0] == "at" and k == 1:
        return 0
    nxt = low[k]
    return k if nxt[:1].isdigit() or nxt in _QUANTITY_WORDS else 0


def _is_verb(toks: list[str], i: int, low: str, prev: str, words: int) -> bool:
    """Whether ``toks[i]`` reads as a finite verb (or a subject pronoun, which brings one)."""
    if low in AUXILIARIES or low in IRREGULAR_PAST:
        # Rule month-not-modal: capitalised after a lower-case word, "May" is the month and
        # "Will" a name ("added 4,000 jobs in May"); not in a headline's Title Case.
        return (
            i == 0
            or low not in ("may", "will")
            or not toks[i][:1].isupper()
            or not toks[i - 1].islower()
        )
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
        # (A capitalised determiner is no name: "The aides", "These firms" are nouns.)
        after_name = i == 1 and toks[0][:1].isupper() and toks[0].lower() not in NP_OPENERS
        return (after_noun or after_name) and "-" not in prev and prev != ","
    # Rule plural-then-base-verb: a verb that is seldom a noun right after a plural noun
    # ("the new rules go into effect", "the talks continue").
    return (
        low in _PLAIN_BASE_VERBS
        and prev.endswith("s")
        and not prev.endswith(("ss", "'s", "’s", "us", "is"))
        and len(prev) >= 4
    )


#: Base forms of verbs seldom used as nouns, read as finite after a plural noun.
_PLAIN_BASE_VERBS = frozenset(
    """go come take make get keep stay remain become seem tend continue begin know think
    believe say lack pose give put grow""".split()
)


# A phrase, then ", that": "at a rally in Dayton, Ohio, that" (adverbial-place-before-that).
_ADVERBIAL_COMMA_THAT = lazy_regex(r"\s*[a-z][^.;:!?“”\"\n]{2,100}?,\s{1,4}(?P<that>that)\s+(?=\w)")
# A place name set off by commas after another: ", Ohio", ", New York", ", D.C.".
_PLACE_PIECE = lazy_regex(r"\s*\p{Lu}[\w.’'-]*(?:\s+\p{Lu}[\w.’'-]*){0,2}\s*")


def _adverbial_place_that(text: str, lo: int, hi: int) -> int | None:
    """Rule adverbial-place-before-that: "said at a campaign stop in Dayton, Ohio, that ..."
    -- an adjunct that ends in a place with its state or country set off by commas, then
    "that": the adjunct is no content. Returns where the content starts, or ``None``."""
    m = _ADVERBIAL_COMMA_THAT.match(text, lo, hi)
    if m is None:
        return None
    pieces = text[lo : m.start("that")].rstrip().rstrip(",").split(",")
    if len(pieces) < 2 or not pieces[0].rstrip()[-1:].isalpha():
        return None
    first_hi = lo + len(pieces[0])
    last_word = pieces[0].split()[-1]
    if not last_word[:1].isupper() or not _is_adverbial(text, lo, first_hi):
        return None  # the adjunct ends in a place's name: "in Dayton"
    if not all(_PLACE_PIECE.fullmatch(p) for p in pieces[1:]):
        return None
    end: int = m.end()
    return end


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


_NUMBER_ONLY = lazy_regex(r"[\d.,:/+$€£%-]+")
_POSSESSIVE_END = lazy_regex(r"['’]s?$")
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
    if _NUMBER_ONLY.fullmatch(mention) and not mention.endswith("%"):
        return True  # (a share, "42%", is poll respondents: rule percent-subject)
    if mention.lower() in _HEARER_PRONOUNS:
        return True
    if _POSSESSIVE_END.search(words[-1]):
        return True  # the possessor of the noun taken for a cue: "Trump’s reported"
    k = next((i for i, w in enumerate(words[:-1]) if _POSSESSIVE_END.search(w)), -1)
    if k >= 0 and not any(w.lower() in PREPOSITIONS for w in words[:k]):
        head = words[-1]
        return head[:1].islower() and not cues.is_source_noun(head.lower())
    return False


# A perfect's auxiliary and the adverb *since* right before a cue: "has since said".
_SINCE_BEFORE = lazy_regex(
    r"(?r)(?:\bhas|\bhave|\bhad|['’]s|['’]ve|['’]d)\s{1,4}(?P<since>since)\s{1,4}$"
)


def _subject_before(text: str, lo: int, at: int) -> Mention | None:
    """:func:`~quoteattr.speakers.mention_before`, without the auxiliary written onto its last
    word (rule subject-contraction): "She’s describing" -> "She", "Our daughter doesn't want"
    -> "Our daughter"."""
    m = mention_before(text, lo, at)
    if m is None:
        # Rule perfect-since: "She has since said ..." -- *since* after a perfect's
        # auxiliary is an adverb, not a subordinator: the subject stands before the auxiliary.
        since = _SINCE_BEFORE.search(text, max(lo, at - 24), at)
        if since is not None:
            m = mention_before(text, lo, since.start("since"))
            if m is not None:
                m = attrs.evolve(m, rules=(*m.rules, "perfect-since"))
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


_TIME_WORDS = frozenset(
    "ago morning afternoon evening night earlier later today yesterday tomorrow week weekend "
    "month year monday tuesday wednesday thursday friday saturday sunday".split()
)


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


_LABEL_FILLERS = frozenset("the a an of for to on in and & at".split())
_LABEL_WORD = lazy_regex(r"[\p{L}’'][\p{L}’'-]*|\d+")


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


_SPACES = lazy_regex(r"\s*")


# A relative pronoun right before the subject of a cue: "[which] Trump called “a disgrace”",
# "Cole, [who] Ruiz called “a friend”";
# not "which" or "whom" after a preposition, an adjunct: "a call during which she stressed".
_OBJECT_RELATIVE = lazy_regex(
    r"(?r)(?<!\b(?:in|on|at|by|for|from|with|during|of|to|after|before|under|through)\s+)"
    r"\b(?:which|whom|who)\s+$|\bwhat\s+$",
    regex.I,
)


def relative_object(
    text: str, subject_at: int, cue_end: int, fragments: tuple[tuple[int, int], ...]
) -> tuple[int, int] | None:
    """Rule relative-object-in-content: in "a plan which Trump called “a disgrace”" or "what
    Ruiz said is growing demand", the relative pronoun before the cue's subject stands for
    a part of what was said (the object of *called*, the subject of *is growing*): PARC and
    PolNeAR make it the content's first fragment. Its span, when the word right before the
    subject at ``subject_at`` is *which*, *what*, *who* or *whom* and the content follows the
    cue.

    >>> t = "the plan, which Trump called a disgrace"
    >>> relative_object(t, t.index("Trump"), t.index(" a "), ((t.index("a disg"), len(t)),))
    (10, 15)
    """
    if not fragments or fragments[0][0] < cue_end:
        return None
    m = _OBJECT_RELATIVE.search(text, max(0, subject_at - 8), subject_at)
    if m is None:
        return None
    return m.start(), m.start() + len(m.group().rstrip())
