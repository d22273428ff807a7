"""GraphQL texts and steps shared by the privacy suites: give a person every kind of data, export, delete."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any
from urllib.parse import urlsplit

from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT, UPDATE

CREATE_JOB = """mutation($input: JobInput!) { createJob(input: $input) { __typename ... on Job { id } } }"""
MATCH = """mutation($cv: ID!, $job: ID!) { matchCv(cvId: $cv, jobId: $job) { __typename ... on Match { score } } }"""
LETTER = """mutation($cv: ID!, $job: ID!) { generateCoverLetter(cvId: $cv, jobId: $job) { __typename
  ... on CoverLetter { id } } }"""
RENDER = """mutation($id: ID!) { renderCv(cvId: $id, format: TEXT) { __typename ... on RenderedFile { url } } }"""
CREATE_UPLOAD = """mutation($size: Int!) { createUpload(filename: "cv.json", contentType: "application/json",
  size: $size) { __typename ... on UploadTicket { uploadId url formFields: fields } } }"""
EXPORT = """mutation { exportMyData { url filename bytes sha256 expiresAt
  counts { cvs revisions jobs coverLetters files } } }"""
DELETE_ACCOUNT = """mutation($password: String, $confirmation: String) {
  deleteMyAccount(password: $password, confirmation: $confirmation) { __typename
    ... on DeletedAccount { identityDeleted removed { store count } }
    ... on ValidationError { message fields { path message } }
    ... on LimitExceededError { message limit } } }"""
ME = "query { me { id email } }"
LIST_CVS = "query { cvs(first: 10) { edges { node { id } } } }"
POSTING = """We are hiring a Senior Backend Engineer to build our billing platform.
Requirements: strong Python and SQL; experience building backend services; good communication."""
UPLOADED = json.dumps({"basics": {"name": "Uploaded Person"}}).encode()


def give_everything(api: Api, token: str, name: str) -> dict[str, Any]:
    """A CV saved three times, a job, a match (vectors and cached embeddings), a letter, a rendered file and a
    pending upload: every kind of data a person can have. Returns their ids."""
    cv = api.data(CREATE, {"input": {**SAMPLE_INPUT, "title": f"{name}'s CV"}}, token=token)["createCv"]
    for version, headline in ((1, "Backend engineer, Python"), (2, "Staff backend engineer")):
        saved = api.data(
            UPDATE, {"id": cv["id"], "version": version, "input": {"basics": {"headline": headline}}}, token=token
        )["updateCv"]
        assert saved["__typename"] == "Cv", saved
    job = api.data(
        CREATE_JOB,
        {"input": {"title": "Senior Backend Engineer", "company": "Ledgerly", "description": POSTING}},
        token=token,
    )["createJob"]
    assert api.data(MATCH, {"cv": cv["id"], "job": job["id"]}, token=token)["matchCv"]["__typename"] == "Match"
    letter = api.data(LETTER, {"cv": cv["id"], "job": job["id"]}, token=token)["generateCoverLetter"]
    assert letter["__typename"] == "CoverLetter", letter
    rendered = api.data(RENDER, {"id": cv["id"]}, token=token)["renderCv"]
    assert rendered["__typename"] == "RenderedFile", rendered
    ticket = api.data(CREATE_UPLOAD, {"size": len(UPLOADED)}, token=token)["createUpload"]
    assert ticket["__typename"] == "UploadTicket", ticket
    post_upload(api, ticket, UPLOADED)
    return {"cv": cv["id"], "job": job["id"], "letter": letter["id"], "upload": ticket["uploadId"]}


def post_upload(api: Api, ticket: dict[str, Any], data: bytes) -> None:
    """The folder store's own upload endpoint (the cloud test posts to S3 itself)."""
    sent = api.client.post(
        urlsplit(ticket["url"]).path,
        data=ticket["formFields"],
        files={"file": ("cv.json", data, "application/json")},
    )
    assert sent.status_code == 204, sent.text


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every member's CRC holds
        return {name: archive.read(name) for name in archive.namelist()}
