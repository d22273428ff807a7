"""A Reactive Resume export (v5 or v4) through the real HTTP API: `importJsonResume` with the document, and the
upload flow with the .json file, each giving a CV with the file's own warnings; an empty one is refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.graphql.conftest import Api
from tests.graphql.queries import CV_FIELDS, RESULT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reactive_resume"
IMPORT = (
    CV_FIELDS
    + "mutation($doc: JSON!) { importJsonResume(document: $doc) {"
    + RESULT
    + " ... on Cv { importWarnings { path message } } } }"
)
EXPORT = "mutation($id: ID!) { exportJsonResume(id: $id) { __typename ... on JsonResumeDocument { document } } }"
CREATE_UPLOAD = """mutation($name: String!, $type: String!, $size: Int!) {
  createUpload(filename: $name, contentType: $type, size: $size) { __typename
    ... on UploadTicket { uploadId url method formFields: fields } } }"""
IMPORT_UPLOAD = (
    CV_FIELDS
    + """mutation($id: ID!) { importCv(uploadId: $id) { __typename
  ... on Imported { cv { ...CvFields } warnings { message text } }
  ... on NotFoundError { message } ... on UnsupportedFileError { message reason } } }"""
)
EMPTY_V5 = {
    "picture": {"hidden": False, "url": ""},
    "basics": {"name": "", "headline": "", "email": "", "website": {"url": "", "label": ""}, "customFields": []},
    "summary": {"title": "", "columns": 1, "hidden": False, "content": ""},
    "sections": {"experience": {"title": "", "columns": 1, "hidden": False, "items": []}},
    "customSections": [],
    "metadata": {"template": "onyx"},
}


def fixture(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return loaded


def by_title(cv: dict[str, Any], title: str) -> dict[str, Any]:
    (found,) = [s for s in cv["sections"] if s["title"] == title]
    assert isinstance(found, dict)
    return found


def upload_json(api: Api, data: bytes) -> str:
    ticket = api.data(CREATE_UPLOAD, {"name": "reactive_resume.json", "type": "application/json", "size": len(data)})[
        "createUpload"
    ]
    assert ticket["__typename"] == "UploadTicket", ticket
    sent = api.client.post(
        urlsplit(ticket["url"]).path,
        data=ticket["formFields"],
        files={"file": ("reactive_resume.json", data, "application/json")},
    )
    assert sent.status_code == 204, sent.text
    upload_id: str = ticket["uploadId"]
    return upload_id


def test_a_v5_export_imports_through_import_json_resume(api: Api) -> None:
    cv = api.data(IMPORT, {"doc": fixture("v5_resume.json")})["importJsonResume"]
    assert cv["__typename"] == "Cv", cv
    assert cv["title"] == "Tomás Varga CV" and cv["basics"]["email"] == "tomas.varga@example.net"
    lead = by_title(cv, "Work history")["items"][0]
    assert (lead["organization"], lead["startDate"], lead["current"]) == ("Danube Bank", "2022-03", True)
    assert lead["bullets"][0] == "Raised the mobile app's WCAG 2.2 conformance from A to AA."
    hidden_skill = by_title(cv, "Skills")["items"][2]
    assert (hidden_skill["title"], hidden_skill["visible"]) == ("Front-end code", False)
    assert by_title(cv, "Volunteering")["visible"] is False
    assert by_title(cv, "Earlier experience")["kind"] == "CUSTOM"
    assert cv["design"]["accentColor"] == "#2563eb" and cv["design"]["pageSize"] == "LETTER"
    warned = {w["path"] for w in cv["importWarnings"]}
    assert {"sections.skills.items.2", "sections.volunteer", "picture", "metadata.template"} <= warned


def test_a_v4_export_imports_and_exports_as_json_resume(api: Api) -> None:
    cv = api.data(IMPORT, {"doc": fixture("v4_resume.json")})["importJsonResume"]
    assert cv["__typename"] == "Cv", cv
    masters = by_title(cv, "Education")["items"][0]
    assert (masters["title"], masters["current"]) == ("MSc, Data Science", True)
    talk = by_title(cv, "Talks")["items"][0]
    assert talk["title"] == "Idempotency keys in practice" and talk["startDate"] == "2024-05"
    exported = api.data(EXPORT, {"id": cv["id"]})["exportJsonResume"]["document"]
    assert [w["name"] for w in exported["work"]][:2] == ["Ledgerline", "Brightpay"]
    assert exported["basics"]["name"] == "Mira Okafor"


@pytest.mark.parametrize(
    ("name", "person", "hidden"),
    [
        ("v5_resume.json", "Tomás Varga", "sections.skills.items.2"),
        ("v4_resume.json", "Mira Okafor", "sections.experience.items.2"),
    ],
)
def test_the_upload_flow_takes_a_reactive_resume_json_file(api: Api, name: str, person: str, hidden: str) -> None:
    data = (FIXTURES / name).read_bytes()
    result = api.data(IMPORT_UPLOAD, {"id": upload_json(api, data)})["importCv"]
    assert result["__typename"] == "Imported", result
    assert result["cv"]["basics"]["name"] == person
    assert any(w["message"].startswith(f"{hidden}: was hidden") for w in result["warnings"])
    kinds = {s["kind"] for s in result["cv"]["sections"]}
    assert {"EXPERIENCE", "EDUCATION", "SKILLS", "CUSTOM"} <= kinds


def test_an_empty_reactive_resume_is_refused_by_both_ways_in_and_nothing_is_stored(api: Api) -> None:
    count = len(api.data("{ cvs(first: 50) { edges { node { id } } } }")["cvs"]["edges"])
    refused = api.data(IMPORT, {"doc": EMPTY_V5})["importJsonResume"]
    assert refused["__typename"] == "ValidationError" and "not a CV" in refused["fields"][0]["message"]
    upload_id = upload_json(api, json.dumps(EMPTY_V5).encode())
    result = api.data(IMPORT_UPLOAD, {"id": upload_id})["importCv"]
    assert result["__typename"] == "UnsupportedFileError" and result["reason"] == "not_a_cv_file", result
    assert len(api.data("{ cvs(first: 50) { edges { node { id } } } }")["cvs"]["edges"]) == count
