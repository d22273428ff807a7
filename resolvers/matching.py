"""Jobs, matching and tailoring. Embedding and writing take tens of milliseconds or a network call: they run in
a worker thread, off the event loop."""

from __future__ import annotations

from typing import Any

import anyio

from cvmaker.domain.errors import NotFound
from resolvers.context import Context


async def create_job(ctx: Context, title: str, company: str | None, description: str) -> Any:
    services, owner = ctx.services, ctx.owner

    def create() -> Any:
        job = services.jobs.create(owner, title, company, description)
        services.matching.remember_job(job)
        return job

    return await anyio.to_thread.run_sync(create)


async def job(ctx: Context, job_id: str) -> Any:
    return ctx.services.jobs.find(ctx.owner, job_id)


async def jobs(ctx: Context, first: int, after: str | None) -> Any:
    return ctx.services.jobs.list(ctx.owner, first, after)


async def delete_job(ctx: Context, job_id: str) -> str:
    ctx.services.jobs.delete(ctx.owner, job_id)
    return job_id


async def match_cv(ctx: Context, cv_id: str, job_id: str) -> Any:
    matching, owner = ctx.services.matching, ctx.owner
    return await anyio.to_thread.run_sync(lambda: matching.match(owner, cv_id, job_id))


async def rank_jobs(ctx: Context, cv_id: str, first: int) -> list[Any]:
    matching, owner = ctx.services.matching, ctx.owner
    try:
        return await anyio.to_thread.run_sync(lambda: matching.rank_jobs(owner, cv_id, first))
    except NotFound:  # another user's CV ranks nothing, exactly like a missing one
        return []


async def rank_cvs(ctx: Context, job_id: str, first: int) -> list[Any]:
    matching, owner = ctx.services.matching, ctx.owner
    try:
        return await anyio.to_thread.run_sync(lambda: matching.rank_cvs(owner, job_id, first))
    except NotFound:
        return []


async def tailor_cv(ctx: Context, cv_id: str, job_id: str) -> Any:
    tailoring, owner = ctx.services.tailoring, ctx.owner
    return await anyio.to_thread.run_sync(lambda: tailoring.tailor(owner, cv_id, job_id))


async def generate_cover_letter(ctx: Context, cv_id: str, job_id: str) -> Any:
    tailoring, owner = ctx.services.tailoring, ctx.owner
    return await anyio.to_thread.run_sync(lambda: tailoring.cover_letter(owner, cv_id, job_id))


async def cover_letters(ctx: Context, cv_id: str) -> list[Any]:
    try:
        return ctx.services.tailoring.cover_letters(ctx.owner, cv_id)
    except NotFound:
        return []
