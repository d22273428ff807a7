"""`TokenRevocations` on the embedded default's SQLite file: per account, the time before which its tokens are
refused, and the act of ending every session of an account (a password reset; an account deletion could too).

Access tokens are JWTs checked without a lookup, so ending a session by revoking its refresh tokens would leave
its access tokens working for up to an hour. The verifier therefore also asks `tokens_valid_after(sub)` and
refuses a token whose `iat` is earlier. `iat` counts whole seconds, so the cut-off is the next whole second: a
token minted in the second of the reset is refused, and `end_every_session` returns that second so the caller can
wait for it before anyone signs in again. The row has no foreign key on purpose: it outlives a deleted account,
whose tokens must stay refused.
"""

from __future__ import annotations

import math
import sqlite3

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS token_revocations (
    sub TEXT PRIMARY KEY,
    valid_after INTEGER NOT NULL
)
"""


class SqliteTokenRevocations:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def tokens_valid_after(self, sub: str) -> int | None:
        row = self.db.connection().execute("SELECT valid_after FROM token_revocations WHERE sub = ?", (sub,)).fetchone()
        return None if row is None else int(row["valid_after"])

    def end_every_session(self, conn: sqlite3.Connection, sub: str, now: float) -> int:
        """Within the caller's write transaction `conn`: revokes every refresh token of `sub` and refuses every
        token issued before the second after `now`, which it returns."""
        valid_after = math.floor(now) + 1
        conn.execute("UPDATE refresh_tokens SET revoked = 1 WHERE sub = ?", (sub,))
        conn.execute(
            "INSERT INTO token_revocations (sub, valid_after) VALUES (?, ?) "
            "ON CONFLICT (sub) DO UPDATE SET valid_after = MAX(valid_after, excluded.valid_after)",
            (sub, valid_after),
        )
        return valid_after
