"""Rendering through the API: templates, renderCv in every format with its cache, and the live preview."""

from __future__ import annotations

import base64
import hashlib
import io
import json
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT

RENDER = """mutation($id: ID!, $format: RenderFormat!, $design: DesignInput) {
  renderCv(cvId: $id, format: $format, design: $design) {
    __typename
    ... on RenderedFile { url format pages bytes sha256 cached }
    ... on NotFoundError { message }
    ... on ValidationError { message fields { path message } }
    ... on LimitExceededError { message limit }
  }
}"""
PREVIEW = """query($id: ID, $input: CvInput, $design: DesignInput) {
  previewCv(cvId: $id, input: $input, design: $design) {
    __typename
    ... on Preview { pageCount pages { number width height imageUrl } }
    ... on NotFoundError { message }
    ... on ValidationError { fields { path message } }
  }
}"""


@pytest.fixture
def cv(api: Api) -> dict[str, Any]:
    return api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]


def download(api: Api, url: str) -> bytes:
    parts = urlsplit(url)
    response = api.client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200, response.text
    return response.content


def pdf_text(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def test_templates_are_listed_with_thumbnails(api: Api) -> None:
    templates = api.data("{ templates { name title description thumbnailUrl } }")["templates"]
    assert len(templates) >= 5
    for template in templates:
        assert template["title"] and template["description"]
        thumbnail = api.client.get(template["thumbnailUrl"])
        assert thumbnail.status_code == 200 and thumbnail.content.startswith(b"\x89PNG")


def test_render_pdf_then_served_from_cache(api: Api, cv: dict[str, Any]) -> None:
    first = api.data(RENDER, {"id": cv["id"], "format": "PDF"})["renderCv"]
    assert first["__typename"] == "RenderedFile" and first["cached"] is False and first["pages"] >= 1
    data = download(api, first["url"])
    assert data.startswith(b"%PDF") and len(data) == first["bytes"]
    assert hashlib.sha256(data).hexdigest() == first["sha256"]
    text = pdf_text(data)
    assert "Ada Lovelace" in text and "Analytical Engines Ltd" in text and "Built the billing pipeline" in text
    again = api.data(RENDER, {"id": cv["id"], "format": "PDF"})["renderCv"]
    assert again["cached"] is True and again["sha256"] == first["sha256"]
    other = api.data(RENDER, {"id": cv["id"], "format": "PDF", "design": {"template": "modern"}})["renderCv"]
    assert other["cached"] is False and other["sha256"] != first["sha256"]


def test_render_docx_text_and_json_resume(api: Api, cv: dict[str, Any]) -> None:
    import docx

    docx_file = api.data(RENDER, {"id": cv["id"], "format": "DOCX"})["renderCv"]
    document = docx.Document(io.BytesIO(download(api, docx_file["url"])))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "Ada Lovelace" in paragraphs and "Cut latency 40%" in paragraphs
    text = api.data(RENDER, {"id": cv["id"], "format": "TEXT"})["renderCv"]
    assert "Analytical Engines Ltd" in download(api, text["url"]).decode()
    resume = api.data(RENDER, {"id": cv["id"], "format": "JSON_RESUME"})["renderCv"]
    assert json.loads(download(api, resume["url"]))["basics"]["name"] == "Ada Lovelace"


def test_hostile_design_is_refused_before_rendering(api: Api, cv: dict[str, Any]) -> None:
    result = api.data(
        RENDER,
        {
            "id": cv["id"],
            "format": "PDF",
            "design": {"accentColor": "red;background:url(http://169.254.169.254)", "template": "nope"},
        },
    )["renderCv"]
    assert result["__typename"] == "ValidationError"
    assert {f["path"] for f in result["fields"]} >= {"design.accentColor"}


def test_another_users_cv_cannot_be_rendered_or_previewed(api: Api, cv: dict[str, Any]) -> None:
    rendered = api.data(RENDER, {"id": cv["id"], "format": "PDF"}, token="token-bob")["renderCv"]
    assert rendered == {"__typename": "NotFoundError", "message": "CV not found."}
    preview = api.data(PREVIEW, {"id": cv["id"]}, token="token-bob")["previewCv"]
    assert preview == {"__typename": "NotFoundError", "message": "CV not found."}


def test_preview_follows_unsaved_edits(api: Api, cv: dict[str, Any]) -> None:
    saved = api.data(PREVIEW, {"id": cv["id"]})["previewCv"]
    assert saved["__typename"] == "Preview" and saved["pageCount"] == len(saved["pages"]) >= 1
    page = saved["pages"][0]
    png = base64.b64decode(page["imageUrl"].split(",", 1)[1])
    assert page["imageUrl"].startswith("data:image/png;base64,") and png.startswith(b"\x89PNG")
    assert page["width"] > 0 and page["height"] > page["width"]  # portrait
    edited = api.data(PREVIEW, {"id": cv["id"], "input": {"basics": {"name": "Ada King, Countess of Lovelace"}}})
    assert edited["previewCv"]["pages"][0]["imageUrl"] != page["imageUrl"]
    assert api.data("query($id: ID!) { cv(id: $id) { version basics { name } } }", {"id": cv["id"]})["cv"] == {
        "version": 1,
        "basics": {"name": "Ada Lovelace"},
    }
    unsaved_only = api.data(PREVIEW, {"input": {"basics": {"name": "Draft"}}})["previewCv"]
    assert unsaved_only["__typename"] == "Preview"
    invalid = api.data(PREVIEW, {"id": cv["id"], "input": {"design": {"fontSize": 99}}})["previewCv"]
    assert invalid["__typename"] == "ValidationError"


def test_deleting_a_cv_deletes_its_files_and_its_download_links_stop_working(api: Api, cv: dict[str, Any]) -> None:
    urls = [api.data(RENDER, {"id": cv["id"], "format": f})["renderCv"]["url"] for f in ("PDF", "TEXT", "DOCX")]
    for url in urls:
        download(api, url)
    deleted = api.data("mutation($id: ID!) { deleteCv(id: $id) { __typename } }", {"id": cv["id"]})["deleteCv"]
    assert deleted["__typename"] == "Deleted"
    for url in urls:
        parts = urlsplit(url)
        assert api.client.get(f"{parts.path}?{parts.query}").status_code == 404
