"""Fair sharing of the worker pool: waiting calls queue per owner and owners take turns, so one user's burst does
not starve another user's single call. Ordering is asserted, never durations."""

from __future__ import annotations

import threading
from collections.abc import Callable

from cvmaker.adapters.worker_pool import FairSlots, WorkerPool
from cvmaker.domain.quotas import current_owner, working_for
from tests.quotas import jobs


def _wait_until(condition: Callable[[], bool]) -> None:
    event = threading.Event()
    while not condition():
        event.wait(0.005)


def _wait_for_waiting(slots: FairSlots, count: int) -> None:
    _wait_until(lambda: slots.waiting == count)


def test_a_second_users_single_call_runs_before_the_first_users_queued_burst_ends() -> None:
    finished: list[str] = []
    lock = threading.Lock()
    with WorkerPool(size=1, name="fair") as pool:
        pool.run(jobs.hold, "warm", 0.0, timeout=60)  # a warm worker, so the burst is not held up by its start

        def call(owner: str, name: str) -> None:
            with working_for(owner):
                result = pool.run(jobs.hold, name, 0.05, timeout=60)
            with lock:
                finished.append(result)

        burst = [threading.Thread(target=call, args=("alice", f"alice-{n}")) for n in range(10)]
        for thread in burst:
            thread.start()
        _wait_until(lambda: pool.waiting == 9)  # one running, nine queued
        single = threading.Thread(target=call, args=("bob", "bob"))
        single.start()
        _wait_until(lambda: pool.waiting == 10)
        for thread in [*burst, single]:
            thread.join(60)
    assert len(finished) == 11
    # Bob's call goes at the next turn: after the call running when it arrived and at most one more of Alice's.
    assert finished.index("bob") <= 2, finished
    assert finished[-1].startswith("alice")


def test_slots_are_handed_round_robin_between_owners_and_in_order_within_one() -> None:
    slots = FairSlots(1)
    slots.acquire("first")
    order: list[str] = []
    threads = []
    for owner, name in [("a", "a1"), ("a", "a2"), ("a", "a3"), ("b", "b1"), ("c", "c1"), ("b", "b2")]:

        def wait(owner: str = owner, name: str = name) -> None:
            slots.acquire(owner)
            order.append(name)
            slots.release()

        thread = threading.Thread(target=wait)
        thread.start()
        threads.append(thread)
        _wait_for_waiting(slots, len(threads))  # queued in this order
    slots.release()
    for thread in threads:
        thread.join(10)
    assert order == ["a1", "b1", "c1", "a2", "b2", "a3"]


def test_a_lone_owner_uses_every_slot() -> None:
    slots = FairSlots(2)
    slots.acquire("a")
    slots.acquire("a")  # no one else waits: the second slot is not held back
    assert slots.waiting == 0
    slots.release()
    slots.release()


def test_work_is_marked_with_its_owner_only_inside_the_block() -> None:
    assert current_owner() is None
    with working_for("alice"):
        assert current_owner() == "alice"
        with working_for("bob"):
            assert current_owner() == "bob"
        assert current_owner() == "alice"
    assert current_owner() is None
