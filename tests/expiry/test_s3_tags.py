"""Expiry in the cloud shape, on S3 and DynamoDB served by moto over HTTP: rendered files are put with the tag the
bucket's lifecycle rule expires, uploads carry theirs from the presigned POST, nothing needs a sweep; and an
idempotency key holds on DynamoDB through the whole app."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from cvmaker.adapters.aws.provisioning import create_bucket, create_table
from tests.conftest import FakeVerifier
from tests.contract.emulator import Emulator
from tests.graphql.queries import SAMPLE_INPUT

CREATE = """mutation($input: CvInput!, $key: String) { createCv(input: $input, idempotencyKey: $key) {
  __typename ... on Cv { id } ... on IdempotencyConflictError { reason } } }"""
RENDER = """mutation($id: ID!) { renderCv(cvId: $id, format: TEXT) { __typename ... on RenderedFile { url } } }"""
UPLOAD = """mutation($size: Int!) { createUpload(filename: "cv.json", contentType: "application/json", size: $size) {
  __typename ... on UploadTicket { uploadId url fields } } }"""
LIST = "{ cvs { edges { node { id } } } }"


@pytest.fixture
def cloud(tmp_path: Path, emulator: Emulator, fake_verifier: FakeVerifier) -> Iterator[tuple[TestClient, Any, str]]:
    name = f"expiry-{uuid.uuid4().hex[:12]}"
    dynamodb, s3 = emulator.client("dynamodb"), emulator.client("s3")
    create_table(dynamodb, name)
    create_bucket(s3, name, emulator.region)
    settings = Settings(
        data_dir=tmp_path / "data",
        web_dist=tmp_path / "no-web-app",
        storage="dynamodb",
        blobs="s3",
        aws_region=emulator.region,
        aws_endpoint_url=emulator.endpoint_url,
        dynamodb_table=name,
        s3_bucket=name,
    )
    runtime = build_runtime(settings, verifier=fake_verifier)
    assert runtime.expiry is None  # S3's lifecycle rules and DynamoDB's TTL expire everything here
    with TestClient(create_app(settings, runtime)) as client:
        yield client, s3, name
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=name):
        for item in page.get("Contents", []):
            s3.delete_object(Bucket=name, Key=item["Key"])
    s3.delete_bucket(Bucket=name)
    dynamodb.delete_table(TableName=name)


def graphql(client: TestClient, query: str, variables: dict[str, Any]) -> Any:
    body = client.post(
        "/graphql", json={"query": query, "variables": variables}, headers={"Authorization": "Bearer token-alice"}
    ).json()
    assert "errors" not in body, body
    return body["data"]


def tags(s3: Any, bucket: str, key: str) -> list[dict[str, str]]:
    tag_set: list[dict[str, str]] = s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
    return tag_set


def test_a_rendered_file_is_tagged_to_expire(cloud: tuple[TestClient, Any, str]) -> None:
    client, s3, bucket = cloud
    cv = graphql(client, CREATE, {"input": SAMPLE_INPUT})["createCv"]
    assert graphql(client, RENDER, {"id": cv["id"]})["renderCv"]["__typename"] == "RenderedFile"
    [key] = [item["Key"] for item in s3.list_objects_v2(Bucket=bucket, Prefix="users/")["Contents"]]
    assert key.startswith(f"users/alice/renders/{cv['id']}/")
    assert tags(s3, bucket, key) == [{"Key": "cvmaker-kind", "Value": "render"}]


def test_an_upload_is_tagged_to_expire_by_its_presigned_post(cloud: tuple[TestClient, Any, str]) -> None:
    """S3 applies a POST's `tagging` field to the object it stores; moto stores the object but ignores the field
    (so the object's tags cannot be read back here). What can be checked: the form sends the tag the lifecycle
    rule filters on, and the signed policy requires it, so a POST without it is refused by S3."""
    client, s3, bucket = cloud
    document = b'{"basics": {"name": "Grace Hopper"}}'
    ticket = graphql(client, UPLOAD, {"size": len(document)})["createUpload"]
    tag_set = ElementTree.fromstring(ticket["fields"]["tagging"]).find("TagSet")
    assert tag_set is not None
    assert [(tag.findtext("Key"), tag.findtext("Value")) for tag in tag_set] == [("cvmaker-kind", "upload")]
    policy = json.loads(base64.b64decode(ticket["fields"]["policy"]))
    assert {"tagging": ticket["fields"]["tagging"]} in policy["conditions"]
    posted = httpx.post(ticket["url"], data=ticket["fields"], files={"file": ("cv.json", document, "application/json")})
    assert posted.status_code < 300, posted.text
    assert s3.head_object(Bucket=bucket, Key=f"users/alice/uploads/{ticket['uploadId']}")["ContentLength"] > 0


def test_an_idempotency_key_holds_on_dynamodb(cloud: tuple[TestClient, Any, str]) -> None:
    client, _, _ = cloud
    first = graphql(client, CREATE, {"input": SAMPLE_INPUT, "key": "cloud-1"})["createCv"]
    again = graphql(client, CREATE, {"input": SAMPLE_INPUT, "key": "cloud-1"})["createCv"]
    other = graphql(client, CREATE, {"input": {"title": "Other"}, "key": "cloud-1"})["createCv"]
    assert again == first and other == {"__typename": "IdempotencyConflictError", "reason": "key_reused"}
    assert [edge["node"]["id"] for edge in graphql(client, LIST, {})["cvs"]["edges"]] == [first["id"]]
