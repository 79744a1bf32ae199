"""Measure an extractor against gold annotations, and sort its errors by cause.

For users who annotate their own corpus. As a command::

    python -m quoteattr.evaluate GOLD.jsonl [--limit N] [--errors FILE] [--backend NAME]
                                 [--scheme speech|broad] [--min-confidence X] [--speech-cued]
                                 [--config KEY=VALUE ...] [--json]

It prints lenient and strict precision, recall and F1, speaker accuracy, cue accuracy,
end-to-end F1, recall and speaker accuracy by quote kind, and speed in words per second.
``--errors FILE`` also writes every miss, false alarm and wrong speaker with its context,
grouped by an automatically inferred cause: Markdown, or JSON Lines when ``FILE`` ends in
``.jsonl``. ``--speech-cued`` (``gold_filter="speech_cued"`` of :func:`score_documents`)
scores only the attributions whose cue is a verb or noun of speech (:func:`is_speech_cued`):
on a corpus annotated in the broad scheme, an estimate of the speech scheme's recall. See
``docs/accuracy.md``.

**Gold format.** One JSON object per line::

    {"id": str, "text": str,
     "quotes": [{"type": "direct" | "indirect" | "mixed",
                 "content": [start, end],
                 "content_fragments": [[start, end], ...] | null,  # discontinuous content
                 "speaker": [start, end] | null, "speaker_text": str | null,
                 "cue": [start, end] | null, "cue_text": str | null,
                 "speaker_is_pronoun": bool,
                 "speaker_entity_text": str | null,               # canonical name, optional
                 "speaker_kind": str | null,                      # person, organization, ...
                 "speaker_roles": [str, ...] | null}]}            # roles given, optional

Offsets are half-open ``str`` offsets into ``text``; only ``content`` is required, and each
``*_text`` field, when given, must equal its slice of ``text``.

**Scoring rules** (those of the project's reference scorer, so figures agree):

- Units are content fragments: a quote with fragments counts once per fragment, each with
  the quote's speaker and cue. Quote marks, punctuation and spaces are trimmed at both edges
  of every unit, so content with or without its quote marks scores the same.
- A lenient match needs an overlap of at least 0.3 of both units; a strict match also needs a
  Jaccard index of at least 0.8. Units pair one to one, greedily, best ratio of overlap to
  the longer unit first.
- On a lenient match the speaker is right when: the gold names a canonical entity and one of
  its name words (not a title, longer than one letter) is in the predicted speaker's name;
  else the predicted mention overlaps the gold mention, or the predicted name shares a word
  with it (not a pronoun or title: a pronoun gold is matched by position only); a gold
  quote with no speaker is right only when nothing was predicted. The cue is right when the
  predicted cue overlaps the gold one.
- End-to-end F1 counts a unit as found only when it matches and its speaker is right.
- Where the gold names a canonical entity, the **full name** is right when every name word
  of it (not a title, longer than one letter) is in the predicted name ("Psaki" for "Jen
  Psaki" is a right speaker but not a full name).
- Where the gold gives roles (a person or an anonymous source) and the speaker is right, the
  **role** is right when both are empty, or when the predicted role shares at least half its
  content words (token F1 at least 0.5; "Sen." counts as "senator") with one of them.

>>> text = '“We are ready,” said Ana Ruiz. She said the vote was fair.'
>>> gold = GoldDocument.from_dict({"id": "d1", "text": text, "quotes": [
...     {"type": "direct", "content": [0, 15], "speaker": [21, 29], "cue": [16, 20]},
...     {"type": "indirect", "content": [40, 57], "speaker": [31, 34], "cue": [35, 39],
...      "speaker_is_pronoun": True}]})
>>> scores = score_documents([gold])
>>> (scores.gold, scores.lenient, scores.speaker_correct, scores.cue_accuracy)
(2, 2, 2, 1.0)
"""

from __future__ import annotations

from .causes import CAUSE_COREF as CAUSE_COREF
from .causes import CAUSE_CUE_FOUND as CAUSE_CUE_FOUND
from .causes import CAUSE_DESCRIPTION as CAUSE_DESCRIPTION
from .causes import CAUSE_DESCRIPTION_WRONG as CAUSE_DESCRIPTION_WRONG
from .causes import CAUSE_ELSEWHERE as CAUSE_ELSEWHERE
from .causes import CAUSE_EXTRA_ROLE as CAUSE_EXTRA_ROLE
from .causes import CAUSE_EXTRA_SPEAKER as CAUSE_EXTRA_SPEAKER
from .causes import CAUSE_FA_BELIEF as CAUSE_FA_BELIEF
from .causes import CAUSE_FA_CUE as CAUSE_FA_CUE
from .causes import CAUSE_FA_LABEL as CAUSE_FA_LABEL
from .causes import CAUSE_FA_NON_SOURCE as CAUSE_FA_NON_SOURCE
from .causes import CAUSE_FA_NP_OBJECT as CAUSE_FA_NP_OBJECT
from .causes import CAUSE_FA_POSITION as CAUSE_FA_POSITION
from .causes import CAUSE_FA_QUOTED as CAUSE_FA_QUOTED
from .causes import CAUSE_FA_REFUSAL as CAUSE_FA_REFUSAL
from .causes import CAUSE_FA_SPLIT as CAUSE_FA_SPLIT
from .causes import CAUSE_FA_TITLE as CAUSE_FA_TITLE
from .causes import CAUSE_FA_TOO_LONG as CAUSE_FA_TOO_LONG
from .causes import CAUSE_FA_TOO_SHORT as CAUSE_FA_TOO_SHORT
from .causes import CAUSE_FA_WRONG_CONTENT as CAUSE_FA_WRONG_CONTENT
from .causes import CAUSE_MERGED as CAUSE_MERGED
from .causes import CAUSE_NO_CUE as CAUSE_NO_CUE
from .causes import CAUSE_NO_GOLD_CUE as CAUSE_NO_GOLD_CUE
from .causes import CAUSE_NO_ROLE as CAUSE_NO_ROLE
from .causes import CAUSE_NO_SPEAKER as CAUSE_NO_SPEAKER
from .causes import CAUSE_NOT_IN_LEXICON as CAUSE_NOT_IN_LEXICON
from .causes import CAUSE_NOT_SPEECH as CAUSE_NOT_SPEECH
from .causes import CAUSE_OTHER_CUE as CAUSE_OTHER_CUE
from .causes import CAUSE_OTHER_FORM as CAUSE_OTHER_FORM
from .causes import CAUSE_OTHER_ROLE as CAUSE_OTHER_ROLE
from .causes import CAUSE_PRONOUN as CAUSE_PRONOUN
from .causes import CAUSE_PRONOUN_UNRESOLVED as CAUSE_PRONOUN_UNRESOLVED
from .causes import CAUSE_PUNCT_CUE as CAUSE_PUNCT_CUE
from .causes import CAUSE_SURNAME_ONLY as CAUSE_SURNAME_ONLY
from .causes import CAUSE_TOO_LONG as CAUSE_TOO_LONG
from .causes import CAUSE_TOO_SHORT as CAUSE_TOO_SHORT
from .causes import CAUSE_UNPAIRED as CAUSE_UNPAIRED
from .causes import CONTEXT_CHARS as CONTEXT_CHARS
from .causes import FALSE_ALARM as FALSE_ALARM
from .causes import MISS as MISS
from .causes import NOT_SPEECH_CUE_WORDS as NOT_SPEECH_CUE_WORDS
from .causes import NOT_SPEECH_SOURCE_WORDS as NOT_SPEECH_SOURCE_WORDS
from .causes import PARTIAL_NAME as PARTIAL_NAME
from .causes import WRONG_ROLE as WRONG_ROLE
from .causes import WRONG_SPEAKER as WRONG_SPEAKER
from .causes import ErrorCase, cause_counts, find_errors, missed_cues
from .cli import _options as _options
from .cli import _parser as _parser
from .cli import main
from .gold import GoldDocument, GoldQuote, load_gold
from .gold import Pair as Pair
from .matching import EDGE_CHARS as EDGE_CHARS
from .matching import LENIENT_OVERLAP as LENIENT_OVERLAP
from .matching import NAME_PRONOUNS as NAME_PRONOUNS
from .matching import NAME_TITLES as NAME_TITLES
from .matching import ROLE_ABBREVIATIONS as ROLE_ABBREVIATIONS
from .matching import ROLE_STOP_WORDS as ROLE_STOP_WORDS
from .matching import STRICT_JACCARD as STRICT_JACCARD
from .matching import Match, PredictedSpeaker, Prediction, Unit, match_units, speaker_correct, trim
from .matching import full_name_correct as full_name_correct
from .matching import role_correct as role_correct
from .reports import CUE_FUNCTION_WORDS as CUE_FUNCTION_WORDS
from .reports import format_errors, format_report, write_errors
from .scores import DocumentResult, KindScores, Scores, compare_document, score_documents
from .scores import Extract as Extract
from .scores import log as log
from .subsets import GOLD_FILTERS as GOLD_FILTERS
from .subsets import SPEECH_NOUNS as SPEECH_NOUNS
from .subsets import is_speech_cued

__all__ = [
    "DocumentResult",
    "ErrorCase",
    "GoldDocument",
    "GoldQuote",
    "KindScores",
    "Match",
    "PredictedSpeaker",
    "Prediction",
    "Scores",
    "Unit",
    "cause_counts",
    "compare_document",
    "find_errors",
    "format_errors",
    "format_report",
    "is_speech_cued",
    "load_gold",
    "main",
    "match_units",
    "missed_cues",
    "score_documents",
    "speaker_correct",
    "trim",
    "write_errors",
]
