"""The routes of ``ogilint serve``: the page (``/``, its script and style sheet, all served from
here: the page loads nothing from anywhere else) and the JSON API under ``/api/``.

    GET    /api/options                     the rule sets, regions and limits
    POST   /api/jobs                        multipart: files (repeated), ruleset, region -> 202 + the job
    GET    /api/jobs/{id}                   the job: state, progress, and when done each file's counts
    GET    /api/jobs/{id}/results/{format}  html | json | csv | xlsx | sarif, as ``ogilint check`` writes them
    DELETE /api/jobs/{id}                   delete the job's results now

Every refusal is JSON ``{"error": "<one Chinese line>"}`` with a 4xx/5xx status. The report text
reaches the page only through the HTML report (autoescaped, served in a sandbox) and through the
page's script, which sets text, never markup.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
from importlib import resources
from urllib.parse import quote, urlsplit

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from ogilint.checking.engine import collect
from ogilint.serve import names as naming
from ogilint.serve import work
from ogilint.serve.jobs import DONE, QUEUED, RUNNING, Jobs
from ogilint.serve.limits import BodyTooLarge, Limits, counted

_JOB_ID = re.compile(r"[A-Za-z0-9_-]{22}")
_MEDIA = {
    "html": "text/html; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sarif": "application/sarif+json; charset=utf-8",
}
_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; "
    "img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# The HTML report keeps its own policy (in its <meta>); served here it is also a sandbox of its own
# origin, so that even a flaw in it could not reach the API.
_REPORT_POLICY = "sandbox allow-scripts allow-downloads; frame-ancestors 'self'"
_STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def rulesets() -> list[str]:
    """The built-in rule sets (a rule set given by the page is one of these, never a path)."""
    return sorted(p.name[:-5] for p in resources.files("ogilint.rules").iterdir() if p.name.endswith(".toml"))


def regions() -> list[str]:
    return [name for name in rulesets() if not name.startswith("national-")]


def _static(name: str) -> str:
    return resources.files("ogilint.serve").joinpath("static", name).read_text(encoding="utf-8")


async def page(request: Request) -> Response:
    return Response(
        _static("index.html"), media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": _PAGE_POLICY}
    )


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in _STATIC:
        return _error(404, "没有这个文件")
    return Response(_static(name), media_type=_STATIC[name])


async def options(request: Request) -> Response:
    limits: Limits = request.app.state.jobs.limits
    return JSONResponse(
        {
            "rulesets": rulesets(),
            "regions": regions(),
            "formats": list(work.OUTPUTS),
            "max_bytes": limits.max_bytes,
            "max_files": limits.max_files,
            "keep_seconds": limits.keep_seconds,
        }
    )


def _cross_site(request: Request) -> bool:
    """A browser's request sent by a page of another site (its Origin names another host)."""
    origin = request.headers.get("origin")
    if not origin:
        return False
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()


def _choice(form, key: str, allowed: list[str]) -> str | None:
    value = form.get(key)
    if value in (None, "", "auto"):
        return None
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{key} 只能是 {', '.join(allowed)} 之一 (或留空自动判断)")
    return value


def _store(uploads: list, names: list[str], folder: str) -> dict:
    """Copy each upload into ``folder`` under its generated name (in walk order); the generated name
    -> shown name. Hidden files (``.DS_Store``) are passed over, as a folder walk passes them."""
    order = sorted((i for i, n in enumerate(names) if not naming.is_hidden(n)), key=lambda i: naming.walk_key(names[i]))
    stored = {}
    for number, i in enumerate(order, 1):
        name = naming.stored_name(number, names[i])
        with open(os.path.join(folder, name), "xb") as out:
            uploads[i].file.seek(0)
            shutil.copyfileobj(uploads[i].file, out, 1024 * 1024)
        stored[name] = names[i]
    return stored


async def _form(request: Request, limits: Limits):
    """The multipart form of an upload within the limits; or a refusal (a JSONResponse)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limits.max_bytes:
        return _error(413, limits.too_large())
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return _error(400, "请以 multipart/form-data 上传文件 (每个文件一个 files 字段)")
    limited = Request(request.scope, counted(request.receive, limits.max_bytes))
    try:
        return await limited.form(max_files=limits.max_files, max_fields=16)
    except BodyTooLarge:
        return _error(413, limits.too_large())
    except HTTPException as exc:
        if "Too many files" in str(exc.detail):
            return _error(413, limits.too_many())
        return _error(400, "上传的数据无法解析 (不是完整的 multipart/form-data)")


async def submit(request: Request) -> Response:
    jobs: Jobs = request.app.state.jobs
    limits = jobs.limits
    if _cross_site(request):
        return _error(403, "不接受其他网站的页面发来的上传")
    jobs.sweep()
    if jobs.pending() >= limits.max_pending:
        return _error(503, limits.busy())
    form = await _form(request, limits)
    if isinstance(form, Response):
        return form
    try:
        try:
            ruleset, region = _choice(form, "ruleset", rulesets()), _choice(form, "region", regions())
        except ValueError as exc:
            return _error(400, str(exc))
        uploads = [v for k, v in form.multi_items() if k == "files" and isinstance(v, UploadFile)]
        names = naming.unique([naming.shown_name(u.filename) or "未命名文件" for u in uploads])
        if not any(not naming.is_hidden(n) for n in names):
            return _error(400, "没有收到要检查的文件 (每个文件一个 files 字段)")
        if jobs.pending() >= limits.max_pending:  # others were queued while this upload arrived
            return _error(503, limits.busy())
        job = jobs.new()
        try:
            job.stored = await asyncio.to_thread(_store, uploads, names, job.uploads)
        except OSError as exc:
            jobs.discard(job)
            return _error(507, f"无法保存上传的文件: {exc.strerror or type(exc).__name__}")
    finally:
        await form.close()
    found = collect([job.uploads])
    job.names = [job.stored[os.path.basename(f)] for f in found.files]
    job.ruleset, job.region = ruleset, region
    jobs.submit(job)
    return JSONResponse(jobs.status(job), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})


def _job(request: Request):
    job_id = request.path_params["job"]
    job = request.app.state.jobs.get(job_id) if _JOB_ID.fullmatch(job_id) else None
    if job is None:
        raise LookupError
    return job


async def status(request: Request) -> Response:
    try:
        job = _job(request)
    except LookupError:
        return _error(404, "没有这个检查任务 (可能已过期删除)")
    return JSONResponse(request.app.state.jobs.status(job))


async def results(request: Request) -> Response:
    try:
        job = _job(request)
    except LookupError:
        return _error(404, "没有这个检查任务 (可能已过期删除)")
    fmt = request.path_params["format"]
    if fmt not in work.OUTPUTS:
        return _error(404, f"没有 {fmt} 格式的结果 (可选: {', '.join(work.OUTPUTS)})")
    if job.state != DONE:
        return _error(409, "检查尚未完成" if job.state in (QUEUED, RUNNING) else f"检查失败: {job.error}")
    path = os.path.join(job.results, work.OUTPUTS[fmt])
    if not os.path.isfile(path):
        return _error(404, "结果已被删除")
    file = f"ogilint-结果.{fmt}"
    inline = fmt == "html" and request.query_params.get("inline") == "1"
    disposition = "inline" if inline else f"attachment; filename=\"ogilint.{fmt}\"; filename*=UTF-8''{quote(file)}"
    headers = {"Content-Disposition": disposition}
    if fmt == "html":
        headers["Content-Security-Policy"] = _REPORT_POLICY
    return FileResponse(path, media_type=_MEDIA[fmt], headers=headers)


async def delete(request: Request) -> Response:
    try:
        job = _job(request)
    except LookupError:
        return _error(404, "没有这个检查任务 (可能已过期删除)")
    if not request.app.state.jobs.delete(job.id):
        return _error(409, "检查还在进行,结束后才能删除")
    return Response(status_code=204)


class _Guard:
    """On every answer: no sniffing of types, no referrer, nothing cached (results are private).
    With ``hosts``, a request whose Host header names another host is refused: a page of another
    site that a DNS trick points at this machine's loopback server gets nothing."""

    def __init__(self, app, hosts: list[str] | None = None):
        self.app, self.hosts = app, hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.hosts is not None:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            try:
                name = urlsplit("//" + host).hostname
            except ValueError:  # a malformed address ("[::1")
                name = None
            if name not in self.hosts:
                response = _error(400, "不接受这个主机名的请求 (请用 localhost 或 127.0.0.1 打开)")
                return await response(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cache-control", b"no-store"),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(limits: Limits | None = None, workers: int | None = None, hosts: list[str] | None = None):
    """The ASGI app. ``workers`` processes check the jobs (default: the machine's CPU count);
    ``hosts``, when given, are the only Host headers answered (a page of another site that a DNS
    trick points at this server is refused)."""
    jobs = Jobs(limits or Limits(), workers or os.cpu_count() or 1)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        jobs.start()
        sweeper = asyncio.create_task(_sweep(jobs))
        try:
            yield
        finally:
            sweeper.cancel()
            jobs.stop()

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/static/{name}", static),
            Route("/favicon.ico", lambda request: Response(status_code=204)),  # no icon: nothing to fetch
            Route("/api/options", options),
            Route("/api/jobs", submit, methods=["POST"]),
            Route("/api/jobs/{job}", status),
            Route("/api/jobs/{job}", delete, methods=["DELETE"]),
            Route("/api/jobs/{job}/results/{format}", results),
        ],
        lifespan=lifespan,
    )
    app.state.jobs = jobs
    app.add_middleware(_Guard, hosts=hosts)
    return app


async def _sweep(jobs: Jobs) -> None:
    """Every so often, delete the results of the jobs past their time."""
    while True:
        await asyncio.sleep(max(1.0, min(60.0, jobs.limits.keep_seconds / 4)))
        jobs.sweep()
