"""Cover letters: `generateCoverLetter` (from a CV's facts only), `coverLetter`, `coverLetters` (of a CV, or all of
the caller's), edits against a version with revisions (`updateCoverLetter`, `coverLetterRevisions`,
`restoreCoverLetterRevision`), `deleteCoverLetter`, and `renderCoverLetter`, a stored letter as a file in the look
of its CV's template and design."""

from __future__ import annotations

from typing import Annotated

import strawberry

import resolvers.letters as resolve
from schema.context import Info
from schema.errors import (
    IdempotencyConflictError,
    LimitExceededError,
    NotFoundError,
    QuotaExceededError,
    UnavailableError,
    ValidationError,
    VersionConflictError,
    as_result,
)
from schema.idempotency import IdempotencyKey
from schema.letters.types import CoverLetter, CoverLetterInput, CoverLetterRevision, DeletedCoverLetter
from schema.permissions import READ, WRITE
from schema.rendering.operations import RenderResult
from schema.rendering.types import RenderedFile, RenderFormat

_ERRORS = (NotFoundError, ValidationError, LimitExceededError, QuotaExceededError)
CoverLetterResult = Annotated[
    CoverLetter | NotFoundError | UnavailableError | QuotaExceededError | ValidationError | IdempotencyConflictError,
    strawberry.union("CoverLetterResult"),
]
CoverLetterEditResult = Annotated[
    CoverLetter | NotFoundError | VersionConflictError | ValidationError, strawberry.union("CoverLetterEditResult")
]
DeleteCoverLetterResult = Annotated[DeletedCoverLetter | NotFoundError, strawberry.union("DeleteCoverLetterResult")]
_EDIT_ERRORS = (NotFoundError, VersionConflictError, ValidationError)


def _given(value: str | None) -> str | None:
    """An omitted field (UNSET) or null keeps its value."""
    return value if isinstance(value, str) else None


@strawberry.type
class LetterQueries:
    @strawberry.field(
        permission_classes=READ,
        description="The cover letters of a CV, or all of yours when `cvId` is null; newest first.",
    )
    async def cover_letters(self, info: Info, cv_id: strawberry.ID | None = None) -> list[CoverLetter]:
        return [CoverLetter.from_domain(letter) for letter in await resolve.cover_letters(info.context, cv_id)]

    @strawberry.field(permission_classes=READ, description="One of your cover letters, or null.")
    async def cover_letter(self, info: Info, id: strawberry.ID) -> CoverLetter | None:
        letter = await resolve.cover_letter(info.context, id)
        return CoverLetter.from_domain(letter) if letter else None

    @strawberry.field(permission_classes=READ, description="Saved versions of a cover letter, newest first.")
    async def cover_letter_revisions(self, info: Info, id: strawberry.ID) -> list[CoverLetterRevision]:
        return [CoverLetterRevision.from_domain(r) for r in await resolve.cover_letter_revisions(info.context, id)]


@strawberry.type
class LetterMutations:
    @strawberry.mutation(permission_classes=WRITE, description="A cover letter drawn only from the CV's facts.")
    async def generate_cover_letter(
        self, info: Info, cv_id: strawberry.ID, job_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> CoverLetterResult:
        return await as_result(
            resolve.generate_cover_letter(info.context, cv_id, job_id, idempotency_key),
            CoverLetter.from_domain,
            (NotFoundError, UnavailableError, QuotaExceededError, ValidationError, IdempotencyConflictError),
        )

    @strawberry.mutation(
        permission_classes=WRITE,
        description="Edit a cover letter made against `version` (a stale one is a VersionConflictError and changes "
        "nothing). Every save is kept as a revision. What the text states that the CV does not support comes back "
        "as `warnings`; the edit is saved all the same.",
    )
    async def update_cover_letter(
        self, info: Info, id: strawberry.ID, version: int, input: CoverLetterInput
    ) -> CoverLetterEditResult:
        return await as_result(
            resolve.update_cover_letter(info.context, id, version, _given(input.text), _given(input.title)),
            CoverLetter.from_domain,
            _EDIT_ERRORS,
        )

    @strawberry.mutation(
        permission_classes=WRITE,
        description="Save an earlier revision's title and text as a new version (history only grows).",
    )
    async def restore_cover_letter_revision(
        self, info: Info, id: strawberry.ID, revision: int, version: int
    ) -> CoverLetterEditResult:
        return await as_result(
            resolve.restore_cover_letter_revision(info.context, id, revision, version),
            CoverLetter.from_domain,
            _EDIT_ERRORS,
        )

    @strawberry.mutation(permission_classes=WRITE, description="Delete a cover letter and its revisions.")
    async def delete_cover_letter(self, info: Info, id: strawberry.ID) -> DeleteCoverLetterResult:
        return await as_result(
            resolve.delete_cover_letter(info.context, id),
            lambda deleted: DeletedCoverLetter(id=strawberry.ID(deleted)),
            (NotFoundError,),
        )

    @strawberry.mutation(
        permission_classes=READ,
        description="A cover letter as a file in the style of its CV "
        "(template, colour, font, page size, margins), with the CV's name and contact details "
        "as the letterhead: PDF or DOCX, or TEXT for the letter's text alone (JSON_RESUME is a "
        "ValidationError). The same letter and design are served from storage without rendering "
        "again.",
    )
    async def render_cover_letter(
        self, info: Info, id: strawberry.ID, format: RenderFormat = RenderFormat.PDF
    ) -> RenderResult:
        return await as_result(
            resolve.render_cover_letter(info.context, id, format.value), RenderedFile.from_domain, _ERRORS
        )
