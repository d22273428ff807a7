"""Logging that never holds up a request.

A log record is handed to a bounded in-memory queue; one background thread writes the queue to the stream. A
stream that blocks (stderr piped to a process that stopped reading, a slow terminal, a full disk) then stalls
that thread alone, never the event loop: when the queue is full, records are dropped and counted, and the count
is logged once the stream drains. Without this, each unexpected error's traceback was written to stderr on the
event loop, and 64 KB of them into an unread pipe hung the whole server.
"""

from __future__ import annotations

import copy
import json
import logging
import queue
import sys
from datetime import UTC, datetime
from logging.handlers import QueueHandler, QueueListener
from typing import TextIO

from api.observability import SERVICE, RequestFieldsFilter

DEFAULT_CAPACITY = 1_000


class JsonLines(logging.Formatter):
    """One JSON object per record and per line: text a caller controls (a path, a name) can never start a line
    of its own in the log, and the stack of an error stays inside its record.

    The keys are Powertools for AWS Lambda's (`api.observability_aws`), so a line reads the same locally and in
    CloudWatch: level, location, message, timestamp (RFC 3339, UTC), service, and the request's correlation_id
    and user_id (`api.observability.RequestFieldsFilter`) when there are any."""

    def __init__(self, service: str = SERVICE) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        moment = datetime.fromtimestamp(record.created, UTC)
        entry: dict[str, object] = {
            "level": record.levelname,
            "location": f"{record.funcName}:{record.lineno}",
            "message": record.getMessage(),
            "timestamp": moment.isoformat(timespec="milliseconds"),
            "service": self.service,
        }
        for key in _RECORD_FIELDS:
            value = getattr(record, key, None)
            if value is not None:
                entry[key] = value
        stack = self.formatException(record.exc_info) if record.exc_info else record.exc_text
        if stack:
            entry["exception"] = stack
        if record.exc_info and record.exc_info[1] is not None:
            entry["exception_name"] = type(record.exc_info[1]).__name__
        return json.dumps(entry, ensure_ascii=False, default=str)


# Stamped on records by api.observability (the request's) and by callers' `extra` (a metric's name and value).
_RECORD_FIELDS = ("logger", "correlation_id", "user_id", "exception_name", "metric", "value")


class DroppingQueueHandler(QueueHandler):
    """A `QueueHandler` that drops (and counts) records when its queue is full instead of blocking or raising
    (the standard one reports `queue.Full` through `handleError`, which writes to stderr: the very stream that
    may be stuck)."""

    def __init__(self, records: queue.Queue[logging.LogRecord]) -> None:
        super().__init__(records)
        self.dropped = 0

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        # The message and the stack as text, now (the arguments may change later); kept apart, for the writer.
        prepared = copy.copy(record)
        prepared.msg, prepared.args = record.getMessage(), None
        if record.exc_info:
            prepared.exc_text = logging.Formatter().formatException(record.exc_info)
            prepared.exception_name = type(record.exc_info[1]).__name__
        prepared.exc_info = None
        return prepared

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
    writer.setFormatter(JsonLines())
    listener = _Listener(records, writer, respect_handler_level=False)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    queued = DroppingQueueHandler(records)
    queued.addFilter(RequestFieldsFilter())
    root.addHandler(queued)
    root.setLevel(level)
    listener.start()
    return listener
