"""The public contract of extract_quotes and QuoteExtractor."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

import quoteattr
from quoteattr import Config, Quote, QuoteExtractor, QuoteKind, Span, Speaker, extract_quotes
from quoteattr.model import spans_valid

from .strategies import any_text, news_like, quote_soup


def _all_spans(text: str, quotes: list[Quote]) -> list[Span]:
    out: list[Span] = []
    for q in quotes:
        out.append(Span(q.start, q.end, q.text))
        out.extend(q.fragments)
        if q.cue:
            out.append(q.cue)
        if q.speaker:
            out.append(q.speaker.span)
    return out


def test_public_names_are_sorted_and_exported() -> None:
    assert quoteattr.__all__ == sorted(quoteattr.__all__)
    for name in ("extract_quotes", "QuoteExtractor", "Quote", "Speaker", "Span", "QuoteKind"):
        assert hasattr(quoteattr, name)


def test_direct_quote_with_inverted_cue_and_role() -> None:
    text = "“We will not back down,” said Interior Minister Ana Ruiz on Monday."
    [q] = extract_quotes(text)
    assert q.kind is QuoteKind.DIRECT
    assert q.text == "We will not back down,"
    assert q.cue is not None and q.cue.text == "said"
    assert isinstance(q.speaker, Speaker)
    assert (q.speaker.name, q.speaker.role, q.speaker.kind) == (
        "Ana Ruiz",
        "Interior Minister",
        "person",
    )
    assert text[q.start : q.end] == q.text


def test_quote_kind_is_a_string_enum() -> None:
    assert QuoteKind.DIRECT == "direct"
    assert QuoteKind("mixed") is QuoteKind.MIXED


def test_to_dict_is_json_ready() -> None:
    [q] = extract_quotes("The mayor said the bridge would reopen in May.")
    d = json.loads(json.dumps(q.to_dict()))
    assert d["kind"] == "indirect"
    assert d["speaker"]["kind"] == "anonymous"
    assert d["cue"] == {"start": 10, "end": 14, "text": "said"}
    assert d["fragments"][0]["text"] == q.text


def test_records_are_frozen() -> None:
    [q] = extract_quotes("“Fine,” he said, “we will see you in court.”")
    with pytest.raises(AttributeError):
        q.text = "changed"  # type: ignore[misc]


def test_explain_names_the_rules() -> None:
    [q] = extract_quotes("“We will see,” the coach said.")
    assert "direct-cue-after" in q.rules
    assert "direct-cue-after" in q.explain()


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"], 3.5])
def test_non_str_input_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        extract_quotes(bad)


def test_empty_and_blank_text() -> None:
    assert extract_quotes("") == []
    assert extract_quotes(" \n\n\t") == []


def test_extractor_is_reusable_and_configurable() -> None:
    ex = QuoteExtractor(min_confidence=0.8)
    text = "“We will see,” the coach said. Fans said the team had played well."
    assert all(q.confidence >= 0.8 for q in ex.extract(text))
    assert ex(text) == ex.extract(text)
    assert Config().backend == "rules"


def test_config_rejects_bad_values() -> None:
    with pytest.raises(ValueError):
        Config(min_confidence=2.0)
    with pytest.raises(ValueError):
        Config(regex_timeout=0)


def test_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(quoteattr.QuoteAttrError, match="unknown backend"):
        extract_quotes("text", backend="nope")


def test_seed_article_required_quotes(seed_text: str, seed_gold: dict) -> None:
    """The golden check of ../shared/tools/check_golden.py, on the copy in examples/."""
    assert seed_text == seed_gold["text"]
    quotes = extract_quotes(seed_text)
    units = [(f.start, f.end, q) for q in quotes for f in q.fragments]
    used = set()
    for g in seed_gold["quotes"]:
        gs, ge = g["content"]
        best = max(
            ((min(ge, e) - max(gs, s), i) for i, (s, e, _) in enumerate(units)),
            default=(0, None),
        )
        found = best[1] is not None and best[0] >= 0.3 * (ge - gs)
        if found:
            used.add(best[1])
        if not g["required"]:
            continue
        assert found, g["content_text"]
        q = units[best[1]][2]
        assert q.speaker is not None, g["content_text"]
        assert q.speaker.kind == g["speaker_kind"], g["content_text"]
        if g["speaker_kind"] == "person":
            assert q.speaker.name == g["speaker_entity_text"]
        if g.get("role"):
            assert g["role"].lower() in (q.speaker.role or "").lower()
    assert len(units) - len(used) <= 2


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_never_raises_and_spans_are_valid_on_any_text(text: str) -> None:
    quotes = extract_quotes(text)
    assert spans_valid(text, _all_spans(text, quotes))


@settings(max_examples=300, deadline=None)
@given(news_like)
def test_spans_valid_on_news_like_text(text: str) -> None:
    quotes = extract_quotes(text)
    assert spans_valid(text, _all_spans(text, quotes))
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


@settings(max_examples=300, deadline=None)
@given(quote_soup)
def test_spans_valid_on_quote_mark_soup(text: str) -> None:
    quotes = extract_quotes(text)
    assert spans_valid(text, _all_spans(text, quotes))
    for q in quotes:
        assert 0.0 <= q.confidence <= 1.0
