"""Cover letters rendered by the service with the real adapters (WeasyPrint in a worker, python-docx) and an
in-memory blob store: the CV's look, the letter's text in reading order, the cache, DOCX, and hostile text."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.domain.cv.model import CvDocument, Design, PageSize
from cvmaker.domain.cv.samples import arabic_cv, short_cv
from cvmaker.domain.errors import InvalidInput
from cvmaker.services.letters import LetterRenderer
from cvmaker.services.rendering import RenderFormat, RenderService
from tests.letters.conftest import LETTER_TEXT, a_letter
from tests.rendering.conftest import MemoryBlobStore
from tests.rendering.layout import folded, pdf_text

READING_ORDER = [
    "25 November 2026",
    "Dear Hiring Manager,",
    (
        "I am applying for the Senior Data Analyst role at Northwind. Most recently I worked as Data Analyst, "
        "Westcountry Energy."
    ),
    "My CV shows the SQL, Python and Power BI this role asks for.",
    "Some of what I have done:",
    "Built the weekly demand forecast in Python (statsmodels), cutting forecast error by 18%.",
    "Rebuilt 14 finance dashboards in Power BI on a single dbt model, saving 6 hours a week.",
    "Thank you for your time. I would welcome the chance to talk about the role.",
    "Kind regards,",
    "Amelia Hartley",
]
HOSTILE = (
    "Dear {{ cv.name }},\n\n{% for x in range(3) %}{{ 7*7 }}{% endfor %} <script>alert(1)</script> "
    '<img src="file:///etc/passwd"> <style>body { display: none }</style> &amp; '
    '<a href="https://evil.example">click</a>\n\nKind regards,\nAmelia Hartley'
)


def stored(blobs: MemoryBlobStore, key: str) -> bytes:
    return blobs.files[key][0]


def assert_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(folded(part), position)
        assert found >= 0, f"{part!r} missing or out of order in {text!r}"
        position = found + len(folded(part))


def name_style(pdf: bytes, name: str) -> tuple[str, float, Any]:
    """Font, size and colour of `name` where it is set largest on the first page (the header, not a signature)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[0].chars
    text = "".join(char["text"] for char in chars)
    starts = [match.start() for match in re.finditer(re.escape(name), text)]
    first = max((chars[start] for start in starts), key=lambda char: char["size"])
    return first["fontname"].split("+")[-1], round(first["size"], 1), first["non_stroking_color"]


@pytest.mark.parametrize("template", REGISTRY.names())
def test_each_template_gives_a_one_page_letter_that_reads_in_order_under_the_cvs_own_header(
    template: str, letters: LetterRenderer, rendering: RenderService, blobs: MemoryBlobStore
) -> None:
    document = short_cv(template)
    rendered = letters.render("alice", a_letter(), document)
    letter_pdf = stored(blobs, rendered.key)
    assert rendered.pages == 1 and letter_pdf.startswith(b"%PDF")
    text = pdf_text(letter_pdf)
    assert_in_order(text, READING_ORDER)
    for contact in ("amelia.hartley@example.com", "+44 20 7946 0958", "Bristol, United Kingdom", "Data Analyst"):
        assert contact in text
    # The letterhead is the CV's header: the name is set in the same font, size and colour as on the CV.
    cv_pdf = stored(blobs, rendering.render("alice", "cv-1", document).key)
    assert name_style(letter_pdf, "Amelia Hartley") == name_style(cv_pdf, "Amelia Hartley")


def test_the_file_sits_beside_the_cvs_renders_and_a_second_request_is_served_from_the_store(
    letters: LetterRenderer, blobs: MemoryBlobStore
) -> None:
    first = letters.render("alice", a_letter(), short_cv())
    second = letters.render("alice", a_letter(), short_cv())
    assert re.fullmatch(r"users/alice/renders/cv-1/letters/[0-9a-f]{64}\.pdf", first.key)
    assert (first.cached, second.cached, blobs.puts) == (False, True, 1)
    assert (second.key, second.sha256, second.pages, second.bytes) == (first.key, first.sha256, 1, first.bytes)
    assert first.filename == "Amelia Hartley Cover Letter.pdf" and first.content_type == "application/pdf"
    blobs.files.clear()
    again = letters.render("alice", a_letter(), short_cv())
    assert not again.cached and again.sha256 == first.sha256  # equal input renders to equal bytes


def test_the_letter_text_the_design_and_the_template_make_new_files_but_an_edit_elsewhere_in_the_cv_does_not(
    letters: LetterRenderer,
) -> None:
    base = letters.render("alice", a_letter(), short_cv()).key
    edited_entry = short_cv()
    edited_entry.sections[0].items[0].bullets.append("A new bullet the letter does not show.")
    assert letters.render("alice", a_letter(), edited_entry).key == base
    recoloured = short_cv()
    recoloured.design.accent_color = "#aa3300"
    renamed = short_cv()
    renamed.basics.name = "Amelia J. Hartley"
    keys = {
        base,
        letters.render("alice", a_letter(LETTER_TEXT + "\n"), short_cv()).key,
        letters.render("alice", a_letter(), recoloured).key,
        letters.render("alice", a_letter(), renamed).key,
        letters.render("alice", a_letter(), short_cv("modern")).key,
        letters.render("alice", a_letter(), short_cv(), RenderFormat.DOCX).key,
    }
    assert len(keys) == 6


def test_the_design_carries_over_page_size_and_accent(letters: LetterRenderer, blobs: MemoryBlobStore) -> None:
    import pdfplumber
    import pypdfium2

    document = short_cv()
    document.design = Design(template="classic", accent_color="#aa3300", page_size=PageSize.LETTER)
    pdf = stored(blobs, letters.render("alice", a_letter(), document).key)
    page = pypdfium2.PdfDocument(pdf)[0]
    assert (round(page.get_width()), round(page.get_height())) == (612, 792)
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        colours = {tuple(round(c, 2) for c in char["non_stroking_color"]) for char in opened.pages[0].chars}
    dark_accent = tuple(round(int(h, 16) / 255, 2) for h in ("80", "26", "00"))  # #aa3300 darkened by a quarter
    assert dark_accent in colours


def test_letter_text_with_template_syntax_or_html_prints_literally(
    letters: LetterRenderer, blobs: MemoryBlobStore
) -> None:
    letter = a_letter(HOSTILE)
    pdf_text_read = pdf_text(stored(blobs, letters.render("alice", letter, short_cv()).key))
    for literal in (
        "Dear {{ cv.name }},",
        "{% for x in range(3) %}{{ 7*7 }}{% endfor %}",
        "<script>alert(1)</script>",
        '<img src="file:///etc/passwd">',
        "<style>body { display: none }</style>",
        "&amp;",
        '<a href="https://evil.example">click</a>',
    ):
        assert folded(literal) in pdf_text_read
    assert "49" not in pdf_text_read and "root:" not in pdf_text_read
    import docx

    word = docx.Document(io.BytesIO(stored(blobs, letters.render("alice", letter, short_cv(), RenderFormat.DOCX).key)))
    docx_text = "\n".join(p.text for p in word.paragraphs)
    assert "{% for x in range(3) %}{{ 7*7 }}{% endfor %} <script>alert(1)</script>" in docx_text


def test_the_docx_letter_keeps_the_design_and_the_letters_parts_in_order(
    letters: LetterRenderer, blobs: MemoryBlobStore
) -> None:
    import docx
    from docx.shared import Pt

    document = short_cv()
    document.design = Design(
        template="classic",
        accent_color="#2e7d32",
        font_family="Noto Serif",
        font_size=11,
        page_size=PageSize.LETTER,
        margins="20mm",
    )
    rendered = letters.render("alice", a_letter(), document, RenderFormat.DOCX)
    assert rendered.filename == "Amelia Hartley Cover Letter.docx" and rendered.pages is None
    word = docx.Document(io.BytesIO(stored(blobs, rendered.key)))
    section = word.sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (215.9, 279.4)
    assert round(section.left_margin.mm) == 20
    assert word.styles["Normal"].font.name == "Noto Serif" and word.styles["Normal"].font.size == Pt(11)
    paragraphs = [p for p in word.paragraphs if p.text]
    assert paragraphs[0].text == "Amelia Hartley" and paragraphs[0].style.name == "Title"
    assert "amelia.hartley@example.com" in paragraphs[2].text
    body = [p.text for p in paragraphs[3:]]
    assert body == READING_ORDER
    bullets = [p for p in paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets] == READING_ORDER[5:7]
    signature = paragraphs[-1].runs[0]
    assert signature.bold and str(signature.font.color.rgb) == "2E7D32"
    blobs.files.clear()
    assert letters.render("alice", a_letter(), document, RenderFormat.DOCX).sha256 == rendered.sha256


def test_text_gives_the_letter_as_written(letters: LetterRenderer, blobs: MemoryBlobStore) -> None:
    rendered = letters.render("alice", a_letter(), short_cv(), RenderFormat.TEXT)
    assert stored(blobs, rendered.key).decode() == LETTER_TEXT + "\n"
    assert rendered.key.endswith(".txt") and rendered.content_type.startswith("text/plain")


def test_a_long_letter_takes_two_pages_and_its_sign_off_stays_with_the_last_paragraph(
    letters: LetterRenderer, blobs: MemoryBlobStore
) -> None:
    import pypdfium2

    paragraph = (
        "At Westcountry Energy I built the weekly demand forecast and rebuilt the finance dashboards, "
        "working with operations, finance and customer service every week. "
    ) * 3
    text = "Dear Hiring Manager,\n\n" + "\n\n".join([paragraph.strip()] * 9) + "\n\nKind regards,\nAmelia Hartley"
    rendered = letters.render("alice", a_letter(text), short_cv())
    assert rendered.pages == 2
    pdf = pypdfium2.PdfDocument(stored(blobs, rendered.key))
    last_page = pdf[1].get_textpage().get_text_range()
    assert "Kind regards," in last_page and "Amelia Hartley" in last_page
    assert "2 / 2" in last_page  # the CV's running page numbers carry over


def test_a_right_to_left_letter_is_laid_out_right_to_left(letters: LetterRenderer, blobs: MemoryBlobStore) -> None:
    document = arabic_cv()
    text = f"السادة الكرام،\n\nأتقدم بطلب لشغل وظيفة محلل بيانات.\n\nمع خالص التحية،\n{document.basics.name}"
    rendered = letters.render("alice", a_letter(text), document)
    read = pdf_text(stored(blobs, rendered.key))
    assert rendered.pages == 1 and folded(document.basics.name) in read
    html = letters.rendering.templates.letter_html(
        "classic", document, document.design, letters.content(a_letter(text), letters.rendering.prepare(document))
    )
    assert '<html lang="ar" dir="rtl">' in html


def test_other_formats_bad_ids_and_unsafe_designs_are_refused_and_nothing_is_stored(
    letters: LetterRenderer, blobs: MemoryBlobStore
) -> None:
    with pytest.raises(InvalidInput) as wrong_format:
        letters.render("alice", a_letter(), short_cv(), RenderFormat.JSON_RESUME)
    assert wrong_format.value.problems[0].path == "format"
    for owner, letter in (
        ("../bob", a_letter()),
        ("alice", a_letter(letter_id="a/../../b")),
        ("alice", a_letter(cv_id="cv/1")),
    ):
        with pytest.raises(InvalidInput):
            letters.render(owner, letter, short_cv())
    unsafe: CvDocument = short_cv()
    unsafe.design.accent_color = "red; background: url(https://evil.example/x)"
    with pytest.raises(InvalidInput):
        letters.render("alice", a_letter(), unsafe)
    assert blobs.files == {}
