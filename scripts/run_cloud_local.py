"""Run the cloud shape on one machine, with no AWS account: `uv run python scripts/run_cloud_local.py`.

1. Starts moto's server on 127.0.0.1 (DynamoDB, S3 and Cognito in one process).
2. Creates what the CDK stack creates in AWS: the table (with its list index), the private bucket (with CORS for
   this origin), a Cognito user pool with the web app's client, and one confirmed user.
3. Serves HTTP on 127.0.0.1:8000 the way API Gateway (HTTP API, payload 2.0) does: every request becomes a Lambda
   event handed to `api.lambda_handler.handler`, the Lambda entry point, so Mangum, the settings read from the
   environment and the AWS adapters all run exactly as in Lambda.
4. Prints how to get a token and a ready-to-run request. Ctrl-C stops everything.

Everything is in memory: stopping the script forgets every CV, file and user.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: the project's packages are importable from the checkout

REGION = "eu-west-1"
NAME = "cvmaker-local"


def start_emulator(port: int) -> tuple[Any, str]:
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    host, bound = server.get_host_and_port()
    return server, f"http://{host}:{bound}"


def provision(endpoint_url: str, origin: str, email: str, password: str) -> dict[str, str]:
    """Create the table, bucket, pool and user; return the environment that points the app at them."""
    from cvmaker.adapters.aws.clients import aws_client
    from cvmaker.adapters.aws.provisioning import create_bucket, create_table, create_user, create_user_pool

    create_table(aws_client("dynamodb", REGION, endpoint_url), NAME)
    create_bucket(aws_client("s3", REGION, endpoint_url), NAME, REGION, allowed_origins=(origin,))
    cognito = aws_client("cognito-idp", REGION, endpoint_url)
    pool = create_user_pool(cognito, NAME, REGION, endpoint_url)
    create_user(cognito, pool, email, password)
    return {
        "CVMAKER_STORAGE": "dynamodb",
        "CVMAKER_BLOBS": "s3",
        "CVMAKER_AUTH": "cognito",
        "CVMAKER_AWS_ENDPOINT_URL": endpoint_url,
        "CVMAKER_DYNAMODB_TABLE": NAME,
        "CVMAKER_S3_BUCKET": NAME,
        "CVMAKER_COGNITO_ISSUER": pool.issuer,
        "CVMAKER_COGNITO_JWKS_URL": pool.jwks_url,
        "CVMAKER_COGNITO_CLIENT_IDS": pool.web_client_id,
        "CVMAKER_PUBLIC_URL": origin,
        "AWS_REGION": REGION,
    }


class ApiGateway(BaseHTTPRequestHandler):
    """Turns each HTTP request into an API Gateway HTTP API (v2) event for the Lambda handler, and the handler's
    result back into the HTTP response. One request at a time, as one Lambda container serves them."""

    handler: Any = None  # set on the subclass made by `serve`
    protocol_version = "HTTP/1.1"

    def do_request(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        response = self.handler(self.event(body), LambdaContext())
        payload = response.get("body") or ""
        data = base64.b64decode(payload) if response.get("isBase64Encoded") else payload.encode()
        self.send_response(response["statusCode"])
        for name, value in (response.get("headers") or {}).items():
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(name, str(value))
        for cookie in response.get("cookies") or []:
            self.send_header("set-cookie", cookie)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = do_PATCH = do_request

    def event(self, body: bytes) -> dict[str, Any]:
        path, _, query = self.path.partition("?")
        headers: dict[str, str] = {}
        cookies: list[str] = []
        for name, value in self.headers.items():
            name = name.lower()
            if name == "cookie":
                cookies += [c.strip() for c in value.split(";") if c.strip()]
            else:  # API Gateway joins repeated headers with commas
                headers[name] = f"{headers[name]},{value}" if name in headers else value
        now = time.time()
        event: dict[str, Any] = {
            "version": "2.0",
            "routeKey": "$default",
            "rawPath": path,
            "rawQueryString": query,
            "headers": headers,
            "requestContext": {
                "accountId": "000000000000",
                "apiId": "local",
                "domainName": headers.get("host", "127.0.0.1"),
                "domainPrefix": "local",
                "requestId": str(uuid.uuid4()),
                "routeKey": "$default",
                "stage": "$default",
                "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
                "timeEpoch": int(now * 1000),
                "http": {
                    "method": self.command,
                    "path": path,
                    "protocol": "HTTP/1.1",
                    "sourceIp": self.client_address[0],
                    "userAgent": headers.get("user-agent", ""),
                },
            },
            "body": base64.b64encode(body).decode() if body else None,
            "isBase64Encoded": bool(body),
        }
        if cookies:
            event["cookies"] = cookies
        return event

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet, like API Gateway without access logs


def serve(handler: Any, port: int) -> None:
    gateway = type("Gateway", (ApiGateway,), {"handler": staticmethod(handler)})
    with HTTPServer(("127.0.0.1", port), gateway) as server:
        server.serve_forever()


class LambdaContext:
    function_name = NAME
    function_version = "$LATEST"
    memory_limit_in_mb = 1024
    aws_request_id = "local"
    invoked_function_arn = f"arn:aws:lambda:{REGION}:000000000000:function:{NAME}"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 30_000


def instructions(origin: str, environment: dict[str, str], email: str, password: str, token: str) -> str:
    endpoint = environment["CVMAKER_AWS_ENDPOINT_URL"]
    client_id = environment["CVMAKER_COGNITO_CLIENT_IDS"]
    sign_in = json.dumps(
        {
            "AuthFlow": "USER_PASSWORD_AUTH",
            "ClientId": client_id,
            "AuthParameters": {"USERNAME": email, "PASSWORD": password},
        }
    )
    return f"""
CV Maker, cloud shape, on {origin} (every request goes through api.lambda_handler.handler)
  DynamoDB, S3 and Cognito: moto on {endpoint}   table and bucket: {NAME}
  user: {email}   password: {password}

A fresh access token (valid 1 hour) for that user:
ACCESS_TOKEN={token}

Get another one the way the web app signs in (Cognito InitiateAuth, USER_PASSWORD_AUTH):
  curl -s {endpoint}/ -H 'Content-Type: application/x-amz-json-1.1' \\
    -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' \\
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/{REGION}/cognito-idp/aws4_request' \\
    -d '{sign_in}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["AuthenticationResult"]["AccessToken"])'

Try it:
  curl -s {origin}/graphql -H "Authorization: Bearer $ACCESS_TOKEN" -H 'Content-Type: application/json' \\
    -d '{{"query": "mutation {{ createCv(input: {{title: \\"My CV\\"}}) {{ ... on Cv {{ id version }} }} }}"}}'
  GraphiQL: {origin}/graphql (add the header Authorization: Bearer <token>)
READY
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="the app's port on 127.0.0.1 (default 8000)")
    parser.add_argument("--moto-port", type=int, default=0, help="the emulator's port (default: any free port)")
    parser.add_argument("--email", default="demo@example.com")
    parser.add_argument("--password", default=None, help="default: a random one, printed")
    args = parser.parse_args(argv)
    password = args.password or secrets.token_urlsafe(12)
    origin = f"http://127.0.0.1:{args.port}"

    # moto takes any credentials; these keep boto3 from looking for real ones (and from ever reaching AWS).
    os.environ.update({"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"})
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE"):
        os.environ.pop(name, None)
    server, endpoint_url = start_emulator(args.moto_port)
    try:
        environment = provision(endpoint_url, origin, args.email, password)
        os.environ.update(environment)

        from api.lambda_handler import handler  # reads the environment set above, as Lambda's init does
        from cvmaker.adapters.aws.clients import aws_client
        from cvmaker.adapters.aws.provisioning import UserPool, sign_in

        pool = UserPool(
            environment["CVMAKER_COGNITO_ISSUER"].rsplit("/", 1)[1],
            environment["CVMAKER_COGNITO_CLIENT_IDS"],
            REGION,
            endpoint_url,
        )
        token = sign_in(aws_client("cognito-idp", REGION, endpoint_url), pool, args.email, password)["AccessToken"]
        print(instructions(origin, environment, args.email, password, token), flush=True)
        serve(handler, args.port)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
