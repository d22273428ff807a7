"""`renderCv` on the cloud shape: the file goes to S3 and comes back through a presigned URL that S3's own checks
accept (moto behind `S3FrontDoor`), served as an attachment; a second render is served from S3 as a cache hit."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from api.settings import Settings
from tests.cloud.conftest import CloudApi
from tests.contract.emulator import FAKE_CREDENTIALS
from tests.contract.s3_front_door import S3FrontDoor
from tests.graphql.queries import CREATE, SAMPLE_INPUT
from tests.graphql.test_rendering_api import RENDER


def test_a_rendered_pdf_is_stored_in_s3_and_downloaded_by_presigned_url(api: CloudApi, settings: Settings) -> None:
    cv = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    first = api.data(RENDER, {"id": cv["id"], "format": "PDF"})["renderCv"]
    assert first["__typename"] == "RenderedFile" and first["cached"] is False, first
    url = urlsplit(first["url"])
    assert f"{url.scheme}://{url.netloc}" == settings.aws_endpoint_url
    assert url.path.startswith(f"/{settings.s3_bucket}/")
    front_door = S3FrontDoor(FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"])
    response = front_door.get(first["url"])
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"%PDF") and hashlib.sha256(response.content).hexdigest() == first["sha256"]
    assert response.headers["content-disposition"].startswith("attachment;")
    again = api.data(RENDER, {"id": cv["id"], "format": "PDF"})["renderCv"]
    assert again["cached"] is True and again["sha256"] == first["sha256"]
    stolen = api.data(RENDER, {"id": cv["id"], "format": "PDF"}, token="token-bob")["renderCv"]
    assert stolen == {"__typename": "NotFoundError", "message": "CV not found."}
