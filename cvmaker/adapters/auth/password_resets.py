"""`PasswordResets` for the embedded default: a code in the outbox, then the code and a new password.

- Asking (`check_request`, then `send_code`) answers the same whether or not the email has an account: the
  route answers after `check_request`, which looks at nothing but the email's shape and the throttle, and sends
  the code afterwards. Requests are throttled like sign-in (per source, per account from that source, backoff;
  `throttle.SignInThrottle`), every request counting, since each may put mail in someone's inbox. An account
  gets at most `MAX_OPEN_CODES` open codes; further requests send nothing, so a flood from many addresses
  cannot bury the owner's inbox, and a new code never cancels an earlier one (nobody can void the owner's code
  by asking for another).
- Confirming takes the email, the code and a new password (the sign-up policy). A code works once, for
  `CODE_TTL` seconds, and an account's open codes die after `MAX_ATTEMPTS` wrong ones. Wrong codes count as
  failed sign-ins of that source on that account (the sign-in throttle), so guessing slows down like password
  guessing and never holds back the owner's own machine. On success every earlier session of the account
  ends: its refresh tokens are revoked and its access tokens are refused (`token_revocations`).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

from cvmaker.adapters.auth.local_accounts import (
    LocalAccounts,
    check_password_policy,
    normalize_email,
    too_many_requests,
)
from cvmaker.adapters.auth.throttle import SignInThrottle, source_key
from cvmaker.adapters.auth.token_revocations import SqliteTokenRevocations
from cvmaker.domain.accounts import AccountError
from cvmaker.domain.password_reset import (
    CODE_TTL,
    INVALID_CODE,
    MAX_ATTEMPTS,
    MAX_OPEN_CODES,
    code_hash,
    new_code,
    normalize_code,
    reset_message,
)
from cvmaker.ports import Outbox

SCHEMA = """
CREATE TABLE IF NOT EXISTS password_reset_codes (
    code_hash TEXT PRIMARY KEY,
    sub TEXT NOT NULL REFERENCES users(sub) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at INTEGER
);
CREATE INDEX IF NOT EXISTS password_reset_codes_by_sub ON password_reset_codes (sub)
"""
_OPEN = "sub = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?"


def request_throttle() -> SignInThrottle:
    """Requests from one source: 5 free an hour, then waits from 30 s doubling; to one account from one source:
    3 free. The global limit stays far above what the owners of a small server ask for."""
    return SignInThrottle(source_free=5, account_free=3, base=30.0, global_limit=1000)


class LocalPasswordResets:
    def __init__(
        self,
        accounts: LocalAccounts,
        outbox: Outbox,
        revocations: SqliteTokenRevocations,
        *,
        requests: SignInThrottle | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.accounts = accounts
        self.db = accounts.db
        self.db.add_migrations(SCHEMA)
        self.outbox = outbox
        self.revocations = revocations
        self.requests = requests or request_throttle()
        self.guesses = accounts.throttle  # wrong codes count as failed sign-ins
        self.clock = clock
        self.sleep = sleep

    def check_request(self, email: str, source: str | None = None) -> str:
        """The normalized email if a request for it may go ahead now (and counts it); else `INVALID_EMAIL` or
        `TOO_MANY_REQUESTS`. Reads nothing about accounts, so its answer cannot tell whether one exists."""
        email = normalize_email(email)
        origin, key = source_key(source), f"reset:{email}"
        wait = self.requests.sign_in_wait(origin, key)
        if wait is not None:
            raise too_many_requests(wait)
        self.requests.record_failure(origin, key)  # every request counts, not only failed ones
        return email

    def send_code(self, email: str) -> None:
        """Puts a new code for `email`'s account in the outbox; does nothing for an email without an account
        or an account with `MAX_OPEN_CODES` open codes."""
        now = int(self.clock())
        code = new_code()
        with self.db.write() as conn:
            row = conn.execute("SELECT sub FROM users WHERE email = ?", (email,)).fetchone()
            if row is None:
                return
            conn.execute("DELETE FROM password_reset_codes WHERE expires_at <= ?", (now,))
            (open_codes,) = conn.execute(
                f"SELECT COUNT(*) FROM password_reset_codes WHERE {_OPEN}", (row["sub"], now, MAX_ATTEMPTS)
            ).fetchone()
            if open_codes >= MAX_OPEN_CODES:
                return
            conn.execute(
                "INSERT INTO password_reset_codes (code_hash, sub, expires_at) VALUES (?, ?, ?)",
                (code_hash(code), row["sub"], now + CODE_TTL),
            )
        self.outbox.put(reset_message(str(uuid.uuid4()), email, code, now))

    def confirm(self, email: str, code: str, password: str, source: str | None = None) -> None:
        """Sets `password` if `code` is an open code of `email`'s account, and ends every earlier session of
        it. Every refusal of the code is the same `INVALID_CODE`, whether or not the account exists."""
        origin = source_key(source)
        try:
            email = normalize_email(email)
        except AccountError:
            email = "(not an email)"  # counted like any failure, under one key
        key = f"reset:{email}"
        wait = self.guesses.sign_in_wait(origin, key)
        if wait is not None:
            raise too_many_requests(wait)
        check_password_policy(password, email)  # before the code, so a weak password costs no attempt
        sub = self._use_code(email, normalize_code(code))
        if sub is None:
            self.guesses.record_failure(origin, key)
            raise AccountError("INVALID_CODE", INVALID_CODE)
        self.guesses.record_success(origin, key)
        password_hash = self.accounts.hash_password(password)  # outside the write lock: Argon2 is slow
        with self.db.write() as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE sub = ?", (password_hash, sub))
            conn.execute("DELETE FROM password_reset_codes WHERE sub = ?", (sub,))
            valid_after = self.revocations.end_every_session(conn, sub, self.clock())
        # Tokens minted before `valid_after` are refused: wait for it, so signing in right after the answer
        # gives tokens that work. At most a second, on a rare request.
        self.sleep(max(0.0, valid_after - self.clock()))

    def _use_code(self, email: str, normalized: str | None) -> str | None:
        """Marks the code used and returns the account's sub; on a wrong code, counts an attempt against each
        of the account's open codes and returns None."""
        now = int(self.clock())
        with self.db.write() as conn:
            row = conn.execute("SELECT sub FROM users WHERE email = ?", (email,)).fetchone()
            if row is None:
                return None
            sub: str = row["sub"]
            if normalized is not None:
                used = conn.execute(
                    f"UPDATE password_reset_codes SET used_at = ? WHERE code_hash = ? AND {_OPEN}",
                    (now, code_hash(normalized), sub, now, MAX_ATTEMPTS),
                ).rowcount
                if used == 1:
                    return sub
            conn.execute(
                f"UPDATE password_reset_codes SET attempts = attempts + 1 WHERE {_OPEN}", (sub, now, MAX_ATTEMPTS)
            )
        return None
