"""Skills written where academic CVs write them: a "Software" section, a "Programming: ..." line in a
miscellany, a tool with its level and a sentence about it (the sentence and the level are not skills)."""

from __future__ import annotations

import io

import docx
from docx.shared import Pt

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.cv.model import SectionKind
from cvmaker.services.imports import CvFileReader


def _parse(document: docx.document.Document) -> list[tuple[SectionKind, list[str]]]:
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    return [(s.kind, [k for i in s.items for k in (i.keywords or ([i.title] if i.title else []))]) for s in sections]


def _heading(document: docx.document.Document, text: str) -> None:
    run = document.add_paragraph().add_run(text)
    run.bold, run.font.size = True, Pt(14)


def test_a_software_section_and_a_programming_line_in_a_miscellany() -> None:
    document = docx.Document()
    document.add_paragraph("Kemal Aydın")
    document.add_paragraph("kemal.aydin@example.org")
    _heading(document, "Software")
    document.add_paragraph("Julia, MATLAB, Stata, R")
    _heading(document, "Miscellaneous")
    document.add_paragraph("Programming Skills: Python, Mathematica, oTree", style="List Bullet")
    sections = _parse(document)
    assert (SectionKind.SKILLS, ["Julia", "MATLAB", "Stata", "R"]) in sections
    skills = [k for kind, keywords in sections if kind is SectionKind.SKILLS for k in keywords]
    assert {"Python", "Mathematica", "oTree"} <= set(skills)


def test_levels_and_sentences_under_a_tool_are_not_skills() -> None:
    document = docx.Document()
    document.add_paragraph("Guillermo Beck")
    document.add_paragraph("gbeck@example.cl")
    _heading(document, "Manejo de Software")
    for tool, level, sentence in (
        ("Mplus", "Nivel Medio", "Generación de análisis de senderos, análisis factorial confirmatorio y modelos."),
        (
            "STATA",
            "Nivel Avanzado",
            "Validación de bases de datos, generación de análisis descriptivos, tratamiento y generación de variables.",
        ),
    ):
        document.add_paragraph(tool)
        document.add_paragraph(level)
        document.add_paragraph(sentence, style="List Bullet")
    sections = _parse(document)
    skills = [k for kind, keywords in sections if kind is SectionKind.SKILLS for k in keywords]
    assert "Mplus" in skills and "STATA" in skills
    assert not any("Nivel" in k or "generación" in k.casefold() or "datos" in k for k in skills)
