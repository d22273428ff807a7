"""The core's `cv` query and the repository calls behind it, on SQLite and on DynamoDB side by side.

DynamoDB is moto's server on 127.0.0.1, reached through boto3 over HTTP exactly as Lambda reaches DynamoDB. The
emulator's figures are NOT AWS's: they add moto's pure-Python request handling and leave out the network hop to
the service; in AWS, a GetItem from Lambda in the same region typically takes a few milliseconds. They show what
the adapter itself costs (serialisation, botocore, one round trip per call) and catch regressions such as an
extra round trip per query.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from api.composition import build_runtime
from api.settings import Settings
from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.ports import CvRepository, Principal
from resolvers.context import Context
from schema.schema import build_schema
from tests.bench.bench_api import QUERY, two_page_cv
from tests.bench.report import ROOT, summary, table, timed, write
from tests.contract.emulator import Emulator, running_emulator

RUNS = 500
EMULATOR_NOTE = "moto on loopback: not AWS's latency"


def measure_backend(settings: Settings) -> dict[str, list[float]]:
    runtime = build_runtime(settings, verifier=object())  # type: ignore[arg-type]
    cvs = runtime.services.cvs
    repository: CvRepository = cvs.repository
    cv = cvs.create_from_document("bench", two_page_cv())
    for n in range(30):  # a user with a few CVs, so listing reads a real page
        cvs.create("bench", {"title": f"CV {n}"})
    schema = build_schema()
    principal = Principal(sub="bench", client_id="bench")
    loop = asyncio.new_event_loop()

    def query() -> None:
        context = Context(services=runtime.services, principal=principal, request_id="bench")
        result = loop.run_until_complete(schema.execute(QUERY, variable_values={"id": cv.id}, context_value=context))
        assert result.errors is None, result.errors

    current = [repository.get("bench", cv.id)]

    def save() -> None:
        stored = current[0]
        assert stored is not None
        following = stored.next_version(stored.document, stored.updated_at + timedelta(seconds=1))
        repository.save(following, expected_version=stored.version)
        current[0] = following

    calls: dict[str, Callable[[], Any]] = {
        "cv query (GraphQL, in process)": query,
        "repository.get": lambda: repository.get("bench", cv.id),
        "repository.list, page of 20": lambda: repository.list("bench", 20),
        "repository.save (CV + revision)": save,
    }
    try:
        return {name: timed(call, RUNS, warmup=20) for name, call in calls.items()}
    finally:
        loop.close()


def handler_import_times(emulator: Emulator, aws: bool, runs: int = 7) -> list[float]:
    """`import api.lambda_handler` in a fresh interpreter with Cognito sign-in, and SQLite and the folder
    (`aws=False`) or DynamoDB and S3 (`aws=True`): the difference is boto3 and the DynamoDB client."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "CVMAKER_ENV": "production",
        "CVMAKER_AUTH": "cognito",
        "CVMAKER_COGNITO_ISSUER": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_bench",
        "CVMAKER_COGNITO_CLIENT_IDS": "bench",
        "CVMAKER_DATA_DIR": tempfile.mkdtemp(),
    }
    if aws:
        env.update(
            {
                "CVMAKER_STORAGE": "dynamodb",
                "CVMAKER_BLOBS": "s3",
                "AWS_REGION": emulator.region,
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "CVMAKER_AWS_ENDPOINT_URL": emulator.endpoint_url,
            }
        )
    code = "import time; t = time.perf_counter(); import api.lambda_handler; print((time.perf_counter() - t) * 1000)"
    times = []
    for n in range(runs + 2):
        output = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout
        if n >= 2:  # the first runs warm the page cache
            times.append(float(output))
    return times


def main() -> None:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as data_dir, running_emulator() as emulator:
        sqlite = measure_backend(Settings(data_dir=Path(data_dir) / "sqlite"))
        table_name = f"bench-{uuid.uuid4().hex[:8]}"
        create_table(emulator.client("dynamodb"), table_name)
        dynamodb = measure_backend(
            Settings(
                data_dir=Path(data_dir) / "dynamodb",
                storage="dynamodb",
                aws_region=emulator.region,
                aws_endpoint_url=emulator.endpoint_url,
                dynamodb_table=table_name,
            )
        )
        for name in sqlite:
            lite, dyn = summary(sqlite[name]), summary(dynamodb[name])
            rows.append(
                {
                    "measure": name,
                    "sqlite p50": lite["p50_ms"],
                    "sqlite p99": lite["p99_ms"],
                    "dynamodb p50": dyn["p50_ms"],
                    "dynamodb p99": dyn["p99_ms"],
                    "unit": "ms",
                    "note": EMULATOR_NOTE,
                }
            )
        local, cloud = (summary(handler_import_times(emulator, aws)) for aws in (False, True))
        rows.append(
            {
                "measure": "import api.lambda_handler (Cognito sign-in)",
                "sqlite p50": local["p50_ms"],
                "sqlite p99": local["p99_ms"],
                "dynamodb p50": cloud["p50_ms"],
                "dynamodb p99": cloud["p99_ms"],
                "unit": "ms",
                "note": "fresh interpreter; DynamoDB adds boto3 + its client (S3 client on first use)",
            }
        )
    print(f"{RUNS} runs each after 20 warm-up calls. DynamoDB = {EMULATOR_NOTE}.\n")
    print(table(rows, ["measure", "sqlite p50", "sqlite p99", "dynamodb p50", "dynamodb p99", "unit", "note"]))
    print(f"\nJSON: {write('storage', rows, {'emulator': 'moto ThreadedMotoServer, 127.0.0.1'})}")


if __name__ == "__main__":
    main()
