"""The command line: `cvmaker token` mints a local access token the server accepts; `cvmaker serve` serves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args, "--data-dir", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )


def test_token_then_serve_then_call_the_api(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    minted = cli("token", "--email", "script@example.com", data_dir=data_dir)
    assert minted.returncode == 0, minted.stderr
    token = minted.stdout.strip()
    assert token.count(".") == 2
    again = cli("token", "--email", "script@example.com", data_dir=data_dir).stdout.strip()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                    assert json.load(response) == {"ok": True}
                    break
            except OSError:
                assert time.monotonic() < deadline, "cvmaker serve did not start"
                time.sleep(0.1)

        def me(bearer: str) -> dict:
            request = urllib.request.Request(
                f"{base}/graphql",
                data=json.dumps({"query": "{ me { id email } }"}).encode(),
                headers={"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.load(response)["data"]["me"]

        first, second = me(token), me(again)
        assert first["email"] == "script@example.com" and first["id"] == second["id"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_client_create_then_client_credentials_token_reads_but_cannot_write(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    data_dir = tmp_path / "data"
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "api.cli",
            "client",
            "create",
            "--name",
            "acme",
            "--scope",
            "cvmaker/read",
            "--data-dir",
            str(data_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert created.returncode == 0, created.stderr
    fields = dict(line.split(":", 1) for line in created.stdout.splitlines()[:2])
    client_id, secret = fields["client id"].strip(), fields["secret"].strip()
    with TestClient(create_app(Settings(data_dir=data_dir, web_dist=tmp_path / "none"))) as client:
        issued = client.post("/auth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret))
        assert issued.status_code == 200, issued.text
        headers = {"Authorization": f"Bearer {issued.json()['access_token']}"}
        read = client.post("/graphql", json={"query": "{ cvs { edges { node { id } } } }"}, headers=headers)
        assert read.json() == {"data": {"cvs": {"edges": []}}}
        write = client.post(
            "/graphql", json={"query": 'mutation { createCv(input: {title: "x"}) { __typename } }'}, headers=headers
        )
        assert write.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        wrong = client.post("/auth/token", data={"grant_type": "client_credentials"}, auth=(client_id, "nope"))
        assert wrong.status_code in (400, 401)
