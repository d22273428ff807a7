"""Rich text as plain text, markers gone, in two forms: `plain_text`/`plain_line` (a link as "text (address)",
list lines as "- "), what the plain-text export prints; and `shown_text`/`shown_line` (a link as its text), what a
reader sees on the page, which matching, tailoring, letters and readability read, so they never see "**"."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from cvmaker.domain.rich_text.model import Block, BulletList, Emphasis, Inline, LineBreak, Link, Strong, Text
from cvmaker.domain.rich_text.parsing import parse_blocks, parse_inlines

_CACHED = 4096


def shown_address(href: str) -> str:
    """An address as a reader writes it: an email or phone number without its "mailto:" or "tel:"."""
    for prefix in ("mailto:", "tel:"):
        if href.lower().startswith(prefix):
            return href[len(prefix) :]
    return href


def inlines_text(inlines: Iterable[Inline], addresses: bool = True) -> str:
    """`inlines` as text; each link followed by its address in brackets when `addresses` is set."""
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text):
            parts.append(inline.text)
        elif isinstance(inline, LineBreak):
            parts.append("\n")
        elif isinstance(inline, Strong | Emphasis):
            parts.append(inlines_text(inline.children, addresses))
        elif isinstance(inline, Link):
            text, address = inlines_text(inline.children, addresses), shown_address(inline.href)
            if not text.strip():
                parts.append(address)
            elif addresses and text.strip() != address:
                parts.append(f"{text} ({address})")
            else:
                parts.append(text)
    return "".join(parts)


def blocks_text(blocks: Iterable[Block], addresses: bool = True) -> str:
    """One line per paragraph line and per list item ("- item"); blocks follow each other without blank lines, so
    a paragraph never reads as the end of an entry."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, BulletList):
            lines += ["- " + inlines_text(item, addresses) for item in block.items]
        else:
            lines.append(inlines_text(block.children, addresses))
    return "\n".join(lines)


@lru_cache(maxsize=_CACHED)
def plain_text(text: str) -> str:
    """A summary or description as plain text."""
    return blocks_text(parse_blocks(text))


@lru_cache(maxsize=_CACHED)
def plain_line(text: str) -> str:
    """A bullet as plain text."""
    return inlines_text(parse_inlines(text))


@lru_cache(maxsize=_CACHED)
def shown_text(text: str) -> str:
    """A summary or description as a reader sees it: links as their text."""
    return blocks_text(parse_blocks(text), addresses=False)


@lru_cache(maxsize=_CACHED)
def shown_line(text: str) -> str:
    """A bullet as a reader sees it."""
    return inlines_text(parse_inlines(text), addresses=False)
