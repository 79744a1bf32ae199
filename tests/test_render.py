"""Tests of quoteattr.render: the HTML view, checked as markup and as pixels in a real browser.

The browser test renders the seed article's page with headless Chromium (Debian's
``chromium``, installed by ``.ci/run``), takes a screenshot and counts the pixels of each
highlight colour. It skips only when Chromium is missing outside CI; under ``CI=true`` a
missing browser is a failure.
"""

from __future__ import annotations

import html
import itertools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Quote, QuoteKind, Quotes, Span, Speaker, extract_quotes, render_html
from quoteattr.render import COLOURS, render_fragment

TEXT = (
    "“We will rebuild the bridge by spring,” said Mayor Ana Ruiz. "
    'Ruiz said the budget was "more than enough for the work."\n\n'
    "The council, she added, had approved the plan.\n\n"
    "Crowds carried banners with “No more delays on the bridge, not this year” through town."
)


@pytest.fixture(scope="module")
def quotes() -> Quotes:
    return extract_quotes(TEXT)


def _visible_text(fragment: str) -> str:
    body = fragment.split('<div class="qa-text">', 1)[1]
    body = re.sub(r'<span class="qa-n">\d+</span>', "", body)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_page_is_standalone_html(quotes: Quotes) -> None:
    page = render_html(TEXT, quotes, title="Bridge <story>")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<title>Bridge &lt;story&gt;</title>" in page
    assert "<script" not in page and "http" not in page


def test_text_is_kept_whole_and_escaped(quotes: Quotes) -> None:
    fragment = render_fragment(TEXT, quotes)
    assert _visible_text(fragment) == TEXT
    assert "&quot;more than enough" in fragment
    assert _visible_text(render_fragment("a < b & c", [])) == "a < b & c"


def test_every_quote_cue_and_speaker_is_highlighted(quotes: Quotes) -> None:
    fragment = render_fragment(TEXT, quotes)
    kinds = {q.kind.value for q in quotes}
    assert kinds >= {"direct", "mixed"}
    for kind in kinds:
        assert f'class="qa-q qa-{kind}"' in fragment
    assert fragment.count('class="qa-cue"') >= sum(1 for q in quotes if q.cue)
    assert 'class="qa-speaker"' in fragment
    # One start marker per quote.
    assert fragment.count('class="qa-n"') == len(quotes)


def test_hover_shows_name_role_and_rules(quotes: Quotes) -> None:
    fragment = render_fragment(TEXT, quotes)
    titles = [html.unescape(t) for t in re.findall(r'title="([^"]*)"', fragment)]
    first = next(t for t in titles if t.startswith("#1 "))
    assert "speaker: Ana Ruiz (person), Mayor" in first
    assert "cue: said" in first and "rules: paired-marks" in first
    assert any("mention: Ruiz" in t for t in titles)
    assert any("speaker: none found" in t for t in titles)


def test_hover_shows_the_gender_and_its_evidence(quotes: Quotes) -> None:
    # "she added" is resolved to Ana Ruiz: the hover says so, and where it is written.
    titles = [
        html.unescape(t) for t in re.findall(r'title="([^"]*)"', render_fragment(TEXT, quotes))
    ]
    first = next(t for t in titles if t.startswith("#1 "))
    at = TEXT.index("she added")
    assert f"gender: female (pronoun 'she' at {at})" in first


def test_legend_counts_kinds(quotes: Quotes) -> None:
    fragment = render_fragment(TEXT, quotes)
    n_direct = sum(1 for q in quotes if q.kind.value == "direct")
    assert f"direct quote ({n_direct})" in fragment
    assert "cue</span>" in fragment and "speaker</span>" in fragment


def test_overlapping_and_out_of_range_spans_stay_valid(quotes: Quotes) -> None:
    # A quote list that does not fit the text (a slice of it) must not break the markup.
    short = TEXT[:40]
    fragment = render_fragment(short, quotes)
    assert _visible_text(fragment) == short
    assert fragment.count("<span") == fragment.count("</span>")


def test_warnings_are_shown() -> None:
    q = Quotes([], text="abc", warnings=("time budget exceeded",))
    assert "time budget exceeded" in render_fragment("abc", q)


def test_empty_text() -> None:
    assert 'class="qa-text"></div>' in render_fragment("", [])


# -- in a real browser -------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _screenshot(page: str, tmp_path: Path, size: tuple[int, int] = (1000, 1400)) -> Path:
    if CHROMIUM is None:
        if IN_CI:
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium not installed (it is required under CI=true)")
    src = tmp_path / "page.html"
    src.write_text(page, encoding="utf-8")
    png = tmp_path / "shot.png"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={png}",
        f"--window-size={size[0]},{size[1]}",
        src.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert png.exists(), f"chromium made no screenshot (exit {proc.returncode}): {proc.stderr}"
    return png


def _colour_counts(png: Path) -> dict[str, int]:
    image = pytest.importorskip("PIL.Image")
    with image.open(png) as im:
        colours = im.convert("RGB").getcolors(maxcolors=1 << 24)
    by_rgb = {rgb: n for n, rgb in colours}
    out = {}
    for name, hexa in COLOURS.items():
        rgb = tuple(int(hexa[i : i + 2], 16) for i in (1, 3, 5))
        out[name] = by_rgb.get(rgb, 0)
    return out


def test_seed_article_highlights_in_chromium(seed_text: str, tmp_path: Path) -> None:
    quotes = extract_quotes(seed_text)
    png = _screenshot(render_html(seed_text, quotes), tmp_path)
    (tmp_path / "keep").mkdir()
    counts = _colour_counts(png)
    # Without highlights only the legend's swatches carry these colours (a few thousand
    # pixels each); the highlighted article has far more of the quote kinds it contains.
    blank = _colour_counts(_screenshot(render_html(seed_text, []), tmp_path / "keep"))
    kinds = {q.kind.value for q in quotes}
    assert kinds == {"direct", "indirect", "mixed"}
    for kind in kinds:
        assert counts[kind] > blank[kind] + 3000, (kind, counts, blank)
    assert counts["mixed"] > 20000 and counts["direct"] > 10000, counts
    assert counts["cue"] > blank["cue"] + 1000, (counts, blank)
    assert counts["speaker"] > blank["speaker"] + 1000, (counts, blank)


def _body_by_scan(text: str, quotes: list[Quote]) -> str:
    """The highlighting as first written: every highlight tested at every cut point. The
    sweep in render._body must give the same HTML, in n log n."""
    from quoteattr.render import _LAYERS, _annotations, _describe, _open_tag

    notes = _annotations(text, quotes)
    cuts = {0, len(text)}
    for start, end, _, _ in notes:
        cuts.update((start, end))
    first: dict[int, int] = {}
    for i, q in enumerate(quotes, 1):
        first.setdefault(q.fragments[0].start if q.fragments else q.start, i)
    parts = []
    for lo, hi in itertools.pairwise(sorted(cuts)):
        active = sorted(
            ((layer, i) for start, end, layer, i in notes if start <= lo and hi <= end),
            key=lambda a: (_LAYERS[a[0]], a[1]),
        )
        seen = {layer: i for layer, i in active}
        chunk = f'<span class="qa-n">{first[lo]}</span>' if lo in first else ""
        inner = html.escape(text[lo:hi])
        for layer in sorted(seen, key=_LAYERS.__getitem__, reverse=True):
            i = seen[layer]
            q = quotes[i - 1]
            inner = _open_tag(layer, q, i, _describe(q, i)) + inner + "</span>"
        parts.append(chunk + inner)
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60), st.booleans()),
        max_size=12,
    )
)
def test_highlights_sweep_equals_a_scan_of_every_highlight(
    spans: list[tuple[int, int, int, bool]],
) -> None:
    """Overlapping quotes, cues and speakers, in any order, nested or crossing."""
    from quoteattr.render import _body

    text = "Ana Ruiz said “the bridge & the <road> will open” on Monday, she added."
    quotes = []
    for a, b, c, with_speaker in spans:
        lo, hi = sorted((a, b))
        frag = Span.of(text, lo, hi)
        quotes.append(
            Quote(
                kind=QuoteKind.DIRECT,
                start=lo,
                end=hi,
                text=frag.text,
                fragments=(frag, Span.of(text, c, min(c + 5, len(text)))),
                cue=Span.of(text, c, min(c + 4, len(text))),
                speaker=Speaker(start=0, end=8, text="Ana Ruiz", name="Ana Ruiz")
                if with_speaker
                else None,
            )
        )
    assert _body(text, quotes) == _body_by_scan(text, quotes)


def test_highlights_of_the_seed_article_equal_a_scan(seed_text: str) -> None:
    from quoteattr.render import _body

    quotes = extract_quotes(seed_text)
    assert _body(seed_text, quotes) == _body_by_scan(seed_text, list(quotes))


def test_lone_surrogates_can_be_written_to_an_html_file(tmp_path: Path) -> None:
    text = "“We will win the vote \ud800 today,” said Ana Ruiz. Ruiz said \udc80 no."
    quotes = extract_quotes(text)
    page = tmp_path / "page.html"
    page.write_text(quotes.to_html(title="vote \udfff"), encoding="utf-8")  # no error
    written = page.read_text(encoding="utf-8")
    assert "win the vote \ufffd today" in written and "vote \ufffd" in written
    assert "\ufffd" in render_fragment(text, quotes)
    assert _visible_text(render_fragment(text, quotes)) == text.translate(
        {0xD800: "\ufffd", 0xDC80: "\ufffd"}
    )
