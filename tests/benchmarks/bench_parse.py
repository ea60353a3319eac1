"""Parse throughput (reports per second, median over the corpus, one process) and peak memory.

Run: python tests/benchmarks/bench_parse.py   — prints figures; asserts nothing about speed.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from ogilint import parse_text

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"  # the repo's copies of corpus reports


def reports() -> list[tuple[str, str]]:
    paths = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "real").glob("*.txt"))
    paths += sorted((FIXTURES / "real").glob("*.md")) + sorted((FIXTURES / "fragments").glob("*.txt"))
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def main(rounds: int = 5) -> int:
    docs = reports()
    for _, text in docs:  # warm caches (grammar, OpenCC)
        parse_text(text)
    per_report = []
    for name, text in docs:
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            parse_text(text)
            times.append(time.perf_counter() - start)
        per_report.append((statistics.median(times), name, len(text)))
    medians = [t for t, _, _ in per_report]
    full = [t for t, name, _ in per_report if not name.startswith("frag-")]
    tracemalloc.start()
    for _, text in docs:
        parse_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"reports: {len(docs)} ({len(full)} complete, {len(docs) - len(full)} fragments)")
    print(
        f"median parse time, all reports:      {statistics.median(medians) * 1000:.2f} ms"
        f"  -> {1 / statistics.median(medians):.0f} reports/s"
    )
    print(
        f"median parse time, complete reports: {statistics.median(full) * 1000:.2f} ms"
        f"  -> {1 / statistics.median(full):.0f} reports/s"
    )
    slowest = max(per_report)
    print(f"slowest: {slowest[1]} {slowest[0] * 1000:.1f} ms ({slowest[2]} chars)")
    print(f"peak traced memory while parsing every report once: {peak / 1024 / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
