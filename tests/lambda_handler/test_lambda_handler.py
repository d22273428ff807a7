"""The Lambda entry point: API Gateway HTTP API (payload v2) events through Mangum into the same app."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "weasyprint",
    "pdfplumber",
    "pdfminer",
    "docx",
    "openai",
    "pinecone",
    "numpy",
    "jsonschema",
    "boto3",
    "jinja2",
    "pypdfium2",
    "tokenizers",
    "uvicorn",
)


def event(body: str | None, token: str | None = None, path: str = "/graphql", method: str = "POST") -> dict[str, Any]:
    headers = {"content-type": "application/json", "host": "abc.execute-api.eu-west-1.amazonaws.com"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "isBase64Encoded": False,
        "headers": headers,
        "requestContext": {
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.9",
                "userAgent": "test",
            },
            "stage": "$default",
            "requestId": "apigw-req-1",
            "accountId": "123456789012",
            "apiId": "abc",
            "domainName": "abc.execute-api.eu-west-1.amazonaws.com",
            "timeEpoch": 0,
        },
        "body": body,
    }


@pytest.fixture
def handler_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("CVMAKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CVMAKER_ENV", "production")
    sys.modules.pop("api.lambda_handler", None)
    return importlib.import_module("api.lambda_handler")


def local_token(module: Any, email: str = "lambda@example.com") -> str:
    runtime = module.handler.app.state.runtime
    user = runtime.local_accounts.ensure_user(email)
    return runtime.local_issuer.user_tokens(user.sub, user.email).access_token


def test_graphql_post_with_a_token(handler_module: Any) -> None:
    token = local_token(handler_module)
    create = json.dumps(
        {"query": 'mutation { createCv(input: {title: "From Lambda"}) { ... on Cv { id title version } } }'}
    )
    response = handler_module.handler(event(create, token), {})
    assert response["statusCode"] == 200
    created = json.loads(response["body"])["data"]["createCv"]
    assert created["title"] == "From Lambda" and created["version"] == 1
    read = json.dumps({"query": "query($id: ID!) { cv(id: $id) { title } }", "variables": {"id": created["id"]}})
    assert json.loads(handler_module.handler(event(read, token), {})["body"])["data"]["cv"]["title"] == "From Lambda"
    assert response["headers"]["x-request-id"] == "apigw-req-1"


def test_graphql_post_without_a_token(handler_module: Any) -> None:
    response = handler_module.handler(event(json.dumps({"query": "{ me { id } }"})), {})
    body = json.loads(response["body"])
    assert response["statusCode"] == 200 and body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_forged_token_gets_401(handler_module: Any) -> None:
    token = local_token(handler_module)
    header, payload, signature = token.split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"
    response = handler_module.handler(event(json.dumps({"query": "{ me { id } }"}), forged), {})
    assert response["statusCode"] == 401


@pytest.mark.parametrize("body", ["{not json", "", "[]", '{"query": 42}'])
def test_a_bad_body_gets_a_client_error(handler_module: Any, body: str) -> None:
    token = local_token(handler_module)
    response = handler_module.handler(event(body, token), {})
    assert 400 <= response["statusCode"] < 500


def test_production_lambda_serves_no_graphiql(handler_module: Any) -> None:
    response = handler_module.handler(event(None, method="GET"), {})
    assert response["statusCode"] in (400, 404, 405) and "graphiql" not in response["body"].lower()


def test_the_handler_imports_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import sys, api.lambda_handler; "
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "CVMAKER_DATA_DIR": str(tmp_path),
        "CVMAKER_ENV": "production",
        "CVMAKER_AUTH": "cognito",
        "CVMAKER_COGNITO_ISSUER": "https://cognito-idp.eu-west-1.amazonaws.com/pool",
        "CVMAKER_COGNITO_CLIENT_IDS": "client",
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_behind_cloudfront_a_request_around_the_firewall_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With CVMAKER_ORIGIN_VERIFY (amplify/api/edge.ts), only requests carrying CloudFront's secret header reach
    the app: one sent straight to the execute-api address went around the WAF."""
    monkeypatch.setenv("CVMAKER_ORIGIN_VERIFY", "proof-from-cloudfront")
    monkeypatch.setenv("CVMAKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CVMAKER_ENV", "production")
    sys.modules.pop("api.lambda_handler", None)
    module = importlib.import_module("api.lambda_handler")
    sys.modules.pop("api.lambda_handler")  # later imports build a handler without the proof
    around = module.handler(event(None, path="/healthz", method="GET"), {})
    assert around["statusCode"] == 403 and json.loads(around["body"])["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    forged = event(None, path="/healthz", method="GET")
    forged["headers"]["x-origin-verify"] = "a-guess"
    assert module.handler(forged, {})["statusCode"] == 403
    through = event(None, path="/healthz", method="GET")
    through["headers"]["x-origin-verify"] = "proof-from-cloudfront"
    response = module.handler(through, {})
    assert response["statusCode"] == 200 and json.loads(response["body"]) == {"ok": True}
