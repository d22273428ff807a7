"""`make bench`: runs every `tests/bench/bench_*.py` in its own interpreter, one after another (never two at once:
the machine is shared and noisy), each printing its table and writing JSON under build/bench/."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main(selected: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if selected:
        scripts = [s for s in scripts if any(name in s.stem for name in selected)]
    failures = 0
    for script in scripts:
        print(f"\n## {script.stem}\n", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", f"tests.bench.{script.stem}"], cwd=ROOT)
        print(f"({script.stem}: {time.perf_counter() - started:.0f} s, exit {result.returncode})", flush=True)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
