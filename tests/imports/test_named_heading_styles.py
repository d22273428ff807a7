"""A Word template's own heading style ("Section Heading") marks its section headings even when they are set in
lower case, in the body's size and weight; an entry style named "Job Title" does not."""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.cv.model import SectionKind
from cvmaker.services.imports import CvFileReader


def _template_docx() -> bytes:
    document = docx.Document()
    section_heading = document.styles.add_style("Section Heading", WD_STYLE_TYPE.PARAGRAPH)
    job_title = document.styles.add_style("Job Title", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Amara Okafor")
    document.add_paragraph("amara.okafor@example.org · +44 20 7946 0123")
    document.add_paragraph("teaching appointments", style=section_heading)
    for line in ("2019-2021\tGraduate Instructor, University of Leeds", "2017-2019\tTeaching Assistant, York College"):
        document.add_paragraph(line, style=job_title)
    document.add_paragraph("education", style=section_heading)
    document.add_paragraph("2015-2019\tBSc Biology, University of Leeds", style=job_title)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_templates_named_heading_style_makes_headings_and_an_entry_style_does_not() -> None:
    result = CvFileReader(InProcessExtractor()).parse(_template_docx(), "cv.docx")
    kinds = [section.kind for section in result.document.sections]
    assert kinds == [SectionKind.EXPERIENCE, SectionKind.EDUCATION]
    jobs = result.document.sections[0].items
    assert [(item.title, item.organization) for item in jobs] == [
        ("Graduate Instructor", "University of Leeds"),
        ("Teaching Assistant", "York College"),
    ]
