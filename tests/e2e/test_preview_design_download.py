"""In the browser against the real server: the live preview follows the typing, the design panel changes the
template, and the downloaded PDF holds the edited text."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_up, wait_saved


def preview_src(page: Page) -> str:
    return page.get_by_test_id("preview-page").first.get_attribute("src") or ""


def wait_for_new_preview(page: Page, before: str) -> str:
    page.wait_for_function(
        """(before) => { const img = document.querySelector('[data-testid=preview-page]');
                         return img && img.dataset.stale === 'false' && img.getAttribute('src') !== before; }""",
        arg=before,
    )
    return preview_src(page)


def test_preview_follows_typing_design_changes_and_pdf_download(page: Page, email: str, tmp_path: Path) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_test_id("preview-page").first.wait_for()
    before = wait_for_new_preview(page, "")

    page.get_by_label("Headline").fill("First computer programmer")
    after_typing = wait_for_new_preview(page, before)
    assert after_typing != before
    wait_saved(page)
    screenshot(page, "05-editor-with-preview")

    page.get_by_role("link", name="Design").click()
    page.get_by_role("button", name="Modern").wait_for()
    page.get_by_role("button", name="Modern").click()
    expect(page.get_by_role("button", name="Modern")).to_have_attribute("aria-pressed", "true")
    after_template = wait_for_new_preview(page, after_typing)
    page.get_by_role("button", name="Accent colour #1f6f6b").click()
    wait_for_new_preview(page, after_template)
    wait_saved(page)
    screenshot(page, "06-design")

    page.get_by_role("button", name="Download").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF").click()
    pdf = tmp_path / "cv.pdf"
    download_info.value.save_as(pdf)
    with pdfplumber.open(pdf) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
    assert "Ada Lovelace" in text
    assert "First computer programmer" in text

    page.reload()
    page.get_by_role("link", name="Design").click()
    expect(page.get_by_role("button", name="Modern")).to_have_attribute("aria-pressed", "true")
