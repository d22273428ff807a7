"""The core's GraphQL suites on the cloud shape: DynamoDB, S3 and Cognito (moto's server on 127.0.0.1), wired by
`api.composition` from settings alone, with the real `JwtVerifier` fetching the pool's JWKS over HTTP.

The imported tests name their callers "token-alice" and "token-bob"; here those are the access tokens of two
users signed in to the Cognito pool, so every request goes through real token verification."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
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
from tests.contract.emulator import Emulator, running_emulator
from tests.contract.test_cv_repository import DynamoDbCalls
from tests.graphql.conftest import Api

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class CloudUsers:
    pool: UserPool
    subs: dict[str, str]  # symbolic token -> the user's Cognito sub
    tokens: dict[str, str]  # symbolic token -> a real access token


class CloudApi(Api):
    """`Api` whose symbolic tokens are real Cognito access tokens; any other token string is sent as it is."""

    def __init__(self, client: TestClient, users: CloudUsers) -> None:
        super().__init__(client)
        self.users = users

    def call(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        token: str | None = "token-alice",
        expect_status: int = 200,
    ) -> dict[str, Any]:
        real = self.users.tokens.get(token, token) if token else token
        return super().call(query, variables, real, expect_status)


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as started:
        yield started


@pytest.fixture(scope="session")
def cloud_users(emulator: Emulator) -> CloudUsers:
    cognito = emulator.client("cognito-idp")
    pool = create_user_pool(cognito, "cvmaker-cloud-tests", emulator.region, emulator.endpoint_url)
    subs, tokens = {}, {}
    for name in ("alice", "bob"):
        email = f"{name}@example.com"
        subs[f"token-{name}"] = create_user(cognito, pool, email, PASSWORD)
        tokens[f"token-{name}"] = sign_in(cognito, pool, email, PASSWORD)["AccessToken"]
    return CloudUsers(pool, subs, tokens)


@pytest.fixture
def settings(tmp_path: Path, emulator: Emulator, cloud_users: CloudUsers) -> Iterator[Settings]:
    """The cloud shape for one test: its own table and bucket, so tests never see each other's data."""
    name = f"cvmaker-{uuid.uuid4().hex[:12]}"
    dynamodb, s3 = emulator.client("dynamodb"), emulator.client("s3")
    create_table(dynamodb, name)
    create_bucket(s3, name, emulator.region)
    calls = DynamoDbCalls(dynamodb)  # the app's client: aws_client gives one per endpoint and region
    yield Settings(
        data_dir=tmp_path / "data",
        web_dist=tmp_path / "no-web-app",
        storage="dynamodb",
        blobs="s3",
        auth="cognito",
        aws_region=emulator.region,
        aws_endpoint_url=emulator.endpoint_url,
        dynamodb_table=name,
        s3_bucket=name,
        cognito_issuer=cloud_users.pool.issuer,
        cognito_jwks_url=cloud_users.pool.jwks_url,
        cognito_client_ids=(cloud_users.pool.web_client_id,),
    )
    calls.close()
    assert "Scan" not in calls.operations, calls.operations  # whole GraphQL flows, and still no scan
    dynamodb.delete_table(TableName=name)
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=name):
        for obj in page.get("Contents", []):
            s3.delete_object(Bucket=name, Key=obj["Key"])
    s3.delete_bucket(Bucket=name)


@pytest.fixture
def app(settings: Settings) -> Any:
    return create_app(settings, build_runtime(settings))


@pytest.fixture
def api(app: Any, cloud_users: CloudUsers) -> Iterator[CloudApi]:
    with TestClient(app) as client:
        yield CloudApi(client, cloud_users)
