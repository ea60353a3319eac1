"""Tests of ``ogilint serve`` (skipped when the serve extra is not installed), and what they share
with the browser test and the benchmark: the reports they upload, ``ogilint check`` run on the same
files for the answer to compare with, and a real server on loopback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

from ..conftest import FIXTURES, SEEDS

# Ten reports of four formats; the four Pingtan years let the rules across reports fire.
REAL = ("pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "pingtan-2025.txt", "shuyang-fgj-2023.html")
# A PDF, a DOCX and more text: the pool the load test's clients draw their ten reports from.
MORE = ("hongze-2023.pdf", "template-2021.docx", "pt-czj-2021.txt", "huaian-2024.txt", "sh-bgt-2025.md")


def report_files(names=REAL) -> list[tuple[str, bytes]]:
    """(upload name, content): the seed reports under ``seeds/``, then ``names`` from fixtures/real."""
    seeds = [(f"seeds/{p.name}", p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    return seeds + [(f"real/{n}", (FIXTURES / "real" / n).read_bytes()) for n in names]


def multipart(files: list[tuple[str, bytes]]) -> list:
    return [("files", (name, data, "application/octet-stream")) for name, data in files]


def check_json(files: list[tuple[str, bytes]], folder: Path) -> str:
    """``ogilint check . --format json`` as a user runs it on a folder holding ``files`` (by their
    upload names, with an empty project config and no cache): the answer the app must give."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ogilint.toml").write_text("", encoding="utf-8")
    for name, data in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    tops = sorted({name.split("/")[0] for name in files_names(files)})
    done = subprocess.run(
        [sys.executable, "-m", "ogilint", "check", *tops, "--format", "json", "--no-cache", "-j", "1"],
        cwd=folder,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


def files_names(files) -> list[str]:
    return [name for name, _ in files]


def wait(get, job_id: str, seconds: float = 120) -> dict:
    """Poll the job through ``get(url)`` (a response with .json()) until it has ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = get(f"/api/jobs/{job_id}").json()
        if status["state"] in ("done", "failed"):
            return status
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not end within {seconds} s")


class Server:
    """``python -m ogilint serve --port 0`` on loopback, in a process of its own, until closed."""

    def __init__(self, jobs: int = 2, *extra: str):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ogilint", "serve", "--port", "0", "--jobs", str(jobs), *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.url = None
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline:
            line = self.process.stderr.readline().decode("utf-8", "replace")
            if not line:
                break
            lines.append(line)
            m = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if m:
                self.url = m.group().rstrip("/")
                break
        if self.url is None:
            self.close()
            raise AssertionError("the server did not start: " + "".join(lines))
        self.said = lines
        # The rest of what it says is kept (a full pipe would stop the server).
        threading.Thread(target=lambda: lines.extend(iter(self.process.stderr.readline, b"")), daemon=True).start()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def client_of(app, **kwargs):
    """Starlette's test client over ``app`` (its warning that it would rather use httpx2 is not ours
    to act on: httpx is what the test extra installs)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    return TestClient(app, **kwargs)
