"""The result cache: a file checked before, unchanged, under the same settings, is not read again.

As ruff keeps one: an entry is what reading and the rules that look at one report made of a file
(an :class:`~ogilint.checking.outcome.Outcome`: the report's meta and the counts of its findings, or
the one-line reason it could not be read), followed by its parts: the findings to show, each rule's
findings, and the model, without the parse tree. A hit reads the head only; a part is loaded from
the entry when it is needed (``outcome.OnDisk``), so a rerun over an unchanged folder reads each
report's findings once, for the output, and few models or none.

Its key is the file's path and the SHA-256 of its bytes, ogilint's version, every installed plugin
with its version, and the effective configuration; anything else changed, and the key is another.
The rules that look across reports run on every run (they depend on the other files).

Entries are files under ``<folder>/v6/``, written to a temporary name and renamed into place, so
runs at the same time never read half an entry; an entry that cannot be read is a miss. Timeouts
are not kept (they depend on the machine's load). The folder may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Optional

from ogilint.checking.outcome import OnDisk, Outcome, read_offsets, remember_head
from ogilint.version import __version__

FORMAT = "v6"  # changes when what an entry holds changes
CACHE_ENV = "OGILINT_CACHE_DIR"
_CHUNK = 1 << 20


def default_folder() -> Path:
    """``OGILINT_CACHE_DIR``, else the user's cache folder (``XDG_CACHE_HOME`` or ``~/.cache``)."""
    named = os.environ.get(CACHE_ENV)
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ogilint"


def settings_digest(*parts) -> str:
    """The digest of what, besides the file, decides its results (version, plugins, configuration)."""
    text = "\x1f".join([__version__, FORMAT, *(repr(p) for p in parts)])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class ResultCache:
    """Entries under ``folder`` for one set of settings (``settings``: a :func:`settings_digest`)."""

    def __init__(self, folder: os.PathLike | str, settings: str):
        self.root = Path(folder) / FORMAT
        self.settings = settings
        self.hits = 0
        self.misses = 0

    def key(self, path: str) -> Optional[str]:
        """The entry's key for the file at ``path``, or None for what is not a regular file (standard
        input, a pipe) or cannot be read now (the readers will say why)."""
        digest = hashlib.sha256()
        try:
            if not os.path.isfile(path):  # before opening: a FIFO would block the open
                return None
            with open(path, "rb") as fh:
                for chunk in iter(lambda: fh.read(_CHUNK), b""):
                    digest.update(chunk)
        except (OSError, ValueError):
            return None
        name = os.fsencode(os.path.abspath(path))
        return hashlib.sha256(self.settings.encode() + b"\0" + name + b"\0" + digest.digest()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: Optional[str]):
        """The outcome kept under ``key`` — an ``OnDisk`` that reads its head and parts from the entry
        when asked (or, for a file that gave no report, the head itself) — or None (none kept, or one
        that cannot be read)."""
        if key is None:
            return None
        file = self._file(key)
        try:
            with open(file, "rb") as fh:
                offsets = read_offsets(fh)
                head = pickle.load(fh)
                if not isinstance(head, Outcome):
                    raise TypeError(type(head).__name__)
                inode = os.fstat(fh.fileno()).st_ino
        except Exception:  # missing, half-written by a crashed run, from another version: a miss
            self.misses += 1
            return None
        self.hits += 1
        if head.meta is None:
            return head  # no report: nothing more to read
        answer = OnDisk(head.path, str(file), offsets, inode)
        remember_head(answer, head)
        return answer

    def put(self, key: Optional[str], value: Outcome) -> Optional[OnDisk]:
        """Keep ``value`` under ``key``, and answer it as it lies in the entry (None: the cache cannot
        be written — which is no error: the run goes on)."""
        if key is None:
            return None
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    kept = value.write(fh, str(target), inode=True)
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, pickle.PicklingError, RecursionError):
            return None
        return kept
