"""A Word CV whose first page has a header of its own repeats a running header on the other pages ("Name, CV ·
Page 2 of 3"): the first page's header is read, the running one is not taken for the CV's header."""

from __future__ import annotations

import io

import docx

from cvmaker.adapters.extraction.docx import extract_docx
from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.services.imports import CvFileReader


def _cv_with_a_running_header() -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Amara Okafor"
    section.header.paragraphs[0].text = "Amara Okafor, Curriculum vitae · Page 2 of 2"
    document.add_paragraph("amara.okafor@example.org · +44 20 7946 0123")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Field Ecologist, Natural England\t2019 – 2023")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_running_header_is_dropped_and_the_first_pages_header_read() -> None:
    data = _cv_with_a_running_header()
    extracted = extract_docx(data)
    assert not any("Page 2 of 2" in line.text for line in extracted.lines)
    assert any("Page 2 of 2" in text for text in extracted.dropped)
    basics = CvFileReader(InProcessExtractor()).parse(data, "cv.docx").document.basics
    assert basics.name == "Amara Okafor"
    assert "Page" not in (basics.headline or "")
