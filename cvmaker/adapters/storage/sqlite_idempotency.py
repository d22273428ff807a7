"""`IdempotencyStore` on SQLite, in the same file as the CVs: one row per (owner, operation, key).

A claim is one `BEGIN IMMEDIATE` transaction that inserts the row, or takes over one that has expired: the write
lock makes two claims of one key (threads, or processes on the same file) run one after the other, so the second
finds the first's row. Expired rows are treated as absent and removed by `purge_expired` (the sweep).
"""

from __future__ import annotations

import sqlite3

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.ports import IdempotencyRecord

SCHEMA = """
CREATE TABLE IF NOT EXISTS idempotency_keys (
    owner TEXT NOT NULL,
    operation TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    token TEXT NOT NULL,
    expires_at REAL NOT NULL,
    result TEXT,
    PRIMARY KEY (owner, operation, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON idempotency_keys (expires_at)
"""


class SqliteIdempotencyStore:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def claim(self, record: IdempotencyRecord, now: float) -> IdempotencyRecord | None:
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT * FROM idempotency_keys WHERE owner = ? AND operation = ? AND key = ?",
                (record.owner, record.operation, record.key),
            ).fetchone()
            if row is not None and row["expires_at"] > now:
                return _to_record(row)
            conn.execute(
                "INSERT OR REPLACE INTO idempotency_keys (owner, operation, key, fingerprint, token, expires_at, result)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.owner,
                    record.operation,
                    record.key,
                    record.fingerprint,
                    record.token,
                    record.expires_at,
                    record.result,
                ),
            )
        return None

    def complete(self, record: IdempotencyRecord) -> bool:
        with self.db.write() as conn:
            return (
                conn.execute(
                    "UPDATE idempotency_keys SET result = ?, expires_at = ?"
                    " WHERE owner = ? AND operation = ? AND key = ? AND token = ?",
                    (record.result, record.expires_at, record.owner, record.operation, record.key, record.token),
                ).rowcount
                == 1
            )

    def release(self, owner: str, operation: str, key: str, token: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "DELETE FROM idempotency_keys WHERE owner = ? AND operation = ? AND key = ? AND token = ?",
                (owner, operation, key, token),
            )

    def purge_expired(self, now: float) -> int:
        with self.db.write() as conn:
            return conn.execute("DELETE FROM idempotency_keys WHERE expires_at <= ?", (now,)).rowcount

    def delete_owner(self, owner: str) -> int:
        with self.db.write() as conn:
            return conn.execute("DELETE FROM idempotency_keys WHERE owner = ?", (owner,)).rowcount


def _to_record(row: sqlite3.Row) -> IdempotencyRecord:
    return IdempotencyRecord(
        owner=row["owner"],
        operation=row["operation"],
        key=row["key"],
        fingerprint=row["fingerprint"],
        token=row["token"],
        expires_at=float(row["expires_at"]),
        result=row["result"],
    )
