"""The progress bar of a run over a folder: on a terminal only (a pipe, a file or CI logs get no
bar and no control characters), on stderr (stdout holds the results), drawn by tqdm."""

from __future__ import annotations

import os
import sys

from ogilint.reading import pages


class Bar:
    """``progress(stage, done, total)`` for :meth:`Engine.check_paths`, one bar per stage."""

    def __init__(self, stream):
        self.stream = stream
        self.bar = None
        self.stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            from tqdm import tqdm  # imported only when a bar is drawn

            self.stage = stage
            width = _width(self.stream)  # a terminal that tells no size (0 columns) gets 80
            self.bar = tqdm(
                total=total,
                desc=stage,
                unit="页" if stage == pages.STAGE else "份",
                file=self.stream,
                leave=False,
                ncols=None if width else 80,
                dynamic_ncols=bool(width),
            )
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _width(stream) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0


def for_terminal(stream=None):
    """A :class:`Bar` when ``stream`` (stderr by default) is a terminal and the run is not told to be
    quiet (``NO_PROGRESS``, or ``TERM=dumb``); otherwise None, and nothing is drawn."""
    stream = sys.stderr if stream is None else stream
    try:
        tty = stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        tty = False
    if not tty or os.environ.get("NO_PROGRESS") or os.environ.get("TERM") == "dumb":
        return None
    return Bar(stream)
