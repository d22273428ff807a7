"""The web app on a 360 px phone, in Chromium against the real server: no screen pans sideways, every control a
person taps is at least 44 px in one direction and 24 px in the other, the editor's Preview and Download stay
in view while the form scrolls, and closing the Download menu gives the focus back to its button."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_up
from tests.e2e.test_job_match import import_json_resume

PHONE = {"width": 360, "height": 740}
SMALL_TARGETS = """() => Array.from(document.querySelectorAll('main button, main a[href], main input, main select'))
  .filter((e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && e.type !== 'checkbox' && e.type !== 'radio'
      && !e.closest('.visually-hidden') && (Math.max(r.width, r.height) < 44 || Math.min(r.width, r.height) < 24); })
  .map((e) => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') || e.textContent || '').trim()}" `
    + `${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`)"""


def fits(page: Page, screen: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{screen} is {width} px wide"
    small = page.evaluate(SMALL_TARGETS)
    assert not small, f"{screen}: targets under 44 px: {small}"


def test_every_screen_fits_a_phone_with_the_preview_and_download_in_reach(page: Page, email: str) -> None:
    page.set_viewport_size(PHONE)
    sign_up(page, email)
    fits(page, "the CV list (empty)")
    import_json_resume(page)
    for tab in ("Content", "Design", "Job match", "Letters", "History"):
        page.get_by_role("link", name=tab, exact=True).click()
        page.wait_for_load_state("networkidle")
        fits(page, f"the editor's {tab} tab")
        if tab in ("Content", "Design"):
            screenshot(page, f"phone-{tab.lower()}")

    page.get_by_role("link", name="Content", exact=True).click()
    page.mouse.wheel(0, 2500)
    page.wait_for_timeout(300)
    for name in ("Preview", "Download"):
        button = page.get_by_role("button", name=name, exact=True)
        expect(button).to_be_in_viewport()
    download = page.get_by_role("button", name="Download", exact=True)
    download.click()
    expect(page.get_by_role("list", name="Download formats")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("list", name="Download formats")).to_have_count(0)
    expect(download).to_be_focused()

    page.get_by_role("button", name="Preview", exact=True).click()
    expect(page.get_by_role("img", name=re.compile("^Page 1 of"))).to_be_in_viewport()

    page.get_by_role("link", name="← Your CVs").click()
    expect(page.get_by_role("list", name="Your CVs").get_by_role("listitem")).to_have_count(1)
    fits(page, "the CV list")
    page.get_by_role("link", name="Applications").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    fits(page, "the applications")
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    fits(page, "the account page")
