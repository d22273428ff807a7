"""How templates show a photo: only a JPEG `data:` URI from the blob store reaches the HTML (no fetch, nothing
else), portrait swaps its silhouette for it, banner gains it, and nothing changes without one."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest

from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import InProcessRenderer
from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.samples import short_cv
from cvmaker.domain.photos.model import photo_key
from cvmaker.domain.photos.processing import prepare_photo
from cvmaker.services.photos import PhotoTemplates, photo_data_uri
from tests.photos.images import phone_jpeg


@pytest.fixture(scope="module")
def photo_bytes() -> bytes:
    return prepare_photo(phone_jpeg()).data


def with_photo(document: CvDocument, photo: str | None) -> CvDocument:
    return replace(document, basics=replace(document.basics, photo=photo))


def render(document: CvDocument, html: str) -> bytes:
    return InProcessRenderer().render(html, str(REGISTRY.get(document.design.template).asset_dir)).data


def test_portrait_shows_the_photo_in_place_of_the_silhouette(photo_bytes: bytes) -> None:
    document = with_photo(short_cv("portrait"), photo_data_uri(photo_bytes))
    html = REGISTRY.html(document)
    assert (
        '<img class="photo-image" src="data:image/jpeg;base64,' in html and '<svg class="photo-silhouette"' not in html
    )
    pdf = render(document, html)
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        page = opened.pages[0]
        assert len(page.images) == 1
        # Still the name first: the photo carries no text, so a parser reads the CV as before.
        assert (page.extract_text() or "").startswith(document.basics.name)


@pytest.mark.parametrize(
    "value",
    [
        "users/alice/photos/" + "a" * 64 + ".jpg",  # a key, not yet resolved: no photo, no fetch
        'data:image/jpeg;base64,AAAA" onerror="alert(1)',
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        "https://example.com/me.jpg",
        "file:///etc/passwd",
    ],
)
def test_anything_but_a_jpeg_data_uri_shows_no_photo(value: str) -> None:
    for template in ("portrait", "banner"):
        html = REGISTRY.html(with_photo(short_cv(template), value))
        assert value not in html and "<img" not in html


@pytest.mark.parametrize("template", ["portrait", "banner", "classic", "modern"])
def test_without_a_photo_there_is_no_image_and_portrait_keeps_its_silhouette(template: str) -> None:
    html = REGISTRY.html(short_cv(template))
    assert "<img" not in html and 'banner-photo"' not in html
    assert ('<svg class="photo-silhouette"' in html) == (template == "portrait")


def test_photo_templates_read_the_photo_from_the_blob_store(tmp_path: Path, photo_bytes: bytes) -> None:
    blobs = FolderBlobStore(tmp_path / "files", "http://localhost")
    key = photo_key("alice", "b" * 64)
    templates = PhotoTemplates(REGISTRY, blobs)
    document = with_photo(short_cv("portrait"), key)
    assert "<img" not in templates.html(document)  # the file is gone (or never was): the silhouette
    blobs.put(key, photo_bytes, "image/jpeg")
    assert photo_data_uri(photo_bytes) in templates.html(document)
    # Only photo keys are read: a document naming another kind of file shows nothing of it.
    blobs.put("users/alice/uploads/01ARZ3NDEKTSV4RRFFQ69G5FAV", photo_bytes, "image/jpeg")
    other = with_photo(short_cv("portrait"), "users/alice/uploads/01ARZ3NDEKTSV4RRFFQ69G5FAV")
    assert "<img" not in templates.html(other)
    assert templates.names() == REGISTRY.names() and templates.get("portrait") == REGISTRY.get("portrait")
