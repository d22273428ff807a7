"""Markdown as people type it in a CV, read into the `model` tree with markdown-it-py.

What is read: paragraphs (a blank line), line breaks (kept, not folded), **bold**, *italics*, [links](https://...)
and bullet lists ("- " or "* " lines) in summaries and descriptions; bold, italics and links in a bullet.
Emphasis is written with asterisks only: underscores stay text, so "__init__", "snake_case" or a "____" line to
fill in read as typed (CommonMark would make the first bold). Nothing else: HTML stays text (`html` off, no HTML
rules); headings, code, quotes, tables and images are not enabled, so what would make them is shown as typed. A
link keeps only the schemes validation allows; an address without a scheme ("example.com") gets https://; any
other link is shown as its text. A numbered list keeps its numbers as text, one line each. Nothing typed is ever
dropped: text that nests deeper than the parser goes is read as plain paragraphs instead.

markdown-it is imported on first use, so importing this module (the API does) costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from cvmaker.domain.rich_text.model import Block, BulletList, Emphasis, Inline, LineBreak, Link, Paragraph, Strong, Text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# markdown-it stops reading blocks this deep and drops the lines below; such text is read as plain paragraphs.
MAX_NESTING = 40
BLOCK_RULES = ("list",)
INLINE_RULES = ("emphasis", "link", "newline", "escape")
# The schemes `cvmaker/domain/cv/validation.py` allows for links (case aside).
_ALLOWED_HREF = re.compile(r"^(?:https?://|mailto:|tel:)\S+\Z", re.IGNORECASE)
_CACHED = 4096


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("zero", {"html": False, "maxNesting": MAX_NESTING})
    markdown.enable([*BLOCK_RULES, *INLINE_RULES])
    # Every link is read as a link here, and `_href` alone decides which may stay one (so a refused link shows its
    # text, not its brackets and address).
    markdown.validateLink = lambda url: True  # type: ignore[method-assign]
    return markdown


def _href(url: str) -> str | None:
    """The address a link may have, or None: allowed schemes only; "example.com" and "ada@example.com" get one."""
    url = url.strip()
    if not _ALLOWED_HREF.match(url):
        # Imported here: only links without a scheme need it, and it pulls in the date parser.
        from cvmaker.domain.cv.lenient import normal_url

        url = normal_url(url)
    return url if _ALLOWED_HREF.match(url) else None


def _append_text(into: list[Inline], text: str) -> None:
    if not text:
        return
    if into and isinstance(into[-1], Text):
        into[-1] = Text(into[-1].text + text)
    else:
        into.append(Text(text))


def _inlines(tokens: Sequence[Token]) -> tuple[Inline, ...]:
    # Each open container: its token type, its address (links), its children so far.
    stack: list[tuple[str, str, list[Inline]]] = [("", "", [])]
    for token in tokens:
        kind = token.type
        if kind in ("softbreak", "hardbreak"):
            stack[-1][2].append(LineBreak())
        elif kind in ("strong_open", "em_open", "link_open"):
            # An underscore pair keeps its markers as text; see the module's docstring.
            stack.append((kind, token.markup if "_" in token.markup else str(token.attrs.get("href", "")), []))
        elif kind in ("strong_close", "em_close", "link_close") and len(stack) > 1:
            opened, href, children = stack.pop()
            _close(stack[-1][2], opened, href, children)
        else:
            # text, text_special (an escaped character) and anything unforeseen: shown as its text.
            _append_text(stack[-1][2], token.content)
    while len(stack) > 1:  # markdown-it balances its pairs; this keeps text even if it did not
        opened, href, children = stack.pop()
        _close(stack[-1][2], opened, href, children)
    return tuple(stack[0][2])


def _close(into: list[Inline], opened: str, href: str, children: list[Inline]) -> None:
    if opened != "link_open" and "_" in href:  # for emphasis, `href` holds the underscore markers
        _append_text(into, href)
        _extend(into, children)
        _append_text(into, href)
    elif opened == "strong_open":
        into.append(Strong(tuple(children)))
    elif opened == "em_open":
        into.append(Emphasis(tuple(children)))
    else:
        allowed = _href(href)
        if allowed is not None:
            into.append(Link(allowed, tuple(children)))
        else:
            _extend(into, children)


def _extend(into: list[Inline], children: list[Inline]) -> None:
    for child in children:
        if isinstance(child, Text):
            _append_text(into, child.text)
        else:
            into.append(child)


def _plain_paragraphs(text: str) -> tuple[Block, ...]:
    """`text` as paragraphs of its lines, every character as typed (the fallback when the tree would lose text)."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        children: list[Inline] = []
        for line in lines:
            if children:
                children.append(LineBreak())
            children.append(Text(line))
        if children:
            blocks.append(Paragraph(tuple(children)))
    return tuple(blocks)


@lru_cache(maxsize=_CACHED)
def parse_blocks(text: str) -> tuple[Block, ...]:
    """A summary or description: paragraphs and bullet lists."""
    if not text.strip():
        return ()
    tokens = _markdown().parse(text)
    if any(token.level >= MAX_NESTING - 1 for token in tokens):
        return _plain_paragraphs(text)
    blocks: list[Block] = []
    lists: list[str] = []  # the open lists, innermost last: "bullet" or "ordered"
    items: list[list[Inline]] = []
    started = False  # whether the last item has text yet (a numbered item starts with its number)
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind.removesuffix("_list_open"))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            outer = lists.pop()
            if not lists:
                blocks.append(_list_block(outer, items))
                items = []
        elif kind == "list_item_open":
            items.append([Text(f"{token.info}{token.markup} ")] if lists[-1] == "ordered" else [])
            started = False
        elif kind == "inline":
            children = _inlines(token.children or [])
            if not lists:
                blocks.append(Paragraph(children))
            elif items:
                if started:
                    items[-1].append(LineBreak())
                items[-1].extend(children)
                started = True
    return tuple(block for block in blocks if not isinstance(block, Paragraph) or block.children)


def _list_block(kind: str, items: list[list[Inline]]) -> Block:
    kept = [tuple(item) for item in items if item]
    if kind == "bullet":
        return BulletList(tuple(kept))
    # A numbered list keeps its numbers as text: the model has bullet lists only.
    lines: list[Inline] = []
    for item in kept:
        if lines:
            lines.append(LineBreak())
        lines.extend(item)
    return Paragraph(tuple(lines))


@lru_cache(maxsize=_CACHED)
def parse_inlines(text: str) -> tuple[Inline, ...]:
    """A bullet: bold, italics and links; a "- " at its start is text."""
    if not text.strip():
        return ()
    tokens = _markdown().parseInline(text.strip())
    return _inlines(tokens[0].children or []) if tokens else ()
