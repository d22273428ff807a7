"""Cover letters: written from a CV for a job, listed with their CV, edited as documents with revisions, rendered
in the CV's style. Writing and rendering take 100 ms and more, and checking an edit against the CV reads the
whole CV: they run in a worker thread (and, below it, in warm worker processes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anyio.to_thread import run_sync

from cvmaker.domain.errors import NotFound
from cvmaker.services import idempotency
from resolvers.context import Context
from resolvers.idempotency import once

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.domain.letters.documents import LetterRevision
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


async def cover_letters(ctx: Context, cv_id: str | None) -> list[CoverLetter]:
    """The letters of one CV, or every letter of the caller when `cv_id` is None; newest first."""
    if cv_id is None:
        return ctx.services.letters.list_all(ctx.owner)
    return ctx.services.letters.list_for_cv(ctx.owner, cv_id)


async def cover_letter(ctx: Context, letter_id: str) -> CoverLetter | None:
    return ctx.services.letters.find(ctx.owner, letter_id)


async def cover_letter_revisions(ctx: Context, letter_id: str) -> list[LetterRevision]:
    """Another user's letter has no revisions, exactly like a letter that does not exist."""
    try:
        return ctx.services.letters.revisions(ctx.owner, letter_id)
    except NotFound:
        return []


async def update_cover_letter(
    ctx: Context, letter_id: str, version: int, text: str | None, title: str | None
) -> CoverLetter:
    """`text` or `title` None keeps it as it is."""
    from cvmaker.domain.letters.documents import LetterEdit

    letters, owner, edit = ctx.services.letters, ctx.owner, LetterEdit(text=text, title=title)
    return await run_sync(lambda: letters.update(owner, letter_id, version, edit))


async def restore_cover_letter_revision(ctx: Context, letter_id: str, revision: int, version: int) -> CoverLetter:
    letters, owner = ctx.services.letters, ctx.owner
    return await run_sync(lambda: letters.restore_revision(owner, letter_id, revision, version))


async def delete_cover_letter(ctx: Context, letter_id: str) -> str:
    return ctx.services.letters.delete(ctx.owner, letter_id)


async def render_cover_letter(ctx: Context, letter_id: str, render_format: str) -> Download:
    """The letter `letter_id` of the caller as PDF, DOCX or TEXT. Another user's letter is `NotFound`."""
    letters, owner = ctx.services.letters, ctx.owner
    return await run_sync(lambda: letters.render_letter(owner, letter_id, render_format))
