"""Photos on CVs. Decoding and re-encoding an image takes tens of milliseconds and more: a worker thread does it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from cvmaker.services import idempotency
from resolvers.context import Context
from resolvers.idempotency import once

if TYPE_CHECKING:  # annotations only: the service module (and Pillow) load on first use, not at cold start
    from cvmaker.domain.cv.model import Cv
    from cvmaker.domain.photos.model import Crop
    from cvmaker.services.imports import UploadTicket
    from cvmaker.services.photos import PhotoLink


async def create_photo_upload(
    ctx: Context, filename: str, content_type: str, size: int, idempotency_key: str | None = None
) -> UploadTicket:
    photos, owner = ctx.services.photos, ctx.owner
    return await once(
        ctx,
        "createPhotoUpload",
        idempotency_key,
        {"filename": filename, "contentType": content_type, "size": size},
        lambda: photos.create_upload(owner, filename, content_type, size),
        idempotency.upload_replay,
        blocking=False,
    )


async def set_cv_photo(ctx: Context, cv_id: str, version: int, upload_id: str, crop: Crop | None) -> Cv:
    photos, owner = ctx.services.photos, ctx.owner
    return await run_sync(lambda: photos.set_photo(owner, cv_id, version, upload_id, crop))


async def remove_cv_photo(ctx: Context, cv_id: str, version: int) -> Cv:
    photos, owner = ctx.services.photos, ctx.owner
    return await run_sync(lambda: photos.remove_photo(owner, cv_id, version))


async def cv_photo(ctx: Context, cv_id: str) -> PhotoLink | None:
    """Another user's CV has no photo, exactly like a CV that does not exist."""
    from cvmaker.domain.errors import NotFound

    try:
        return ctx.services.photos.photo(ctx.owner, cv_id)
    except NotFound:
        return None
