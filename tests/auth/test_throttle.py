"""The sign-in throttle on its own, with an injected clock: backoff, its cap, the windows, and who it spares."""

from __future__ import annotations

import pytest

from cvmaker.adapters.auth import throttle as throttle_module
from cvmaker.adapters.auth.throttle import SignInThrottle, source_key
from tests.auth.forge import FakeClock

ATTACKER, OWNER = "203.0.113.9", "198.51.100.4"


def test_backoff_doubles_after_the_free_failures_up_to_the_cap() -> None:
    clock = FakeClock()
    throttle = SignInThrottle(account_free=3, source_free=100, base=1, cap=60, window=3600, clock=clock)
    waits = []
    for _ in range(12):
        wait = throttle.sign_in_wait(ATTACKER, "user:ada")
        if wait is not None:
            waits.append(wait)
            clock.advance(wait)
        throttle.record_failure(ATTACKER, "user:ada")
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_failures_age_out_of_the_window() -> None:
    clock = FakeClock()
    throttle = SignInThrottle(source_free=3, base=1, window=600, clock=clock)
    for _ in range(6):
        throttle.record_failure(ATTACKER, f"user:{_}")
    assert throttle.sign_in_wait(ATTACKER, "user:new") == 8
    clock.advance(600)
    assert throttle.sign_in_wait(ATTACKER, "user:new") is None


def test_an_accounts_failures_spare_sources_that_have_not_failed_on_it() -> None:
    throttle = SignInThrottle(account_free=2, source_free=100, clock=FakeClock())
    for _ in range(10):
        throttle.record_failure(ATTACKER, "user:ada")
    assert throttle.sign_in_wait(ATTACKER, "user:ada") is not None
    assert throttle.sign_in_wait(OWNER, "user:ada") is None
    # Once the owner slips too, the account's backoff applies to them, until they get in.
    throttle.record_failure(OWNER, "user:ada")
    assert throttle.sign_in_wait(OWNER, "user:ada") is not None
    throttle.record_success(OWNER, "user:ada")
    assert throttle.sign_in_wait(OWNER, "user:ada") is None


def test_a_success_does_not_reset_the_sources_count() -> None:
    throttle = SignInThrottle(source_free=3, clock=FakeClock())
    for n in range(3):
        throttle.record_failure(ATTACKER, f"user:victim{n}")
    throttle.record_success(ATTACKER, "user:attacker")  # the attacker's own account
    assert throttle.sign_in_wait(ATTACKER, "user:victim9") is not None


def test_the_global_limit_holds_back_failing_sources_only() -> None:
    clock = FakeClock()
    throttle = SignInThrottle(global_limit=10, global_window=60, clock=clock)
    for n in range(10):
        throttle.record_failure(f"192.0.2.{n}", f"user:{n}")
        clock.advance(1)
    assert throttle.sign_in_wait("192.0.2.3", "user:other") == 50  # until the oldest failure leaves the window
    assert throttle.sign_in_wait(OWNER, "user:0") is None
    clock.advance(50)
    assert throttle.sign_in_wait("192.0.2.3", "user:other") is None


def test_sign_ups_are_limited_per_source() -> None:
    clock = FakeClock()
    throttle = SignInThrottle(sign_up_limit=3, sign_up_window=100, clock=clock)
    assert [throttle.sign_up_wait(ATTACKER) for _ in range(3)] == [None, None, None]
    assert throttle.sign_up_wait(ATTACKER) == 100
    assert throttle.sign_up_wait(OWNER) is None
    clock.advance(100)
    assert throttle.sign_up_wait(ATTACKER) is None


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),  # one subscriber's /64 is one source
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("testclient", "testclient"),
        (None, "unknown"),
        ("", "unknown"),
    ],
)
def test_sources_are_keyed_by_address(host: str | None, key: str) -> None:
    assert source_key(host) == key


def test_memory_stays_bounded_whatever_the_number_of_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(throttle_module, "MAX_KEYS", 100)
    throttle = SignInThrottle(clock=FakeClock())
    for n in range(1_000):
        throttle.record_failure(f"10.0.{n // 256}.{n % 256}", "user:ada")
    assert all(len(window._times) <= 100 for window in (throttle._sources, throttle._pairs))
