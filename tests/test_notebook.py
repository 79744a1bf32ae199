"""examples/quickstart.ipynb: committed with its outputs, and still runs from top to bottom.

Re-execute it in place with ``python examples/run_notebook.py`` when the library's output
changes (it also refreshes the docs figure ``docs/_static/corpus-share.png``).
"""

from __future__ import annotations

import base64
import importlib.util
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"
FIGURE = ROOT / "docs" / "_static" / "corpus-share.png"
RERUN = "re-run: python examples/run_notebook.py"

nbformat = pytest.importorskip("nbformat")


def _runner() -> Any:
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    spec = importlib.util.spec_from_file_location(
        "run_notebook", ROOT / "examples" / "run_notebook.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _kinds(nb: Any) -> list[list[str]]:
    """For each code cell, the kinds of output it shows (mime types, or 'stream')."""
    kinds = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kinds.append(
            sorted(
                "stream" if o["output_type"] == "stream" else "+".join(sorted(o.get("data", {})))
                for o in cell.get("outputs", [])
            )
        )
    return kinds


def _check_outputs(nb: Any) -> None:
    """The outputs a reader must see: the article highlighted, the speakers table, the corpus
    tables and the plot, and no error."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert all(c.get("outputs") for c in code), f"a code cell has no output; {RERUN}"
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="qa-doc"' in h and "qa-q qa-direct" in h for h in html)
    assert any('class="qa-speakers"' in h and "Jen Psaki" in h for h in html)
    assert any("<table" in h and "Keiko Tanaka" in h and "gender_basis" in h for h in html)
    assert any('class="qa-corpus"' in h and "Courier" in h and "counted: people" in h for h in html)
    pngs = [o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == 1


def test_stored_outputs_are_present() -> None:
    """The committed notebook reads on the web: run in order, every output stored."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    _check_outputs(nb)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"not run top to bottom; {RERUN}"


def test_docs_figure_is_the_notebooks_plot() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    (png,) = [
        o["data"]["image/png"]
        for c in nb.cells
        if "corpus-plot" in c.get("metadata", {}).get("tags", [])
        for o in c.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]
    assert FIGURE.read_bytes() == base64.b64decode(png), RERUN


def test_quickstart_notebook_runs() -> None:
    run_notebook = _runner()
    stored = nbformat.read(NOTEBOOK, as_version=4)
    fresh = run_notebook.execute(NOTEBOOK)
    _check_outputs(fresh)
    # The same kinds of output as stored: a cell added or changed without re-running the
    # notebook would show nothing on the web.
    assert _kinds(fresh) == _kinds(stored), RERUN
    assert run_notebook.plot_png(fresh)[:8] == b"\x89PNG\r\n\x1a\n"


def test_missing_article_file_gives_a_clear_message(tmp_path: Path) -> None:
    run_notebook = _runner()
    nbclient = pytest.importorskip("nbclient")
    copy = tmp_path / "quickstart.ipynb"
    shutil.copy(NOTEBOOK, copy)  # no seed_article.txt beside it
    with pytest.raises(nbclient.exceptions.CellExecutionError) as info:
        run_notebook.execute(copy)
    message = str(info.value)
    assert "FileNotFoundError" in message
    assert "seed_article.txt was not found" in message
