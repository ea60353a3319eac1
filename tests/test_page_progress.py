"""A long read tells its pages as it goes (``reading/pages.py``): from a reading child
(``reading/isolation.py``) the pages come back to the listener in the parent before the answer,
and a child killed half-way still ends in a one-line reason."""

from __future__ import annotations

import os
import signal

import pytest

from ogilint.errors import UnusableInput
from ogilint.reading import pages
from ogilint.reading.isolation import isolated


def _three_pages() -> str:
    for done in range(1, 4):
        pages.page_read(done, 3)
    return "读完"


def _one_page_then_killed() -> str:
    pages.page_read(1, 5)
    os.kill(os.getpid(), signal.SIGKILL)
    return "不会到这里"


def test_the_pages_of_a_child_come_back_before_its_answer():
    told = []
    with pages.listening(lambda done, total: told.append((done, total))):
        answer = isolated(_three_pages)
    assert answer == "读完" and told == [(1, 3), (2, 3), (3, 3)]


def test_a_child_killed_half_way_is_a_reason_after_the_pages_it_told():
    told = []
    with pages.listening(lambda done, total: told.append((done, total))), pytest.raises(UnusableInput) as caught:
        isolated(_one_page_then_killed, what="PDF ")
    assert told == [(1, 5)] and "读取进程被终止" in caught.value.reason


def test_a_listener_that_fails_changes_nothing():
    def broken(done, total):
        raise RuntimeError("进度条坏了")

    with pages.listening(broken):
        assert isolated(_three_pages) == "读完"


def test_pages_told_by_workers_move_the_bar_of_the_file_awaited():
    """``--jobs``: a worker tells its pages on a queue; while a file is awaited, its pages (not another
    file's) reach the progress, and the queue is emptied whatever the file."""
    import concurrent.futures as futures
    import queue
    import threading

    from ogilint.checking import parallel

    told, messages, future = [], queue.SimpleQueue(), futures.Future()

    def worker():
        for message in (("scan.pdf", 1, 2), ("other.tif", 1, 9), ("scan.pdf", 2, 2)):
            messages.put(message)
        future.set_result("答")

    heard = parallel._pages_of(messages, lambda stage, done, total: told.append((stage, done, total)))
    threading.Timer(0.3, worker).start()
    assert parallel._answer("scan.pdf", future, heard) == "答"
    assert told == [(pages.STAGE, 1, 2), (pages.STAGE, 2, 2)] and messages.empty()
