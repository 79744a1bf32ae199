"""Re-execute examples/quickstart.ipynb in place, so the outputs stored in it are current.

Run from anywhere, in an environment with the test extras (``pip install -e ".[test]"``)::

    python examples/run_notebook.py

The notebook is committed with its outputs so that it reads on the web; run this whenever the
library's output changes, and commit the notebook. It also saves the notebook's plot (the
cell tagged ``corpus-plot``) as ``docs/_static/corpus-share.png``, the figure of
``docs/corpus.md``, so the page shows exactly what the notebook shows.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE / "quickstart.ipynb"
FIGURE = HERE.parent / "docs" / "_static" / "corpus-share.png"
PLOT_TAG = "corpus-plot"


def execute(path: Path = NOTEBOOK, timeout: int = 300) -> Any:
    """Execute the notebook at ``path`` (from its own folder) and return it with its outputs."""
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        # No timings in the cell metadata: re-running changes only what the cells print.
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return nb


def plot_png(nb: Any) -> bytes:
    """The PNG that the cell tagged ``corpus-plot`` displayed."""
    for cell in nb.cells:
        if PLOT_TAG in cell.get("metadata", {}).get("tags", []):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "image/png" in data:
                    return base64.b64decode(data["image/png"])
    raise LookupError(f"no cell tagged {PLOT_TAG!r} displayed a PNG image")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--notebook", type=Path, default=NOTEBOOK)
    parser.add_argument("--figure", type=Path, default=FIGURE)
    args = parser.parse_args()
    import nbformat

    nb = execute(args.notebook)
    nbformat.write(nb, args.notebook)
    args.figure.write_bytes(plot_png(nb))
    print(f"wrote {args.notebook} and {args.figure}")


if __name__ == "__main__":
    main()
