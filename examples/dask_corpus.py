"""Extract the quotes of a directory of articles with dask.bag on a local cluster.

    python examples/dask_corpus.py ARTICLES_DIR OUT_DIR [--workers N] [--pattern '*.txt']

Every file matching the pattern (UTF-8 text, one article each) is read on a worker; each
partition builds one :class:`~quoteattr.QuoteExtractor` and extracts its articles. The quotes
are written as JSON Lines, one file per partition (``OUT_DIR/0.jsonl``, ``1.jsonl``, ...),
one object per quote: ``{"doc": <file name>, **Quote.to_dict()}``. Needs
``pip install "quoteattr[dask]"``. See ``docs/scaling.md`` for the same with Spark.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from quoteattr import QuoteExtractor


def extract_partition(paths: Iterable[str]) -> Iterator[str]:
    """JSON lines for the articles of one partition (runs on a worker)."""
    extractor = QuoteExtractor()  # one per partition: nothing is shared between workers
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        name = Path(path).name
        for quote in extractor.extract(text):
            yield json.dumps({"doc": name, **quote.to_dict()}, ensure_ascii=False)


def partition_text(paths: Iterable[str]) -> list[str]:
    """A partition's JSON Lines as one string, so an empty partition writes an empty file."""
    return ["".join(line + "\n" for line in extract_partition(paths))]


def run(in_dir: Path, out_dir: Path, *, workers: int = 2, pattern: str = "*.txt") -> int:
    """Extract every article of ``in_dir`` into JSON Lines under ``out_dir``.

    Returns:
        The number of articles read.
    """
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    paths = sorted(str(p) for p in in_dir.glob(pattern) if p.is_file())
    if not paths:
        raise SystemExit(f"no file matches {pattern!r} in {in_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        bag = db.from_sequence(paths, npartitions=min(len(paths), workers * 4))
        bag.map_partitions(partition_text).to_textfiles(str(out_dir / "*.jsonl"))
    return len(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("in_dir", type=Path, help="directory of articles")
    parser.add_argument("out_dir", type=Path, help="where to write the JSON Lines files")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--pattern", default="*.txt", help="file name pattern (default *.txt)")
    args = parser.parse_args(argv)
    n = run(args.in_dir, args.out_dir, workers=args.workers, pattern=args.pattern)
    print(f"{n} articles -> {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
