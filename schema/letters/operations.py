"""Cover letters: `generateCoverLetter` (from a CV's facts only), `coverLetters` of a CV, and `renderCoverLetter`,
a stored letter as a file in the look of its CV's template and design."""

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
    as_result,
)
from schema.idempotency import IdempotencyKey
from schema.letters.types import CoverLetter
from schema.permissions import READ, WRITE
from schema.rendering.operations import RenderResult
from schema.rendering.types import RenderedFile, RenderFormat

_ERRORS = (NotFoundError, ValidationError, LimitExceededError, QuotaExceededError)
CoverLetterResult = Annotated[
    CoverLetter | NotFoundError | UnavailableError | QuotaExceededError | ValidationError | IdempotencyConflictError,
    strawberry.union("CoverLetterResult"),
]


@strawberry.type
class LetterQueries:
    @strawberry.field(permission_classes=READ, description="The cover letters generated for a CV.")
    async def cover_letters(self, info: Info, cv_id: strawberry.ID) -> list[CoverLetter]:
        return [CoverLetter.from_domain(letter) for letter in await resolve.cover_letters(info.context, cv_id)]


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
