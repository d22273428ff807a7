"""Generated requests against `cvmaker serve` on loopback, signed in: every GraphQL operation with generated
arguments, and the routes outside GraphQL with malformed bodies, headers and query strings. No answer may be a
5xx or an unexpected error, and the server must be healthy after. (`make bench` runs the same for longer.)"""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.generated_requests import Report, exercise_graphql, exercise_http, graphql_operations
from tests.support.servers import cvmaker_serve, sign_up_token

EXAMPLES = int(os.environ.get("CVMAKER_GENERATED_EXAMPLES", "12"))
OPERATIONS = graphql_operations()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("generated")
    with (folder / "serve.log").open("wb") as log, cvmaker_serve(folder / "data", output=log) as url:
        token = sign_up_token(url, "gen@example.com")
        yield url, token
        with urllib.request.urlopen(f"{url}/healthz", timeout=5) as health:
            assert health.status == 200


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_generated_graphql_calls_never_fail_on_the_server(server: tuple[str, str], operation: Any) -> None:
    report = Report()
    exercise_graphql(operation, *server, EXAMPLES, report)
    assert report.requests >= 1
    assert report.server_errors == []


def test_generated_http_calls_get_typed_4xx_never_5xx(server: tuple[str, str]) -> None:
    report = Report()
    exercise_http(server[0], EXAMPLES * 20, report)
    assert report.requests >= EXAMPLES * 10
    assert report.server_errors == []
