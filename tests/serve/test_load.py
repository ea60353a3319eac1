"""A bounded load test on loopback: 20 clients at once, each uploading 10 reports to a real
``ogilint serve`` (two worker processes); no error, no job lost, and every client's results
byte for byte those of ``ogilint check`` on the same files."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette", reason="ogilint serve 需要 ogilint[serve] (starlette)")
pytest.importorskip("uvicorn", reason="ogilint serve 需要 ogilint[serve] (uvicorn)")
pytest.importorskip("multipart", reason="ogilint serve 需要 ogilint[serve] (python-multipart)")
pytest.importorskip("httpx", reason="the clients use httpx")

from . import MORE, REAL, Server, check_json, report_files
from .load import TOP, folder, run

CLIENTS = 20


def client_sets() -> list[list[tuple[str, bytes]]]:
    """Three sets of ten reports, drawn from fifteen (text, HTML, Markdown, PDF, DOCX)."""
    pool = report_files(REAL + MORE)
    return [pool[start : start + 10] for start in (0, 5)] + [pool[:5] + pool[10:]]


def test_twenty_clients_at_once_get_what_ogilint_check_gives(tmp_path):
    sets = client_sets()
    assert all(len(s) == 10 for s in sets)
    expected = [check_json([(f"{TOP}/{n}", d) for n, d in s], tmp_path / f"cli{i}") for i, s in enumerate(sets)]
    with Server(2) as server:
        outcomes, _ = run(server.url, sets, CLIENTS)
        said = "".join(server.said)
    assert [o.client for o in outcomes] == list(range(CLIENTS))
    for o in outcomes:
        assert o.state == "done", (o.client, o.state, o.error, said)
        assert o.files == 10
        # Each client's own folder name, so that a result given to the wrong client would show.
        assert o.results == expected[o.client % len(sets)].replace(f"{TOP}/", f"{folder(o.client)}/")


def test_the_benchmark_prints_its_figures(capsys):
    from tests.benchmarks import bench_serve

    assert bench_serve.main(clients=3, workers=1) == 0
    out = capsys.readouterr().out
    assert "reports/s" in out and "p95" in out and "0 failed" in out
