"""Cover letters: written from a CV for a job, listed with their CV, rendered in the CV's style. Writing and
rendering take 100 ms and more: they run in a worker thread (and, below it, in warm worker processes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from cvmaker.services import idempotency
from resolvers.context import Context
from resolvers.idempotency import once

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.domain.matching.results import CoverLetter
    from cvmaker.services.rendering import Download


async def generate_cover_letter(
    ctx: Context, cv_id: str, job_id: str, idempotency_key: str | None = None
) -> CoverLetter:
    letters, owner = ctx.services.letters, ctx.owner
    return await once(
        ctx,
        "generateCoverLetter",
        idempotency_key,
        {"cvId": cv_id, "jobId": job_id},
        lambda: letters.generate(owner, cv_id, job_id),
        lambda: idempotency.letter_replay(letters.letters),
    )


async def cover_letters(ctx: Context, cv_id: str) -> list[CoverLetter]:
    return ctx.services.letters.list_for_cv(ctx.owner, cv_id)


async def render_cover_letter(ctx: Context, letter_id: str, render_format: str) -> Download:
    """The letter `letter_id` of the caller as PDF, DOCX or TEXT. Another user's letter is `NotFound`."""
    letters, owner = ctx.services.letters, ctx.owner
    return await run_sync(lambda: letters.render_letter(owner, letter_id, render_format))
