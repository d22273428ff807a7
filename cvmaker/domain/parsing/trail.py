"""What reading a CV records besides the document itself: the warnings (what could not be placed, what was cut
off), where each field came from, and which lines have been used, so that the rest can be reported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import overload

from cvmaker.domain.parsing.extracted import ExtractedDocument, TextLine


@overload
def clip(text: str, length: int) -> str: ...


@overload
def clip(text: str | None, length: int) -> str | None: ...


def clip(text: str | None, length: int) -> str | None:
    """`text` stripped, and cut to `length` characters with an ellipsis when longer."""
    if text is None:
        return None
    text = text.strip()
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@dataclass
class Trail:
    lines: Sequence[TextLine]
    is_pdf: bool  # a PDF's lines are told by page, a Word file's by paragraph number
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (what happened, the text concerned)
    sources: dict[str, str] = field(default_factory=dict)  # field path -> where it came from
    placed: set[int] = field(default_factory=set)  # indexes of the lines that went into some field

    @classmethod
    def of(cls, extracted: ExtractedDocument) -> Trail:
        return cls(extracted.lines, extracted.kind == "pdf")

    def where(self, index: int, text: str | None = None) -> str:
        """A line as a person finds it in the file: page and text (PDF) or paragraph number and text (Word)."""
        line = self.lines[index]
        shown = text if text is not None else line.text
        place = f"page {line.page}" if self.is_pdf else f"paragraph {index + 1}"
        return f'{place}: "{clip(shown, 160)}"'

    def source(self, path: str, index: int, text: str | None = None) -> None:
        """The field at `path` was read from line `index` (showing `text`, when only part of the line)."""
        self.sources[path] = self.where(index, text)
        self.placed.add(index)

    def warn(self, message: str, text: str) -> None:
        self.warnings.append((message, clip(text, 300)))

    @overload
    def clip(self, text: str, length: int) -> str: ...

    @overload
    def clip(self, text: str | None, length: int) -> str | None: ...

    def clip(self, text: str | None, length: int) -> str | None:
        """`text` cut to the model's limit; what is cut off is reported, not lost silently."""
        clipped = clip(text, length)
        if text is not None and clipped != text.strip():
            self.warn(f"Longer than {length} characters: the end was cut off", text.strip()[length - 1 :])
        return clipped
