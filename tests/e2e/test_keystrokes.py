"""Keystrokes are never lost or misplaced: in the browser against the real server, text is typed at machine
speed (no delay between keys, and again with the CPU slowed six times) across Enter, Backspace and paste in
every kind of field the editor has: single-line fields, the summary's text area, bullet lists and keyword tags.
What was typed must be exactly what is shown, saved and read back after a reload."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_up, wait_saved

PASTE = """(text) => {
  const el = document.activeElement;
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}"""


def paste(page: Page, text: str) -> None:
    """Pastes `text` where the caret is, as the browser does for Ctrl+V (without the system clipboard)."""
    page.evaluate(PASTE, text)


@pytest.mark.parametrize("cpu_slowdown", [1, 6])
def test_fast_typing_across_enter_backspace_and_paste_keeps_every_key(
    page: Page, email: str, cpu_slowdown: int
) -> None:
    sign_up(page, email)
    if cpu_slowdown > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    page.get_by_role("button", name="New CV").click()
    keys = page.keyboard

    page.get_by_label("Full name").click()
    keys.type("Amara Nwosu")
    keys.press("Backspace")
    keys.type("u, RN")
    page.get_by_label("A few sentences about you").click()
    keys.type("Ward nurse.")
    keys.press("Enter")
    keys.type("Second paragraph")

    page.get_by_role("button", name="Add section").click()  # Experience, with an empty position
    page.get_by_label("Job title").click()
    keys.type("Staff Nurse")
    page.get_by_role("button", name="Add bullet").click()
    keys.type("Ran weekly audits")
    keys.press("Enter")
    keys.type("Processed 40 admissions a day")
    keys.press("Enter")
    keys.type("Third")
    for _ in range(len("Third") + 1):  # empties the third bullet, then joins it to the second
        keys.press("Backspace")
    keys.type(" on nights")
    keys.press("Home")
    keys.type("Led handovers")
    keys.press("Enter")  # splits at the caret: the rest moves to a bullet of its own, with the caret
    keys.press("End")
    keys.press("Enter")
    paste(page, "• Trained 6 students\n- Cut falls by 20%")
    keys.type(" in 2023")

    page.get_by_label("Add a section").select_option("SKILLS")
    page.get_by_role("button", name="Add section").click()
    page.get_by_role("textbox", name="Skills").click()
    keys.type("Triage,IV therapy")
    keys.press("Enter")
    keys.type("BLS")
    keys.press("Enter")
    keys.type("x")
    keys.press("Backspace")
    keys.press("Backspace")  # in an empty box: takes back the last tag
    keys.type("Wound care")
    keys.press("Tab")  # leaving the box keeps what was typed as a tag
    tags = page.get_by_role("list", name="Skills").get_by_role("listitem")
    expect(tags).to_have_text([re.compile(rf"^{tag}\W?$") for tag in ("Triage", "IV therapy", "Wound care")])

    bullets = [page.get_by_label(f"Highlights {n}", exact=True) for n in range(1, 7)]
    expected = [
        "Ran weekly audits",
        "Led handovers",
        "Processed 40 admissions a day on nights",
        "Trained 6 students",
        "Cut falls by 20% in 2023",
    ]
    for bullet, value in zip(bullets, expected, strict=False):
        expect(bullet).to_have_value(value)
    expect(bullets[5]).to_have_count(0)
    expect(page.get_by_label("Full name")).to_have_value("Amara Nwosu, RN")
    expect(page.get_by_label("A few sentences about you")).to_have_value("Ward nurse.\nSecond paragraph")
    expect(page.get_by_label("Job title")).to_have_value("Staff Nurse")

    wait_saved(page)
    page.reload()
    page.get_by_role("button", name="Staff Nurse", exact=True).click()  # a titled entry opens folded
    for bullet, value in zip(bullets, expected, strict=False):
        expect(bullet).to_have_value(value)
    expect(page.get_by_label("Full name")).to_have_value("Amara Nwosu, RN")
