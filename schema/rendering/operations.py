"""Queries and mutations of the rendering area."""

from __future__ import annotations

from typing import Annotated

import strawberry

import resolvers.rendering as resolve
from schema.context import Info
from schema.cvs.inputs import CvInput, DesignInput, to_changes
from schema.errors import LimitExceededError, NotFoundError, QuotaExceededError, ValidationError, as_result
from schema.permissions import READ
from schema.rendering.types import Preview, RenderedFile, RenderFormat, Template

RenderResult = Annotated[
    RenderedFile | NotFoundError | ValidationError | LimitExceededError | QuotaExceededError,
    strawberry.union("RenderResult"),
]
PreviewResult = Annotated[
    Preview | NotFoundError | ValidationError | LimitExceededError | QuotaExceededError,
    strawberry.union("PreviewResult"),
]
_ERRORS = (NotFoundError, ValidationError, LimitExceededError, QuotaExceededError)


@strawberry.type
class RenderingQueries:
    @strawberry.field(permission_classes=READ, description="The CV templates.")
    def templates(self, info: Info) -> list[Template]:
        return [Template.from_domain(t) for t in resolve.templates(info.context)]

    @strawberry.field(
        permission_classes=READ,
        description="The pages of the PDF as images: of a saved CV (`cvId`), with unsaved edits (`input`) applied "
        "when given, or of `input` alone. `design` overrides the CV's design.",
    )
    async def preview_cv(
        self,
        info: Info,
        cv_id: strawberry.ID | None = None,
        input: CvInput | None = None,
        design: DesignInput | None = None,
    ) -> PreviewResult:
        changes = to_changes(input) if input else None
        return await as_result(
            resolve.preview_cv(info.context, cv_id, changes, to_changes(design) if design else None),
            Preview.from_domain,
            _ERRORS,
        )


@strawberry.type
class RenderingMutations:
    @strawberry.mutation(
        permission_classes=READ,
        description="The CV as a file; the same content is served from storage without rendering again.",
    )
    async def render_cv(
        self,
        info: Info,
        cv_id: strawberry.ID,
        design: DesignInput | None = None,
        format: RenderFormat = RenderFormat.PDF,
    ) -> RenderResult:
        return await as_result(
            resolve.render_cv(info.context, cv_id, to_changes(design) if design else None, format.value),
            RenderedFile.from_domain,
            _ERRORS,
        )
