"""The account page in the browser, on the embedded default: download all of one's data (the zip holds the CV
just made), then delete the account, first with a wrong password (refused on the field, nothing deleted), then
with the right one (signed out, on the sign-in page with a message; the account no longer signs in). In the
cloud shape's sign-in (Cognito on the AWS emulator), the app asks for the email typed out instead.

The test runs its own server on its own data folder, so its sign-up does not count against the shared server's
sign-ups per source (tests/e2e/test_password_reset.py does the same)."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from cvmaker.adapters.aws.provisioning import create_user, create_user_pool
from tests.contract.emulator import running_emulator
from tests.e2e.conftest import PASSWORD, running_server, screenshot, sign_up, wait_saved
from tests.e2e.test_accessibility import describe, violations

EMAIL = "leaving@example.com"
PHONE: ViewportSize = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def account_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("account-e2e")) as url:
        yield url


def assert_touch_target(control: Locator) -> None:
    box = control.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, box


def assert_fits(page: Page) -> None:
    """Nothing wider than the window: no sideways scrolling on a phone."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


@pytest.fixture
def page(browser: Browser, account_server: str) -> Iterator[Page]:
    # The app's CSP refuses injected scripts, rightly; axe is let in as in tests/e2e/test_accessibility.py.
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True, bypass_csp=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_download_my_data_then_delete_my_account(page: Page, account_server: str, tmp_path: Path) -> None:
    page.goto(account_server)
    sign_up(page, EMAIL)
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Leaving")
    wait_saved(page)
    match = re.search(r"/cv/([^/?#]+)", page.url)
    assert match, page.url
    cv_id = match.group(1)

    page.get_by_role("navigation", name="Account").get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    expect(page.get_by_role("link", name="Account")).to_have_attribute("aria-current", "page")
    found = {"account page": violations(page)}

    # The export: a zip with the account and the CV (its document as saved).
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download all my data").click()
    zip_path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(zip_path)
    assert zip_path.suffix == ".zip"
    with zipfile.ZipFile(zip_path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["counts"]["cvs"] == 1
        assert json.loads(archive.read("account.json"))["email"] == EMAIL
        cv = json.loads(archive.read(f"cvs/{cv_id}.json"))
    assert cv["id"] == cv_id
    assert "Ada Leaving" in json.dumps(cv["document"])
    expect(page.get_by_role("status").filter(has_text="Your download has started")).to_contain_text("1 CV")

    # The rest on a phone's width: the danger zone, its dialog, 44 px targets, nothing sideways.
    page.set_viewport_size(PHONE)
    opener = page.get_by_role("button", name="Delete my account…")
    opener.scroll_into_view_if_needed()
    assert_touch_target(opener)
    assert_touch_target(page.get_by_role("button", name="Download all my data"))
    assert_fits(page)
    screenshot(page, "account-page-phone", page.get_by_role("heading", level=1, name="Your account"))
    opener.click()
    dialog = page.get_by_role("dialog", name="Delete your account?")
    expect(dialog).to_contain_text("cannot be undone")
    expect(dialog).to_contain_text("signed out everywhere")
    password = dialog.get_by_label("Your password")
    expect(password).to_be_focused()
    for name in ("Cancel", "Delete my account for good", "Close"):
        assert_touch_target(dialog.get_by_role("button", name=name))
    assert_fits(page)
    found["delete dialog"] = violations(page)
    screenshot(page, "account-delete-dialog")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()

    # A wrong password: refused on its field, and the CV is still there.
    opener.click()
    password.fill("not my password at all")
    dialog.get_by_role("button", name="Delete my account for good").click()
    expect(dialog.get_by_role("alert")).to_contain_text("That is not your password")
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(password).to_be_focused()
    found["refused password"] = violations(page)
    dialog.get_by_role("button", name="Cancel").click()
    page.get_by_role("link", name="CV Maker: your CVs").click()
    expect(page.get_by_role("list", name="Your CVs").get_by_role("listitem")).to_have_count(1)

    # The right password: the account is gone, the person is on the sign-in page with a message.
    page.get_by_role("link", name="Account").click()
    page.get_by_role("button", name="Delete my account…").click()
    password.fill(PASSWORD)
    dialog.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("status").filter(has_text="Your account and all its data are deleted")).to_be_visible()
    assert page.url.rstrip("/") == account_server.rstrip("/")
    screenshot(page, "account-deleted")
    assert not any(found.values()), "\n".join(f"{name}:\n{describe(v)}" for name, v in found.items() if v)

    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong email or password")


CLOUD_EMAIL = "cloud-leaver@example.com"


@pytest.fixture(scope="module")
def cloud_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`cvmaker serve` in the cloud shape's sign-in (Cognito on the AWS emulator, as in test_cloud_sign_in.py),
    with the Cognito calls of a deletion (AdminGetUser, AdminUserGlobalSignOut, AdminDeleteUser) sent there too."""
    with running_emulator() as emulator:
        cognito = emulator.client("cognito-idp")
        pool = create_user_pool(cognito, "cvmaker-account-e2e", emulator.region, emulator.endpoint_url)
        create_user(cognito, pool, CLOUD_EMAIL, PASSWORD)
        settings = {
            "CVMAKER_AUTH": "cognito",
            "CVMAKER_COGNITO_ISSUER": pool.issuer,
            "CVMAKER_COGNITO_JWKS_URL": pool.jwks_url,
            "CVMAKER_COGNITO_CLIENT_IDS": pool.web_client_id,
            "CVMAKER_COGNITO_USER_POOL_ID": pool.pool_id,
            "CVMAKER_COGNITO_WEB_CLIENT_ID": pool.web_client_id,
            "CVMAKER_COGNITO_USER_POOL_ENDPOINT": emulator.endpoint_url,
            "CVMAKER_AWS_ENDPOINT_URL": emulator.endpoint_url,
            "AWS_REGION": emulator.region,
        }
        with running_server(tmp_path_factory.mktemp("account-cloud-e2e"), **settings) as url:
            yield url


def test_with_cognito_the_account_is_deleted_with_the_email_typed_out(
    context: BrowserContext, cloud_server: str
) -> None:
    page = context.new_page()
    page.goto(cloud_server)
    page.get_by_label("Email").fill(CLOUD_EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", name="Your CVs")).to_be_visible()

    page.get_by_role("link", name="Account").click()
    page.get_by_role("button", name="Delete my account…").click()
    dialog = page.get_by_role("dialog", name="Delete your account?")
    # Cognito's passwords never reach the app: it asks for the email instead.
    expect(dialog.get_by_label("Your password")).to_have_count(0)
    confirm = dialog.get_by_label("Type your email address to confirm")
    expect(confirm).to_be_focused()
    confirm.fill("someone-else@example.com")
    dialog.get_by_role("button", name="Delete my account for good").click()
    expect(dialog.get_by_role("alert")).to_contain_text("Type your account's email address")
    expect(confirm).to_have_attribute("aria-invalid", "true")

    confirm.fill(CLOUD_EMAIL)
    dialog.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_role("status").filter(has_text="Your account and all its data are deleted")).to_be_visible()
    expect(page.get_by_role("button", name="Sign in", exact=True)).to_be_visible()

    page.get_by_label("Email").fill(CLOUD_EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    # The user is gone from the pool (the emulator does not check passwords, so this is the one refusal it gives).
    expect(page.get_by_role("alert")).to_contain_text("User does not exist")
    expect(page.get_by_role("heading", name="Your CVs")).to_have_count(0)
