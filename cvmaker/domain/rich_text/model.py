"""The tree a rich text is read into. Blocks for summaries and descriptions, inlines for bullets and inside blocks.
Nothing here holds markup: every renderer escapes or writes the text nodes itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    pass


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A link whose address has a scheme validation allows (https, http, mailto, tel); others never become one."""

    href: str
    children: tuple[Inline, ...]


Inline = Text | LineBreak | Strong | Emphasis | Link


@dataclass(frozen=True, slots=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]


Block = Paragraph | BulletList
