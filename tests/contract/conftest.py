"""One moto server for the whole session (it starts in a third of a second, but once is enough)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.contract.emulator import Emulator, running_emulator


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as started:
        yield started
