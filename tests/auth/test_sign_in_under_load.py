"""A burst of sign-ins against the real app under uvicorn does not starve other requests: while 48 of them are
in flight, every Argon2 slot held and the rest queued, /healthz and GraphQL requests (one of them needing
a worker thread) are answered. Argon2 is held
by a gate rather than measured, so the test asserts what happens, not how fast."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher, profiles

from api.app import create_app
from api.settings import Settings
from tests.support.servers import serve

PASSWORD = "correct horse battery staple"
CREATE_JOB = """mutation { createJob(input: {title: "Backend engineer", description: "Python, SQL and a calm mind."})
  { ... on Job { title } ... on ValidationError { message } } }"""
IN_FLIGHT = 48  # more than the shared worker-thread pool (40), so a burst that took threads would show


class GatedHasher(PasswordHasher):
    """Cheap Argon2id whose verifications wait at a gate, counting how many are inside at once."""

    def __init__(self) -> None:
        cheapest = profiles.CHEAPEST
        super().__init__(
            time_cost=cheapest.time_cost,
            memory_cost=cheapest.memory_cost,
            parallelism=cheapest.parallelism,
            hash_len=cheapest.hash_len,
            salt_len=cheapest.salt_len,
            type=cheapest.type,
        )
        self.gate = threading.Event()
        self.inside = 0
        self.most_inside = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self._lock:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        try:
            self.gate.wait(timeout=60)
            return super().verify(hash, password)
        finally:
            with self._lock:
                self.inside -= 1


def _post(url: str, body: dict[str, object], token: str | None = None) -> tuple[int, dict[str, object]]:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_a_burst_of_sign_ins_leaves_other_requests_served(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path / "data", web_dist=tmp_path / "none"))
    runtime = app.state.runtime
    accounts = runtime.local_accounts
    hasher = GatedHasher()
    accounts.hasher = hasher
    try:
        with serve(app) as url, ThreadPoolExecutor(IN_FLIGHT) as pool:
            status, signed_up = _post(f"{url}/auth/signup", {"email": "ada@example.org", "password": PASSWORD})
            assert status == 201, signed_up
            token = str(signed_up["accessToken"])

            burst: list[Future[tuple[int, dict[str, object]]]] = [
                pool.submit(_post, f"{url}/auth/signin", {"email": "ada@example.org", "password": PASSWORD})
                for _ in range(IN_FLIGHT)
            ]
            deadline = time.monotonic() + 30
            while hasher.inside < accounts.hash_slots and time.monotonic() < deadline:
                time.sleep(0.01)
            assert hasher.inside == accounts.hash_slots  # every slot taken, the rest of the burst waiting

            with urllib.request.urlopen(f"{url}/healthz", timeout=10) as health:
                assert health.status == 200
            status, answer = _post(f"{url}/graphql", {"query": "{ cvs { edges { cursor } } }"}, token)
            assert (status, answer) == (200, {"data": {"cvs": {"edges": []}}})
            # createJob does its work in a worker thread: the burst must not have taken them all.
            status, answer = _post(f"{url}/graphql", {"query": CREATE_JOB}, token)
            assert status == 200 and answer["data"]["createJob"]["title"] == "Backend engineer", answer  # type: ignore[index]
            assert not any(sign_in.done() for sign_in in burst)  # answered while all of the burst was in flight

            hasher.gate.set()
            assert [sign_in.result(timeout=60)[0] for sign_in in burst] == [200] * IN_FLIGHT
        assert hasher.most_inside <= accounts.hash_slots
    finally:
        hasher.gate.set()
        runtime.close()
