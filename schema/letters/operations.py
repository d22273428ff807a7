"""Cover letters as files: `renderCoverLetter`, a stored letter in the look of its CV's template and design."""

from __future__ import annotations

import strawberry

import resolvers.letters as resolve
from schema.context import Info
from schema.errors import LimitExceededError, NotFoundError, ValidationError, as_result
from schema.permissions import READ
from schema.rendering.operations import RenderResult
from schema.rendering.types import RenderedFile, RenderFormat

_ERRORS = (NotFoundError, ValidationError, LimitExceededError)


@strawberry.type
class LetterMutations:
    @strawberry.mutation(permission_classes=READ, description="A cover letter as a file in the style of its CV "
                         "(template, colour, font, page size, margins), with the CV's name and contact details "
                         "as the letterhead: PDF or DOCX, or TEXT for the letter's text alone (JSON_RESUME is a "
                         "ValidationError). The same letter and design are served from storage without rendering "
                         "again.")
    async def render_cover_letter(self, info: Info, id: strawberry.ID,
                                  format: RenderFormat = RenderFormat.PDF) -> RenderResult:
        return await as_result(resolve.render_cover_letter(info.context, id, format.value),
                               RenderedFile.from_domain, _ERRORS)
