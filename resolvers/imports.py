"""Uploads and imports. Parsing blocks on a worker process: it runs in a worker thread, off the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from resolvers.context import Context

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.services.imports import Imported, UploadTicket


async def create_upload(ctx: Context, filename: str, content_type: str, size: int) -> UploadTicket:
    return ctx.services.imports.create_upload(ctx.owner, filename, content_type, size)


async def import_cv(ctx: Context, upload_id: str, title: str | None) -> Imported:
    imports, owner = ctx.services.imports, ctx.owner
    return await run_sync(lambda: imports.import_upload(owner, upload_id, title))
