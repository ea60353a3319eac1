"""An upload's name is text to show, never a path: it is cleaned into a relative name to show (and to
put in the outputs, as ``ogilint check`` names a file of a folder), and the file is stored under a
name this module makes up — its number in the order ``ogilint check`` would walk the uploaded
folder, and the suffix that decides whether and how the walk reads it.
"""

from __future__ import annotations

import re

from ogilint.output.shown import visible

MAX_NAME_CHARS = 255
_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")
_SEPARATORS = re.compile(r"[/\\]")


def shown_name(raw: str | None) -> str:
    """The relative name an upload is shown under: folders split on ``/`` or ``\\``; empty parts,
    ``.`` and ``..`` dropped (a name never climbs out of the upload); control characters escaped;
    at most :data:`MAX_NAME_CHARS` characters. Empty when nothing is left."""
    parts = [p.strip() for p in _SEPARATORS.split(raw or "")]
    parts = [visible(p) for p in parts if p not in ("", ".", "..")]
    name = "/".join(parts)
    if len(name) > MAX_NAME_CHARS:
        name = name[-MAX_NAME_CHARS:].lstrip("/")
    return name


def is_hidden(name: str) -> bool:
    """Whether a folder walk passes the file over without a word (a part starting with ``.``)."""
    return any(part.startswith(".") for part in name.split("/"))


def unique(names: list[str]) -> list[str]:
    """The names, a repeated one numbered (``报告 (2).pdf``), so that each result names one upload."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            stem, dot, suffix = name.rpartition(".")
            candidate = f"{stem} ({n}).{suffix}" if dot and stem and "/" not in suffix else f"{name} ({n})"
        seen.add(candidate)
        out.append(candidate)
    return out


def walk_key(name: str) -> tuple:
    """The place of a relative name in a folder walk's order (``checking.engine.collect``): a
    folder's files sorted by name, then its sub-folders in sorted order, each walked in turn."""
    *folders, file = name.split("/")
    return (*((1, f) for f in folders), (0, file))


def stored_name(number: int, name: str) -> str:
    """The generated name of the ``number``-th upload in walk order: digits, then the shown name's
    suffix when it is a plain one (it decides how the walk reads the file); ``~`` in front of an
    office program's lock file, which the walk lists as skipped."""
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    suffix = base[dot:].lower() if dot > 0 else ""
    lock = "~" if base.startswith("~") else ""
    return f"{lock}{number:06d}{suffix if _SUFFIX.fullmatch(suffix) else ''}"
