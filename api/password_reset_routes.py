"""HTTP endpoints of the embedded default's password reset (Cognito's ForgotPassword and ConfirmForgotPassword
in the cloud). Mounted with the local sign-in.

POST /auth/password-reset           {email}                     -> 202 {message}, the same for every email
POST /auth/password-reset/confirm   {email, code, password}     -> 200 {message}; sign in again afterwards

Errors are the sign-in's `{error: CODE, message}`: `INVALID_EMAIL`, `WEAK_PASSWORD`, `INVALID_CODE` (400),
`TOO_MANY_REQUESTS` (429 with `Retry-After`). The request's answer is sent before the code is made and put in
the outbox, so neither the answer nor its timing tells whether the email has an account.
"""

from __future__ import annotations

import anyio.to_thread
from anyio import CapacityLimiter
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from api.local_auth_routes import NO_STORE, _handles_errors, _json_fields, client_address
from cvmaker.domain.password_reset import PASSWORD_CHANGED, REQUEST_ACCEPTED
from cvmaker.ports import PasswordResets

RESET_THREADS = 4  # confirmations hash a password (Argon2): a burst of them waits here, not in shared threads


def password_reset_routes(resets: PasswordResets) -> list[BaseRoute]:
    reset_threads = CapacityLimiter(RESET_THREADS)

    @_handles_errors
    async def request_reset(request: Request) -> Response:
        (email,) = await _json_fields(request, "email")
        normalized = await run_in_threadpool(resets.check_request, email, client_address(request))
        return JSONResponse(
            {"message": REQUEST_ACCEPTED},
            status_code=202,
            headers=NO_STORE,
            background=BackgroundTask(resets.send_code, normalized),
        )

    @_handles_errors
    async def confirm_reset(request: Request) -> Response:
        email, code, password = await _json_fields(request, "email", "code", "password")
        await anyio.to_thread.run_sync(
            resets.confirm, email, code, password, client_address(request), limiter=reset_threads
        )
        return JSONResponse({"message": PASSWORD_CHANGED}, headers=NO_STORE)

    return [
        Route("/auth/password-reset", request_reset, methods=["POST"]),
        Route("/auth/password-reset/confirm", confirm_reset, methods=["POST"]),
    ]
