"""People and integrator clients as the embedded default's own sign-in knows them (Cognito's in the cloud)."""

from __future__ import annotations

from dataclasses import dataclass


class AccountError(Exception):
    """An expected failure with a stable `code` and a message safe to show."""

    def __init__(self, code: str, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class User:
    sub: str
    email: str


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in user and the refresh token that continues the session. `family` is the same for every
    token descended from one sign-in (the access token's `origin_jti`); `auth_time` is when it happened."""

    user: User
    refresh_token: str
    family: str
    auth_time: int


@dataclass(frozen=True, slots=True)
class Client:
    client_id: str
    name: str
    scopes: frozenset[str]


@dataclass(frozen=True, slots=True)
class UserTokens:
    id_token: str
    access_token: str
    expires_in: int
