"""GraphQL types of the application tracker, each an explicit mapping from the domain."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING

import strawberry

import resolvers.applications as resolve
import resolvers.matching as resolve_jobs
from cvmaker.domain.errors import NotFound
from cvmaker.domain.pagination import encode_cursor
from schema.context import Info
from schema.cvs.types import Cv, PageInfo
from schema.errors import FieldError
from schema.matching.types import Job

if TYPE_CHECKING:  # annotations only: the domain loads with the service, not at cold start
    from cvmaker.domain.applications import model


@strawberry.enum(description="Where an application stands.")
class ApplicationStage(Enum):
    SAVED = "SAVED"
    APPLIED = "APPLIED"
    INTERVIEW = "INTERVIEW"
    OFFER = "OFFER"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


@strawberry.type
class StageChange:
    stage: ApplicationStage
    on: date = strawberry.field(description="The day it happened, as the person gave it.")
    recorded_at: datetime


@strawberry.type
class ApplicationContact:
    name: str | None
    role: str | None
    email: str | None = strawberry.field(description="As typed: see the application's `warnings`.")
    phone: str | None = strawberry.field(description="As typed: see the application's `warnings`.")


@strawberry.type(
    description="A job application: a job posting, the CV version sent (frozen: later edits of the CV do not change "
    "it), an optional letter, its stage with the history of changes, notes, contacts and a follow-up date. When "
    "the CV or the job is deleted the application keeps its frozen data: `sentCv`, `cvTitle`, `jobTitle`, "
    "`company` and `matchScore` stay, while `job` becomes null."
)
class Application:
    id: strawberry.ID
    version: int = strawberry.field(description="Increments on every change; a change names the version it edits.")
    job_id: strawberry.ID
    job_title: str = strawberry.field(description="The job's title when it was chosen.")
    company: str | None
    cv_id: strawberry.ID
    cv_revision: int = strawberry.field(description="The CV's version that was sent (or will be, while saved).")
    cv_title: str
    letter_id: strawberry.ID | None
    stage: ApplicationStage
    history: list[StageChange] = strawberry.field(description="Every stage change, oldest first.")
    applied_on: date | None = strawberry.field(description="The day the CV went out, once it has.")
    notes: str
    contacts: list[ApplicationContact]
    follow_up: date | None
    match_score: float | None = strawberry.field(
        description="0 to 100: how well the CV sent matched the job when it was frozen; null when matching was "
        "unavailable then."
    )
    warnings: list[FieldError] = strawberry.field(
        description="What looks wrong in the contacts (an email or phone kept as typed)."
    )
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="The job posting as it is now; null once it is deleted.")
    async def job(self, info: Info) -> Job | None:
        found = await resolve_jobs.job(info.context, self.job_id)
        return Job.from_domain(found) if found else None

    @strawberry.field(description="The CV exactly as it was sent (the frozen revision), even after the CV is deleted.")
    async def sent_cv(self, info: Info) -> Cv | None:
        try:
            return Cv.from_domain(await resolve.sent_cv(info.context, self.id))
        except NotFound:
            return None

    @classmethod
    def from_domain(cls, application: model.Application) -> Application:
        from cvmaker.domain.applications.input import contact_warnings

        return cls(
            id=strawberry.ID(application.id),
            version=application.version,
            job_id=strawberry.ID(application.job_id),
            job_title=application.job_title,
            company=application.company,
            cv_id=strawberry.ID(application.cv_id),
            cv_revision=application.cv_revision,
            cv_title=application.cv_title,
            letter_id=strawberry.ID(application.letter_id) if application.letter_id else None,
            stage=ApplicationStage(application.stage.value),
            history=[
                StageChange(stage=ApplicationStage(c.stage.value), on=c.on, recorded_at=c.recorded_at)
                for c in application.history
            ],
            applied_on=application.applied_on,
            notes=application.notes,
            contacts=[
                ApplicationContact(name=c.name, role=c.role, email=c.email, phone=c.phone) for c in application.contacts
            ],
            follow_up=application.follow_up,
            match_score=application.match_score,
            warnings=[FieldError(path=w.path, message=w.message) for w in contact_warnings(application.contacts)],
            created_at=application.created_at,
            updated_at=application.updated_at,
        )


@strawberry.type
class ApplicationEdge:
    cursor: str
    node: Application


@strawberry.type
class ApplicationConnection:
    edges: list[ApplicationEdge]
    page_info: PageInfo

    @classmethod
    def from_domain(cls, page: model.ApplicationPage) -> ApplicationConnection:
        return cls(
            edges=[ApplicationEdge(cursor=encode_cursor(a.id), node=Application.from_domain(a)) for a in page.items],
            page_info=PageInfo(has_next_page=page.next_cursor is not None, end_cursor=page.next_cursor),
        )
