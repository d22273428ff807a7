"""Every template renders the short and the long sample CV on A4 and Letter: the expected number of pages, no
entry split across pages, no heading left alone at a page's foot, every field in the extracted text, and the
PNG preview of each page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY, TemplateRegistry
from cvmaker.domain.cv.model import CvDocument, Item, PageSize
from cvmaker.domain.cv.samples import long_cv, short_cv
from cvmaker.domain.rendering.plain_text import format_period
from tests.rendering.layout import folded, pdf_text, render_and_inspect, squeezed

TEMPLATES = [
    "academic",
    "banner",
    "classic",
    "columns",
    "compact",
    "elegant",
    "mirrored",
    "modern",
    "plain",
    "portrait",
    "timeline",
]

# Pages of the long sample per template (the short one is always one page). Letter is 18 mm shorter than A4.
LONG_PAGES = {
    ("classic", "A4"): 3,
    ("classic", "LETTER"): 3,
    ("columns", "A4"): 3,
    ("columns", "LETTER"): 3,
    ("compact", "A4"): 2,
    ("compact", "LETTER"): 2,
    ("modern", "A4"): 3,
    ("modern", "LETTER"): 4,
    ("plain", "A4"): 3,
    ("plain", "LETTER"): 3,
    ("academic", "A4"): 3,
    ("academic", "LETTER"): 3,
    ("banner", "A4"): 3,
    ("banner", "LETTER"): 3,
    ("elegant", "A4"): 3,
    ("elegant", "LETTER"): 3,
    ("mirrored", "A4"): 3,
    ("mirrored", "LETTER"): 3,
    ("portrait", "A4"): 3,
    ("portrait", "LETTER"): 3,
    ("timeline", "A4"): 3,
    ("timeline", "LETTER"): 3,
}


def expected_fields(document: CvDocument) -> list[str]:
    basics = document.basics
    values = [basics.name, basics.headline, basics.email, basics.phone, basics.location, document.summary]
    values += [link.label or link.url for link in basics.links]
    for section in document.sections:
        values.append(section.title)
        for item in section.items:
            values += [
                item.title,
                item.organization,
                item.location,
                item.description,
                *item.bullets,
                *item.keywords,
                format_period(item),
            ]
    return [folded(value) for value in values if value]


def test_the_registry_lists_every_template_with_metadata_and_versions() -> None:
    assert REGISTRY.names() == TEMPLATES
    for info in REGISTRY.all():
        assert info.title and len(info.description) > 40
        assert len(info.version) == 16
        assert info.thumbnail is not None and info.thumbnail.read_bytes().startswith(b"\x89PNG")
        assert (info.asset_dir / "layout.html.j2").is_file()
    assert len({info.version for info in REGISTRY.all()}) == len(TEMPLATES)


def test_a_template_version_changes_when_its_files_change(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "templates"
    shutil.copytree(REGISTRY.root, root, ignore=shutil.ignore_patterns("__pycache__", "*.png"))
    before = TemplateRegistry(root).get("classic").version
    with (root / "classic" / "style.css.j2").open("a") as css:
        css.write("\n.cv-name { color: red; }\n")
    assert TemplateRegistry(root).get("classic").version != before
    assert TemplateRegistry(root).get("plain").version == TemplateRegistry(root).get("plain").version


@pytest.mark.parametrize("page_size", ["A4", "LETTER"])
@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("sample", ["short", "long"])
def test_sample_renders_paginated_and_complete(template: str, page_size: str, sample: str) -> None:
    document = (short_cv if sample == "short" else long_cv)(template)
    document.design.page_size = PageSize(page_size)

    rendered = render_and_inspect(document)

    assert rendered.pages == (1 if sample == "short" else LONG_PAGES[(template, page_size)])
    assert rendered.split() == {}, "entries or section starts split across pages"
    entries = {item.id for section in document.sections for item in section.items}
    assert {key.split(":", 1)[1] for key in rendered.pages_of if key.startswith("data-entry")} == entries
    text = pdf_text(rendered.pdf)
    missing = [value for value in expected_fields(document) if squeezed(value) not in squeezed(text)]
    assert missing == []
    images = PdfiumRasterizer().rasterize(rendered.pdf)
    assert [image.number for image in images] == list(range(1, rendered.pages + 1))
    width = 794 if page_size == "A4" else 816
    assert {image.width for image in images} == {width}
    assert all(image.png.startswith(b"\x89PNG") and len(image.png) > 10_000 for image in images)


def test_the_split_check_sees_an_entry_longer_than_a_page() -> None:
    document = short_cv("classic")
    document.sections[0].items[0].bullets = [f"Achievement number {n} of a very long list." for n in range(90)]
    rendered = render_and_inspect(document)
    assert "data-entry:exp-1" in rendered.split_any()


def test_text_extracts_in_reading_order_in_single_column_templates() -> None:
    for template in ("classic", "compact", "plain", "timeline", "banner", "portrait"):
        document = long_cv(template)
        text = pdf_text(render_and_inspect(document).pdf)
        positions = [text.index(section.title.upper()) for section in document.sections]
        assert positions == sorted(positions), template


def test_running_header_and_page_numbers_appear_from_page_two_only() -> None:
    import pypdfium2

    rendered = render_and_inspect(long_cv("classic"))
    pdf = pypdfium2.PdfDocument(rendered.pdf)
    texts = [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]
    assert "1 / 3" not in texts[0]
    assert texts[0].count("Daniel Okonkwo-Reyes") == 1  # the heading only
    assert "2 / 3" in texts[1] and "Daniel Okonkwo-Reyes" in texts[1]
    assert "3 / 3" in texts[2] and "Daniel Okonkwo-Reyes" in texts[2]


def test_design_options_reach_the_pdf(tmp_path: Path) -> None:
    import pypdfium2

    document = short_cv("classic")
    document.design.font_family = "DejaVu Serif"
    document.design.font_size = 12.0
    document.design.accent_color = "#aa3300"
    document.design.margins = "30mm"
    document.design.page_size = PageSize.LETTER
    html = REGISTRY.html(document)
    assert "#aa3300" in html and "DejaVu Serif" in html and "12.0pt" in html and "30.0mm" in html
    rendered = render_and_inspect(document)
    page = pypdfium2.PdfDocument(rendered.pdf)[0]
    assert (round(page.get_width()), round(page.get_height())) == (612, 792)
    (tmp_path / "cv.pdf").write_bytes(rendered.pdf)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "cv.pdf")], capture_output=True, text=True, check=True)
    assert "DejaVuSerif" in fonts.stdout.replace("-", "")


def test_section_order_and_visibility_follow_the_document() -> None:
    document = short_cv("classic")
    document.sections.reverse()
    document.sections[0].visible = False  # languages, now first, hidden
    document.sections[1].items[0].visible = False  # one skills row hidden
    text = pdf_text(render_and_inspect(document).pdf)
    assert "French" not in text and "Analysis" not in text
    assert text.index("SKILLS") < text.index("EDUCATION") < text.index("EXPERIENCE")


def test_an_item_with_only_a_title_renders() -> None:
    document = short_cv("modern")
    document.sections[0].items.append(Item(id="bare", title="Volunteer translator"))
    assert "Volunteer translator" in pdf_text(render_and_inspect(document).pdf)


def test_contact_details_and_entry_links_are_clickable(tmp_path: Path) -> None:
    import pdfplumber

    (tmp_path / "cv.pdf").write_bytes(render_and_inspect(long_cv("columns")).pdf)
    with pdfplumber.open(tmp_path / "cv.pdf") as pdf:
        links = {link["uri"] for page in pdf.pages for link in page.hyperlinks}
    assert {
        "mailto:daniel.okonkwo@example.com",
        "tel:+31205550147",
        "https://okonkwo.dev",
        "https://github.com/dokonkwo/tidewater",
    } <= links
    assert all(link.startswith(("https://", "mailto:", "tel:")) for link in links)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_nearly_empty_cv_renders(template: str) -> None:
    from cvmaker.domain.cv.model import Design, Section, SectionKind

    document = CvDocument(design=Design(template=template))
    document.sections = [
        Section(
            id="other",
            kind=SectionKind.CUSTOM,
            title="Other",
            items=[Item(id="blank"), Item(id="text", description="Only a description")],
        )
    ]
    rendered = render_and_inspect(document)
    assert rendered.pages == 1 and "Only a description" in pdf_text(rendered.pdf)
