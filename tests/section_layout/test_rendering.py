"""Section layouts in the HTML and the PDF: a chosen column moves a section in every two-column template (and
nowhere else), a page break starts the section on a new page, and keep-together keeps a short section whole."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pdfplumber
import pytest

from cvmaker.adapters.rendering.html import render_html
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.domain.cv.model import CvDocument, SectionColumn, SectionLayout
from cvmaker.domain.cv.samples import long_cv, short_cv
from tests.rendering.layout import render_and_inspect

TWO_COLUMNS = [info.name for info in REGISTRY.all() if info.two_columns]
ONE_COLUMN = [info.name for info in REGISTRY.all() if not info.two_columns]


def _columns(html: str) -> tuple[list[str], list[str]]:
    """The section ids in the wide column and in the narrow one, in order."""
    main, side = html.split('<td class="side">', 1)
    return re.findall(r'data-section="([^"]+)"', main), re.findall(r'data-section="([^"]+)"', side)


def _heading_left(pdf: bytes, title: str, page_number: int = 1) -> float:
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        found = opened.pages[page_number - 1].search(title, regex=False, case=False)
    assert found, f"{title} is not on page {page_number}"
    return float(found[0]["x0"])


def test_the_templates_with_two_columns_are_known() -> None:
    assert set(TWO_COLUMNS) == {"columns", "mirrored", "modern"}


@pytest.mark.parametrize("template", TWO_COLUMNS)
def test_a_chosen_column_moves_the_section_in_the_html(template: str) -> None:
    document = short_cv(template)
    default_main, default_side = _columns(render_html(template, document))
    assert "skills" in default_side and "education" in default_main
    document.design.sections = [
        SectionLayout("skills", column=SectionColumn.MAIN),
        SectionLayout("education", column=SectionColumn.SIDE),
    ]
    main, side = _columns(render_html(template, document))
    assert "skills" in main and "skills" not in side
    assert "education" in side and "education" not in main
    # The others stay where the template puts them, in the CV's order.
    assert [s for s in main if s != "skills"] == [s for s in default_main if s != "education"]


@pytest.mark.parametrize("template", TWO_COLUMNS)
def test_a_chosen_column_moves_the_section_on_the_page(template: str) -> None:
    document = short_cv(template)
    # Titles no other text on the page contains.
    for section, title in zip(document.sections, ("Roles held", "Schooling", "Abilities", "Tongues"), strict=True):
        section.title = title
    before = render_and_inspect(document).pdf
    wide, narrow = _heading_left(before, "Roles held"), _heading_left(before, "Tongues")
    assert abs(wide - narrow) > 50
    assert abs(_heading_left(before, "Schooling") - wide) < 2
    document.design.sections = [SectionLayout("education", column=SectionColumn.SIDE)]
    rendered = render_and_inspect(document)
    assert rendered.split() == {}
    assert abs(_heading_left(rendered.pdf, "Schooling") - narrow) < 2
    if template == "columns":  # the narrow column on the right
        assert _heading_left(rendered.pdf, "Schooling") > wide


@pytest.mark.parametrize("template", ONE_COLUMN)
def test_one_column_templates_ignore_the_column(template: str) -> None:
    document = short_cv(template)
    before = render_html(template, document)
    document.design.sections = [SectionLayout("skills", column=SectionColumn.MAIN)]
    assert render_html(template, document) == before


@pytest.mark.parametrize("template", REGISTRY.names())
def test_a_page_break_starts_the_section_on_a_new_page(template: str) -> None:
    document = short_cv(template)
    assert render_and_inspect(document).pages == 1
    document.design.sections = [SectionLayout("education", page_break_before=True)]
    rendered = render_and_inspect(document)
    assert rendered.pages == 2
    assert rendered.pages_of["data-keep:education"] == {2}
    assert all(rendered.pages_of[f"data-entry:{item.id}"] == {1} for item in document.sections[0].items)
    assert "section-page-break" in render_html(template, document)


def _pages_of_section(document: CvDocument, section_id: str) -> set[int]:
    rendered = render_and_inspect(document)
    section = document.find_section(section_id)
    assert section is not None
    return set().union(*(rendered.pages_of[f"data-entry:{item.id}"] for item in section.items))


@pytest.mark.parametrize("template", ["classic", "columns", "mirrored"])  # in table cells too
def test_keep_together_keeps_a_short_section_on_one_page(template: str) -> None:
    document = long_cv(template)
    # Sections the long sample splits across a page break, other than the first (longer than a page would be).
    split = [s.id for s in document.sections[1:] if len(_pages_of_section(document, s.id)) > 1]
    assert split, "the sample no longer splits a section: the test needs another"
    for section_id in split:
        document.design.sections = [SectionLayout(section_id, keep_together=True)]
        assert len(_pages_of_section(document, section_id)) == 1, section_id


def test_keep_together_still_splits_a_section_longer_than_a_page() -> None:
    document = long_cv("classic")
    document.design.sections = [SectionLayout("experience", keep_together=True)]
    roles = document.sections[0].items
    # Twelve long roles: more than a page.
    roles += [replace(item, id=f"{item.id}-again") for item in roles]
    rendered = render_and_inspect(document)
    entries = {item.id for item in document.sections[0].items}
    assert {key.split(":", 1)[1] for key in rendered.pages_of if key.startswith("data-entry")} >= entries
    assert len(_pages_of_section(document, "experience")) > 1
