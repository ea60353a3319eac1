"""`check` throughput with every rule on: reports per second (median, one process), and the time
spent in rules against the time spent parsing.

Run: python tests/benchmarks/bench_check.py   — prints figures; asserts nothing about speed.
"""

from __future__ import annotations

import statistics
import sys
import time

from ogilint import parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.benchmarks.bench_parse import reports


def main(rounds: int = 3) -> int:
    engine = Engine(ProjectConfig(), Overrides(select=["ALL"]))
    docs = reports()
    parse_times, rule_times, totals = [], [], []
    for name, text in docs:
        report = parse_text(text)
        engine.check_report(report, name)  # warm
        for _ in range(rounds):
            t0 = time.perf_counter()
            report = parse_text(text)
            t1 = time.perf_counter()
            result = engine.check_report(report, name)
            t2 = time.perf_counter()
            parse_times.append(t1 - t0)
            rule_times.append(result.seconds_rules)
            totals.append(t2 - t0)
    median = statistics.median(totals)
    print(f"rules: {len(engine.registry.rules)} ({', '.join(sorted({c[:3] for c in engine.registry.rules}))})")
    print(f"check, median per report: {median * 1000:.2f} ms -> {1 / median:.0f} reports/s (one core)")
    print(
        f"time in parsing: {sum(parse_times):.3f} s; in rules: {sum(rule_times):.3f} s "
        f"({100 * sum(rule_times) / (sum(parse_times) + sum(rule_times)):.0f}% of the run)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
