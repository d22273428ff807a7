"""The folder BlobStore and its HTTP endpoints: signed downloads, single-use signed uploads."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
from cvmaker.domain.errors import BadSignature, InvalidKey


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> FolderBlobStore:
    return FolderBlobStore(tmp_path / "files", "http://testserver", secret=b"k" * 32, clock=clock)


def test_put_get_exists_delete(store: FolderBlobStore) -> None:
    store.put("users/a/renders/x.pdf", b"%PDF-1.7 data", "application/pdf")
    assert store.exists("users/a/renders/x.pdf") and store.get("users/a/renders/x.pdf") == b"%PDF-1.7 data"
    assert store.content_type("users/a/renders/x.pdf") == "application/pdf"
    store.delete("users/a/renders/x.pdf")
    assert not store.exists("users/a/renders/x.pdf") and store.get("users/a/renders/x.pdf") is None


@pytest.mark.parametrize("key", ["../etc/passwd", "users/../../x", "/abs", "a//b", "a/", "a\x00b", ""])
def test_keys_cannot_escape_the_folder(store: FolderBlobStore, key: str) -> None:
    with pytest.raises(InvalidKey):
        store.put(key, b"x", "text/plain")


def test_signed_download_refuses_tampering_and_expiry(store: FolderBlobStore, clock: Clock) -> None:
    url = store.download_url("users/a/cv.pdf", "cv.pdf", expires_in=60)
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    store.verify_download("users/a/cv.pdf", query["expires"], query["name"], query["signature"])
    with pytest.raises(BadSignature):
        store.verify_download("users/b/cv.pdf", query["expires"], query["name"], query["signature"])
    with pytest.raises(BadSignature):
        store.verify_download("users/a/cv.pdf", str(int(query["expires"]) + 999), query["name"], query["signature"])
    clock.now += 61
    with pytest.raises(BadSignature, match="expired"):
        store.verify_download("users/a/cv.pdf", query["expires"], query["name"], query["signature"])


def test_upload_ticket_is_pinned_and_single_use(store: FolderBlobStore, clock: Clock) -> None:
    target = store.upload_target("users/a/uploads/1", "application/pdf", max_bytes=100, expires_in=300)
    fields = dict(target.fields)
    with pytest.raises(BadSignature, match="content type"):
        store.accept_upload(fields, b"%PDF", "text/html")
    with pytest.raises(BadSignature, match="larger"):
        store.accept_upload(fields, b"x" * 101, "application/pdf")
    with pytest.raises(BadSignature):
        store.accept_upload({**fields, "key": "users/b/uploads/1"}, b"%PDF", "application/pdf")
    with pytest.raises(BadSignature):
        store.accept_upload({**fields, "max-bytes": "999999"}, b"%PDF", "application/pdf")
    assert store.accept_upload(fields, b"%PDF", "application/pdf") == "users/a/uploads/1"
    with pytest.raises(BadSignature, match="already used"):
        store.accept_upload(fields, b"%PDF-other", "application/pdf")
    assert store.get("users/a/uploads/1") == b"%PDF"
    late = store.upload_target("users/a/uploads/2", "application/pdf", max_bytes=100, expires_in=300)
    clock.now += 301
    with pytest.raises(BadSignature, match="expired"):
        store.accept_upload(dict(late.fields), b"%PDF", "application/pdf")


@pytest.fixture
def client(settings: Any, fake_verifier: Any) -> TestClient:
    app = create_app(settings, build_runtime(settings, verifier=fake_verifier))
    with TestClient(app) as test_client:
        yield test_client


def test_http_upload_then_signed_download(client: TestClient) -> None:
    blobs = client.app.state.runtime.blobs  # type: ignore[attr-defined]
    target = blobs.upload_target("users/alice/uploads/9", "application/pdf", max_bytes=1000)
    path = urlsplit(target.url).path
    sent = client.post(path, data=target.fields, files={"file": ("cv.pdf", b"%PDF-1.7 hello", "application/pdf")})
    assert sent.status_code == 204, sent.text
    again = client.post(path, data=target.fields, files={"file": ("cv.pdf", b"%PDF-1.7 other", "application/pdf")})
    assert again.status_code == 403
    too_big = blobs.upload_target("users/alice/uploads/10", "application/pdf", max_bytes=10)
    assert (
        client.post(path, data=too_big.fields, files={"file": ("cv.pdf", b"%PDF" * 10, "application/pdf")}).status_code
        == 403
    )
    url = urlsplit(blobs.download_url("users/alice/uploads/9", "my cv.pdf"))
    got = client.get(f"{url.path}?{url.query}")
    assert got.status_code == 200 and got.content == b"%PDF-1.7 hello"
    assert got.headers["content-disposition"] == "attachment; filename=\"my cv.pdf\"; filename*=UTF-8''my%20cv.pdf"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert client.get(f"{url.path}?{url.query.replace('signature=', 'signature=0')}").status_code == 403


def test_html_uploaded_under_a_pdf_name_is_never_served_as_html(client: TestClient) -> None:
    blobs = client.app.state.runtime.blobs  # type: ignore[attr-defined]
    blobs.put("users/alice/uploads/evil", b"<script>alert(1)</script>", "text/html")
    url = urlsplit(blobs.download_url("users/alice/uploads/evil", "cv.pdf"))
    got = client.get(f"{url.path}?{url.query}")
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-disposition"].startswith("attachment")


def test_a_forged_signature_in_any_script_is_refused_not_crashed(tmp_path: Path) -> None:
    blobs = FolderBlobStore(tmp_path / "files", "http://files.test")
    blobs.put("users/alice/renders/x.pdf", b"%PDF", "application/pdf")
    for signature in ("ŞŞ", "𘮢äõ", "\udc80", ""):
        with pytest.raises(BadSignature):
            blobs.verify_download("users/alice/renders/x.pdf", "9999999999", "n\udc80", signature)
        with pytest.raises(BadSignature):
            blobs.accept_upload(
                {
                    "key": "users/a/uploads/1",
                    "Content-Type": "application/pdf",
                    "max-bytes": "9",
                    "expires": "²",
                    "signature": signature,
                },
                b"x",
                "application/pdf",
            )
