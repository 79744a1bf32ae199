"""HTML views of extracted quotes: the article with every quote highlighted by kind.

Each quote's content is shaded by its kind (direct, indirect, mixed), its cue is underlined
and its speaker mention framed; hovering over any of them shows the speaker's name, role and
kind, the confidence and the rules that fired. A legend heads the view. The HTML is
self-contained (inline CSS, no script, no network), so it displays the same in Jupyter, in a
browser and in an e-mail.

>>> from quoteattr import extract_quotes
>>> text = "“We are ready,” said Mayor Ana Ruiz."
>>> page = render_html(text, extract_quotes(text))
>>> page.startswith("<!DOCTYPE html>"), 'class="qa-q qa-direct"' in page
(True, True)
"""

from __future__ import annotations

import heapq
import html
import itertools
from collections.abc import Iterable, Sequence

from ._patterns import lazy_regex
from .model import Quote, QuoteKind, SpeakerRow

__all__ = ["COLOURS", "render_fragment", "render_html", "render_speakers"]

#: Background colour of each highlight, by CSS class; ``render`` tests look for these.
COLOURS: dict[str, str] = {
    "direct": "#fde68a",
    "indirect": "#bfdbfe",
    "mixed": "#bbf7d0",
    "cue": "#fed7aa",
    "speaker": "#f5d0fe",
}

_CSS = (
    "".join(f".qa-doc,.qa-legend{{--qa-{k}:{v}}}" for k, v in COLOURS.items())
    + """
.qa-doc{font:15px/1.7 Georgia,'Times New Roman',serif;color:#1f2937;background:#fff;
  padding:12px 16px;border:1px solid #e5e7eb;border-radius:6px;max-width:60em}
.qa-text{white-space:pre-wrap;margin:0}
.qa-legend{font:12px/1.6 system-ui,sans-serif;margin:0 0 10px 0;color:#374151}
.qa-legend span.qa-key{display:inline-block;padding:0 6px;margin-right:8px;border-radius:3px}
.qa-warn{font:12px system-ui,sans-serif;color:#92400e;margin:0 0 8px 0}
.qa-q{border-radius:2px;color:#111827}
.qa-direct{background:var(--qa-direct)}
.qa-indirect{background:var(--qa-indirect)}
.qa-mixed{background:var(--qa-mixed)}
.qa-cue{background:var(--qa-cue);text-decoration:underline;font-weight:bold;color:#111827}
.qa-speaker{background:var(--qa-speaker);outline:1px solid #c026d3;color:#111827}
.qa-n{font:10px system-ui,sans-serif;vertical-align:super;color:#6b7280;padding:0 1px}
.qa-speakers{border-collapse:collapse;font:13px system-ui,sans-serif;color:#1f2937}
.qa-speakers th,.qa-speakers td{border-bottom:1px solid #e5e7eb;padding:3px 8px;text-align:left}
"""
)

# Nesting order of the highlights in one stretch of text: quote outermost, then cue, speaker.
_LAYERS = {"q": 0, "cue": 1, "speaker": 2}


def _describe(q: Quote, index: int) -> str:
    """The hover text of a quote and its cue and speaker."""
    lines = [f"#{index} {q.kind.value} quote, confidence {q.confidence:.2f}"]
    sp = q.speaker
    if sp is None:
        lines.append("speaker: none found")
    else:
        who = f"speaker: {sp.name} ({sp.kind.value})"
        if sp.role:
            who += f", {sp.role}"
        if sp.text != sp.name:
            who += f" (mention: {sp.text})"
        lines.append(who)
        if sp.gender or sp.gender_evidence:
            # The gender and what the text says of it, each piece where it is written.
            # Only the first six are formatted: an interview's speaker may have thousands,
            # and every quote of theirs has this text.
            ev = [f"{e.kind} {e.text!r} at {e.start}" for e in sp.gender_evidence[:6]]
            more = len(sp.gender_evidence) - len(ev)
            shown = "; ".join(ev) + (f"; {more} more" if more else "")
            lines.append(f"gender: {sp.gender or 'unknown'}" + (f" ({shown})" if shown else ""))
    if q.cue is not None:
        lines.append(f"cue: {q.cue.text}")
    if q.rules:
        lines.append("rules: " + ", ".join(q.rules))
    return "\n".join(lines)


def _annotations(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int, str, int]]:
    """``(start, end, layer, quote index)`` for every highlight that lies inside ``text``."""
    out = []
    n = len(text)
    for i, q in enumerate(quotes, 1):
        spans = [(f.start, f.end, "q") for f in q.fragments] or [(q.start, q.end, "q")]
        if q.cue is not None:
            spans.append((q.cue.start, q.cue.end, "cue"))
        if q.speaker is not None:
            spans.append((q.speaker.start, q.speaker.end, "speaker"))
        for start, end, layer in spans:
            if 0 <= start < end <= n:
                out.append((start, end, layer, i))
    return out


def _open_tag(layer: str, q: Quote, index: int, title: str) -> str:
    if layer == "q":
        cls = f"qa-q qa-{q.kind.value}"
    else:
        cls = f"qa-{layer}"
    return f'<span class="{cls}" data-quote="{index}" title="{html.escape(title)}">'


def _body(text: str, quotes: Sequence[Quote]) -> str:
    """The text as HTML, each stretch wrapped in the highlights that cover it.

    One sweep over the cut points (where a highlight starts or ends), keeping for each layer
    a heap of the quotes whose highlight is open: linear in the text and n log n in the
    highlights (a scan of every highlight at every cut point took minutes on 10 MB).
    """
    notes = _annotations(text, quotes)
    opening: dict[int, list[tuple[str, int]]] = {}
    closing: dict[int, list[tuple[str, int]]] = {}
    for start, end, layer, i in notes:
        opening.setdefault(start, []).append((layer, i))
        closing.setdefault(end, []).append((layer, i))
    first_fragment: dict[int, int] = {}
    for i, q in enumerate(quotes, 1):
        start = q.fragments[0].start if q.fragments else q.start
        first_fragment.setdefault(start, i)
    titles: dict[int, str] = {}
    tags: dict[tuple[str, int], str] = {}
    # Per layer, a max-heap (negated) of the quotes open there, and how many of their
    # highlights are open (closed ones leave the heap when they reach its top).
    heaps: dict[str, list[int]] = {layer: [] for layer in _LAYERS}
    open_count: dict[tuple[str, int], int] = {}
    layers_inside_out = sorted(_LAYERS, key=_LAYERS.__getitem__, reverse=True)
    parts = []
    bounds = sorted({0, len(text), *opening, *closing})
    for lo, hi in itertools.pairwise(bounds):
        for key in closing.get(lo, ()):
            open_count[key] -= 1
        for key in opening.get(lo, ()):
            n = open_count.get(key, 0)
            open_count[key] = n + 1
            if n == 0:
                heapq.heappush(heaps[key[0]], -key[1])
        chunk = ""
        if lo in first_fragment:
            chunk += f'<span class="qa-n">{first_fragment[lo]}</span>'
        inner = html.escape(text[lo:hi])
        # One highlight per layer: the innermost (latest) quote wins where two overlap.
        for layer in layers_inside_out:
            heap = heaps[layer]
            while heap and open_count[(layer, -heap[0])] == 0:
                heapq.heappop(heap)
            if not heap:
                continue
            i = -heap[0]
            tag = tags.get((layer, i))
            if tag is None:
                title = titles.get(i)
                if title is None:
                    title = titles[i] = _describe(quotes[i - 1], i)
                tag = tags[(layer, i)] = _open_tag(layer, quotes[i - 1], i, title)
            inner = tag + inner + "</span>"
        parts.append(chunk + inner)
    return "".join(parts)


def _legend(quotes: Sequence[Quote]) -> str:
    counts = {k: sum(1 for q in quotes if q.kind is k) for k in QuoteKind}
    keys = [
        f'<span class="qa-key qa-{k.value}">{k.value} quote ({counts[k]})</span>' for k in QuoteKind
    ]
    keys.append('<span class="qa-key qa-cue">cue</span>')
    keys.append('<span class="qa-key qa-speaker">speaker</span>')
    return (
        '<div class="qa-legend">'
        + "".join(keys)
        + "<br>Hover over a highlight for the speaker's name and role, the confidence and the"
        " rules that fired; small numbers mark where each quote starts.</div>"
    )


def render_fragment(text: str, quotes: Sequence[Quote]) -> str:
    """The highlighted article as an HTML ``<div>`` with its own ``<style>``, for embedding.

    This is what :class:`~quoteattr.Quotes` shows in Jupyter.

    Args:
        text: The original text the quotes were extracted from.
        quotes: The quotes (offsets into ``text``); any outside ``text`` are skipped.

    Returns:
        An HTML fragment: a ``<style>`` element and one ``<div class="qa-doc">``.
    """
    warnings = getattr(quotes, "warnings", ())
    warn = "".join(f'<div class="qa-warn">⚠ {html.escape(w)}</div>' for w in warnings)
    return _no_surrogates(
        f"<style>{_CSS}</style>"
        f'<div class="qa-doc">{_legend(quotes)}{warn}'
        f'<div class="qa-text">{_body(text, quotes)}</div></div>'
    )


_SURROGATE = lazy_regex(r"[\ud800-\udfff]")


def _no_surrogates(page: str) -> str:
    """``page`` with each lone surrogate (which no HTML file can hold: UTF-8 cannot encode
    it) shown as U+FFFD, the replacement character, one for one.

    >>> _no_surrogates("a\\ud800b")
    'a\ufffdb'
    """
    if page.isascii():
        return page
    try:
        page.encode("utf-8")
    except UnicodeEncodeError:
        replaced: str = _SURROGATE.sub("\ufffd", page)
        return replaced
    return page


def render_html(text: str, quotes: Iterable[Quote], *, title: str | None = None) -> str:
    """A standalone HTML page of ``text`` with each quote highlighted by kind.

    Args:
        text: The original text the quotes were extracted from.
        quotes: The quotes, for example ``extract_quotes(text)``.
        title: The page title; defaults to "quoteattr: N quotes".

    Returns:
        A complete HTML5 document (UTF-8, inline CSS, no scripts).
    """
    quotes = quotes if isinstance(quotes, Sequence) else list(quotes)
    heading = title if title is not None else f"quoteattr: {len(quotes)} quotes"
    return _no_surrogates(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(heading)}</title>\n</head>\n<body>\n"
        f'<h1 style="font:bold 18px system-ui,sans-serif">{html.escape(heading)}</h1>\n'
        f"{render_fragment(text, quotes)}\n</body>\n</html>\n"
    )


def render_speakers(rows: Iterable[SpeakerRow]) -> str:
    """The rows of :meth:`~quoteattr.Quotes.speakers` (:class:`~quoteattr.SpeakerRow`) as an
    HTML table."""
    head = "".join(
        f"<th>{h}</th>" for h in ("name", "kind", "roles", "quotes", "mentions", "forms")
    )
    body = []
    for row in rows:
        cells = (
            row.name,
            row.kind.value,
            "; ".join(row.roles),
            str(row.quotes),
            str(row.mentions),
            "; ".join(row.forms),
        )
        body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return _no_surrogates(
        f'<style>{_CSS}</style><table class="qa-speakers"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
