"""Word CVs that put the name and contact details in a SmartArt graphic: its text is read where the graphic is
anchored, in the drawing's order and with its sizes (the largest line is the name)."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.services.imports import CvFileReader

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_DSP = "http://schemas.microsoft.com/office/drawing/2008/diagram"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _paragraphs(*lines: tuple[str, int]) -> str:
    return "".join(f'<a:p><a:r><a:rPr sz="{size * 100}" b="1"/><a:t>{text}</a:t></a:r></a:p>' for text, size in lines)


def _smartart_docx(with_drawing: bool, doctype: str = "", name: str = "Selin Arslan") -> bytes:
    document = docx.Document()
    package = document.part.package
    lines = ((name, 20), ("Contact", 12), ("+90 532 111 22 33 selin.arslan@example.org", 10))
    drawing_id = ""
    if with_drawing:
        drawing = Part(
            PackURI("/word/diagrams/drawing1.xml"),
            "application/vnd.ms-office.drawingml.diagramDrawing+xml",
            f'<dsp:drawing xmlns:dsp="{_DSP}" xmlns:a="{_A}"><dsp:spTree><dsp:sp><dsp:txBody>'
            f"{_paragraphs(*lines)}</dsp:txBody></dsp:sp></dsp:spTree></dsp:drawing>".encode(),
            package,
        )
        drawing_id = document.part.relate_to(
            drawing, "http://schemas.microsoft.com/office/2007/relationships/diagramDrawing"
        )
    # The data model lists the same text in another order (its points), as Word's does.
    data = Part(
        PackURI("/word/diagrams/data1.xml"),
        "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
        f'{doctype}<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="{_A}" xmlns:dsp="{_DSP}"><dgm:ptLst>'
        f"<dgm:pt><dgm:t>{_paragraphs(*lines)}</dgm:t></dgm:pt></dgm:ptLst>"
        f'<dgm:extLst><a:ext><dsp:dataModelExt relId="{drawing_id}"/></a:ext></dgm:extLst></dgm:dataModel>'.encode(),
        package,
    )
    data_id = document.part.relate_to(data, RT.DIAGRAM_DATA)
    anchor = document.add_paragraph()
    anchor._p.append(
        parse_xml(
            f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:drawing>'
            f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_DGM}">'
            f'<dgm:relIds xmlns:dgm="{_DGM}" xmlns:r="{_R}" r:dm="{data_id}"/>'
            f"</a:graphicData></a:graphic></w:drawing></w:r>"
        )
    )
    document.add_heading("Experience", level=1)
    document.add_paragraph("Software Engineer, Aselsan\t2016 – 2022")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_name_and_contacts_in_smartart_are_read() -> None:
    for with_drawing in (True, False):
        basics = CvFileReader(InProcessExtractor()).parse(_smartart_docx(with_drawing), "cv.docx").document.basics
        assert (basics.name, basics.email, basics.phone) == (
            "Selin Arslan",
            "selin.arslan@example.org",
            "+90 532 111 22 33",
        ), with_drawing


def test_an_entity_in_a_smartart_part_is_never_resolved() -> None:
    hostile = _smartart_docx(False, doctype='<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>', name="A &e; B")
    result = CvFileReader(InProcessExtractor()).parse(hostile, "cv.docx")
    assert "root:" not in repr(result.document.to_dict())
    assert result.document.basics.email == "selin.arslan@example.org"
