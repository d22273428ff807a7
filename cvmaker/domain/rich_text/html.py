"""Rich text as HTML, escaped at every text node and attribute: the only HTML a user's text ever becomes.
Templates print the result without escaping it again (the HTML adapter marks it safe), so nothing else may
build it."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from cvmaker.domain.rich_text.model import Block, BulletList, Emphasis, Inline, LineBreak, Link, Strong, Text


def inlines_html(inlines: Iterable[Inline]) -> str:
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text):
            parts.append(escape(inline.text))
        elif isinstance(inline, LineBreak):
            parts.append("<br>")
        elif isinstance(inline, Strong):
            parts.append(f"<strong>{inlines_html(inline.children)}</strong>")
        elif isinstance(inline, Emphasis):
            parts.append(f"<em>{inlines_html(inline.children)}</em>")
        elif isinstance(inline, Link):
            parts.append(f'<a href="{escape(inline.href)}">{inlines_html(inline.children)}</a>')
    return "".join(parts)


def blocks_html(blocks: Iterable[Block], list_class: str) -> str:
    """Paragraphs as <p>, bullet lists as <ul class="`list_class`">."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, BulletList):
            items = "".join(f"<li>{inlines_html(item)}</li>" for item in block.items)
            parts.append(f'<ul class="{escape(list_class)}">{items}</ul>')
        else:
            parts.append(f"<p>{inlines_html(block.children)}</p>")
    return "".join(parts)


def blocks_inline_html(blocks: Iterable[Block], bullet: str) -> str:
    """Blocks where only inline HTML may go (a skills row): each paragraph line and list item on a line of its
    own, list items after `bullet`."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, BulletList):
            lines += [escape(bullet) + " " + inlines_html(item) for item in block.items]
        else:
            lines.append(inlines_html(block.children))
    return "<br>".join(lines)
