"""Allow-lists for the design options a user sets. Anything outside them is a validation error, so a design value
never reaches a stylesheet unchecked."""

from __future__ import annotations

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
