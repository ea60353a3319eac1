"""The one test that reads the corpus beside the repo (``../shared/corpus``), when it is there.

Every file of it — reports of layouts the tests do not pin, added after the tests were written —
must get an answer from ``ogilint check``: a checked report in the JSON output or a one-line reason
on stderr, never a traceback, within a bounded time. What the answers say is pinned by the tests
that use the repo's copies (``tests/fixtures/``).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SHARED_CORPUS

SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".html", ".htm"}


def test_every_corpus_file_gets_an_answer():
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the repo")
    files = sorted(
        str(p)
        for p in SHARED_CORPUS.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and p.name != "README.md"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "ogilint", "check", "--format", "json", "--exit-zero", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr
    checked = {r["file"] for r in json.loads(proc.stdout) if not r.get("error")}
    reasons = [line for line in proc.stderr.splitlines() if line.startswith("ogilint: ")]
    for path in files:
        assert path in checked or any(line.startswith(f"ogilint: {path}: ") for line in reasons), path
