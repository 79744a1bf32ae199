"""The records: frozen, slotted, offsets into the original text, JSON-ready."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import extract_quotes
from quoteattr.backends.rules import RulesBackend
from quoteattr.model import (
    EVIDENCE_IN_QUOTE,
    Analysis,
    Quote,
    QuoteKind,
    Sentence,
    Span,
    Speaker,
    SpeakerKind,
    Token,
    spans_valid,
)

from .strategies import news_like

TEXT = "“We will not back down,” said White House spokeswoman Jen Psaki."


def _quote() -> Quote:
    s, e = 1, TEXT.index("”")
    sp_start = TEXT.index("White")
    return Quote(
        kind=QuoteKind.DIRECT,
        start=s,
        end=e,
        text=TEXT[s:e],
        fragments=(Span.of(TEXT, s, e),),
        cue=Span.of(TEXT, TEXT.index("said"), TEXT.index("said") + 4),
        speaker=Speaker(
            start=sp_start,
            end=len(TEXT) - 1,
            text=TEXT[sp_start:-1],
            name="Jen Psaki",
            role="White House spokeswoman",
            kind=SpeakerKind.PERSON,
        ),
        confidence=0.9,
        rules=("paired-marks", "direct-cue-after-inverted"),
    )


# -- enums -------------------------------------------------------------------------------------
def test_kinds_are_string_enums() -> None:
    assert QuoteKind.INDIRECT == "indirect" and str(QuoteKind.MIXED) == "mixed"
    assert SpeakerKind("organization") is SpeakerKind.ORGANIZATION
    assert str(SpeakerKind.ANONYMOUS) == "anonymous"
    assert [k.value for k in QuoteKind] == ["direct", "indirect", "mixed"]
    assert {k.value for k in SpeakerKind} == {"person", "organization", "anonymous", "unknown"}


# -- Span --------------------------------------------------------------------------------------
def test_span_of_slices_the_text() -> None:
    s = Span.of(TEXT, TEXT.index("Jen"), TEXT.index("Jen") + 9)
    assert s.text == "Jen Psaki" and TEXT[s.start : s.end] == s.text
    assert s.to_dict() == {"start": s.start, "end": s.end, "text": "Jen Psaki"}


def test_spans_valid() -> None:
    assert spans_valid("abc", [Span(0, 3, "abc"), Span(1, 1, "")])
    assert not spans_valid("abc", [Span(0, 2, "ac")])
    assert not spans_valid("abc", [Span(2, 4, "c")])
    assert not spans_valid("abc", [Span(-1, 1, "a")])
    assert spans_valid("abc", [])


# -- records -----------------------------------------------------------------------------------
@pytest.mark.parametrize("cls", [Span, Speaker, Quote, Token, Sentence, Analysis])
def test_records_are_frozen_and_slotted(cls: type) -> None:
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    assert getattr(cls, "__attrs_attrs__", None) is not None


def test_quote_is_frozen() -> None:
    q = _quote()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.confidence = 0.1  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.speaker.name = "x"  # type: ignore[misc,union-attr]


def test_keyword_only_records() -> None:
    with pytest.raises(TypeError):
        Speaker(0, 3, "she", "she")  # type: ignore[misc]
    with pytest.raises(TypeError):
        Quote(QuoteKind.DIRECT, 0, 1, "a", ())  # type: ignore[misc]


def test_defaults() -> None:
    q = Quote(kind=QuoteKind.INDIRECT, start=0, end=1, text="a", fragments=(Span(0, 1, "a"),))
    assert (q.cue, q.speaker, q.confidence, q.rules) == (None, None, 0.5, ())
    sp = Speaker(start=0, end=3, text="she", name="she")
    assert sp.role is None and sp.kind is SpeakerKind.UNKNOWN


def test_speaker_span_and_dict() -> None:
    sp = _quote().speaker
    assert sp is not None
    assert sp.span == Span(sp.start, sp.end, sp.text) and spans_valid(TEXT, [sp.span])
    assert sp.to_dict() == {
        "start": sp.start,
        "end": sp.end,
        "text": "White House spokeswoman Jen Psaki",
        "name": "Jen Psaki",
        "role": "White House spokeswoman",
        "kind": "person",
        "gender": sp.gender,
        "gender_evidence": [e.to_dict() for e in sp.gender_evidence],
        "gender_evidence_count": len(sp.gender_evidence),
        "entity": sp.entity,
        "members": [],
    }


def test_a_quote_carries_a_bounded_share_of_its_speakers_gender_evidence() -> None:
    # An interview: every "she" is evidence of the one speaker, and every quote is hers. Each
    # quote's dict carries a few pieces and the count; the whole list is the cast's, once.
    text = "Ana Ruiz spoke to us. " + "“It was fine,” she said. " * 300
    quotes = extract_quotes(text)
    assert len(quotes) == 300
    [ana] = [e for e in quotes.cast if e.name == "Ana Ruiz"]
    assert len(ana.gender_evidence) >= 300
    for q in quotes:
        assert q.speaker is not None and q.speaker.entity == ana.id
        d = q.speaker.to_dict()
        assert len(d["gender_evidence"]) == EVIDENCE_IN_QUOTE
        assert d["gender_evidence_count"] == len(ana.gender_evidence)
    # So the JSON of all the quotes grows with the text, not with its square.
    per_quote = len(json.dumps(quotes.to_dicts())) / len(quotes)
    assert per_quote < 2_000
    whole = quotes.to_dict()
    assert len(whole["cast"][ana.id]["gender_evidence"]) == len(ana.gender_evidence)


def test_quote_to_dict_round_trips_through_json() -> None:
    q = _quote()
    d = json.loads(json.dumps(q.to_dict()))
    assert d["kind"] == "direct" and d["text"] == "We will not back down,"
    assert d["fragments"] == [{"start": q.start, "end": q.end, "text": q.text}]
    assert d["cue"]["text"] == "said"
    assert d["speaker"]["kind"] == "person"
    assert d["rules"] == ["paired-marks", "direct-cue-after-inverted"]
    assert d["confidence"] == 0.9


def test_quote_to_dict_without_cue_or_speaker() -> None:
    q = Quote(kind=QuoteKind.DIRECT, start=0, end=1, text="a", fragments=(Span(0, 1, "a"),))
    d = q.to_dict()
    assert d["cue"] is None and d["speaker"] is None and d["rules"] == []


def test_explain_mentions_speaker_role_cue_and_rules() -> None:
    out = _quote().explain()
    for part in (
        "direct quote",
        "'Jen Psaki' (person)",
        "via mention 'White House spokeswoman Jen Psaki'",
        "role 'White House spokeswoman'",
        "cue 'said'",
        "confidence 0.90",
        "direct-cue-after-inverted",
    ):
        assert part in out


def test_explain_without_speaker_or_cue() -> None:
    q = Quote(kind=QuoteKind.MIXED, start=0, end=1, text="a", fragments=(Span(0, 1, "a"),))
    out = q.explain()
    assert "no speaker" in out and "no cue" in out and "rules: -" in out


# -- Analysis ----------------------------------------------------------------------------------
def test_sentence_at_and_tokens_in() -> None:
    text = "One two. Three four.\n\nFive."
    tokens = (
        Token(start=0, end=3, text="One", upos="NUM", deprel="root"),
        Token(start=4, end=7, text="two", upos="NUM", head=0, deprel="nummod"),
    )
    a = Analysis(
        text=text,
        paragraphs=((0, 20), (22, 27)),
        sentences=(
            Sentence(start=0, end=8, paragraph=0, tokens=tokens),
            Sentence(start=9, end=20, paragraph=0),
            Sentence(start=22, end=27, paragraph=1),
        ),
    )
    assert a.sentence_at(0) is a.sentences[0]
    assert a.sentence_at(7) is a.sentences[0]
    assert a.sentence_at(8) is None  # the space between sentences
    assert a.sentence_at(9) is a.sentences[1]
    assert a.sentence_at(24) is a.sentences[2]
    assert a.sentence_at(27) is None and a.sentence_at(-1) is None
    assert [t.text for t in a.tokens_in(0, 8)] == ["One", "two"]
    assert [t.text for t in a.tokens_in(4, 30)] == ["two"]
    assert a.has_syntax
    assert a.backend == "rules" and a.coref == () and a.warnings == ()


def test_rules_analysis_has_no_syntax() -> None:
    a = RulesBackend().analyse("Ana Ruiz said it was late.")
    assert not a.has_syntax and list(a.tokens_in(0, 10)) == []


@settings(max_examples=150, deadline=None)
@given(news_like, st.data())
def test_sentence_at_agrees_with_a_linear_scan(text: str, data: st.DataObject) -> None:
    a = RulesBackend().analyse(text)
    pos = data.draw(st.integers(min_value=-1, max_value=len(text) + 1))
    expected = next((s for s in a.sentences if s.start <= pos < s.end), None)
    assert a.sentence_at(pos) is expected
