"""Idempotency keys through HTTP GraphQL on the embedded default (SQLite): a retry returns the first result and
does the work once, whoever else uses the same key and however the requests interleave."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import httpx

from api.app import create_app
from api.composition import build_runtime
from tests.graphql.queries import CV_FIELDS, SAMPLE_INPUT
from tests.idempotency.conftest import Api
from tests.support.servers import serve

RESULT = """
  __typename
  ... on Cv { ...CvFields }
  ... on ValidationError { message fields { path message } }
  ... on IdempotencyConflictError { message reason retryAfter }
"""
CREATE = (
    CV_FIELDS
    + "mutation($input: CvInput!, $key: String) { createCv(input: $input, idempotencyKey: $key) {"
    + RESULT
    + "} }"
)
DUPLICATE = (
    CV_FIELDS + "mutation($id: ID!, $key: String) { duplicateCv(id: $id, idempotencyKey: $key) {" + RESULT + "} }"
)
IMPORT_JSON = """mutation($doc: JSON!, $key: String) { importJsonResume(document: $doc, idempotencyKey: $key) {
  __typename ... on Cv { id importWarnings { path message } } ... on IdempotencyConflictError { reason } } }"""
UPLOAD = """mutation($key: String, $size: Int!) {
  createUpload(filename: "cv.pdf", contentType: "application/pdf", size: $size, idempotencyKey: $key) {
    __typename ... on UploadTicket { uploadId url fields expiresAt }
    ... on IdempotencyConflictError { reason } ... on ValidationError { message } } }"""
IMPORT_CV = """mutation($id: ID!, $key: String) { importCv(uploadId: $id, idempotencyKey: $key) {
  __typename ... on Imported { cv { id } } ... on NotFoundError { message } } }"""
COUNT = "{ cvs(first: 50) { edges { node { id title } } } }"


def cv_ids(api: Api, token: str = "token-alice") -> list[str]:
    return [edge["node"]["id"] for edge in api.data(COUNT, token=token)["cvs"]["edges"]]


def create(api: Api, key: str | None, input: dict[str, Any] = SAMPLE_INPUT, token: str = "token-alice") -> Any:
    return api.data(CREATE, {"input": input, "key": key}, token=token)["createCv"]


def test_a_retried_create_returns_the_first_cv_and_makes_one(api: Api) -> None:
    first = create(api, "create-1")
    again = create(api, "create-1")
    assert first["__typename"] == again["__typename"] == "Cv"
    assert again["id"] == first["id"] and again["title"] == first["title"]
    assert cv_ids(api) == [first["id"]]


def test_without_a_key_every_create_makes_a_cv(api: Api) -> None:
    create(api, None)
    create(api, None)
    assert len(cv_ids(api)) == 2


def test_the_same_key_with_other_arguments_is_a_typed_error_and_creates_nothing(api: Api) -> None:
    first = create(api, "create-2")
    other = create(api, "create-2", {**SAMPLE_INPUT, "title": "Another title"})
    assert other["__typename"] == "IdempotencyConflictError"
    assert other["reason"] == "key_reused" and other["retryAfter"] is None
    assert cv_ids(api) == [first["id"]]


def test_a_key_is_per_user(api: Api) -> None:
    alice = create(api, "shared-key")
    bob = create(api, "shared-key", token="token-bob")
    bob_other = create(api, "shared-key", {**SAMPLE_INPUT, "title": "Bob's own"}, token="token-bob")
    assert bob["__typename"] == "Cv" and bob["id"] != alice["id"]
    assert bob_other["__typename"] == "IdempotencyConflictError"  # his key now holds his first request
    assert cv_ids(api) == [alice["id"]] and cv_ids(api, "token-bob") == [bob["id"]]


def test_a_key_is_per_operation(api: Api) -> None:
    created = create(api, "op-key")
    duplicated = api.data(DUPLICATE, {"id": created["id"], "key": "op-key"})["duplicateCv"]
    assert duplicated["__typename"] == "Cv" and duplicated["id"] != created["id"]
    again = api.data(DUPLICATE, {"id": created["id"], "key": "op-key"})["duplicateCv"]
    assert again["id"] == duplicated["id"]
    assert sorted(cv_ids(api)) == sorted([created["id"], duplicated["id"]])


def test_a_failed_first_attempt_does_not_hold_the_key(api: Api) -> None:
    refused = create(api, "fix-and-retry", {"title": "x" * 500})
    assert refused["__typename"] == "ValidationError"
    assert cv_ids(api) == []
    fixed = create(api, "fix-and-retry")
    assert fixed["__typename"] == "Cv"
    assert create(api, "fix-and-retry")["id"] == fixed["id"]
    assert cv_ids(api) == [fixed["id"]]


def test_keys_out_of_shape_are_validation_errors(api: Api) -> None:
    for key in ["", "x" * 256, "has space", "ünïcode", "semi;colon", "a/b"]:
        refused = create(api, key)
        assert refused["__typename"] == "ValidationError", key
        assert [f["path"] for f in refused["fields"]] == ["idempotencyKey"]
    assert create(api, "0f8fa4b8-52d3-4a1d-9b2e-3c7a2f1e9d10:create.v1_x")["__typename"] == "Cv"
    assert len(cv_ids(api)) == 1


def test_json_resume_import_is_replayed_with_its_warnings(api: Api) -> None:
    document = {"basics": {"name": "Ada Lovelace", "email": "not an email"}, "work": [{"name": "X", "startDate": "?"}]}
    first = api.data(IMPORT_JSON, {"doc": document, "key": "import-1"})["importJsonResume"]
    again = api.data(IMPORT_JSON, {"doc": json.loads(json.dumps(document)), "key": "import-1"})["importJsonResume"]
    assert first["__typename"] == "Cv" and again == first
    assert first["importWarnings"]  # what could not be read comes back on the replay too
    assert cv_ids(api) == [first["id"]]


def test_an_upload_ticket_is_replayed_and_an_import_happens_once(api: Api) -> None:
    ticket = api.data(UPLOAD, {"key": "upload-1", "size": 1000})["createUpload"]
    assert ticket["__typename"] == "UploadTicket"
    assert api.data(UPLOAD, {"key": "upload-1", "size": 1000})["createUpload"] == ticket
    assert api.data(UPLOAD, {"key": "upload-1", "size": 2000})["createUpload"]["reason"] == "key_reused"
    document = json.dumps({"basics": {"name": "Grace Hopper"}}).encode()
    json_ticket = api.data(
        UPLOAD.replace("application/pdf", "application/json").replace("cv.pdf", "cv.json"),
        {"key": "upload-2", "size": len(document)},
    )["createUpload"]
    fields = dict(json_ticket["fields"])
    posted = api.client.post("/uploads", data=fields, files={"file": ("cv.json", document, "application/json")})
    assert posted.status_code < 300, posted.text
    imported = api.data(IMPORT_CV, {"id": json_ticket["uploadId"], "key": "import-cv-1"})["importCv"]
    assert imported["__typename"] == "Imported"
    # The upload is single use (read and deleted), yet a retry with the key gets the same CV back.
    again = api.data(IMPORT_CV, {"id": json_ticket["uploadId"], "key": "import-cv-1"})["importCv"]
    assert again == imported
    without_key = api.data(IMPORT_CV, {"id": json_ticket["uploadId"]})["importCv"]
    assert without_key["__typename"] == "NotFoundError"
    assert cv_ids(api) == [imported["cv"]["id"]]


RACERS = 8


def test_concurrent_requests_with_one_key_make_one_cv(settings: Any, fake_verifier: Any) -> None:
    app = create_app(settings, build_runtime(settings, verifier=fake_verifier))
    headers = {"Authorization": "Bearer token-alice"}
    body = {"query": CREATE, "variables": {"input": SAMPLE_INPUT, "key": "race-1"}}

    async def race(base_url: str) -> list[dict[str, Any]]:
        async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30) as client:
            responses = await asyncio.gather(*[client.post("/graphql", json=body) for _ in range(RACERS)])
            return [r.json()["data"]["createCv"] for r in responses]

    with serve(app) as base_url:
        results = asyncio.run(race(base_url))
        listed = httpx.post(f"{base_url}/graphql", json={"query": COUNT}, headers=headers).json()["data"]
    ids = {r["id"] for r in results if r["__typename"] == "Cv"}
    waiting = [r for r in results if r["__typename"] == "IdempotencyConflictError"]
    assert len(ids) == 1
    assert all(r["reason"] == "in_progress" and r["retryAfter"] > 0 for r in waiting)
    assert [edge["node"]["id"] for edge in listed["cvs"]["edges"]] == list(ids)


def test_concurrent_threads_with_one_key_make_one_cv(api: Api) -> None:
    barrier = threading.Barrier(RACERS)
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def racer() -> None:
        barrier.wait()
        result = create(api, "race-threads")
        with lock:
            results.append(result)

    threads = [threading.Thread(target=racer) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = {r["id"] for r in results if r["__typename"] == "Cv"}
    assert len(results) == RACERS and len(ids) == 1
    assert all(r["__typename"] in ("Cv", "IdempotencyConflictError") for r in results)
    assert cv_ids(api) == list(ids)
