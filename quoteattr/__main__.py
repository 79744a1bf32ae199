"""``python -m quoteattr``: the command line of :mod:`quoteattr.cli`."""

from __future__ import annotations

import sys

from .cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
