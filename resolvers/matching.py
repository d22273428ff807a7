"""Jobs, matching and tailoring. Embedding and writing take tens of milliseconds or a network call: they run in
a worker thread, off the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from cvmaker.services import idempotency
from resolvers.context import Context
from resolvers.idempotency import once

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.domain.matching.jobs import Job, JobPage
    from cvmaker.domain.matching.results import Match, RankedCv, RankedJob, Tailored


async def create_job(
    ctx: Context, title: str, company: str | None, description: str, idempotency_key: str | None = None
) -> Job:
    jobs, owner = ctx.services.jobs, ctx.owner
    return await once(
        ctx,
        "createJob",
        idempotency_key,
        {"title": title, "company": company, "description": description},
        lambda: jobs.create(owner, title, company, description),
        lambda: idempotency.job_replay(jobs),
    )


async def job(ctx: Context, job_id: str) -> Job | None:
    return ctx.services.jobs.find(ctx.owner, job_id)


async def jobs(ctx: Context, first: int, after: str | None) -> JobPage:
    return ctx.services.jobs.list(ctx.owner, first, after)


async def delete_job(ctx: Context, job_id: str) -> str:
    ctx.services.jobs.delete(ctx.owner, job_id)
    return job_id


async def match_cv(ctx: Context, cv_id: str, job_id: str) -> Match:
    matching, owner = ctx.services.matching, ctx.owner
    return await run_sync(lambda: matching.match(owner, cv_id, job_id))


async def rank_jobs(ctx: Context, cv_id: str, first: int) -> list[RankedJob]:
    matching, owner = ctx.services.matching, ctx.owner
    return await run_sync(lambda: matching.rank_jobs(owner, cv_id, first))


async def rank_cvs(ctx: Context, job_id: str, first: int) -> list[RankedCv]:
    matching, owner = ctx.services.matching, ctx.owner
    return await run_sync(lambda: matching.rank_cvs(owner, job_id, first))


async def tailor_cv(ctx: Context, cv_id: str, job_id: str, idempotency_key: str | None = None) -> Tailored:
    tailoring, owner = ctx.services.tailoring, ctx.owner
    return await once(
        ctx,
        "tailorCv",
        idempotency_key,
        {"cvId": cv_id, "jobId": job_id},
        lambda: tailoring.tailor(owner, cv_id, job_id),
        lambda: idempotency.tailored_replay(ctx.services.cvs),
    )
