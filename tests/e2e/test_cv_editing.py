"""In the browser against the real server: sign in and out, manage CVs, edit with autosave, reorder sections
by keyboard, resolve a conflict with another tab, restore an earlier revision."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import (
    PASSWORD,
    ROOT,
    preview_src,
    screenshot,
    sign_up,
    wait_for_new_preview,
    wait_for_result,
    wait_saved,
)

FIXTURES = ROOT / "tests" / "fixtures" / "json_resume"


def test_sign_up_sign_out_and_sign_in_again(page: Page, email: str) -> None:
    screenshot(page, "01-sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text(re.compile("email or password", re.IGNORECASE))

    sign_up(page, email)
    expect(page.get_by_text("No CVs yet")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()

    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your CVs")).to_be_visible()


def test_create_rename_duplicate_and_delete_with_undo(page: Page, email: str) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Grace Hopper")
    wait_saved(page)
    page.get_by_role("link", name="← Your CVs").click()

    page.get_by_role("button", name="Rename Untitled CV").click()
    page.get_by_role("textbox", name="Title").fill("Navy CV")
    page.get_by_role("button", name="Rename", exact=True).click()
    expect(page.get_by_role("link", name="Navy CV")).to_be_visible()

    page.get_by_role("button", name="Duplicate Navy CV").click()
    expect(page.get_by_role("link", name=re.compile(r"Navy CV \(copy\)|Copy of Navy CV"))).to_be_visible()

    page.get_by_role("button", name="Delete Navy CV", exact=True).click()
    expect(page.get_by_role("link", name="Navy CV", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("link", name="Navy CV", exact=True)).to_be_visible()

    page.get_by_role("button", name="Delete Navy CV", exact=True).click()
    # Leaving the list inside the undo window still sends the delete.
    page.get_by_role("list", name="Your CVs").get_by_role("link").first.click()
    page.get_by_role("link", name="← Your CVs").click()
    expect(page.get_by_role("list", name="Your CVs").get_by_role("listitem")).to_have_count(1)
    page.reload()
    expect(page.get_by_role("list", name="Your CVs").get_by_role("listitem")).to_have_count(1)


def test_edit_reorder_by_keyboard_and_restore_a_revision(page: Page, email: str) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_label("Headline").fill("Analyst")
    page.get_by_role("button", name="Add section").click()  # Experience, with an empty position
    page.get_by_label("Job title").fill("Engineer")
    page.get_by_label("Employer").fill("Analytical Engines")
    page.get_by_label("Add a section").select_option("SKILLS")
    page.get_by_role("button", name="Add section").click()
    page.get_by_label("Group").fill("Languages")
    page.get_by_role("textbox", name="Skills").fill("Python,")
    wait_saved(page)
    screenshot(page, "03-editor")

    # Keyboard reorder: focus the Skills handle, Space to lift, ArrowUp, Space to drop.
    page.get_by_role("button", name="Move section Skills", exact=True).focus()
    for key in ("Space", "ArrowUp", "Space"):
        page.keyboard.press(key)
        page.wait_for_timeout(250)  # dnd-kit measures positions between key presses
    expect(page.locator(".section__title-input").first).to_have_value("Skills")
    wait_saved(page)

    page.reload()
    expect(page.locator(".section__title-input").first).to_have_value("Skills")
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")

    page.get_by_role("link", name="History").click()
    expect(page.get_by_text("Version 1", exact=True)).to_be_visible()
    screenshot(page, "04-history")

    # Preview before restoring: version 1's pages (the new, empty CV) and what restoring it would change.
    current_pages = wait_for_new_preview(page, "")
    page.get_by_role("button", name="Preview version 1").click()
    expect(page.get_by_role("heading", name="Preview of version 1")).to_be_visible()
    earlier = page.get_by_role("region", name=re.compile("Version 1 as it was"))
    expect(earlier.locator("dt", has_text=re.compile("^Name$"))).to_be_visible()
    expect(earlier.locator("del", has_text="Ada Lovelace")).to_be_visible()
    expect(earlier.get_by_text("Section Skills")).to_be_visible()
    wait_for_new_preview(page, current_pages)
    screenshot(page, "04b-history-preview-of-version-1")
    page.get_by_role("button", name="Close preview").click()
    expect(page.get_by_role("heading", name="Preview", exact=True)).to_be_visible()
    expect(earlier).to_have_count(0)

    page.get_by_role("button", name="Preview version 1").click()
    page.get_by_role("button", name="Restore this version").click()
    expect(page.get_by_role("status").filter(has_text="Restored version 1")).to_be_visible()
    page.get_by_role("link", name="Content", exact=True).click()
    expect(page.get_by_label("Full name")).to_have_value("")


def test_a_conflict_with_another_tab_keeps_both_edits(context: BrowserContext, page: Page, email: str) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    wait_saved(page)
    other = context.new_page()
    other.goto(page.url)
    other.get_by_label("Headline").fill("Written in the other tab")
    wait_saved(other)

    page.get_by_label("A few sentences about you").fill("Typed in the first tab.")
    page.keyboard.press("Control+s")  # save now, without waiting for the pause
    expect(page.get_by_role("alert").filter(has_text="also changed in another tab")).to_be_visible()
    wait_saved(page)
    expect(page.get_by_label("Headline")).to_have_value("Written in the other tab")
    expect(page.get_by_label("A few sentences about you")).to_have_value("Typed in the first tab.")

    other.reload()
    expect(other.get_by_label("A few sentences about you")).to_have_value("Typed in the first tab.")
    expect(other.get_by_label("Headline")).to_have_value("Written in the other tab")


def test_text_typed_offline_survives_a_closed_tab(context: BrowserContext, page: Page, email: str) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    wait_saved(page)
    url = page.url

    context.set_offline(True)
    page.get_by_label("A few sentences about you").fill("Typed on a train with no signal.")
    expect(page.get_by_test_id("save-status")).to_contain_text("retrying")
    page.close()
    context.set_offline(False)

    again = context.new_page()
    again.goto(url)
    expect(again.get_by_label("A few sentences about you")).to_have_value("")
    again.get_by_role("button", name="Restore my edits").click()
    expect(again.get_by_label("A few sentences about you")).to_have_value("Typed on a train with no signal.")
    wait_saved(again)
    again.reload()
    expect(again.get_by_label("A few sentences about you")).to_have_value("Typed on a train with no signal.")


def test_import_a_json_resume_and_see_it_rendered(page: Page, email: str) -> None:
    sign_up(page, email)
    # The one way in: the import dialog, then the review of what was read, done with before editing on.
    page.get_by_role("button", name="Import a CV file").click()
    page.locator("#import-file").set_input_files(str(FIXTURES / "senior_engineer.json"))
    wait_for_result(page, page.get_by_role("heading", name="Check your imported CV"))
    review = page.locator(".import-review")
    expect(review.get_by_test_id("import-read-name")).to_have_text("Zoë Okonkwo-Lindqvist")
    review.get_by_role("button", name="Looks good").click()
    expect(review).to_have_count(0)
    expect(page.get_by_label("Full name")).to_have_value("Zoë Okonkwo-Lindqvist")
    expect(page.locator(".section__title-input").first).to_have_value("Experience")
    page.get_by_test_id("preview-page").first.wait_for()
    page.wait_for_function("document.querySelector('[data-testid=preview-page]').dataset.stale === 'false'")
    screenshot(page, "07-imported-json-resume")
    page.get_by_role("link", name="Design").click()
    before = page.get_by_test_id("preview-page").first.get_attribute("src")
    page.get_by_role("button", name="Two columns").click()
    page.wait_for_function(
        """(before) => { const img = document.querySelector('[data-testid=preview-page]');
                         return img.dataset.stale === 'false' && img.getAttribute('src') !== before; }""",
        arg=before,
    )
    page.get_by_role("button", name="Accent colour #1f6f6b").click()
    page.wait_for_timeout(1500)
    screenshot(page, "08-design-two-columns")


def test_a_value_that_cannot_be_read_is_kept_as_typed_and_never_blocks_saving(page: Page, email: str) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_role("button", name="Add section").click()
    page.get_by_label("Job title").fill("Engineer")
    page.get_by_label("Start").fill("last spring")
    wait_saved(page)  # the rest of the CV saves
    start = page.get_by_label("Start")
    expect(start).to_have_attribute("aria-invalid", "true")
    expect(start).to_have_accessible_description(re.compile("must be a date like"))
    expect(page.get_by_role("status").filter(has_text="kept as you typed it")).to_be_visible()
    # The preview keeps following other edits.
    page.wait_for_function("() => document.querySelector('[data-testid=preview-page]')?.dataset.stale === 'false'")
    shown = preview_src(page)
    page.get_by_label("Headline").fill("Mathematician")
    wait_for_new_preview(page, shown)
    # Kept with the CV: after a reload the typed text is still there, still marked.
    wait_saved(page)
    page.reload()
    page.get_by_role("button", name=re.compile("^Engineer")).click()
    expect(page.get_by_label("Start")).to_have_value("last spring")
    expect(page.get_by_label("Start")).to_have_attribute("aria-invalid", "true")
    page.get_by_role("link", name="Design").click()
    page.get_by_role("button", name="Show me").click()
    expect(page.get_by_label("Start")).to_be_focused()
    # Dates as people write them: read, and shown back as read once the field is left.
    page.get_by_label("Start").fill("April 2021")
    page.get_by_label("End").fill("present")
    wait_saved(page)
    page.get_by_label("Employer").click()  # leaves the End field
    expect(page.get_by_label("Start")).to_have_value("2021-04")
    expect(page.get_by_label("Start")).not_to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Start")).to_have_accessible_description(re.compile("April 2021"))
    expect(page.get_by_label("Ongoing")).to_be_checked()
    expect(page.get_by_role("status").filter(has_text="kept as you typed")).to_have_count(0)
    page.reload()
    page.get_by_role("button", name=re.compile("^Engineer")).click()
    expect(page.get_by_label("Start")).to_have_value("2021-04")
    expect(page.get_by_label("Ongoing")).to_be_checked()
