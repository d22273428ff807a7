"""A person's data: the export of everything they have, and the deletion of their account. Both read or delete
many items and files: they run in a worker thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import Principal
from resolvers.context import Context

if TYPE_CHECKING:  # annotations only: the service loads on first use, not at cold start
    from cvmaker.domain.privacy.model import DataExport, DeletedAccount


async def export_my_data(ctx: Context) -> DataExport:
    privacy, principal = ctx.services.privacy, _principal(ctx)
    return await run_sync(lambda: privacy.export(principal))


async def delete_my_account(ctx: Context, password: str | None, confirmation: str | None) -> DeletedAccount:
    privacy, principal = ctx.services.privacy, _principal(ctx)
    return await run_sync(lambda: privacy.delete_account(principal, password, confirmation))


def _principal(ctx: Context) -> Principal:
    if ctx.principal is None:
        raise Unauthenticated("Sign in to do this.")
    return ctx.principal
