"""A LinkedIn data export through the real upload flow: createUpload (a zip type) -> POST the file -> importCv.

The CV holds the person's profile, positions with their dates and current role, schools, skills, languages and
certifications; what has no place is a warning naming its file, row and column; a zip that is no export, or a
zip bomb, gets a typed error and nothing is stored.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.fixtures.linkedin.build import EMAIL, HEADLINE, NAME, PHONE, export_files, linkedin_export_zip, zip_of
from tests.graphql.conftest import Api
from tests.graphql.queries import CV_FIELDS
from tests.imports.documents import PERSONA, styled_docx

ZIP = "application/zip"
CREATE_UPLOAD = """mutation($name: String!, $type: String!, $size: Int!) {
  createUpload(filename: $name, contentType: $type, size: $size) { __typename
    ... on UploadTicket { uploadId url formFields: fields }
    ... on ValidationError { message fields { path message } } ... on LimitExceededError { limit } } }"""
IMPORT = (
    CV_FIELDS
    + """mutation($id: ID!) { importCv(uploadId: $id) { __typename
  ... on Imported { cv { ...CvFields } warnings { message text } }
  ... on NotFoundError { message } ... on UnsupportedFileError { message reason }
  ... on LimitExceededError { message limit } } }"""
)
FILENAME = "Basic_LinkedInDataExport_03-01-2026.zip"


def upload(api: Api, data: bytes, content_type: str = ZIP) -> str:
    ticket = api.data(CREATE_UPLOAD, {"name": FILENAME, "type": content_type, "size": len(data)})["createUpload"]
    assert ticket["__typename"] == "UploadTicket", ticket
    sent = api.client.post(
        urlsplit(ticket["url"]).path, data=ticket["formFields"], files={"file": (FILENAME, data, content_type)}
    )
    assert sent.status_code == 204, sent.text
    upload_id: str = ticket["uploadId"]
    return upload_id


def imported(api: Api, data: bytes, content_type: str = ZIP) -> Any:
    return api.data(IMPORT, {"id": upload(api, data, content_type)})["importCv"]


def items(cv: Any, kind: str) -> list[dict[str, Any]]:
    (found,) = [s for s in cv["sections"] if s["kind"] == kind]
    return list(found["items"])


def cv_count(api: Api) -> int:
    return len(api.data("{ cvs(first: 50) { edges { node { id } } } }")["cvs"]["edges"])


def test_an_export_becomes_a_cv_with_everything_where_a_person_expects_it(api: Api) -> None:
    result = imported(api, linkedin_export_zip())
    assert result["__typename"] == "Imported", result
    cv = result["cv"]
    assert cv["title"] == f"{NAME} CV" and cv["version"] == 1
    assert cv["basics"] | {"links": None} == {
        "name": NAME,
        "headline": HEADLINE,
        "email": EMAIL,
        "phone": PHONE,
        "location": "Lisbon, Portugal",
        "links": None,
    }
    assert {"label": "Portfolio", "url": "https://amara.example"} in cv["basics"]["links"]
    assert cv["summary"].startswith("Backend engineer who likes boring")
    work = items(cv, "EXPERIENCE")
    assert [(w["organization"], w["title"], w["startDate"], w["endDate"], w["current"]) for w in work] == [
        ("Lumen Health", "Senior Backend Engineer", "2021-03", None, True),
        ("Talkdesk", "Backend Engineer", "2018-06", "2021-02", False),
        ("Feedzai", "Software Engineering Intern", "2017-07", "2017-09", False),
    ]
    assert work[0]["bullets"] == [
        "Led the move from a monolith to six services without downtime",
        "Cut p95 API latency from 900 ms to 120 ms",
    ]
    assert [(e["organization"], e["title"], e["endDate"]) for e in items(cv, "EDUCATION")] == [
        ("Instituto Superior Técnico", "Master of Science - MS", "2017"),
        ("Universidade do Porto", "Bachelor of Science - BS", "2015"),
    ]
    assert [s["title"] for s in items(cv, "SKILLS")] == [
        "Python",
        "PostgreSQL",
        "Kubernetes",
        "Go",
        "Distributed Systems",
    ]
    assert [(lang["title"], lang["description"]) for lang in items(cv, "LANGUAGES")] == [
        ("Portuguese", "Native or bilingual proficiency"),
        ("English", "Full professional proficiency"),
    ]
    (certificate,) = items(cv, "CERTIFICATIONS")
    assert (certificate["title"], certificate["organization"], certificate["startDate"]) == (
        "AWS Certified Solutions Architect – Associate",
        "Amazon Web Services (AWS)",
        "2022-01",
    )
    assert items(cv, "PROJECTS")[0]["title"] == "Open-source rate limiter"
    warnings = {w["message"]: w["text"] for w in result["warnings"]}
    assert warnings["Certifications.csv row 2, License Number: a CV has no place for it: left out"] == "AWS-ASA-1234"
    assert warnings[
        "Email Addresses.csv row 2, Email Address: a CV shows one email address (the primary one): left out"
    ]
    # The CV is stored and editable; the upload was consumed.
    assert api.data("query($id: ID!) { cv(id: $id) { id } }", {"id": cv["id"]})["cv"]["id"] == cv["id"]


def test_windows_zip_type_and_row_warnings_through_the_api(api: Api) -> None:
    files = export_files()
    files["Positions.csv"] += "Lumen Health,Intern,,Lisbon,one summer,\r\n"
    result = imported(api, zip_of(files, folder="Basic_LinkedInDataExport_03-01-2026"), "application/x-zip-compressed")
    assert result["__typename"] == "Imported", result
    assert len(items(result["cv"], "EXPERIENCE")) == 4
    (bad_date,) = [w for w in result["warnings"] if w["message"].startswith("Positions.csv row 5, Started On:")]
    assert "is not a date we can read" in bad_date["message"] and bad_date["text"] == "one summer"


def test_the_accepted_types_name_the_linkedin_export(api: Api) -> None:
    refused = api.data(CREATE_UPLOAD, {"name": "cv.rar", "type": "application/x-rar", "size": 10})["createUpload"]
    assert refused["__typename"] == "ValidationError"
    (problem,) = refused["fields"]
    assert problem["path"] == "contentType" and "LinkedIn data export (.zip)" in problem["message"]
    description = api.data('{ __type(name: "Mutation") { fields { name description } } }')["__type"]["fields"]
    (create_upload,) = [f for f in description if f["name"] == "createUpload"]
    assert "LinkedIn data export" in create_upload["description"] and "application/zip" in create_upload["description"]


@pytest.mark.parametrize(
    "data, typename, detail",
    [
        (zip_of({"holiday.jpg": b"\xff\xd8\xff", "notes.txt": "hi"}), "UnsupportedFileError", "not_a_linkedin_export"),
        (zip_of({"Skills.csv": "Name\n"}), "UnsupportedFileError", "not_a_cv_file"),
        (zip_of({"Positions.csv": "Company Name,Title\n" + " " * (20 * 1024 * 1024)}), "LimitExceededError", "zip"),
    ],
)
def test_a_zip_that_gives_no_cv_gets_a_typed_error_and_nothing_is_stored(
    api: Api, data: bytes, typename: str, detail: str
) -> None:
    before = cv_count(api)
    upload_id = upload(api, data)
    result = api.data(IMPORT, {"id": upload_id})["importCv"]
    assert result["__typename"] == typename, result
    assert result.get("reason", result.get("limit")) == detail
    assert cv_count(api) == before
    assert api.data(IMPORT, {"id": upload_id})["importCv"]["__typename"] == "NotFoundError"


def test_a_word_file_is_still_read_as_a_word_file(api: Api) -> None:
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    result = imported(api, styled_docx(), docx)
    assert result["__typename"] == "Imported", result
    assert result["cv"]["basics"]["name"] == PERSONA.name
