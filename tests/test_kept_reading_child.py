"""A run keeps one reading child (``reading/isolation.py``): reads after the first are served by it,
and whatever goes wrong in it ends as it would in a fresh child — a one-line reason for the file at
fault, and the next file read as usual."""

from __future__ import annotations

import os
import signal
import time

import pytest

from ogilint.errors import UnusableInput
from ogilint.reading import isolation
from ogilint.reading.isolation import isolated, keeping_a_child


def _pid_and(value):
    return os.getpid(), value


def _killed_by_itself():
    os.kill(os.getpid(), signal.SIGKILL)


def _sleeps(seconds: float):
    time.sleep(seconds)
    return "醒了"


def _greedy():
    return bytearray(4 << 30)  # past the child's memory limit: a MemoryError there


def _refuses():
    raise UnusableInput("不是报告")


def test_reads_in_a_run_go_to_one_child_that_is_not_this_process():
    with keeping_a_child():
        first, one = isolated(_pid_and, 1)
        second, two = isolated(_pid_and, 2)
    assert (one, two) == (1, 2)
    assert first == second != os.getpid()
    assert isolation._keeper.child is None  # stopped with the block


def test_without_a_run_each_read_has_a_fresh_child():
    first, _ = isolated(_pid_and, 1)
    second, _ = isolated(_pid_and, 2)
    assert first != second


def test_a_child_killed_over_a_file_is_that_file_s_reason_and_the_next_file_is_read():
    with keeping_a_child():
        before, _ = isolated(_pid_and, 1)
        with pytest.raises(UnusableInput) as caught:
            isolated(_killed_by_itself, what="PDF ")
        after, value = isolated(_pid_and, 3)
    assert "读取进程被终止" in caught.value.reason and caught.value.reason.startswith("PDF ")
    assert value == 3 and after != before  # a new child


def test_a_child_past_its_time_is_stopped_and_replaced():
    with keeping_a_child():
        isolated(_pid_and, 1)
        started = time.monotonic()
        with pytest.raises(UnusableInput):
            isolated(_sleeps, 30, seconds=1)
        assert time.monotonic() - started < 10  # stopped by its alarm, not read again in a fresh child
        assert isolated(_sleeps, 0) == "醒了"


def test_memory_past_the_limit_and_refusals_are_answers_and_the_child_goes_on():
    with keeping_a_child():
        child, _ = isolated(_pid_and, 1)
        with pytest.raises(UnusableInput) as greedy:
            isolated(_greedy, what="PDF ")
        with pytest.raises(UnusableInput) as refused:
            isolated(_refuses)
        same, _ = isolated(_pid_and, 2)
    assert "内存超过上限" in greedy.value.reason and refused.value.reason == "不是报告"
    assert same == child


def test_a_reader_patched_after_the_child_was_forked_is_read_in_a_fresh_child(monkeypatch):
    import tests.test_kept_reading_child as here

    with keeping_a_child():
        isolated(here._pid_and, 1)
        monkeypatch.setattr(here, "_pid_and", lambda value: ("打过补丁", value))
        assert isolated(here._pid_and, 2) == ("打过补丁", 2)


def test_what_does_not_pickle_is_read_in_a_fresh_child():
    with keeping_a_child():
        assert isolated(lambda: "局部函数") == "局部函数"


def test_a_child_that_dies_after_serving_others_has_its_file_read_again(monkeypatch):
    """Its leftovers might be to blame, not the file: a fresh child reads the file once more."""
    with keeping_a_child():
        child, _ = isolated(_pid_and, 1)
        os.kill(child, signal.SIGKILL)  # dies between two reads: the next read is not blamed
        time.sleep(0.1)
        again, value = isolated(_pid_and, 2)
    assert value == 2 and again != child


def test_a_child_is_replaced_after_its_reads(monkeypatch):
    monkeypatch.setattr(isolation, "KEPT_CHILD_READS", 2)
    with keeping_a_child():
        pids = [isolated(_pid_and, n)[0] for n in range(4)]
    assert pids[0] == pids[1] != pids[2] == pids[3]


def test_a_run_of_pdfs_forks_one_reading_child_and_reads_as_fresh_children_do(tmp_path, monkeypatch):
    from pathlib import Path

    from ogilint.checking.config import ProjectConfig
    from ogilint.checking.engine import Engine, Overrides

    real = Path(__file__).parent / "fixtures" / "real"
    for name in ("hongze-2023.pdf", "huaian-2024.pdf"):
        for copy in range(2):
            (tmp_path / f"{copy}-{name}").write_bytes((real / name).read_bytes())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    engine = Engine(ProjectConfig(), Overrides())
    each_alone = {}
    for path in sorted(tmp_path.iterdir()):
        [alone] = engine.check_paths([str(path)])  # one file: a fresh child of its own
        each_alone[alone.path] = (alone.error, [f.code for f in alone.findings])
    forked = []
    start = isolation._KeptChild.__init__

    def counted(self, memory):
        forked.append(memory)
        start(self, memory)

    monkeypatch.setattr(isolation._KeptChild, "__init__", counted)
    in_a_run = {r.path: (r.error, [f.code for f in r.findings]) for r in engine.check_paths([str(tmp_path)])}
    assert forked == [isolation.CHILD_MEMORY]
    assert in_a_run == each_alone and len(in_a_run) == 5
    assert in_a_run[str(tmp_path / "broken.pdf")][0]  # its one-line reason, and the run went on


def _form_bomb(depth: int = 5, fan: int = 60) -> bytes:
    """A PDF of 3 KB whose page draws a form that draws a form … ``fan`` times at each of ``depth``
    levels: PDFium unfolds them when it loads the page, past any memory limit."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /X0 10 0 R >> >> >>",
    }
    content = b"/X0 Do " * fan
    objects[4] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    for level in range(depth):
        inner = level < depth - 1
        body = content if inner else b"0 0 m 1 1 l S"
        resources = b"/Resources << /XObject << /X0 %d 0 R >> >>" % (11 + level) if inner else b""
        objects[10 + level] = (
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] %s /Length %d >>\nstream\n%s\nendstream"
            % (
                resources,
                len(body),
                body,
            )
        )
    out, offsets = bytearray(b"%PDF-1.7\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    start, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    return bytes(out)


def test_a_pdf_that_unfolds_past_the_memory_limit_mid_run_is_its_own_reason(tmp_path):
    """The kept child dies over the file; the file is read once more in a fresh child (the kept one
    had read another file first), dies there too, and is reported; the files after it are read."""
    from pathlib import Path

    from ogilint.checking.config import ProjectConfig
    from ogilint.checking.engine import Engine, Overrides

    real = Path(__file__).parent / "fixtures" / "real"
    (tmp_path / "a.pdf").write_bytes((real / "hongze-2023.pdf").read_bytes())
    (tmp_path / "b.pdf").write_bytes(_form_bomb())
    (tmp_path / "c.pdf").write_bytes((real / "huaian-2024.pdf").read_bytes())
    engine = Engine(ProjectConfig(), Overrides())
    results = {Path(r.path).name: r for r in engine.check_paths([str(tmp_path)])}
    assert "读取进程被终止" in results["b.pdf"].error
    for name in ("a.pdf", "c.pdf"):
        [alone] = engine.check_paths([str(tmp_path / name)])
        assert results[name].error is None
        assert [f.code for f in results[name].findings] == [f.code for f in alone.findings]


def test_no_fork_to_be_had_is_said_and_the_next_read_forks_again(monkeypatch):
    def no_fork():
        raise BlockingIOError("资源暂时不可用")

    with keeping_a_child():
        monkeypatch.setattr(os, "fork", no_fork)
        with pytest.raises(OSError):
            isolated(_pid_and, 1)
        monkeypatch.undo()
        child, value = isolated(_pid_and, 2)  # the keeper is free again: a kept child serves
        assert value == 2 and isolated(_pid_and, 3)[0] == child


_LEFTOVERS: list = []  # what earlier reads left in the process that made them


def _leaves_something():
    _LEFTOVERS.append("上一份文件留下的")
    return os.getpid()


def _dies_of_leftovers():
    if _LEFTOVERS:  # only where an earlier read ran: the kept child, never a fresh one
        os.kill(os.getpid(), signal.SIGKILL)
    return "读完"


def test_a_file_the_kept_child_dies_over_after_other_reads_is_read_again_fresh():
    """The death may be the earlier files' doing: a fresh child (without their leftovers) reads it."""
    with keeping_a_child():
        child = isolated(_leaves_something)
        assert isolated(_dies_of_leftovers) == "读完"
        assert isolated(_pid_and, 1)[0] != child  # the dead child was replaced
