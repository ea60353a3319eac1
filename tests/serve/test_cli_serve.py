"""``ogilint serve`` on the command line: a port that cannot be had, an option out of range and a
missing extra are each one Chinese line and exit 2; an address other computers can reach is
warned about; the server's temporary folder goes when it stops."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

pytest.importorskip("starlette", reason="ogilint serve 需要 ogilint[serve] (starlette)")
pytest.importorskip("uvicorn", reason="ogilint serve 需要 ogilint[serve] (uvicorn)")
pytest.importorskip("multipart", reason="ogilint serve 需要 ogilint[serve] (python-multipart)")
pytest.importorskip("httpx", reason="Starlette 的测试客户端需要 httpx")

from ogilint import cli
from ogilint.serve import server

from . import client_of


def _serve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ogilint", "serve", *args], capture_output=True, text=True, timeout=60)


def test_a_port_in_use_is_one_line_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = _serve("--port", str(port))
    assert done.returncode == 2
    assert done.stderr.strip() == f"ogilint: 无法在 127.0.0.1:{port} 上监听: 端口已被占用"


def test_options_out_of_range_are_refused_in_chinese():
    for args, word in (
        (["--port", "70000"], "端口号应在 0 到 65535 之间"),
        (["--max-files", "0"], "应在 1 到 1000000 之间"),
    ):
        done = _serve(*args)
        assert done.returncode == 2 and word in done.stderr and "Traceback" not in done.stderr
    done = _serve("--help")
    assert done.returncode == 0 and "--max-upload-mb" in done.stdout and "用法:" in done.stdout


def test_without_the_extra_it_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    assert cli.main(["serve"]) == 2
    assert capsys.readouterr().err.strip() == "ogilint: serve 需要网页服务的依赖: pip install 'ogilint[serve]'"


def test_an_address_other_computers_reach_is_warned_about():
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        assert server.warning(host) is None
    for host in ("0.0.0.0", "192.168.1.20", "::"):
        text = server.warning(host)
        assert text is not None and text.startswith(f"警告: 服务监听在 {host},") and "其他计算机" in text


def test_the_temporary_folder_goes_when_the_server_stops():
    from ogilint.serve.app import create_app
    from ogilint.serve.limits import Limits

    app = create_app(Limits(max_pending=0), workers=1)
    with client_of(app) as client:
        root = app.state.jobs.root
        assert os.path.isdir(root)
        busy = client.post("/api/jobs", files=[("files", ("a.txt", b"x", "text/plain"))])
        assert busy.status_code == 503 and busy.json()["error"].startswith("服务器上已有 0 个检查")
    assert not os.path.exists(root)
