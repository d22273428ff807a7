"""The GraphQL client and the moto server of the other suites, for the idempotency suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.contract.emulator import Emulator, running_emulator
from tests.graphql.conftest import Api, api, app

__all__ = ["Api", "api", "app"]


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as started:
        yield started
