"""Tests of the package's shape: imports inside ``quoteattr/`` run one way, top to bottom.

The rule: no module of ``quoteattr`` imports (directly or through others) a module that
imports it back. Every ``import`` statement counts, wherever it stands: at module level,
inside a function (a lazy import still ties the two modules together), and under
``if TYPE_CHECKING:``. What does not count is the implicit import of a package's
``__init__`` when one of its modules is imported (``quoteattr/__init__.py`` re-exports the
whole public surface, so every module would otherwise sit in a cycle with it).

An edge that had to close a cycle would be listed in :data:`ALLOWED` with its reason; none
does (``Analysis.from_stanza`` and the stanza backend share a converter below the model).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "quoteattr"

#: Imports allowed although they close a cycle: (importer, imported) -> why. None is.
ALLOWED: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """The ``quoteattr`` modules that the module ``name`` imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:  # ``from . import cues``: the submodule
                    yield sub
                elif target in known:
                    yield target


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: set(imported(name, path, known)) - {name} for name, path in mods.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_graph_sees_lazy_and_relative_imports() -> None:
    edges = graph()
    assert "quoteattr.model" in edges["quoteattr.cues"]  # module level, relative
    assert "quoteattr.cues" in edges["quoteattr._api"]  # ``from . import cues``
    assert "quoteattr.render" in edges["quoteattr.results"]  # inside a method
    assert "quoteattr.backends.stanza" in edges["quoteattr.backends"]  # inside a function
    assert "quoteattr.model" in edges["quoteattr.backends.stanza"]  # ``from ..model``


def test_cycles_are_found() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_in_quoteattr() -> None:
    edges = graph()
    for (source, target), _why in ALLOWED.items():
        assert target in edges[source], f"allowed edge {source} -> {target} is gone: drop it"
        edges[source].discard(target)
    found = cycles(edges)
    assert found == [], "modules that import each other: " + "; ".join(
        " <-> ".join(c) for c in found
    )


def test_what_the_backends_build_sits_below_the_model() -> None:
    """``Analysis.from_stanza`` needs the records, the segmentation and the stanza converter;
    none of them may reach back to the model, or the constructor would close a cycle."""
    edges = graph()
    assert "quoteattr._from_stanza" in edges["quoteattr.model"]
    for low in ("quoteattr.tokens", "quoteattr.segment", "quoteattr._from_stanza"):
        assert "quoteattr.model" not in edges[low], low
        assert not any(m.startswith("quoteattr.backends") for m in edges[low]), low
