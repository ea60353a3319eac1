"""Rule sets (``rules/*.toml``) and the project config (``ogilint.toml`` or ``[tool.ogilint]``).

A rule set names the rules it selects and their severities and options, and may ``extends``
another. The project config, found upward from the working directory, chooses a rule set and
adjusts it. Unknown keys and unknown codes are errors with a suggestion, never silently ignored, and
so is a value of the wrong type (``select = "FEE"`` would otherwise select the letters F and E): the
message names the key and the type it needs.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Optional

import attrs

if sys.version_info >= (3, 11):
    import tomllib as toml
else:  # pragma: no cover
    import tomli as toml

from ogilint.finding import SEVERITIES


class ConfigError(Exception):
    """A rule set or config file is wrong; the message says where and what to write instead."""


RULESET_KEYS = {"name", "description", "extends", "template", "region", "select", "ignore", "rules"}
RULE_KEYS = {"severity", "options"}
PROJECT_KEYS = {
    "ruleset",
    "select",
    "extend-select",
    "ignore",
    "severity",
    "options",
    "per-file-ignores",
    "region",
    "fail-on",
    "format",
}


# The project config's ``format``: the output formats of ``ogilint check``.
OUTPUT_FORMATS = ("text", "concise", "github", "csv", "xlsx", "json", "jsonl", "sarif", "html")

_TYPE_NAMES = {bool: "布尔值", int: "整数", float: "小数", str: "字符串", list: "数组", dict: "表"}
STRING = "字符串"
NAME = "名称 (非空字符串)"  # a rule set's name or path
CODES = '字符串数组 (如 ["FEE", "DAT005"])'
TABLE = "表"


def _type_name(value) -> str:
    return _TYPE_NAMES.get(type(value), "日期时间" if hasattr(value, "isoformat") else type(value).__name__)


def _wrong_type(where: str, key: str, expected: str, value) -> ConfigError:
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return ConfigError(f"{where}: {key} 应是{expected},而不是{_type_name(value)} {shown}")


def option_type_problem(where: str, code: str, key: str, value, default) -> Optional[ConfigError]:
    """An option set to a value of another kind than its default (a number where a number is
    expected, a table where a table is…); a default of None says nothing, so anything goes."""
    if default is None:
        return None
    number = (int, float)
    if isinstance(default, bool):
        ok, expected = isinstance(value, bool), _TYPE_NAMES[bool]
    elif isinstance(default, number):
        ok, expected = isinstance(value, number) and not isinstance(value, bool), "数字"
    else:
        kind = next((t for t in (str, list, dict) if isinstance(default, t)), None)
        if kind is None:
            return None
        ok, expected = isinstance(value, kind), _TYPE_NAMES[kind]
    return None if ok else _wrong_type(where, f"规则 {code} 的选项 {key}", expected, value)


def _typed(table: dict, key: str, expected: str, where: str, prefix: str = ""):
    """``table[key]`` when it has the type ``expected`` names (absent: None); else a ConfigError."""
    value = table.get(key)
    if value is None:
        return None
    name = f"{prefix}{key}"
    if expected == STRING:
        ok = isinstance(value, str)
    elif expected == NAME:
        ok = isinstance(value, str) and value.strip() != ""
        if isinstance(value, str) and not ok:
            raise ConfigError(f"{where}: {name} 不能是空字符串")
    elif expected == CODES:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if isinstance(value, list) and not ok:
            bad = next(v for v in value if not isinstance(v, str))
            raise ConfigError(f"{where}: {name} 的每一项应是字符串 (规则代码或前缀),而不是{_type_name(bad)} {bad!r}")
    else:
        ok = isinstance(value, dict)
    if not ok:
        raise _wrong_type(where, name, expected, value)
    return value


def _suggest(key: str, known) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.5)
    return f"(是否想写 {close[0]!r}?)" if close else f"(可用的键: {', '.join(sorted(known))})"


def _check_keys(table: dict, known: set, where: str) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(f"{where}: 未知的键 {key!r} {_suggest(key, known)}")


@attrs.define
class RuleSet:
    name: str
    description: str = ""
    template: Optional[str] = None
    region: Optional[str] = None
    select: list = attrs.field(factory=list)
    ignore: list = attrs.field(factory=list)
    severity: dict = attrs.field(factory=dict)  # code -> severity
    options: dict = attrs.field(factory=dict)  # code -> {option: value}
    chain: list = attrs.field(factory=list)  # names from the base to this set


def builtin_ruleset_names() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("ogilint.rules").iterdir() if p.name.endswith(".toml"))


def _read_ruleset(name_or_path: str) -> tuple[dict, str]:
    path = Path(name_or_path)
    if name_or_path.endswith(".toml") or path.exists():
        if not path.is_file():
            raise ConfigError(f"找不到规则集文件 {name_or_path}")
        return _load_toml(path), str(path)
    res = resources.files("ogilint.rules").joinpath(f"{name_or_path}.toml")
    if not res.is_file():
        names = builtin_ruleset_names()
        raise ConfigError(f"未知的规则集 {name_or_path!r} {_suggest(name_or_path, names)}")
    return toml.loads(res.read_text(encoding="utf-8")), f"rules/{name_or_path}.toml"


def _load_toml(path: Path) -> dict:
    try:
        return toml.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: 无法读取: {exc}") from None
    except toml.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误: {exc}") from None


def load_ruleset(name_or_path: str, _seen: tuple = ()) -> RuleSet:
    """A rule set with everything it extends merged in (the extending set wins)."""
    if name_or_path in _seen:
        raise ConfigError(f"规则集循环继承: {' → '.join(_seen + (name_or_path,))}")
    data, where = _read_ruleset(name_or_path)
    _check_keys(data, RULESET_KEYS, where)
    for key in ("name", "description", "template", "region"):
        _typed(data, key, STRING, where)
    _typed(data, "extends", NAME, where)
    for key in ("select", "ignore"):
        _typed(data, key, CODES, where)
    rules = _typed(data, "rules", TABLE, where) or {}
    base = load_ruleset(data["extends"], _seen + (name_or_path,)) if data.get("extends") else RuleSet(name="")
    rs = RuleSet(
        name=data.get("name", Path(name_or_path).stem),
        description=data.get("description", base.description),
        template=data.get("template", base.template),
        region=data.get("region", base.region),
        select=list(base.select) + list(data.get("select", [])),
        ignore=list(base.ignore) + list(data.get("ignore", [])),
        severity=dict(base.severity),
        options={k: dict(v) for k, v in base.options.items()},
        chain=base.chain + [data.get("name", Path(name_or_path).stem)],
    )
    for code, spec in rules.items():
        if not isinstance(spec, dict):
            raise _wrong_type(where, f"rules.{code}", f"表 (如 [rules.{code}])", spec)
        _check_keys(spec, RULE_KEYS, f"{where} [rules.{code}]")
        if "severity" in spec:
            rs.severity[code] = _severity(spec["severity"], where, f"rules.{code}.severity")
        options = _typed(spec, "options", TABLE, where, f"rules.{code}.") or {}
        rs.options.setdefault(code, {}).update(options)
    return rs


def _severity(value, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise _wrong_type(where, key, f"字符串 ({'、'.join(SEVERITIES)} 之一)", value)
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: {key}: 未知的严重级别 {value!r} (可用: {', '.join(SEVERITIES)})")
    return value


@attrs.define
class ProjectConfig:
    path: Optional[str] = None
    ruleset: Optional[str] = None
    select: Optional[list] = None
    extend_select: list = attrs.field(factory=list)
    ignore: list = attrs.field(factory=list)
    severity: dict = attrs.field(factory=dict)
    options: dict = attrs.field(factory=dict)
    per_file_ignores: dict = attrs.field(factory=dict)
    region: Optional[str] = None
    fail_on: Optional[str] = None
    format: Optional[str] = None  # the default output format of ``ogilint check``

    def ignored_for(self, path: str) -> list[str]:
        out = []
        rel = os.path.relpath(path, os.path.dirname(self.path)) if self.path else path
        for pattern, codes in self.per_file_ignores.items():
            if (
                fnmatch.fnmatch(rel, pattern)
                or fnmatch.fnmatch(path, pattern)
                or fnmatch.fnmatch(os.path.basename(path), pattern)
            ):
                out.extend(codes)
        return out


def read_project_config(path: str) -> ProjectConfig:
    """The configuration in one named file: an ``ogilint.toml``, or a ``pyproject.toml`` whose
    ``[tool.ogilint]`` table it is (a pyproject without that table is the defaults)."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"配置文件不存在: {path}")
    data = _load_toml(file)
    if file.name != "pyproject.toml":
        return parse_project_config(data, str(file))
    return _from_pyproject(file, data) or ProjectConfig()


def _from_pyproject(py: Path, data: dict) -> Optional[ProjectConfig]:
    """The ``[tool.ogilint]`` table of a pyproject.toml, or None when it has none."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise _wrong_type(str(py), "tool", TABLE, tool)
    return parse_project_config(tool["ogilint"], f"{py} [tool.ogilint]") if "ogilint" in tool else None


def find_project_config(start: Optional[str] = None) -> ProjectConfig:
    """``ogilint.toml`` or ``[tool.ogilint]`` of ``pyproject.toml``, searched upward."""
    here = Path(start or os.getcwd()).resolve()
    for folder in [here, *here.parents]:
        own = folder / "ogilint.toml"
        if own.is_file():
            return parse_project_config(_load_toml(own), str(own))
        py = folder / "pyproject.toml"
        if py.is_file() and (found := _from_pyproject(py, _load_toml(py))) is not None:
            return found
    return ProjectConfig()


def parse_project_config(data: dict, where: str) -> ProjectConfig:
    path = where.split(" [", 1)[0]
    if not isinstance(data, dict):
        raise _wrong_type(path, "tool.ogilint", TABLE, data)
    _check_keys(data, PROJECT_KEYS, where)
    _typed(data, "ruleset", NAME, where)
    _typed(data, "region", STRING, where)
    for key in ("select", "extend-select", "ignore"):
        _typed(data, key, CODES, where)
    severities = _typed(data, "severity", TABLE, where) or {}
    severity = {code: _severity(v, where, f"severity.{code}") for code, v in severities.items()}
    fail_on = data.get("fail-on")
    if fail_on is not None:
        _severity(fail_on, where, "fail-on")
    options = _typed(data, "options", TABLE, where) or {}
    for code, opts in options.items():
        if not isinstance(opts, dict):
            raise _wrong_type(where, f"options.{code}", f"表 (如 [options.{code}] 下逐项写选项)", opts)
    ignores = _typed(data, "per-file-ignores", TABLE, where) or {}
    for pattern in ignores:
        _typed(ignores, pattern, CODES, where, "per-file-ignores.")
    fmt = data.get("format")
    if fmt is not None and fmt not in OUTPUT_FORMATS:
        expected = f"字符串 ({'、'.join(OUTPUT_FORMATS)} 之一)"
        if isinstance(fmt, str):
            raise ConfigError(f"{where}: format 应是{expected},而不是 {fmt!r}")
        raise _wrong_type(where, "format", expected, fmt)
    return ProjectConfig(
        path=path,
        ruleset=data.get("ruleset"),
        select=data.get("select"),
        extend_select=list(data.get("extend-select", [])),
        ignore=list(data.get("ignore", [])),
        severity=severity,
        options={k: dict(v) for k, v in options.items()},
        per_file_ignores=dict(ignores),
        region=data.get("region"),
        fail_on=fail_on,
        format=fmt,
    )
