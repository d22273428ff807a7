"""Share links in the browser, on the embedded default: share a CV with a password from the editor, open the
link signed out in a fresh browser context (the form, then the page with its pages and its PDF), and see the
view counted in the Share dialog. The dialog is usable on a 360 px phone with 44 px targets, and the focus
returns to the Share button when it closes.

The test runs its own server on its own data folder, as tests/e2e/test_account_page.py does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from tests.e2e.conftest import running_server, sign_up, wait_saved
from tests.e2e.test_account_page import assert_touch_target

EMAIL = "sharing@example.com"
LINK_PASSWORD = "open sesame 42"
PHONE: ViewportSize = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def share_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("shares-e2e")) as url:
        yield url


def test_share_with_a_password_open_it_signed_out_and_see_the_count(browser: Browser, share_server: str) -> None:
    owner_context = browser.new_context(viewport=PHONE)
    owner_context.set_default_timeout(30_000)
    owner = owner_context.new_page()
    owner.goto(share_server)
    sign_up(owner, EMAIL)
    owner.get_by_role("button", name="New CV").click()
    owner.get_by_label("Full name").fill("Grace Sharer")
    wait_saved(owner)

    share_button = owner.get_by_role("button", name="Share", exact=True)
    share_button.click()
    dialog = owner.get_by_role("dialog", name="Share this CV")
    expect(dialog.get_by_text("No links yet.")).to_be_visible()
    dialog.get_by_label("Password (optional)").fill(LINK_PASSWORD)
    create = dialog.get_by_role("button", name="Create link")
    assert_touch_target(create)
    create.click()
    url_field = dialog.get_by_role("textbox", name="New link")
    expect(url_field).to_be_visible()
    url = url_field.input_value()
    assert "/s/" in url
    assert_touch_target(dialog.get_by_role("button", name="Copy link"))
    expect(dialog.get_by_text("0 views · 0 downloads")).to_be_visible()
    # The dialog fits a phone's width, with nothing in it scrolling sideways.
    box = dialog.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert dialog.evaluate("element => element.scrollWidth <= element.clientWidth")
    dialog.get_by_role("button", name="Close").click()
    expect(share_button).to_be_focused()

    visitor_context = browser.new_context(accept_downloads=True)  # signed out: no cookies, no storage
    visitor_context.set_default_timeout(30_000)
    visitor = visitor_context.new_page()
    response = visitor.goto(url)
    assert response is not None and response.status == 200
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    expect(visitor.get_by_role("heading", name="A shared document")).to_be_visible()
    expect(visitor.get_by_text("Grace Sharer")).to_have_count(0)
    visitor.get_by_label("Password").fill(LINK_PASSWORD)
    visitor.get_by_role("button", name="Open").click()
    expect(visitor.get_by_role("heading", level=1, name="Grace Sharer")).to_be_visible()
    expect(visitor.get_by_role("img", name="Page 1 of 1")).to_be_visible()
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="Download PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    visitor_context.close()

    share_button.click()
    dialog = owner.get_by_role("dialog", name="Share this CV")
    expect(dialog.get_by_text("1 view · 1 download")).to_be_visible()
    dialog.get_by_text("Per day", exact=True).click()
    expect(dialog.get_by_role("table")).to_be_visible()
    dialog.get_by_role("button", name="Revoke the link", exact=False).click()
    expect(dialog.locator(".share__facts")).to_have_text("Revoked · password")
    gone = owner_context.new_page().goto(url)
    assert gone is not None and gone.status == 404
    owner_context.close()
