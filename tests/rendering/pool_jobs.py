"""Functions the worker-pool tests run in worker processes (they must be importable there)."""

from __future__ import annotations

import os
import signal
import time

WARMED = {"count": 0}


def warm() -> None:
    WARMED["count"] += 1


def warm_count() -> int:
    return WARMED["count"]


def add(left: int, right: int) -> int:
    return left + right


def process_id() -> int:
    return os.getpid()


def sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def crash() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def exit_quietly() -> None:
    os._exit(3)


class Unpicklable(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} {second}")


def raise_value_error(message: str) -> None:
    raise ValueError(message)


def raise_unpicklable() -> None:
    raise Unpicklable("needs", "two arguments")


def _explode() -> None:
    raise RuntimeError("this object cannot be rebuilt here")


class FailsToUnpickle:
    """Pickles in the parent; rebuilding it in the worker raises (like a function only __main__ defines)."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_explode, ())


HELD: list[bytearray] = []


def hold(megabytes: int) -> int:
    """Allocate and keep: the worker's resident memory stays up after the call."""
    block = bytearray(megabytes * 1024 * 1024)
    block[::4096] = b"x" * len(range(0, len(block), 4096))  # touch every page, so it is resident
    HELD.append(block)
    return len(HELD)
