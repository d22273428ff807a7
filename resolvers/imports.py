"""Uploads and imports. Parsing blocks on a worker process: it runs in a worker thread, off the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cvmaker.services import idempotency
from resolvers.context import Context
from resolvers.idempotency import once

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.services.imports import Imported, UploadTicket


async def create_upload(
    ctx: Context, filename: str, content_type: str, size: int, idempotency_key: str | None = None
) -> UploadTicket:
    imports, owner = ctx.services.imports, ctx.owner
    return await once(
        ctx,
        "createUpload",
        idempotency_key,
        {"filename": filename, "contentType": content_type, "size": size},
        lambda: imports.create_upload(owner, filename, content_type, size),
        idempotency.upload_replay,
        blocking=False,
    )


async def import_cv(ctx: Context, upload_id: str, title: str | None, idempotency_key: str | None = None) -> Imported:
    imports, owner = ctx.services.imports, ctx.owner
    return await once(
        ctx,
        "importCv",
        idempotency_key,
        {"uploadId": upload_id, "title": title},
        lambda: imports.import_upload(owner, upload_id, title),
        lambda: idempotency.import_replay(imports.cvs),
    )
