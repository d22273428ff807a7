"""The public page of a share link, over HTTP through the real app: its headers (noindex, no referrer, a CSP that
allows no script), its link preview without contact details unless the owner chose them, HEAD not counted as a
view, the password cookie scoped to the one link, and guesses throttled."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.shares.support import UPDATE_LINK, create_cv, links, path_of, share


@pytest.fixture
def api(settings: Settings, fake_verifier: FakeVerifier) -> Iterator[Api]:
    app = create_app(settings, build_runtime(settings, verifier=fake_verifier))
    with TestClient(app) as client:
        yield Api(client)


@pytest.fixture
def cv_id(api: Api) -> str:
    return create_cv(api)


def visitor(api: Api) -> TestClient:
    return TestClient(api.client.app)


def meta(html: str, attribute: str, name: str) -> str | None:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def test_every_answer_says_noindex_sends_no_referrer_and_allows_no_script(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    client = visitor(api)
    for response in (client.get(path_of(link)), client.get("/s/" + "x" * 32), client.get("/s/short")):
        assert response.headers["x-robots-tag"] == "noindex, nofollow"
        assert response.headers["referrer-policy"] == "no-referrer"
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert '<meta name="robots" content="noindex">' in response.text
        assert "<script" not in response.text
    page = client.get(path_of(link))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-cache"


def test_the_preview_shows_name_headline_and_first_sentence_and_no_contacts(api: Api, cv_id: str) -> None:
    html = visitor(api).get(path_of(share(api, cvId=cv_id))).text
    assert meta(html, "property", "og:title") == "Ada Lovelace, Backend engineer"
    assert meta(html, "property", "og:description") == "Engineer who likes correct software."
    assert meta(html, "property", "og:type") == "profile"
    for contact in ("ada@example.com", "7946", "London, UK", "github.com/ada", "alice", cv_id):
        assert contact not in html, contact
    assert re.search(r'<img src="data:image/png;base64,[^"]+" width="\d+" height="\d+" alt="Page 1 of 1">', html)
    assert "Analytical Engines Ltd" in html  # the text, for screen readers
    assert 'href="' + path_of(share(api, cvId=cv_id)) not in html  # no other link of the owner


def test_contacts_show_when_the_owner_chooses(api: Api, cv_id: str) -> None:
    html = visitor(api).get(path_of(share(api, cvId=cv_id, showContacts=True))).text
    assert "ada@example.com" in html and "London, UK" in html


def test_head_is_not_a_view(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    client = visitor(api)
    assert client.head(path_of(link)).status_code == 200
    assert client.head(path_of(link) + "/pdf").status_code == 200
    (found,) = links(api, cv_id)
    assert (found["totalViews"], found["totalDownloads"]) == (0, 0)


def test_the_password_cookie_is_http_only_lax_and_scoped_to_the_link(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id, password="correct horse")
    other = share(api, cvId=cv_id, password="correct horse")
    client = visitor(api)
    form = client.get(path_of(link))
    assert form.headers["cache-control"] == "private, no-store"
    assert meta(form.text, "property", "og:title") is None
    answer = client.post(path_of(link), data={"password": "correct horse"}, follow_redirects=False)
    cookie = answer.headers["set-cookie"]
    assert f"Path={path_of(link)};" in cookie or cookie.endswith(f"Path={path_of(link)}")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie  # plain http here
    shown = client.get(path_of(link))
    assert shown.headers["cache-control"] == "private, no-store" and "Ada Lovelace" in shown.text
    assert 'type="password"' in client.get(path_of(other)).text  # the cookie opens its own link only
    assert client.get(path_of(link) + "/pdf").content.startswith(b"%PDF")


def test_password_guesses_are_throttled(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id, password="correct horse")
    client = visitor(api)
    statuses = [
        client.post(path_of(link), data={"password": f"guess {n}"}, follow_redirects=False).status_code
        for n in range(12)
    ]
    assert statuses[0] == 404 and statuses[-1] == 429, statuses
    held = client.post(path_of(link), data={"password": "correct horse"}, follow_redirects=False)
    assert held.status_code == 429 and int(held.headers["retry-after"]) >= 1


def test_contacts_stay_out_after_update(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id, showContacts=True)
    api.data(UPDATE_LINK, {"id": link["id"], "input": {"showContacts": False}})
    html: Any = visitor(api).get(path_of(link)).text
    assert "ada@example.com" not in html
