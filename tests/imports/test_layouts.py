"""The importer reads the same CV from every layout the project generates: single column, sidebar, dates in a
margin, a running header and footer on every page, Word styles, a Word table layout and a Word text box."""

from __future__ import annotations

import json

import pytest

from cvmaker.domain.cv.model import CvDocument, Section, SectionKind
from cvmaker.services.imports import CvFileReader, ImportResult
from tests.imports.documents import PERSONA


def _section(document: CvDocument, kind: SectionKind) -> Section:
    sections = [s for s in document.sections if s.kind is kind]
    assert len(sections) == 1, [(s.kind, s.title) for s in document.sections]
    return sections[0]


def _read(importer: CvFileReader, files: dict[str, bytes], name: str) -> ImportResult:
    extension = "pdf" if name in ("single_column", "sidebar", "date_margin", "running_header") else "docx"
    return importer.parse(files[name], f"{name}.{extension}")


def _assert_contact(result: ImportResult, *, location: bool = True, github: bool = True) -> None:
    basics = result.document.basics
    assert basics.name == PERSONA.name
    assert basics.email == PERSONA.email
    assert basics.phone == PERSONA.phone
    if location:
        assert basics.location == PERSONA.location
    if github:
        assert PERSONA.github in [link.url for link in basics.links]


def _assert_jobs(result: ImportResult, count: int = 3, places: bool = True) -> None:
    items = _section(result.document, SectionKind.EXPERIENCE).items
    assert [(i.title, i.organization) for i in items] == [(j.title, j.employer) for j in PERSONA.jobs[:count]]
    assert [(i.start_date, i.end_date, i.current) for i in items] == [
        (j.start, j.end, j.current) for j in PERSONA.jobs[:count]
    ]
    assert [i.bullets[: len(j.bullets)] for i, j in zip(items, PERSONA.jobs, strict=False)] == [
        list(j.bullets) for j in PERSONA.jobs[:count]
    ]
    if places:
        assert [i.location for i in items] == [j.place for j in PERSONA.jobs[:count]]


def _assert_degrees(result: ImportResult) -> None:
    items = _section(result.document, SectionKind.EDUCATION).items
    assert [(i.title, i.organization, i.end_date) for i in items] == [
        (d.degree, d.school, d.end) for d in PERSONA.degrees
    ]


def _skills(result: ImportResult) -> list[str]:
    return [k for item in _section(result.document, SectionKind.SKILLS).items for k in item.keywords]


@pytest.mark.parametrize("name", ["single_column", "running_header"])
def test_a_single_column_pdf_gives_every_field(importer: CvFileReader, pdfs: dict[str, bytes], name: str) -> None:
    result = _read(importer, pdfs, name)
    _assert_contact(result)
    assert result.document.basics.headline == PERSONA.headline
    assert result.document.summary == PERSONA.summary
    _assert_jobs(result)
    _assert_degrees(result)
    groups = _section(result.document, SectionKind.SKILLS).items
    assert [(g.title, g.keywords) for g in groups] == [(n, list(items)) for n, items in PERSONA.skill_groups]
    languages = _section(result.document, SectionKind.LANGUAGES).items
    assert [(i.title, i.description) for i in languages] == list(PERSONA.spoken)
    certificate = _section(result.document, SectionKind.CERTIFICATIONS).items[0]
    assert (certificate.title, certificate.end_date) == ("AWS Certified Data Analytics – Specialty", "2021")
    assert result.file_kind == "pdf"


def test_a_sidebar_pdf_reads_the_main_column_and_the_sidebar(importer: CvFileReader, pdfs: dict[str, bytes]) -> None:
    result = _read(importer, pdfs, "sidebar")
    _assert_contact(result)
    _assert_jobs(result)  # employer printed before the title here: order is detected
    _assert_degrees(result)  # school above "degree · dates"
    assert _skills(result) == PERSONA.skills
    assert {s.title for s in result.document.sections} >= {"WORK HISTORY", "ACADEMIC BACKGROUND", "SKILLS"}


def test_dates_in_a_left_margin_stay_with_their_entries(importer: CvFileReader, pdfs: dict[str, bytes]) -> None:
    result = _read(importer, pdfs, "date_margin")
    _assert_contact(result)
    _assert_jobs(result)
    _assert_degrees(result)
    assert _skills(result) == PERSONA.skills


def test_running_headers_and_page_numbers_are_left_out_and_reported(
    importer: CvFileReader, pdfs: dict[str, bytes]
) -> None:
    result = _read(importer, pdfs, "running_header")
    assert result.pages >= 2
    everything = json.dumps(result.document.to_dict(), ensure_ascii=False)
    assert "Curriculum Vitae" not in everything
    assert "Page 1 of" not in everything
    dropped = [text for message, text in result.warnings if message.startswith("Repeated on every page")]
    assert "María González – Curriculum Vitae" in dropped
    assert any(text.startswith("Page 1 of") for text in dropped)
    # The padding bullets at the top and bottom of pages differ only by a number: they are kept.
    bullets = [b for item in _section(result.document, SectionKind.EXPERIENCE).items for b in item.bullets]
    assert sum(1 for b in bullets if b.startswith("Delivered project number")) == 36


def test_icon_glyphs_and_private_use_characters_never_reach_the_cv(
    importer: CvFileReader, pdfs: dict[str, bytes]
) -> None:
    for name in pdfs:
        everything = json.dumps(_read(importer, pdfs, name).document.to_dict(), ensure_ascii=False)
        assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in everything), name


def test_a_word_document_with_styles(importer: CvFileReader, docxs: dict[str, bytes]) -> None:
    result = _read(importer, docxs, "styled")
    _assert_contact(result)
    assert result.document.basics.headline == PERSONA.headline
    _assert_jobs(result)  # "Title at Employer, Place<tab>Dates"
    _assert_degrees(result)
    assert _skills(result) == PERSONA.skills
    assert result.file_kind == "docx"


def test_a_word_document_laid_out_with_a_table_and_a_page_header(
    importer: CvFileReader, docxs: dict[str, bytes]
) -> None:
    result = _read(importer, docxs, "table")
    _assert_contact(result, location=False, github=False)  # the page header holds name, email and phone
    _assert_jobs(result)
    _assert_degrees(result)


def test_a_word_text_box_is_read_once(importer: CvFileReader, docxs: dict[str, bytes]) -> None:
    result = _read(importer, docxs, "textbox")
    _assert_contact(result, github=False)
    _assert_jobs(result, count=2, places=False)
    texts = [text for _, text in result.warnings]
    assert PERSONA.email not in texts and PERSONA.phone not in texts  # not a second, unplaced copy


def test_every_line_lands_in_a_field_or_a_warning(importer: CvFileReader, pdfs: dict[str, bytes]) -> None:
    from cvmaker.adapters.extraction.sniffing import extract_document

    for name, data in pdfs.items():
        result = importer.parse(data, f"{name}.pdf")
        # Printed dates are kept as printed in the sources ("Jan 2020 – Present" beside "2020-01").
        placed = json.dumps([result.document.to_dict(), result.warnings, result.sources], ensure_ascii=False)
        # Read as what they stand for: the summary's heading, the visible text of links.
        stand_ins = {"Profile", "Summary", "Contact", "GitHub", "LinkedIn"}
        for line in extract_document(data).lines:
            for word in line.text.replace("•", " ").split():
                word = word.strip(",.()·|—–")
                assert word in placed or word.title() in stand_ins, (name, line.text)


def test_every_field_says_where_it_came_from(importer: CvFileReader, pdfs: dict[str, bytes]) -> None:
    result = _read(importer, pdfs, "single_column")
    sources = result.sources
    assert sources["basics.email"].startswith("page 1:")
    experience = next(i for i, s in enumerate(result.document.sections) if s.kind is SectionKind.EXPERIENCE)
    assert sources[f"sections.{experience}.items.2.endDate"] == 'page 1: "Summer 2016"'
    assert sources[f"sections.{experience}.items.0.organization"] == 'page 1: "Northwind Analytics Ltd"'


def test_a_rotated_watermark_is_left_out_and_reported(importer: CvFileReader) -> None:
    from tests.imports import documents

    markup = documents.single_column_html().replace(
        "<body>",
        '<body><div style="position: absolute; top: 120mm; left: 30mm; font-size: 40pt; color: #eee; '
        'transform: rotate(-35deg)">CONFIDENTIAL DRAFT</div>',
    )
    result = importer.parse(documents.render_pdf(markup), "cv.pdf")
    assert "CONFIDENTIAL" not in json.dumps(result.document.to_dict())
    assert ("Rotated text (a watermark or a sideways label) was left out", "CONFIDENTIAL DRAFT") in result.warnings
    assert result.document.basics.name == PERSONA.name


def test_a_running_header_on_later_pages_only_is_left_out(importer: CvFileReader) -> None:
    from tests.imports import documents

    markup = (
        documents.running_header_html()
        .replace("@top-center { content: 'María González – Curriculum Vitae';", "@top-center { content: '';")
        .replace(
            "</style>",
            "@page :nth(2) { @top-right { content: 'María González — page ' counter(page); font-size: 8pt } }</style>",
        )
    )
    result = importer.parse(documents.render_pdf(markup), "cv.pdf")
    assert "page 2" not in json.dumps(result.document.to_dict(), ensure_ascii=False)
    assert ("A running header or footer with the name; left out", "María González — page 2") in result.warnings
    assert len(next(s for s in result.document.sections if s.kind is SectionKind.EXPERIENCE).items) == 3


def test_a_name_and_email_only_in_the_running_header_are_read_from_the_first_page(importer: CvFileReader) -> None:
    from tests.imports.documents import render_pdf

    jobs = "".join(
        f"<h3>Research Associate {n}</h3><p>Oct 20{n:02d} – Oct 20{n + 1:02d}</p><p>Institute number {n}</p>"
        f"<p>{'Analysed survey data and wrote policy reports for government clients. ' * 4}</p>"
        for n in range(10, 22)
    )
    markup = (
        "<html><head><style>@page { size: A4; margin: 25mm 18mm; "
        "@top-center { content: 'MORGAN WEAVING'; font-size: 12pt; } "
        "@top-right { content: 'Email: morgan@example.org'; font-size: 8pt; } } body { font-size: 10pt }"
        f"</style></head><body><h2>Employment</h2>{jobs}</body></html>"
    )
    result = importer.parse(render_pdf(markup), "cv.pdf")
    assert result.pages >= 2
    assert (result.document.basics.name, result.document.basics.email) == ("MORGAN WEAVING", "morgan@example.org")
