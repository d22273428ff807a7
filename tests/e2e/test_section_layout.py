"""Section layout in the browser against the real server: in the two-column template, Skills moves to the main
column and Experience starts a new page; the preview changes each time, the choices are saved with the design, and a
one-column template disables the column with a note. The group fits a 360 px phone."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import preview_src, sign_up, wait_for_new_preview, wait_saved
from tests.e2e.test_job_match import import_json_resume
from tests.e2e.test_phone import PHONE, fits


def fresh_preview(page: Page) -> str:
    """The preview's first page once it is up to date."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=preview-page]')?.dataset.stale === 'false'", timeout=60_000
    )
    return preview_src(page)


def test_move_skills_to_the_main_column_and_start_experience_on_a_new_page(page: Page, email: str) -> None:
    sign_up(page, email)
    import_json_resume(page)
    pages = page.get_by_role("region", name="Preview").get_by_role("status").filter(has_text=re.compile(r"\bpages?$"))
    expect(pages).to_have_text(re.compile(r"^\d+ pages?$"), timeout=60_000)
    page.get_by_role("link", name="Design", exact=True).click()
    page.get_by_role("button", name="Two columns").click()
    wait_saved(page)

    group = page.get_by_role("region", name="Sections on the page")
    skills = group.get_by_role("group", name="Skills")
    column = skills.get_by_label("Column")
    expect(column).to_be_enabled()
    shown = fresh_preview(page)
    column.select_option("MAIN")
    expect(column).to_have_value("MAIN")
    shown = wait_for_new_preview(page, shown)  # Skills left the side column of page 1
    before = int(pages.inner_text().split()[0])
    # Experience starts page 1's main column: with a page break, it moves to page 2 and page 1 changes.
    group.get_by_role("group", name="Experience").get_by_role("checkbox", name="Start on a new page").check()
    wait_for_new_preview(page, shown)
    expect(pages).to_have_text(re.compile(r"^\d+ pages$"))
    assert int(pages.inner_text().split()[0]) >= before
    wait_saved(page)

    page.reload()
    page.get_by_role("link", name="Design", exact=True).click()
    group = page.get_by_role("region", name="Sections on the page")
    expect(group.get_by_role("group", name="Skills").get_by_label("Column")).to_have_value("MAIN")
    experience = group.get_by_role("group", name="Experience")
    expect(experience.get_by_role("checkbox", name="Start on a new page")).to_be_checked()
    expect(experience.get_by_role("checkbox", name="Keep together")).not_to_be_checked()

    # A one-column template keeps the choice but cannot use it, and says so.
    page.get_by_role("button", name="Classic").click()
    expect(group.get_by_text(re.compile(r"^Classic has one column"))).to_be_visible()
    expect(group.get_by_role("group", name="Skills").get_by_label("Column")).to_be_disabled()

    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    group.scroll_into_view_if_needed()
    fits(page, "Design tab with the section layout")
