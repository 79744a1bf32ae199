"""Hypothesis strategies for news-like and hostile text."""

from __future__ import annotations

from hypothesis import strategies as st

QUOTE_MARKS = "\"'“”‘’«»„‚‹›"
WORDS = [
    "said",
    "says",
    "told",
    "according to",
    "he",
    "she",
    "who",
    "Psaki",
    "Jen",
    "the",
    "spokeswoman",
    "White House",
    "official",
    ",",
    ".",
    ":",
    "—",
    "that",
    "warned",
    "U.S.",
    "Mr.",
    "O’Brien",
    "’90s",
    "\n\n",
    "\n",
    " ",
    "Sen.",
    "“",
    "”",
    '"',
    "'",
    "«",
    "»",
]

news_like = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
quote_soup = st.text(alphabet=QUOTE_MARKS + " \n.,abcXY", max_size=300)
any_text = st.text(max_size=400)
