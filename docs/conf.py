"""Sphinx configuration of the quoteattr documentation (MyST Markdown, furo theme).

Build with ``python -m sphinx -W -b html docs docs/_build/html``; run the examples of the
pages with ``python -m sphinx -W -b doctest docs docs/_build/doctest``.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _dist_version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs" / "_ext"))  # quoteattr_rules: rule tables from the code

project = "quoteattr"
author = "The quoteattr developers"
copyright = "the quoteattr developers"
try:
    release = _dist_version("quoteattr")
except PackageNotFoundError:
    release = "0+unknown"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "quoteattr_rules",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

doctest_global_setup = "from quoteattr import *"
# The module doctests run under pytest; the builder runs the examples of these pages only.
doctest_test_doctest_blocks = ""

html_theme = "furo"
html_title = f"quoteattr {release}"
