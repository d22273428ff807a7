"""Building tokens for the verifier tests: honest ones from a fake user pool, and forged ones an attacker could
send. PyJWT refuses to sign some of the forgeries (HS256 with a public key), so those are assembled by hand."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

REGION_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1"
OTHER_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool"
WEB_CLIENT = "4h2example0webclient0id0ab"
OTHER_CLIENT = "9z9example0otherclient0id0"
NOW = 1_800_000_000.0  # a fixed instant read through the injected clock


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def assemble(header: dict[str, Any], claims: dict[str, Any], signature: bytes = b"") -> str:
    head = b64url(json.dumps(header).encode())
    body = b64url(json.dumps(claims).encode())
    return f"{head}.{body}.{b64url(signature)}"


def hs256_forgery(header: dict[str, Any], claims: dict[str, Any], secret: bytes) -> str:
    unsigned = assemble(header, claims).rsplit(".", 1)[0]
    signature = hmac.new(secret, unsigned.encode(), hashlib.sha256).digest()
    return f"{unsigned}.{b64url(signature)}"


def public_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, str]:
    jwk = RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    return {"kty": "RSA", "alg": "RS256", "use": "sig", "kid": kid, "n": jwk["n"], "e": jwk["e"]}


def public_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


@dataclass
class Pool:
    """A fake Cognito user pool: its key, kid, issuer and web client, minting tokens the way Cognito does."""

    key: rsa.RSAPrivateKey
    kid: str = "pool-key-1"
    issuer: str = REGION_ISSUER
    client_id: str = WEB_CLIENT
    extra_keys: list[dict[str, str]] = field(default_factory=list)

    def jwks(self) -> dict[str, Any]:
        return {"keys": [public_jwk(self.key, self.kid), *self.extra_keys]}

    def access_claims(self, **overrides: Any) -> dict[str, Any]:
        claims: dict[str, Any] = {
            "sub": "8f1c2a4e-0000-4000-8000-000000000001",
            "iss": self.issuer,
            "client_id": self.client_id,
            "origin_jti": "origin-1",
            "event_id": "event-1",
            "token_use": "access",
            "scope": "aws.cognito.signin.user.admin",
            "auth_time": int(NOW) - 60,
            "exp": int(NOW) + 3600,
            "iat": int(NOW) - 60,
            "jti": "jti-1",
            "username": "8f1c2a4e-0000-4000-8000-000000000001",
        }
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def machine_claims(self, scope: str = "cvmaker/read cvmaker/write", **overrides: Any) -> dict[str, Any]:
        claims = self.access_claims(sub=self.client_id, scope=scope, **overrides)
        del claims["username"]
        return claims

    def id_claims(self, **overrides: Any) -> dict[str, Any]:
        claims: dict[str, Any] = {
            "sub": "8f1c2a4e-0000-4000-8000-000000000001",
            "iss": self.issuer,
            "aud": self.client_id,
            "email": "ada@example.org",
            "email_verified": True,
            "cognito:username": "8f1c2a4e-0000-4000-8000-000000000001",
            "token_use": "id",
            "auth_time": int(NOW) - 60,
            "exp": int(NOW) + 3600,
            "iat": int(NOW) - 60,
            "jti": "jti-2",
        }
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def sign(
        self,
        claims: dict[str, Any],
        *,
        key: rsa.RSAPrivateKey | None = None,
        kid: str | None = None,
        headers: dict[str, Any] | None = None,
    ) -> str:
        header = {"kid": self.kid if kid is None else kid, "typ": None}
        header.update(headers or {})
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers=header)


class FakeClock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class CountingFetcher:
    """A JWKS source that counts its calls and can be told to fail or to serve other keys."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.calls = 0
        self.failure: Exception | None = None

    def __call__(self) -> dict[str, Any]:
        self.calls += 1
        if self.failure is not None:
            raise self.failure
        return self.document
