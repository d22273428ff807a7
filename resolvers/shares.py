"""Share links: made, listed, changed and revoked by their owner. Hashing a password takes a quarter of a
second: those calls run in a worker thread."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from resolvers.context import Context
from resolvers.idempotency import once

if TYPE_CHECKING:  # annotations only: the service module loads on first use, not at cold start
    from cvmaker.domain.shares.model import ShareLink
    from cvmaker.services.shares import Keep


async def create_share_link(
    ctx: Context,
    cv_id: str | None,
    letter_id: str | None,
    password: str | None,
    expires_at: datetime | None,
    show_contacts: bool,
    idempotency_key: str | None = None,
) -> ShareLink:
    shares, owner = ctx.services.shares, ctx.owner
    arguments = {
        "cvId": cv_id,
        "letterId": letter_id,
        "password": shares.password_fingerprint(password),
        "expiresAt": expires_at.isoformat() if expires_at else None,
        "showContacts": show_contacts,
    }
    return await once(
        ctx,
        "createShareLink",
        idempotency_key,
        arguments,
        lambda: shares.create(owner, cv_id, letter_id, password, expires_at, show_contacts),
        shares.replay,
    )


async def share_links(ctx: Context, cv_id: str | None, letter_id: str | None) -> list[ShareLink]:
    shares, owner = ctx.services.shares, ctx.owner
    return await run_sync(lambda: shares.list_for(owner, cv_id, letter_id))


async def update_share_link(
    ctx: Context,
    link_id: str,
    password: str | None | Keep,
    expires_at: datetime | None | Keep,
    show_contacts: bool | Keep,
) -> ShareLink:
    shares, owner = ctx.services.shares, ctx.owner
    return await run_sync(lambda: shares.update(owner, link_id, password, expires_at, show_contacts))


async def revoke_share_link(ctx: Context, link_id: str) -> ShareLink:
    shares, owner = ctx.services.shares, ctx.owner
    return await run_sync(lambda: shares.revoke(owner, link_id))
