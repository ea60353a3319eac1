"""The ``ogilint`` command line.

What it prints is safe for a terminal (report text and file names are escaped, see
``output/text.visible``), and what it cannot deliver is an answer too: an ``--output`` that is a
folder or cannot be written, a full disk or a closed stdout is a one-line reason and exit 2, never a
traceback and never a silent exit 0. The output file is never an input: one named as an input is
refused, and an earlier run's output lying in a folder being checked is skipped, not read back.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from typing import Optional

from ogilint import cli_words
from ogilint.api import parse_file
from ogilint.checking.budget import DEFAULT_SECONDS
from ogilint.checking.config import OUTPUT_FORMATS, ConfigError
from ogilint.errors import UnusableInput
from ogilint.finding import ERROR, SEVERITIES, SEVERITY_ORDER
from ogilint.output.finding_rows import HEADER as FINDING_HEADER
from ogilint.output.json_format import json_text
from ogilint.output.serialize import report_json
from ogilint.output.shown import visible
from ogilint.version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class OutputFailed(Exception):
    """The answer could not be delivered (``reason`` says why, in one line)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _say(message: str) -> None:
    """One escaped line on stderr; nothing when stderr itself is gone (never onto stdout)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        print(visible(message), file=stream)
    except (OSError, ValueError):
        pass


_OS_REASONS = {
    errno.ENOSPC: "磁盘已满",
    getattr(errno, "EDQUOT", -1): "超出磁盘配额",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "只读文件系统",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOENT: "文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EBADF: "已关闭",
    errno.EPIPE: "读取输出的一方已关闭管道",
    errno.EFBIG: "文件过大",
    errno.EIO: "输入输出错误",
}


def _os_reason(exc: OSError) -> str:
    return _OS_REASONS.get(exc.errno, exc.strerror or type(exc).__name__)


def _silence_stdout() -> None:
    """After a failed write, point file descriptor 1 at /dev/null: the interpreter flushes stdout
    once more on exit, and that second failure would print a warning and change the exit code."""
    try:
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        pass


_BINARY_TO_TERMINAL = "xlsx 是二进制文件,不能显示在终端上,请用 --output 指定文件名 (或重定向到文件)"


def _is_terminal(stream) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _emit(rendered, utf8: bool) -> None:
    """``rendered`` (text, bytes, or text in pieces) on stdout. Machine formats (JSON, SARIF, HTML) are
    UTF-8 whatever the locale (the HTML page declares it); text goes through the terminal's encoding,
    escaping what it lacks. Bytes (XLSX) go out as they are, and never to a terminal."""
    out = sys.stdout
    if out is None:
        raise OutputFailed("无法写出结果: 标准输出已关闭")
    buffer = getattr(out, "buffer", None)
    if isinstance(rendered, bytes) and (buffer is None or _is_terminal(out)):
        raise OutputFailed(_BINARY_TO_TERMINAL)
    try:
        if isinstance(rendered, bytes):
            out.flush()
            buffer.write(rendered)
        else:
            for piece in [rendered] if isinstance(rendered, str) else rendered:
                _emit_text(piece, out, buffer, utf8)
        out.flush()
    except (OSError, ValueError) as exc:  # ValueError: a stream closed under us
        _silence_stdout()
        reason = _os_reason(exc) if isinstance(exc, OSError) else "已关闭"
        raise OutputFailed(f"无法写出结果到标准输出: {reason}") from None


def _emit_text(text: str, out, buffer, utf8: bool) -> None:
    if utf8 and buffer is not None:
        out.flush()
        buffer.write(text.encode("utf-8"))
        return
    try:
        out.write(text)
    except UnicodeEncodeError:  # a terminal whose encoding lacks Chinese
        if buffer is None:
            raise
        out.flush()
        buffer.write(text.encode(out.encoding or "utf-8", "backslashreplace"))


def _write_file(path: str, rendered) -> None:
    """``rendered`` (text, bytes, or text in pieces) in the file at ``path``."""
    try:
        if isinstance(rendered, bytes):  # xlsx
            with open(path, "wb") as fh:
                fh.write(rendered)
            return
        with open(path, "w", encoding="utf-8") as fh:
            for piece in [rendered] if isinstance(rendered, str) else rendered:
                fh.write(piece)
    except OSError as exc:
        raise OutputFailed(f"无法写入输出文件 {path}: {_os_reason(exc)}") from None


def _parse_problem(args):
    """Why ``parse`` cannot deliver what it is asked for, found before the report is read; or None."""
    if args.output is None:
        return _BINARY_TO_TERMINAL if args.format == "xlsx" and _is_terminal(sys.stdout) else None
    if problem := _output_target_problem(args.output):
        return problem
    if os.path.exists(args.output) and _same_file(args.file, os.stat(args.output)):
        return f"输出文件 {args.output} 就是要解析的报告,不会覆盖它"
    return None


def _parse_cmd(args) -> int:
    if problem := _parse_problem(args):
        _say(f"ogilint: {problem}")
        return EXIT_USAGE
    try:
        report = parse_file(args.file)
    except UnusableInput as exc:
        _say(f"ogilint: {args.file}: {exc.reason}")
        return EXIT_USAGE
    try:
        utf8 = True
        if args.format == "tree":
            # Token values hold the report's text; each line is escaped, the tree's TABs kept.
            rendered, utf8 = "\n".join(visible(line) for line in report.tree.pretty().split("\n")) + "\n", False
        elif args.format in ("csv", "xlsx"):  # the tables for a spreadsheet
            from ogilint.output import tables_export

            rendered = tables_export.csv(report) if args.format == "csv" else tables_export.xlsx(report)
        else:
            rendered = json_text(report_json(report)) + "\n"
        if args.output:
            _write_file(args.output, rendered)
        else:
            _emit(rendered, utf8=utf8)
    except OutputFailed as exc:
        _say(f"ogilint: {exc.reason}")
        return EXIT_USAGE
    return EXIT_OK


def _colour_wanted(stream) -> bool:
    """Colours on a terminal only, never with ``NO_COLOR`` set (no-color.org) or ``TERM=dumb``;
    ``FORCE_COLOR`` asks for them in a pipe too."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream) and os.environ.get("TERM") != "dumb"


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
        timeout=getattr(args, "timeout", DEFAULT_SECONDS),
    )
    return Engine(find_project_config(), overrides)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是秒数: {value!r}") from None
    if not 0 <= seconds < 1e6:
        raise argparse.ArgumentTypeError(f"秒数应在 0 到 1000000 之间: {value!r}")
    return seconds


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是进程数: {value!r}") from None
    if not 1 <= jobs <= 256:
        raise argparse.ArgumentTypeError(f"进程数应在 1 到 256 之间: {value!r}")
    return jobs


def _output_target_problem(path: str):
    """Why ``--output PATH`` cannot be written, found before any report is read; or None."""
    if not path:
        return "输出文件名是空的"
    if os.path.isdir(path):
        return f"输出路径 {path} 是一个文件夹,请给出文件名"
    parent = os.path.dirname(path) or "."
    if not os.path.isdir(parent):
        return f"输出文件所在的文件夹 {parent} 不存在"
    return None


_TEXT_SUMMARY = re.compile(
    r"共 \d{1,9} 份报告: \d{1,9} 个错误, \d{1,9} 个警告, \d{1,9} 个提示(?:; 其中 \d{1,9} 份无法检查)?\r?\n\Z"
)
_MACHINE_HEADS = (
    b'[\n {\n  "file": ',  # json
    b"[]\n",  # json of no report
    b'{"file": ',  # jsonl
    b'{\n "$schema": "https://json.schemastore.org/sarif',  # sarif
    b'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>ogilint ',  # html
    ("\ufeff" + ",".join(FINDING_HEADER)).encode("utf-8"),  # csv
)


def _earlier_output(path: str) -> bool:
    """Whether ``path`` holds what an earlier ``ogilint check`` wrote (or nothing): then it may be
    overwritten, and it is not a report to check."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(256)
            fh.seek(max(0, os.fstat(fh.fileno()).st_size - 256))
            tail = fh.read(256)
    except OSError:
        return False
    if head.startswith(b"PK\x03\x04"):  # a zip: ours when it is a workbook that names ogilint (xlsx)
        from ogilint.output.workbook import written_by_ogilint

        return written_by_ogilint(path)
    if not head or head.replace(b"\r\n", b"\n").startswith(_MACHINE_HEADS):
        return True
    return bool(_TEXT_SUMMARY.search(tail.decode("utf-8", "ignore")))


def _same_file(path: str, target: os.stat_result) -> bool:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino)


def _check_without_output(engine, paths: list[str], output: str, progress=None, jobs: int = 1, dask=None):
    """The check of ``paths``, so that ``--output`` never overwrites an input and is never read back:
    an output named as an input is refused; one found inside a folder is skipped when it is an
    earlier run's output (so a folder that holds its own report checks the same twice), refused
    when it is anything else."""
    try:
        target = os.stat(output)
    except (OSError, ValueError):
        return engine.check_paths(paths, progress, jobs, dask)  # not there yet: nothing to protect, nothing to skip
    for p in paths:
        if not os.path.isdir(p) and _same_file(p, target):
            raise OutputFailed(f"输出文件 {output} 也是要检查的输入,不会覆盖它")
    from ogilint.checking.engine import collect
    from ogilint.checking.runner import CheckResult

    found = collect(paths)
    kept = [f for f in found.files if not _same_file(f, target)]
    others = {f: r for f, r in found.skipped.items() if not _same_file(f, target)}
    if len(kept) == len(found.files) and len(others) == len(found.skipped):
        return engine.check_paths(paths, progress, jobs, dask)
    if not _earlier_output(output):
        raise OutputFailed(f"输出文件 {output} 是要检查的文件夹中的一份报告,不会覆盖它")
    # The files are now named one by one, and a named file is read whatever it is: what the folder
    # walk does not read (a FIFO, a device, a format that cannot be read) keeps its reason.
    unreadable = found.unreadable
    checked = iter(engine.check_paths([f for f in kept if f not in unreadable], progress, jobs, dask))
    results = [
        CheckResult(path=f, report=None, findings=[], error=unreadable[f]) if f in unreadable else next(checked)
        for f in kept
    ]
    return results + [CheckResult(path=f, report=None, findings=[], error=r, skipped=True) for f, r in others.items()]


# The format an ``--output`` file's suffix names, when no ``--format`` is given (a file named
# "结果.xlsx" gets a workbook, not text).
_SUFFIX_FORMATS = {
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".sarif": "sarif",
    ".html": "html",
    ".htm": "html",
}


def _format_of(output) -> Optional[str]:
    return _SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower()) if output else None


def _check_on_dask(engine, args, bar):
    """The run on the Dask cluster at ``--dask`` (its output written as any other's)."""
    try:
        from distributed import Client
    except ImportError:
        raise OutputFailed("--dask 需要 Dask: pip install 'ogilint[dask]'") from None
    try:
        client = Client(args.dask, timeout=10)  # seconds to reach the scheduler
    except (OSError, TimeoutError, ValueError) as exc:
        raise OutputFailed(f"无法连接 Dask 调度器 {args.dask}: {type(exc).__name__}") from None
    with client:
        if args.output:
            return _check_without_output(engine, args.paths, args.output, bar, dask=client)
        return engine.check_paths(args.paths, bar, dask=client)


class _Lines:
    """``--format jsonl``: each report's line written when its findings are final, to ``--output``
    (opened at the first line, after the checks that it is no input) or to stdout."""

    def __init__(self, output: Optional[str]):
        self.output, self.file = output, None

    def write(self, result) -> None:
        from ogilint.output.jsonl_format import line

        text = line(result)
        if self.output is None:
            _emit(text, utf8=True)
            return
        try:
            if self.file is None:
                self.file = open(self.output, "w", encoding="utf-8")
            self.file.write(text)
        except OSError as exc:
            raise OutputFailed(f"无法写入输出文件 {self.output}: {_os_reason(exc)}") from None

    def close(self) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError:
                pass
            self.file = None


def _check_cmd(args) -> int:
    from ogilint.output import FORMATS, chunks_of

    if args.output is not None and (problem := _output_target_problem(args.output)):
        _say(f"ogilint: {problem}")
        return EXIT_USAGE
    try:
        engine = _engine(args)
        if not args.no_cache:
            from ogilint.checking.cache import default_folder

            engine.use_cache(args.cache_dir or default_folder())
        fmt = args.format or _format_of(args.output) or engine.config.format or "text"
        if args.statistics and args.format not in (None, "text"):
            raise OutputFailed(f"--statistics 只输出文本,不能与 --format {args.format} 一起使用")
        if args.statistics:
            fmt = "text"
        if fmt == "xlsx" and not args.output and not args.statistics and _is_terminal(sys.stdout):
            raise OutputFailed(_BINARY_TO_TERMINAL)  # refused before the reports are read
        from ogilint.checking.parallel import default_jobs
        from ogilint.output import progress

        bar = progress.for_terminal()
        jobs = args.jobs or default_jobs()
        lines = _Lines(args.output) if fmt == "jsonl" and not args.statistics else None
        engine.on_result = lines.write if lines is not None else None  # a report's line as soon as it is final
        try:
            if args.dask:
                results = _check_on_dask(engine, args, bar)
            elif args.output:
                results = _check_without_output(engine, args.paths, args.output, bar, jobs)
            else:
                results = engine.check_paths(args.paths, bar, jobs)
        finally:
            if bar is not None:
                bar.close()
            if lines is not None:
                lines.close()
    except ConfigError as exc:
        _say(f"ogilint: 配置错误: {exc}")
        return EXIT_USAGE
    except OutputFailed as exc:
        _say(f"ogilint: {exc.reason}")
        return EXIT_USAGE
    if not results:
        _say("ogilint: 没有找到要检查的报告文件")
        return EXIT_USAGE
    if lines is not None:
        rendered = ""
    elif args.statistics:  # as ruff's: how often each rule fired, instead of the findings
        from ogilint.output import overview
        from ogilint.output.text import summary

        rendered = "\n".join([*overview.rules(results, engine.registry.rule_classes()), summary(results)]) + "\n"
    else:
        extra = {"verbose": True} if args.verbose and fmt == "text" else {}
        if fmt in ("text", "concise") and not args.output and _colour_wanted(sys.stdout):
            extra["colour"] = True
        render = chunks_of(fmt) or FORMATS[fmt]  # in pieces where the format can: written as they come
        rendered = render(results, rules=engine.registry.rule_classes(), **extra)
    try:
        if lines is not None:
            pass  # written as the run went
        elif args.output:
            _write_file(args.output, rendered)
        else:
            _emit(rendered, utf8=fmt not in ("text", "concise"))
    except OutputFailed as exc:
        _say(f"ogilint: {exc.reason}")
        return EXIT_USAGE
    results = [res for res in results if not res.skipped]  # listed in the output, not counted
    if args.output or not _is_terminal(sys.stdout):  # on a terminal the output has just said so
        for res in results:
            if res.error:
                _say(f"ogilint: {res.path}: {res.error}")
    if not results:
        _say("ogilint: 没有找到可检查的报告文件 (跳过的文件见输出)")
        return EXIT_USAGE
    if all(res.error for res in results):
        return EXIT_USAGE  # nothing could be read: no report was checked
    if any(res.error for res in results):
        return EXIT_FINDINGS  # an unreadable file among readable ones is a finding on it, even with --exit-zero
    if args.exit_zero:
        return EXIT_OK
    fail_on = args.fail_on or engine.config.fail_on or ERROR
    level = SEVERITY_ORDER[fail_on]
    if any(SEVERITY_ORDER.get(f.severity, 0) >= level for res in results for f in res.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _print(lines: list[str]) -> int:
    """The lines of ``rules`` and ``explain`` on stdout (exit 2 when they cannot be delivered)."""
    try:
        _emit("".join(line + "\n" for line in lines), utf8=False)
    except OutputFailed as exc:
        _say(f"ogilint: {exc.reason}")
        return EXIT_USAGE
    return EXIT_OK


def _rules_cmd(args) -> int:
    from ogilint.checking.registry import build_registry
    from ogilint.output.shown import SEVERITY_WORDS

    registry = build_registry()
    lines = [
        f"{cls.code:8} {cls.name:36} {SEVERITY_WORDS.get(cls.severity, cls.severity):4} {cls.plugin:14} {cls.summary}"
        for cls in registry.rule_classes()
    ]
    code = _print(lines)
    for failure in registry.failures:
        _say(f"ogilint: 插件 {failure.plugin} ({failure.version}) 无法加载: {failure.error}")
    return code


def _explain_cmd(args) -> int:
    from ogilint.checking.registry import build_registry
    from ogilint.output.shown import SEVERITY_WORDS

    registry = build_registry()
    cls = registry.rules.get(args.code.upper())
    if cls is None:
        import difflib

        close = difflib.get_close_matches(args.code.upper(), sorted(registry.rules), n=1, cutoff=0.4)
        _say(f"ogilint: 没有规则 {args.code}" + (f",是否想查 {close[0]}?" if close else ""))
        return EXIT_USAGE
    lines = [
        f"{cls.code} {cls.name} — {cls.summary}",
        f"默认严重级别: {SEVERITY_WORDS.get(cls.severity, cls.severity)}; 分组: {', '.join(cls.groups) or '-'}; 插件: {cls.plugin}",
    ]
    if cls.options:
        lines.append("选项: " + ", ".join(f"{k} = {v!r}" for k, v in cls.options.items()))
    lines += ["", cls.documentation()]
    return _print(lines)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是端口号: {value!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"端口号应在 0 到 65535 之间: {value!r}")
    return port


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是正整数: {value!r}") from None
    if not 1 <= number <= 1_000_000:
        raise argparse.ArgumentTypeError(f"应在 1 到 1000000 之间: {value!r}")
    return number


def _serve_cmd(args) -> int:
    try:
        import multipart  # noqa: F401  (python-multipart: the uploads)
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401

        from ogilint.serve.limits import MIB, Limits
        from ogilint.serve.server import serve
    except ImportError:
        _say("ogilint: serve 需要网页服务的依赖: pip install 'ogilint[serve]'")
        return EXIT_USAGE
    limits = Limits(max_bytes=args.max_upload_mb * MIB, max_files=args.max_files, keep_seconds=args.keep_minutes * 60)
    try:
        return serve(args.host, args.port, args.jobs, limits, say=_say)
    except OSError as exc:
        _say(f"ogilint: {exc}")
        return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    parser = cli_words.ArgumentParser(
        prog="ogilint",
        description="政府信息公开工作年度报告检查工具",
        epilog=(
            "例子:\n"
            "  ogilint check 报告/                   检查一个文件夹,先列出概览 (最差的在前)\n"
            "  ogilint check 报告/ -o 结果.xlsx      导出 Excel 工作簿 (报告、发现两张表)\n"
            "  ogilint check 报告/ -o 结果.html      生成可离线打开的网页报告\n"
            "  ogilint parse 报告.pdf -o 表格.xlsx   导出报告中的三张统计表\n"
            "  ogilint explain IDN001                查看一条规则的说明\n"
            "  ogilint serve                         在本机启动网页版 (浏览器打开 http://127.0.0.1:8000/)"
        ),
        formatter_class=cli_words.ExamplesHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ogilint {__version__}", help=cli_words.VERSION)
    sub = parser.add_subparsers(dest="command", title="命令", metavar="COMMAND")
    what = "把报告解析为规范化的 JSON,或把三张统计表导出为 csv、xlsx (或 lark 语法树)"
    p = sub.add_parser("parse", help=what, description=what)
    p.add_argument("file", metavar="FILE", help="要解析的报告文件 (txt、pdf、docx、html 等;- 为标准输入)")
    p.add_argument(
        "--format",
        choices=("json", "tree", "csv", "xlsx"),
        default="json",
        help="输出格式 (默认 json: 规范化的模型;tree: lark 语法树;csv、xlsx: 提取出的各表)",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="把结果写入此文件,而不是标准输出")
    p.set_defaults(func=_parse_cmd)

    what = "检查报告 (文件或文件夹)"
    c = sub.add_parser("check", help=what, description=what)
    c.add_argument("paths", nargs="+", metavar="PATH", help="要检查的报告文件或文件夹 (可给多个;- 为标准输入)")
    c.add_argument("--format", choices=OUTPUT_FORMATS, help="输出格式 (默认 text,或配置中的 format)")
    c.add_argument("--output", "-o", metavar="FILE", help="把结果写入此文件,而不是标准输出")
    c.add_argument("--select", type=_codes, metavar="CODES", help="只运行这些规则 (前缀,逗号分隔)")
    c.add_argument("--extend-select", type=_codes, metavar="CODES", help="在规则集之外再运行这些规则 (前缀,逗号分隔)")
    c.add_argument("--ignore", type=_codes, metavar="CODES", help="不运行这些规则 (前缀,逗号分隔)")
    c.add_argument(
        "--ruleset",
        metavar="NAME|FILE",
        help="使用的规则集: rules/ 中的名称 (如 national-2021) 或 .toml 文件 (默认按报告自动判断)",
    )
    c.add_argument("--region", metavar="NAME", help="地区变体 (如 henan, shandong, shanghai)")
    c.add_argument("--fail-on", choices=SEVERITIES, help="达到此级别的发现使退出码为 1 (默认 error)")
    c.add_argument("--exit-zero", action="store_true", help="有发现也以 0 退出 (有文件无法检查时仍以 1 退出)")
    c.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="文本输出中也列出单元格键 (如 [t3.granted.total])、规则英文名和排序",
    )
    c.add_argument("--statistics", action="store_true", help="只列出每条规则的发现数 (多的在前),不列出各项发现")
    c.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help=f"每个文件的 CPU 时间预算,超出则该文件记为检查超时 (默认 {DEFAULT_SECONDS:g},0 为不限)",
    )
    c.add_argument(
        "--no-cache",
        action="store_true",
        help="不使用结果缓存 (默认缓存未改动文件的检查结果,重复检查同一文件夹时只重算跨报告的规则)",
    )
    c.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="结果缓存的文件夹 (默认为环境变量 OGILINT_CACHE_DIR,或用户缓存目录下的 ogilint;可随时删除)",
    )
    c.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="在 Dask 集群上检查 (如 tcp://scheduler:8786;需安装 ogilint[dask],各节点须能以相同路径读到文件)",
    )
    c.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="同时检查的进程数 (默认为本机可用的 CPU 核数;不足 8 个文件时只用一个进程;结果与 --jobs 1 完全相同)",
    )
    c.set_defaults(func=_check_cmd)

    r = sub.add_parser("rules", help="列出全部规则", description="列出全部规则: 代码、名称、默认严重级别、插件和简述")
    r.set_defaults(func=_rules_cmd)
    what = "显示一条规则的说明: 为什么检查、不通过和通过的例子"
    e = sub.add_parser("explain", help="显示一条规则的说明", description=what)
    e.add_argument("code", metavar="CODE", help="规则代码 (如 IDN001,大小写均可)")
    e.set_defaults(func=_explain_cmd)

    what = "启动本机网页版: 在浏览器中上传报告或文件夹、查看结果并下载 (需安装 ogilint[serve])"
    s = sub.add_parser("serve", help=what, description=what)
    s.add_argument("--host", default="127.0.0.1", help="监听的地址 (默认 127.0.0.1,只有本机能访问;其他地址会给出警告)")
    s.add_argument("--port", type=_port, default=8000, help="监听的端口 (默认 8000;0 为任选一个空闲端口)")
    s.add_argument(
        "--jobs", "-j", type=_jobs, default=None, metavar="N", help="同时检查的进程数 (默认为本机的 CPU 核数)"
    )
    s.add_argument(
        "--max-upload-mb", type=_positive, default=200, metavar="MB", help="一次上传的总大小上限 (默认 200 MB)"
    )
    s.add_argument("--max-files", type=_positive, default=1000, metavar="N", help="一次上传的文件数上限 (默认 1000)")
    s.add_argument(
        "--keep-minutes", type=_positive, default=30, metavar="MIN", help="检查结果在服务器上保留的分钟数 (默认 30)"
    )
    s.set_defaults(func=_serve_cmd)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        if sys.stderr is not None:
            parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return EXIT_USAGE
    except BrokenPipeError:  # `rules` or `explain` piped into a reader that went away
        _silence_stdout()
        _say("ogilint: 无法写出结果到标准输出: 读取输出的一方已关闭管道")
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
