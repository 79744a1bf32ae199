"""Reported speech: for each cue no direct quote took, its speaker (the subject before
it, an inverted or participial subject, a parenthetical insertion) and its content (the
clause it governs); a quotation inside that clause makes the quote MIXED."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Sequence
from typing import TypeAlias

import regex

from .. import evidence
from .._patterns import lazy_regex, one_of
from ..config import Config
from ..cues import Cue, causative_object_start, is_title_case
from ..lexicon.clauses import (
    ARTICLES_AND_POSSESSIVES,
    IRREGULAR_PAST,
    NP_OPENERS,
    PREPOSITIONS,
)
from ..lexicon.pronouns import SPEAKER_PRONOUNS
from ..lexicon.reporting_verbs import (
    DEMAND_PREPOSITIONS,
    INFINITIVE_SPEECH,
    NP_COMPLEMENT,
    STANCE,
    STRONG_SPEECH,
    THING_OBJECT,
    THING_PREPOSITIONAL,
)
from ..lexicon.roles import ROLE_MODIFIERS, SOURCE_NOUNS, TITLES
from ..lexicon.verb_context import SAME_FORM_PAST
from ..model import QuoteKind, SpeakerKind
from ..quotes import QuoteSpan
from ..speakers import (
    DETERMINERS,
    Mention,
    Tok,
    coordinated,
    describe,
    mention_after,
    mention_of_source,
    tokens,
)
from .clauses import (
    _ADJUNCT,
    _ADVERBIAL_BEFORE,
    _COMMA_IN_MARK,
    _CONJUNCTION_BEFORE,
    _NUMBER_ONLY,
    _SPACES,
    _THAT_AT_END,
    _TIME_PREPOSITIONS,
    _TIME_WORDS,
    _content_after,
    _dep,
    _is_adverbial,
    _next_clause_cue,
    _plausible_source,
    _subject_before,
    content_shape,
    not_a_source,
    relative_object,
)
from .state import (
    _WORDS,
    Attribution,
    _all_quoted,
    _Doc,
    _free,
    _indirect,
    _only_punct,
    _score,
    _State,
    _trim,
    _word_count,
)

# (Written "\s*(?:MARK\s*)?", not "\s*MARK?\s*": two adjacent \s* retry every split of a
# long run of spaces, quadratic time.)
_INTRO_PHRASE = lazy_regex(
    r"\s*(?:[\"“‘'(]\s*)?(?:In|On|At|After|Before|During|Over|Like|Unlike|Despite|Since|With"
    r"|Without|From|Under|Among|Asked|Speaking|Writing|For|By|As|Following|Throughout|Within"
    r"|Near|Outside|Inside|Amid|Across|Upon|Until|Toward|Towards|To|Of)\b"
)
# Words that open an insertion, not a clause, after "according to X,": "who was", "a group".
_NOT_CLAUSE_START = lazy_regex(
    r"\s*(?:who|which|whose|a|an|and|or|but|compared|including|with|than)\b"
)
# Where the object of a cue that takes a noun phrase ends: a comma, a dash, a clause of
# another kind, or a time adjunct or a margin after it (object-ends-at-break: "endorsed
# Cole **last week**", "backed the levy **on Monday**", "favored Cole **52 percent to 40**").
_NP_BREAK = lazy_regex(
    r",|\s[—–-]{1,2}\s|;|\s(?:but|while|because|as|when|after|before|since|until)\s"
    r"|\s(?:by\s+)?(?:\d[\d.,]*(?:%|\s*percent|\s+points|\s+percentage|\s*-\s*\d|\s+to\s+\d)"
    r"|a\s+(?:wide|narrow|slim)\s+margin)"
    r"|\s(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:last|this|next|earlier\s+this|later\s+that)\s+(?:week|month|year|spring|summer|fall"
    r"|autumn|winter|weekend|night)|in\s+(?:19|20)\d\d|earlier|later|yesterday|today)\b"
)
_THAT = lazy_regex(r"\bthat\b")
# A particle or preposition opening what follows a verb of stance: "backed down", "backed
# away from", "backs up", "favored by", "opposed to".
_INDEFINITE_BEFORE = lazy_regex(
    r"(?r)(?<=\b[a-z][\w’'-]*\s+)an?\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?!(?:and|or|but|then|also|who|that|which)\s)[a-z][\w’'-]*\s+$"
)
_QUOTE_NEXT = lazy_regex(r"\s*(?:the\s+)?[“\"‘']")
_PLURAL_NOUN_FORMS = frozenset(("states", "rules"))
_THAT_OR_QUOTE = lazy_regex(r"\s*+(?:that\b|:|,\s*+[“\"‘']|[“\"‘'])")
_VOTE_SIDE = lazy_regex(r"(?:(for|against|in\s+favou?r\s+of)\s+|to\s+[a-z]+\s)")
_PARTICLE = lazy_regex(
    r"(?:down|away|off|out|up|into|onto|in|on|to|by|from|at|of|over|with|for)\b", regex.I
)
# A comma before a participle, adverbs allowed between: ", still calling out"; the comma
# may stand inside a closing quotation mark ("“a good day,” adding").
_COMMA_BEFORE = lazy_regex(
    r"(?:,(?:''|[”\"’'])?|\s[—–])\s{0,4}(?:(?:still|also|again|even|later|then|\w+ly)\s{1,4}){0,3}$"
)
_PREPOSITION_NEXT = lazy_regex(
    r"\s+(?!at\s+(?:least|most)\b)(?:in|on|at|during|after|before|while|of|from|to)\b"
)


def _participial_speaker(doc: _Doc, st: _State, cue: Cue, lo: int) -> Mention | None:
    """The speaker of the clause a participle hangs from: the last attribution before it in
    the sentence, else the sentence's subject."""
    found = st.last_mention_between(lo, cue.start)
    if found is not None:
        if _SUBORDINATE_START.match(doc.text, lo, found.start) or _SUBORDINATOR.match(
            doc.text, lo, found.start
        ):
            # Rule participle-main-clause: "After Ruiz said the plan was dead, Cole
            # disagreed, saying ..." -- the attribution inside the opening subordinate
            # clause is not what the participle hangs from; a main clause's subject after
            # it is.
            main = _chunk_subject(doc, cue, found.end, clause_only=True)
            if main is not None:
                return main
        return found
    return _chunk_subject(doc, cue, lo)


def _chunk_subject(doc: _Doc, cue: Cue, lo: int, clause_only: bool = False) -> Mention | None:
    """The subject of the clause a participle hangs from (see :func:`_participial_speaker`);
    with ``clause_only``, only a subject with more of its clause after it."""
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
        if clause_only:
            # A closing quotation mark after the comma: '"for all," Clinton seized ...'.
            while words and not words[0].is_word:
                words.pop(0)
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
        if clause_only and (s + k == len(words) or not words[s + k].text[:1].islower()):
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
        elif k > s and low in ROLE_MODIFIERS and _role_goes_on(words, s, k):
            k += 1  # a role before a name: "Presumptive Republican presidential nominee ..."
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
            if (
                j > k
                and words[j].lower in SAME_FORM_PAST
                and j + 1 < len(words)
                and words[j + 1].is_word
                and not words[j + 1].is_cap
            ):
                # "The company cut jobs, saying ...": a past spelt like its base form, with
                # an object after it.
                return j - s, ("participle-subject-description",)
            j += 1
        return 0, ()
    return k - s, ()


def _role_goes_on(words: list[Tok], s: int, k: int) -> bool:
    """Whether the role modifier at ``words[k]``, inside a subject opened by a capitalised
    word, leads to a title ("Republican presidential nominee Donald Trump"), not to a verb
    ("Clinton celebrated in Florida")."""
    if words[s].lower in DETERMINERS:
        return False
    j = k + 1
    while j < len(words) and j - k <= 3 and words[j].lower in ROLE_MODIFIERS:
        j += 1
    return j < len(words) and words[j].lower in TITLES


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


# ", although it may take days": a concession the writer adds after the content.
# The comma may stand inside a closing quotation mark: "“fair,” although ...".
_CONCESSIVE = lazy_regex(r",(?P<mark>''|[”\"’'])?\s+(?:although|though|whereas|even\s+though)\s+")
# A sentence that opens with a subordinate clause: "While Ruiz said ..., the council ...".
_WITH_START = lazy_regex(r"\W{0,3}With\s")
_SUBORDINATE_START = lazy_regex(
    r"\W{0,3}(?:While|As|Although|Though|When|After|Before|Because|If|Since|Whereas|Even\s+as)\s"
)


# How many later cues inside a content are looked at (bounds the work per attribution).
_LATER_CUES = 8
# A clause boundary before a later cue's subject, searched backwards from the cue.
_BOUNDARY_BEFORE = lazy_regex(
    r"(?r)[,;](?:[ \t]*(?:and|but|while|which|whereas|though|although)\b)?"
)


# A comma and a lower-case word: the main clause's verb after a relative clause set off by
# commas ("which critics say will raise rents, passed on Tuesday").
_COMMA_WORD = lazy_regex(r",\s+(?P<verb>[a-z]+)\b")


_FINITE_AUXILIARIES = frozenset(
    "is are was were has have had will would can could does did".split()
)


def _main_verb_after(doc: _Doc, lo: int, hi: int) -> int | None:
    """The comma in ``text[lo:hi]`` before a verb in the past tense or a cue, after two
    words or more: where a relative clause set off by commas ends; ``None`` for none."""
    text = doc.text
    for m in _COMMA_WORD.finditer(text, lo, hi):
        verb = m.group("verb")
        if (
            _past_verb(verb)
            or verb in _FINITE_AUXILIARIES
            or doc.cues_between(m.start("verb"), m.end())
        ) and _word_count(text, lo, m.start()) >= 2:
            comma: int = m.start()
            return comma
    return None


def _content_end(doc: _Doc, cue: Cue, s_lo: int, c_lo: int, c_hi: int) -> tuple[int, str | None]:
    """Where reported content after a cue ends before its sentence does, and the rule that
    says so (``None`` when it runs to the end)."""
    text = doc.text

    def free(at: int) -> bool:
        return not any(q.open_at < at < q.outer_end for q in doc.spans_overlapping(at, at + 1))

    # Rule subordinate-clause-ends-content: "While Ruiz said the vote was fair, the council
    # disagreed." -- a cue in a clause that opens the sentence reports up to its comma.
    if _SUBORDINATE_START.match(text, s_lo, cue.start) or (
        "with-subject-participle" in cue.rules and _WITH_START.match(text, s_lo, cue.start)
    ):
        # (So does an absolute phrase: "With most voters saying they backed it, the council
        # moved ahead.")
        comma = text.find(",", cue.end, c_hi)
        if comma > c_lo and free(comma):
            return comma, "subordinate-clause-ends-content"
    # Rule next-attribution-ends-content: "One in three said the party did not care, and one
    # in four said it was hostile." -- a later cue whose subject follows a clause boundary
    # (", and", ", but", ", which", ";") opens another attribution.
    for _, c in doc.cues_between(c_lo + 1, c_hi, _LATER_CUES):
        if c.form == "ing":
            continue
        mark = _COMMA_IN_MARK.search(text, max(c_lo, c.start - 6), c.start)
        if cue.form == "ing" and mark is not None:
            # Rule insertion-ends-at-quoted-comma: "Ruiz, citing “the sheer cost of it,” said
            # the plan could fail." -- the participle's insertion ends with its quotation,
            # the comma inside the closing mark; the cue after it is the subject's own.
            return mark.end("mark"), "insertion-ends-at-quoted-comma"
        lo = max(c_lo, c.start - 70)
        if text.find(",", lo, c.start) == -1 and text.find(";", lo, c.start) == -1:
            continue  # no boundary at all (the pattern needs one of the two)
        b = _BOUNDARY_BEFORE.search(text, lo, c.start)
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
        at = m.end("mark") if m.group("mark") else m.start()
        if m.start() > c_lo and free(at):
            return at, "concessive-ends-content"
    # Rule which-clause-ends-content (broad scheme): "Ruiz said she backs the final bill,
    # which adds two new parks." -- a relative clause set off by a comma after the reported
    # clause is the writer's gloss on what was said, as PARC annotates it.
    if doc.broad:
        which = text.find(", which ", c_lo, c_hi)
        if which != -1 and free(which) and _word_count(text, c_lo, which) >= 3:
            return which, "which-clause-ends-content"
    return c_hi, None


def _not_a_quote(
    doc: _Doc,
    cue: Cue,
    c_lo: int,
    c_hi: int,
    config: Config,
    st: _State | None = None,
    kept: list[str] | None = None,
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
        if config.broad:
            return None
        if any(
            c_lo <= q.start and q.end <= c_hi and "," not in text[c_lo : q.start]
            for q in doc.spans_overlapping(c_lo, c_hi)
        ):
            # (The quotation must be in the topic's own phrase: in "Keown, speaking on TNT
            # Sports, said the race was “far from over”" it belongs to "said".)
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
    if (
        shape == "noun"
        and cue.lemma == "say"
        and ")" not in text[cue.end : first + 1]  # "(…, Gutin says) hurt her": no object
        and _say_clause(text, c_lo, c_hi)
    ):
        if kept is not None:
            kept.append("say-takes-clause")
        return None
    return "np-object-not-quote"


def _unseen_clause(cue: Cue, text: str, c_lo: int, c_hi: int) -> bool:
    """Whether content the shape test reads as no clause is one all the same: after "that"
    (rule that-makes-clause: "said that 4 million people live there") or after *say*
    (rule say-takes-clause)."""
    if _word_count(text, c_lo, c_hi) < 3:
        return False
    if _THAT_AT_END.search(text, max(cue.end, c_lo - 8), c_lo):
        return True
    return cue.lemma == "say" and _say_clause(text, c_lo, c_hi)


# What *say* takes as an object that is no clause: "said nothing", "said so", "said the same
# of Cole", "said goodbye to the staff", "said a prayer".
_SAY_OBJECT = lazy_regex(
    r"(?:nothing|something|anything|everything|little|much|so|yes|no|goodbye|hello"
    r"|thanks|grace|a\s+(?:few\s+)?(?:prayer|word|words|thing|lot)|the\s+(?:same|opposite|words?)"
    r"|that|this|it\s+(?:again|best|all|too|out|aloud|loud|twice))\b",
    regex.I,
)
# Where the first stretch of a noun-shaped content ends: a preposition, a comma or a dash.
_STRETCH_END = lazy_regex(
    r",(?!\d)|;|:|\s[—–-]{1,2}\s|\s(?:" + "|".join(sorted(PREPOSITIONS)) + r")\s", regex.I
)
# The words of a content up to its first comma, colon or dash.
_UP_TO_BREAK = lazy_regex(r"(?:[^,;:—–]|,(?=\d)){1,160}")
_NOT_BEFORE_VERB_FORM = PREPOSITIONS | NP_OPENERS | frozenset("before after and or but".split())


def _say_clause(text: str, lo: int, hi: int) -> bool:
    """Rule say-takes-clause: after *say* a content the shape test reads as a noun phrase
    is a clause whose verb it does not know, when it does not open with an object of *say*
    and either holds three words or more before its first preposition, comma or dash, or
    has, after a noun, a form in *-s* or *-ed* ("said parents still want local schools",
    "said the council actively investigated threats", "said each year of study yields a
    rise"; not "said the same of Cole", "said goodbye to the staff", "said nothing", "said
    little", nor a phrase opening with a preposition: "said before the vote").
    """
    lo = _SPACES.match(text, lo, hi).end()
    if _SAY_OBJECT.match(text, lo, hi):
        return False
    first = text[lo : lo + 16].split(None, 1)[:1]
    if first and (first[0].lower() in PREPOSITIONS or first[0].lower() in _TIME_PREPOSITIONS):
        return False  # "said before the vote", "said in a statement": an adjunct, no clause
    stop = _STRETCH_END.search(text, lo, min(hi, lo + 200))
    if _word_count(text, lo, stop.start() if stop else hi) >= 3:
        return True
    stretch = _UP_TO_BREAK.match(text, lo, hi)
    words = stretch.group().split()[:14] if stretch else []
    for k in range(2, len(words)):
        low, prev = words[k], words[k - 1]
        if (
            low.isalpha()
            and low.islower()
            and len(low) >= 4
            and (low.endswith("ed") or (low.endswith("s") and not low.endswith(("ss", "us", "is"))))
            and prev.isalpha()
            and prev.lower() not in _NOT_BEFORE_VERB_FORM
            and not prev.endswith("ly")
        ):
            return True
    return False


def _own_quotation_after_clause(doc: _Doc, cue: Cue, st: _State, c_lo: int, q: QuoteSpan) -> bool:
    """Whether the attributed quotation ``q`` continues the clause that starts at ``c_lo``
    after ``cue``: the direct rules gave it this cue as the cue before it, and the words
    between are a clause of three words or more ending in a comma, or a *that* clause
    ending in a colon -- not an adverbial ("said on Monday, “...”") nor "said this:". When
    so, that direct attribution is taken out of ``st.out``."""
    text = doc.text
    lo = _SPACES.match(text, c_lo, q.open_at).end()
    gap = text[lo : q.open_at].rstrip()
    if not gap.endswith(",") and not (gap.endswith(":") and _THAT.match(gap)):
        return False
    if _word_count(text, lo, q.open_at) < 3 or content_shape(text, lo, q.open_at) != "clause":
        return False
    for i, a in enumerate(st.out):
        if (
            a.kind is QuoteKind.DIRECT
            and a.cue == (cue.start, cue.end)
            and "direct-cue-before" in a.rules
            and a.fragments == q.fragments
        ):
            del st.out[i]
            return True
    return False


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
_OBJECT_INFINITIVE = lazy_regex(
    r"(?:[\w’'.-]{1,30}\s+){0,5}?(?:not\s+|never\s+)?to\s+(?!"
    + one_of(ARTICLES_AND_POSSESSIVES)
    + r"\b)"
    r"[a-z]{2,20}\b"
)
# "of" or "for" just before the content of a target verb: "accused Moscow of stoking".
_AFTER_TARGET = lazy_regex(r"\b(?:of|for)\s*$")
# "stoking tensions", "not doing enough", "having lied".
_GERUND = lazy_regex(r"(?:not\s+|never\s+)?[a-z]+ing\b")


# A second noun phrase or "as" after the object of "call", "describe", "label":
# "called the plan a disaster", "described it as reckless".
_DESCRIPTION = lazy_regex(
    r"[\w’'-]+(?:\s+[\w’'-]+){0,5}?\s+(?:as|an?|the|one|just|nothing|little|more|less|too|so)"
    r"\s+\w",
    regex.I,
)


def _parenthesis_around(text: str, cue: Cue, s_lo: int, s_hi: int) -> tuple[int, int] | None:
    """Rule parenthesis-bounds-attribution: a cue inside brackets that open and close in its
    sentence attributes only what the brackets hold: in "The vote was close (the money ran
    out, Ruiz says) and the plan died." the content is "the money ran out", and nothing
    after the closing bracket. Returns the inside of the brackets, or ``None``."""
    open_at = text.rfind("(", s_lo, cue.start)
    if open_at == -1 or text.find(")", open_at, cue.start) != -1:
        return None
    if _word_count(text, s_lo, open_at) < 2:
        return None  # a sentence that is all in brackets: its own attribution rules
    close_at = text.find(")", cue.end, s_hi)
    if close_at == -1 or text.find("(", cue.end, close_at) != -1:
        return None
    if _word_count(text, open_at + 1, close_at) < 4:
        return None  # "(D-Ore.)", "(says)": no room for an attribution
    return open_at + 1, close_at


def _attribute_cue(doc: _Doc, ci: int, cue: Cue, st: _State, config: Config) -> None:
    """Rules for indirect (and mixed) quotes hanging from a cue."""
    if cue.frame == "direct":
        return  # "she continued": a cue of the quotation next to it only (continuation-cue)
    text = doc.text
    s_lo, s_hi = doc.sentence_bounds(cue.start)
    rules: list[str] = list(cue.rules)
    inside = _parenthesis_around(text, cue, s_lo, s_hi)
    if inside is not None:
        s_lo, s_hi = inside
        rules.append("parenthesis-bounds-attribution")
    if _not_speech_here(text, cue, s_lo, s_hi):
        return
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
    # Rule according-to-possessive-source: the phrase after "according to" names a source by
    # its place, a possessive one too ("according to the charity's own tally", "according
    # to Ruiz's plea agreement"); only a bare number or year is none.
    if (
        cue.frame == "according"
        and mention is not None
        and not _NUMBER_ONLY.fullmatch(mention.text)
        and not_a_source(mention.text)
    ):
        rules.append("according-to-possessive-source")
    elif (
        cue.frame == "according"
        and mention is not None
        and not _plausible_source(mention)
        and not not_a_source(mention.text)
    ):
        # Rule according-to-any-source: "according to" marks what follows as a source
        # whatever its head: a document, data, a count ("according to a statement from the
        # company", "according to early returns", "according to media trackers").
        rules.append("according-to-any-source")
    elif mention is not None and not _plausible_source(mention, cue.lemma in STRONG_SPEECH):
        first, rules = (found, rules), list(cue.rules)
        found = _subject_before_insertion(doc, cue, s_lo, s_hi, rules)
        if found is None and config.broad and not not_a_source(mention.text):
            # Rule broad-any-source: in the broad scheme any noun phrase can be a source, as
            # PARC and PolNeAR have it: events, votes, data ("the caucuses will show ...").
            found, rules = first[0], [*first[1], "broad-any-source"]
            if cue.form == "participle":
                # Rule reduced-passive-no-speaker: before a participle the noun phrase is
                # what a passive is about, no source ("contests known as Super Tuesday").
                found, rules = (None, *first[0][1:]), [*first[1], "reduced-passive-no-speaker"]
        if found is None:
            return
        mention, pieces, left_content = found
    if (
        not config.broad
        and not left_content
        and pieces
        and "opener-not-content" not in rules  # a parenthetical attribution: a clause follows
        and _not_a_quote(doc, cue, *pieces[0], config, st, rules)
    ):
        if cue.frame != "belief" and mention is not None:
            st.acts.append((cue.start, mention))
        return
    if (
        config.broad
        and not left_content
        and pieces
        and (cue.lemma in THING_OBJECT or cue.lemma in THING_PREPOSITIONAL)
        and not doc.spans_overlapping(*pieces[0])
    ):
        # Rule thing-object-not-content (broad scheme): the noun-phrase or prepositional
        # object of a verb that takes a thing is no content there either ("added 4,000
        # jobs", "maintained a lead", "showed up at the rally").
        shape = content_shape(text, *pieces[0])
        if shape == "prepositional" or (shape == "noun" and cue.lemma in THING_OBJECT):
            return
    if pieces and pieces[-1][0] >= cue.end:
        c_lo, c_hi = pieces[-1]
        end, rule = _content_end(doc, cue, s_lo, c_lo, c_hi)
        if rule:
            pieces = [*pieces[:-1], (c_lo, end)]
            rules.append(rule)
    # Rule stance-object-is-content (broad scheme): the object of a verb of stance is what
    # is attributed however short it is ("Ruiz endorsed Cole on Monday"); a particle or a
    # preposition after it makes another verb ("backed down", "backed away from").
    stance = cue.lemma in STANCE and not left_content
    if stance and pieces and cue.lemma == "vote":
        # "voted for Cole", "voted against the levy", "voted in favor of joining", "voted to
        # repeal the tax": the side voted for is the content; any other vote takes none.
        side = _VOTE_SIDE.match(text, pieces[-1][0], pieces[-1][1])
        if side is None:
            return  # "voted Monday", "voted Democratic", "votes are needed": no side taken
        if side.group(1) is not None:
            pieces = [*pieces[:-1], (side.end(), pieces[-1][1])]
    if stance and pieces and cue.lemma != "vote" and _PARTICLE.match(text, pieces[-1][0]):
        return
    min_words = 1 if stance else 3 if cue.frame == "belief" else 2
    # Quote spans inside the content: the whole content quoted is direct, part of it mixed.
    kind = QuoteKind.INDIRECT
    absorbed, trimmed = _content_and_its_quotes(doc, cue, st, pieces, left_content, rules)
    words = sum(_word_count(text, a, b) for a, b in trimmed)
    if words < min_words and not (
        len(trimmed) == 1 and cue.frame != "belief" and _one_quotation(doc, *trimmed[0])
    ):
        return  # (a quotation of one word after a cue of speech is one: 'saying, “done.”')
    if stance and words < 3:
        rules.append("stance-object-is-content")
    if left_content and len(trimmed) == 1 and _only_an_attribution(doc, *trimmed[0]):
        return
    fragments: tuple[tuple[int, int], ...] = tuple(trimmed)
    if absorbed:
        q = doc.spans[absorbed[0]]
        c_lo, c_hi = fragments[0][0], fragments[-1][1]
        if len(absorbed) == 1 and len(fragments) == 1 and _all_quoted(text, q, c_lo, c_hi):
            kind = QuoteKind.DIRECT
            fragments = q.fragments
            rules.append("quoted-content-direct")
        else:
            kind = QuoteKind.MIXED
            rules.append("quoted-fragment-mixed")
        st.done_quotes.update(absorbed)
    if doc.broad and mention is not None and mention.start < cue.start:
        rel = relative_object(text, mention.start, cue.end, fragments)
        if rel is not None:
            fragments = (rel, *fragments)
            rules.append("relative-object-in-content")
            main_at = _main_verb_after(doc, *fragments[-1])
            if main_at is not None:
                # Rule relative-clause-ends-content: "The bill, which critics say will raise
                # rents, passed on Tuesday" -- the relative clause ends at the comma before
                # the main clause's verb.
                fragments = (*fragments[:-1], (fragments[-1][0], main_at))
                rules.append("relative-clause-ends-content")
    st.used_cues.add(ci)
    cue_span = (cue.start, cue.end)
    att = Attribution(
        kind=kind, fragments=fragments, cue=cue_span, mention=mention, rules=tuple(rules)
    )
    st.out.append(att)


def _not_speech_here(text: str, cue: Cue, s_lo: int, s_hi: int) -> bool:
    """Whether the words after a cue show that its verb reports nothing here (rules
    plural-noun-form-needs-that, finding-needs-that, naming-participle-not-cue)."""
    # Rule plural-noun-form-needs-that: *states* and *rules* are plural nouns far more often
    # than verbs ("Western states", "the party's rules"); as a cue of reported speech they
    # need *that* or a quotation after them ("The memo states that the fund is closed").
    if (
        cue.form == "third"
        and cue.text.lower() in _PLURAL_NOUN_FORMS
        and not _THAT_OR_QUOTE.match(text, cue.end, s_hi)
    ):
        return True
    # Rule finding-needs-that (broad scheme): *prove* and a bare *find* report a finding
    # only with *that* after them; otherwise they are other verbs ("proved decisive",
    # "proved to be a loser", "find a job", "find themselves in trouble").
    if (
        cue.lemma == "prove" or (cue.lemma == "find" and cue.form == "base")
    ) and not _THAT_OR_QUOTE.match(text, cue.end, s_hi):
        return True
    # Rule naming-participle-not-cue: after an object with an indefinite article, a
    # participle of naming names it ("a program called Safe Streets", "a firm named Ortiz
    # Partners"): nobody is reported -- when a noun phrase follows (not "called for
    # calm", not a clause; a quotation after it is left to the direct rules).
    if (
        cue.lemma in ("call", "name", "dub")
        and cue.form in ("past", "participle")
        and _INDEFINITE_BEFORE.search(text, max(s_lo, cue.start - 60), cue.start)
        and not _QUOTE_NEXT.match(text, cue.end, s_hi)
        and content_shape(text, cue.end, s_hi) == "noun"
    ):
        return True
    return False


def _content_and_its_quotes(
    doc: _Doc,
    cue: Cue,
    st: _State,
    pieces: Sequence[tuple[int, int]],
    left_content: bool,
    rules: list[str],
) -> tuple[list[int], list[tuple[int, int]]]:
    """The quotations a cue's content takes in (indexes of ``doc.spans``) and the content's
    pieces, trimmed and cut short of any quotation attributed already (rules
    clause-then-own-quotation, content-stops-at-attributed-quote, which it adds to
    ``rules``)."""
    text = doc.text
    absorbed: list[int] = []
    trimmed = []
    for c_lo, c_hi in pieces:
        for q in doc.spans_overlapping(c_lo, c_hi):
            qi = doc.span_index(q)
            if qi in st.done_quotes:
                if (
                    q.start < c_hi
                    and q.end > c_lo
                    and not left_content
                    and _own_quotation_after_clause(doc, cue, st, c_lo, q)
                ):
                    # Rule clause-then-own-quotation: the quotation the direct rules gave
                    # this very cue goes on the clause after it ("Ruiz said that because
                    # rents rose, “families are leaving”"): one mixed quote, not two.
                    rules.append("clause-then-own-quotation")
                    absorbed.append(qi)
                    continue
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
    return absorbed, trimmed


def _add_question(
    st: _State, ci: int, cue: Cue, content: tuple[int, int], rules: tuple[str, ...]
) -> None:
    """Record a question put to the subject by an unnamed asker (rules asked-question,
    passive-asked-question): indirect, no speaker; the cue is taken."""
    st.used_cues.add(ci)
    confidence = _score(QuoteKind.INDIRECT, ("asked-question",), None)
    st.out.append(_indirect(content, (cue.start, cue.end), None, rules, confidence))


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
    _add_question(st, ci, cue, (c_lo, c_hi), cue.rules)


_ABOUT_WORD = lazy_regex(r"\s{0,4}(?:\w{1,20}ly\s{1,4})?about\s", regex.I)


_CONNECTIVES = frozenset(
    "but and yet so still however instead meanwhile also then now thus indeed besides "
    "moreover furthermore nevertheless nonetheless otherwise specifically".split()
)


def _is_opener(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, before a comma, is an opening adverbial or connective ("In
    the end", "But", "And yet", "Six months ago", "Friday morning") rather than a subject
    or a clause."""
    # (Nine words at most are read: more is no opener, and a sentence of cues would make
    # every cue read the whole sentence before it.)
    words = [m.group().lower() for m in itertools.islice(_WORDS.finditer(text, lo, hi), 9)]
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


# A subordinator opening a sentence whose main clause follows the subordinate one's comma.
_SUBORDINATOR = lazy_regex(
    r"\W{0,3}(?:(?:But|And|Yet|So)\s+)?(?:If|Unless|When|Whenever|While|Although|Though"
    r"|Because|Since|Once|Until|Whether|As\s+long\s+as|Even\s+(?:if|though|as|when)"
    r"|Rather\s+than|Now\s+that|Given\s+that)\s",
)
# A relative word: a verb after it is no main verb of the phrase before it.
_RELATIVE_WORD = lazy_regex(r"\b(?:who|whom|whose|which|that|where|when|what)\b", regex.I)
# An "-ing" form opening a sentence: a gerund subject, or a participle phrase.
_GERUND_START = lazy_regex(r"[\"“‘']?\p{Lu}\p{Ll}+ing\s")


def _subordinate_then_main(text: str, lo: int, hi: int) -> str | None:
    """Rules subordinate-then-main-clause, gerund-subject-clause: before the comma of a
    cue at the end of its sentence, a subordinate clause and its comma, then a main clause
    of three words or more ("If the council votes no, the plant will close, she said.";
    "Even if the agency closed, its work would go on, said Ruiz."), or a gerund that is the
    subject of a finite verb, with no comma or relative word between ("Watching his sister
    struggle led him to quit, he said.") are what was said. (A subordinate clause alone
    before the cue's subject is not: "When she ran, Boxer attacked ...".) The rule's name,
    or ``None``.
    """
    if _SUBORDINATOR.match(text, lo, hi):
        inner = text.rfind(",", lo, hi)
        if inner == -1:
            return None
        main = _SPACES.match(text, inner + 1, hi).end()
        if _word_count(text, main, hi) >= 3 and content_shape(text, main, hi) == "clause":
            return "subordinate-then-main-clause"
        return None
    if (
        _GERUND_START.match(text, lo, hi)
        and "," not in text[lo:hi]
        and not _RELATIVE_WORD.search(text, lo, hi)
        and _word_count(text, lo, hi) >= 4
    ):
        verb_from = _SPACES.match(text, text.index(" ", lo, hi), hi).end()
        if content_shape(text, verb_from, hi) == "clause":
            return "gerund-subject-clause"
    return None


def _phrase_before_final_cue(doc: _Doc, cue: Cue, lo: int, hi: int) -> bool:
    """Rule phrase-before-final-cue: before a cue that ends its sentence ("..., one longtime
    resident said."; "..., said Mark Allen, a local economist."), the words before the comma
    are what was said even when the shape test sees no verb in them ("The new plant marks a
    turning point for the town, one resident said." -- *marks* reads as a noun): after a
    verb of speaking that puts any phrase before it (*said*, *told*, *wrote* ...; see
    ``STRONG_SPEECH``), four words or more that open with no preposition, connective,
    subordinator or participle and are no opening adverbial ("Late on Monday, she said." is
    none)."""
    text = doc.text
    if cue.lemma not in STRONG_SPEECH or _word_count(text, lo, hi) < 4:
        return False
    if _SUBORDINATE_START.match(text, lo, hi) or _LEFT_NOT_CLAUSE.match(text, lo, hi):
        return False
    first = text[lo : lo + 16].split(maxsplit=1)[0].strip("\"“‘'(").lower()
    if first in _CONNECTIVES or first in _OPENING_WORDS:
        return False  # "But in July 2012, ..."; "Rather than ...", "Early in his campaign, ..."
    return content_shape(text, lo, hi) == "noun" and not _is_opener(text, lo, hi)


# Words that open an adverbial phrase, not what was said: "Early in his term, she said."
_OPENING_WORDS = frozenset(
    "early late earlier later rather instead even just only once twice soon shortly long "
    "back ahead far much well not last next".split()
)
# After the speaker of an inverted cue, the end of the sentence, or one appositive and then
# the end: "..., said Mark Allen." / "..., said Mark Allen, a local economist."
_SENTENCE_ENDS = lazy_regex(r"\s*(?:,[^,;:—–()]*)?[\s.!?”\"’')]*$")


# Openings of what cannot be reported content before a comma: "Regarding ...", "But when",
# "And while", "Soon after", "According to", "Reflecting ...".
_LEFT_NOT_CLAUSE = lazy_regex(
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
        if before.rstrip("”\"’'").endswith(","):
            # "Ruiz, citing “the cost,” said": the comma inside the closing mark ends the
            # insertion (rule insertion-ends-at-quoted-comma)
            before = before.rstrip("”\"’'")
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
        sub = _SUBORDINATE_START.match(text, lo, cue.start) or _SUBORDINATOR.match(
            text, lo, cue.start
        )
        if sub is not None and not text[sub.end() : cue.start].strip():
            # Rule subordinator-not-subject: "While saying that he respects her, he went
            # on ...", "After saying her knee was swollen, she was taken ..." -- a
            # subordinator right before a participle cue opens a clause whose subject is
            # the main clause's, not "While": the subject right after the content's comma
            # (rule subordinate-main-subject). ("While almost everyone agrees" keeps its own.)
            return _main_clause_subject(doc, cue, s_hi, rules)
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
        quoted
        or content_shape(text, c_lo, c_hi) == "clause"
        or _unseen_clause(cue, text, c_lo, c_hi)
    ):
        return None
    rules += [*extra, "content-after-cue"]
    return mention, [(c_lo, c_hi)], False


def _main_clause_subject(
    doc: _Doc, cue: Cue, s_hi: int, rules: list[str]
) -> tuple[Mention, list[tuple[int, int]], bool] | None:
    """Rule subordinate-main-subject: the subject of the main clause after a subordinate
    clause with a participle cue ("While saying that he respects her, **he** went on ..."):
    a pronoun or a capitalised name right after the content's comma, before a lower-case
    verb. ``None`` when the cue is no participle or no such subject follows."""
    text = doc.text
    if not text[cue.start : cue.end].endswith("ing"):
        return None
    c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
    c_lo, c_hi = _trim(text, c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))
    m = _MAIN_SUBJECT.search(text, c_lo, min(s_hi, c_hi + 80))
    if m is None:
        return None
    c_hi = m.start()
    if _word_count(text, c_lo, c_hi) < 2:
        return None
    words = tokens(text, m.start("s"), m.end("s"))
    mention = describe(text, words, ("subordinate-main-subject",)) if words else None
    if mention is None:
        return None
    rules += [*extra, "content-after-cue"]
    return mention, [(c_lo, c_hi)], False


# The subject opening a main clause after a subordinate clause's comma, before its verb.
_MAIN_SUBJECT = lazy_regex(
    r"[.”\"’']{0,3},[”\"’']?[ \t]+"
    r"(?P<s>he|she|they|we|I|(?:[A-Z][\w.’'-]+[ \t]+){0,3}[A-Z][\w’'-]+)[ \t]+(?=[a-z])"
)


# A boundary between two clauses, searched backwards: ", and", "; but", ";".
_CLAUSE_BOUNDARY = lazy_regex(r"(?r)[,;][ \t]*(?:and|but|while|whereas|though|although|yet)\b|;")
# How far before its cue the subject of a clause may start (characters).
_SUBJECT_REACH = 300
# A conjunction or an opening phrase with its comma before the subject: "But", "On Monday,".
_CLAUSE_OPENING = lazy_regex(
    r"\W{0,3}(?:(?:But|And|Yet|So|Still|Now|Meanwhile|However),?\s+"
    r"|(?:In|On|At|After|Before|During|Since|With|For|By|Over|Last|This|Earlier|Later)\b"
    r"[^,;:]{0,40},\s+)?"
)
# The mark that opens an insertion between a subject and its cue, and the one closing it.
_INSERTION_OPEN = lazy_regex(r",|\s[—–―]\s?|\s--\s|\s\(")
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
    if not inner:
        return False
    after = text[inner[-1][1].end : hi].split()
    if text[inner[-1][1].start].isupper() and not _WORDS.search(text, lo, inner[-1][1].start):
        # Rule capitalised-noun-opens-content: a cue word that opens the content with a
        # capital is a noun there, the subject of its clause ("Talks on the budget failed,
        # Ruiz said"; "Reports of fraud were false, she said").
        return False
    # (An object after the inner cue is what the clause says: "The firm announced a sale,
    # Ruiz said" reports the announcement.)
    return (
        len(after) <= 4
        and not (after and after[0].lower() in _OBJECT_OPENERS)
        and _word_count(text, lo, inner[-1][1].start) <= 5
    )


_OBJECT_OPENERS = frozenset("a an the its his her their our this these those".split())


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
    if not doc.broad and text.startswith(("about ", "on "), c_lo):
        return  # "Asked about the veto," names a topic, not a question (topic-needs-quotation)
    _add_question(st, ci, cue, (c_lo, c_hi), (*cue.rules, "asked-question"))


#: What a rule decided for a cue: its mention (``None`` for a speakerless cue of the broad
#: scheme), content pieces and whether the content stands before the cue; ``None`` when the
#: cue is no attribution; :data:`NEXT` when the rule does not apply (the next one is asked).
_Found = tuple[Mention | None, list[tuple[int, int]], bool]


class _Next(enum.Enum):
    NEXT = "next"


NEXT = _Next.NEXT
_Decision: TypeAlias = _Found | _Next | None


class _Site:
    """One cue being attributed: where it stands, and what the rules before found (the
    speaker mention, then the content after the cue and the clause before it)."""

    __slots__ = (
        "c_hi",
        "c_lo",
        "comma",
        "cue",
        "doc",
        "left_lo",
        "mention",
        "opened_by_comma",
        "right",
        "rules",
        "s_hi",
        "s_lo",
        "st",
        "text",
    )

    def __init__(
        self, doc: _Doc, cue: Cue, st: _State, s_lo: int, s_hi: int, rules: list[str]
    ) -> None:
        self.doc, self.cue, self.st, self.rules = doc, cue, st, rules
        self.s_lo, self.s_hi, self.text = s_lo, s_hi, doc.text
        self.mention: Mention | None = None
        # Filled by _read_content: the content after the cue, and the comma before the
        # mention (-1 when none) with whether it opens a parenthetical attribution.
        self.c_lo = self.c_hi = self.comma = -1
        self.opened_by_comma = False
        # Filled by _read_sides: the content after the cue, trimmed and stopped at the next
        # clause's cue, and the start of a clause before the comma (or None).
        self.right = (-1, -1)
        self.left_lo: int | None = None

    @property
    def speaker(self) -> Mention:
        """The mention found by the speaker rules (the content rules run only with one)."""
        assert self.mention is not None
        return self.mention


def _according_to(site: _Site) -> _Decision:
    """Rules according-to-after, according-to-before, according-to-parenthetical: the source after
    "according to", the content on the other side of it, or on both.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("Exports fell, according to the ministry.")[0].rules[:2]
    ('cue-according-to', 'according-to-after')
    >>> quotes("According to the ministry, exports fell sharply in May.")[0].rules[:2]
    ('cue-according-to', 'according-to-before')
    >>> quotes("Exports, according to the ministry, fell in May.")[0].rules[:2]
    ('cue-according-to', 'according-to-parenthetical')
    """
    doc, cue, text, s_lo, s_hi = site.doc, site.cue, site.text, site.s_lo, site.s_hi
    rules = site.rules
    if cue.frame != "according":
        return NEXT
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
    if "as-reported-by" in cue.rules and doc.cues_between(s_lo, cue.start, 1):
        # (The clause before "as reported by" holds an attribution of its own: "“…,” Ruiz
        # noted in an interview, as reported by the Gazette" -- the report quotes Ruiz.)
        return None
    rules.append("according-to-after")
    return mention, [(s_lo, cue.start)], True


def _participle_clause(site: _Site) -> _Decision:
    """Rule participle-clause: a cue in -ing after a comma or an adverbial speaks for
    the clause's subject; the content follows it.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("The minister left the room, saying the talks had failed.")[0].rules[:2]
    ('cue-reporting-verb', 'participle-clause')
    """
    doc, cue, text, s_lo, s_hi = site.doc, site.cue, site.text, site.s_lo, site.s_hi
    if "participle-opens-sentence" in cue.rules:
        # "Declaring that the city was safe, Ruiz closed her speech": the content runs to
        # the comma, the speaker is the subject after it.
        c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
        comma = _comma_after(text, doc, c_lo, s_hi)
        if (
            comma is None
            or cue.lemma not in STRONG_SPEECH
            or not (
                content_shape(text, c_lo, comma) == "clause"
                or _unseen_clause(cue, text, c_lo, comma)
            )
            or is_title_case(text, s_lo, s_hi)
        ):
            return None
        mention = _dep(doc, cue, comma + 1, s_hi, mention_after(text, comma + 1, s_hi))
        if mention is None or not _plausible_source(mention, strong=True):
            return None
        site.rules += [*extra, "participle-clause"]
        return mention, [(c_lo, comma)], False
    if not (
        cue.form == "ing"
        and (
            _COMMA_BEFORE.search(text, max(s_lo, cue.start - 30), cue.start)
            or _ADVERBIAL_BEFORE.search(text, max(s_lo, cue.start - 30), cue.start)
            or "document-participle" in cue.rules
        )
    ):
        return NEXT
    mention = _dep(doc, cue, s_lo, cue.start, _participial_speaker(doc, site.st, cue, s_lo))
    site.rules.append("participle-clause")
    c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
    site.rules += extra
    if mention is None:
        return None
    c_hi = min(c_hi, _next_clause_cue(doc, cue, s_hi))
    if _DASH_BEFORE.search(text, max(s_lo, cue.start - 30), cue.start):
        # Rule dash-participle: "Ruiz flipped her pick – saying she backed Ohio" -- a dash
        # opens the participle's clause as a comma does; a second dash closes it ("Ruiz —
        # saying she was tired — left early").
        site.rules.append("dash-participle")
        close = _DASH_IN.search(text, c_lo, c_hi)
        if close is not None:
            c_hi = close.start()
    return mention, [(c_lo, c_hi)], False


def _comma_after(text: str, doc: _Doc, lo: int, hi: int) -> int | None:
    """The first comma in ``[lo, hi)`` outside quotation marks, or ``None``."""
    at = text.find(",", lo, hi)
    while at != -1:
        inside = [q for q in doc.spans_overlapping(at, at + 1) if q.open_at < at < q.outer_end]
        # (A comma inside a closing mark ends the phrase too: "the plan “fails,” Ruiz".)
        if not inside or all(at >= q.outer_end - 3 for q in inside):
            return at
        at = text.find(",", at + 1, hi)
    return None


# A dash right before a participle (adverbs between), and a dash inside its clause.
_DASH_BEFORE = lazy_regex(
    r"\s[—–]\s{0,4}(?:(?:still|also|again|even|later|then|\w+ly)\s{1,4}){0,3}$"
)
_DASH_IN = lazy_regex(r"\s[—–]\s")


def _subject_before_cue(site: _Site) -> _Decision:
    """The subject before the cue, as written (or as the parse has it), is its speaker
    (rules of :mod:`quoteattr.speakers`); the rules after it read the content. Decides nothing."""
    lo = site.s_lo
    if "causative-to-say" in site.cue.rules:
        lo = causative_object_start(site.text, lo, site.cue)  # "led Republicans to say"
    mention = _subject_before(site.text, lo, site.cue.start)
    if mention is not None and _in_subordinate_clause(
        site.text, site.s_lo, mention.end, site.cue.start
    ):
        # (Rule subordinate-then-main-clause: in "If the plant closes, jobs will go, said
        # Ruiz." the subject of the subordinate clause speaks for no cue.)
        mention = None
        site.rules.append("subordinate-then-main-clause")
    if mention is not None:
        mention = _dep(site.doc, site.cue, site.s_lo, site.s_hi, mention)
    site.mention = mention
    return NEXT


def _in_subordinate_clause(text: str, s_lo: int, at: int, cue_at: int) -> bool:
    """Whether ``at`` lies in a subordinate clause that opens the sentence at ``s_lo`` and
    ends at a comma between ``at`` and the cue at ``cue_at``."""
    return (
        _SUBORDINATOR.match(text, s_lo, at) is not None
        and text.find(",", s_lo, at) == -1
        and text.find(",", at, cue_at) != -1
    )


def _coordinated_cue_shares_subject(site: _Site) -> _Decision:
    """Rule coordinated-cue-shares-subject: a cue after "and"/"but" (or a comma and
    "then": "toured the plant, then said ...") with no subject of its own shares the
    clause's.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("Demonstrators marched through the city, but pledged to stay calm.")[0].rules[:2]
    ('cue-reporting-verb', 'coordinated-cue-shares-subject')
    """
    doc, cue, text, s_lo, s_hi = site.doc, site.cue, site.text, site.s_lo, site.s_hi
    if site.mention is not None or not _CONJUNCTION_BEFORE.search(
        text, max(s_lo, cue.start - 24), cue.start
    ):
        return NEXT
    mention = _participial_speaker(doc, site.st, cue, s_lo)
    if mention is None:
        return NEXT
    mention = _dep(doc, cue, s_lo, cue.start, mention) or mention
    site.rules.append("coordinated-cue-shares-subject")
    c_lo, c_hi, extra = _content_after(doc, cue, s_hi)
    site.rules += extra
    return mention, [(c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))], False


def _inverted_cue(site: _Site) -> _Decision:
    """Rule inverted-cue: a cue after its clause and a comma, its speaker after it;
    when what stands before is no clause, the subject before a parenthetical insertion
    (rules of :func:`_subject_before_insertion`).

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("The talks have failed, said the spokesman.")[0].rules[:2]
    ('cue-reporting-verb', 'inverted-cue')
    """
    if site.mention is not None:
        return NEXT
    doc, cue, text = site.doc, site.cue, site.text
    s_lo, s_hi, rules = site.s_lo, site.s_hi, site.rules
    comma = text.rfind(",", s_lo, cue.start)
    phrase = False
    if (
        comma != -1
        and _only_punct(text, comma, cue.start)
        and content_shape(text, s_lo, comma) != "clause"
        and not doc.spans_overlapping(s_lo, comma)
    ):
        phrase = _phrase_before_final_cue(doc, cue, s_lo, comma)
        if not phrase:
            comma = -1
    if comma == -1 or not _only_punct(text, comma, cue.start):
        found = _subject_before_insertion(doc, cue, s_lo, s_hi, rules)
        if found is not None:
            return found
        return NEXT
    mention = _dep(doc, cue, cue.end, s_hi, mention_after(text, cue.end, s_hi))
    if phrase and (mention is None or not _SENTENCE_ENDS.match(text, mention.end, s_hi)):
        # A phrase is content only before a cue that ends its sentence.
        return _subject_before_insertion(doc, cue, s_lo, s_hi, rules) or NEXT
    if mention is None:
        # No speaker after the cue: "Ruiz, citing “the cost,” said the plan ..." has its
        # subject before an insertion that holds a quotation, and "Archer, wearing a shirt
        # covered in buttons, said he ..." before any insertion when the cue is a past
        # (rule subject-before-insertion).
        spans = doc.spans_overlapping(s_lo, comma)
        if (spans and _word_count(text, s_lo, spans[0].open_at) >= 1) or (
            not spans and cue.form == "past"
        ):
            return _subject_before_insertion(doc, cue, s_lo, s_hi, rules) or NEXT
        return NEXT
    # The speaker of an inverted cue ends its clause: "..., said Ana Ruiz." or
    # "..., said Ana Ruiz, the mayor." -- not "Sullivan, struck by her story,
    # told her she ...".
    m_end = _pair_span(text, mention)[1]
    rest = text[m_end:s_hi].lstrip()
    if (
        rest[:1] not in ("", ",", "(", "—", "–", ".", ";")
        and _word_count(text, m_end, s_hi) > 4
        and not _ADJUNCT.match(text, m_end, s_hi)
    ):
        return _subject_before_insertion(doc, cue, s_lo, s_hi, rules)
    rules.append("inverted-cue")
    if phrase:
        rules.append("phrase-before-final-cue")
    return mention, [(s_lo, comma)], True


def _parse_speaker(site: _Site) -> _Decision:
    """No surface speaker on either side: the parse's, where it sees one (parsed text
    only, rules parse-speaker-*); else the cue is no attribution -- except in the broad
    scheme, where rule speakerless-cue keeps a clause after the cue as content with no
    speaker ("And yet again insisted that ...", a subject no rule reads), not after a
    comma (an inverted cue whose speaker follows it)."""
    if site.mention is None:
        site.mention = _dep(site.doc, site.cue, site.s_lo, site.s_hi, None)
        if site.mention is None:
            if site.doc.broad:
                doc, cue = site.doc, site.cue
                c_lo, c_hi, extra = _content_after(doc, cue, site.s_hi)
                c_hi = min(c_hi, _next_clause_cue(doc, cue, site.s_hi))
                before = site.text[site.s_lo : cue.start].rstrip()
                last = before.rsplit(maxsplit=1)[-1].lower() if before else ""
                if (
                    content_shape(site.text, c_lo, c_hi) != "clause"
                    or before[-1:] in ("", ",")
                    or last in PREPOSITIONS
                ):
                    # No clause; an inverted cue ("..., say engineers, ..."); a noun or an
                    # adjective after a preposition ("of emails", "in pledged delegates").
                    return None
                site.rules += [*extra, "speakerless-cue"]
                return None, [(c_lo, c_hi)], False
            return None
    return NEXT


def _parse_speaker_passive(site: _Site) -> _Decision:
    """Rule parse-speaker-passive (parsed text only): the content is the clause the
    passive cue governs (rule dep-ccomp), as in "The plan was called a failure by officials".
    """
    mention = site.speaker
    if "parse-speaker-passive" not in mention.rules:
        return NEXT
    clause = evidence.clause(site.doc.analysis, site.cue.start, site.cue.end, site.s_lo, site.s_hi)
    if clause is None:
        return NEXT
    site.rules.append("dep-ccomp")
    return mention, [clause], clause[1] <= site.cue.start


def _read_content(site: _Site) -> _Decision:
    """The content after the cue (rules of :func:`_content_after`) and the comma before
    the mention; decides nothing."""
    text, mention = site.text, site.speaker
    site.c_lo, site.c_hi, extra = _content_after(site.doc, site.cue, site.s_hi)
    site.rules += extra
    m_start = _pair_span(text, mention)[0]
    site.comma = text.rfind(",", site.s_lo, m_start)
    site.opened_by_comma = site.comma > site.s_lo and _only_punct(text, site.comma, m_start)
    return NEXT


def _pair_span(text: str, mention: Mention) -> tuple[int, int]:
    """Where a speaker mention stands with the person it is coordinated with (rule
    coordinated-names): "..., Ana Ruiz and **Ben Cole** said on Monday" and "..., said **Ana
    Ruiz** and Ben Cole on Monday" both span "Ana Ruiz and Ben Cole"; else the mention's."""
    if mention.pronoun or mention.kind is not SpeakerKind.PERSON:
        return mention.start, mention.end
    pair = coordinated(text, mention)
    if pair is None:
        return mention.start, mention.end
    return pair[0].start, pair[1].end


# Adverbs that open an adjunct after the cue of an "As" clause: "As the Post reported just
# today", "As Ruiz noted last week".
_AS_ADJUNCT_OPENERS = frozenset(
    "just today yesterday earlier recently last this again also first previously once".split()
)
# "As" opening the sentence, right before the subject of a cue: "As the Post reported, ...".
_AS_OPENS = lazy_regex(r"\W{0,3}As\s{1,4}$")


def _as_comment_clause(site: _Site) -> _Decision:
    """Rule as-clause-reports-main-clause: "As the Post reported just today, the agency
    issued subpoenas." -- an opening *As* clause of a cue with nothing after the cue but an
    adjunct (no clause) comments on the main clause after its comma: that clause is the
    content, not the adjunct.

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("As the Post reported just today, the agency issued subpoenas.")[0].rules[:2]
    ('cue-reporting-verb', 'as-clause-reports-main-clause')
    """
    text, cue = site.text, site.cue
    mention = site.speaker
    if (
        cue.frame not in ("clause", "hearer")
        or cue.lemma not in STRONG_SPEECH
        or not _AS_OPENS.fullmatch(text, site.s_lo, _pair_span(text, mention)[0])
    ):
        return NEXT
    lo = site.c_lo if cue.frame == "hearer" else cue.end  # after the hearer: "told reporters"
    comma = text.find(",", cue.end, site.s_hi)
    if comma == -1 or comma < lo or _word_count(text, lo, comma) > 8:
        return NEXT
    first = text[lo:comma].split()[:1]
    if first and first[0].lower() not in PREPOSITIONS | _AS_ADJUNCT_OPENERS:
        return NEXT  # an object: "As the judge read his decision, ..." is a time clause
    if content_shape(text, lo, comma) in ("clause", "infinitive"):
        return NEXT
    if site.doc.cues_between(cue.end, comma, 1):
        return NEXT
    right = _trim(text, comma + 1, site.s_hi)
    if _word_count(text, *right) < 3 or content_shape(text, *right) != "clause":
        return NEXT
    site.rules.append("as-clause-reports-main-clause")
    return mention, [right], False


def _parenthetical_cue(site: _Site) -> _Decision:
    """Rules parenthetical-cue, opener-not-content: the content stands on both sides of
    an attribution set off by commas; an opening adverbial or connective before it is not
    content (except in the broad scheme, as PARC has it).

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("The weapons, he added, are like bombs.")[0].rules[:2]
    ('cue-reporting-verb', 'parenthetical-cue')
    >>> quotes("In the end, Ruiz said, voters stayed home.")[0].rules[:3]
    ('cue-reporting-verb', 'parenthetical-cue', 'opener-not-content')
    """
    doc, cue, text = site.doc, site.cue, site.text
    s_lo, s_hi, comma = site.s_lo, site.s_hi, site.comma
    c_lo, c_hi = site.c_lo, site.c_hi
    after_comma = text[c_lo - 1 : c_lo] == "," or text[cue.end : c_lo].strip().startswith(",")
    if not (site.opened_by_comma and after_comma and _word_count(text, s_lo, comma) >= 1):
        return NEXT
    site.rules.append("parenthetical-cue")
    right = (c_lo, min(c_hi, _next_clause_cue(doc, cue, s_hi)))
    if not doc.broad and _is_opener(text, s_lo, comma):
        site.rules.append("opener-not-content")
        return site.speaker, [right], False
    return site.speaker, [(s_lo, comma), right], True


def _read_sides(site: _Site) -> _Decision:
    """The content after the cue, trimmed and stopped at the next clause's cue, and the
    start of a clause before the comma that opens the attribution (none after an opening
    phrase: "In a video posted Monday, she said ..."); decides nothing."""
    doc, cue, text, s_lo, s_hi = site.doc, site.cue, site.text, site.s_lo, site.s_hi
    site.right = _trim(text, site.c_lo, min(site.c_hi, _next_clause_cue(doc, cue, s_hi)))
    left_lo = _after_opening_phrase(text, s_lo, site.comma) if site.opened_by_comma else None
    main_after = None
    if left_lo is not None and not _left_clause(doc, left_lo, site.comma):
        main_after = _subordinate_then_main(text, left_lo, site.comma)
    if main_after is not None and _word_count(text, *site.right) < 2:
        site.rules.append(main_after)
    elif left_lo is not None and not _left_clause(doc, left_lo, site.comma):
        final = _word_count(text, *site.right) < 2 or (
            # "..., Politico reported in 2014.": an adjunct is all that follows the cue
            _PREPOSITION_NEXT.match(text, cue.end, s_hi) is not None
            and _THAT.search(text, cue.end, s_hi) is None
        )
        if final and _phrase_before_final_cue(doc, site.cue, left_lo, site.comma):
            site.rules.append("phrase-before-final-cue")
        else:
            left_lo = None
    site.left_lo = left_lo
    return NEXT


def _adjunct_after_final_cue(site: _Site) -> _Decision:
    """Rule adjunct-after-final-cue: after a cue that follows its clause, a
    preposition opens an adjunct, not the content (rule content-before-cue).

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("The reforms will pass next year, Ruiz said in her book.")[0].rules[:2]
    ('cue-reporting-verb', 'content-before-cue')
    """
    text, cue, left_lo, comma, mention = site.text, site.cue, site.left_lo, site.comma, site.speaker
    if (
        left_lo is not None
        and _PREPOSITION_NEXT.match(text, cue.end, site.s_hi)
        and _word_count(text, left_lo, comma) >= 4
        and not _THAT.search(text, cue.end, site.s_hi)
        and mention.antecedent is None
    ):
        site.rules.append("content-before-cue")
        return mention, [(left_lo, comma)], True
    return NEXT


def _content_before_cue(site: _Site) -> _Decision:
    """Rules content-before-cue, parse-content-only: with (almost) nothing after the
    cue, the clause before the comma is the content -- not an opening phrase; then, on
    parsed text, the clause the cue governs (rule dep-ccomp).

    >>> from quoteattr import extract_quotes as quotes
    >>> quotes("The city is calm, Psaki said.")[0].rules[:2]
    ('cue-reporting-verb', 'content-before-cue')
    """
    text, left_lo, mention, cue = site.text, site.left_lo, site.speaker, site.cue
    if _word_count(text, *site.right) >= 2 or (
        left_lo is None and site.right[1] > site.right[0] and _one_quotation(site.doc, *site.right)
    ):
        # (With no clause before, a quotation of one word after the cue is the content:
        # "accused the government of “dithering”".)
        return NEXT
    if left_lo is None or mention.antecedent is not None or cue.frame == "about":
        if cue.frame == "about" and not site.doc.broad:
            return None  # a topic needs a quotation in the speech scheme (topic-needs-quotation)
        # Rule parse-content-only (parsed text only): the clause the cue governs.
        clause = evidence.clause(site.doc.analysis, cue.start, cue.end, site.s_lo, site.s_hi)
        if clause is None:
            return None
        site.rules += ["dep-ccomp", "parse-content-only"]
        return mention, [clause], clause[1] <= cue.start
    site.rules.append("content-before-cue")
    return mention, [(left_lo, site.comma)], True


def _content_after_cue(site: _Site) -> _Decision:
    """Rules content-after-cue, object-ends-at-break: the content is what follows the
    cue; the object of a cue that takes a noun phrase ("praised", "blamed") ends at the
    first comma or dash (in the broad scheme, where such objects are content).

    >>> from quoteattr import extract_quotes as quotes
    >>> from quoteattr import QuoteExtractor
    >>> broad = QuoteExtractor(scheme="broad")
    >>> quotes("Ruiz said the city was calm.")[0].rules[:2]
    ('cue-reporting-verb', 'content-after-cue')
    >>> broad("Ruiz condemned the attack, a crime she called cowardly.")[0].rules[:3]
    ('cue-reporting-verb', 'content-after-cue', 'object-ends-at-break')
    """
    site.rules.append("content-after-cue")
    c_lo_t, c_hi_t = site.right
    if site.cue.lemma in NP_COMPLEMENT:
        brk = _NP_BREAK.search(site.text, c_lo_t, c_hi_t)
        if brk is not None and _word_count(site.text, c_lo_t, brk.start()) >= 1:
            site.rules.append("object-ends-at-break")
            c_hi_t = brk.start()
    return site.speaker, [(c_lo_t, c_hi_t)], False


#: The rules for a reported-speech cue's speaker and content, in order: the most precise
#: first; the first that decides wins. The speaker rules come first (a frame of its own,
#: the subject, an inverted or inserted speaker, the parse's), then the content rules.
_CUE_RULES: tuple[Callable[[_Site], _Decision], ...] = (
    _according_to,
    _participle_clause,
    _subject_before_cue,
    _coordinated_cue_shares_subject,
    _inverted_cue,
    _parse_speaker,
    _parse_speaker_passive,
    _read_content,
    _as_comment_clause,
    _parenthetical_cue,
    _read_sides,
    _adjunct_after_final_cue,
    _content_before_cue,
    _content_after_cue,
)


def _speaker_and_content(
    doc: _Doc, cue: Cue, st: _State, s_lo: int, s_hi: int, rules: list[str]
) -> _Found | None:
    """The mention and content pieces of a cue's attribution, or ``None``.

    Returns ``(mention, pieces, left_content)`` where ``left_content`` says the content
    stands before the cue. The rules of :data:`_CUE_RULES` are asked in turn.
    """
    site = _Site(doc, cue, st, s_lo, s_hi, rules)
    for rule in _CUE_RULES:
        decided = rule(site)
        if decided is not NEXT:
            return decided
    raise AssertionError("content-after-cue always decides")  # pragma: no cover
