"""Tests of :mod:`quoteattr.dateline`: where a wire story's dateline ends, and that the
segmenter, the attribution stage and the colon rules read it the same way. Every sentence
here is written for these tests."""

from __future__ import annotations

import pytest

from quoteattr import QuoteExtractor, extract_quotes
from quoteattr.dateline import dateline_end
from quoteattr.segment import segment


def _line(text: str, start: int = 0) -> str | None:
    stop = dateline_end(text, start)
    return None if stop is None else text[start:stop]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # a place in capitals and a dash
        ("WASHINGTON — The senator said the bill would pass.", "WASHINGTON —"),
        ("WASHINGTON – Lawmakers met late on Friday.", "WASHINGTON –"),
        ("BOSTON -- The mayor said the snow would stop.", "BOSTON --"),
        ("CHARLESTOWN - The harbour closed at noon.", "CHARLESTOWN -"),
        ("SAN FRANCISCO — A ferry ran aground.", "SAN FRANCISCO —"),
        ("ST. LOUIS — The river rose again.", "ST. LOUIS —"),
        ("LA CROSSE, Wis. — Farmers gathered at dawn.", "LA CROSSE, Wis. —"),
        ("ORLANDO, Fla. — The park reopened.", "ORLANDO, Fla. —"),
        ("KYIV, Ukraine — Sirens sounded overnight.", "KYIV, Ukraine —"),
        ("WASHINGTON—The vote was delayed.", "WASHINGTON—"),
        # a date between the place and the agency
        ("BRUSSELS, Dec 3 (Reuters) - Talks failed.", "BRUSSELS, Dec 3 (Reuters) -"),
        ("WASHINGTON, Dec. 8 (UPI) — Aides said little.", "WASHINGTON, Dec. 8 (UPI) —"),
        ("OSLO, March 3, 2021 (AP) — Snow fell.", "OSLO, March 3, 2021 (AP) —"),
        # an agency in brackets, any place
        ("LONDON (Reuters) - Prices rose sharply in May.", "LONDON (Reuters) -"),
        ("SAN JOSE (AP) — A bridge closed.", "SAN JOSE (AP) —"),
        ("Washington (CNN) The governor vetoed the bill.", "Washington (CNN)"),
        ("Washington (CNN)The governor vetoed the bill.", "Washington (CNN)"),
        ("New Delhi, Dec 2 (PTI) The court adjourned.", "New Delhi, Dec 2 (PTI)"),
        # a place in Title Case the lists know, or with a known state or country
        ("Paris, France — The minister said the strike would end.", "Paris, France —"),
        ("Austin, Texas — The council voted to expand the bus lines.", "Austin, Texas —"),
        ("Toronto — The league fined the club.", "Toronto —"),
        # a place in capitals that the lists know, and a colon
        ("CANBERRA: The prime minister said the budget would pass.", "CANBERRA:"),
        ("NEW DELHI: Farmers will keep marching, a union leader said.", "NEW DELHI:"),
        ("LONDON: Rail fares will rise in March.", "LONDON:"),
        ("NEW DELHI: “We will not yield,” the leader said.", "NEW DELHI:"),
        ("BEIJING: 12 ships left the port.", "BEIJING:"),
        # a label in capitals before a dash heads a story the same way
        ("EXCLUSIVE – Ana Ruiz: The port must stay open.", "EXCLUSIVE –"),
    ],
)
def test_datelines(text: str, line: str) -> None:
    assert _line(text) == line


@pytest.mark.parametrize(
    "text",
    [
        # colons: an organisation, a transcript's speakers, labels
        "NATO: Russia must withdraw its troops from the border",
        "Q: Will the bridge open in spring?",
        "A: We expect it to open in May.",
        "ANA RUIZ: We will rebuild the bridge by spring.",
        "UPDATE: The road has reopened.",
        "BREAKING NEWS: The road has reopened.",
        "HUFFPOLLSTER: Voters Weigh The Economy.",
        # a place that is as often a first name: a transcript's speaker as likely
        "JORDAN: We will win this game tonight.",
        "GEORGIA: I never said that to the board.",
        # a place in Title Case before a colon: a headline's speaker may be a country
        "Canberra: Australia Will Send Troops",
        # Title Case that is no known place
        "Ana Ruiz — The mayor herself — said no.",
        "Budget cuts — The council voted them down.",
        "Ruiz, Mayor — The council voted.",
        # an ordinary sentence
        "The senator said the bill would pass.",
        "Prices rose, the office said.",
        "Sen. Ana Ruiz (D) said the vote was close.",
        # capitals that run on as a headline, or words in capitals mid-sentence
        "BUT ECONOMY FAVORS TRUMP - David Wasserman wrote.",
        "The mayor said the BUDGET WOULD PASS: it was certain.",
        "WASHINGTON IS BROKEN, she wrote.",
        # nothing that opens a sentence after the dash or colon
        "WASHINGTON — and then the rain came.",
        "LONDON: rail fares will rise.",
        "LONDON:Rail fares will rise.",
        # a lone word of two letters is no place
        "US — The deal is off.",
        "",
    ],
)
def test_not_datelines(text: str) -> None:
    assert dateline_end(text, 0) is None


def test_the_start_and_end_are_offsets_into_the_text() -> None:
    text = "Headline.\n\nCANBERRA: The prime minister spoke."
    start = text.index("CANBERRA")
    assert _line(text, start) == "CANBERRA:"
    assert dateline_end(text, start, start + 8) is None  # the colon cut off
    assert dateline_end("Later, LONDON — The rain.", 0) is None  # only where it starts


def test_a_dateline_is_a_sentence_of_its_own_in_the_first_paragraphs() -> None:
    for text, first in (
        ("WASHINGTON — The senator said the bill would pass.", "WASHINGTON —"),
        ("Paris, France — The minister said the strike would end.", "Paris, France —"),
        ("CANBERRA: The prime minister said the budget would pass.", "CANBERRA:"),
    ):
        sentences = segment(text)[1]
        assert text[sentences[0].start : sentences[0].end] == first
        assert text[sentences[1].start] == "T"


def test_a_dateline_is_no_part_of_the_content() -> None:
    (q,) = extract_quotes("Paris, France — Prices will rise in May, the minister said.")
    assert q.text == "Prices will rise in May"
    (q,) = extract_quotes(
        "First paragraph.\n\nSecond one.\n\nThird one.\n\n"
        "CHARLESTOWN — Prices will rise in May, the minister said."
    )
    assert q.text == "Prices will rise in May"


@pytest.mark.parametrize(
    "text",
    [
        "CANBERRA: Australia will send troops to the region next month.",
        "NEW DELHI: India will hold talks with China next week.",
        "Headline.\n\nNEW DELHI: India will hold talks with China next week.",
    ],
)
@pytest.mark.parametrize("scheme", ["speech", "broad"])
def test_a_colon_dateline_is_no_speaker(text: str, scheme: str) -> None:
    for q in QuoteExtractor(scheme=scheme)(text):
        assert q.speaker is None or q.speaker.name.lower() not in ("canberra", "new delhi")


def test_a_transcript_still_has_its_turns() -> None:
    text = "Q: Will the bridge open in spring?\n\nANA RUIZ: We expect it to open in May."
    assert [q.speaker.name if q.speaker else None for q in extract_quotes(text)] == [
        "Q",
        "Ana Ruiz",
    ]
    (q,) = extract_quotes("NATO: Russia must withdraw its troops from the border now")
    assert q.speaker is not None and q.speaker.name == "NATO"
