"""axe-core (the accessibility engine behind Lighthouse) on each main screen: labels, names, roles, contrast and
structure. A serious or critical violation fails the test with axe's own description of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import ROOT, sign_up, wait_saved
from tests.imports import documents

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def describe(found: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in found)


@pytest.fixture
def page(browser: Browser, server_url: str) -> Any:
    # The app's CSP refuses injected scripts, rightly; this test alone lets axe in.
    context = browser.new_context(viewport={"width": 1360, "height": 900}, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(server_url)
    yield page
    context.close()


def _cv_pdf(folder: Path) -> Path:
    path = folder / "cv.pdf"
    path.write_bytes(documents.render_pdf(documents.running_header_html()))
    return path


def test_main_screens_have_no_serious_accessibility_violations(page: Page, email: str, tmp_path: Path) -> None:
    screens: dict[str, list[dict[str, Any]]] = {"sign-in": violations(page)}
    sign_up(page, email)
    screens["empty list"] = violations(page)
    page.get_by_role("button", name="Import a CV file").click()
    page.get_by_role("dialog", name="Import a CV").wait_for()
    screens["import dialog"] = violations(page)
    page.locator("#import-file").set_input_files(str(_cv_pdf(tmp_path)))
    page.get_by_role("heading", name="Check your imported CV").wait_for(timeout=30_000)
    screens["import review"] = violations(page)
    page.get_by_role("link", name="← Your CVs").click()
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_role("button", name="Add section").click()
    page.get_by_label("Job title").fill("Engineer")
    page.get_by_test_id("preview-page").first.wait_for()
    wait_saved(page)
    screens["editor"] = violations(page)
    page.get_by_role("link", name="Design").click()
    page.get_by_role("button", name="Classic").wait_for()
    screens["design"] = violations(page)
    page.get_by_role("link", name="Job match").click()
    page.get_by_label("Job title").fill("Engineer")
    page.get_by_label("Job posting").fill("We need an engineer with Python, SQL and Kubernetes experience.")
    page.get_by_role("button", name="Check my match").click()
    page.get_by_test_id("match-score").wait_for(timeout=60_000)
    page.get_by_test_id("missing-requirements").get_by_role("button").first.click()
    screens["job match"] = violations(page)
    page.get_by_role("button", name="Tailor my CV to this job").click()
    page.get_by_role("heading", name="Review the tailored CV").wait_for(timeout=60_000)
    screens["tailoring review"] = violations(page)
    page.get_by_role("button", name="Discard").click()
    page.get_by_role("button", name="Write a cover letter").click()
    page.get_by_label("Edit before you send it").wait_for(timeout=60_000)
    screens["cover letter"] = violations(page)
    page.get_by_role("link", name="History").click()
    page.get_by_text("Version 1", exact=True).wait_for()
    screens["history"] = violations(page)
    page.get_by_role("button", name="Preview version 1").click()
    page.get_by_role("heading", name="Preview of version 1").wait_for()
    screens["preview of an earlier version"] = violations(page)
    page.get_by_role("link", name="← Your CVs").click()
    page.get_by_role("list", name="Your CVs").wait_for()
    page.get_by_role("list", name="Your CVs").get_by_role("listitem").nth(1).wait_for()
    screens["list"] = violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    screens["list on a phone"] = violations(page)
    failing = {name: describe(found) for name, found in screens.items() if found}
    assert not failing, failing
