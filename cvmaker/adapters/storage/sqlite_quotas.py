"""`QuotaStore` on SQLite, in the same file as the CVs: one row per owner and quota window.

A take is one `BEGIN IMMEDIATE` transaction: each counter is an UPSERT that adds only while the sum stays within
the limit, and a counter that did not move rolls the whole take back, so the windows of one take change together
or not at all. The write lock makes concurrent takes (threads, or processes on the same file) wait their turn.
"""

from __future__ import annotations

from collections.abc import Sequence

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.quotas import QuotaCounter

SCHEMA = """
CREATE TABLE IF NOT EXISTS quota_counters (
    owner TEXT NOT NULL,
    key TEXT NOT NULL,
    used INTEGER NOT NULL,
    resets_at INTEGER NOT NULL,
    PRIMARY KEY (owner, key)
) WITHOUT ROWID
"""


class _Refused(Exception):
    def __init__(self, counter: QuotaCounter) -> None:
        self.counter = counter


class SqliteQuotaStore:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def take(self, owner: str, counters: Sequence[QuotaCounter], amount: int, now: float) -> QuotaCounter | None:
        try:
            with self.db.write() as conn:
                # Ended windows are never read again: the owner's few rows are dropped as they end.
                conn.execute("DELETE FROM quota_counters WHERE owner = ? AND resets_at <= ?", (owner, int(now)))
                for counter in sorted(counters, key=lambda c: -c.seconds):  # the longest full window is reported
                    if amount > counter.limit:
                        raise _Refused(counter)
                    moved = conn.execute(
                        "INSERT INTO quota_counters (owner, key, used, resets_at) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (owner, key) DO UPDATE SET used = used + excluded.used"
                        " WHERE used + excluded.used <= ?",
                        (owner, counter.key, amount, counter.resets_at, counter.limit),
                    ).rowcount
                    if moved != 1:
                        raise _Refused(counter)
        except _Refused as refused:
            return refused.counter
        return None

    def used(self, owner: str, key: str) -> int:
        row = (
            self.db.connection()
            .execute("SELECT used FROM quota_counters WHERE owner = ? AND key = ?", (owner, key))
            .fetchone()
        )
        return int(row["used"]) if row else 0

    def delete_owner(self, owner: str) -> int:
        with self.db.write() as conn:
            return conn.execute("DELETE FROM quota_counters WHERE owner = ?", (owner,)).rowcount
