"""Gold subsets: score against part of a gold file (``gold_filter``), such as the attributions
a verb or noun of speech cues (:func:`is_speech_cued`).

A corpus annotated in a broad scheme (beliefs, plans, polls that "show") says little about
the recall of the speech scheme as a whole: most of its misses are attributions the speech
scheme leaves out on purpose. Restricted to the attributions whose cue is a word of speech,
the same file estimates the speech scheme's recall.

How a subset is scored: predictions are matched against the **whole** gold first, so a
prediction that matches an attribution outside the subset is neither right nor a false
alarm and is set aside; then only the subset's gold units count. Recall is over the
subset's units; precision is over the predictions left (those matching a subset unit,
and those matching nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..cues import FORMS
from ..lexicon.reporting_verbs import STRONG_SPEECH
from .gold import GoldQuote

_WORD = re.compile(r"[a-z]+")

#: Nouns of speech that cue an attribution without a verb: "in a statement", "in an
#: interview", "her remarks". Documents and findings ("report", "poll", "study") are not here.
SPEECH_NOUNS = frozenset(
    """
    statement statements interview interviews remarks remark comments comment speech speeches
    testimony tweet tweets announcement briefing
    """.split()
)


#: Words of appearance, expectation and findings: a cue with one of them is not speech,
#: whatever else it holds ("is expected to say", "seemed to suggest").
NOT_SPEECH_WORDS = frozenset(
    "seem seems seemed seeming appear appears appeared appearing expected likely".split()
)


def is_speech_cued(quote: GoldQuote) -> bool:
    """Whether a gold attribution's cue is a word of speech.

    The rule: the cue text holds a word that the project's reporting-verb lexicon reads as
    a speech verb (any frame but a belief's: *said*, *told*, *added*, *accused*,
    *called*), or *according to*, or a noun of speech (:data:`SPEECH_NOUNS`: *statement*,
    *interview*, *remarks*); and no word of appearance or expectation (*seemed*,
    *is expected*). A cue of punctuation alone (":"), a belief (*believes*, *wants*,
    *shows*) or none is not.

    >>> def q(cue):
    ...     return GoldQuote(kind="indirect", content=(0, 1), fragments=((0, 1),), cue_text=cue)
    >>> [is_speech_cued(q(c)) for c in ("said", "according to", "in a statement", "shows")]
    [True, True, True, False]
    >>> [is_speech_cued(q(c)) for c in (":", None, "is expected to say", "told")]
    [False, False, False, True]
    """
    words = _WORD.findall((quote.cue_text or "").lower())
    if not words or any(w in NOT_SPEECH_WORDS for w in words):
        return False
    if "according to" in " ".join(words):
        return True
    for w in words:
        if w in SPEECH_NOUNS:
            return True
        if any(lemma in STRONG_SPEECH for lemma, _form, _frame in FORMS.get(w, ())):
            return True
    return False


#: The named gold filters of :func:`quoteattr.evaluate.score_documents`.
GOLD_FILTERS: dict[str, Callable[[GoldQuote], bool]] = {"speech_cued": is_speech_cued}
