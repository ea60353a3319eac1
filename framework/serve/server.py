"""Starting ``ogilint serve``: the socket is bound here (so that a port in use, or an address this
machine does not have, is a one-line Chinese reason, not uvicorn's traceback), a warning is given
when the address is not loopback, and uvicorn serves the app on that socket until Ctrl+C."""

from __future__ import annotations

import ipaddress
import socket

from ogilint.serve.limits import Limits

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def warning(host: str) -> str | None:
    """What is said when the server listens on an address other computers can reach."""
    if is_loopback(host):
        return None
    return (
        f"警告: 服务监听在 {host},网络上的其他计算机也能打开页面、上传文件并看到检查结果;"
        "本服务没有登录和加密,请只在可信的内部网络中这样使用"
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``; OSError with a Chinese reason when it cannot be had."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise OSError(f"无法解析地址 {host}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        reason = "端口已被占用" if exc.errno in (98, 48, 10048) else (exc.strerror or type(exc).__name__)
        raise OSError(f"无法在 {host}:{port} 上监听: {reason}") from None
    sock.set_inheritable(True)
    return sock


def url(host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(host: str, port: int, workers: int | None, limits: Limits, say=print) -> int:
    """Serve until interrupted; the exit code."""
    import uvicorn

    from ogilint.serve.app import create_app

    sock = bind(host, port)
    hosts = list(LOOPBACK_NAMES) if is_loopback(host) else None
    app = create_app(limits, workers, hosts)
    if (text := warning(host)) is not None:
        say(f"ogilint serve: {text}")
    say(f"ogilint serve: 在浏览器中打开 {url(host, sock)} (按 Ctrl+C 停止)")
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops gracefully, then raises the signal again: the wanted way out
        pass
    finally:
        sock.close()
    say("ogilint serve: 已停止,临时文件已删除")
    return 0 if server.started else 1
