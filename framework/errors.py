"""Errors that end a run on one input with a one-line reason (exit code 2)."""


class UnusableInput(Exception):
    """The input cannot be read as a report at all (binary, empty, undecodable, too large)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class CheckTimeout(BaseException):
    """One file's check spent its time budget. A BaseException, so that no ``except Exception``
    around a reader or a rule can swallow it: only the engine's per-file guard catches it."""
