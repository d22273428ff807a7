"""Throttling of the embedded default's password sign-in, in memory and thread-safe.

The aim is to slow a guesser down without giving anybody a way to lock an owner out of their account:

- per source (the client's address; an IPv6 address counts by its /64, what one subscriber is given):
  `source_free` failures in `window`, then exponential backoff: each further failure doubles the wait, from
  `base` up to `cap` seconds. This stops one machine spraying one password across many accounts.
- per account: `account_free` failures in `window`, from whatever sources, then the same backoff, but applied
  only to sources that have themselves failed on that account. A source that has not been failing on it (the
  owner's) is never held back by the account's failures, so guessing someone's password cannot lock them out.
- globally: more than `global_limit` failures in `global_window` across every account and source (spraying
  from many addresses) holds back every source that has been failing, until the window has room again.
- sign-ups: at most `sign_up_limit` per source in `sign_up_window`.

No library fits: the rate limiters on PyPI (`limits`, `pyrate-limiter`) count hits in windows or buckets, but
have no backoff and no notion of "applies only to sources that have failed", which is the point here; the
windows below are a few lines each.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import deque
from collections.abc import Callable

Clock = Callable[[], float]

MAX_KEYS = 50_000  # bounded memory whatever the number of addresses: the least recently failing are forgotten


def source_key(host: str | None) -> str:
    """The key a client's address is counted under: the IPv4 address, the IPv6 /64, or the text as given."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:100]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class _Window:
    """Event times per key within a sliding `window` (seconds); the least recently touched keys are dropped
    past `MAX_KEYS`. Not locked: `SignInThrottle` holds its lock around every use."""

    def __init__(self, window: float, clock: Clock) -> None:
        self.window = window
        self.clock = clock
        self._times: dict[str, deque[float]] = {}

    def recent(self, key: str) -> deque[float]:
        times = self._times.get(key)
        if times is None:
            return deque()
        horizon = self.clock() - self.window
        while times and times[0] <= horizon:
            times.popleft()
        if not times:
            del self._times[key]
        return times

    def add(self, key: str) -> None:
        times = self.recent(key)
        self._times.pop(key, None)  # re-inserted last: dicts keep insertion order, so the front is the stalest
        times.append(self.clock())
        self._times[key] = times
        while len(self._times) > MAX_KEYS:
            del self._times[next(iter(self._times))]

    def clear(self, key: str) -> None:
        self._times.pop(key, None)

    def count(self, key: str) -> int:
        return len(self.recent(key))


class SignInThrottle:
    def __init__(
        self,
        *,
        source_free: int = 10,
        account_free: int = 5,
        base: float = 1.0,
        cap: float = 900.0,
        window: float = 3600.0,
        global_limit: int = 200,
        global_window: float = 300.0,
        sign_up_limit: int = 20,
        sign_up_window: float = 3600.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self.source_free = source_free
        self.account_free = account_free
        self.base = base
        self.cap = cap
        self.global_limit = global_limit
        self.sign_up_limit = sign_up_limit
        self.clock = clock
        self._sources = _Window(window, clock)
        self._accounts = _Window(window, clock)
        self._pairs = _Window(window, clock)
        self._global = _Window(global_window, clock)
        self._sign_ups = _Window(sign_up_window, clock)
        self._lock = threading.Lock()

    def sign_in_wait(self, source: str, account: str) -> int | None:
        """Seconds `source` must wait before it may try to sign in to `account`, or None if it may try now."""
        with self._lock:
            waits = [self._backoff(self._sources.recent(source), self.source_free)]
            if self._pairs.count(_pair(source, account)):
                waits.append(self._backoff(self._accounts.recent(account), self.account_free))
            if self._sources.count(source):
                everyone = self._global.recent("*")
                if len(everyone) >= self.global_limit:
                    waits.append(everyone[len(everyone) - self.global_limit] + self._global.window)
            until = max((wait for wait in waits if wait is not None), default=None)
            return None if until is None else _seconds_until(until, self.clock())

    def record_failure(self, source: str, account: str) -> None:
        with self._lock:
            self._sources.add(source)
            self._accounts.add(account)
            self._pairs.add(_pair(source, account))
            self._global.add("*")

    def record_success(self, source: str, account: str) -> None:
        """The owner got in from `source`: its earlier slips on this account stop counting against it. The
        source's and the account's counts stay, so signing in to one's own account cannot reset a spray."""
        with self._lock:
            self._pairs.clear(_pair(source, account))

    def sign_up_wait(self, source: str) -> int | None:
        """Counts a sign-up from `source`: None if it may go ahead, else the seconds until one may."""
        with self._lock:
            recent = self._sign_ups.recent(source)
            if len(recent) >= self.sign_up_limit:
                return _seconds_until(recent[len(recent) - self.sign_up_limit] + self._sign_ups.window, self.clock())
            self._sign_ups.add(source)
            return None

    def _backoff(self, failures: deque[float], free: int) -> float | None:
        """When the next try is allowed after `failures`, or None: `free` failures cost nothing, the next waits
        `base` seconds, and each one after doubles the wait, up to `cap`."""
        if len(failures) < free:
            return None
        return failures[-1] + min(self.cap, self.base * 2.0 ** min(len(failures) - free, 60))


def _pair(source: str, account: str) -> str:
    return f"{account}\x00{source}"


def _seconds_until(until: float, now: float) -> int | None:
    return None if until <= now else max(1, math.ceil(until - now))
