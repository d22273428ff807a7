"""The embedded default with its real sign-in: people sign up over HTTP and call the API with their own tokens,
so a deletion is seen by the same token check every route uses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from tests.graphql.conftest import Api

PASSWORD = "violet anchor harbour 1879"


@dataclass(frozen=True)
class Person:
    email: str
    token: str


@pytest.fixture
def app(settings: Settings) -> Any:
    return create_app(settings, build_runtime(settings))


@pytest.fixture
def api(app: Any) -> Iterator[Api]:
    with TestClient(app) as client:
        yield Api(client)


def sign_up(api: Api, email: str) -> Person:
    response = api.client.post("/auth/signup", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    return Person(email, response.json()["accessToken"])
