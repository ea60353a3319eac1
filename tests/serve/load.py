"""Many clients at once against a real ``ogilint serve`` on loopback, as the load test and the
benchmark (tests/benchmarks/bench_serve.py) run them: each client uploads its reports under a
folder of its own name, polls its job, fetches the JSON results and deletes the job."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import attrs

from . import multipart

TOP = "客户端"  # the folder each client's reports are uploaded in, numbered per client


@attrs.frozen
class Outcome:
    client: int
    seconds: float  # from the upload to the results in hand
    state: str
    files: int
    results: str  # the JSON results ("" when the job failed)
    error: str = ""


def folder(client: int) -> str:
    return f"{TOP}{client:02d}"


def one_client(url: str, client: int, files: list[tuple[str, bytes]], timeout: float = 300) -> Outcome:
    import httpx

    named = [(f"{folder(client)}/{name}", data) for name, data in files]
    started = time.monotonic()
    with httpx.Client(base_url=url, timeout=60) as http:
        answer = http.post("/api/jobs", files=multipart(named))
        if answer.status_code != 202:
            return Outcome(client, time.monotonic() - started, "refused", 0, "", answer.text)
        job = answer.json()["id"]
        deadline = started + timeout
        while True:
            status = http.get(f"/api/jobs/{job}").json()
            if status["state"] in ("done", "failed") or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if status["state"] != "done":
            return Outcome(client, time.monotonic() - started, status["state"], 0, "", status.get("error", ""))
        results = http.get(status["downloads"]["json"]).text
        seconds = time.monotonic() - started
        http.delete(f"/api/jobs/{job}")
    return Outcome(client, seconds, "done", len(status["results"]), results)


def run(url: str, sets: list[list[tuple[str, bytes]]], clients: int) -> tuple[list[Outcome], float]:
    """``clients`` clients at once, client ``i`` uploading ``sets[i % len(sets)]``; the outcomes in
    client order and the wall-clock seconds of the whole run."""
    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        outcomes = list(pool.map(lambda i: one_client(url, i, sets[i % len(sets)]), range(clients)))
    return outcomes, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]
