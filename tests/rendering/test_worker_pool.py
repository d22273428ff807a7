"""The warm worker pool: results, reuse, and each way a call can fail (time, memory, crash, exception) ends in a
typed error while the pool keeps serving."""

from __future__ import annotations

import time
from collections.abc import Iterator

import anyio
import pytest

from cvmaker.adapters.worker_pool import (
    RemoteError,
    WorkerCrashed,
    WorkerOutOfMemory,
    WorkerPool,
    WorkerTimeout,
)
from tests.rendering import pool_jobs

MEMORY_LIMIT = 400 * 1024 * 1024


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    with WorkerPool(size=1, memory_limit=MEMORY_LIMIT, initializer=pool_jobs.warm, name="test") as pool:
        yield pool


def test_a_call_returns_its_result_from_a_warm_reused_worker(pool: WorkerPool) -> None:
    assert pool.run(pool_jobs.add, 2, 3, timeout=10) == 5
    first = pool.run(pool_jobs.process_id, timeout=10)
    assert pool.run(pool_jobs.process_id, timeout=10) == first
    assert pool.run(pool_jobs.warm_count, timeout=10) == 1  # the initializer ran once, not per call
    assert pool.started == 1


def test_a_call_past_its_time_limit_is_killed_and_the_worker_replaced(pool: WorkerPool) -> None:
    before = pool.run(pool_jobs.process_id, timeout=10)
    started = time.perf_counter()
    with pytest.raises(WorkerTimeout):
        pool.run(pool_jobs.sleep, 30, timeout=0.5)
    assert time.perf_counter() - started < 3
    assert pool.run(pool_jobs.process_id, timeout=10) != before
    assert pool.run(pool_jobs.add, 1, 1, timeout=10) == 2


def test_a_call_over_the_memory_limit_fails_typed_and_the_pool_recovers(pool: WorkerPool) -> None:
    with pytest.raises(WorkerOutOfMemory):
        pool.run(pool_jobs.allocate, 1_000, timeout=10)
    assert pool.run(pool_jobs.allocate, 50, timeout=10) == 50 * 1024 * 1024


def test_a_worker_that_kept_much_of_its_memory_retires_after_answering(pool: WorkerPool) -> None:
    before = pool.run(pool_jobs.process_id, timeout=10)
    assert pool.run(pool_jobs.hold, 320, timeout=10) == 1  # over 3/4 of the 400 MB limit, still answered
    assert pool.run(pool_jobs.process_id, timeout=10) != before


def test_a_worker_killed_mid_call_is_reported_as_crashed_and_replaced(pool: WorkerPool) -> None:
    for dies in (pool_jobs.crash, pool_jobs.exit_quietly):
        with pytest.raises(WorkerCrashed):
            pool.run(dies, timeout=10)
        assert pool.run(pool_jobs.add, 2, 2, timeout=10) == 4


def test_exceptions_of_the_function_reach_the_caller_and_keep_the_worker(pool: WorkerPool) -> None:
    before = pool.run(pool_jobs.process_id, timeout=10)
    with pytest.raises(ValueError, match="bad input"):
        pool.run(pool_jobs.raise_value_error, "bad input", timeout=10)
    with pytest.raises(RemoteError, match="Unpicklable: needs two arguments"):
        pool.run(pool_jobs.raise_unpicklable, timeout=10)
    assert pool.run(pool_jobs.process_id, timeout=10) == before


def test_a_call_the_worker_cannot_load_is_an_error_and_the_worker_stays(pool: WorkerPool) -> None:
    before = pool.run(pool_jobs.process_id, timeout=10)
    with pytest.raises(RemoteError, match="could not load the call"):
        pool.run(pool_jobs.add, pool_jobs.FailsToUnpickle(), 1, timeout=10)
    assert pool.run(pool_jobs.process_id, timeout=10) == before


def test_async_callers_share_the_pool_through_threads() -> None:
    with WorkerPool(size=2, name="test") as pool:

        async def main() -> list[int]:
            results: list[int] = []

            async def one(n: int) -> None:
                results.append(await anyio.to_thread.run_sync(lambda: pool.run(pool_jobs.add, n, n, timeout=20)))

            async with anyio.create_task_group() as group:
                for n in range(6):
                    group.start_soon(one, n)
            return sorted(results)

        assert anyio.run(main) == [0, 2, 4, 6, 8, 10]
        assert pool.started <= 2
