"""Consistency of the documentation with the code: every named rule is documented in
docs/how-it-works.md, and every page is in the table of contents.

The site is built here with ``sphinx -W`` (html, and doctest for the examples of its pages)
when the ``docs`` extra is installed, and by ``.ci/run`` in any case.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PIPELINE = [
    *(ROOT / "quoteattr").glob("*.py"),
    *(ROOT / "quoteattr" / "backends").glob("*.py"),
    *(ROOT / "quoteattr" / "attribution").glob("*.py"),
]
# Modules whose kebab-case strings are not rule names.
NOT_PIPELINE = {
    *("render.py", "results.py", "cli.py", "__main__.py", "_parallel.py", "evaluate.py"),
    # The corpus view and the first-name fallback run after the pipeline, on its results.
    *("corpus.py", "_corpus_cli.py", "names_gender.py"),
}
RULE_COMMENT = re.compile(r"\bRule ([a-z0-9]+(?:-[a-z0-9]+)+)")
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
NOT_RULES = {"utf-8"}


def _rule_names() -> set[str]:
    names: set[str] = set()
    for path in PIPELINE:
        if path.name in NOT_PIPELINE:
            continue
        source = path.read_text(encoding="utf-8")
        names.update(RULE_COMMENT.findall(source))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if KEBAB.fullmatch(node.value):
                    names.add(node.value)
    return names - NOT_RULES


def test_rules_are_found() -> None:
    names = _rule_names()
    assert {"paired-marks", "direct-cue-after", "alias-surname", "pronoun-antecedent"} <= names
    assert len(names) > 60


def _generated() -> list[Any]:
    """The entries of the rule tables that docs/how-it-works.md generates from the code
    (the ``quoteattr-rules`` directive of docs/_ext/quoteattr_rules.py)."""
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        from quoteattr_rules import entries
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    doc = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    sieves = re.findall(r"^```\{quoteattr-rules\} (\S+)$", doc, re.M)
    assert sieves, "docs/how-it-works.md generates no rule table"
    return [e for path in sieves for e in entries(path)]


def test_every_rule_is_documented() -> None:
    doc = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", doc))
    documented |= {name for e in _generated() for name in e.names}
    missing = sorted(_rule_names() - documented)
    assert not missing, f"rules with no entry in docs/how-it-works.md: {missing}"


def test_every_documented_rule_exists() -> None:
    doc = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9]+(?:-[a-z0-9]+)+)`(?: / `([a-z0-9-]+)`)?", doc, re.M)
    documented = {name for row in rows for name in row if name}
    source = "\n".join(p.read_text(encoding="utf-8") for p in PIPELINE)
    stale = sorted(n for n in documented if n not in source)
    assert not stale, f"docs/how-it-works.md documents rules the code no longer has: {stale}"


def test_every_rule_a_quote_can_name_has_an_entry_with_an_example() -> None:
    """Each rule that can decide a quote's confidence (quoteattr.confidence.RULE_PRECISION)
    has an entry with an example: a row of a hand-written table with its Example filled in,
    or a generated entry whose doctest gives one."""
    from quoteattr.confidence import RULE_PRECISION

    doc = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (`[a-z0-9-]+`(?: / `[a-z0-9-]+`)*) \|.*\| *(\S[^|]*?) *\|$", doc, re.M)
    with_example = {n for names, _ in rows for n in re.findall(r"`([a-z0-9-]+)`", names)}
    generated = _generated()
    with_example |= {name for e in generated if e.examples for name in e.names}
    missing = sorted(set(RULE_PRECISION) - with_example)
    assert not missing, f"rules with no documented example in docs/how-it-works.md: {missing}"
    for e in generated:  # a generated rule shows its example, unless it needs a parse
        assert e.examples or not e.names or "parsed text only" in e.summary, e.function


def test_every_page_is_in_the_toctree() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^([a-z][a-z-]*)$", index, re.M))
    pages = {p.stem for p in DOCS.glob("*.md")} - {"index"}
    assert pages <= listed, sorted(pages - listed)
    for name in ("quickstart", "how-it-works", "backends", "glossary", "api", "changelog"):
        assert name in pages


def test_glossary_defines_the_terms() -> None:
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    for term in ("quote", "cue", "speaker", "mention", "role", "fragment"):
        assert re.search(rf"^{term}$", glossary, re.M), term


def test_docs_build_without_warnings_and_their_examples_run(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    pytest.importorskip("furo")
    for builder in ("html", "doctest"):
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-W",
                "-b",
                builder,
                str(DOCS),
                str(tmp_path / builder),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert proc.returncode == 0, f"sphinx -b {builder}:\n{proc.stdout}\n{proc.stderr}"


# -- the README's quick start runs on any article (issue 13) -----------------------------------
def _readme_quick_start() -> tuple[str, str]:
    """The code block of the README's quick start and the output block after it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert code is not None and shown is not None
    return code.group(1), shown.group(1)


def _run(code: str, capsys: pytest.CaptureFixture[str]) -> str:
    exec(compile(code, "README.md", "exec"), {})
    return capsys.readouterr().out


def test_readme_quick_start_prints_what_the_readme_shows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, shown = _readme_quick_start()
    assert _run(code, capsys) == shown


def test_readme_quick_start_runs_on_an_article_with_a_cue_less_quote(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The quick start code, on other articles: quotes with no cue and no speaker print
    too (the first README example crashed on real articles)."""
    from quoteattr import extract_quotes

    code, _ = _readme_quick_start()
    cue_less = (
        "“We will finish,” said Ana Ruiz.\n\n“We have the money and the workers.”\n\n"
        "Banners carried “No more delays, not this year, not ever” all week."
    )
    seed = (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")
    for article in (cue_less, seed):
        quotes = extract_quotes(article)
        assignment = f"text = {article!r}\n"
        ours = re.sub(r"(?ms)^text = \(\n.*?^\)\n", lambda _, a=assignment: a, code)
        assert ours != code
        out = _run(ours, capsys)
        assert len(out.splitlines()) == len(quotes)
        if article is cue_less:
            assert any(q.cue is None for q in quotes)
            assert "direct | Ana Ruiz | - | - | We have the money and the workers." in out
            assert "direct | - | - | - | No more delays, not this year, not ever" in out
