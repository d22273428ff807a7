"""The verifier against docs/security.md §10, items 1-9: every token here but the honest ones must be refused
with `Unauthenticated`, and the forged algorithms before any key is fetched."""

from __future__ import annotations

import json
import random
import string
import time

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from cvmaker.adapters.auth.jwt_verifier import JwksCache, JwtVerifier
from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import Principal
from tests.auth.conftest import SilentServer
from tests.auth.forge import (
    NOW,
    OTHER_CLIENT,
    OTHER_ISSUER,
    CountingFetcher,
    FakeClock,
    Pool,
    assemble,
    b64url,
    hs256_forgery,
    public_jwk,
    public_pem,
)


def test_an_honest_access_token_gives_the_user(verifier: JwtVerifier, pool: Pool) -> None:
    principal = verifier.verify(pool.sign(pool.access_claims(email="ada@example.org")))

    assert principal == Principal(
        sub="8f1c2a4e-0000-4000-8000-000000000001",
        client_id=pool.client_id,
        scopes=frozenset({"aws.cognito.signin.user.admin"}),
        email="ada@example.org",
        is_machine=False,
    )
    assert principal.may("cvmaker/write")  # people are limited by ownership, not scopes


def test_an_honest_id_token_gives_the_user(id_verifier: JwtVerifier, pool: Pool) -> None:
    principal = id_verifier.verify(pool.sign(pool.id_claims()))

    assert (principal.sub, principal.client_id, principal.email) == (
        "8f1c2a4e-0000-4000-8000-000000000001",
        pool.client_id,
        "ada@example.org",
    )
    assert not principal.is_machine


def test_a_client_credentials_token_is_a_machine_limited_by_its_scopes(verifier: JwtVerifier, pool: Pool) -> None:
    principal = verifier.verify(pool.sign(pool.machine_claims(scope="cvmaker/read")))

    assert principal.is_machine
    assert principal.scopes == frozenset({"cvmaker/read"})
    assert principal.may("cvmaker/read")
    assert not principal.may("cvmaker/write")


def test_a_machine_token_without_any_cvmaker_scope_is_refused(verifier: JwtVerifier, pool: Pool) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.machine_claims(scope="othersvc/read")))


# 1. Missing, garbage, two-part, non-base64 tokens


@pytest.mark.parametrize(
    "token",
    [
        "",
        "garbage",
        "a.b",
        "a.b.c.d",
        "Bearer x.y.z",
        "abc.def.gh!",
        "%%%.%%%.%%%",
        "eyJhbGciOiJSUzI1NiJ9.not-json-at-all.c2ln",
        b64url(b"[1,2]") + ".e30.c2ln",  # a header that is JSON but not an object
        b64url(b'{"alg":"RS256","kid":7}') + ".e30.c2ln",  # a kid that is not a string
        "x" * 9000 + ".e30.c2ln",  # far larger than any real token
    ],
)
def test_malformed_tokens_are_refused_without_key_work(
    verifier: JwtVerifier, fetcher: CountingFetcher, token: str
) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(token)
    assert fetcher.calls == 0


def test_a_non_string_token_is_refused(verifier: JwtVerifier) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(None)  # type: ignore[arg-type]


def test_a_token_with_an_undecodable_body_is_refused(verifier: JwtVerifier, pool: Pool) -> None:
    head, _, signature = pool.sign(pool.access_claims()).split(".")
    with pytest.raises(Unauthenticated):
        verifier.verify(f"{head}.{b64url(b'not json')}.{signature}")


# 2. alg "none"


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
def test_alg_none_is_refused_with_or_without_a_signature(
    verifier: JwtVerifier, fetcher: CountingFetcher, pool: Pool, alg: str
) -> None:
    header = {"alg": alg, "kid": pool.kid, "typ": "JWT"}
    for signature in (b"", b"anything"):
        with pytest.raises(Unauthenticated):
            verifier.verify(assemble(header, pool.access_claims(), signature))
    assert fetcher.calls == 0


# 3. HS256 keyed with the pool's public key


def test_hs256_keyed_with_the_public_key_in_any_form_is_refused(
    verifier: JwtVerifier, fetcher: CountingFetcher, pool: Pool
) -> None:
    jwk = public_jwk(pool.key, pool.kid)
    secrets = [
        public_pem(pool.key),
        public_pem(pool.key).strip(),
        json.dumps(jwk).encode(),
        json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode(),
        jwk["n"].encode(),
    ]
    for alg in ("HS256", "HS384", "HS512"):
        for secret in secrets:
            token = hs256_forgery({"alg": alg, "kid": pool.kid}, pool.access_claims(), secret)
            with pytest.raises(Unauthenticated):
                verifier.verify(token)
    assert fetcher.calls == 0


@pytest.mark.parametrize("alg", ["RS384", "RS512", "PS256", "ES256", "EdDSA", "rs256", ""])
def test_every_algorithm_but_rs256_is_refused_from_the_header(
    verifier: JwtVerifier, fetcher: CountingFetcher, pool: Pool, alg: str
) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(assemble({"alg": alg, "kid": pool.kid}, pool.access_claims(), b"sig"))
    assert fetcher.calls == 0


# 4. Attacker's key, real kid


def test_an_attacker_signed_token_with_the_real_kid_is_refused(
    verifier: JwtVerifier, pool: Pool, attacker_key: rsa.RSAPrivateKey
) -> None:
    with pytest.raises(Unauthenticated, match="signature"):
        verifier.verify(pool.sign(pool.access_claims(), key=attacker_key))


def test_a_token_whose_claims_were_edited_after_signing_is_refused(verifier: JwtVerifier, pool: Pool) -> None:
    head, _, signature = pool.sign(pool.access_claims()).split(".")
    edited = b64url(json.dumps(pool.access_claims(sub="someone-else")).encode())
    with pytest.raises(Unauthenticated):
        verifier.verify(f"{head}.{edited}.{signature}")


# 5. A flood of random and malicious kids


def _flood_kids(count: int) -> list[str]:
    rng = random.Random(20261124)
    malicious = ["../../dev/null", "' OR 1=1--", "k" * 5 * 1024, "/etc/passwd", "a\nb", "", " ", "%00", "${jndi:x}"]
    alphabet = string.ascii_letters + string.digits + "-_"
    randoms = ["".join(rng.choices(alphabet, k=rng.randint(8, 64))) for _ in range(count - len(malicious))]
    return malicious + randoms


def test_200_made_up_kids_cost_at_most_one_jwks_fetch_per_10_seconds(
    verifier: JwtVerifier,
    fetcher: CountingFetcher,
    clock: FakeClock,
    pool: Pool,
    attacker_key: rsa.RSAPrivateKey,
) -> None:
    honest = pool.sign(pool.access_claims())
    verifier.verify(honest)  # warms the cache: one fetch
    assert fetcher.calls == 1

    for round_ in range(3):
        for index, kid in enumerate(_flood_kids(200)):
            token = pool.sign(pool.access_claims(), key=attacker_key, kid=kid)
            started = time.perf_counter()
            with pytest.raises(Unauthenticated):
                verifier.verify(token)
            assert time.perf_counter() - started < 1.0
            clock.advance(0.04)  # 200 tokens over 8 seconds of injected time
            if index % 50 == 0:
                assert verifier.verify(honest).sub == pool.access_claims()["sub"]  # cached kids keep working
        clock.advance(2.5)
        # One refetch is allowed per 10 s window: the first unknown kid after the window may fetch, no more.
        assert fetcher.calls <= 1 + round_ + 1

    assert fetcher.calls <= 4


def test_unknown_kids_right_after_a_fetch_do_not_fetch_again(
    verifier: JwtVerifier, fetcher: CountingFetcher, pool: Pool
) -> None:
    for index in range(200):
        with pytest.raises(Unauthenticated):
            verifier.verify(pool.sign(pool.access_claims(), kid=f"unknown-{index}"))
    assert fetcher.calls == 1


# 6. Time


def test_a_token_expired_two_minutes_ago_is_refused(verifier: JwtVerifier, pool: Pool) -> None:
    with pytest.raises(Unauthenticated, match="expired"):
        verifier.verify(pool.sign(pool.access_claims(exp=int(NOW) - 120)))


def test_a_token_expired_20_seconds_ago_is_within_the_30_second_leeway(verifier: JwtVerifier, pool: Pool) -> None:
    assert verifier.verify(pool.sign(pool.access_claims(exp=int(NOW) - 20))).sub


def test_expiry_follows_the_injected_clock(verifier: JwtVerifier, pool: Pool, clock: FakeClock) -> None:
    token = pool.sign(pool.access_claims())
    verifier.verify(token)
    clock.advance(3600 + 31)
    with pytest.raises(Unauthenticated):
        verifier.verify(token)


@pytest.mark.parametrize(
    "overrides",
    [
        {"exp": None},
        {"iat": None},
        {"iss": None},
        {"sub": None},
        {"token_use": None},
        {"client_id": None},
        {"exp": "tomorrow"},
        {"exp": True},
        {"iat": "now"},
        {"nbf": "later"},
        {"sub": ""},
        {"sub": 42},
        {"scope": ["cvmaker/write"]},
        {"username": 7},
        {"email": ["a@b.c"]},
    ],
    ids=repr,
)
def test_missing_or_mistyped_claims_are_refused(verifier: JwtVerifier, pool: Pool, overrides: dict) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.access_claims(**overrides)))


@pytest.mark.parametrize("claim", ["nbf", "iat"])
def test_a_token_from_five_minutes_in_the_future_is_refused(verifier: JwtVerifier, pool: Pool, claim: str) -> None:
    with pytest.raises(Unauthenticated, match="not yet valid"):
        verifier.verify(pool.sign(pool.access_claims(**{claim: int(NOW) + 300})))


def test_clock_skew_within_the_leeway_is_accepted(verifier: JwtVerifier, pool: Pool) -> None:
    assert verifier.verify(pool.sign(pool.access_claims(iat=int(NOW) + 20, nbf=int(NOW) + 20))).sub


# 7. Another pool, another client


def test_a_token_of_another_user_pool_is_refused(
    verifier: JwtVerifier, pool: Pool, attacker_key: rsa.RSAPrivateKey
) -> None:
    other_pool = Pool(attacker_key, kid="other-pool-key", issuer=OTHER_ISSUER)
    with pytest.raises(Unauthenticated):
        verifier.verify(other_pool.sign(other_pool.access_claims()))
    # Even signed by our key, the issuer must match.
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.access_claims(iss=OTHER_ISSUER)))


def test_a_token_of_another_app_client_is_refused(verifier: JwtVerifier, id_verifier: JwtVerifier, pool: Pool) -> None:
    with pytest.raises(Unauthenticated, match="another client"):
        verifier.verify(pool.sign(pool.access_claims(client_id=OTHER_CLIENT)))
    with pytest.raises(Unauthenticated):
        id_verifier.verify(pool.sign(pool.id_claims(aud=OTHER_CLIENT)))
    with pytest.raises(Unauthenticated):
        id_verifier.verify(pool.sign(pool.id_claims(aud=[pool.client_id, OTHER_CLIENT])))


def test_several_app_clients_may_be_allowed(pool: Pool, jwks_cache: JwksCache, clock: FakeClock) -> None:
    verifier = JwtVerifier(pool.issuer, {pool.client_id, OTHER_CLIENT}, jwks_cache, clock=clock)
    assert verifier.verify(pool.sign(pool.access_claims(client_id=OTHER_CLIENT))).client_id == OTHER_CLIENT


# 8. ID <-> access swap


def test_an_id_token_is_refused_where_access_tokens_are_expected(verifier: JwtVerifier, pool: Pool) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.id_claims()))
    # Even dressed up with a client_id, an ID token is still an ID token.
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.id_claims(client_id=pool.client_id)))


def test_an_access_token_is_refused_where_id_tokens_are_expected(id_verifier: JwtVerifier, pool: Pool) -> None:
    with pytest.raises(Unauthenticated):
        id_verifier.verify(pool.sign(pool.access_claims()))
    with pytest.raises(Unauthenticated, match="Wrong kind"):
        id_verifier.verify(pool.sign(pool.access_claims(aud=pool.client_id)))


def test_an_access_token_with_an_audience_is_refused(verifier: JwtVerifier, pool: Pool) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.access_claims(aud=pool.client_id)))


def test_the_verifier_knows_only_access_and_id_tokens(pool: Pool, jwks_cache: JwksCache) -> None:
    with pytest.raises(ValueError):
        JwtVerifier(pool.issuer, {pool.client_id}, jwks_cache, token_use="refresh")


# 9. Key-bearing headers and crit


def test_key_urls_in_the_header_are_never_fetched(
    verifier: JwtVerifier,
    fetcher: CountingFetcher,
    pool: Pool,
    attacker_key: rsa.RSAPrivateKey,
    silent_server: SilentServer,
) -> None:
    planted = {
        "jku": silent_server.url,
        "x5u": silent_server.url,
        "jwk": public_jwk(attacker_key, pool.kid),
        "x5c": ["MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"],
    }
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.access_claims(), key=attacker_key, headers=planted))
    # A real token that merely carries such headers is checked against the pool's JWKS only.
    assert verifier.verify(pool.sign(pool.access_claims(), headers=planted)).sub
    time.sleep(0.1)  # room for a connection to show up, if one had been made
    assert silent_server.connections == []
    assert fetcher.calls == 1


@pytest.mark.parametrize("crit", [["x"], ["exp"], ["b64"], [], "x"])
def test_a_crit_header_is_refused_even_on_an_honest_signature(verifier: JwtVerifier, pool: Pool, crit: object) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.access_claims(), headers={"crit": crit, "x": 1}))


def test_an_unencoded_payload_header_is_refused(verifier: JwtVerifier, pool: Pool) -> None:
    with pytest.raises(Unauthenticated):
        verifier.verify(assemble({"alg": "RS256", "kid": pool.kid, "b64": False}, pool.access_claims(), b"sig"))


# Failures carry short messages that reveal nothing of the token or keys


def test_failure_messages_are_short_and_generic(verifier: JwtVerifier, pool: Pool) -> None:
    token = pool.sign(pool.access_claims(iss=OTHER_ISSUER))
    with pytest.raises(Unauthenticated) as failure:
        verifier.verify(token)
    message = str(failure.value)
    assert len(message) < 60
    assert OTHER_ISSUER not in message and token not in message


@pytest.mark.parametrize(
    "kid", ["../../dev/null", "' OR 1=1--", "k" * 5 * 1024, "k" * 129, "", "a b", "kid\x00", "ключ"], ids=repr
)
def test_odd_or_overlong_kids_are_refused_before_any_fetch(
    verifier: JwtVerifier, fetcher: CountingFetcher, pool: Pool, kid: str
) -> None:
    with pytest.raises(Unauthenticated, match="key id"):
        verifier.verify(pool.sign(pool.access_claims(), kid=kid))
    assert fetcher.calls == 0


def test_a_token_without_a_kid_is_refused_before_any_fetch(
    verifier: JwtVerifier, fetcher: CountingFetcher, pool: Pool
) -> None:
    token = assemble({"alg": "RS256"}, pool.access_claims(), b"sig")
    with pytest.raises(Unauthenticated):
        verifier.verify(token)
    assert fetcher.calls == 0
