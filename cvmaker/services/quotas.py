"""The one place expensive work is charged to its owner: `QuotaService.spend(owner, kind)` takes a unit of the
owner's quota of that kind (or raises `QuotaExceeded` with when to retry) and marks the work inside the block as
the owner's, which the worker pool schedules fairly between owners (`cvmaker.domain.quotas.working_for`).

The rendering, import, letter, tailoring and job services each call it once per use case, around the work
that costs: a request refused before that point (a missing CV, an invalid design) costs the caller nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from cvmaker.domain.clock import utc_now
from cvmaker.domain.errors import QuotaExceeded
from cvmaker.domain.quotas import (
    DEFAULT_POLICIES,
    QuotaCounter,
    QuotaKind,
    QuotaPolicies,
    counters,
    working_for,
)
from cvmaker.ports import QuotaStore


class _Unmetered:
    """A `QuotaStore` that grants everything: services built without quotas (the command line, unit tests)."""

    def take(self, owner: str, counters: Sequence[QuotaCounter], amount: int, now: float) -> QuotaCounter | None:
        return None

    def used(self, owner: str, key: str) -> int:
        return 0

    def delete_owner(self, owner: str) -> int:
        return 0


@dataclass
class QuotaService:
    store: QuotaStore
    policies: QuotaPolicies = field(default_factory=lambda: dict(DEFAULT_POLICIES))
    clock: Callable[[], datetime] = field(default=utc_now)

    def charge(self, owner: str, kind: QuotaKind, amount: int = 1) -> None:
        """Take `amount` units of `kind` from `owner`'s quota in every window of its policy, or none and raise
        `QuotaExceeded` naming the window that is full and the seconds until it ends."""
        windows = self.policies.get(kind, ())
        if not windows:
            return
        now = self.clock()
        full = self.store.take(owner, counters(kind, windows, now), amount, now.timestamp())
        if full is None:
            return
        raise QuotaExceeded(kind.value, full.limit, full.seconds, full.retry_after(now.timestamp()))

    @contextmanager
    def spend(self, owner: str, kind: QuotaKind) -> Iterator[None]:
        """Charge one unit of `kind`, then run the block as `owner`'s work."""
        self.charge(owner, kind)
        with working_for(owner):
            yield

    def forget_owner(self, owner: str) -> int:
        """Drop every counter of `owner` (account deletion)."""
        return self.store.delete_owner(owner)


def unmetered() -> QuotaService:
    """Quotas that never refuse, still marking whose work is whose for the worker pool's fair share."""
    return QuotaService(_Unmetered(), {})


__all__ = ["QuotaService", "unmetered"]
