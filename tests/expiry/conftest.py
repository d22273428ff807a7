"""moto's server for the S3 half of the expiry suite, as in the other suites."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.contract.emulator import Emulator, running_emulator


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as started:
        yield started
