"""argparse in Chinese, for ogilint's own parsers only.

argparse takes its words ("usage:", "options", "the following arguments are required") from
gettext; changing the process's gettext would change every other library's words too. Instead the
parser class below names its headings and its help options itself, and :func:`translate` turns the
error messages argparse has already formatted back into Chinese by their English templates (those
of Python 3.10 to 3.13; a message no template matches stays as argparse wrote it).
"""

from __future__ import annotations

import argparse
import re
import sys

USAGE = "用法: "
HELP = "显示此帮助信息并退出"
VERSION = "显示版本号并退出"

# argparse's English templates (its gettext msgids) and their Chinese. Placeholders keep their
# names; a captured "message" is translated in turn ("argument --format: invalid choice: …").
_MESSAGES = {
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "缺少必需的参数: %s",
    "unrecognized arguments: %s": "无法识别的参数: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r (可选: %(choices)s)",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值: %(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项有歧义: %(option)s 可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "此选项不接受值, 忽略了 %r",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "unexpected option string: %s": "意外的选项: %s",
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有命令 %(parser_name)r (可选: %(choices)s)",
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _pattern(template: str) -> re.Pattern:
    """The English template as a pattern: its text literal, each placeholder a lazy group."""
    parts, unnamed, at = [], 0, 0
    for m in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[at : m.start()]))
        name = m.group(1)
        if name is None:  # "%s": the n-th unnamed placeholder
            name, unnamed = f"_{unnamed}", unnamed + 1
        parts.append(f"(?P<{name}>.*?)")
        at = m.end()
    parts.append(re.escape(template[at:]))
    return re.compile("".join(parts), re.DOTALL)


# Fixed wordings first ("expected one argument" before "expected %s argument"), then the longest.
_TABLE = sorted(
    ((_pattern(en), zh) for en, zh in _MESSAGES.items()),
    key=lambda item: (item[0].groups, -len(item[0].pattern)),
)


def _fill(template: str, found: dict) -> str:
    """The Chinese template with the text argparse put in each placeholder."""
    unnamed = iter(found[f"_{i}"] for i in range(len(found)) if f"_{i}" in found)
    return _PLACEHOLDER.sub(lambda p: found[p.group(1)] if p.group(1) else next(unnamed), template)


def translate(message: str) -> str:
    """An error message argparse formatted, in Chinese; unchanged when no template matches it."""
    for pattern, chinese in _TABLE:
        m = pattern.fullmatch(message)
        if m is not None:
            found = m.groupdict()
            if "message" in found:
                found["message"] = translate(found["message"])
            return _fill(chinese, found)
    return message


class HelpFormatter(argparse.HelpFormatter):
    """``用法:`` instead of ``usage:``."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class ExamplesHelpFormatter(HelpFormatter):
    """:class:`HelpFormatter` that keeps the line breaks of the description and the examples below."""

    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(keepends=True))


def _write(text: str, stream) -> None:
    """``text`` on ``stream``, escaping what a terminal's encoding lacks; nothing when it is gone."""
    if not text or stream is None:
        return
    try:
        stream.write(text)
    except UnicodeEncodeError:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(text.encode(stream.encoding or "utf-8", "backslashreplace"))
    except (AttributeError, OSError, ValueError):
        pass


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: headings, ``-h``'s help and error messages. Its
    subcommands' parsers are of this class too (argparse makes them of the parent's class)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        prefix = "-" if "-" in self.prefix_chars else self.prefix_chars[0]
        help_action = self._option_string_actions.get(prefix + "h")
        if help_action is not None:
            help_action.help = HELP

    def print_usage(self, file=None):
        _write(self.format_usage(), sys.stdout if file is None else file)

    def print_help(self, file=None):
        _write(self.format_help(), sys.stdout if file is None else file)

    def exit(self, status=0, message=None):
        if message:
            _write(message, sys.stderr)
        sys.exit(status)

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 错误: {translate(message)}\n")
