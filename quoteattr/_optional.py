"""Optional dependencies (pandas, matplotlib), imported only when a method needs one.

A missing one is a :class:`~quoteattr.errors.QuoteAttrError` that names the extra to
install, never a bare ``ImportError`` from deep inside a method.

>>> require("json", extra="none").__name__
'json'
>>> try:
...     require("no_such_module_here", extra="pandas")
... except QuoteAttrError as exc:
...     print(exc)
this needs no_such_module_here, which is not installed: pip install "quoteattr[pandas]"
"""

from __future__ import annotations

import sys
from typing import Any

from .errors import QuoteAttrError

__all__ = ["require"]


def require(module: str, *, extra: str, what: str = "this") -> Any:
    """The module ``module`` (dotted names too: ``"matplotlib.pyplot"``), imported now.

    Raises:
        QuoteAttrError: when it is not installed; the message says that ``what`` needs it
            and to ``pip install "quoteattr[extra]"``.
    """
    try:
        __import__(module)
    except ImportError:
        package = module.partition(".")[0]
        raise QuoteAttrError(
            f'{what} needs {package}, which is not installed: pip install "quoteattr[{extra}]"'
        ) from None
    return sys.modules[module]
