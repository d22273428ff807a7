"""axe-core on every screen of the web app at a desktop (1280x800) and a phone (390x844) size, and no screen
scrolling sideways at 360 px.

The screens are the ones `make screenshots` pictures (`scripts/screenshots.SCREENS`): sign-in, the CV list, the
import dialog and an import's review, the editor's tabs (Content, Design, the preview, Job match with a job and the
tailoring review, Letters, a letter, History), the Download menu, the parser check, the Share dialog, the
applications board, the account page and a shared link's page. One person is signed up once, imports a CV through
the dialog and is given a CV, a job, a letter, an application and a share link through the API; each size reuses
that signed-in state in one browser context, so every test only opens its screen.

As tests/e2e/test_accessibility.py does: a serious or critical violation fails with axe's own description of it.
A page wider than the window names the elements that stick out. Two quick checks without a browser: the pictures
in docs/ are there for every screen and template, and the gallery page is current."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, StorageState, ViewportSize

from scripts.screenshots import (
    GALLERY,
    OUT,
    SCREENS,
    SIZES,
    Account,
    Screen,
    gallery,
    missing_template_pages,
    seed,
    sized_contexts,
    small_png,
)
from tests.e2e.test_accessibility import describe, violations

NARROWEST: ViewportSize = {"width": 360, "height": 740}
# The elements that reach past the window's right edge, innermost first, leaving out those inside a box that scrolls
# or clips (the editor's tab strip scrolls on its own): what makes the page pan sideways.
OVERFLOWING = """() => {
  const past = (e) => e.getBoundingClientRect().right > window.innerWidth + 0.5;
  const clipped = (e) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
    if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
  return Array.from(document.querySelectorAll('body *'))
    .filter((e) => past(e) && !clipped(e) && !Array.from(e.children).some(past))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`
      + `${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : ''}`
      + ` in ${e.parentElement ? e.parentElement.className || e.parentElement.tagName.toLowerCase() : 'none'}`
      + ` (right edge at ${Math.round(e.getBoundingClientRect().right)} px)`);
}"""


@dataclass(frozen=True)
class SignedIn:
    account: Account
    state: StorageState


@pytest.fixture(scope="module")
def signed_in(browser: Browser, server_url: str) -> SignedIn:
    context = browser.new_context(viewport=SIZES["desktop"])
    context.set_default_timeout(30_000)
    try:
        account = seed(context.new_page(), server_url, f"screens-{os.getpid()}@example.com")
        return SignedIn(account, context.storage_state())
    finally:
        context.close()


@pytest.fixture(scope="module")
def pages(browser: Browser, signed_in: SignedIn) -> Iterator[Callable[[str, bool], Page]]:
    """The page of a size ("desktop", "phone" or "narrowest"), signed in or out; each size's browser contexts are
    made on first use and kept for the module."""
    sizes = {**SIZES, "narrowest": NARROWEST}
    with ExitStack() as stack:
        made: dict[tuple[str, bool], Page] = {}

        def page(size: str, inside: bool) -> Page:
            if (size, inside) not in made:
                # The app's CSP refuses injected scripts, rightly; these contexts let axe in.
                signed, unsigned = stack.enter_context(
                    sized_contexts(browser, signed_in.state, sizes[size], bypass_csp=True)
                )
                made[(size, True)], made[(size, False)] = signed.new_page(), unsigned.new_page()
            return made[(size, inside)]

        yield page


@contextmanager
def showing(
    pages: Callable[[str, bool], Page], server_url: str, account: Account, size: str, screen: Screen
) -> Iterator[Page]:
    page = pages(size, screen.signed_in)
    screen.show(page, server_url, account)
    try:
        yield page
    finally:
        if screen.leave is not None:
            screen.leave(page)


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_screen_has_no_serious_accessibility_violations(
    pages: Callable[[str, bool], Page], server_url: str, signed_in: SignedIn, screen: Screen, size: str
) -> None:
    with showing(pages, server_url, signed_in.account, size, screen) as page:
        found = violations(page)
    assert not found, f"{screen.name} at {size} size:\n{describe(found)}"


@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_screen_does_not_scroll_sideways_at_360_px(
    pages: Callable[[str, bool], Page], server_url: str, signed_in: SignedIn, screen: Screen
) -> None:
    with showing(pages, server_url, signed_in.account, "narrowest", screen) as page:
        width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        overflowing = page.evaluate(OVERFLOWING) if width > window else []
    assert width <= window, f"{screen.name} is {width} px wide in a {window} px window: {overflowing}"


def test_every_screen_is_pictured_at_both_sizes_and_every_template_too() -> None:
    """What `make screenshots` writes is there for every screen and template, and the gallery lists the screens
    as they are now (a screen or template added without running it again fails here)."""
    missing = [
        f"{screen.name}-{size}.png"
        for screen in SCREENS
        for size in SIZES
        if not (OUT / f"{screen.name}-{size}.png").is_file()
    ]
    assert not missing, f"run `make screenshots`: {missing}"
    assert not missing_template_pages(), "run `uv run python -m cvmaker.adapters.rendering.thumbnails`"
    assert GALLERY.read_text() == gallery(), "docs/screenshots.md is stale: run `make screenshots`"


def test_a_screenshot_is_kept_in_256_colours_at_its_size() -> None:
    from PIL import Image

    original = (OUT / "editor-desktop.png").read_bytes()
    with Image.open(io.BytesIO(original)) as image:
        full = io.BytesIO()
        image.convert("RGB").save(full, format="PNG")  # as Chromium writes it: every colour
    reduced = small_png(full.getvalue())
    with Image.open(io.BytesIO(reduced)) as image:
        assert image.mode == "P" and image.size == (SIZES["desktop"]["width"], SIZES["desktop"]["height"])
        assert len(image.getcolors(256) or []) <= 256
    assert len(reduced) < len(full.getvalue()) / 2
