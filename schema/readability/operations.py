"""Queries of the readability area."""

from __future__ import annotations

from typing import Annotated

import strawberry

import resolvers.readability as resolve
from schema.context import Info
from schema.cvs.inputs import DesignInput, to_changes
from schema.errors import LimitExceededError, NotFoundError, QuotaExceededError, ValidationError, as_result
from schema.permissions import READ
from schema.readability.types import ReadabilityReport, ReadableFormat

ReadabilityResult = Annotated[
    ReadabilityReport | NotFoundError | ValidationError | QuotaExceededError | LimitExceededError,
    strawberry.union("ReadabilityResult"),
]
_ERRORS = (NotFoundError, ValidationError, QuotaExceededError, LimitExceededError)


@strawberry.type
class ReadabilityQueries:
    @strawberry.field(
        permission_classes=READ,
        description="What a parser (CV Maker's own importer) reads back from the CV exported as `format` in its "
        "design with `design` applied: each field read, mangled or lost, a score and advice. Counts as a render "
        "and an import.",
    )
    async def readability_report(
        self, info: Info, cv_id: strawberry.ID, format: ReadableFormat, design: DesignInput | None = None
    ) -> ReadabilityResult:
        return await as_result(
            resolve.readability_report(info.context, cv_id, to_changes(design) if design else None, format.value),
            ReadabilityReport.from_domain,
            _ERRORS,
        )
