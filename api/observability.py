"""What the app tells its operators, in one vocabulary for both shapes: the fields every log line carries (the
request's correlation id, the user once known) and the metrics it counts.

Standard library only, so importing it costs a cold start nothing: Powertools for AWS Lambda is wired in
`api.observability_aws`, which the Lambda handler alone imports. Nothing below the edge imports either; the
ports' decorators in `api.observability_ports` count what happens behind the ports.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from starlette.types import ASGIApp, Receive, Scope, Send

SERVICE = "cvmaker-api"
"""The service name of every log line and the `service` dimension of every metric (POWERTOOLS_SERVICE_NAME)."""

METRICS_NAMESPACE = "CvMaker"
"""The CloudWatch namespace of the app's metrics (POWERTOOLS_METRICS_NAMESPACE); the alarms read it."""

LOG_KEYS = frozenset({"level", "location", "message", "timestamp", "service", "logger", "correlation_id", "user_id"})
"""The keys of a log line written during an identified user's request, locally and on Lambda alike."""


class Metric(StrEnum):
    """Counts the alarms and the dashboard read (amplify/api/observability.ts names the same)."""

    REQUESTS = "Requests"
    SERVER_ERRORS = "ServerErrors"  # responses with a 5xx status
    RENDER_FAILURES = "RenderFailures"  # the renderer failed, timed out or ran out of memory on a document
    MODEL_ERRORS = "ModelErrors"  # the text generator or the embedder was unreachable, slow or rate limited
    REFUSALS = "Refusals"  # a quota or a throttle turned the caller away


class MetricSink(Protocol):
    def count(self, metric: Metric, value: int = 1) -> None: ...


class LoggedMetrics:
    """The embedded default's sink: one log line per event (they are rare: failures and refusals)."""

    def __init__(self) -> None:
        self.log = logging.getLogger("cvmaker.metrics")

    def count(self, metric: Metric, value: int = 1) -> None:
        self.log.info("metric %s +%d", metric.value, value, extra={"metric": metric.value, "value": value})


_sink: list[MetricSink] = [LoggedMetrics()]


def use_metrics(sink: MetricSink) -> None:
    """Send every count of this process to `sink` (the Lambda handler's Powertools metrics)."""
    _sink[0] = sink


def count(metric: Metric, value: int = 1) -> None:
    _sink[0].count(metric, value)


@dataclass
class RequestFields:
    """Mutable on purpose: the token is verified in a worker thread, which sees this same object through its copy
    of the request's context and names the user on it for the request's later lines."""

    correlation_id: str
    user_id: str | None = None


_request: ContextVar[RequestFields | None] = ContextVar("cvmaker_request_fields", default=None)


@contextmanager
def request_fields(correlation_id: str) -> Iterator[RequestFields]:
    fields = RequestFields(correlation_id)
    token = _request.set(fields)
    try:
        yield fields
    finally:
        _request.reset(token)


def identify_user(user_id: str) -> None:
    """Name the user of the current request on its later log lines (a no-op outside a request)."""
    fields = _request.get()
    if fields is not None:
        fields.user_id = user_id


class RequestFieldsFilter(logging.Filter):
    """Stamps the current request's fields on each record, in the thread that logs it (a queued record is
    written later by another thread, outside the request's context)."""

    def filter(self, record: logging.LogRecord) -> bool:
        fields = _request.get()
        if fields is not None:
            record.correlation_id = fields.correlation_id
            if fields.user_id is not None:
                record.user_id = fields.user_id
        record.logger = record.name
        return True


class RequestLogContext:
    """ASGI middleware, inside `RequestId`: the request's id becomes the correlation id of its log lines. On
    Lambda the handler has already opened the request's fields with API Gateway's request id (the same id), so
    that Mangum's own lines after the app returns carry them too; they are kept."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = scope.get("state", {}).get("request_id") if scope["type"] == "http" else None
        if not isinstance(request_id, str) or _request.get() is not None:
            await self.app(scope, receive, send)
            return
        with request_fields(request_id):
            await self.app(scope, receive, send)
