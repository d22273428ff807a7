"""The `TokenVerifier` contract, run on every issuer the app trusts: the local issuer (embedded default, keys read
in process) and a Cognito user pool (cloud shape: moto's cognito-idp, tokens from USER_PASSWORD_AUTH sign-in, keys
fetched over HTTP from the pool's JWKS URL, which differs from `iss` as it does behind any emulator).

The verifier is the one `JwtVerifier`, built as `api.composition` builds it; these tests prove that real tokens
of both issuers pass and that tokens of the wrong kind, client, pool or age do not."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from api.composition import build_verifier
from api.settings import Settings
from cvmaker.adapters.auth.jwt_verifier import JwksCache, JwtVerifier, http_jwks_fetcher
from cvmaker.adapters.auth.local_accounts import LocalAccounts
from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer
from cvmaker.adapters.aws.provisioning import UserPool, create_user, create_user_pool, sign_in
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import TokenVerifier
from tests.contract.emulator import Emulator

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class SignedIn:
    sub: str
    email: str
    id_token: str
    access_token: str


class Issuer(Protocol):
    """One way users get tokens, and the verifier the app builds for it."""

    web_client_id: str

    def sign_in(self, email: str) -> SignedIn: ...

    def sign_in_through_another_client(self, email: str) -> SignedIn: ...

    def sign_in_to_another_pool(self, email: str) -> SignedIn: ...

    def verifier(self, token_use: str = "access", now: float | None = None) -> JwtVerifier: ...

    def app_verifier(self) -> TokenVerifier:
        """The verifier `api.composition` wires from settings for this issuer."""
        ...


class LocalIssuer:
    def __init__(self, data_dir: Path) -> None:
        self.settings = Settings(data_dir=data_dir)
        self.web_client_id = self.settings.local_client_id
        self.accounts = LocalAccounts(SqliteDatabase(data_dir / "cvmaker.sqlite3"))
        self.issuer = LocalTokenIssuer(data_dir, issuer=self.settings.local_issuer, web_client_id=self.web_client_id)
        self.data_dir = data_dir

    def _tokens(self, issuer: LocalTokenIssuer, email: str) -> SignedIn:
        sub = self.accounts.ensure_user(email).sub
        tokens = issuer.user_tokens(sub, email)
        return SignedIn(sub, email, tokens.id_token, tokens.access_token)

    def sign_in(self, email: str) -> SignedIn:
        return self._tokens(self.issuer, email)

    def sign_in_through_another_client(self, email: str) -> SignedIn:
        # Same key, same issuer, another client id: only the client check can tell.
        other = LocalTokenIssuer(self.data_dir, issuer=self.settings.local_issuer, web_client_id="someone-elses-app")
        return self._tokens(other, email)

    def sign_in_to_another_pool(self, email: str) -> SignedIn:
        # Another installation: its own key, the same issuer name and client id.
        other = LocalTokenIssuer(
            self.data_dir / "elsewhere", issuer=self.settings.local_issuer, web_client_id=self.web_client_id
        )
        return self._tokens(other, email)

    def verifier(self, token_use: str = "access", now: float | None = None) -> JwtVerifier:
        verifier = JwtVerifier(
            self.settings.local_issuer,
            self.accounts.accepted_client_ids(self.web_client_id),
            JwksCache(self.issuer.jwks),
            token_use=token_use,
        )
        if now is not None:
            verifier.clock = lambda: now
        return verifier

    def app_verifier(self) -> TokenVerifier:
        return build_verifier(self.settings, self.accounts, self.issuer)


class CognitoIssuer:
    def __init__(self, emulator: Emulator) -> None:
        self.cognito = emulator.client("cognito-idp")
        self.pool = create_user_pool(
            self.cognito, f"cvmaker-{uuid.uuid4().hex[:8]}", emulator.region, emulator.endpoint_url
        )
        self.web_client_id = self.pool.web_client_id
        self.emulator = emulator
        self._other_pool: UserPool | None = None

    def _tokens(self, pool: UserPool, email: str) -> SignedIn:
        try:
            sub = create_user(self.cognito, pool, email, PASSWORD)
        except self.cognito.exceptions.UsernameExistsException:
            sub = self.cognito.admin_get_user(UserPoolId=pool.pool_id, Username=email)["Username"]
        tokens = sign_in(self.cognito, pool, email, PASSWORD)
        return SignedIn(sub, email, tokens["IdToken"], tokens["AccessToken"])

    def sign_in(self, email: str) -> SignedIn:
        return self._tokens(self.pool, email)

    def sign_in_through_another_client(self, email: str) -> SignedIn:
        client_id = self.cognito.create_user_pool_client(
            UserPoolId=self.pool.pool_id,
            ClientName="someone-elses-app",
            GenerateSecret=False,
            ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        )["UserPoolClient"]["ClientId"]
        other = UserPool(self.pool.pool_id, client_id, self.pool.region, self.pool.endpoint_url)
        return self._tokens(other, email)

    def sign_in_to_another_pool(self, email: str) -> SignedIn:
        other = create_user_pool(
            self.cognito, f"other-{uuid.uuid4().hex[:8]}", self.emulator.region, self.emulator.endpoint_url
        )
        return self._tokens(other, email)

    def verifier(self, token_use: str = "access", now: float | None = None) -> JwtVerifier:
        verifier = JwtVerifier(
            self.pool.issuer,
            frozenset({self.web_client_id}),
            JwksCache(http_jwks_fetcher(self.pool.jwks_url)),
            token_use=token_use,
        )
        if now is not None:
            verifier.clock = lambda: now
        return verifier

    def app_verifier(self) -> TokenVerifier:
        settings = Settings(
            auth="cognito",
            cognito_issuer=self.pool.issuer,
            cognito_jwks_url=self.pool.jwks_url,
            cognito_client_ids=(self.web_client_id,),
        )
        return build_verifier(settings, None, None)


@pytest.fixture(params=["local", "cognito"])
def issuer(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Issuer]:
    if request.param == "local":
        yield LocalIssuer(tmp_path / "data")
    else:
        yield CognitoIssuer(request.getfixturevalue("emulator"))


def claims(token: str) -> dict[str, Any]:
    return jwt.decode(token, options={"verify_signature": False})


def with_claims(token: str, **changes: Any) -> str:
    """The same header and signature around edited claims."""
    header, payload, signature = token.split(".")
    edited = {**json.loads(base64.urlsafe_b64decode(payload + "==")), **changes}
    body = base64.urlsafe_b64encode(json.dumps(edited).encode()).decode().rstrip("=")
    return f"{header}.{body}.{signature}"


# ---------------------------------------------------------------- accepted


def test_a_signed_in_users_access_token_names_the_user(issuer: Issuer) -> None:
    ada = issuer.sign_in("ada@example.com")
    principal = issuer.verifier().verify(ada.access_token)
    assert principal.sub == ada.sub and principal.client_id == issuer.web_client_id
    assert principal.is_machine is False and principal.may("cvmaker/write")


def test_an_id_token_passes_a_verifier_of_id_tokens_and_carries_the_email(issuer: Issuer) -> None:
    ada = issuer.sign_in("ada@example.com")
    principal = issuer.verifier("id").verify(ada.id_token)
    assert (principal.sub, principal.email, principal.client_id) == (ada.sub, "ada@example.com", issuer.web_client_id)


def test_the_verifier_the_app_wires_from_settings_accepts_its_issuers_tokens(issuer: Issuer) -> None:
    ada = issuer.sign_in("ada@example.com")
    assert issuer.app_verifier().verify(ada.access_token).sub == ada.sub
    with pytest.raises(Unauthenticated):
        issuer.app_verifier().verify(ada.id_token)


def test_two_users_get_two_subjects(issuer: Issuer) -> None:
    ada, bob = issuer.sign_in("ada@example.com"), issuer.sign_in("bob@example.com")
    verifier = issuer.verifier()
    assert verifier.verify(ada.access_token).sub != verifier.verify(bob.access_token).sub


# ---------------------------------------------------------------- refused


def test_an_id_token_is_refused_where_an_access_token_is_expected_and_back(issuer: Issuer) -> None:
    ada = issuer.sign_in("ada@example.com")
    with pytest.raises(Unauthenticated):
        issuer.verifier("access").verify(ada.id_token)
    with pytest.raises(Unauthenticated):
        issuer.verifier("id").verify(ada.access_token)


def test_a_token_issued_to_another_app_client_is_refused(issuer: Issuer) -> None:
    ada = issuer.sign_in_through_another_client("ada@example.com")
    assert claims(ada.access_token)["client_id"] != issuer.web_client_id
    for token_use, token in (("access", ada.access_token), ("id", ada.id_token)):
        with pytest.raises(Unauthenticated, match="another client"):
            issuer.verifier(token_use).verify(token)


def test_a_token_of_another_pool_is_refused(issuer: Issuer) -> None:
    stranger = issuer.sign_in_to_another_pool("ada@example.com")
    for token_use, token in (("access", stranger.access_token), ("id", stranger.id_token)):
        with pytest.raises(Unauthenticated):
            issuer.verifier(token_use).verify(token)


def test_an_expired_token_is_refused(issuer: Issuer) -> None:
    ada = issuer.sign_in("ada@example.com")
    expires = claims(ada.access_token)["exp"]
    assert issuer.verifier(now=expires - 1).verify(ada.access_token).sub == ada.sub
    with pytest.raises(Unauthenticated, match="expired"):
        issuer.verifier(now=expires + 31).verify(ada.access_token)  # past the 30 s leeway for clock skew


def test_a_token_whose_claims_were_edited_is_refused(issuer: Issuer) -> None:
    ada, bob = issuer.sign_in("ada@example.com"), issuer.sign_in("bob@example.com")
    for forged in (with_claims(ada.access_token, sub=bob.sub), with_claims(ada.access_token, exp=4_000_000_000)):
        with pytest.raises(Unauthenticated):
            issuer.verifier().verify(forged)


def test_a_token_signed_by_another_key_under_the_pools_kid_is_refused(issuer: Issuer) -> None:
    ada = issuer.sign_in("ada@example.com")
    attacker = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = jwt.get_unverified_header(ada.access_token)["kid"]
    forged = jwt.encode(claims(ada.access_token), attacker, algorithm="RS256", headers={"kid": kid})
    with pytest.raises(Unauthenticated, match="signature"):
        issuer.verifier().verify(forged)


def test_an_integrators_client_credentials_token_carries_only_its_scopes(tmp_path: Path) -> None:
    # Local issuer only: moto has no OAuth2 token endpoint, so Cognito's client-credentials grant cannot run here.
    local = LocalIssuer(tmp_path / "data")
    client_id, _secret = local.accounts.create_client("Acme ATS", ["cvmaker/read"])
    token = local.issuer.client_credentials_token(client_id, ["cvmaker/read"])
    principal = local.verifier().verify(token)
    assert principal.is_machine and principal.may("cvmaker/read") and not principal.may("cvmaker/write")
    local.accounts.delete_client(client_id)
    with pytest.raises(Unauthenticated):
        local.verifier().verify(token)
