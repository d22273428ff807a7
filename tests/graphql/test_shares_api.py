"""Share links through GraphQL and their public page through the same app: each operation, another user's ids
answering like missing ones, revoked and expired links answering 404, a wrong password answering like a missing
link, a view counted exactly once, and a deleted CV taking its links with it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.testclient import TestClient

from cvmaker.domain.clock import utc_now
from cvmaker.domain.shares.model import is_slug
from tests.graphql.conftest import Api
from tests.graphql.queries import DELETE
from tests.shares.support import LINKS, REVOKE_LINK, UPDATE_LINK, create_cv, links, path_of, share

MISSING = "/s/" + "A" * 32


@pytest.fixture
def cv_id(api: Api) -> str:
    return create_cv(api)


def page(api: Api, link: dict[str, Any], client: TestClient | None = None) -> Any:
    return (client or api.client).get(path_of(link))


def fresh(api: Api) -> TestClient:
    """Another browser: no cookies."""
    return TestClient(api.client.app)


def test_create_gives_an_unguessable_link_listed_with_its_settings(api: Api, cv_id: str) -> None:
    expires = (utc_now() + timedelta(days=7)).replace(microsecond=0)
    link = share(api, cvId=cv_id, expiresAt=expires.isoformat(), showContacts=True)
    assert link["__typename"] == "ShareLink", link
    slug = link["url"].rsplit("/s/", 1)[1]
    assert is_slug(slug) and link["url"].startswith("http://127.0.0.1:8000/s/")
    assert (link["cvId"], link["hasPassword"], link["showContacts"], link["active"]) == (cv_id, False, True, True)
    assert datetime.fromisoformat(link["expiresAt"]) == expires
    assert (link["totalViews"], link["views"], link["downloads"]) == (0, [], [])
    assert [found["id"] for found in links(api, cv_id)] == [link["id"]]
    other = share(api, cvId=cv_id)
    assert other["url"] != link["url"]
    assert [found["id"] for found in links(api, cv_id)] == [other["id"], link["id"]]  # newest first


def test_bad_input_is_a_validation_error(api: Api, cv_id: str) -> None:
    for fields in (
        {},
        {"cvId": cv_id, "letterId": "01JLETTER0000000000000001"},
        {"cvId": cv_id, "password": "abc"},
        {"cvId": cv_id, "expiresAt": (utc_now() - timedelta(minutes=1)).isoformat()},
        {"cvId": cv_id, "expiresAt": (utc_now() + timedelta(days=400)).isoformat()},
    ):
        result = share(api, **fields)
        assert result["__typename"] == "ValidationError", (fields, result)
    assert links(api, cv_id) == []


def test_another_users_ids_answer_like_missing_ones(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    assert share(api, token="token-bob", cvId=cv_id)["__typename"] == "NotFoundError"
    assert share(api, token="token-bob", cvId="01ARZ3NDEKTSV4RRFFQ69G5FAV")["__typename"] == "NotFoundError"
    assert share(api, token="token-bob", letterId="01ARZ3NDEKTSV4RRFFQ69G5FAV")["__typename"] == "NotFoundError"
    assert links(api, cv_id, token="token-bob") == []
    for query, variables in (
        (UPDATE_LINK, {"id": link["id"], "input": {"password": "hunter22"}}),
        (REVOKE_LINK, {"id": link["id"]}),
    ):
        (result,) = api.data(query, variables, token="token-bob").values()
        (missing,) = api.data(query, {**variables, "id": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}, token="token-bob").values()
        assert result == missing == {"__typename": "NotFoundError", "message": "Share link not found."}
    assert links(api, cv_id)[0]["hasPassword"] is False


def test_update_sets_and_clears_the_password_and_expiry_and_keeps_what_is_left_out(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    expires = (utc_now() + timedelta(days=2)).replace(microsecond=0).isoformat()
    updated = api.data(UPDATE_LINK, {"id": link["id"], "input": {"password": "open sesame", "expiresAt": expires}})
    result = updated["updateShareLink"]
    assert (result["hasPassword"], datetime.fromisoformat(result["expiresAt"])) == (
        True,
        datetime.fromisoformat(expires),
    )
    kept = api.data(UPDATE_LINK, {"id": link["id"], "input": {"showContacts": True}})["updateShareLink"]
    assert (kept["hasPassword"], kept["expiresAt"] is not None, kept["showContacts"]) == (True, True, True)
    cleared = api.data(UPDATE_LINK, {"id": link["id"], "input": {"password": None, "expiresAt": None}})
    assert (cleared["updateShareLink"]["hasPassword"], cleared["updateShareLink"]["expiresAt"]) == (False, None)
    assert page(api, link).status_code == 200


def test_a_revoked_link_answers_404_like_a_missing_one(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    assert page(api, link).status_code == 200
    revoked = api.data(REVOKE_LINK, {"id": link["id"]})["revokeShareLink"]
    assert (revoked["revoked"], revoked["active"]) == (True, False)
    gone, missing = page(api, link), api.client.get(MISSING)
    assert gone.status_code == missing.status_code == 404
    assert gone.content == missing.content
    assert api.client.get(path_of(link) + "/pdf").status_code == 404
    again = api.data(UPDATE_LINK, {"id": link["id"], "input": {"password": "a new one"}})["updateShareLink"]
    assert again["__typename"] == "ValidationError"


def test_an_expired_link_answers_404(api: Api, cv_id: str) -> None:
    expires = utc_now() + timedelta(hours=1)
    link = share(api, cvId=cv_id, expiresAt=expires.isoformat())
    assert page(api, link).status_code == 200
    app: Any = api.client.app
    shares = app.state.runtime.services.shares
    shares.clock = lambda: expires + timedelta(seconds=1)
    response = page(api, link)
    assert response.status_code == 404 and response.content == api.client.get(MISSING).content
    assert links(api, cv_id)[0]["active"] is False


def test_a_wrong_password_answers_like_a_missing_link(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id, password="correct horse")
    visitor = fresh(api)
    form = page(api, link, visitor)
    assert form.status_code == 200 and 'type="password"' in form.text and "Ada" not in form.text
    wrong = visitor.post(path_of(link), data={"password": "wrong horse"}, follow_redirects=False)
    missing = visitor.post(MISSING, data={"password": "correct horse"}, follow_redirects=False)
    assert wrong.status_code == missing.status_code == 404
    assert wrong.content == missing.content == visitor.get(MISSING).content
    assert "set-cookie" not in wrong.headers
    assert visitor.get(path_of(link) + "/pdf").status_code == 404  # no way round the form
    right = visitor.post(path_of(link), data={"password": "correct horse"}, follow_redirects=False)
    assert right.status_code == 303 and right.headers["location"] == path_of(link)
    opened = page(api, link, visitor)
    assert opened.status_code == 200 and "Ada Lovelace" in opened.text
    assert links(api, cv_id)[0]["totalViews"] == 1  # the form was not a view; the page was
    # A new password shuts out the cookies of the old one.
    api.data(UPDATE_LINK, {"id": link["id"], "input": {"password": "battery staple"}})
    assert 'type="password"' in page(api, link, visitor).text


def test_a_view_counts_exactly_once_and_a_download_once(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    visitor = fresh(api)
    assert page(api, link, visitor).status_code == 200
    today = utc_now().astimezone(UTC).date().isoformat()
    (found,) = links(api, cv_id)
    assert (found["totalViews"], found["views"], found["totalDownloads"]) == (1, [{"day": today, "count": 1}], 0)
    assert visitor.head(path_of(link)).status_code == 200
    assert visitor.get(MISSING).status_code == 404
    assert links(api, cv_id)[0]["totalViews"] == 1
    pdf = visitor.get(path_of(link) + "/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    page(api, link, visitor)
    (found,) = links(api, cv_id)
    assert (found["views"], found["downloads"]) == ([{"day": today, "count": 2}], [{"day": today, "count": 1}])


def test_deleting_the_cv_kills_its_links(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    assert page(api, link).status_code == 200
    assert api.data(DELETE, {"id": cv_id})["deleteCv"]["__typename"] == "Deleted"
    assert page(api, link).status_code == 404
    assert links(api, cv_id) == []
    assert api.data(REVOKE_LINK, {"id": link["id"]})["revokeShareLink"]["__typename"] == "NotFoundError"


def test_a_retried_create_with_the_same_key_returns_the_first_link(api: Api, cv_id: str) -> None:
    first = share(api, key="share-1", cvId=cv_id, password="same words")
    again = share(api, key="share-1", cvId=cv_id, password="same words")
    assert again["id"] == first["id"] and again["url"] == first["url"]
    other = share(api, key="share-1", cvId=cv_id, password="other words")
    assert other["__typename"] == "IdempotencyConflictError"
    assert len(links(api, cv_id)) == 1


CREATE_JOB = """mutation($input: JobInput!) { createJob(input: $input) { __typename ... on Job { id } } }"""
GENERATE = """mutation($cv: ID!, $job: ID!) { generateCoverLetter(cvId: $cv, jobId: $job) { __typename
  ... on CoverLetter { id } } }"""
DELETE_LETTER = "mutation($id: ID!) { deleteCoverLetter(id: $id) { __typename } }"
POSTING = """We are hiring a Senior Backend Engineer to build our billing platform.
Requirements: strong Python and SQL; experience building backend services; good communication."""


def test_a_letter_is_shared_like_a_cv_and_its_link_dies_with_it(api: Api, cv_id: str) -> None:
    job = api.data(CREATE_JOB, {"input": {"title": "Senior Backend Engineer", "description": POSTING}})["createJob"]
    letter = api.data(GENERATE, {"cv": cv_id, "job": job["id"]})["generateCoverLetter"]
    assert letter["__typename"] == "CoverLetter", letter
    assert share(api, token="token-bob", letterId=letter["id"])["__typename"] == "NotFoundError"
    link = share(api, letterId=letter["id"])
    assert (link["__typename"], link["letterId"], link["cvId"]) == ("ShareLink", letter["id"], None)
    assert [found["id"] for found in api.data(LINKS, {"letterId": letter["id"]})["shareLinks"]] == [link["id"]]
    visitor = fresh(api)
    shown = page(api, link, visitor)
    assert shown.status_code == 200 and "Ada Lovelace: cover letter" in shown.text
    assert "ada@example.com" not in shown.text
    pdf = visitor.get(path_of(link) + "/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "Cover%20Letter" in pdf.headers["content-disposition"]
    shares = api.client.app.state.runtime.services.shares  # type: ignore[attr-defined]
    assert shares.links.by_slug(path_of(link).removeprefix("/s/")) is not None
    assert api.data(DELETE_LETTER, {"id": letter["id"]})["deleteCoverLetter"]["__typename"] != "NotFoundError"
    # Deleting the letter deletes its links at once, not when they are next looked at.
    assert shares.links.by_slug(path_of(link).removeprefix("/s/")) is None
    assert page(api, link, visitor).status_code == 404
    assert api.data(LINKS, {"letterId": letter["id"]})["shareLinks"] == []


def test_deleting_a_cv_deletes_the_links_of_its_letters(api: Api, cv_id: str) -> None:
    job = api.data(CREATE_JOB, {"input": {"title": "Senior Backend Engineer", "description": POSTING}})["createJob"]
    letter = api.data(GENERATE, {"cv": cv_id, "job": job["id"]})["generateCoverLetter"]
    link = share(api, letterId=letter["id"])
    shares = api.client.app.state.runtime.services.shares  # type: ignore[attr-defined]
    assert shares.links.by_slug(path_of(link).removeprefix("/s/")) is not None
    assert api.data(DELETE, {"id": cv_id})["deleteCv"]["__typename"] == "Deleted"
    assert shares.links.by_slug(path_of(link).removeprefix("/s/")) is None


def test_account_deletion_empties_the_share_links_store(api: Api, cv_id: str) -> None:
    link = share(api, cvId=cv_id)
    page(api, link)
    services = api.client.app.state.runtime.services  # type: ignore[attr-defined]
    store = services.privacy.owner_stores["shareLinks"]()
    assert store is services.shares.links
    assert store.delete_owner("alice") == 1
    assert page(api, link).status_code == 404
