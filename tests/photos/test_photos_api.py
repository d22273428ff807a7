"""Photos through the app on the embedded default: a signed upload to the app's own endpoint, then `setCvPhoto`,
with real SQLite and real files. What is stored is checked on disk."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pdfplumber
import pytest

from api.settings import Settings
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.graphql.test_rendering_api import RENDER, download
from tests.photos.flows import (
    CREATE_PHOTO_UPLOAD,
    CV_PHOTO,
    REMOVE_PHOTO,
    local_poster,
    new_cv,
    set_photo,
    upload,
)
from tests.photos.images import decode, phone_jpeg, png_bomb, text_named_jpeg, transparent_png

DUPLICATE = "mutation($id: ID!) { duplicateCv(id: $id) { __typename ... on Cv { id version basics { photo } } } }"
DELETE = "mutation($id: ID!) { deleteCv(id: $id) { __typename } }"
EXPORT_JSON = "mutation($id: ID!) { exportJsonResume(id: $id) { __typename ... on JsonResumeDocument { document } } }"


def stored(settings: Settings, key: str) -> Path:
    return settings.data_dir / "files" / key


def uploads_of(settings: Settings, sub: str) -> list[Path]:
    folder = settings.data_dir / "files" / "users" / sub / "uploads"
    return [p for p in folder.glob("*") if p.suffix not in (".meta", ".claim")] if folder.exists() else []


def photos_of(settings: Settings, sub: str) -> list[Path]:
    folder = settings.data_dir / "files" / "users" / sub / "photos"
    return [p for p in folder.glob("*.jpg")] if folder.exists() else []


def test_a_phone_photo_is_stored_without_its_location_and_shown_on_the_cv(api: Api, settings: Settings) -> None:
    cv = new_cv(api)
    upload_id = upload(api, local_poster(api), phone_jpeg())
    result = set_photo(api, cv, upload_id)
    assert result["__typename"] == "Cv" and result["version"] == cv["version"] + 1, result
    key = result["basics"]["photo"]
    assert key.startswith("users/alice/photos/") and key.endswith(".jpg")
    data = stored(settings, key).read_bytes()
    image = decode(data)
    assert image.format == "JPEG" and image.size == (800, 800)
    assert not image.getexif().get_ifd(0x8825) and len(image.getexif()) == 0
    assert b"Exif" not in data and b"Secretville" not in data and b"ICC_PROFILE" not in data
    assert uploads_of(settings, "alice") == []  # the upload is used up
    again = set_photo(api, result, upload_id)
    assert again == {"__typename": "NotFoundError", "message": "Upload not found."}
    link = api.data(CV_PHOTO, {"cv": cv["id"]})["cvPhoto"]
    assert link["key"] == key
    parts = urlsplit(link["url"])
    assert api.client.get(f"{parts.path}?{parts.query}").content == data


def test_a_transparent_png_becomes_a_jpeg_and_a_crop_is_applied(api: Api, settings: Settings) -> None:
    cv = new_cv(api)
    upload_id = upload(api, local_poster(api), transparent_png(), "image/png")
    result = set_photo(api, cv, upload_id, {"x": 200, "y": 0, "size": 200})
    assert result["__typename"] == "Cv", result
    image = decode(stored(settings, result["basics"]["photo"]).read_bytes())
    assert image.format == "JPEG" and image.size == (200, 200)
    red, green, blue = image.getpixel((100, 100))
    assert green > 120 and red < 40 and blue < 40  # only the opaque green half was kept


@pytest.mark.parametrize(
    "data, content_type", [(text_named_jpeg(), "image/jpeg"), (png_bomb(), "image/png")], ids=["text", "bomb"]
)
def test_a_file_that_is_not_an_image_we_take_is_refused_and_nothing_is_kept(
    api: Api, settings: Settings, data: bytes, content_type: str
) -> None:
    cv = new_cv(api)
    upload_id = upload(api, local_poster(api), data, content_type)
    result = set_photo(api, cv, upload_id)
    assert result["__typename"] == "ValidationError", result
    assert [f["path"] for f in result["fields"]] == ["uploadId"]
    after = api.data("query($id: ID!) { cv(id: $id) { version basics { photo } } }", {"id": cv["id"]})["cv"]
    assert after == {"version": cv["version"], "basics": {"photo": None}}
    assert photos_of(settings, "alice") == [] and uploads_of(settings, "alice") == []


def test_upload_tickets_take_images_only_within_the_cap(api: Api) -> None:
    def ticket(content_type: str, size: int) -> dict[str, object]:
        return api.data(CREATE_PHOTO_UPLOAD, {"name": "me.jpg", "type": content_type, "size": size})[
            "createPhotoUpload"
        ]

    assert ticket("image/webp", 1000)["__typename"] == "UploadTicket"
    gif = ticket("image/gif", 1000)
    assert gif["__typename"] == "ValidationError" and gif["fields"] == [
        {"path": "contentType", "message": "must be a JPEG, PNG or WebP image (image/jpeg, image/png, image/webp)"}
    ]
    huge = ticket("image/jpeg", 9 * 1024 * 1024)
    assert huge["__typename"] == "ValidationError" and [f["path"] for f in huge["fields"]] == ["size"]


def test_another_users_cv_or_upload_is_missing(api: Api, settings: Settings) -> None:
    alices = new_cv(api)
    alices_upload = upload(api, local_poster(api), phone_jpeg())
    bobs = new_cv(api, token="token-bob")
    bobs_upload = upload(api, local_poster(api), phone_jpeg(), token="token-bob")
    on_alices_cv = set_photo(api, alices, bobs_upload, token="token-bob")
    assert on_alices_cv == {"__typename": "NotFoundError", "message": "CV not found."}
    with_alices_upload = set_photo(api, bobs, alices_upload, token="token-bob")
    assert with_alices_upload == {"__typename": "NotFoundError", "message": "Upload not found."}
    assert set_photo(api, alices, alices_upload)["__typename"] == "Cv"  # still hers to use
    assert api.data(CV_PHOTO, {"cv": alices["id"]}, token="token-bob")["cvPhoto"] is None
    removed = api.data(REMOVE_PHOTO, {"cv": alices["id"], "version": 2}, token="token-bob")["removeCvPhoto"]
    assert removed["__typename"] == "NotFoundError"
    assert len(photos_of(settings, "alice")) == 1 and photos_of(settings, "bob") == []


def test_a_stale_version_is_a_conflict_and_keeps_the_upload_for_a_retry(api: Api, settings: Settings) -> None:
    cv = new_cv(api)
    upload_id = upload(api, local_poster(api), phone_jpeg())
    stale = set_photo(api, cv, upload_id, version=cv["version"] + 5)
    assert stale == {"__typename": "VersionConflictError", "currentVersion": cv["version"]}
    assert photos_of(settings, "alice") == [] and len(uploads_of(settings, "alice")) == 1
    outside = set_photo(api, cv, upload_id, {"x": 1000, "y": 0, "size": 400})
    assert outside["__typename"] == "ValidationError" and [f["path"] for f in outside["fields"]] == ["crop.x"]
    assert set_photo(api, cv, upload_id)["__typename"] == "Cv"


def test_remove_and_replace_keep_only_the_photo_shown(api: Api, settings: Settings) -> None:
    cv = new_cv(api)
    first = set_photo(api, cv, upload(api, local_poster(api), phone_jpeg()))
    second = set_photo(api, first, upload(api, local_poster(api), phone_jpeg((900, 900))))
    assert second["basics"]["photo"] != first["basics"]["photo"]
    assert [p.name for p in photos_of(settings, "alice")] == [Path(second["basics"]["photo"]).name]
    stale = api.data(REMOVE_PHOTO, {"cv": cv["id"], "version": first["version"]})["removeCvPhoto"]
    assert stale["__typename"] == "VersionConflictError"
    removed = api.data(REMOVE_PHOTO, {"cv": cv["id"], "version": second["version"]})["removeCvPhoto"]
    assert removed["__typename"] == "Cv" and removed["basics"]["photo"] is None
    assert removed["version"] == second["version"] + 1
    assert photos_of(settings, "alice") == []
    assert api.data(CV_PHOTO, {"cv": cv["id"]})["cvPhoto"] is None


def test_deleting_a_cv_deletes_its_photo_unless_a_copy_still_shows_it(api: Api, settings: Settings) -> None:
    cv = new_cv(api)
    with_photo = set_photo(api, cv, upload(api, local_poster(api), phone_jpeg()))
    copy = api.data(DUPLICATE, {"id": cv["id"]})["duplicateCv"]
    assert copy["basics"]["photo"] == with_photo["basics"]["photo"]
    assert api.data(DELETE, {"id": cv["id"]})["deleteCv"]["__typename"] == "Deleted"
    assert len(photos_of(settings, "alice")) == 1  # the copy shows it
    assert api.data(DELETE, {"id": copy["id"]})["deleteCv"]["__typename"] == "Deleted"
    assert photos_of(settings, "alice") == []


def pdf_images(pdf: bytes) -> list[dict[str, object]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return list(document.pages[0].images)


@pytest.mark.parametrize("template", ["portrait", "banner"])
def test_the_photo_is_on_page_one_of_the_pdf_and_changes_the_render(
    api: Api, settings: Settings, template: str
) -> None:
    cv = new_cv(api, template=template)
    before = api.data(RENDER, {"id": cv["id"], "format": "PDF"})["renderCv"]
    assert pdf_images(download(api, before["url"])) == []  # no photo: the silhouette is drawn, not an image
    with_photo = set_photo(api, cv, upload(api, local_poster(api), phone_jpeg()))
    after = api.data(RENDER, {"id": cv["id"], "format": "PDF"})["renderCv"]
    assert after["cached"] is False and after["sha256"] != before["sha256"]
    images = pdf_images(download(api, after["url"]))
    assert len(images) == 1
    removed = api.data(REMOVE_PHOTO, {"cv": cv["id"], "version": with_photo["version"]})["removeCvPhoto"]
    assert removed["__typename"] == "Cv"
    final = api.data(RENDER, {"id": cv["id"], "format": "PDF"})["renderCv"]
    assert pdf_images(download(api, final["url"])) == []


def test_json_resume_leaves_the_photo_out(api: Api) -> None:
    cv = new_cv(api)
    key = set_photo(api, cv, upload(api, local_poster(api), phone_jpeg()))["basics"]["photo"]
    document = api.data(EXPORT_JSON, {"id": cv["id"]})["exportJsonResume"]["document"]
    # No URL to give (the file is private, its links short-lived), and the key is not for other programs.
    assert "image" not in document["basics"] and key not in json.dumps(document)


EXPORT = "mutation { exportMyData { url counts { files } } }"
DELETE_ACCOUNT = """mutation($confirmation: String) { deleteMyAccount(confirmation: $confirmation) { __typename } }"""


def test_the_privacy_export_holds_the_photo_and_account_deletion_removes_it(api: Api, settings: Settings) -> None:
    cv = new_cv(api)
    key = set_photo(api, cv, upload(api, local_poster(api), phone_jpeg()))["basics"]["photo"]
    export = api.data(EXPORT)["exportMyData"]
    with zipfile.ZipFile(io.BytesIO(download(api, export["url"]))) as archive:
        photo = archive.read(f"files/{key.removeprefix('users/alice/')}")
    assert photo == stored(settings, key).read_bytes()
    deleted = api.data(DELETE_ACCOUNT, {"confirmation": "alice@example.com"})["deleteMyAccount"]
    assert deleted["__typename"] == "DeletedAccount", deleted
    assert not stored(settings, key).exists()


def test_setting_photos_counts_against_the_import_quota(settings: Settings, fake_verifier: FakeVerifier) -> None:
    from dataclasses import replace

    from starlette.testclient import TestClient

    from api.app import create_app
    from api.composition import build_runtime

    tight = replace(settings, quotas="import=2/minute")
    with TestClient(create_app(tight, build_runtime(tight, verifier=fake_verifier))) as client:
        api = Api(client)
        cv = new_cv(api)
        for _ in range(2):
            cv = set_photo(api, cv, upload(api, local_poster(api), phone_jpeg()))
            assert cv["__typename"] == "Cv", cv
        upload_id = upload(api, local_poster(api), phone_jpeg())
        refused = api.data(
            """mutation($cv: ID!, $version: Int!, $upload: ID!) {
              setCvPhoto(cvId: $cv, version: $version, uploadId: $upload) { __typename
                ... on QuotaExceededError { kind limit } } }""",
            {"cv": cv["id"], "version": cv["version"], "upload": upload_id},
        )["setCvPhoto"]
        assert refused == {"__typename": "QuotaExceededError", "kind": "import", "limit": 2}
        assert len(uploads_of(tight, "alice")) == 1  # kept, to try again later


def test_no_input_but_set_cv_photo_can_name_a_photo(api: Api) -> None:
    """The document's photo key is read from the blob store when rendering: no client may write one, or it could
    name another person's file."""
    from cvmaker.domain.json_resume.basics import basics_fingerprint

    bobs_key = "users/bob/photos/" + "c" * 64 + ".jpg"
    cv = new_cv(api)
    typed = api.call(
        """mutation($id: ID!, $v: Int!) { updateCv(id: $id, version: $v, input: {basics: {photo: "x"}}) {
          __typename } }""",
        {"id": cv["id"], "v": cv["version"]},
    )
    assert "errors" in typed  # BasicsInput has no photo field
    basics = {"name": "Mallory"}
    smuggled = {
        "basics": basics,
        "meta": {
            "cvmaker": {"version": 1, "basics": {"hash": basics_fingerprint(basics), "extras": {"photo": bobs_key}}}
        },
    }
    imported = api.data(
        """mutation($doc: JSON!) { importJsonResume(document: $doc) { __typename ... on Cv { basics { photo } } } }""",
        {"doc": smuggled},
    )["importJsonResume"]
    assert imported == {"__typename": "Cv", "basics": {"photo": None}}, imported
