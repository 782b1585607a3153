"""ASGI middleware: request size limits (413) and one log line per request on stderr.

Whatever a request carries (path, query, method, client) is logged with its control characters escaped
(:func:`pbxdesk.domain.text.printable`): a request cannot write a line of its own into the log. The
formatter of ``pbxdesk serve`` (:class:`OneLineFormatter`) escapes every message the same way."""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pbxdesk.domain.text import printable
from pbxdesk.server.problems import problem_response

access_log = logging.getLogger("pbxdesk.server.access")


class BodyLimitMiddleware:
    """Reads the whole request body first, refusing it with 413 once it exceeds the path's limit."""

    def __init__(self, app: ASGIApp, default_limit: int, limits: dict[str, int]) -> None:
        self.app = app
        self.default_limit = default_limit
        self.limits = limits

    def _limit(self, path: str) -> int:
        return next((v for p, v in self.limits.items() if path.startswith(p)), self.default_limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(scope, receive, send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await _too_large(scope, receive, send, limit)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        buffered = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": buffered, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    response = problem_response(413, f"the request body is larger than the limit of {limit} bytes",
                                "body-too-large", limit=limit, headers={"Connection": "close"})
    await response(scope, receive, send)


class AccessLogMiddleware:
    """``METHOD /path?query STATUS DURATIONms client`` on the ``pbxdesk.server.access`` logger."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status: dict[str, Any] = {"code": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            path = scope["path"] + (("?" + scope["query_string"].decode("latin-1"))
                                    if scope.get("query_string") else "")
            client = scope.get("client") or ("-", 0)
            access_log.info("%s %s %s %.1fms %s", printable(scope["method"], 20), printable(path, 2000),
                            status["code"], (time.perf_counter() - start) * 1000, printable(client[0], 100))


class OneLineFormatter(logging.Formatter):
    """Every log message on one line: control characters in the message are escaped (a traceback, which is
    ours, still follows on its own lines)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = printable(record.message)
        return super().formatMessage(record)
