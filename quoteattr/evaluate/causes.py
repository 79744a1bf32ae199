"""Error causes: every miss, false alarm and wrong speaker, name or role as an
:class:`ErrorCase` with a cause inferred from the gold and the prediction."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..attribution import content_shape, is_label, is_title, not_a_source
from ..cues import FORMS
from ..lexicon.reporting_verbs import INFINITIVE_SPEECH
from .gold import GoldQuote, Pair
from .matching import NAME_PRONOUNS, Prediction, Unit, _name_words, _overlap
from .scores import DocumentResult, Scores

_CUE_WORD = re.compile(r"[a-z]+")


# ---------------------------------------------------------------------------------------------
# Error analysis
# ---------------------------------------------------------------------------------------------

MISS = "miss"
FALSE_ALARM = "false alarm"
WRONG_SPEAKER = "wrong speaker"
PARTIAL_NAME = "partial name"
WRONG_ROLE = "wrong role"

# Causes of a miss (a gold unit with no match), tested in this order.
#: The prediction overlapping the gold content most also covers another gold unit, which it
#: matched: gold "A." and "B." as two quotes, predicted "A. B." as one.
CAUSE_MERGED = "content boundary (merged with another unit)"
#: A prediction overlaps the gold content but runs too far past it: gold "the plan failed",
#: predicted "the plan failed, which officials had expected for weeks".
CAUSE_TOO_LONG = "content boundary (prediction too long)"
#: A prediction overlaps the gold content but covers too little of it: gold "the plan
#: failed because funds ran out", predicted "funds ran out".
CAUSE_TOO_SHORT = "content boundary (prediction too short)"
#: A direct quote with no prediction on it: its quote marks were not paired, or it was dropped.
CAUSE_UNPAIRED = "direct quote unpaired"
#: The gold cue was found (some prediction has it) but not this content: "X said A and B".
CAUSE_CUE_FOUND = "cue found, content missed"
#: The cue is punctuation: "Ruiz: the plan is sound", "— Ruiz".
CAUSE_PUNCT_CUE = "punctuation cue"
#: Not speech: a belief or finding ("polls show", "she believes"), or a poll or report source.
CAUSE_NOT_SPEECH = "belief/poll/report (not speech)"
#: No word of the gold cue is a cue form of the lexicon: "has learned", "cited".
CAUSE_NOT_IN_LEXICON = "cue not in lexicon"
#: The cue word is in the lexicon, yet no prediction has it: "told" before a long hearer.
CAUSE_NO_CUE = "no cue found"
#: The gold has no cue at all, and nothing overlapped it.
CAUSE_NO_GOLD_CUE = "no cue in gold"

# Causes of a false alarm (a predicted unit with no match), tested in this order.
#: Overlaps a gold unit that another prediction matched: a quote split in two, or found twice.
CAUSE_FA_SPLIT = "content boundary (split or duplicate)"
#: Overlaps a gold unit, but runs too far past it: predicted "A, which B", gold "A".
CAUSE_FA_TOO_LONG = "content boundary (prediction too long)"
#: Overlaps a gold unit, but covers too little of it: predicted "B", gold "A because B".
CAUSE_FA_TOO_SHORT = "content boundary (prediction too short)"
#: The predicted cue is a gold cue, but the content is elsewhere (the wrong side of the cue).
CAUSE_FA_WRONG_CONTENT = "gold cue, content elsewhere"
#: The predicted cue is not annotated as a cue: "the said agreement", a non-reporting "says".
CAUSE_FA_CUE = "cue not annotated"
#: Quote marks with no cue and no gold: titles, scare quotes, slogans.
CAUSE_FA_QUOTED = "quoted words not annotated"
#: No cue, not quoted: attributed by position alone.
CAUSE_FA_POSITION = "no cue, not annotated"
# Causes of a false alarm that overlaps no gold unit, by the construction behind it (the
# constructions the speech scheme rejects; see docs/schemes.md), tested before the three above.
#: A belief, intention, finding or the writer's hedge, where the gold counts speech only.
CAUSE_FA_BELIEF = "belief, finding or hedge (not speech)"
#: A refusal or a negated cue: "declined to comment", "did not respond to requests".
CAUSE_FA_REFUSAL = "refusal or negated cue"
#: A label, heading or headline read as a speaker: "WATCH:", "The Latest:".
CAUSE_FA_LABEL = "label or heading"
#: A subject that cannot be a source: a number, a possessive fragment, a hearer pronoun.
CAUSE_FA_NON_SOURCE = "subject that cannot be a source"
#: The cue's object is a noun phrase, a prepositional phrase or an infinitive of no speech
#: act: "praised his players", "responded to the request", "agreed to meet".
CAUSE_FA_NP_OBJECT = "object is a thing, not words"
#: A title of a work in quote marks: “The Rachel Maddow Show”.
CAUSE_FA_TITLE = "title in quote marks"

# Causes of a wrong speaker (a lenient match whose speaker is wrong), tested in this order.
#: Gold has a speaker, the prediction none.
CAUSE_NO_SPEAKER = "no speaker predicted"
#: Gold has none ("...", the report said nothing of who), the prediction one.
CAUSE_EXTRA_SPEAKER = "speaker where gold has none"
#: The predicted cue is not the gold cue: the content was hung on another reporting verb.
CAUSE_OTHER_CUE = "different cue"
#: The gold mention is a pronoun ("he", "who"), the prediction took it, and resolved it to
#: someone else.
CAUSE_PRONOUN = "pronoun resolved to someone else"
#: ... and left it a pronoun.
CAUSE_PRONOUN_UNRESOLVED = "pronoun unresolved"
#: The gold mention is a description ("the mayor", "the company") of a named entity, and the
#: prediction kept it a description.
CAUSE_DESCRIPTION = "description not linked to its entity"
#: ... and linked it to someone else.
CAUSE_DESCRIPTION_WRONG = "description linked to someone else"
#: The gold mention is a name ("Ruiz", "Ana Ruiz") and the prediction took it, but the name
#: it gave is someone else's: "Ruiz" -> "Tom Ruiz" for Ana Ruiz.
CAUSE_COREF = "name linked to someone else"
#: A different mention was taken as the speaker: "Ruiz told Lopez" -> "Lopez".
CAUSE_ELSEWHERE = "speaker span elsewhere"

# Causes of a partial name (the speaker is right, the canonical name not whole).
#: The prediction gives the surname alone ("Psaki" for "Jen Psaki").
CAUSE_SURNAME_ONLY = "surname only"
#: The prediction gives another form of the name ("Clinton" vs "Hillary Rodham Clinton").
CAUSE_OTHER_FORM = "other form of the name"

# Causes of a wrong role (the speaker is right, the role not one the gold gives).
#: The gold gives a role, the prediction none.
CAUSE_NO_ROLE = "no role predicted"
#: The gold gives none, the prediction one.
CAUSE_EXTRA_ROLE = "role where gold has none"
#: Both give one, and they differ.
CAUSE_OTHER_ROLE = "another role"

#: Cue words (outside the lexicon) of appearance, expectation and findings: "seems", "poll".
NOT_SPEECH_CUE_WORDS = frozenset(
    "seem seems seemed seeming appear appears appeared appearing expected likely poll polls "
    "polling survey surveys study studies data".split()
)

#: Speaker words that mark a document or a poll as the source: "a new poll", "the report".
NOT_SPEECH_SOURCE_WORDS = frozenset(
    "poll polls survey surveys study studies report reports data analysis research document "
    "documents memo records figures numbers results statistics".split()
)

#: Characters of context shown on each side of a unit in the error file.
CONTEXT_CHARS = 150


@attrs.frozen(slots=True, kw_only=True)
class ErrorCase:
    """One miss, false alarm or wrong speaker, with what is needed to see why.

    Attributes:
        category: ``"miss"``, ``"false alarm"`` or ``"wrong speaker"``.
        cause: The inferred cause (one of the ``CAUSE_*`` labels).
        document: The document's id.
        start: Start of the unit (the gold one for a miss or wrong speaker).
        end: End of the unit.
        text: The unit's text.
        before: Up to :data:`CONTEXT_CHARS` characters before the unit.
        after: Up to :data:`CONTEXT_CHARS` characters after it.
        kind: The gold kind (the predicted one for a false alarm).
        gold_speaker: The gold speaker mention, if any.
        gold_entity: The gold canonical speaker name, if any.
        gold_cue: The gold cue, if any.
        predicted: The predicted content overlapping a missed unit, if any.
        predicted_speaker: The predicted speaker mention, if any.
        predicted_name: The predicted speaker name, if any.
        predicted_cue: The predicted cue, if any.
        rules: The rules of the prediction concerned.
        gold_roles: The roles the gold gives the speaker, if annotated.
        predicted_role: The predicted speaker's role, if any.
    """

    category: str
    cause: str
    document: str
    start: int
    end: int
    text: str
    before: str
    after: str
    kind: str | None = None
    gold_speaker: str | None = None
    gold_entity: str | None = None
    gold_cue: str | None = None
    predicted: str | None = None
    predicted_speaker: str | None = None
    predicted_name: str | None = None
    predicted_cue: str | None = None
    rules: tuple[str, ...] = ()
    gold_roles: tuple[str, ...] | None = None
    predicted_role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The case as a JSON-ready mapping."""
        out = attrs.asdict(self)
        out["rules"] = list(self.rules)
        if self.gold_roles is not None:
            out["gold_roles"] = list(self.gold_roles)
        return out


def _cue_words(cue_text: str | None) -> list[str]:
    return _CUE_WORD.findall((cue_text or "").lower())


def _cue_in_lexicon(cue_text: str | None) -> bool:
    lowered = " ".join(_cue_words(cue_text))
    return "according to" in lowered or any(w in FORMS for w in _cue_words(cue_text))


def _is_not_speech(quote: GoldQuote) -> bool:
    """A belief, finding, appearance or document attribution (see :data:`CAUSE_NOT_SPEECH`)."""
    words = _cue_words(quote.cue_text)
    readings = [r for w in words for r in FORMS.get(w, ())]
    if readings and all(frame == "belief" for _lemma, _form, frame in readings):
        return True
    if any(w in NOT_SPEECH_CUE_WORDS for w in words):
        return True
    return any(w in NOT_SPEECH_SOURCE_WORDS for w in _name_words(quote.speaker_text))


def _miss_cause(
    result: DocumentResult, unit: Unit, pred_cues: Sequence[Pair]
) -> tuple[str, Prediction | None]:
    """The cause of a missed gold unit, and the prediction most relevant to it."""
    quote = result.document.quotes[unit.quote]
    overlapping = [(_overlap(unit.span, p.span), j) for j, p in enumerate(result.predicted_units)]
    shared, nearest = max(overlapping, default=(0, -1))
    if shared:
        best = result.predicted_units[nearest]
        pred = result.predictions[best.quote]
        if nearest in {m.predicted for m in result.matches}:
            return CAUSE_MERGED, pred
        longer = best.end - best.start > unit.end - unit.start
        return (CAUSE_TOO_LONG if longer else CAUSE_TOO_SHORT), pred
    if quote.kind == "direct":
        return CAUSE_UNPAIRED, None
    if quote.cue is None:
        return CAUSE_NO_GOLD_CUE, None
    gold_cue = quote.cue
    if any(_overlap(c, gold_cue) for c in pred_cues):
        holder = next(p for p in result.predictions if p.cue and _overlap(p.cue, gold_cue))
        return CAUSE_CUE_FOUND, holder
    if not _cue_words(quote.cue_text):
        return CAUSE_PUNCT_CUE, None
    if _is_not_speech(quote):
        return CAUSE_NOT_SPEECH, None
    if not _cue_in_lexicon(quote.cue_text):
        return CAUSE_NOT_IN_LEXICON, None
    return CAUSE_NO_CUE, None


def _false_alarm_cause(result: DocumentResult, unit: Unit, gold_cues: Sequence[Pair]) -> str:
    pred = result.predictions[unit.quote]
    overlapping = [(_overlap(unit.span, g.span), i) for i, g in enumerate(result.gold_units)]
    shared, best = max(overlapping, default=(0, -1))
    if shared:
        gold = result.gold_units[best]
        if best in {m.gold for m in result.matches}:
            return CAUSE_FA_SPLIT
        return (
            CAUSE_FA_TOO_LONG
            if unit.end - unit.start > gold.end - gold.start
            else CAUSE_FA_TOO_SHORT
        )
    if pred.cue is not None and any(_overlap(pred.cue, g) for g in gold_cues):
        return CAUSE_FA_WRONG_CONTENT
    construction = _construction_cause(result.document.text, pred, unit)
    if construction is not None:
        return construction
    if pred.cue is not None:
        return CAUSE_FA_CUE
    return CAUSE_FA_QUOTED if pred.kind in ("direct", "mixed") else CAUSE_FA_POSITION


_BELIEF_RULES = frozenset({"cue-belief-verb", "writer-hedge", "in-document-finding"})
_LABEL_RULES = frozenset({"colon-headline", "transcript-turn", "direct-colon-speaker"})
_REFUSAL_LEMMAS = frozenset({"decline", "refuse"})
_NEGATION = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+ly\s+)?$", re.I)


def _construction_cause(text: str, pred: Prediction, unit: Unit) -> str | None:
    """The construction behind a false alarm that overlaps no gold unit, when it is one the
    speech scheme does not count as a quote (``None`` otherwise)."""
    rules = set(pred.rules)
    if rules & _BELIEF_RULES:
        return CAUSE_FA_BELIEF
    cue_words = _cue_words(pred.cue_text)
    lemmas = {r[0] for w in cue_words for r in FORMS.get(w, ())}
    if pred.cue is not None and (
        lemmas & _REFUSAL_LEMMAS or _NEGATION.search(text[max(0, pred.cue[0] - 30) : pred.cue[0]])
    ):
        return CAUSE_FA_REFUSAL
    spk = pred.speaker
    if rules & _LABEL_RULES and (
        spk is None or is_label(spk.text) or is_title(_unit_text(text, unit))
    ):
        return CAUSE_FA_LABEL
    if spk is not None and spk.text and not_a_source(spk.text):
        return CAUSE_FA_NON_SOURCE
    if pred.cue is not None and unit.start >= pred.cue[1] and pred.kind == "indirect":
        shape = content_shape(text, unit.start, unit.end)
        infinitive_act = shape == "infinitive" and lemmas & INFINITIVE_SPEECH
        if shape in ("noun", "prepositional", "infinitive") and not infinitive_act:
            return CAUSE_FA_NP_OBJECT
    if pred.cue is None and pred.kind == "direct" and is_title(_unit_text(text, unit)):
        return CAUSE_FA_TITLE
    return None


def _unit_text(text: str, unit: Unit) -> str:
    """The text of a unit."""
    return text[unit.start : unit.end]


def _speaker_cause(gold: GoldQuote, pred: Prediction) -> str:
    spk = pred.speaker
    if spk is None:
        return CAUSE_NO_SPEAKER
    if gold.speaker is None and gold.speaker_entity_text is None:
        return CAUSE_EXTRA_SPEAKER
    if gold.cue is not None and pred.cue is not None and not _overlap(gold.cue, pred.cue):
        return CAUSE_OTHER_CUE
    on_mention = (
        spk.span is not None and gold.speaker is not None and _overlap(spk.span, gold.speaker) > 0
    )
    if not on_mention:
        return CAUSE_ELSEWHERE
    gold_words = _name_words(gold.speaker_text)
    pronoun = gold.speaker_is_pronoun or (
        bool(gold_words) and all(w in NAME_PRONOUNS for w in gold_words)
    )
    if pronoun:
        still = all(w in NAME_PRONOUNS for w in _name_words(spk.name))
        return CAUSE_PRONOUN_UNRESOLVED if still else CAUSE_PRONOUN
    if gold_words and gold_words[0] in _DESCRIPTION_OPENERS:
        kept = set(_name_words(spk.name)) <= set(_name_words(spk.text))
        return CAUSE_DESCRIPTION if kept else CAUSE_DESCRIPTION_WRONG
    return CAUSE_COREF


#: First words of a description: "the mayor", "a senior official", "his spokesman".
_DESCRIPTION_OPENERS = frozenset("the a an his her their its this that one two".split())


def _name_cause(pred: Prediction) -> str:
    spk = pred.speaker
    words = _name_words(spk.name if spk is not None else "")
    return CAUSE_SURNAME_ONLY if len(words) == 1 else CAUSE_OTHER_FORM


def _role_cause(gold: GoldQuote, pred: Prediction) -> str:
    role = pred.speaker.role if pred.speaker is not None else None
    if not gold.speaker_roles:
        return CAUSE_EXTRA_ROLE
    return CAUSE_OTHER_ROLE if role else CAUSE_NO_ROLE


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def _case(
    category: str,
    cause: str,
    result: DocumentResult,
    unit: Unit,
    gold: GoldQuote | None,
    pred: Prediction | None,
    pred_unit: Unit | None = None,
) -> ErrorCase:
    text = result.document.text
    before, after = _context(text, unit.start, unit.end)
    spk = pred.speaker if pred else None
    predicted = None
    if category == MISS and pred is not None and pred.fragments:
        predicted = " … ".join(text[s:e] for s, e in pred.fragments)
    return ErrorCase(
        category=category,
        cause=cause,
        document=result.document.id,
        start=unit.start,
        end=unit.end,
        text=text[unit.start : unit.end],
        before=before,
        after=after,
        kind=gold.kind if gold else (pred.kind if pred else None),
        gold_speaker=gold.speaker_text if gold else None,
        gold_entity=gold.speaker_entity_text if gold else None,
        gold_cue=gold.cue_text if gold else None,
        predicted=predicted,
        predicted_speaker=spk.text if spk else None,
        predicted_name=spk.name if spk else None,
        predicted_cue=(pred.cue_text if pred.cue_text is not None else None) if pred else None,
        rules=pred.rules if pred else (),
        gold_roles=gold.speaker_roles if gold else None,
        predicted_role=spk.role if spk else None,
    )


def find_errors(results: Scores | Iterable[DocumentResult]) -> tuple[ErrorCase, ...]:
    """Every miss, false alarm and wrong speaker, each with an inferred cause; and, where
    the gold gives canonical names and roles, every partial name and wrong role.

    Cases come in document order: per document, misses, then false alarms, then wrong
    speakers (with partial names and wrong roles), each in text order.
    """
    if isinstance(results, Scores):
        results = results.results
    cases = []
    for r in results:
        quotes = r.document.quotes
        pred_cues = [p.cue for p in r.predictions if p.cue is not None]
        gold_cues = [q.cue for q in quotes if q.cue is not None]
        for i in r.missed:
            unit = r.gold_units[i]
            cause, pred = _miss_cause(r, unit, pred_cues)
            cases.append(_case(MISS, cause, r, unit, quotes[unit.quote], pred))
        for i in r.false_alarms:
            unit = r.predicted_units[i]
            cause = _false_alarm_cause(r, unit, gold_cues)
            cases.append(_case(FALSE_ALARM, cause, r, unit, None, r.predictions[unit.quote]))
        for m in sorted(r.matches, key=lambda m: m.gold):
            unit = r.gold_units[m.gold]
            gold = quotes[unit.quote]
            pred = r.predictions[r.predicted_units[m.predicted].quote]
            if not m.speaker_ok:
                cases.append(_case(WRONG_SPEAKER, _speaker_cause(gold, pred), r, unit, gold, pred))
                continue
            if m.full_name_ok is False:
                cases.append(_case(PARTIAL_NAME, _name_cause(pred), r, unit, gold, pred))
            if m.role_ok is False:
                cases.append(_case(WRONG_ROLE, _role_cause(gold, pred), r, unit, gold, pred))
    return tuple(cases)


def cause_counts(cases: Iterable[ErrorCase]) -> list[tuple[str, str, int]]:
    """``(category, cause, count)`` for each cause, by category, most frequent first.

    >>> cause_counts([])
    []
    """
    counts = Counter((c.category, c.cause) for c in cases)
    order = {MISS: 0, FALSE_ALARM: 1, WRONG_SPEAKER: 2, PARTIAL_NAME: 3, WRONG_ROLE: 4}
    keyed = sorted(counts.items(), key=lambda kv: (order.get(kv[0][0], 3), -kv[1], kv[0][1]))
    return [(cat, cause, n) for (cat, cause), n in keyed]


def missed_cues(cases: Iterable[ErrorCase], top: int = 40) -> list[tuple[str, int]]:
    """The most frequent gold cue texts (lower-cased) among misses."""
    counts = Counter((c.gold_cue or "").lower() for c in cases if c.category == MISS and c.gold_cue)
    return counts.most_common(top)
