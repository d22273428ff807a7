"""The real server (`cvmaker serve` on a free port, embedded default, fresh data) and headless Chromium.

The web app must be built first (`npm run build` in frontend/, which `make run` and `make test` do); a missing
build fails the suite with that instruction rather than testing the "not built" page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.e2e.browser import launch_chromium
from tests.support.servers import cvmaker_serve

ROOT = Path(__file__).resolve().parents[2]
WEB_DIST = ROOT / "frontend" / "dist"
SCREENSHOTS = ROOT / "build" / "e2e"
PASSWORD = "correct horse battery staple"
_users = count(1)


@contextmanager
def running_server(data_dir: Path, **settings: str) -> Iterator[str]:
    """`cvmaker serve` on a free port with the built web app and `settings` (CVMAKER_*) over the environment's."""
    if not (WEB_DIST / "index.html").is_file():
        pytest.fail("The web app is not built: run `npm ci && npm run build` in frontend/ (make test does).")
    with (
        (data_dir / "serve.log").open("wb") as log,
        cvmaker_serve(data_dir, {"CVMAKER_WEB_DIST": str(WEB_DIST), **settings}, log) as url,
    ):
        yield url


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # Every test signs up a new person from 127.0.0.1: more than the default hourly allowance of one address.
    with running_server(tmp_path_factory.mktemp("e2e-data"), CVMAKER_SIGN_UPS_PER_HOUR="1000") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, server_url: str) -> Page:
    page = context.new_page()
    page.goto(server_url)
    return page


@pytest.fixture
def email() -> str:
    return f"person{next(_users)}-{os.getpid()}@example.com"


def screenshot(page: Page, name: str, top: Locator | None = None) -> None:
    """Saves the window under build/e2e/, scrolled to the page's top or with `top` just below the top bar."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if top is None:
        page.evaluate("window.scrollTo(0, 0)")
    else:
        top.evaluate("element => { element.scrollIntoView({block: 'start'}); window.scrollBy(0, -72); }")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def sign_up(page: Page, email: str) -> None:
    page.get_by_role("button", name="Create an account").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Your CVs").wait_for()


def wait_saved(page: Page) -> None:
    page.get_by_test_id("save-status").filter(has_text="All changes saved").wait_for()


def wait_for_result(page: Page, result: Locator, timeout: float = 60_000) -> None:
    """Waits for `result` or for the page's error message, and fails with that message's words."""
    problem = page.locator(".form-error, .state--error")
    expect(result.or_(problem).first).to_be_visible(timeout=timeout)
    assert problem.count() == 0, problem.first.inner_text()


def preview_src(page: Page) -> str:
    return page.get_by_test_id("preview-page").first.get_attribute("src") or ""


def wait_for_new_preview(page: Page, before: str) -> str:
    """Waits until the preview's first page is an up-to-date image different from `before`; returns it."""
    page.wait_for_function(
        """(before) => { const img = document.querySelector('[data-testid=preview-page]');
                         return img && img.dataset.stale === 'false' && img.getAttribute('src') !== before; }""",
        arg=before,
    )
    return preview_src(page)
