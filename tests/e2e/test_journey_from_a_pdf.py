"""In the browser against the real server: the whole journey from a PDF CV (import, review, correct, preview,
template, download, match, tailor, restore), the name field highlighted when the importer found no name, and a
file that is not a CV refused in plain words."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_up, wait_for_new_preview, wait_for_result, wait_saved
from tests.imports import documents

POSTING = """Senior Data Engineer

Requirements:
- 5+ years of experience with Python and SQL
- Experience with Apache Kafka and Airflow
- Strong knowledge of AWS and Terraform
- Experience with Kubernetes is a plus
"""


def test_the_whole_journey_from_a_pdf(page: Page, email: str, tmp_path: Path) -> None:
    """Sign in, import a PDF CV, correct a field and see the preview change, change the template, download the
    PDF holding the edited text, match a posting (score, missing keywords), tailor and accept a change, then
    restore an earlier revision of the original."""
    pdf = tmp_path / "maria-gonzalez-cv.pdf"
    # Three pages with a running header and page numbers: text the importer leaves out and reports.
    pdf.write_bytes(documents.render_pdf(documents.running_header_html()))
    sign_up(page, email)
    page.get_by_role("button", name="Import a CV file").click()
    dialog = page.get_by_role("dialog", name="Import a CV")
    expect(dialog).to_be_visible()
    screenshot(page, "11-import")
    page.locator("#import-file").set_input_files(str(pdf))
    wait_for_result(page, page.get_by_role("heading", name="Check your imported CV"))
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
    cv_url = page.url

    page.get_by_role("link", name="Design").click()
    current = wait_for_new_preview(page, "")
    page.get_by_role("button", name="Compact", exact=True).click()
    wait_for_new_preview(page, current)
    wait_saved(page)
    page.reload()
    expect(page.get_by_role("button", name="Compact", exact=True)).to_have_attribute("aria-pressed", "true")

    page.get_by_role("link", name="Job match").click()
    page.get_by_label("Job title").fill("Senior Data Engineer")
    page.get_by_label("Job posting").fill(POSTING)
    page.get_by_role("button", name="Check my match").click()
    wait_for_result(page, page.get_by_test_id("match-score"))
    expect(page.get_by_test_id("match-score")).to_have_text(re.compile(r"^\d{1,3}$"))
    expect(page.get_by_test_id("missing-requirements")).to_contain_text(re.compile("Terraform|AWS"))
    page.get_by_role("button", name="Tailor my CV to this job").click()
    wait_for_result(page, page.get_by_role("heading", name="Review the tailored CV"))
    first_change = page.locator(".change").first
    expect(first_change.get_by_role("button", name="Accept")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name=re.compile("Save tailored CV")).click()
    expect(page.get_by_label("CV title")).to_have_value(re.compile("Senior Data Engineer"))

    page.goto(cv_url)
    page.get_by_role("link", name="History").click()
    page.get_by_role("button", name="Restore version 1").click()
    expect(page.get_by_role("status").filter(has_text="Restored version 1")).to_be_visible()
    page.get_by_role("link", name="Content", exact=True).click()
    expect(page.get_by_label("Headline")).to_have_value(documents.PERSONA.headline)


def test_a_cv_without_a_name_gets_the_name_field_highlighted(page: Page, email: str, tmp_path: Path) -> None:
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(
        documents.render_pdf(
            "<html><body><h2>Experience</h2><p><b>Data Engineer</b>, Contoso Retail   2017 - 2019</p>"
            "<ul><li>Built the order warehouse in PostgreSQL</li></ul><h2>Skills</h2><p>Python, SQL</p></body></html>"
        )
    )
    sign_up(page, email)
    page.get_by_role("button", name="Import a CV file").click()
    page.locator("#import-file").set_input_files(str(pdf))
    wait_for_result(page, page.get_by_role("heading", name="Check your imported CV"))
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
    page.get_by_role("button", name="Import a CV file").click()
    page.locator("#import-file").set_input_files(str(fake))
    expect(page.get_by_role("dialog").get_by_role("alert")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Close").click()
    expect(page.get_by_text("No CVs yet")).to_be_visible()
