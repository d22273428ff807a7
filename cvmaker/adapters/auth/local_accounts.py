"""Local user accounts and integrator clients for the embedded default, on the shared SQLite file.

Passwords are hashed with Argon2id (argon2-cffi's RFC 9106 low-memory profile), a few at a time: each takes
~64 MiB and several cores for a quarter of a second, so a burst of sign-ins queues rather than starving every
other request of CPU. New passwords must be 10 characters or more and pass zxcvbn (score 3 of 4: no common
password, keyboard walk, date or the email itself). Sign-in and client authentication are throttled per source,
per account and globally (`throttle.SignInThrottle`), in a way that never locks the owner out.

Refresh tokens are opaque random strings stored only as SHA-256 hashes (they carry 256 random bits, so a slow hash
adds nothing), live 30 days and are rotated on every use; presenting a used one again revokes its whole family
(every token descended from the same sign-in), as OAuth 2.0 Security BCP §4.14 advises, because only a thief or a
replay would do that.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Container, Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cvmaker.adapters.auth.throttle import SignInThrottle, source_key
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.accounts import AccountError, Client, Session, User

Clock = Callable[[], float]

REFRESH_TTL = 30 * 24 * 3600
CLIENT_SCOPES = frozenset({"cvmaker/read", "cvmaker/write"})
MIN_PASSWORD = 10
MAX_PASSWORD = 256  # Argon2 takes any length; a cap keeps a megabyte "password" from being a DoS
MIN_STRENGTH = 3  # zxcvbn's score: 3 means an estimated 10^8 guesses or more ("safely unguessable")
_STRENGTH_CHECKED = 72  # zxcvbn refuses longer input (its cost grows fast); a longer password is no weaker
BAD_CREDENTIALS = "Wrong email or password."
SIGN_UP_FAILED = "Could not create the account. If you already have one, sign in."
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
_CLIENT_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    sub TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    sub TEXT NOT NULL REFERENCES users(sub) ON DELETE CASCADE,
    family TEXT NOT NULL,
    auth_time INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS refresh_tokens_by_family ON refresh_tokens (family);
CREATE TABLE IF NOT EXISTS clients (
    client_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at INTEGER NOT NULL
)
"""


def normalize_email(email: object) -> str:
    if not isinstance(email, str):
        raise AccountError("INVALID_EMAIL", "Enter a valid email address.")
    normalized = email.strip().lower()
    if len(normalized) > 254 or not _EMAIL.match(normalized) or not normalized.isprintable():
        raise AccountError("INVALID_EMAIL", "Enter a valid email address.")
    return normalized


def check_password_policy(password: object, email: str) -> str:
    """`password` if it is long enough and zxcvbn finds it hard to guess; else `WEAK_PASSWORD` with zxcvbn's
    feedback (why, and what would help) as the message."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AccountError("WEAK_PASSWORD", f"Use a password of at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise AccountError("WEAK_PASSWORD", f"Use a password of at most {MAX_PASSWORD} characters.")
    local_part = email.split("@")[0]
    from zxcvbn import zxcvbn  # its word lists cost 30 ms: loaded by the first sign-up, not at start-up

    result = zxcvbn(password[:_STRENGTH_CHECKED], user_inputs=[email, local_part, "cvmaker", "cv maker"])
    if result["score"] < MIN_STRENGTH:
        feedback = result["feedback"]
        words = [feedback["warning"], *feedback["suggestions"]] if feedback else []
        message = " ".join(word for word in words if word) or "This password is easy to guess."
        raise AccountError("WEAK_PASSWORD", f"Choose a stronger password. {message}")
    return password


def default_hash_slots(hasher: PasswordHasher) -> int:
    """How many Argon2 computations may run at once: each uses `parallelism` threads, so about one per that
    many cores, at least one and at most four."""
    return max(1, min(4, (os.cpu_count() or 1) // max(1, hasher.parallelism)))


def too_many_requests(retry_after: int) -> AccountError:
    return AccountError("TOO_MANY_REQUESTS", "Too many attempts. Try again later.", retry_after=retry_after)


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


class _AcceptedClientIds:
    """`in` answers whether tokens of that client id are accepted: the web app's, or a live integrator client."""

    def __init__(self, accounts: LocalAccounts, web_client_id: str) -> None:
        self._accounts = accounts
        self._web_client_id = web_client_id

    def __contains__(self, client_id: object) -> bool:
        if not isinstance(client_id, str):
            return False
        return client_id == self._web_client_id or self._accounts.client(client_id) is not None


class LocalAccounts:
    def __init__(
        self,
        database: SqliteDatabase,
        *,
        password_hasher: PasswordHasher | None = None,
        throttle: SignInThrottle | None = None,
        hash_slots: int | None = None,
        refresh_ttl: int = REFRESH_TTL,
        clock: Clock = time.time,
    ) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)
        self.hasher = password_hasher or PasswordHasher()
        self.throttle = throttle or SignInThrottle()
        self.hash_slots = hash_slots or default_hash_slots(self.hasher)
        self._hashing = threading.BoundedSemaphore(self.hash_slots)
        self.refresh_ttl = refresh_ttl
        self.clock = clock
        self._dummy_hash: str | None = None
        self._dummy_lock = threading.Lock()

    # Users

    def sign_up(self, email: str, password: str, source: str | None = None) -> Session:
        """A new account. Taking an email that has one fails like any other refusal (`SIGN_UP_FAILED`, no word
        of the account), after the same Argon2 hash, so neither the answer nor its timing tells."""
        email = normalize_email(email)
        check_password_policy(password, email)
        wait = self.throttle.sign_up_wait(source_key(source))
        if wait is not None:
            raise too_many_requests(wait)
        password_hash = self._hash(password)  # outside the write lock: it takes a quarter of a second
        user = User(str(uuid.uuid4()), email)
        try:
            with self.db.write() as conn:
                conn.execute(
                    "INSERT INTO users (sub, email, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    (user.sub, email, password_hash, int(self.clock())),
                )
        except sqlite3.IntegrityError as exc:
            raise AccountError("SIGN_UP_FAILED", SIGN_UP_FAILED) from exc
        return self._new_session(user)

    def sign_in(self, email: str, password: str, source: str | None = None) -> Session:
        """Costs one Argon2 verification whether or not the account exists, so timing does not tell; every
        failure is the same `BAD_CREDENTIALS`. Throttled by `source` (the client's address) and account."""
        origin = source_key(source)
        try:
            email = normalize_email(email)
        except AccountError:
            email = "(not an email)"  # counted like any failure, under one key
        account = f"user:{email}"
        self._check_throttle(origin, account)
        candidate = password if isinstance(password, str) and len(password) <= MAX_PASSWORD else ""
        with self._hashing:
            # Checked again once a hash slot is free: guesses sent in parallel and queued behind one another
            # meet the failures recorded meanwhile instead of all slipping through.
            self._check_throttle(origin, account)
            dummy = self._dummy()  # made before the lookup, so not only the first unknown email pays for it
            row = (
                self.db.connection()
                .execute("SELECT sub, email, password_hash FROM users WHERE email = ?", (email,))
                .fetchone()
            )
            stored = row["password_hash"] if row is not None else None
            # Unknown emails, and accounts without a password (made by `ensure_user`), verify against the dummy.
            matched = self._verifies(stored or dummy, candidate)
            if row is None or stored is None or not matched:
                self.throttle.record_failure(origin, account)
                raise AccountError("BAD_CREDENTIALS", BAD_CREDENTIALS)
            self.throttle.record_success(origin, account)
            rehashed = self.hasher.hash(candidate) if self.hasher.check_needs_rehash(stored) else None
        if rehashed is not None:
            with self.db.write() as conn:
                conn.execute("UPDATE users SET password_hash = ? WHERE sub = ?", (rehashed, row["sub"]))
        return self._new_session(User(row["sub"], row["email"]))

    def _check_throttle(self, source: str, account: str) -> None:
        wait = self.throttle.sign_in_wait(source, account)
        if wait is not None:
            raise too_many_requests(wait)

    def ensure_user(self, email: str) -> User:
        """The user with this email, created without a password if new (for scripts and the `token` command)."""
        email = normalize_email(email)
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO users (sub, email, password_hash, created_at) VALUES (?, ?, NULL, ?)",
                (str(uuid.uuid4()), email, int(self.clock())),
            )
            row = conn.execute("SELECT sub, email FROM users WHERE email = ?", (email,)).fetchone()
        return User(row["sub"], row["email"])

    def user(self, sub: str) -> User | None:
        row = self.db.connection().execute("SELECT sub, email FROM users WHERE sub = ?", (sub,)).fetchone()
        return None if row is None else User(row["sub"], row["email"])

    def has_password(self, sub: str) -> bool:
        row = self.db.connection().execute("SELECT password_hash FROM users WHERE sub = ?", (sub,)).fetchone()
        return row is not None and row["password_hash"] is not None

    def check_password(self, sub: str, password: str, source: str | None = None) -> bool:
        """Whether `password` is the account's (asked again before deleting it). Throttled and counted as a
        sign-in of the account, so it is no better a guessing oracle than signing in."""
        user = self.user(sub)
        if user is None:
            return False
        origin, account = source_key(source), f"user:{user.email}"
        self._check_throttle(origin, account)
        candidate = password if isinstance(password, str) and len(password) <= MAX_PASSWORD else ""
        with self._hashing:
            self._check_throttle(origin, account)
            row = self.db.connection().execute("SELECT password_hash FROM users WHERE sub = ?", (sub,)).fetchone()
            stored = row["password_hash"] if row is not None else None
            if stored is None or not self._verifies(stored, candidate):
                self.throttle.record_failure(origin, account)
                return False
            self.throttle.record_success(origin, account)
        return True

    def created_at(self, sub: str) -> int | None:
        row = self.db.connection().execute("SELECT created_at FROM users WHERE sub = ?", (sub,)).fetchone()
        return None if row is None else int(row["created_at"])

    def delete_user(self, conn: sqlite3.Connection, sub: str) -> bool:
        """Within the caller's write transaction: the user, and by cascade their refresh tokens and reset codes."""
        return int(conn.execute("DELETE FROM users WHERE sub = ?", (sub,)).rowcount) > 0

    def _verifies(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _hash(self, password: str) -> str:
        with self._hashing:
            return self.hasher.hash(password)

    def hash_password(self, password: str) -> str:
        """An Argon2 hash of `password`, made in one of the shared hash slots (for a password reset)."""
        return self._hash(password)

    def _dummy(self) -> str:
        """A hash of a random password, for unknown emails to be verified against. Called with a slot held."""
        with self._dummy_lock:
            if self._dummy_hash is None:
                self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))
            return self._dummy_hash

    # Refresh tokens

    def refresh(self, refresh_token: str) -> Session:
        """A new session continuing the one `refresh_token` belongs to; the old token stops working."""
        invalid = AccountError("INVALID_REFRESH_TOKEN", "The session has ended. Sign in again.")
        if not isinstance(refresh_token, str) or not 20 <= len(refresh_token) <= 200:
            raise invalid
        now = int(self.clock())
        token_hash = _sha256(refresh_token)
        session: Session | None = None
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT t.sub, t.family, t.auth_time, t.expires_at, t.used_at, t.revoked, u.email "
                "FROM refresh_tokens t JOIN users u ON u.sub = t.sub WHERE t.token_hash = ?",
                (token_hash,),
            ).fetchone()
            if row is None or row["revoked"] or row["expires_at"] <= now:
                raise invalid
            if row["used_at"] is not None:
                conn.execute("UPDATE refresh_tokens SET revoked = 1 WHERE family = ?", (row["family"],))
            else:
                conn.execute("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?", (now, token_hash))
                session = self._store_refresh_token(
                    conn, User(row["sub"], row["email"]), row["family"], row["auth_time"]
                )
        if session is None:  # a used token came back: raised after the commit, so the family stays revoked
            raise invalid
        return session

    def revoke(self, refresh_token: str) -> None:
        """Sign out: ends every token of the session `refresh_token` belongs to. Unknown tokens are ignored."""
        if not isinstance(refresh_token, str) or len(refresh_token) > 200:
            return
        with self.db.write() as conn:
            conn.execute(
                "UPDATE refresh_tokens SET revoked = 1 WHERE family = "
                "(SELECT family FROM refresh_tokens WHERE token_hash = ?)",
                (_sha256(refresh_token),),
            )

    def _new_session(self, user: User) -> Session:
        with self.db.write() as conn:
            conn.execute("DELETE FROM refresh_tokens WHERE expires_at <= ?", (int(self.clock()),))
            return self._store_refresh_token(conn, user, str(uuid.uuid4()), int(self.clock()))

    def _store_refresh_token(self, conn: sqlite3.Connection, user: User, family: str, auth_time: int) -> Session:
        token = secrets.token_urlsafe(32)
        conn.execute(
            "INSERT INTO refresh_tokens (token_hash, sub, family, auth_time, expires_at) VALUES (?, ?, ?, ?, ?)",
            (_sha256(token), user.sub, family, auth_time, int(self.clock()) + self.refresh_ttl),
        )
        return Session(user, token, family, auth_time)

    # Integrator clients

    def create_client(self, name: str, scopes: Iterable[str]) -> tuple[str, str]:
        """A new client for the client-credentials grant: (client_id, secret). The secret is shown only now."""
        name = name.strip() if isinstance(name, str) else ""
        if not 1 <= len(name) <= 100 or not name.isprintable():
            raise AccountError("INVALID_CLIENT_NAME", "Name the client in 1 to 100 printable characters.")
        granted = frozenset(scopes)
        if not granted or not granted <= CLIENT_SCOPES:
            raise AccountError("INVALID_SCOPE", f"Scopes must be among {', '.join(sorted(CLIENT_SCOPES))}.")
        client_id = "".join(secrets.choice(_CLIENT_ID_ALPHABET) for _ in range(26))
        secret = secrets.token_urlsafe(32)
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO clients (client_id, name, secret_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
                (client_id, name, _sha256(secret), " ".join(sorted(granted)), int(self.clock())),
            )
        return client_id, secret

    def client(self, client_id: str) -> Client | None:
        row = (
            self.db.connection()
            .execute("SELECT client_id, name, scopes FROM clients WHERE client_id = ?", (client_id,))
            .fetchone()
        )
        return None if row is None else Client(row["client_id"], row["name"], frozenset(row["scopes"].split()))

    def delete_client(self, client_id: str) -> bool:
        with self.db.write() as conn:
            return conn.execute("DELETE FROM clients WHERE client_id = ?", (client_id,)).rowcount > 0

    def authenticate_client(self, client_id: str, secret: str, source: str | None = None) -> Client:
        """Throttled like `sign_in`: per source and per client id, never locking out a source that has not
        been failing."""
        invalid = AccountError("BAD_CLIENT", "Unknown client or wrong secret.")
        if not isinstance(client_id, str) or not isinstance(secret, str) or len(client_id) > 128 or len(secret) > 200:
            raise invalid
        origin = source_key(source)
        limit_key = f"client:{client_id}"
        self._check_throttle(origin, limit_key)
        row = (
            self.db.connection()
            .execute("SELECT client_id, name, secret_hash, scopes FROM clients WHERE client_id = ?", (client_id,))
            .fetchone()
        )
        expected = row["secret_hash"] if row is not None else _sha256(secrets.token_urlsafe(16))
        if not hmac.compare_digest(expected, _sha256(secret)) or row is None:
            self.throttle.record_failure(origin, limit_key)
            raise invalid
        self.throttle.record_success(origin, limit_key)
        return Client(row["client_id"], row["name"], frozenset(row["scopes"].split()))

    def accepted_client_ids(self, web_client_id: str) -> Container[str]:
        """For `JwtVerifier(allowed_client_ids=...)`: the web app's client id and every live integrator client,
        so deleting a client stops its tokens at once."""
        return _AcceptedClientIds(self, web_client_id)
