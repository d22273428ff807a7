"""Emoji and symbols print as themselves, not as empty boxes: every template's font stack ends in the installed
symbol fonts, emoji come from the colour emoji font, and each such character in the PDF is drawn from a font that
has a glyph for it (while digits stay in the text font)."""

from __future__ import annotations

import io
import re
import subprocess
from functools import cache
from typing import Any

import pytest

from cvmaker.adapters.rendering.html import cv_view
from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.domain.cv.samples import arabic_cv, short_cv
from tests.rendering.layout import render_and_inspect

SYMBOLS = "🚀★✓☎"
# A CSS family name left unquoted must be identifiers: words that do not start with a digit ("Symbols 2" is not).
UNQUOTED_FAMILY = re.compile(r"[A-Za-z_-][A-Za-z0-9_-]*( [A-Za-z_-][A-Za-z0-9_-]*)*\Z")


@cache
def installed_fonts() -> dict[str, tuple[str, int]]:
    """Installed font families, keyed as PDFs name them (no spaces or hyphens), with their file and face index."""
    listing = subprocess.run(
        ["fc-list", "--format", "%{family[0]}|%{style[0]}|%{file}|%{index}\n"], capture_output=True, text=True
    ).stdout
    fonts: dict[str, tuple[str, int]] = {}
    for line in listing.splitlines():
        family, style, path, index = line.split("|")
        key = re.sub("[ -]", "", family)
        fonts.setdefault(key + re.sub("[ -]", "", style), (path, int(index)))
        fonts.setdefault(key, (path, int(index)))
    return fonts


def has_glyph(pdf_font_name: str, character: str) -> bool:
    """Whether the installed font a PDF font was subset from maps `character` to a real glyph (not .notdef)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    name = re.sub("[ -]", "", pdf_font_name.split("+", 1)[-1])
    found = installed_fonts().get(name) or installed_fonts().get(re.sub("(Bold|Italic|Oblique|Regular)+$", "", name))
    assert found is not None, f"{pdf_font_name} is not an installed font"
    path, index = found
    cmap = TTFont(path, fontNumber=index, lazy=True).getBestCmap()
    return ord(character) in cmap and cmap[ord(character)] != ".notdef"


@pytest.mark.parametrize("template", REGISTRY.names())
def test_every_font_stack_is_valid_css_and_ends_in_symbol_and_emoji_fonts(template: str) -> None:
    for document in (short_cv(template), arabic_cv(template)):
        families = [family.strip() for family in cv_view(document).style.font_stack.split(",")]
        assert all(UNQUOTED_FAMILY.match(family) for family in families), families
        assert families[-3:-1] == ["Noto Sans Symbols", "Noto Sans Symbols2"]
        assert set(families[:-1]) <= set(installed_fonts_by_family())
        # Emoji come through fontconfig's fallback: named here, the emoji font would also supply the digits.
        assert not [family for family in families if "Emoji" in family]


def installed_fonts_by_family() -> set[str]:
    listing = subprocess.run(["fc-list", "--format", "%{family}\n"], capture_output=True, text=True).stdout
    return {name.strip() for line in listing.splitlines() for name in line.split(",")}


@pytest.mark.parametrize("template", ["classic", "modern", "elegant", "mirrored"])
def test_emoji_and_symbols_map_to_fonts_that_have_them(template: str) -> None:
    import pdfplumber

    document = short_cv(template)
    document.basics.headline = f"Data analyst {SYMBOLS}"
    document.sections[0].items[0].bullets[0] = "Shipped 🚀 the sales pack ✓ rated ★★★★★"
    pdf = render_and_inspect(document).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        every = [char for page in opened.pages for char in page.chars]
    chars = [char for char in every if char["text"] in SYMBOLS]
    # The emoji font has digits too (for keycaps); they must still come from the text font.
    assert not [char for char in every if char["text"].isascii() and "Emoji" in char["fontname"]]
    assert {char["text"] for char in chars} == set(SYMBOLS)
    missing = {(char["text"], char["fontname"]) for char in chars if not has_glyph(char["fontname"], char["text"])}
    assert missing == set()
    assert any("NotoColorEmoji" in char["fontname"].replace("-", "") for char in chars if char["text"] == "🚀")


def test_the_rocket_prints_in_colour() -> None:
    """A missing glyph prints as a grey box; the colour emoji font's rocket has red and blue in it."""
    from PIL import Image

    def saturated_pixels(headline: str) -> int:
        document = short_cv("plain")  # black on white: any colour on the page comes from the emoji
        document.basics.headline = headline
        png = PdfiumRasterizer(dpi=96).rasterize(render_and_inspect(document).pdf, max_pages=1)[0].png
        image = Image.open(io.BytesIO(png)).convert("HSV")
        colours: list[tuple[int, Any]] = image.getcolors(maxcolors=image.width * image.height) or []
        return sum(n for n, (_, saturation, value) in colours if saturation > 120 and value > 80)

    assert saturated_pixels("Data analyst") == 0
    assert saturated_pixels("Data analyst 🚀🚀🚀") > 150
