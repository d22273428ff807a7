"""`deleteMyAccount` on the cloud shape: DynamoDB, S3 and Cognito served by moto over HTTP, vectors in the Pinecone
stand-in through the real SDK. After a deletion, listing every DynamoDB item, S3 object, Cognito user and Pinecone
namespace shows nothing of the owner, the other user keeps everything, and the old token is refused."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
import requests
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from cvmaker.adapters.aws.provisioning import (
    UserPool,
    create_bucket,
    create_table,
    create_user,
    create_user_pool,
    sign_in,
)
from cvmaker.adapters.privacy.session_cutoffs import MAX_TOKEN_SECONDS, revoked_key
from tests.contract.emulator import Emulator, running_emulator
from tests.graphql.conftest import Api
from tests.matching.pinecone_standin import PineconeStandIn
from tests.privacy.flows import (
    CREATE_UPLOAD,
    DELETE_ACCOUNT,
    EXPORT,
    LIST_CVS,
    UPLOADED,
    give_everything,
    read_zip,
)

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as started:
        yield started


@pytest.fixture(scope="module")
def pinecone() -> Iterator[PineconeStandIn]:
    with PineconeStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def pool(emulator: Emulator) -> UserPool:
    return create_user_pool(
        emulator.client("cognito-idp"), f"privacy-{uuid.uuid4().hex[:8]}", emulator.region, emulator.endpoint_url
    )


@pytest.fixture
def settings(tmp_path: Path, emulator: Emulator, pool: UserPool, pinecone: PineconeStandIn) -> Settings:
    name = f"privacy-{uuid.uuid4().hex[:12]}"
    create_table(emulator.client("dynamodb"), name)
    create_bucket(emulator.client("s3"), name, emulator.region)
    return Settings(
        data_dir=tmp_path / "data",
        web_dist=tmp_path / "no-web-app",
        storage="dynamodb",
        blobs="s3",
        auth="cognito",
        vectors="pinecone",
        pinecone_api_key=pinecone.api_key,
        pinecone_host=pinecone.host,
        aws_region=emulator.region,
        aws_endpoint_url=emulator.endpoint_url,
        dynamodb_table=name,
        s3_bucket=name,
        cognito_issuer=pool.issuer,
        cognito_jwks_url=pool.jwks_url,
        cognito_client_ids=(pool.web_client_id,),
        cognito_user_pool_id=pool.pool_id,
    )


@pytest.fixture
def api(settings: Settings) -> Iterator[Api]:
    with TestClient(create_app(settings, build_runtime(settings))) as client:
        yield Api(client)


def own_client(emulator: Emulator, service: str) -> Any:
    """A client apart from the app's, so the test's listing (a scan) is not counted as the app's calls."""
    return boto3.client(service, region_name=emulator.region, endpoint_url=emulator.endpoint_url)


def every_item(emulator: Emulator, table: str) -> list[dict[str, Any]]:
    pages = own_client(emulator, "dynamodb").get_paginator("scan").paginate(TableName=table, ConsistentRead=True)
    return [item for page in pages for item in page["Items"]]


def every_object(emulator: Emulator, bucket: str) -> list[str]:
    pages = own_client(emulator, "s3").get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return [item["Key"] for page in pages for item in page.get("Contents", [])]


def every_user(emulator: Emulator, pool: UserPool) -> list[dict[str, str]]:
    users = own_client(emulator, "cognito-idp").list_users(UserPoolId=pool.pool_id)["Users"]
    return [{a["Name"]: a["Value"] for a in user["Attributes"]} for user in users]


def post_to_s3(ticket: dict[str, Any]) -> None:
    sent = requests.post(
        ticket["url"], data=ticket["formFields"], files={"file": ("cv.json", UPLOADED, "application/json")}, timeout=10
    )
    assert sent.status_code in (200, 204), sent.text


def test_deleting_an_account_leaves_nothing_of_the_owner_in_the_cloud(
    api: Api, emulator: Emulator, settings: Settings, pool: UserPool, pinecone: PineconeStandIn, monkeypatch: Any
) -> None:
    cognito = emulator.client("cognito-idp")
    subs, tokens = {}, {}
    for name in ("alice", "bob"):
        subs[name] = create_user(cognito, pool, f"{name}@example.com", PASSWORD)
        tokens[name] = sign_in(cognito, pool, f"{name}@example.com", PASSWORD)["AccessToken"]
    # The folder store's upload endpoint does not exist here: the ticket is an S3 presigned POST.
    monkeypatch.setattr("tests.privacy.flows.post_upload", lambda api, ticket, data: post_to_s3(ticket))
    for name in ("alice", "bob"):
        give_everything(api, tokens[name], name.title())

    export = api.data(EXPORT, token=tokens["alice"])["exportMyData"]
    assert export["counts"] == {"cvs": 1, "revisions": 3, "jobs": 1, "coverLetters": 1, "files": 2}
    entries = read_zip(requests.get(export["url"], timeout=10).content)
    assert json.loads(entries["account.json"])["email"] == "alice@example.com"

    items = every_item(emulator, settings.dynamodb_table)
    assert any(item["PK"]["S"] == f"USER#{subs['alice']}" for item in items)
    assert any(key.startswith(f"users/{subs['alice']}/") for key in every_object(emulator, settings.s3_bucket))
    assert pinecone.namespaces.get(subs["alice"]) and pinecone.namespaces.get(subs["bob"])
    bobs_items = [item for item in items if item["PK"]["S"] == f"USER#{subs['bob']}"]
    bobs_objects = [key for key in every_object(emulator, settings.s3_bucket) if subs["bob"] in key]

    # Cognito holds the password: the account's email confirms, anything else deletes nothing.
    wrong = api.data(DELETE_ACCOUNT, {"confirmation": "bob@example.com"}, token=tokens["alice"])["deleteMyAccount"]
    assert wrong["__typename"] == "ValidationError" and wrong["fields"][0]["path"] == "confirmation"
    assert len(every_item(emulator, settings.dynamodb_table)) == len(items)
    deleted = api.data(DELETE_ACCOUNT, {"confirmation": "Alice@Example.com "}, token=tokens["alice"])
    assert deleted["deleteMyAccount"]["__typename"] == "DeletedAccount", deleted
    assert deleted["deleteMyAccount"]["identityDeleted"] is True

    # Nothing of Alice remains: no item names her, no object is hers, no Cognito user, no vectors.
    remaining = every_item(emulator, settings.dynamodb_table)
    assert not [item for item in remaining if subs["alice"] in json.dumps(item) or "alice@" in json.dumps(item)]
    tombstones = [item for item in remaining if item["PK"]["S"].startswith("REVOKED#")]
    # Only the cut-off that keeps her tokens refused: keyed by a hash, gone by TTL once they have expired.
    assert [item["PK"]["S"] for item in tombstones] == [revoked_key(subs["alice"])]
    assert int(tombstones[0]["expiresAt"]["N"]) <= time.time() + MAX_TOKEN_SECONDS + 2
    assert not [key for key in every_object(emulator, settings.s3_bucket) if subs["alice"] in key]
    assert [user["email"] for user in every_user(emulator, pool)] == ["bob@example.com"]
    assert subs["alice"] not in pinecone.namespaces
    # Bob's data is untouched.
    assert [item for item in remaining if item["PK"]["S"] == f"USER#{subs['bob']}"] == bobs_items
    assert [key for key in every_object(emulator, settings.s3_bucket) if subs["bob"] in key] == bobs_objects
    assert pinecone.namespaces.get(subs["bob"])
    assert api.data(LIST_CVS, token=tokens["bob"])["cvs"]["edges"]
    # Her token is refused at once, and a retry gets the same clean refusal.
    for query in (LIST_CVS, DELETE_ACCOUNT):
        body = api.call(query, {"confirmation": "alice@example.com"}, token=tokens["alice"], expect_status=401)
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert api.data(CREATE_UPLOAD, {"size": 10}, token=tokens["bob"])["createUpload"]["__typename"] == "UploadTicket"
