"""Robustness: no input breaks or stalls the extractor.

* Any text at all (arbitrary Unicode with lone surrogates, quote-mark soups, control
  characters, NUL, astral-plane text, right-to-left marks, no whitespace, only newlines, very
  long tokens, 10,000 unbalanced marks) gives no exception, only valid spans, and the same
  output every time, in every process and on every thread.
* Every regular expression in the package, run over the worst inputs we can build (long runs
  of marks, capitals, commas, dots, spaces, apostrophes, cue words ...), costs less per byte
  than three times what the whole extractor normally costs per byte; so no input can make a
  pattern the bottleneck of a run, let alone hang it.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import QuoteExtractor, extract_quotes
from quoteattr.cues import _cue_matches, _cue_re

from .fuzz.fuzz_extract import check, decode
from .strategies import news_like, quote_soup

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")
PACKAGE = Path(quoteattr.__file__).resolve().parent


def _valid(text: str, found: Any) -> None:
    """Every span of every quote is a true slice of ``text``; quotes come in text order."""
    for q in found:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        for span in (*q.fragments, q.cue, q.speaker):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert 0.0 <= q.confidence <= 1.0
    assert [q.start for q in found] == sorted(q.start for q in found)


def _same_twice(text: str) -> None:
    first = extract_quotes(text)
    _valid(text, first)
    again = extract_quotes(text)
    assert again.to_dicts() == first.to_dicts()
    assert again.warnings == first.warnings


# -- hostile text, generated ----------------------------------------------------------------

# Characters that break naive code: NUL and other controls, line and paragraph separators,
# bidi controls, a BOM, combining marks, letters that change length when lower-cased (İ) or
# fold to ASCII (ſ, K), astral letters and emoji, lone surrogates.
HOSTILE = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1c\x1d\x1e\x1f\x7f\x85\u2028\u2029"
    "\u200e\u200f\u202a\u202b\u202d\u202e\u2066\u2067\u2069\ufeff\u0301\u0345"
    "İıſK\U0001d400\U0001f600\U00010000\udc80\ud800"
)
hostile_text = st.text(alphabet=st.sampled_from(HOSTILE + "“”‘’\"'«» \n.,:saidA"), max_size=300)
any_unicode = st.text(alphabet=st.characters(blacklist_categories=()), max_size=300)
astral_text = st.text(alphabet=st.characters(min_codepoint=0x10000), max_size=200)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_unicode, hostile_text, astral_text, quote_soup, news_like))
def test_any_text_gives_valid_deterministic_spans(text: str) -> None:
    _same_twice(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_property_holds_on_generated_bytes(data: bytes) -> None:
    """The atheris target's property (tests/fuzz/fuzz_extract.py), on hypothesis' bytes."""
    assert check(data) >= 0


def test_fuzz_decoder_reaches_every_reading() -> None:
    assert decode(b"") == ""
    assert decode(b"\x00\xff") == "\udcff"  # surrogateescape
    assert decode(b"\x01\x00\xd8") == "\ud800"  # a lone surrogate, via UTF-16
    assert decode(b"\x02\x00\x85") == "\x00\x85"
    assert set(decode(b"\x03" + bytes(range(256)))) > set("“”«»\x00\n")


# -- hostile text, written out ---------------------------------------------------------------

SPEECH = "“We are ready,” said Ana Ruiz. "
HOSTILE_CASES = {
    "10000 unbalanced openers": "“" * 10_000,
    "10000 unbalanced mixed marks": ("“«„‘" * 2_500) + SPEECH,
    "10000 closers then speech": "”" * 10_000 + SPEECH,
    "alternating marks": "“”’‘»«" * 2_000,
    "marks in every word": " ".join(f"“w{i}’" for i in range(3_000)),
    "no whitespace": "".join(SEED.split()),
    "only newlines": "\n" * 10_000,
    "newlines and marks": "“\n" * 5_000,
    "control characters": "".join(chr(c) for c in range(32)) * 200 + SPEECH,
    "NUL everywhere": "\x00".join(SPEECH * 40),
    "astral plane": "“𝐖𝐞 𝐚𝐫𝐞 𝐫𝐞𝐚𝐝𝐲,” 𝐬𝐚𝐢𝐝 𝐀𝐧𝐚. 😀 " * 300,
    "right-to-left marks": ("\u200f“\u202eWe are ready,\u202c” said \u2067Ana Ruiz\u2069. ") * 300,
    "very long token": "a" * 200_000,
    "very long capitalised token": "“" + "A" * 100_000 + ",” said Ana Ruiz.",
    "very long sentence of cues": "said " * 4_000,
    "lone surrogates": "“\ud800 said \udfff,” said Ana Ruiz." * 100,
    "length-changing lower case": "“İİİ,” SAİD ſaid Ana. " * 500,
}


@pytest.mark.parametrize("text", HOSTILE_CASES.values(), ids=HOSTILE_CASES.keys())
def test_hostile_text(text: str) -> None:
    _same_twice(text)


def test_speech_after_a_soup_of_marks_is_still_found() -> None:
    found = extract_quotes("”" * 10_000 + "\n\n" + SPEECH)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in found] == [
        ("We are ready,", "Ana Ruiz")
    ]


# -- the same output in every process and on every thread -------------------------------------

# A time budget that is hit depends on the machine's load, so these compare runs that stay
# far inside a generous one; the budget itself is tested in test_budget.py.
_DUMP = (
    "import json, sys; from quoteattr import QuoteExtractor; "
    "ex = QuoteExtractor(time_budget=600.0, regex_timeout=60.0); "
    "texts = json.loads(sys.stdin.read()); "
    "print(json.dumps([[ex.extract(t).to_dicts(), list(ex.extract(t).warnings)] "
    "for t in texts], sort_keys=True))"
)


def _texts_for_comparison() -> list[str]:
    return [SEED, *(t[:20_000] for t in HOSTILE_CASES.values())]


def test_same_output_across_processes() -> None:
    """Two interpreters with different hash seeds (set iteration order differs) agree."""
    payload = json.dumps(_texts_for_comparison())
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _DUMP],
            input=payload,
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=ROOT,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])[0][0], "the seed article has quotes"


def test_eight_threads_give_the_sequential_results() -> None:
    texts = _texts_for_comparison() + SEED.split("\n\n")
    extractor = QuoteExtractor(time_budget=600.0, regex_timeout=60.0)
    sequential = [(r.to_dicts(), r.warnings) for r in map(extractor.extract, texts * 2)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = [(r.to_dicts(), r.warnings) for r in pool.map(extractor.extract, texts * 2)]
    assert threaded == sequential
    paragraphs = SEED.split("\n\n") * 4  # the shared default extractor too
    alone = [extract_quotes(p).to_dicts() for p in paragraphs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert [r.to_dicts() for r in pool.map(extract_quotes, paragraphs)] == alone


# -- every regex, at its worst -----------------------------------------------------------------

_REGEX_CALLS = frozenset(
    "compile match search fullmatch finditer findall sub subn split splititer".split()
)


def _literal_patterns() -> Iterator[tuple[str, str, int]]:
    """``(where, pattern, flags)`` of every ``regex.<call>("literal", ...)`` in the package."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "regex"
                and node.func.attr in _REGEX_CALLS
                and node.args
            ):
                continue
            try:
                pattern = ast.literal_eval(node.args[0])
            except ValueError:
                continue  # built at run time; compiled patterns are found by _module_patterns
            flags = 0
            if node.func.attr == "compile" and len(node.args) > 1:
                try:
                    flags = _flag_value(node.args[1])
                except ValueError:
                    continue
            if isinstance(pattern, str) and not any(k.arg for k in node.keywords if k.arg):
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}", pattern, flags


def _flag_value(node: ast.expr) -> int:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        value: int = getattr(regex, node.attr)
        return value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flag_value(node.left) | _flag_value(node.right)
    raise ValueError("flags not literal")


def _module_patterns() -> Iterator[tuple[str, Any]]:
    """Every compiled pattern held by a module of the package, plus the lazy cue pattern."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(quoteattr.__path__, "quoteattr."):
        if info.name.endswith(("__main__", ".cli")):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional dependency (stanza, pandas) is missing
            continue
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                yield f"{info.name}.{name}", value
    yield "quoteattr.cues._cue_re()", _cue_re()


def _all_patterns() -> dict[str, Any]:
    found: dict[tuple[str, int], tuple[str, Any]] = {}
    for where, compiled in _module_patterns():
        found.setdefault((compiled.pattern, compiled.flags), (where, compiled))
    for where, pattern, flags in _literal_patterns():
        compiled = regex.compile(pattern, flags)
        found.setdefault((compiled.pattern, compiled.flags), (where, compiled))
    return dict(found.values())


def _worst_inputs(size: int) -> dict[str, str]:
    """Long runs of what the patterns look for, alone and in the combinations that make a
    backtracking engine retry: near-matches that fail at the very end."""
    units = {
        "quote marks": "“”‘’«»„\"'",
        "opening marks": "“",
        "capitals": "A",
        "capital words": "Ab ",
        "initials": "A. ",
        "capitals and dots": "U.S.",
        "commas": ",",
        "comma spaces": ", ",
        "dots": ".",
        "dot spaces": ". ",
        "spaces": " ",
        "spaces then letter": " " * 97 + "a\n",
        "newlines": "\n",
        "apostrophes": "’",
        "hyphens": "-",
        "dashes": " — ",
        "colons": ": ",
        "letters": "a",
        "digits": "1",
        "said": "said ",
        "that": "that ",
        "according to": "according to ",
        "told reporters": "told reporters on Monday in a statement ",
        "long lower word": "a" * 79 + " ",
        "name runs": "Ana de la Ruiz ",
        "mixed": "“A, said that: ",
    }
    return {name: (unit * (size // len(unit) + 1))[:size] for name, unit in units.items()}


def _best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


#: Patterns that the package only ever searches in a short window ending at a position
#: (the window's length): ``_WORD_BEFORE.search(text, stop - 20, stop + 1)``. They are timed
#: per byte of the windows they search, windows ending all along the text.
_WINDOWED = {
    "quoteattr.segment._WORD_BEFORE": 21,
    "quoteattr.cues._PREV_WORD": 40,
    "quoteattr.attribution.clauses._CONJUNCTION_BEFORE": 24,
    "quoteattr.attribution.clauses._JOIN_BEFORE": 12,
    "quoteattr.cast._REPORTED_SUBJECT": 48,
}


def _uses(where: str) -> set[str]:
    """The methods the package calls on a pattern (``match``, ``search``, ``finditer``...)."""
    if ".py:" in where:  # an inline regex.<method>("literal", ...)
        path, line = where.rsplit(":", 1)
        source = (PACKAGE / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        return set(regex.findall(r"regex\.(\w+)\(", source)) - {"compile"} or {"finditer"}
    if where.endswith("()"):
        return {"match"}
    name = where.rsplit(".", 1)[1]
    calls = regex.compile(r"\b" + regex.escape(name) + r"\.(\w+)\(")
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        found.update(calls.findall(path.read_text(encoding="utf-8")))
    return found or {"finditer"}


def _cost(where: str, pattern: Any, text: str, limit: float) -> Callable[[], object]:
    """The worst the package's own calls can do with ``pattern`` on ``text``; a call that
    runs past ``limit`` seconds raises TimeoutError."""
    uses = _uses(where)
    if where in _WINDOWED:
        # As many windows as bytes would be searched by scanning, so the per-byte figure is
        # per byte of window searched.
        w = _WINDOWED[where]
        ends = range(w, len(text) + 1, w)
        return lambda: [pattern.search(text, i - w, i) for i in ends]
    if uses <= {"match", "fullmatch"}:
        # One anchored attempt over the rest of the text, from the start and from the middle:
        # the package calls these at a few positions (a cue, a mark), never at every one.
        mid = len(text) // 2
        return lambda: (
            pattern.match(text, 0, timeout=limit),
            pattern.match(text, mid, timeout=limit),
        )
    # Scanning the whole text: at least as much as any search on a part of it.
    return lambda: sum(1 for _ in pattern.finditer(text, timeout=limit))


def test_every_regex_is_linear_and_cheap_on_its_worst_input() -> None:
    """Per byte, no pattern on any worst input costs 3x what the whole extractor normally
    costs per byte of news text (measured here, in the same run)."""
    size = 8_000
    normal = (SEED * (size // len(SEED) + 1))[:size]
    extract_quotes(normal)
    per_byte_normal = _best_time(lambda: extract_quotes(normal), 3) / size
    limit = 10 * 3 * per_byte_normal * size  # a pathological pattern stops here, and fails
    patterns = _all_patterns()
    assert len(patterns) >= 20, "the discovery found too few patterns"
    worst: list[tuple[float, str, str]] = []
    for where, pattern in patterns.items():
        for name, text in _worst_inputs(size).items():
            cost = _cost(where, pattern, text, limit)
            try:
                per_byte = _best_time(cost, 1) / size
                if per_byte > per_byte_normal:  # measure again before believing it
                    per_byte = _best_time(cost, 3) / size
            except TimeoutError:
                per_byte = float("inf")
            worst.append((per_byte / per_byte_normal, where, name))
    worst.sort(reverse=True)
    bad = [w for w in worst if w[0] > 3.0]
    assert not bad, f"patterns slower than 3x normal per byte: {bad[:5]}"


def test_cue_scan_on_its_worst_inputs() -> None:
    """The cue scan (the only per-word search over every sentence) stays cheap per byte and
    finds exactly what the full cue pattern finds."""
    size = 8_000
    normal = (SEED * (size // len(SEED) + 1))[:size]
    budget = quoteattr._budget.Budget(total=60.0)
    per_byte_normal = _best_time(lambda: extract_quotes(normal), 3) / size
    for name, text in _worst_inputs(size).items():
        cost = _best_time(lambda t=text: list(_cue_matches(t, 0, len(t), budget)), 3) / size
        assert cost < 3 * per_byte_normal, name
        spans = [(m.start(), m.end()) for m in _cue_matches(text, 0, len(text), budget)]
        assert spans == [m.span() for m in _cue_re().finditer(text)], name


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("saidSAIDacortnT ’'-\u0345ſİK\t\n.,é")), max_size=80),
    st.integers(0, 10),
    st.integers(0, 90),
)
def test_cue_scan_equals_the_cue_pattern(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    budget = quoteattr._budget.Budget()
    got = [(m.start(), m.end(), m.group()) for m in _cue_matches(text, lo, hi, budget)]
    want = [(m.start(), m.end(), m.group()) for m in _cue_re().finditer(text, lo, hi)]
    assert got == want


@pytest.mark.parametrize("unit", ["“", "said ", "A. ", ", ", "“A,” said B. "])
def test_whole_extractor_is_linear_on_hostile_text(unit: str) -> None:
    """Four times the text costs at most about four times the time (no quadratic stage)."""
    extractor = QuoteExtractor(time_budget=600.0)
    small, big = unit * (4_000 // len(unit)), unit * (16_000 // len(unit))
    extractor.extract(small)
    t_small = _best_time(lambda: extractor.extract(small), 3)
    t_big = _best_time(lambda: extractor.extract(big), 2)
    assert t_big / len(big) < 2.0 * t_small / len(small) + 1e-6


@settings(max_examples=200, deadline=None)
@given(
    news_like,
    st.lists(st.tuples(st.sampled_from([0, 4, 9]), st.integers(0, 300)), min_size=1, max_size=12),
)
def test_prefix_token_cache_equals_tokenizing_afresh(
    text: str, calls: list[tuple[int, int]]
) -> None:
    """The mention finder's two cached token prefixes (one from the sentence start, one from
    a cue) give what tokenizing afresh gives, in any order of calls."""
    from quoteattr.speakers import _tokens_upto, tokens

    for lo, at in calls:
        lo, at = min(lo, len(text)), min(max(lo, at), len(text))
        assert _tokens_upto(text, lo, at) == tokens(text, lo, at)
