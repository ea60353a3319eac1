"""Fuzz every reader with generated inputs and print the slowest and the largest (not run by CI).

    python -m tests.benchmarks.fuzz_inputs [--count 10000] [--jobs 2] [--seed 1]

Inputs are derived, deterministically from the seed, from the seed reports and their PDF, DOCX and
HTML renderings: bytes flipped, cut, duplicated and spliced; lines shuffled, repeated and stretched
with long runs of white space, dashes and digits; signatures of one format put on another's body.
Each input is parsed (``ogilint.parse_file``) in a worker process under an alarm; the figures are
its wall time and the peak of Python's heap while it was read (tracemalloc; C libraries such as
PDFium allocate outside it, so the worker's resident size is printed too). The promise checked:
no input over 5 s or 500 MB, and every input a model or a one-line reason.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import signal
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "fixtures" / "seeds"
LIMIT_SECONDS, LIMIT_MB = 5.0, 500.0
SIGNATURES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf", b"\xff\xfe"]
FILLERS = [" ", "\t", "-", "1", "0", "年", "、", "|", "一、", "第二十条"]


def _samples(folder: Path) -> dict[str, list[bytes]]:
    """The material mutations start from: texts and their renderings in each format."""
    from ogilint import parse_file
    from tests import renderings

    out: dict[str, list[bytes]] = {"txt": [], "pdf": [], "docx": [], "html": []}
    for path in sorted(SEEDS.glob("*.txt")):
        out["txt"].append(path.read_bytes())
        report = parse_file(path)
        out["html"].append(renderings.to_html(report, "utf-8"))
        docx, pdf = folder / f"{path.stem}.docx", folder / f"{path.stem}.pdf"
        renderings.to_docx(report, docx)
        renderings.to_pdf(report, pdf)
        out["docx"].append(docx.read_bytes())
        out["pdf"].append(pdf.read_bytes())
    return out


def _mutate_text(rnd: random.Random, data: bytes) -> bytes:
    lines = data.decode("utf-8", "replace").split("\n")
    how = rnd.randrange(5)
    if how == 0:
        rnd.shuffle(lines)
    elif how == 1:
        i = rnd.randrange(len(lines))
        lines[i] = lines[i] + rnd.choice(FILLERS) * rnd.randint(1, 60_000) + rnd.choice("x|。9")
    elif how == 2:
        i = rnd.randrange(len(lines))
        lines[i:i] = [rnd.choice(FILLERS) * rnd.randint(1, 3000)] * rnd.randint(1, 50)
    elif how == 3:
        lines = [line.replace(" ", "") for line in lines]  # digits run together, as crawlers give them
    else:
        i = rnd.randrange(len(lines))
        lines[i] = lines[i] + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 400)))
    return "\n".join(lines).encode("utf-8")


def _mutate_bytes(rnd: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    how = rnd.randrange(4)
    if how == 0:
        for _ in range(rnd.choice([1, 10, 100, 1000])):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    elif how == 1:
        data = data[: rnd.randrange(1, len(data))]
    elif how == 2:
        a, b = sorted(rnd.randrange(len(data)) for _ in range(2))
        data[b:b] = data[a:b] * rnd.randint(1, 5)
    else:
        data = bytearray(rnd.choice(SIGNATURES)) + data[rnd.randrange(len(data)) :]
    return bytes(data)


def _input(index: int, seed: int, samples: dict) -> tuple[str, bytes]:
    rnd = random.Random(seed * 1_000_003 + index)
    kind = rnd.choice(["txt", "txt", "pdf", "docx", "html", "bytes"])
    if kind == "bytes":
        return rnd.choice([".txt", ".pdf", ".docx", ".html", ""]), rnd.choice(SIGNATURES) + rnd.randbytes(
            rnd.randint(0, 20_000)
        )
    data = rnd.choice(samples[kind])
    data = _mutate_text(rnd, data) if kind in ("txt", "html") and rnd.random() < 0.7 else _mutate_bytes(rnd, data)
    return "." + kind, data


class _Hung(Exception):
    pass


def _alarm(*_):
    raise _Hung


def _run(task):
    """One input in a worker: (index, suffix, seconds, peak MB, outcome)."""
    index, suffix, data = task
    from ogilint import UnusableInput, parse_file

    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        tracemalloc.start()
        start = time.perf_counter()
        signal.alarm(60)
        try:
            parse_file(path)
            outcome = "report"
        except UnusableInput as exc:
            outcome = "reason" if exc.reason and "\n" not in exc.reason else "bad reason"
        except _Hung:
            outcome = "hung"
        except Exception as exc:  # a crash is what this run looks for
            outcome = f"crash {type(exc).__name__}"
        finally:
            signal.alarm(0)
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return index, suffix, seconds, peak, outcome


def main(count: int = 10_000, jobs: int = 2, seed: int = 1) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        samples = _samples(Path(tmp))
    tasks = ((i, *_input(i, seed, samples)) for i in range(count))
    results, start = [], time.perf_counter()
    with multiprocessing.Pool(jobs, maxtasksperchild=500) as pool:
        for n, result in enumerate(pool.imap_unordered(_run, tasks, chunksize=8), 1):
            results.append(result)
            if n % 1000 == 0:
                print(f"{n} inputs, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    outcomes: dict[str, int] = {}
    for r in results:
        outcomes[r[4]] = outcomes.get(r[4], 0) + 1
    print(f"{len(results)} inputs in {time.perf_counter() - start:.0f} s: {outcomes}")
    print("slowest:")
    for i, suffix, seconds, peak, outcome in sorted(results, key=lambda r: -r[2])[:10]:
        print(f"  #{i}{suffix:6} {seconds:6.2f} s {peak:7.1f} MB  {outcome}")
    print("largest (Python heap peak):")
    for i, suffix, seconds, peak, outcome in sorted(results, key=lambda r: -r[3])[:10]:
        print(f"  #{i}{suffix:6} {seconds:6.2f} s {peak:7.1f} MB  {outcome}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest worker resident size: {rss:.0f} MB")
    over = [r for r in results if r[2] > LIMIT_SECONDS or r[3] > LIMIT_MB or r[4] not in ("report", "reason")]
    print(f"over {LIMIT_SECONDS:g} s or {LIMIT_MB:g} MB, or no proper answer: {len(over)}")
    for i, suffix, seconds, peak, outcome in over[:20]:
        print(f"  #{i}{suffix} {seconds:.2f} s {peak:.1f} MB {outcome}")
    return 0 if not over else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.exit(main(args.count, args.jobs, args.seed))
