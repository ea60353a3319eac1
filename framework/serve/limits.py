"""The limits of one upload and of the server, and what is said when one is passed: an upload is
refused whole, with a one-line Chinese reason, before anything is checked. The body is counted as
it arrives, so a sender that gives no length (or a false one) is stopped at the limit too."""

from __future__ import annotations

import attrs

MIB = 1024 * 1024


@attrs.frozen
class Limits:
    max_bytes: int = 200 * MIB  # the whole upload
    max_files: int = 1000  # files in one upload
    max_pending: int = 64  # jobs waiting or running at once, over all users
    keep_seconds: float = 30 * 60  # a finished job's results are deleted this long after it ended

    def too_large(self) -> str:
        return f"上传的内容超过 {self.max_bytes // MIB} MB 的上限;请分批上传"

    def too_many(self) -> str:
        return f"一次最多上传 {self.max_files} 个文件;请分批上传"

    def busy(self) -> str:
        return f"服务器上已有 {self.max_pending} 个检查在排队或进行中;请稍后再试"


class BodyTooLarge(Exception):
    """The request's body went past :attr:`Limits.max_bytes`."""


def counted(receive, max_bytes: int):
    """An ASGI ``receive`` that raises :class:`BodyTooLarge` once the body passes ``max_bytes``."""
    seen = 0

    async def receive_counted():
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > max_bytes:
                raise BodyTooLarge()
        return message

    return receive_counted
