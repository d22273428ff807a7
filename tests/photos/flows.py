"""GraphQL texts and steps shared by the photo suites (the embedded default and the cloud shape)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from tests.graphql.conftest import Api

CREATE_PHOTO_UPLOAD = """mutation($name: String!, $type: String!, $size: Int!) {
  createPhotoUpload(filename: $name, contentType: $type, size: $size) { __typename
    ... on UploadTicket { uploadId url method formFields: fields maxBytes }
    ... on ValidationError { message fields { path message } } } }"""
CV_RESULT = """__typename
  ... on Cv { id version basics { name photo } }
  ... on NotFoundError { message }
  ... on ValidationError { message fields { path message } }
  ... on VersionConflictError { currentVersion }"""
SET_PHOTO = (
    """mutation($cv: ID!, $version: Int!, $upload: ID!, $crop: PhotoCropInput) {
  setCvPhoto(cvId: $cv, version: $version, uploadId: $upload, crop: $crop) { """
    + CV_RESULT
    + " } }"
)
REMOVE_PHOTO = (
    "mutation($cv: ID!, $version: Int!) { removeCvPhoto(cvId: $cv, version: $version) { " + CV_RESULT + " } }"
)
CV_PHOTO = "query($cv: ID!) { cvPhoto(cvId: $cv) { key url } }"
CREATE_CV = """mutation($input: CvInput!) { createCv(input: $input) { __typename ... on Cv { id version } } }"""

# Posts a file to an upload ticket's target: (ticket, data, content type) -> HTTP status.
Poster = Callable[[dict[str, Any], bytes, str], int]


def local_poster(api: Api) -> Poster:
    """The embedded default's own upload endpoint."""

    def post(ticket: dict[str, Any], data: bytes, content_type: str) -> int:
        sent = api.client.post(
            urlsplit(ticket["url"]).path, data=ticket["formFields"], files={"file": ("me.jpg", data, content_type)}
        )
        return sent.status_code

    return post


def new_cv(api: Api, token: str = "token-alice", template: str = "portrait") -> dict[str, Any]:
    cv = api.data(
        CREATE_CV,
        {"input": {"title": "With a photo", "basics": {"name": "Amelia Hartley"}, "design": {"template": template}}},
        token=token,
    )["createCv"]
    assert cv["__typename"] == "Cv", cv
    return cv


def upload(api: Api, post: Poster, data: bytes, content_type: str = "image/jpeg", token: str = "token-alice") -> str:
    ticket = api.data(CREATE_PHOTO_UPLOAD, {"name": "me.jpg", "type": content_type, "size": len(data)}, token=token)[
        "createPhotoUpload"
    ]
    assert ticket["__typename"] == "UploadTicket", ticket
    status = post(ticket, data, content_type)
    assert status in (201, 204), status
    return str(ticket["uploadId"])


def set_photo(
    api: Api,
    cv: dict[str, Any],
    upload_id: str,
    crop: dict[str, int] | None = None,
    token: str = "token-alice",
    version: int | None = None,
) -> dict[str, Any]:
    variables = {"cv": cv["id"], "version": cv["version"] if version is None else version, "upload": upload_id}
    result: dict[str, Any] = api.data(SET_PHOTO, {**variables, "crop": crop}, token=token)["setCvPhoto"]
    return result
