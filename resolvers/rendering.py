"""Rendering operations. Rendering is CPU work of 100 ms and more: it runs in a worker thread (and, below it, in
warm worker processes), never on the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from anyio.to_thread import run_sync

from resolvers.context import Context

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.domain.rendering.templates import TemplateInfo
    from cvmaker.services.rendering import Download, PreviewPage


def templates(ctx: Context) -> list[TemplateInfo]:
    return ctx.services.rendering.templates.all()


async def render_cv(ctx: Context, cv_id: str, design: dict[str, Any] | None, render_format: str) -> Download:
    from cvmaker.services.rendering import RenderFormat

    rendering, owner = ctx.services.rendering, ctx.owner
    return await run_sync(lambda: rendering.render_cv(owner, cv_id, design, RenderFormat(render_format)))


async def preview_cv(
    ctx: Context, cv_id: str | None, changes: dict[str, Any] | None, design: dict[str, Any] | None
) -> list[PreviewPage]:
    rendering, owner = ctx.services.rendering, ctx.owner
    return await run_sync(lambda: rendering.preview_cv(owner, cv_id, changes, design))
