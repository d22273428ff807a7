"""The preview and import quotas through the API; an import refused for its quota keeps its upload for later."""

from __future__ import annotations

import json

import pytest

from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT
from tests.graphql.test_import_api import upload
from tests.quotas.conftest import FakeClock

PREVIEW = """query($id: ID!, $input: CvInput) { previewCv(cvId: $id, input: $input) {
  __typename ... on Preview { pages { number } } ... on QuotaExceededError { kind retryAfter } } }"""
IMPORT = """mutation($id: ID!) { importCv(uploadId: $id) {
  __typename ... on Imported { cv { title } } ... on QuotaExceededError { kind retryAfter } } }"""
RESUME = json.dumps({"basics": {"name": "Grace Hopper", "label": "Rear admiral"}}).encode()


@pytest.fixture
def quotas() -> str:
    return "preview=1/minute; import=1/minute"


def test_previews_past_their_quota_are_refused_until_the_next_minute(api: Api, clock: FakeClock) -> None:
    cv_id = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]["id"]
    assert api.data(PREVIEW, {"id": cv_id})["previewCv"]["__typename"] == "Preview"
    edited = {"id": cv_id, "input": {"summary": "An edit not saved yet."}}
    assert api.data(PREVIEW, edited)["previewCv"] == {
        "__typename": "QuotaExceededError",
        "kind": "preview",
        "retryAfter": 50.0,
    }
    clock.advance(50)
    assert api.data(PREVIEW, edited)["previewCv"]["__typename"] == "Preview"


def test_an_import_refused_for_its_quota_loses_nothing(api: Api, clock: FakeClock) -> None:
    first = api.data(IMPORT, {"id": upload(api, RESUME, "application/json")})["importCv"]
    assert first["__typename"] == "Imported", first
    kept = upload(api, RESUME, "application/json")
    refused = api.data(IMPORT, {"id": kept})["importCv"]
    assert refused == {"__typename": "QuotaExceededError", "kind": "import", "retryAfter": 50.0}
    clock.advance(50)
    again = api.data(IMPORT, {"id": kept})["importCv"]  # the same upload, still there
    assert again["__typename"] == "Imported" and again["cv"]["title"], again
