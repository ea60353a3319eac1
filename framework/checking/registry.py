"""Loading plugins from the ``ogilint`` entry-point group and collecting their rules.

A plugin cannot stop the run. One that fails to import (even with ``SystemExit``), whose hook
raises, hangs or answers nonsense, or whose rule class is unusable, is kept as a
:class:`PluginFailure` and reported as an ``OGI002`` finding naming the plugin and its version; what
a plugin prints while it loads goes to stderr, never to stdout (which carries JSON or SARIF).

The built-in plugins (the entry points of the ``ogilint`` distribution itself) are registered
first and their rules collected first, so a third-party plugin that claims a built-in rule's code
is the one reported as the duplicate, whatever its entry point is called; and every rule class
is told which plugin contributed it (``Rule.plugin``), instead of inheriting the name of the class
it was derived from.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from typing import Optional

import attrs
import pluggy

from ogilint.checking.config import ConfigError
from ogilint.checking.runner import (
    FRAMEWORK_PREFIX,
    PLUGIN_ERROR,
    Outcome,
    call_plugin,
    output_finding,
    plugin_clock,
    plugin_finding,
    rule_seconds,
)
from ogilint.finding import SEVERITIES, Finding
from ogilint.hookspec import PROJECT, OgilintSpec
from ogilint.reading.guard import short_error
from ogilint.rule import Rule

ENTRY_POINT_GROUP = "ogilint"
BUILTIN_DISTRIBUTION = "ogilint"
MAX_RULES_PER_PLUGIN = 1000
LOAD_SECONDS = 60.0  # importing a plugin (PDF and DOCX libraries) and its setup hooks, each
RULE_CODE = re.compile(r"[A-Z]{2,8}[0-9]{1,6}")
VARIANT_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")  # a rule set's name, not a path


@attrs.frozen
class PluginFailure:
    plugin: str
    version: str
    error: str
    hook: str = ""  # the hook that failed after loading ("" when the plugin did not load)


@attrs.define
class Registry:
    manager: pluggy.PluginManager
    rules: dict  # code -> Rule subclass
    failures: list
    versions: dict  # plugin name -> version
    builtin: frozenset = frozenset()  # names of the plugins of the ogilint distribution
    owners: dict = attrs.field(factory=dict)  # code -> plugin name

    def rule_classes(self) -> list:
        return [self.rules[c] for c in sorted(self.rules)]

    def third_party_defaults(self) -> list[str]:
        """Codes of the rules installed plugins (not ogilint's own) contribute and do not mark opt-in:
        they run by default, as an installed flake8 plugin does."""
        return sorted(
            code
            for code, cls in self.rules.items()
            if self.owners.get(code) not in self.builtin and not getattr(cls, "opt_in", False)
        )

    def version(self, plugin: str) -> str:
        return self.versions.get(plugin, "?")

    def fail(self, plugin: str, error: str, hook: str = "") -> None:
        """Keep a failure once (hooks called per rule set would repeat it)."""
        failure = PluginFailure(plugin, self.version(plugin), error, hook)
        if failure not in self.failures:
            self.failures.append(failure)


def _origin(ep, known: dict) -> tuple:
    """(name, version) of the distribution that installed ``ep``, asked once per distribution
    (``known``): a distribution's ``name`` and ``version`` read and parse its METADATA file each time."""
    dist = getattr(ep, "dist", None)
    if id(dist) not in known:
        known[id(dist)] = (dist, getattr(dist, "name", None), getattr(dist, "version", None) or "?")
    return known[id(dist)][1:]


def load_seconds() -> Optional[float]:
    """The time limit of a plugin's import and setup hooks: generous (an import may load big
    libraries), off when the rule limit is off."""
    return None if rule_seconds() is None else LOAD_SECONDS


def _failure_text(outcome: Outcome) -> str:
    if outcome.timed_out:
        return f"超时 (超过 {LOAD_SECONDS:g} 秒)"
    return short_error(outcome.error)


def _echo_output(name: str, outcome: Outcome) -> None:
    """What a plugin printed while loading: to stderr, where it cannot spoil the output."""
    if outcome.output.total:
        print(f"ogilint: 插件 {name} 加载时{outcome.output.describe()}", file=sys.stderr)


def build_registry(extra_plugins: Iterable = ()) -> Registry:
    """A plugin manager with every installed ``ogilint`` plugin (plus ``extra_plugins``)."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(OgilintSpec)
    registry = Registry(pm, {}, [], {})
    builtin: set[str] = set()
    seconds = load_seconds()
    with plugin_clock():  # one clock for all the calls into plugins while loading
        known: dict = {}

        def is_builtin(ep) -> bool:
            return _origin(ep, known)[0] == BUILTIN_DISTRIBUTION

        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (not is_builtin(e), e.name)):
            version = _origin(ep, known)[1]
            if pm.has_plugin(ep.name) or ep.name in registry.versions:
                registry.failures.append(
                    PluginFailure(
                        ep.name, version, f"插件名 {ep.name} 已被另一个插件 (版本 {registry.version(ep.name)}) 使用"
                    )
                )
                continue
            outcome = call_plugin(ep.load, seconds)
            _echo_output(ep.name, outcome)
            if outcome.error is None:
                registered = call_plugin(lambda: pm.register(outcome.value, name=ep.name), seconds)  # noqa: B023
                outcome = registered if registered.error is not None else outcome
            if outcome.error is not None:
                registry.failures.append(PluginFailure(ep.name, version, _failure_text(outcome)))
                continue
            registry.versions[ep.name] = version
            if is_builtin(ep):
                builtin.add(ep.name)
        for plugin in extra_plugins:
            name = getattr(plugin, "__name__", None) or repr(plugin)
            try:
                pm.register(plugin, name=name)
            except Exception as exc:
                registry.failures.append(PluginFailure(name, "local", short_error(exc)))
                continue
            registry.versions[name] = "local"
        registry.builtin = frozenset(builtin)
        # The reader guard (reading/guard.py) names plugins and knows the built-in ones through these.
        pm.ogilint_versions = registry.versions
        pm.ogilint_builtin = registry.builtin
        _collect_rules(registry, seconds)
    return registry


def _contributed(impl) -> list:
    answer = impl.function()
    if answer is None:
        return []
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, Iterable):
        raise TypeError(f"ogilint_rules 应返回规则类的列表,而不是 {type(answer).__name__}")
    items = list(itertools.islice(answer, MAX_RULES_PER_PLUGIN + 1))
    if len(items) > MAX_RULES_PER_PLUGIN:
        raise ValueError(f"ogilint_rules 返回了超过 {MAX_RULES_PER_PLUGIN} 条规则")
    return items


def _short(value) -> str:
    try:
        text = repr(value)
    except Exception:  # a plugin's object may refuse to print itself
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 80 else text[:79] + "…"


def rule_class_problem(rule) -> Optional[str]:
    """Why ``rule`` cannot be registered (None when it can). The outputs, the selection and the
    config trust these attributes; checked once here instead of failing on every report."""
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return f"not a rule class: {_short(rule)}"
    code = rule.code
    if not isinstance(code, str) or not RULE_CODE.fullmatch(code):
        return f"规则 {_short(rule)} 的代码 {_short(code)} 无效 (应是大写字母加数字,如 XYZ001)"
    if code.startswith(FRAMEWORK_PREFIX):
        return f"规则代码 {code} 以 {FRAMEWORK_PREFIX} 开头,这是 ogilint 自己保留的"
    if not isinstance(rule.severity, str) or rule.severity not in SEVERITIES:
        return f"规则 {code} 的严重级别 {_short(rule.severity)} 不是 {'、'.join(SEVERITIES)} 之一"
    for key in ("name", "summary"):
        if not isinstance(getattr(rule, key), str):
            return f"规则 {code} 的 {key} 不是字符串"
    if not isinstance(rule.groups, (tuple, list)) or not all(isinstance(g, str) for g in rule.groups):
        return f"规则 {code} 的 groups 不是字符串的序列"
    if not isinstance(rule.options, Mapping) or not all(isinstance(k, str) for k in rule.options):
        return f"规则 {code} 的 options 不是以字符串为键的表"
    if rule.__doc__ is not None and not isinstance(rule.__doc__, str):
        return f"规则 {code} 的说明不是字符串"
    return None


def _collect_rules(registry: Registry, seconds: Optional[float]) -> None:
    """Every plugin's rule classes, built-in plugins first; a code is owned by the first plugin
    that contributes it."""
    impls = registry.manager.hook.ogilint_rules.get_hookimpls()
    order = sorted(range(len(impls)), key=lambda i: (impls[i].plugin_name not in registry.builtin, i))
    for impl in (impls[i] for i in order):
        name = impl.plugin_name
        outcome = call_plugin(lambda: _contributed(impl), seconds)  # noqa: B023 - called at once
        _echo_output(name, outcome)
        if outcome.error is not None:
            registry.failures.append(PluginFailure(name, registry.version(name), _failure_text(outcome)))
            continue
        for rule in outcome.value:
            problem = rule_class_problem(rule)
            if problem is None and rule.code in registry.rules:
                problem = f"duplicate rule code {rule.code} (already from {registry.owners[rule.code]})"
            if problem is None:
                made = call_plugin(rule, seconds)  # the engine instantiates it for every report
                if made.error is not None:
                    problem = f"规则 {rule.code} 无法实例化: {_failure_text(made)}"
            if problem is not None:
                registry.failures.append(PluginFailure(name, registry.version(name), problem))
                continue
            rule.plugin = name
            registry.rules[rule.code] = rule
            registry.owners[rule.code] = name


def default_options(registry: Registry) -> dict:
    """{code: {option: default}}: the rule classes' defaults, then the plugins' additions."""
    options = {code: dict(cls.options) for code, cls in registry.rules.items()}
    seconds = load_seconds()
    for impl in registry.manager.hook.ogilint_default_options.get_hookimpls():
        outcome = call_plugin(impl.function, seconds)
        _echo_output(impl.plugin_name, outcome)
        extra = outcome.value or {}
        if outcome.error is None and not (
            isinstance(extra, Mapping)
            and all(isinstance(c, str) and isinstance(o, Mapping) for c, o in extra.items())
            and all(isinstance(k, str) for o in extra.values() for k in o)
        ):
            outcome.error = TypeError(f"应返回 {{代码: {{选项: 默认值}}}},而不是 {_short(extra)}")
        if outcome.error is not None:
            registry.fail(impl.plugin_name, _failure_text(outcome), hook="ogilint_default_options")
            continue
        for code, opts in extra.items():
            options.setdefault(code, {}).update(opts)
    return options


def validate_options(registry: Registry, code: str, options: dict) -> list[str]:
    """What the plugins find wrong with ``options`` of rule ``code``. A validating hook that fails
    is the plugin's failure (OGI002), not a mistake in the user's configuration."""
    problems: list[str] = []
    seconds = load_seconds()
    for impl in registry.manager.hook.ogilint_validate_options.get_hookimpls():
        args = {"code": code, "options": dict(options)}
        outcome = call_plugin(lambda: impl.function(*[args[a] for a in impl.argnames]), seconds)  # noqa: B023
        _echo_output(impl.plugin_name, outcome)
        answer = outcome.value or []
        if outcome.error is None and (
            isinstance(answer, (str, bytes))
            or not isinstance(answer, (list, tuple))
            or not all(isinstance(p, str) for p in answer)
        ):
            outcome.error = TypeError(f"应返回字符串的列表,而不是 {_short(answer)}")
        if outcome.error is not None:
            registry.fail(impl.plugin_name, _failure_text(outcome), hook="ogilint_validate_options")
            continue
        problems.extend(answer)
    return problems


def choose_variant(
    registry: Registry, report, requested: Optional[str], load: Callable[[str], object]
) -> tuple[Optional[str], list[Finding]]:
    """The rule set the ``ogilint_variant`` hooks choose for ``report`` (None: no plugin chose),
    and ``OGI`` findings about the hooks that misbehaved on the way. Asked one by one in pluggy's
    order; a hook that raises, runs out of time, answers something that is not a rule set's name,
    or names one that ``load`` cannot load is passed over (the next hook decides). A rule set the
    user asked for (``requested``) that does not load stays the user's configuration error."""
    faults: list[Finding] = []
    impls = registry.manager.hook.ogilint_variant.get_hookimpls()
    seconds = rule_seconds()
    if any(i.hookwrapper or i.wrapper for i in impls):  # pluggy's order, as a whole
        calls = [("?", lambda: registry.manager.hook.ogilint_variant(report=report, requested=requested))]
    else:
        args = {"report": report, "requested": requested}
        calls = [(i.plugin_name, lambda i=i: i.function(*[args[a] for a in i.argnames])) for i in reversed(impls)]
    for name, call in calls:
        version = registry.version(name)
        outcome = call_plugin(call, seconds)
        if outcome.output.total:
            faults.append(output_finding(name, version, "的 ogilint_variant 钩子", outcome.output))
        answer = outcome.value
        if outcome.error is not None:
            what = f"超时 (超过 {seconds:g} 秒)" if outcome.timed_out else f"出错: {short_error(outcome.error)}"
            faults.append(plugin_finding(PLUGIN_ERROR, name, version, f"的 ogilint_variant 钩子{what};已改用其他选择"))
            continue
        if answer is None:
            continue
        if not isinstance(answer, str) or not (answer == requested or VARIANT_NAME.fullmatch(answer)):
            faults.append(
                plugin_finding(
                    PLUGIN_ERROR,
                    name,
                    version,
                    f"的 ogilint_variant 钩子返回了 {_short(answer)},不是规则集的名称;已改用其他选择",
                )
            )
            continue
        try:
            load(answer)
        except ConfigError as exc:
            if answer == requested:
                raise
            faults.append(
                plugin_finding(
                    PLUGIN_ERROR,
                    name,
                    version,
                    f"的 ogilint_variant 钩子选择的规则集 {answer!r} 无法加载 ({exc});已改用其他选择",
                )
            )
            continue
        return answer, faults
    return None, faults
