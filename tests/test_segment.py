"""Tests of :mod:`quoteattr.segment`, the paragraph and sentence rules every backend shares
(the rules themselves are tested through the rules backend in ``test_backends_rules.py``)."""

from __future__ import annotations

from quoteattr._budget import Budget
from quoteattr.backends import rules
from quoteattr.backends.rules import RulesBackend
from quoteattr.segment import paragraph_spans, segment, sentence_spans
from quoteattr.tokens import Sentence


def test_the_rules_backend_is_the_segmentation() -> None:
    text = "Sen. Ana Ruiz spoke in the U.S. on Monday. “It is late,” she said.\n\nNo vote came."
    paragraphs, sentences, warnings = segment(text)
    a = RulesBackend().analyse(text)
    assert (a.paragraphs, a.sentences, a.warnings) == (paragraphs, sentences, warnings)
    assert [text[s.start : s.end] for s in sentences] == [
        "Sen. Ana Ruiz spoke in the U.S. on Monday.",
        "“It is late,” she said.",
        "No vote came.",
    ]
    assert all(isinstance(s, Sentence) and not s.tokens for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_the_backend_module_still_exports_the_rules() -> None:
    assert rules.paragraph_spans is paragraph_spans
    assert rules.sentence_spans is sentence_spans


def test_a_spent_budget_keeps_each_paragraph_whole_and_says_so() -> None:
    text = "One. Two.\n\nThree. Four."
    paragraphs, sentences, warnings = segment(text, Budget(total=0.0))
    assert paragraphs == ((0, 9), (11, 23))
    assert [(s.start, s.end, s.paragraph) for s in sentences] == [(0, 9, 0), (11, 23, 1)]
    assert len(warnings) == 1 and "ran out in sentence segmentation" in warnings[0]
