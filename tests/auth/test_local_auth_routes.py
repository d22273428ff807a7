"""The local sign-in endpoints through HTTP, on a small Starlette app with a protected route that uses the
shared verifier, so every token the endpoints hand out is shown to work (or not) where it matters."""

from __future__ import annotations

import base64
import logging

import pytest
from starlette.testclient import TestClient

from cvmaker.adapters.auth.local_accounts import LocalAccounts
from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer

PASSWORD = "correct horse battery"


def _whoami(client: TestClient, access_token: str) -> dict:
    response = client.get("/whoami", headers={"Authorization": f"Bearer {access_token}"})
    assert response.status_code == 200, response.text
    return response.json()


def _basic(client_id: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


def test_sign_up_returns_working_tokens(client: TestClient) -> None:
    response = client.post("/auth/signup", json={"email": "Ada@Example.org", "password": PASSWORD})

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"idToken", "accessToken", "refreshToken", "expiresIn", "tokenType"}
    assert (body["expiresIn"], body["tokenType"]) == (3600, "Bearer")
    assert response.headers["cache-control"] == "no-store"
    me = _whoami(client, body["accessToken"])
    assert (me["email"], me["machine"]) == ("ada@example.org", False)


def test_sign_in_and_wrong_password(client: TestClient) -> None:
    signed_up = client.post("/auth/signup", json={"email": "ada@example.org", "password": PASSWORD}).json()

    ok = client.post("/auth/signin", json={"email": "ada@example.org", "password": PASSWORD})
    assert ok.status_code == 200
    assert _whoami(client, ok.json()["accessToken"])["sub"] == _whoami(client, signed_up["accessToken"])["sub"]

    wrong = client.post("/auth/signin", json={"email": "ada@example.org", "password": "wrong password"})
    unknown = client.post("/auth/signin", json={"email": "nobody@example.org", "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"error": "BAD_CREDENTIALS", "message": "Wrong email or password."}


def test_a_duplicate_email_is_refused_without_saying_why(client: TestClient) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": PASSWORD})
    response = client.post("/auth/signup", json={"email": "ADA@example.org", "password": "another password"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "SIGN_UP_FAILED",
        "message": "Could not create the account. If you already have one, sign in.",
    }


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"email": "ada@example.org", "password": "short"}, 400, "WEAK_PASSWORD"),
        ({"email": "not-an-email", "password": PASSWORD}, 400, "INVALID_EMAIL"),
        ({"email": "ada@example.org"}, 400, "BAD_REQUEST"),
        ({"email": "ada@example.org", "password": 12345678}, 400, "BAD_REQUEST"),
        (["ada@example.org", PASSWORD], 400, "BAD_REQUEST"),
    ],
)
def test_bad_sign_ups_get_typed_errors(client: TestClient, body: object, status: int, code: str) -> None:
    response = client.post("/auth/signup", json=body)
    assert (response.status_code, response.json()["error"]) == (status, code)
    assert response.json()["message"]


def test_bodies_that_are_not_json_or_too_large_are_refused(client: TestClient) -> None:
    not_json = client.post("/auth/signin", content=b"{oops", headers={"Content-Type": "application/json"})
    assert (not_json.status_code, not_json.json()["error"]) == (400, "BAD_REQUEST")

    form = client.post("/auth/signin", data={"email": "ada@example.org", "password": PASSWORD})
    assert (form.status_code, form.json()["error"]) == (415, "UNSUPPORTED_MEDIA_TYPE")

    huge = client.post("/auth/signup", json={"email": "ada@example.org", "password": "p" * 20_000})
    assert (huge.status_code, huge.json()["error"]) == (413, "PAYLOAD_TOO_LARGE")


def test_refresh_rotates_and_a_replayed_token_ends_the_session(client: TestClient) -> None:
    first = client.post("/auth/signup", json={"email": "ada@example.org", "password": PASSWORD}).json()

    second = client.post("/auth/refresh", json={"refreshToken": first["refreshToken"]})
    assert second.status_code == 200
    rotated = second.json()
    assert rotated["refreshToken"] != first["refreshToken"]
    assert _whoami(client, rotated["accessToken"])["email"] == "ada@example.org"

    replay = client.post("/auth/refresh", json={"refreshToken": first["refreshToken"]})
    assert (replay.status_code, replay.json()["error"]) == (401, "INVALID_REFRESH_TOKEN")
    after = client.post("/auth/refresh", json={"refreshToken": rotated["refreshToken"]})
    assert after.status_code == 401


def test_sign_out_ends_the_refresh_token(client: TestClient) -> None:
    tokens = client.post("/auth/signup", json={"email": "ada@example.org", "password": PASSWORD}).json()

    out = client.post("/auth/signout", json={"refreshToken": tokens["refreshToken"]})
    assert out.status_code == 204 and out.content == b""
    refused = client.post("/auth/refresh", json={"refreshToken": tokens["refreshToken"]})
    assert refused.status_code == 401
    again = client.post("/auth/signout", json={"refreshToken": tokens["refreshToken"]})
    assert again.status_code == 204  # signing out twice is harmless


def test_failed_sign_ins_are_throttled_with_a_typed_429(client: TestClient) -> None:
    client.post("/auth/signup", json={"email": "ada@example.org", "password": PASSWORD})
    client.post("/auth/signup", json={"email": "bob@example.org", "password": PASSWORD})

    statuses = [
        client.post("/auth/signin", json={"email": "ada@example.org", "password": f"guess {n}"}).status_code
        for n in range(5)
    ]
    assert statuses == [401] * 5
    limited = client.post("/auth/signin", json={"email": "ada@example.org", "password": PASSWORD})
    assert limited.status_code == 429
    assert limited.json() == {"error": "TOO_MANY_REQUESTS", "message": limited.json()["message"], "retryAfter": 1}
    assert limited.headers["retry-after"] == "1" and limited.headers["cache-control"] == "no-store"
    assert client.post("/auth/signin", json={"email": "bob@example.org", "password": PASSWORD}).status_code == 200


def test_passwords_never_reach_responses_or_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "my very secret passphrase"
    with caplog.at_level(logging.DEBUG):
        responses = [client.post("/auth/signup", json={"email": "ada@example.org", "password": secret})]
        responses += [
            client.post("/auth/signin", json={"email": "ada@example.org", "password": secret + str(n)})
            for n in range(12)
        ]
        responses.append(client.post("/auth/signup", json={"email": "x", "password": secret}))
    assert all(secret not in response.text for response in responses)
    assert secret not in caplog.text
    assert any(response.status_code == 429 for response in responses)


def test_client_credentials_issue_machine_tokens(client: TestClient, accounts: LocalAccounts) -> None:
    client_id, secret = accounts.create_client("Recruiting tool", ["cvmaker/read", "cvmaker/write"])

    response = client.post("/auth/token", data={"grant_type": "client_credentials"}, headers=_basic(client_id, secret))
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"access_token", "expires_in", "token_type"} and body["token_type"] == "Bearer"
    assert response.headers["cache-control"] == "no-store"
    me = _whoami(client, body["access_token"])
    assert me == {"sub": client_id, "email": None, "machine": True, "scopes": ["cvmaker/read", "cvmaker/write"]}

    narrowed = client.post(
        "/auth/token",
        data={"grant_type": "client_credentials", "scope": "cvmaker/read"},
        headers=_basic(client_id, secret),
    )
    assert _whoami(client, narrowed.json()["access_token"])["scopes"] == ["cvmaker/read"]


def test_client_credentials_refuse_a_wrong_secret_or_scope(client: TestClient, accounts: LocalAccounts) -> None:
    client_id, secret = accounts.create_client("Reader", ["cvmaker/read"])
    grant = {"grant_type": "client_credentials"}

    wrong = client.post("/auth/token", data=grant, headers=_basic(client_id, "not-the-secret"))
    assert (wrong.status_code, wrong.json()["error"]) == (401, "invalid_client")
    assert wrong.headers["www-authenticate"].startswith("Basic")
    assert "access_token" not in wrong.json()

    anonymous = client.post("/auth/token", data=grant)
    assert (anonymous.status_code, anonymous.json()["error"]) == (401, "invalid_client")
    garbled = client.post("/auth/token", data=grant, headers={"Authorization": "Basic !!!"})
    assert garbled.status_code == 401

    wider = client.post("/auth/token", data={**grant, "scope": "cvmaker/write"}, headers=_basic(client_id, secret))
    assert (wider.status_code, wider.json()["error"]) == (400, "invalid_scope")

    password_grant = client.post(
        "/auth/token",
        data={"grant_type": "password", "username": "a", "password": "b"},
        headers=_basic(client_id, secret),
    )
    assert (password_grant.status_code, password_grant.json()["error"]) == (400, "unsupported_grant_type")


def test_a_deleted_clients_tokens_stop_working(client: TestClient, accounts: LocalAccounts) -> None:
    client_id, secret = accounts.create_client("Tool", ["cvmaker/read"])
    token = client.post(
        "/auth/token", data={"grant_type": "client_credentials"}, headers=_basic(client_id, secret)
    ).json()["access_token"]
    accounts.delete_client(client_id)
    assert client.get("/whoami", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_the_jwks_is_served(client: TestClient, issuer: LocalTokenIssuer) -> None:
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    assert response.json() == issuer.jwks()
    assert all(set(key) == {"kty", "alg", "use", "kid", "n", "e"} for key in response.json()["keys"])
