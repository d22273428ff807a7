"""Contact details laid out as a form ("Rut : 16.958.329-3", "Dirección : Miguel Claro 730"), labels in other
scripts, dates that look like numbers, and a name set apart at the end of a Word file."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Pt

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.parsing.contact import ContactPiece, looks_like_name, phone_in, read_contact
from cvmaker.services.imports import CvFileReader


def _form_cv() -> bytes:
    """A Word CV whose personal data is a table of label, colon and value, as Chilean and Spanish CVs are set."""
    document = docx.Document()
    document.add_paragraph("Camila Soto Fuentes")
    table = document.add_table(rows=0, cols=3)
    for label, value in (
        ("Rut", "16.958.329-3"),
        ("Estado Civil", "Soltera"),
        ("Dirección", "Pasaje Los Aromos 1180, Ñuñoa"),
        ("Teléfono", "+569–81234567"),
        ("Correo electrónico", "camila.soto@example.cl"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    document.add_heading("Experiencia Laboral", level=1)
    document.add_paragraph("Enfermera, Clínica Alemana\t2018 – 2023")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_form_of_labels_gives_each_value_its_field_and_keeps_the_others_unplaced() -> None:
    result = CvFileReader(InProcessExtractor()).parse(_form_cv(), "cv.docx")
    basics = result.document.basics
    assert basics.name == "Camila Soto Fuentes"
    assert basics.phone == "+569-81234567"  # not the Rut, an identity number
    assert basics.email == "camila.soto@example.cl"
    assert basics.location == "Pasaje Los Aromos 1180, Ñuñoa"
    assert basics.headline is None
    unplaced = " ".join(text for _, text in result.warnings)
    assert "Rut: 16.958.329-3" in unplaced and "Estado Civil: Soltera" in unplaced


def test_a_phone_label_in_chinese_keeps_its_number() -> None:
    contact = read_contact([ContactPiece("赖哲剑", 20.0, 0), ContactPiece("联系电话: (+86)19979869426", 10.0, 1)])
    assert contact.phone == "(+86)19979869426"


@pytest.mark.parametrize("text", ["2017/08/10-2018/03", "03/2019 - 05/2021", "2019.09 - 2021.06"])
def test_periods_are_not_phone_numbers(text: str) -> None:
    assert phone_in(text) is None


def test_a_nickname_in_brackets_is_part_of_a_name() -> None:
    assert looks_like_name("Antonia (Toni) Marcheva")


def test_a_name_in_large_type_at_the_end_of_a_word_file_is_the_name() -> None:
    document = docx.Document()
    document.add_heading("Summary", level=1)
    document.add_paragraph("Nurse with eight years on surgical wards, looking for a charge nurse role.")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Staff Nurse, St Thomas' Hospital\t2016 – 2024")
    document.add_heading("Contact", level=1)
    document.add_paragraph("Email:")
    document.add_paragraph("amy.lee@example.org")
    name = document.add_paragraph().add_run("Amy Lee")
    name.font.size = Pt(20)
    buffer = io.BytesIO()
    document.save(buffer)
    basics = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.basics
    assert (basics.name, basics.email) == ("Amy Lee", "amy.lee@example.org")
    assert basics.headline != "Email:"


def test_the_name_the_email_is_made_from_wins_and_titles_are_no_part_of_it() -> None:
    from cvmaker.domain.parsing.contact import ContactPiece, read_contact

    contact = read_contact(
        [
            ContactPiece("ÉLECTRO INFO PHYSICIEN", 14.0, 0),
            ContactPiece("ACHRAF NAJMI", 12.0, 1),
            ContactPiece("najmi.achraf@example.com", 10.0, 2),
        ]
    )
    assert contact.name == "ACHRAF NAJMI"
    titled = read_contact([ContactPiece("Dr.-Ing. Maximilian Raff", 16.0, 0), ContactPiece("m@example.de", 10.0, 1)])
    assert titled.name == "Maximilian Raff"
