"""Photos on the cloud shape: the presigned POST to S3 (checked as S3 checks it: policy, signature, content type and
length), DynamoDB for the CV, Cognito tokens. The stored photo carries no expiry tag; deleting the CV deletes it."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from api.settings import Settings
from tests.cloud.conftest import CloudApi
from tests.contract.emulator import FAKE_CREDENTIALS
from tests.contract.s3_front_door import S3FrontDoor
from tests.photos.flows import CV_PHOTO, Poster, new_cv, set_photo, upload
from tests.photos.images import decode, phone_jpeg, text_named_jpeg

DELETE = "mutation($id: ID!) { deleteCv(id: $id) { __typename } }"


@pytest.fixture
def s3(settings: Settings) -> Any:
    return boto3.client(
        "s3",
        region_name=settings.aws_region,
        endpoint_url=settings.aws_endpoint_url,
        aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def s3_poster() -> Poster:
    front_door = S3FrontDoor(FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"])

    def post(ticket: dict[str, Any], data: bytes, content_type: str) -> int:
        return front_door.post(ticket["url"], ticket["formFields"], "me.jpg", data, content_type).status_code

    return post


def test_a_photo_goes_through_s3_and_leaves_with_its_cv(api: CloudApi, settings: Settings, s3: Any) -> None:
    alice = api.users.subs["token-alice"]
    cv = new_cv(api)
    result = set_photo(api, cv, upload(api, s3_poster(), phone_jpeg()))
    assert result["__typename"] == "Cv", result
    key = result["basics"]["photo"]
    assert key.startswith(f"users/{alice}/photos/")
    stored = s3.get_object(Bucket=settings.s3_bucket, Key=key)
    assert stored["ContentType"] == "image/jpeg"
    image = decode(stored["Body"].read())
    assert image.size == (800, 800) and not image.getexif().get_ifd(0x8825)
    assert s3.get_object_tagging(Bucket=settings.s3_bucket, Key=key)["TagSet"] == []  # kept, not expired
    uploads = s3.list_objects_v2(Bucket=settings.s3_bucket, Prefix=f"users/{alice}/uploads/")
    assert uploads.get("KeyCount", 0) == 0
    assert api.data(CV_PHOTO, {"cv": cv["id"]}, token="token-bob")["cvPhoto"] is None
    assert api.data(DELETE, {"id": cv["id"]})["deleteCv"]["__typename"] == "Deleted"
    left = s3.list_objects_v2(Bucket=settings.s3_bucket, Prefix=f"users/{alice}/photos/")
    assert left.get("KeyCount", 0) == 0


def test_on_s3_too_the_bytes_decide_not_the_declared_type(api: CloudApi) -> None:
    cv = new_cv(api)
    # Signed for and posted as a JPEG (S3 stores the form's Content-Type), but text inside: refused by its bytes.
    refused = set_photo(api, cv, upload(api, s3_poster(), text_named_jpeg()))
    assert refused["__typename"] == "ValidationError" and refused["fields"][0]["path"] == "uploadId"
    too_big = api.data(
        'mutation { createPhotoUpload(filename: "me.jpg", contentType: "image/jpeg", size: 6000000) { __typename } }'
    )["createPhotoUpload"]
    assert too_big["__typename"] == "ValidationError"
