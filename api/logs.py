"""Logging that never holds up a request.

A log record is handed to a bounded in-memory queue; one background thread writes the queue to the stream. A
stream that blocks (stderr piped to a process that stopped reading, a slow terminal, a full disk) then stalls
that thread alone, never the event loop: when the queue is full, records are dropped and counted, and the count
is logged once the stream drains. Without this, each unexpected error's traceback was written to stderr on the
event loop, and 64 KB of them into an unread pipe hung the whole server.
"""

from __future__ import annotations

import logging
import queue
import sys
from logging.handlers import QueueHandler, QueueListener
from typing import TextIO

_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
DEFAULT_CAPACITY = 1_000


class DroppingQueueHandler(QueueHandler):
    """A `QueueHandler` that drops (and counts) records when its queue is full instead of blocking or raising
    (the standard one reports `queue.Full` through `handleError`, which writes to stderr: the very stream that
    may be stuck)."""

    def __init__(self, records: queue.Queue[logging.LogRecord]) -> None:
        super().__init__(records)
        self.dropped = 0

    def enqueue(self, record: logging.LogRecord) -> None:
        try:
            if self.dropped:
                notice = logging.LogRecord(
                    "cvmaker.logs",
                    logging.WARNING,
                    __file__,
                    0,
                    "%d log records dropped: the log stream was not being read",
                    (self.dropped,),
                    None,
                )
                self.queue.put_nowait(self.prepare(notice))
                self.dropped = 0
            self.queue.put_nowait(record)
        except queue.Full:
            self.dropped += 1


class _Listener(QueueListener):
    def enqueue_sentinel(self) -> None:
        # The standard listener puts its stop mark without waiting and raises on a full queue; wait a little for
        # the writer instead, and give up (dropping the backlog) if the stream never drains.
        try:
            self.queue.put(self._sentinel, timeout=5)  # type: ignore[attr-defined]
        except queue.Full:
            pass


def configure_logging(
    stream: TextIO | None = None, level: int = logging.INFO, capacity: int = DEFAULT_CAPACITY
) -> QueueListener:
    """Route every logger (uvicorn's included, when it is run with `log_config=None`) through one bounded
    queue to `stream`. Returns the started listener; `stop()` flushes it."""
    records: queue.Queue[logging.LogRecord] = queue.Queue(maxsize=capacity)
    writer = logging.StreamHandler(stream or sys.stderr)
    writer.setFormatter(logging.Formatter(_FORMAT))
    listener = _Listener(records, writer, respect_handler_level=False)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(DroppingQueueHandler(records))
    root.setLevel(level)
    listener.start()
    return listener
