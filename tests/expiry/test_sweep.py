"""Expiry on the embedded default: the sweep deletes uploads older than a day and rendered files older than a week,
and nothing else; a swept render is rendered again when asked for; the server sweeps by itself, and so does
`cvmaker sweep`. Time is the stores' and the service's clocks, never a sleep."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.cli import main
from api.composition import build_runtime
from api.settings import Settings
from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
from cvmaker.services.expiry import (
    EXPORT_FOLDERS,
    RENDER_FOLDERS,
    RENDER_LIFETIME,
    UPLOAD_FOLDERS,
    UPLOAD_LIFETIME,
    ExpiryService,
    tagging_for,
)
from cvmaker.services.imports import upload_key
from cvmaker.services.privacy import exports_prefix
from cvmaker.services.rendering import rendered_files_prefix
from tests.conftest import FakeVerifier
from tests.graphql.queries import CREATE, SAMPLE_INPUT

DAY = 86_400.0


class Clock:
    """Epoch seconds for the blob store, a datetime for the service: one timeline for both."""

    def __init__(self) -> None:
        self.now = time.time()

    def seconds(self) -> float:
        return self.now

    def datetime(self) -> datetime:
        return datetime.fromtimestamp(self.now, UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> FolderBlobStore:
    return FolderBlobStore(tmp_path / "files", "http://127.0.0.1:8000", clock=clock.seconds)


def put_at(store: FolderBlobStore, clock: Clock, key: str, at: float) -> None:
    saved, clock.now = clock.now, at
    store.put(key, b"data", "application/octet-stream")
    clock.now = saved


def test_the_folders_swept_are_where_uploads_and_renders_are_kept() -> None:
    assert Path(upload_key("alice", "01J")).parent.match(UPLOAD_FOLDERS)
    assert Path(rendered_files_prefix("alice", "01JCV")).match(RENDER_FOLDERS)
    assert tagging_for(rendered_files_prefix("alice", "01JCV") + "abc.pdf") == "cvmaker-kind=render"
    assert tagging_for(rendered_files_prefix("alice", "01JCV") + "letters/abc.pdf") == "cvmaker-kind=render"
    assert tagging_for(upload_key("alice", "01J")) is None  # tagged by its presigned POST instead
    assert tagging_for("users/alice/renders/not-a-file") is None
    assert tagging_for(exports_prefix("alice") + "01JEX.zip") == "cvmaker-kind=upload"  # a day, like an upload
    assert Path(exports_prefix("alice")).match(EXPORT_FOLDERS)


def test_a_data_export_goes_after_a_day(store: FolderBlobStore, clock: Clock) -> None:
    start = clock.now
    put_at(store, clock, exports_prefix("alice") + "01JOLD.zip", start)
    put_at(store, clock, exports_prefix("bob") + "01JNEW.zip", start + UPLOAD_LIFETIME.total_seconds())
    clock.now = start + UPLOAD_LIFETIME.total_seconds() + 60
    assert ExpiryService(store, clock=clock.datetime).sweep().uploads == 1
    assert not store.exists(exports_prefix("alice") + "01JOLD.zip")
    assert store.exists(exports_prefix("bob") + "01JNEW.zip")


def test_the_sweep_deletes_only_what_has_expired(store: FolderBlobStore, clock: Clock) -> None:
    start = clock.now
    now = start + RENDER_LIFETIME.total_seconds() + 1
    put_at(store, clock, "users/alice/uploads/OLD", now - UPLOAD_LIFETIME.total_seconds() - 1)
    put_at(store, clock, "users/alice/uploads/NEW", now - UPLOAD_LIFETIME.total_seconds() + 60)
    put_at(store, clock, "users/alice/renders/CV1/old.pdf", start)
    put_at(store, clock, "users/alice/renders/CV1/letters/old.pdf", start)
    put_at(store, clock, "users/bob/renders/CV2/new.pdf", now - 6 * DAY)
    put_at(store, clock, "users/alice/other/kept.bin", start)
    clock.now = now
    swept = ExpiryService(store, clock=clock.datetime).sweep()
    assert (swept.uploads, swept.renders, swept.idempotency_keys) == (1, 2, 0)
    kept = {
        "users/alice/uploads/NEW": True,
        "users/alice/uploads/OLD": False,
        "users/alice/renders/CV1/old.pdf": False,
        "users/alice/renders/CV1/letters/old.pdf": False,
        "users/bob/renders/CV2/new.pdf": True,
        "users/alice/other/kept.bin": True,
    }
    assert {key: store.exists(key) for key in kept} == kept
    leftovers = [p.name for p in (store.root / "users/alice/renders/CV1").rglob("*") if p.is_file()]
    assert leftovers == []  # the metadata went with the files
    # Sweeping again finds nothing more; a week later, the rest goes.
    assert ExpiryService(store, clock=clock.datetime).sweep().renders == 0
    clock.now = now + RENDER_LIFETIME.total_seconds()
    again = ExpiryService(store, clock=clock.datetime).sweep()
    assert (again.uploads, again.renders) == (1, 1)
    assert store.exists("users/alice/other/kept.bin")


def test_an_upload_claim_left_after_its_import_is_swept(store: FolderBlobStore, clock: Clock) -> None:
    target = store.upload_target("users/alice/uploads/01JUP", "application/pdf", 1000)
    key = store.accept_upload(target.fields, b"%PDF-1.7", "application/pdf")
    store.delete(key)  # the import read it
    claims = list((store.root / "users/alice/uploads").glob("*.claim"))
    assert len(claims) == 1
    clock.now += UPLOAD_LIFETIME.total_seconds() + 60
    ExpiryService(store, clock=clock.datetime).sweep()
    assert not list((store.root / "users/alice/uploads").iterdir())


def test_a_bad_folder_pattern_is_refused(store: FolderBlobStore) -> None:
    from cvmaker.domain.errors import InvalidKey

    for pattern in ("../etc", "users/../../x", "/abs"):
        with pytest.raises(InvalidKey):
            store.expire(pattern, time.time())


RENDER = """mutation($id: ID!) { renderCv(cvId: $id, format: TEXT) {
  __typename ... on RenderedFile { url cached sha256 } } }"""
CREATE_KEYED = """mutation($key: String) { createCv(input: {title: "Keyed"}, idempotencyKey: $key) {
  __typename ... on Cv { id } } }"""


def test_a_swept_render_is_rendered_again_and_its_old_link_says_so(settings: Settings, fake_verifier: Any) -> None:
    runtime = build_runtime(settings, verifier=fake_verifier)
    headers = {"Authorization": "Bearer token-alice"}
    with TestClient(create_app(settings, runtime)) as client:

        def call(query: str, variables: dict[str, Any]) -> Any:
            body = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers).json()
            assert "errors" not in body, body
            return body["data"]

        cv = call(CREATE, {"input": SAMPLE_INPUT})["createCv"]
        first = call(RENDER, {"id": cv["id"]})["renderCv"]
        assert first["__typename"] == "RenderedFile" and first["cached"] is False
        assert call(RENDER, {"id": cv["id"]})["renderCv"]["cached"] is True
        keyed = call(CREATE_KEYED, {"key": "sweep-key"})["createCv"]

        assert runtime.expiry is not None
        later = datetime.now(UTC) + RENDER_LIFETIME + timedelta(minutes=1)
        runtime.expiry.clock = lambda: later
        swept = runtime.expiry.sweep()
        assert swept.renders == 1 and swept.idempotency_keys == 1

        link = urlsplit(first["url"])
        gone = client.get(f"{link.path}?{link.query}")
        assert gone.status_code == 404 and "render it again" in gone.json()["error"]
        again = call(RENDER, {"id": cv["id"]})["renderCv"]
        assert again["cached"] is False and again["sha256"] == first["sha256"]
        fresh = urlsplit(again["url"])
        assert client.get(f"{fresh.path}?{fresh.query}").status_code == 200
        # The key's 24 hours are over: the same key makes a new CV.
        assert call(CREATE_KEYED, {"key": "sweep-key"})["createCv"]["id"] != keyed["id"]


def test_the_server_sweeps_when_it_starts(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", web_dist=tmp_path / "no-web-app")
    files = FolderBlobStore(settings.data_dir / "files", settings.public_url, clock=lambda: time.time() - 8 * DAY)
    files.put("users/alice/renders/CV1/old.pdf", b"old", "application/pdf")
    files.put("users/alice/uploads/OLD", b"old", "application/pdf")
    app = create_app(settings, build_runtime(settings, verifier=FakeVerifier()))
    with TestClient(app):
        deadline = time.monotonic() + 30
        while files.exists("users/alice/renders/CV1/old.pdf") or files.exists("users/alice/uploads/OLD"):
            assert time.monotonic() < deadline, "the server's sweep did not run"
            time.sleep(0.02)


def test_cvmaker_sweep_deletes_what_has_expired(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    files = FolderBlobStore(data / "files", "http://127.0.0.1:8000", clock=lambda: time.time() - 8 * DAY)
    files.put("users/alice/renders/CV1/old.pdf", b"old", "application/pdf")
    files.put("users/alice/renders/CV1/letters/old.pdf", b"old", "application/pdf")
    files.put("users/alice/uploads/OLD", b"old", "application/pdf")
    assert main(["sweep", "--data-dir", str(data)]) == 0
    assert "swept 1 uploads, 2 rendered files" in capsys.readouterr().out
    assert not files.exists("users/alice/renders/CV1/old.pdf")
