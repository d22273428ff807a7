""" "Fit to one page" in the browser against the real server: a two-page CV is brought onto one page by the
design's own options (never its content), the preview shows one page, undo takes it back, and it is saved."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_up, wait_saved
from tests.e2e.test_job_match import import_json_resume


def test_a_two_page_cv_is_fitted_onto_one_page_undone_redone_and_saved(page: Page, email: str) -> None:
    sign_up(page, email)
    import_json_resume(page)
    pages = page.get_by_role("region", name="Preview").get_by_role("status").filter(has_text=re.compile(r"\bpages?$"))
    expect(pages).to_have_text("2 pages")
    page.get_by_role("link", name="Design", exact=True).click()
    size = page.get_by_text(re.compile(r"^Text size: "))
    before = size.inner_text()
    page.get_by_role("button", name="Fit to one page").click()
    said = page.locator(".fit-page__said")
    expect(said).to_have_text(re.compile(r"^Fits on one page now: "), timeout=60_000)
    expect(pages).to_have_text("1 page", timeout=30_000)

    page.get_by_role("button", name="Undo").click()  # one step, whatever the fit changed
    expect(size).to_have_text(before)
    expect(pages).to_have_text("2 pages", timeout=30_000)
    page.get_by_role("button", name="Redo").click()
    expect(pages).to_have_text("1 page", timeout=30_000)

    wait_saved(page)
    page.reload()
    expect(pages).to_have_text("1 page", timeout=30_000)
    page.get_by_role("button", name="Fit to one page").click()
    expect(page.locator(".fit-page__said")).to_have_text("It already fits on one page.", timeout=60_000)
