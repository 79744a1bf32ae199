"""The dependency rules of quoteattr.syntax, on hand-parsed sentences.

The parses are in ``tests/data/attribution.conllu`` (CoNLL-U with ``start_char``,
``end_char`` and ``ner`` in MISC). This module reads them with a small reader of its own, so
it tests :mod:`quoteattr.syntax` on plain :class:`~quoteattr.model.Analysis` records with no
stanza installed; ``tests/test_backends_stanza.py`` reads the same file through stanza.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from quoteattr import SpeakerKind, syntax
from quoteattr.model import Analysis, Sentence, Token
from quoteattr.speakers import describe, tokens

DATA = Path(__file__).parent / "data" / "attribution.conllu"


def _misc(field: str) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in field.split("|") if "=" in kv)


def _bare(tag: str) -> str | None:
    return None if tag in ("O", "_") else tag.split("-", 1)[-1]


def read_conllu(block: str) -> Analysis:
    """One ``# newdoc`` block as an Analysis (no multi-word tokens in this file)."""
    sentences = []
    texts = []
    for chunk in block.strip().split("\n\n"):
        rows = [ln.split("\t") for ln in chunk.splitlines() if ln and not ln.startswith("#")]
        texts += [ln[9:] for ln in chunk.splitlines() if ln.startswith("# text = ")]
        starts = {r[0]: int(_misc(r[9])["start_char"]) for r in rows}
        toks = []
        for r in rows:
            misc = _misc(r[9])
            s, e = int(misc["start_char"]), int(misc["end_char"])
            toks.append(
                Token(
                    start=s,
                    end=e,
                    text=r[1],
                    lemma=r[2],
                    upos=r[3],
                    head=starts[r[6]] if r[6] != "0" else None,
                    deprel=r[7],
                    ner=_bare(misc.get("ner", "O")),
                )
            )
        sentences.append(
            Sentence(start=toks[0].start, end=toks[-1].end, paragraph=0, tokens=tuple(toks))
        )
    text = " ".join(texts)
    return Analysis(
        text=text,
        paragraphs=((0, len(text)),),
        sentences=tuple(sentences),
        backend="stanza",
    )


def _docs() -> dict[str, Analysis]:
    out = {}
    for block in DATA.read_text(encoding="utf-8").split("# newdoc id = ")[1:]:
        name, _, body = block.partition("\n")
        out[name.strip()] = read_conllu(body)
    return out


DOCS = _docs()


def _cue(a: Analysis, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(word, start + 1)
    return start, start + len(word)


def _text(a: Analysis, span: tuple[int, int] | None) -> str | None:
    return None if span is None else a.text[span[0] : span[1]]


def test_the_data_file_holds_at_least_fifteen_parsed_sentences() -> None:
    assert sum(len(a.sentences) for a in DOCS.values()) >= 15
    for a in DOCS.values():
        assert a.has_syntax
        for s in a.sentences:
            for t in s.tokens:
                assert a.text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("doc", "cue", "subject", "clause"),
    [
        ("subject-ccomp", "said", "Ana Ruiz", "the bridge would reopen in May"),
        ("direct-inverted", "said", "Gov. Ana Ruiz", "We are ready,”"),
        (
            "long-subject",
            "said",
            "The chief engineer of the regional water authority in the northern province",
            "the reservoirs were full",
        ),
        (
            "long-subject-source",
            "said",
            "A senior adviser to the governor of the northern province",
            "the talks had stalled",
        ),
        ("quoted-as-saying", "saying", "Ana Ruiz", "the strike would end soon"),
        ("who-relative-between", "said", "Tom Baker", "the deal was fair"),
        ("passive-agent", "said", "the finance minister", "taxes would rise"),
        ("who-relative-cue", "said", "Ana Ruiz", "it would fail"),
        ("appositive-name", "said", "The mayor", "the bridge was safe"),
        ("appositive-role", "said", "Hugh Hill", "the water was clean"),
        ("parenthetical-cue", "said", "the ministry", "The bridge will reopen in May"),
        ("according-to", "According to", "the ministry", None),
        ("ner-organization", "said", "Human Rights Alder", "the prisoners had been beaten"),
        ("conjoined-cue", "said", "Ana Ruiz", "the bridge was safe"),
        ("mixed", "said", "Ana Ruiz", "the plan was “a total failure”"),
        ("direct-cue-before", "told", "Ana Ruiz", "We will rebuild the bridge.”"),
        ("participle", "saying", "Ana Ruiz", "the vote was rigged"),
        ("coref-pronoun", "said", "He", "the talks went well"),
        ("passive-hearer", "told", None, "the plan had failed"),
    ],
)
def test_subject_and_clause_of_a_cue(
    doc: str, cue: str, subject: str | None, clause: str | None
) -> None:
    a = DOCS[doc]
    s, e = _cue(a, cue)
    assert _text(a, syntax.subject_of(a, s, e)) == subject
    assert _text(a, syntax.clause_of(a, s, e)) == clause


@pytest.mark.parametrize(
    ("doc", "cue", "rule"),
    [
        ("subject-ccomp", "said", "dep-subject"),
        ("long-subject", "said", "dep-subject"),
        ("quoted-as-saying", "saying", "dep-quoted-as-saying"),
        ("passive-agent", "said", "dep-passive-agent"),
        ("who-relative-cue", "said", "dep-subject"),
        ("according-to", "According to", "dep-according-to"),
        ("conjoined-cue", "said", "dep-subject-of-governor"),
        ("participle", "saying", "dep-subject-of-governor"),
    ],
)
def test_speaker_head_names_the_path_it_took(doc: str, cue: str, rule: str) -> None:
    a = DOCS[doc]
    found = syntax.speaker_head(a, *_cue(a, cue))
    assert found is not None and found[1] == rule


def test_passive_subject_of_tell_is_the_hearer_not_the_speaker() -> None:
    a = DOCS["passive-hearer"]
    assert syntax.speaker_head(a, *_cue(a, "told")) is None
    assert syntax.speaker_mention(a, *_cue(a, "told")) is None


@pytest.mark.parametrize(
    ("doc", "cue", "text", "name", "role", "kind", "rule"),
    [
        ("subject-ccomp", "said", "Ana Ruiz", "Ana Ruiz", None, "person", "dep-subject"),
        ("direct-inverted", "said", "Gov. Ana Ruiz", "Ana Ruiz", "Gov.", "person", "dep-subject"),
        (
            "long-subject",
            "said",
            "The chief engineer of the regional water authority in the northern province",
            "chief engineer of the regional water authority in the northern province",
            "chief engineer of the regional water authority in the northern province",
            "anonymous",
            "dep-role-in-organization",
        ),
        (
            "passive-agent",
            "said",
            "the finance minister",
            "finance minister",
            "finance minister",
            "anonymous",
            "dep-passive-agent",
        ),
        ("who-relative-cue", "said", "who", "Ana Ruiz", None, "person", "dep-relative-subject"),
        ("appositive-name", "said", "Ana Ruiz", "Ana Ruiz", "mayor", "person", "dep-appositive"),
        (
            "appositive-role",
            "said",
            "Hugh Hill",
            "Hugh Hill",
            "doctor at the clinic",
            "person",
            "dep-appositive",
        ),
        (
            "ner-organization",
            "said",
            "Human Rights Alder",
            "Human Rights Alder",
            None,
            "organization",
            "ner-kind",
        ),
        ("coref-pronoun", "said", "He", "He", None, "person", "mention-pronoun"),
    ],
)
def test_speaker_mention_splits_name_role_and_kind(
    doc: str, cue: str, text: str, name: str, role: str | None, kind: str, rule: str
) -> None:
    a = DOCS[doc]
    m = syntax.speaker_mention(a, *_cue(a, cue))
    assert m is not None
    assert (m.text, m.kind.value, rule in m.rules) == (text, kind, True)
    assert a.text[m.start : m.end] == m.text
    target = m.antecedent or m
    assert (target.name, target.role) == (name, role)


def test_relative_pronoun_mention_points_at_its_antecedent() -> None:
    a = DOCS["who-relative-cue"]
    m = syntax.speaker_mention(a, *_cue(a, "said"))
    assert m is not None and m.pronoun and m.antecedent is not None
    assert a.text[m.antecedent.start : m.antecedent.end] == "Ana Ruiz"


def test_appositive_of_a_subject() -> None:
    a = DOCS["appositive-role"]
    subj = syntax.subject_of(a, *_cue(a, "said"))
    assert subj is not None
    assert _text(a, syntax.appositive_of(a, *subj)) == "a doctor at the clinic"
    assert syntax.appositive_of(a, *_cue(a, "said")) is None


def test_entity_kind_from_ner() -> None:
    a = DOCS["ner-organization"]
    assert syntax.entity_kind(a, 0, len("Human Rights Alder")) is SpeakerKind.ORGANIZATION
    b = DOCS["subject-ccomp"]
    assert syntax.entity_kind(b, 0, 8) is SpeakerKind.PERSON
    assert syntax.entity_kind(b, 14, 24) is None  # "the bridge": no entity


def test_refine_kind_turns_a_surface_person_into_an_organization() -> None:
    a = DOCS["ner-organization"]
    text = a.text
    m = describe(text, tokens(text, 0, 18))
    assert m is not None and m.kind is SpeakerKind.PERSON  # what the surface rules think
    fixed = syntax.refine_kind(a, m)
    assert (fixed.kind, fixed.name, fixed.rules[-1]) == (
        SpeakerKind.ORGANIZATION,
        "Human Rights Alder",
        "ner-kind",
    )


def test_refine_kind_finds_the_person_in_a_description() -> None:
    a = DOCS["subject-ccomp"]
    m = describe(a.text, tokens(a.text, 0, 8))
    assert m is not None
    # A mention the surface rules called an organisation becomes the NER person.
    wrong = attrs.evolve(m, kind=SpeakerKind.ORGANIZATION)
    fixed = syntax.refine_kind(a, wrong)
    assert (fixed.kind, fixed.name, fixed.rules[-1]) == (SpeakerKind.PERSON, "Ana Ruiz", "ner-kind")


def test_cue_readings_the_surface_rules_reject() -> None:
    said = [("say", "past", "clause")]
    saying = [("say", "ing", "clause")]
    a = DOCS["passive-agent"]
    assert syntax.cue_reading(a, *_cue(a, "said"), said) == (
        "say",
        "past",
        "clause",
        "dep-passive-cue",
    )
    b = DOCS["quoted-as-saying"]
    reading = syntax.cue_reading(b, *_cue(b, "saying"), saying)
    assert reading is not None and reading[3] == "dep-quoted-as-saying"
    c = DOCS["passive-hearer"]
    assert syntax.cue_reading(c, *_cue(c, "told"), [("tell", "past", "hearer")]) is None
    assert syntax.cue_reading(a, *_cue(a, "said"), [("believe", "past", "belief")]) is None


def test_mention_near_respects_bounds_and_inversion() -> None:
    a = DOCS["direct-inverted"]
    s, e = _cue(a, "said")
    # Looking right of the cue finds the inverted subject ...
    m = syntax.mention_near(a, s, e, e, len(a.text))
    assert m is not None and m.name == "Ana Ruiz"
    # ... looking from the left does not (an inverted cue is handled as one).
    assert syntax.mention_near(a, s, e, 0, len(a.text)) is None
    # A passive agent right of the cue is given to a caller looking anywhere.
    p = DOCS["passive-agent"]
    ps, pe = _cue(p, "said")
    agent = syntax.mention_near(p, ps, pe, 0, len(p.text))
    assert agent is not None and agent.name == "finance minister"
    # Bounds that exclude the mention give None.
    assert syntax.mention_near(p, ps, pe, 0, ps) is None


def test_coref_antecedent_is_the_longest_named_mention() -> None:
    a = DOCS["coref-pronoun"]
    he = a.text.index("He")
    chain = ((0, 11), (he, he + 2))
    other = ((16, 24),)
    with_chains = attrs.evolve(a, coref=(other, chain))
    assert syntax.coref_antecedent(with_chains, he, he + 2) == (0, 11)
    assert syntax.coref_antecedent(a, he, he + 2) is None  # no chains
    assert syntax.coref_antecedent(with_chains, 28, 30) is None  # "on" is in no chain


def test_without_a_parse_every_function_returns_none() -> None:
    text = "Ana Ruiz said the bridge would reopen."
    a = Analysis(
        text=text,
        paragraphs=((0, len(text)),),
        sentences=(Sentence(start=0, end=len(text), paragraph=0),),
    )
    s, e = 9, 13
    assert syntax.subject_of(a, s, e) is None
    assert syntax.clause_of(a, s, e) is None
    assert syntax.speaker_mention(a, s, e) is None
    assert syntax.mention_near(a, s, e, 0, len(text)) is None
    assert syntax.cue_reading(a, s, e, [("say", "past", "clause")]) is None
    assert syntax.entity_kind(a, 0, 8) is None
    m = describe(text, tokens(text, 0, 8))
    assert m is not None and syntax.refine_kind(a, m) is m
    assert syntax.named_entities(a) == () and syntax.coreference_chains(a) == ()


def test_several_subjects_from_a_weak_parse_make_one_name() -> None:
    # "Earlier Sunday, Gore declined": the subject nearest the verb, not the first; "Mr." and
    # "Obama" both as subjects of "said" join into one name.
    text = "Earlier Sunday, Mr. Obama said it rained."
    words = [
        ("Earlier", "PROPN", "nsubj"),
        ("Sunday", "PROPN", "nsubj"),
        (",", "PUNCT", "punct"),
        ("Mr.", "PROPN", "nsubj"),
        ("Obama", "PROPN", "nsubj"),
        ("said", "VERB", "root"),
        ("it", "PRON", "nsubj"),
        ("rained", "VERB", "ccomp"),
        (".", "PUNCT", "punct"),
    ]
    starts, pos = [], 0
    for w, _, _ in words:
        pos = text.index(w, pos)
        starts.append(pos)
        pos += len(w)
    said, rained = starts[5], starts[7]
    heads = [said] * 5 + [None, rained, said, said]
    toks = tuple(
        Token(start=s, end=s + len(w), text=w, lemma="say" if w == "said" else w.lower(),
              upos=u, head=h, deprel=r)
        for (w, u, r), s, h in zip(words, starts, heads, strict=True)
    )  # fmt: skip
    a = Analysis(
        text=text,
        paragraphs=((0, len(text)),),
        sentences=(Sentence(start=0, end=len(text), paragraph=0, tokens=toks),),
        backend="stanza",
    )
    found = syntax.speaker_head(a, said, said + 4)
    assert found is not None and found[0].text == "Obama"
    m = syntax.speaker_mention(a, said, said + 4)
    assert m is not None and (m.text, m.name) == ("Mr. Obama", "Obama")


def test_named_entities_and_chains_are_read_from_the_analysis() -> None:
    a = DOCS["subject-ccomp"]
    assert syntax.named_entities(a) == ((0, 8, "PERSON"), (41, 44, "DATE"))
    given = attrs.evolve(a, entities=((0, 3, "PERSON"), (4, 8, "PERSON")))
    assert syntax.named_entities(given) == given.entities  # the backend's boundaries win
    chains = (((0, 8), (20, 22)),)
    assert syntax.coreference_chains(attrs.evolve(a, coref=chains)) == chains
