"""Queries and mutations of the jobs area."""

from __future__ import annotations

from typing import Annotated

import strawberry

import resolvers.matching as resolve
from schema.context import Info
from schema.cvs.mutations import DeleteResult
from schema.cvs.types import Cv, Deleted
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
from schema.matching.types import (
    Job,
    JobConnection,
    Match,
    RankedCv,
    RankedJob,
    Tailored,
)
from schema.permissions import READ, WRITE

JobResult = Annotated[
    Job | ValidationError | LimitExceededError | QuotaExceededError | IdempotencyConflictError,
    strawberry.union("JobResult"),
]
MatchResult = Annotated[Match | NotFoundError | UnavailableError, strawberry.union("MatchResult")]
TailorResult = Annotated[
    Tailored | NotFoundError | ValidationError | UnavailableError | QuotaExceededError | IdempotencyConflictError,
    strawberry.union("TailorResult"),
]


@strawberry.input
class JobInput:
    title: str
    company: str | None = None
    description: str


async def _match(info: Info, cv_id: str, job_id: str) -> MatchResult:
    return await as_result(
        resolve.match_cv(info.context, cv_id, job_id), Match.from_domain, (NotFoundError, UnavailableError)
    )


@strawberry.type
class JobQueries:
    @strawberry.field(permission_classes=READ, description="One of your saved job postings, or null.")
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        job = await resolve.job(info.context, id)
        return Job.from_domain(job) if job else None

    @strawberry.field(permission_classes=READ, description="Your saved job postings, newest first.")
    async def jobs(self, info: Info, first: int = 20, after: str | None = None) -> JobConnection:
        return JobConnection.from_domain(await resolve.jobs(info.context, first, after))

    @strawberry.field(permission_classes=READ, description="How well a CV matches a job, and why (as `matchCv`).")
    async def job_match(self, info: Info, cv_id: strawberry.ID, job_id: strawberry.ID) -> MatchResult:
        return await _match(info, cv_id, job_id)

    @strawberry.field(permission_classes=READ, description="Your saved jobs, best match for this CV first.")
    async def rank_jobs(self, info: Info, cv_id: strawberry.ID, first: int = 10) -> list[RankedJob]:
        return [
            RankedJob(job=Job.from_domain(r.job), score=r.score)
            for r in await resolve.rank_jobs(info.context, cv_id, first)
        ]

    @strawberry.field(permission_classes=READ, description="Your CVs, best match for this job first.")
    async def rank_cvs(self, info: Info, job_id: strawberry.ID, first: int = 10) -> list[RankedCv]:
        return [
            RankedCv(cv=Cv.from_domain(r.cv), score=r.score)
            for r in await resolve.rank_cvs(info.context, job_id, first)
        ]


@strawberry.type
class JobMutations:
    @strawberry.mutation(permission_classes=WRITE, description="Save a posting and read its requirements.")
    async def create_job(self, info: Info, input: JobInput, idempotency_key: IdempotencyKey = None) -> JobResult:
        return await as_result(
            resolve.create_job(info.context, input.title, input.company, input.description, idempotency_key),
            Job.from_domain,
            (ValidationError, LimitExceededError, QuotaExceededError, IdempotencyConflictError),
        )

    @strawberry.mutation(permission_classes=WRITE)
    async def delete_job(self, info: Info, id: strawberry.ID) -> DeleteResult:
        return await as_result(
            resolve.delete_job(info.context, id), lambda i: Deleted(id=strawberry.ID(i)), (NotFoundError,)
        )

    @strawberry.mutation(
        permission_classes=READ,
        description="A 0-100 score with its breakdown, matched and "
        "missing requirements, and the CV items that evidence each.",
    )
    async def match_cv(self, info: Info, cv_id: strawberry.ID, job_id: strawberry.ID) -> MatchResult:
        return await _match(info, cv_id, job_id)

    @strawberry.mutation(
        permission_classes=WRITE,
        description="A new CV tailored to the job, and its changes; "
        "nothing that is not in the source CV is ever added.",
    )
    async def tailor_cv(
        self, info: Info, cv_id: strawberry.ID, job_id: strawberry.ID, idempotency_key: IdempotencyKey = None
    ) -> TailorResult:
        return await as_result(
            resolve.tailor_cv(info.context, cv_id, job_id, idempotency_key),
            Tailored.from_domain,
            (NotFoundError, ValidationError, UnavailableError, QuotaExceededError, IdempotencyConflictError),
        )
