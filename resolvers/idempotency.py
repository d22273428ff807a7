"""The one way a creating mutation honours its `idempotencyKey` (`cvmaker.services.idempotency`).

With a key, the work runs in a worker thread: a retry may wait there for a concurrent first request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from anyio.to_thread import run_sync

from resolvers.context import Context

if TYPE_CHECKING:  # annotations only: the service module loads on first use, not at cold start
    from cvmaker.services.idempotency import Replay

T = TypeVar("T")


async def once(
    ctx: Context,
    operation: str,
    key: str | None,
    arguments: Mapping[str, Any],
    work: Callable[[], T],
    replay: Callable[[], Replay[T]],
    *,
    blocking: bool = True,
) -> T:
    """`work()` once per `key` of the caller and `operation` (the GraphQL field's name); without a key, as before:
    in a worker thread if `blocking`, else right here."""
    owner = ctx.owner  # an unauthenticated call fails here, before any key is looked at
    if key is None:
        return await run_sync(work) if blocking else work()
    service = ctx.services.idempotency
    kept = replay()
    return await run_sync(lambda: service.run(owner, operation, key, arguments, work, kept))
