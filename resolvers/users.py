"""Who the caller is."""

from __future__ import annotations

from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import Principal
from resolvers.context import Context


async def me(ctx: Context) -> Principal:
    if ctx.principal is None:
        raise Unauthenticated("Sign in to do this.")
    return ctx.principal
