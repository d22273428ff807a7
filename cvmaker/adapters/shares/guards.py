"""The share links' password guard: the local accounts' Argon2id hasher and the sign-in throttle's rules, with a
link standing where an account stands (`cvmaker.adapters.auth.throttle`: per address, per link from that address,
and across links)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cvmaker.adapters.auth.throttle import SignInThrottle, source_key


class Argon2Hasher:
    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher()

    def hash(self, secret: str) -> str:
        return self.hasher.hash(secret)

    def verify(self, hashed: str, secret: str) -> bool:
        try:
            return self.hasher.verify(hashed, secret)
        except (VerificationError, InvalidHashError):
            return False


class LinkThrottle:
    def __init__(self, throttle: SignInThrottle | None = None) -> None:
        self.throttle = throttle or SignInThrottle()

    def wait(self, source: str | None, target: str) -> int | None:
        return self.throttle.sign_in_wait(source_key(source), target)

    def failed(self, source: str | None, target: str) -> None:
        self.throttle.record_failure(source_key(source), target)

    def succeeded(self, source: str | None, target: str) -> None:
        self.throttle.record_success(source_key(source), target)
