"""Reactive Resume's rich text (the HTML its editor writes) as plain text: paragraphs and list items.

Its editor (TipTap) writes <p>, <ul>/<ol> of <li> (often with a <p> inside), <br>, headings, <strong>, <em>, <u>,
<s>, <code>, <mark>, <a href> and tables. Only text comes out: every tag is dropped, so nothing in the file can
put markup into a CV; a link keeps its text, followed by its address when the text does not show it and the
address is http(s) or mailto. What a browser would not show (script, style, comments) is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "section", "article"}
)
_LISTS = frozenset({"ul", "ol"})
_UNSHOWN = frozenset({"script", "style", "template", "head", "title", "noscript", "iframe", "object", "svg"})
_SHOWN_SCHEMES = ("http://", "https://", "mailto:")
_SPACES = re.compile(r"[^\S\n]+")
# Control characters other than tab and newline never belong in a CV's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class RichText:
    """The text of one rich-text field: its paragraphs and its list items, each in the order written."""

    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)

    def as_text(self) -> str | None:
        """Everything as one text: paragraphs, then the list items as "• " lines (for a field without a list)."""
        lines = [*self.paragraphs, *(f"• {bullet}" for bullet in self.bullets)]
        return "\n".join(lines) or None

    def __bool__(self) -> bool:
        return bool(self.paragraphs or self.bullets)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = RichText()
        self.buffer: list[str] = []
        self.lists = 0  # how deep in <ul>/<ol>
        self.in_item = 0  # how deep in <li>
        self.unshown = 0
        self.links: list[str | None] = []
        self.link_start = 0

    # A line ends at a block, a list item or <br>; where it goes depends on whether it was inside a list item.
    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.buffer))
        self.buffer = []
        lines = [line.strip() for line in text.split("\n")]
        text = " ".join(line for line in lines if line) if self.in_item else "\n".join(lines)
        for part in text.split("\n") if not self.in_item else [text]:
            part = part.strip()
            if part:
                (self.result.bullets if self.in_item else self.result.paragraphs).append(part)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNSHOWN:
            self.unshown += 1
        elif tag == "br":
            self.buffer.append("\n" if not self.in_item else " ")
        elif tag in _LISTS:
            self._flush()
            self.lists += 1
        elif tag == "li":
            self._flush()
            self.in_item += 1
        elif tag in ("td", "th"):
            self.buffer.append(" ")
        elif tag in _BLOCKS and not self.in_item:
            self._flush()
        elif tag == "a":
            href = dict(attrs).get("href")
            self.links.append(href.strip() if href else None)
            self.link_start = len("".join(self.buffer))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNSHOWN:
            self.unshown = max(0, self.unshown - 1)
        elif tag in _LISTS:
            self._flush()
            self.lists = max(0, self.lists - 1)
        elif tag == "li":
            self._flush()
            self.in_item = max(0, self.in_item - 1)
        elif tag in _BLOCKS and not self.in_item:
            self._flush()
        elif tag == "a" and self.links:
            href = self.links.pop()
            shown = "".join(self.buffer)[self.link_start :]
            if href and href.casefold().startswith(_SHOWN_SCHEMES):
                address = href[len("mailto:") :] if href.casefold().startswith("mailto:") else href
                if address not in shown:
                    self.buffer.append(f" ({address})" if shown.strip() else address)

    def handle_data(self, data: str) -> None:
        if not self.unshown:
            self.buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(value: str) -> RichText:
    """The paragraphs and list items of `value`; text without any tag keeps its lines as paragraphs."""
    value = _CONTROL.sub("", value)
    if "<" not in value:
        return RichText([line.strip() for line in value.splitlines() if line.strip()], [])
    reader = _Reader()
    reader.feed(value)
    reader.close()
    return reader.result
