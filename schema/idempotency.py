"""The `idempotencyKey` argument every creating mutation takes (`cvmaker.services.idempotency`)."""

from __future__ import annotations

from typing import Annotated

import strawberry

IdempotencyKey = Annotated[
    str | None,
    strawberry.argument(
        description="Makes retrying safe: a retry with the same key and arguments (within 24 hours) returns the "
        "first result, without doing the work again. One key per user action (a UUID); 1-255 letters, digits, "
        "'-', '_', '.' or ':'."
    ),
]
