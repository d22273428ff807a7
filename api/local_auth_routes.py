"""HTTP endpoints of the embedded default's sign-in: the local stand-in for a Cognito user pool and its
`/oauth2/token` endpoint. Only mounted when the local issuer is in use.

POST /auth/signup, /auth/signin   {email, password}   -> 201/200 {idToken, accessToken, refreshToken, expiresIn,
                                                         tokenType}
POST /auth/refresh                {refreshToken}      -> 200 the same shape, with a new refresh token (rotation)
POST /auth/signout                {refreshToken}      -> 204, the session's refresh tokens revoked
POST /auth/token   grant_type=client_credentials[&scope=...], HTTP Basic client auth -> OAuth2 token response
GET  /.well-known/jwks.json                           -> the issuer's public keys

Errors are `{error: CODE, message}`; 429 `TOO_MANY_REQUESTS` adds `retryAfter` (seconds, also the `Retry-After`
header). Request bodies are capped and never logged: they hold passwords.

Nothing here tells whether an email has an account: every failed sign-in is 401 `BAD_CREDENTIALS` with one
message, and a sign-up for a taken email is 400 `SIGN_UP_FAILED` like other refused sign-ups. Attempts are
throttled by the client's address, the socket peer's (no proxy header is trusted: there is no setting for a
trusted proxy). Sign-up and sign-in run in worker threads through a limiter of their own, so a burst of them,
each waiting for one of the few Argon2 slots, never takes the threads other requests need.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs, unquote_plus

import anyio.to_thread
from anyio import CapacityLimiter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from api.json_bodies import MalformedBody, parse_json_object
from cvmaker.domain.accounts import AccountError, Session
from cvmaker.ports import AccountStore, TokenIssuer

logger = logging.getLogger("cvmaker.auth")

MAX_BODY_BYTES = 16 * 1024
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}  # RFC 6749 §5.1: token responses are not cached
PASSWORD_THREADS = 8  # worker threads for sign-up and sign-in at once; the rest wait on the event loop

_STATUS = {
    "BAD_REQUEST": 400,
    "INVALID_EMAIL": 400,
    "WEAK_PASSWORD": 400,
    "INVALID_SCOPE": 400,
    "INVALID_CLIENT_NAME": 400,
    "BAD_CREDENTIALS": 401,
    "INVALID_REFRESH_TOKEN": 401,
    "BAD_CLIENT": 401,
    "SIGN_UP_FAILED": 400,
    "PAYLOAD_TOO_LARGE": 413,
    "UNSUPPORTED_MEDIA_TYPE": 415,
    "TOO_MANY_REQUESTS": 429,
}
# The OAuth2 endpoint speaks RFC 6749 §5.2 error codes, which OAuth client libraries read.
_OAUTH_ERROR = {"BAD_CLIENT": "invalid_client", "INVALID_SCOPE": "invalid_scope", "TOO_MANY_REQUESTS": "slow_down"}


class _BadRequest(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def error_response(code: str, message: str, retry_after: int | None = None) -> JSONResponse:
    headers = dict(NO_STORE)
    body: dict[str, Any] = {"error": code, "message": message}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
        body["retryAfter"] = retry_after
    return JSONResponse(body, status_code=_STATUS.get(code, 400), headers=headers)


def client_address(request: Request) -> str | None:
    """The socket peer's address. Behind a reverse proxy that is the proxy's: no forwarded-for header is
    believed, since the app has no setting naming a proxy to trust."""
    return request.client.host if request.client else None


async def _capped_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
        raise _BadRequest("PAYLOAD_TOO_LARGE", "The request body is too large.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise _BadRequest("PAYLOAD_TOO_LARGE", "The request body is too large.")
    return bytes(body)


async def _json_fields(request: Request, *names: str) -> list[str]:
    # Requiring application/json makes a cross-site form post impossible without a CORS preflight.
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise _BadRequest("UNSUPPORTED_MEDIA_TYPE", "Send a JSON body with Content-Type: application/json.")
    try:
        document = parse_json_object(await _capped_body(request))
    except MalformedBody as error:
        raise _BadRequest("BAD_REQUEST", str(error)) from None
    values = [document.get(name) for name in names]
    missing = [name for name, value in zip(names, values, strict=True) if not isinstance(value, str)]
    if missing:
        raise _BadRequest("BAD_REQUEST", f"Missing or non-text field: {', '.join(missing)}.")
    return [value for value in values if isinstance(value, str)]


def _handles_errors(endpoint: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    async def guarded(request: Request) -> Response:
        try:
            return await endpoint(request)
        except _BadRequest as bad:
            return error_response(bad.code, bad.message)
        except AccountError as failure:
            if failure.code == "TOO_MANY_REQUESTS":
                logger.warning("auth: throttled on %s", request.url.path)
            return error_response(failure.code, failure.message, failure.retry_after)

    return guarded


def _basic_credentials(request: Request) -> tuple[str, str]:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic" or not encoded:
        raise AccountError("BAD_CLIENT", "Authenticate the client with HTTP Basic.")
    try:
        client_id, separator, secret = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise AccountError("BAD_CLIENT", "Authenticate the client with HTTP Basic.") from None
    if not separator:
        raise AccountError("BAD_CLIENT", "Authenticate the client with HTTP Basic.")
    # RFC 6749 §2.3.1: the id and secret are form-encoded before they go into the Basic header.
    return unquote_plus(client_id), unquote_plus(secret)


def local_auth_routes(accounts: AccountStore, issuer: TokenIssuer) -> list[BaseRoute]:
    password_threads = CapacityLimiter(PASSWORD_THREADS)

    def session_response(session: Session, status_code: int = 200) -> JSONResponse:
        tokens = issuer.user_tokens(
            session.user.sub, session.user.email, auth_time=session.auth_time, origin_jti=session.family
        )
        body = {
            "idToken": tokens.id_token,
            "accessToken": tokens.access_token,
            "refreshToken": session.refresh_token,
            "expiresIn": tokens.expires_in,
            "tokenType": "Bearer",
        }
        return JSONResponse(body, status_code=status_code, headers=NO_STORE)

    @_handles_errors
    async def sign_up(request: Request) -> Response:
        email, password = await _json_fields(request, "email", "password")
        session = await anyio.to_thread.run_sync(
            accounts.sign_up, email, password, client_address(request), limiter=password_threads
        )
        return session_response(session, 201)

    @_handles_errors
    async def sign_in(request: Request) -> Response:
        email, password = await _json_fields(request, "email", "password")
        session = await anyio.to_thread.run_sync(
            accounts.sign_in, email, password, client_address(request), limiter=password_threads
        )
        return session_response(session)

    @_handles_errors
    async def refresh(request: Request) -> Response:
        (refresh_token,) = await _json_fields(request, "refreshToken")
        session = await run_in_threadpool(accounts.refresh, refresh_token)
        return session_response(session)

    @_handles_errors
    async def sign_out(request: Request) -> Response:
        (refresh_token,) = await _json_fields(request, "refreshToken")
        await run_in_threadpool(accounts.revoke, refresh_token)
        return Response(status_code=204, headers=NO_STORE)

    async def client_credentials(request: Request) -> Response:
        try:
            client_id, secret = _basic_credentials(request)
            form = _form_fields(await _capped_body(request))
            if form.get("grant_type") != "client_credentials":
                return _oauth_error("unsupported_grant_type", "Only grant_type=client_credentials is supported.", 400)
            client = await run_in_threadpool(accounts.authenticate_client, client_id, secret, client_address(request))
            requested = frozenset(form["scope"].split()) if form.get("scope") else client.scopes
            if not requested <= client.scopes:
                raise AccountError("INVALID_SCOPE", "The client may not ask for that scope.")
        except _BadRequest as bad:
            return _oauth_error("invalid_request", bad.message, _STATUS.get(bad.code, 400))
        except AccountError as failure:
            status = _STATUS.get(failure.code, 400)
            return _oauth_error(
                _OAUTH_ERROR.get(failure.code, "invalid_request"), failure.message, status, failure.retry_after
            )
        token = issuer.client_credentials_token(client.client_id, requested)
        body = {"access_token": token, "expires_in": issuer.access_ttl, "token_type": "Bearer"}
        return JSONResponse(body, headers=NO_STORE)

    async def jwks(request: Request) -> Response:
        return JSONResponse(issuer.jwks(), headers={"Cache-Control": "public, max-age=300"})

    return [
        Route("/auth/signup", sign_up, methods=["POST"]),
        Route("/auth/signin", sign_in, methods=["POST"]),
        Route("/auth/refresh", refresh, methods=["POST"]),
        Route("/auth/signout", sign_out, methods=["POST"]),
        Route("/auth/token", client_credentials, methods=["POST"]),
        Route("/.well-known/jwks.json", jwks, methods=["GET"]),
    ]


def _form_fields(body: bytes) -> dict[str, str]:
    try:
        parsed = parse_qs(body.decode("ascii"), keep_blank_values=True, strict_parsing=bool(body), max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise _BadRequest("BAD_REQUEST", "The body must be application/x-www-form-urlencoded.") from None
    if any(len(values) > 1 for values in parsed.values()):  # RFC 6749 §3.2: parameters must not repeat
        raise _BadRequest("BAD_REQUEST", "A parameter is repeated.")
    return {name: values[0] for name, values in parsed.items()}


def _oauth_error(code: str, description: str, status: int, retry_after: int | None = None) -> JSONResponse:
    headers: dict[str, Any] = dict(NO_STORE)
    body: dict[str, Any] = {"error": code, "error_description": description, "message": description}
    if code == "invalid_client":
        headers["WWW-Authenticate"] = 'Basic realm="cvmaker"'
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
        body["retryAfter"] = retry_after
    return JSONResponse(body, status, headers=headers)
