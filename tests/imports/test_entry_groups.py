"""Inside an experience section: a group label right under the heading ("Financial Services"), set like the
headings, and labels inside a job ("Key achievements:") are not sections of their own."""

from __future__ import annotations

import io

import docx
from docx.shared import Pt

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.cv.model import SectionKind
from cvmaker.services.imports import CvFileReader


def _line(document: docx.document.Document, text: str, size: float, bold: bool) -> None:
    run = document.add_paragraph().add_run(text)
    run.font.size, run.bold = Pt(size), bold


def test_group_labels_and_labels_inside_a_job_stay_in_the_experience_section() -> None:
    document = docx.Document()
    _line(document, "Alexander Mikhalev", 12, True)
    _line(document, "alex.mikhalev@example.org", 10, False)
    _line(document, "Experience", 12, True)
    _line(document, "Financial Services", 12, True)
    for title in ("AI/ML Architect, Nationwide Building Society, Swindon", "Lead Architect, Barclays, London"):
        _line(document, f"{title}\t2016 – 2018", 11, True)
        _line(document, "Key achievements:", 12, False)
        _line(document, "Designed the data platform used by forty teams across the society.", 10, False)
    _line(document, "Education", 12, True)
    _line(document, "PhD Wireless Networks, Cranfield University\t2004 – 2010", 11, True)
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    assert [s.kind for s in sections] == [SectionKind.EXPERIENCE, SectionKind.EDUCATION]
    assert [(i.title, i.location) for i in sections[0].items if i.title] == [
        ("AI/ML Architect", "Swindon"),
        ("Lead Architect", "London"),
    ]
