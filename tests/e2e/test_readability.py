"""In the browser against the real server: before downloading, open "What a parser reads" from the Download menu,
see the score, the advice and the field table for the PDF and for the Word file, on a phone too, and get the
focus back on the menu's button when the dialog closes."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_up, wait_for_result
from tests.e2e.test_job_match import import_json_resume


def test_open_the_parser_check_from_the_download_menu(page: Page, email: str) -> None:
    sign_up(page, email)
    import_json_resume(page)

    opener = page.get_by_role("button", name="Download", exact=True)
    opener.click()
    page.get_by_role("button", name=re.compile("What a parser reads")).click()
    dialog = page.get_by_role("dialog", name="What a parser reads")
    expect(dialog).to_be_visible()
    score = dialog.get_by_role("heading", name=re.compile(r"^Readability \d{1,3} of 100$"))
    wait_for_result(page, score)
    table = dialog.get_by_role("table", name="Field by field")
    name = table.get_by_role("row", name=re.compile("^Name"))
    expect(name).to_contain_text("Read")
    expect(name).to_contain_text("Zoë Okonkwo-Lindqvist")
    expect(table.get_by_role("row", name=re.compile("^Email"))).to_contain_text("zoe.okonkwo@example.org")
    assert table.get_by_role("row").count() > 10
    expect(dialog.locator(".readability__advice li").first).to_be_visible()
    pdf_score = int(re.findall(r"\d+", score.inner_text())[0])
    assert 50 <= pdf_score <= 100
    screenshot(page, "14-parser-check", top=dialog)

    dialog.get_by_role("radio", name="Word (DOCX)").check()
    wait_for_result(page, dialog.get_by_role("heading", name=re.compile(r"^Readability \d{1,3} of 100$")))
    expect(dialog.get_by_role("button", name="Download Word (DOCX)")).to_be_visible()

    page.set_viewport_size({"width": 360, "height": 780})
    expect(table).to_be_visible()
    overflow = dialog.evaluate("d => d.scrollWidth - d.clientWidth")
    assert overflow <= 1, f"the dialog scrolls sideways by {overflow} px at 360 px"
    screenshot(page, "14-parser-check-phone", top=dialog)
    page.set_viewport_size({"width": 1360, "height": 900})

    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()
