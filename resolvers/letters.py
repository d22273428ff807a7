"""Cover letters as files: a stored letter rendered in the style of the CV it was written from. Rendering is CPU
work of 100 ms and more: it runs in a worker thread (and, below it, in warm worker processes)."""

from __future__ import annotations

from typing import Any

import anyio

from resolvers.context import Context
from resolvers.rendering import Download


async def render_cover_letter(ctx: Context, letter_id: str, render_format: str) -> Download:
    """The letter `letter_id` of the caller as PDF, DOCX or TEXT. Another user's letter is `NotFound`."""
    from cvmaker.services.letters import LetterRenderService, find_cover_letter, letter_format

    chosen_format = letter_format(render_format)  # a wrong format is refused before anything is looked up
    services, owner = ctx.services, ctx.owner
    rendering = services.rendering
    letters = LetterRenderService.over(rendering)

    def render() -> Any:
        letter, cv = find_cover_letter(services.cvs, services.tailoring, owner, letter_id)
        return letters.render(owner, letter, cv.document, chosen_format)

    rendered = await anyio.to_thread.run_sync(render)
    return Download(rendered, rendering.blobs.download_url(rendered.key, rendered.filename))
