"""Every regular expression of ogilint against adversarial strings of 10⁵ characters.

``python -m tests.hostile.regex_audit`` collects the compiled patterns of every module (framework
and plugins) and the literal patterns passed to ``re.*`` calls in their source, builds for each
pattern strings from its own literal characters and from white space, digits and dashes (a prefix
the pattern can start with, then a long run it can consume, then a character that makes it fail),
and times each search under an alarm. It prints one JSON object: the patterns tried and every search
slower than the bound. A linear pattern needs milliseconds; a quadratic one takes seconds, an
exponential one forever — the alarm cuts it off and it is reported.
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

import ogilint
import ogilint.plugins

LENGTH = 100_000
BOUND = 10.0  # seconds per search of 10⁵ characters: linear ones take ≤ 1.5 s on a loaded machine, quadratic ones hours
FILLERS = (" ", "\t", "1", "-", "、", "1 ")
PREFIXES = ("", "2022年", "一、")


class _Slow(Exception):
    pass


def _alarm(*_):
    raise _Slow


def _sources() -> list[Path]:
    roots = [Path(ogilint.__file__).parent, Path(ogilint.plugins.__file__).parent]
    return sorted({p for root in roots for p in root.rglob("*.py")})


def patterns() -> dict:
    """{name: compiled pattern} of every module-level pattern and every literal re.* pattern."""
    found = {}
    for package in (ogilint, ogilint.plugins):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for key, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    found[f"{info.name}.{key}"] = value
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and getattr(node.func.value, "id", None) == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                try:
                    found[f"{path.parent.name}/{path.name}:{node.lineno}"] = re.compile(node.args[0].value)
                except re.error:
                    pass
    return found


def _literal_words(pattern: str) -> list[str]:
    """Runs of CJK characters and full-width punctuation in the pattern's source: what it may start
    with, and what it may repeat."""
    words = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{1,6}", pattern)
    return sorted(set(words), key=lambda w: (-len(w), w))[:5]


def adversarial(pattern) -> list:
    """Prefix + a run of one filler (10⁵ characters) + a character that ends every match."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("utf-8", "replace")
    words = _literal_words(source)
    out = []
    for prefix in PREFIXES + tuple(words[:2]):
        for filler in FILLERS + tuple(words[:2]):
            out.append(prefix + filler * (LENGTH // len(filler)) + "x")
    if isinstance(pattern.pattern, bytes):
        out = [text.encode("utf-8") for text in out]
    return out


def slowest(pattern) -> tuple:
    """(seconds, input) of the slowest search of ``pattern`` over its adversarial strings; a search
    cut off by the alarm counts as infinite."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    worst = (0.0, "")
    try:
        for text in adversarial(pattern):
            start = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, BOUND * 2)
            try:
                pattern.search(text)
                seconds = time.perf_counter() - start
            except _Slow:
                seconds = float("inf")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if seconds > worst[0]:
                shown = text[:16] if isinstance(text, str) else text[:16].decode("utf-8", "replace")
                worst = (seconds, shown + "…")
            if seconds == float("inf"):
                break
    finally:
        signal.signal(signal.SIGALRM, previous)
    return worst


def audit() -> dict:
    slow, found = [], patterns()
    for name, pattern in sorted(found.items()):
        seconds, shown = slowest(pattern)
        if seconds > BOUND:
            slow.append({"pattern": name, "source": str(pattern.pattern)[:80], "input": shown, "seconds": seconds})
    return {"patterns": len(found), "slow": slow}


if __name__ == "__main__":
    json.dump(audit(), sys.stdout, ensure_ascii=False, indent=1)
    print()
