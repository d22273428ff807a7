"""Fixtures of the quota suites: a settable clock, and the app through HTTP with tight quotas read from settings."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import Runtime, build_runtime
from api.settings import Settings
from tests.conftest import FakeVerifier
from tests.contract.conftest import emulator  # noqa: F401 (the session's moto server, for the DynamoDB store)
from tests.contract.emulator import Emulator
from tests.graphql.conftest import Api

# Ten seconds into a minute, so "the next minute" is 50 seconds away.
T0 = datetime(2026, 12, 3, 9, 0, 10, tzinfo=UTC)


class FakeClock:
    """The services' clock (`Callable[[], datetime]`), moved by the test instead of by sleeping."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def quotas() -> str:
    """The quotas setting of the test's app; a test module overrides this fixture to tighten them."""
    return "render=2/minute,5/day; model_call=1/minute"


@pytest.fixture
def runtime(settings: Settings, fake_verifier: FakeVerifier, clock: FakeClock, quotas: str) -> Iterator[Runtime]:
    runtime = build_runtime(replace(settings, quotas=quotas), verifier=fake_verifier)
    runtime.services.quotas.clock = clock
    try:
        yield runtime
    finally:
        runtime.close()


@pytest.fixture
def app(runtime: Runtime) -> Any:
    return create_app(runtime.settings, runtime)


@pytest.fixture
def api(app: Any) -> Iterator[Api]:
    with TestClient(app) as client:
        yield Api(client)


@pytest.fixture(scope="session")
def atomic_emulator(emulator: Emulator) -> Iterator[Emulator]:
    """moto's DynamoDB behind its own HTTP server that applies one request at a time. DynamoDB applies each
    write to an item atomically, which the contract's concurrent takes rely on; moto's backend does not (its
    conditional updates read, check and write without a lock, and under load two threads' `ADD`s lose one), so a
    test of concurrent takes against it would measure moto. Requests still arrive concurrently over HTTP.
    (`emulator` is the session's ordinary moto server: it also sets the fake AWS credentials.)"""
    from moto.server import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import make_server

    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def one_at_a_time(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        with lock:
            return list(app(environ, start_response))

    server = make_server("127.0.0.1", 0, one_at_a_time, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Emulator(f"http://127.0.0.1:{server.server_port}", emulator.region)
    finally:
        server.shutdown()
        thread.join(10)
