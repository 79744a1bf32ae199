"""Prove that a change left quoteattr's output unchanged: byte for byte, document by document.

Run it once before the change to save a fingerprint of every document's output, and once after
to compare (from the repository root, with the project's environment active)::

    python benchmarks/same_output.py --save /tmp/before.jsonl
    # ... change the code ...
    python benchmarks/same_output.py --compare /tmp/before.jsonl

Each line of the saved file holds one document's id and the SHA-256 of its quotes'
``to_dict()`` (and its warnings) as canonical JSON, so no text of the evaluation set is stored.
``--compare`` prints the ids of the documents whose output changed and exits with status 1 if
any did. The default corpus is ``../shared/eval/data/polnear_dev.jsonl`` (924 documents).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The quoteattr of this tree, not whichever one the environment installed (an editable
# install of another worktree would otherwise be measured against itself).
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "data" / "polnear_dev.jsonl"


def fingerprints(
    path: Path, limit: int | None, options: dict[str, str] | None = None
) -> dict[str, str]:
    """Document id → SHA-256 of its output as canonical JSON (``options``: Config fields)."""
    from quoteattr import QuoteExtractor

    extract_quotes = QuoteExtractor(**(options or {})).extract

    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            if not line.strip():
                continue
            doc = json.loads(line)
            result = extract_quotes(doc["text"])
            payload = {"quotes": result.to_dicts(), "warnings": list(result.warnings)}
            blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
            out[str(doc.get("id", n))] = hashlib.sha256(blob).hexdigest()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a JSON Lines corpus")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Config field (a string), e.g. scheme=broad; repeatable",
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the fingerprints to this file")
    group.add_argument("--compare", type=Path, help="compare with fingerprints saved before")
    args = parser.parse_args(argv)
    options = dict(item.split("=", 1) for item in args.config)
    now = fingerprints(args.data, args.limit, options)
    if args.save:
        with args.save.open("w", encoding="utf-8") as f:
            for doc_id, digest in now.items():
                f.write(json.dumps({"id": doc_id, "sha256": digest}) + "\n")
        print(f"saved the output fingerprints of {len(now)} documents to {args.save}")
        return 0
    with args.compare.open(encoding="utf-8") as f:
        before = {d["id"]: d["sha256"] for d in map(json.loads, f) if d}
    changed = [k for k, v in now.items() if k in before and before[k] != v]
    missing = [k for k in now if k not in before]
    for k in changed:
        print(f"changed: {k}")
    for k in missing:
        print(f"not in {args.compare}: {k}")
    same = len(now) - len(changed) - len(missing)
    print(f"{same} of {len(now)} documents byte-identical")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
