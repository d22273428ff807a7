"""Readability operations. A report renders a file and parses it (each 100 ms and more): it runs in a worker
thread (and, below it, in the render and import worker processes), never on the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from anyio.to_thread import run_sync

from resolvers.context import Context

if TYPE_CHECKING:  # annotations only: the service modules load on first use, not at cold start
    from cvmaker.domain.readability.model import ReadabilityReport


async def readability_report(
    ctx: Context, cv_id: str, design: dict[str, Any] | None, render_format: str
) -> ReadabilityReport:
    readability, owner = ctx.services.readability, ctx.owner
    return await run_sync(lambda: readability.report(owner, cv_id, design, render_format))
