"""The one configuration object of quoteattr.

>>> Config().backend
'rules'
>>> Config(min_confidence=0.5).min_confidence
0.5
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["STANZA_PROCESSORS", "Config"]

#: The stanza processors quoteattr can use, in pipeline order. ``tokenize``, ``pos``,
#: ``lemma`` and ``depparse`` are always run; ``mwt`` is added where the language needs it;
#: ``ner`` and ``coref`` are optional evidence.
STANZA_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner", "coref")


def _processor_names(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """``"ner, coref"`` or ``["NER"]`` -> ``('ner', 'coref')`` / ``('ner',)``; ``None`` stays.

    >>> _processor_names("ner, coref"), _processor_names(None), _processor_names(())
    (('ner', 'coref'), None, ())
    """
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    names: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"stanza_processors takes processor names, not {item!r}")
        name = item.strip().lower()
        if not name:
            continue
        if name not in STANZA_PROCESSORS:
            known = ", ".join(STANZA_PROCESSORS)
            raise ValueError(f"unknown stanza processor {item!r}; quoteattr can use: {known}")
        if name not in names:
            names.append(name)
    return tuple(names)


def _package_name(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"stanza_package must be a package name, got {value!r}")
    return value.strip()


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
            ``"stanza"`` (stanza's English pipeline: dependency parses, and NER and
            coreference where installed; needs ``pip install "quoteattr[stanza]"`` and
            stanza's models, see ``docs/backends.md``).
        download: With the stanza backend, let stanza download the models that are missing
            from ``stanza_dir`` when ``True``. Default ``False``: quoteattr never downloads
            anything unless asked, and a missing model is an error that names it.
        stanza_dir: The stanza resources directory (the folder holding ``resources.json``);
            ``None`` (default) means stanza's own default (``$STANZA_RESOURCES_DIR``, else
            ``~/stanza_resources``).
        stanza_processors: Which stanza processors to run, as names (``("ner",)``, or the
            string ``"ner,coref"``). ``tokenize``, ``pos``, ``lemma`` and ``depparse`` are
            always run (quoteattr needs a dependency parse) and may be left out; ``mwt`` is
            added by stanza where the language needs it; ``ner`` and ``coref`` run only when
            named, and naming one that is not installed is an error. ``None`` (default) runs
            the four needed ones plus ``ner`` and ``coref`` when their models are installed;
            ``()`` runs only the four.
        stanza_package: The stanza package to load every processor from: a package of the
            resources index (``"default"``, ``"default_accurate"``) or the name of a model
            trained for each processor (``"gum"``, ``"combined_charlm"``). Default
            ``"default"``; a processor the package lacks counts as not installed.
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
        regex_timeout: Seconds any single regular-expression call over the text may take
            before it is abandoned. Default ``1.0``.
        time_budget: Seconds of matching one document may use in all; past it the rest of the
            document is skipped, with a warning on the result. Default ``10.0``.
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
    stanza_processors: tuple[str, ...] | None = attrs.field(
        default=None, converter=_processor_names
    )
    stanza_package: str = attrs.field(default="default", converter=_package_name)
    include_beliefs: bool = True
    include_unattributed: bool = True
    min_quote_words: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    min_confidence: float = attrs.field(default=0.0, validator=_unit_interval)
    max_quote_paragraphs: int = attrs.field(default=8, validator=attrs.validators.ge(1))
    regex_timeout: float = attrs.field(default=1.0, validator=_positive)
    time_budget: float = attrs.field(default=10.0, validator=_positive)
    gender_from_first_names: bool = False
