from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from tests.conftest import FakeVerifier


class Api:
    """A GraphQL client for tests: `api.call(query, variables, token=...)` returns the JSON response."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def call(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        token: str | None = "token-alice",
        expect_status: int = 200,
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self.client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
        assert response.status_code == expect_status, response.text
        return response.json()

    def data(self, query: str, variables: dict[str, Any] | None = None, token: str | None = "token-alice") -> Any:
        body = self.call(query, variables, token)
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture
def app(settings: Settings, fake_verifier: FakeVerifier) -> Any:
    return create_app(settings, build_runtime(settings, verifier=fake_verifier))


@pytest.fixture
def api(app: Any) -> Api:
    with TestClient(app) as client:
        yield Api(client)
