"""The stanza backend: Documents to Analysis, the pipeline's life cycle, errors, and the
dependency-based attribution end to end.

Stanza's models cannot be downloaded in CI, so Documents are read from hand-made CoNLL-U
(``tests/data/attribution.conllu``, with ``start_char``, ``end_char`` and ``ner`` in MISC) or
built by hand, and the pipeline is replaced by a stand-in where its life cycle is tested.
Only :func:`test_end_to_end_with_installed_models` needs real models; it is skipped when they
are absent.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

import quoteattr
from quoteattr import BackendUnavailableError, Config, QuoteExtractor, extract_quotes
from quoteattr.backends import get_backend
from quoteattr.backends.stanza import (
    StanzaBackend,
    analysis_from_document,
    models_present,
    resources_dir,
)
from quoteattr.errors import QuoteAttrError
from quoteattr.model import Analysis, spans_valid

DATA = Path(__file__).parent / "data" / "attribution.conllu"


def _blocks() -> dict[str, str]:
    out = {}
    for block in DATA.read_text(encoding="utf-8").split("# newdoc id = ")[1:]:
        name, _, body = block.partition("\n")
        out[name.strip()] = body
    return out


BLOCKS = _blocks()


@pytest.fixture(scope="module")
def stanza() -> Any:
    return pytest.importorskip("stanza", reason="stanza is not installed")


def _doc(stanza: Any, name: str) -> Any:
    from stanza.utils.conll import CoNLL

    return CoNLL.conll2doc(input_str=BLOCKS[name])


# --- import hygiene ---------------------------------------------------------------------


def test_importing_quoteattr_never_imports_stanza_or_torch() -> None:
    code = (
        "import sys, quoteattr, quoteattr.syntax, quoteattr.backends, "
        "quoteattr.backends.stanza\n"
        "quoteattr.extract_quotes('“We are ready,” said Gov. Ana Ruiz.')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('stanza', 'torch'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == ""


# --- Document -> Analysis ---------------------------------------------------------------


def test_conversion_keeps_character_offsets_and_heads(stanza: Any) -> None:
    doc = _doc(stanza, "subject-ccomp")
    a = analysis_from_document(doc)
    assert a.backend == "stanza" and a.has_syntax
    assert a.text == "Ana Ruiz said the bridge would reopen in May."
    toks = a.sentences[0].tokens
    assert [t.text for t in toks][:3] == ["Ana", "Ruiz", "said"]
    for t in toks:
        assert a.text[t.start : t.end] == t.text
    starts = {t.start for t in toks}
    assert all(t.head is None or t.head in starts for t in toks)
    said = toks[2]
    assert (said.head, said.deprel, said.lemma, said.upos) == (None, "root", "say", "VERB")
    assert toks[0].head == said.start and toks[0].ner == "PERSON"
    assert toks[8].ner == "DATE" and toks[3].ner is None


def test_analysis_from_stanza_and_extract_quotes_accept_a_document(stanza: Any) -> None:
    doc = _doc(stanza, "subject-ccomp")
    assert Analysis.from_stanza(doc) == analysis_from_document(doc)
    [q] = extract_quotes(doc)
    assert (q.text, q.speaker and q.speaker.name) == ("the bridge would reopen in May", "Ana Ruiz")


def test_every_file_document_converts_to_valid_offsets(stanza: Any) -> None:
    for name in BLOCKS:
        a = analysis_from_document(_doc(stanza, name))
        for s in a.sentences:
            assert a.text[s.start : s.end].strip()
            for t in s.tokens:
                assert a.text[t.start : t.end] == t.text, (name, t)


MWT = """# text = Ana Ruiz said it won't rain.
1	Ana	Ana	PROPN	_	_	3	nsubj	_	start_char=0|end_char=3|ner=B-PERSON
2	Ruiz	Ruiz	PROPN	_	_	1	flat	_	start_char=4|end_char=8|ner=E-PERSON
3	said	say	VERB	_	_	0	root	_	start_char=9|end_char=13|ner=O
4	it	it	PRON	_	_	7	nsubj	_	start_char=14|end_char=16|ner=O
5-6	won't	_	_	_	_	_	_	_	start_char=17|end_char=22|ner=O
5	{w1}	will	AUX	_	_	7	aux	_	_
6	{w2}	not	PART	_	_	7	advmod	_	_
7	rain	rain	VERB	_	_	3	ccomp	_	start_char=23|end_char=27|ner=O
8	.	.	PUNCT	_	_	3	punct	_	start_char=27|end_char=28|ner=O

"""


def test_multiword_tokens_are_split_by_their_surface(stanza: Any) -> None:
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str=MWT.format(w1="wo", w2="n't"))
    a = analysis_from_document(doc, "Ana Ruiz said it won't rain.")
    toks = a.sentences[0].tokens
    assert [(t.text, t.start, t.end) for t in toks[4:6]] == [("wo", 17, 19), ("n't", 19, 22)]
    assert toks[4].head == toks[6].start == 23


def test_multiword_words_not_in_the_surface_fold_into_the_first(stanza: Any) -> None:
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str=MWT.format(w1="will", w2="not"))
    a = analysis_from_document(doc, "Ana Ruiz said it won't rain.")
    toks = a.sentences[0].tokens
    assert [t.text for t in toks] == ["Ana", "Ruiz", "said", "it", "won't", "rain", "."]
    assert all(a.text[t.start : t.end] == t.text for t in toks)


def test_a_sentence_across_a_line_break_is_split_into_paragraphs(stanza: Any) -> None:
    from stanza.utils.conll import CoNLL

    conllu = (
        "1\tRuiz\tRuiz\tPROPN\t_\t_\t2\tnsubj\t_\tstart_char=0|end_char=4\n"
        "2\tspoke\tspeak\tVERB\t_\t_\t0\troot\t_\tstart_char=5|end_char=10\n"
        "3\tShe\tshe\tPRON\t_\t_\t4\tnsubj\t_\tstart_char=11|end_char=14\n"
        "4\tleft\tleave\tVERB\t_\t_\t2\tparataxis\t_\tstart_char=15|end_char=19\n\n"
    )
    a = analysis_from_document(CoNLL.conll2doc(input_str=conllu), "Ruiz spoke\nShe left")
    assert a.paragraphs == ((0, 10), (11, 19))
    assert [(s.start, s.end, s.paragraph) for s in a.sentences] == [(0, 10, 0), (11, 19, 1)]


def test_a_document_without_offsets_is_refused(stanza: Any) -> None:
    from stanza.models.common.doc import Document

    doc = Document([[{"id": 1, "text": "Hi", "head": 0, "deprel": "root"}]])
    with pytest.raises(QuoteAttrError, match="character offsets"):
        analysis_from_document(doc)


def test_coreference_chains_become_spans_and_resolve_pronouns(stanza: Any) -> None:
    from stanza.models.coref.coref_chain import CorefChain, CorefMention

    doc = _doc(stanza, "coref-pronoun")
    # Without chains the cast's heuristics decide (the subject of the sentence before).
    [plain] = extract_quotes(doc)
    assert plain.speaker is not None and "stanza-coref" not in plain.rules
    doc.coref = [
        CorefChain(0, [CorefMention(0, 0, 2), CorefMention(1, 0, 1)], "Kemal Oduya", 0),
        CorefChain(1, [CorefMention(0, 3, 5)], "Ana Ruiz", 0),
    ]
    # A zero-anaphora mention (an empty node, no surface text) is skipped.
    doc.coref[0].mentions.append(CorefMention(1, (1, 1), (1, 1)))
    a = analysis_from_document(doc)
    he = a.text.index("He")
    assert a.coref == (((0, 11), (he, he + 2)), ((16, 24),))
    [q] = extract_quotes(doc)
    assert q.speaker is not None
    assert (q.speaker.text, q.speaker.name, q.speaker.kind.value) == ("He", "Kemal Oduya", "person")
    assert "stanza-coref" in q.rules


# --- attribution with the parse -------------------------------------------------------

CASES = [
    # doc, kind, content, speaker name, role, kind, a rule that must have fired
    ("subject-ccomp", "indirect", "the bridge would reopen in May", "Ana Ruiz", None, "person",
     "dep-subject"),
    ("direct-inverted", "direct", "We are ready,", "Ana Ruiz", "Gov.", "person", "dep-subject"),
    ("long-subject", "indirect", "the reservoirs were full",
     "chief engineer of the regional water authority in the northern province",
     "chief engineer of the regional water authority in the northern province", "anonymous",
     "dep-subject"),
    ("long-subject-source", "indirect", "the talks had stalled",
     "senior adviser to the governor of the northern province",
     "senior adviser to the governor of the northern province", "anonymous", "dep-subject"),
    ("direct-long-subject", "direct", "The dam will hold,",
     "chief engineer of the regional water authority",
     "chief engineer of the regional water authority", "anonymous", "dep-subject"),
    ("quoted-as-saying", "indirect", "the strike would end soon", "Ana Ruiz", None, "person",
     "dep-quoted-as-saying"),
    ("who-relative-between", "indirect", "the deal was fair", "Tom Baker", None, "person",
     "dep-subject"),
    ("passive-agent", "indirect", "taxes would rise", "finance minister", "finance minister",
     "anonymous", "dep-passive-agent"),
    ("who-relative-cue", "indirect", "it would fail", "Ana Ruiz", None, "person",
     "dep-relative-subject"),
    ("appositive-name", "indirect", "the bridge was safe", "Ana Ruiz", "mayor", "person",
     "dep-appositive"),
    ("appositive-role", "indirect", "the water was clean", "Hugh Hill", "doctor at the clinic",
     "person", "dep-appositive"),
    ("parenthetical-cue", "indirect", "The bridge will reopen in May", "ministry", None,
     "organization", "dep-ccomp"),
    ("according-to", "indirect", "the bridge will reopen in May", "ministry", None,
     "organization", "dep-according-to"),
    ("ner-organization", "indirect", "the prisoners had been beaten", "Human Rights Watch",
     None, "organization", "ner-kind"),
    ("conjoined-cue", "indirect", "the bridge was safe", "Ana Ruiz", None, "person",
     "dep-subject-of-governor"),
    ("direct-description", "direct", "The water is safe to drink,", "utility", None, "unknown",
     "dep-subject"),
    ("mixed", "mixed", "the plan was “a total failure”", "Ana Ruiz", None, "person",
     "dep-ccomp"),
    ("direct-cue-before", "direct", "We will rebuild the bridge.", "Ana Ruiz", None, "person",
     "dep-subject"),
    ("participle", "indirect", "the vote was rigged", "Ana Ruiz", None, "person",
     "dep-subject-of-governor"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "kind", "content", "who", "role", "skind", "rule"), CASES)
def test_dependency_attribution(
    stanza: Any,
    name: str,
    kind: str,
    content: str,
    who: str,
    role: str | None,
    skind: str,
    rule: str,
) -> None:
    doc = _doc(stanza, name)
    found = extract_quotes(doc)
    assert len(found) == 1, found
    [q] = found
    assert (q.kind.value, q.text) == (kind, content)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.kind.value) == (who, role, skind)
    assert rule in q.rules
    text = found.text
    assert text[q.start : q.end] == q.text
    assert spans_valid(text, [*q.fragments, q.speaker.span, *([q.cue] if q.cue else [])])


@pytest.mark.parametrize(
    ("name", "speaker"),
    [
        (
            "long-subject",
            "The chief engineer of the regional water authority in the northern province",
        ),
        ("direct-long-subject", "the chief engineer of the regional water authority"),
        ("quoted-as-saying", "Ana Ruiz"),
        ("passive-agent", "the finance minister"),
        ("who-relative-between", "Tom Baker"),
    ],
)
def test_the_dependency_path_wins_over_surface_rules(stanza: Any, name: str, speaker: str) -> None:
    # When these tests were written the surface rules found no speaker (or "the northern
    # province") for these sentences; with the parse the speaker comes from a dep- rule.
    [q] = extract_quotes(_doc(stanza, name))
    assert q.speaker is not None and q.speaker.text == speaker
    assert any(r.startswith("dep-") and r != "dep-ccomp" for r in q.rules)


def test_passive_hearer_is_no_attribution(stanza: Any) -> None:
    assert list(extract_quotes(_doc(stanza, "passive-hearer"))) == []


# --- the pipeline: built once, errors, downloads -----------------------------------------


class _FakePipeline:
    """Stands in for ``stanza.Pipeline``: returns the file's Document for a known text."""

    built: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, **kwargs: Any) -> None:
        type(self).built.append(kwargs)
        from stanza.utils.conll import CoNLL

        self.docs = {}
        for body in BLOCKS.values():
            doc = CoNLL.conll2doc(input_str=body)
            self.docs[analysis_from_document(doc).text] = doc
        self.calls = 0

    def __call__(self, text: str) -> Any:
        self.calls += 1
        return self.docs[text]


def _models(tmp_path: Path, coref: bool = False) -> Path:
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    (tmp_path / "en").mkdir()
    if coref:
        (tmp_path / "en" / "coref").mkdir()
        (tmp_path / "en" / "coref" / "model.pt").write_bytes(b"")
    return tmp_path


@pytest.fixture
def fake_pipeline(stanza: Any, monkeypatch: pytest.MonkeyPatch) -> type[_FakePipeline]:
    _FakePipeline.built = []
    monkeypatch.setattr(stanza, "Pipeline", _FakePipeline)

    def no_download(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("quoteattr must not download without download=True")

    monkeypatch.setattr(stanza, "download", no_download)
    return _FakePipeline


def test_pipeline_is_built_once_per_extractor_and_reused(
    fake_pipeline: type[_FakePipeline], tmp_path: Path
) -> None:
    ex = QuoteExtractor(backend="stanza", stanza_dir=str(_models(tmp_path)))
    texts = [
        "Ana Ruiz said the bridge would reopen in May.",
        "It was said by the finance minister that taxes would rise.",
    ]
    first = ex.extract(texts[0])
    second = ex.extract(texts[1])
    assert len(fake_pipeline.built) == 1
    kwargs = fake_pipeline.built[0]
    assert kwargs["lang"] == "en" and kwargs["download_method"] is None
    assert kwargs["processors"] == "tokenize,mwt,pos,lemma,depparse,ner"
    assert kwargs["dir"] == str(tmp_path)
    assert isinstance(ex.backend, StanzaBackend) and ex.backend.pipeline.calls == 2
    assert first[0].speaker is not None and first[0].speaker.name == "Ana Ruiz"
    assert second[0].speaker is not None and second[0].speaker.name == "finance minister"
    assert "dep-passive-agent" in second[0].rules


def test_coref_joins_the_pipeline_when_its_model_is_installed(
    fake_pipeline: type[_FakePipeline], tmp_path: Path
) -> None:
    backend = get_backend(
        "stanza", Config(backend="stanza", stanza_dir=str(_models(tmp_path, True)))
    )
    assert isinstance(backend, StanzaBackend) and backend.coref
    assert fake_pipeline.built[0]["processors"].endswith(",ner,coref")


def test_a_coref_model_that_fails_to_load_is_left_out(
    stanza: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    built: list[str] = []

    def picky(**kwargs: Any) -> Any:
        built.append(kwargs["processors"])
        if "coref" in kwargs["processors"]:
            raise RuntimeError("coref needs a transformer that is not installed")
        return lambda text: None

    monkeypatch.setattr(stanza, "Pipeline", picky)
    config = Config(backend="stanza", stanza_dir=str(_models(tmp_path, coref=True)))
    backend = get_backend("stanza", config)
    assert isinstance(backend, StanzaBackend) and not backend.coref
    assert built == [
        "tokenize,mwt,pos,lemma,depparse,ner,coref",
        "tokenize,mwt,pos,lemma,depparse,ner",
    ]


def test_download_true_lets_stanza_fetch_missing_models(
    fake_pipeline: type[_FakePipeline], tmp_path: Path
) -> None:
    get_backend("stanza", Config(backend="stanza", stanza_dir=str(tmp_path), download=True))
    assert fake_pipeline.built[0]["download_method"] == "reuse_resources"


def test_missing_models_name_the_directory_and_the_download_call(
    fake_pipeline: type[_FakePipeline], tmp_path: Path
) -> None:
    with pytest.raises(BackendUnavailableError) as err:
        QuoteExtractor(backend="stanza", stanza_dir=str(tmp_path)).extract("Hi.")
    message = str(err.value)
    assert str(tmp_path) in message and 'stanza.download("en")' in message
    assert fake_pipeline.built == []  # nothing was built, nothing downloaded


def test_missing_models_through_extract_quotes_and_the_environment(
    fake_pipeline: type[_FakePipeline], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert resources_dir(Config()) == str(tmp_path)
    with pytest.raises(BackendUnavailableError, match=r"stanza\.download"):
        extract_quotes("Ana Ruiz said it would rain.", backend="stanza")


def test_stanza_errors_while_loading_become_backend_unavailable(
    stanza: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(**kwargs: Any) -> None:
        raise FileNotFoundError("depparse model missing")

    monkeypatch.setattr(stanza, "Pipeline", broken)
    with pytest.raises(BackendUnavailableError, match="depparse model missing"):
        get_backend("stanza", Config(backend="stanza", stanza_dir=str(_models(tmp_path))))


def test_missing_stanza_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)
    with pytest.raises(BackendUnavailableError, match=r'pip install "quoteattr\[stanza\]"'):
        QuoteExtractor(backend="stanza").extract("Ana Ruiz said it would rain.")
    # The rules backend is unaffected.
    assert quoteattr.extract_quotes("Ana Ruiz said it would rain.")


def test_backend_analyse_uses_the_given_pipeline(stanza: Any) -> None:
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str=BLOCKS["mixed"])
    backend = StanzaBackend(lambda text: doc)
    a = backend.analyse("Ana Ruiz said the plan was “a total failure”.")
    assert a.backend == "stanza" and a.has_syntax and backend.name == "stanza"


# --- real models, where installed ---------------------------------------------------------

_DIR = resources_dir(Config())


@pytest.mark.skipif(
    not models_present(_DIR),
    reason=(
        f"stanza's English models are not installed in {_DIR!r}; run "
        "python -c 'import stanza; stanza.download(\"en\")' to enable this end-to-end test"
    ),
)
def test_end_to_end_with_installed_models(stanza: Any) -> None:
    text = (
        "The chief engineer of the regional water authority said the reservoirs were full.\n"
        "“We are ready,” said Gov. Ana Ruiz. Human Rights Watch said the prisoners had been "
        "beaten."
    )
    ex = QuoteExtractor(backend="stanza")
    found = ex.extract(text)
    assert ex.backend.name == "stanza"
    speakers = {q.speaker.name for q in found if q.speaker}
    assert "Ana Ruiz" in speakers
    assert any("engineer" in name for name in speakers)
    for q in found:
        assert text[q.start : q.end] == q.text
    # The pipeline is reused: a second text needs no second build.
    assert ex.extract("Ana Ruiz said the bridge would reopen in May.")
