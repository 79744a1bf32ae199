"""Regular expressions compiled on first use, not at import.

Compiling the package's two hundred patterns took about two thirds of ``import quoteattr``
(the ``regex`` module parses a pattern in Python). A module writes
``_NAME = lazy_regex(r"...", flags)`` where it wrote ``regex.compile(...)``, with the rule's
name, comment and example beside it as before; the pattern is compiled the first time one of
its methods or attributes is read, and the module's global of that name then holds the
compiled pattern itself, so that later calls cost exactly what they did (a stand-in kept
elsewhere, in a dict, reads each method from its own dictionary after the first use).

>>> p = lazy_regex(r"(?r)\\w+")
>>> p.search("two words").group(), p.pattern
('words', '(?r)\\\\w+')
>>> lazy_re(r"\\d+").findall("1 and 23")
['1', '23']

A word list of the lexicon goes into a pattern with :func:`one_of`, so that the list is
written once.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any, cast

import regex

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


class LazyPattern:
    """A compiled pattern's stand-in: compiles on first use, then hands out the compiled
    pattern's methods and attributes (kept in the instance, so later reads cost nothing
    more). Two threads meeting an uncompiled pattern both compile it, to the same result."""

    def __init__(
        self,
        compile: Callable[[str, int], Any],
        pattern: str,
        flags: int,
        module: dict[str, Any] | None = None,
    ) -> None:
        self.__dict__["_compile"] = compile
        self.__dict__["_source"] = (pattern, flags)
        self.__dict__["_module"] = module

    def compiled(self) -> Any:
        """The compiled pattern (compiled now if it was not yet)."""
        done = self.__dict__.get("_compiled")
        if done is None:
            done = self._compile(*self._source)
            self.__dict__["_compiled"] = done
            module = self._module
            if module is not None:
                # The module's globals that hold this stand-in now hold the pattern.
                for name in [k for k, v in module.items() if v is self]:
                    module[name] = done
        return done

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"


def lazy_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, compiled on first use."""
    module = sys._getframe(1).f_globals
    return cast("regex.Pattern[str]", LazyPattern(regex.compile, pattern, flags, module))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use."""
    module = sys._getframe(1).f_globals
    return cast("re.Pattern[str]", LazyPattern(re.compile, pattern, flags, module))


def one_of(words: Iterable[str]) -> str:
    """A group of the pattern that matches any of the words, in the order given (for both
    ``re`` and ``regex``). A word is matched as written; what may follow it (a space, ``\\b``)
    is the caller's.

    >>> one_of(("a", "an", "the"))
    '(?:a|an|the)'
    """
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"
