"""Loading plugins from the ``ogilint`` entry-point group and collecting their rules.

A plugin that fails to import, or whose hook raises, does not stop the run: the failure is kept as
a :class:`PluginFailure` and reported as an ``OGI001`` finding naming the plugin and its version.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import metadata

import attrs
import pluggy

from ogilint.hookspec import PROJECT, OgilintSpec
from ogilint.rule import Rule

ENTRY_POINT_GROUP = "ogilint"


@attrs.frozen
class PluginFailure:
    plugin: str
    version: str
    error: str


@attrs.define
class Registry:
    manager: pluggy.PluginManager
    rules: dict  # code -> Rule subclass
    failures: list
    versions: dict  # plugin name -> version

    def rule_classes(self) -> list:
        return [self.rules[c] for c in sorted(self.rules)]


def _version(ep) -> str:
    dist = getattr(ep, "dist", None)
    return getattr(dist, "version", None) or "?"


def build_registry(extra_plugins: Iterable = ()) -> Registry:
    """A plugin manager with every installed ``ogilint`` plugin (plus ``extra_plugins``)."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(OgilintSpec)
    failures: list[PluginFailure] = []
    versions: dict[str, str] = {}
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        version = _version(ep)
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
            versions[ep.name] = version
        except Exception as exc:
            failures.append(PluginFailure(ep.name, version, f"{type(exc).__name__}: {exc}"))
    for plugin in extra_plugins:
        name = getattr(plugin, "__name__", repr(plugin))
        pm.register(plugin, name=name)
        versions[name] = "local"
    rules: dict[str, type] = {}
    for impl in pm.hook.ogilint_rules.get_hookimpls():
        name = impl.plugin_name
        try:
            contributed = list(impl.function() or ())
        except Exception as exc:
            failures.append(PluginFailure(name, versions.get(name, "?"), f"{type(exc).__name__}: {exc}"))
            continue
        for rule in contributed:
            if not (isinstance(rule, type) and issubclass(rule, Rule) and rule.code):
                failures.append(PluginFailure(name, versions.get(name, "?"), f"not a rule class: {rule!r}"))
                continue
            if rule.code in rules:
                failures.append(
                    PluginFailure(
                        name,
                        versions.get(name, "?"),
                        f"duplicate rule code {rule.code} (already from {rules[rule.code].plugin})",
                    )
                )
                continue
            rule.plugin = rule.plugin or name
            rules[rule.code] = rule
    return Registry(pm, rules, failures, versions)


def default_options(registry: Registry) -> dict:
    """{code: {option: default}}: the rule classes' defaults, then the plugins' additions."""
    options = {code: dict(cls.options) for code, cls in registry.rules.items()}
    for impl in registry.manager.hook.ogilint_default_options.get_hookimpls():
        try:
            extra = impl.function() or {}
        except Exception as exc:
            registry.failures.append(
                PluginFailure(
                    impl.plugin_name, registry.versions.get(impl.plugin_name, "?"), f"{type(exc).__name__}: {exc}"
                )
            )
            continue
        for code, opts in extra.items():
            options.setdefault(code, {}).update(opts)
    return options


def validate_options(registry: Registry, code: str, options: dict) -> list[str]:
    problems: list[str] = []
    for impl in registry.manager.hook.ogilint_validate_options.get_hookimpls():
        try:
            problems.extend(impl.function(code=code, options=options) or [])
        except Exception as exc:
            problems.append(f"{impl.plugin_name}: {type(exc).__name__}: {exc}")
    return problems
