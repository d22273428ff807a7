"""Idempotency keys on the matching area's creating mutations (createJob, tailorCv, generateCoverLetter), on the
embedded default: a retry gets the same job, tailored CV and letter, and nothing is made twice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from cvmaker.ports import Principal
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT

POSTING = """Senior Backend Engineer. Requirements: Python, SQL, Kubernetes; 5+ years building backend services;
excellent communication skills."""
CREATE_JOB = """mutation($input: JobInput!, $key: String) { createJob(input: $input, idempotencyKey: $key) {
  __typename ... on Job { id title requirements { text } } ... on IdempotencyConflictError { reason } } }"""
TAILOR = """mutation($cv: ID!, $job: ID!, $key: String) { tailorCv(cvId: $cv, jobId: $job, idempotencyKey: $key) {
  __typename ... on Tailored { cv { id title version } changes { path before after reason sourceItemIds }
    rejected { path after reason } } ... on IdempotencyConflictError { reason } } }"""
LETTER = """mutation($cv: ID!, $job: ID!, $key: String) {
  generateCoverLetter(cvId: $cv, jobId: $job, idempotencyKey: $key) {
  __typename ... on CoverLetter { id cvId jobId text } ... on ValidationError { fields { path } } } }"""
LETTERS = "query($cv: ID!) { coverLetters(cvId: $cv) { id } }"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("keys") / "data", web_dist=tmp_path_factory.mktemp("none"))
    verifier = FakeVerifier()
    verifier.add("token-alice", Principal(sub="alice", client_id="web"))
    with TestClient(create_app(settings, build_runtime(settings, verifier=verifier))) as client:
        yield Api(client)


def test_a_retried_job_tailoring_and_letter_are_the_first_ones(api: Api) -> None:
    cv = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    posting = {"title": "Senior Backend Engineer", "description": POSTING}
    job = api.data(CREATE_JOB, {"input": posting, "key": "job-1"})["createJob"]
    assert job["__typename"] == "Job"
    assert api.data(CREATE_JOB, {"input": posting, "key": "job-1"})["createJob"] == job
    other = api.data(CREATE_JOB, {"input": {**posting, "title": "Other"}, "key": "job-1"})["createJob"]
    assert other == {"__typename": "IdempotencyConflictError", "reason": "key_reused"}
    assert [e["node"]["id"] for e in api.data("{ jobs { edges { node { id } } } }")["jobs"]["edges"]] == [job["id"]]

    variables = {"cv": cv["id"], "job": job["id"], "key": "tailor-1"}
    tailored = api.data(TAILOR, variables)["tailorCv"]
    assert tailored["__typename"] == "Tailored" and tailored["cv"]["id"] != cv["id"]
    assert api.data(TAILOR, variables)["tailorCv"] == tailored
    cv_ids = [e["node"]["id"] for e in api.data("{ cvs { edges { node { id } } } }")["cvs"]["edges"]]
    assert sorted(cv_ids) == sorted([cv["id"], tailored["cv"]["id"]])

    letter = api.data(LETTER, {**variables, "key": "letter-1"})["generateCoverLetter"]
    assert letter["__typename"] == "CoverLetter"
    assert api.data(LETTER, {**variables, "key": "letter-1"})["generateCoverLetter"] == letter
    assert [x["id"] for x in api.data(LETTERS, {"cv": cv["id"]})["coverLetters"]] == [letter["id"]]
    refused = api.data(LETTER, {**variables, "key": "no spaces"})["generateCoverLetter"]
    assert refused == {"__typename": "ValidationError", "fields": [{"path": "idempotencyKey"}]}
