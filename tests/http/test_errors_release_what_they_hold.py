"""Errors give back what they take: after every error path of every route, many times over, the server still
answers at once.

The server runs as `cvmaker serve` with its output piped to nobody, as a stuck log reader would leave it: a
server that writes its error reports on the request path fills that pipe and hangs (it did, after 17 failed
downloads). The in-process test drives a route that raises, which no real route should do any more.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from api.app import create_app
from api.logs import configure_logging
from api.settings import Settings
from tests.support.servers import cvmaker_serve, serve

ROUNDS = 30
DEEP = ("[" * 5000 + "]" * 5000).encode()


def _request(
    url: str, body: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _healthz_seconds(url: str) -> float:
    started = time.perf_counter()
    status, _ = _request(f"{url}/healthz")
    assert status == 200
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def stuck_log_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with cvmaker_serve(tmp_path_factory.mktemp("stuck-log"), output=subprocess.PIPE) as url:
        yield url


def _sign_up(url: str) -> str:
    status, body = _request(
        f"{url}/auth/signup",
        json.dumps({"email": "elif@example.com", "password": "a long and unusual passphrase"}).encode(),
        {"content-type": "application/json"},
    )
    assert status == 201, body
    token: str = json.loads(body)["accessToken"]
    return token


def _graphql(url: str, token: str, query: str, variables: dict[str, object] | None = None) -> dict[str, object]:
    status, body = _request(
        f"{url}/graphql",
        json.dumps({"query": query, "variables": variables or {}}).encode(),
        {"content-type": "application/json", "authorization": f"Bearer {token}"},
    )
    assert status == 200, body
    document: dict[str, object] = json.loads(body)
    return document


def _error_requests(url: str, download: str) -> list[tuple[str, bytes | None, dict[str, str], str]]:
    """(url, body, headers, method) of every error path we know on every route."""
    signed, _, query = download.partition("?")
    as_json = {"content-type": "application/json"}
    cases: list[tuple[str, bytes | None, dict[str, str], str]] = [
        (f"{signed}?{query.replace('signature=', 'signature=0')}", None, {}, "GET"),  # tampered
        (f"{signed}x?{query}", None, {}, "GET"),  # another key
        (f"{url}/files/..%2F..%2Fetc%2Fpasswd?expires=1&name=x&signature=0", None, {}, "GET"),
        (f"{url}/files/a?expires=nope", None, {}, "GET"),
        (f"{url}/uploads", b"not a form", {"content-type": "multipart/form-data; boundary=x"}, "POST"),
        (f"{url}/uploads", b"", {}, "POST"),
        (f"{url}/graphql", b"{ me { id } }", {"content-type": "application/graphql"}, "POST"),
        (f"{url}/graphql", b'{"query": "{ me { id "}', {**as_json, "authorization": "Bearer forged"}, "POST"),
        (f"{url}/graphql", b'{"query": "{ nope }"}', as_json, "POST"),
        (f"{url}/graphql", b"null", as_json, "POST"),
        (f"{url}/auth/signin", b'{"email": "' + b"x" * 40_000 + b'"}', as_json, "POST"),
        (f"{url}/templates/none/thumbnail.png", None, {}, "GET"),
    ]
    for route in ("/graphql", "/auth/signup", "/auth/signin", "/auth/refresh", "/auth/signout", "/auth/token"):
        cases += [
            (f"{url}{route}", DEEP, as_json, "POST"),
            (f"{url}{route}", b"\xff\xfe", as_json, "POST"),
            (f"{url}{route}", b'"text"', as_json, "POST"),
        ]
    return cases


def test_every_error_path_many_times_then_the_server_answers_at_once(stuck_log_server: str) -> None:
    url = stuck_log_server
    token = _sign_up(url)
    created = _graphql(
        url, token, 'mutation { createCv(input: {title: "Mine", basics: {name: "Elif Şahin"}}) { ... on Cv { id } } }'
    )
    cv_id = created["data"]["createCv"]["id"]  # type: ignore[index]
    rendered = _graphql(
        url,
        token,
        "mutation($id: ID!) { renderCv(cvId: $id, format: TEXT) { ... on RenderedFile { url } } }",
        {"id": cv_id},
    )
    download: str = rendered["data"]["renderCv"]["url"]  # type: ignore[index]
    before = sorted(_healthz_seconds(url) for _ in range(10))[5]

    statuses: set[int] = set()
    for _ in range(ROUNDS):
        status, _ = _request(download)
        assert status == 200
        for target, body, headers, method in _error_requests(url, download):
            status, answer = _request(target, body, headers, method)
            # GraphQL answers a well-formed request with errors as 200 (GraphQL over HTTP, application/json).
            assert 400 <= status < 500 or (status == 200 and b'"errors"' in answer), (target, status, answer[:200])
            statuses.add(status)

    after = sorted(_healthz_seconds(url) for _ in range(10))[5]
    assert after < max(10 * before, 0.25), (before, after)
    assert {400, 403, 404, 413} <= statuses


def test_unexpected_errors_never_wait_on_a_stuck_log(tmp_path: Path) -> None:
    """A route that raises, 300 times, logging to a pipe nobody reads: each answer is a typed 500 with its
    request id, and the server goes on answering."""

    async def boom(request: Request) -> Response:
        raise RuntimeError("a bug " + "x" * 2_000)

    app = create_app(Settings(data_dir=tmp_path / "data", web_dist=tmp_path / "none"))
    app.router.routes.insert(0, Route("/boom", boom))
    read_end, write_end = os.pipe()
    stream = os.fdopen(write_end, "w")
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    listener = configure_logging(stream, capacity=50)
    try:
        with serve(app) as url:
            for _ in range(300):
                status, body = _request(f"{url}/boom")
                assert status == 500
                error = json.loads(body)["errors"][0]
                assert error["message"] == "Unexpected error."
                assert error["extensions"]["requestId"]
            done = threading.Event()
            threading.Thread(target=lambda: (_healthz_seconds(url), done.set()), daemon=True).start()
            assert done.wait(5), "the server stopped answering"
    finally:
        # Now read the pipe, so the listener's blocked write completes and it can stop.
        with os.fdopen(read_end, "rb") as reader:
            drain = threading.Thread(target=reader.read, daemon=True)
            drain.start()
            listener.stop()
            root.handlers[:], root.level = saved[0], saved[1]
            stream.close()
            drain.join(10)


def test_log_records_are_one_json_line_each_whatever_the_caller_sent(tmp_path: Path) -> None:
    """A path with a line break in it cannot forge a log line; the error's stack stays inside its record."""
    read_end, write_end = os.pipe()
    stream = os.fdopen(write_end, "w")
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    listener = configure_logging(stream)
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            logging.getLogger("cvmaker.http").exception("unexpected error on GET %s", "/x\nforged line")
    finally:
        listener.stop()
        root.handlers[:], root.level = saved[0], saved[1]
        stream.close()
    with os.fdopen(read_end) as reader:
        lines = reader.read().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["message"] == "unexpected error on GET /x\nforged line"
    assert record["level"] == "ERROR" and "RuntimeError: boom" in record["exception"]
