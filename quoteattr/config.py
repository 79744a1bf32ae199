"""The one configuration object of quoteattr.

>>> Config().backend
'rules'
>>> Config(min_confidence=0.5).min_confidence
0.5
"""

from __future__ import annotations

import attrs

__all__ = ["Config"]


def _unit_interval(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be in [0, 1], got {value!r}")


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0:
        raise ValueError(f"{attribute.name} must be positive, got {value!r}")


@attrs.frozen(slots=True, kw_only=True)
class Config:
    """Options for :class:`~quoteattr.QuoteExtractor`; every one has a sensible default.

    Attributes:
        backend: Which analyser to run: ``"rules"`` (default; regex rules, no model, fast) or
            ``"stanza"`` (stanza's English pipeline: dependency parses, NER and coreference;
            needs ``pip install "quoteattr[stanza]"`` and downloaded models).
        download: With the stanza backend, download missing models when ``True``. Default
            ``False``: quoteattr never downloads anything unless asked.
        stanza_dir: Where stanza models live; ``None`` (default) means stanza's own default
            (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``).
        include_beliefs: Also report attributions of belief, intention and finding (*X
            believes*, *polls show*, *the report found*) as indirect quotes, and the
            writer's hedged claims (*X appears to*, *reportedly*) as quotes with no speaker.
            Default ``True``, as news attribution corpora count them; set ``False`` for
            speech only.
        include_unattributed: Keep direct quotes for which no speaker was found (their
            ``speaker`` is ``None``). Default ``True``.
        min_quote_words: A quoted span with fewer words than this, and no cue of its own, is
            taken for a title, a term or scare quotes rather than a quote, unless it sits
            inside reported speech (which then becomes ``MIXED``). Default ``4``.
        min_confidence: Drop quotes whose confidence is below this. Default ``0.0`` (keep
            all); ``0.5`` trades some recall for precision, see ``docs/accuracy.md``.
        max_quote_paragraphs: How many paragraphs one quotation may run across when each
            opens with a quote mark and only the last closes. Default ``8``.
        regex_timeout: Seconds one regular-expression call may take before it is abandoned
            (a call that reads a whole long text: this many per million characters); the
            paragraph it was working on is then degraded to unattributed quote-mark spans.
            Default ``1.0``.
        time_budget: Seconds of CPU time (of the calling thread, so other threads do not
            count) one document may use. When they run out, what was attributed is kept
            and the rest of the document, from the paragraph a stage had reached, is
            degraded to unattributed quote-mark spans; the later stages get half the budget
            again to finish the part before it, so a document takes at most about 1.5
            times this. The result's ``warnings`` say which part. Default ``10.0`` (news
            costs about a second per megabyte).
        gender_from_first_names: Where the text says nothing of a person's gender (no
            pronoun, honorific, gendered role or kinship noun), let the given name decide,
            through a first-name lexicon (``pip install "quoteattr[names]"``; see
            :mod:`quoteattr.names_gender`). The evidence is then of kind ``"first-name"``
            and ``Entity.gender_note`` says ``"first name"``. Default ``False``: a name is a
            statistic about other people, not evidence from the article, and a default that
            depends on an optional download would give two installs two answers (see
            ``docs/corpus.md``).
    """

    backend: str = "rules"
    download: bool = False
    stanza_dir: str | None = None
    include_beliefs: bool = True
    include_unattributed: bool = True
    min_quote_words: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    min_confidence: float = attrs.field(default=0.0, validator=_unit_interval)
    max_quote_paragraphs: int = attrs.field(default=8, validator=attrs.validators.ge(1))
    regex_timeout: float = attrs.field(default=1.0, validator=_positive)
    time_budget: float = attrs.field(default=10.0, validator=_positive)
    gender_from_first_names: bool = False
