"""Import through the API: a signed upload, then importCv; bad files get typed errors and nothing is stored.

`UploadTicket.fields` (JSON) and `ValidationError.fields` share a name in the contract, so a client selecting both
in one union must alias one of them, as here."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import InProcessRenderer
from cvmaker.domain.cv.samples import short_cv
from tests.graphql.conftest import Api
from tests.graphql.queries import CV_FIELDS

PDF = "application/pdf"
CREATE_UPLOAD = """mutation($name: String!, $type: String!, $size: Int!) {
  createUpload(filename: $name, contentType: $type, size: $size) { __typename
    ... on UploadTicket { uploadId url method formFields: fields expiresAt maxBytes }
    ... on ValidationError { fields { path message } } ... on LimitExceededError { limit } } }"""
IMPORT = (
    CV_FIELDS
    + """mutation($id: ID!) { importCv(uploadId: $id) { __typename
  ... on Imported { cv { ...CvFields } warnings { message text } sources { path source } }
  ... on NotFoundError { message } ... on UnsupportedFileError { message reason }
  ... on LimitExceededError { message limit } } }"""
)


def upload(api: Api, data: bytes, content_type: str = PDF, token: str = "token-alice") -> str:
    ticket = api.data(CREATE_UPLOAD, {"name": "cv.pdf", "type": content_type, "size": len(data)}, token=token)[
        "createUpload"
    ]
    assert ticket["__typename"] == "UploadTicket" and ticket["method"] == "POST"
    sent = api.client.post(
        urlsplit(ticket["url"]).path, data=ticket["formFields"], files={"file": ("cv.pdf", data, content_type)}
    )
    assert sent.status_code == 204, sent.text
    return ticket["uploadId"]


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    document = short_cv("classic")
    return InProcessRenderer().render(REGISTRY.html(document), str(REGISTRY.get("classic").asset_dir)).data


def cv_count(api: Api) -> int:
    return len(api.data("{ cvs(first: 50) { edges { node { id } } } }")["cvs"]["edges"])


def test_upload_then_import_makes_an_editable_cv(api: Api, sample_pdf: bytes) -> None:
    upload_id = upload(api, sample_pdf)
    imported = api.data(IMPORT, {"id": upload_id})["importCv"]
    assert imported["__typename"] == "Imported"
    cv = imported["cv"]
    original = short_cv("classic")
    assert cv["basics"]["name"] == original.basics.name and cv["basics"]["email"] == original.basics.email
    assert cv["version"] == 1 and any(s["kind"] == "EXPERIENCE" for s in cv["sections"])
    assert imported["sources"] and all(s["path"] and s["source"] for s in imported["sources"])
    assert api.data("query($id: ID!) { cv(id: $id) { id } }", {"id": cv["id"]})["cv"]["id"] == cv["id"]
    again = api.data(IMPORT, {"id": upload_id})["importCv"]
    assert again["__typename"] == "NotFoundError"  # the upload was consumed


def test_upload_tickets_refuse_wrong_types_and_sizes(api: Api) -> None:
    html = api.data(CREATE_UPLOAD, {"name": "cv.html", "type": "text/html", "size": 10})["createUpload"]
    assert html["__typename"] == "ValidationError" and html["fields"][0]["path"] == "contentType"
    huge = api.data(CREATE_UPLOAD, {"name": "cv.pdf", "type": PDF, "size": 50_000_000})["createUpload"]
    assert huge == {"__typename": "LimitExceededError", "limit": "upload_bytes"}


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<html><body><script>alert(1)</script>Jane Doe</body></html>", "not_a_cv_file"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "not_a_cv_file"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", None),
    ],
)
def test_files_that_are_not_readable_cvs_get_a_typed_error_and_nothing_is_stored(
    api: Api, data: bytes, reason: str | None
) -> None:
    before = cv_count(api)
    result = api.data(IMPORT, {"id": upload(api, data)})["importCv"]
    assert result["__typename"] == "UnsupportedFileError"
    if reason:
        assert result["reason"] == reason
    assert cv_count(api) == before
    assert api.data("{ me { id } }")["me"]["id"] == "alice"  # the server keeps serving


def test_a_scan_without_text_says_so(api: Api) -> None:
    scan = (
        InProcessRenderer()
        .render(
            '<html><body><div style="width:150mm;height:200mm;background:#888"></div></body></html>',
            str(REGISTRY.get("classic").asset_dir),
        )
        .data
    )
    result = api.data(IMPORT, {"id": upload(api, scan)})["importCv"]
    assert result["__typename"] == "UnsupportedFileError" and result["reason"] == "no_text_layer"


def test_another_users_upload_id_finds_nothing(api: Api, sample_pdf: bytes) -> None:
    upload_id = upload(api, sample_pdf)
    stolen = api.data(IMPORT, {"id": upload_id}, token="token-bob")["importCv"]
    assert stolen == {"__typename": "NotFoundError", "message": "Upload not found."}
    assert api.data(IMPORT, {"id": "not-an-id"})["importCv"]["__typename"] == "NotFoundError"
    assert api.data(IMPORT, {"id": upload_id})["importCv"]["__typename"] == "Imported"


JSON = "application/json"


def test_a_json_resume_file_imports_through_the_upload_flow_with_its_warnings(api: Api) -> None:
    document = {
        "basics": {"name": "Joana Reis", "email": "joana@example.org"},
        "work": [{"company": "Farfetch", "position": "Designer", "startDate": "03/2019", "endDate": ""}],
    }
    data = json.dumps(document).encode()
    result = api.data(IMPORT, {"id": upload(api, data, JSON)})["importCv"]
    assert result["__typename"] == "Imported", result
    assert result["cv"]["basics"]["name"] == "Joana Reis"
    (work,) = [s for s in result["cv"]["sections"] if s["kind"] == "EXPERIENCE"]
    assert work["items"][0]["organization"] == "Farfetch" and work["items"][0]["current"] is True


def test_a_json_file_that_is_no_cv_is_refused_and_a_refused_upload_is_not_kept(api: Api) -> None:
    upload_id = upload(
        api,
        json.dumps(
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {}}
        ).encode(),
        JSON,
    )
    refused = api.data(IMPORT, {"id": upload_id})["importCv"]
    assert refused["__typename"] == "UnsupportedFileError" and refused["reason"] == "not_a_cv_file", refused
    # The file went with the refusal: asking again finds nothing.
    assert api.data(IMPORT, {"id": upload_id})["importCv"]["__typename"] == "NotFoundError"
