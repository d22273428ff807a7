"""Rich text in the browser against the real server: a description typed with Ctrl+B, the Link and Bulleted list
buttons and a hand-typed list line, a summary with a bold phrase and a bullet with Ctrl+I, then the downloaded
PDF holds a bold font run, a link annotation to the typed address and the list as lines of their own."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_up, wait_saved

DESCRIPTION = (
    "Ran the **night shift** at [St Mary's](https://stmarys.nhs.uk).\n\n- Led daily audits\n- Cut falls by 30%"
)


def _fonts(page: pdfplumber.page.Page, words: str) -> set[str]:
    """The fonts of the characters of the first place `words` appear."""
    found = page.search(words, regex=False)
    assert found, words
    box = found[0]
    return {
        c["fontname"]
        for c in page.chars
        if box["x0"] <= c["x0"] < box["x1"] and box["top"] - 1 <= c["top"] <= box["bottom"] and c["text"].strip()
    }


def test_a_description_typed_with_the_toolbar_and_keys_reaches_the_pdf(page: Page, email: str, tmp_path: Path) -> None:
    sign_up(page, email)
    page.get_by_role("button", name="New CV").click()
    keys = page.keyboard
    page.get_by_label("Full name").fill("Amara Nwosu")

    page.get_by_label("A few sentences about you").click()
    keys.type("Nurse with ")
    keys.press("Control+b")  # a caret alone: an empty pair to type into
    keys.type("ten years")
    keys.press("End")
    keys.type(" on acute wards.")
    expect(page.get_by_label("A few sentences about you")).to_have_value("Nurse with **ten years** on acute wards.")

    page.get_by_role("button", name="Add section").click()  # Experience, with an empty position
    page.get_by_label("Job title").fill("Staff Nurse")
    description = page.get_by_label("Description", exact=True)
    description.click()
    keys.type("Ran the night shift")
    for _ in range(len("night shift")):
        keys.press("Shift+ArrowLeft")
    keys.press("Control+b")  # the selection, kept selected
    keys.press("End")
    keys.type(" at St Mary's")
    for _ in range(len("St Mary's")):
        keys.press("Shift+ArrowLeft")
    toolbar = page.locator(f'[role=toolbar][aria-controls="{description.get_attribute("id")}"]')
    expect(toolbar).to_have_accessible_name("Text formatting")
    toolbar.get_by_role("button", name="Link").click()  # the caret goes where the address is typed
    keys.type("stmarys.nhs.uk")
    keys.press("End")
    keys.type(".")
    keys.press("Enter")
    keys.press("Enter")
    toolbar.get_by_role("button", name="Bulleted list").click()
    keys.type("Led daily audits")
    keys.press("Enter")
    keys.type("- Cut falls by 30%")
    expect(description).to_have_value(DESCRIPTION)

    page.get_by_role("button", name="Add bullet").click()
    keys.type("Mentored ")
    keys.press("Control+i")
    keys.type("twelve")
    keys.press("End")
    keys.type(" students")
    expect(page.get_by_label("Highlights 1", exact=True)).to_have_value("Mentored *twelve* students")
    wait_saved(page)

    page.get_by_role("button", name="Download").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF").click()
    pdf = tmp_path / "cv.pdf"
    download_info.value.save_as(pdf)
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as opened:
        first = opened.pages[0]
        text = first.extract_text() or ""
        links = {link["uri"] for link in first.hyperlinks}
        assert all("Bold" in name for name in _fonts(first, "ten years"))
        assert all("Bold" in name for name in _fonts(first, "night shift"))
        assert not any("Bold" in name for name in _fonts(first, "Ran the"))
        assert any("Italic" in name or "Oblique" in name for name in _fonts(first, "twelve"))
    assert "https://stmarys.nhs.uk" in links
    lines = [line.strip() for line in text.splitlines()]
    assert "Ran the night shift at St Mary's." in lines
    assert any(line.endswith("Led daily audits") for line in lines)
    assert any(line.endswith("Cut falls by 30%") for line in lines)
    assert "**" not in text and "](" not in text and "- Cut" not in text
