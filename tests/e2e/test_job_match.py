"""In the browser against the real server: paste a job posting, see the score with its breakdown and what is
missing, tailor the CV and review the changes (accepting some, rejecting one), write a cover letter."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ROOT, screenshot, sign_up, wait_for_result

POSTING = """Senior Backend Engineer (Payments)

We are hiring a backend engineer to scale our card payments platform.

Requirements:
- 6+ years of backend development with Go or Kotlin
- Strong PostgreSQL and Kafka experience
- Experience running services on Kubernetes with Terraform
- Experience with GraphQL APIs
- Familiarity with Rust is a plus
- Clear written communication and mentoring
"""


def import_json_resume(page: Page) -> None:
    """Imports through the dialog, as a person does, and is done with the review that follows."""
    fixture = ROOT / "tests" / "fixtures" / "json_resume" / "senior_engineer.json"
    page.get_by_role("button", name="Import a CV file").click()
    page.locator("#import-file").set_input_files(str(fixture))
    wait_for_result(page, page.get_by_role("heading", name="Check your imported CV"))
    expect(page.get_by_label("Full name")).to_have_value("Zoë Okonkwo-Lindqvist")
    page.locator(".import-review").get_by_role("button", name="Looks good").click()
    expect(page.get_by_role("heading", name="Check your imported CV")).to_have_count(0)


def test_match_tailor_accept_changes_and_write_a_cover_letter(page: Page, email: str, tmp_path: Path) -> None:
    sign_up(page, email)
    import_json_resume(page)

    page.get_by_role("link", name="Job match").click()
    page.get_by_label("Job title").fill("Senior Backend Engineer")
    page.get_by_label("Company (optional)").fill("Paystream")
    page.get_by_label("Job posting").fill(POSTING)
    page.get_by_role("button", name="Check my match").click()
    wait_for_result(page, page.get_by_test_id("match-score"))
    expect(page.get_by_test_id("match-score")).to_have_text(re.compile(r"^\d{1,3}$"))
    missing = page.get_by_test_id("missing-requirements")
    expect(missing.get_by_role("listitem").first).to_be_visible()
    expect(missing).to_contain_text(re.compile("GraphQL|Rust"))
    page.get_by_test_id("matched-requirements").get_by_role("button").first.click()
    expect(page.locator(".requirement__evidence").first).to_be_visible()
    screenshot(page, "09-job-match", top=page.locator(".match-result"))
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "09-job-match-phone", top=page.locator(".match-result"))
    page.set_viewport_size({"width": 1360, "height": 900})

    page.get_by_role("button", name="Tailor my CV to this job").click()
    wait_for_result(page, page.get_by_role("heading", name="Review the tailored CV"))
    expect(page.get_by_role("heading", name="Preview of the tailored CV")).to_be_visible()
    changes = page.locator(".change")
    expect(changes.first).to_be_visible()
    count = changes.count()
    if count > 1:
        changes.nth(count - 1).get_by_role("button", name="Reject").click()
        expect(changes.nth(count - 1).get_by_role("button", name="Reject")).to_have_attribute("aria-pressed", "true")
    page.wait_for_function(
        "() => { const img = document.querySelector('[data-testid=preview-page]');"
        " return img && img.dataset.stale === 'false'; }"
    )
    screenshot(page, "10-tailor-review", top=page.locator(".tailor"))
    page.get_by_role("button", name=re.compile("Save tailored CV")).click()
    expect(page.get_by_role("status").filter(has_text="Saved the tailored CV")).to_be_visible()
    expect(page.get_by_label("CV title")).to_have_value(re.compile("Senior Backend Engineer"))
    page.get_by_role("link", name="← Your CVs").click()
    expect(page.get_by_role("list", name="Your CVs").get_by_role("listitem")).to_have_count(2)
    screenshot(page, "02-cv-list")

    page.get_by_role("list", name="Your CVs").get_by_role("link", name=re.compile("Senior Backend Engineer")).click()
    page.get_by_role("link", name="Job match").click()
    page.get_by_label("or a saved posting").select_option(label="Senior Backend Engineer — Paystream")
    wait_for_result(page, page.get_by_test_id("match-score"))
    page.get_by_role("button", name="Write a cover letter").click()
    letter = page.get_by_label("Edit before you send it")
    wait_for_result(page, letter)
    expect(letter).to_have_value(re.compile(r"Paystream|Senior Backend Engineer"))
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    pdf = tmp_path / "letter.pdf"
    download_info.value.save_as(pdf)
    with pdfplumber.open(pdf) as document:
        text = " ".join((p.extract_text() or "") for p in document.pages)
    first_words = " ".join(letter.input_value().split()[:3])
    assert first_words in " ".join(text.split())
