"""A slow key server (the issuer's JWKS trickling in) stalls only the requests that wait for it: token checks run
off the event loop, so /healthz and anonymous requests answer at once meanwhile."""

from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from cvmaker.ports import Principal
from tests.support.servers import serve

STALL_SECONDS = 3.0


class SlowKeysVerifier:
    """Stands in for a verifier whose key fetch hangs until its timeout."""

    def __init__(self) -> None:
        self.started = threading.Event()

    def verify(self, token: str) -> Principal:
        self.started.set()
        time.sleep(STALL_SECONDS)
        return Principal(sub="alice", client_id="web")


def test_health_answers_while_a_token_check_waits_on_the_key_server(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", web_dist=tmp_path / "none")
    verifier = SlowKeysVerifier()
    app = create_app(settings, build_runtime(settings, verifier=verifier))
    with serve(app) as url:
        waiting = threading.Thread(
            target=lambda: urllib.request.urlopen(
                urllib.request.Request(
                    f"{url}/graphql",
                    b'{"query": "{ me { id } }"}',
                    {"content-type": "application/json", "authorization": "Bearer slow"},
                ),
                timeout=30,
            ).read()
        )
        waiting.start()
        assert verifier.started.wait(10)
        started = time.monotonic()
        with urllib.request.urlopen(f"{url}/healthz", timeout=30) as health:
            assert health.status == 200
        assert time.monotonic() - started < STALL_SECONDS / 2, "healthz waited for the key server"
        assert waiting.is_alive()  # the token check was still waiting: the answer did not come after it
        waiting.join(30)
