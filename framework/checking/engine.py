"""One check run: choose the rule set for each report, resolve the selection, run the rules.

The command line and the pytest plugin both go through :class:`Engine`, so they agree finding
for finding on the same folder.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Optional

import attrs

from ogilint import spec
from ogilint.checking.budget import DEFAULT_SECONDS, time_budget
from ogilint.checking.config import (
    ConfigError,
    ProjectConfig,
    RuleSet,
    find_project_config,
    load_ruleset,
    option_type_problem,
)
from ogilint.checking.outcome import LazyReport, Loaded, Local, OnDisk, Outcome, Places
from ogilint.checking.ranking import with_rank
from ogilint.checking.registry import Registry, build_registry, default_options, validate_options
from ogilint.checking.runner import (
    ACROSS,
    ONE_REPORT,
    CheckResult,
    assemble,
    reader_findings,
    rule_findings,
    rule_notes,
    run_rules,
)
from ogilint.checking.selection import matches_any, resolve, unknown_selectors
from ogilint.errors import CheckTimeout, UnusableInput
from ogilint.finding import severity_counts
from ogilint.reading import isolation, pages
from ogilint.reading.suffixes import (
    MAYBE_REPORT_SUFFIXES,
    READ_SUFFIXES,
    UNSUPPORTED,
    is_temporary,
    skipped_reason,
    suffix_of,
)
from ogilint.rule import Run, has_note, has_second_part

REPORT_SUFFIXES = READ_SUFFIXES  # what a folder walk (and the pytest plugin) reads
# A folder of fewer files is checked in this process whatever ``jobs`` says: starting the workers
# (each builds its plugin manager) costs more than they would save.
MIN_FILES_FOR_WORKERS = 8
# A run of more files keeps its models and findings on disk until its output is written (spill.py).
SPILL_AFTER = 200
RECENT_MODELS = 8  # loaded models kept in memory: the report being finished and the few it looks up


@attrs.define
class Overrides:
    """What the command line says; it wins over the project config."""

    ruleset: Optional[str] = None
    select: Optional[list] = None
    extend_select: list = attrs.field(factory=list)
    ignore: list = attrs.field(factory=list)
    region: Optional[str] = None
    timeout: Optional[float] = DEFAULT_SECONDS  # CPU seconds per file (None or 0: no budget)


@attrs.frozen
class Plan:
    """What one report gets checked with."""

    rules: list  # Rule instances, by code
    options: dict  # code -> merged options
    severities: dict  # code -> severity set by the rule set or the project config
    ruleset: RuleSet


class Engine:
    """Checks reports under one configuration. It holds the run's plugin registry (built here unless
    one is passed in: one plugin manager per run), validates the configuration up front so a bad
    selector fails before any report is read, and loads rule sets when a report first needs them."""

    def __init__(
        self,
        config: Optional[ProjectConfig] = None,
        overrides: Optional[Overrides] = None,
        extra_plugins: Iterable = (),
        registry: Optional[Registry] = None,
    ):
        self.config = config if config is not None else find_project_config()
        self.overrides = overrides or Overrides()
        self._rulesets: dict[str, RuleSet] = {}
        self._plans: dict[tuple, tuple] = {}  # (rule set name, per-file ignores) -> selection
        self._noting: dict[str, list] = {}  # rule set name -> its rules that keep notes
        self.registry = registry if registry is not None else build_registry(extra_plugins)
        # Plugins registered in this process only (tests): worker processes would not have them.
        self.in_process_plugins = bool(extra_plugins)
        self.cache = None  # a ResultCache (checking/cache.py) once use_cache is called
        self.spill_after = SPILL_AFTER  # a run of more files keeps its models on disk (spill.py)
        # Told each result as soon as it is final, in run order (``--format jsonl`` writes it then).
        self.on_result: Optional[Callable] = None
        self.defaults = default_options(self.registry)
        self._validate_static()

    def use_cache(self, folder) -> None:
        """Keep and reuse results in ``folder`` (``checking/cache.py``), under these settings: this
        version, the installed plugins and their versions, the OCR engine's version (or its absence),
        the configuration and the command line's choices (a file that ran out of its time budget is not
        kept)."""
        from ogilint.checking.cache import ResultCache, settings_digest

        if self.in_process_plugins:
            return  # their code is not named by any version: nothing could tell their results apart
        from ogilint.reading.ocr import engine_version

        # A scan's answer also depends on whether OCR is installed, and which version reads it.
        digest = settings_digest(sorted(self.registry.versions.items()), self.config, self.overrides, engine_version())
        self.cache = ResultCache(folder, digest)

    # --- configuration ------------------------------------------------------------------------
    def _validate_static(self) -> None:
        codes = set(self.registry.rules)
        selectors = list(self.overrides.select or []) + self.overrides.extend_select + self.overrides.ignore
        selectors += list(self.config.select or []) + self.config.extend_select + self.config.ignore
        selectors += [c for codes_ in self.config.per_file_ignores.values() for c in codes_]
        bad = unknown_selectors(codes, selectors)
        bad += [(c, s) for c, s in unknown_selectors(codes, list(self.config.severity) + list(self.config.options))]
        if bad:
            sel, suggestion = bad[0]
            hint = f",是否想写 {suggestion}?" if suggestion else ""
            raise ConfigError(f"未知的规则代码或前缀 {sel!r}{hint} (`ogilint rules` 列出全部规则)")
        for code, opts in self.config.options.items():
            self._validate_options(code, opts, self.config.path or "配置")
        if self.overrides.ruleset or self.config.ruleset:
            self.ruleset(self.overrides.ruleset or self.config.ruleset)

    def _validate_options(self, code: str, opts: dict, where: str) -> None:
        known = self.defaults.get(code, {})
        for key in opts:
            if key not in known:
                raise ConfigError(
                    f"{where}: 规则 {code} 没有选项 {key!r}"
                    + (f" (可用: {', '.join(sorted(known))})" if known else " (此规则没有选项)")
                )
        for key, value in opts.items():
            problem = option_type_problem(where, code, key, value, known[key])
            if problem is not None:
                raise problem
        problems = validate_options(self.registry, code, {**known, **opts})
        if problems:
            raise ConfigError(f"{where}: 规则 {code} 的选项有误: {'; '.join(problems)}")

    def ruleset(self, name: str) -> RuleSet:
        if name not in self._rulesets:
            self._rulesets[name] = self._load_ruleset(name)
        return self._rulesets[name]

    def _load_ruleset(self, name: str) -> RuleSet:
        rs = load_ruleset(name)
        codes = set(self.registry.rules)
        # A rule set may select a whole family whose plugin is not installed; a specific code it
        # names must exist.
        named = [
            c for c in rs.select + rs.ignore + list(rs.severity) + list(rs.options) if any(ch.isdigit() for ch in c)
        ]
        bad = unknown_selectors(codes, named)
        if bad:
            sel, suggestion = bad[0]
            raise ConfigError(
                f"规则集 {name}: 未知的规则代码 {sel!r}" + (f",是否想写 {suggestion}?" if suggestion else "")
            )
        for code, opts in rs.options.items():
            self._validate_options(code, opts, f"规则集 {name}")
        return rs

    def choose(self, report) -> tuple[str, list]:
        """The name of the rule set for ``report`` (the configured one, else the variant hooks' choice,
        else the national set of its template), and the findings about variant hooks that misbehaved
        on the way (``registry.choose_variant`` passes them over)."""
        from ogilint.checking.registry import choose_variant

        name = self.overrides.ruleset or self.config.ruleset
        faults: list = []
        if not name:
            requested = self.overrides.region or self.config.region
            name, faults = choose_variant(self.registry, report, requested, self.ruleset)
        if not name:
            name = f"national-{spec.template_or_default(report.meta.template_version)}"
        return name, list(faults)

    def ruleset_for(self, report) -> RuleSet:
        """The rule set for ``report`` (see :meth:`choose`)."""
        return self.ruleset(self.choose(report)[0])

    def plan(self, report, path: str = "") -> Plan:
        """The rules to run on one report, with their options and severities."""
        return self.plan_of(self.choose(report)[0], path)

    def plan_of(self, ruleset: str, path: str = "") -> Plan:
        """The plan under the rule set named ``ruleset`` for the file at ``path``. The selection is worked
        out once per rule set and per-file ignore list (a run of thousands of reports has a handful)."""
        rs = self.ruleset(ruleset)
        ignored = tuple(self.config.ignored_for(path)) if path else ()
        key = (ruleset, ignored)
        if key not in self._plans:
            self._plans[key] = self._selection(rs, ignored)
        codes, options, severities = self._plans[key]
        return Plan([self.registry.rules[c]() for c in codes], options, severities, rs)

    def noting(self, ruleset: str) -> list:
        """The rules of the rule set named ``ruleset`` that keep a note of each report (``Rule.note``),
        whatever a per-file ignore leaves out of a file's plan: that file's figures still count for the
        other reports. Instances, made once per rule set."""
        if ruleset not in self._noting:
            self._noting[ruleset] = [r for r in self.plan_of(ruleset).rules if has_note(r)]
        return self._noting[ruleset]

    def _selection(self, rs: RuleSet, ignored: tuple) -> tuple[list, dict, dict]:
        """(the codes to run, in order; their options; the severities set) under a rule set."""
        select = self.overrides.select or self.config.select or rs.select
        extend = list(self.config.extend_select) + list(self.overrides.extend_select)
        ignore = list(rs.ignore) + list(self.config.ignore) + list(self.overrides.ignore)
        ignore += list(ignored)
        if not (self.overrides.select or self.config.select):  # the rule set's choice: installed plugins join it
            extend += [c for c in self.registry.third_party_defaults() if not matches_any(c, ignore)]
        enabled = resolve(self.registry.rules, select, ignore, extend)
        options = {}
        for code in enabled:
            merged = dict(self.defaults.get(code, {}))
            merged.update(rs.options.get(code, {}))
            merged.update(self.config.options.get(code, {}))
            options[code] = merged
        severities = {**rs.severity, **self.config.severity}
        return sorted(enabled), options, severities

    # --- running --------------------------------------------------------------------------------
    def check_report(self, report, path: str = "", run_reports: Sequence = ()) -> CheckResult:
        """Every rule of the report's plan on one report, with ``run_reports`` the other reports."""
        name, faults = self.choose(report)
        plan = self.plan_of(name, path)
        findings, seconds = run_rules(
            report,
            plan.rules,
            plan.options,
            plan.severities,
            path=path,
            run_reports=run_reports,
            failures=self.registry.failures,
            versions=self.registry.versions,
            extra=faults,
        )
        return CheckResult(path=path, report=report, findings=findings, seconds_rules=seconds)

    def check_paths(
        self,
        paths: Iterable[str],
        progress: Optional[Callable[[str, int, int], None]] = None,
        jobs: int = 1,
        dask=None,
    ) -> list[CheckResult]:
        """Every file found under ``paths``, parsed and then checked, each within its time budget.

        ``progress(stage, done, total)`` is told after each file of each stage ("读取" then "检查"),
        and, while a scan is read by OCR (in this process or a worker), after each of its pages ("OCR 识别"), so
        that a terminal can show a bar; it never changes what is found. With ``jobs`` > 1 the files
        are read and checked by that many worker processes (:mod:`ogilint.checking.parallel`); the
        results are the same, in the same order. With ``dask`` (a ``distributed.Client``) the files are
        read and checked on that cluster (:mod:`ogilint.checking.distributed`)."""
        found = collect(paths)
        tell = progress or (lambda stage, done, total: None)
        spill = self.spill_for(len(found.files))
        # Files the result cache answers for are taken here: other processes get only the work left.
        ready = self.kept(found) if dask is not None or jobs > 1 else {}
        left = len(found.files) - len(ready)
        if dask is not None and left:
            from ogilint.checking import distributed

            folder = self.cache.root.parent if self.cache is not None else None
            results = distributed.check_files(self, found, dask, tell, folder, spill, ready)
        elif jobs > 1 and left >= MIN_FILES_FOR_WORKERS and not self.in_process_plugins:
            from ogilint.checking import parallel

            try:
                results = parallel.check_files(self, found, jobs, tell, spill, ready)
            except parallel.WorkersUnavailable:  # said before any file was answered: one process does it all
                results = self._check_files(found, tell, spill, ready)
        else:
            results = self._check_files(found, tell, spill, ready)
        skipped = [
            CheckResult(path=p, report=None, findings=[], error=r, skipped=True)
            for p, r in sorted(found.skipped.items())
        ]
        for result in skipped if self.on_result is not None else ():
            self.on_result(result)
        return results + skipped

    def kept(self, found: Collected) -> dict:
        """{path: outcome} of the files of ``found`` the result cache holds (none without a cache)."""
        if self.cache is None:
            return {}
        out = {}
        for path in found.files:
            if path not in found.unreadable:
                answer = self.cache.get(self.cache.key(path))
                if answer is not None:
                    answer.path = path
                    out[path] = answer
        return out

    def _check_files(self, found: Collected, tell, spill=None, ready: Optional[dict] = None) -> list[CheckResult]:
        """The files of ``found`` read and checked in this process (``ready``: outcomes already at hand)."""
        total = len(found.files)
        folder = spill.folder if spill is not None else None
        ready = ready or {}
        outcomes = []
        pages_read = functools.partial(tell, pages.STAGE)  # a scan's pages, as OCR reads them
        with isolation.keeping_a_child() if total > 1 else contextlib.nullcontext():
            for done, path in enumerate(found.files):
                tell("读取", done, total)
                with pages.listening(pages_read):
                    outcomes.append(ready[path] if path in ready else self.outcome(path, found, folder))
        tell("读取", total, total)
        return self.finish_all(outcomes, found, tell, spill)

    def spill_for(self, files: int):
        """Where a run of ``files`` files keeps its models and findings until its output is written: in
        memory (None), or — past ``spill_after`` files — on disk (``spill.py``), so that memory does not
        grow with the run."""
        if files <= self.spill_after:
            return None
        from ogilint.checking.spill import Spill

        return Spill()

    def outcome(self, path: str, found: Collected, spill_folder: Optional[str] = None) -> Outcome:
        """What one file comes to before the rules that look across reports (``outcome.py``): its
        report's meta, the findings of the rules that look at this report only, and the model — in
        memory, or, when ``spill_folder`` is given (a large run), on disk: in the result cache's entry,
        else in that folder. Taken from the result cache when the file and the settings are those of an
        entry."""
        key = self.cache.key(path) if self.cache is not None and path not in found.unreadable else None
        kept = self.cache.get(key) if key is not None else None
        if kept is not None:
            kept.path = path
            return kept
        report, error, skipped, lasting = self.read(path, found)
        if report is None:
            answer = Outcome(path, error=error, skipped=skipped)
        else:
            try:
                with time_budget(self.overrides.timeout):
                    answer = self.first_stage(report, path)
            except CheckTimeout:
                return Outcome(path, error=self._timeout_reason("规则检查"))
        on_disk = self.cache.put(key, answer) if lasting and key is not None else None
        if spill_folder is not None and answer.meta is not None:  # a large run: off to disk at once
            if on_disk is None:
                from ogilint.checking.spill import write_outcome

                on_disk = write_outcome(spill_folder, answer)
            answer = on_disk
        return answer

    def finish_all(self, outcomes: list, found: Collected, tell, spill=None) -> list[CheckResult]:
        """The results of a run from every file's :meth:`outcome`: the rules that look across reports
        run here, with every report of the run to look at. They see each report as a :class:`LazyReport`
        with the notes its first stage kept (``Rule.note``), its model loaded, when it is not in memory,
        only if a rule reads more than its meta and notes. In a
        large run (``spill``) the results keep their findings on disk: where the first stage left them
        when the rules across reports add nothing, else in the run's folder."""
        from ogilint.checking.spill import SpilledRun, StoredResult

        models, shown = Loaded(RECENT_MODELS), Loaded(2)
        again = self._again  # one bound method for every outcome of the run
        model_of, shown_of = models.loader("report", again), shown.loader("shown", again)
        kept = []  # a LazyReport per report (with its outcome), else the outcome of a file that gave none
        for answer in outcomes:
            if isinstance(answer, OnDisk):  # a report (its head is read when a rule asks for its meta)
                answer.again = again
                kept.append(LazyReport(answer, model_of))
            elif answer.skipped is not None:
                found.skipped[answer.path] = answer.skipped
            elif answer.meta is None:
                kept.append(answer)
            else:  # in memory too the rules see its notes, as they would with it on disk
                kept.append(LazyReport(answer, _model_in_memory))
        run = Run(member for member in kept if isinstance(member, LazyReport))
        results: list = []

        def done(result) -> None:
            results.append(result)
            if self.on_result is not None:
                self.on_result(result)

        total = len(kept)
        together = None  # what the results of a large run share
        for member in kept:
            tell("检查", len(results), total)
            if not isinstance(member, LazyReport):
                done(CheckResult(path=member.path, report=None, findings=[], error=member.error))
                continue
            answer = member.outcome
            try:
                with time_budget(self.overrides.timeout):
                    findings, seconds = self.finish_report(member, answer, run.seen_by_member(member), again)
            except CheckTimeout:
                done(self.timed_out(answer.path, "规则检查"))
                continue
            except UnusableInput as exc:  # what was kept of it is gone, and the file cannot be read now
                done(CheckResult(path=answer.path, report=None, findings=[], error=exc.reason))
                continue
            if spill is not None:
                offset = None
                if findings is not None:  # the rules across reports added to what the first stage shows
                    offset = spill.put_findings(findings, shown_of(answer)[1])
                counts = severity_counts(findings) if findings is not None else None
                if together is None:
                    together = SpilledRun(spill, model_of, shown_of)
                done(StoredResult(answer, counts, seconds, offset, together))
                continue
            if answer.report is not None:
                member = answer.report
            else:
                member.places = shown_of(answer)[1]
            findings = findings or shown_of(answer)[0]
            done(CheckResult(path=answer.path, report=member, findings=findings, seconds_rules=seconds))
        tell("检查", total, total)
        return results

    def _again(self, answer: Outcome) -> Outcome:
        """A file's outcome worked out afresh, in memory, when a part kept of it cannot be loaded (a
        cache entry deleted while the run goes on)."""
        report, error, _, _ = self.read(answer.path, Collected(files=[answer.path]))
        if report is None:
            raise UnusableInput(error or "无法再次读取")
        return self.first_stage(report, answer.path)

    def read(self, path: str, found: Collected) -> tuple[object, Optional[str], Optional[str], bool]:
        """(report, why it could not be read, why it is skipped, whether the answer lasts) of one file
        of a walk, within the file's time budget (a timeout depends on the machine: it does not last).
        The model keeps no parse tree (``ogilint parse --format tree`` shows it): a run over a folder
        holds every report until its output is written."""
        reason = found.unreadable.get(path)
        if reason is not None:
            return None, reason, None, True
        from ogilint.parsing.pipeline import parse_file  # here: a run the result cache answers parses nothing

        try:
            with time_budget(self.overrides.timeout):
                return attrs.evolve(parse_file(path, self.registry.manager), tree=None), None, None, True
        except UnusableInput as exc:
            if path in found.maybe_reports:  # a README.md beside the reports: listed, not counted
                return None, None, f"不是年度报告 ({exc.reason})", True
            return None, exc.reason, None, True
        except CheckTimeout:
            return None, self._timeout_reason("读取和解析"), None, False

    def first_stage(self, report, path: str) -> Outcome:
        """What the rules of the report's plan that look at this report only (``Rule.across_reports``
        false) find — what a worker process can do without the others — and the findings the report
        shows if the rules across reports add nothing, put together and ranked, with their places."""
        name, faults = self.choose(report)
        plan = self.plan_of(name, path)
        per_rule, seconds = rule_findings(
            report,
            plan.rules,
            plan.options,
            plan.severities,
            path=path,
            versions=self.registry.versions,
            stage=ONE_REPORT,
        )
        ranked = {code: [with_rank(f) for f in got] for code, got in per_rule.items()}  # ranked here, once
        noting = self.noting(name)
        notes, failed = rule_notes(report, noting, self.registry.versions) if noting else ({}, [])
        local = Local([with_rank(f) for f in faults + failed + reader_findings(report)], ranked, seconds)
        final = assemble(local.findings, [r.code for r in plan.rules], self.registry.failures, local.first)
        own = {r.code: ranked[r.code] for r in plan.rules if has_second_part(r) and ranked.get(r.code)}
        return Outcome(
            path,
            meta=report.meta,
            ruleset=name,
            own=own or None,
            notes=notes or None,
            counts=severity_counts(final),
            seconds=seconds,
            shown=(final, Places.of(report, final)),
            local=local,
            report=report,
        )

    def finish_report(self, report, answer: Outcome, run_reports: Sequence, again=None) -> tuple:
        """(the report's findings, seconds in rules): the rules that look across reports run here,
        where every report of the run is. The findings are None when they add nothing to what the
        first stage shows (``answer``'s shown part, not read here); else every rule's findings are put
        together in the plan's order and ranked."""
        plan = self.plan_of(answer.ruleset, answer.path)
        more, more_seconds = rule_findings(
            report,
            plan.rules,
            plan.options,
            plan.severities,
            path=answer.path,
            run_reports=run_reports,
            versions=self.registry.versions,
            stage=ACROSS,
            found=answer.own,
        )
        seconds = answer.seconds + more_seconds
        if all(got == (answer.own or {}).get(code, []) for code, got in more.items()):
            return None, seconds
        try:
            local = answer.part("local")
        except Exception:
            if again is None:
                raise
            local = again(answer).local
        findings = assemble(
            {**local.findings, **more}, [r.code for r in plan.rules], self.registry.failures, local.first
        )
        return findings, seconds

    def timed_out(self, path: str, stage: str) -> CheckResult:
        return CheckResult(path=path, report=None, findings=[], error=self._timeout_reason(stage))

    def _timeout_reason(self, stage: str) -> str:
        return f"检查超时:{stage}用尽了每个文件 {self.overrides.timeout:g} 秒的时间预算,这份报告未能检查"


def _model_in_memory(answer: Outcome):
    """The model of an outcome that holds it (a run held in memory)."""
    return answer.report


@attrs.define
class Collected:
    """What a walk over the paths found: the files to answer for, in order; the reason of each of
    them that is not read (a FIFO, a report format that cannot be read); and the other files of the
    folders, each with why it is skipped (listed in the output, never dropped in silence)."""

    files: list = attrs.Factory(list)
    unreadable: dict = attrs.Factory(dict)
    skipped: dict = attrs.Factory(dict)
    # Files of a folder that are read but may well be no report (Markdown: often a README); one
    # that is not a report is listed as skipped instead of unreadable.
    maybe_reports: set = attrs.Factory(set)

    def item(self, path: str) -> tuple:
        """What a process that reads ``path`` alone needs of the walk: (path, why it is not read or
        None, whether it may be no report at all) — see :meth:`of_one`."""
        return path, self.unreadable.get(path), path in self.maybe_reports

    @classmethod
    def of_one(cls, path: str, unreadable: Optional[str], maybe_report: bool) -> Collected:
        """The walk of one file, as :meth:`item` describes it (for a worker process or a Dask task)."""
        return cls(
            files=[path],
            unreadable={path: unreadable} if unreadable else {},
            maybe_reports={path} if maybe_report else set(),
        )


def collect(paths: Iterable[str]) -> Collected:
    """Files named, and the files inside folders named (sorted; hidden entries passed over). A path
    named on the command line is read whatever it is (``-`` and pipes included). Inside a folder,
    an entry that is not a regular file (a FIFO or a device named ``*.txt`` would block or never
    end) is listed, not read."""
    found = Collected()
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            found.files.append(str(path))
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = os.path.join(root, name)
                suffix = suffix_of(name)
                if is_temporary(name):
                    found.skipped[full] = skipped_reason(name)
                elif suffix in READ_SUFFIXES:
                    found.files.append(full)
                    if suffix in MAYBE_REPORT_SUFFIXES:
                        found.maybe_reports.add(full)
                    if not _regular(full):
                        found.unreadable[full] = "不是普通文件(管道、设备或套接字),已跳过"
                elif suffix in UNSUPPORTED:
                    found.files.append(full)
                    found.unreadable[full] = UNSUPPORTED[suffix]
                else:
                    found.skipped[full] = skipped_reason(name)
    return found


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # let the reader say why it cannot be read
