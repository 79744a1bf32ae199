"""The stanza backend: tokens, POS, lemmas, dependency parses, NER (and coreference) from
stanza's English pipeline.

stanza (and torch) are imported only inside :meth:`StanzaBackend.from_config`, never when
quoteattr itself is imported. Stanza's word indices never leave this module: every
:class:`~quoteattr.model.Token` carries character offsets into the original text, its ``head``
is the start offset of the head word, and coreference chains become ``(start, end)`` spans.

A stanza ``Document`` the user has already processed is converted with
:func:`analysis_from_document` (also reachable as ``Analysis.from_stanza(doc)``).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from .._budget import Budget
from .._from_stanza import convert
from ..config import Config
from ..errors import BackendUnavailableError
from ..model import Analysis

__all__ = [
    "OPTIONAL",
    "REQUIRED",
    "PipelinePlan",
    "StanzaBackend",
    "analysis_from_document",
    "models_present",
    "plan_pipeline",
    "resources_dir",
]

#: The processors quoteattr needs: a dependency parse and what it is built on.
REQUIRED = ("tokenize", "pos", "lemma", "depparse")
#: The processors used as extra evidence when installed (or named in the config).
OPTIONAL = ("ner", "coref")
#: stanza's pipeline order.
_ORDER = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner", "coref")
_LANG = "en"

_INSTALL_HINT = 'the stanza backend needs stanza: pip install "quoteattr[stanza]"'
_SEARCHED = "searched: Config.stanza_dir, else $STANZA_RESOURCES_DIR, else ~/stanza_resources"


def resources_dir(config: Config) -> str:
    """Where stanza's models are looked for: ``config.stanza_dir`` or stanza's default."""
    if config.stanza_dir:
        return config.stanza_dir
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return env
    return os.path.join(os.path.expanduser("~"), "stanza_resources")


def models_present(model_dir: str, lang: str = _LANG) -> bool:
    """Whether ``model_dir`` holds stanza's resource index and every processor quoteattr needs.

    >>> models_present("/nonexistent-quoteattr-dir")
    False
    """
    try:
        plan = plan_pipeline(model_dir, processors=(), lang=lang)
    except BackendUnavailableError:
        return False
    return not plan.missing


@attrs.frozen(slots=True, kw_only=True)
class PipelinePlan:
    """What a resources directory offers for a pipeline, decided before stanza loads anything.

    Attributes:
        model_dir: The resources directory.
        package: The package asked for.
        models: Processor -> model name for every processor to load that is installed, in
            pipeline order (``mwt`` included when the package has one).
        missing: Processor -> the file that is not there (or ``""`` when the resource index
            has no model for it), for processors that must run but cannot.
        skipped: Optional processors not loaded, with the reason.
        named: The optional processors the user named (their absence is an error).
    """

    model_dir: str
    package: str
    models: Mapping[str, str]
    missing: Mapping[str, str]
    skipped: Mapping[str, str]
    named: tuple[str, ...]

    def error(self, lang: str = _LANG) -> str:
        """The message for :attr:`missing`: which processors, where, and how to get only
        those."""
        names = list(self.missing)
        listed = ", ".join(names)
        where = []
        for name, path in self.missing.items():
            if path:
                where.append(f"{name}: {path} is missing")
            else:
                where.append(
                    f"{name}: the index {self.model_dir}/resources.json has no model "
                    f"for package {self.package!r}"
                )
        asked = [n for n in names if n in self.named]
        why = (
            "quoteattr needs tokenize, pos, lemma and depparse (and mwt where the tokenizer "
            "splits words)"
            if len(asked) < len(names)
            else "you named it in Config.stanza_processors"
        )
        package = "" if self.package == "default" else f", package={self.package!r}"
        leave_out = (
            f", or leave {'it' if len(asked) == 1 else 'them'} out of Config.stanza_processors"
            if asked
            else ""
        )
        return (
            f"stanza processor{'s' if len(names) > 1 else ''} {listed} not installed in "
            f"{self.model_dir!r} ({'; '.join(where)}); {why}. Get "
            f"{'it' if len(names) == 1 else 'them'} with stanza.download({lang!r}, "
            f"model_dir={self.model_dir!r}, processors={','.join(names)!r}{package}), or pass "
            f"download=True to let quoteattr fetch what is missing{leave_out}; nothing is "
            "downloaded otherwise"
        )


def _read_index(model_dir: str, lang: str) -> dict[str, Any]:
    """The ``lang`` part of ``model_dir/resources.json``."""
    path = os.path.join(model_dir, "resources.json")
    if not os.path.isfile(path):
        wanted = ",".join(("tokenize", "mwt", "pos", "lemma", "depparse"))
        raise BackendUnavailableError(
            f"no stanza models in {model_dir!r} (no resources.json; {_SEARCHED}). quoteattr "
            f"needs tokenize, pos, lemma and depparse; get them once with "
            f"stanza.download({lang!r}, model_dir={model_dir!r}, processors={wanted!r}), or "
            "pass download=True to let quoteattr fetch them, or point Config.stanza_dir at "
            "your models; nothing is downloaded otherwise"
        )
    try:
        with open(path, encoding="utf-8") as f:
            index = json.load(f)
    except (OSError, ValueError) as exc:
        raise BackendUnavailableError(
            f"stanza's resource index {path!r} cannot be read: {exc}"
        ) from exc
    lang_index = index.get(lang) if isinstance(index, dict) else None
    if isinstance(lang_index, dict) and isinstance(lang_index.get("alias"), str):
        lang_index = index.get(lang_index["alias"])
    if not isinstance(lang_index, dict):
        raise BackendUnavailableError(
            f"stanza's resource index {path!r} has no models for language {lang!r}; get them "
            f"with stanza.download({lang!r}, model_dir={model_dir!r}), or pass download=True"
        )
    return lang_index


def _model_for(index: Mapping[str, Any], processor: str, package: str) -> str | None:
    """The model name the index gives ``processor`` in ``package``, or ``None``."""
    bundle = index.get("packages", {}).get(package)
    if isinstance(bundle, dict):
        if isinstance(bundle.get(processor), str):
            return str(bundle[processor])
        optional = bundle.get("optional")
        if isinstance(optional, dict) and isinstance(optional.get(processor), str):
            return str(optional[processor])
        return None
    models = index.get(processor)
    if isinstance(models, dict) and package in models:
        return package
    return None


def _first_missing(
    model_dir: str, lang: str, index: Mapping[str, Any], processor: str, model: str
) -> str | None:
    """The first file of ``processor``'s ``model`` (or of a model it depends on, such as its
    word vectors) that is not in ``model_dir``, or ``None`` when all are there."""
    files = [(processor, model)]
    entry = index.get(processor, {}).get(model, {})
    for dep in entry.get("dependencies", ()) if isinstance(entry, dict) else ():
        if isinstance(dep, dict) and isinstance(dep.get("model"), str):
            files.append((dep["model"], str(dep.get("package", ""))))
    for kind, name in files:
        path = os.path.join(model_dir, lang, kind, f"{name}.pt")
        if not os.path.isfile(path):
            return path
    return None


def plan_pipeline(
    model_dir: str,
    processors: Sequence[str] | None = None,
    package: str = "default",
    lang: str = _LANG,
) -> PipelinePlan:
    """Decide, from ``model_dir``'s files alone, which stanza processors to load.

    Args:
        model_dir: A stanza resources directory.
        processors: ``Config.stanza_processors``: ``None`` takes ``ner`` and ``coref`` when
            installed; otherwise the optional processors named are required.
        package: ``Config.stanza_package``.
        lang: The language code.

    Raises:
        BackendUnavailableError: when the directory has no readable resource index.

    >>> plan_pipeline("/nonexistent-quoteattr-dir")
    Traceback (most recent call last):
    ...
    quoteattr.errors.BackendUnavailableError: no stanza models in '/nonexistent-quoteattr-dir' ...
    """
    index = _read_index(model_dir, lang)
    named = tuple(p for p in OPTIONAL if processors is not None and p in processors)
    wanted = list(REQUIRED) + (list(OPTIONAL) if processors is None else list(named))
    models: dict[str, str] = {}
    missing: dict[str, str] = {}
    skipped: dict[str, str] = {}
    for name in _ORDER:
        if name == "mwt":
            model = _model_for(index, name, package)
            if model is None:
                continue  # stanza adds mwt itself where the language needs one
        elif name not in wanted:
            if name in OPTIONAL:
                skipped[name] = "not named in Config.stanza_processors"
            continue
        else:
            model = _model_for(index, name, package)
        gap = "" if model is None else _first_missing(model_dir, lang, index, name, model)
        if model is not None and gap is None:
            models[name] = model
        elif name in OPTIONAL and name not in named:
            skipped[name] = "not installed" if gap else f"not in package {package!r}"
        else:
            missing[name] = gap or ""
    return PipelinePlan(
        model_dir=model_dir,
        package=package,
        models=models,
        missing=missing,
        skipped=skipped,
        named=named,
    )


class StanzaBackend:
    """Runs a stanza pipeline (built once, reused for every text) and converts its output.

    Args:
        pipeline: Any callable mapping a ``str`` to a processed ``stanza.Document``; normally
            a ``stanza.Pipeline`` built by :meth:`from_config`.
        processors: The processors the pipeline runs (for the record: ``backend.processors``).
        notes: Why optional processors were left out, by processor name.
    """

    name = "stanza"

    def __init__(
        self,
        pipeline: Callable[[str], Any],
        *,
        processors: Sequence[str] = (),
        notes: Mapping[str, str] | None = None,
    ) -> None:
        #: The callable that processes a text (normally a ``stanza.Pipeline``).
        self.pipeline = pipeline
        #: The processors the pipeline runs, in pipeline order.
        self.processors: tuple[str, ...] = tuple(processors)
        #: Why each optional processor was left out ("not installed", "not named in
        #: Config.stanza_processors", "failed to load: ...").
        self.notes: dict[str, str] = dict(notes or {})
        # A stanza pipeline keeps per-call state on its processors: one text at a time.
        self._lock = threading.Lock()

    @property
    def coref(self) -> bool:
        """Whether the pipeline includes coreference."""
        return "coref" in self.processors

    @property
    def ner(self) -> bool:
        """Whether the pipeline includes named-entity recognition."""
        return "ner" in self.processors

    @classmethod
    def from_config(cls, config: Config) -> StanzaBackend:
        """Build stanza's English pipeline for ``config`` from what its directory holds.

        ``tokenize``, ``pos``, ``lemma`` and ``depparse`` must be installed; ``ner`` and
        ``coref`` join when installed (or must be, when named in
        ``config.stanza_processors``). Nothing is downloaded unless ``config.download`` is
        ``True``, and then only what is missing.

        Raises:
            BackendUnavailableError: when stanza is not installed, or a processor that must
                run is not installed (the message names it and the call that gets it), or
                stanza fails to load a needed model.
        """
        try:
            import stanza
        except ImportError as exc:
            raise BackendUnavailableError(_INSTALL_HINT) from exc
        model_dir = resources_dir(config)
        try:
            plan = plan_pipeline(model_dir, config.stanza_processors, config.stanza_package)
        except BackendUnavailableError:
            if not config.download:
                raise
            plan = None
        if plan is None or plan.missing:
            if not config.download:
                assert plan is not None
                raise BackendUnavailableError(plan.error())
            return cls._downloading(stanza, config, model_dir, plan)
        notes = dict(plan.skipped)
        models = dict(plan.models)
        while True:
            try:
                pipeline = stanza.Pipeline(
                    lang=_LANG,
                    dir=model_dir,
                    processors=dict(models),
                    package=None,
                    download_method=None,
                    logging_level="WARN",
                )
            except Exception as exc:
                # An optional processor that fails to load (coref needs a transformer that
                # may be absent) is left out, unless the user named it.
                optional = [p for p in ("coref", "ner") if p in models and p not in plan.named]
                if not optional:
                    raise BackendUnavailableError(
                        f"stanza could not load its pipeline from {model_dir!r} (processors "
                        f"{', '.join(models)}): {type(exc).__name__}: {exc}"
                    ) from exc
                notes[optional[0]] = f"failed to load: {type(exc).__name__}: {exc}"
                del models[optional[0]]
                continue
            return cls(pipeline, processors=_loaded(pipeline, models), notes=notes)

    @classmethod
    def _downloading(
        cls, stanza: Any, config: Config, model_dir: str, plan: PipelinePlan | None
    ) -> StanzaBackend:
        """``download=True`` and something is missing: stanza fetches it (and only it:
        installed models are kept)."""
        if config.stanza_processors is None:
            extra = ["ner", *(["coref"] if plan is not None and "coref" in plan.models else [])]
        else:
            extra = [p for p in OPTIONAL if p in config.stanza_processors]
        wanted = [p for p in _ORDER if p in REQUIRED or p in extra]
        try:
            pipeline = stanza.Pipeline(
                lang=_LANG,
                dir=model_dir,
                processors=",".join(wanted),
                package=config.stanza_package,
                download_method="reuse_resources",
                logging_level="WARN",
            )
        except Exception as exc:
            raise BackendUnavailableError(
                f"stanza could not download or load {', '.join(wanted)} into {model_dir!r}: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        return cls(pipeline, processors=_loaded(pipeline, dict.fromkeys(wanted, "")))

    def analyse(self, text: str, budget: Budget | None = None) -> Analysis:
        """Run the pipeline over ``text`` and convert the result.

        ``budget`` bounds regular-expression matching, which stanza's models do not do: the
        time the pipeline takes is given back to it, so a long article is never cut short
        for the parser's sake.
        """
        started = time.monotonic()
        with self._lock:
            doc = self.pipeline(text)
        if budget is not None:
            budget.deadline += time.monotonic() - started
        return analysis_from_document(doc, text, budget)


def _loaded(pipeline: Any, asked: Mapping[str, str]) -> tuple[str, ...]:
    """The processors a built pipeline runs (stanza may add ``mwt``), in pipeline order."""
    names = set(asked)
    loaded = getattr(pipeline, "processors", None)
    if isinstance(loaded, Mapping):
        names |= {str(k) for k in loaded}
    return tuple(p for p in _ORDER if p in names)


def analysis_from_document(
    doc: Any, text: str | None = None, budget: Budget | None = None
) -> Analysis:
    """Convert a processed ``stanza.Document`` into an :class:`~quoteattr.model.Analysis`.

    Args:
        doc: The document, with character offsets on its tokens (a stanza ``Pipeline``
            always sets them; CoNLL-U needs ``start_char``/``end_char`` in MISC).
        text: The original text, if ``doc.text`` is missing; by default ``doc.text``, or
            failing that a text rebuilt from the token offsets.
        budget: The regular-expression budget for segmenting the text (a fresh one by
            default).

    Paragraphs and sentences are the rules backend's (:mod:`quoteattr.backends.rules`),
    each holding the parsed words that start in it; every word keeps its character offsets
    (a contraction split by ``mwt``, "won't" -> "wo" + "n't", gets the offsets of its
    parts). Heads become the start offset of the head word, NER tags lose their BIOES
    prefix, and coreference chains become spans.

    Raises:
        QuoteAttrError: when the document carries no character offsets.
    """
    return convert(doc, text, budget, make=Analysis)
