"""The JWKS cache (rotation, rate limit, thread safety, fail closed) and the stdlib HTTP fetcher against real
sockets on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from cvmaker.adapters.auth.jwt_verifier import (
    JwksCache,
    JwksUnavailable,
    JwtVerifier,
    http_jwks_fetcher,
    parse_jwks,
)
from cvmaker.domain.errors import Unauthenticated
from tests.auth.conftest import SilentServer
from tests.auth.forge import CountingFetcher, FakeClock, Pool, public_jwk

Handler = Callable[[BaseHTTPRequestHandler], None]


def test_keys_are_fetched_once_and_then_served_from_memory(
    verifier: JwtVerifier, fetcher: CountingFetcher, pool: Pool
) -> None:
    token = pool.sign(pool.access_claims())
    for _ in range(50):
        verifier.verify(token)
    assert fetcher.calls == 1


def test_a_rotated_key_is_picked_up_once_the_refetch_window_allows(
    verifier: JwtVerifier,
    fetcher: CountingFetcher,
    clock: FakeClock,
    pool: Pool,
    attacker_key: rsa.RSAPrivateKey,
) -> None:
    verifier.verify(pool.sign(pool.access_claims()))
    rotated = Pool(attacker_key, kid="pool-key-2")  # the pool's new key, published alongside the old one
    fetcher.document = {"keys": [public_jwk(pool.key, pool.kid), public_jwk(rotated.key, rotated.kid)]}
    new_token = rotated.sign(rotated.access_claims())

    clock.advance(3)
    with pytest.raises(Unauthenticated):
        verifier.verify(new_token)  # inside the 10 s window after the first fetch: no refetch yet
    clock.advance(7)
    assert verifier.verify(new_token).sub
    assert verifier.verify(pool.sign(pool.access_claims())).sub
    assert fetcher.calls == 2


def test_a_failing_jwks_source_fails_closed_and_is_retried_after_the_window(
    verifier: JwtVerifier, fetcher: CountingFetcher, clock: FakeClock, pool: Pool
) -> None:
    fetcher.failure = ConnectionResetError("jwks down")
    token = pool.sign(pool.access_claims())
    with pytest.raises(Unauthenticated, match="unavailable"):
        verifier.verify(token)
    with pytest.raises(Unauthenticated):
        verifier.verify(token)  # penalty window: fails at once, without another fetch
    assert fetcher.calls == 1

    fetcher.failure = None
    clock.advance(10)
    assert verifier.verify(token).sub
    assert fetcher.calls == 2


def test_a_jwks_without_usable_keys_fails_closed(pool: Pool, clock: FakeClock) -> None:
    documents: list[object] = [{}, {"keys": "nope"}, {"keys": []}, []]
    for document in documents:
        cache = JwksCache(CountingFetcher(document), clock=clock)  # type: ignore[arg-type]
        verifier = JwtVerifier(pool.issuer, {pool.client_id}, cache, clock=clock)
        with pytest.raises(Unauthenticated):
            verifier.verify(pool.sign(pool.access_claims()))


def test_concurrent_unknown_kids_share_one_fetch(pool: Pool) -> None:
    started = threading.Event()

    class SlowFetcher(CountingFetcher):
        def __call__(self) -> dict:
            started.set()
            time.sleep(0.2)
            return super().__call__()

    fetcher = SlowFetcher(pool.jwks())
    verifier = JwtVerifier(pool.issuer, {pool.client_id}, JwksCache(fetcher))
    token = pool.sign(pool.access_claims(iat=int(time.time()), exp=int(time.time()) + 600))
    results: list[str] = []

    def verify() -> None:
        try:
            results.append(verifier.verify(token).sub)
        except Unauthenticated as exc:
            results.append(f"refused: {exc}")

    threads = [threading.Thread(target=verify) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)

    assert fetcher.calls == 1
    assert results == [pool.access_claims()["sub"]] * 16


def test_parse_jwks_keeps_only_rs256_signing_keys(pool: Pool, attacker_key: rsa.RSAPrivateKey) -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    good = public_jwk(pool.key, "good")
    private_too = {**public_jwk(attacker_key, "with-private"), "d": "AQAB", "p": "AQAB"}
    document = {
        "keys": [
            good,
            {**public_jwk(attacker_key, "enc"), "use": "enc"},
            {**public_jwk(attacker_key, "rs512"), "alg": "RS512"},
            public_jwk(small, "too-small"),
            {"kty": "oct", "kid": "hmac", "k": "c2VjcmV0"},
            {"kty": "EC", "kid": "ec", "crv": "P-256", "x": "AQ", "y": "AQ"},
            {**public_jwk(attacker_key, "../etc/passwd")},
            {"kty": "RSA", "kid": "broken", "n": "!!", "e": "AQAB"},
            {"kty": "RSA", "kid": "no-modulus", "e": "AQAB"},
            "not a key",
            private_too,
        ]
    }
    keys = parse_jwks(document)
    assert sorted(keys) == ["good", "with-private"]
    assert keys["good"].public_numbers() == pool.key.public_key().public_numbers()
    with pytest.raises(JwksUnavailable):
        parse_jwks({"no": "keys"})


# The HTTP fetcher


def _serve_json(document: object, status: int = 200) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        body = json.dumps(document).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handle


def test_the_http_fetcher_reads_a_jwks_served_apart_from_the_issuer(
    http_server: Callable[[Handler], str], pool: Pool, clock: FakeClock
) -> None:
    # Like moto: JWKS at http://127.0.0.1:PORT/<pool>/.well-known/jwks.json, `iss` the AWS URL.
    base = http_server(_serve_json(pool.jwks()))
    cache = JwksCache(http_jwks_fetcher(f"{base}/eu-west-1_TestPool1/.well-known/jwks.json"), clock=clock)
    verifier = JwtVerifier(pool.issuer, {pool.client_id}, cache, clock=clock)
    assert verifier.verify(pool.sign(pool.access_claims())).sub


def test_the_http_fetcher_fails_closed_within_its_timeout_on_a_silent_server(
    silent_server: SilentServer, pool: Pool, clock: FakeClock
) -> None:
    verifier = JwtVerifier(
        pool.issuer, {pool.client_id}, JwksCache(http_jwks_fetcher(silent_server.url, timeout=0.5)), clock=clock
    )
    started = time.monotonic()
    with pytest.raises(Unauthenticated, match="unavailable"):
        verifier.verify(pool.sign(pool.access_claims()))
    elapsed = time.monotonic() - started
    assert 0.4 < elapsed < 1.5
    assert len(silent_server.connections) == 1


def test_the_http_fetcher_gives_up_on_a_server_that_drips_bytes(http_server: Callable[[Handler], str]) -> None:
    def drip(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Length", "100000")
        request.end_headers()
        try:
            for _ in range(40):
                request.wfile.write(b" ")
                request.wfile.flush()
                time.sleep(0.1)
        except OSError:
            return  # the client hung up, as it should

    fetch = http_jwks_fetcher(http_server(drip) + "/jwks.json", timeout=0.5)
    started = time.monotonic()
    with pytest.raises(JwksUnavailable):
        fetch()
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    "handler",
    [
        _serve_json({"error": "missing"}, status=404),
        _serve_json({"error": "down"}, status=503),
        _serve_json(["not", "an", "object"]),
        _serve_json({"keys": ["x" * 1000] * 100}),  # larger than the 64 KB cap
    ],
    ids=["404", "503", "array", "too-large"],
)
def test_the_http_fetcher_refuses_bad_answers(http_server: Callable[[Handler], str], handler: Handler) -> None:
    with pytest.raises(JwksUnavailable):
        http_jwks_fetcher(http_server(handler) + "/jwks.json", timeout=1.0)()


def test_the_http_fetcher_does_not_follow_redirects(
    http_server: Callable[[Handler], str], silent_server: SilentServer
) -> None:
    def redirect(request: BaseHTTPRequestHandler) -> None:
        request.send_response(302)
        request.send_header("Location", silent_server.url)
        request.send_header("Content-Length", "0")
        request.end_headers()

    with pytest.raises(JwksUnavailable):
        http_jwks_fetcher(http_server(redirect) + "/jwks.json", timeout=1.0)()
    time.sleep(0.1)
    assert silent_server.connections == []


def test_the_http_fetcher_takes_only_http_urls() -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/jwks.json", "/relative"):
        with pytest.raises(ValueError):
            http_jwks_fetcher(url)


def test_nothing_listening_fails_closed_fast(clock: FakeClock, pool: Pool) -> None:
    fetch = http_jwks_fetcher("http://127.0.0.1:9/jwks.json", timeout=0.5)  # the discard port: refused
    verifier = JwtVerifier(pool.issuer, {pool.client_id}, JwksCache(fetch, clock=clock), clock=clock)
    with pytest.raises(Unauthenticated):
        verifier.verify(pool.sign(pool.access_claims()))
