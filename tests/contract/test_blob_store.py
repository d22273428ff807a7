"""The `BlobStore` contract, run on every implementation: the folder (embedded default, its signed URLs served by
the app's own routes) and S3 (cloud shape, moto behind `S3FrontDoor`, which checks signatures and policies as
S3 does). A browser's view is the same on both: it GETs a download URL, and POSTs a form to an upload target."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, unquote

import httpx
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.file_routes import file_routes
from cvmaker.adapters.aws.provisioning import create_bucket
from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
from cvmaker.adapters.storage.s3_blobs import S3BlobStore
from cvmaker.ports import BlobStore, UploadTarget
from tests.contract.emulator import FAKE_CREDENTIALS, Emulator
from tests.contract.s3_front_door import S3FrontDoor

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PDF_TYPE = "application/pdf"
ROUTE_UPLOAD_CAP = 5 * 1024 * 1024


class Browser(Protocol):
    """What a browser (or an integrator's program) does with the URLs a store hands out."""

    def get(self, url: str) -> httpx.Response: ...

    def post(self, target: UploadTarget, fields: dict[str, str], data: bytes, file_type: str) -> httpx.Response: ...

    def wait(self, seconds: float) -> None:
        """Let `seconds` pass for the signatures' expiry."""
        ...

    def loosen_size_limit(self, target: UploadTarget, max_bytes: int) -> dict[str, str]:
        """The target's form with its size limit edited by the client, as an attacker would."""
        ...


@dataclass
class Clock:
    now: float = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class AppBrowser:
    """The folder store's URLs, served by the app's real routes (`api.file_routes`)."""

    client: TestClient
    clock: Clock

    def get(self, url: str) -> Any:
        return self.client.get(url)

    def post(self, target: UploadTarget, fields: dict[str, str], data: bytes, file_type: str) -> Any:
        return self.client.post(target.url, data=fields, files={"file": ("cv.pdf", data, file_type)})

    def wait(self, seconds: float) -> None:
        self.clock.now += seconds

    def loosen_size_limit(self, target: UploadTarget, max_bytes: int) -> dict[str, str]:
        return {**target.fields, "max-bytes": str(max_bytes)}


@dataclass
class S3Browser:
    front_door: S3FrontDoor = field(default_factory=lambda: S3FrontDoor(FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"]))

    def get(self, url: str) -> httpx.Response:
        return self.front_door.get(url)

    def post(self, target: UploadTarget, fields: dict[str, str], data: bytes, file_type: str) -> httpx.Response:
        return self.front_door.post(target.url, fields, "cv.pdf", data, file_type)

    def wait(self, seconds: float) -> None:
        self.front_door.offset += seconds

    def loosen_size_limit(self, target: UploadTarget, max_bytes: int) -> dict[str, str]:
        policy = json.loads(base64.b64decode(target.fields["policy"]))
        for condition in policy["conditions"]:
            if isinstance(condition, list) and condition[0] == "content-length-range":
                condition[2] = max_bytes
        return {**target.fields, "policy": base64.b64encode(json.dumps(policy).encode()).decode()}


@pytest.fixture(params=["folder", "s3"])
def store_and_browser(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[BlobStore, Browser]]:
    if request.param == "folder":
        clock = Clock()
        store = FolderBlobStore(tmp_path / "files", "http://testserver", secret=b"k" * 32, clock=clock)
        app = Starlette(routes=file_routes(store, ROUTE_UPLOAD_CAP))
        with TestClient(app) as client:
            yield store, AppBrowser(client, clock)
        return
    emulator: Emulator = request.getfixturevalue("emulator")
    s3 = emulator.client("s3")
    bucket = f"cvmaker-{uuid.uuid4().hex[:12]}"
    create_bucket(s3, bucket, emulator.region)
    browser = S3Browser()
    try:
        yield S3BlobStore(bucket, lambda: s3), browser
    finally:
        browser.front_door.http.close()
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for obj in page.get("Contents", []):
                s3.delete_object(Bucket=bucket, Key=obj["Key"])
        s3.delete_bucket(Bucket=bucket)


@pytest.fixture
def store(store_and_browser: tuple[BlobStore, Browser]) -> BlobStore:
    return store_and_browser[0]


@pytest.fixture
def browser(store_and_browser: tuple[BlobStore, Browser]) -> Browser:
    return store_and_browser[1]


def upload_fields(target: UploadTarget, file_type: str | None = None) -> dict[str, str]:
    fields = dict(target.fields)
    if file_type is not None:  # a client claiming another type than the one signed
        fields["Content-Type"] = file_type
    return fields


# ---------------------------------------------------------------- storage


def test_put_get_exists_delete(store: BlobStore) -> None:
    key = "users/alice/renders/cv.pdf"
    assert store.get(key) is None and store.exists(key) is False
    store.put(key, PDF, PDF_TYPE)
    assert store.get(key) == PDF and store.exists(key) is True
    store.put(key, b"%PDF-2.0 replaced", PDF_TYPE)
    assert store.get(key) == b"%PDF-2.0 replaced"
    store.delete(key)
    assert store.get(key) is None and store.exists(key) is False
    store.delete(key)  # deleting what is gone is not an error


def test_keys_are_independent(store: BlobStore) -> None:
    store.put("users/alice/a.pdf", b"alice", PDF_TYPE)
    store.put("users/bob/a.pdf", b"bob", PDF_TYPE)
    store.delete("users/alice/a.pdf")
    assert store.get("users/bob/a.pdf") == b"bob"


def test_a_prefix_is_deleted_whole_and_nothing_beside_it(store: BlobStore) -> None:
    for key in (
        "users/alice/renders/cv1/a.pdf",
        "users/alice/renders/cv1/letters/b.pdf",
        "users/alice/renders/cv10/c.pdf",
        "users/bob/renders/cv1/d.pdf",
    ):
        store.put(key, b"x", PDF_TYPE)
    assert store.delete_prefix("users/alice/renders/cv1/") == 2
    assert not store.exists("users/alice/renders/cv1/a.pdf")
    assert not store.exists("users/alice/renders/cv1/letters/b.pdf")
    assert store.exists("users/alice/renders/cv10/c.pdf") and store.exists("users/bob/renders/cv1/d.pdf")
    assert store.delete_prefix("users/alice/renders/none/") == 0


# ---------------------------------------------------------------- downloads


def test_a_download_url_serves_the_file_as_an_attachment(store: BlobStore, browser: Browser) -> None:
    store.put("users/alice/renders/cv.pdf", PDF, PDF_TYPE)
    response = browser.get(store.download_url("users/alice/renders/cv.pdf", "Ada Lovelace CV.pdf"))
    assert response.status_code == 200
    assert response.content == PDF
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and "Ada Lovelace CV.pdf" in disposition.replace("%20", " ")


@pytest.mark.parametrize("name", ["Elif Şahin CV.pdf", "王芳 CV.pdf", "فاطمة الزهراء CV.pdf", "Sam 🌈 Rivers CV.pdf"])
def test_a_download_keeps_a_name_in_any_script(store: BlobStore, browser: Browser, name: str) -> None:
    """RFC 6266: an ASCII fallback for old clients and the UTF-8 `filename*` that gives back the name exactly
    (the header itself can hold Latin-1 at most)."""
    store.put("users/alice/renders/cv.pdf", PDF, PDF_TYPE)
    response = browser.get(store.download_url("users/alice/renders/cv.pdf", name))
    assert response.status_code == 200 and response.content == PDF
    disposition = response.headers["content-disposition"]
    disposition.encode("ascii")
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name


def test_a_download_url_expires(store: BlobStore, browser: Browser) -> None:
    store.put("users/alice/cv.pdf", PDF, PDF_TYPE)
    url = store.download_url("users/alice/cv.pdf", "cv.pdf", expires_in=60)
    browser.wait(30)
    assert browser.get(url).status_code == 200
    browser.wait(60)
    expired = browser.get(url)
    assert expired.status_code == 403 and PDF not in expired.content


def test_a_download_url_edited_to_name_another_file_is_refused(store: BlobStore, browser: Browser) -> None:
    store.put("users/alice/cv.pdf", b"alice's", PDF_TYPE)
    store.put("users/bob/cv.pdf", b"bob's", PDF_TYPE)
    url = store.download_url("users/alice/cv.pdf", "cv.pdf")
    assert quote("users/alice/cv.pdf") in url
    tampered = browser.get(url.replace(quote("users/alice/cv.pdf"), quote("users/bob/cv.pdf")))
    assert tampered.status_code == 403 and b"bob's" not in tampered.content


def test_a_download_url_of_a_deleted_file_serves_nothing(store: BlobStore, browser: Browser) -> None:
    store.put("users/alice/cv.pdf", PDF, PDF_TYPE)
    url = store.download_url("users/alice/cv.pdf", "cv.pdf")
    store.delete("users/alice/cv.pdf")
    gone = browser.get(url)
    # 404 from the folder and from S3; moto answers this one case with a spurious SignatureDoesNotMatch (403).
    assert gone.status_code in (403, 404) and PDF not in gone.content


# ---------------------------------------------------------------- uploads


def test_an_upload_target_takes_one_file_of_the_signed_type_and_size(store: BlobStore, browser: Browser) -> None:
    target = store.upload_target("users/alice/uploads/u1", PDF_TYPE, max_bytes=len(PDF), expires_in=300)
    assert target.method == "POST" and target.max_bytes == len(PDF)
    response = browser.post(target, upload_fields(target), PDF, PDF_TYPE)
    assert response.status_code in (200, 201, 204), response.text
    assert store.get("users/alice/uploads/u1") == PDF


def test_an_upload_over_the_size_limit_is_refused(store: BlobStore, browser: Browser) -> None:
    target = store.upload_target("users/alice/uploads/u1", PDF_TYPE, max_bytes=1000)
    response = browser.post(target, upload_fields(target), b"%PDF" + b"x" * 1000, PDF_TYPE)
    assert response.status_code in (400, 403)
    assert not store.exists("users/alice/uploads/u1")


def test_an_upload_target_whose_limit_was_edited_is_refused(store: BlobStore, browser: Browser) -> None:
    target = store.upload_target("users/alice/uploads/u1", PDF_TYPE, max_bytes=1000)
    loosened = browser.loosen_size_limit(target, 10_000_000)
    response = browser.post(target, loosened, b"%PDF" + b"x" * 5000, PDF_TYPE)
    assert response.status_code == 403
    assert not store.exists("users/alice/uploads/u1")


def test_an_upload_of_another_type_than_signed_is_refused(store: BlobStore, browser: Browser) -> None:
    target = store.upload_target("users/alice/uploads/u1", PDF_TYPE, max_bytes=10_000)
    response = browser.post(target, upload_fields(target, "text/html"), b"<script>alert(1)</script>", "text/html")
    assert response.status_code == 403
    assert not store.exists("users/alice/uploads/u1")


def test_an_upload_to_another_key_than_signed_is_refused(store: BlobStore, browser: Browser) -> None:
    store.put("users/bob/uploads/u9", b"bob's file", PDF_TYPE)
    target = store.upload_target("users/alice/uploads/u1", PDF_TYPE, max_bytes=10_000)
    fields = {**target.fields, "key": "users/bob/uploads/u9"}
    response = browser.post(target, fields, PDF[:1000], PDF_TYPE)
    assert response.status_code == 403
    assert store.get("users/bob/uploads/u9") == b"bob's file"
    assert not store.exists("users/alice/uploads/u1")


def test_an_upload_target_expires(store: BlobStore, browser: Browser) -> None:
    target = store.upload_target("users/alice/uploads/u1", PDF_TYPE, max_bytes=10_000, expires_in=60)
    browser.wait(120)
    response = browser.post(target, upload_fields(target), PDF[:1000], PDF_TYPE)
    assert response.status_code == 403
    assert not store.exists("users/alice/uploads/u1")


def test_an_upload_target_says_when_it_expires(store: BlobStore) -> None:
    before = store.upload_target("users/alice/uploads/a", PDF_TYPE, max_bytes=10, expires_in=60).expires_at
    later = store.upload_target("users/alice/uploads/b", PDF_TYPE, max_bytes=10, expires_in=600).expires_at
    assert 530 <= later - before <= 541
