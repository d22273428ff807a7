"""`TokenVerifier` for Cognito-shaped RS256 JWTs: Cognito user pools and the local issuer alike.

The checks copy aws-jwt-verify (see docs/security.md §1): the algorithm is decided from the header before any
key is touched (RS256 only), the key comes from the issuer's JWKS by `kid` and nowhere else (`jku`, `x5u`, `jwk`
and `x5c` headers are never followed), `crit` is refused, and `iss`, `exp`, `iat`, `nbf`, `token_use` and the
client (`client_id` for access tokens, `aud` for ID tokens) are all required and checked. Time is read from an
injected clock, so PyJWT's own time checks (which read the wall clock) are switched off and done here.

`JwksCache` keeps the keys in memory and refetches only for an unknown `kid`, at most once per 10 s, so a flood of
tokens with made-up kids costs one outbound request, not one per token. A failed fetch fails closed.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Container, Mapping
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from jwt.algorithms import RSAAlgorithm

from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import Principal, TokenRevocations

Clock = Callable[[], float]
JwksFetcher = Callable[[], Mapping[str, Any]]

MAX_TOKEN_LENGTH = 8192  # Cognito tokens are 1-4 KB; anything far larger is an attack on the parser
MAX_JWKS_BYTES = 64 * 1024
MACHINE_SCOPES = frozenset({"cvmaker/read", "cvmaker/write"})

# Base64url segments, the signature non-empty: rules out "alg: none" tokens before any decoding.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
# Cognito kids are standard base64 of a hash, RFC 7638 thumbprints are base64url: both fit, paths and quotes do not.
_KID_SHAPE = re.compile(r"^[A-Za-z0-9+/=_-]{1,128}$")
_FORBIDDEN_HEADERS = ("crit", "b64")  # extensions we do not implement must not be silently ignored
_MIN_RSA_BITS = 2048


class JwksUnavailable(Exception):
    """The JWKS could not be fetched or parsed."""


class JwksCache:
    """RS256 public keys by `kid`, fetched lazily from `fetch` and refetched only for an unknown kid, at most
    once per `min_refetch_interval` seconds. Thread-safe: cached kids are read without a lock, and only one
    thread fetches at a time (the others wait for its result, then look again)."""

    def __init__(
        self,
        fetch: JwksFetcher,
        *,
        min_refetch_interval: float = 10.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._min_interval = min_refetch_interval
        self._clock = clock
        self._keys: dict[str, RSAPublicKey] = {}
        self._last_attempt: float | None = None
        self._lock = threading.Lock()

    def key(self, kid: str) -> RSAPublicKey:
        found = self._keys.get(kid)
        if found is not None:
            return found
        with self._lock:
            found = self._keys.get(kid)
            if found is not None:  # another thread's fetch brought it in while we waited
                return found
            now = self._clock()
            if self._last_attempt is not None and now - self._last_attempt < self._min_interval:
                raise Unauthenticated("Unknown signing key.")
            self._last_attempt = now
            try:
                self._keys = parse_jwks(self._fetch())
            except Exception as exc:  # whatever went wrong, no keys means no entry: fail closed
                raise Unauthenticated("Signing keys are unavailable.") from exc
            found = self._keys.get(kid)
        if found is None:
            raise Unauthenticated("Unknown signing key.")
        return found


def parse_jwks(document: Mapping[str, Any]) -> dict[str, RSAPublicKey]:
    """The RS256 signing keys of a JWKS, by kid. Keys of other types or uses are skipped; only the public
    members (`n`, `e`) are read, so a JWKS that wrongly carries private members does not matter."""
    keys = document.get("keys") if isinstance(document, Mapping) else None
    if not isinstance(keys, list):
        raise JwksUnavailable("The JWKS has no 'keys' list.")
    parsed: dict[str, RSAPublicKey] = {}
    for jwk in keys:
        if not isinstance(jwk, Mapping) or jwk.get("kty") != "RSA":
            continue
        kid, n, e = jwk.get("kid"), jwk.get("n"), jwk.get("e")
        if not (isinstance(kid, str) and _KID_SHAPE.match(kid) and isinstance(n, str) and isinstance(e, str)):
            continue
        if jwk.get("use", "sig") != "sig" or jwk.get("alg", "RS256") != "RS256":
            continue
        try:
            public = RSAAlgorithm.from_jwk({"kty": "RSA", "n": n, "e": e})
        except (jwt.InvalidKeyError, ValueError):
            continue
        if isinstance(public, RSAPublicKey) and public.key_size >= _MIN_RSA_BITS:
            parsed[kid] = public
    return parsed


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a JWKS endpoint that redirects is misconfigured or hijacked: fail closed


def http_jwks_fetcher(url: str, timeout: float = 3.0) -> JwksFetcher:
    """A fetch function for `JwksCache` that GETs `url` with the standard library, with `timeout` bounding the
    whole request (connect and every read), no redirects, and a 64 KB cap. Raises `JwksUnavailable`."""
    if not url.startswith(("https://", "http://")):
        raise ValueError("The JWKS URL must be http(s).")
    opener = urllib.request.build_opener(_NoRedirects)

    def fetch() -> Mapping[str, Any]:
        deadline = time.monotonic() + timeout
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        try:
            with opener.open(request, timeout=timeout) as response:
                if response.status != 200:
                    raise JwksUnavailable(f"The JWKS endpoint answered {response.status}.")
                body = bytearray()
                while chunk := response.read1(8192):
                    body += chunk
                    if len(body) > MAX_JWKS_BYTES:
                        raise JwksUnavailable("The JWKS is too large.")
                    if time.monotonic() > deadline:  # a server dripping bytes must not outlast the timeout
                        raise JwksUnavailable("The JWKS endpoint is too slow.")
            document = json.loads(body)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise JwksUnavailable(f"Could not fetch the JWKS: {type(exc).__name__}") from exc
        if not isinstance(document, dict):
            raise JwksUnavailable("The JWKS is not a JSON object.")
        return document

    return fetch


class JwtVerifier:
    """Verifies one kind of token (`token_use` "access" or "id") from one issuer for a set of app clients.

    `allowed_client_ids` only needs `in`: a set for Cognito, or a live view of the local integrator clients."""

    def __init__(
        self,
        issuer: str,
        allowed_client_ids: Container[str],
        jwks: JwksCache,
        *,
        token_use: str = "access",
        leeway: float = 30.0,
        clock: Clock = time.time,
        machine_scopes: frozenset[str] = MACHINE_SCOPES,
        revocations: TokenRevocations | None = None,
    ) -> None:
        if token_use not in ("access", "id"):
            raise ValueError("token_use must be 'access' or 'id'.")
        self.issuer = issuer
        self.allowed_client_ids = allowed_client_ids
        self.jwks = jwks
        self.token_use = token_use
        self.leeway = leeway
        self.clock = clock
        self.machine_scopes = machine_scopes
        # Where sessions can be ended (the local issuer's password reset): tokens issued before are refused.
        self.revocations = revocations

    def verify(self, token: str) -> Principal:
        claims = self.verified_claims(token)
        return self._principal(claims)

    def verified_claims(self, token: str) -> dict[str, Any]:
        """The token's claims once every check has passed; else `Unauthenticated`."""
        kid = self._checked_kid(token)
        key = self.jwks.key(kid)
        required = ["exp", "iat", "iss", "sub", "token_use"]
        required.append("client_id" if self.token_use == "access" else "aud")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                issuer=self.issuer,
                options={
                    "require": required,
                    # Checked below against the injected clock (PyJWT reads the wall clock).
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                    # Access tokens: no audience expected, so a token carrying `aud` (an ID token) fails here.
                    # ID tokens: `aud` is checked below against the allowed clients, which may be a live view.
                    "verify_aud": self.token_use == "access",
                },
            )
        except jwt.InvalidSignatureError as exc:
            raise Unauthenticated("Invalid token signature.") from exc
        except jwt.PyJWTError as exc:
            raise Unauthenticated("Invalid token.") from exc
        self._check_times(claims)
        self._check_use_and_client(claims)
        self._check_not_revoked(claims)
        return claims

    def _check_not_revoked(self, claims: Mapping[str, Any]) -> None:
        if self.revocations is None:
            return
        valid_after = self.revocations.tokens_valid_after(claims["sub"])
        if valid_after is not None and claims["iat"] < valid_after:
            raise Unauthenticated("The session has ended. Sign in again.")

    def _checked_kid(self, token: str) -> str:
        if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH or not _TOKEN_SHAPE.match(token):
            raise Unauthenticated("Malformed token.")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthenticated("Malformed token.") from exc
        if not isinstance(header, dict) or header.get("alg") != "RS256":
            raise Unauthenticated("Unsupported token algorithm.")
        if any(name in header for name in _FORBIDDEN_HEADERS):
            raise Unauthenticated("Unsupported token header.")
        kid = header.get("kid")
        if not isinstance(kid, str) or not _KID_SHAPE.match(kid):
            raise Unauthenticated("Invalid key id.")
        return kid

    def _check_times(self, claims: Mapping[str, Any]) -> None:
        now = self.clock()
        times = {name: claims[name] for name in ("exp", "iat", "nbf") if name in claims}
        if not all(_is_number(value) for value in times.values()):
            raise Unauthenticated("Invalid token times.")
        if times["exp"] <= now - self.leeway:
            raise Unauthenticated("Token has expired.")
        if times["iat"] > now + self.leeway or times.get("nbf", now) > now + self.leeway:
            raise Unauthenticated("Token is not yet valid.")

    def _check_use_and_client(self, claims: Mapping[str, Any]) -> None:
        if claims.get("token_use") != self.token_use:
            raise Unauthenticated("Wrong kind of token.")
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise Unauthenticated("Invalid subject.")
        client = claims.get("client_id") if self.token_use == "access" else claims.get("aud")
        if not isinstance(client, str) or client not in self.allowed_client_ids:
            raise Unauthenticated("Token is for another client.")
        for name in ("scope", "username", "email"):
            if name in claims and not isinstance(claims[name], str):
                raise Unauthenticated("Invalid token claims.")

    def _principal(self, claims: Mapping[str, Any]) -> Principal:
        is_access = self.token_use == "access"
        scopes = frozenset(claims.get("scope", "").split()) if is_access else frozenset()
        # Cognito's client-credentials tokens carry no `username`: the caller is an integrator's program.
        is_machine = is_access and "username" not in claims
        if is_machine and not scopes & self.machine_scopes:
            raise Unauthenticated("Token grants no CV Maker scope.")
        client_id = claims["client_id"] if is_access else claims["aud"]
        return Principal(
            sub=claims["sub"],
            client_id=client_id,
            scopes=scopes,
            email=claims.get("email"),
            is_machine=is_machine,
        )


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
