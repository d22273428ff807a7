"""In the browser against the real server: import a PDF CV with a progress bar, review what the importer was
unsure of, correct a field and see the preview change, download the PDF and find the corrected text in it;
a file that is not a CV is refused in plain words."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_up, wait_saved
from tests.e2e.test_preview_design_download import wait_for_new_preview
from tests.importer import documents


def test_import_a_pdf_review_correct_and_download(page: Page, email: str, tmp_path: Path) -> None:
    pdf = tmp_path / "maria-gonzalez-cv.pdf"
    # Three pages with a running header and page numbers: text the importer leaves out and reports.
    pdf.write_bytes(documents.render_pdf(documents.running_header_html()))
    sign_up(page, email)
    page.get_by_role("button", name="Import PDF or Word").click()
    dialog = page.get_by_role("dialog", name="Import a CV")
    expect(dialog).to_be_visible()
    screenshot(page, "11-import")
    page.locator("#import-file").set_input_files(str(pdf))
    expect(page.get_by_role("heading", name="Check your imported CV")).to_be_visible(timeout=30_000)
    expect(page.get_by_label("Full name")).to_have_value(documents.PERSONA.name)
    review = page.locator(".import-review")
    expect(review.get_by_role("heading", name="Text we could not place")).to_be_visible()
    expect(review).to_contain_text("Page 1 of 3")
    before = wait_for_new_preview(page, "")
    screenshot(page, "12-import-review")

    page.get_by_label("Headline").fill("Principal Data Engineer")
    wait_for_new_preview(page, before)
    wait_saved(page)
    page.get_by_role("button", name="Looks good").click()
    expect(page.get_by_role("heading", name="Check your imported CV")).to_have_count(0)

    page.get_by_role("button", name="Download").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF").click()
    saved = tmp_path / "downloaded.pdf"
    download_info.value.save_as(saved)
    with pdfplumber.open(saved) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
    assert "Principal Data Engineer" in text
    assert documents.PERSONA.name in text


def test_a_cv_without_a_name_gets_the_name_field_highlighted(page: Page, email: str, tmp_path: Path) -> None:
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(documents.render_pdf(
        "<html><body><h2>Experience</h2><p><b>Data Engineer</b>, Contoso Retail   2017 - 2019</p>"
        "<ul><li>Built the order warehouse in PostgreSQL</li></ul><h2>Skills</h2><p>Python, SQL</p></body></html>"))
    sign_up(page, email)
    page.get_by_role("button", name="Import PDF or Word").click()
    page.locator("#import-file").set_input_files(str(pdf))
    expect(page.get_by_role("heading", name="Check your imported CV")).to_be_visible(timeout=30_000)
    name = page.get_by_label("Full name")
    expect(name).to_have_accessible_description(re.compile("importer was not sure"))
    name.fill("Ada Lovelace")
    page.get_by_role("button", name="Looks good").click()
    expect(name).not_to_have_accessible_description(re.compile("importer was not sure"))
    wait_saved(page)


def test_a_file_that_is_not_a_cv_is_refused_in_plain_words(page: Page, email: str, tmp_path: Path) -> None:
    fake = tmp_path / "holiday.pdf"
    fake.write_bytes(b"GIF89a this is a picture, not a PDF")
    sign_up(page, email)
    page.get_by_role("button", name="Import PDF or Word").click()
    page.locator("#import-file").set_input_files(str(fake))
    expect(page.get_by_role("dialog").get_by_role("alert")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Close").click()
    expect(page.get_by_text("No CVs yet")).to_be_visible()
