"""Where the cloud shape remembers that a person's tokens are refused: a tombstone per deleted (or signed-out)
account, checked by the token verifier on every request.

Cognito access tokens are checked locally against the pool's keys, so deleting the user in Cognito does not stop
a token already issued: until it expires (at most a day, Cognito's longest access-token validity) the verifier
must refuse it. One item per account does that:

    PK = REVOKED#<sha256 of sub>   SK = REVOKED   validAfter (N), expiresAt (N, the table's TTL)

It lives outside the owner's partition (so deleting the partition's items leaves it), names the person only by a
hash of their random `sub`, and DynamoDB's TTL removes it once every token it refuses has expired anyway.
Lookups are cached per process for `cache_seconds`; a cut-off made in this process is seen here at once, and by
other processes within `cache_seconds` (the reads are consistent).
"""

from __future__ import annotations

import functools
import hashlib
import math
import threading
import time
from collections.abc import Callable
from typing import Any

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase

MAX_TOKEN_SECONDS = 24 * 3600  # Cognito's longest access and ID token validity
TTL_ATTRIBUTE = "expiresAt"  # the table's TTL attribute (amplify/api/cv-api.ts)
CACHE_SECONDS = 5.0


def revoked_key(sub: str) -> str:
    return "REVOKED#" + hashlib.sha256(sub.encode()).hexdigest()


class DynamoDbSessionCutoffs:
    def __init__(
        self,
        make_client: Callable[[], Any],
        table: str,
        cache_seconds: float = CACHE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._make_client = make_client
        self.table = table
        self.cache_seconds = cache_seconds
        self.clock = clock
        self._cache: dict[str, tuple[int | None, float]] = {}
        self._lock = threading.Lock()

    @functools.cached_property
    def client(self) -> Any:
        return self._make_client()  # on first use, as every AWS client here (`adapters/aws/clients.py`)

    def tokens_valid_after(self, sub: str) -> int | None:
        now = self.clock()
        with self._lock:
            cached = self._cache.get(sub)
        if cached is not None and now - cached[1] < self.cache_seconds:
            return cached[0]
        item = self.client.get_item(
            TableName=self.table, Key=self._key(sub), ConsistentRead=True, ProjectionExpression="validAfter"
        ).get("Item")
        value = int(item["validAfter"]["N"]) if item else None
        self._remember(sub, value, now)
        return value

    def cut_off(self, sub: str, now: float) -> int:
        """Refuse every token of `sub` issued before the second after `now`, which it returns."""
        valid_after = math.floor(now) + 1
        try:
            self.client.update_item(
                TableName=self.table,
                Key=self._key(sub),
                # Kept as long as the tokens it refuses could live; never moved earlier than a cut-off made before.
                UpdateExpression="SET validAfter = :after, #ttl = :expires",
                ConditionExpression="attribute_not_exists(validAfter) OR validAfter < :after",
                ExpressionAttributeNames={"#ttl": TTL_ATTRIBUTE},
                ExpressionAttributeValues={
                    ":after": {"N": str(valid_after)},
                    ":expires": {"N": str(valid_after + MAX_TOKEN_SECONDS)},
                },
            )
        except self.client.exceptions.ConditionalCheckFailedException:
            pass  # a later cut-off is already there
        self._remember(sub, valid_after, self.clock())
        return valid_after

    def _remember(self, sub: str, value: int | None, at: float) -> None:
        with self._lock:
            self._cache[sub] = (value, at)
            if len(self._cache) > 10_000:
                self._cache.clear()  # a bounded cache; the next lookups refill it

    @staticmethod
    def _key(sub: str) -> dict[str, dict[str, str]]:
        return {"PK": {"S": revoked_key(sub)}, "SK": {"S": "REVOKED"}}


class SqliteSessionCutoffs:
    """The same cut-offs in the SQLite file, for Cognito sign-in with SQLite storage (one machine)."""

    SCHEMA = "CREATE TABLE IF NOT EXISTS token_revocations (sub TEXT PRIMARY KEY, valid_after INTEGER NOT NULL)"

    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(self.SCHEMA)

    def tokens_valid_after(self, sub: str) -> int | None:
        row = self.db.connection().execute("SELECT valid_after FROM token_revocations WHERE sub = ?", (sub,)).fetchone()
        return None if row is None else int(row["valid_after"])

    def cut_off(self, sub: str, now: float) -> int:
        valid_after = math.floor(now) + 1
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO token_revocations (sub, valid_after) VALUES (?, ?) "
                "ON CONFLICT (sub) DO UPDATE SET valid_after = MAX(valid_after, excluded.valid_after)",
                (sub, valid_after),
            )
        return valid_after
