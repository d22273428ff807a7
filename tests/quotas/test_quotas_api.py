"""Per-user quotas through the API: past its quota a caller gets a typed `QuotaExceededError` saying when to retry,
the next window allows again (on the services' clock, never by sleeping), and one user's quota is not another's."""

from __future__ import annotations

from typing import Any

import pytest

from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT
from tests.quotas.conftest import FakeClock

RENDER = """mutation($id: ID!) { renderCv(cvId: $id, format: TEXT) {
  __typename
  ... on RenderedFile { sha256 }
  ... on QuotaExceededError { message kind limit windowSeconds retryAfter }
} }"""
CREATE_JOB = """mutation { createJob(input: {title: "Data analyst", description: "SQL, Python and Power BI."}) {
  __typename
  ... on Job { id }
  ... on QuotaExceededError { message kind limit windowSeconds retryAfter }
} }"""
GENERATE = """mutation($cv: ID!, $job: ID!) { generateCoverLetter(cvId: $cv, jobId: $job) {
  __typename
  ... on CoverLetter { id }
  ... on QuotaExceededError { kind retryAfter }
} }"""


def _cv(api: Api, token: str = "token-alice") -> str:
    created = api.data(CREATE, {"input": SAMPLE_INPUT}, token=token)["createCv"]
    assert created["__typename"] == "Cv", created
    return str(created["id"])


def _render(api: Api, cv_id: str, token: str = "token-alice") -> dict[str, Any]:
    result: dict[str, Any] = api.data(RENDER, {"id": cv_id}, token=token)["renderCv"]
    return result


def test_past_the_quota_a_render_is_a_typed_error_with_when_to_retry(api: Api, clock: FakeClock) -> None:
    cv_id = _cv(api)
    assert [_render(api, cv_id)["__typename"] for _ in range(2)] == ["RenderedFile", "RenderedFile"]

    refused = _render(api, cv_id)
    assert refused["__typename"] == "QuotaExceededError", refused
    assert refused["kind"] == "render" and refused["limit"] == 2 and refused["windowSeconds"] == 60
    assert refused["retryAfter"] == 50  # the clock is 10 s into its minute
    assert "2 renders per minute" in refused["message"]

    clock.advance(49)
    assert _render(api, cv_id)["__typename"] == "QuotaExceededError"  # still the same minute
    clock.advance(1)
    assert _render(api, cv_id)["__typename"] == "RenderedFile"  # the next minute allows again


def test_the_daily_window_holds_across_minutes_and_says_when_the_day_ends(api: Api, clock: FakeClock) -> None:
    cv_id = _cv(api)
    for _ in range(3):  # 2 + 2 + 1 = the day's 5, over three minutes
        _render(api, cv_id)
        _render(api, cv_id)
        clock.advance(60)
    refused = _render(api, cv_id)
    assert refused["__typename"] == "QuotaExceededError" and refused["windowSeconds"] == 86_400, refused
    assert refused["retryAfter"] > 60
    clock.advance(refused["retryAfter"])
    assert _render(api, cv_id)["__typename"] == "RenderedFile"


def test_quotas_are_per_user(api: Api) -> None:
    alices, bobs = _cv(api), _cv(api, token="token-bob")
    for _ in range(2):
        _render(api, alices)
    assert _render(api, alices)["__typename"] == "QuotaExceededError"
    assert _render(api, bobs, token="token-bob")["__typename"] == "RenderedFile"


def test_a_refused_call_costs_nothing_and_a_missing_cv_is_not_charged(api: Api) -> None:
    missing = api.data(RENDER, {"id": "01JNOSUCHCV000000000000000"})["renderCv"]
    assert missing["__typename"] == "NotFoundError"
    cv_id = _cv(api)
    assert [_render(api, cv_id)["__typename"] for _ in range(3)] == [
        "RenderedFile",
        "RenderedFile",
        "QuotaExceededError",
    ]


def test_model_calls_are_counted_across_postings_and_letters(api: Api, clock: FakeClock) -> None:
    job = api.data(CREATE_JOB)["createJob"]
    assert job["__typename"] == "Job", job
    cv_id = _cv(api)
    refused = api.data(GENERATE, {"cv": cv_id, "job": job["id"]})["generateCoverLetter"]
    assert refused == {"__typename": "QuotaExceededError", "kind": "model_call", "retryAfter": 50.0}
    again = api.data(CREATE_JOB)["createJob"]
    assert again["__typename"] == "QuotaExceededError" and again["limit"] == 1
    clock.advance(50)
    assert api.data(GENERATE, {"cv": cv_id, "job": job["id"]})["generateCoverLetter"]["__typename"] == "CoverLetter"


@pytest.mark.parametrize("quotas", [""])
def test_the_default_quotas_do_not_get_in_a_users_way(api: Api) -> None:
    cv_id = _cv(api)
    assert {_render(api, cv_id)["__typename"] for _ in range(30)} == {"RenderedFile"}
