"""In the browser against the real server: track an application from a job's match, move it through the stages on
the board (with the keyboard and with the menu), filter the list, and use it all at 360 px."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import screenshot, sign_up, wait_for_result
from tests.e2e.test_accessibility import describe, violations
from tests.e2e.test_job_match import POSTING, import_json_resume


@pytest.fixture
def page(browser: Browser, server_url: str) -> Iterator[Page]:
    # As in test_accessibility: the app's CSP refuses injected scripts, rightly; axe needs to be let in.
    context = browser.new_context(viewport={"width": 1360, "height": 900}, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(server_url)
    yield page
    context.close()


def column(page: Page, name: str) -> Locator:
    return page.get_by_role("region", name=re.compile(f"^{name}"))


def test_track_an_application_move_it_through_the_stages_and_filter_the_list(page: Page, email: str) -> None:
    sign_up(page, email)
    import_json_resume(page)

    page.get_by_role("link", name="Job match").click()
    page.get_by_label("Job title").fill("Senior Backend Engineer")
    page.get_by_label("Company (optional)").fill("Paystream")
    page.get_by_label("Job posting").fill(POSTING)
    page.get_by_role("button", name="Check my match").click()
    # The first match loads the embedding model: slow on a busy machine.
    wait_for_result(page, page.get_by_test_id("match-score"), timeout=180_000)

    # From the match: the form opens with this job and CV, as applied.
    page.get_by_role("link", name="Track this application").click()
    dialog = page.get_by_role("dialog", name="Track an application")
    expect(dialog.get_by_label("Job")).to_have_value(re.compile(".+"))
    expect(dialog.get_by_label("CV sent")).to_have_value(re.compile(".+"))
    expect(dialog.get_by_label("Stage")).to_have_value("APPLIED")
    dialog.get_by_label("Follow up on (optional)").fill(date.today().isoformat())
    dialog.get_by_role("button", name="Add a contact").click()
    dialog.get_by_label("Name").fill("Grace Hopper")
    dialog.get_by_label("Email").fill("grace at paystream")  # kept as typed, with a warning on the card
    found = {"form": violations(page)}
    dialog.get_by_role("button", name="Track it").click()
    expect(page.get_by_role("status").filter(has_text="Application tracked.")).to_be_visible()

    applied = column(page, "Applied")
    card = applied.get_by_role("listitem")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Senior Backend Engineer")
    expect(card).to_contain_text(re.compile(r"Match at applying: \d{1,3}%"))
    expect(card).to_contain_text("Follow up due")
    expect(card).to_contain_text("Check contacts")
    screenshot(page, "14-applications-board")
    found["board"] = violations(page)

    # The keyboard moves it one column on; the focus stays with the card.
    stage = page.get_by_label("Stage of Senior Backend Engineer")
    stage.focus()
    page.keyboard.press("Alt+ArrowRight")
    expect(column(page, "Interview").get_by_role("listitem")).to_have_count(1)
    expect(page.get_by_label("Stage of Senior Backend Engineer")).to_be_focused()
    # And the menu moves it anywhere.
    page.get_by_label("Stage of Senior Backend Engineer").select_option("OFFER")
    expect(column(page, "Offer").get_by_role("listitem")).to_have_count(1)
    expect(column(page, "Applied").get_by_text("None")).to_be_visible()

    # A second application, saved for later, from the page's own form.
    page.get_by_role("button", name="Track an application").click()
    dialog = page.get_by_role("dialog", name="Track an application")
    dialog.get_by_label("Job").select_option(index=1)
    dialog.get_by_label("CV sent").select_option(index=1)
    dialog.get_by_role("button", name="Track it").click()
    expect(column(page, "Saved").get_by_role("listitem")).to_have_count(1)

    # The list and its filters.
    page.get_by_role("button", name="List", exact=True).click()
    listed = page.get_by_role("list", name="Applications").get_by_role("listitem")
    filters = page.get_by_role("group", name="Filter the list")
    expect(listed).to_have_count(2)
    found["list"] = violations(page)
    filters.get_by_label("Stage").select_option("OFFER")
    expect(listed).to_have_count(1)
    filters.get_by_label("Stage").select_option("SAVED")
    expect(listed).to_have_count(1)
    filters.get_by_label("Follow-up due").check()
    expect(page.get_by_text("No application matches these filters.")).to_be_visible()
    filters.get_by_label("Stage").select_option("")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("Follow up due")
    page.get_by_role("button", name="Clear filters").click()
    expect(listed).to_have_count(2)

    # At 360 px: nothing scrolls sideways, and the controls on a card are at least 44 px.
    page.set_viewport_size({"width": 360, "height": 780})
    page.get_by_role("button", name="Board").click()
    expect(column(page, "Offer").get_by_role("listitem")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    offer = column(page, "Offer").get_by_role("listitem")
    for control in offer.get_by_role("button").all() + offer.get_by_role("combobox").all():
        box = control.bounding_box()
        assert box is not None and box["height"] >= 44, (control.inner_text(), box)
    screenshot(page, "14-applications-board-phone")
    found["board at 360 px"] = violations(page)
    serious = {screen: describe(v) for screen, v in found.items() if v}
    assert not serious, serious
