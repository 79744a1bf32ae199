"""Extract and print every quote of the seed article as a table.

python examples/seed_article.py [ARTICLE.txt]
"""

from __future__ import annotations

import sys
from pathlib import Path

from quoteattr import extract_quotes

HERE = Path(__file__).resolve().parent


def main(path: Path = HERE / "seed_article.txt") -> None:
    text = path.read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    rows = [("kind", "speaker", "role", "cue", "quote")]
    for q in quotes:
        sp = q.speaker
        rows.append(
            (
                q.kind.value,
                sp.name if sp else "-",
                (sp.role or "-") if sp else "-",
                q.cue.text if q.cue else "-",
                " ".join(q.text.split())[:60],
            )
        )
    widths = [min(28, max(len(r[i]) for r in rows)) for i in range(4)]
    for r in rows:
        cells = [r[i][: widths[i]].ljust(widths[i]) for i in range(4)]
        print(" | ".join([*cells, r[4]]))
    print(f"\n{len(quotes)} quotes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "seed_article.txt")
