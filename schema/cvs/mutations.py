"""Mutations of the CV area. Each returns a result union: the CV, or the expected error that prevented the write."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

import resolvers.cvs as resolve
from cvmaker.domain.cv import model as domain
from cvmaker.services.cvs import ImportedJsonResume
from schema.context import Info
from schema.cvs.inputs import CvInput, ItemInput, SectionInput, to_changes
from schema.cvs.types import Cv, Deleted, ImportFieldWarning, JsonResumeDocument
from schema.errors import (
    IdempotencyConflictError,
    NotFoundError,
    ValidationError,
    VersionConflictError,
    as_result,
)
from schema.idempotency import IdempotencyKey
from schema.permissions import READ, WRITE

CvResult = Annotated[
    Cv | NotFoundError | ValidationError | VersionConflictError | IdempotencyConflictError, strawberry.union("CvResult")
]
DeleteResult = Annotated[Deleted | NotFoundError, strawberry.union("DeleteResult")]
JsonResumeResult = Annotated[JsonResumeDocument | NotFoundError, strawberry.union("JsonResumeResult")]

_CV_ERRORS = (NotFoundError, ValidationError, VersionConflictError, IdempotencyConflictError)


async def _cv_result(call: Awaitable[domain.Cv]) -> CvResult:
    return await as_result(call, Cv.from_domain, _CV_ERRORS)


def _imported_cv(imported: ImportedJsonResume) -> Cv:
    cv = Cv.from_domain(imported.cv)
    cv.import_warnings = [ImportFieldWarning(path=w.path, message=w.message) for w in imported.warnings]
    return cv


@strawberry.type
class CvMutations:
    @strawberry.mutation(permission_classes=WRITE)
    async def create_cv(self, info: Info, input: CvInput, idempotency_key: IdempotencyKey = None) -> CvResult:
        return await _cv_result(resolve.create_cv(info.context, to_changes(input), idempotency_key))

    @strawberry.mutation(permission_classes=WRITE, description="Fails with a conflict unless `version` is current.")
    async def update_cv(self, info: Info, id: strawberry.ID, version: int, input: CvInput) -> CvResult:
        return await _cv_result(resolve.update_cv(info.context, id, version, to_changes(input)))

    @strawberry.mutation(permission_classes=WRITE)
    async def delete_cv(self, info: Info, id: strawberry.ID) -> DeleteResult:
        return await as_result(
            resolve.delete_cv(info.context, id), lambda i: Deleted(id=strawberry.ID(i)), (NotFoundError,)
        )

    @strawberry.mutation(permission_classes=WRITE)
    async def duplicate_cv(
        self, info: Info, id: strawberry.ID, title: str | None = None, idempotency_key: IdempotencyKey = None
    ) -> CvResult:
        return await _cv_result(resolve.duplicate_cv(info.context, id, title, idempotency_key))

    @strawberry.mutation(permission_classes=WRITE, description="Saves that version's content as a new version.")
    async def restore_cv_revision(self, info: Info, id: strawberry.ID, version: int) -> CvResult:
        return await _cv_result(resolve.restore_cv_revision(info.context, id, version))

    @strawberry.mutation(permission_classes=WRITE)
    async def add_section(
        self, info: Info, cv_id: strawberry.ID, version: int, input: SectionInput, position: int | None = None
    ) -> CvResult:
        return await _cv_result(resolve.add_section(info.context, cv_id, version, to_changes(input), position))

    @strawberry.mutation(permission_classes=WRITE)
    async def update_section(
        self, info: Info, cv_id: strawberry.ID, version: int, section_id: strawberry.ID, input: SectionInput
    ) -> CvResult:
        return await _cv_result(resolve.update_section(info.context, cv_id, version, section_id, to_changes(input)))

    @strawberry.mutation(permission_classes=WRITE)
    async def remove_section(
        self, info: Info, cv_id: strawberry.ID, version: int, section_id: strawberry.ID
    ) -> CvResult:
        return await _cv_result(resolve.remove_section(info.context, cv_id, version, section_id))

    @strawberry.mutation(permission_classes=WRITE)
    async def move_section(
        self, info: Info, cv_id: strawberry.ID, version: int, section_id: strawberry.ID, position: int
    ) -> CvResult:
        return await _cv_result(resolve.move_section(info.context, cv_id, version, section_id, position))

    @strawberry.mutation(permission_classes=WRITE)
    async def add_item(
        self,
        info: Info,
        cv_id: strawberry.ID,
        version: int,
        section_id: strawberry.ID,
        input: ItemInput,
        position: int | None = None,
    ) -> CvResult:
        return await _cv_result(resolve.add_item(info.context, cv_id, version, section_id, to_changes(input), position))

    @strawberry.mutation(permission_classes=WRITE)
    async def update_item(
        self, info: Info, cv_id: strawberry.ID, version: int, item_id: strawberry.ID, input: ItemInput
    ) -> CvResult:
        return await _cv_result(resolve.update_item(info.context, cv_id, version, item_id, to_changes(input)))

    @strawberry.mutation(permission_classes=WRITE)
    async def remove_item(self, info: Info, cv_id: strawberry.ID, version: int, item_id: strawberry.ID) -> CvResult:
        return await _cv_result(resolve.remove_item(info.context, cv_id, version, item_id))

    @strawberry.mutation(permission_classes=WRITE, description="Moves an item, possibly into another section.")
    async def move_item(
        self,
        info: Info,
        cv_id: strawberry.ID,
        version: int,
        item_id: strawberry.ID,
        section_id: strawberry.ID,
        position: int,
    ) -> CvResult:
        return await _cv_result(resolve.move_item(info.context, cv_id, version, item_id, section_id, position))

    @strawberry.mutation(permission_classes=WRITE, description="A new CV from a JSON Resume document.")
    async def import_json_resume(
        self, info: Info, document: JSON, title: str | None = None, idempotency_key: IdempotencyKey = None
    ) -> CvResult:
        return await as_result(
            resolve.import_json_resume(info.context, document, title, idempotency_key), _imported_cv, _CV_ERRORS
        )

    @strawberry.mutation(permission_classes=READ, description="The CV as a JSON Resume document.")
    async def export_json_resume(self, info: Info, id: strawberry.ID) -> JsonResumeResult:
        return await as_result(
            resolve.export_json_resume(info.context, id),
            lambda document: JsonResumeDocument(document=JSON(document)),
            (NotFoundError,),
        )
