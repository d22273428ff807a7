"""What an extractor hands to the parser: positioned text of a document, already in reading order.

Extractors (PDF, DOCX) live in `cvmaker.adapters`; they run in a child process, so everything here is plain,
picklable data and the errors survive a trip through pickle.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A run of words on one line set apart from its neighbours by a wide gap (a tab stop, a table cell, a
    skill chip, a right-aligned date)."""

    text: str
    x0: float = 0.0
    x1: float = 0.0
    size: float = 10.0
    bold: bool = False


@dataclass(frozen=True, slots=True)
class TextLine:
    """One visual line. `size` and `bold` describe most of its characters; `style` is a word-processor paragraph
    style name when the format has one ("Heading 1", "Title", "List Bullet")."""

    spans: tuple[Span, ...]
    page: int = 1
    top: float = 0.0
    bottom: float = 0.0
    size: float = 10.0
    bold: bool = False
    style: str | None = None
    space_before: float = 0.0  # vertical gap to the previous line of the same column, in points
    column: int = 0  # 0 full width or main column, 1 the second column or sidebar
    list_item: bool = False  # a word-processor list paragraph (its bullet glyph is not in the text)

    @property
    def text(self) -> str:
        return " ".join(span.text for span in self.spans)

    @property
    def x0(self) -> float:
        return self.spans[0].x0 if self.spans else 0.0

    @property
    def x1(self) -> float:
        return self.spans[-1].x1 if self.spans else 0.0


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """A hyperlink: where it points and the text it covers (often a bare handle like "jdoe" beside an icon)."""

    url: str
    text: str = ""


@dataclass(slots=True)
class ExtractedDocument:
    kind: str  # "pdf" or "docx"
    pages: int
    lines: list[TextLine] = field(default_factory=list)
    links: list[LinkTarget] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # text removed on purpose (running headers, page numbers)
