"""Prove that a change of structure changed no behaviour.

``python -m tests.tools.equivalence snapshot DIR`` writes, for every file of the corpus beside the
repo (the ``shared/corpus`` folder next to it) and the repo's fixtures, what ``ogilint parse`` and ``ogilint check``
print as JSON (one file at a time, then each folder at once, so the cross-report rules run too),
plus the rule list and every rule's explanation. ``compare DIR`` writes the same again to a temporary
folder and lists every output that differs; it exits 1 when one does.

Run ``snapshot`` on the commit before the change and ``compare`` after it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

from ogilint.cli import main as ogilint_main

REPO = Path(__file__).resolve().parents[2]
SOURCES = [REPO.parent / "shared" / "corpus", REPO / "tests" / "fixtures"]
SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".html", ".htm"}


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = ogilint_main(argv)
    return f"exit {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def _inputs() -> list[Path]:
    files = []
    for root in SOURCES:
        if root.is_dir():
            files += [p for p in sorted(root.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES]
    return files


def _name(path: Path) -> str:
    return str(path.relative_to(REPO.parent)).replace("/", "__")


def snapshot(out_dir: Path) -> int:
    with tempfile.TemporaryDirectory() as cache:  # never an answer kept by an earlier state of the code
        os.environ["OGILINT_CACHE_DIR"] = cache
        return _snapshot(out_dir)


def _snapshot(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    files = _inputs()
    outputs = {"rules": ["rules"]}
    for path in files:
        outputs[f"parse__{_name(path)}"] = ["parse", str(path)]
        outputs[f"check__{_name(path)}"] = ["check", str(path), "--format", "json", "--exit-zero"]
    for folder in sorted({p.parent for p in files}):
        outputs[f"checkdir__{_name(folder)}"] = ["check", str(folder), "--format", "json", "--exit-zero"]
        outputs[f"checkdir-text__{_name(folder)}"] = ["check", str(folder), "--exit-zero"]
    rules = _run(["rules"]).split("\n")
    for line in rules[2:]:
        code = line.split(" ", 1)[0]
        if code[:3].isalpha() and code[3:].isdigit():
            outputs[f"explain__{code}"] = ["explain", code]
    for name, argv in outputs.items():
        (out_dir / f"{name}.out").write_text(_run(argv), encoding="utf-8")
    print(f"{len(outputs)} outputs written to {out_dir}")
    return 0


def compare(before: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        after = Path(tmp)
        snapshot(after)
        names = sorted(p.name for p in before.glob("*.out"))  # inputs added since are new, not changed
        differ = []
        for name in names:
            a, b = before / name, after / name
            if not (a.exists() and b.exists()) or a.read_bytes() != b.read_bytes():
                differ.append(name)
        for name in differ:
            print(f"differs: {name}")
        print(f"{len(names) - len(differ)} of {len(names)} outputs identical")
        return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("snapshot", "compare"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit((snapshot if sys.argv[1] == "snapshot" else compare)(Path(sys.argv[2])))
