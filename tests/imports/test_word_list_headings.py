"""Word templates that number their headings as list paragraphs, titles followed by how long the role lasted,
and an employer line that ends with a full stop."""

from __future__ import annotations

import io

import docx
from docx.shared import Pt

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.entries import is_sentence
from cvmaker.services.imports import CvFileReader


def _cv() -> bytes:
    document = docx.Document()
    name = document.add_paragraph().add_run("Luisa Gómez Ortiz")
    name.font.size, name.bold = Pt(24), True
    document.add_paragraph("luisa.gomez@example.org · +57 300 123 4567")
    for heading, entries in (
        (
            "Work History",
            (
                ("Field Geologist (2 months)", "Listos SA, Montelibano, Córdoba, Colombia."),
                ("Junior Geologist (2.5 years)", "Independence Water and Mining, Medellín, Colombia."),
            ),
        ),
    ):
        run = document.add_paragraph(style="List Number").add_run(heading)
        run.font.size, run.bold = Pt(14), True
        for title, employer in entries:
            document.add_paragraph().add_run(title).bold = True
            document.add_paragraph(employer)
            document.add_paragraph("Mapped the open pit benches and logged the drill core every week.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_numbered_list_heading_titles_with_durations_and_employer_lines() -> None:
    document = CvFileReader(InProcessExtractor()).parse(_cv(), "cv.docx").document
    assert [section.kind for section in document.sections] == [SectionKind.EXPERIENCE]
    items = document.sections[0].items
    assert [(item.title, item.organization) for item in items] == [
        ("Field Geologist", "Listos SA"),
        ("Junior Geologist", "Independence Water and Mining"),
    ]


def test_names_and_places_ending_with_a_full_stop_are_not_a_sentence() -> None:
    assert not is_sentence("Hexagon Mining, Baranquilla, Colombia – Belo Horizonte, Brazil.")
    assert is_sentence("Mapped the open pit benches and logged the drill core every week.")
