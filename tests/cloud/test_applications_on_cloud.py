"""The application tracker on the cloud shape (DynamoDB, S3 and Cognito on moto's server): created from a job with
its CV frozen, listed with filters, moved, and answered like a missing one to another user; the CV's deletion keeps
what was sent; the fixture fails the test on any Scan."""

from __future__ import annotations

from tests.cloud.conftest import CloudApi
from tests.graphql.queries import CREATE, DELETE, SAMPLE_INPUT
from tests.graphql.test_applications_api import (
    CREATE_APPLICATION,
    GET_APPLICATION,
    LIST,
    MOVE_APPLICATION,
    POSTING,
)

CREATE_JOB = """mutation($input: JobInput!) { createJob(input: $input) { ... on Job { id } } }"""


def test_track_list_move_and_keep_what_was_sent(api: CloudApi) -> None:
    cv = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    job = api.data(CREATE_JOB, {"input": {"title": "Backend Engineer", "company": "Ledgerly", "description": POSTING}})[
        "createJob"
    ]
    given = {"jobId": job["id"], "cvId": cv["id"], "stage": "APPLIED", "followUp": "2026-12-01"}
    created = api.data(CREATE_APPLICATION, {"input": given, "key": None})["createApplication"]
    assert created["__typename"] == "Application" and created["cvRevision"] == cv["version"], created
    saved = api.data(CREATE_APPLICATION, {"input": {"jobId": job["id"], "cvId": cv["id"]}, "key": None})[
        "createApplication"
    ]
    applied = api.data(LIST, {"stage": ["APPLIED"]})["applications"]
    assert [e["node"]["id"] for e in applied["edges"]] == [created["id"]]
    due = api.data(LIST, {"before": "2026-12-31", "cv": cv["id"]})["applications"]
    assert [e["node"]["id"] for e in due["edges"]] == [created["id"]]
    both = api.data(LIST, {"job": job["id"], "first": 1})["applications"]
    rest = api.data(LIST, {"job": job["id"], "first": 1, "after": both["pageInfo"]["endCursor"]})["applications"]
    assert {both["edges"][0]["node"]["id"], rest["edges"][0]["node"]["id"]} == {created["id"], saved["id"]}
    moved = api.data(MOVE_APPLICATION, {"id": created["id"], "version": 1, "stage": "INTERVIEW"})["moveApplication"]
    assert moved["stage"] == "INTERVIEW" and moved["version"] == 2
    stale = api.data(MOVE_APPLICATION, {"id": created["id"], "version": 1, "stage": "OFFER"})["moveApplication"]
    assert stale["__typename"] == "VersionConflictError" and stale["currentVersion"] == 2
    assert api.data(GET_APPLICATION, {"id": created["id"]}, token="token-bob")["application"] is None
    theirs = api.data(MOVE_APPLICATION, {"id": created["id"], "version": 2, "stage": "OFFER"}, token="token-bob")
    assert theirs["moveApplication"]["__typename"] == "NotFoundError"
    assert api.data(DELETE, {"id": cv["id"]})["deleteCv"]["__typename"] == "Deleted"
    kept = api.data(GET_APPLICATION, {"id": created["id"]})["application"]
    assert kept["sentCv"]["id"] == cv["id"] and kept["sentCv"]["version"] == cv["version"]
