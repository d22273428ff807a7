"""A job the fair-share test runs in worker processes (it must be importable there)."""

from __future__ import annotations

import time


def hold(name: str, seconds: float) -> str:
    """Keep the worker busy a moment, so callers queue behind it; return who asked."""
    time.sleep(seconds)
    return name
