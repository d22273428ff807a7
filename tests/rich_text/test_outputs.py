"""Rich text in each output: the PDF (a bold font run, link annotations, list lines), the DOCX (bold and italic
runs, hyperlinks with a relationship, bulleted paragraphs) and the plain-text export (markers gone)."""

from __future__ import annotations

import io

import docx
import pdfplumber
import pytest

from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.domain.rendering.plain_text import to_plain_text
from tests.rendering.layout import pdf_text, render_and_inspect
from tests.rich_text.documents import rich_cv


def _fonts_of(page: pdfplumber.page.Page, word: str) -> set[str]:
    found = page.search(word, regex=False)
    assert found, word
    chars = [c for c in page.chars if found[0]["x0"] <= c["x0"] < found[0]["x1"] and c["top"] == found[0]["top"]]
    return {c["fontname"] for c in chars}


@pytest.mark.parametrize("template", ["classic", "modern", "plain"])
def test_the_pdf_has_bold_and_italic_runs_links_and_list_lines(template: str) -> None:
    pdf = render_and_inspect(rich_cv(template)).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        page = opened.pages[0]
        assert all("Bold" in name for name in _fonts_of(page, "night shift"))
        assert not any("Bold" in name for name in _fonts_of(page, "Ran the"))
        assert any("Italic" in name or "Oblique" in name for name in _fonts_of(page, "daily"))
        links = {link["uri"] for link in page.hyperlinks}
    assert {"https://stmarys.nhs.uk", "https://bristol.ac.uk"} <= links
    assert not any(uri.startswith("javascript") for uri in links)
    text = pdf_text(pdf)
    assert "Led daily audits" in text and "Cut falls by 30%" in text
    assert "**" not in text and "](" not in text
    assert "<script>alert(1)</script>" in text  # typed HTML is shown as text


def test_the_pdf_keeps_the_summary_line_break_and_paragraphs() -> None:
    pdf = render_and_inspect(rich_cv("classic")).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        page = opened.pages[0]
        tops = [page.search(words, regex=False)[0]["top"] for words in ("Nurse with", "Calm under", "Trained")]
    assert tops[0] < tops[1] < tops[2]


def test_the_docx_has_runs_hyperlinks_and_bulleted_paragraphs() -> None:
    document = rich_cv()
    word = docx.Document(io.BytesIO(PythonDocxWriter().write(document, document.design)))
    paragraphs = word.paragraphs
    summary = next(p for p in paragraphs if p.text.startswith("Nurse with"))
    assert [(r.text, r.bold, r.italic) for r in summary.runs][:4] == [
        ("Nurse with ", None, None),
        ("ten years", True, None),
        (" on ", None, None),
        ("acute", None, True),
    ]
    assert summary.text == "Nurse with ten years on acute wards.\nCalm under pressure."
    assert any(p.text == "Trained <script>alert(1)</script> staff." for p in paragraphs)
    description = next(p for p in paragraphs if p.text.startswith("Ran the"))
    assert [(h.text, h.url) for h in description.hyperlinks] == [("St Mary's", "https://stmarys.nhs.uk")]
    # python-docx reads a hyperlink's address from its external relationship: there is one.
    assert [run.font.underline for run in description.hyperlinks[0].runs] == [True]
    bullets = [p for p in paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets[:3]] == [
        "Led daily audits",
        "Cut falls by 30%",
        "Mentored twelve students from Bristol bad",
    ]
    assert [(r.text, r.italic) for r in bullets[0].runs] == [("Led ", None), ("daily", True), (" audits", None)]
    assert [h.url for h in bullets[2].hyperlinks] == ["https://bristol.ac.uk"]
    assert "**" not in "\n".join(p.text for p in paragraphs)


def test_the_plain_text_export_drops_markers_and_writes_links_out() -> None:
    text = to_plain_text(rich_cv())
    assert (
        "Nurse with ten years on acute wards.\nCalm under pressure.\nTrained <script>alert(1)</script> staff." in text
    )
    assert "Ran the night shift for St Mary's (https://stmarys.nhs.uk).\n- Led daily audits\n- Cut falls by 30%" in text
    assert "- Mentored twelve students from Bristol (https://bristol.ac.uk) bad" in text
    assert "**" not in text and "](" not in text and "javascript" not in text
