"""A Sphinx directive that lists the rules of a sieve from the code, so the list cannot drift.

In a MyST page::

    ```{quoteattr-rules} quoteattr.attribution.direct._QUOTE_RULES
    ```

renders one row per function of the sieve (a tuple of functions, or of ``(name, function)``
pairs, run in order), in order:
the rule names and what the rule does (the first paragraph of its docstring, which opens
with ``Rule NAME:`` or ``Rules NAME, NAME:``) and its examples (the texts of its doctest,
with the rules they print). A function whose docstring opens otherwise is a step that
decides nothing (it reads what the rules after it need), shown as such.
:func:`entries` is what ``tests/test_docs.py`` reads to check that every rule has an entry.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from typing import Any

import attrs
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

_HEADER = re.compile(r"Rules? ((?:[a-z0-9]+(?:-[a-z0-9]+)+)(?:, [a-z0-9]+(?:-[a-z0-9]+)+)*)")
_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`|``([^`]+)``")
_CALL = re.compile(r"^>>> \w+\((.*)\)(?:\[0\]\.rules.*)?$")


@attrs.frozen
class Entry:
    """One function of a sieve, as the docs show it."""

    function: str
    names: tuple[str, ...]  # empty for a step
    summary: str
    examples: tuple[tuple[str, str], ...]  # (text, what the doctest prints)


def _examples(doc: str) -> tuple[tuple[str, str], ...]:
    lines = [line.strip() for line in doc.splitlines()]
    out = []
    for i, line in enumerate(lines):
        m = _CALL.match(line)
        if m is None or line.startswith(">>> from "):
            continue
        try:
            text = ast.literal_eval(m.group(1))
        except (ValueError, SyntaxError):
            continue
        if isinstance(text, str):
            shown = lines[i + 1] if i + 1 < len(lines) else ""
            out.append((text, shown))
    return tuple(out)


def entries(path: str) -> list[Entry]:
    """The entries of the sieve at ``path`` (``package.module.NAME``), in order."""
    module_name, _, attr = path.rpartition(".")
    sieve = getattr(importlib.import_module(module_name), attr)
    out = []
    for item in sieve:
        fn = item[-1] if isinstance(item, tuple) else item  # (name, function) pairs too
        doc = inspect.getdoc(fn) or ""
        summary = " ".join(doc.split("\n\n", 1)[0].split())
        summary = _ROLE.sub(lambda m: m.group(1) or m.group(2), summary)
        header = _HEADER.match(summary)
        names = tuple(header.group(1).split(", ")) if header else ()
        if header:
            summary = summary[header.end() :].lstrip(" :")
            summary = summary[:1].upper() + summary[1:]
        out.append(Entry(fn.__qualname__, names, summary, _examples(doc)))
    return out


def _cell(*children: nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    entry += nodes.paragraph("", "", *children)
    return entry


class RulesDirective(SphinxDirective):
    """``quoteattr-rules PATH``: the table of the sieve at PATH."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        table = nodes.table()
        group = nodes.tgroup(cols=3)
        table += group
        for width in (25, 45, 30):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row = nodes.row()
        for title in ("Rule", "What it does", "Example"):
            row += _cell(nodes.Text(title))
        head += row
        group += head
        body = nodes.tbody()
        for e in entries(self.arguments[0]):
            row = nodes.row()
            if e.names:
                names: list[Any] = []
                for k, name in enumerate(e.names):
                    if k:
                        names.append(nodes.Text(" / "))
                    names.append(nodes.literal(name, name))
                row += _cell(*names)
            else:
                row += _cell(nodes.emphasis("", f"step {e.function}"))
            row += _cell(nodes.Text(e.summary))
            shown: list[Any] = []
            for k, (text, rules) in enumerate(e.examples):
                if k:
                    shown.append(nodes.Text(" / "))
                shown.append(nodes.Text(text.replace("\n", "⏎")))
                if rules:
                    shown.append(nodes.Text(" → "))
                    shown.append(nodes.literal(rules, rules))
            row += _cell(*shown)
            body += row
        group += body
        return [table]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("quoteattr-rules", RulesDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
