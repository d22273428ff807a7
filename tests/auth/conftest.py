"""Fixtures for the authentication tests: RSA keys (made once per session: generation is the slow part), a fake
user pool, an injected clock, a counting JWKS source, and real sockets on 127.0.0.1 for the HTTP fetcher."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from argon2 import PasswordHasher, profiles
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Receive, Scope, Send

from api.local_auth_routes import local_auth_routes
from cvmaker.adapters.auth.jwt_verifier import JwksCache, JwtVerifier
from cvmaker.adapters.auth.local_accounts import LocalAccounts
from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer
from cvmaker.adapters.auth.throttle import SignInThrottle
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.errors import Unauthenticated
from tests.auth.forge import CountingFetcher, FakeClock, Pool

Handler = Callable[[BaseHTTPRequestHandler], None]


def _rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def pool_key() -> rsa.RSAPrivateKey:
    return _rsa_key()


@pytest.fixture(scope="session")
def attacker_key() -> rsa.RSAPrivateKey:
    return _rsa_key()


@pytest.fixture
def pool(pool_key: rsa.RSAPrivateKey) -> Pool:
    return Pool(pool_key)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fetcher(pool: Pool) -> CountingFetcher:
    return CountingFetcher(pool.jwks())


@pytest.fixture
def jwks_cache(fetcher: CountingFetcher, clock: FakeClock) -> JwksCache:
    return JwksCache(fetcher, clock=clock)


@pytest.fixture
def verifier(pool: Pool, jwks_cache: JwksCache, clock: FakeClock) -> JwtVerifier:
    return JwtVerifier(pool.issuer, {pool.client_id}, jwks_cache, clock=clock)


@pytest.fixture
def id_verifier(pool: Pool, jwks_cache: JwksCache, clock: FakeClock) -> JwtVerifier:
    return JwtVerifier(pool.issuer, {pool.client_id}, jwks_cache, token_use="id", clock=clock)


@pytest.fixture
def cheap_hasher() -> PasswordHasher:
    # Argon2id all the same, at the lowest cost, so a test suite of sign-ins takes milliseconds.
    return PasswordHasher.from_parameters(profiles.CHEAPEST)


@pytest.fixture
def database(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "cvmaker.sqlite3")


@pytest.fixture
def throttle_clock() -> FakeClock:
    """The throttle's clock: time stands still unless a test moves it, so waits are exact."""
    return FakeClock()


@pytest.fixture
def throttle(throttle_clock: FakeClock) -> SignInThrottle:
    return SignInThrottle(clock=throttle_clock)


@pytest.fixture
def accounts(database: SqliteDatabase, cheap_hasher: PasswordHasher, throttle: SignInThrottle) -> LocalAccounts:
    return LocalAccounts(database, password_hasher=cheap_hasher, throttle=throttle)


@pytest.fixture(scope="session")
def issuer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("issuer")


@pytest.fixture
def issuer(issuer_dir: Path) -> LocalTokenIssuer:
    return LocalTokenIssuer(issuer_dir)


class PeerFromTestHeader:
    """Sets the socket peer's address from an `x-test-peer` header, as requests from that address would have
    it: how the tests speak from several machines through one TestClient. Only ever mounted in tests."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"x-test-peer":
                    scope = {**scope, "client": (value.decode(), 40000)}
        await self.app(scope, receive, send)


def auth_app(accounts: LocalAccounts, issuer: LocalTokenIssuer) -> Starlette:
    """The local sign-in endpoints, with a protected `/whoami` that uses the shared verifier, so every token
    they hand out is shown to work (or not) where it matters."""
    verifier = JwtVerifier(issuer.issuer, accounts.accepted_client_ids(issuer.web_client_id), JwksCache(issuer.jwks))

    async def whoami(request: Request) -> JSONResponse:
        try:
            principal = verifier.verify(request.headers.get("authorization", "").removeprefix("Bearer "))
        except Unauthenticated as exc:
            return JSONResponse({"error": str(exc)}, status_code=401)
        return JSONResponse(
            {
                "sub": principal.sub,
                "email": principal.email,
                "machine": principal.is_machine,
                "scopes": sorted(principal.scopes),
            }
        )

    app = Starlette(routes=[*local_auth_routes(accounts, issuer), Route("/whoami", whoami)])
    app.add_middleware(PeerFromTestHeader)
    return app


@pytest.fixture
def client(accounts: LocalAccounts, issuer: LocalTokenIssuer) -> Iterator[TestClient]:
    with TestClient(auth_app(accounts, issuer)) as test_client:
        yield test_client


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never answers; counts them."""

    def __init__(self) -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/eu-west-1_TestPool1/.well-known/jwks.json"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(conn)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for conn in self.connections:
            conn.close()
        self.listener.close()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def http_server() -> Iterator[Callable[[Handler], str]]:
    """Starts a real HTTP server on 127.0.0.1 whose GET runs the given function; returns its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(handle: Handler) -> str:
        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # the name http.server dispatches to
                handle(self)

            def log_message(self, format: str, *args: object) -> None:  # keeps test output quiet
                return

        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
