"""Who the caller is."""

from __future__ import annotations

from cvmaker.ports import Principal
from resolvers.context import Context


async def me(ctx: Context) -> Principal:
    ctx.owner  # raises Unauthenticated when there is no caller
    assert ctx.principal is not None
    return ctx.principal
