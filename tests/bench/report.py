"""Shared by the benchmark scripts: percentiles, a plain-text table, and the JSON written under build/bench/."""

from __future__ import annotations

import json
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "bench"


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed(call: Callable[[], Any], runs: int, warmup: int = 3) -> list[float]:
    """Wall times of `call` in milliseconds, after `warmup` untimed calls."""
    for _ in range(warmup):
        call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(times_ms: Sequence[float]) -> dict[str, float]:
    return {
        "p50_ms": percentile(times_ms, 50),
        "p99_ms": percentile(times_ms, 99),
        "min_ms": min(times_ms),
        "mean_ms": statistics.fmean(times_ms),
        "n": len(times_ms),
    }


def table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    cells = [[str(_fmt(row.get(c, ""))) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    line = "| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(v.ljust(w) for v, w in zip(r, widths)) + " |" for r in cells]
    return "\n".join([line, rule, *body])


def _fmt(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return value


def write(name: str, rows: list[dict[str, Any]], extra: dict[str, Any] | None = None) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(
        json.dumps(
            {
                "benchmark": name,
                "at": datetime.now(UTC).isoformat(),
                "machine": platform.platform(),
                "python": platform.python_version(),
                "rows": rows,
                **(extra or {}),
            },
            indent=2,
            default=str,
        )
    )
    return path
