"""A forgotten password in the browser, on the embedded default: "Forgot password?" on the sign-in page, the code
read from the server's outbox with `cvmaker outbox` (as the admin would), a new password, then signing in with it.

The test runs its own server on its own data folder (the outbox lives there), so its one sign-up does not count
against the shared server's sign-ups per address either."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import PASSWORD, ROOT, running_server, screenshot
from tests.support.servers import sign_up_token

EMAIL = "forgetful@example.com"
NEW_PASSWORD = "a new and unusual passphrase"
CODE = re.compile(r"reset code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reset-e2e")


@pytest.fixture(scope="module")
def reset_server(data_dir: Path) -> Iterator[str]:
    with running_server(data_dir) as url:
        yield url


def code_from_the_outbox(data_dir: Path, email: str) -> str:
    """The newest code mailed to `email`, from `cvmaker outbox`; the server writes it just after answering."""
    deadline = time.monotonic() + 10
    while True:
        printed = subprocess.run(
            [sys.executable, "-m", "api.cli", "outbox", "--data-dir", str(data_dir), "--to", email],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        codes = CODE.findall(printed)
        if codes or time.monotonic() > deadline:
            assert codes, f"no reset code for {email} in the outbox:\n{printed}"
            return str(codes[-1])
        time.sleep(0.2)


def test_a_forgotten_password_is_reset_with_the_code_from_the_outbox(
    context: BrowserContext, reset_server: str, data_dir: Path
) -> None:
    sign_up_token(reset_server, EMAIL, PASSWORD)
    page: Page = context.new_page()
    page.goto(reset_server)

    page.get_by_label("Email").fill(EMAIL)
    page.get_by_role("button", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_focused()
    page.get_by_role("button", name="Send reset code").click()
    expect(page.get_by_role("heading", name="Enter your reset code")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="a reset code is on its way")).to_be_visible()

    page.get_by_label("Reset code").fill(code_from_the_outbox(data_dir, EMAIL))
    page.get_by_label("New password").fill(NEW_PASSWORD)
    screenshot(page, "password-reset")
    page.get_by_role("button", name="Set new password").click()

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Your password is changed")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong email or password")

    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("heading", name="Your CVs").wait_for()
