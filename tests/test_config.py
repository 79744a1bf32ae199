"""Config: documented defaults, validation, and the effect of each option on extraction."""

from __future__ import annotations

import attrs
import pytest

from quoteattr import Config, QuoteExtractor, QuoteKind


def test_defaults() -> None:
    c = Config()
    assert c.backend == "rules"
    assert c.download is False and c.stanza_dir is None
    assert c.scheme == "speech" and c.include_beliefs is None
    assert c.include_unattributed is True
    assert c.min_quote_words == 4
    assert c.min_confidence == 0.0
    assert c.max_quote_paragraphs == 8
    assert c.regex_timeout == 1.0 and c.time_budget == 10.0


def test_every_option_is_documented() -> None:
    doc = Config.__doc__ or ""
    for field in attrs.fields(Config):
        assert f"{field.name}:" in doc, field.name


def test_is_frozen_and_keyword_only() -> None:
    c = Config()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        c.min_confidence = 0.5  # type: ignore[misc]
    with pytest.raises(TypeError):
        Config("rules")  # type: ignore[misc]


def test_equal_configs_compare_equal_and_hash() -> None:
    assert Config(min_confidence=0.5) == Config(min_confidence=0.5)
    assert hash(Config()) == hash(Config())


@pytest.mark.parametrize(
    "options",
    [
        {"min_confidence": -0.1},
        {"min_confidence": 1.01},
        {"min_quote_words": 0},
        {"max_quote_paragraphs": 0},
        {"regex_timeout": -1.0},
        {"time_budget": 0},
        {"time_budget": -5.0},
        {"scheme": "parc"},
    ],
)
def test_bad_values_are_rejected(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Config(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0.0, 1.0, 0.5])
def test_confidence_bounds_are_inclusive(value: float) -> None:
    assert Config(min_confidence=value).min_confidence == value


def test_extractor_options_override_a_config() -> None:
    base = Config(min_confidence=0.5, scheme="broad")
    ex = QuoteExtractor(base, min_confidence=0.2)
    assert ex.config.min_confidence == 0.2 and ex.config.scheme == "broad"
    assert QuoteExtractor(base).config is base


def test_unknown_option_is_an_error() -> None:
    with pytest.raises(TypeError):
        QuoteExtractor(min_confidense=0.5)


# -- each option changes what is extracted -----------------------------------------------------
def test_scheme() -> None:
    text = "The mayor believes the bridge will be safe by May."
    assert QuoteExtractor()(text) == []
    assert [q.kind for q in QuoteExtractor(scheme="broad")(text)] == [QuoteKind.INDIRECT]


def test_include_beliefs_is_deprecated_but_keeps_its_meaning() -> None:
    text = "The mayor believes the bridge will be safe by May."
    with pytest.warns(DeprecationWarning, match="scheme='broad'"):
        broad = Config(include_beliefs=True)
    assert broad == Config(scheme="broad") and broad.include_beliefs is None
    assert [q.kind for q in QuoteExtractor(broad)(text)] == [QuoteKind.INDIRECT]
    with pytest.warns(DeprecationWarning, match="scheme='speech'"):
        assert QuoteExtractor(include_beliefs=False)(text) == []
    # Once read, the old option is gone: evolving the config neither warns nor undoes it.
    assert attrs.evolve(broad, scheme="speech").scheme == "speech"
    with pytest.raises(ValueError, match="contradicts"):
        Config(include_beliefs=False, scheme="broad")


def test_include_unattributed() -> None:
    text = "Crowds waved banners with “Welcome home to the brave soldiers” in red letters."
    [q] = QuoteExtractor()(text)
    assert q.speaker is None
    assert QuoteExtractor(include_unattributed=False)(text) == []


def test_min_quote_words() -> None:
    text = "Crowds waved banners with “Welcome home now” in red letters."
    assert QuoteExtractor()(text) == []
    [q] = QuoteExtractor(min_quote_words=3)(text)
    assert q.text == "Welcome home now"


def test_min_confidence() -> None:
    text = (
        "“We will win,” said Ana Ruiz.\n\nThe rally went on.\n\nLater still, the crowds.\n\n"
        "Crowds waved banners with “Welcome home to the brave soldiers” in red letters."
    )
    everything = QuoteExtractor()(text)
    sure = QuoteExtractor(min_confidence=0.5)(text)
    assert len(sure) < len(everything)
    assert all(q.confidence >= 0.5 for q in sure)
    assert [q.speaker.name for q in sure if q.speaker] == ["Ana Ruiz"]


def test_max_quote_paragraphs() -> None:
    text = (
        "Ana Ruiz spoke.\n\n“One part of it.\n\n“Two part of it.\n\n“Three part of it,” she said."
    )
    [q] = QuoteExtractor()(text)
    assert len(q.fragments) == 3 and q.speaker is not None and q.speaker.name == "Ana Ruiz"
    capped = QuoteExtractor(max_quote_paragraphs=1)(text)
    assert len(capped) == 3 and all(len(q.fragments) == 1 for q in capped)


def test_backend_name_is_checked_when_used() -> None:
    ex = QuoteExtractor(backend="no-such-backend")
    with pytest.raises(Exception, match="unknown backend"):
        ex("text")


def test_ample_time_budget_gives_no_warnings() -> None:
    result = QuoteExtractor(time_budget=30.0)("“We will win,” said Ana Ruiz.")
    assert result.warnings == () and len(result) == 1


def test_exhausted_time_budget_degrades_instead_of_raising() -> None:
    result = QuoteExtractor(time_budget=1e-9)("“We will win,” said Ana Ruiz.")
    assert result.warnings


def test_stanza_processors_are_names_from_a_tuple_or_a_string() -> None:
    assert Config().stanza_processors is None and Config().stanza_package == "default"
    assert Config(stanza_processors="NER, coref").stanza_processors == ("ner", "coref")
    assert Config(stanza_processors=["ner", "ner"]).stanza_processors == ("ner",)
    assert Config(stanza_processors=()).stanza_processors == ()


def test_unknown_stanza_processor_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"'sentiment'.*tokenize, mwt, pos, lemma, depparse"):
        Config(stanza_processors=("ner", "sentiment"))
    with pytest.raises(ValueError, match="stanza_package"):
        Config(stanza_package=" ")
