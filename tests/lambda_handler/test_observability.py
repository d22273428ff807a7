"""Observability: one log line shape locally (api/logs.py) and on Lambda (Powertools), the request's correlation
id and user on each line, EMF metrics from the Lambda handler, and the counts the ports' decorators make."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from api import observability
from api.app import create_app
from api.composition import build_runtime
from api.logs import configure_logging
from api.observability import Metric
from api.observability_aws import tracing_enabled
from api.observability_ports import CountedEmbedder, CountedRenderer, CountedTextGenerator
from api.settings import Settings
from cvmaker.domain.errors import GenerationUnavailable, LimitExceeded, QuotaExceeded
from cvmaker.domain.matching.extraction import Posting
from cvmaker.domain.quotas import QuotaKind
from cvmaker.ports import RenderedPdf
from tests.conftest import FakeVerifier

ROOT = Path(__file__).resolve().parents[2]

# What a line written during an identified user's request holds, in both shapes.
EXPECTED_KEYS = {"level", "location", "message", "timestamp", "service", "logger", "correlation_id", "user_id"}
# What else a local line may hold: an error's stack and type, a metric's name and value.
LOCAL_EXTRAS = {"exception", "exception_name", "metric", "value"}
# What Powertools adds on Lambda: the invocation's context.
LAMBDA_CONTEXT_KEYS = {"cold_start", "function_name", "function_memory_size", "function_arn", "function_request_id"}


class RecordingSink:
    def __init__(self) -> None:
        self.counts: Counter[Metric] = Counter()

    def count(self, metric: Metric, value: int = 1) -> None:
        self.counts[metric] += value


@pytest.fixture
def sink() -> Iterator[RecordingSink]:
    recording = RecordingSink()
    observability.use_metrics(recording)
    yield recording
    observability.use_metrics(observability.LoggedMetrics())


class LocalLog:
    """The embedded default's logging (api/logs.py) into a buffer, at debug level. `lines()` stops its writer
    thread (which writes out every queued record) and reads what it wrote."""

    def __init__(self) -> None:
        self.stream = io.StringIO()
        self.listener = configure_logging(self.stream, level=logging.DEBUG)
        self.stopped = False

    def stop(self) -> None:
        if not self.stopped:
            self.listener.stop()
            self.stopped = True

    def lines(self) -> list[dict[str, Any]]:
        self.stop()
        return lines(self.stream.getvalue())


@pytest.fixture
def local_log() -> Iterator[LocalLog]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    log = LocalLog()
    yield log
    log.stop()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


# ------------------------------------------------------------------ local shape


def test_a_local_line_in_a_users_request_has_the_powertools_keys(
    local_log: LocalLog, settings: Settings, fake_verifier: FakeVerifier
) -> None:
    app = create_app(settings, build_runtime(settings, verifier=fake_verifier))
    with TestClient(app) as client:
        response = client.post(
            "/graphql",
            json={"query": "{ noSuchField }"},  # a client error: logged at debug level, inside the request
            headers={"Authorization": "Bearer token-alice", "x-request-id": "req-local-1"},
        )
    assert response.status_code == 200 and response.headers["x-request-id"] == "req-local-1"
    [line] = [line for line in local_log.lines() if line["message"].startswith("client error")]
    assert EXPECTED_KEYS <= set(line) <= EXPECTED_KEYS | LOCAL_EXTRAS
    assert line["correlation_id"] == "req-local-1" and line["user_id"] == "alice"
    assert line["service"] == "cvmaker-api" and line["level"] == "DEBUG" and line["logger"] == "cvmaker.graphql"
    assert line["timestamp"].endswith("+00:00") and ":" in line["location"]


def test_a_request_without_a_token_has_no_user_and_a_new_correlation_id(
    local_log: LocalLog, settings: Settings, fake_verifier: FakeVerifier
) -> None:
    app = create_app(settings, build_runtime(settings, verifier=fake_verifier))
    with TestClient(app) as client:
        response = client.post("/graphql", json={"query": "{ noSuchField }"})
    [line] = [line for line in local_log.lines() if line["message"].startswith("client error")]
    assert "user_id" not in line and line["correlation_id"] == response.headers["x-request-id"]


def test_a_local_error_line_keeps_its_stack_inside_the_record(local_log: LocalLog) -> None:
    try:
        raise ValueError("bad\nline")
    except ValueError:
        logging.getLogger("cvmaker.test").exception("it failed")
    [line] = local_log.lines()
    assert line["exception_name"] == "ValueError" and "bad\\nline" not in line["message"]
    assert "Traceback" in line["exception"] and "correlation_id" not in line


# ------------------------------------------------------------------ Lambda shape

LAMBDA_PROBE = """
import json, sys
sys.path.insert(0, "tests/lambda_handler")
from test_lambda_handler import event
import api.lambda_handler as entry

class Context:
    function_name = "cvmaker-api-fn"
    memory_limit_in_mb = 2048
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:cvmaker-api-fn"
    aws_request_id = "lambda-req-7"

runtime = entry.handler.app.state.runtime
user = runtime.local_accounts.ensure_user("obs@example.com")
token = runtime.local_issuer.user_tokens(user.sub, user.email).access_token
ok = entry.handler(event(json.dumps({"query": "{ me { id } }"}), token), Context())

class Broken:
    def verify(self, token):
        raise RuntimeError("the key server is on fire")

runtime.verifier.inner = Broken()  # an unexpected error inside the app: a 500
failed = entry.handler(event(json.dumps({"query": "{ me { id } }"}), token), Context())
print("RESULT " + json.dumps({"sub": user.sub, "ok": ok["statusCode"], "failed": failed["statusCode"]}))
"""


@pytest.fixture(scope="module")
def lambda_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CVMAKER_", "AWS_", "POWERTOOLS_", "LAMBDA_"))}
    env.update(
        CVMAKER_DATA_DIR=str(tmp_path_factory.mktemp("data")),
        CVMAKER_ENV="production",
        CVMAKER_WEB_DIST=str(tmp_path_factory.mktemp("no-web")),
        POWERTOOLS_SERVICE_NAME="cvmaker-api",
        POWERTOOLS_METRICS_NAMESPACE="CvMaker",
    )
    done = subprocess.run(
        [sys.executable, "-c", LAMBDA_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    [result] = [json.loads(line[7:]) for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    return result, lines(done.stdout)


def test_a_lambda_line_has_the_same_keys_and_the_lambda_context(
    lambda_run: tuple[dict[str, Any], list[dict[str, Any]]],
) -> None:
    result, output = lambda_run
    assert result["ok"] == 200
    logged = [line for line in output if "_aws" not in line and line.get("user_id") == result["sub"]]
    assert logged, output
    line = logged[0]
    assert EXPECTED_KEYS | LAMBDA_CONTEXT_KEYS <= set(line)
    assert line["correlation_id"] == "apigw-req-1"  # API Gateway's request id (the event's requestContext)
    assert line["function_request_id"] == "lambda-req-7" and line["service"] == "cvmaker-api"
    assert line["timestamp"].endswith("+00:00")


def test_the_unexpected_error_is_logged_with_its_request(
    lambda_run: tuple[dict[str, Any], list[dict[str, Any]]],
) -> None:
    result, output = lambda_run
    assert result["failed"] == 500
    [error] = [line for line in output if line.get("exception_name") == "RuntimeError"]
    assert error["level"] == "ERROR" and error["correlation_id"] == "apigw-req-1"
    assert "the key server is on fire" in error["exception"]


def test_the_lambda_handler_flushes_emf_metrics(lambda_run: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    _, output = lambda_run
    blobs = [line for line in output if "_aws" in line]
    assert all(directive["Namespace"] == "CvMaker" for blob in blobs for directive in blob["_aws"]["CloudWatchMetrics"])
    totals: Counter[str] = Counter()
    for blob in blobs:
        for directive in blob["_aws"]["CloudWatchMetrics"]:
            for metric in directive["Metrics"]:
                values = blob[metric["Name"]]
                totals[metric["Name"]] += int(sum(values) if isinstance(values, list) else values)
                assert metric["Unit"] == "Count"
    assert totals["Requests"] == 2 and totals["ServerErrors"] == 1 and totals["ColdStart"] == 1
    assert all(blob["service"] == "cvmaker-api" for blob in blobs)


def test_tracing_is_off_without_lambda_or_when_disabled() -> None:
    assert not tracing_enabled({})
    assert tracing_enabled({"LAMBDA_TASK_ROOT": "/var/task"})
    assert tracing_enabled({"AWS_LAMBDA_FUNCTION_NAME": "cvmaker-api"})  # a container image's runtime
    assert not tracing_enabled({"LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_TRACE_DISABLED": "true"})
    assert not tracing_enabled({"LAMBDA_TASK_ROOT": "/var/task", "AWS_SAM_LOCAL": "true"})


# ------------------------------------------------------------------ counts behind the ports


class FailingRenderer:
    version = "test-1"

    def __init__(self, error: Exception) -> None:
        self.error = error

    def render(self, html: str, base_dir: str) -> RenderedPdf:
        raise self.error


@pytest.mark.parametrize(
    ("error", "counted"),
    [
        (LimitExceeded("The CV took longer than 10 seconds to render.", "render_time"), 1),
        (LimitExceeded("The renderer stopped while rendering this CV.", "render_crash"), 1),
        (RuntimeError("worker pool broke"), 1),
        (LimitExceeded("The CV would be 30 pages long; the limit is 20.", "render_pages"), 0),
    ],
)
def test_render_failures_are_counted_and_still_raised(sink: RecordingSink, error: Exception, counted: int) -> None:
    renderer = CountedRenderer(FailingRenderer(error))
    with pytest.raises(type(error)):
        renderer.render("<p>x</p>", "/tmp")
    assert sink.counts[Metric.RENDER_FAILURES] == counted
    assert renderer.version == "test-1"


def test_the_renderer_the_app_uses_is_counted(settings: Settings) -> None:
    runtime = build_runtime(settings)
    try:
        assert isinstance(runtime.services.rendering.renderer, CountedRenderer)
    finally:
        runtime.close()


def test_an_unreachable_model_is_a_model_error(sink: RecordingSink, settings: Settings) -> None:
    # The real OpenAI writer and embedder, pointed at a port where nothing listens: connection refused.
    model_settings = replace(
        settings,
        writer="openai",
        embeddings="openai",
        openai_api_key="sk-test",
        openai_base_url="http://127.0.0.1:9/v1",
    )
    runtime = build_runtime(model_settings)
    try:
        jobs = runtime.services.jobs
        assert isinstance(jobs.generator, CountedTextGenerator)
        with pytest.raises(GenerationUnavailable):
            jobs.generator.extract_requirements(Posting("Engineer", None, "Python and SQL, 3 years."))
        embedder = runtime.services.matching.embedder.inner
        assert isinstance(embedder, CountedEmbedder)
        with pytest.raises(GenerationUnavailable):
            embedder.embed(["Python"])
    finally:
        runtime.close()
    assert sink.counts[Metric.MODEL_ERRORS] == 2


def test_a_quota_refusal_is_counted(sink: RecordingSink, settings: Settings) -> None:
    runtime = build_runtime(replace(settings, quotas="render=1/minute"))
    try:
        runtime.services.quotas.charge("alice", QuotaKind.RENDER)
        assert sink.counts[Metric.REFUSALS] == 0
        with pytest.raises(QuotaExceeded):
            runtime.services.quotas.charge("alice", QuotaKind.RENDER)
    finally:
        runtime.close()
    assert sink.counts[Metric.REFUSALS] == 1


def test_locally_a_count_is_a_log_line(local_log: LocalLog) -> None:
    observability.count(Metric.MODEL_ERRORS)
    [line] = local_log.lines()
    assert line["metric"] == "ModelErrors" and line["value"] == 1 and line["logger"] == "cvmaker.metrics"


TRACED_PROBE = """
import json, sys
sys.path.insert(0, "tests/lambda_handler")
from test_lambda_handler import event
import api.lambda_handler as entry

class Context:
    function_name = "cvmaker-api-fn"
    memory_limit_in_mb = 2048
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:cvmaker-api-fn"
    aws_request_id = "lambda-req-9"

response = entry.handler(event(None, path="/healthz", method="GET"), Context())
print("RESULT " + json.dumps({"traced": entry.observability.tracer is not None, "status": response["statusCode"]}))
"""


def test_with_tracing_on_and_no_x_ray_daemon_requests_still_succeed(tmp_path: Path) -> None:
    """As in Lambda (LAMBDA_TASK_ROOT set, tracing not disabled), but with nothing listening for X-Ray: the
    Tracer is made, botocore patched, the invocation traced, and the answer is the app's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CVMAKER_", "AWS_", "POWERTOOLS_", "LAMBDA_"))}
    env.update(
        CVMAKER_DATA_DIR=str(tmp_path / "data"),
        CVMAKER_ENV="production",
        LAMBDA_TASK_ROOT="/var/task",
        AWS_LAMBDA_FUNCTION_NAME="cvmaker-api-fn",
        AWS_REGION="eu-west-1",
    )
    done = subprocess.run(
        [sys.executable, "-c", TRACED_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    [result] = [json.loads(line[7:]) for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert result == {"traced": True, "status": 200}
