"""In the browser against the real server: a person matches a job, writes a cover letter and lands in its editor
(the letter is kept, not lost with the Match tab), edits it, sees it autosaved, reloads and finds the edit, finds
it under the CV's Letters, and downloads it as a PDF that holds the edited text. The editor fits a 360 px screen."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_up, wait_for_result
from tests.e2e.test_job_match import POSTING, import_json_resume

EDIT = "I would be glad to show the payments work in person."


def wait_letter_saved(page: Page, version: int) -> None:
    expect(page.get_by_test_id("letter-save-status")).to_have_text(
        re.compile(rf"All changes saved, version {version}$"), timeout=15_000
    )


def test_a_generated_letter_opens_in_its_editor_is_autosaved_kept_and_downloads_with_the_edit(
    page: Page, email: str, tmp_path: Path
) -> None:
    sign_up(page, email)
    import_json_resume(page)
    page.get_by_role("link", name="Job match").click()
    page.get_by_label("Job title").fill("Senior Backend Engineer")
    page.get_by_label("Company (optional)").fill("Paystream")
    page.get_by_label("Job posting").fill(POSTING)
    page.get_by_role("button", name="Check my match").click()
    # The first match loads the embedding model: on a busy machine that takes a while.
    wait_for_result(page, page.get_by_test_id("match-score"), timeout=240_000)
    page.get_by_role("button", name="Write a cover letter").click()

    text = page.get_by_label("Edit before you send it")
    wait_for_result(page, text, timeout=120_000)
    expect(page).to_have_url(re.compile(r"/cv/[^/]+/letters/[^/]+$"))
    expect(page.get_by_label("Letter title")).to_have_value("Senior Backend Engineer at Paystream")
    expect(text).to_have_value(re.compile(r"^Dear Hiring Manager,"))
    assert not re.search(r"\b\d{4}-\d{2}\b", text.input_value())  # dates as a person writes them
    wait_letter_saved(page, 1)

    edited = text.input_value().replace("Thank you for your time.", f"{EDIT} Thank you for your time.")
    text.fill(edited)
    expect(page.get_by_test_id("letter-save-status")).not_to_have_text(re.compile("All changes saved, version 1$"))
    wait_letter_saved(page, 2)
    expect(page.get_by_role("button", name="Restore version 1")).to_be_visible()
    screenshot(page, "13-letter-editor", top=page.locator(".letter-editor"))

    page.reload()
    expect(page.get_by_label("Edit before you send it")).to_have_value(edited)
    page.get_by_role("link", name="Letters", exact=True).click()
    page.get_by_role("link", name="Senior Backend Engineer at Paystream").click()
    expect(page.get_by_label("Edit before you send it")).to_have_value(edited)

    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    targets = ".letter-editor button, .letter-editor a, .letter-editor input, .letter-editor textarea"
    sizes = page.eval_on_selector_all(targets, "all => all.map(e => e.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 44, sizes  # every control is a 44 px target on a phone
    page.set_viewport_size({"width": 1360, "height": 900})

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    pdf = tmp_path / "letter.pdf"
    download_info.value.save_as(pdf)
    with pdfplumber.open(pdf) as document:
        words = " ".join(" ".join((p.extract_text() or "") for p in document.pages).split())
    assert EDIT in words and "Paystream" in words
