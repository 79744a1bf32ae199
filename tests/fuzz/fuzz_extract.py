"""Fuzz target: arbitrary bytes, read as text four ways, must never break ``extract_quotes``.

Run it (``pip install -e ".[fuzz]"`` first) from the repository root::

    python tests/fuzz/fuzz_extract.py -max_total_time=600 -max_len=4096 -timeout=30

Every input must give quotes whose spans are true slices of the text, in order, with
confidences in ``[0, 1]``, and the same result when extracted twice. An exception, a hang
past ``-timeout`` seconds or a broken invariant is a finding; libFuzzer saves the input as
``crash-*`` or ``timeout-*`` in the current directory.

:func:`check` holds the whole property, so the test suite runs it on fixed inputs without
atheris (see ``tests/test_robustness.py``).

>>> check(b"\\x00\\xe2\\x80\\x9cWe are ready,\\xe2\\x80\\x9d she said.")
1
"""

from __future__ import annotations

import sys
from typing import Any

#: Bytes to characters for the "mark soup" reading: quote marks of every kind, spaces,
#: line breaks, sentence punctuation, a few letters and a cue word's letters.
_SOUP = "\"'“”‘’«»„‚‹›「」 \n\n\t.,:;!?—-()aeiostdlrnSHAIT\u200f\u2028\x00\U0001f600"


def decode(data: bytes) -> str:
    """Turn fuzzer bytes into text; the first byte chooses how, so every reading is reached.

    >>> decode(b"\\x00abc"), decode(b"\\x02\\xff"), len(decode(b"\\x03\\x00\\x01"))
    ('abc', 'ÿ', 2)
    """
    if not data:
        return ""
    mode, body = data[0] % 4, data[1:]
    if mode == 0:
        return body.decode("utf-8", "surrogateescape")  # lone surrogates for bad bytes
    if mode == 1:
        return body.decode("utf-16-le", "surrogatepass") if len(body) % 2 == 0 else ""
    if mode == 2:
        return body.decode("latin-1")  # every byte, control characters and NUL included
    return "".join(_SOUP[b % len(_SOUP)] for b in body)


def _spans_ok(text: str, quote: Any) -> None:
    assert 0 <= quote.start <= quote.end <= len(text), quote
    assert text[quote.start : quote.end] == quote.text, quote
    last = quote.start
    for f in quote.fragments:
        assert last <= f.start <= f.end <= quote.end, quote
        assert text[f.start : f.end] == f.text, quote
        last = f.end
    for span in (quote.cue, quote.speaker):
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text), quote
            assert text[span.start : span.end] == span.text, quote
    assert 0.0 <= quote.confidence <= 1.0, quote


def check(data: bytes) -> int:
    """Extract from ``decode(data)`` twice and check every invariant; returns the quote count."""
    from quoteattr import extract_quotes

    text = decode(data)
    found = extract_quotes(text)
    for quote in found:
        _spans_ok(text, quote)
    assert [q.start for q in found] == sorted(q.start for q in found), "quotes out of order"
    again = extract_quotes(text)
    assert again.to_dicts() == found.to_dicts(), "not deterministic"
    return len(found)


def main(argv: list[str]) -> None:
    """Run libFuzzer through atheris over :func:`check` (argv are libFuzzer's flags)."""
    import atheris

    with atheris.instrument_imports(include=["quoteattr"]):
        import quoteattr  # noqa: F401

    def one_input(data: bytes) -> None:
        check(data)

    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
