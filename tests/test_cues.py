"""Cue detection: reporting verbs in every inflection, "according to", and the rules that
reject nouns, passives, infinitives and words inside quotations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from quoteattr import Config
from quoteattr._budget import Budget
from quoteattr.backends.rules import RulesBackend
from quoteattr.cues import FORMS, Cue, find_cues, inflect
from quoteattr.quotes import find_spans

from .strategies import any_text, news_like, quote_soup


def cues(text: str, **options: object) -> list[Cue]:
    analysis = RulesBackend().analyse(text)
    spans = find_spans(analysis, Budget())
    return list(find_cues(analysis, spans, Budget(), Config(**options)))  # type: ignore[arg-type]


def words(text: str, **options: object) -> list[str]:
    return [c.text for c in cues(text, **options)]


# -- forms and frames ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word", "lemma", "form", "frame"),
    [
        (
            "Interior Minister Omar Haddad said the border was shut.",
            "said",
            "say",
            "past",
            "clause",
        ),
        ("The ministry says the border is shut.", "says", "say", "third", "clause"),
        ("They say the border is shut.", "say", "say", "base", "clause"),
        ("The governor left, saying the border was shut.", "saying", "say", "ing", "clause"),
        ("The minister is saying nothing new.", "saying", "say", "ing", "clause"),
        (
            "The ministry acknowledges that mistakes were made.",
            "acknowledges",
            "acknowledge",
            "third",
            "clause",
        ),
        ("The Pentagon denied that troops had moved.", "denied", "deny", "past", "clause"),
        (
            "Defense Secretary Lloyd Austin told lawmakers the army was ready.",
            "told",
            "tell",
            "past",
            "hearer",
        ),
        (
            "Washington warned Moscow that sanctions would follow.",
            "warned",
            "warn",
            "past",
            "hearer",
        ),
        ("Moscow accused Washington of stoking tensions.", "accused", "accuse", "past", "target"),
        ("Critics called the plan a disaster.", "called", "call", "past", "object"),
        ("She believes the vote was fair.", "believes", "believe", "third", "belief"),
        ("Polls show the race is tight.", "show", "show", "base", "belief"),
        ("“No,” said Jen Psaki, speaking of the sanctions.", "speaking", "speak", "ing", "about"),
        (
            "According to police, the suspect fled.",
            "According to",
            "according to",
            "phrase",
            "according",
        ),
        (
            "The suspect fled, according to police.",
            "according to",
            "according to",
            "phrase",
            "according",
        ),
    ],
)
def test_cue_readings(text: str, word: str, lemma: str, form: str, frame: str) -> None:
    found = [c for c in cues(text, scheme="broad") if c.text == word]
    assert found, words(text)
    c = found[0]
    assert (c.lemma, c.form, c.frame) == (lemma, form, frame)
    assert text[c.start : c.end] == c.text
    assert c.rules and c.rules[0].startswith("cue-")


def test_every_verb_form_is_found_in_a_sentence() -> None:
    for lemma in ("warn", "accuse", "deny", "insist", "tell"):
        forms = inflect(lemma)
        for form in ("third", "past"):
            text = f"The minister {forms[form]} that the plan would fail."
            if form == "past" and lemma == "accuse":
                text = f"The minister {forms[form]} the mayor of lying."
            assert forms[form] in words(text), text


def test_according_to_with_two_spaces_inside() -> None:
    text = "The suspect fled, according  to police."
    [c] = cues(text)
    assert c.text == "according  to" and c.lemma == "according to"


def test_is_speech() -> None:
    [said] = cues("The mayor said the bridge was safe.")
    [believes] = cues("The mayor believes the bridge is safe.", scheme="broad")
    assert said.is_speech and not believes.is_speech


def test_beliefs_are_cues_of_the_broad_scheme_only() -> None:
    text = "The mayor believes the bridge is safe. The mayor said so."
    assert words(text) == ["said"]
    assert words(text, scheme="broad") == ["believes", "said"]


def test_include_beliefs_still_works_with_a_warning() -> None:
    text = "The mayor believes the bridge is safe. The mayor said so."
    with pytest.warns(DeprecationWarning, match="scheme='broad'"):
        assert words(text, include_beliefs=True) == ["believes", "said"]
    with pytest.warns(DeprecationWarning, match="scheme='speech'"):
        assert words(text, include_beliefs=False) == ["said"]


def test_sentence_index() -> None:
    found = cues("The sky is grey. The mayor said rain was coming. Ruiz agreed.")
    assert [(c.text, c.sentence) for c in found] == [("said", 1), ("agreed", 2)]


# -- rejections ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A report by the agency is due next week.",  # cue-not-after-determiner
        "His claim to the throne was disputed.",
        "Those claims were rejected by the court.",
        "He was told to leave the building.",  # cue-not-passive
        "It is said to be the oldest tree in the country.",
        "She wants to know what happened, and she plans to say so.",  # cue-not-infinitive
        "The United States and Canada signed a pact.",  # cue-lower-case
        "Trump’s tweet angered the senators.",  # cue-not-after-possessive
        "The drills announced by Belarus went ahead.",  # cue-not-passive-by
        "The next few days promise to be crucial.",  # base-form-needs-subject
        "A Russian attack is possible at any time.",
        "It was a worrying week for the markets.",  # ing-form-in-clause
    ],
)
def test_no_reporting_cue(text: str) -> None:
    assert not [c for c in cues(text) if c.frame != "belief"], words(text)


def test_capitalised_cue_only_at_sentence_start() -> None:
    assert words("Says Ruiz: “We are ready for the vote.”") == ["Says"]
    assert words("The man from Says Street left.") == []


def test_cues_inside_quotations_are_skipped() -> None:
    text = "“I said we would never sign, and I warned them,” the minister said."
    found = cues(text)
    assert [c.text for c in found] == ["said"]
    assert found[0].start > text.index("”")


def test_passive_by_is_read_just_after_the_cue() -> None:
    """Rule cue-not-passive-by looks a few words past the cue, not to the end of the text:
    every cue of a long run of short attributions is found (the look-ahead once scanned the
    rest of the text at every cue)."""
    text = 'A "B" said C. ' * 300
    assert words(text) == ["said"] * 300
    assert words("The talks were held, the minister said by telephone.") == ["said"]
    assert words("The drills announced   by Belarus went ahead.") == []


def test_adverbs_between_subject_and_cue() -> None:
    assert words("The senator also reportedly said no to the deal.") == ["said"]


def test_the_said_agreement_is_no_cue() -> None:
    assert words("The parties signed the said agreement in Geneva.") == []


def test_forms_table_maps_words_to_readings() -> None:
    assert ("say", "past", "clause") in FORMS["said"]
    assert all(len(r) == 3 for readings in FORMS.values() for r in readings)


# -- invariants ---------------------------------------------------------------------------------
def _check(text: str) -> None:
    analysis = RulesBackend().analyse(text)
    spans = find_spans(analysis, Budget())
    found = find_cues(analysis, spans, Budget())
    last = -1
    for c in found:
        assert text[c.start : c.end] == c.text
        assert c.start >= last
        last = c.end
        sent = analysis.sentences[c.sentence]
        assert sent.start <= c.start < c.end <= sent.end
        assert not any(q.start <= c.start < q.end for q in spans if q.words >= 1)
        assert c.frame in ("clause", "hearer", "target", "object", "about", "belief", "according")


@settings(max_examples=200, deadline=None)
@given(news_like)
def test_invariants_on_news_like_text(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(quote_soup)
def test_invariants_on_quote_soup(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_invariants_on_any_text(text: str) -> None:
    _check(text)


def test_a_sentence_of_megabytes_is_scanned_in_pieces_with_the_same_cues() -> None:
    """The cue scan reads a very long sentence piece by piece (so its copies of the text
    stay small); the cues are those of one scan, also where "according to" or a cue word
    meets a cut."""
    import random

    from quoteattr.cues import _cue_matches, _pieces

    rng = random.Random(7)
    words = ["said", "according", "to", "Ana", "the", "plan", "told", "according to", "  "]
    for _ in range(3):
        text = " ".join(rng.choice(words) for _ in range(40_000))
        whole = [(m.start(), m.end()) for m in _cue_matches(text, 0, len(text), Budget())]
        pieces = list(_pieces(text, 0, len(text)))
        assert len(pieces) > 1
        by_piece = [
            (m.start(), m.end()) for a, b in pieces for m in _cue_matches(text, a, b, Budget())
        ]
        assert by_piece == whole


def test_a_run_of_cues_reads_at_most_the_limit_per_stretch() -> None:
    """Rule cue-run-limit: "Ana said Ben said ..." with no stop is one sentence of thousands
    of cues; each stretch of CUE_STRETCH characters reads the first MAX_CUE_RUN of them, and
    the result warns once, with a count."""
    from quoteattr import extract_quotes
    from quoteattr._budget import CUE_STRETCH, MAX_CUE_RUN

    text = "Ana said Ben said " * 1000  # 18,000 characters, 2,000 cue words, no stop
    budget = Budget()
    found = find_cues(RulesBackend().analyse(text), (), budget)
    stretches = -(-len(text) // CUE_STRETCH)
    assert len(found) == MAX_CUE_RUN * stretches
    for k in range(stretches):
        in_stretch = [c.start for c in found if c.start // CUE_STRETCH == k]
        said = [m for m in range(k * CUE_STRETCH, len(text)) if text.startswith("said", m)]
        assert in_stretch == said[:MAX_CUE_RUN]
    [warning] = budget.warnings
    assert f"more than {MAX_CUE_RUN} cues in a row in one sentence" in warning
    assert f"and {stretches - 1} more like it" in warning
    # The whole pipeline: the same warning, and the quotes hang from the cues read.
    result = extract_quotes(text)
    assert result.warnings == (warning,)
    read = {c.start for c in found}
    assert result and all(q.cue is not None and q.cue.start in read for q in result)


@pytest.mark.parametrize(
    "text",
    [
        "Ana said it was late. Ben said it was early. " * 500,  # a thousand sentences
        'A "B" said C. ' * 300,  # one sentence ("C." an initial), a quotation between cues
    ],
)
def test_cues_apart_by_sentences_or_quotations_are_all_read(text: str) -> None:
    """The limit is on runs of cues: a new sentence or a quotation starts a new run."""
    budget = Budget()
    analysis = RulesBackend().analyse(text)
    found = find_cues(analysis, find_spans(analysis, Budget()), budget)
    assert len(found) == text.count("said") and not budget.warnings


# -- the speech scheme: cues that report nothing said ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The White House declined to comment.",  # refusal-not-quote
        "A spokesman did not immediately respond to requests for comment.",  # negated-cue
        "The senator wouldn’t say whether she would run.",
        "The minister has never said how the money was spent.",
    ],
)
def test_refusals_and_negated_cues_are_no_cues_of_the_speech_scheme(text: str) -> None:
    assert words(text) == []
    assert words(text, scheme="broad")  # the broad scheme (PARC/PolNeAR) keeps them


def test_the_surest_verbs_of_saying_take_any_subject() -> None:
    # Rule base-form-needs-subject is waived for say, tell, add, ...
    assert words("Police say the driver fled.") == ["say"]
    assert words("Mr. King and Mr. Schultz say the deal is off.") == ["say"]
    assert words("Aides to the governor say the budget will pass.") == ["say"]
    assert words("The next few days promise to be crucial.") == []
    assert words("The insurance claim was denied.") == []  # a noun-like form needs a subject


def test_participles_after_a_conjunction_or_an_aspect_verb() -> None:
    assert "saying" in words("She kept touting her record and saying her rival was weak.")
    assert "saying" in words("He keeps saying the vote was rigged.")
    assert words("It was a worrying week.") == []


def test_passive_asked_with_a_question_is_a_cue() -> None:
    [c] = cues("Ruiz was asked whether she would run again.")
    assert c.text == "asked" and c.rules == ("passive-asked-question",)
    assert words("He was asked to leave the building.") == []  # cue-not-passive


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruiz continued: “The work is not finished.”", ["continued"]),
        ("Ruiz went on, “We will not stop now.”", ["went on"]),
        ("“We will not stop now,” she continued.", ["continued"]),
        ("“We will not stop now,” continued Ana Ruiz.", ["continued"]),
        ("The talks continued for hours, and the strike went on.", []),
        ("Prices continued to rise as the “deal” went on hold.", []),
    ],
)
def test_continuation_cues_only_next_to_a_quotation(text: str, expected: list[str]) -> None:
    # Rule continuation-cue.
    found = [c for c in cues(text) if c.lemma == "continue"]
    assert [c.text for c in found] == expected
    assert all(c.frame == "direct" and c.rules == ("continuation-cue",) for c in found)


def test_went_on_to_say_is_a_cue_of_say() -> None:
    # Rule cue-went-on-to: the cue spans the phrase, so its subject stands before "went".
    [c] = cues("Baker went on to say the bridge would reopen in May.")
    assert (c.text, c.lemma, c.frame, c.rules) == (
        "went on to say",
        "say",
        "clause",
        ("cue-went-on-to",),
    )
    assert not cues("The war went on to become the longest in memory.")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ruiz issued a statement saying the vote was fair.", True),
        ("Ruiz sent a text message to supporters saying: “We won.”", True),
        ("The town released a statement Wednesday saying it was safe.", True),
        ("Ruiz’s tweet saying the vote was rigged angered them.", False),
        ("In a statement announcing the plan, the council praised it.", False),
        ("The sign saying “Closed” hung on the door.", False),
    ],
)
def test_a_participle_after_a_document_the_subject_issued(text: str, found: bool) -> None:
    # Rule document-participle.
    rules = [c.rules for c in cues(text) if c.form == "ing"]
    assert (rules == [("document-participle",)]) is found, rules
