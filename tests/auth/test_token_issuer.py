"""The local issuer: its key on disk, its JWKS, and tokens shaped like Cognito's that the same verifier accepts."""

from __future__ import annotations

import base64
import hashlib
import json
import stat
import threading
from pathlib import Path

import jwt
import pytest

from cvmaker.adapters.auth.jwt_verifier import JwksCache, JwtVerifier
from cvmaker.adapters.auth.local_issuer import LOCAL_ISSUER, LOCAL_WEB_CLIENT_ID, LocalTokenIssuer
from cvmaker.domain.errors import Unauthenticated
from tests.auth.forge import FakeClock


def _verifier(issuer: LocalTokenIssuer, token_use: str = "access", clients: set[str] | None = None) -> JwtVerifier:
    return JwtVerifier(
        issuer.issuer,
        clients or {issuer.web_client_id},
        JwksCache(issuer.jwks),
        token_use=token_use,
        clock=issuer.clock,
    )


def test_the_key_is_made_on_first_use_readable_only_by_its_owner(tmp_path: Path) -> None:
    issuer = LocalTokenIssuer(tmp_path)
    assert not (tmp_path / "auth").exists()

    issuer.jwks()

    key_file = tmp_path / "auth" / "signing-key.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "auth").stat().st_mode) == 0o700
    assert list((tmp_path / "auth").iterdir()) == [key_file]  # no temporary file left behind


def test_the_key_survives_a_restart(issuer_dir: Path) -> None:
    first = LocalTokenIssuer(issuer_dir)
    token = first.user_tokens("user-1", "ada@example.org").access_token

    second = LocalTokenIssuer(issuer_dir)
    assert second.kid == first.kid
    assert _verifier(second).verify(token).sub == "user-1"


def test_processes_racing_to_make_the_key_agree_on_one(tmp_path: Path) -> None:
    issuers = [LocalTokenIssuer(tmp_path) for _ in range(4)]
    kids: list[str] = []
    threads = [threading.Thread(target=lambda i=i: kids.append(i.kid)) for i in issuers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(kids)) == 1


def test_the_kid_is_the_rfc7638_thumbprint(issuer: LocalTokenIssuer) -> None:
    (jwk,) = issuer.jwks()["keys"]
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"))
    expected = base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).decode().rstrip("=")
    assert jwk["kid"] == expected == issuer.kid
    assert {jwk["kty"], jwk["alg"], jwk["use"]} == {"RSA", "RS256", "sig"}
    assert "d" not in jwk and "p" not in jwk  # public members only


def test_a_key_file_that_is_not_an_rsa_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "auth").mkdir()
    (tmp_path / "auth" / "signing-key.pem").write_text("not a key")
    with pytest.raises(ValueError):
        LocalTokenIssuer(tmp_path).jwks()


def test_user_tokens_have_cognitos_claims(issuer_dir: Path) -> None:
    clock = FakeClock()
    issuer = LocalTokenIssuer(issuer_dir, clock=clock)
    tokens = issuer.user_tokens("user-1", "ada@example.org", auth_time=int(clock.now) - 5, origin_jti="family-1")
    access = jwt.decode(tokens.access_token, options={"verify_signature": False})
    identity = jwt.decode(tokens.id_token, options={"verify_signature": False})

    assert jwt.get_unverified_header(tokens.access_token) == {"alg": "RS256", "kid": issuer.kid}
    assert set(access) == {
        "sub",
        "iss",
        "client_id",
        "origin_jti",
        "event_id",
        "token_use",
        "scope",
        "auth_time",
        "exp",
        "iat",
        "jti",
        "username",
        "email",
    }
    assert (access["iss"], access["client_id"], access["token_use"]) == (LOCAL_ISSUER, LOCAL_WEB_CLIENT_ID, "access")
    assert access["exp"] - access["iat"] == 3600 and access["iat"] == int(clock.now)
    assert (access["auth_time"], access["origin_jti"]) == (int(clock.now) - 5, "family-1")
    assert "aud" not in access
    assert set(identity) >= {
        "sub",
        "aud",
        "email",
        "email_verified",
        "cognito:username",
        "token_use",
        "auth_time",
        "exp",
        "iat",
        "jti",
    }
    assert (identity["aud"], identity["token_use"], identity["email"]) == (LOCAL_WEB_CLIENT_ID, "id", "ada@example.org")
    assert "client_id" not in identity
    assert access["jti"] != identity["jti"]
    assert tokens.expires_in == 3600


def test_the_shared_verifier_accepts_local_tokens_for_what_they_are(issuer_dir: Path) -> None:
    clock = FakeClock()
    issuer = LocalTokenIssuer(issuer_dir, clock=clock)
    tokens = issuer.user_tokens("user-1", "ada@example.org")

    principal = _verifier(issuer).verify(tokens.access_token)
    assert (principal.sub, principal.email, principal.is_machine) == ("user-1", "ada@example.org", False)
    assert _verifier(issuer, "id").verify(tokens.id_token).sub == "user-1"
    with pytest.raises(Unauthenticated):
        _verifier(issuer).verify(tokens.id_token)
    with pytest.raises(Unauthenticated):
        _verifier(issuer, "id").verify(tokens.access_token)

    clock.advance(3600 + 31)
    with pytest.raises(Unauthenticated, match="expired"):
        _verifier(issuer).verify(tokens.access_token)


def test_another_data_dirs_tokens_are_refused(tmp_path: Path, issuer: LocalTokenIssuer) -> None:
    stranger = LocalTokenIssuer(tmp_path)  # same issuer name and client id, another key
    with pytest.raises(Unauthenticated):
        _verifier(issuer).verify(stranger.user_tokens("user-1", "ada@example.org").access_token)


def test_client_credentials_tokens_are_machines_with_their_scopes(issuer: LocalTokenIssuer) -> None:
    token = issuer.client_credentials_token("integrator123", ["cvmaker/read"])
    claims = jwt.decode(token, options={"verify_signature": False})
    assert "username" not in claims and claims["sub"] == "integrator123" and claims["scope"] == "cvmaker/read"

    principal = _verifier(issuer, clients={"integrator123"}).verify(token)
    assert principal.is_machine and principal.may("cvmaker/read") and not principal.may("cvmaker/write")
    with pytest.raises(Unauthenticated):
        _verifier(issuer).verify(token)  # a client the verifier does not know
