"""The DynamoDB table as docs/design.md lays it out: what an operator sees in the console and what the CDK stack
must create. The behaviour is the `CvRepository` contract's job; this checks the keys behind it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository
from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.ids import new_ulid
from tests.contract.emulator import Emulator

NOW = datetime(2026, 11, 24, tzinfo=UTC)


@pytest.fixture
def table(emulator: Emulator) -> Iterator[tuple[Any, str]]:
    dynamodb = emulator.client("dynamodb")
    name = f"layout-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, name)
    yield dynamodb, name
    dynamodb.delete_table(TableName=name)


def test_one_partition_per_user_with_the_cv_and_its_revisions_under_it(table: tuple[Any, str]) -> None:
    dynamodb, name = table
    repository = DynamoDbCvRepository(dynamodb, name)
    cv = Cv(id=new_ulid(), owner="sub-123", version=1, created_at=NOW, updated_at=NOW, document=CvDocument(title="One"))
    repository.add(cv)
    repository.save(cv.next_version(CvDocument(title="Two"), NOW), expected_version=1)
    items = dynamodb.query(
        TableName=name, KeyConditionExpression="PK = :pk", ExpressionAttributeValues={":pk": {"S": "USER#sub-123"}}
    )["Items"]
    assert [item["SK"]["S"] for item in items] == [
        f"CV#{cv.id}",
        f"CV#{cv.id}#REV#0000000001",
        f"CV#{cv.id}#REV#0000000002",
    ]
    head = items[0]
    assert head["cvId"]["S"] == cv.id and head["version"]["N"] == "2"
    assert all("cvId" not in item for item in items[1:])  # revisions stay out of the list index
    assert dynamodb.describe_table(TableName=name)["Table"]["ItemCount"] == 3
