"""Queries and mutations of the application tracker. Another user's application, job, CV or letter answers
exactly like a missing one."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

import resolvers.applications as resolve
from cvmaker.domain.applications import input as domain_input
from cvmaker.domain.applications import model as domain
from schema.applications.types import Application, ApplicationConnection, ApplicationStage
from schema.context import Info
from schema.cvs.mutations import DeleteResult
from schema.cvs.types import Deleted
from schema.errors import (
    IdempotencyConflictError,
    NotFoundError,
    ValidationError,
    VersionConflictError,
    as_result,
)
from schema.idempotency import IdempotencyKey
from schema.permissions import READ, WRITE

ApplicationResult = Annotated[
    Application | NotFoundError | ValidationError | VersionConflictError | IdempotencyConflictError,
    strawberry.union("ApplicationResult"),
]
_ERRORS = (NotFoundError, ValidationError, VersionConflictError, IdempotencyConflictError)


@strawberry.input
class ApplicationContactInput:
    name: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None


@strawberry.input
class ApplicationInput:
    job_id: strawberry.ID
    cv_id: strawberry.ID
    letter_id: strawberry.ID | None = None
    stage: ApplicationStage = ApplicationStage.SAVED
    on: date | None = strawberry.field(default=None, description="The day of that stage; today when not given.")
    notes: str = ""
    contacts: list[ApplicationContactInput] = strawberry.field(default_factory=list)
    follow_up: date | None = None


@strawberry.input(description="Only the fields given change; `letterId` and `followUp` given as null are cleared.")
class ApplicationUpdateInput:
    job_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only while the application is saved: where it went never changes."
    )
    cv_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only while the application is saved: what was sent never changes."
    )
    letter_id: strawberry.ID | None = strawberry.UNSET
    notes: str | None = None
    contacts: list[ApplicationContactInput] | None = None
    follow_up: date | None = strawberry.UNSET


def _contacts(given: list[ApplicationContactInput]) -> tuple[domain.Contact, ...]:
    return tuple(domain.Contact(c.name, c.role, c.email, c.phone) for c in given)


def _filter(
    stage: list[ApplicationStage] | None, cv_id: str | None, job_id: str | None, follow_up_before: date | None
) -> domain.ApplicationFilter:
    return domain.ApplicationFilter(
        stages=frozenset(domain.Stage(s.value) for s in stage or ()),
        cv_id=cv_id,
        job_id=job_id,
        follow_up_by=follow_up_before,
    )


def _changes(given: ApplicationUpdateInput) -> domain_input.ApplicationChanges:
    return domain_input.ApplicationChanges(
        job_id=given.job_id,
        cv_id=given.cv_id,
        letter_id=domain_input.KEEP if given.letter_id is strawberry.UNSET else given.letter_id,
        notes=given.notes,
        contacts=_contacts(given.contacts) if given.contacts is not None else None,
        follow_up=domain_input.KEEP if given.follow_up is strawberry.UNSET else given.follow_up,
    )


@strawberry.type
class ApplicationQueries:
    @strawberry.field(permission_classes=READ, description="One of your applications, or null.")
    async def application(self, info: Info, id: strawberry.ID) -> Application | None:
        found = await resolve.application(info.context, id)
        return Application.from_domain(found) if found else None

    @strawberry.field(
        permission_classes=READ,
        description="Your applications, newest first, those that every filter given matches: `stage` any of these "
        "stages, `cvId` and `jobId` that CV or job, `followUpBefore` a follow-up date on or before that day.",
    )
    async def applications(
        self,
        info: Info,
        stage: list[ApplicationStage] | None = None,
        cv_id: strawberry.ID | None = None,
        job_id: strawberry.ID | None = None,
        follow_up_before: date | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> ApplicationConnection:
        where = _filter(stage, cv_id, job_id, follow_up_before)
        return ApplicationConnection.from_domain(await resolve.applications(info.context, where, first, after))


@strawberry.type
class ApplicationMutations:
    @strawberry.mutation(
        permission_classes=WRITE,
        description="Track an application: freezes the CV's current version and scores the match.",
    )
    async def create_application(
        self, info: Info, input: ApplicationInput, idempotency_key: IdempotencyKey = None
    ) -> ApplicationResult:
        given = domain_input.ApplicationInput(
            job_id=input.job_id,
            cv_id=input.cv_id,
            letter_id=input.letter_id,
            stage=domain.Stage(input.stage.value),
            on=input.on,
            notes=input.notes,
            contacts=_contacts(input.contacts),
            follow_up=input.follow_up,
        )
        return await as_result(
            resolve.create_application(info.context, given, idempotency_key), Application.from_domain, _ERRORS
        )

    @strawberry.mutation(permission_classes=WRITE, description="Fails with a conflict unless `version` is current.")
    async def update_application(
        self, info: Info, id: strawberry.ID, version: int, input: ApplicationUpdateInput
    ) -> ApplicationResult:
        return await as_result(
            resolve.update_application(info.context, id, version, _changes(input)), Application.from_domain, _ERRORS
        )

    @strawberry.mutation(
        permission_classes=WRITE,
        description="Move to another stage on a day (today when not given). The first move of a saved application "
        "to a sent stage (applied, interview, offer, rejected) freezes the CV as it is then and scores the match.",
    )
    async def move_application(
        self,
        info: Info,
        id: strawberry.ID,
        version: int,
        stage: ApplicationStage,
        on: date | None = None,
    ) -> ApplicationResult:
        return await as_result(
            resolve.move_application(info.context, id, version, domain.Stage(stage.value), on),
            Application.from_domain,
            _ERRORS,
        )

    @strawberry.mutation(permission_classes=WRITE, description="Delete the application and the CV frozen for it.")
    async def delete_application(self, info: Info, id: strawberry.ID) -> DeleteResult:
        return await as_result(
            resolve.delete_application(info.context, id), lambda i: Deleted(id=strawberry.ID(i)), (NotFoundError,)
        )
