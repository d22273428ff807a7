"""The DOCX export, read back with python-docx: Word headings, Word list bullets, every field, the design."""

from __future__ import annotations

import io

from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.domain.cv.model import PageSize
from cvmaker.domain.cv.samples import arabic_cv, long_cv


def read(data: bytes):  # type: ignore[no-untyped-def]
    import docx

    return docx.Document(io.BytesIO(data))


def test_headings_are_word_headings_and_bullets_are_word_lists() -> None:
    document = long_cv()
    word = read(PythonDocxWriter().write(document, document.design))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert styles[0] == ("Title", "Daniel Okonkwo-Reyes")
    assert [text for style, text in styles if style == "Heading 1"] == [s.title for s in document.sections]
    assert ("Heading 2", "Principal Software Engineer, Northwind Logistics") in styles
    bullets = [text for style, text in styles if style == "List Bullet"]
    assert bullets == [b for s in document.sections for item in s.items for b in item.bullets]
    assert ("Normal", "Languages: Python, Go, Rust, Java, SQL, TypeScript") in styles


def test_every_field_is_in_the_document() -> None:
    document = long_cv()
    word = read(PythonDocxWriter().write(document, document.design))
    text = "\n".join(p.text for p in word.paragraphs)
    for section in document.sections:
        for item in section.items:
            for value in (item.title, item.organization, item.location, item.description, item.url, *item.keywords):
                if value:
                    assert value in text


def test_design_carries_over_and_output_is_stable() -> None:
    from docx.shared import Mm, Pt

    document = long_cv()
    document.design.page_size = PageSize.LETTER
    document.design.font_family = "Liberation Serif"
    document.design.margins = "25mm"
    data = PythonDocxWriter().write(document, document.design)
    assert data == PythonDocxWriter().write(document, document.design)
    word = read(data)
    section = word.sections[0]
    assert round(section.page_width.mm) == 216 and abs(section.left_margin - Mm(25)) < Mm(0.1)
    assert word.styles["Normal"].font.name == "Liberation Serif"
    assert word.styles["Normal"].font.size == Pt(10.5)
    assert word.core_properties.author == "Daniel Okonkwo-Reyes"


def test_right_to_left_cvs_get_right_to_left_paragraphs() -> None:
    document = arabic_cv()
    word = read(PythonDocxWriter().write(document, document.design))
    name = word.paragraphs[0]
    assert name.text == document.basics.name
    assert name._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None


def test_profile_links_are_real_hyperlinks_with_the_full_address() -> None:
    import io

    import docx

    from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
    from cvmaker.domain.cv.model import Design
    from cvmaker.domain.cv.samples import long_cv

    document = long_cv()
    word = docx.Document(io.BytesIO(PythonDocxWriter().write(document, Design())))
    targets = sorted(rel.target_ref for rel in word.part.rels.values() if rel.is_external)
    assert targets == sorted(link.url for link in document.basics.links)
    contact = next(p for p in word.paragraphs if document.basics.email and document.basics.email in p.text)
    assert len(contact.hyperlinks) == len(document.basics.links)
