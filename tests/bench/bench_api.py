"""The core's figures: `cv` query latency in process, requests per second through uvicorn on loopback, and the
Lambda handler's import time in a fresh interpreter."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from api.composition import build_runtime
from api.settings import Settings
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.samples import long_cv
from cvmaker.ports import Principal
from resolvers.context import Context
from schema.schema import build_schema
from tests.bench.report import ROOT, summary, table, timed, write
from tests.graphql.queries import CV_FIELDS
from tests.support.servers import free_port

QUERY = CV_FIELDS + "query($id: ID!) { cv(id: $id) { ...CvFields } }"


def two_page_cv() -> CvDocument:
    """The long sample trimmed to the size of a typical 2-page CV: 4 roles of at most 5 bullets, the rest kept."""
    document = long_cv()
    for section in document.sections:
        if section.kind.value == "EXPERIENCE":
            section.items = section.items[:4]
            for item in section.items:
                item.bullets = item.bullets[:5]
    return document


def in_process(runs: int = 3000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir))
        runtime = build_runtime(settings, verifier=object())  # type: ignore[arg-type]
        cv = runtime.services.cvs.create_from_document("bench", two_page_cv())
        schema = build_schema()
        principal = Principal(sub="bench", client_id="bench")
        loop = asyncio.new_event_loop()

        def query() -> None:
            context = Context(services=runtime.services, principal=principal, request_id="bench")
            result = loop.run_until_complete(
                schema.execute(QUERY, variable_values={"id": cv.id}, context_value=context)
            )
            assert result.errors is None, result.errors

        times = timed(query, runs, warmup=50)
        result = loop.run_until_complete(
            schema.execute(
                QUERY,
                variable_values={"id": cv.id},
                context_value=Context(services=runtime.services, principal=principal, request_id="bench"),
            )
        )
        loop.close()
        return {"times": times, "response_bytes": len(json.dumps(result.data))}


def graphql_core_floor(runs: int = 3000) -> list[float]:
    """The same response executed by graphql-core alone from a plain dict (no Strawberry, no storage, no auth):
    the floor any Python GraphQL server on graphql-core pays for this many fields."""
    from graphql import build_schema as build_sdl_schema
    from graphql import execute_sync, parse, validate

    sdl_schema = build_sdl_schema(build_schema().as_str())
    document = parse(QUERY)
    assert not validate(sdl_schema, document)
    cv = {
        **two_page_cv().to_dict(),
        "id": "X",
        "version": 1,
        "createdAt": "2026-01-01T00:00:00",
        "updatedAt": "2026-01-01T00:00:00",
        "sourceCvId": None,
    }

    def resolve(source: Any, info: Any, **args: Any) -> Any:
        return source.get(info.field_name) if isinstance(source, dict) else None

    def run() -> None:
        result = execute_sync(
            sdl_schema, document, root_value={"cv": cv}, variable_values={"id": "X"}, field_resolver=resolve
        )
        assert result.errors is None, result.errors

    return timed(run, runs, warmup=50)


def _wrk(url: str, token: str, body: str, seconds: int) -> dict[str, float] | None:
    wrk = shutil.which("wrk")
    if not wrk:
        return None
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(
        f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n'
        f'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Authorization"] = "Bearer {token}"\n'
    )
    command = [wrk, "-t1", "-c16", f"-d{seconds}s", "--latency", "-s", str(script), url]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "1", *command]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30).stdout
    script.unlink()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]

    def latency(label: str) -> float:
        match = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", output)
        value, unit = float(match.group(1)), match.group(2)  # type: ignore[union-attr]
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": rps,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": float(non_2xx.group(1)) if non_2xx else 0.0,
    }


def over_http(seconds: int = 10) -> dict[str, Any] | None:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "CVMAKER_DATA_DIR": data_dir}
        token = subprocess.run(
            [sys.executable, "-m", "api.cli", "token", "--email", "bench@example.com"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        port = free_port()
        command = [sys.executable, "-m", "api.cli", "serve", "--port", str(port)]
        if shutil.which("taskset"):
            command = ["taskset", "-c", "0", *command]
        server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        try:
            import httpx

            url = f"http://127.0.0.1:{port}/graphql"
            headers = {"Authorization": f"Bearer {token}"}
            for _ in range(200):
                try:
                    httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.05)
            mutation = "mutation($input: CvInput!) { createCv(input: $input) { ... on Cv { id } } }"
            document = two_page_cv().to_dict()
            created = httpx.post(
                url,
                headers=headers,
                timeout=10,
                json={
                    "query": mutation,
                    "variables": {
                        "input": {k: document[k] for k in ("title", "basics", "summary", "sections", "design")}
                    },
                },
            )
            cv_id = created.json()["data"]["createCv"]["id"]
            body = json.dumps({"query": QUERY, "variables": {"id": cv_id}})
            _wrk(url, token, body, 2)  # warm-up, not recorded
            return _wrk(url, token, body, seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)


def handler_import(runs: int = 15) -> list[float]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "CVMAKER_ENV": "production",
        "CVMAKER_AUTH": "cognito",
        "CVMAKER_COGNITO_ISSUER": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_bench",
        "CVMAKER_COGNITO_CLIENT_IDS": "bench",
        "CVMAKER_DATA_DIR": tempfile.mkdtemp(),
    }
    code = "import time; t = time.perf_counter(); import api.lambda_handler; print((time.perf_counter() - t) * 1000)"
    times = []
    for n in range(runs + 2):
        output = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout
        if n >= 2:  # the first runs warm the page cache and write .pyc files
            times.append(float(output))
    return times


def main() -> None:
    rows: list[dict[str, Any]] = []
    cv_query = in_process()
    s = summary(cv_query["times"])
    rows.append(
        {
            "measure": f"cv query in process ({cv_query['response_bytes']} B JSON)",
            "p50": s["p50_ms"],
            "p99": s["p99_ms"],
            "unit": "ms",
            "target": "p50 <= 0.5",
        }
    )
    floor = summary(graphql_core_floor())
    rows.append(
        {
            "measure": "  same response, graphql-core alone (floor)",
            "p50": floor["p50_ms"],
            "p99": floor["p99_ms"],
            "unit": "ms",
            "note": f"ours / floor = {s['p50_ms'] / floor['p50_ms']:.2f}x",
        }
    )
    http = over_http()
    if http is None:
        rows.append({"measure": "cv query via uvicorn", "p50": "wrk not installed", "unit": "", "target": ""})
    else:
        rows.append(
            {
                "measure": "cv query via uvicorn, 1 worker, wrk -c16 10 s: req/s",
                "p50": http["rps"],
                "unit": "req/s",
                "target": ">= 1500",
            }
        )
        rows.append(
            {
                "measure": "  ... latency",
                "p50": http["p50_ms"],
                "p99": http["p99_ms"],
                "unit": "ms",
                "target": "p99 <= 10",
                "note": f"non-2xx: {int(http['non_2xx'])}",
            }
        )
    imports = summary(handler_import())
    rows.append(
        {
            "measure": "import api.lambda_handler, fresh interpreter",
            "p50": imports["p50_ms"],
            "p99": imports["p99_ms"],
            "min": imports["min_ms"],
            "unit": "ms",
            "target": "<= 300",
        }
    )
    print(table(rows, ["measure", "p50", "p99", "min", "unit", "target", "note"]))
    print(f"\nJSON: {write('api', rows)}")


if __name__ == "__main__":
    main()
