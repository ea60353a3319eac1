"""From a path to a :class:`~ogilint.document.Document`, through the reader plugins.

Readers are plugins (the first-result hook ``ogilint_read``): the PDF, DOCX, HTML and plain-text
readers in ``plugins/readers/`` are registered like any third-party one. This module only guards
the door: it refuses directories and oversized files before any reader opens them, and turns a
reader's crash into a one-line reason instead of a traceback. The caller passes the plugin manager
(one per run, built by ``checking/registry.py``).

A third-party reader cannot break the run. The readers are asked one by one, in pluggy's order:
one that answers something that is not a :class:`Document`, or crashes (even with ``SystemExit``),
is passed over and the next reader is asked; what it did becomes a note of kind
:data:`PLUGIN_ERROR` on the document (the runner turns it into an ``OGI001`` finding naming the
plugin and its version), or part of the reason when no reader could read the file. A built-in
reader's crash still refuses the file: the built-in readers own their formats, and a crash there
means a damaged file, not a reason to read a PDF as text. What a reader prints to stdout is captured
(stdout carries the JSON or SARIF output) and becomes a note of kind :data:`PLUGIN_OUTPUT`.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

import attrs

from ogilint.document import Document, Origin
from ogilint.errors import CheckTimeout, UnusableInput
from ogilint.reading.bounded import read_bounded

MAX_FILE_BYTES = 64 * 1024 * 1024  # published reports are < 20 MB; a PDF of 64 MB is not one
HEAD_BYTES = 8192

# Kinds of the notes a misbehaving reader plugin leaves on its document (Problem.kind in the model;
# the runner reports them as OGI001 and OGI003). Not extraction problems: no EXT rule takes them.
PLUGIN_ERROR = "plugin-error"
PLUGIN_OUTPUT = "plugin-output"
OUTPUT_KEPT = 2000  # characters of a plugin's stray output kept for the finding


class CapturedOutput:
    """Stands in for ``sys.stdout`` while plugin code runs: stdout carries the JSON or SARIF output,
    so a plugin's ``print`` must not land there. Keeps the first :data:`OUTPUT_KEPT` characters
    (bounded: a plugin printing in a loop cannot fill the memory) and counts the rest. A plain
    class, not ``io.TextIOBase``: one is made for every rule on every report, and it must be cheap."""

    __slots__ = ("kept", "kept_chars", "total")
    encoding = "utf-8"
    errors = "strict"
    closed = False

    def __init__(self):
        self.kept: list[str] = []
        self.kept_chars = 0
        self.total = 0

    def write(self, s) -> int:
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        self.total += len(s)
        room = OUTPUT_KEPT - self.kept_chars
        if room > 0:
            self.kept.append(s[:room])
            self.kept_chars += min(room, len(s))
        return len(s)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("captured plugin output has no file descriptor")

    @property
    def buffer(self) -> _CapturedBytes:
        """For plugins that write bytes to ``sys.stdout.buffer``."""
        return _CapturedBytes(self)

    @property
    def text(self) -> str:
        return "".join(self.kept)

    def describe(self) -> str:
        """Chinese: how much was written, and its start (repr: no terminal escapes get through)."""
        shown = self.text[:200]
        more = "…" if self.total > len(shown) else ""
        return f"向标准输出写了 {self.total} 个字符 (已截获,未混入检查结果): {shown!r}{more}"


class _CapturedBytes:
    def __init__(self, owner: CapturedOutput):
        self._owner = owner

    def write(self, b) -> int:
        data = bytes(b)
        self._owner.write(data.decode("utf-8", "replace"))
        return len(data)

    def flush(self) -> None:
        pass


@contextmanager
def captured_stdout() -> Iterator[CapturedOutput]:
    """``sys.stdout`` replaced by a :class:`CapturedOutput` for the block, then restored (even if
    the plugin replaced ``sys.stdout`` itself)."""
    out = CapturedOutput()
    saved = sys.stdout
    sys.stdout = out
    try:
        yield out
    finally:
        sys.stdout = saved


def plugin_label(manager, name: str) -> str:
    """ "plugin (版本 x)": how findings and reasons name a plugin. The registry puts the versions
    on the plugin manager (``ogilint_versions``); a bare manager has none."""
    return f"{name} (版本 {getattr(manager, 'ogilint_versions', {}).get(name, '?')})"


def short_error(exc: BaseException) -> str:
    """ "Type: message", one line, bounded; even an exception whose ``str()`` fails."""
    try:
        text = str(exc)
    except Exception:  # a plugin's exception may refuse to print itself
        text = "?"
    text = " ".join(text.split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def document_problem(doc) -> Optional[str]:
    """Why ``doc`` is not a document the parser can take (None when it is one). A reader plugin's
    answer is checked before the parser trusts it: a wrong type deep inside would be a traceback."""
    if not isinstance(doc, Document):
        return f"返回的不是文档,而是 {type(doc).__name__}"
    if not isinstance(doc.lines, (tuple, list)) or not all(type(x) is str for x in doc.lines):
        return "返回的文档的 lines 不是字符串的序列"
    if not isinstance(doc.origins, (tuple, list)) or not all(o is None or isinstance(o, Origin) for o in doc.origins):
        return "返回的文档的 origins 不是 Origin 的序列"
    if not isinstance(doc.notes, (tuple, list)) or not all(
        isinstance(n, tuple) and len(n) == 2 and all(type(x) is str for x in n) for n in doc.notes
    ):
        return "返回的文档的 notes 不是 (类别, 说明) 的序列"
    if type(doc.format) is not str or not (doc.encoding is None or type(doc.encoding) is str):
        return "返回的文档的 format 或 encoding 不是字符串"
    return None


_READ_REASONS = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ELOOP: "符号链接形成了循环",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "输入输出错误",
    errno.ENXIO: "设备不存在",
}


def read_reason(exc: OSError) -> str:
    """Why a file could not be read, in Chinese (the system's English words only for an error not listed)."""
    return _READ_REASONS.get(exc.errno) or exc.strerror or type(exc).__name__


def read_document(path: str | os.PathLike, manager) -> Document:
    """The Document of the file at ``path`` (``-`` is standard input). A pipe or a device cannot be
    read twice, and readers open the path themselves: such an input is first read whole, up to the
    size limit, into a temporary file that the readers read instead."""
    path = os.fspath(path)
    if path == "-" or _is_stream(path):
        with _spooled(path) as copy:
            return _read_file(copy, manager)
    return _read_file(path, manager)


def _is_stream(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # _read_file says why
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextmanager
def _spooled(path: str) -> Iterator[str]:
    try:
        if path == "-":
            data = read_bounded(sys.stdin.buffer, MAX_FILE_BYTES)
        else:
            with open(path, "rb") as fh:
                data = read_bounded(fh, MAX_FILE_BYTES)
    except OSError as exc:
        raise UnusableInput(f"无法读取输入: {read_reason(exc)}") from None
    if len(data) > MAX_FILE_BYTES:
        raise UnusableInput(f"输入超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限,不像一份年度报告")
    suffix = "" if path == "-" else os.path.splitext(path)[1][:16]
    fd, copy = tempfile.mkstemp(prefix="ogilint-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        yield copy
    finally:
        os.unlink(copy)


def _read_file(path: str, manager) -> Document:
    try:
        if os.path.isdir(path):
            raise UnusableInput("这是一个目录,不是文件")
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise UnusableInput(
                f"文件过大 ({size // (1024 * 1024)} MB),超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限,"
                "不像一份年度报告"
            )
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise UnusableInput(f"无法读取文件: {read_reason(exc)}") from None
    if not head:
        raise UnusableInput("文件是空的")
    notes: list[tuple[str, str]] = []  # what misbehaving reader plugins did, for the document
    doc: Optional[Document] = None
    for name, read in _readers(manager):
        try:
            with captured_stdout() as out:
                answer = read(path=path, head=head)
        except (KeyboardInterrupt, CheckTimeout):  # Ctrl-C; the file's time budget (engine)
            raise
        except UnusableInput as exc:  # a reader's refusal of a file of its format
            raise UnusableInput(_with_notes(exc.reason, notes)) from None
        except BaseException as exc:
            builtin = getattr(manager, "ogilint_builtin", None)  # set by the registry
            if name is None or builtin is None or name in builtin:
                raise UnusableInput(_with_notes(_crash_reason(exc), notes)) from None
            notes.append(
                (PLUGIN_ERROR, f"读取插件 {plugin_label(manager, name)} 出错: {short_error(exc)};已改用其他读取插件")
            )
            continue
        if out.total:
            notes.append((PLUGIN_OUTPUT, f"读取插件 {plugin_label(manager, name or '?')} {out.describe()}"))
        if answer is None:
            continue
        problem = document_problem(answer)
        if problem is not None:
            notes.append((PLUGIN_ERROR, f"读取插件 {plugin_label(manager, name or '?')} {problem};已改用其他读取插件"))
            continue
        doc = answer
        break
    if doc is None:
        raise UnusableInput(_with_notes("无法识别的文件格式(支持文本、PDF、DOCX、HTML)", notes))
    if notes:
        doc = attrs.evolve(doc, notes=tuple(doc.notes) + tuple(notes))
    return doc


def _crash_reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "文件结构嵌套过深,无法读取"
    if isinstance(exc, MemoryError):
        return "文件展开后过大,无法读取"
    try:
        text = str(exc)[:200]
    except Exception:  # an exception that refuses to print itself
        text = "?"
    return f"读取失败 ({type(exc).__name__}: {text})"


def _with_notes(reason: str, notes: list) -> str:
    """The reason, and what reader plugins did wrong on the way (one line)."""
    errors = [message for kind, message in notes if kind == PLUGIN_ERROR]
    return reason + "".join(f";另外,{m}" for m in errors)


def _readers(manager):
    """(plugin name, function) of every ``ogilint_read`` implementation, in the order pluggy would
    call them (last registered first, ``tryfirst``/``trylast`` respected). With a hook wrapper in
    play the order is pluggy's business: the hook is called as a whole (name None)."""
    impls = manager.hook.ogilint_read.get_hookimpls()
    if any(i.hookwrapper or i.wrapper for i in impls):
        yield None, manager.hook.ogilint_read
        return
    for impl in reversed(impls):
        yield impl.plugin_name, _bind(impl)


def _bind(impl):
    """The implementation called as pluggy calls it: with only the arguments it declares."""

    def call(**kwargs):
        return impl.function(*[kwargs[a] for a in impl.argnames])

    return call
