"""The whole way from a match to an application, in Chromium against the real server (issue 17's journey): match
a CV to a posting, tailor it, write a cover letter and edit it, track the application with the tailored CV and
the letter, move it through the stages, share the CV with a password, open the link signed out in a fresh
browser, and see the view counted in the Share dialog."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_up, wait_for_result
from tests.e2e.test_job_match import POSTING, import_json_resume
from tests.e2e.test_letters import wait_letter_saved

LINK_PASSWORD = "journey password 7"
ADDED = "I would welcome a call about the card payments platform."


def choose_saved_posting(page: Page) -> None:
    page.get_by_role("link", name="Job match").click()
    page.get_by_role("combobox", name="or a saved posting").select_option(label="Senior Backend Engineer — Paystream")
    wait_for_result(page, page.get_by_test_id("match-score"), timeout=180_000)


def test_match_tailor_write_apply_move_share_and_count(page: Page, email: str, browser: Browser) -> None:
    sign_up(page, email)
    import_json_resume(page)

    # Match, then tailor: the tailored copy becomes the CV being edited.
    page.get_by_role("link", name="Job match").click()
    page.get_by_label("Job title").fill("Senior Backend Engineer")
    page.get_by_label("Company (optional)").fill("Paystream")
    page.get_by_label("Job posting").fill(POSTING)
    page.get_by_role("button", name="Check my match").click()
    wait_for_result(page, page.get_by_test_id("match-score"), timeout=240_000)
    page.get_by_role("button", name="Tailor my CV to this job").click()
    wait_for_result(page, page.get_by_role("heading", name="Review the tailored CV"), timeout=120_000)
    page.get_by_role("button", name=re.compile("Save tailored CV")).click()
    expect(page.get_by_label("CV title")).to_have_value(re.compile("Senior Backend Engineer"))
    tailored_title = page.get_by_label("CV title").input_value()

    # A letter from the tailored CV, edited in its own editor and kept.
    choose_saved_posting(page)
    page.get_by_role("button", name="Write a cover letter").click()
    letter = page.get_by_label("Edit before you send it")
    wait_for_result(page, letter, timeout=120_000)
    wait_letter_saved(page, 1)
    letter.fill(letter.input_value().replace("Kind regards", f"{ADDED}\n\nKind regards", 1))
    wait_letter_saved(page, 2)
    page.get_by_role("button", name="Share this letter").click()  # a letter is shared like a CV
    letter_share = page.get_by_role("dialog", name="Share this letter")
    expect(letter_share.get_by_text("No links yet.")).to_be_visible()
    letter_share.get_by_role("button", name="Close").click()

    # Track the application with the tailored CV and the letter, then move it on.
    page.get_by_role("link", name="Job match").click()
    choose_saved_posting(page)
    page.get_by_role("link", name="Track this application").click()
    dialog = page.get_by_role("dialog", name="Track an application")
    expect(dialog.get_by_label("Stage")).to_have_value("APPLIED")
    dialog.get_by_label("Cover letter (optional)").select_option(index=1)
    dialog.get_by_role("button", name="Track it").click()
    expect(page.get_by_role("status").filter(has_text="Application tracked.")).to_be_visible()
    card = page.get_by_role("region", name=re.compile("^Applied")).get_by_role("listitem")
    expect(card).to_contain_text(re.compile(r"Match at applying: \d{1,3}%"))
    stage = page.get_by_label("Stage of Senior Backend Engineer")
    stage.select_option("INTERVIEW")
    expect(page.get_by_role("region", name=re.compile("^Interview")).get_by_role("listitem")).to_have_count(1)
    page.get_by_label("Stage of Senior Backend Engineer").select_option("OFFER")
    expect(page.get_by_role("region", name=re.compile("^Offer")).get_by_role("listitem")).to_have_count(1)

    # Share the tailored CV with a password.
    page.goto(page.url.split("/applications")[0] + "/")
    page.get_by_role("link", name=tailored_title).click()
    page.get_by_role("button", name="Share", exact=True).click()
    share = page.get_by_role("dialog", name="Share this CV")
    share.get_by_label("Password (optional)").fill(LINK_PASSWORD)
    share.get_by_role("button", name="Create link").click()
    url = share.get_by_role("textbox", name="New link").input_value()
    expect(share.get_by_text("0 views · 0 downloads")).to_be_visible()
    share.get_by_role("button", name="Close").click()

    # Signed out, in a fresh browser: the password, then the CV.
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()
    visitor.goto(url)
    visitor.get_by_label("Password").fill("a wrong guess")
    visitor.get_by_role("button", name="Open").click()
    expect(visitor.get_by_role("img", name=re.compile("^Page 1 of"))).to_have_count(0)
    visitor.goto(url)
    visitor.get_by_label("Password").fill(LINK_PASSWORD)
    visitor.get_by_role("button", name="Open").click()
    expect(visitor.get_by_role("img", name=re.compile("^Page 1 of"))).to_be_visible()
    visitor_context.close()

    page.get_by_role("button", name="Share", exact=True).click()
    expect(page.get_by_role("dialog", name="Share this CV").get_by_text("1 view · 0 downloads")).to_be_visible()
