"""Local accounts on a real SQLite file: sign-up rules, sign-in, refresh-token rotation, sign-out and clients."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

import pytest
from argon2 import PasswordHasher, profiles

from cvmaker.adapters.auth.local_accounts import AccountError, LocalAccounts
from cvmaker.adapters.auth.throttle import SignInThrottle
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from tests.auth.forge import FakeClock

PASSWORD = "correct horse battery"


class CountingHasher(PasswordHasher):
    """Argon2id at the cheapest cost, counting verifications: sign-in must do the same work for every email."""

    def __init__(self) -> None:
        cheapest = profiles.CHEAPEST
        super().__init__(
            time_cost=cheapest.time_cost,
            memory_cost=cheapest.memory_cost,
            parallelism=cheapest.parallelism,
            hash_len=cheapest.hash_len,
            salt_len=cheapest.salt_len,
            type=cheapest.type,
        )
        self.verifications = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.verifications += 1
        return super().verify(hash, password)


def _code(excinfo: pytest.ExceptionInfo[AccountError]) -> str:
    return excinfo.value.code


def test_sign_up_then_sign_in(accounts: LocalAccounts) -> None:
    created = accounts.sign_up("  Ada@Example.org ", PASSWORD)
    signed_in = accounts.sign_in("ada@example.ORG", PASSWORD)

    assert created.user == signed_in.user
    assert created.user.email == "ada@example.org"
    assert created.refresh_token != signed_in.refresh_token
    assert created.family != signed_in.family  # two sign-ins, two sessions


def test_passwords_are_stored_as_argon2id_hashes_only(accounts: LocalAccounts, database: SqliteDatabase) -> None:
    session = accounts.sign_up("ada@example.org", PASSWORD)
    stored = database.connection().execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$")
    dump = "\n".join(database.connection().iterdump())
    assert PASSWORD not in dump
    assert session.refresh_token not in dump  # refresh tokens are kept as hashes too


def test_a_taken_email_is_refused_whatever_its_case(accounts: LocalAccounts) -> None:
    accounts.sign_up("ada@example.org", PASSWORD)
    with pytest.raises(AccountError) as failure:
        accounts.sign_up("ADA@example.org", "another good password")
    assert _code(failure) == "SIGN_UP_FAILED"
    assert "exist" not in failure.value.message and "taken" not in failure.value.message


@pytest.mark.parametrize(
    "password",
    [
        "short",
        "",
        "ada@example.org",
        "ADA@EXAMPLE.ORG",
        "ada",
        "aaaaaaaaaaaa",
        "x" * 257,
        None,
        "password",
        "12345678",
        "123456789",  # one short of the minimum, whatever its strength
        "password123",
        "1234567890",
        "qwertyuiop",
        "Password2024!",
        "ada@example.org1",
    ],
)
def test_weak_passwords_are_refused(accounts: LocalAccounts, password: str) -> None:
    with pytest.raises(AccountError) as failure:
        accounts.sign_up("ada@example.org", password)
    assert _code(failure) == "WEAK_PASSWORD"


@pytest.mark.parametrize(
    "email",
    [
        "",
        "ada",
        "ada@",
        "@example.org",
        "ada@example",
        "a b@example.org",
        "ada@exa\x00mple.org",
        "x" * 250 + "@example.org",
        42,
    ],
)
def test_invalid_emails_are_refused(accounts: LocalAccounts, email: str) -> None:
    with pytest.raises(AccountError) as failure:
        accounts.sign_up(email, PASSWORD)
    assert _code(failure) == "INVALID_EMAIL"


def test_wrong_password_and_unknown_email_look_the_same(database: SqliteDatabase) -> None:
    hasher = CountingHasher()
    accounts = LocalAccounts(database, password_hasher=hasher)
    accounts.sign_up("ada@example.org", PASSWORD)
    accounts.ensure_user("script@example.org")  # exists, but has no password

    failures = []
    for email, password in [
        ("ada@example.org", "wrong password"),
        ("nobody@example.org", PASSWORD),
        ("script@example.org", PASSWORD),
        ("ada@example.org", "p" * 10_000),
    ]:
        before = hasher.verifications
        with pytest.raises(AccountError) as failure:
            accounts.sign_in(email, password)
        failures.append((failure.value.code, failure.value.message))
        assert hasher.verifications == before + 1  # one Argon2 verification, user or no user
    assert len(set(failures)) == 1 and failures[0][0] == "BAD_CREDENTIALS"


def test_failed_sign_ins_are_throttled_for_the_failing_source_only(
    database: SqliteDatabase, cheap_hasher: PasswordHasher
) -> None:
    clock = FakeClock()
    accounts = LocalAccounts(database, password_hasher=cheap_hasher, throttle=SignInThrottle(clock=clock))
    accounts.sign_up("ada@example.org", PASSWORD)
    accounts.sign_up("bob@example.org", PASSWORD)

    for _ in range(5):
        with pytest.raises(AccountError) as failure:
            accounts.sign_in("ada@example.org", "wrong password", source="203.0.113.9")
        assert _code(failure) == "BAD_CREDENTIALS"
    with pytest.raises(AccountError) as failure:
        accounts.sign_in("ada@example.org", PASSWORD, source="203.0.113.9")  # even the right password
    assert _code(failure) == "TOO_MANY_REQUESTS"
    assert failure.value.retry_after == 1

    assert accounts.sign_in("ada@example.org", PASSWORD, source="198.51.100.4").user.email == "ada@example.org"
    assert accounts.sign_in("bob@example.org", PASSWORD, source="203.0.113.9").user.email == "bob@example.org"
    clock.advance(1)
    assert accounts.sign_in("ada@example.org", PASSWORD, source="203.0.113.9").user.email == "ada@example.org"


def test_hashing_is_bounded_by_its_slots(database: SqliteDatabase, cheap_hasher: PasswordHasher) -> None:
    assert LocalAccounts(database, password_hasher=cheap_hasher, hash_slots=2).hash_slots == 2
    default = LocalAccounts(database)
    assert 1 <= default.hash_slots <= 4


def test_an_outdated_hash_is_upgraded_at_sign_in(database: SqliteDatabase, cheap_hasher: PasswordHasher) -> None:
    LocalAccounts(database, password_hasher=cheap_hasher).sign_up("ada@example.org", PASSWORD)
    stronger = PasswordHasher(time_cost=2, memory_cost=16 * 1024, parallelism=1)
    LocalAccounts(database, password_hasher=stronger).sign_in("ada@example.org", PASSWORD)

    stored = database.connection().execute("SELECT password_hash FROM users").fetchone()[0]
    assert not stronger.check_needs_rehash(stored)
    assert LocalAccounts(database, password_hasher=cheap_hasher).sign_in("ada@example.org", PASSWORD)


def test_ensure_user_is_idempotent_and_cannot_be_signed_into(accounts: LocalAccounts) -> None:
    first = accounts.ensure_user("Script@Example.org")
    assert accounts.ensure_user("script@example.org") == first
    assert accounts.user(first.sub) == first
    with pytest.raises(AccountError):
        accounts.sign_in("script@example.org", "")


def test_refresh_rotates_the_token_and_keeps_the_session(accounts: LocalAccounts) -> None:
    signed_in = accounts.sign_up("ada@example.org", PASSWORD)
    refreshed = accounts.refresh(signed_in.refresh_token)

    assert refreshed.user == signed_in.user
    assert (refreshed.family, refreshed.auth_time) == (signed_in.family, signed_in.auth_time)
    assert refreshed.refresh_token != signed_in.refresh_token
    assert accounts.refresh(refreshed.refresh_token).user == signed_in.user


def test_replaying_a_used_refresh_token_ends_the_whole_session(accounts: LocalAccounts) -> None:
    signed_in = accounts.sign_up("ada@example.org", PASSWORD)
    other_session = accounts.sign_in("ada@example.org", PASSWORD)
    refreshed = accounts.refresh(signed_in.refresh_token)

    with pytest.raises(AccountError) as failure:
        accounts.refresh(signed_in.refresh_token)  # a thief's copy of the old token
    assert _code(failure) == "INVALID_REFRESH_TOKEN"
    with pytest.raises(AccountError):
        accounts.refresh(refreshed.refresh_token)  # the family is revoked, so the legitimate one too
    assert accounts.refresh(other_session.refresh_token).user == signed_in.user  # other sessions live on


def test_refresh_tokens_expire_after_30_days(database: SqliteDatabase, cheap_hasher: PasswordHasher) -> None:
    clock = FakeClock()
    accounts = LocalAccounts(database, password_hasher=cheap_hasher, clock=clock)
    session = accounts.sign_up("ada@example.org", PASSWORD)
    clock.advance(30 * 24 * 3600)
    with pytest.raises(AccountError) as failure:
        accounts.refresh(session.refresh_token)
    assert _code(failure) == "INVALID_REFRESH_TOKEN"


@pytest.mark.parametrize("token", ["", "short", "x" * 500, "y" * 43, None])
def test_unknown_refresh_tokens_are_refused(accounts: LocalAccounts, token: str) -> None:
    with pytest.raises(AccountError) as failure:
        accounts.refresh(token)
    assert _code(failure) == "INVALID_REFRESH_TOKEN"


def test_revoke_ends_the_session_and_ignores_unknown_tokens(accounts: LocalAccounts) -> None:
    session = accounts.sign_up("ada@example.org", PASSWORD)
    refreshed = accounts.refresh(session.refresh_token)
    accounts.revoke(session.refresh_token)  # an older token of the family still names the session
    with pytest.raises(AccountError):
        accounts.refresh(refreshed.refresh_token)
    accounts.revoke("never-issued-token-value-000")
    accounts.revoke(None)  # type: ignore[arg-type]


def test_clients_authenticate_with_their_secret_only(accounts: LocalAccounts) -> None:
    client_id, secret = accounts.create_client("Recruiting tool", ["cvmaker/read"])
    client = accounts.authenticate_client(client_id, secret)
    assert (client.client_id, client.name, client.scopes) == (client_id, "Recruiting tool", frozenset({"cvmaker/read"}))
    assert len(client_id) == 26 and client_id.isalnum()

    for wrong_id, wrong_secret in [(client_id, secret + "x"), (client_id, ""), ("unknown", secret), ("", "")]:
        with pytest.raises(AccountError) as failure:
            accounts.authenticate_client(wrong_id, wrong_secret)
        assert _code(failure) == "BAD_CLIENT"


def test_client_secrets_are_not_stored(accounts: LocalAccounts, database: SqliteDatabase) -> None:
    _, secret = accounts.create_client("Tool", ["cvmaker/read", "cvmaker/write"])
    assert secret not in "\n".join(database.connection().iterdump())


@pytest.mark.parametrize(
    ("name", "scopes", "code"),
    [
        ("Tool", [], "INVALID_SCOPE"),
        ("Tool", ["cvmaker/admin"], "INVALID_SCOPE"),
        ("Tool", ["aws.cognito.signin.user.admin"], "INVALID_SCOPE"),
        ("", ["cvmaker/read"], "INVALID_CLIENT_NAME"),
        ("x" * 101, ["cvmaker/read"], "INVALID_CLIENT_NAME"),
    ],
)
def test_clients_need_a_name_and_known_scopes(accounts: LocalAccounts, name: str, scopes: list[str], code: str) -> None:
    with pytest.raises(AccountError) as failure:
        accounts.create_client(name, scopes)
    assert _code(failure) == code


def test_accepted_client_ids_follow_the_clients_table(accounts: LocalAccounts) -> None:
    accepted = accounts.accepted_client_ids("cvmaker-local-web")
    client_id, _ = accounts.create_client("Tool", ["cvmaker/read"])
    assert "cvmaker-local-web" in accepted and client_id in accepted
    assert "someone-else" not in accepted and None not in accepted  # type: ignore[operator]
    assert accounts.delete_client(client_id)
    assert client_id not in accepted
    assert not accounts.delete_client(client_id)


def test_failed_client_authentications_are_limited(accounts: LocalAccounts) -> None:
    client_id, secret = accounts.create_client("Tool", ["cvmaker/read"])
    for _ in range(10):
        with pytest.raises(AccountError):
            accounts.authenticate_client(client_id, "guess", source="203.0.113.9")
    with pytest.raises(AccountError) as failure:
        accounts.authenticate_client(client_id, secret, source="203.0.113.9")
    assert _code(failure) == "TOO_MANY_REQUESTS"
    # The integrator's own machine, which has not been failing, still gets in.
    assert accounts.authenticate_client(client_id, secret, source="198.51.100.4").client_id == client_id


def test_the_tables_live_in_the_shared_database_beside_others(tmp_path: Path, cheap_hasher: PasswordHasher) -> None:
    database = SqliteDatabase(tmp_path / "shared.sqlite3")
    database.add_migrations("CREATE TABLE IF NOT EXISTS other (x INTEGER)")
    accounts = LocalAccounts(database, password_hasher=cheap_hasher)
    accounts.sign_up("ada@example.org", PASSWORD)

    reopened = LocalAccounts(SqliteDatabase(tmp_path / "shared.sqlite3"), password_hasher=cheap_hasher)
    assert reopened.sign_in("ada@example.org", PASSWORD).user.email == "ada@example.org"
    tables = {row[0] for row in sqlite3.connect(tmp_path / "shared.sqlite3").execute("SELECT name FROM sqlite_master")}
    assert {"users", "refresh_tokens", "clients", "other"} <= tables
