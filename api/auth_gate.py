"""Token check at the edge of /graphql: a present but invalid token is refused with 401 before any GraphQL
parsing; a valid one becomes the request's principal. No token means no principal, and every non-public field
then refuses to resolve."""

from __future__ import annotations

import anyio.to_thread
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from api.middleware import _header, send_json
from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import TokenVerifier

MAX_TOKEN_LENGTH = 16_384


class AuthGate:
    def __init__(self, app: ASGIApp, verifier: TokenVerifier) -> None:
        self.app = app
        self.verifier = verifier

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["principal"] = None
        authorization = _header(scope, b"authorization")
        if authorization:
            scheme, _, token = authorization.partition(" ")
            try:
                if scheme.lower() != "bearer" or not token.strip() or len(token) > MAX_TOKEN_LENGTH:
                    raise Unauthenticated("Expected an Authorization header of the form 'Bearer <token>'.")
                # Off the event loop: verifying may fetch the issuer's keys (a network call with its own timeout),
                # and a slow key server must stall only the requests that wait for it, never /healthz or others.
                state["principal"] = await anyio.to_thread.run_sync(self.verifier.verify, token.strip())
            except Unauthenticated as error:
                await send_json(
                    send,
                    401,
                    {
                        "errors": [
                            {"message": str(error) or "Invalid token.", "extensions": {"code": "UNAUTHENTICATED"}}
                        ]
                    },
                    ((b"www-authenticate", b'Bearer error="invalid_token"'),),
                )
                return
        await self.app(scope, receive, send)


def gate_routes(routes: list[BaseRoute], verifier: TokenVerifier) -> list[BaseRoute]:
    """Put each route behind the gate: requests without a token pass (a signed file link needs none), while a
    token that is sent must be valid, so a revoked one (a deleted account's) is refused there too."""
    for route in routes:
        if isinstance(route, Route):
            route.app = AuthGate(route.app, verifier)
    return routes
