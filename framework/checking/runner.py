"""Run the selected rules over a report. A rule cannot break the run.

Whatever a rule does — raise (even ``SystemExit``, ``GeneratorExit`` or a bare ``BaseException``),
return something that is not findings, yield malformed findings, print to stdout, run forever —
it becomes an ``OGI`` finding naming the plugin and its version, and the other rules run as if
nothing happened. Only Ctrl-C (``KeyboardInterrupt``) stops the run, and only the engine's per-file
budget (:class:`~ogilint.errors.CheckTimeout`) ends a file's check. The framework's own codes:

- ``OGI001`` plugin-error (error): a plugin's code failed while checking — a rule raised, ran out
  of time (:func:`rule_seconds`), answered something that is not findings or yielded a malformed
  finding; a variant hook raised or answered nonsense; a reader answered something that is not a
  document. What the rule yielded that was well formed is kept.
- ``OGI002`` plugin-load-error (error): a plugin could not be imported or registered, or one of its
  hooks failed while the run was being set up (``registry.py``).
- ``OGI003`` plugin-output (warning): a plugin wrote to standard output. Its own code, because
  nothing failed: the text was captured (stdout carries the JSON or SARIF output, which must stay
  valid) and is quoted in the finding, and the plugin's findings stand, so it does not fail the
  default gate; ``--fail-on warning`` catches it.

The time limit (:func:`rule_seconds`, per plugin call) is enforced with ``SIGALRM``: a clock
(``signal.setitimer``) ticks while plugin code may run, and a tick past the deadline raises
:class:`PluginTimeout` inside the plugin's code. That works on Unix in the main thread only;
elsewhere (Windows, a worker thread) plugin code runs without a limit. Someone else's SIGALRM
timer (pytest-timeout, say) keeps working: its handler is called when it is due, and it is armed
again with the time it had left when the clock stops; the per-file budget (``budget.py``) counts
CPU time with SIGVTALRM, so the two never meet. Not defended: a plugin that swallows
``BaseException`` in a loop, or blocks in C code that never returns to Python.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Optional

import attrs

from ogilint.checking.ranking import rank_findings
from ogilint.errors import CheckTimeout
from ogilint.finding import ERROR, SEVERITIES, WARNING, Finding, Location, share_locations
from ogilint.reading.guard import PLUGIN_ERROR as READER_ERROR
from ogilint.reading.guard import PLUGIN_OUTPUT as READER_OUTPUT
from ogilint.reading.guard import CapturedOutput, short_error
from ogilint.rule import Context, has_second_part

try:  # the C function: signal.signal wraps its answer in an enum, which costs 25 µs a call
    from _signal import signal as _set_handler
except ImportError:  # pragma: no cover - not CPython
    _set_handler = signal.signal

PLUGIN_ERROR = "OGI001"
PLUGIN_LOAD_ERROR = "OGI002"
PLUGIN_OUTPUT = "OGI003"
FRAMEWORK_PREFIX = "OGI"  # plugins may not claim these codes

RULE_SECONDS = 10.0  # per rule and report; rules take milliseconds, so this only stops a hang
RULE_SECONDS_ENV = "OGILINT_RULE_SECONDS"  # seconds; 0 turns the limit off
MAX_FINDINGS_PER_RULE = 2_000  # per report; a report has ~300 table cells: past this a rule loops
_TICK_SECONDS = 0.1  # how often the clock looks at the running plugin call's deadline
_MAX_INT_BITS = 14_000  # ints past ~4,200 digits cannot be written as JSON (int→str limit)
_MAX_PLACE = 2**31  # a line, column or extent past this is not a place in a report
_HINT = "这是插件的缺陷,不是报告的问题;请向插件作者报告"


@attrs.define
class CheckResult:
    path: str
    report: object  # Report or None when unusable
    findings: list
    error: str | None = None  # one-line reason when the input was unusable
    seconds_rules: float = 0.0
    # A file of a folder that is not a report format (``error`` says which): listed, not counted.
    skipped: bool = False


# --- calling plugin code ----------------------------------------------------------------------


class PluginTimeout(BaseException):
    """Raised inside a plugin's code when its time is up. A ``BaseException``, so that a plugin's
    ``except Exception`` cannot swallow it; while the plugin keeps running it is raised again every
    :data:`_TICK_SECONDS`, so one bare ``except:`` does not defeat it either."""


def rule_seconds() -> Optional[float]:
    """The time limit of one plugin call in seconds (None: no limit)."""
    raw = os.environ.get(RULE_SECONDS_ENV, "").strip()
    if not raw:
        return RULE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        return RULE_SECONDS
    return value if math.isfinite(value) and value > 0 else None


class Outcome:
    """What one plugin call did."""

    __slots__ = ("value", "error", "output")

    def __init__(self):
        self.value: object = None
        self.error: Optional[BaseException] = None
        self.output = CapturedOutput()

    @property
    def timed_out(self) -> bool:
        return isinstance(self.error, PluginTimeout)


class _Clock:
    """The SIGALRM state while plugin code may run. A clock ticks every :data:`_TICK_SECONDS`
    while it is on (one for all the rules of a report, or one per lone plugin call); a tick past
    the deadline of the plugin call running now raises :class:`PluginTimeout` in it, and raises it
    again at every later tick while the plugin swallows it. So a plugin call costs two clock reads,
    not four system calls. Someone else's SIGALRM timer (pytest-timeout, say) is put aside: its
    handler is called when it is due, and it is armed again with the time it had left."""

    __slots__ = ("depth", "previous", "outer_due", "outer_interval", "outer_raised", "deadline")

    def __init__(self):
        self.depth = 0  # nesting of the users of the clock; 0: off
        self.previous: object = None  # the SIGALRM handler before ours
        self.outer_due: Optional[float] = None  # when the other timer is due (time.monotonic)
        self.outer_interval = 0.0
        self.outer_raised: Optional[BaseException] = None  # what the other timer's handler raised
        self.deadline: Optional[float] = None  # when the running plugin call must stop


_clock = _Clock()


def _on_tick(signum, frame):
    if frame is not None and frame.f_code in _OWN_CODE:
        return  # our bookkeeping around a plugin call: the next tick will do
    c = _clock
    now = time.monotonic()
    if c.outer_due is not None and now >= c.outer_due and callable(c.previous):
        c.outer_due = c.outer_due + c.outer_interval if c.outer_interval else None
        try:
            c.previous(signum, frame)  # the other timer's turn
        except BaseException as exc:
            c.outer_raised = exc  # theirs: call_plugin lets it through
            raise
        return
    if c.deadline is not None and now >= c.deadline:
        raise PluginTimeout


def _start() -> bool:
    """Turn the clock on (or count one more user); False when it cannot run here."""
    c = _clock
    if c.depth:
        c.depth += 1
        return True
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False  # no SIGALRM on Windows; signal handlers run in the main thread only
    delay, interval = signal.getitimer(signal.ITIMER_REAL)
    try:
        c.previous = _set_handler(signal.SIGALRM, _on_tick)
    except (ValueError, OSError):
        return False
    c.outer_due = time.monotonic() + delay if delay > 0 else None
    c.outer_interval = interval
    c.deadline = c.outer_raised = None
    c.depth = 1
    first = min(_TICK_SECONDS, delay) if delay > 0 else _TICK_SECONDS
    signal.setitimer(signal.ITIMER_REAL, first, _TICK_SECONDS)
    return True


def _stop() -> None:
    c = _clock
    c.depth -= 1
    if c.depth:
        return
    signal.setitimer(signal.ITIMER_REAL, 0)
    _set_handler(signal.SIGALRM, c.previous if c.previous is not None else signal.SIG_DFL)
    if c.outer_due is not None:
        signal.setitimer(signal.ITIMER_REAL, max(c.outer_due - time.monotonic(), 0.001), c.outer_interval)
    c.previous = c.outer_due = c.deadline = None  # outer_raised stays for call_plugin to see


@contextmanager
def plugin_clock() -> Iterator[None]:
    """Keep the clock on for a block of plugin calls (run_rules: all the rules of a report)."""
    started = _start()
    try:
        yield
    finally:
        if started:
            _stop()


def call_plugin(fn: Callable[[], object], seconds: Optional[float] = None) -> Outcome:
    """``fn()`` — plugin code — with stdout captured and at most ``seconds`` of time. Whatever it
    raises is returned in the :class:`Outcome`; ``KeyboardInterrupt`` and the file's
    :class:`~ogilint.errors.CheckTimeout` are raised again, and so is what someone else's SIGALRM
    timer raised, or the timeout of an enclosing plugin call (theirs to report)."""
    outcome = Outcome()
    c = _clock
    timed = seconds is not None and _start()
    enclosing = c.deadline
    if timed:
        due = time.monotonic() + seconds
        c.deadline = due if enclosing is None else min(due, enclosing)
    saved = sys.stdout
    try:
        try:
            sys.stdout = outcome.output
            outcome.value = fn()
        finally:
            if timed:
                c.deadline = enclosing
                _stop()
            sys.stdout = saved
    except (KeyboardInterrupt, CheckTimeout):  # Ctrl-C; the file's time budget (engine)
        raise
    except BaseException as exc:
        if exc is c.outer_raised:
            c.outer_raised = None
            raise
        if isinstance(exc, PluginTimeout) and enclosing is not None and time.monotonic() >= enclosing:
            raise
        outcome.error = exc
    return outcome


_OWN_CODE = frozenset({call_plugin.__code__, _start.__code__, _stop.__code__})


# --- what a rule answers ---------------------------------------------------------------------


class _NotFindings(Exception):
    """check() answered something that is not an iterable of findings."""


class _TooMany(Exception):
    """A rule yielded more than MAX_FINDINGS_PER_RULE findings on one report."""


def _short(value, limit: int = 60) -> str:
    try:
        text = repr(value)
    except Exception:  # a plugin's object may refuse to print itself
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _place_problem(value, what: str) -> Optional[str]:
    if value is None or (type(value) is int and 0 <= value < _MAX_PLACE):
        return None
    return f"{what} 应是非负整数或 None,而不是 {_short(value)}"


def location_problem(loc, what: str = "location") -> Optional[str]:
    """Why ``loc`` is not a well-formed :class:`Location` (None when it is one)."""
    if not isinstance(loc, Location):
        return f"{what} 应是 Location,而不是 {_short(loc)}"
    for key in ("line", "column"):
        problem = _place_problem(getattr(loc, key), f"{what}.{key}")
        if problem:
            return problem
    for key in ("table", "row", "col"):
        value = getattr(loc, key)
        if value is not None and not isinstance(value, str):
            return f"{what}.{key} 应是字符串或 None,而不是 {_short(value)}"
    return None


def _json_safe(value, depth: int = 0) -> bool:
    """Whether the JSON and SARIF output can carry ``value`` (finite numbers, no objects)."""
    if value is None or isinstance(value, (bool, str)):
        return True
    if isinstance(value, int):
        return value.bit_length() <= _MAX_INT_BITS
    if isinstance(value, float):
        return math.isfinite(value)
    if depth >= 8:
        return False
    if isinstance(value, (list, tuple)):
        return all(_json_safe(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_safe(v, depth + 1) for k, v in value.items())
    return False


def finding_problem(f, code: str) -> Optional[str]:
    """Why ``f`` is not a well-formed finding of rule ``code`` (None when it is one): the outputs
    and the ranking trust these fields, so a malformed one would crash the run after the rule."""
    if not isinstance(f, Finding):
        return f"不是 Finding,而是 {_short(f)}"
    if f.code != code:
        return f"代码是 {_short(f.code)},不是规则自己的 {code}"
    if not isinstance(f.severity, str) or f.severity not in SEVERITIES:
        return f"严重级别 {_short(f.severity)} 不是 {'、'.join(SEVERITIES)} 之一"
    c = f.confidence
    if isinstance(c, bool) or not isinstance(c, (int, float)) or not 0 <= c <= 1:
        return f"confidence 应是 0 到 1 之间的数,而不是 {_short(c)}"
    for key in ("name", "message", "hint", "plugin"):
        if not isinstance(getattr(f, key), str):
            return f"{key} 应是字符串,而不是 {_short(getattr(f, key))}"
    problem = location_problem(f.location)
    if problem:
        return problem
    if not isinstance(f.related, (tuple, list)):
        return f"related 应是 Location 的序列,而不是 {_short(f.related)}"
    for loc in f.related:
        problem = location_problem(loc, "related")
        if problem:
            return problem
    if type(f.extent) is not int or not 0 <= f.extent < _MAX_PLACE:
        return f"extent 应是非负整数,而不是 {_short(f.extent)}"
    for key in ("expected", "actual"):
        if not _json_safe(getattr(f, key)):
            return f"{key} 不是 JSON 能表示的值: {_short(getattr(f, key))}"
    return None


def _collect(produce: Callable, code: str, good: list, bad: list) -> None:
    """Run a rule (``produce`` calls it) and sort what it yields into well-formed findings and problems
    (run inside :func:`call_plugin`: validating is part of the rule's time)."""
    answer = produce()
    if answer is None:
        return
    if isinstance(answer, (str, bytes, dict, Finding)):  # iterable, but not findings
        raise _NotFindings(type(answer).__name__)
    try:
        items = iter(answer)
    except TypeError:
        raise _NotFindings(type(answer).__name__) from None
    try:
        for item in items:
            problem = finding_problem(item, code)
            if problem is None:
                good.append(item)
            else:
                bad.append(problem)
            if len(good) + len(bad) >= MAX_FINDINGS_PER_RULE:
                raise _TooMany
    finally:
        close = getattr(items, "close", None)
        if close is not None:  # a generator left half-way: close it now, under the time limit
            close()


# --- findings about plugins ------------------------------------------------------------------


def plugin_finding(code: str, plugin: str, version: str, message: str, severity: str = ERROR) -> Finding:
    """An ``OGI`` finding about a plugin: "插件 NAME (版本 V) MESSAGE"."""
    return Finding(
        code=code,
        name={PLUGIN_ERROR: "plugin-error", PLUGIN_LOAD_ERROR: "plugin-load-error"}.get(code, "plugin-output"),
        severity=severity,
        message=f"插件 {plugin or '?'} (版本 {version}) {message}",
        location=Location(),
        confidence=1.0,
        plugin=plugin or "",
        hint=_HINT if code != PLUGIN_OUTPUT else "插件不应向标准输出写东西;请向插件作者报告",
    )


def output_finding(plugin: str, version: str, what: str, output: CapturedOutput) -> Finding:
    return plugin_finding(PLUGIN_OUTPUT, plugin, version, f"{what}{output.describe()}", severity=WARNING)


def _crash_text(exc: BaseException) -> str:
    """ "Type: message (file:line)" — where the plugin raised."""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ is not None else []
    where = f" ({frames[-1].filename.replace(os.sep, '/').rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    return f"{short_error(exc)}{where}"


def _rule_failure(rule, exc: BaseException, seconds: Optional[float]) -> str:
    if isinstance(exc, PluginTimeout):
        return f"规则运行超时 (超过 {seconds:g} 秒),已停止;此前的发现保留"
    if isinstance(exc, _NotFindings):
        return f"check() 返回的是 {exc.args[0]},不是发现的序列"
    if isinstance(exc, _TooMany):
        return f"在一份报告上产生了超过 {MAX_FINDINGS_PER_RULE} 条发现,已停止;此前的发现保留"
    return f"运行出错: {_crash_text(exc)}"


_READER_PLUGIN = re.compile(r"读取插件 (\S+) \(版本")


def reader_findings(report) -> list[Finding]:
    """The notes a reader plugin's misbehaviour left on the report (reading/guard.py), as findings."""
    out = []
    for p in getattr(report, "problems", ()):
        if p.kind in (READER_ERROR, READER_OUTPUT):
            m = _READER_PLUGIN.match(p.message)
            error = p.kind == READER_ERROR
            out.append(
                Finding(
                    code=PLUGIN_ERROR if error else PLUGIN_OUTPUT,
                    name="plugin-error" if error else "plugin-output",
                    severity=ERROR if error else WARNING,
                    message=p.message,
                    location=Location(),
                    plugin=m.group(1) if m else "",
                    hint=_HINT,
                )
            )
    return out


# --- the run ---------------------------------------------------------------------------------


def run_rules(
    report,
    rules: Iterable,
    options: dict,
    severities: dict,
    path: str = "",
    run_reports: tuple = (),
    failures: Iterable = (),
    versions: dict | None = None,
    extra: Iterable[Finding] = (),
) -> tuple[list[Finding], float]:
    """Findings of ``rules`` (instances) on ``report``, ranked; also the seconds spent in rules.
    ``extra``: findings about plugins met before the rules ran (the variant hook's)."""
    rules = list(rules)
    per_rule, elapsed = rule_findings(report, rules, options, severities, path, run_reports, versions, stage=WHOLE)
    first = list(extra) + reader_findings(report)
    return assemble(per_rule, [r.code for r in rules], failures, first), elapsed


# The stages of checking one report (``rule_findings``): all at once, or in two places — the rules that
# look at this report only (in a worker process), then those that look across reports where every report is.
WHOLE, ONE_REPORT, ACROSS = "whole", "one-report", "across"


def rule_findings(
    report,
    rules: Iterable,
    options: dict,
    severities: dict,
    path: str = "",
    run_reports: tuple = (),
    versions: dict | None = None,
    stage: str = WHOLE,
    found: Optional[dict] = None,
) -> tuple[dict[str, list[Finding]], float]:
    """``{code: findings}`` of ``rules`` on ``report``, not yet ranked, and the seconds spent. At the
    ``ONE_REPORT`` stage only the rules that look at this report run (``check`` of the rules that are
    not ``across_reports``); at the ``ACROSS`` stage the others, and the second part
    (``Rule.with_others``) of the rules that have one, given what their ``check`` ``found`` at the first
    stage. :func:`assemble` puts the stages together."""
    versions = versions or {}
    seconds = rule_seconds()
    out: dict[str, list[Finding]] = {}
    start = time.perf_counter()
    with plugin_clock():
        for rule in rules:
            across = bool(getattr(rule, "across_reports", False))
            if stage == ACROSS and not across:
                if has_second_part(rule):
                    out[rule.code] = _second_part(
                        rule, report, options, severities, path, run_reports, versions, seconds, found or {}
                    )
                continue
            if stage == ONE_REPORT and across:
                continue
            got = _run_rule(rule, report, options, severities, path, run_reports, versions, seconds)
            if stage == WHOLE and not across and has_second_part(rule):
                got = _second_part(
                    rule, report, options, severities, path, run_reports, versions, seconds, {rule.code: got}
                )
            out[rule.code] = got
    return out, time.perf_counter() - start


def _second_part(rule, report, options, severities, path, run_reports, versions, seconds, found: dict) -> list:
    """A two-part rule's answer once the other reports are there: its ``with_others`` is given the
    rule's own findings of the first stage; the framework's findings about it (``OGI``) are kept."""
    before = found.get(rule.code, [])
    own = [f for f in before if f.code == rule.code]
    about = [f for f in before if f.code != rule.code]
    return about + _run_rule(rule, report, options, severities, path, run_reports, versions, seconds, own)


def rule_notes(report, rules: Iterable, versions: dict | None = None) -> tuple[dict, list[Finding]]:
    """({code: note} of the ``rules`` that keep a note of each report (``Rule.note``), and OGI
    findings for the notes that could not be made): worked out where the report is read, so that the
    rules across reports read the other reports' notes instead of their models. A note that fails, or
    that cannot cross to another process (pickle), is left out and said."""
    versions = versions or {}
    seconds = rule_seconds()
    notes: dict = {}
    faults: list[Finding] = []
    with plugin_clock():
        for rule in rules:
            outcome = call_plugin(lambda rule=rule: rule.note(report), seconds)
            version = versions.get(rule.plugin, "?")
            problem = None
            if outcome.error is not None:
                problem = _rule_failure(rule, outcome.error, seconds)
            elif outcome.value is not None:
                try:
                    pickle.dumps(outcome.value, protocol=pickle.HIGHEST_PROTOCOL)
                    notes[rule.code] = outcome.value
                except Exception as exc:  # a plugin's note may hold anything
                    problem = f"返回了无法保存的值 ({short_error(exc)})"
            if problem is not None:
                faults.append(
                    plugin_finding(PLUGIN_ERROR, rule.plugin, version, f"的规则 {rule.code} 记录报告摘要时{problem}")
                )
            if outcome.output.total:
                faults.append(
                    output_finding(rule.plugin, version, f"的规则 {rule.code} 记录报告摘要时", outcome.output)
                )
    return notes, faults


def assemble(
    per_rule: dict, order: Iterable[str], failures: Iterable = (), first: Iterable[Finding] = ()
) -> list[Finding]:
    """A report's findings, ranked: ``first`` (the variant hook's and the reader's, from
    :func:`reader_findings`), each rule's in ``order`` (the plan's, whichever process ran the rule), and
    one for each plugin that failed to load."""
    findings: list[Finding] = list(first)
    for code in order:
        findings.extend(per_rule.get(code, ()))
    for failure in failures:
        findings.append(
            Finding(
                code=PLUGIN_LOAD_ERROR,
                name="plugin-load-error",
                severity=ERROR,
                message=f"插件 {failure.plugin} (版本 {failure.version}) "
                + (
                    f"无法加载: {failure.error}" if not failure.hook else f"的 {failure.hook} 钩子出错: {failure.error}"
                ),
                location=Location(),
                plugin=failure.plugin,
                hint="检查插件的安装;其余规则照常运行",
            )
        )
    return share_locations(rank_findings(findings))


def _run_rule(rule, report, options, severities, path, run_reports, versions, seconds, own=None) -> list[Finding]:
    """One rule on one report (its ``check``, or given ``own`` findings of its ``check``, its
    ``with_others``): its well-formed findings, and OGI findings for what went wrong."""
    ctx = Context(options=options.get(rule.code, dict(rule.options)), run_reports=run_reports, path=path)
    good: list[Finding] = []
    bad: list[str] = []
    answer = (lambda: rule.check(report, ctx)) if own is None else (lambda: rule.with_others(report, ctx, own))
    outcome = call_plugin(lambda: _collect(answer, rule.code, good, bad), seconds)
    version = versions.get(rule.plugin, "?")
    sev = severities.get(rule.code)
    out = []
    for f in good:
        if f.plugin != rule.plugin:  # a finding speaks for the plugin that made it
            f = attrs.evolve(f, plugin=rule.plugin)
        out.append(attrs.evolve(f, severity=sev) if sev else f)
    if outcome.error is not None:
        message = f"的规则 {rule.code} {_rule_failure(rule, outcome.error, seconds)}"
        out.append(plugin_finding(PLUGIN_ERROR, rule.plugin, version, message))
    if bad:
        message = f"的规则 {rule.code} 产生了 {len(bad)} 条格式不对的发现,已略去;第一条: {bad[0]}"
        out.append(plugin_finding(PLUGIN_ERROR, rule.plugin, version, message))
    if outcome.output.total:
        out.append(output_finding(rule.plugin, version, f"的规则 {rule.code} ", outcome.output))
    return out
