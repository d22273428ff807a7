"""The same quotas with the cloud shape's storage: counters in DynamoDB (moto's server over HTTP), wired by
`api.composition` from settings alone."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.settings import Settings
from cvmaker.adapters.aws.provisioning import create_table
from tests.contract.emulator import Emulator
from tests.graphql.conftest import Api
from tests.quotas.conftest import FakeClock
from tests.quotas.test_quotas_api import _cv, _render


@pytest.fixture
def settings(tmp_path: Path, emulator: Emulator) -> Iterator[Settings]:
    dynamodb = emulator.client("dynamodb")
    table = f"quotas-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    try:
        yield Settings(
            data_dir=tmp_path / "data",
            web_dist=tmp_path / "no-web-app",
            storage="dynamodb",
            aws_region=emulator.region,
            aws_endpoint_url=emulator.endpoint_url,
            dynamodb_table=table,
        )
    finally:
        dynamodb.delete_table(TableName=table)


def test_renders_past_the_quota_are_refused_per_user_until_the_next_minute(api: Api, clock: FakeClock) -> None:
    alices, bobs = _cv(api), _cv(api, token="token-bob")
    assert [_render(api, alices)["__typename"] for _ in range(3)] == [
        "RenderedFile",
        "RenderedFile",
        "QuotaExceededError",
    ]
    assert _render(api, bobs, token="token-bob")["__typename"] == "RenderedFile"
    clock.advance(50)
    assert _render(api, alices)["__typename"] == "RenderedFile"
