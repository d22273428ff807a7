"""What the share-link suites share: the GraphQL texts a client sends, and helpers over the API client."""

from __future__ import annotations

from typing import Any

from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT

LINK_FIELDS = """
  id cvId letterId url hasPassword expiresAt showContacts revoked active createdAt
  views { day count } downloads { day count } totalViews totalDownloads
"""
RESULT = (
    "__typename ... on ShareLink {"
    + LINK_FIELDS
    + "} ... on Error { message } ... on ValidationError { fields { path message } }"
)
CREATE_LINK = (
    "mutation($input: CreateShareLinkInput!, $key: String) { createShareLink(input: $input, idempotencyKey: $key) {"
    + RESULT
    + "} }"
)
LINKS = "query($cvId: ID, $letterId: ID) { shareLinks(cvId: $cvId, letterId: $letterId) {" + LINK_FIELDS + "} }"
UPDATE_LINK = (
    "mutation($id: ID!, $input: UpdateShareLinkInput!) { updateShareLink(id: $id, input: $input) {" + RESULT + "} }"
)
REVOKE_LINK = "mutation($id: ID!) { revokeShareLink(id: $id) {" + RESULT + "} }"

CV_INPUT: dict[str, Any] = {
    **SAMPLE_INPUT,
    "summary": "Engineer who likes correct software. Twelve years of payment systems.",
}


def create_cv(api: Api, token: str = "token-alice") -> str:
    created = api.data(CREATE, {"input": CV_INPUT}, token=token)["createCv"]
    assert created["__typename"] == "Cv", created
    return str(created["id"])


def share(api: Api, token: str = "token-alice", key: str | None = None, **fields: Any) -> dict[str, Any]:
    result: dict[str, Any] = api.data(CREATE_LINK, {"input": fields, "key": key}, token=token)["createShareLink"]
    return result


def links(api: Api, cv_id: str, token: str = "token-alice") -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = api.data(LINKS, {"cvId": cv_id}, token=token)["shareLinks"]
    return found


def path_of(link: dict[str, Any]) -> str:
    """The page's path on the test client (the URL's origin is the settings' public URL)."""
    url = str(link["url"])
    return url[url.index("/s/") :]
