"""`Identities` on the embedded default's own accounts, and the token check that goes with deleting one.

Deleting an account first ends its sessions (`token_revocations`: tokens issued until now are refused), then the
data goes, and the account row goes last: if anything fails on the way, the person can still sign in again and
retry. Once the row is gone the account's tokens are refused because the account no longer exists
(`AccountBoundRevocations`), so no row about the person is kept to remember the refusal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from cvmaker.adapters.auth.local_accounts import LocalAccounts
from cvmaker.adapters.auth.token_revocations import SqliteTokenRevocations
from cvmaker.domain.accounts import AccountError
from cvmaker.domain.errors import LimitExceeded
from cvmaker.domain.privacy.model import AccountRecord

# Later than any `iat`: every token of a subject that is neither an account nor an integrator client is refused.
REFUSE_ALL = 2**62


class LocalIdentities:
    def __init__(
        self, accounts: LocalAccounts, revocations: SqliteTokenRevocations, clock: Callable[[], float] = time.time
    ) -> None:
        self.accounts = accounts
        self.revocations = revocations
        self.clock = clock

    def account(self, sub: str) -> AccountRecord | None:
        user = self.accounts.user(sub)
        if user is None:
            return None
        created = self.accounts.created_at(sub)
        return AccountRecord(user.sub, user.email, datetime.fromtimestamp(created, UTC) if created else None)

    def has_password(self, sub: str) -> bool:
        return self.accounts.has_password(sub)

    def check_password(self, sub: str, password: str) -> bool:
        try:
            return self.accounts.check_password(sub, password)
        except AccountError as error:  # TOO_MANY_REQUESTS, the only one it raises
            raise LimitExceeded(
                f"Too many wrong passwords. Try again in {error.retry_after or 60} seconds.", "password_attempts"
            ) from error

    def end_sessions(self, sub: str) -> None:
        with self.accounts.db.write() as conn:
            self.revocations.end_every_session(conn, sub, self.clock())

    def delete(self, sub: str) -> bool:
        with self.accounts.db.write() as conn:
            deleted = self.accounts.delete_user(conn, sub)
            # The account's absence refuses its tokens from now on (`AccountBoundRevocations`).
            conn.execute("DELETE FROM token_revocations WHERE sub = ?", (sub,))
        return deleted


class AccountBoundRevocations:
    """`TokenRevocations` for the local issuer: the recorded cut-off of the subject's sessions, and a refusal of
    every token whose subject is neither an account nor an integrator client (a deleted account). One indexed
    query per verified token."""

    def __init__(self, revocations: SqliteTokenRevocations) -> None:
        self.db = revocations.db

    def tokens_valid_after(self, sub: str) -> int | None:
        row = (
            self.db.connection()
            .execute(
                "SELECT (SELECT valid_after FROM token_revocations WHERE sub = :sub) AS valid_after,"
                " EXISTS (SELECT 1 FROM users WHERE sub = :sub)"
                " OR EXISTS (SELECT 1 FROM clients WHERE client_id = :sub) AS known",
                {"sub": sub},
            )
            .fetchone()
        )
        if not row["known"]:
            return REFUSE_ALL
        return None if row["valid_after"] is None else int(row["valid_after"])
