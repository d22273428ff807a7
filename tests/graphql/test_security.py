"""The API under attack: docs/security.md §10 items 1, 12-20 at the GraphQL edge, and IDOR between users."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, CV_FIELDS, DELETE, GET, RESULT, SAMPLE_INPUT, UPDATE


def alice_cv(api: Api) -> dict[str, Any]:
    return api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]


# ---------------------------------------------------------------- authentication at the edge


def test_without_a_token_no_resolver_runs_and_no_data_is_returned(api: Api) -> None:
    body = api.call(CREATE, {"input": SAMPLE_INPUT}, token=None)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert api.data("{ cvs { edges { node { id } } } }")["cvs"]["edges"] == []
    me = api.call("{ me { id } }", token=None)
    assert me["data"] is None and me["errors"][0]["message"] == "Sign in to do this."


@pytest.mark.parametrize(
    "authorization",
    ["Bearer ", "Bearer garbage", "Bearer a.b", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 20_000, "token-alice"],
)
def test_malformed_or_unknown_tokens_get_401_before_graphql(api: Api, authorization: str) -> None:
    response = api.client.post("/graphql", json={"query": "{ me { id } }"}, headers={"Authorization": authorization})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "invalid_token" in response.headers["www-authenticate"]


def test_machine_tokens_need_the_write_scope_to_write(api: Api) -> None:
    denied = api.call(CREATE, {"input": SAMPLE_INPUT}, token="token-reader")
    assert denied["data"] is None and denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    created = api.data(CREATE, {"input": SAMPLE_INPUT}, token="token-writer")["createCv"]
    assert created["__typename"] == "Cv"
    assert api.data(GET, {"id": created["id"]}, token="token-reader")["cv"]["id"] == created["id"]


# ---------------------------------------------------------------- IDOR: another user's ids


def test_another_users_cv_looks_exactly_like_a_missing_one(api: Api) -> None:
    cv = alice_cv(api)
    missing = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
    assert api.data(GET, {"id": cv["id"]}, token="token-bob")["cv"] is None
    for cv_id in (cv["id"], missing):
        update = api.data(UPDATE, {"id": cv_id, "version": 1, "input": {"title": "pwned"}}, token="token-bob")
        assert update["updateCv"] == {"__typename": "NotFoundError", "message": "CV not found."}
        delete = api.data(DELETE, {"id": cv_id}, token="token-bob")
        assert delete["deleteCv"] == {"__typename": "NotFoundError", "message": "CV not found."}
        for mutation in ("duplicateCv(id: $id)", "restoreCvRevision(id: $id, version: 1)"):
            result = api.data(
                CV_FIELDS + f"mutation($id: ID!) {{ {mutation} {{" + RESULT + "} }", {"id": cv_id}, token="token-bob"
            )
            assert next(iter(result.values())) == {"__typename": "NotFoundError", "message": "CV not found."}
        section = api.data(
            CV_FIELDS
            + "mutation($id: ID!) { addSection(cvId: $id, version: 1, input: {kind: SKILLS}) {"
            + RESULT
            + "} }",
            {"id": cv_id},
            token="token-bob",
        )["addSection"]
        assert section == {"__typename": "NotFoundError", "message": "CV not found."}
        export = api.data(
            "mutation($id: ID!) { exportJsonResume(id: $id) { __typename ... on NotFoundError { message } } }",
            {"id": cv_id},
            token="token-bob",
        )["exportJsonResume"]
        assert export == {"__typename": "NotFoundError", "message": "CV not found."}
        revisions = api.data("query($id: ID!) { cvRevisions(id: $id) { version } }", {"id": cv_id}, token="token-bob")
        assert revisions == {"cvRevisions": []}
    assert api.data("{ cvs { edges { node { id } } } }", token="token-bob")["cvs"]["edges"] == []
    unchanged = api.data(GET, {"id": cv["id"]})["cv"]
    assert unchanged == {k: v for k, v in cv.items() if k != "__typename"}


# ---------------------------------------------------------------- hostile documents


def test_deep_queries_are_refused_before_execution(api: Api) -> None:
    inner = "id"
    for _ in range(40):
        inner = f"sections {{ items {{ id }} {inner[:0]} }}"
    deep = "{ cvs { edges { node { " + "sections { id " * 40 + "}" * 40 + " } } } }"
    body = api.call(deep)
    assert body["data"] is None and "exceeds maximum operation depth" in body["errors"][0]["message"]


def test_circular_fragments_are_a_validation_error_not_a_crash(api: Api) -> None:
    body = api.call('query { cv(id: "x") { ...A } } fragment A on Cv { ...B } fragment B on Cv { ...A }')
    assert body["data"] is None and "errors" in body


@pytest.mark.parametrize(
    "query",
    [
        "{ " + " ".join(f'a{n}: cv(id: "x") {{ id }}' for n in range(1000)) + " }",
        "{ " + " ".join(f"a{n}: __typename" for n in range(10_000)) + " }",
        "{ cvs { ...F ...F ...F } } fragment F on CvConnection { "
        + " ".join(f"b{n}: pageInfo {{ hasNextPage }}" for n in range(20))
        + " }",
    ],
)
def test_alias_floods_are_refused(api: Api, query: str) -> None:
    body = api.call(query)
    assert body["data"] is None and body["errors"]


def test_huge_documents_are_refused_by_the_token_limit(api: Api) -> None:
    query = "{ " + " ".join("__typename" for _ in range(100_000)) + " }"
    body = api.call(query)
    assert body["data"] is None and "token" in body["errors"][0]["message"].lower()


def test_bodies_over_the_cap_get_413(api: Api, settings: Any) -> None:
    payload = b'{"query": "{ me { id } }", "pad": "' + b"x" * (settings.max_body_bytes + 1) + b'"}'
    response = api.client.post(
        "/graphql", content=payload, headers={"Authorization": "Bearer token-alice", "content-type": "application/json"}
    )
    assert response.status_code == 413

    def chunks():  # no Content-Length: the cap still holds while streaming
        yield b'{"query": "{ me { id } }", "pad": "'
        for _ in range(settings.max_body_bytes // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    streamed = api.client.post(
        "/graphql",
        content=chunks(),
        headers={"Authorization": "Bearer token-alice", "content-type": "application/json"},
    )
    assert streamed.status_code == 413


def test_batching_is_off(api: Api) -> None:
    response = api.client.post(
        "/graphql", json=[{"query": "{ me { id } }"}] * 50, headers={"Authorization": "Bearer token-alice"}
    )
    assert response.status_code == 400
    assert "Batching is not enabled" in response.text


# ---------------------------------------------------------------- production settings


@pytest.fixture
def production_api(settings: Any, fake_verifier: Any) -> Api:
    production = settings.with_overrides(graphiql=False, introspection=False)
    app = create_app(production, build_runtime(production, verifier=fake_verifier))
    with TestClient(app) as client:
        yield Api(client)


def test_production_has_no_introspection_no_suggestions_and_no_ide(production_api: Api) -> None:
    body = production_api.call("{ __schema { types { name } } }")
    assert body["data"] is None and "introspection" in body["errors"][0]["message"].lower()
    misspelled = production_api.call("{ mee { id } }")
    assert misspelled["errors"] and "Did you mean" not in misspelled["errors"][0]["message"]
    # Misspelled input fields, in the document and in variables: the hint sits mid-message there.
    for query, variables in (
        ('mutation { createCv(input: {titel: "x"}) { __typename } }', {}),
        ("mutation($i: CvInput!) { createCv(input: $i) { __typename } }", {"i": {"titel": "x", "basics": {"nam": 1}}}),
    ):
        errors = production_api.call(query, variables)["errors"]
        assert errors and all("Did you mean" not in error["message"] for error in errors), errors
    page = production_api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code in (404, 405) and "graphiql" not in page.text.lower()
    via_get = production_api.client.get(
        "/graphql", params={"query": "{ me { id } }"}, headers={"Authorization": "Bearer token-alice"}
    )
    assert via_get.status_code in (400, 404, 405) and "alice" not in via_get.text


def test_local_default_serves_graphiql(api: Api) -> None:
    page = api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()


# ---------------------------------------------------------------- unexpected errors


class ExplodingCvs:
    def find(self, owner: str, cv_id: str) -> None:
        raise KeyError("arn:aws:secretsmanager:eu-west-1:123:secret:openai")


def test_unexpected_errors_are_masked_and_logged_with_the_request_id(
    app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app.state.runtime.services.cvs = ExplodingCvs()
    with TestClient(app) as client, caplog.at_level(logging.ERROR, logger="cvmaker.graphql"):
        response = client.post(
            "/graphql",
            json={"query": '{ cv(id: "x") { id } }'},
            headers={"Authorization": "Bearer token-alice", "x-request-id": "req-123"},
        )
    body = response.json()
    assert body["errors"][0]["message"] == "Unexpected error."
    assert body["errors"][0]["extensions"] == {"code": "INTERNAL", "requestId": "req-123"}
    assert "arn:aws" not in response.text
    assert response.headers["x-request-id"] == "req-123"
    assert any("req-123" in r.getMessage() and r.exc_info and "arn:aws" in str(r.exc_info[1]) for r in caplog.records)
