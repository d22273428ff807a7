"""Uploads and imports. Parsing blocks on a worker process: it runs in a worker thread, off the event loop."""

from __future__ import annotations

from typing import Any

import anyio

from resolvers.context import Context


async def create_upload(ctx: Context, filename: str, content_type: str, size: int) -> Any:
    return ctx.services.uploads.create_upload(ctx.owner, filename, content_type, size)


async def import_cv(ctx: Context, upload_id: str, title: str | None) -> Any:
    uploads, owner = ctx.services.uploads, ctx.owner
    return await anyio.to_thread.run_sync(lambda: uploads.import_upload(owner, upload_id, title))
