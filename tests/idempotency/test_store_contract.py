"""The `IdempotencyStore` contract (cvmaker.ports), on SQLite and on DynamoDB (moto's server over HTTP), in the
CVs' table: claims are exclusive, expire, complete and release only under their own token, and stay per owner."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository
from cvmaker.adapters.storage.dynamodb_idempotency import DynamoDbIdempotencyStore
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_idempotency import SqliteIdempotencyStore
from cvmaker.ports import CvRepository, IdempotencyRecord, IdempotencyStore
from cvmaker.services.cvs import CvService
from tests.contract.emulator import Emulator
from tests.contract.test_cv_repository import DynamoDbCalls

NOW = 1_800_000_000.0


@pytest.fixture(params=["sqlite", "dynamodb"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[IdempotencyStore, CvRepository]]:
    if request.param == "sqlite":
        database = SqliteDatabase(tmp_path / "cvmaker.sqlite3")
        yield SqliteIdempotencyStore(database), SqliteCvRepository(database)
        return
    emulator: Emulator = request.getfixturevalue("emulator")
    dynamodb = emulator.client("dynamodb")
    table = f"idem-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    calls = DynamoDbCalls(dynamodb)
    try:
        yield DynamoDbIdempotencyStore(dynamodb, table), DynamoDbCvRepository(dynamodb, table)
        assert "Scan" not in calls.operations, calls.operations
    finally:
        calls.close()
        dynamodb.delete_table(TableName=table)


@pytest.fixture
def store(stores: tuple[IdempotencyStore, CvRepository]) -> IdempotencyStore:
    return stores[0]


def claim(
    owner: str = "alice", key: str = "k1", token: str = "t1", fingerprint: str = "f1", lease: float = 120
) -> IdempotencyRecord:
    return IdempotencyRecord(owner, "createCv", key, fingerprint, token, NOW + lease)


def test_the_first_claim_wins_and_later_ones_see_it(store: IdempotencyStore) -> None:
    assert store.claim(claim(), NOW) is None
    held = store.claim(claim(token="t2", fingerprint="f2"), NOW + 1)
    assert held is not None
    assert (held.token, held.fingerprint, held.result, held.expires_at) == ("t1", "f1", None, NOW + 120)


def test_a_completed_record_holds_its_result_until_it_expires(store: IdempotencyStore) -> None:
    store.claim(claim(), NOW)
    assert store.complete(replace(claim(), expires_at=NOW + 86_400, result='{"cvId":"01J"}')) is True
    held = store.claim(claim(token="t2"), NOW + 86_399)
    assert held is not None and held.result == '{"cvId":"01J"}' and held.expires_at == NOW + 86_400
    # Past its end the key is free again, even where the record has not been removed yet.
    assert store.claim(claim(token="t3"), NOW + 86_400) is None


def test_an_expired_claim_can_be_taken_over_and_the_old_token_loses(store: IdempotencyStore) -> None:
    store.claim(claim(lease=60), NOW)
    assert store.claim(claim(token="t2"), NOW + 61) is None
    assert store.complete(replace(claim(), expires_at=NOW + 86_400, result="{}")) is False
    store.release("alice", "createCv", "k1", "t1")  # the first request's late failure frees nothing
    held = store.claim(claim(token="t3"), NOW + 62)
    assert held is not None and held.token == "t2"


def test_a_released_claim_frees_the_key(store: IdempotencyStore) -> None:
    store.claim(claim(), NOW)
    store.release("alice", "createCv", "k1", "t1")
    assert store.claim(claim(token="t2"), NOW + 1) is None


def test_keys_are_per_owner_and_per_operation(store: IdempotencyStore) -> None:
    assert store.claim(claim(), NOW) is None
    assert store.claim(claim(owner="bob"), NOW) is None
    assert store.claim(replace(claim(), operation="createJob"), NOW) is None
    assert store.claim(claim(key="k2"), NOW) is None


def test_concurrent_claims_let_exactly_one_through(store: IdempotencyStore) -> None:
    racers = 8
    barrier = threading.Barrier(racers)
    won: list[str] = []

    def racer(n: int) -> None:
        barrier.wait()
        if store.claim(claim(token=f"t{n}"), NOW) is None:
            won.append(f"t{n}")

    threads = [threading.Thread(target=racer, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1
    held = store.claim(claim(token="late"), NOW)
    assert held is not None and held.token == won[0]


def test_delete_owner_forgets_only_that_owners_keys_and_nothing_else(
    stores: tuple[IdempotencyStore, CvRepository],
) -> None:
    store, repository = stores
    cv = CvService(repository, templates={"classic"}).create("alice", {"title": "Kept"})
    for key in ("k1", "k2", "k3"):
        store.claim(claim(key=key), NOW)
    store.claim(claim(owner="bob"), NOW)
    assert store.delete_owner("alice") == 3
    assert store.delete_owner("alice") == 0
    assert store.claim(claim(key="k1", token="new"), NOW) is None
    assert store.claim(claim(owner="bob", token="new"), NOW) is not None
    assert repository.get("alice", cv.id) is not None  # the CVs in the same table are untouched


def test_purge_drops_expired_records_where_the_store_does_not_expire_them_itself(store: IdempotencyStore) -> None:
    store.claim(claim(key="old", lease=10), NOW)
    store.claim(claim(key="new", lease=1000), NOW)
    purged = store.purge_expired(NOW + 100)
    assert purged in (0, 1)  # DynamoDB's TTL does it there
    assert store.claim(claim(key="old", token="t2"), NOW + 100) is None
    assert store.claim(claim(key="new", token="t2"), NOW + 100) is not None
