"""Allow-lists for the design options a user sets. Anything outside them is a validation error, so a design value
never reaches a stylesheet unchecked."""

from __future__ import annotations

import enum
import re

# Fonts the project installs (see the Makefile); never fetched at render time.
FONT_FAMILIES: tuple[str, ...] = (
    "Noto Sans",
    "Noto Serif",
    "DejaVu Sans",
    "DejaVu Serif",
    "Liberation Sans",
    "Liberation Serif",
)
MIN_FONT_SIZE = 8.0
MAX_FONT_SIZE = 14.0
MIN_MARGIN_MM = 5.0
MAX_MARGIN_MM = 40.0
# \Z, not $: `$` also matches before a final line break. [0-9], not \d: \d takes any script's digits.
ACCENT_COLOR = re.compile(r"^#[0-9a-fA-F]{6}\Z")
MARGIN = re.compile(r"^([0-9]{1,2}(?:\.[0-9])?)mm\Z")


def margin_mm(value: str) -> float | None:
    """The margin in millimetres, or None when `value` is not an allowed margin."""
    match = MARGIN.match(value)
    if not match:
        return None
    millimetres = float(match.group(1))
    return millimetres if MIN_MARGIN_MM <= millimetres <= MAX_MARGIN_MM else None


# Fonts added for the templates (Debian packages fonts-lato, fonts-inter, fonts-open-sans, fonts-ebgaramond).
FONT_FAMILIES += ("Lato", "Inter", "Open Sans", "EB Garamond")

SERIF_FAMILIES = frozenset({"Noto Serif", "DejaVu Serif", "Liberation Serif", "EB Garamond"})
PAGE_SIZES: dict[str, str] = {"A4": "A4", "LETTER": "letter"}  # our value -> CSS @page size


def is_allowed_color(value: str) -> bool:
    return bool(ACCENT_COLOR.match(value))


def is_allowed_font_size(value: float) -> bool:
    return MIN_FONT_SIZE <= value <= MAX_FONT_SIZE


class LineHeight(str, enum.Enum):
    """Spacing between the lines of a paragraph. NORMAL keeps the template's own."""

    TIGHT = "TIGHT"
    NORMAL = "NORMAL"
    RELAXED = "RELAXED"


class SectionSpacing(str, enum.Enum):
    """Space above each section and between entries. NORMAL keeps the template's own."""

    COMPACT = "COMPACT"
    NORMAL = "NORMAL"
    SPACIOUS = "SPACIOUS"


class HeadingStyle(str, enum.Enum):
    """How section headings look. TEMPLATE keeps the template's own."""

    TEMPLATE = "TEMPLATE"
    UNDERLINE = "UNDERLINE"
    BAND = "BAND"
    SMALL_CAPS = "SMALL_CAPS"
    PLAIN = "PLAIN"


# Unitless CSS line heights. Under 1.5: text extractors (pdftotext, applicant tracking systems) read lines spaced
# wider as separate blocks (see templates/_shared/letter.css.j2).
LINE_HEIGHTS: dict[LineHeight, float | None] = {
    LineHeight.TIGHT: 1.2,
    LineHeight.NORMAL: None,
    LineHeight.RELAXED: 1.48,
}
# (space above a section, space below an entry) in em.
SECTION_SPACINGS: dict[SectionSpacing, tuple[float, float] | None] = {
    SectionSpacing.COMPACT: (0.55, 0.35),
    SectionSpacing.NORMAL: None,
    SectionSpacing.SPACIOUS: (1.6, 0.95),
}


def mix_color(hex_color: str, other: tuple[int, int, int], amount: float) -> str:
    """`hex_color` (an allowed colour) moved `amount` of the way towards `other`: tints and shades of the accent."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (o - c) * amount) for c, o in zip((red, green, blue), other, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)
