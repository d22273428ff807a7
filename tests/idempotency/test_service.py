"""`IdempotencyService` on the real SQLite store with a controlled clock: lifetimes, leases, failures, waiting."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_idempotency import SqliteIdempotencyStore
from cvmaker.domain.errors import IdempotencyConflict
from cvmaker.ports import IdempotencyRecord
from cvmaker.services.idempotency import CLAIM_LEASE, KEY_LIFETIME, IdempotencyService, Replay, fingerprint_of

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
AS_IS: Replay[str] = Replay(lambda value: {"value": value}, lambda owner, kept: str(kept["value"]))


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path) -> SqliteIdempotencyStore:
    return SqliteIdempotencyStore(SqliteDatabase(tmp_path / "cvmaker.sqlite3"))


def test_a_key_lasts_24_hours_then_a_request_runs_again(store: SqliteIdempotencyStore, clock: Clock) -> None:
    service = IdempotencyService(store, clock)
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        return f"result {len(calls)}"

    assert service.run("alice", "op", "k", {"a": 1}, work, AS_IS) == "result 1"
    clock.now = T0 + KEY_LIFETIME - timedelta(seconds=1)
    assert service.run("alice", "op", "k", {"a": 1}, work, AS_IS) == "result 1"
    clock.now = T0 + KEY_LIFETIME
    assert service.run("alice", "op", "k", {"a": 1}, work, AS_IS) == "result 2"
    assert len(calls) == 2
    clock.now = T0 + 3 * KEY_LIFETIME
    assert service.purge_expired() == 1


def test_arguments_are_compared_by_value_not_by_key_order(store: SqliteIdempotencyStore, clock: Clock) -> None:
    service = IdempotencyService(store, clock)
    first = service.run("alice", "op", "k", {"a": 1, "b": [1, {"c": "ü"}]}, lambda: "one", AS_IS)
    assert service.run("alice", "op", "k", {"b": [1, {"c": "ü"}], "a": 1}, lambda: "two", AS_IS) == first
    with pytest.raises(IdempotencyConflict) as reused:
        service.run("alice", "op", "k", {"a": 2, "b": [1, {"c": "ü"}]}, lambda: "three", AS_IS)
    assert reused.value.reason == "key_reused"


def test_a_failure_releases_the_key_and_the_same_request_can_succeed(
    store: SqliteIdempotencyStore, clock: Clock
) -> None:
    service = IdempotencyService(store, clock)
    attempts: list[int] = []

    def flaky() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionError("the first attempt fails")
        return "made"

    with pytest.raises(ConnectionError):
        service.run("alice", "op", "k", {}, flaky, AS_IS)
    assert service.run("alice", "op", "k", {}, flaky, AS_IS) == "made"
    assert service.run("alice", "op", "k", {}, flaky, AS_IS) == "made"
    assert len(attempts) == 2


def test_a_concurrent_retry_is_told_to_retry_then_gets_the_first_result(
    store: SqliteIdempotencyStore, clock: Clock
) -> None:
    service = IdempotencyService(store, clock, wait=0)
    started, finish = threading.Event(), threading.Event()
    results: list[str] = []

    def slow() -> str:
        started.set()
        finish.wait(10)
        return "first"

    first = threading.Thread(target=lambda: results.append(service.run("alice", "op", "k", {}, slow, AS_IS)))
    first.start()
    assert started.wait(10)
    with pytest.raises(IdempotencyConflict) as busy:
        service.run("alice", "op", "k", {}, lambda: "second", AS_IS)
    assert busy.value.reason == "in_progress" and busy.value.retry_after
    finish.set()
    first.join(10)
    assert results == ["first"]
    assert service.run("alice", "op", "k", {}, lambda: "second", AS_IS) == "first"


def test_a_waiting_retry_gets_the_first_result_when_it_is_ready(store: SqliteIdempotencyStore, clock: Clock) -> None:
    finish = threading.Event()
    polls: list[float] = []

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        finish.set()  # the first request completes while the retry waits

    service = IdempotencyService(store, clock, wait=30, sleep=sleep)
    started = threading.Event()

    def slow() -> str:
        started.set()
        finish.wait(10)
        return "first"

    first = threading.Thread(target=lambda: service.run("alice", "op", "k", {}, slow, AS_IS))
    first.start()
    assert started.wait(10)
    again = service.run("alice", "op", "k", {}, lambda: "second", AS_IS)
    first.join(10)
    assert again == "first" and polls


def test_a_claim_left_by_a_dead_request_is_taken_over_after_its_lease(
    store: SqliteIdempotencyStore, clock: Clock
) -> None:
    service = IdempotencyService(store, clock, wait=0)
    dead = IdempotencyRecord(
        "alice", "op", "k", fingerprint_of({}), "dead", T0.timestamp() + CLAIM_LEASE.total_seconds()
    )
    assert store.claim(dead, T0.timestamp()) is None
    with pytest.raises(IdempotencyConflict) as busy:
        service.run("alice", "op", "k", {}, lambda: "mine", AS_IS)
    assert busy.value.reason == "in_progress"
    clock.now = T0 + CLAIM_LEASE
    assert service.run("alice", "op", "k", {}, lambda: "mine", AS_IS) == "mine"


def test_forgetting_an_owner_frees_only_their_keys(store: SqliteIdempotencyStore, clock: Clock) -> None:
    service = IdempotencyService(store, clock)
    service.run("alice", "op", "k", {}, lambda: "alice's", AS_IS)
    service.run("bob", "op", "k", {}, lambda: "bob's", AS_IS)
    assert service.forget_owner("alice") == 1
    assert service.run("alice", "op", "k", {}, lambda: "new", AS_IS) == "new"
    assert service.run("bob", "op", "k", {}, lambda: "new", AS_IS) == "bob's"
