"""Expected failures as GraphQL types, members of the result unions; and their conversion from domain errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar, overload

import strawberry

from cvmaker.domain import errors as domain


@strawberry.interface(description="An expected failure. Unexpected ones come as GraphQL errors.")
class Error:
    message: str


@strawberry.type(description="The thing does not exist, or belongs to someone else (the two look the same).")
class NotFoundError(Error):
    pass


@strawberry.type
class FieldError:
    path: str = strawberry.field(description='Dotted path of the field, like "sections.2.items.0.title".')
    message: str


@strawberry.type
class ValidationError(Error):
    fields: list[FieldError]


@strawberry.type(description="The CV changed since the version the edit was made against.")
class VersionConflictError(Error):
    current_version: int


@strawberry.type(description="The file is not a CV we can read: wrong type, a scan without text, encrypted...")
class UnsupportedFileError(Error):
    reason: str = strawberry.field(
        description='A stable code: "not_a_cv_file", "encrypted", "no_text_layer", "damaged", ...'
    )


@strawberry.type
class LimitExceededError(Error):
    limit: str


@strawberry.type(description="A service this needs (e.g. the AI writer) is busy or slow: try again later.")
class UnavailableError(Error):
    retry_after: float | None = strawberry.field(description="Seconds to wait, when the service said.")


@strawberry.type(
    description="You have used up a quota of expensive work (renders, previews, imports, model calls) for now."
)
class QuotaExceededError(Error):
    kind: str = strawberry.field(description='Which quota: "render", "preview", "import" or "model_call".')
    limit: int = strawberry.field(description="How many the quota allows per window.")
    window_seconds: int = strawberry.field(description="The window's length: 60 for a minute, 86400 for a day.")
    retry_after: float = strawberry.field(description="Seconds until the window ends and the quota allows again.")


@strawberry.type(
    description="An idempotency key that cannot be honoured: used before with other arguments (`key_reused`: "
    "use a new key), or its first request is still running (`in_progress`: retry after `retryAfter` seconds)."
)
class IdempotencyConflictError(Error):
    reason: str = strawberry.field(description='A stable code: "key_reused" or "in_progress".')
    retry_after: float | None = strawberry.field(description="Seconds to wait before retrying, when retrying helps.")


def error_type(error: domain.DomainError) -> Error:
    match error:
        case domain.NotFound():
            return NotFoundError(message=error.message)
        case domain.InvalidInput():
            return ValidationError(
                message=error.message,
                fields=[FieldError(path=p.path, message=p.message) for p in error.problems],
            )
        case domain.VersionConflict():
            return VersionConflictError(message=error.message, current_version=error.current_version)
        case domain.LimitExceeded():
            return LimitExceededError(message=error.message, limit=error.limit)
        case domain.UnsupportedFile():
            return UnsupportedFileError(message=error.message, reason=error.reason)
        case domain.GenerationUnavailable():
            return UnavailableError(message=error.message, retry_after=error.retry_after)
        case domain.IdempotencyConflict():
            return IdempotencyConflictError(message=error.message, reason=error.reason, retry_after=error.retry_after)
        case domain.QuotaExceeded():
            return QuotaExceededError(
                message=error.message,
                kind=error.kind,
                limit=error.limit,
                window_seconds=error.window_seconds,
                retry_after=error.retry_after,
            )
    raise error


T = TypeVar("T")
R = TypeVar("R")
E1 = TypeVar("E1", bound=Error)
E2 = TypeVar("E2", bound=Error)
E3 = TypeVar("E3", bound=Error)
E4 = TypeVar("E4", bound=Error)
E5 = TypeVar("E5", bound=Error)
E6 = TypeVar("E6", bound=Error)


# One overload per number of error types a field's union holds, so the result is typed as that union.
@overload
async def as_result(call: Awaitable[T], convert: Callable[[T], R], allowed: tuple[type[E1]]) -> R | E1: ...


@overload
async def as_result(
    call: Awaitable[T], convert: Callable[[T], R], allowed: tuple[type[E1], type[E2]]
) -> R | E1 | E2: ...


@overload
async def as_result(
    call: Awaitable[T], convert: Callable[[T], R], allowed: tuple[type[E1], type[E2], type[E3]]
) -> R | E1 | E2 | E3: ...


@overload
async def as_result(
    call: Awaitable[T], convert: Callable[[T], R], allowed: tuple[type[E1], type[E2], type[E3], type[E4]]
) -> R | E1 | E2 | E3 | E4: ...


@overload
async def as_result(
    call: Awaitable[T],
    convert: Callable[[T], R],
    allowed: tuple[type[E1], type[E2], type[E3], type[E4], type[E5]],
) -> R | E1 | E2 | E3 | E4 | E5: ...


@overload
async def as_result(
    call: Awaitable[T],
    convert: Callable[[T], R],
    allowed: tuple[type[E1], type[E2], type[E3], type[E4], type[E5], type[E6]],
) -> R | E1 | E2 | E3 | E4 | E5 | E6: ...


async def as_result(call: Awaitable[T], convert: Callable[[T], R], allowed: tuple[type[Error], ...]) -> R | Error:
    """Run a resolver; an expected failure becomes its error type when the field's union holds that type,
    and is re-raised (then masked and logged) otherwise."""
    try:
        value = await call
    except domain.DomainError as error:
        converted = error_type(error)
        if isinstance(converted, allowed):
            return converted
        raise
    return convert(value)
