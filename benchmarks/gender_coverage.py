"""Who quoteattr gives a gender, on what evidence, and whether text and name lexicon agree.

Run from the repository root (the name lexicon needs the names extra, ``pip install -e
".[names]"``; without it the lexicon columns are skipped)::

    python benchmarks/gender_coverage.py [../shared/eval/data/polnear_dev_names.jsonl]

Method. A *person speaker* is one ``(document, speaker_entity_text)`` pair among the gold
attributions whose ``speaker_kind`` is ``"person"``. quoteattr extracts every document with
the default configuration (text evidence only); a person speaker counts as *found* when some
quote matched to one of its gold attributions (the reference scorer's matching) has a speaker
whose name holds every word of the canonical name. For each found person the gender comes
from the extracted :class:`~quoteattr.Speaker` (the entity's whole evidence, gathered over
the article), and the **deciding evidence** is the strongest kind it holds: an honorific
(*Mr.*, *Ms.*), a gendered or kinship noun (*spokeswoman*, *his wife*), else resolved
pronouns alone (counted apart when they are only possessives and reflexives, *her office*,
*himself*, which the rules possessive-pronoun and reflexive-pronoun read). **Coverage** is
the share of found persons given a gender. Where the text decides and the first-name lexicon
also decides for the canonical name's given name, the **agreement** is the share on which
they say the same; the same run with
``gender_from_first_names=True`` gives the coverage with the fallback.

With ``--all-persons`` (for any file of articles, such as ``polnear_dev.jsonl``) the unit is
every person the cast names in full (two words or more), speaker or not: how many the text
gives a gender, by deciding evidence, and how often the lexicon agrees. It reaches more people
than the speakers, and so checks the precision of a rule on more of its firings.

Only figures are printed: nothing of the data's text is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quoteattr import Config, GenderEvidence, QuoteExtractor
from quoteattr.names_gender import given_name_span

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "data" / "polnear_dev_names.jsonl"
#: Evidence kinds from strongest to weakest.
STRENGTH = ("honorific", "role-noun", "kinship-noun", "pronoun", "first-name")
#: Pronouns that are evidence only (possessives and reflexives), not mentions.
EVIDENCE_ONLY = frozenset(("his", "her", "himself", "herself"))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def found_people(doc: dict, extractor: QuoteExtractor) -> dict[str, tuple[str | None, str]]:
    """Each gold person speaker of ``doc`` that quoteattr names right, with the gender it
    gives and the strongest kind of evidence behind it ("none" if no gender)."""
    text = doc["text"]
    quotes = list(extractor.extract(text))
    gold = [
        q
        for q in doc["quotes"]
        if q.get("speaker_kind") == "person" and q.get("speaker_entity_text")
    ]
    out: dict[str, tuple[str | None, str]] = {}
    for g in gold:
        gs, ge = g["content"]
        best = max(quotes, key=lambda q: _overlap((gs, ge), (q.start, q.end)), default=None)
        if best is None or best.speaker is None:
            continue
        o = _overlap((gs, ge), (best.start, best.end))
        if o < 0.3 * (ge - gs) or o < 0.3 * (best.end - best.start):
            continue
        name = g["speaker_entity_text"]
        words = set(best.speaker.name.lower().split())
        if not all(w.lower() in words for w in name.split()):
            continue
        strongest = _strongest(best.speaker.gender_evidence)
        if best.speaker.gender in ("male", "female"):
            out[name] = (best.speaker.gender, strongest)
        else:
            out.setdefault(name, (None, "none"))
    return out


def _strongest(evidence: Sequence[GenderEvidence]) -> str:
    """The strongest kind of evidence held ("possessive" for possessives and reflexives
    alone)."""
    kinds = {e.kind for e in evidence}
    strongest = next((k for k in STRENGTH if k in kinds), "none")
    if strongest == "pronoun" and all(
        e.text.lower() in EVIDENCE_ONLY for e in evidence if e.kind == "pronoun"
    ):
        strongest = "possessive"
    return strongest


def all_persons(docs: list[dict], first_name_gender: Callable[..., Any] | None) -> None:
    """Print coverage and agreement over every person named in full in ``docs``' casts."""
    extractor = QuoteExtractor()
    by_kind: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    rule_agree: Counter[str] = Counter()
    total = checked = agree = 0
    for doc in docs:
        for ent in extractor.extract(doc["text"]).cast:
            if ent.kind.value != "person" or len(ent.name.split()) < 2:
                continue
            total += 1
            gender = ent.gender if ent.gender in ("male", "female") else None
            by_kind[_strongest(ent.gender_evidence) if gender else "none"] += 1
            if gender is None or first_name_gender is None:
                continue
            span = given_name_span(ent.name)
            decided = first_name_gender(ent.name[span[0] : span[1]]) if span else None
            if decided:
                checked += 1
                agree += decided[0] == gender
                for kind in {e.kind for e in ent.gender_evidence}:
                    by_rule[kind] += 1
                    rule_agree[kind] += decided[0] == gender
    covered = total - by_kind["none"]
    print(f"{total} persons named in full in {len(docs)} documents")
    print(f"text evidence: {covered}/{total} = {covered / max(total, 1):.3f}")
    for kind in (*STRENGTH[:-1], "possessive", "none"):
        label = "possessives" if kind == "possessive" else kind
        print(f"  decided by {label:<12} {by_kind[kind]:>6}")
    if first_name_gender is not None:
        share = agree / max(checked, 1)
        print(f"text and lexicon both decide: {checked}; agree {agree} = {share:.3f}")
        for kind, n in sorted(by_rule.items()):
            print(f"  holding {kind:<12} {n:>6}; agree {rule_agree[kind] / n:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--all-persons",
        action="store_true",
        help="count every person the casts name in full, not only the gold speakers",
    )
    args = parser.parse_args()
    docs = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    try:
        from quoteattr.names_gender import first_name_gender, given_name

        first_name_gender("Maria")
    except Exception as exc:  # the names extra is optional
        print(f"(no name lexicon: {exc}; lexicon columns skipped)", file=sys.stderr)
        first_name_gender = given_name = None  # type: ignore[assignment]
    if args.all_persons:
        all_persons(docs, first_name_gender)
        return
    text_only = QuoteExtractor()
    with_names = QuoteExtractor(Config(gender_from_first_names=True))
    by_kind: Counter[str] = Counter()
    total = with_fallback = 0
    checked = agree = 0
    for doc in docs:
        text_found = found_people(doc, text_only)
        fallback_found = found_people(doc, with_names)
        for name, (gender, kind) in text_found.items():
            total += 1
            by_kind[kind if gender else "none"] += 1
            if fallback_found.get(name, (None, ""))[0]:
                with_fallback += 1
            if gender and first_name_gender is not None and given_name is not None:
                given = given_name(name)
                decided = first_name_gender(given) if given else None
                if decided:
                    checked += 1
                    agree += decided[0] == gender
    covered = total - by_kind["none"]
    print(f"{total} person speakers found by name in {len(docs)} documents")
    print(f"text evidence: coverage {covered}/{total} = {covered / max(total, 1):.3f}")
    for kind in (*STRENGTH[:-1], "possessive", "none"):
        n = by_kind[kind]
        label = "possessives" if kind == "possessive" else kind
        print(f"  decided by {label:<12} {n:>5}  {n / max(total, 1):.3f}")
    print(
        f"with gender_from_first_names=True: coverage {with_fallback}/{total} = "
        f"{with_fallback / max(total, 1):.3f}"
    )
    if first_name_gender is not None:
        print(
            f"text and lexicon both decide: {checked}; they agree on {agree} = "
            f"{agree / max(checked, 1):.3f}"
        )


if __name__ == "__main__":
    main()
