"""Who may call what: every operation needs a verified token; integrators' machine tokens also need scopes."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

READ_SCOPE = "cvmaker/read"
WRITE_SCOPE = "cvmaker/write"


class IsAuthenticated(BasePermission):
    message = "Sign in to do this."
    error_extensions = {"code": "UNAUTHENTICATED"}  # noqa: RUF012 - Strawberry reads it as a class attribute

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return info.context.principal is not None


class _HasScope(BasePermission):
    scope = ""
    error_extensions = {"code": "FORBIDDEN"}  # noqa: RUF012 - Strawberry reads it as a class attribute

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        principal = info.context.principal
        return principal is not None and principal.may(self.scope)


class CanRead(_HasScope):
    scope = READ_SCOPE
    message = f"This token lacks the {READ_SCOPE} scope."


class CanWrite(_HasScope):
    scope = WRITE_SCOPE
    message = f"This token lacks the {WRITE_SCOPE} scope."


READ = [IsAuthenticated, CanRead]
WRITE = [IsAuthenticated, CanWrite]
