"""Password reset on the embedded default, through HTTP: a code in the outbox (a real folder), then the code and a
new password; what it ends (every earlier token), what it refuses (old, used, expired or guessed codes, weak
passwords), what it never tells (whether an email has an account), and how it slows an attacker down.

Requests name their machine with `x-test-peer` (`PeerFromTestHeader`); the throttles' clock stands still unless
a test moves it. The reset's own clock is the wall clock where tokens are checked (the issuer and the verifier
read it too), a fake one where only expiry matters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from api.app import create_app
from api.cli import main as cli
from api.composition import build_outbox
from api.local_auth_routes import local_auth_routes
from api.password_reset_routes import password_reset_routes
from api.settings import Settings
from cvmaker.adapters.auth.jwt_verifier import JwksCache, JwtVerifier
from cvmaker.adapters.auth.local_accounts import LocalAccounts
from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer
from cvmaker.adapters.auth.outbox_folder import FolderOutbox
from cvmaker.adapters.auth.password_resets import LocalPasswordResets
from cvmaker.adapters.auth.token_revocations import SqliteTokenRevocations
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.accounts import AccountError
from cvmaker.domain.errors import Unauthenticated
from cvmaker.domain.password_reset import CODE_TTL, MAX_ATTEMPTS, MAX_OPEN_CODES, code_hash, normalize_code
from tests.auth.conftest import PeerFromTestHeader
from tests.auth.forge import FakeClock

OLD, NEW = "correct horse battery staple", "a new and unusual passphrase"
OWNER, ATTACKER = "198.51.100.4", "203.0.113.9"
CODE = re.compile(r"reset code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")


@pytest.fixture
def outbox(tmp_path: Path) -> FolderOutbox:
    return FolderOutbox(tmp_path / "outbox")


@pytest.fixture
def resets(accounts: LocalAccounts, outbox: FolderOutbox, database: SqliteDatabase) -> LocalPasswordResets:
    return LocalPasswordResets(accounts, outbox, SqliteTokenRevocations(database))


def reset_app(accounts: LocalAccounts, issuer: LocalTokenIssuer, resets: LocalPasswordResets) -> Starlette:
    """Sign-in and reset endpoints, and a `/whoami` behind the verifier the app composes (with revocations)."""
    verifier = JwtVerifier(
        issuer.issuer,
        accounts.accepted_client_ids(issuer.web_client_id),
        JwksCache(issuer.jwks),
        revocations=resets.revocations,
    )

    async def whoami(request: Request) -> JSONResponse:
        try:
            principal = verifier.verify(request.headers.get("authorization", "").removeprefix("Bearer "))
        except Unauthenticated as exc:
            return JSONResponse({"error": str(exc)}, status_code=401)
        return JSONResponse({"sub": principal.sub})

    routes = [*local_auth_routes(accounts, issuer), *password_reset_routes(resets), Route("/whoami", whoami)]
    app = Starlette(routes=routes)
    app.add_middleware(PeerFromTestHeader)
    return app


@pytest.fixture
def client(accounts: LocalAccounts, issuer: LocalTokenIssuer, resets: LocalPasswordResets) -> Iterator[TestClient]:
    with TestClient(reset_app(accounts, issuer, resets)) as test_client:
        yield test_client


def ask(client: TestClient, email: str, peer: str = OWNER) -> httpx.Response:
    return client.post("/auth/password-reset", json={"email": email}, headers={"x-test-peer": peer})


def confirm(client: TestClient, email: str, code: str, password: str = NEW, peer: str = OWNER) -> httpx.Response:
    return client.post(
        "/auth/password-reset/confirm",
        json={"email": email, "code": code, "password": password},
        headers={"x-test-peer": peer},
    )


def sign_in(client: TestClient, email: str, password: str) -> httpx.Response:
    return client.post("/auth/signin", json={"email": email, "password": password}, headers={"x-test-peer": OWNER})


def codes(outbox: FolderOutbox, email: str) -> list[str]:
    return [match.group(1) for m in outbox.messages() if m.to == email and (match := CODE.search(m.body))]


def error(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]


def test_a_code_from_the_outbox_sets_a_new_password_and_ends_every_earlier_session(
    client: TestClient, outbox: FolderOutbox
) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    before = sign_in(client, "ada@example.org", OLD).json()
    me = client.get("/whoami", headers={"Authorization": f"Bearer {before['accessToken']}"})
    assert me.status_code == 200

    asked = ask(client, "Ada@Example.org")
    assert asked.status_code == 202 and asked.headers["cache-control"] == "no-store"
    [message] = outbox.messages()
    assert (message.to, message.subject) == ("ada@example.org", "Your CV Maker password reset code")
    [code] = codes(outbox, "ada@example.org")

    done = confirm(client, "ada@example.org", code.lower().replace("-", " "))  # as a person might type it
    assert done.status_code == 200, done.text

    stale = client.get("/whoami", headers={"Authorization": f"Bearer {before['accessToken']}"})
    assert stale.status_code == 401 and "ended" in stale.json()["error"]
    assert error(client.post("/auth/refresh", json={"refreshToken": before["refreshToken"]})) == (
        401,
        "INVALID_REFRESH_TOKEN",
    )
    assert error(sign_in(client, "ada@example.org", OLD)) == (401, "BAD_CREDENTIALS")
    after = sign_in(client, "ada@example.org", NEW)
    assert after.status_code == 200
    fresh = client.get("/whoami", headers={"Authorization": f"Bearer {after.json()['accessToken']}"})
    assert fresh.json()["sub"] == me.json()["sub"]
    assert error(confirm(client, "ada@example.org", code, "yet another fine passphrase")) == (400, "INVALID_CODE")


def test_asking_answers_the_same_whether_or_not_the_account_exists(
    client: TestClient, outbox: FolderOutbox, database: SqliteDatabase
) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    known, unknown = ask(client, "ada@example.org"), ask(client, "nobody@example.org")
    assert (known.status_code, known.json(), dict(known.headers)) == (
        unknown.status_code,
        unknown.json(),
        {**dict(unknown.headers), "content-length": known.headers["content-length"]},
    )
    assert [m.to for m in outbox.messages()] == ["ada@example.org"]
    # Confirming for an unknown email is refused exactly like a wrong code.
    wrong = confirm(client, "ada@example.org", "AAAA-BBBB-CCCC")
    nobody = confirm(client, "nobody@example.org", "AAAA-BBBB-CCCC")
    assert (wrong.status_code, wrong.json()) == (nobody.status_code, nobody.json())
    assert database.connection().execute("SELECT COUNT(*) FROM password_reset_codes").fetchone()[0] == 1


def test_only_a_hash_of_the_code_is_stored(client: TestClient, outbox: FolderOutbox, database: SqliteDatabase) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    ask(client, "ada@example.org")
    [code] = codes(outbox, "ada@example.org")
    compact = normalize_code(code)
    assert compact is not None and len(set(compact)) > 1
    rows = database.connection().execute("SELECT code_hash FROM password_reset_codes").fetchall()
    assert [row["code_hash"] for row in rows] == [code_hash(code)]
    database.connection().execute("PRAGMA wal_checkpoint(FULL)")
    stored = b"".join(path.read_bytes() for path in Path(database.path).parent.glob("cvmaker.sqlite3*"))
    assert compact.encode() not in stored and code.encode() not in stored


def test_a_weak_new_password_is_refused_and_costs_no_attempt(client: TestClient, outbox: FolderOutbox) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    ask(client, "ada@example.org")
    [code] = codes(outbox, "ada@example.org")
    for _ in range(MAX_ATTEMPTS + 1):
        weak = confirm(client, "ada@example.org", code, "password123")
        assert error(weak) == (400, "WEAK_PASSWORD") and weak.json()["message"]
    assert confirm(client, "ada@example.org", code).status_code == 200


def test_wrong_codes_end_the_open_codes_but_never_hold_back_the_owner_s_machine(
    client: TestClient, outbox: FolderOutbox
) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    ask(client, "ada@example.org")
    [code] = codes(outbox, "ada@example.org")
    for n in range(MAX_ATTEMPTS):  # from as many machines, so no machine's own throttle is what stops them
        assert error(confirm(client, "ada@example.org", "AAAA-BBBB-CCCC", peer=f"192.0.2.{n}")) == (400, "INVALID_CODE")
    # The right code is burnt now (tried from the owner's laptop; the retry below comes from the desktop).
    assert error(confirm(client, "ada@example.org", code, peer="198.51.100.5")) == (400, "INVALID_CODE")
    ask(client, "ada@example.org")
    fresh = [c for c in codes(outbox, "ada@example.org") if c != code]
    assert confirm(client, "ada@example.org", fresh[0]).status_code == 200


def test_guessing_codes_from_one_machine_is_slowed_down_like_guessing_passwords(
    client: TestClient, outbox: FolderOutbox, throttle_clock: FakeClock
) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    statuses = [confirm(client, "ada@example.org", "AAAA-BBBB-CCCC", peer=ATTACKER).status_code for _ in range(8)]
    assert statuses[:5] == [400] * 5 and statuses[5:] == [429] * 3
    limited = confirm(client, "ada@example.org", "AAAA-BBBB-CCCC", peer=ATTACKER)
    assert int(limited.headers["retry-after"]) == limited.json()["retryAfter"] >= 1
    ask(client, "ada@example.org")
    [code] = codes(outbox, "ada@example.org")
    assert confirm(client, "ada@example.org", code).status_code == 200  # the owner's machine goes through


def test_asking_is_throttled_per_machine_and_per_account_from_a_machine(client: TestClient) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    same_account = [ask(client, "ada@example.org", peer=ATTACKER).status_code for _ in range(4)]
    assert same_account == [202, 202, 202, 429]
    assert ask(client, "ada@example.org").status_code == 202  # the owner's machine is not held back
    # Unknown emails count the same, so the 429 tells nothing either.
    assert [ask(client, "nobody@example.org", peer="192.0.2.66").status_code for _ in range(4)] == [202, 202, 202, 429]
    spray = [ask(client, f"person{n}@example.org", peer="192.0.2.77").status_code for n in range(6)]
    assert spray == [202] * 5 + [429]
    limited = ask(client, "person9@example.org", peer="192.0.2.77")
    assert error(limited) == (429, "TOO_MANY_REQUESTS") and int(limited.headers["retry-after"]) >= 1


def test_an_account_gets_a_few_open_codes_and_a_new_one_never_voids_an_earlier_one(
    client: TestClient, outbox: FolderOutbox
) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": OLD})
    for n in range(MAX_OPEN_CODES + 2):
        assert ask(client, "ada@example.org", peer=f"192.0.2.{n}").status_code == 202
    sent = codes(outbox, "ada@example.org")
    assert len(sent) == MAX_OPEN_CODES
    assert confirm(client, "ada@example.org", sent[0]).status_code == 200
    assert error(confirm(client, "ada@example.org", sent[1])) == (400, "INVALID_CODE")  # one reset ends them all


def test_a_code_expires(accounts: LocalAccounts, outbox: FolderOutbox, database: SqliteDatabase) -> None:
    clock = FakeClock()
    resets = LocalPasswordResets(accounts, outbox, SqliteTokenRevocations(database), clock=clock, sleep=clock.advance)
    accounts.sign_up("ada@example.org", OLD)
    resets.send_code(resets.check_request("ada@example.org", OWNER))
    [code] = codes(outbox, "ada@example.org")
    clock.advance(CODE_TTL)
    with pytest.raises(AccountError) as refused:
        resets.confirm("ada@example.org", code, NEW, OWNER)
    assert refused.value.code == "INVALID_CODE"
    resets.send_code(resets.check_request("ada@example.org", OWNER))  # the expired one no longer counts as open
    [fresh] = [c for c in codes(outbox, "ada@example.org") if c != code]
    clock.advance(CODE_TTL - 1)
    resets.confirm("ada@example.org", fresh, NEW, OWNER)
    assert accounts.sign_in("ada@example.org", NEW, OWNER).user.email == "ada@example.org"


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/auth/password-reset", {"email": "not-an-email"}, (400, "INVALID_EMAIL")),
        ("/auth/password-reset", {}, (400, "BAD_REQUEST")),
        ("/auth/password-reset/confirm", {"email": "ada@example.org", "password": NEW}, (400, "BAD_REQUEST")),
        (
            "/auth/password-reset/confirm",
            {"email": "ada@example.org", "code": 7, "password": NEW},
            (400, "BAD_REQUEST"),
        ),
        ("/auth/password-reset/confirm", {"email": "x", "code": "x" * 5000, "password": NEW}, (400, "INVALID_CODE")),
    ],
)
def test_bad_requests_get_typed_errors(
    client: TestClient, path: str, body: dict[str, object], expected: tuple[int, str]
) -> None:
    response = client.post(path, json=body)
    assert error(response) == expected and response.json()["message"]


def test_the_app_mounts_the_reset_and_the_admin_reads_the_outbox(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The composed app (real Argon2, the app's verifier on /graphql) and `cvmaker outbox` on its data folder."""
    settings = Settings(data_dir=tmp_path / "data", web_dist=tmp_path / "no-web-app")
    query = {"query": "{ cvs { edges { cursor } } }"}
    with TestClient(create_app(settings)) as app:
        old = app.post("/auth/signup", json={"email": "ada@example.org", "password": OLD}).json()["accessToken"]
        assert app.post("/graphql", json=query, headers={"Authorization": f"Bearer {old}"}).status_code == 200
        assert app.post("/auth/password-reset", json={"email": "ada@example.org"}).status_code == 202

        assert cli(["outbox", "--data-dir", str(settings.data_dir), "--to", "ADA@example.org"]) == 0
        printed = capsys.readouterr().out
        assert "to ada@example.org" in printed and "Subject: Your CV Maker password reset code" in printed
        [code] = CODE.findall(printed)
        assert codes(FolderOutbox(settings.data_dir / "outbox"), "ada@example.org") == [code]
        assert [m.to for m in build_outbox(settings).messages()] == ["ada@example.org"]

        body = {"email": "ada@example.org", "code": code, "password": NEW}
        assert app.post("/auth/password-reset/confirm", json=body).status_code == 200
        refused = app.post("/graphql", json=query, headers={"Authorization": f"Bearer {old}"})
        assert refused.status_code == 401
        new = app.post("/auth/signin", json={"email": "ada@example.org", "password": NEW}).json()["accessToken"]
        assert app.post("/graphql", json=query, headers={"Authorization": f"Bearer {new}"}).status_code == 200
    assert (settings.data_dir / "outbox").stat().st_mode & 0o077 == 0
    files = list((settings.data_dir / "outbox").glob("*.eml"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0


def test_the_outbox_is_empty_before_any_mail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["outbox", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().err.strip() == "(the outbox is empty)"
