"""CV operations: one plain function per query or mutation, `(context, plain arguments) -> domain result`.

Expected failures are raised as `cvmaker.domain.errors.DomainError`s; the schema turns them into result-union
members. No GraphQL here, so these are testable without a schema.
"""

from __future__ import annotations

from typing import Any

from cvmaker.domain.cv.model import Cv, Page, Revision
from cvmaker.domain.errors import NotFound
from cvmaker.services import idempotency
from cvmaker.services.cvs import ImportedJsonResume
from resolvers.context import Context
from resolvers.idempotency import once


async def cv(ctx: Context, cv_id: str) -> Cv | None:
    if ctx.load_cv is not None:
        return await ctx.load_cv(cv_id)
    return ctx.services.cvs.find(ctx.owner, cv_id)


async def cvs(ctx: Context, first: int, after: str | None) -> Page:
    return ctx.services.cvs.list(ctx.owner, first, after)


async def cv_revisions(ctx: Context, cv_id: str) -> list[Revision]:
    """Another user's CV has no revisions, exactly like a CV that does not exist."""
    try:
        return ctx.services.cvs.revisions(ctx.owner, cv_id)
    except NotFound:
        return []


async def cv_revision(ctx: Context, cv_id: str, version: int) -> Cv | None:
    try:
        return ctx.services.cvs.revision(ctx.owner, cv_id, version)
    except NotFound:
        return None


async def create_cv(ctx: Context, changes: dict[str, Any], idempotency_key: str | None = None) -> Cv:
    cvs, owner = ctx.services.cvs, ctx.owner
    return await once(
        ctx,
        "createCv",
        idempotency_key,
        {"input": changes},
        lambda: cvs.create(owner, changes),
        lambda: idempotency.cv_replay(cvs),
        blocking=False,
    )


async def update_cv(ctx: Context, cv_id: str, version: int, changes: dict[str, Any]) -> Cv:
    return ctx.services.cvs.update(ctx.owner, cv_id, version, changes)


async def delete_cv(ctx: Context, cv_id: str) -> str:
    ctx.services.cvs.delete(ctx.owner, cv_id)
    return cv_id


async def duplicate_cv(ctx: Context, cv_id: str, title: str | None, idempotency_key: str | None = None) -> Cv:
    cvs, owner = ctx.services.cvs, ctx.owner
    return await once(
        ctx,
        "duplicateCv",
        idempotency_key,
        {"id": cv_id, "title": title},
        lambda: cvs.duplicate(owner, cv_id, title),
        lambda: idempotency.cv_replay(cvs),
        blocking=False,
    )


async def restore_cv_revision(ctx: Context, cv_id: str, version: int) -> Cv:
    return ctx.services.cvs.restore_revision(ctx.owner, cv_id, version)


async def add_section(ctx: Context, cv_id: str, version: int, changes: dict[str, Any], position: int | None) -> Cv:
    return ctx.services.cvs.add_section(ctx.owner, cv_id, version, changes, position)


async def update_section(ctx: Context, cv_id: str, version: int, section_id: str, changes: dict[str, Any]) -> Cv:
    return ctx.services.cvs.update_section(ctx.owner, cv_id, version, section_id, changes)


async def remove_section(ctx: Context, cv_id: str, version: int, section_id: str) -> Cv:
    return ctx.services.cvs.remove_section(ctx.owner, cv_id, version, section_id)


async def move_section(ctx: Context, cv_id: str, version: int, section_id: str, position: int) -> Cv:
    return ctx.services.cvs.move_section(ctx.owner, cv_id, version, section_id, position)


async def add_item(
    ctx: Context, cv_id: str, version: int, section_id: str, changes: dict[str, Any], position: int | None
) -> Cv:
    return ctx.services.cvs.add_item(ctx.owner, cv_id, version, section_id, changes, position)


async def update_item(ctx: Context, cv_id: str, version: int, item_id: str, changes: dict[str, Any]) -> Cv:
    return ctx.services.cvs.update_item(ctx.owner, cv_id, version, item_id, changes)


async def remove_item(ctx: Context, cv_id: str, version: int, item_id: str) -> Cv:
    return ctx.services.cvs.remove_item(ctx.owner, cv_id, version, item_id)


async def move_item(ctx: Context, cv_id: str, version: int, item_id: str, section_id: str, position: int) -> Cv:
    return ctx.services.cvs.move_item(ctx.owner, cv_id, version, item_id, section_id, position)


async def import_json_resume(
    ctx: Context, document: Any, title: str | None, idempotency_key: str | None = None
) -> ImportedJsonResume:
    cvs, owner = ctx.services.cvs, ctx.owner
    return await once(
        ctx,
        "importJsonResume",
        idempotency_key,
        {"document": document, "title": title},
        lambda: cvs.import_json_resume(owner, document, title),
        lambda: idempotency.json_resume_replay(cvs),
        blocking=False,
    )


async def export_json_resume(ctx: Context, cv_id: str) -> dict[str, Any]:
    return ctx.services.cvs.export_json_resume(ctx.owner, cv_id)
