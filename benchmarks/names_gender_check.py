"""How far the first-name gender fallback reaches, and how often the text agrees: prints figures.

Run from the repository root, with the names extra installed (``pip install -e ".[names]"``)::

    python benchmarks/names_gender_check.py [../shared/eval/data/polnear_dev_names.jsonl]

Method. A *person speaker* is one ``(document, speaker_entity_text)`` pair among the gold
attributions whose ``speaker_kind`` is ``"person"``. For each, :func:`quoteattr.names_gender.
given_name` takes the given name from the canonical name and
:func:`~quoteattr.names_gender.first_name_gender` looks it up; **coverage** is the share of
person speakers it decides. As a rough check of what it decides, the gold data gives the
text's own evidence for some of them: attributions of the same person whose speaker mention is
*he*/*him*/*his* or *she*/*her*, and *Mr.*/*Ms.*/*Mrs.*/*Miss* written before the person's
surname anywhere in the article. **Agreement** is the share of decided people with such
evidence (and no conflict in it) on whom the lexicon agrees with the text. The figures use the
gold speakers, so they measure the lexicon, not the extractor.

Only figures are printed: nothing of the data's text is stored.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from quoteattr.names_gender import MAX_UNCERTAINTY, first_name_gender, given_name

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "data" / "polnear_dev_names.jsonl"

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
HONORIFIC_GENDER = {"Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female"}


def text_evidence(path: Path) -> dict[tuple[str, str], set[str]]:
    """Each gold person speaker mapped to the genders the text gives it (pronouns, honorifics)."""
    people: dict[tuple[str, str], set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            names = set()
            for q in doc["quotes"]:
                name = q.get("speaker_entity_text")
                if q.get("speaker_kind") != "person" or not name:
                    continue
                names.add(name)
                said = (q.get("speaker_text") or "").strip().lower()
                people[doc["id"], name]
                if said in PRONOUN_GENDER:
                    people[doc["id"], name].add(PRONOUN_GENDER[said])
            for name in names:
                surname = re.escape(name.split()[-1])
                for m in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.? {surname}\b", doc["text"]):
                    people[doc["id"], name].add(HONORIFIC_GENDER[m.group(1)])
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--max-uncertainty", type=float, nargs="*", default=[MAX_UNCERTAINTY, 0.2])
    args = parser.parse_args()
    people = text_evidence(args.data)
    print(f"{len(people)} person speakers in {args.data.name}")
    no_given = sum(1 for _, name in people if given_name(name) is None)
    with_text = sum(1 for ev in people.values() if len(ev) == 1)
    conflicts = sum(1 for ev in people.values() if len(ev) > 1)
    print(f"  no given name to look up (a surname alone, initials): {no_given}")
    print(
        f"  with one gender in the gold pronouns/honorifics: {with_text}; conflicting: {conflicts}"
    )
    silent = sum(1 for ev in people.values() if not ev)
    print(f"  with none: {silent}; distinct names: {len({name for _, name in people})}")
    for u in args.max_uncertainty:
        outcome: Counter[str] = Counter()
        wrong: list[str] = []
        for (_, name), evidence in people.items():
            given = given_name(name)
            decided = first_name_gender(given, max_uncertainty=u) if given else None
            outcome["decided" if decided else "undecided"] += 1
            if decided and len(evidence) == 1:
                outcome["checked"] += 1
                if decided[0] in evidence:
                    outcome["agree"] += 1
                else:
                    wrong.append(f"{name} ({decided[0]})")
            if decided and not evidence:
                outcome["only-lexicon"] += 1
        n = len(people)
        print(
            f"max_uncertainty={u}: coverage {outcome['decided']}/{n} = "
            f"{outcome['decided'] / n:.3f}; decided where the gold text gives nothing: "
            f"{outcome['only-lexicon']}/{silent}; agreement with the text {outcome['agree']}/"
            f"{outcome['checked']} = {outcome['agree'] / max(outcome['checked'], 1):.3f}"
        )
        if wrong:
            print("  disagreements: " + ", ".join(sorted(set(wrong))))


if __name__ == "__main__":
    main()
