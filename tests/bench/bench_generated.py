"""Generated requests, the long run: every GraphQL operation with Schemathesis-generated arguments and every
route outside GraphQL with malformed input, against `cvmaker serve` on loopback, signed in. Prints the number of
requests, the 5xx and unexpected errors (goal: none), the slowest request, and whether the server was healthy
after. `make test` runs the same with fewer examples (tests/http/test_generated_requests.py).

    uv run python -m tests.bench.bench_generated [EXAMPLES_PER_OPERATION]
"""

from __future__ import annotations

import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.bench.report import table, write
from tests.support.generated_requests import Report, exercise_graphql, exercise_http, graphql_operations
from tests.support.servers import cvmaker_serve, sign_up_token


def main(examples: int) -> None:
    rows = []
    total = Report()
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "serve.log"
        with log_path.open("wb") as log, cvmaker_serve(Path(folder) / "data", output=log) as url:
            token = sign_up_token(url, "bench@example.com")
            started = time.perf_counter()
            for operation in graphql_operations():
                report = Report()
                try:
                    exercise_graphql(operation, url, token, examples, report)
                except Exception as error:  # a failing example stops Hypothesis: count it, go on
                    report.server_errors.append(f"{operation.label}: {type(error).__name__}: {error}"[:300])
                rows.append(
                    {
                        "target": operation.label,
                        "requests": report.requests,
                        "failures": len(report.server_errors),
                        "slowest_ms": report.slowest[0] * 1000,
                    }
                )
                _add(total, report)
            report = Report()
            try:
                exercise_http(url, examples * 40, report)
            except Exception as error:
                report.server_errors.append(f"HTTP routes: {type(error).__name__}: {error}"[:300])
            rows.append(
                {
                    "target": "HTTP routes outside GraphQL",
                    "requests": report.requests,
                    "failures": len(report.server_errors),
                    "slowest_ms": report.slowest[0] * 1000,
                }
            )
            _add(total, report)
            elapsed = time.perf_counter() - started
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as health:
                healthy = health.status == 200
    print(table(rows, ["target", "requests", "failures", "slowest_ms"]))
    print(
        f"\n{total.requests} generated requests in {elapsed:.0f} s; 5xx and unexpected errors: "
        f"{len(total.server_errors)}; slowest {total.slowest[0] * 1000:.0f} ms ({total.slowest[1]}); "
        f"healthy after: {healthy}"
    )
    for failure in total.server_errors[:20]:
        print("  -", failure)
    write(
        "generated",
        rows,
        {
            "requests": total.requests,
            "failures": total.server_errors,
            "slowest": list(total.slowest),
            "healthy_after": healthy,
            "examples": examples,
        },
    )


def _add(total: Report, part: Report) -> None:
    total.requests += part.requests
    total.server_errors += part.server_errors
    if part.slowest[0] > total.slowest[0]:
        total.slowest = part.slowest


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
