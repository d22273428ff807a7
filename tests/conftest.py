"""Fixtures shared by every suite: an app on a fresh data directory, and fake sign-in where auth is not the
subject of the test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest

from api.settings import Settings
from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import Principal


class FakeVerifier:
    """Tokens are looked up in a dict: the GraphQL suites test the API, the auth suites test real tokens."""

    def __init__(self) -> None:
        self.principals: dict[str, Principal] = {}

    def add(self, token: str, principal: Principal) -> None:
        self.principals[token] = principal

    def verify(self, token: str) -> Principal:
        try:
            return self.principals[token]
        except KeyError:
            raise Unauthenticated("Invalid token.") from None


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", web_dist=tmp_path / "no-web-app")


@pytest.fixture
def fake_verifier() -> FakeVerifier:
    verifier = FakeVerifier()
    verifier.add("token-alice", Principal(sub="alice", client_id="web", email="alice@example.com"))
    verifier.add("token-bob", Principal(sub="bob", client_id="web", email="bob@example.com"))
    verifier.add(
        "token-reader",
        Principal(sub="integrator", client_id="m2m", is_machine=True, scopes=frozenset({"cvmaker/read"})),
    )
    verifier.add(
        "token-writer",
        Principal(
            sub="integrator", client_id="m2m", is_machine=True, scopes=frozenset({"cvmaker/read", "cvmaker/write"})
        ),
    )
    return verifier


@pytest.fixture
def tmp_data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Playwright's sync API keeps an event loop running in the main thread while its browser lives, which breaks
    # any later test that starts a loop of its own: the browser tests run last.
    items.sort(key=lambda item: item.nodeid.startswith("tests/e2e/"))


# Property tests run the same examples on every run (derandomized, no example database): a test suite that
# passes or fails by chance is no gate. Exploring new examples is the job of a longer, seeded run.
hypothesis.settings.register_profile("cvmaker", derandomize=True, database=None, print_blob=True)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "cvmaker"))
