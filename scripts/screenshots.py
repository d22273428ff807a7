"""Screenshots of every screen of the web app at a desktop (1280x800) and a phone (390x844) size, into
docs/screenshots/<screen>-<desktop|phone>.png: `make screenshots` (or `uv run python -m scripts.screenshots`).

It runs the real server (`cvmaker serve`, embedded default, a fresh data folder) with the built web app and
Debian's Chromium, as the browser tests do (tests/e2e/conftest.py), signs a person up, imports a JSON Resume
through the dialog (its review stays to be pictured), gives them the long sample CV (cvmaker/domain/cv/samples.py),
a job, its cover letter, a tracked application and a share link through the GraphQL API, then visits each screen
in `SCREENS`. tests/e2e/test_accessibility_screens.py walks the same screens
with axe-core, so every screen pictured here is also checked.

The PNGs are reduced to 256 colours (text and flat UI survive it), which keeps the folder at a few megabytes.
It also renders any template's page that docs/templates/ lacks (cvmaker/adapters/rendering/thumbnails.py makes
them all).
"""

from __future__ import annotations

import io
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: the project's packages are importable from the checkout

from playwright.sync_api import Browser, BrowserContext, Locator, Page, StorageState, ViewportSize, expect

from cvmaker.domain.cv.samples import long_cv
from tests.e2e.conftest import WEB_DIST, sign_up

OUT = ROOT / "docs" / "screenshots"
GALLERY = ROOT / "docs" / "screenshots.md"
IMPORTED = ROOT / "tests" / "fixtures" / "json_resume" / "senior_engineer.json"
TEMPLATE_PAGES = ROOT / "docs" / "templates"
SIZES: dict[str, ViewportSize] = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
EMAIL = "daniel.okonkwo@example.com"
# Scrolls an element to just below what stays on screen at the top (the app's bars are sticky on a phone).
SCROLL_TO_TOP = """(element) => {
  element.scrollIntoView({block: 'start'});
  const bars = Array.from(document.querySelectorAll('body *')).filter((e) => {
    const position = getComputedStyle(e).position;
    return (position === 'sticky' || position === 'fixed') && e.getBoundingClientRect().top <= 1
      && !e.contains(element) && !element.contains(e);
  });
  const covered = Math.max(0, ...bars.map((e) => e.getBoundingClientRect().bottom));
  window.scrollBy(0, element.getBoundingClientRect().top - covered - 16);
}"""
# A posting for the long sample CV's engineer: much of it he has shown, some of it (GraphQL, Elixir) he has not.
JOB_TITLE = "Staff Backend Engineer"
POSTING = """Staff Backend Engineer (Payments)

We are hiring a staff engineer to lead the design of our payments platform.

Requirements:
- 10+ years of experience building back-end systems in Go or Python
- Kafka, PostgreSQL and Kubernetes in production
- Designing GraphQL APIs
- Mentoring engineers and leading incident reviews

Nice to have: Elixir, Terraform, a degree in computer science."""


@dataclass(frozen=True)
class Account:
    """What the person has after `seed`: the ids the screens open, and the public link of the CV."""

    cv_id: str
    job_id: str
    letter_id: str
    share_url: str
    imported_cv_id: str


@dataclass(frozen=True)
class Screen:
    """One screen: `name` is the file's stem and the test's id; `show` opens it from the server's base URL and
    returns once it shows its content (not a spinner), with the part the picture starts at, if not the page's top."""

    name: str
    caption: str
    signed_in: bool
    show: Callable[[Page, str, Account], Locator | None]
    # Undoes what showing it made (a tailored CV), so the screens after it look as they would without it.
    leave: Callable[[Page], None] | None = None


def _graphql(
    context: BrowserContext, base: str, token: str, query: str, variables: dict[str, object]
) -> dict[str, object]:
    response = context.request.post(
        f"{base}/graphql",
        headers={"Authorization": f"Bearer {token}", "content-type": "application/json"},
        data=json.dumps({"query": query, "variables": variables}),
        timeout=180_000,  # the first match loads the embedding model
    )
    body = response.json()
    if not response.ok or body.get("errors"):
        raise RuntimeError(f"GraphQL refused: {body}")
    data: dict[str, object] = body["data"]
    return data


def _id(data: dict[str, object], field: str, typename: str) -> str:
    result = data[field]
    if not isinstance(result, dict) or result.get("__typename") != typename:
        raise RuntimeError(f"{field} answered {result}")
    return str(result["id"])


def seed(page: Page, base: str, email: str = EMAIL) -> Account:
    """Signs `email` up in `page` (as a person does) and gives them a CV, a job, a letter, an application and a
    share link through the API with the page's own token."""
    page.goto(base)
    sign_up(page, email)
    # Imported through the dialog, as a person does; the review stays with that CV (in the browser's storage)
    # until dismissed, so the signed-in state handed to other browser contexts carries it.
    page.get_by_role("button", name="Import a CV file").click()
    page.locator("#import-file").set_input_files(str(IMPORTED))
    page.get_by_role("heading", name="Check your imported CV").wait_for(timeout=60_000)
    imported = re.search(r"/cv/([^/?#]+)", page.url)
    if imported is None:
        raise RuntimeError(f"the import did not open its CV: {page.url}")
    session = json.loads(page.evaluate("localStorage.getItem('cvmaker.session')"))
    token = str(session["accessToken"])

    def call(query: str, **variables: object) -> dict[str, object]:
        return _graphql(page.context, base, token, query, variables)

    document = long_cv().to_dict()
    cv_input = {key: document[key] for key in ("title", "basics", "summary", "sections", "design")}
    cv_id = _id(
        call("mutation($i: CvInput!) { createCv(input: $i) { __typename ... on Cv { id } } }", i=cv_input),
        "createCv",
        "Cv",
    )
    # A second version, so the history has one to preview and restore.
    edited = {**cv_input, "summary": f"{document['summary']} Based in Amsterdam, open to hybrid roles."}
    call(
        "mutation($id: ID!, $i: CvInput!) { updateCv(id: $id, version: 1, input: $i) { __typename } }",
        id=cv_id,
        i=edited,
    )
    job = {"title": JOB_TITLE, "company": "Paystream", "description": POSTING}
    job_id = _id(
        call("mutation($i: JobInput!) { createJob(input: $i) { __typename ... on Job { id } } }", i=job),
        "createJob",
        "Job",
    )
    ids = {"cv": cv_id, "job": job_id}
    call("mutation($cv: ID!, $job: ID!) { matchCv(cvId: $cv, jobId: $job) { __typename } }", **ids)
    letter_id = _id(
        call(
            "mutation($cv: ID!, $job: ID!) { generateCoverLetter(cvId: $cv, jobId: $job) "
            "{ __typename ... on CoverLetter { id } } }",
            **ids,
        ),
        "generateCoverLetter",
        "CoverLetter",
    )
    application = {"cvId": cv_id, "jobId": job_id, "letterId": letter_id, "stage": "APPLIED"}
    _id(
        call(
            "mutation($i: ApplicationInput!) { createApplication(input: $i) { __typename ... on Application { id } } }",
            i=application,
        ),
        "createApplication",
        "Application",
    )
    shared = call(
        "mutation($i: CreateShareLinkInput!) { createShareLink(input: $i) { __typename ... on ShareLink { url } } }",
        i={"cvId": cv_id, "showContacts": True},
    )["createShareLink"]
    if not isinstance(shared, dict) or "url" not in shared:
        raise RuntimeError(f"createShareLink answered {shared}")
    return Account(
        cv_id=cv_id,
        job_id=job_id,
        letter_id=letter_id,
        share_url=str(shared["url"]),
        imported_cv_id=imported.group(1),
    )


def _fresh_preview(page: Page) -> None:
    page.wait_for_function(
        "() => { const img = document.querySelector('[data-testid=preview-page]');"
        " return img && img.dataset.stale === 'false' && img.complete; }",
        timeout=60_000,
    )


def _narrow(page: Page) -> bool:
    """A narrow window shows the form or the preview, with a Preview button between them."""
    return page.get_by_role("button", name="Preview", exact=True).is_visible()


def _editor(page: Page, base: str, account: Account, tab: str = "") -> None:
    page.goto(f"{base}/cv/{account.cv_id}{tab}")
    expect(page.get_by_role("textbox", name="CV title")).to_have_value(long_cv().title)


def _sign_in(page: Page, base: str, account: Account) -> Locator | None:
    page.goto(base)
    page.get_by_role("heading", name="Sign in").wait_for()
    return None


def _cv_list(page: Page, base: str, account: Account) -> Locator | None:
    page.goto(base)
    page.get_by_role("list", name="Your CVs").get_by_role("listitem").first.wait_for()
    return None


def _import_dialog(page: Page, base: str, account: Account) -> Locator | None:
    page.goto(base)
    page.get_by_role("list", name="Your CVs").get_by_role("listitem").first.wait_for()
    page.get_by_role("button", name="Import a CV file").click()
    page.get_by_role("dialog", name="Import a CV").wait_for()
    return None


def _content(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account)
    expect(page.get_by_label("Full name")).to_have_value(long_cv().basics.name)
    if not _narrow(page):  # a wide window shows the preview beside the form
        _fresh_preview(page)
    return None


def _design(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account, "/design")
    page.get_by_role("group", name="Templates").wait_for()
    return None


def _preview(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account)
    if _narrow(page):
        page.get_by_role("button", name="Preview", exact=True).click()
    page.get_by_role("img", name="Page 1 of", exact=False).first.wait_for()
    _fresh_preview(page)
    return page.locator(".editor__preview")


def _match(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account, "/match")
    page.get_by_label("or a saved posting").select_option(account.job_id)
    page.get_by_test_id("match-score").wait_for(timeout=180_000)
    return page.locator(".match-result")


def _letters(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account, "/letters")
    page.get_by_role("heading", name="Cover letters").wait_for()
    page.locator(f'a[href$="/letters/{account.letter_id}"]').wait_for()
    return None


def _letter_editor(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account, f"/letters/{account.letter_id}")
    expect(page.get_by_label("Edit before you send it")).not_to_have_value("")
    return page.locator(".letter-editor")


def _history(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account, "/history")
    page.get_by_role("button", name="Preview version 1").wait_for()
    return None


def _applications(page: Page, base: str, account: Account) -> Locator | None:
    page.goto(f"{base}/applications")
    page.get_by_role("heading", name="Applications", level=1).wait_for()
    page.get_by_role("listitem").filter(has_text=JOB_TITLE).first.wait_for()
    return None


def _account(page: Page, base: str, account: Account) -> Locator | None:
    page.goto(f"{base}/account")
    page.get_by_role("heading", name="Your account", level=1).wait_for()
    return None


def _shared_page(page: Page, base: str, account: Account) -> Locator | None:
    page.goto(account.share_url)
    page.get_by_role("heading", level=1, name=long_cv().basics.name).wait_for()
    page.get_by_role("img", name="Page 1 of", exact=False).first.wait_for()
    return None


def _import_review(page: Page, base: str, account: Account) -> Locator | None:
    page.goto(f"{base}/cv/{account.imported_cv_id}")
    page.get_by_role("heading", name="Check your imported CV").wait_for()
    return None


def _download_menu(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account)
    page.get_by_role("button", name="Download", exact=True).click()
    page.get_by_role("list", name="Download formats").wait_for()
    return None


def _parser_check(page: Page, base: str, account: Account) -> Locator | None:
    _download_menu(page, base, account)
    page.get_by_role("button", name=re.compile("What a parser reads")).click()
    dialog = page.get_by_role("dialog", name="What a parser reads")
    dialog.get_by_role("heading", name=re.compile(r"^Readability \d{1,3} of 100$")).wait_for(timeout=60_000)
    return None


def _share_dialog(page: Page, base: str, account: Account) -> Locator | None:
    _editor(page, base, account)
    page.get_by_role("button", name="Share", exact=True).click()
    page.get_by_role("dialog", name="Share this CV").get_by_text(re.compile(r"\d+ views? · ")).first.wait_for()
    return None


def _tailor_review(page: Page, base: str, account: Account) -> Locator | None:
    _match(page, base, account)
    page.get_by_role("button", name="Tailor my CV to this job").click()
    heading = page.get_by_role("heading", name="Review the tailored CV")
    heading.wait_for(timeout=120_000)
    return heading


def _discard_tailored(page: Page) -> None:
    page.get_by_role("button", name="Discard").click()
    page.get_by_role("heading", name="Review the tailored CV").wait_for(state="detached")


SCREENS: list[Screen] = [
    Screen("sign-in", "Sign in", False, _sign_in),
    Screen("cv-list", "Your CVs", True, _cv_list),
    Screen("import-dialog", "Import a CV", True, _import_dialog),
    Screen("import-review", "An imported CV, with what to check", True, _import_review),
    Screen("editor", "The editor's Content tab, with the live PDF preview on a wide screen", True, _content),
    Screen("design", "The Design tab: templates, colour, font, spacing", True, _design),
    Screen("preview", "The preview: the real PDF's pages", True, _preview),
    Screen("download-menu", "The Download menu", True, _download_menu),
    Screen("parser-check", "What a parser reads, before downloading", True, _parser_check),
    Screen("share-dialog", "Sharing a link to the CV", True, _share_dialog),
    Screen("match", "Job match: the score, matched and missing requirements", True, _match),
    Screen(
        "tailor-review",
        "Tailoring the CV to the job: every change to accept or undo",
        True,
        _tailor_review,
        _discard_tailored,
    ),
    Screen("letters", "The CV's cover letters", True, _letters),
    Screen("letter-editor", "The cover letter editor", True, _letter_editor),
    Screen("history", "History: every saved version", True, _history),
    Screen("applications", "Applications board", True, _applications),
    Screen("account", "Your account: your data, deleting the account", True, _account),
    Screen("shared-page", "A shared link, as its visitor sees it", False, _shared_page),
]


@contextmanager
def sized_contexts(
    browser: Browser, storage_state: StorageState, size: ViewportSize, *, bypass_csp: bool = False
) -> Iterator[tuple[BrowserContext, BrowserContext]]:
    """A signed-in and a signed-out browser context at `size` (`bypass_csp` lets axe-core's script in)."""
    signed_in = browser.new_context(viewport=size, storage_state=storage_state, bypass_csp=bypass_csp)
    signed_out = browser.new_context(viewport=size, bypass_csp=bypass_csp)
    for context in (signed_in, signed_out):
        context.set_default_timeout(30_000)
    try:
        yield signed_in, signed_out
    finally:
        signed_in.close()
        signed_out.close()


def small_png(png: bytes) -> bytes:
    """The screenshot in 256 colours: a third of the bytes, the same to the eye."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        picture = image.convert("RGB")
    reduced = picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    reduced.save(out, format="PNG", optimize=True)
    return out.getvalue()


def missing_template_pages() -> list[str]:
    from cvmaker.adapters.rendering.templates import REGISTRY

    return [info.name for info in REGISTRY.all() if not (TEMPLATE_PAGES / f"{info.name}.png").is_file()]


def render_missing_template_pages() -> list[str]:
    from cvmaker.adapters.rendering.thumbnails import PAGE_DPI, first_page_png

    missing = missing_template_pages()
    for name in missing:
        (TEMPLATE_PAGES / f"{name}.png").write_bytes(first_page_png(name, PAGE_DPI))
    return missing


def take(base: str, out: Path) -> list[Path]:
    from tests.e2e.browser import launch_chromium

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with launch_chromium() as browser:
        first = browser.new_context(viewport=SIZES["desktop"])
        first.set_default_timeout(30_000)
        account = seed(first.new_page(), base)
        state = first.storage_state()
        first.close()
        for size_name, size in SIZES.items():
            with sized_contexts(browser, state, size) as (signed_in, signed_out):
                pages = {True: signed_in.new_page(), False: signed_out.new_page()}
                for screen in SCREENS:
                    page = pages[screen.signed_in]
                    top = screen.show(page, base, account)
                    if top is not None:
                        top.evaluate(SCROLL_TO_TOP)
                    if page.locator(".editor__preview").is_visible():
                        _fresh_preview(page)
                    page.wait_for_timeout(300)  # let transitions and image decoding settle
                    png = page.screenshot(animations="disabled", caret="hide")
                    path = out / f"{screen.name}-{size_name}.png"
                    path.write_bytes(small_png(png))
                    written.append(path)
                    if screen.leave is not None:
                        screen.leave(page)
                    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB", flush=True)
    return written


def gallery() -> str:
    """docs/screenshots.md: every screen at both sizes, and every template's first page."""
    from cvmaker.adapters.rendering.templates import REGISTRY

    desktop, phone = (f"{size['width']}x{size['height']}" for size in SIZES.values())
    lines = [
        "# Screenshots",
        "",
        f"Every screen of the web app at a desktop size ({desktop}) and a phone size ({phone}), as the window shows",
        "it, made by `make screenshots` (`scripts/screenshots.py`) from the real server",
        "with the long sample CV (`cvmaker/domain/cv/samples.py`). Do not edit the images or this page by hand:",
        "the script writes both. `tests/e2e/test_accessibility_screens.py` runs axe-core on the same screens at",
        "both sizes and checks that none scrolls sideways at 360 px.",
        "",
        "Templates: [every template's first page](#templates), and the design options in",
        "[templates.md](templates.md).",
        "",
    ]
    for screen in SCREENS:
        cells = [
            f'[<img src="screenshots/{screen.name}-{size}.png" width="{width}" alt="{screen.caption}, {size}">]'
            f"(screenshots/{screen.name}-{size}.png)"
            for size, width in (("desktop", 600), ("phone", 200))
        ]
        lines += [f"## {screen.caption}", "", "| Desktop | Phone |", "|---|---|", f"| {cells[0]} | {cells[1]} |", ""]
    lines += ["## Templates", "", "Page one of each, rendered from the long sample CV:", ""]
    templates = REGISTRY.all()
    for start in range(0, len(templates), 4):
        row = templates[start : start + 4]
        lines += [
            "| " + " | ".join(f"{info.title} (`{info.name}`)" for info in row) + " |",
            "|" + "---|" * len(row),
            "| "
            + " | ".join(
                f'[<img src="templates/{info.name}.png" width="180" alt="{info.title}">](templates/{info.name}.png)'
                for info in row
            )
            + " |",
            "",
        ]
    return "\n".join(lines)


def main() -> int:
    from tests.support.servers import cvmaker_serve

    if not (WEB_DIST / "index.html").is_file():
        print("The web app is not built: run `npm ci && npm run build` in frontend/ (make screenshots does).")
        return 1
    for name in render_missing_template_pages():
        print(f"docs/templates/{name}.png: rendered (it was missing)")
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        with (
            (data / "serve.log").open("wb") as log,
            cvmaker_serve(data, {"CVMAKER_WEB_DIST": str(WEB_DIST)}, log) as base,
        ):
            written = take(base, OUT)
    for stale in sorted(set(OUT.glob("*.png")) - set(written)):  # a screen renamed or gone
        stale.unlink()
        print(f"{stale.relative_to(ROOT)}: removed (no such screen now)")
    GALLERY.write_text(gallery())
    total = sum(path.stat().st_size for path in written)
    print(f"{len(written)} screenshots, {total / 1_000_000:.1f} MB in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
