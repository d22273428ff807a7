"""`scripts/run_cloud_local.py`, as docs/cloud-local.md tells a contributor to run it: it starts, prints a token,
and serves GraphQL through the Lambda handler against the emulator; a bad token gets 401; Ctrl-C stops it."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_the_cloud_shape_runs_on_one_machine_through_the_lambda_handler(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "run_cloud_local.py"), "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = ""
        deadline = time.monotonic() + 60
        while "READY" not in output:
            line = process.stdout.readline()  # type: ignore[union-attr]
            assert line or process.poll() is None, output
            output += line
            assert time.monotonic() < deadline, output
        token = re.search(r"^ACCESS_TOKEN=(\S+)$", output, re.MULTILINE).group(1)  # type: ignore[union-attr]
        url = f"http://127.0.0.1:{port}/graphql"
        headers = {"Authorization": f"Bearer {token}"}
        created = httpx.post(
            url,
            headers=headers,
            timeout=30,
            json={"query": 'mutation { createCv(input: {title: "My CV"}) { ... on Cv { id version } } }'},
        ).json()
        cv = created["data"]["createCv"]
        assert cv["version"] == 1
        listed = httpx.post(url, headers=headers, timeout=30, json={"query": "{ cvs { edges { node { id } } } }"})
        assert [e["node"]["id"] for e in listed.json()["data"]["cvs"]["edges"]] == [cv["id"]]
        refused = httpx.post(
            url, headers={"Authorization": "Bearer a.b.c"}, timeout=30, json={"query": "{ me { id } }"}
        )
        assert refused.status_code == 401
        assert not (tmp_path / ".cvmaker").exists()  # nothing local: the data went to the emulator
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode == 0
