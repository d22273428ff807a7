"""The `QuotaStore` contract (cvmaker.ports), on SQLite and on DynamoDB (moto over HTTP, one request applied at a
time as DynamoDB applies each item write: see `atomic_emulator`): takes within the limit, refusals that change
nothing, all-or-none across windows, owners apart, concurrent takes that never pass the limit, account deletion."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_quotas import DynamoDbQuotaStore
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_quotas import SqliteQuotaStore
from cvmaker.domain.quotas import QuotaCounter
from cvmaker.ports import QuotaStore
from tests.contract.emulator import Emulator
from tests.contract.test_cv_repository import DynamoDbCalls

NOW = 1_800_000_000.0


def counter(key: str = "render:60:1", limit: int = 3, resets_at: int = int(NOW) + 60) -> QuotaCounter:
    return QuotaCounter(key, limit, 60, resets_at)


@pytest.fixture(params=["sqlite", "dynamodb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[QuotaStore]:
    if request.param == "sqlite":
        yield SqliteQuotaStore(SqliteDatabase(tmp_path / "cvmaker.sqlite3"))
        return
    emulator: Emulator = request.getfixturevalue("atomic_emulator")
    dynamodb = emulator.client("dynamodb")
    table = f"quotas-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    calls = DynamoDbCalls(dynamodb)
    try:
        yield DynamoDbQuotaStore(dynamodb, table)
        assert "Scan" not in calls.operations, calls.operations
    finally:
        calls.close()
        dynamodb.delete_table(TableName=table)


def test_takes_within_the_limit_then_refuses_and_the_refusal_changes_nothing(store: QuotaStore) -> None:
    minute = counter(limit=3)
    assert [store.take("alice", [minute], 1, NOW) for _ in range(3)] == [None, None, None]
    assert store.take("alice", [minute], 1, NOW) == minute
    assert store.used("alice", minute.key) == 3
    assert store.take("alice", [counter(limit=3)], 2, NOW) == minute  # 3 + 2 is past 3 as well


def test_an_amount_larger_than_the_limit_is_refused_even_on_a_new_counter(store: QuotaStore) -> None:
    assert store.take("alice", [counter(limit=2)], 3, NOW) == counter(limit=2)
    assert store.used("alice", counter().key) == 0


def day_counter(limit: int) -> QuotaCounter:
    return QuotaCounter("render:86400:1", limit, 86_400, int(NOW) + 86_400)


@pytest.mark.parametrize(("minute_limit", "day_limit"), [(5, 2), (2, 5)])
def test_windows_of_one_take_change_together_or_not_at_all(
    store: QuotaStore, minute_limit: int, day_limit: int
) -> None:
    minute, day = counter(limit=minute_limit), day_counter(day_limit)
    assert store.take("alice", [minute, day], 1, NOW) is None
    assert store.take("alice", [minute, day], 1, NOW) is None
    assert store.take("alice", [minute, day], 1, NOW) == (day if day_limit == 2 else minute)
    assert (store.used("alice", minute.key), store.used("alice", day.key)) == (2, 2)


def test_when_several_windows_are_full_the_longest_is_reported(store: QuotaStore) -> None:
    minute, day = counter(limit=1), day_counter(1)
    assert store.take("alice", [minute, day], 1, NOW) is None
    assert store.take("alice", [minute, day], 1, NOW) == day
    assert store.take("alice", [day, minute], 1, NOW) == day


def test_owners_and_windows_are_counted_apart(store: QuotaStore) -> None:
    minute = counter(limit=1)
    assert store.take("alice", [minute], 1, NOW) is None
    assert store.take("alice", [minute], 1, NOW) == minute
    assert store.take("bob", [minute], 1, NOW) is None
    next_minute = counter("render:60:2", limit=1, resets_at=int(NOW) + 120)
    assert store.take("alice", [next_minute], 1, NOW + 60) is None
    assert store.used("alice", next_minute.key) == 1


def test_concurrent_takes_never_pass_the_limit(store: QuotaStore) -> None:
    minute, day = counter(limit=25), day_counter(1000)

    def take(_: int) -> bool:
        return store.take("alice", [minute, day], 1, NOW) is None

    with ThreadPoolExecutor(8) as pool:
        granted = sum(pool.map(take, range(40)))
    assert granted == 25
    assert (store.used("alice", minute.key), store.used("alice", day.key)) == (25, 25)


def test_deleting_an_owner_forgets_their_counters_only(store: QuotaStore) -> None:
    store.take("alice", [counter("render:60:1"), counter("preview:60:1")], 1, NOW)
    store.take("bob", [counter("render:60:1")], 1, NOW)
    assert store.delete_owner("alice") == 2
    assert store.used("alice", "render:60:1") == 0 and store.used("alice", "preview:60:1") == 0
    assert store.used("bob", "render:60:1") == 1
    assert store.delete_owner("alice") == 0


def test_dynamodb_counters_expire_with_their_window(atomic_emulator: Emulator) -> None:
    dynamodb = atomic_emulator.client("dynamodb")
    table = f"quotas-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    try:
        DynamoDbQuotaStore(dynamodb, table).take("alice", [counter(resets_at=1_800_000_060)], 1, NOW)
        item = dynamodb.get_item(
            TableName=table, Key={"PK": {"S": "USER#alice"}, "SK": {"S": "QUOTA#render:60:1"}}, ConsistentRead=True
        )["Item"]
        assert item["expiresAt"] == {"N": "1800000060"} and item["used"] == {"N": "1"}
    finally:
        dynamodb.delete_table(TableName=table)
