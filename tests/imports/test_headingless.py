"""A CV with no section headings at all: after the contact lines, the dated lines are read as entries, degrees
as education and the rest as experience, instead of one long header."""

from __future__ import annotations

import io

import docx

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.cv.model import SectionKind
from cvmaker.services.imports import CvFileReader


def _headingless_cv() -> bytes:
    document = docx.Document()
    document.add_paragraph().add_run("Grace Mwangi").bold = True
    document.add_paragraph("grace.mwangi@example.org | +254 712 345 678 | Nairobi, Kenya")
    document.add_paragraph("Born 12.03.1990")
    for line, dates in (
        ("Senior Nurse, Kenyatta National Hospital", "2019 – Present"),
        ("Staff Nurse, Aga Khan University Hospital", "2015 – 2019"),
    ):
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = True
        paragraph.add_run(f"\t{dates}")
        document.add_paragraph("Led a team of twelve nurses on the children's ward.", style="List Bullet")
    paragraph = document.add_paragraph()
    paragraph.add_run("BSc Nursing, University of Nairobi").bold = True
    paragraph.add_run("\t2011 – 2015")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_cv_without_headings_is_read_by_its_dates() -> None:
    document = CvFileReader(InProcessExtractor()).parse(_headingless_cv(), "cv.docx").document
    assert (document.basics.name, document.basics.email) == ("Grace Mwangi", "grace.mwangi@example.org")
    assert [section.kind for section in document.sections] == [SectionKind.EXPERIENCE, SectionKind.EDUCATION]
    jobs, degrees = (section.items for section in document.sections)
    assert [(i.title, i.organization, i.start_date, i.end_date, i.current) for i in jobs] == [
        ("Senior Nurse", "Kenyatta National Hospital", "2019", None, True),
        ("Staff Nurse", "Aga Khan University Hospital", "2015", "2019", False),
    ]
    assert jobs[0].bullets == ["Led a team of twelve nurses on the children's ward."]
    assert [(i.title, i.organization) for i in degrees] == [("BSc Nursing", "University of Nairobi")]


def test_dated_lines_above_named_sections_stay_in_the_header() -> None:
    """With an Experience heading, a dated line at the top (an availability) is not an entry of its own."""
    document = docx.Document()
    document.add_paragraph("Tom Reyes")
    document.add_paragraph("Available from June 2025, notice 2019 – 2020 served")
    document.add_paragraph("Open to relocation 2024 – 2025")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Welder, Harland & Wolff\t2016 – 2024")
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document
    assert [section.kind for section in parsed.sections] == [SectionKind.EXPERIENCE]
    assert [(i.title, i.organization) for i in parsed.sections[0].items] == [("Welder", "Harland & Wolff")]
