"""Speed benchmark for quoteattr: prints figures, asserts nothing.

Run from the repository root (the figures in ``docs/performance.md`` come from this)::

    python benchmarks/bench.py

It measures, on one core:

* **throughput**: words per second of ``extract_quotes`` (default ``rules`` backend) over the
  texts of the evaluation set, and of the naive floor ``../shared/tools/baseline_naive.py``
  timed in the same run, interleaved; the ratio of the two compares across noisy machines.
* **linearity**: time per word on one 1 MB article against the same text cut into 5 KB
  articles.
* **memory**: peak resident memory of a fresh process extracting from a 10 MB article.
* **import**: wall time of ``import quoteattr`` in a fresh interpreter (bytecode cached).
* **shapes**: CPU time per character and peak memory of a fresh process extracting each
  generated shape (:data:`SHAPES`: news, CRLF and CR-only news, nested and unbalanced
  marks, mark soups, many short quotations, long runs of cues, names, titles, capitalised
  words, one-word paragraphs, an interview, pronoun runs, shared surnames ...) at each size
  of ``--sizes`` (10 KB to 10 MB), as a ratio to news of the same size; the worst ratio and
  the peak memory are printed last. Shapes run with a budget of an hour, so that the cost
  of every stage shows (the default budget would cut the worst ones short); a row marked
  *degraded* hit a limit of :mod:`quoteattr._budget` (``MAX_SPANS``, ``MAX_CUES``,
  ``MAX_CUE_RUN``). Up to 1 MB each figure (news too) is the best of ``--repeat`` fresh
  processes. ``--sizes 10k,100k`` gives a quick run.
* **stanza** (when stanza and a model folder are present, by default the small pipeline in
  ``../shared/models/stanza-en-gum-small``): stanza's time to process evaluation texts
  against quoteattr's own time on the processed Documents (reading them and running every
  stage); the goal is quoteattr under 10 % of stanza's time.

The articles for linearity and memory are built at run time from the evaluation texts'
paragraphs; nothing from them is stored in the project. Words are ``len(text.split())``, as
in ``../shared/tools/score.py``. Every timing is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = SHARED / "eval" / "data" / "polnear_dev.jsonl"
DEFAULT_NAIVE = SHARED / "tools" / "baseline_naive.py"
DEFAULT_STANZA = SHARED / "models" / "stanza-en-gum-small"


def pin_to_one_core() -> str:
    """Run on a single CPU (the first one allowed), so figures are for one core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def load_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def load_naive(path: Path) -> Callable[[str], Any]:
    spec = importlib.util.spec_from_file_location("baseline_naive", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the naive baseline from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    extract: Callable[[str], Any] = module.extract_quotes
    return extract


def words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_over(extract: Callable[[str], Any], texts: Sequence[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        extract(text)
    return time.perf_counter() - start


def article(paragraphs: Sequence[str], size: int, start: int = 0) -> str:
    """Paragraphs joined by blank lines, from ``start`` on (wrapping round), to ``size`` chars."""
    out: list[str] = []
    n, i = 0, start
    while n < size:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out)


def chunks(text: str, size: int) -> list[str]:
    """``text`` cut at paragraph breaks into pieces of about ``size`` characters."""
    out: list[str] = []
    cur: list[str] = []
    n = 0
    for p in text.split("\n\n"):
        cur.append(p)
        n += len(p) + 2
        if n >= size:
            out.append("\n\n".join(cur))
            cur, n = [], 0
    if cur:
        out.append("\n\n".join(cur))
    return out


def bench_throughput(
    texts: Sequence[str], naive: Callable[[str], Any], repeat: int
) -> dict[str, float]:
    from quoteattr import extract_quotes

    for text in texts[:20]:  # warm up: build the backend, compile lazy patterns
        extract_quotes(text)
        naive(text)
    ours, floor = [], []
    for _ in range(repeat):  # interleaved, so drifting load hits both alike
        ours.append(time_over(extract_quotes, texts))
        floor.append(time_over(naive, texts))
    n = words(texts)
    return {
        "words": n,
        "quoteattr_words_per_s": n / min(ours),
        "naive_words_per_s": n / min(floor),
        "speed_ratio_to_naive": min(floor) / min(ours),
    }


def bench_linearity(paragraphs: Sequence[str], repeat: int) -> dict[str, float]:
    from quoteattr import QuoteExtractor

    # A large budget: the point is the cost of the whole text, not the budget's cut-off.
    extractor = QuoteExtractor(time_budget=3600.0, regex_timeout=60.0)
    big = article(paragraphs, 1_000_000)
    small = chunks(big, 5_000)
    extractor.extract(small[0])
    t_big = min(time_over(extractor.extract, [big]) for _ in range(repeat))
    t_small = min(time_over(extractor.extract, small) for _ in range(repeat))
    per_big = t_big / words([big])
    per_small = t_small / words(small)
    return {
        "big_chars": len(big),
        "small_articles": len(small),
        "us_per_word_1mb": per_big * 1e6,
        "us_per_word_5kb": per_small * 1e6,
        "linearity_ratio": per_big / per_small,
    }


# -- shapes: hostile and unusual texts, each built by a generator, at several sizes -------------

# Words and names written for this benchmark (none taken from any corpus).
_FIRST = "Ana Ben Cal Dora Eli Fay Gus Hana Ivo Jun Kai Lea Max Nia Oto Pia Rui Sol Tea Uma".split()
_LAST = "Ruiz Cole Park Novak Silva Berg Okafor Tanaka Meyer Costa Lund Haddad".split()
_TITLES = "Mayor Gov. Sen. Dr. Rev. Minister Judge Coach Prof. Rep. Gen. Capt.".split()
_WORDS = "the plan was late and the city would build a new bridge over the river soon".split()


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _fill(make: Callable[[int], str], size: int, sep: str = "") -> str:
    """Pieces ``make(0)``, ``make(1)``, ... joined by ``sep`` up to ``size`` characters."""
    out: list[str] = []
    n = i = 0
    while n < size:
        piece = make(i)
        out.append(piece)
        n += len(piece) + len(sep)
        i += 1
    return sep.join(out)[:size]


def _name(i: int) -> str:
    return f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]}"


def _soup(size: int) -> str:
    """Random marks, letters, stops and line breaks, built 64 K at a time (so that building
    it does not set the peak memory measured after)."""
    import random

    rng = random.Random(13)
    alphabet = "“”‘’\"'«»„ ab\n.,"
    parts = []
    for start in range(0, size, 65_536):
        parts.append("".join(rng.choices(alphabet, k=min(65_536, size - start))))
    return "".join(parts)


def _interview(i: int) -> str:
    who = "she" if i % 2 else "he"
    words = " ".join(_WORDS[(i + k) % len(_WORDS)] for k in range(6))
    return f"“{words.capitalize()},” {who} said."


#: Each shape: a short description and a generator ``(size, news paragraphs) -> text``.
SHAPES: dict[str, tuple[str, Callable[[int, Sequence[str]], str]]] = {
    "news": ("ordinary news (the evaluation paragraphs)", lambda n, p: article(p, n)[:n]),
    "news-crlf": (
        "news with CRLF line ends",
        lambda n, p: article(p, n)[:n].replace("\n", "\r\n"),
    ),
    "news-cr": ("news with CR-only line ends", lambda n, p: article(p, n)[:n].replace("\n", "\r")),
    "nested-marks": ("'\"‘a ' repeated: nested, never closed", lambda n, p: _repeat('"‘a ', n)),
    "mark-soup": ("random quote marks, letters, stops", lambda n, p: _soup(n)),
    "tiny-quotes": (
        "'“x” ' repeated: a quotation every 4 characters",
        lambda n, p: _repeat("“x” ", n),
    ),
    "openers": ("'“a ' repeated: only opening marks", lambda n, p: _repeat("“a ", n)),
    "closers": ("'a” ' repeated: only closing marks", lambda n, p: _repeat("a” ", n)),
    "short-quotes": (
        "paragraphs of 20 short attributed quotations",
        lambda n, p: _fill(
            lambda i: " ".join(f"“We will win {k},” she said." for k in range(20)), n, "\n\n"
        ),
    ),
    "cue-run": (
        "'Ana said Ben said ' repeated: one sentence of cues",
        lambda n, p: _repeat("Ana said Ben said ", n),
    ),
    "said-quote": ("'A \"B\" said C. ' repeated", lambda n, p: _repeat('A "B" said C. ', n)),
    "according-run": (
        "'according to officials, ' repeated",
        lambda n, p: _repeat("according to officials, ", n),
    ),
    "names": ("names and no punctuation", lambda n, p: _fill(_name, n, " ")),
    "titles": (
        "titles before names: 'Mayor Ana Ruiz Gov. Ben Cole ...'",
        lambda n, p: _fill(lambda i: f"{_TITLES[i % len(_TITLES)]} {_name(i)}", n, " "),
    ),
    "capitals": (
        "capitalised words, no stop",
        lambda n, p: _fill(lambda i: _WORDS[i % len(_WORDS)].capitalize(), n, " "),
    ),
    "one-word-paragraphs": (
        "one word per paragraph",
        lambda n, p: _fill(lambda i: _WORDS[i % len(_WORDS)], n, "\n\n"),
    ),
    "no-spaces": ("one word as long as the text", lambda n, p: _repeat("abc", n)),
    "interview": (
        "two-person interview: '“…,” she said.' paragraphs",
        lambda n, p: _fill(_interview, n, "\n\n"),
    ),
    "spoke-then-she": (
        "'Ana Ruiz spoke. ' + 'She said it was fine. ' repeated",
        lambda n, p: ("Ana Ruiz spoke. " + _repeat("She said it was fine. ", n))[:n],
    ),
    "shared-surname": (
        "many first names sharing one surname, each quoted",
        lambda n, p: _fill(
            lambda i: (
                f"{_FIRST[i % len(_FIRST)]}{i // len(_FIRST) or ''} Ruiz said the plan "
                f"was late. Ruiz said it would work."
            ),
            n,
            " ",
        ),
    ),
}

#: Sizes in characters, by the names ``--sizes`` takes.
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}

_SHAPE_PROBE = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.path.insert(0, sys.argv[4])
    from bench import SHAPES, load_texts
    import quoteattr
    paragraphs = [p for t in load_texts(__import__("pathlib").Path(sys.argv[1]))
                  for p in t.split("\\n\\n") if p.strip()]
    text = SHAPES[sys.argv[2]][1](int(sys.argv[3]), paragraphs)
    del paragraphs
    extractor = quoteattr.QuoteExtractor(time_budget=3600.0, regex_timeout=600.0)
    extractor.extract("Warm up, said Ana Ruiz.")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.thread_time()
    found = extractor.extract(text)
    cpu = time.thread_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"chars": len(text), "cpu": cpu, "quotes": len(found),
                      "warnings": len(found.warnings),
                      "rss_before_mb": before / 1024, "peak_rss_mb": peak / 1024}))
    """
)


def probe_shape(data: Path, shape: str, size: int, limit: float) -> dict[str, Any] | None:
    """CPU time and peak memory of a fresh process extracting one shape at one size; ``None``
    if it took longer than ``limit`` seconds (wall time)."""
    try:
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                _SHAPE_PROBE,
                str(data),
                shape,
                str(size),
                str(Path(__file__).parent),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


#: Sizes up to this many characters are probed ``repeat`` times (the best CPU time is kept):
#: a run of a fraction of a second on a shared machine varies by half from one to the next,
#: and the ratio to news would vary with it.
_REPEATED_UP_TO = 1_000_000


def probe_best(
    data: Path, shape: str, size: int, limit: float, repeat: int
) -> dict[str, Any] | None:
    """:func:`probe_shape`, ``repeat`` times up to :data:`_REPEATED_UP_TO` characters (once
    above): the run of least CPU time, with the highest peak memory of the runs."""
    runs = []
    for _ in range(repeat if size <= _REPEATED_UP_TO else 1):
        r = probe_shape(data, shape, size, limit)
        if r is None:
            return None
        runs.append(r)
    best = dict(min(runs, key=lambda r: r["cpu"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return best


def bench_shapes(
    data: Path, sizes: Sequence[str], shapes: Sequence[str], limit: float, repeat: int = 1
) -> dict[str, Any]:
    """Per-character cost of every shape at every size, as a ratio to news of that size, and
    peak memory. A shape that runs past ``limit`` seconds is not tried at larger sizes. Up
    to 1 MB every run is the best of ``repeat`` (news too)."""
    rows: list[dict[str, Any]] = []
    news: dict[str, float] = {}
    for size_name in sizes:
        size = SIZES[size_name]
        base = probe_best(data, "news", size, limit, repeat)
        assert base is not None, "news itself ran past the limit"
        news[size_name] = base["cpu"] / base["chars"]
    stopped: set[str] = set()
    for shape in shapes:
        for size_name in sizes:
            size = SIZES[size_name]
            r = None if shape in stopped else probe_best(data, shape, size, limit, repeat)
            if r is None:
                stopped.add(shape)
                rows.append({"shape": shape, "size": size_name, "ratio": None})
                continue
            per_char = r["cpu"] / r["chars"]
            rows.append(
                {
                    "shape": shape,
                    "size": size_name,
                    "us_per_char": per_char * 1e6,
                    "ratio": per_char / news[size_name],
                    "peak_rss_mb": r["peak_rss_mb"],
                    "cpu": r["cpu"],
                    "quotes": r["quotes"],
                    "warnings": r["warnings"],
                }
            )
    timed = [r for r in rows if r["ratio"] is not None]
    worst = max(timed, key=lambda r: r["ratio"]) if timed else None
    return {
        "shape_limit_s": limit,
        "shape_repeat": repeat,
        "news_us_per_char": {k: v * 1e6 for k, v in news.items()},
        "shapes": rows,
        "worst_shape": worst,
        "shapes_over_limit": sorted(stopped),
        "peak_rss_worst_mb": max((r["peak_rss_mb"] for r in timed), default=None),
    }


_MEMORY_PROBE = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.path.insert(0, sys.argv[3])
    from bench import article, load_texts
    import quoteattr
    paragraphs = [p for t in load_texts(__import__("pathlib").Path(sys.argv[1]))
                  for p in t.split("\\n\\n") if p.strip()]
    text = article(paragraphs, int(sys.argv[2]))
    del paragraphs
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extractor = quoteattr.QuoteExtractor(time_budget=3600.0, regex_timeout=60.0)
    start = time.perf_counter()
    found = extractor.extract(text)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"chars": len(text), "quotes": len(found), "seconds": seconds,
                      "warnings": len(found.warnings),
                      "rss_before_mb": before / 1024, "peak_rss_mb": peak / 1024}))
    """
)


def bench_memory(data: Path, size: int) -> dict[str, float]:
    """Peak RSS of a fresh process that extracts from one ``size``-character article."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(data), str(size), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def bench_import(repeat: int) -> dict[str, float]:
    """Best wall time of ``import quoteattr`` in a fresh interpreter, bytecode cached."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    probe = "import time; t = time.perf_counter(); import quoteattr; print(time.perf_counter() - t)"
    subprocess.run([sys.executable, "-c", "import quoteattr"], env=env, check=True)  # write .pyc
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(max(5 * repeat, 15))
    ]
    return {
        "import_ms_best": min(runs) * 1000,
        "import_ms_median": sorted(runs)[len(runs) // 2] * 1000,
    }


def bench_stanza(texts: Sequence[str], model_dir: Path, budget_words: int) -> dict[str, Any]:
    """stanza's time for the first texts (up to ``budget_words`` words) against quoteattr's
    own time on the Documents it made: the share of the stanza path that is quoteattr's.

    Skipped, with the reason, when stanza or the model folder is missing.
    """
    if importlib.util.find_spec("stanza") is None:
        return {"stanza_skipped": "stanza is not installed"}
    if not (model_dir / "resources.json").is_file():
        return {"stanza_skipped": f"no stanza models in {model_dir}"}
    from quoteattr import QuoteExtractor, extract_quotes
    from quoteattr.backends.stanza import StanzaBackend

    backend = QuoteExtractor(backend="stanza", stanza_dir=str(model_dir)).backend
    assert isinstance(backend, StanzaBackend)
    sample: list[str] = []
    for text in texts:
        if sample and words(sample) + len(text.split()) > budget_words:
            break
        sample.append(text)
    backend.pipeline(sample[0])  # warm up torch
    start = time.perf_counter()
    docs = [backend.pipeline(text) for text in sample]
    stanza_s = time.perf_counter() - start
    for doc in docs[:5]:
        extract_quotes(doc)
    ours_s = min(time_over(extract_quotes, docs) for _ in range(3))
    n = words(sample)
    return {
        "stanza_model": str(model_dir),
        "stanza_processors": ",".join(backend.processors),
        "stanza_words": n,
        "stanza_words_per_s": n / stanza_s,
        "quoteattr_on_parsed_words_per_s": n / ours_s,
        "quoteattr_share_of_stanza_time": ours_s / stanza_s,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation JSONL")
    ap.add_argument("--naive", type=Path, default=DEFAULT_NAIVE, help="naive baseline module")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing (best is kept)")
    ap.add_argument("--memory-mb", type=float, default=10.0, help="size of the memory article")
    ap.add_argument("--skip", nargs="*", default=(), help="sections to skip", choices=SECTIONS)
    ap.add_argument(
        "--sizes",
        default="10k,100k,1m,10m",
        help="sizes for the shapes, comma-separated among " + ", ".join(SIZES) + " (default all)",
    )
    ap.add_argument(
        "--shapes", nargs="*", default=list(SHAPES), choices=list(SHAPES), help="shapes to run"
    )
    ap.add_argument(
        "--shape-limit",
        type=float,
        default=600.0,
        help="seconds one shape may take at one size before larger sizes are skipped",
    )
    ap.add_argument("--stanza-dir", type=Path, default=DEFAULT_STANZA, help="stanza models")
    ap.add_argument("--stanza-words", type=int, default=20_000, help="words stanza processes")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    figures: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu": _cpu_name(),
        "affinity": pin_to_one_core(),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    texts = load_texts(args.data)
    paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
    if "throughput" not in args.skip:
        figures.update(bench_throughput(texts, load_naive(args.naive), args.repeat))
    if "linearity" not in args.skip:
        figures.update(bench_linearity(paragraphs, max(1, args.repeat - 1)))
    if "memory" not in args.skip:
        figures.update(bench_memory(args.data, int(args.memory_mb * 1_000_000)))
    if "import" not in args.skip:
        figures.update(bench_import(args.repeat))
    if "shapes" not in args.skip:
        sizes = [x.strip().lower() for x in args.sizes.split(",") if x.strip()]
        unknown = [x for x in sizes if x not in SIZES]
        if unknown:
            ap.error(f"unknown sizes {unknown}; choose among {', '.join(SIZES)}")
        figures.update(bench_shapes(args.data, sizes, args.shapes, args.shape_limit, args.repeat))
    if "stanza" not in args.skip:
        figures.update(bench_stanza(texts, args.stanza_dir, args.stanza_words))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        _report(figures)
    return 0


SECTIONS = ("throughput", "linearity", "memory", "import", "stanza", "shapes")


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _report(f: dict[str, Any]) -> None:
    print(
        f"python {f['python']} on {f['cpu']} ({f['machine']}), {f['affinity']}, "
        f"load average {f['load_average']}"
    )
    if "quoteattr_words_per_s" in f:
        print(
            f"throughput  quoteattr {f['quoteattr_words_per_s']:>12,.0f} words/s "
            f"over {f['words']:,} words"
        )
        print(
            f"            naive     {f['naive_words_per_s']:>12,.0f} words/s "
            f"(quoteattr runs at {f['speed_ratio_to_naive']:.3f} of the naive floor's speed)"
        )
    if "linearity_ratio" in f:
        print(
            f"linearity   1 MB article {f['us_per_word_1mb']:.2f} us/word, "
            f"{f['small_articles']} x 5 KB {f['us_per_word_5kb']:.2f} us/word, "
            f"ratio {f['linearity_ratio']:.2f}"
        )
    if "peak_rss_mb" in f:
        print(
            f"memory      {f['chars'] / 1e6:.1f} M chars: peak RSS {f['peak_rss_mb']:.0f} MB "
            f"(text built, before extraction: {f['rss_before_mb']:.0f} MB), "
            f"{f['seconds']:.1f} s, {f['quotes']:,} quotes, {f['warnings']} warnings"
        )
    if "import_ms_best" in f:
        print(
            f"import      import quoteattr {f['import_ms_best']:.0f} ms best, "
            f"{f['import_ms_median']:.0f} ms median"
        )
    if "shapes" in f:
        news = ", ".join(f"{k} {v:.2f}" for k, v in f["news_us_per_char"].items())
        print(
            f"shapes      news, CPU us per character: {news} (each run up to 1 MB the best "
            f"of {f['shape_repeat']} fresh processes)"
        )
        print(
            f"            {'shape':<20} {'size':>5} {'us/char':>8} {'x news':>7} {'peak MB':>8} "
            f"{'quotes':>8}  degraded"
        )
        for r in f["shapes"]:
            if r["ratio"] is None:
                print(
                    f"            {r['shape']:<20} {r['size']:>5}  over {f['shape_limit_s']:.0f} s"
                )
                continue
            print(
                f"            {r['shape']:<20} {r['size']:>5} {r['us_per_char']:>8.2f} "
                f"{r['ratio']:>7.2f} {r['peak_rss_mb']:>8.0f} {r['quotes']:>8,}  "
                f"{'yes' if r['warnings'] else ''}"
            )
        w = f["worst_shape"]
        if w is not None:
            print(
                f"            worst: {w['shape']} at {w['size']}, {w['ratio']:.2f} x news per "
                f"character; peak memory of any shape {f['peak_rss_worst_mb']:.0f} MB"
            )
        if f["shapes_over_limit"]:
            print(f"            over the limit: {', '.join(f['shapes_over_limit'])}")
    _report_stanza(f)


def _report_stanza(f: dict[str, Any]) -> None:
    if "stanza_skipped" in f:
        print(f"stanza      skipped: {f['stanza_skipped']}")
    elif "stanza_words_per_s" in f:
        print(
            f"stanza      {f['stanza_processors']} over {f['stanza_words']:,} words: stanza "
            f"{f['stanza_words_per_s']:,.0f} words/s, quoteattr on its Documents "
            f"{f['quoteattr_on_parsed_words_per_s']:,.0f} words/s, i.e. "
            f"{100 * f['quoteattr_share_of_stanza_time']:.1f} % of stanza's time (goal < 10 %)"
        )


if __name__ == "__main__":
    raise SystemExit(main())
