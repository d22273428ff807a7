"""Powertools for AWS Lambda around the Lambda entry point: structured JSON logs (the Lambda context, the
request's correlation id and user), metrics in CloudWatch's embedded metric format, and X-Ray traces.

Imported by `api.lambda_handler` alone. Every standard `logging` logger of the app writes through the Powertools
logger's handler and formatter, so a line has the keys of `api.logs.JsonLines`, plus the Lambda context's. The
lines are written as they are logged, not through `api.logs`' queue: Lambda freezes the process between
invocations, and a writer thread would hold lines back until the next one.

Tracing is on in Lambda only, and not where POWERTOOLS_TRACE_DISABLED is set (`tracing_enabled`); elsewhere no
Tracer is made at all, so nothing reaches for an X-Ray daemon that is not there and the SDK's import costs nothing.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from mangum import Mangum

from api.middleware import _SAFE_REQUEST_ID as SAFE_REQUEST_ID
from api.observability import (
    METRICS_NAMESPACE,
    SERVICE,
    Metric,
    RequestFieldsFilter,
    count,
    request_fields,
    use_metrics,
)

if TYPE_CHECKING:
    from mangum.types import LambdaContext as MangumContext
    from starlette.applications import Starlette

LambdaEvent = dict[str, Any]  # API Gateway's JSON, as Mangum reads it
LambdaResponse = dict[str, Any]


AsgiHandler = Callable[[LambdaEvent, object], LambdaResponse]


class PowertoolsMetrics:
    """The Lambda handler's metric sink: counts flushed as one EMF line at the end of each invocation."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def count(self, metric: Metric, value: int = 1) -> None:
        self.metrics.add_metric(name=metric.value, unit=MetricUnit.Count, value=value)


class Observability:
    def __init__(self, service: str | None = None, namespace: str | None = None) -> None:
        service = service or os.environ.get("POWERTOOLS_SERVICE_NAME") or SERVICE
        namespace = namespace or os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or METRICS_NAMESPACE
        self.logger = Logger(service=service, stream=sys.stdout, use_rfc3339=True, utc=True)
        self.metrics = Metrics(service=service, namespace=namespace)
        self.tracer = _tracer(service)
        self._route_every_logger()
        use_metrics(PowertoolsMetrics(self.metrics))

    def _route_every_logger(self) -> None:
        """The root logger gets the Powertools handler (and loses any other, e.g. the runtime's), so the app's
        `logging.getLogger(...)` lines are Powertools lines too; the service logger keeps the same handler and
        does not propagate, so its lines are not written twice."""
        handler = self.logger.registered_handler
        if not any(isinstance(existing, RequestFieldsFilter) for existing in handler.filters):
            handler.addFilter(RequestFieldsFilter())
        root = logging.getLogger()
        for existing in list(root.handlers):
            root.removeHandler(existing)
        root.addHandler(handler)
        root.setLevel(self.logger.log_level)
        logging.getLogger(self.logger.service).propagate = False

    def instrument(self, asgi: AsgiHandler) -> AsgiHandler:
        """`asgi` (Mangum) with the Lambda context in the logs, each request counted (and its 5xx), the metrics
        flushed (with a cold start count) and the invocation traced."""
        instrumented: AsgiHandler = self.metrics.log_metrics(
            self.logger.inject_lambda_context(counted(asgi), clear_state=True), capture_cold_start_metric=True
        )
        if self.tracer is not None:
            instrumented = self.tracer.capture_lambda_handler(instrumented)
        return instrumented

    def instrument_without_context(self, asgi: AsgiHandler) -> AsgiHandler:
        """The same, for a call with no Lambda context to read (a script, a test)."""
        instrumented: AsgiHandler = self.metrics.log_metrics(counted(asgi))
        return instrumented


def tracing_enabled(environ: Mapping[str, str]) -> bool:
    """Powertools' own rule (`Tracer._is_tracer_disabled`), which reads LAMBDA_TASK_ROOT alone; the function's
    name counts too, as Lambda sets it in every runtime, container images included: on in Lambda unless
    POWERTOOLS_TRACE_DISABLED says otherwise, off elsewhere (no X-Ray daemon listens) and in the SAM and
    Chalice emulators."""
    in_lambda = bool(environ.get("LAMBDA_TASK_ROOT") or environ.get("AWS_LAMBDA_FUNCTION_NAME"))
    disabled = environ.get("POWERTOOLS_TRACE_DISABLED", "false").strip().lower() in {"1", "y", "yes", "t", "true", "on"}
    emulated = "AWS_SAM_LOCAL" in environ or "AWS_CHALICE_CLI_MODE" in environ
    return in_lambda and not disabled and not emulated


def _tracer(service: str) -> Tracer | None:
    """A Tracer where tracing is on, else none: even a disabled Tracer imports the X-Ray SDK (175 ms of cold
    start measured here), for nothing."""
    if not tracing_enabled(os.environ):
        return None
    # Only botocore patched (DynamoDB, S3, Secrets Manager calls as subsegments): patching every library X-Ray
    # knows would import them all during init.
    tracer = Tracer(service=service, disabled=False, auto_patch=False)  # decided above
    tracer.patch(["botocore"])
    return tracer


def counted(asgi: AsgiHandler) -> AsgiHandler:
    def handle(event: LambdaEvent, context: object) -> LambdaResponse:
        count(Metric.REQUESTS)
        request_id = event.get("requestContext", {}).get("requestId")
        try:
            if isinstance(request_id, str) and SAFE_REQUEST_ID.match(request_id):
                with request_fields(request_id):
                    response = asgi(event, context)
            else:
                response = asgi(event, context)
        except Exception:
            count(Metric.SERVER_ERRORS)
            raise
        status = response.get("statusCode", 500)
        if isinstance(status, int) and status >= 500:
            count(Metric.SERVER_ERRORS)
        elif status == 429:
            count(Metric.REFUSALS)
        return response

    return handle


ORIGIN_VERIFY_HEADER = "x-origin-verify"  # amplify/api/edge.ts sets it on every request CloudFront forwards

REFUSED_ORIGIN: LambdaResponse = {
    "statusCode": 403,
    "headers": {"content-type": "application/json"},
    "body": json.dumps(
        {"errors": [{"message": "Use the API's published address.", "extensions": {"code": "FORBIDDEN"}}]}
    ),
    "isBase64Encoded": False,
}


def came_through_the_edge(event: LambdaEvent, proof: str) -> bool:
    headers = event.get("headers") or {}
    given = headers.get(ORIGIN_VERIFY_HEADER, "") if isinstance(headers, dict) else ""
    return isinstance(given, str) and hmac.compare_digest(given.encode(), proof.encode())


class LambdaEntry:
    """The function Lambda calls: `app` through Mangum, instrumented. Without a Lambda context (a script or a test
    that hands in None or {}), the request still runs and is counted, without the context's log keys.

    With `origin_proof` (CVMAKER_ORIGIN_VERIFY, set where CloudFront and its firewall front the API), a request
    without CloudFront's secret header went around the firewall to the execute-api address: it is refused
    before the app sees it."""

    def __init__(self, app: Starlette, observability: Observability, origin_proof: str | None = None) -> None:
        self.app = app  # scripts and tests reach the runtime through it, as through Mangum's `app`
        self.origin_proof = origin_proof
        mangum = Mangum(app, lifespan="off")

        def asgi(event: LambdaEvent, context: object) -> LambdaResponse:
            if self.origin_proof is not None and not came_through_the_edge(event, self.origin_proof):
                logging.getLogger("cvmaker.http").warning("refused a request that did not come through CloudFront")
                count(Metric.REFUSALS)
                return dict(REFUSED_ORIGIN)
            # Mangum only hands the context on to the app's scope ("aws.context"), whatever it is.
            return mangum(event, cast("MangumContext", context))

        self.instrumented = observability.instrument(asgi)
        self.bare = observability.instrument_without_context(asgi)

    def __call__(self, event: LambdaEvent, context: object) -> LambdaResponse:
        if hasattr(context, "aws_request_id"):
            return self.instrumented(event, context)
        return self.bare(event, context)
