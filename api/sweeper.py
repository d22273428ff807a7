"""The server's periodic sweep (`cvmaker.services.expiry`): expired uploads, renders and idempotency keys go,
in a worker thread so the event loop never waits on a folder walk or a SQLite write."""

from __future__ import annotations

import logging
from datetime import timedelta

import anyio
from anyio.to_thread import run_sync

from cvmaker.services.expiry import SWEEP_INTERVAL, ExpiryService

log = logging.getLogger("cvmaker.expiry")


async def sweep_periodically(expiry: ExpiryService, interval: timedelta = SWEEP_INTERVAL) -> None:
    """Sweep now, then every `interval`, until cancelled (the server stopping). A failed sweep is logged and
    retried at the next interval: expiry must never take the server down."""
    while True:
        try:
            swept = await run_sync(expiry.sweep)
        except Exception:
            log.exception("expiry: the sweep failed")
        else:
            if swept.uploads or swept.renders or swept.idempotency_keys:
                log.info(
                    "expiry: swept %d uploads, %d rendered files, %d idempotency keys",
                    swept.uploads,
                    swept.renders,
                    swept.idempotency_keys,
                )
        await anyio.sleep(interval.total_seconds())
