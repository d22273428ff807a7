"""`python -m tests.load [--clients 24] [--seconds 30] [--calm-seconds 30]`: prints the table, writes the report
to build/bench/load.json, and exits 1 when a goal is missed (5xx, p99 beyond 2x, a lost update)."""

from __future__ import annotations

import argparse
import sys

from tests.bench.report import write
from tests.load.run import run_load, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.load")
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the run with the abusers")
    parser.add_argument("--calm-seconds", type=float, default=None, help="length of the run without (default: same)")
    args = parser.parse_args(argv)
    report = run_load(
        args.clients, args.seconds, args.calm_seconds, progress=lambda line: print(line, file=sys.stderr, flush=True)
    )
    print(table(report))
    print(f"(written to {write('load', [], report)})")
    return 0 if all(report["goals"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
