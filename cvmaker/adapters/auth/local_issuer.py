"""The embedded default's token issuer: RS256 JWTs shaped like Cognito's, signed with a key kept on disk.

Tokens carry the same claims as a Cognito user pool's, so the one `JwtVerifier` checks both and nothing
downstream knows which issued them. The key is an RSA-2048 private key in `<data_dir>/auth/signing-key.pem`
(mode 0600), made on first use; its kid is the RFC 7638 thumbprint of the public key.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from cvmaker.domain.accounts import UserTokens

LOCAL_ISSUER = "urn:cvmaker:local-issuer"
LOCAL_WEB_CLIENT_ID = "cvmaker-local-web"
USER_SCOPES = "openid email profile"
KEY_FILE = "signing-key.pem"


def rfc7638_thumbprint(public_key: rsa.RSAPublicKey) -> str:
    jwk = RSAAlgorithm.to_jwk(public_key, as_dict=True)
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(canonical.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


class LocalTokenIssuer:
    def __init__(
        self,
        data_dir: Path | str,
        *,
        issuer: str = LOCAL_ISSUER,
        web_client_id: str = LOCAL_WEB_CLIENT_ID,
        access_ttl: int = 3600,
        id_ttl: int = 3600,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.key_dir = Path(data_dir) / "auth"
        self.issuer = issuer
        self.web_client_id = web_client_id
        self.access_ttl = access_ttl
        self.id_ttl = id_ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._key: rsa.RSAPrivateKey | None = None
        self._kid = ""

    @property
    def kid(self) -> str:
        self._private_key()
        return self._kid

    def jwks(self) -> dict[str, Any]:
        public = RSAAlgorithm.to_jwk(self._private_key().public_key(), as_dict=True)
        return {
            "keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": self.kid, "n": public["n"], "e": public["e"]}]
        }

    def user_tokens(
        self,
        sub: str,
        email: str,
        *,
        auth_time: int | None = None,
        origin_jti: str | None = None,
    ) -> UserTokens:
        """An ID and an access token for a signed-in user. `auth_time` (when the user typed the password) and
        `origin_jti` (one per sign-in, kept through refreshes) default to now and a new id."""
        now = int(self.clock())
        auth_time = now if auth_time is None else auth_time
        origin_jti = origin_jti or str(uuid.uuid4())
        event_id = str(uuid.uuid4())
        # Cognito pools that sign in by email use the immutable sub as the username.
        access = {
            "sub": sub,
            "iss": self.issuer,
            "client_id": self.web_client_id,
            "origin_jti": origin_jti,
            "event_id": event_id,
            "token_use": "access",
            "scope": USER_SCOPES,
            "auth_time": auth_time,
            "exp": now + self.access_ttl,
            "iat": now,
            "jti": str(uuid.uuid4()),
            "username": sub,
            "email": email,
        }
        identity = {
            "sub": sub,
            "iss": self.issuer,
            "aud": self.web_client_id,
            "email": email,
            "email_verified": False,  # the embedded default sends no confirmation mail
            "cognito:username": sub,
            "origin_jti": origin_jti,
            "event_id": event_id,
            "token_use": "id",
            "auth_time": auth_time,
            "exp": now + self.id_ttl,
            "iat": now,
            "jti": str(uuid.uuid4()),
        }
        return UserTokens(self._sign(identity), self._sign(access), self.access_ttl)

    def client_credentials_token(self, client_id: str, scopes: Iterable[str]) -> str:
        """An access token for an integrator's program: like Cognito's client-credentials grant, no username
        and `sub` equal to the client id."""
        now = int(self.clock())
        claims = {
            "sub": client_id,
            "iss": self.issuer,
            "client_id": client_id,
            "token_use": "access",
            "scope": " ".join(sorted(set(scopes))),
            "auth_time": now,
            "exp": now + self.access_ttl,
            "iat": now,
            "jti": str(uuid.uuid4()),
            "version": 2,
        }
        return self._sign(claims)

    def _sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self._private_key(), algorithm="RS256", headers={"kid": self.kid, "typ": None})

    def _private_key(self) -> rsa.RSAPrivateKey:
        if self._key is None:
            with self._lock:
                if self._key is None:
                    key = self._load_or_create()
                    self._kid = rfc7638_thumbprint(key.public_key())
                    self._key = key
        return self._key

    def _load_or_create(self) -> rsa.RSAPrivateKey:
        path = self.key_dir / KEY_FILE
        if not path.exists():
            self._create(path)
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < 2048:
            raise ValueError(f"{path} is not an RSA private key of at least 2048 bits.")
        return key

    def _create(self, path: Path) -> None:
        self.key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        # mkstemp creates the file 0600; os.link publishes it whole and fails if another process won the race,
        # in which case its key is the one everybody uses.
        fd, temp = tempfile.mkstemp(dir=self.key_dir, prefix=".key-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(temp, path)
            except FileExistsError:
                pass
        finally:
            os.unlink(temp)
