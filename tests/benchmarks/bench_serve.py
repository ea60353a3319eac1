"""``ogilint serve`` under load, on loopback: a real server (``--jobs`` worker processes), many
clients at once, each uploading ten reports (text, HTML, Markdown, PDF, DOCX), polling its job and
fetching the JSON results. Prints the throughput (reports and jobs per second, from the first upload
to the last result) and the latency of a job (upload to results in hand: median, 95th percentile,
worst). Run: python -m tests.benchmarks.bench_serve [clients] [worker processes] — asserts nothing
about speed."""

from __future__ import annotations

import os
import statistics
import sys

from tests.serve import Server
from tests.serve.load import percentile, run
from tests.serve.test_load import client_sets


def main(clients: int = 20, workers: int | None = None, rounds: int = 1) -> int:
    workers = workers or os.cpu_count() or 1
    sets = client_sets()
    with Server(workers) as server:
        run(server.url, sets[:1], 1)  # the workers start and load their plugins: not measured
        for _ in range(rounds):
            outcomes, seconds = run(server.url, sets, clients)
            failed = [o for o in outcomes if o.state != "done"]
            reports = sum(o.files for o in outcomes)
            latency = [o.seconds for o in outcomes]
            print(
                f"ogilint serve, {workers} worker processes, {clients} clients at once × 10 reports: "
                f"{reports / seconds:.1f} reports/s, {len(outcomes) / seconds:.2f} jobs/s "
                f"({seconds:.1f} s in all); latency per job median {statistics.median(latency):.2f} s, "
                f"p95 {percentile(latency, 95):.2f} s, worst {max(latency):.2f} s; {len(failed)} failed"
            )
            if failed:
                return 1
    return 0


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    sys.exit(main(*args))
