"""The ``ogilint`` command line."""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from .errors import UnusableInput
from .parser import parse_file
from .serialize import report_json

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ogilint", description="政府信息公开工作年度报告检查工具")
    parser.add_argument("--version", action="version", version=f"ogilint {__version__}")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("parse", help="把报告解析为规范化的 JSON (或 lark 语法树)")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "tree"), default="json")
    p.set_defaults(func=_parse_cmd)
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
