"""What an attacker can do to the local sign-in through HTTP, and what it costs the owner: password spraying,
guessing one account from one or many machines, the backoff, weak passwords, and finding out who has an account.

Requests name their machine with `x-test-peer` (the socket peer's address, set by the test app's
`PeerFromTestHeader`); the throttle's clock stands still unless a test moves it."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Literal

import httpx
import pytest
from argon2 import PasswordHasher, profiles
from starlette.testclient import TestClient

from cvmaker.adapters.auth.local_accounts import LocalAccounts
from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer
from cvmaker.adapters.auth.throttle import SignInThrottle
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from tests.auth.conftest import auth_app
from tests.auth.forge import FakeClock

PASSWORD = "correct horse battery staple"
ATTACKER, OWNER = "203.0.113.9", "198.51.100.4"


class CountingHasher(PasswordHasher):
    """Argon2id at the cheapest cost, counting hashes and verifications: the work done must not depend on
    whether the account exists."""

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
        self.hashes = 0
        self.verifications = 0

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self.hashes += 1
        return super().hash(password, salt=salt)

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.verifications += 1
        return super().verify(hash, password)


def sign_in(client: TestClient, email: str, password: str, peer: str = ATTACKER, **headers: str) -> httpx.Response:
    return client.post(
        "/auth/signin", json={"email": email, "password": password}, headers={"x-test-peer": peer, **headers}
    )


def sign_up(client: TestClient, email: str, password: str = PASSWORD, peer: str = OWNER) -> httpx.Response:
    return client.post("/auth/signup", json={"email": email, "password": password}, headers={"x-test-peer": peer})


def assert_too_many(response: httpx.Response) -> int:
    """A typed 429: the body's `retryAfter` and the `Retry-After` header agree; returns the wait."""
    assert response.status_code == 429, response.text
    body = response.json()
    assert set(body) == {"error", "message", "retryAfter"} and body["error"] == "TOO_MANY_REQUESTS"
    assert body["message"] and isinstance(body["retryAfter"], int) and body["retryAfter"] >= 1
    assert response.headers["retry-after"] == str(body["retryAfter"])
    return int(body["retryAfter"])


def test_a_password_spray_across_60_accounts_is_throttled(client: TestClient, accounts: LocalAccounts) -> None:
    emails = [f"person{n}@example.org" for n in range(60)]
    for n, email in enumerate(emails):
        accounts.sign_up(email, PASSWORD, source=f"10.0.{n}.1")

    answers = [sign_in(client, email, "Summer2024!") for email in emails]
    assert [answer.status_code for answer in answers[:10]] == [401] * 10
    for answer in answers[10:]:
        assert_too_many(answer)
    # Every owner still gets in from their own machine.
    assert all(sign_in(client, email, PASSWORD, peer=OWNER).status_code == 200 for email in emails)


def test_a_spray_from_many_machines_meets_the_global_limit(
    database: SqliteDatabase, cheap_hasher: PasswordHasher, issuer: LocalTokenIssuer
) -> None:
    throttle = SignInThrottle(global_limit=20, clock=FakeClock())
    accounts = LocalAccounts(database, password_hasher=cheap_hasher, throttle=throttle)
    accounts.sign_up("ada@example.org", PASSWORD)
    with TestClient(auth_app(accounts, issuer)) as client:
        machines = [f"192.0.2.{n}" for n in range(30)]
        first = [sign_in(client, f"person{n}@example.org", "Summer2024!", peer=m) for n, m in enumerate(machines)]
        assert all(answer.status_code == 401 for answer in first)  # one guess each: no single machine stands out
        for n, machine in enumerate(machines):
            assert_too_many(sign_in(client, f"other{n}@example.org", "Summer2024!", peer=machine))
        assert sign_in(client, "ada@example.org", PASSWORD, peer=OWNER).status_code == 200


def test_ten_wrong_passwords_from_one_machine_do_not_stop_the_owner_on_another(
    client: TestClient, throttle_clock: FakeClock
) -> None:
    assert sign_up(client, "ada@example.org").status_code == 201
    wrong = 0
    while wrong < 10:  # ten guesses really checked, waiting out every 429 in between
        answer = sign_in(client, "ada@example.org", f"guess number {wrong}")
        if answer.status_code == 429:
            throttle_clock.advance(assert_too_many(answer))
        else:
            assert answer.status_code == 401
            wrong += 1

    assert_too_many(sign_in(client, "ada@example.org", PASSWORD))  # the guessing machine waits, right or wrong
    # Claiming to be another machine in a header changes nothing: only the socket peer counts.
    assert_too_many(sign_in(client, "ada@example.org", PASSWORD, **{"x-forwarded-for": OWNER, "x-real-ip": OWNER}))
    owner = sign_in(client, "ada@example.org", PASSWORD, peer=OWNER)
    assert owner.status_code == 200 and owner.json()["accessToken"]


def test_the_backoff_grows_with_every_failure(client: TestClient, throttle_clock: FakeClock) -> None:
    sign_up(client, "ada@example.org")
    waits = []
    for n in range(11):
        answer = sign_in(client, "ada@example.org", f"guess number {n}")
        if answer.status_code == 429:
            waits.append(assert_too_many(answer))
            throttle_clock.advance(waits[-1])
            assert sign_in(client, "ada@example.org", f"guess number {n}").status_code == 401
    assert waits == [1, 2, 4, 8, 16, 32]  # after five free failures, each one doubles the wait


def test_client_credentials_are_throttled_per_machine(
    client: TestClient, accounts: LocalAccounts, throttle_clock: FakeClock
) -> None:
    client_id, secret = accounts.create_client("Tool", ["cvmaker/read"])

    def token(secret: str, peer: str) -> httpx.Response:
        basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
        return client.post(
            "/auth/token",
            data={"grant_type": "client_credentials"},
            headers={"Authorization": f"Basic {basic}", "x-test-peer": peer},
        )

    statuses = [token("guess", ATTACKER).status_code for _ in range(12)]
    assert statuses[:5] == [401] * 5 and statuses[5:] == [429] * 7
    limited = token(secret, ATTACKER)
    assert (limited.status_code, limited.json()["error"]) == (429, "slow_down")
    assert limited.headers["retry-after"] == str(limited.json()["retryAfter"])
    assert token(secret, OWNER).status_code == 200  # the integrator's own machine is not locked out


@pytest.mark.parametrize(
    ("password", "says"),
    [
        ("password", "at least 10 characters"),
        ("12345678", "at least 10 characters"),
        ("Xk7#pQ2!z", "at least 10 characters"),  # strong, but one short
        ("password123", "common password"),
        ("1234567890", "common password"),
        ("qwertyuiop", "common password"),
        ("Password2024!", "similar to a commonly used password"),
        ("ada@example.org", "Add another word"),
    ],
)
def test_weak_and_common_passwords_are_refused(client: TestClient, password: str, says: str) -> None:
    answer = sign_up(client, "ada@example.org", password)
    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"error", "message"} and body["error"] == "WEAK_PASSWORD"
    assert says in body["message"]
    assert sign_in(client, "ada@example.org", password).status_code == 401  # no account was made


@pytest.fixture
def counted(database: SqliteDatabase, issuer: LocalTokenIssuer) -> Iterator[tuple[TestClient, CountingHasher]]:
    hasher = CountingHasher()
    accounts = LocalAccounts(database, password_hasher=hasher, throttle=SignInThrottle(clock=FakeClock()))
    accounts.sign_up("ada@example.org", PASSWORD)
    accounts.ensure_user("script@example.org")  # an account without a password
    with TestClient(auth_app(accounts, issuer)) as client:
        yield client, hasher


def test_a_duplicate_sign_up_looks_like_any_refused_sign_up(counted: tuple[TestClient, CountingHasher]) -> None:
    client, hasher = counted
    before = hasher.hashes
    assert sign_up(client, "newcomer@example.org", peer="192.0.2.1").status_code == 201
    new_sign_up_hashes = hasher.hashes - before

    before = hasher.hashes
    duplicate = sign_up(client, "ADA@example.org", "another fine passphrase", peer="192.0.2.2")
    assert hasher.hashes - before == new_sign_up_hashes  # the same Argon2 work as a sign-up that succeeds
    other_failures = [
        sign_up(client, "not-an-email", peer="192.0.2.3"),
        sign_up(client, "someone@example.org", "password123", peer="192.0.2.4"),
    ]

    assert duplicate.json() == {
        "error": "SIGN_UP_FAILED",
        "message": "Could not create the account. If you already have one, sign in.",
    }
    assert {duplicate.status_code} == {failure.status_code for failure in other_failures} == {400}
    assert all(set(failure.headers) == set(duplicate.headers) for failure in other_failures)
    assert all(set(failure.json()) == set(duplicate.json()) for failure in other_failures)


def test_unknown_email_and_wrong_password_get_the_same_answer(counted: tuple[TestClient, CountingHasher]) -> None:
    client, hasher = counted
    answers = []
    for email, password in [
        ("ada@example.org", "wrong password entirely"),
        ("nobody@example.org", PASSWORD),
        ("script@example.org", PASSWORD),
        ("not an email", PASSWORD),
    ]:
        before = hasher.verifications
        answer = sign_in(client, email, password, peer=f"192.0.2.{len(answers)}")
        assert hasher.verifications == before + 1  # one Argon2 verification, account or none
        answers.append(answer)

    assert {answer.status_code for answer in answers} == {401}
    assert all(
        answer.json() == {"error": "BAD_CREDENTIALS", "message": "Wrong email or password."} for answer in answers
    )
    assert all(dict(answer.headers) == dict(answers[0].headers) for answer in answers)


def test_sign_ups_are_limited_per_machine(client: TestClient) -> None:
    answers = [sign_up(client, f"bot{n}@example.org", peer=ATTACKER) for n in range(25)]
    assert [answer.status_code for answer in answers[:20]] == [201] * 20
    for answer in answers[20:]:
        assert_too_many(answer)
    assert sign_up(client, "ada@example.org", peer=OWNER).status_code == 201
