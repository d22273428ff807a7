"""Operations of the photo area: `createPhotoUpload` (the import's signed, single-use upload flow, for images),
`setCvPhoto`, `removeCvPhoto` and `cvPhoto`. Another user's CV or upload answers like a missing one."""

from __future__ import annotations

from typing import Annotated

import strawberry

import resolvers.photos as resolve
from schema.context import Info
from schema.cvs.types import Cv
from schema.errors import (
    IdempotencyConflictError,
    NotFoundError,
    QuotaExceededError,
    ValidationError,
    VersionConflictError,
    as_result,
)
from schema.idempotency import IdempotencyKey
from schema.imports.operations import UploadTicket
from schema.permissions import READ, WRITE
from schema.photos.types import CvPhoto, PhotoCropInput

PhotoUploadResult = Annotated[
    UploadTicket | ValidationError | IdempotencyConflictError, strawberry.union("PhotoUploadResult")
]
# Setting a photo reads an uploaded file: it counts against the import quota.
SetPhotoResult = Annotated[
    Cv | NotFoundError | ValidationError | VersionConflictError | QuotaExceededError,
    strawberry.union("SetPhotoResult"),
]
RemovePhotoResult = Annotated[
    Cv | NotFoundError | ValidationError | VersionConflictError, strawberry.union("RemovePhotoResult")
]


@strawberry.type
class PhotoQueries:
    @strawberry.field(
        permission_classes=READ,
        description="The CV's photo with a short-lived link to it; null when it has none (or is not the caller's).",
    )
    async def cv_photo(self, info: Info, cv_id: strawberry.ID) -> CvPhoto | None:
        found = await resolve.cv_photo(info.context, cv_id)
        return CvPhoto.from_domain(found) if found else None


@strawberry.type
class PhotoMutations:
    @strawberry.mutation(
        permission_classes=WRITE,
        description="A short-lived, single-use target to upload a photo to (`image/jpeg`, `image/png` or "
        "`image/webp`, at most 5 MB; the file's bytes decide its type, not its name); then call `setCvPhoto` with "
        "its `uploadId`.",
    )
    async def create_photo_upload(
        self, info: Info, filename: str, content_type: str, size: int, idempotency_key: IdempotencyKey = None
    ) -> PhotoUploadResult:
        return await as_result(
            resolve.create_photo_upload(info.context, filename, content_type, size, idempotency_key),
            UploadTicket.from_domain,
            (ValidationError, IdempotencyConflictError),
        )

    @strawberry.mutation(
        permission_classes=WRITE,
        description="Make an uploaded image the CV's photo, in a new version: turned upright, cut to `crop` (default: "
        "the largest centred square), scaled to at most 800 pixels and stored as a JPEG without its metadata "
        "(location, camera, colour profile). A file that is not a JPEG, PNG or WebP image, or has more than 50 "
        "million pixels, is a `ValidationError` on `uploadId`; fails with a conflict unless `version` is current.",
    )
    async def set_cv_photo(
        self,
        info: Info,
        cv_id: strawberry.ID,
        version: int,
        upload_id: strawberry.ID,
        crop: PhotoCropInput | None = None,
    ) -> SetPhotoResult:
        return await as_result(
            resolve.set_cv_photo(info.context, cv_id, version, upload_id, crop.to_domain() if crop else None),
            Cv.from_domain,
            (NotFoundError, ValidationError, VersionConflictError, QuotaExceededError),
        )

    @strawberry.mutation(
        permission_classes=WRITE,
        description="Take the photo off the CV, in a new version (its file goes unless another CV shows it).",
    )
    async def remove_cv_photo(self, info: Info, cv_id: strawberry.ID, version: int) -> RemovePhotoResult:
        return await as_result(
            resolve.remove_cv_photo(info.context, cv_id, version),
            Cv.from_domain,
            (NotFoundError, ValidationError, VersionConflictError),
        )
