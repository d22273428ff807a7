"""`renderCoverLetter` through the GraphQL API on the embedded default: generate a letter from a CV, download it
as PDF and DOCX in the CV's design, served from storage the second time; wrong formats, other users' letters and
unknown ids are typed errors. (Needs `LetterMutations` among the `Mutation` bases in `schema/schema.py`.)"""

from __future__ import annotations

import io
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
from tests.graphql.queries import CREATE, SAMPLE_INPUT
from tests.rendering.layout import folded, pdf_text

CREATE_JOB = """mutation($input: JobInput!) { createJob(input: $input) { __typename ... on Job { id } } }"""
GENERATE = """mutation($cv: ID!, $job: ID!) { generateCoverLetter(cvId: $cv, jobId: $job) { __typename
  ... on CoverLetter { id cvId text } } }"""
RENDER_LETTER = """mutation($id: ID!, $format: RenderFormat!) { renderCoverLetter(id: $id, format: $format) {
  __typename
  ... on RenderedFile { url format pages bytes sha256 cached }
  ... on NotFoundError { message }
  ... on ValidationError { message fields { path message } }
  ... on LimitExceededError { message limit } } }"""
POSTING = """We are hiring a Senior Backend Engineer to build our billing platform.
Requirements: strong Python and SQL; experience building backend services; good communication."""


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    folder = tmp_path_factory.mktemp("letters-api")
    settings = Settings(data_dir=folder / "data", web_dist=folder / "none")
    verifier = FakeVerifier()
    verifier.add("token-alice", Principal(sub="alice", client_id="web"))
    verifier.add("token-bob", Principal(sub="bob", client_id="web"))
    with TestClient(create_app(settings, build_runtime(settings, verifier=verifier))) as client:
        yield Api(client)


@pytest.fixture(scope="module")
def letter(api: Api) -> dict[str, Any]:
    cv = api.data(CREATE, {"input": {**SAMPLE_INPUT, "design": {"template": "columns", "pageSize": "LETTER"}}})
    job = api.data(
        CREATE_JOB, {"input": {"title": "Senior Backend Engineer", "company": "Ledgerly", "description": POSTING}}
    )["createJob"]
    generated = api.data(GENERATE, {"cv": cv["createCv"]["id"], "job": job["id"]})["generateCoverLetter"]
    assert generated["__typename"] == "CoverLetter"
    return generated


def download(api: Api, url: str) -> bytes:
    parts = urlsplit(url)
    response = api.client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200, response.text
    return response.content


def render(api: Api, letter_id: str, render_format: str = "PDF", token: str = "token-alice") -> dict[str, Any]:
    result: dict[str, Any] = api.data(RENDER_LETTER, {"id": letter_id, "format": render_format}, token=token)[
        "renderCoverLetter"
    ]
    return result


def test_a_letter_downloads_as_a_pdf_in_the_cvs_design_and_comes_from_storage_the_second_time(
    api: Api, letter: dict[str, Any]
) -> None:
    import pypdfium2

    first = render(api, letter["id"])
    assert first["__typename"] == "RenderedFile" and first["format"] == "PDF"
    assert first["pages"] == 1 and not first["cached"]
    pdf = download(api, first["url"])
    assert len(pdf) == first["bytes"] and pdf.startswith(b"%PDF")
    page = pypdfium2.PdfDocument(pdf)[0]
    assert (round(page.get_width()), round(page.get_height())) == (612, 792)  # the CV's Letter page size
    text = pdf_text(pdf)
    paragraphs = [folded(p) for p in letter["text"].split("\n\n") if not p.startswith("Some of what")]
    positions = [text.find(p) for p in paragraphs]
    assert -1 not in positions and positions == sorted(positions)
    again = render(api, letter["id"])
    assert again["cached"] and again["sha256"] == first["sha256"]


def test_a_letter_downloads_as_docx_and_as_text(api: Api, letter: dict[str, Any]) -> None:
    import docx

    word = render(api, letter["id"], "DOCX")
    assert word["__typename"] == "RenderedFile" and word["pages"] is None
    paragraphs = [p.text for p in docx.Document(io.BytesIO(download(api, word["url"]))).paragraphs]
    assert paragraphs[0] == "Ada Lovelace" and "Dear Hiring Manager," in paragraphs
    text = render(api, letter["id"], "TEXT")
    assert download(api, text["url"]).decode() == letter["text"].strip() + "\n"


def test_json_resume_is_a_validation_error(api: Api, letter: dict[str, Any]) -> None:
    refused = render(api, letter["id"], "JSON_RESUME")
    assert refused["__typename"] == "ValidationError" and refused["fields"][0]["path"] == "format"


def test_another_users_letter_and_an_unknown_id_are_not_found(api: Api, letter: dict[str, Any]) -> None:
    assert render(api, letter["id"], token="token-bob")["__typename"] == "NotFoundError"
    assert render(api, "01JUNKNOWN000000000000000")["__typename"] == "NotFoundError"


def test_signing_in_is_required(api: Api, letter: dict[str, Any]) -> None:
    body = api.call(RENDER_LETTER, {"id": letter["id"], "format": "PDF"}, token=None)
    assert body.get("errors") and not (body.get("data") or {}).get("renderCoverLetter")
