"""The application tracker through the API on the embedded default (real SQLite, MiniLM matching, rules writer):
each operation, another user's ids answering like missing ones, stale versions, bad input, the frozen CV."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from cvmaker.ports import Principal
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, DELETE, SAMPLE_INPUT, UPDATE
from tests.privacy.flows import read_zip

POSTING = """We are hiring a Senior Backend Engineer to build our billing platform.

Requirements:
- 5+ years of experience building backend services
- Strong Python and SQL
- Experience with Kubernetes and Terraform
- Excellent communication skills
"""
MISSING_ID = "01JZZZZZZZZZZZZZZZZZZZZZZZ"

APPLICATION = """
  __typename
  ... on Application { id version jobId jobTitle company cvId cvRevision cvTitle letterId stage appliedOn
    history { stage on recordedAt } notes contacts { name role email phone } followUp matchScore
    warnings { path message } createdAt updatedAt }
  ... on NotFoundError { message }
  ... on ValidationError { message fields { path message } }
  ... on VersionConflictError { message currentVersion }
  ... on IdempotencyConflictError { reason }
"""
CREATE_APPLICATION = (
    "mutation($input: ApplicationInput!, $key: String) { createApplication(input: $input, idempotencyKey: $key) {"
    + APPLICATION
    + "} }"
)
UPDATE_APPLICATION = (
    "mutation($id: ID!, $version: Int!, $input: ApplicationUpdateInput!) {"
    " updateApplication(id: $id, version: $version, input: $input) {" + APPLICATION + "} }"
)
MOVE_APPLICATION = (
    "mutation($id: ID!, $version: Int!, $stage: ApplicationStage!, $on: Date) {"
    " moveApplication(id: $id, version: $version, stage: $stage, on: $on) {" + APPLICATION + "} }"
)
DELETE_APPLICATION = """mutation($id: ID!) { deleteApplication(id: $id) {
  __typename ... on Deleted { id } ... on NotFoundError { message } } }"""
GET_APPLICATION = """query($id: ID!) { application(id: $id) { id stage cvRevision jobTitle
  job { id title } sentCv { id version title summary } } }"""
LIST = """query($stage: [ApplicationStage!], $cv: ID, $job: ID, $before: Date, $first: Int, $after: String) {
  applications(stage: $stage, cvId: $cv, jobId: $job, followUpBefore: $before, first: $first, after: $after) {
    edges { cursor node { id stage } } pageInfo { hasNextPage endCursor } } }"""
CREATE_JOB = """mutation($input: JobInput!) { createJob(input: $input) { ... on Job { id title } } }"""
LETTER = """mutation($cv: ID!, $job: ID!) { generateCoverLetter(cvId: $cv, jobId: $job) {
  __typename ... on CoverLetter { id } } }"""


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    root = tmp_path_factory.mktemp("applications")
    settings = Settings(data_dir=root / "data", web_dist=tmp_path_factory.mktemp("none"))
    verifier = FakeVerifier()
    verifier.add("token-alice", Principal(sub="alice", client_id="web"))
    verifier.add("token-bob", Principal(sub="bob", client_id="web"))
    verifier.add("token-carol", Principal(sub="carol", client_id="web"))
    with TestClient(create_app(settings, build_runtime(settings, verifier=verifier))) as client:
        yield Api(client)


def make_cv(api: Api, token: str = "token-alice", title: str = "Backend CV") -> dict[str, Any]:
    created: dict[str, Any] = api.data(CREATE, {"input": {**SAMPLE_INPUT, "title": title}}, token=token)["createCv"]
    assert created["__typename"] == "Cv"
    return created


def make_job(api: Api, token: str = "token-alice", title: str = "Senior Backend Engineer") -> dict[str, Any]:
    created: dict[str, Any] = api.data(
        CREATE_JOB, {"input": {"title": title, "company": "Ledgerly", "description": POSTING}}, token=token
    )["createJob"]
    return created


def create(api: Api, token: str = "token-alice", key: str | None = None, **given: Any) -> dict[str, Any]:
    result: dict[str, Any] = api.data(CREATE_APPLICATION, {"input": given, "key": key}, token=token)[
        "createApplication"
    ]
    return result


@pytest.fixture(scope="module")
def cv(api: Api) -> dict[str, Any]:
    return make_cv(api)


@pytest.fixture(scope="module")
def job(api: Api) -> dict[str, Any]:
    return make_job(api)


def test_create_freezes_the_cv_scores_the_match_and_replays_with_its_key(
    api: Api, cv: dict[str, Any], job: dict[str, Any]
) -> None:
    given = {
        "jobId": job["id"],
        "cvId": cv["id"],
        "stage": "APPLIED",
        "on": "2026-11-30",
        "notes": "Referred by Grace.",
        "contacts": [{"name": "Grace Hopper", "role": "Recruiter", "email": "grace@example.com"}],
        "followUp": "2026-12-07",
    }
    created = create(api, key="apply-1", **given)
    assert created["__typename"] == "Application", created
    assert created["stage"] == "APPLIED" and created["appliedOn"] == "2026-11-30"
    assert (created["cvRevision"], created["cvTitle"], created["jobTitle"], created["company"]) == (
        cv["version"],
        "Backend CV",
        "Senior Backend Engineer",
        "Ledgerly",
    )
    assert isinstance(created["matchScore"], float) and 0 < created["matchScore"] <= 100
    assert created["history"] == [{"stage": "APPLIED", "on": "2026-11-30", "recordedAt": created["createdAt"]}]
    assert created["contacts"][0]["email"] == "grace@example.com" and created["warnings"] == []
    assert create(api, key="apply-1", **given) == created  # a retry with the key: the same application
    reused = create(api, key="apply-1", **{**given, "notes": "Other."})
    assert reused == {"__typename": "IdempotencyConflictError", "reason": "key_reused"}
    read = api.data(GET_APPLICATION, {"id": created["id"]})["application"]
    assert read["job"] == {"id": job["id"], "title": "Senior Backend Engineer"}
    assert read["sentCv"]["version"] == cv["version"] and read["sentCv"]["id"] == cv["id"]


def test_later_cv_edits_do_not_change_what_was_sent_and_deletion_keeps_it(api: Api) -> None:
    cv, job = make_cv(api, title="Frozen CV"), make_job(api, title="Platform Engineer")
    created = create(api, jobId=job["id"], cvId=cv["id"], stage="APPLIED")
    edited = api.data(UPDATE, {"id": cv["id"], "version": cv["version"], "input": {"summary": "Rewritten later."}})
    assert edited["updateCv"]["version"] == cv["version"] + 1
    sent = api.data(GET_APPLICATION, {"id": created["id"]})["application"]["sentCv"]
    assert sent["version"] == cv["version"] and sent["summary"] == cv["summary"]
    assert api.data(DELETE, {"id": cv["id"]})["deleteCv"]["__typename"] == "Deleted"
    job_deleted = api.data("mutation($id: ID!) { deleteJob(id: $id) { __typename } }", {"id": job["id"]})["deleteJob"]
    assert job_deleted["__typename"] == "Deleted"
    kept = api.data(GET_APPLICATION, {"id": created["id"]})["application"]
    assert kept["job"] is None and kept["jobTitle"] == "Platform Engineer"
    assert kept["sentCv"] == sent  # the CV and its revisions are gone; what was sent is not


def test_a_saved_application_freezes_the_cv_when_it_moves_to_applied(api: Api) -> None:
    cv, job = make_cv(api, title="Saved first"), make_job(api)
    saved = create(api, jobId=job["id"], cvId=cv["id"])
    assert saved["stage"] == "SAVED" and saved["appliedOn"] is None and saved["cvRevision"] == 1
    api.data(UPDATE, {"id": cv["id"], "version": 1, "input": {"summary": "Tailored before applying."}})
    applied = api.data(MOVE_APPLICATION, {"id": saved["id"], "version": 1, "stage": "APPLIED", "on": "2026-12-01"})[
        "moveApplication"
    ]
    assert applied["cvRevision"] == 2 and applied["version"] == 2 and applied["appliedOn"] == "2026-12-01"
    assert [h["stage"] for h in applied["history"]] == ["SAVED", "APPLIED"]
    interview = api.data(MOVE_APPLICATION, {"id": saved["id"], "version": 2, "stage": "INTERVIEW"})["moveApplication"]
    assert interview["stage"] == "INTERVIEW" and interview["cvRevision"] == 2
    assert interview["history"][-1]["on"] == interview["updatedAt"][:10]  # today by default


def test_stale_versions_are_conflicts_and_change_nothing(api: Api, cv: dict[str, Any], job: dict[str, Any]) -> None:
    created = create(api, jobId=job["id"], cvId=cv["id"])
    updated = api.data(UPDATE_APPLICATION, {"id": created["id"], "version": 1, "input": {"notes": "Called."}})[
        "updateApplication"
    ]
    assert updated["version"] == 2 and updated["notes"] == "Called."
    stale_update = api.data(UPDATE_APPLICATION, {"id": created["id"], "version": 1, "input": {"notes": "Stale."}})[
        "updateApplication"
    ]
    assert stale_update["__typename"] == "VersionConflictError" and stale_update["currentVersion"] == 2
    stale_move = api.data(MOVE_APPLICATION, {"id": created["id"], "version": 1, "stage": "APPLIED"})["moveApplication"]
    assert stale_move["__typename"] == "VersionConflictError" and stale_move["currentVersion"] == 2
    assert api.data(GET_APPLICATION, {"id": created["id"]})["application"]["stage"] == "SAVED"


def test_bad_input_is_a_validation_error_and_loose_contacts_are_kept_with_warnings(
    api: Api, cv: dict[str, Any], job: dict[str, Any]
) -> None:
    base = {"jobId": job["id"], "cvId": cv["id"]}
    for given, path in (
        ({"notes": "x" * 20_001}, "notes"),
        ({"contacts": [{"role": "Recruiter"}]}, "contacts.0"),
        ({"contacts": [{"name": "A"}] * 21}, "contacts"),
        ({"contacts": [{"name": "A" * 201}]}, "contacts.0.name"),
        ({"on": "1900-01-01"}, "on"),
        ({"followUp": "2200-01-01"}, "followUp"),
    ):
        refused = create(api, **base, **given)
        assert refused["__typename"] == "ValidationError", (given, refused)
        assert [f["path"] for f in refused["fields"]] == [path]
    loose = create(api, **base, contacts=[{"name": "Sam", "email": "sam at acme", "phone": "ask reception"}])
    assert loose["contacts"] == [{"name": "Sam", "role": None, "email": "sam at acme", "phone": "ask reception"}]
    assert [w["path"] for w in loose["warnings"]] == ["contacts.0.email", "contacts.0.phone"]
    same_stage = api.data(MOVE_APPLICATION, {"id": loose["id"], "version": 1, "stage": "SAVED"})["moveApplication"]
    assert same_stage["__typename"] == "ValidationError" and same_stage["fields"][0]["path"] == "stage"
    not_a_date = api.call(MOVE_APPLICATION, {"id": loose["id"], "version": 1, "stage": "APPLIED", "on": "soon"})
    assert "errors" in not_a_date  # refused by GraphQL before anything runs
    assert api.data(GET_APPLICATION, {"id": loose["id"]})["application"]["stage"] == "SAVED"


def test_another_users_ids_answer_exactly_like_missing_ones(api: Api, cv: dict[str, Any], job: dict[str, Any]) -> None:
    bobs_cv, bobs_job = make_cv(api, token="token-bob"), make_job(api, token="token-bob")
    bobs_letter = api.data(LETTER, {"cv": bobs_cv["id"], "job": bobs_job["id"]}, token="token-bob")[
        "generateCoverLetter"
    ]
    assert bobs_letter["__typename"] == "CoverLetter"
    bobs = create(api, token="token-bob", jobId=bobs_job["id"], cvId=bobs_cv["id"], letterId=bobs_letter["id"])
    assert bobs["__typename"] == "Application" and bobs["letterId"] == bobs_letter["id"]

    def both(query: str, name: str, variables: dict[str, Any]) -> tuple[Any, Any]:
        theirs = api.data(query, {**variables, "id": bobs["id"]})[name]
        missing = api.data(query, {**variables, "id": MISSING_ID})[name]
        return theirs, missing

    assert both(GET_APPLICATION, "application", {}) == (None, None)
    for query, name, variables in (
        (UPDATE_APPLICATION, "updateApplication", {"version": 1, "input": {"notes": "mine now"}}),
        (MOVE_APPLICATION, "moveApplication", {"version": 1, "stage": "APPLIED"}),
        (DELETE_APPLICATION, "deleteApplication", {}),
    ):
        theirs, missing = both(query, name, variables)
        assert theirs == missing == {"__typename": "NotFoundError", "message": "Application not found."}
    for field, theirs_id in (("jobId", bobs_job["id"]), ("cvId", bobs_cv["id"]), ("letterId", bobs_letter["id"])):
        given = {"jobId": job["id"], "cvId": cv["id"]}
        theirs = create(api, **{**given, field: theirs_id})
        missing = create(api, **{**given, field: MISSING_ID})
        assert theirs == missing and theirs["__typename"] == "NotFoundError", (field, theirs)
    listed = api.data(LIST, {"cv": bobs_cv["id"]})["applications"]
    assert listed["edges"] == []
    assert api.data(GET_APPLICATION, {"id": bobs["id"]}, token="token-bob")["application"]["stage"] == "SAVED"


def test_updates_set_and_clear_fields(api: Api, cv: dict[str, Any], job: dict[str, Any]) -> None:
    letter = api.data(LETTER, {"cv": cv["id"], "job": job["id"]})["generateCoverLetter"]
    created = create(api, jobId=job["id"], cvId=cv["id"], followUp="2026-12-24")
    with_letter = api.data(
        UPDATE_APPLICATION, {"id": created["id"], "version": 1, "input": {"letterId": letter["id"]}}
    )["updateApplication"]
    assert with_letter["letterId"] == letter["id"] and with_letter["followUp"] == "2026-12-24"
    cleared = api.data(
        UPDATE_APPLICATION, {"id": created["id"], "version": 2, "input": {"letterId": None, "followUp": None}}
    )["updateApplication"]
    assert cleared["letterId"] is None and cleared["followUp"] is None and cleared["version"] == 3


def test_lists_filter_and_page(api: Api) -> None:
    cv, other_cv, job = make_cv(api, title="List CV"), make_cv(api, title="Other"), make_job(api)
    made = [
        create(api, jobId=job["id"], cvId=cv["id"], followUp="2026-12-01"),
        create(api, jobId=job["id"], cvId=cv["id"], stage="APPLIED"),
        create(api, jobId=job["id"], cvId=other_cv["id"], stage="INTERVIEW", followUp="2027-01-15"),
    ]
    ids = sorted((m["id"] for m in made), reverse=True)
    by_job = api.data(LIST, {"job": job["id"], "first": 2})["applications"]
    assert [e["node"]["id"] for e in by_job["edges"]] == ids[:2] and by_job["pageInfo"]["hasNextPage"]
    rest = api.data(LIST, {"job": job["id"], "first": 2, "after": by_job["pageInfo"]["endCursor"]})["applications"]
    assert [e["node"]["id"] for e in rest["edges"]] == ids[2:] and not rest["pageInfo"]["hasNextPage"]
    sent = api.data(LIST, {"job": job["id"], "stage": ["APPLIED", "INTERVIEW"]})["applications"]
    assert {e["node"]["id"] for e in sent["edges"]} == {made[1]["id"], made[2]["id"]}
    other = api.data(LIST, {"cv": other_cv["id"]})["applications"]
    assert [e["node"]["id"] for e in other["edges"]] == [made[2]["id"]]
    due = api.data(LIST, {"job": job["id"], "before": "2026-12-31"})["applications"]
    assert [e["node"]["id"] for e in due["edges"]] == [made[0]["id"]]
    bad_cursor = api.call(LIST, {"after": "nonsense"})
    assert "errors" in bad_cursor


def test_delete_application(api: Api, cv: dict[str, Any], job: dict[str, Any]) -> None:
    created = create(api, jobId=job["id"], cvId=cv["id"])
    deleted = api.data(DELETE_APPLICATION, {"id": created["id"]})["deleteApplication"]
    assert deleted == {"__typename": "Deleted", "id": created["id"]}
    assert api.data(GET_APPLICATION, {"id": created["id"]})["application"] is None
    again = api.data(DELETE_APPLICATION, {"id": created["id"]})["deleteApplication"]
    assert again["__typename"] == "NotFoundError"


def test_reading_many_frozen_cvs_at_once_is_refused_by_cost(api: Api) -> None:
    one_list = "applications { edges { node { sentCv { id } } } }"
    assert "errors" not in api.call("{ " + one_list + " }")  # 20 (the list size assumed) x 1
    body = api.call("{ a: " + one_list + " b: " + one_list + " }")
    assert body["errors"][0]["extensions"]["code"] == "COST_LIMIT_EXCEEDED"


def test_signed_out_calls_are_refused(api: Api) -> None:
    body = api.call("{ applications { edges { node { id } } } }", token=None)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_the_export_holds_each_application_with_its_frozen_cv_and_deletion_removes_them(api: Api) -> None:
    cv, job = make_cv(api, token="token-carol", title="Carol's CV"), make_job(api, token="token-carol")
    created = create(api, token="token-carol", jobId=job["id"], cvId=cv["id"], stage="APPLIED", notes="Sent.")
    export = api.data("mutation { exportMyData { url } }", token="token-carol")["exportMyData"]
    parts = urlsplit(export["url"])
    entries = read_zip(api.client.get(f"{parts.path}?{parts.query}").content)
    kept = json.loads(entries[f"applications/{created['id']}.json"])
    assert kept["stage"] == "APPLIED" and kept["notes"] == "Sent." and kept["cvRevision"] == cv["version"]
    assert kept["sentCv"]["title"] == "Carol's CV"
    deleted = api.data(
        'mutation { deleteMyAccount(confirmation: "carol") { __typename ... on DeletedAccount {'
        " removed { store count } } } }",
        token="token-carol",
    )["deleteMyAccount"]
    assert {r["store"]: r["count"] for r in deleted["removed"]}["applications"] >= 1
    assert api.data(GET_APPLICATION, {"id": created["id"]}, token="token-carol")["application"] is None
