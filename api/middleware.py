"""ASGI middleware of the edge: a request id on every request, a typed answer to any unexpected error, and a cap
on request bodies."""

from __future__ import annotations

import json
import logging
import re
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class RequestId:
    """Tags each request with an id (API Gateway's on Lambda, the caller's if sane, else a new one), echoed in the
    `x-request-id` response header and in the log line of any unexpected error."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        event: dict[str, Any] = scope.get("aws.event") or {}
        candidate = event.get("requestContext", {}).get("requestId") or _header(scope, b"x-request-id")
        request_id = candidate if candidate and _SAFE_REQUEST_ID.match(candidate) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        await self.app(scope, receive, send_with_id)


log = logging.getLogger("cvmaker.http")


class TrackedSend:
    """`send`, noting whether the response has started (after which no other response can be sent)."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        self.started = self.started or message["type"] == "http.response.start"
        await self.send(message)


class UnexpectedErrors:
    """Any exception that escapes a route becomes a JSON 500 with the request id (logged once, with its stack)
    and goes no further: the server's own error path (a second traceback, a text body) is never taken."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tracked = TrackedSend(send)
        try:
            await self.app(scope, receive, tracked)
        except Exception:
            request_id = scope.get("state", {}).get("request_id", "")
            log.exception("unexpected error on %s %s (request %s)", scope.get("method"), scope.get("path"), request_id)
            if not tracked.started:
                await send_json(
                    send,
                    500,
                    {
                        "errors": [
                            {
                                "message": "Unexpected error.",
                                "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
                            }
                        ]
                    },
                )


class BodyTooLarge(Exception):
    pass


async def send_json(
    send: Send, status: int, body: dict[str, Any], headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class LimitBodySize:
    """Refuses bodies over `max_bytes` with 413 before anything parses them, whether or not they declare a
    Content-Length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = {
            "errors": [
                {
                    "message": f"The request body is larger than {self.max_bytes} bytes.",
                    "extensions": {"code": "PAYLOAD_TOO_LARGE"},
                }
            ]
        }
        declared = _header(scope, b"content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            await send_json(send, 413, too_large)
            return
        received = 0
        tracked = TrackedSend(send)

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, tracked)
        except BodyTooLarge:
            if not tracked.started:
                await send_json(send, 413, too_large)
