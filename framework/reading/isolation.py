"""Run a reader's native code in a forked child under a memory and a time limit.

Some damage is done inside a C library before any Python code can look: PDFium unfolds forms
nested in forms when it loads a page (a 5 KB file can ask for gigabytes), and past the memory limit
the process aborts — nothing in it can catch that. In a child, the limit kills only the child; the
parent turns that into a one-line reason and the run goes on. Where ``fork`` is missing (Windows)
the function runs in this process, without these limits. The child's pages read (``pages.py``) come
back as they are read, before its answer.

A fresh child costs a PDF as much as its read: the pages the child touches are copied from the
parent, and thrown away at its end. A run of many files therefore keeps one reading child
(:func:`keeping_a_child`): it is forked at the run's first read and serves each read after, each under
its own alarm; a child its limits kill is replaced at the next read. Its answer is only trusted
where a fresh child would give the same: a child that dies after serving other files (whose leftovers
might be to blame) has the file read again in a fresh child, and a reader patched after the child
was forked (a test's monkeypatch) is read in a fresh child too.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import pickle
import resource
import signal
import struct
import threading
from collections.abc import Iterator
from typing import Optional

from ogilint.errors import UnusableInput
from ogilint.reading import pages

CHILD_MEMORY = 1 << 30  # bytes the child may add to what the parent already maps
CHILD_SECONDS = 60  # wall-clock seconds before the child is stopped
KEPT_CHILD_READS = 500  # reads a kept child serves before it is replaced (native leaks stay bounded)
_LENGTH = struct.Struct("<Q")  # a message's length, before its pickle
_KILLED = ("killed", None)  # a kept child's answer when its limits killed it over this read


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
    kept = _kept_child_for(memory)
    if kept is not None:
        try:
            answer = kept.call(fn, args, what, seconds)
        finally:
            _keeper.lock.release()
        if answer is not None:
            return _unpacked(answer, what)
    return _unpacked(_fresh_child(fn, args, what, seconds, _mapped_bytes() + memory), what)


@contextlib.contextmanager
def keeping_a_child() -> Iterator[None]:
    """Reads in this process during the block go to one kept child (forked at the first read); it
    is stopped when the block ends. For a run of many files."""
    _keeping(+1)
    try:
        yield
    finally:
        _keeping(-1)


def keep_a_child() -> None:
    """Reads in this process go to one kept child from now on: for a worker process, whose child
    ends when the worker does (its requests end)."""
    _keeping(+1)


def _unpacked(answer: Optional[tuple], what: str):
    """The child's value, or the reason it gave none (``answer`` None: the child was killed)."""
    if answer is None or answer[0] == "killed":
        raise UnusableInput(f"{what}读取时超出内存或时间上限(读取进程被终止),可能是恶意构造的文件,无法读取")
    kind, value = answer[0], answer[1]
    if kind == "unusable":
        raise UnusableInput(value)
    if kind == "error":
        raise RuntimeError(value)  # the guard turns a reader's crash into its one-line reason
    return value


def _computed(fn, args: tuple, what: str) -> tuple:
    """("ok", value), or what stopped it, as the parent will unpack it (in the child)."""
    try:
        return ("ok", fn(*args))
    except UnusableInput as exc:
        return ("unusable", exc.reason)
    except MemoryError:
        return ("unusable", f"{what}读取时所需内存超过上限,可能是恶意构造的文件,无法读取")
    except BaseException as exc:
        return ("error", f"{type(exc).__name__}: {str(exc)[:200]}")


def _limited(limit: int) -> None:
    """The child's own signals and memory limit, set once after the fork. A crash in the child is
    the parent's to report, in one line: no Python crash report of its own (``faulthandler``, on
    under pytest or PYTHONFAULTHANDLER) on the terminal."""
    faulthandler.disable()
    for sig in (signal.SIGALRM, signal.SIGVTALRM, signal.SIGINT):
        signal.signal(sig, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_VIRTUAL, 0)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _fresh_child(fn, args: tuple, what: str, seconds: int, limit: int) -> Optional[tuple]:
    """The answer of a child forked for this one call; None when it was killed before answering."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send the pickled answer, exit without cleanup
        status = 0
        try:
            os.close(read_end)
            _limited(limit)
            signal.alarm(seconds)
            with os.fdopen(write_end, "wb") as out:
                pages._listener = lambda done, total: _send(out, ("page", done, total))
                _send(out, _computed(fn, args, what))
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        answer = _answer(pipe)
    _, status = os.waitpid(pid, 0)
    if answer is None or os.WIFSIGNALED(status) or os.waitstatus_to_exitcode(status) != 0:
        return None
    return answer


class _KeptChild:
    """A reading child that serves one call after another (see the module's docstring): requests go
    down one pipe as pickles (the function by name, with its ``id`` here to tell a patched one), its
    pages and answers come back up another."""

    def __init__(self, memory: int):
        self.memory, self.served = memory, 0
        limit = _mapped_bytes() + memory
        down_read, down_write = os.pipe()
        up_read, up_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            status = 0
            try:
                os.close(down_write)
                os.close(up_read)
                _limited(limit)
                _serve(os.fdopen(down_read, "rb"), os.fdopen(up_write, "wb"), limit - memory // 2)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        os.close(down_read)
        os.close(up_write)
        self.requests, self.answers = os.fdopen(down_write, "wb"), os.fdopen(up_read, "rb")

    def call(self, fn, args: tuple, what: str, seconds: int) -> Optional[tuple]:
        """The child's answer to ``fn(*args)``; None when this child cannot give one that a fresh child
        would give too: the call is not sendable, the function was patched after the fork, or the
        child died after serving other reads (the caller then reads in a fresh child)."""
        try:
            request = pickle.dumps((fn, id(fn), args, what, seconds), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a lambda, a local function, an argument that does not pickle
            return None
        try:
            self.requests.write(_LENGTH.pack(len(request)) + request)
            self.requests.flush()
        except OSError:  # the child had ended before this read: it was never tried
            self.stop()
            return None
        answer = _answer(self.answers)
        if answer is None:
            status = self.stop()
            if self.served == 0 or (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGALRM):
                return _KILLED  # the file's own doing: a fresh child would be killed too
            return None
        self.served += 1
        if answer[0] == "unservable":  # patched after the fork, or not to be unpickled there
            self.stop()
            return None
        if len(answer) == 3 or self.served >= KEPT_CHILD_READS:
            self.stop()
        return answer

    def stop(self, kill: bool = False) -> int:
        """End the child (it ends by itself when its requests end) and reap it: its wait status."""
        if kill:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        for pipe in (self.requests, self.answers):
            with contextlib.suppress(OSError):
                pipe.close()
        _keeper.child = None if _keeper.child is self else _keeper.child
        try:
            return os.waitpid(self.pid, 0)[1]
        except ChildProcessError:
            return 0


def _serve(requests, out, retire_above: int) -> None:
    """The kept child's loop: a request, its answer, until the requests end or the child has grown
    past ``retire_above`` bytes mapped (it then says so with its last answer)."""
    pages._listener = lambda done, total: _send(out, ("page", done, total))
    while True:
        head = requests.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return
        try:
            fn, fn_id, args, what, seconds = pickle.loads(requests.read(_LENGTH.unpack(head)[0]))
        except Exception:  # what this copy of the program cannot take: a fresh child will
            fn, fn_id = None, None
        if fn_id is None or id(fn) != fn_id:
            _send(out, ("unservable", None))
            return
        signal.alarm(seconds)
        answer = _computed(fn, args, what)
        signal.alarm(0)
        retiring = _mapped_bytes() > retire_above
        _send(out, (*answer, "retiring") if retiring else answer)
        if retiring:
            return


class _Keeper:
    """Whether reads may go to a kept child, and the child: one per process, for one caller at a
    time (a second thread reads in fresh children). A forked process starts with none of its own."""

    def __init__(self):
        self.depth, self.owner, self.child = 0, os.getpid(), None
        self.lock = threading.Lock()  # held while the child serves a read
        self.counting = threading.Lock()  # held while ``depth`` changes


_keeper = _Keeper()


def _keeping(step: int) -> None:
    global _keeper
    if _keeper.owner != os.getpid():
        _keeper = _Keeper()
    with _keeper.counting:
        _keeper.depth += step
        if _keeper.depth == 0 and _keeper.child is not None:
            with _keeper.lock:  # a read under way in another thread ends first
                if _keeper.child is not None:
                    _keeper.child.stop(kill=True)


def _kept_child_for(memory: int) -> Optional[_KeptChild]:
    """The kept child to read in, forked if need be, with the keeper's lock held; None: read in a
    fresh child (no run keeps one here, another thread is using it, or its limit differs)."""
    if _keeper.depth == 0 or _keeper.owner != os.getpid() or not _keeper.lock.acquire(blocking=False):
        return None
    child = _keeper.child
    if child is not None and child.memory != memory:
        _keeper.lock.release()
        return None
    if child is None:
        try:
            _keeper.child = child = _KeptChild(memory)
        except BaseException:  # no fork to be had: the fresh child's fork will say why
            _keeper.lock.release()
            raise
    return child


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
