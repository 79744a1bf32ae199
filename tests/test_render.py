"""Tests of quoteattr.render: the HTML view, checked as markup and as pixels in a real browser.

The browser test renders the seed article's page with headless Chromium (Debian's
``chromium``, installed by ``.ci/run``), takes a screenshot and counts the pixels of each
highlight colour. It skips only when Chromium is missing outside CI; under ``CI=true`` a
missing browser is a failure.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quoteattr import Quotes, extract_quotes, render_html
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
