"""The list that :func:`~quoteattr.extract_quotes` returns.

:class:`Quotes` is a plain ``list`` of :class:`~quoteattr.Quote` that also remembers the text
it came from and any warnings raised while reading it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Quote

__all__ = ["Quotes"]


class Quotes(list[Quote]):
    """Quotes in text order, with the source text and warnings.

    Attributes:
        text: The text the quotes were extracted from.
        warnings: Problems that degraded the result (for example a time budget exceeded);
            empty for a normal run.
    """

    def __init__(
        self, quotes: Iterable[Quote] = (), *, text: str = "", warnings: tuple[str, ...] = ()
    ) -> None:
        super().__init__(quotes)
        self.text = text
        self.warnings = warnings

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each quote's :meth:`~quoteattr.Quote.to_dict`."""
        return [q.to_dict() for q in self]
