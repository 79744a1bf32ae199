"""Scores: every document compared with its gold, and the totals (:class:`Scores`)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from .._api import extract_quotes
from .gold import GoldDocument, GoldQuote
from .matching import (
    Match,
    Prediction,
    Unit,
    _overlap,
    _ratio,
    _units,
    full_name_correct,
    match_units,
    role_correct,
    speaker_correct,
)
from .subsets import GOLD_FILTERS

log = logging.getLogger("quoteattr")

#: An extractor: a text in, quotes out (``Quote`` records or mappings like ``Quote.to_dict()``).
Extract = Callable[[str], Iterable[Any]]


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True)
class DocumentResult:
    """How the predictions for one document compare with its gold.

    Attributes:
        document: The gold document.
        predictions: What the extractor returned, read as :class:`Prediction` records.
        gold_units: Gold content units; ``Unit.quote`` indexes ``document.quotes``.
        predicted_units: Predicted units; ``Unit.quote`` indexes ``predictions``.
        matches: The lenient matches, with speaker and cue judged.
        seconds: Time the extractor took on the text.
        failure: The exception the extractor raised (its output then counts as empty).
    """

    document: GoldDocument
    predictions: tuple[Prediction, ...]
    gold_units: tuple[Unit, ...]
    predicted_units: tuple[Unit, ...]
    matches: tuple[Match, ...]
    seconds: float = 0.0
    failure: str | None = None

    @property
    def missed(self) -> tuple[int, ...]:
        """Indices of the gold units left unmatched."""
        done = {m.gold for m in self.matches}
        return tuple(i for i in range(len(self.gold_units)) if i not in done)

    @property
    def false_alarms(self) -> tuple[int, ...]:
        """Indices of the predicted units left unmatched."""
        done = {m.predicted for m in self.matches}
        return tuple(i for i in range(len(self.predicted_units)) if i not in done)

    def restricted(self, keep: Callable[[GoldQuote], bool]) -> DocumentResult:
        """This result scored on part of the gold: only the gold units whose quote ``keep``
        accepts, and without the predicted units that matched another gold unit (they are
        neither right nor false alarms there). Predictions were matched against the whole
        gold, so leaving gold out frees no prediction to match elsewhere.

        Unit and match indices are renumbered; ``Unit.quote`` still indexes the document's
        and the predictions' quotes.
        """
        quotes = self.document.quotes
        kept_gold = [i for i, u in enumerate(self.gold_units) if keep(quotes[u.quote])]
        gold_at = {old: new for new, old in enumerate(kept_gold)}
        aside = {m.predicted for m in self.matches if m.gold not in gold_at}
        kept_pred = [i for i in range(len(self.predicted_units)) if i not in aside]
        pred_at = {old: new for new, old in enumerate(kept_pred)}
        return attrs.evolve(
            self,
            gold_units=tuple(self.gold_units[i] for i in kept_gold),
            predicted_units=tuple(self.predicted_units[i] for i in kept_pred),
            matches=tuple(
                attrs.evolve(m, gold=gold_at[m.gold], predicted=pred_at[m.predicted])
                for m in self.matches
                if m.gold in gold_at
            ),
        )


def compare_document(
    document: GoldDocument,
    predictions: Iterable[Any],
    *,
    seconds: float = 0.0,
    failure: str | None = None,
) -> DocumentResult:
    """Match one document's predictions (``Quote`` records or mappings) against its gold."""
    preds = tuple(p if isinstance(p, Prediction) else Prediction.of(p) for p in predictions)
    text = document.text
    gold_units = _units(text, (q.fragments for q in document.quotes))
    pred_units = _units(text, (p.fragments for p in preds))
    judged = []
    for m in match_units([u.span for u in gold_units], [u.span for u in pred_units]):
        g = document.quotes[gold_units[m.gold].quote]
        p = preds[pred_units[m.predicted].quote]
        cue_ok = None
        if g.cue is not None:
            cue_ok = p.cue is not None and _overlap(p.cue, g.cue) > 0
        ok = speaker_correct(g, p)
        role_ok = None
        if ok and g.speaker_kind in ("person", "anonymous"):
            role_ok = role_correct(g, p)
        judged.append(
            attrs.evolve(
                m,
                speaker_ok=ok,
                cue_ok=cue_ok,
                full_name_ok=full_name_correct(g, p),
                role_ok=role_ok,
            )
        )
    return DocumentResult(
        document=document,
        predictions=preds,
        gold_units=gold_units,
        predicted_units=pred_units,
        matches=tuple(judged),
        seconds=seconds,
        failure=failure,
    )


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen(slots=True, kw_only=True)
class KindScores:
    """Counts for the gold units of one quote kind."""

    kind: str | None
    gold: int
    matched: int
    speaker_correct: int

    @property
    def recall(self) -> float:
        """Share of this kind's gold units that were matched."""
        return _ratio(self.matched, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        """Share of this kind's matched units whose speaker is right."""
        return _ratio(self.speaker_correct, self.matched)


@attrs.frozen(slots=True, kw_only=True)
class Scores:
    """The figures of one evaluation; counts are fields, rates are properties.

    Attributes:
        documents: Documents scored.
        gold: Gold content units.
        predicted: Predicted content units.
        lenient: Lenient matches.
        strict: Strict matches (a subset of the lenient ones).
        speaker_correct: Lenient matches with the right speaker.
        cue_gold: Lenient matches whose gold has a cue.
        cue_correct: Of those, how many have a predicted cue overlapping it.
        words: Whitespace-separated words in the texts.
        seconds: Time spent in the extractor.
        failures: Documents on which the extractor raised an exception.
        full_name_gold: Lenient matches whose gold names a canonical entity.
        full_name_correct: Of those, how many predicted the whole name.
        role_gold: Lenient matches with the right speaker whose gold gives roles (a person or
            an anonymous source).
        role_correct: Of those, how many predicted a right role.
        by_kind: :class:`KindScores` per gold kind, in order of first appearance.
        results: Each document's :class:`DocumentResult`, for error analysis.
    """

    documents: int
    gold: int
    predicted: int
    lenient: int
    strict: int
    speaker_correct: int
    cue_gold: int
    cue_correct: int
    words: int
    seconds: float
    failures: int
    full_name_gold: int = 0
    full_name_correct: int = 0
    role_gold: int = 0
    role_correct: int = 0
    by_kind: tuple[KindScores, ...] = ()
    results: tuple[DocumentResult, ...] = attrs.field(default=(), repr=False, eq=False)

    @classmethod
    def from_results(cls, results: Iterable[DocumentResult]) -> Scores:
        """Add up the counts of per-document results."""
        results = tuple(results)
        kinds: dict[str | None, list[int]] = {}
        for r in results:
            matched = {m.gold: m for m in r.matches}
            for i, unit in enumerate(r.gold_units):
                counts = kinds.setdefault(r.document.quotes[unit.quote].kind, [0, 0, 0])
                counts[0] += 1
                if i in matched:
                    counts[1] += 1
                    counts[2] += matched[i].speaker_ok
        all_matches = [m for r in results for m in r.matches]
        return cls(
            documents=len(results),
            gold=sum(len(r.gold_units) for r in results),
            predicted=sum(len(r.predicted_units) for r in results),
            lenient=len(all_matches),
            strict=sum(m.strict for m in all_matches),
            speaker_correct=sum(m.speaker_ok for m in all_matches),
            cue_gold=sum(m.cue_ok is not None for m in all_matches),
            cue_correct=sum(m.cue_ok is True for m in all_matches),
            words=sum(len(r.document.text.split()) for r in results),
            seconds=sum(r.seconds for r in results),
            failures=sum(r.failure is not None for r in results),
            full_name_gold=sum(m.full_name_ok is not None for m in all_matches),
            full_name_correct=sum(m.full_name_ok is True for m in all_matches),
            role_gold=sum(m.role_ok is not None for m in all_matches),
            role_correct=sum(m.role_ok is True for m in all_matches),
            by_kind=tuple(
                KindScores(kind=k, gold=c[0], matched=c[1], speaker_correct=c[2])
                for k, c in kinds.items()
            ),
            results=results,
        )

    @property
    def lenient_precision(self) -> float:
        """Lenient matches over predicted units."""
        return _ratio(self.lenient, self.predicted)

    @property
    def lenient_recall(self) -> float:
        """Lenient matches over gold units."""
        return _ratio(self.lenient, self.gold)

    @property
    def lenient_f1(self) -> float:
        """Harmonic mean of lenient precision and recall."""
        return _f1(self.lenient_precision, self.lenient_recall)

    @property
    def strict_precision(self) -> float:
        """Strict matches over predicted units."""
        return _ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float:
        """Strict matches over gold units."""
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        """Harmonic mean of strict precision and recall."""
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def speaker_accuracy(self) -> float:
        """Share of lenient matches with the right speaker."""
        return _ratio(self.speaker_correct, self.lenient)

    @property
    def full_name_accuracy(self) -> float:
        """Share of matches whose gold names an entity that predicted its whole name."""
        return _ratio(self.full_name_correct, self.full_name_gold)

    @property
    def role_accuracy(self) -> float:
        """Share of matches with the right speaker and gold roles that got a right role."""
        return _ratio(self.role_correct, self.role_gold)

    @property
    def cue_accuracy(self) -> float:
        """Share of lenient matches with a gold cue whose predicted cue overlaps it."""
        return _ratio(self.cue_correct, self.cue_gold)

    @property
    def e2e_f1(self) -> float:
        """F1 counting a unit as found only when matched with the right speaker."""
        return _f1(
            _ratio(self.speaker_correct, self.predicted), _ratio(self.speaker_correct, self.gold)
        )

    @property
    def words_per_second(self) -> float:
        """Speed of the extractor."""
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The figures as a JSON-ready mapping (keys as in the reference scorer's ``--json``)."""
        out: dict[str, Any] = {key: getattr(self, name) for key, name in _SCORER_KEYS.items()}
        out["recall_by_type"] = {k.kind: k.recall for k in self.by_kind}
        out["speaker_acc_by_type"] = {k.kind: k.speaker_accuracy for k in self.by_kind}
        return out


#: The reference scorer's ``--json`` keys, each with the :class:`Scores` figure it holds.
_SCORER_KEYS = {
    "docs": "documents",
    "gold": "gold",
    "pred": "predicted",
    "lenient_P": "lenient_precision",
    "lenient_R": "lenient_recall",
    "lenient_F1": "lenient_f1",
    "strict_P": "strict_precision",
    "strict_R": "strict_recall",
    "strict_F1": "strict_f1",
    "speaker_acc": "speaker_accuracy",
    "full_name_acc": "full_name_accuracy",
    "full_name_gold": "full_name_gold",
    "role_acc": "role_accuracy",
    "role_gold": "role_gold",
    "e2e_F1": "e2e_f1",
    "cue_acc": "cue_accuracy",
    "errors": "failures",
    "words": "words",
    "seconds": "seconds",
    "words_per_s": "words_per_second",
}


def score_documents(
    docs: Iterable[GoldDocument],
    extract: Extract = extract_quotes,
    *,
    gold_filter: str | Callable[[GoldQuote], bool] | None = None,
) -> Scores:
    """Run ``extract`` over each gold text and score what it returns.

    An exception raised by ``extract`` is logged and counted in ``Scores.failures``; that
    document then counts as having no predictions.

    ``gold_filter`` scores part of the gold (see :meth:`DocumentResult.restricted`): a
    function of a :class:`~quoteattr.evaluate.GoldQuote`, or a name, ``"speech_cued"``
    for the attributions a word of speech cues
    (:func:`~quoteattr.evaluate.is_speech_cued`).

    Raises:
        ValueError: for a ``gold_filter`` name that is not known.
    """
    keep = _gold_filter(gold_filter)
    results = []
    for doc in docs:
        failure = None
        started = time.perf_counter()
        try:
            predicted = list(extract(doc.text))
        except Exception as exc:  # a crash on one text must not stop the evaluation
            failure = f"{type(exc).__name__}: {exc}"
            log.warning("quoteattr.evaluate: extractor failed on %s: %s", doc.id, failure)
            predicted = []
        seconds = time.perf_counter() - started
        result = compare_document(doc, predicted, seconds=seconds, failure=failure)
        results.append(result if keep is None else result.restricted(keep))
    return Scores.from_results(results)


def _gold_filter(
    gold_filter: str | Callable[[GoldQuote], bool] | None,
) -> Callable[[GoldQuote], bool] | None:
    """The function a ``gold_filter`` argument names.

    >>> _gold_filter("speech_cued").__name__
    'is_speech_cued'
    """
    if gold_filter is None or callable(gold_filter):
        return gold_filter
    if gold_filter not in GOLD_FILTERS:
        known = ", ".join(sorted(GOLD_FILTERS))
        raise ValueError(f"unknown gold_filter {gold_filter!r} (known: {known})")
    return GOLD_FILTERS[gold_filter]
