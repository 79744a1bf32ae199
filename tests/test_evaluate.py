"""quoteattr.evaluate: scoring rules, agreement with the reference scorer, error causes, CLI."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quoteattr import QuoteAttrError, QuoteExtractor, extract_quotes
from quoteattr.cues import FORMS
from quoteattr.evaluate import (
    FALSE_ALARM,
    MISS,
    PARTIAL_NAME,
    WRONG_ROLE,
    WRONG_SPEAKER,
    GoldDocument,
    GoldQuote,
    PredictedSpeaker,
    Prediction,
    Scores,
    cause_counts,
    compare_document,
    find_errors,
    format_errors,
    format_report,
    is_speech_cued,
    load_gold,
    main,
    match_units,
    missed_cues,
    score_documents,
    speaker_correct,
    trim,
    write_errors,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "cases" / "eval_gold.jsonl"
REFERENCE = ROOT.parent / "shared" / "tools" / "score.py"
TOLERANCE = 0.005


# ---------------------------------------------------------------------------------------------
# Agreement with the reference scorer
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    if not REFERENCE.exists():
        pytest.skip(f"the reference scorer {REFERENCE} is absent (it lives outside the repo)")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _raw_docs() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _reference_figures(reference: ModuleType, extract: Any) -> dict[str, Any]:
    """The figures the reference scorer prints, computed as its main() does."""
    tot, by_type = reference.score(_raw_docs(), extract)
    f1 = reference.f1
    return {
        "gold": tot["gold"],
        "pred": tot["pred"],
        "lenient_P": f1(tot["len_match"], tot["gold"], tot["pred"])[0],
        "lenient_R": f1(tot["len_match"], tot["gold"], tot["pred"])[1],
        "lenient_F1": f1(tot["len_match"], tot["gold"], tot["pred"])[2],
        "strict_F1": f1(tot["strict_match"], tot["gold"], tot["pred"])[2],
        "speaker_acc": tot["spk_ok"] / tot["spk_gold"] if tot["spk_gold"] else 0.0,
        "e2e_F1": f1(tot["spk_ok"], tot["gold"], tot["pred"])[2],
        "cue_acc": tot["cue_ok"] / tot["cue_gold"] if tot["cue_gold"] else 0.0,
        "recall_by_type": {k: v[1] / v[0] if v[0] else 0.0 for k, v in by_type.items()},
        "speaker_acc_by_type": {k: v[2] / v[1] if v[1] else 0.0 for k, v in by_type.items()},
    }


def _assert_agree(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    for key, want in theirs.items():
        got = ours[key]
        if isinstance(want, dict):
            assert set(got) == set(want), key
            for kind in want:
                assert got[kind] == pytest.approx(want[kind], abs=TOLERANCE), (key, kind)
        else:
            assert got == pytest.approx(want, abs=TOLERANCE), key


def _perturbed_extractor() -> Any:
    """Predictions made from the gold by fixed edits, as mappings (not Quote records).

    The edits exercise every scoring rule: exact copies, spans too long or too short,
    fragments given or merged, missing and misplaced speakers, names with titles, canonical
    names, duplicates, and a prediction in a document without gold.
    """
    docs = {d["text"]: d for d in _raw_docs()}

    def extract(text: str) -> list[dict[str, Any]]:
        doc = docs[text]
        out: list[dict[str, Any]] = []
        if not doc["quotes"]:
            out.append({"kind": "indirect", "start": 4, "end": 30, "cue": None, "speaker": None})
        for i, q in enumerate(doc["quotes"]):
            s, e = q["content"]
            spk = q["speaker"]
            speaker = None
            if spk:
                speaker = {"start": spk[0], "end": spk[1], "text": q["speaker_text"]}
                speaker["name"] = q["speaker_entity_text"] or q["speaker_text"]
            cue = {"start": q["cue"][0], "end": q["cue"][1]} if q["cue"] else None
            mode = (i + len(doc["id"])) % 7
            pred: dict[str, Any] = {"kind": q["type"], "start": s, "end": e, "cue": cue}
            if mode == 0:  # exact, with fragments when the gold has them
                pred["fragments"] = q.get("content_fragments")
                pred["speaker"] = speaker
            elif mode == 1:  # too long, fragments merged; no speaker, no cue
                pred.update(end=min(len(text), e + (e - s) // 2), speaker=None, cue=None)
            elif mode == 2:  # too short: a quarter of the content; speaker name by surname
                pred["end"] = s + max(1, (e - s) // 4)
                if speaker:
                    pred["speaker"] = {**speaker, "name": "Mr. " + speaker["text"].split()[-1]}
            elif mode == 3:  # the right content, a speaker mention elsewhere
                pred["speaker"] = {"start": 0, "end": 3, "text": text[0:3], "name": None}
            elif mode == 4:  # speaker given as a name only, no span; duplicated prediction
                pred["speaker"] = {"text": "x", "name": (q["speaker_entity_text"] or "Nobody")}
                out.append(dict(pred))
            elif mode == 5:  # a speaker where the gold may have none
                pred["speaker"] = {"start": 0, "end": 1, "text": text[0], "name": "Someone"}
            else:  # shifted content, slightly
                pred.update(start=s + 3, end=min(len(text), e + 3), speaker=speaker)
            out.append(pred)
        return out

    return extract


@pytest.mark.parametrize("which", ["extract_quotes", "perturbed gold"])
def test_figures_agree_with_reference_scorer(reference: ModuleType, which: str) -> None:
    extract = extract_quotes if which == "extract_quotes" else _perturbed_extractor()
    theirs = _reference_figures(reference, extract)
    ours = score_documents(load_gold(GOLD), extract).to_dict()
    assert theirs["gold"] > 0 and theirs["pred"] > 0
    _assert_agree(ours, theirs)


def test_the_gold_file_covers_what_it_should() -> None:
    docs = load_gold(GOLD)
    quotes = [q for d in docs for q in d.quotes]
    assert 6 <= len(docs) <= 10
    assert {q.kind for q in quotes} == {"direct", "indirect", "mixed"}
    assert any(len(q.fragments) > 1 for q in quotes)
    assert any(q.speaker_is_pronoun for q in quotes)
    assert any(q.speaker_entity_text for q in quotes)
    assert any(q.speaker is None for q in quotes)
    assert any(not d.quotes for d in docs)


# ---------------------------------------------------------------------------------------------
# Units, matching and speaker rules, on hand-made predictions
# ---------------------------------------------------------------------------------------------


def _doc(text: str, *quotes: dict[str, Any]) -> GoldDocument:
    return GoldDocument.from_dict({"id": "t", "text": text, "quotes": list(quotes)})


def _gold(text: str, content: str, speaker: str | None = None, **extra: Any) -> dict[str, Any]:
    s = text.index(content)
    out: dict[str, Any] = {"type": "indirect", "content": [s, s + len(content)], **extra}
    if speaker is not None:
        k = text.index(speaker)
        out["speaker"] = [k, k + len(speaker)]
    return out


def _pred(text: str, content: str, **extra: Any) -> dict[str, Any]:
    s = text.index(content)
    return {"kind": "indirect", "start": s, "end": s + len(content), **extra}


def test_trim_drops_marks_punctuation_and_spaces_at_both_edges() -> None:
    text = " «(Yes — no?)» "
    assert text[slice(*trim(text, 0, len(text)))] == "Yes — no"
    assert trim("“”", 0, 2) == (2, 2)


def test_lenient_threshold_is_inclusive_at_three_tenths() -> None:
    assert match_units([(0, 10)], [(7, 17)])  # 3 of 10 on both sides
    assert not match_units([(0, 10)], [(8, 18)])  # 2 of 10


def test_strict_needs_jaccard_of_four_fifths() -> None:
    [m] = match_units([(0, 10)], [(0, 8)])
    assert m.jaccard == 0.8 and m.strict
    [m] = match_units([(0, 10)], [(0, 7)])
    assert not m.strict


def test_matching_is_one_to_one_and_greedy_by_ratio() -> None:
    # One prediction covering two gold units matches only the one it covers best.
    matches = match_units([(0, 10), (12, 16)], [(0, 16)])
    assert [(m.gold, m.predicted) for m in matches] == [(0, 0)]
    # Two predictions on one gold unit: the closer one wins, the other is a false alarm.
    matches = match_units([(0, 10)], [(0, 6), (0, 9)])
    assert [(m.gold, m.predicted) for m in matches] == [(0, 1)]


def test_quote_marks_do_not_change_the_match() -> None:
    text = "She said: “The dam will hold.”"
    doc = _doc(text, _gold(text, "“The dam will hold.”"))
    result = compare_document(doc, [_pred(text, "The dam will hold")])
    assert result.matches[0].strict and result.matches[0].jaccard == 1.0


def test_fragments_are_units_on_both_sides() -> None:
    text = "“Roads are shut,” the chief said, “and schools too.”"
    a, b = "“Roads are shut,”", "“and schools too.”"
    frags = [[text.index(a), text.index(a) + len(a)], [text.index(b), text.index(b) + len(b)]]
    gold = {"type": "direct", "content": [0, len(text)], "content_fragments": frags}
    doc = _doc(text, gold)
    whole = compare_document(doc, [{"kind": "direct", "start": 1, "end": len(text) - 1}])
    assert (len(whole.gold_units), len(whole.matches), len(whole.missed)) == (2, 1, 1)
    split = compare_document(doc, [{"kind": "direct", "start": 0, "end": 1, "fragments": frags}])
    assert len(split.predicted_units) == 2 and len(split.matches) == 2


def _speaker(start: int | None, end: int | None, text: str, name: str) -> PredictedSpeaker:
    span = (start, end) if start is not None and end is not None else None
    return PredictedSpeaker(span=span, text=text, name=name)


def _prediction(speaker: PredictedSpeaker | None) -> Prediction:
    return Prediction(kind="indirect", fragments=((0, 1),), speaker=speaker)


def _gold_quote(**fields: Any) -> GoldQuote:
    return GoldQuote(kind="indirect", content=(0, 1), fragments=((0, 1),), **fields)


def test_canonical_name_is_matched_on_name_words_not_titles() -> None:
    gold = _gold_quote(speaker=(0, 5), speaker_text="Varga", speaker_entity_text="Sen. Tomas Varga")
    assert speaker_correct(gold, _prediction(_speaker(40, 42, "he", "Tomas Varga")))
    assert speaker_correct(gold, _prediction(_speaker(40, 45, "Varga", "Varga")))
    # The mention is right, but a canonical name is scored on the name only.
    assert not speaker_correct(gold, _prediction(_speaker(0, 5, "Varga", "Lena Okafor")))
    # "Sen." is a title: sharing it is not enough.
    assert not speaker_correct(gold, _prediction(_speaker(9, 12, "Sen", "Sen. Ruiz")))


def test_span_overlap_or_shared_name_word_for_plain_gold() -> None:
    gold = _gold_quote(speaker=(10, 26), speaker_text="Mayor Lena Okafor")
    assert speaker_correct(gold, _prediction(_speaker(16, 26, "Lena Okafor", "Lena Okafor")))
    assert speaker_correct(gold, _prediction(_speaker(90, 96, "Okafor", "Okafor")))
    assert not speaker_correct(gold, _prediction(_speaker(90, 101, "the council", "council")))
    # Titles do not count as shared words.
    gold = _gold_quote(speaker=(10, 19), speaker_text="Sen. Ruiz")
    assert not speaker_correct(gold, _prediction(_speaker(90, 99, "Sen. Lima", "Sen. Lima")))
    assert not speaker_correct(gold, _prediction(None))


def test_pronoun_gold_is_matched_by_position_only() -> None:
    gold = _gold_quote(speaker=(30, 32), speaker_text="he", speaker_is_pronoun=True)
    assert speaker_correct(gold, _prediction(_speaker(30, 32, "he", "Paulo Reis")))
    assert not speaker_correct(gold, _prediction(_speaker(0, 2, "he", "he")))


def test_gold_without_speaker_wants_none() -> None:
    gold = _gold_quote()
    assert speaker_correct(gold, _prediction(None))
    assert not speaker_correct(gold, _prediction(_speaker(0, 3, "She", "She")))


def test_cue_accuracy_counts_overlap_with_the_gold_cue() -> None:
    text = "Officials said the road was closed. Nobody knew why."
    s = text.index("said")
    doc = _doc(text, _gold(text, "the road was closed", "Officials", cue=[s, s + 4]))
    right = _pred(text, "the road was closed", cue={"start": s, "end": s + 4})
    wrong = _pred(text, "the road was closed", cue={"start": 44, "end": 48})
    assert Scores.from_results([compare_document(doc, [right])]).cue_accuracy == 1.0
    assert Scores.from_results([compare_document(doc, [wrong])]).cue_accuracy == 0.0


def test_scores_add_up() -> None:
    text = "Officials said the road was closed. Ana Ruiz said the bridge was open."
    doc = _doc(
        text,
        _gold(text, "the road was closed", "Officials"),
        _gold(text, "the bridge was open", "Ana Ruiz"),
    )
    speaker = {"start": 0, "end": 9, "text": "Officials", "name": "Officials"}
    preds = [_pred(text, "the road was closed", speaker=speaker), _pred(text, "Ana Ruiz")]
    scores = Scores.from_results([compare_document(doc, preds)])
    assert (scores.gold, scores.predicted, scores.lenient, scores.speaker_correct) == (2, 2, 1, 1)
    assert scores.lenient_precision == scores.lenient_recall == scores.lenient_f1 == 0.5
    assert scores.e2e_f1 == 0.5 and scores.speaker_accuracy == 1.0
    [kind] = scores.by_kind
    assert (kind.kind, kind.gold, kind.recall) == ("indirect", 2, 0.5)


def test_prediction_reads_quote_records_and_mappings() -> None:
    text = "“It is over,” Mayor Ana Ruiz said."
    [quote] = extract_quotes(text)
    from_record, from_dict = Prediction.of(quote), Prediction.of(quote.to_dict())
    assert from_record == from_dict
    assert from_record.kind == "direct" and from_record.rules == quote.rules
    assert from_record.speaker is not None and from_record.speaker.name == "Ana Ruiz"


def test_an_extractor_that_raises_counts_as_empty() -> None:
    def broken(text: str) -> list[Any]:
        raise RuntimeError("boom")

    scores = score_documents(load_gold(GOLD)[:2], broken)
    assert scores.failures == 2 and scores.predicted == 0 and scores.lenient_recall == 0.0
    assert "RuntimeError: boom" in (scores.results[0].failure or "")


def _cued(cue: str | None) -> GoldQuote:
    return _gold_quote(cue_text=cue)


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("has told", True),
        ("added:", True),
        ("according to", True),
        ("in a statement", True),
        ("wrote in an interview", True),
        ("believes", False),
        ("polls show", False),
        ("seemed to say", False),
        ("criticized", False),
        (":", False),
        (None, False),
    ],
)
def test_speech_cued_reads_the_cue_against_the_lexicon(cue: str | None, speech: bool) -> None:
    assert is_speech_cued(_cued(cue)) is speech


def test_speech_cued_scores_sets_aside_predictions_of_other_gold() -> None:
    text = "Ana Ruiz said the road was closed. Polls show the mayor is ahead. Rain fell."
    said, show = text.index("said"), text.index("show")
    doc = _doc(
        text,
        _gold(text, "the road was closed", "Ana Ruiz", cue=[said, said + 4]),
        _gold(text, "the mayor is ahead", "Polls", cue=[show, show + 4]),
    )
    preds = [
        _pred(text, "the road was closed"),
        _pred(text, "the mayor is ahead"),  # matches the belief: set aside
        _pred(text, "Rain fell"),  # matches nothing: still a false alarm
    ]
    whole = score_documents([doc], lambda _text: preds)
    part = score_documents([doc], lambda _text: preds, gold_filter="speech_cued")
    assert (whole.gold, whole.predicted, whole.lenient) == (2, 3, 2)
    assert (part.gold, part.predicted, part.lenient) == (1, 2, 1)
    assert part.lenient_recall == 1.0 and part.lenient_precision == 0.5
    [result] = part.results
    assert result.missed == () and result.false_alarms == (1,)
    own = score_documents([doc], lambda _text: preds, gold_filter=lambda q: q.kind == "direct")
    assert (own.gold, own.predicted) == (0, 1)
    with pytest.raises(ValueError, match="unknown gold_filter 'speech'"):
        score_documents([doc], lambda _text: preds, gold_filter="speech")


def test_cli_speech_cued_scores_the_subset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(GOLD), "--speech-cued", "--json"]) == 0
    subset = json.loads(capsys.readouterr().out)
    assert main([str(GOLD), "--json"]) == 0
    whole = json.loads(capsys.readouterr().out)
    assert 0 < subset["gold"] < whole["gold"]


# ---------------------------------------------------------------------------------------------
# Reading gold
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2"),
        ('{"id": "x", "text": "abc", "quotes": [{"type": "direct"}]}', "'content' is missing"),
        ('{"id": "x", "text": "abc", "quotes": [{"content": [0, 9]}]}', "outside the text"),
        (
            '{"id": "x", "text": "abc", "quotes": [{"content": [0, 2], "content_text": "bc"}]}',
            "differs",
        ),
        ('{"id": "x", "text": "abc", "quotes": [{"content": "0-2"}]}', "two integers"),
        ('{"id": "x", "quotes": []}', "'text' must be a string"),
        # Every malformed value names the file and line (issue 13), none crashes the reader:
        ("[1, 2]", "one JSON object, got a list"),
        ('{"text": "abc", "quotes": 5}', "'quotes' must be a list, got a number"),
        ('{"text": "abc", "quotes": "abc"}', "'quotes' must be a list, got a string"),
        ('{"text": "abc", "quotes": [5]}', "quote 0: must be a JSON object, got a number"),
        ('{"text": "abc", "quotes": [null]}', "quote 0: must be a JSON object, got null"),
        ('{"text": "abc", "quotes": [{"content": null}]}', "content must be"),
        ('{"text": "abc", "quotes": [{"content": [0, 2], "content_fragments": 3}]}', "fragments"),
        ('{"text": "abc", "quotes": [{"content": [0, 2], "content_fragments": [7]}]}', "two"),
        ('{"text": "abc", "quotes": [{"content": [0, true]}]}', "two integers"),
        ('{"text": "abc", "quotes": [{"content": [2, 1]}]}', "outside the text"),
        ('{"text": "abc", "quotes": [{"content": [0, 2], "type": 3}]}', "type must be a string"),
        (
            '{"text": "abc", "quotes": [{"content": [0, 2], "speaker_entity_text": ["A"]}]}',
            "speaker_entity_text must be a string or null, got a list",
        ),
        ('{"text": "abc", "quotes": [{"content": [0, 2], "cue": [0]}]}', "cue must be"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply|line 2"),
    ],
)
def test_load_gold_names_the_line_and_the_problem(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "ok", "text": "fine", "quotes": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_gold(path)
    assert "line 2" in str(info.value)


def test_load_gold_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    record = {"id": "a", "text": "Ruiz said no.", "quotes": [{"content": [10, 12]}]}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(record).encode("utf-8") + b"\n")
    [doc] = load_gold(path)
    assert doc.id == "a" and doc.text == "Ruiz said no."


def test_load_gold_names_the_line_of_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"text": "ok", "quotes": []}).encode("utf-8")
    path.write_bytes(good + b"\n" + good + b"\n" + '{"text": "Très"}'.encode("latin-1") + b"\n")
    with pytest.raises(ValueError, match=r"gold.jsonl, line 3: not UTF-8 \(byte 12"):
        load_gold(path)


def test_load_gold_fills_optional_fields(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    record = {"text": "Ruiz said no.", "quotes": [{"content": [10, 12], "speaker": [0, 4]}]}
    path.write_text("\n" + json.dumps(record) + "\n\n", encoding="utf-8")
    [doc] = load_gold(path)
    [quote] = doc.quotes
    assert doc.id == "line 2"
    assert (quote.kind, quote.fragments, quote.speaker_text, quote.cue) == (
        None,
        ((10, 12),),
        "Ruiz",
        None,
    )


# ---------------------------------------------------------------------------------------------
# Error analysis
# ---------------------------------------------------------------------------------------------


def _causes(doc: GoldDocument, preds: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(c.category, c.cause) for c in find_errors([compare_document(doc, preds)])]


def _at(text: str, word: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return [start, start + len(word)]


def test_miss_causes() -> None:
    assert "doodled" not in FORMS  # the cue of the "cue not in lexicon" case
    text = (
        "Ruiz said the plan failed, and the river rose again and again all through the wet night. "
        "Polls show voters are tired. "
        "Okafor doodled that the dam cracked. Reis insisted the port was safe. "
        "Lima: the budget is fine. “We are not leaving the island,” one resident shouted."
    )
    doc = _doc(
        text,
        _gold(text, "the plan failed", "Ruiz", cue=_at(text, "said")),
        _gold(text, "voters are tired", "Polls", cue=_at(text, "show")),
        _gold(text, "that the dam cracked", "Okafor", cue=_at(text, "doodled")),
        _gold(text, "the port was safe", "Reis", cue=_at(text, "insisted")),
        _gold(text, "the budget is fine", "Lima", cue=_at(text, ":")),
        {**_gold(text, "“We are not leaving the island,”"), "type": "direct"},
    )
    long = _pred(
        text, "the plan failed, and the river rose again and again all through the wet night"
    )
    causes = _causes(doc, [long])
    assert causes == [
        (MISS, "content boundary (prediction too long)"),
        (MISS, "belief/poll/report (not speech)"),
        (MISS, "cue not in lexicon"),
        (MISS, "no cue found"),
        (MISS, "punctuation cue"),
        (MISS, "direct quote unpaired"),
        (FALSE_ALARM, "content boundary (prediction too long)"),
    ]


def test_boundary_causes_merged_split_and_short() -> None:
    text = "Ruiz said the plan failed. It failed twice. Officials said the road was long and steep."
    said = _at(text, "said")
    doc = _doc(
        text,
        _gold(text, "the plan failed", "Ruiz", cue=said),
        _gold(text, "It failed twice", "Ruiz", cue=said),
        _gold(text, "the road was long and steep", "Officials", cue=_at(text, "said", 1)),
    )
    ruiz = {"start": 0, "end": 4, "text": "Ruiz", "name": "Ana Ruiz"}
    both = _pred(text, "the plan failed. It failed twice", speaker=ruiz)
    preds = [both, _pred(text, "twice"), _pred(text, "steep")]
    # "It failed twice" takes the merged prediction (a tie, won by the later unit); "twice"
    # then overlaps a unit already matched.
    assert sorted(_causes(doc, preds)) == [
        (FALSE_ALARM, "content boundary (prediction too short)"),
        (FALSE_ALARM, "content boundary (split or duplicate)"),
        (MISS, "content boundary (merged with another unit)"),
        (MISS, "content boundary (prediction too short)"),
    ]


def test_cue_found_content_missed_and_false_alarm_causes() -> None:
    text = (
        "Ruiz said on Monday, after the vote, that taxes would rise. "
        "The said tax was “a disgrace to all”."
    )
    said = _at(text, "said")
    doc = _doc(text, _gold(text, "that taxes would rise", "Ruiz", cue=said))
    preds = [
        _pred(text, "on Monday", cue={"start": said[0], "end": said[1]}),
        _pred(
            text, "tax was", cue={"start": _at(text, "said", 1)[0], "end": _at(text, "said", 1)[1]}
        ),
        {**_pred(text, "a disgrace to all"), "kind": "mixed"},
        _pred(text, "The"),
    ]
    assert _causes(doc, preds) == [
        (MISS, "cue found, content missed"),
        (FALSE_ALARM, "gold cue, content elsewhere"),
        (FALSE_ALARM, "cue not annotated"),
        (FALSE_ALARM, "quoted words not annotated"),
        (FALSE_ALARM, "no cue, not annotated"),
    ]


def test_wrong_speaker_causes() -> None:
    text = (
        "Ruiz told Reis that rain was coming. He said the wells were dry. "
        "Okafor warned the harvest was lost. It was announced the port had closed. "
        "Lena Okafor said the mines were flooded. Lima then said the roads were cut. "
        "The mayor said the dam held. She said the bridge was open."
    )
    doc = _doc(
        text,
        _gold(text, "rain was coming", "Ruiz", cue=_at(text, "told")),
        _gold(
            text,
            "the wells were dry",
            "He",
            cue=_at(text, "said"),
            speaker_is_pronoun=True,
            speaker_entity_text="Tomas Reis",
        ),
        _gold(text, "the harvest was lost", "Okafor", cue=_at(text, "warned")),
        _gold(text, "the port had closed", cue=_at(text, "announced")),
        _gold(text, "the mines were flooded", "Lena Okafor", speaker_entity_text="Lena Okafor"),
        _gold(text, "the roads were cut", "Lima", cue=_at(text, "said", 2)),
        _gold(text, "the dam held", "The mayor", speaker_entity_text="Ana Ruiz"),
        _gold(text, "the bridge was open", "She", speaker_entity_text="Ana Ruiz"),
    )

    def spk(mention: str, name: str | None = None) -> dict[str, Any]:
        s = text.index(mention)
        return {"start": s, "end": s + len(mention), "text": mention, "name": name or mention}

    preds = [
        _pred(text, "rain was coming", speaker=spk("Reis")),
        _pred(text, "the wells were dry", speaker=spk("He", "Ana Ruiz")),
        _pred(text, "the harvest was lost", speaker=None),
        _pred(text, "the port had closed", speaker=spk("It")),
        _pred(text, "the mines were flooded", speaker=spk("Lena Okafor", "Ana Lima")),
        _pred(text, "the roads were cut", speaker=spk("He", "Tomas Varga"), cue=None),
        _pred(text, "the dam held", speaker=spk("The mayor", "mayor")),
        _pred(text, "the bridge was open", speaker=spk("She")),
    ]
    assert [cause for _cat, cause in _causes(doc, preds)] == [
        "speaker span elsewhere",
        "pronoun resolved to someone else",
        "no speaker predicted",
        "speaker where gold has none",
        "name linked to someone else",
        "speaker span elsewhere",
        "description not linked to its entity",
        "pronoun unresolved",
    ]
    wrong_cue = [{**preds[0], "cue": {"start": 0, "end": 4}}]
    assert _causes(doc, wrong_cue)[-1] == (WRONG_SPEAKER, "different cue")


def test_full_name_and_role_accuracy_and_their_causes() -> None:
    text = "Mayor Ana Ruiz said the dam held. Ruiz said the bridge was open."
    doc = _doc(
        text,
        _gold(
            text,
            "the dam held",
            "Mayor Ana Ruiz",
            speaker_entity_text="Ana Ruiz",
            speaker_kind="person",
            speaker_roles=["Mayor"],
        ),
        _gold(
            text,
            "the bridge was open",
            "Ruiz",
            speaker_entity_text="Ana Ruiz",
            speaker_kind="person",
            speaker_roles=["Mayor"],
        ),
    )

    def spk(mention: str, name: str, role: str | None) -> dict[str, Any]:
        s = text.index(mention)
        return {"start": s, "end": s + len(mention), "text": mention, "name": name, "role": role}

    preds = [
        _pred(text, "the dam held", speaker=spk("Mayor Ana Ruiz", "Ana Ruiz", "Mayor")),
        _pred(text, "the bridge was open", speaker=spk("Ruiz", "Ruiz", None)),
    ]
    result = compare_document(doc, preds)
    scores = Scores.from_results([result])
    assert (scores.speaker_correct, scores.full_name_correct, scores.full_name_gold) == (2, 1, 2)
    assert (scores.role_correct, scores.role_gold) == (1, 2)
    assert scores.to_dict()["full_name_acc"] == 0.5 and scores.to_dict()["role_acc"] == 0.5
    causes = [(c.category, c.cause) for c in find_errors([result])]
    assert causes == [(PARTIAL_NAME, "surname only"), (WRONG_ROLE, "no role predicted")]
    assert "full-name accuracy 0.500" in format_report(scores)


def test_error_cases_carry_context_and_rules() -> None:
    text = "x" * 200 + " Ruiz said the plan failed. " + "y" * 200
    doc = _doc(text, _gold(text, "the plan failed", "Ruiz"))
    pred = {**_pred(text, "the plan failed"), "rules": ["r1", "r2"], "speaker": None}
    [case] = find_errors([compare_document(doc, [pred])])
    assert case.text == "the plan failed" and case.rules == ("r1", "r2")
    assert len(case.before) == len(case.after) == 150
    assert case.before.endswith("Ruiz said ") and case.gold_speaker == "Ruiz"
    assert case.to_dict()["rules"] == ["r1", "r2"]


def test_error_report_formats(tmp_path: Path) -> None:
    cases = find_errors(score_documents(load_gold(GOLD), _perturbed_extractor()))
    counts = cause_counts(cases)
    assert sum(n for *_, n in counts) == len(cases) > 0
    assert [c[0] for c in counts] == sorted(
        (c[0] for c in counts), key=[MISS, FALSE_ALARM, WRONG_SPEAKER].index
    )
    markdown = format_errors(cases, "markdown", title="eval_gold")
    assert markdown.startswith("# Error analysis: eval\\_gold")
    assert "| category | cause | count | share of category |" in markdown
    for cat, cause, n in counts:
        assert f"## {cat}: {cause} ({n})" in markdown
    assert "## Most frequent gold cues among misses" in markdown
    assert missed_cues(cases) and all(n > 0 for _cue, n in missed_cues(cases))
    lines = format_errors(cases, "jsonl").splitlines()
    assert [json.loads(x)["cause"] for x in lines] == [c.cause for c in cases]
    with pytest.raises(ValueError, match="unknown error format"):
        format_errors(cases, "html")
    write_errors(cases, tmp_path / "e.jsonl")
    write_errors(cases, tmp_path / "e.md")
    assert (tmp_path / "e.jsonl").read_text(encoding="utf-8").count("\n") == len(cases)
    assert (tmp_path / "e.md").read_text(encoding="utf-8").startswith("# Error analysis")


# ---------------------------------------------------------------------------------------------
# Report and command line
# ---------------------------------------------------------------------------------------------


def test_format_report_shows_every_figure() -> None:
    scores = score_documents(load_gold(GOLD))
    report = format_report(scores)
    for figure in (
        f"F1 {scores.lenient_f1:.3f}",
        f"F1 {scores.strict_f1:.3f}",
        f"accuracy on matched {scores.speaker_accuracy:.3f}",
        f"cue accuracy {scores.cue_accuracy:.3f}",
        f"end-to-end F1 {scores.e2e_f1:.3f}",
        "words/s",
    ):
        assert figure in report
    for kind in scores.by_kind:
        assert kind.kind is not None and kind.kind in report


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quoteattr.evaluate", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_cli_prints_the_figures() -> None:
    done = _run(str(GOLD))
    assert done.returncode == 0, done.stderr
    want = format_report(score_documents(load_gold(GOLD))).splitlines()
    got = done.stdout.splitlines()
    assert got[:-1] == want[:-1]  # the last line is speed, which varies
    assert "words/s" in got[-1]


def test_cli_json_limit_and_errors(tmp_path: Path) -> None:
    errors = tmp_path / "errors.md"
    done = _run(str(GOLD), "--json", "--limit", "3", "--errors", str(errors))
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["docs"] == 3
    ours = score_documents(load_gold(GOLD)[:3]).to_dict()
    assert set(figures) == {*ours, "error_causes"}
    for key in ("gold", "pred", "lenient_F1", "strict_F1", "speaker_acc", "e2e_F1", "cue_acc"):
        assert figures[key] == ours[key]
    assert errors.read_text(encoding="utf-8").startswith("# Error analysis: eval\\_gold.jsonl")


def test_cli_prints_cause_counts_with_errors(tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    done = _run(str(GOLD), "--errors", str(errors))
    assert done.returncode == 0, done.stderr
    assert f"errors written to {errors}:" in done.stdout
    records = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    for record in records:
        assert record["category"] in (MISS, FALSE_ALARM, WRONG_SPEAKER)
        assert record["cause"] in done.stdout


def test_cli_failures_exit_non_zero(tmp_path: Path) -> None:
    missing = _run(str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1 and "nope.jsonl" in missing.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    malformed = _run(str(bad))
    assert malformed.returncode == 1 and "line 1" in malformed.stderr
    usage = _run(str(GOLD), "--backend", "nonesuch")
    assert usage.returncode == 2 and "invalid choice" in usage.stderr


def test_main_runs_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(GOLD), "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("documents 1 ")


def test_cli_min_confidence_filters_and_is_checked() -> None:
    everything = json.loads(_run(str(GOLD), "--json").stdout)
    confident = json.loads(_run(str(GOLD), "--json", "--min-confidence", "0.99").stdout)
    assert confident["pred"] < everything["pred"]
    out_of_range = _run(str(GOLD), "--min-confidence", "1.5")
    assert out_of_range.returncode == 1 and "min_confidence" in out_of_range.stderr


def test_cli_unavailable_backend_exits_with_its_message() -> None:
    try:
        QuoteExtractor(backend="stanza").backend  # noqa: B018
    except QuoteAttrError:
        pass
    else:
        pytest.skip("the stanza backend is usable here")
    done = _run(str(GOLD), "--backend", "stanza")
    assert done.returncode == 1 and "stanza" in done.stderr and not done.stdout


def test_the_gold_example_in_the_docs_is_valid() -> None:
    page = (ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8")
    block = page.split("```json\n", 1)[1].split("```", 1)[0]
    doc = GoldDocument.from_dict(json.loads(block))
    texts = [doc.text[slice(*q.content)] for q in doc.quotes]
    assert texts == ["“We will reopen the harbour in May,”", "that fees would not rise"]
    scores = score_documents([doc])
    assert scores.gold == 2 and scores.documents == 1


def test_false_alarms_that_overlap_no_gold_are_sorted_by_construction() -> None:
    # What the speech scheme leaves out, scored against a gold that has none of it.
    text = (
        "Ruiz believes the bridge is safe. The aide declined to comment on it. "
        "WATCH: The Mayor Opens The Bridge. Slot praised his players. "
        "Trump’s reported net worth fell. She hosted “The Late Night Show” in May."
    )
    doc = _doc(text)

    def cue(word: str) -> dict[str, Any]:
        s, e = _at(text, word)
        return {"start": s, "end": e, "text": word}

    def speaker(words: str) -> dict[str, Any]:
        s, e = _at(text, words)
        return {"start": s, "end": e, "text": words, "name": words}

    preds = [
        {**_pred(text, "the bridge is safe", cue=cue("believes")), "rules": ["cue-belief-verb"]},
        _pred(text, "to comment on it", cue=cue("declined")),
        {
            **_pred(text, "The Mayor Opens The Bridge", speaker=speaker("WATCH")),
            "cue": cue(":"),
            "rules": ["transcript-turn"],
        },
        _pred(text, "his players", cue=cue("praised")),
        _pred(text, "net worth fell", cue=cue("reported"), speaker=speaker("Trump’s")),
        {**_pred(text, "The Late Night Show"), "kind": "direct"},
    ]
    assert [cause for _, cause in _causes(doc, preds)] == [
        "belief, finding or hedge (not speech)",
        "refusal or negated cue",
        "label or heading",
        "object is a thing, not words",
        "subject that cannot be a source",
        "title in quote marks",
    ]


def test_scheme_and_config_options_of_the_command() -> None:
    from quoteattr.evaluate import _options, _parser

    args = _parser().parse_args(["g.jsonl", "--scheme", "broad", "--config", "min_quote_words=3"])
    assert _options(args) == {"min_quote_words": 3, "backend": "rules", "scheme": "broad"}
    with pytest.raises(ValueError, match="KEY=VALUE"):
        _options(_parser().parse_args(["g.jsonl", "--config", "oops"]))
