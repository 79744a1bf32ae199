"""Parse evidence against the surface rules (quoteattr.evidence): one test per decision rule,
on sentences parsed by hand (including the mistakes a weak parser makes), and the promise
that without a parse nothing changes."""

from __future__ import annotations

import pytest

from quoteattr import evidence
from quoteattr.backends.rules import RulesBackend
from quoteattr.model import Analysis, Sentence, SpeakerKind, Token
from quoteattr.speakers import Mention, describe, mention_before, tokens

Word = tuple[str, str, int, str]  # text, upos, head (1-based, 0 = root), deprel


def _parsed(text: str, words: list[Word], lemmas: dict[str, str] | None = None) -> Analysis:
    """An analysis of one sentence from hand-made words, with offsets found in ``text``."""
    lemmas = {"said": "say", "was": "be", **(lemmas or {})}
    starts: list[int] = []
    pos = 0
    for w, *_ in words:
        pos = text.index(w, pos)
        starts.append(pos)
        pos += len(w)
    toks = tuple(
        Token(
            start=starts[i],
            end=starts[i] + len(w),
            text=w,
            lemma=lemmas.get(w, w.lower()),
            upos=upos,
            head=starts[head - 1] if head else None,
            deprel=rel,
        )
        for i, (w, upos, head, rel) in enumerate(words)
    )
    return Analysis(
        text=text,
        paragraphs=((0, len(text)),),
        sentences=(Sentence(start=0, end=len(text), paragraph=0, tokens=toks),),
        backend="stanza",
    )


def _cue(text: str, word: str = "said") -> tuple[int, int]:
    at = text.index(word)
    return at, at + len(word)


def _surface(text: str, cue: tuple[int, int]) -> Mention | None:
    return mention_before(text, 0, cue[0])


def test_a_parse_that_agrees_confirms_the_surface_speaker() -> None:
    # A weak parse makes both "Mr." and "Obama" subjects of "said".
    text = "Mr. Obama said it rained."
    a = _parsed(
        text,
        [
            ("Mr.", "PROPN", 3, "nsubj"),
            ("Obama", "PROPN", 3, "nsubj"),
            ("said", "VERB", 0, "root"),
            ("it", "PRON", 5, "nsubj"),
            ("rained", "VERB", 3, "ccomp"),
            (".", "PUNCT", 3, "punct"),
        ],
    )
    cue = _cue(text)
    m = evidence.speaker(a, *cue, 0, len(text), _surface(text, cue))
    assert m is not None and (m.text, m.name) == ("Mr. Obama", "Obama")
    assert m.rules[-1] == "parse-confirms-speaker"


def test_a_doubtful_parse_does_not_replace_a_name_next_to_the_cue() -> None:
    text = "Back then, Ms. Ruiz said, the plan worked."
    a = _parsed(
        text,
        [
            ("Back", "ADV", 6, "nsubj"),  # the weak parse's mistake
            ("then", "ADV", 1, "advmod"),
            (",", "PUNCT", 1, "punct"),
            ("Ms.", "PROPN", 5, "compound"),
            ("Ruiz", "PROPN", 6, "obl"),
            ("said", "VERB", 0, "root"),
            (",", "PUNCT", 6, "punct"),
            ("the", "DET", 9, "det"),
            ("plan", "NOUN", 10, "nsubj"),
            ("worked", "VERB", 6, "ccomp"),
            (".", "PUNCT", 6, "punct"),
        ],
    )
    cue = _cue(text)
    m = evidence.speaker(a, *cue, 0, len(text), _surface(text, cue))
    assert m is not None and m.text == "Ms. Ruiz"
    assert m.rules[-1] == "surface-speaker-kept"


def test_the_parse_extends_a_subject_the_surface_rules_cut() -> None:
    text = "The chief engineer of the water authority said it rained."
    a = _parsed(
        text,
        [
            ("The", "DET", 3, "det"),
            ("chief", "ADJ", 3, "amod"),
            ("engineer", "NOUN", 8, "nsubj"),
            ("of", "ADP", 7, "case"),
            ("the", "DET", 7, "det"),
            ("water", "NOUN", 7, "compound"),
            ("authority", "NOUN", 3, "nmod"),
            ("said", "VERB", 0, "root"),
            ("it", "PRON", 10, "nsubj"),
            ("rained", "VERB", 8, "ccomp"),
            (".", "PUNCT", 8, "punct"),
        ],
    )
    cue = _cue(text)
    surface = _surface(text, cue)
    assert surface is not None and surface.text == "the water authority"
    m = evidence.speaker(a, *cue, 0, len(text), surface)
    assert m is not None and m.text == "The chief engineer of the water authority"
    assert m.kind is SpeakerKind.ANONYMOUS and m.rules[-1] == "parse-speaker-wider"


def test_the_parse_adds_a_role_from_an_appositive() -> None:
    text = "Ana Ruiz, a nurse at the clinic, said it rained."
    a = _parsed(
        text,
        [
            ("Ana", "PROPN", 2, "compound"),
            ("Ruiz", "PROPN", 10, "nsubj"),
            (",", "PUNCT", 5, "punct"),
            ("a", "DET", 5, "det"),
            ("nurse", "NOUN", 2, "appos"),
            ("at", "ADP", 8, "case"),
            ("the", "DET", 8, "det"),
            ("clinic", "NOUN", 5, "nmod"),
            (",", "PUNCT", 5, "punct"),
            ("said", "VERB", 0, "root"),
            ("it", "PRON", 12, "nsubj"),
            ("rained", "VERB", 10, "ccomp"),
            (".", "PUNCT", 10, "punct"),
        ],
    )
    cue = _cue(text)
    # A surface reading of the name alone, with no role.
    bare = describe(text, tokens(text, 0, 8), ("subject-before-appositive",))
    assert bare is not None and bare.role is None
    m = evidence.speaker(a, *cue, 0, len(text), bare)
    assert m is not None and (m.name, m.role) == ("Ana Ruiz", "nurse at the clinic")
    assert m.rules[-1] == "parse-adds-role"


def test_a_passive_agent_wins_over_the_grammatical_subject() -> None:
    text = "It was said by the minister that taxes would rise."
    a = _parsed(
        text,
        [
            ("It", "PRON", 3, "expl"),
            ("was", "AUX", 3, "aux:pass"),
            ("said", "VERB", 0, "root"),
            ("by", "ADP", 6, "case"),
            ("the", "DET", 6, "det"),
            ("minister", "NOUN", 3, "obl:agent"),
            ("that", "SCONJ", 10, "mark"),
            ("taxes", "NOUN", 10, "nsubj"),
            ("would", "AUX", 10, "aux"),
            ("rise", "VERB", 3, "ccomp"),
            (".", "PUNCT", 3, "punct"),
        ],
    )
    cue = _cue(text)
    it = describe(text, tokens(text, 0, 2), ("subject-pronoun",))
    m = evidence.speaker(a, *cue, 0, len(text), it)
    assert m is not None and m.text == "the minister"
    assert "dep-passive-agent" in m.rules and m.rules[-1] == "parse-speaker-passive"
    clause = evidence.clause(a, *cue, 0, len(text))
    assert clause is not None and text[clause[0] : clause[1]] == "taxes would rise"


LONG = "Tom Baker, who has led the union since 2019, said it rained."
LONG_WORDS: list[Word] = [
    ("Tom", "PROPN", 2, "compound"),
    ("Baker", "PROPN", 12, "nsubj"),
    (",", "PUNCT", 6, "punct"),
    ("who", "PRON", 6, "nsubj"),
    ("has", "AUX", 6, "aux"),
    ("led", "VERB", 2, "acl:relcl"),
    ("the", "DET", 8, "det"),
    ("union", "NOUN", 6, "obj"),
    ("since", "ADP", 10, "case"),
    ("2019", "NUM", 6, "obl"),
    (",", "PUNCT", 6, "punct"),
    ("said", "VERB", 0, "root"),
    ("it", "PRON", 14, "nsubj"),
    ("rained", "VERB", 12, "ccomp"),
    (".", "PUNCT", 12, "punct"),
]


def test_the_parse_alone_finds_a_subject_across_a_long_insertion() -> None:
    a = _parsed(LONG, LONG_WORDS)
    cue = _cue(LONG)
    m = evidence.speaker(a, *cue, 0, len(LONG), None)
    assert m is not None and m.name == "Tom Baker"
    assert m.rules[-1] == "parse-speaker-only"


def test_where_the_rules_found_no_speaker_a_plain_parse_subject_is_not_used() -> None:
    # "smiled and said": the parse climbs to the governor's subject, which the rules would
    # have found themselves if it were an attribution they can read; their silence stands.
    text = "Ana Ruiz smiled and said it rained."
    a = _parsed(
        text,
        [
            ("Ana", "PROPN", 2, "compound"),
            ("Ruiz", "PROPN", 3, "nsubj"),
            ("smiled", "VERB", 0, "root"),
            ("and", "CCONJ", 5, "cc"),
            ("said", "VERB", 3, "conj"),
            ("it", "PRON", 7, "nsubj"),
            ("rained", "VERB", 5, "ccomp"),
            (".", "PUNCT", 3, "punct"),
        ],
    )
    cue = _cue(text)
    assert evidence.speaker(a, *cue, 0, len(text), None) is None
    # ... while with a surface speaker the parse confirms it.
    surface = describe(text, tokens(text, 0, 8), ("participle-subject",))
    m = evidence.speaker(a, *cue, 0, len(text), surface)
    assert m is not None and m.rules[-1] == "parse-confirms-speaker"


def test_the_governed_clause_must_lie_in_the_sentence_and_have_two_words() -> None:
    a = _parsed(LONG, LONG_WORDS)
    cue = _cue(LONG)
    clause = evidence.clause(a, *cue, 0, len(LONG))
    assert clause is not None and LONG[clause[0] : clause[1]] == "it rained"
    assert evidence.clause(a, *cue, 0, clause[1] - 1) is None


@pytest.mark.parametrize("surface", [None, "Tom Baker"])
def test_without_a_parse_the_surface_answer_is_returned_unchanged(surface: str | None) -> None:
    a = RulesBackend().analyse(LONG)
    cue = _cue(LONG)
    m = describe(LONG, tokens(LONG, 0, 9), ("subject-before-cue",)) if surface else None
    assert evidence.speaker(a, *cue, 0, len(LONG), m) is m
    assert evidence.clause(a, *cue, 0, len(LONG)) is None
