"""Figures for a national year: reports/s per core on *distinct* reports for each input format, the
ratio to a bare lark parse, the ``--jobs 2`` speed-up, peak memory at N and 10·N reports, and a warm
cache rerun. Distinct reports are the fixture reports with their numbers varied
(``tests/benchmarks/distinct.py``): checking copies of the same five files measures a cache, not
the checker.

Run: python -m tests.benchmarks.bench_scale [--quick]   — prints figures; asserts nothing.
(--quick: smaller counts, for a try; the figures in the README come from a full run.)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ogilint import parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.parsing.grammar import grammar
from ogilint.parsing.lexer import lex_lines
from ogilint.parsing.normalize import normalize_lines
from ogilint.parsing.template import detect_template
from ogilint.text import split_lines
from tests import renderings
from tests.benchmarks.distinct import distinct, write


def _per_second(n: int, seconds: float) -> str:
    return f"{n / seconds:7.1f} reports/s ({1000 * seconds / n:.1f} ms each)"


def formats(n_text: int, n_other: int, folder: Path) -> None:
    """Reports/s on one core, read, parsed and checked with every rule of the national set."""
    engine = Engine(ProjectConfig(), Overrides())
    texts = list(distinct(n_text, seed=7))
    (folder / "text").mkdir()
    for name, text in texts:
        (folder / "text" / name).write_text(text, encoding="utf-8")
    for fmt in ("pdf", "docx", "html"):
        (folder / fmt).mkdir()
    rendered = 0
    for name, text in texts:  # the renderings draw the 2021 tables: other layouts are passed over
        if rendered == n_other:
            break
        report = parse_text(text)
        stem = Path(name).stem
        try:
            page = renderings.to_html(report, "utf-8")
            renderings.to_pdf(report, folder / "pdf" / f"{stem}.pdf")
            renderings.to_docx(report, folder / "docx" / f"{stem}.docx")
        except (KeyError, ValueError, IndexError):
            continue
        (folder / "html" / f"{stem}.html").write_bytes(page)
        rendered += 1
    engine.check_paths([str(folder / "text" / texts[0][0])])  # warm: imports, grammar, OpenCC
    print("one core, distinct reports, every rule (check_paths, no cache):")
    for fmt in ("text", "pdf", "docx", "html"):
        files = sorted(str(p) for p in (folder / fmt).iterdir())
        start = time.perf_counter()
        engine.check_paths(files)
        print(f"  {fmt:5} {len(files):5} files: {_per_second(len(files), time.perf_counter() - start)}")
    lark_ratio(texts, engine)


def lark_ratio(texts, engine) -> None:
    """The whole check against lark's part of it (the grammar over the lexer's tokens)."""
    bare, whole = [], []
    for _, text in texts:
        lines = normalize_lines(split_lines(text))
        version = detect_template(lines, None)[0]
        tokens = lex_lines(lines)
        start = time.perf_counter()
        grammar(version).parse(tokens)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        engine.check_report(parse_text(text))
        whole.append(time.perf_counter() - start)
    print(
        f"  bare lark parse: median {1000 * statistics.median(bare):.2f} ms; a whole check "
        f"{1000 * statistics.median(whole):.2f} ms: {statistics.median(whole) / statistics.median(bare):.0f}× the lark parse"
    )


# The child tells its own peak: its resident high-water mark (VmHWM) as it exits. ``ru_maxrss`` from
# wait4 would not do: Linux keeps across exec the high-water mark of the memory the child started
# with, a copy of this process (about 84 MiB here after the per-format figures) — it measured this
# benchmark, not the run.
_PEAK = """
import atexit, runpy, sys
def _peak():
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    sys.stderr.write("PEAK_KIB " + line.split()[1] + "\\n")
    except OSError:
        pass
atexit.register(_peak)
sys.argv = ["ogilint", *sys.argv[1:]]
runpy.run_module("ogilint", run_name="__main__", alter_sys=True)
"""


def _run(args: list[str], env: dict | None = None) -> tuple[float, int]:
    """(seconds, peak resident memory in MiB, or -1 where the system does not tell) of one
    ``ogilint`` run in a child process."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    seconds = time.perf_counter() - start
    told = [line for line in proc.stderr.decode("utf-8", "replace").splitlines() if line.startswith("PEAK_KIB ")]
    return seconds, int(told[-1].split()[1]) // 1024 if told else -1


def runs(n: int, folder: Path) -> None:
    reports = folder / f"distinct-{n}"
    write(reports, n, seed=11)
    one, rss_one = _run(["check", str(reports), "--no-cache", "--jobs", "1", "--format", "concise"])
    two, _ = _run(["check", str(reports), "--no-cache", "--jobs", "2", "--format", "concise"])
    print(f"command line, {n} distinct text reports (--no-cache):")
    print(
        f"  --jobs 1: {one:.1f} s ({n / one:.0f}/s); --jobs 2: {two:.1f} s ({n / two:.0f}/s): {one / two:.2f}× faster"
    )
    env = {**os.environ, "OGILINT_CACHE_DIR": str(folder / "cache")}
    cold, _ = _run(["check", str(reports), "--format", "concise"], env)
    warm, _ = _run(["check", str(reports), "--format", "concise"], env)
    print(
        f"  result cache: cold {cold:.1f} s, warm rerun of the unchanged folder {warm:.1f} s: {cold / warm:.1f}× faster"
    )
    return rss_one


def memory(ns: list[int], folder: Path) -> None:
    print("peak resident memory, --jobs 1 --no-cache (the whole run in one process):")
    for n in ns:
        reports = folder / f"memory-{n}"
        write(reports, n, seed=13)
        seconds, rss = _run(["check", str(reports), "--no-cache", "--jobs", "1", "--format", "concise"])
        print(f"  {n:6} reports: {rss} MiB ({1024 * rss / n:.0f} KiB per report), {seconds:.0f} s")


def machine_speed() -> float:
    """Seconds for 10⁷ additions in a Python loop: machines of the same kind differ by 2× and more,
    and the figures are only comparable with this beside them."""
    start = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - start


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    print(f"this machine: 10⁷ additions in a Python loop take {machine_speed():.2f} s")
    with tempfile.TemporaryDirectory(prefix="ogilint-bench-") as tmp:
        folder = Path(tmp)
        formats(100 if quick else 400, 10 if quick else 40, folder)
        runs(200 if quick else 1000, folder)
        memory([100, 1000] if quick else [1000, 10000], folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
