"""Undo and redo of this session's edits in the browser: Ctrl+Z takes back a burst of typing as one step,
Ctrl+Shift+Z puts it back, the buttons do the same, and what undo leaves is what gets saved."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_up, wait_saved


def test_undo_and_redo_by_keyboard_and_buttons_and_the_result_is_saved(page: Page, email: str) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    undo, redo = page.get_by_role("button", name="Undo"), page.get_by_role("button", name="Redo")
    expect(undo).to_be_disabled()
    name, headline = page.get_by_label("Full name"), page.get_by_label("Headline")
    name.click()
    page.keyboard.type("Amara Nwosu")
    page.wait_for_timeout(1200)  # a pause: the next typing is a new step
    headline.click()
    page.keyboard.type("Ward nurse")

    page.keyboard.press("ControlOrMeta+z")  # the whole burst of typing goes at once
    expect(headline).to_have_value("")
    expect(name).to_have_value("Amara Nwosu")
    page.keyboard.press("ControlOrMeta+Shift+z")
    expect(headline).to_have_value("Ward nurse")
    undo.click()
    expect(headline).to_have_value("")
    expect(redo).to_be_enabled()
    undo.click()
    expect(name).to_have_value("")
    redo.click()
    expect(name).to_have_value("Amara Nwosu")

    wait_saved(page)
    page.reload()
    expect(page.get_by_label("Full name")).to_have_value("Amara Nwosu")
    expect(page.get_by_label("Headline")).to_have_value("")
    expect(page.get_by_role("button", name="Undo")).to_be_disabled()  # a new session starts with no steps

    # The saves of these few minutes are one entry in History, the earlier ones a click away.
    for words in ("Leeds", "Leeds, UK"):
        page.get_by_label("Location").first.fill(words)
        wait_saved(page)
    page.get_by_role("link", name="History").click()
    earlier = page.get_by_text(re.compile(r"^Show the \d+ earlier saves? of this session$"))
    expect(earlier).to_be_visible()
    expect(page.get_by_text("Version 1", exact=True)).to_be_visible()  # the CV as created stands apart
    expect(page.get_by_role("button", name="Restore version 3")).to_be_hidden()
    earlier.click()
    expect(page.get_by_role("button", name="Restore version 3")).to_be_visible()
