"""The corpus view: speakers merged across documents, gender across documents, shares by group,
exports and the plot."""

from __future__ import annotations

import datetime
import io
import json
import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import (
    Corpus,
    CorpusSpeaker,
    GenderEvidence,
    GenderShare,
    QuoteAttrError,
    QuoteExtractor,
    Quotes,
    SpeakerKind,
    SpeakerRow,
    Speakers,
    extract_quotes,
)
from quoteattr.corpus import MAX_ROLES

PERSON = SpeakerKind.PERSON

RUIZ_1 = "“We will rebuild the bridge,” said Mayor Ana Ruiz. Ruiz said work would start soon."
RUIZ_2 = "“The money is there,” Ana Ruiz said on Monday."
COLE = "“Prices will fall,” said Acme Corp spokesman Ben Cole. The company said sales rose."


class _Rows(Quotes):
    """A result whose speakers() gives fixed rows: the gender the cast stage will give."""

    def __init__(self, rows: list[SpeakerRow], extra_quotes: int = 0) -> None:
        super().__init__([], text="")
        self._rows = rows
        self._n = sum(r.quotes for r in rows) + extra_quotes

    def __len__(self) -> int:
        return self._n

    def speakers(self) -> Speakers:
        return Speakers(self._rows)


def _evidence(gender: str, kind: str, text: str = "she") -> GenderEvidence:
    return GenderEvidence(gender=gender, kind=kind, start=0, end=len(text), text=text)


def row(
    name: str,
    *,
    quotes: int = 1,
    kind: SpeakerKind = PERSON,
    roles: tuple[str, ...] = (),
    gender: str | None = None,
    evidence: tuple[GenderEvidence, ...] = (),
) -> SpeakerRow:
    return SpeakerRow(
        name=name,
        kind=kind,
        roles=roles,
        quotes=quotes,
        mentions=quotes,
        forms=(name,),
        first=0,
        gender=gender,
        gender_evidence=evidence,
    )


def doc(*rows: SpeakerRow, extra_quotes: int = 0) -> Quotes:
    return _Rows(list(rows), extra_quotes)


SHE = _evidence("female", "pronoun", "she")
HE = _evidence("male", "pronoun", "he")
MS = _evidence("female", "honorific", "Ms.")
NAME_F = _evidence("female", "first-name", "Ana")
NAME_M = _evidence("male", "first-name", "Ben")


# --- Speakers across documents ------------------------------------------------------------


def test_one_speaker_across_documents_on_real_sentences() -> None:
    corpus = Corpus()
    corpus.add(extract_quotes(RUIZ_1), outlet="Gazette")
    corpus.add(extract_quotes(RUIZ_2), outlet="Courier")
    corpus.add(extract_quotes(COLE), outlet="Gazette")
    assert corpus.documents == 3
    rows = {(s.name, s.kind): s for s in corpus.speakers()}
    ruiz = rows["Ana Ruiz", PERSON]
    assert (ruiz.quotes, ruiz.documents) == (3, 2)
    assert ruiz.roles == ("Mayor",)
    assert [(k, v, d, q) for k, v, d, q in ruiz.groups] == [
        ("outlet", "Gazette", 1, 2),
        ("outlet", "Courier", 1, 1),
    ]
    assert rows["Ben Cole", PERSON].roles == ("Acme Corp spokesman",)
    # "The company said" is the company named before (the cast's description-organization).
    assert rows["Acme Corp", SpeakerKind.ORGANIZATION].documents == 1
    # The most quoted first.
    assert corpus.speakers()[0].name == "Ana Ruiz"


def test_same_name_other_kind_is_another_speaker_and_case_spacing_do_not_matter() -> None:
    corpus = Corpus()
    corpus.add(doc(row("Ana  Ruiz"), row("Reuters", kind=SpeakerKind.ORGANIZATION)))
    corpus.add(doc(row("ana ruiz", quotes=2), row("Reuters", kind=PERSON)))
    names = [(s.name, s.kind.value, s.quotes, s.documents) for s in corpus.speakers()]
    assert names == [
        ("Ana  Ruiz", "person", 3, 2),  # shown as first written
        ("Reuters", "organization", 1, 1),
        ("Reuters", "person", 1, 1),
    ]


def test_a_speaker_twice_in_one_document_counts_one_document() -> None:
    corpus = Corpus()
    corpus.add(doc(row("Ana Ruiz"), row("ANA RUIZ")), outlet="A")
    (ruiz,) = corpus.speakers()
    assert (ruiz.quotes, ruiz.documents, ruiz.groups) == (2, 1, (("outlet", "A", 1, 2),))


def test_roles_most_documents_first_and_capped() -> None:
    corpus = Corpus()
    corpus.add(doc(row("Ana Ruiz", roles=("Mayor",))))
    corpus.add(doc(row("Ana Ruiz", roles=("candidate", "Mayor"))))
    assert corpus.speakers()[0].roles == ("Mayor", "candidate")
    for i in range(MAX_ROLES + 10):
        corpus.add(doc(row("Ana Ruiz", roles=(f"role {i}",))))
    assert len(corpus.speakers()[0].roles) == MAX_ROLES


def test_unattributed_quotes_are_counted_apart() -> None:
    corpus = Corpus()
    corpus.add(extract_quotes("“No comment,” she said. “We are ready,” said Ana Ruiz."))
    assert (corpus.quotes, corpus.unattributed) == (2, 1)
    assert [s.name for s in corpus.speakers()] == ["Ana Ruiz"]


def test_speakers_by_kind() -> None:
    corpus = Corpus()
    corpus.add(extract_quotes(COLE))
    assert [s.name for s in corpus.speakers(kind="person")] == ["Ben Cole"]
    assert [s.name for s in corpus.speakers(kind=SpeakerKind.ORGANIZATION)] == ["Acme Corp"]


# --- Gender across documents --------------------------------------------------------------


def _gender(*docs: Quotes) -> CorpusSpeaker:
    corpus = Corpus()
    for d in docs:
        corpus.add(d)
    (speaker,) = corpus.speakers()
    return speaker


def test_agreeing_documents_decide() -> None:
    s = _gender(
        doc(row("Ana Ruiz", gender="female", evidence=(SHE,))),
        doc(row("Ana Ruiz", gender="female", evidence=(MS,))),
        doc(row("Ana Ruiz")),  # says nothing
    )
    assert (s.gender, s.gender_basis) == ("female", "text")
    assert s.gender_note == "female in 2 documents (pronoun, honorific)"


def test_documents_that_disagree_give_none_and_say_so() -> None:
    s = _gender(
        doc(row("Sam Lee", gender="female", evidence=(SHE,))),
        doc(row("Sam Lee", gender="female", evidence=(SHE,))),
        doc(row("Sam Lee", gender="male", evidence=(HE,))),
    )
    assert (s.gender, s.gender_basis) == (None, "conflict")
    assert s.gender_note == "female in 2 documents, male in 1 document (pronoun)"


def test_the_text_wins_over_the_first_name() -> None:
    s = _gender(
        doc(row("Lindsey Graham", gender="female", evidence=(NAME_F,))),
        doc(row("Lindsey Graham", gender="male", evidence=(HE,))),
    )
    assert (s.gender, s.gender_basis) == ("male", "text")
    assert "the first name said otherwise in 1 document" in s.gender_note


def test_first_name_alone_decides_marked_as_such() -> None:
    s = _gender(
        doc(row("Ben Cole", gender="male", evidence=(NAME_M,))),
        doc(row("Ben Cole")),
    )
    assert (s.gender, s.gender_basis, s.gender_note) == (
        "male",
        "first-name",
        "male by first name in 1 document",
    )


def test_a_document_whose_own_evidence_conflicts() -> None:
    torn = doc(row("Sam Lee", gender=None, evidence=(SHE, HE)))
    s = _gender(torn)
    assert (s.gender, s.gender_basis) == (None, "conflict")
    assert s.gender_note == "conflicting evidence in 1 document"
    s = _gender(torn, doc(row("Sam Lee", gender="male", evidence=(HE,))))
    assert (s.gender, s.gender_basis) == ("male", "text")
    assert s.gender_note.endswith("; conflicting in 1 document")


def test_no_evidence() -> None:
    s = _gender(doc(row("Sam Lee")))
    assert (s.gender, s.gender_basis, s.gender_note) == (None, "none", "")


# --- Shares by group ----------------------------------------------------------------------


def _outlets() -> Corpus:
    corpus = Corpus()
    ana = row("Ana Ruiz", quotes=3, gender="female", evidence=(SHE,))
    ben = row("Ben Cole", gender="male", evidence=(HE,))
    sam = row("Sam Lee", quotes=2)  # gender unknown
    org = row("Acme Corp", kind=SpeakerKind.ORGANIZATION, quotes=4)
    anon = row("officials", kind=SpeakerKind.ANONYMOUS)
    corpus.add(doc(ana, ben, org), {"outlet": "Gazette", "date": datetime.date(2024, 5, 1)})
    corpus.add(doc(ana, sam, anon, extra_quotes=1), outlet="Courier")
    corpus.add(doc(ben), outlet="Courier")
    corpus.add(doc(sam))  # no outlet
    return corpus


def test_share_of_women_among_people() -> None:
    shares = _outlets().gender_share(by="outlet")
    assert [(r.label, r.documents, r.female, r.male, r.unknown) for r in shares] == [
        ("Courier", 2, 1, 1, 1),
        ("Gazette", 1, 1, 1, 0),
        ("(none)", 1, 0, 0, 1),
    ]
    overall = shares.overall
    # Each person once; organisations and anonymous sources are not people.
    assert (overall.label, overall.female, overall.male, overall.unknown) == ("all", 1, 1, 1)
    assert overall.share_female == 0.5
    assert overall.share_known == pytest.approx(2 / 3)
    assert overall.documents == 4


def test_share_of_women_among_quotes_by_people() -> None:
    shares = _outlets().gender_share(by="outlet", count="quotes")
    assert [(r.label, r.female, r.male, r.unknown) for r in shares] == [
        ("Courier", 3, 1, 2),
        ("Gazette", 3, 1, 0),
        ("(none)", 0, 0, 2),
    ]
    assert (shares.overall.female, shares.overall.male, shares.overall.unknown) == (6, 2, 4)
    assert shares.overall.counted == "quotes"


def test_share_with_no_known_gender_is_none() -> None:
    share = GenderShare(
        key=None, value=None, counted="people", female=0, male=0, unknown=2, documents=1
    )
    assert share.share_female is None
    assert share.share_known == 0.0


def test_metadata_keys_and_their_errors() -> None:
    corpus = _outlets()
    assert corpus.keys == ("outlet", "date")
    dates = corpus.gender_share(by="date")
    assert [r.value for r in dates] == [datetime.date(2024, 5, 1), None]
    with pytest.raises(ValueError, match=r"'section'.*kept: 'outlet', 'date'"):
        corpus.gender_share(by="section")
    with pytest.raises(ValueError, match="count must be"):
        corpus.gender_share(count="words")
    restricted = Corpus(by="outlet")
    restricted.add(doc(row("Ana Ruiz")), outlet="A", url="https://example.org/1")
    assert restricted.keys == ("outlet",)
    with pytest.raises(ValueError, match="'url'"):
        restricted.gender_share(by="url")


def test_unhashable_metadata_values_group_by_their_text() -> None:
    corpus = Corpus()
    corpus.add(doc(row("Ana Ruiz")), tags=["a", "b"])
    assert [r.value for r in corpus.gender_share(by="tags")] == ["['a', 'b']"]


def test_bad_input_is_a_clear_error() -> None:
    corpus = Corpus()
    with pytest.raises(TypeError, match="not str"):
        corpus.add("“Hi,” said Ana Ruiz.")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="metadata must be a mapping"):
        corpus.add(doc(), ["outlet"])  # type: ignore[arg-type]
    assert corpus.documents == 0


# --- Streaming, merging, memory -----------------------------------------------------------


def test_streamed_from_pipe_with_metadata() -> None:
    texts = [RUIZ_1, RUIZ_2, COLE]
    meta = [{"outlet": "Gazette"}, {"outlet": "Courier"}, None]
    corpus = Corpus.from_results(QuoteExtractor().pipe(iter(texts)), iter(meta))
    assert corpus.documents == 3
    assert [r.label for r in corpus.gender_share(by="outlet")] == ["Courier", "Gazette", "(none)"]
    with pytest.raises(ValueError):
        Corpus.from_results(QuoteExtractor().pipe(texts), meta[:2])


def test_merge_equals_one_pass() -> None:
    docs = [
        (doc(row("Ana Ruiz", gender="female", evidence=(SHE,), roles=("Mayor",))), "A"),
        (doc(row("Ana Ruiz", quotes=2), row("Ben Cole")), "B"),
        (doc(row("Ben Cole", gender="male", evidence=(HE,))), "A"),
    ]
    whole = Corpus()
    for d, outlet in docs:
        whole.add(d, outlet=outlet)
    left, right = Corpus(), Corpus()
    left.add(docs[0][0], outlet="A")
    for d, outlet in docs[1:]:
        right.add(d, outlet=outlet)
    merged = left.merge(right)
    assert merged.speakers() == whole.speakers()
    assert merged.gender_share(by="outlet") == whole.gender_share(by="outlet")
    assert (merged.documents, merged.quotes) == (whole.documents, whole.quotes)
    with pytest.raises(ValueError, match="cannot merge"):
        Corpus(by=["outlet"]).merge(Corpus())


def test_memory_grows_with_speakers_not_documents() -> None:
    corpus = Corpus()
    for i in range(2000):
        corpus.add(doc(row("Ana Ruiz", roles=("Mayor",)), row("Ben Cole")), outlet=f"o{i % 3}")
    assert len(corpus._speakers) == 2
    assert len(corpus._groups) == 3
    assert all(len(t.groups) == 3 for t in corpus._speakers.values())
    assert corpus.speakers()[0].documents == 2000


def test_a_corpus_pickles() -> None:
    corpus = _outlets()
    again = pickle.loads(pickle.dumps(corpus))
    assert again.speakers() == corpus.speakers()


# --- Exports ------------------------------------------------------------------------------


def test_speakers_to_jsonl() -> None:
    out = io.StringIO()
    assert _outlets().to_jsonl(out) == 5
    first = json.loads(out.getvalue().splitlines()[0])
    assert first == {
        "name": "Ana Ruiz",
        "kind": "person",
        "quotes": 6,
        "documents": 2,
        "roles": [],
        "gender": "female",
        "gender_basis": "text",
        "gender_note": "female in 2 documents (pronoun)",
        "groups": {
            "outlet": {
                "Gazette": {"documents": 1, "quotes": 3},
                "Courier": {"documents": 1, "quotes": 3},
            },
            "date": {
                "2024-05-01": {"documents": 1, "quotes": 3},
                "(none)": {"documents": 1, "quotes": 3},
            },
        },
    }


def test_shares_to_jsonl_with_a_path(tmp_path: Path) -> None:
    path = tmp_path / "shares.jsonl"
    assert _outlets().gender_share(by="date").to_jsonl(path) == 2
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["value"] == "2024-05-01"
    assert first["share_female"] == 0.5


def test_dataframes() -> None:
    pytest.importorskip("pandas")
    speakers = _outlets().speakers().to_dataframe()
    assert list(speakers.columns) == [
        "name",
        "kind",
        "gender",
        "gender_basis",
        "quotes",
        "documents",
        "roles",
        "gender_note",
        "outlet",
        "date",
    ]
    assert speakers.loc[0, "outlet"] == "Gazette (1); Courier (1)"
    shares = _outlets().gender_share(by="outlet").to_dataframe()
    assert shares.index.name == "outlet"
    assert list(shares.index) == ["Courier", "Gazette", "(none)"]
    assert shares.loc["Courier", "share_female"] == 0.5
    assert shares.attrs["counted"] == "people"


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(QuoteAttrError, match=r"quoteattr\[pandas\]"):
        _outlets().speakers().to_dataframe()


def test_html_views() -> None:
    corpus = _outlets()
    page = corpus.speakers()._repr_html_()
    assert 'class="qa-corpus"' in page and "Ana Ruiz" in page
    table = corpus.gender_share(by="outlet")._repr_html_()
    assert "Courier" in table and "50.0%" in table and "counted: people" in table


def test_plot_renders(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    image = pytest.importorskip("PIL.Image")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shares = _outlets().gender_share(by="outlet")
    ax = shares.plot(title="Test")
    assert ax.get_title() == "Test"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["(none)", "Gazette", "Courier"]
    labels = [t.get_text() for t in ax.texts]
    assert "50% of 2 (1 unknown)" in labels and "no gender known (1 unknown)" in labels
    path = tmp_path / "share.png"
    ax.figure.savefig(path, dpi=80)
    plt.close(ax.figure)
    with image.open(path) as png:
        width, height = png.size
        assert width > 400 and height > 150
        rgb = png.convert("RGB")
        bars = sum(
            1
            for x in range(0, width, 2)
            for y in range(0, height, 2)
            if rgb.getpixel((x, y)) == (0xC0, 0x26, 0xD3)
        )
        assert bars > 200  # the bars are drawn, in their colour


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(QuoteAttrError, match=r"quoteattr\[plot\]"):
        _outlets().gender_share().plot()


# --- Properties ---------------------------------------------------------------------------

_EVIDENCE = {"female": (SHE, NAME_F), "male": (HE, NAME_M)}
_rows = st.builds(
    lambda name, kind, quotes, gender, by_name: row(
        name,
        kind=kind,
        quotes=quotes,
        gender=gender,
        evidence=() if gender is None else (_EVIDENCE[gender][by_name],),
    ),
    st.sampled_from(["Ana Ruiz", "Ben Cole", "Sam Lee", "Acme"]),
    st.sampled_from([PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.ANONYMOUS]),
    st.integers(1, 3),
    st.sampled_from([None, "female", "male"]),
    st.integers(0, 1),
)
_docs = st.lists(
    st.tuples(st.lists(_rows, max_size=4), st.sampled_from(["A", "B", "C", None])), max_size=8
)


@settings(max_examples=60, deadline=None)
@given(_docs, st.integers(0, 8))
def test_merging_any_split_equals_one_pass(docs: list, cut: int) -> None:
    def tally(part: list) -> Corpus:
        corpus = Corpus(by=["outlet"])
        for rows, outlet in part:
            corpus.add(doc(*rows), {} if outlet is None else {"outlet": outlet})
        return corpus

    whole = tally(docs)
    merged = tally(docs[:cut]).merge(tally(docs[cut:]))
    assert merged.speakers() == whole.speakers()
    for count in ("people", "quotes"):
        shares = whole.gender_share(by="outlet", count=count)
        assert merged.gender_share(by="outlet", count=count) == shares
        people = whole.speakers(kind="person")
        total = len(people) if count == "people" else sum(s.quotes for s in people)
        assert shares.overall.total == total
        # Every person is in at least one group, and each of their quotes in exactly one.
        in_groups = sum(r.total for r in shares)
        assert in_groups >= total if count == "people" else in_groups == total
    assert sum(r.documents for r in whole.gender_share(by="outlet")) == len(docs)


def test_a_quote_of_two_speakers_is_counted_for_each_and_not_as_unattributed() -> None:
    text = "Ana Ruiz and Ben Cole met on Monday. Ruiz and Cole said the ferry would run in May."
    corpus = Corpus()
    corpus.add(extract_quotes(text))
    assert corpus.unattributed == 0
    assert sorted((s.name, s.quotes) for s in corpus.speakers()) == [
        ("Ana Ruiz", 1),
        ("Ben Cole", 1),
    ]
