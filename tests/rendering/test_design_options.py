"""The finer design options (line height, section spacing, heading style) reach the stylesheet, the PDF and the
DOCX; values outside their allow-lists are refused with typed errors before anything renders."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.adapters.rendering.html import UnsafeDesign
from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.domain.cv.design import HeadingStyle, LineHeight, SectionSpacing, mix_color
from cvmaker.domain.cv.model import Design
from cvmaker.domain.cv.samples import long_cv, short_cv
from cvmaker.domain.errors import InvalidInput
from cvmaker.services.rendering import RenderService
from tests.rendering.layout import pdf_text, render_and_inspect, squeezed


def _design_css(html: str) -> str:
    """The rules the design options add after the template's own stylesheet (without their leading comment)."""
    return html.split("/* The design options that override", 1)[1].split("*/", 1)[1].split("</style>", 1)[0]


def test_the_default_design_adds_no_overrides() -> None:
    assert _design_css(REGISTRY.html(short_cv("classic"))).strip() == ""


def test_line_height_section_spacing_and_heading_style_reach_the_stylesheet() -> None:
    design = Design(
        accent_color="#aa3300",
        line_height=LineHeight.RELAXED,
        section_spacing=SectionSpacing.SPACIOUS,
        heading_style=HeadingStyle.BAND,
    )
    css = _design_css(REGISTRY.html(short_cv("classic"), design))
    assert "line-height: 1.48 !important" in css
    assert ".section { margin-top: 1.6em !important; }" in css
    assert ".entry { margin-bottom: 0.95em !important; }" in css
    assert f"background: {mix_color('#aa3300', (255, 255, 255), 0.9)} !important" in css

    tight = Design(line_height=LineHeight.TIGHT, section_spacing=SectionSpacing.COMPACT)
    css = _design_css(REGISTRY.html(short_cv("classic"), tight))
    assert "line-height: 1.2 !important" in css and ".section { margin-top: 0.55em !important; }" in css


@pytest.mark.parametrize("style", [s for s in HeadingStyle if s is not HeadingStyle.TEMPLATE])
def test_each_heading_style_has_its_own_rules(style: HeadingStyle) -> None:
    css = _design_css(REGISTRY.html(short_cv("modern"), Design(template="modern", heading_style=style)))
    expected = {
        HeadingStyle.UNDERLINE: "border-bottom: 0.9pt solid",
        HeadingStyle.BAND: "padding: 0.18em 0.45em !important",
        HeadingStyle.SMALL_CAPS: "font-variant: small-caps !important",
        HeadingStyle.PLAIN: "letter-spacing: normal !important",
    }[style]
    assert expected in css
    # The template's own heading decoration (modern's accent bar) gives way to the chosen style.
    assert ".section-title::after, .section-title::before { content: none !important; }" in css


def _text_extent(pdf: bytes) -> float:
    """How far the text runs, in points: the pages before the last, then down to the last line of the last."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        *before, last = document.pages
        # The running header and page number sit in the top margin; the body's last line is the lowest text.
        return sum(float(page.height) for page in before) + max(float(char["bottom"]) for char in last.chars)


def test_spacing_changes_the_length_of_the_pdf() -> None:
    extents = {}
    for spacing in SectionSpacing:
        document = long_cv("classic")
        document.design.section_spacing = spacing
        document.design.line_height = {
            SectionSpacing.COMPACT: LineHeight.TIGHT,
            SectionSpacing.NORMAL: LineHeight.NORMAL,
            SectionSpacing.SPACIOUS: LineHeight.RELAXED,
        }[spacing]
        rendered = render_and_inspect(document)
        assert rendered.split() == {}
        extents[spacing] = _text_extent(rendered.pdf)
    assert extents[SectionSpacing.COMPACT] < extents[SectionSpacing.NORMAL] < extents[SectionSpacing.SPACIOUS]


def test_a_band_heading_paints_the_accent_tint_in_the_pdf() -> None:
    document = short_cv("plain")  # plain has no colour of its own: any tint comes from the band
    tint = mix_color("#1f4e79", (255, 255, 255), 0.9)
    wanted = tuple(int(tint[i : i + 2], 16) for i in (1, 3, 5))

    def tinted_pixels(heading_style: HeadingStyle) -> int:
        from PIL import Image

        document.design.heading_style = heading_style
        png = PdfiumRasterizer(dpi=48).rasterize(render_and_inspect(document).pdf, max_pages=1)[0].png
        image = Image.open(io.BytesIO(png)).convert("RGB")
        colours: list[tuple[int, Any]] = image.getcolors(maxcolors=image.width * image.height) or []
        return sum(n for n, colour in colours if all(abs(a - b) <= 3 for a, b in zip(colour, wanted, strict=True)))

    assert tinted_pixels(HeadingStyle.TEMPLATE) == 0
    assert tinted_pixels(HeadingStyle.BAND) > 500


@pytest.mark.parametrize("template", REGISTRY.names())
def test_every_template_renders_with_every_option_changed(template: str) -> None:
    document = short_cv(template)
    document.design.line_height = LineHeight.RELAXED
    document.design.section_spacing = SectionSpacing.SPACIOUS
    document.design.heading_style = HeadingStyle.SMALL_CAPS
    rendered = render_and_inspect(document)
    assert rendered.split() == {}
    text = squeezed(pdf_text(rendered.pdf))
    assert all(squeezed(section.title) in text for section in document.sections)


def _word(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))


def test_the_options_carry_over_to_the_docx() -> None:
    from docx.oxml.ns import qn

    document = long_cv()
    document.design.line_height = LineHeight.RELAXED
    document.design.section_spacing = SectionSpacing.SPACIOUS
    document.design.heading_style = HeadingStyle.UNDERLINE
    word = _word(PythonDocxWriter().write(document, document.design))
    assert word.styles["Normal"].paragraph_format.line_spacing == pytest.approx(1.48, abs=0.01)
    # Word's 24 pt and 10 pt above headings, scaled as the PDF's spacing is.
    assert word.styles["Heading 1"].paragraph_format.space_before.pt == pytest.approx(24 * 1.6 / 1.05, abs=0.1)
    assert word.styles["Heading 2"].paragraph_format.space_before.pt == pytest.approx(10 * 0.95 / 0.65, abs=0.1)
    headings = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings and all(p._p.pPr.find(qn("w:pBdr")) is not None for p in headings)

    document.design.heading_style = HeadingStyle.BAND
    word = _word(PythonDocxWriter().write(document, document.design))
    fills = {p._p.pPr.find(qn("w:shd")).get(qn("w:fill")) for p in word.paragraphs if p.style.name == "Heading 1"}
    assert fills == {mix_color("#1f4e79", (255, 255, 255), 0.9).lstrip("#").upper()}

    document.design.heading_style = HeadingStyle.SMALL_CAPS
    word = _word(PythonDocxWriter().write(document, document.design))
    runs = [run for p in word.paragraphs if p.style.name == "Heading 1" for run in p.runs]
    assert runs and all(run.font.small_caps for run in runs)


def test_the_default_options_leave_the_docx_as_it_was() -> None:
    from docx.shared import Pt

    document = long_cv()
    word = _word(PythonDocxWriter().write(document, document.design))
    assert word.styles["Normal"].paragraph_format.line_spacing is None
    assert word.styles["Heading 1"].paragraph_format.space_before == Pt(24)


@pytest.mark.parametrize(
    "field, value",
    [
        ("lineHeight", "2; color: red"),
        ("lineHeight", 1.5),
        ("sectionSpacing", "</style>"),
        ("headingStyle", "band"),
        ("headingStyle", "url(http://x)"),
    ],
)
def test_values_outside_the_allow_lists_are_refused_with_a_typed_error(
    service: RenderService, field: str, value: object
) -> None:
    with pytest.raises(InvalidInput) as refused:
        service.prepare(short_cv(), {field: value})
    assert [problem.path for problem in refused.value.problems] == [f"design.{field}"]
    assert re.search("must be one of: [A-Z_, ]+", refused.value.problems[0].message)


def test_the_options_round_trip_through_the_stored_form() -> None:
    design = Design(
        line_height=LineHeight.TIGHT, section_spacing=SectionSpacing.COMPACT, heading_style=HeadingStyle.PLAIN
    )
    data = design.to_dict()
    assert (data["lineHeight"], data["sectionSpacing"], data["headingStyle"]) == ("TIGHT", "COMPACT", "PLAIN")
    assert Design.from_dict(data) == design
    # A design without them keeps the stored form (and so the content hashes) it had before they existed.
    assert set(Design().to_dict()) == {"template", "accentColor", "fontFamily", "fontSize", "pageSize", "margins"}


def test_the_html_builder_refuses_unvalidated_options() -> None:
    for design in (
        Design(line_height="1.2; x: y"),  # type: ignore[arg-type]
        Design(section_spacing="9em"),  # type: ignore[arg-type]
        Design(heading_style="band"),  # type: ignore[arg-type]
    ):
        with pytest.raises(UnsafeDesign):
            REGISTRY.html(short_cv(), design)
