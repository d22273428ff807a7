"""The application tracker. Creating, re-freezing a CV and moving to a sent stage score the match, which embeds
text: those run in a worker thread, off the event loop."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from resolvers.context import Context
from resolvers.idempotency import once

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.domain.applications.input import ApplicationChanges, ApplicationInput
    from cvmaker.domain.applications.model import Application, ApplicationFilter, ApplicationPage, Stage
    from cvmaker.domain.cv.model import Cv


async def application(ctx: Context, application_id: str) -> Application | None:
    return ctx.services.applications.find(ctx.owner, application_id)


async def applications(ctx: Context, where: ApplicationFilter, first: int, after: str | None) -> ApplicationPage:
    return ctx.services.applications.list(ctx.owner, where, first, after)


async def sent_cv(ctx: Context, application_id: str) -> Cv:
    return ctx.services.applications.sent_cv(ctx.owner, application_id)


async def create_application(ctx: Context, given: ApplicationInput, idempotency_key: str | None = None) -> Application:
    from cvmaker.services.applications import application_replay

    service, owner = ctx.services.applications, ctx.owner
    return await once(
        ctx,
        "createApplication",
        idempotency_key,
        {"input": given},
        lambda: service.create(owner, given),
        lambda: application_replay(service),
    )


async def update_application(
    ctx: Context, application_id: str, version: int, changes: ApplicationChanges
) -> Application:
    service, owner = ctx.services.applications, ctx.owner
    return await run_sync(lambda: service.update(owner, application_id, version, changes))


async def move_application(
    ctx: Context, application_id: str, version: int, stage: Stage, on: date | None
) -> Application:
    service, owner = ctx.services.applications, ctx.owner
    return await run_sync(lambda: service.move(owner, application_id, version, stage, on))


async def delete_application(ctx: Context, application_id: str) -> str:
    ctx.services.applications.delete(ctx.owner, application_id)
    return application_id
