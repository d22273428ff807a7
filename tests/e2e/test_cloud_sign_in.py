"""The cloud shape's sign-in in the browser: Amplify's Authenticator in the web app signs in against Cognito
served by the AWS emulator (moto on 127.0.0.1, named by the `userPoolEndpoint` setting in /config.json), and the
API (`cvmaker serve` with CVMAKER_AUTH=cognito, SQLite storage) accepts the Cognito access token.

moto does not check SRP passwords (docs: docs/toolchain.md §2), so this proves the wiring, not
the password check; the user is given the right password all the same."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from cvmaker.adapters.aws.provisioning import UserPool, create_user, create_user_pool
from tests.contract.emulator import running_emulator
from tests.e2e.conftest import PASSWORD, running_server, screenshot, wait_saved

EMAIL = "ada@example.com"
LOOPBACK = {"127.0.0.1", "localhost"}


@dataclass(frozen=True)
class CloudShape:
    url: str
    pool: UserPool
    sub: str


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CloudShape]:
    with running_emulator() as emulator:
        cognito = emulator.client("cognito-idp")
        pool = create_user_pool(cognito, "cvmaker-e2e", emulator.region, emulator.endpoint_url)
        sub = create_user(cognito, pool, EMAIL, PASSWORD)
        settings = {
            "CVMAKER_AUTH": "cognito",
            "CVMAKER_COGNITO_ISSUER": pool.issuer,
            "CVMAKER_COGNITO_JWKS_URL": pool.jwks_url,
            "CVMAKER_COGNITO_CLIENT_IDS": pool.web_client_id,
            "CVMAKER_COGNITO_USER_POOL_ID": pool.pool_id,
            "CVMAKER_COGNITO_WEB_CLIENT_ID": pool.web_client_id,
            "CVMAKER_COGNITO_USER_POOL_ENDPOINT": emulator.endpoint_url,
        }
        with running_server(tmp_path_factory.mktemp("cloud-e2e"), **settings) as url:
            yield CloudShape(url, pool, sub)


def claims(token: str) -> dict[str, Any]:
    """A JWT's payload, read without verifying it (the server verifies; the test only looks)."""
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def call_api_as_the_page(page: Page, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """Posts `query` to the API from inside the page with the access token Amplify keeps in localStorage."""
    return page.evaluate(
        """async ([query, variables]) => {
             const key = Object.keys(localStorage).find(
               (k) => k.startsWith('CognitoIdentityServiceProvider.') && k.endsWith('.accessToken'));
             const token = localStorage.getItem(key);
             const response = await fetch('/graphql', {method: 'POST',
               headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
               body: JSON.stringify({query, variables})});
             return {status: response.status, body: await response.json(), token};
           }""",
        [query, variables or {}],
    )


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # The page's Content-Security-Policy is enforced: it allows the emulator's http Cognito endpoint because
    # the server is configured with it (CVMAKER_COGNITO_USER_POOL_ENDPOINT), as AWS's https one always is.
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    context.set_default_timeout(15_000)
    yield context
    context.close()


def test_the_authenticator_signs_in_with_cognito_and_the_api_accepts_its_token(
    context: BrowserContext,
    cloud: CloudShape,
) -> None:
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(cloud.url)

    # Amplify's Authenticator, not the local sign-in page: the settings came from /config.json.
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    screenshot(page, "cloud-00-authenticator")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", name="Your CVs")).to_be_visible()
    # The access token has no email; the app names the person from the sign-in.
    expect(page.get_by_role("navigation", name="Account")).to_contain_text(EMAIL)

    # Through the UI: a CV created and saved with the Cognito token.
    page.get_by_role("button", name="New CV").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    wait_saved(page)
    page.get_by_role("link", name="← Your CVs").click()
    expect(page.get_by_role("list", name="Your CVs").get_by_role("listitem")).to_have_count(1)
    screenshot(page, "cloud-01-signed-in-with-cognito")

    me = call_api_as_the_page(page, "{ me { id email } cvs { edges { node { basics { name } } } } }")
    assert me["status"] == 200, me
    assert me["body"]["data"]["me"] == {"id": cloud.sub, "email": None}, me["body"]
    token = claims(me["token"])
    assert token["token_use"] == "access" and token["client_id"] == cloud.pool.web_client_id
    assert token["iss"] == cloud.pool.issuer  # the AWS address, though moto issued it

    created = call_api_as_the_page(
        page,
        "mutation ($input: CvInput!) { createCv(input: $input) { __typename ... on Cv { id title } } }",
        {"input": {"title": "Made through the API"}},
    )
    assert created["body"]["data"]["createCv"]["__typename"] == "Cv", created["body"]
    page.reload()
    expect(page.get_by_role("link", name="Made through the API")).to_be_visible()
    # A reloaded page keeps the session, and still names the person.
    expect(page.get_by_role("navigation", name="Account")).to_contain_text(EMAIL)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in", exact=True)).to_be_visible()

    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LOOPBACK
    ]
    assert elsewhere == []
    assert any(urlsplit(url).port == urlsplit(cloud.pool.endpoint_url).port for url in requested), (
        "the sign-in never reached the emulator's Cognito"
    )
