"""Text hidden from a person reading the file, and how the extractors report it (see `pdf_hidden` and the Word
extractor): left out of the lines, kept in `ExtractedDocument.dropped` as "hidden text (why): what", which the
parser turns into a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TINY_POINTS = 2.5  # below this effective size (font size x text matrix) nobody reads a glyph
WHITE = 0.92  # relative luminance at or above which a colour is white for a reader on a white page

WHITE_TEXT = "white text on a white page"
TRANSPARENT_TEXT = "transparent text"
TINY_TEXT = "text too small to read"
OFF_PAGE_TEXT = "text outside the page"
HIDDEN_RUN = "text marked hidden"


def luminance(r: int, g: int, b: int) -> float:
    """Relative luminance (0 black .. 1 white) of 8-bit sRGB channels, as weighted by Rec. 709."""
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@dataclass
class HiddenText:
    """Runs of hidden characters, each with why it is hidden, in the order they occur."""

    runs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, reason: str, char: str, space_before: bool) -> None:
        if self.runs and self.runs[-1][0] == reason:
            text = self.runs[-1][1] + (" " if space_before else "") + char
            self.runs[-1] = (reason, text)
        else:
            self.runs.append((reason, char))

    def dropped(self) -> list[str]:
        """As `ExtractedDocument.dropped` entries ("hidden text (why): what"), merged per reason."""
        merged: dict[str, list[str]] = {}
        for reason, text in self.runs:
            if text.strip():
                merged.setdefault(reason, []).append(text.strip())
        return [f"hidden text ({reason}): " + " … ".join(texts)[:300] for reason, texts in merged.items()]
