"""The ``ogilint`` command line."""

from __future__ import annotations

import argparse
import json
import sys

from ogilint.api import parse_file
from ogilint.checking.config import ConfigError
from ogilint.errors import UnusableInput
from ogilint.finding import ERROR, SEVERITIES, SEVERITY_ORDER
from ogilint.output.serialize import report_json
from ogilint.version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parse_cmd(args) -> int:
    try:
        report = parse_file(args.file)
    except UnusableInput as exc:
        print(f"ogilint: {args.file}: {exc.reason}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "tree":
        print(report.tree.pretty())
    else:
        json.dump(report_json(report), sys.stdout, ensure_ascii=False, indent=1)
        print()
    return EXIT_OK


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _engine(args):
    from ogilint.checking.config import find_project_config
    from ogilint.checking.engine import Engine, Overrides

    overrides = Overrides(
        ruleset=getattr(args, "ruleset", None),
        select=getattr(args, "select", None),
        extend_select=getattr(args, "extend_select", None) or [],
        ignore=getattr(args, "ignore", None) or [],
        region=getattr(args, "region", None),
    )
    return Engine(find_project_config(), overrides)


def _check_cmd(args) -> int:
    from ogilint.output import FORMATS

    try:
        engine = _engine(args)
        results = engine.check_paths(args.paths)
    except ConfigError as exc:
        print(f"ogilint: 配置错误: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not results:
        print("ogilint: 没有找到要检查的报告文件", file=sys.stderr)
        return EXIT_USAGE
    rendered = FORMATS[args.format](results, rules=engine.registry.rule_classes())
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(rendered)
    else:
        sys.stdout.write(rendered)
    for res in results:
        if res.error:
            print(f"ogilint: {res.path}: {res.error}", file=sys.stderr)
    if any(res.error for res in results):
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    fail_on = args.fail_on or engine.config.fail_on or ERROR
    level = SEVERITY_ORDER[fail_on]
    if any(SEVERITY_ORDER.get(f.severity, 0) >= level for res in results for f in res.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _rules_cmd(args) -> int:
    from ogilint.checking.registry import build_registry

    registry = build_registry()
    for cls in registry.rule_classes():
        print(f"{cls.code:8} {cls.name:36} {cls.severity:8} {cls.plugin:14} {cls.summary}")
    for failure in registry.failures:
        print(f"ogilint: 插件 {failure.plugin} ({failure.version}) 无法加载: {failure.error}", file=sys.stderr)
    return EXIT_OK


def _explain_cmd(args) -> int:
    from ogilint.checking.registry import build_registry

    registry = build_registry()
    cls = registry.rules.get(args.code.upper())
    if cls is None:
        import difflib

        close = difflib.get_close_matches(args.code.upper(), sorted(registry.rules), n=1, cutoff=0.4)
        print(f"ogilint: 没有规则 {args.code}" + (f",是否想查 {close[0]}?" if close else ""), file=sys.stderr)
        return EXIT_USAGE
    print(f"{cls.code} {cls.name} — {cls.summary}")
    print(f"默认严重级别: {cls.severity}; 分组: {', '.join(cls.groups) or '-'}; 插件: {cls.plugin}")
    if cls.options:
        print("选项: " + ", ".join(f"{k} = {v!r}" for k, v in cls.options.items()))
    print()
    print(cls.documentation())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ogilint", description="政府信息公开工作年度报告检查工具")
    parser.add_argument("--version", action="version", version=f"ogilint {__version__}")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("parse", help="把报告解析为规范化的 JSON (或 lark 语法树)")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "tree"), default="json")
    p.set_defaults(func=_parse_cmd)

    c = sub.add_parser("check", help="检查报告 (文件或文件夹)")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=("text", "json", "sarif", "html"), default="text")
    c.add_argument("--output", "-o", metavar="FILE")
    c.add_argument("--select", type=_codes, metavar="CODES", help="只运行这些规则 (前缀,逗号分隔)")
    c.add_argument("--extend-select", type=_codes, metavar="CODES")
    c.add_argument("--ignore", type=_codes, metavar="CODES")
    c.add_argument("--ruleset", metavar="NAME|FILE")
    c.add_argument("--region", metavar="NAME", help="地区变体 (如 henan, shandong, shanghai)")
    c.add_argument("--fail-on", choices=SEVERITIES, help="达到此级别的发现使退出码为 1 (默认 error)")
    c.add_argument("--exit-zero", action="store_true", help="有发现也以 0 退出")
    c.set_defaults(func=_check_cmd)

    r = sub.add_parser("rules", help="列出全部规则")
    r.set_defaults(func=_rules_cmd)
    e = sub.add_parser("explain", help="显示一条规则的说明")
    e.add_argument("code")
    e.set_defaults(func=_explain_cmd)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
