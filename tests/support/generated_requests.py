"""Requests generated from the API's own description, sent to a running server: every GraphQL operation of
`schema/schema.graphql` with arguments Schemathesis generates (hostile strings, every script, huge and empty
values, wrong shapes), and the HTTP routes outside GraphQL with malformed bodies, headers and query strings.

A server passes when nothing answers 5xx and no GraphQL error is an unmasked or unexpected one. The same code
runs briefly in `make test` (tests/http/test_generated_requests.py) and longer in `make bench`.
"""

from __future__ import annotations

import json
import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import schemathesis.graphql
from graphql import language as ast
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema" / "schema.graphql"
_NAME_START = string.ascii_letters + "_"
_NAME_REST = _NAME_START + string.digits


def _graphql_json_values() -> st.SearchStrategy[ast.ValueNode]:
    """Values of the `JSON` scalar (a JSON Resume document, say), as GraphQL literals."""
    names = st.text(_NAME_START, min_size=1, max_size=1).flatmap(
        lambda first: st.text(_NAME_REST, max_size=12).map(lambda rest: first + rest)
    )
    keys = st.one_of(
        st.sampled_from(
            [
                "basics",
                "work",
                "education",
                "skills",
                "name",
                "startDate",
                "endDate",
                "highlights",
                "url",
                "meta",
                "location",
                "languages",
            ]
        ),
        names,
    )
    scalars: st.SearchStrategy[ast.ValueNode] = st.one_of(
        st.text(max_size=40).map(lambda s: ast.StringValueNode(value=s)),
        st.integers(-(2**31), 2**31 - 1).map(lambda i: ast.IntValueNode(value=str(i))),
        st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: ast.FloatValueNode(value=repr(f))),
        st.booleans().map(lambda b: ast.BooleanValueNode(value=b)),
        st.just(ast.NullValueNode()),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4).map(lambda values: ast.ListValueNode(values=tuple(values))),
            st.dictionaries(keys, children, max_size=5).map(
                lambda fields: ast.ObjectValueNode(
                    fields=tuple(ast.ObjectFieldNode(name=ast.NameNode(value=k), value=v) for k, v in fields.items())
                )
            ),
        ),
        max_leaves=12,
    )


schemathesis.graphql.scalar("JSON", _graphql_json_values())


@dataclass
class Report:
    """What a run sent and what came back."""

    requests: int = 0
    server_errors: list[str] = field(default_factory=list)  # 5xx, and unexpected (masked) GraphQL errors
    slowest: tuple[float, str] = (0.0, "")

    def record(self, label: str, seconds: float) -> None:
        self.requests += 1
        if seconds > self.slowest[0]:
            self.slowest = (seconds, label)


def graphql_operations() -> list[Any]:
    schema = schemathesis.graphql.from_path(SCHEMA)
    return [result.ok() for result in schema.get_all_operations()]


def _run(strategy: st.SearchStrategy[Any], examples: int, check: Callable[[Any], None]) -> None:
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(value=strategy)
    def run(value: Any) -> None:
        check(value)

    run()


def exercise_graphql(operation: Any, base_url: str, token: str, examples: int, report: Report) -> None:
    """Send `examples` generated calls of one operation; record every 5xx and unexpected error."""

    def check(case: Any) -> None:
        started = time.perf_counter()
        response = case.call(base_url=f"{base_url}/graphql", headers={"Authorization": f"Bearer {token}"}, timeout=60)
        report.record(operation.label, time.perf_counter() - started)
        body = _json(response)
        problem = None
        if response.status_code >= 500:
            problem = f"HTTP {response.status_code}"
        elif isinstance(body, dict):
            for error in body.get("errors") or []:
                if error.get("message") == "Unexpected error." or "Traceback" in json.dumps(error):
                    problem = f"unexpected error {error}"
        if problem:
            report.server_errors.append(f"{operation.label}: {problem}; request {json.dumps(case.body)[:500]}")

    _run(operation.as_strategy(), examples, check)


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


_HOSTILE_TEXT = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "",
            "null",
            "[]",
            "{}",
            '{"email": []}',
            "\u0000",
            "🌈" * 50,
            "Ş" * 1000,
            "'; DROP TABLE users; --",
            "../../etc/passwd",
            "%00",
            "a" * 70_000,
        ]
    ),
)
_BODIES = st.one_of(
    st.binary(max_size=300),
    _HOSTILE_TEXT.map(str.encode),
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30)),
        lambda children: st.one_of(
            st.lists(children, max_size=3),
            st.dictionaries(
                st.sampled_from(["email", "password", "refreshToken", "grant_type", "scope", "query"]),
                children,
                max_size=4,
            ),
        ),
        max_leaves=10,
    ).map(lambda value: json.dumps(value).encode()),
)
_CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "multipart/form-data",
        "application/json; charset=latin-1",
    ]
)
_HEADER_VALUES = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=80)  # as clients send them


@dataclass(frozen=True)
class HttpCall:
    method: str
    path: str
    body: bytes
    headers: dict[str, str]
    query: dict[str, str]


def http_calls() -> st.SearchStrategy[HttpCall]:
    """Calls to every route outside GraphQL, with malformed bodies, headers and query strings."""
    routes = st.sampled_from(
        [
            ("POST", "/auth/signup"),
            ("POST", "/auth/signin"),
            ("POST", "/auth/refresh"),
            ("POST", "/auth/signout"),
            ("POST", "/auth/token"),
            ("GET", "/.well-known/jwks.json"),
            ("POST", "/uploads"),
            ("GET", "/uploads"),
            ("GET", "/files/users/someone/renders/x.pdf"),
            ("GET", "/files/..%2f..%2fetc/passwd"),
            ("GET", "/config.json"),
            ("GET", "/healthz"),
            ("GET", "/templates/classic/thumbnail.png"),
            ("GET", "/templates/..%2f..%2f/thumbnail.png"),
            ("POST", "/graphql"),
            ("GET", "/graphql"),
        ]
    )
    return st.builds(
        lambda route, body, content_type, headers, query: HttpCall(
            route[0], route[1], body if route[0] == "POST" else b"", {"content-type": content_type, **headers}, query
        ),
        routes,
        _BODIES,
        _CONTENT_TYPES,
        st.dictionaries(
            st.sampled_from(["authorization", "x-request-id", "cookie", "accept", "origin", "content-length-ish"]),
            _HEADER_VALUES,
            max_size=3,
        ),
        # Query strings stay under the HTTP server's request-line cap (16 KB, refused below the app).
        st.dictionaries(
            st.sampled_from(["expires", "name", "signature", "inline", "query", "variables"]),
            _HOSTILE_TEXT.filter(lambda s: "\x00" not in s and len(s) < 2_000),
            max_size=4,
        ),
    )


def exercise_http(base_url: str, examples: int, report: Report) -> None:
    def check(call: HttpCall) -> None:
        started = time.perf_counter()
        # A new connection per call: a refusal may come before the body is read, and the connection is closed.
        response = requests.request(
            call.method,
            f"{base_url}{call.path}",
            data=call.body,
            headers=call.headers,
            params=call.query,
            timeout=60,
            allow_redirects=False,
        )
        report.record(f"{call.method} {call.path}", time.perf_counter() - started)
        if response.status_code >= 500:
            report.server_errors.append(
                f"{call.method} {call.path}: HTTP {response.status_code} {response.text[:200]!r}; "
                f"headers {call.headers}, query {call.query}, body {call.body[:200]!r}"
            )
        elif response.status_code >= 400 and call.path.startswith(("/auth", "/graphql", "/uploads", "/files")):
            # A refusal says why, in a typed body.
            body = _json(response)
            if not isinstance(body, dict) or not (body.get("error") or body.get("errors")):
                report.server_errors.append(
                    f"{call.method} {call.path}: untyped {response.status_code} {response.text[:200]!r}"
                )

    _run(http_calls(), examples, check)
