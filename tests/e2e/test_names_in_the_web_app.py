"""Names in every script through the web app: CVs made through the API in the names of people from everywhere
are listed under their names, open in the editor with the name as written, and preview without errors."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page, expect

from tests.e2e.conftest import PASSWORD, wait_for_new_preview
from tests.support.names import NAMES_IN_EVERY_SCRIPT


def _post(url: str, body: dict[str, object], token: str | None = None) -> dict[str, object]:
    headers = {"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(url, json.dumps(body).encode(), headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        answer: dict[str, object] = json.load(response)
        return answer


def test_every_name_is_listed_opened_and_previewed(page: Page, server_url: str, email: str) -> None:
    token = str(_post(f"{server_url}/auth/signup", {"email": email, "password": PASSWORD})["accessToken"])
    for name in NAMES_IN_EVERY_SCRIPT.values():
        created = _post(
            f"{server_url}/graphql",
            {
                "query": "mutation($input: CvInput!) { createCv(input: $input) { __typename } }",
                "variables": {"input": {"title": name, "basics": {"name": name}}},
            },
            token,
        )
        assert created == {"data": {"createCv": {"__typename": "Cv"}}}, created

    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your CVs")).to_be_visible()
    for name in NAMES_IN_EVERY_SCRIPT.values():
        expect(page.get_by_text(name, exact=True).first).to_be_visible()

    for script in ("Devanagari", "Mixed RTL and LTR", "Emoji", "Very long"):
        name = NAMES_IN_EVERY_SCRIPT[script]
        page.get_by_role("link", name=name, exact=True).first.click()
        expect(page.get_by_label("Full name")).to_have_value(name)
        wait_for_new_preview(page, "")
        expect(page.locator(".form-error, .state--error")).to_have_count(0)
        page.get_by_role("link", name="← Your CVs").click()
        expect(page.get_by_role("heading", name="Your CVs")).to_be_visible()
