"""Types and mutations of the import area."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

import resolvers.imports as resolve
from schema.context import Info
from schema.cvs.types import Cv
from schema.errors import (
    IdempotencyConflictError,
    LimitExceededError,
    NotFoundError,
    QuotaExceededError,
    UnsupportedFileError,
    ValidationError,
    as_result,
)
from schema.idempotency import IdempotencyKey
from schema.permissions import WRITE


@strawberry.type(
    description="Send the file as an HTTP `method` (POST) of `fields` plus the file as form field "
    "`file` (multipart/form-data) to `url`, before `expiresAt`."
)
class UploadTicket:
    upload_id: strawberry.ID
    url: str
    method: str
    fields: JSON
    expires_at: datetime
    max_bytes: int

    @classmethod
    def from_domain(cls, ticket: Any) -> UploadTicket:
        target = ticket.target
        return cls(
            upload_id=strawberry.ID(ticket.upload_id),
            url=target.url,
            method=target.method,
            fields=JSON(dict(target.fields)),
            expires_at=datetime.fromtimestamp(target.expires_at, UTC),
            max_bytes=target.max_bytes,
        )


@strawberry.type(description="Something the importer could not place, or was unsure of: check it.")
class ImportWarning:
    message: str
    text: str | None


@strawberry.type(description="Where in the file a field's value came from.")
class FieldSource:
    path: str = strawberry.field(description='Dotted path of the field, like "sections.0.items.1.startDate".')
    source: str = strawberry.field(description="Where it was read, like 'page 1: \"Jan 2020 - Present\"'.")


@strawberry.type
class Imported:
    cv: Cv
    warnings: list[ImportWarning]
    sources: list[FieldSource]

    @classmethod
    def from_domain(cls, imported: Any) -> Imported:
        return cls(
            cv=Cv.from_domain(imported.cv),
            warnings=[ImportWarning(message=m, text=t or None) for m, t in imported.warnings],
            sources=[FieldSource(path=p, source=s) for p, s in imported.sources.items()],
        )


UploadResult = Annotated[
    UploadTicket | ValidationError | LimitExceededError | IdempotencyConflictError, strawberry.union("UploadResult")
]
ImportResult = Annotated[
    Imported
    | NotFoundError
    | UnsupportedFileError
    | LimitExceededError
    | QuotaExceededError
    | ValidationError
    | IdempotencyConflictError,
    strawberry.union("ImportResult"),
]


@strawberry.type
class ImportMutations:
    @strawberry.mutation(
        permission_classes=WRITE,
        description="A short-lived, single-use target to upload a CV file to: a PDF or Word (.docx) CV "
        "(`application/pdf`, `application/vnd.openxmlformats-officedocument.wordprocessingml.document`), a JSON "
        'Resume file (`application/json`) or a LinkedIn data export, the zip of "Get a copy of your data" '
        "(`application/zip`, `application/x-zip-compressed`); then call `importCv` with its `uploadId`.",
    )
    async def create_upload(
        self, info: Info, filename: str, content_type: str, size: int, idempotency_key: IdempotencyKey = None
    ) -> UploadResult:
        return await as_result(
            resolve.create_upload(info.context, filename, content_type, size, idempotency_key),
            UploadTicket.from_domain,
            (ValidationError, LimitExceededError, IdempotencyConflictError),
        )

    @strawberry.mutation(
        permission_classes=WRITE,
        description="Parse an uploaded file into a new CV, with "
        "warnings for what could not be placed and where each field came from.",
    )
    async def import_cv(
        self, info: Info, upload_id: strawberry.ID, title: str | None = None, idempotency_key: IdempotencyKey = None
    ) -> ImportResult:
        return await as_result(
            resolve.import_cv(info.context, upload_id, title, idempotency_key),
            Imported.from_domain,
            (
                NotFoundError,
                UnsupportedFileError,
                LimitExceededError,
                QuotaExceededError,
                ValidationError,
                IdempotencyConflictError,
            ),
        )
