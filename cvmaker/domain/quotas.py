"""Per-user quotas on expensive work (rendering, previews, imports, model calls), and whose work is running.

Fixed windows, not token buckets: a window's counter is one number under one key (kind, window length, window
number), so taking from it is a single conditional increment in SQLite (an UPSERT) and in DynamoDB (an
`UpdateItem` with `ADD` and a condition), with no read-modify-write of a token count and a refill time to race
on. A fixed window lets a burst of up to twice the limit straddle the boundary between two windows; pairing a
short window (the burst) with a long one (the day's total) bounds that, and each counter expires with its window.

`working_for` marks whose work the current thread is doing, so the worker pool can share its workers fairly
between users without every port (renderer, extractor) growing an owner argument.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime


class QuotaKind(str, enum.Enum):
    RENDER = "render"  # a CV or a cover letter as a file
    PREVIEW = "preview"  # the live preview's page images
    IMPORT = "import"  # reading an uploaded file
    MODEL_CALL = "model_call"  # writing or reading text with the text generator (letters, tailoring, postings)


@dataclass(frozen=True, slots=True)
class Window:
    """At most `limit` units of a kind in each `seconds`-long window (aligned to the Unix epoch)."""

    seconds: int
    limit: int


@dataclass(frozen=True, slots=True)
class QuotaCounter:
    """One window of one kind, as a store keeps it: `key` names the kind, the window's length and its number."""

    key: str
    limit: int
    seconds: int  # the window's length
    resets_at: int  # epoch seconds at which this window ends and its counter may be dropped

    def retry_after(self, now: float) -> float:
        """Seconds from `now` until this window ends; never less than one, so a client never retries at once."""
        return float(max(1, math.ceil(self.resets_at - now)))


QuotaPolicies = Mapping[QuotaKind, tuple[Window, ...]]

MINUTE = 60
HOUR = 3600
DAY = 86_400

# Far above what a person at the web app does (a preview per pause in typing, a render per download, a handful of
# letters per posting), low enough that a script cannot keep the workers or the model busy for long.
DEFAULT_POLICIES: QuotaPolicies = {
    QuotaKind.RENDER: (Window(MINUTE, 60), Window(DAY, 2_000)),
    QuotaKind.PREVIEW: (Window(MINUTE, 600), Window(DAY, 20_000)),
    QuotaKind.IMPORT: (Window(MINUTE, 20), Window(DAY, 500)),
    QuotaKind.MODEL_CALL: (Window(MINUTE, 10), Window(DAY, 300)),
}

_UNITS = {"second": 1, "minute": MINUTE, "hour": HOUR, "day": DAY}


def counters(kind: QuotaKind, windows: tuple[Window, ...], now: datetime) -> list[QuotaCounter]:
    """The counters a unit of `kind` taken at `now` counts against: the current window of each of `windows`."""
    epoch = now.timestamp()
    found = []
    for window in windows:
        number = int(epoch // window.seconds)
        found.append(
            QuotaCounter(
                f"{kind.value}:{window.seconds}:{number}", window.limit, window.seconds, (number + 1) * window.seconds
            )
        )
    return found


def parse_policies(spec: str, base: QuotaPolicies = DEFAULT_POLICIES) -> dict[QuotaKind, tuple[Window, ...]]:
    """`base` with the kinds `spec` names replaced, e.g. "render=3/minute,50/day; model_call=1/hour".
    Raise `ValueError` naming the part that is not of that form (a setting read at start-up)."""
    policies = dict(base)
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _, limits = part.partition("=")
        try:
            kind = QuotaKind(name.strip())
        except ValueError:
            raise ValueError(f"unknown quota kind {name.strip()!r} in {part!r}") from None
        windows = []
        for limit in filter(None, (item.strip() for item in limits.split(","))):
            count, _, unit = limit.partition("/")
            if not count.strip().isdigit() or unit.strip() not in _UNITS:
                raise ValueError(f"a quota is <count>/<second|minute|hour|day>, not {limit!r}")
            windows.append(Window(_UNITS[unit.strip()], int(count)))
        if not windows:
            raise ValueError(f"quota {part!r} names no limit")
        policies[kind] = tuple(windows)
    return policies


# ---------------------------------------------------------------- whose work this is

_working_for: ContextVar[str | None] = ContextVar("cvmaker_working_for", default=None)


@contextmanager
def working_for(owner: str) -> Iterator[None]:
    """Mark the work done in this block (in this thread or task) as `owner`'s."""
    token = _working_for.set(owner)
    try:
        yield
    finally:
        _working_for.reset(token)


def current_owner() -> str | None:
    """Whose work the current thread is doing, if a service said so."""
    return _working_for.get()
