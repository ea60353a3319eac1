"""Run a reader's native code in a forked child under a memory and a time limit.

Some damage is done inside a C library before any Python code can look: PDFium unfolds forms
nested in forms when it loads a page (a 5 KB file can ask for gigabytes), and past the memory limit
the process aborts — nothing in it can catch that. In a child, the limit kills only the child; the
parent turns that into a one-line reason and the run goes on. Where ``fork`` is missing (Windows)
the function runs in this process, without these limits. The child's pages read (``pages.py``) come
back as they are read, before its answer.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import struct
from typing import Optional

from ogilint.errors import UnusableInput
from ogilint.reading import pages

CHILD_MEMORY = 1 << 30  # bytes the child may add to what the parent already maps
CHILD_SECONDS = 60  # wall-clock seconds before the child is stopped
_LENGTH = struct.Struct("<Q")  # a message's length, before its pickle


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def isolated(fn, *args, what: str = "文件", seconds: int = CHILD_SECONDS, memory: int = CHILD_MEMORY):
    """``fn(*args)``, computed in a child process; an :class:`UnusableInput` raised there is raised
    here; a child killed by its limits (or crashing in C) becomes an UnusableInput naming ``what``."""
    if not hasattr(os, "fork"):
        return fn(*args)
    limit = _mapped_bytes() + memory
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send the pickled answer, exit without cleanup
        status = 0
        try:
            os.close(read_end)
            for sig in (signal.SIGALRM, signal.SIGVTALRM, signal.SIGINT):
                signal.signal(sig, signal.SIG_DFL)
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard == resource.RLIM_INFINITY or hard > limit:
                resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            signal.alarm(seconds)
            with os.fdopen(write_end, "wb") as out:
                pages._listener = lambda done, total: _send(out, ("page", done, total))
                try:
                    answer = ("ok", fn(*args))
                except UnusableInput as exc:
                    answer = ("unusable", exc.reason)
                except MemoryError:
                    answer = ("unusable", f"{what}读取时所需内存超过上限,可能是恶意构造的文件,无法读取")
                except BaseException as exc:
                    answer = ("error", f"{type(exc).__name__}: {str(exc)[:200]}")
                _send(out, answer)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        answer = _answer(pipe)
    _, status = os.waitpid(pid, 0)
    if answer is None or os.WIFSIGNALED(status) or os.waitstatus_to_exitcode(status) != 0:
        raise UnusableInput(f"{what}读取时超出内存或时间上限(读取进程被终止),可能是恶意构造的文件,无法读取")
    kind, value = answer
    if kind == "unusable":
        raise UnusableInput(value)
    if kind == "error":
        raise RuntimeError(value)  # the guard turns a reader's crash into its one-line reason
    return value


def _send(out, message: tuple) -> None:
    """One message to the parent: its length, then its pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(data)) + data)
    out.flush()


def _answer(pipe) -> Optional[tuple]:
    """The child's answer, its pages passed on to this process's listener (``pages.py``) as they
    come; None when the child ended before it answered."""
    while True:
        head = pipe.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return None
        size = _LENGTH.unpack(head)[0]
        data = pipe.read(size)
        if len(data) < size:
            return None  # killed while it wrote
        message = pickle.loads(data)
        if message[0] != "page":
            return message
        pages.page_read(message[1], message[2])
