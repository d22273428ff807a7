"""Expected failures of the domain and the services. The API maps each to a typed member of a result union."""

from __future__ import annotations

from dataclasses import dataclass, field


class DomainError(Exception):
    """Base of every expected failure: its message is safe to show to the caller."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    """The thing does not exist, or belongs to someone else: the two are indistinguishable on purpose."""

    def __init__(self, what: str = "CV") -> None:
        super().__init__(f"{what} not found.")


@dataclass(frozen=True)
class FieldProblem:
    path: str  # dotted, e.g. "sections.2.items.0.title"
    message: str


class InvalidInput(DomainError):
    def __init__(self, problems: list[FieldProblem], message: str | None = None) -> None:
        self.problems = problems
        summary = message or (problems[0].message if len(problems) == 1 else f"{len(problems)} fields are invalid.")
        super().__init__(summary)


class VersionConflict(DomainError):
    def __init__(self, current_version: int) -> None:
        super().__init__(
            f"This CV was changed elsewhere: it is now at version {current_version}. "
            "Reload it and apply your edit again."
        )
        self.current_version = current_version


class LimitExceeded(DomainError):
    def __init__(self, message: str, limit: str) -> None:
        super().__init__(message)
        self.limit = limit


class UnsupportedFile(DomainError):
    """The file is not a CV this importer can read: wrong type, damaged, encrypted, or a scan with no text.
    `reason` is a stable code for clients ("not_a_cv_file", "encrypted", "no_text_layer", "damaged", ...)."""

    def __init__(self, message: str, reason: str = "unsupported") -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.message, self.reason))


class FileLimitExceeded(LimitExceeded):
    """A cap on the file (bytes, pages, characters, zip entries) was hit. Picklable, unlike its base."""

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.message, self.limit))


class GenerationUnavailable(DomainError):
    """The text generator did not answer within its time budget, or is rate limited. Retryable."""

    def __init__(
        self,
        message: str = "The writing service is busy or slow right now. Try again in a minute.",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QuotaExceeded(DomainError):
    """The caller has used up a quota of expensive work (`cvmaker.domain.quotas`) for now. Retryable after
    `retry_after` seconds, when the window that is full ends."""

    def __init__(self, kind: str, limit: int, window_seconds: int, retry_after: float) -> None:
        noun = kind.replace("_", " ") + ("" if limit == 1 else "s")
        super().__init__(
            f"You have reached the limit of {limit} {noun} per {_period(window_seconds)}. "
            f"Try again in {retry_after:.0f} seconds."
        )
        self.kind = kind
        self.limit = limit
        self.window_seconds = window_seconds
        self.retry_after = retry_after


def _period(seconds: int) -> str:
    names = {1: "second", 60: "minute", 3600: "hour", 86_400: "day"}
    return names.get(seconds, f"{seconds} seconds")


class IdempotencyConflict(DomainError):
    """An idempotency key cannot be honoured: it was first used with other arguments (`key_reused`), or its
    first request is still running (`in_progress`, retryable after `retry_after` seconds)."""

    def __init__(self, message: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.retry_after = retry_after


class BadSignature(Exception):
    """A signed URL or upload form whose signature, expiry or single use does not hold."""


class InvalidKey(ValueError):
    """Not a blob key this store accepts."""


class Unauthenticated(Exception):
    """The request carries no valid token. Not a DomainError: it never reaches a result union."""


class Forbidden(Exception):
    """The token is valid but lacks the scope the operation needs."""


@dataclass
class Problems:
    """Collects field problems while a validator walks a document."""

    items: list[FieldProblem] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        self.items.append(FieldProblem(path, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise InvalidInput(self.items)
