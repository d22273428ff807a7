"""In the browser against the real server, at desktop size: a photo is chosen through the file input (a phone's
JPEG with its location in EXIF), cropped with the keyboard, saved, shown beside the basics and in the Preview, and
the downloaded PDF of the Portrait template carries it as an image on page 1; removed, the PDF has none again.
Every photo control is a 44 px target."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ROOT, preview_src, screenshot, sign_up, wait_for_new_preview, wait_saved
from tests.photos.images import phone_jpeg

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def page(browser: Browser, server_url: str) -> Iterator[Page]:
    # The app's CSP refuses injected scripts, rightly: this context lets axe-core in.
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(server_url)
    yield page
    context.close()


def photo_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations in the photo field."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run('.photo-field', {resultTypes: ['violations']})).violations")
    return [f"{v['id']}: {v['help']}" for v in found if v["impact"] in ("serious", "critical")]


def downloaded_pdf_images(page: Page) -> int:
    page.get_by_role("button", name="Download", exact=True).click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF").click()
    data = Path(download_info.value.path()).read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as document:
        return len(document.pages[0].images)


def assert_touch_target(page: Page, name: str) -> None:
    box = page.get_by_role("button", name=name, exact=True).bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, (name, box)


def test_a_photo_is_uploaded_cropped_shown_in_the_pdf_and_removed(page: Page, email: str, tmp_path: Path) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Grace Hopper")
    wait_saved(page)
    page.get_by_role("link", name="Design", exact=True).click()
    page.get_by_role("button", name="Portrait", exact=True).click()
    wait_saved(page)
    page.get_by_role("link", name="Content", exact=True).click()
    before = wait_for_new_preview(page, "")

    photo = tmp_path / "me.jpg"
    photo.write_bytes(phone_jpeg((1600, 1200)))
    assert_touch_target(page, "Add a photo")
    page.locator("#photo-file").set_input_files(str(photo))
    crop = page.get_by_test_id("photo-crop")
    expect(crop).to_be_focused()  # the keyboard lands where it crops
    zoom = page.get_by_role("slider", name="Zoom")
    crop.press("+")
    crop.press("+")
    expect(zoom).to_have_value("1.5")
    crop.press("ArrowLeft")
    expect(page.get_by_role("slider", name="Left – right")).to_have_value("40")
    assert_touch_target(page, "Use this photo")
    screenshot(page, "photo-crop")
    assert photo_violations(page) == []
    page.get_by_role("button", name="Use this photo").click()
    expect(page.get_by_role("status").filter(has_text="Photo saved.")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("img", name="On your CV now")).to_be_visible()
    expect(page.get_by_role("button", name="Change photo")).to_be_focused()
    wait_for_new_preview(page, before)
    wait_saved(page)
    screenshot(page, "photo-saved")
    assert photo_violations(page) == []
    assert downloaded_pdf_images(page) == 1

    # Editing after the photo keeps saving: the editor took the photo's new version.
    page.get_by_label("Headline").fill("Rear admiral")
    wait_saved(page)
    assert_touch_target(page, "Remove photo")
    with_photo = preview_src(page)
    page.get_by_role("button", name="Remove photo").click()
    expect(page.get_by_role("status").filter(has_text="Photo removed.")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name="Add a photo")).to_be_visible()
    wait_for_new_preview(page, with_photo)
    assert downloaded_pdf_images(page) == 0
    expect(page.get_by_label("Headline")).to_have_value("Rear admiral")
