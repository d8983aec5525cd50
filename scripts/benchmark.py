"""Speed and memory of a lint run, measured (not asserted in unit tests).

    python scripts/benchmark.py [--words 200000]

Builds a temporary tree of Markdown files from the labelled corpora (repeated until it holds
about --words words), lints it in a fresh process with the installed ``claimlint``, and prints
the start-up time of a one-file run, throughput in words per second and peak memory (RSS).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_tree(directory: Path, words: int) -> int:
    """Write corpus copies into ``directory`` until about ``words`` words; return the count."""
    sources = sorted((REPO / "corpora").rglob("*.md"))
    total = copy = 0
    while total < words:
        for source in sources:
            text = source.read_text(encoding="utf-8")
            (directory / f"{copy:04d}-{source.name}").write_text(text, encoding="utf-8")
            total += len(text.split())
            copy += 1
            if total >= words:
                break
    return total


def timed(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one claimlint process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimlint", "--exit-zero", *args], stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, peak / 1024


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        tree = Path(temporary)
        words = build_tree(tree, options.words)
        one_file = next(tree.iterdir())
        startup, _ = timed([str(one_file)])
        elapsed, peak = timed([str(tree)])
    print(f"one-file run: {startup:.2f} s")
    print(f"tree: {words} words in {elapsed:.2f} s = {words / elapsed:,.0f} words/s, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
