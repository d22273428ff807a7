"""Text a reader of the PDF cannot see: painted in white where nothing dark lies beneath, fully transparent,
too small to read, or outside the page. It is how instructions are smuggled to screening models, so the
extractor leaves it out and says so (`HiddenText`), instead of importing it as content.

White text is common and legitimate on a dark sidebar or a coloured header band, so it counts as hidden only
when no filled shape, image or shading of the page lies under it. Form XObjects count as possible backgrounds
(their contents are not placed on the page here), so a PDF wrapped in one form is read as it was before: the
test errs on the side of keeping text.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

from cvmaker.adapters.extraction.hidden_text import TRANSPARENT_TEXT, WHITE, WHITE_TEXT, luminance

STROKE_ONLY_MODES = {1, 5}  # text render modes that outline glyphs with the stroke colour and fill nothing


def is_white_or_clear(text_object: Any, mode: int, raw: Any) -> str | None:
    """WHITE_TEXT or TRANSPARENT_TEXT when the colour the glyphs are painted in shows nothing on white paper."""
    if not text_object:
        return None
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    get = raw.FPDFPageObj_GetStrokeColor if mode in STROKE_ONLY_MODES else raw.FPDFPageObj_GetFillColor
    if not get(text_object, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    if a.value == 0:
        return TRANSPARENT_TEXT
    return WHITE_TEXT if luminance(r.value, g.value, b.value) >= WHITE else None


@dataclass
class Backgrounds:
    """The page's filled shapes, images and shadings, as (left, top, right, bottom) in top-down coordinates;
    read once per page, and only when the page has white text."""

    page: Any
    page_height: float
    raw: Any
    _boxes: list[tuple[float, float, float, float]] | None = None

    def under(self, x: float, y: float) -> bool:
        if self._boxes is None:
            self._boxes = self._read()
        return any(left <= x <= right and top <= y <= bottom for left, top, right, bottom in self._boxes)

    def _read(self) -> list[tuple[float, float, float, float]]:
        raw = self.raw
        kinds = {raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_SHADING, raw.FPDF_PAGEOBJ_FORM}
        boxes = []
        for item in self.page.get_objects(filter=list(kinds), max_depth=1):
            if item.type == raw.FPDF_PAGEOBJ_PATH and not _filled_dark(item.raw, raw):
                continue
            left, bottom, right, top = item.get_bounds()
            boxes.append((left, self.page_height - top, right, self.page_height - bottom))
        return boxes


def _filled_dark(path: Any, raw: Any) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill_mode), ctypes.byref(stroke)) or fill_mode.value == 0:
        return False
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not raw.FPDFPageObj_GetFillColor(path, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return True  # a fill whose colour cannot be read may be anything: keep the text above it
    return a.value > 0 and luminance(r.value, g.value, b.value) < WHITE
