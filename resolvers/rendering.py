"""Rendering operations. Rendering is CPU work of 100 ms and more: it runs in a worker thread (and, below it, in
warm worker processes), never on the event loop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import anyio

from cvmaker.domain.cv import editing
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.errors import NotFound
from resolvers.context import Context


@dataclass(frozen=True, slots=True)
class Download:
    """A rendered file and the short-lived URL it can be fetched from."""

    file: Any  # cvmaker.services.rendering.RenderedFile
    url: str


def templates(ctx: Context) -> list[Any]:
    return ctx.services.rendering.templates.all()


async def render_cv(ctx: Context, cv_id: str, design: dict[str, Any] | None, render_format: str) -> Download:
    from cvmaker.services.rendering import RenderFormat

    cv = ctx.services.cvs.get(ctx.owner, cv_id)
    rendering = ctx.services.rendering
    rendered = await anyio.to_thread.run_sync(
        lambda: rendering.render(ctx.owner, cv.id, cv.document, design or None, RenderFormat(render_format)))
    return Download(rendered, rendering.blobs.download_url(rendered.key, rendered.filename))


def _document_to_preview(ctx: Context, cv_id: str | None, changes: dict[str, Any] | None) -> CvDocument:
    """A saved CV, with unsaved edits applied on top when given, or a document made only of the edits."""
    if cv_id is not None:
        base = ctx.services.cvs.get(ctx.owner, cv_id).document.to_dict()
        return CvDocument.from_dict(editing.apply_changes(base, changes) if changes else base)
    if changes is None:
        raise NotFound()
    return CvDocument.from_dict(editing.new_document(changes))


async def preview_cv(ctx: Context, cv_id: str | None, changes: dict[str, Any] | None,
                     design: dict[str, Any] | None) -> list[Any]:
    document = _document_to_preview(ctx, cv_id, changes)
    rendering = ctx.services.rendering
    return await anyio.to_thread.run_sync(lambda: rendering.preview(document, design or None))
