"""Tests of quoteattr.results: the Quotes list, who was quoted, and the exports."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import attrs
import pytest

from quoteattr import Quotes, SpeakerKind, SpeakerRow, extract_quotes
from quoteattr.errors import QuoteAttrError
from quoteattr.results import RECORD_COLUMNS

# Written for these tests: one person quoted three times under two roles and three
# mentions, an anonymous source, and a quote with no speaker.
ARTICLE = (
    "“Talks must go on,” said Secretary of State Antony Blinken on Monday.\n\n"
    "Later the head of American diplomacy Antony Blinken flew to Geneva. Blinken said he "
    "was hopeful about the meeting. “We will listen carefully,” he said.\n\n"
    "A senior official said the schedule was not yet fixed.\n\n"
    "Crowds carried banners with “No more talks without a deal, not this year” through town."
)


@pytest.fixture(scope="module")
def quotes() -> Quotes:
    return extract_quotes(ARTICLE)


def test_quotes_is_a_list_with_text_and_warnings(quotes: Quotes) -> None:
    assert isinstance(quotes, list)
    assert quotes.text == ARTICLE
    assert quotes.warnings == ()
    assert Quotes([], text="x", warnings=("w",)).warnings == ("w",)


def test_speakers_one_row_per_resolved_speaker(quotes: Quotes) -> None:
    rows = quotes.speakers()
    blinken = rows[0]
    assert blinken.name == "Antony Blinken"
    assert blinken.kind is SpeakerKind.PERSON
    assert blinken.roles == ("Secretary of State", "head of American diplomacy")
    assert blinken.quotes == 3
    # The cast's mentions: "Antony Blinken" twice, "Blinken", and "he" twice ("Blinken said
    # he was hopeful", "he said").
    assert blinken.mentions == 5
    assert blinken.forms == ("Secretary of State Antony Blinken", "Blinken", "he")
    assert blinken.first == ARTICLE.index("Secretary")
    names = [r.name for r in rows]
    assert "senior official" in names
    official = rows[names.index("senior official")]
    assert (official.kind, official.quotes, official.mentions) == (SpeakerKind.ANONYMOUS, 1, 1)
    # The unattributed quote gives no row.
    assert sum(r.quotes for r in rows) == sum(1 for q in quotes if q.speaker is not None)


def test_speaker_rows_are_frozen_and_serialisable(quotes: Quotes) -> None:
    row = quotes.speakers()[0]
    assert isinstance(row, SpeakerRow)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.quotes = 0  # type: ignore[misc]
    d = row.to_dict()
    assert d["kind"] == "person" and d["roles"][0] == "Secretary of State"
    json.dumps(quotes.speakers().to_dicts())


def test_speakers_on_seed_article(seed_text: str) -> None:
    rows = {r.name: r for r in extract_quotes(seed_text).speakers()}
    psaki = rows["Jen Psaki"]
    assert psaki.roles == ("White House spokeswoman",)
    assert psaki.quotes == 3
    assert psaki.mentions == 2  # both places "Psaki" is written


def test_no_speakers_without_quotes() -> None:
    assert extract_quotes("Nothing was said here.").speakers() == []


def test_unresolved_pronouns_are_not_speakers() -> None:
    quotes = extract_quotes("“We will finish by spring,” she said. They said it was late.")
    assert quotes and all(q.speaker is not None for q in quotes)
    assert quotes.speakers() == []


def test_to_dict_round_trips_through_json(quotes: Quotes) -> None:
    d = json.loads(json.dumps(quotes.to_dict()))
    assert d["text"] == ARTICLE
    assert d["warnings"] == []
    assert d["quotes"] == quotes.to_dicts()
    for q in d["quotes"]:
        assert ARTICLE[q["start"] : q["end"]] == q["text"]


def test_records_are_flat_and_match_offsets(quotes: Quotes) -> None:
    records = quotes.to_records()
    assert len(records) == len(quotes)
    for rec, q in zip(records, quotes, strict=True):
        assert tuple(rec) == RECORD_COLUMNS
        assert ARTICLE[rec["start"] : rec["end"]] == rec["text"] == q.text
        if rec["speaker"] is not None:
            assert ARTICLE[rec["speaker_start"] : rec["speaker_end"]] == rec["speaker_text"]
        if rec["cue"] is not None:
            assert ARTICLE[rec["cue_start"] : rec["cue_end"]] == rec["cue"]
        assert rec["rules"] == list(q.rules)
    unattributed = [r for r in records if r["speaker"] is None]
    assert unattributed and unattributed[0]["speaker_kind"] is None


def test_to_jsonl_to_open_file_and_path(quotes: Quotes, tmp_path) -> None:
    buf = io.StringIO()
    assert quotes.to_jsonl(buf, doc="a1") == len(quotes)
    lines = buf.getvalue().splitlines()
    assert len(lines) == len(quotes)
    first = json.loads(lines[0])
    assert next(iter(first)) == "doc" and first["doc"] == "a1"
    assert {k: v for k, v in first.items() if k != "doc"} == quotes[0].to_dict()
    path = tmp_path / "out.jsonl"
    quotes.to_jsonl(path)
    assert [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] == (
        quotes.to_dicts()
    )
    # Non-ASCII stays readable.
    extract_quotes("“Ça va,” dit-il, said Mélanie Joly.").to_jsonl(path)
    assert "Mélanie" in path.read_text(encoding="utf-8")


def test_to_dataframe(quotes: Quotes) -> None:
    pd = pytest.importorskip("pandas")
    frame = quotes.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(RECORD_COLUMNS)
    assert len(frame) == len(quotes)
    assert frame.loc[0, "speaker"] == "Antony Blinken"
    assert frame.loc[0, "speaker_role"] == "Secretary of State"
    assert str(frame["cue_start"].dtype) == "Int64"
    assert frame["speaker_start"].isna().sum() == sum(1 for q in quotes if q.speaker is None)
    speakers = quotes.speakers().to_dataframe()
    assert speakers.loc[0, "roles"] == "Secretary of State; head of American diplomacy"


def test_to_dataframe_without_pandas_says_what_to_install(
    quotes: Quotes, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pandas":
            raise ImportError("no pandas")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(QuoteAttrError, match=r"quoteattr\[pandas\]"):
        quotes.to_dataframe()


def test_repr_html_and_to_html(quotes: Quotes) -> None:
    fragment = quotes._repr_html_()
    assert fragment.startswith("<style>") and 'class="qa-doc"' in fragment
    page = quotes.to_html(title="Blinken")
    assert page.startswith("<!DOCTYPE html>") and "<title>Blinken</title>" in page
    assert "Antony Blinken" in quotes.speakers()._repr_html_()


def test_quotes_pickle(quotes: Quotes) -> None:
    back = pickle.loads(pickle.dumps(quotes))
    assert back == quotes and back.text == quotes.text and back.warnings == quotes.warnings


def test_lone_surrogates_can_be_written_to_json_lines(tmp_path: Path) -> None:
    """A line holding a lone surrogate is written with \\u escapes (any UTF-8 file holds
    them) and reads back to the same text, so the offsets still match."""
    text = (
        "“We will win the vote \ud800 today,” said Ana Ruiz. "
        "Ruiz said the plan \udc80 would work well."
    )
    quotes = extract_quotes(text)
    path = tmp_path / "q.jsonl"
    assert quotes.to_jsonl(path, doc="a") == len(quotes) == 2
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [text[r["start"] : r["end"]] for r in rows] == [r["text"] for r in rows]
    assert "\ud800" in rows[0]["text"] and rows[0]["doc"] == "a"
    plain = extract_quotes("“Très bien, we will win today,” said Ana Ruiz.")
    assert "Très bien" in next(plain.iter_jsonl())  # other lines keep their characters


def test_persons_who_speak_together_count_for_each() -> None:
    text = (
        "Ana Ruiz and Ben Cole met the harbour board on Monday. Ruiz and Cole said the ferry "
        "would run again in May. Cole said the fares would not rise."
    )
    result = extract_quotes(text)
    together = result[0].speaker
    assert together is not None
    assert together.name == "Ana Ruiz and Ben Cole" and together.entity is None
    assert [result.cast[k].name for k in together.members] == ["Ana Ruiz", "Ben Cole"]
    rows = {row.name: row.quotes for row in result.speakers()}
    assert rows == {"Ben Cole": 2, "Ana Ruiz": 1}
