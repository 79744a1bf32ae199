"""The one configuration object of quoteattr.

>>> Config().backend
'rules'
>>> Config(min_confidence=0.5).min_confidence
0.5
>>> Config().scheme, Config(scheme="broad").scheme
('speech', 'broad')
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import attrs

__all__ = ["SCHEMES", "STANZA_PROCESSORS", "Config"]

#: The attribution schemes :attr:`Config.scheme` accepts; see ``docs/schemes.md``.
SCHEMES = ("speech", "broad")

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


def _scheme(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in SCHEMES:
        raise ValueError(f"scheme must be one of {', '.join(map(repr, SCHEMES))}, got {value!r}")


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
        scheme: What counts as a quote. ``"speech"`` (default): what a reader calls a
            quotation -- direct, indirect and mixed speech or writing (*said*, *told*,
            *added*, *wrote*, *tweeted*, *according to*, a colon introducing speech)
            attributed to a source; refusals (*declined to comment*), verbs whose object is
            a thing (*praised his players*), labels (*WATCH:*) are not quotes.
            ``"broad"``: the attribution scheme of the PARC and PolNeAR corpora, which also
            counts beliefs, intentions and plans (*X believes*, *X wants to*), findings of
            polls and reports (*polls show*, *the study found*, *in the latest poll, ...*),
            the writer's hedges (*X appears to*, *reportedly*; no speaker) and speech acts
            with a noun-phrase object (*criticized the decision*). ``docs/schemes.md`` sets
            the two side by side.
        include_beliefs: Deprecated since 0.2.0 (use ``scheme``); ``None`` (default) means
            unset. ``True`` is read as ``scheme="broad"``, ``False`` as
            ``scheme="speech"``; either warns with a :class:`DeprecationWarning`, sets
            ``scheme`` and leaves this field ``None``. In 0.1.0 the default was ``True``:
            code that relied on it now gets the speech scheme, and must ask for
            ``scheme="broad"`` to keep its old output.
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
    stanza_processors: tuple[str, ...] | None = attrs.field(
        default=None, converter=_processor_names
    )
    stanza_package: str = attrs.field(default="default", converter=_package_name)
    scheme: str = attrs.field(default="speech", validator=_scheme)
    include_beliefs: bool | None = attrs.field(default=None, repr=False)
    include_unattributed: bool = True
    min_quote_words: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    min_confidence: float = attrs.field(default=0.0, validator=_unit_interval)
    max_quote_paragraphs: int = attrs.field(default=8, validator=attrs.validators.ge(1))
    regex_timeout: float = attrs.field(default=1.0, validator=_positive)
    time_budget: float = attrs.field(default=10.0, validator=_positive)
    gender_from_first_names: bool = False

    def __attrs_post_init__(self) -> None:
        # The deprecated include_beliefs becomes the scheme it meant, once, so that
        # attrs.evolve of the result neither warns again nor undoes a later scheme.
        if self.include_beliefs is None:
            return
        implied = "broad" if self.include_beliefs else "speech"
        if self.scheme != "speech" and self.scheme != implied:
            raise ValueError(
                f"include_beliefs={self.include_beliefs} contradicts scheme={self.scheme!r}; "
                "use scheme alone (include_beliefs is deprecated)"
            )
        warnings.warn(
            f"Config(include_beliefs={self.include_beliefs}) is deprecated since quoteattr "
            f"0.2.0; use Config(scheme={implied!r}) instead (the default is now "
            f"scheme='speech', which leaves beliefs out)",
            DeprecationWarning,
            stacklevel=3,
        )
        object.__setattr__(self, "scheme", implied)
        object.__setattr__(self, "include_beliefs", None)

    @property
    def broad(self) -> bool:
        """Whether the broad (PARC/PolNeAR) scheme is on.

        >>> Config().broad, Config(scheme="broad").broad
        (False, True)
        """
        return self.scheme == "broad"
