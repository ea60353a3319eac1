"""The jobs of a running server: each upload is one job with a folder of its own under the server's
temporary folder, checked by a process pool (one big upload occupies one worker; the others go on
serving other users), known only by an id nobody can guess.

A job's uploads are deleted as soon as its check has ended, whatever the outcome; its results are
deleted when the client deletes the job, or :attr:`Limits.keep_seconds` after it ended, and with
the whole temporary folder when the server stops."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import sys
import tempfile
import time
from concurrent import futures
from typing import Optional

import attrs

from ogilint.checking.parallel import worker_context
from ogilint.serve import work
from ogilint.serve.limits import Limits

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATES = {QUEUED: "排队中", RUNNING: "检查中", DONE: "已完成", FAILED: "失败"}


@attrs.define
class Job:
    id: str
    root: str  # the job's folder: uploads/ and results/
    names: list  # the shown names, in walk order
    ruleset: Optional[str] = None
    region: Optional[str] = None
    state: str = QUEUED
    error: Optional[str] = None
    files: Optional[list] = None  # the summaries, once done
    stored: dict = attrs.Factory(dict)  # generated name -> shown name
    tries: int = 0  # a job whose worker died is tried once more in a new pool
    created: float = attrs.Factory(time.monotonic)
    ended: Optional[float] = None

    @property
    def uploads(self) -> str:
        return os.path.join(self.root, "uploads")

    @property
    def results(self) -> str:
        return os.path.join(self.root, "results")

    def progress(self) -> Optional[dict]:
        try:
            with open(os.path.join(self.results, work.PROGRESS), encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            return None


class Jobs:
    """The server's jobs and its process pool (started on :meth:`start`, stopped on :meth:`stop`)."""

    def __init__(self, limits: Limits, workers: int):
        self.limits, self.workers = limits, max(1, workers)
        self.jobs: dict[str, Job] = {}
        self.root: Optional[str] = None
        self.pool: Optional[futures.ProcessPoolExecutor] = None

    def start(self) -> None:
        self.root = tempfile.mkdtemp(prefix="ogilint-serve-")
        self.pool = futures.ProcessPoolExecutor(self.workers, mp_context=worker_context(("ogilint.serve.work",)))

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
        self.jobs.clear()

    def pending(self) -> int:
        return sum(job.state in (QUEUED, RUNNING) for job in self.jobs.values())

    def new(self) -> Job:
        """A job with its own empty folders (its id: 128 random bits)."""
        job_id = secrets.token_urlsafe(16)
        root = os.path.join(self.root, job_id)
        os.makedirs(os.path.join(root, "uploads"))
        os.makedirs(os.path.join(root, "results"))
        job = Job(id=job_id, root=root, names=[])
        return job

    def discard(self, job: Job) -> None:
        """A job that was never submitted (its upload was refused): its folder goes."""
        shutil.rmtree(job.root, ignore_errors=True)

    def submit(self, job: Job) -> None:
        """Queue the check of the job's uploads."""
        self.jobs[job.id] = job
        job.tries += 1
        pool = self.pool
        try:
            future = pool.submit(work.check_job, job.uploads, job.stored, job.ruleset, job.region, job.results)
        except futures.BrokenExecutor:
            self._renew(pool)
            pool = self.pool
            future = pool.submit(work.check_job, job.uploads, job.stored, job.ruleset, job.region, job.results)
        asyncio.wrap_future(future).add_done_callback(lambda f: self._ended(job, f, pool))

    def _renew(self, broken) -> None:
        """A new pool after a worker of ``broken`` died (a crash in a reader's library takes its pool
        with it); nothing when that pool was replaced already."""
        if self.pool is broken and broken is not None:
            self.pool = futures.ProcessPoolExecutor(self.workers, mp_context=worker_context(("ogilint.serve.work",)))
            broken.shutdown(wait=False, cancel_futures=True)

    def _ended(self, job: Job, future, pool) -> None:
        exc = None if future.cancelled() else future.exception()
        if isinstance(exc, futures.BrokenExecutor) and self.pool is not None and job.tries < 2:
            self._renew(pool)  # a worker died, maybe on another job's file: this one is tried once more
            self.submit(job)
            return
        job.ended = time.monotonic()
        shutil.rmtree(job.uploads, ignore_errors=True)  # the uploads go as soon as the check is over
        job.state = FAILED
        if future.cancelled():
            job.error = "服务器正在停止,检查已取消"
        elif isinstance(exc, futures.BrokenExecutor):
            job.error = "检查进程意外退出 (可能是某个文件使读取程序崩溃);请分开上传这些文件再试"
        elif exc is not None:
            print(f"ogilint serve: 任务 {job.id} 出错: {type(exc).__name__}: {exc}", file=sys.stderr)
            job.error = f"检查时出现内部错误 ({type(exc).__name__});这是 ogilint 的缺陷,请报告"
        elif "error" in future.result():
            job.error = future.result()["error"]
        else:
            job.state, job.files = DONE, future.result()["files"]

    def get(self, job_id: str) -> Optional[Job]:
        return self.jobs.get(job_id)

    def delete(self, job_id: str) -> bool:
        """Forget a job and delete its folder; a job still being checked is not deleted (False)."""
        job = self.jobs.get(job_id)
        if job is None or job.state in (QUEUED, RUNNING):
            return False
        del self.jobs[job_id]
        shutil.rmtree(job.root, ignore_errors=True)
        return True

    def sweep(self, now: Optional[float] = None) -> int:
        """Delete the jobs that ended more than ``keep_seconds`` ago; how many went."""
        now = time.monotonic() if now is None else now
        old = [j.id for j in self.jobs.values() if j.ended is not None and now - j.ended > self.limits.keep_seconds]
        for job_id in old:
            self.delete(job_id)
        return len(old)

    def status(self, job: Job) -> dict:
        """What a poll of the job answers (JSON)."""
        state = job.state
        progress = job.progress() if state in (QUEUED, RUNNING) else None
        if state == QUEUED and progress is not None:
            state = job.state = RUNNING
        out = {"id": job.id, "state": state, "state_text": STATES[state], "files": len(job.names)}
        if progress is not None:
            out["stage"], out["done"], out["total"] = progress["stage"], progress["done"], progress["total"]
        if job.state == DONE:
            out["results"] = job.files
            out["downloads"] = {fmt: f"/api/jobs/{job.id}/results/{fmt}" for fmt in work.OUTPUTS}
        elif job.state == FAILED:
            out["error"] = job.error
        else:
            out["names"] = job.names
        return out
