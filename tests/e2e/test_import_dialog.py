"""In the browser against the real server: the import dialog takes every kind of CV file (PDF, Word, JSON Resume,
Reactive Resume, a LinkedIn data export) and the review that follows shows what was read (the name, each section
with its number of entries) and the warnings, with the focus in the review; closed, the dialog gives the focus
back to its button; on a 360 px wide phone nothing overflows and every control is a 44 px target."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import ROOT, screenshot, sign_up, wait_for_result
from tests.fixtures.linkedin import build as linkedin
from tests.imports import documents

FIXTURES = ROOT / "tests" / "fixtures"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def json_resume_with_a_bad_date() -> bytes:
    """The JSON Resume project's own sample, with a start date nobody can read: imported, and warned of."""
    document = json.loads((FIXTURES / "json_resume" / "official_sample.json").read_text(encoding="utf-8"))
    document["work"][0]["startDate"] = "sometime"
    return json.dumps(document).encode()


@dataclass(frozen=True)
class Case:
    filename: str
    content: Callable[[], bytes]
    name: str
    sections: dict[str, int]  # section title -> number of entries
    warning: tuple[str, str] | None  # (group heading, words of a warning in it), or None for text left unplaced
    unplaced: str | None = None


CASES = {
    "pdf": Case(
        "maria-gonzalez.pdf",
        lambda: documents.render_pdf(documents.running_header_html()),
        documents.PERSONA.name,
        {"Professional Experience": 3, "Education": 2, "Certifications": 1},
        None,
        unplaced="Page 1 of 3",
    ),
    "docx": Case(
        "maria-gonzalez.docx",
        documents.styled_docx,
        documents.PERSONA.name,
        {"Employment History": 3, "Education": 2, "Languages": 2},
        None,
    ),
    "json-resume": Case(
        "resume.json",
        json_resume_with_a_bad_date,
        "Richard Hendriks",
        {"Experience": 1, "Skills": 2, "Projects": 1},
        ("Work", "entry 1 › start date: is not a date we can read"),
    ),
    "reactive-resume": Case(
        "reactive-resume.json",
        lambda: (FIXTURES / "reactive_resume" / "v5_resume.json").read_bytes(),
        "Tomás Varga",
        {"Work history": 2, "Education": 2, "Skills": 3},
        ("Skills", "entry 3: was hidden in Reactive Resume"),
    ),
    "linkedin": Case(
        "Basic_LinkedInDataExport_12-03-2026.zip",
        linkedin.linkedin_export_zip,
        linkedin.NAME,
        {"Experience": 3, "Education": 2, "Languages": 2},
        ("Profile", "row 2 › Industry: a CV has no place for it"),
    ),
}


def import_file(page: Page, path: Path) -> Locator:
    """Opens the dialog, uploads `path` and returns the review of the new CV."""
    page.get_by_role("button", name="Import a CV file").click()
    expect(page.get_by_role("dialog", name="Import a CV")).to_be_visible()
    page.locator("#import-file").set_input_files(str(path))
    wait_for_result(page, page.get_by_role("heading", name="Check your imported CV"))
    return page.locator(".import-review")


def expect_focus_in_review(page: Page) -> None:
    page.wait_for_function("() => document.activeElement?.id === 'import-review-heading'")


def entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"


@pytest.mark.parametrize("kind", list(CASES))
def test_the_review_shows_what_was_read_and_the_warnings(page: Page, email: str, tmp_path: Path, kind: str) -> None:
    case = CASES[kind]
    path = tmp_path / case.filename
    path.write_bytes(case.content())
    sign_up(page, email)
    review = import_file(page, path)

    expect_focus_in_review(page)
    expect(review.get_by_role("heading", name=f"What we read from {case.filename}")).to_be_visible()
    expect(review.get_by_test_id("import-read-name")).to_have_text(case.name)
    sections = review.get_by_test_id("import-read-sections").get_by_role("listitem")
    for title, count in case.sections.items():
        section = sections.filter(
            has=page.locator(".import-read__section-title", has_text=re.compile(f"^{re.escape(title)}$"))
        )
        expect(section.locator(".import-read__count")).to_have_text(entries(count))
    if case.warning is not None:
        group, words = case.warning
        expect(review.get_by_role("heading", name=re.compile(r"^\d+ things? to check$"))).to_be_visible()
        warnings = review.locator(".import-review__group").filter(
            has=page.get_by_role("heading", name=group, exact=True, level=4)
        )
        expect(warnings.get_by_role("listitem").filter(has_text=words)).to_have_count(1)
    if case.unplaced is not None:
        expect(review.get_by_role("heading", name="Text we could not place")).to_be_visible()
        expect(review.get_by_role("button", name=f"Copy “{case.unplaced}”")).to_be_visible()
    screenshot(page, f"import-review-{kind}", review)
    if case.warning is not None:
        screenshot(page, f"import-review-{kind}-warnings", review.get_by_role("heading", name=re.compile("to check$")))
    if case.unplaced is not None:
        review.get_by_role("button", name=f"Copy “{case.unplaced}”").click()
        expect(review.get_by_role("status").filter(has_text=re.compile("Copied|Could not copy"))).to_be_visible()
    # The review stays with the CV until dismissed: closing the CV and opening it again shows it still.
    page.get_by_role("link", name="← Your CVs").click()
    page.get_by_role("list", name="Your CVs").get_by_role("link").first.click()
    expect(review.get_by_role("heading", name=f"What we read from {case.filename}")).to_be_visible()
    # Done with the review, the person carries on in the form, from its first field.
    review.get_by_role("button", name="Looks good").click()
    expect(review).to_have_count(0)
    expect(page.get_by_label("Full name")).to_be_focused()
    page.reload()
    expect(page.get_by_label("Full name")).to_be_visible()
    expect(review).to_have_count(0)


@pytest.fixture
def phone(browser: Browser, server_url: str) -> Iterator[Page]:
    """A 360 px wide window; the app's CSP refuses injected scripts, rightly, so this one lets axe-core in."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(server_url)
    yield page
    context.close()


def serious_violations(page: Page, selector: str) -> list[str]:
    """axe-core's serious and critical violations inside `selector`, as "rule: help at targets"."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async (selector) => (await axe.run(selector, {resultTypes: ['violations']})).violations", selector
    )
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_the_dialog_gives_the_focus_back_and_the_review_fits_a_phone(phone: Page, email: str, tmp_path: Path) -> None:
    page = phone
    sign_up(page, email)
    trigger = page.get_by_role("button", name="Import a CV file")
    trigger.click()
    dialog = page.get_by_role("dialog", name="Import a CV")
    expect(dialog.get_by_role("button", name="Choose a file")).to_be_focused()
    for control in (dialog.get_by_role("button", name="Choose a file"), dialog.get_by_role("button", name="Close")):
        box = control.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44, box
    assert serious_violations(page, "dialog") == []
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)
    expect(trigger).to_be_focused()

    # A LinkedIn export: warnings in groups, each with the text it left out and a Copy button.
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    path.write_bytes(linkedin.linkedin_export_zip())
    review = import_file(page, path)
    expect_focus_in_review(page)
    expect(review.get_by_test_id("import-read-name")).to_have_text(linkedin.NAME)
    expect(review.get_by_role("button", name=re.compile("^Copy ")).first).to_be_visible()
    assert serious_violations(page, ".import-review") == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than a 360 px phone"
    review_box = review.bounding_box()
    assert review_box is not None and review_box["x"] >= 0 and review_box["x"] + review_box["width"] <= 360
    for button in review.get_by_role("button").all():
        box = button.bounding_box()
        assert box is not None and box["height"] >= 44, (button.inner_text(), box)
    screenshot(page, "import-review-phone", review)
    screenshot(page, "import-review-phone-warnings", review.get_by_role("heading", name=re.compile("to check$")))
