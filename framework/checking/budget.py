"""The per-file time budget: every file gets an answer in bounded time, whatever it holds.

The budget counts the CPU time of this process (``ITIMER_VIRTUAL``): a regular expression or a search
that runs away is cut off, while waiting on the disk costs nothing. Where the timer is not available
(Windows, or a thread other than the main one) files run without a budget.
"""

from __future__ import annotations

import contextlib
import signal
import threading

from ogilint.errors import CheckTimeout

DEFAULT_SECONDS = 60.0  # generous: a real report takes well under a second


def _raise_timeout(*_):
    raise CheckTimeout


@contextlib.contextmanager
def time_budget(seconds: float | None):
    """Raise :class:`CheckTimeout` inside the block once it has used ``seconds`` of CPU time."""
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and hasattr(signal, "SIGVTALRM")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
