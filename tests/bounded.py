"""Run the command line in a subprocess under a time and an address-space limit.

Tests that promise an answer "in bounded time and memory" use this instead of timing a call inside
the (possibly loaded, parallel) test process: the limit is enforced by the operating system and the
timeout, and a hang or a runaway allocation fails the test instead of stalling the suite.
"""

from __future__ import annotations

import resource
import subprocess
import sys

MEMORY_LIMIT = 2 << 30  # bytes of address space for the child


def _limit_memory():  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def ogilint_bounded(*args: str, seconds: int = 60) -> subprocess.CompletedProcess:
    """``python -m ogilint ARGS`` with a timeout and a memory limit; the answer must be a proper
    exit code (0, 1, 2) and never a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "ogilint", *args],
        capture_output=True,
        text=True,
        timeout=seconds,
        preexec_fn=_limit_memory,
    )
    assert proc.returncode in (0, 1, 2), proc.stderr[-500:]
    assert "Traceback" not in proc.stderr, proc.stderr[-500:]
    return proc
