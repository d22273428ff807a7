"""The AWS backend's observability and edge, synthesized offline: the function traced and named as the app names
itself, alarms and a dashboard over the API's and the app's metrics with an SNS topic, a cost budget, and a WAF web
ACL (CLOUDFRONT scope, in us-east-1) on a CloudFront distribution in front of the HTTP API.

The metric names and the service are checked against the Python side (api/observability.py), so the alarms
watch what the app emits."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from api.observability import METRICS_NAMESPACE, SERVICE, Metric
from tests.deploy.test_backend import (
    ROOT,
    SYNTH_ENV,
    amplify_packages,  # noqa: F401  (a fixture)
    explain,
    resources,
    run,
    succeeded,
    synth,
    synthesized,  # noqa: F401  (a fixture: the default sandbox, no edge)
)

EDGE_ENV = {
    **SYNTH_ENV,
    "CVMAKER_EDGE": "on",
    "CVMAKER_MONTHLY_BUDGET_USD": "50",
    "CVMAKER_ALARM_EMAIL": "ops@example.com",
    "CVMAKER_WAF_RATE_LIMIT": "1500",
}
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"  # CloudFront's managed CachingDisabled policy


@pytest.fixture(scope="module")
def edge_synth(amplify_packages: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    return synth(amplify_packages, tmp_path_factory.mktemp("cdk.out.edge"), "edge", EDGE_ENV)


def load(out: Path) -> dict[str, dict[str, Any]]:
    return {path.name: json.loads(path.read_text()) for path in out.glob("*.template.json")}


def named(out: Path, marker: str) -> dict[str, Any]:
    [template] = [template for name, template in load(out).items() if marker in name]
    return template


def api_template(out: Path) -> dict[str, Any]:
    return named(out, "CvApi")


def by_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {key: value for key, value in template["Resources"].items() if value["Type"] == kind}


def image_function(template: dict[str, Any]) -> dict[str, Any]:
    [function] = [f for f in resources(template, "AWS::Lambda::Function") if f["Properties"].get("PackageType")]
    return function["Properties"]


def app_metric_names() -> set[str]:
    return {metric.value for metric in Metric}


def test_the_function_is_traced_and_names_the_service_and_namespace_the_app_uses(edge_synth: Path) -> None:
    function = image_function(api_template(edge_synth))
    assert function["TracingConfig"] == {"Mode": "Active"}
    env = function["Environment"]["Variables"]
    assert env["POWERTOOLS_SERVICE_NAME"] == SERVICE and env["POWERTOOLS_METRICS_NAMESPACE"] == METRICS_NAMESPACE
    assert "POWERTOOLS_TRACE_DISABLED" not in env
    policies = json.dumps(resources(api_template(edge_synth), "AWS::IAM::Policy"))
    assert "xray:PutTraceSegments" in policies


def test_five_alarms_watch_errors_latency_throttles_renders_and_models(edge_synth: Path) -> None:
    template = api_template(edge_synth)
    [topic_id] = by_type(template, "AWS::SNS::Topic")
    alarms = by_type(template, "AWS::CloudWatch::Alarm")
    assert len(alarms) == 5
    for alarm in alarms.values():
        properties = alarm["Properties"]
        assert properties["AlarmActions"] == [{"Ref": topic_id}] and properties["OKActions"] == [{"Ref": topic_id}]
        assert properties["TreatMissingData"] == "notBreaching"
    plain = {a["Properties"]["MetricName"]: a["Properties"] for a in alarms.values() if "MetricName" in a["Properties"]}
    assert plain["Throttles"]["Namespace"] == "AWS/Lambda"
    for name in ("RenderFailures", "ModelErrors"):
        assert name in app_metric_names()
        assert plain[name]["Namespace"] == METRICS_NAMESPACE
        assert plain[name]["Dimensions"] == [{"Name": "service", "Value": SERVICE}]
        assert plain[name]["Statistic"] == "Sum"
    math = [a["Properties"] for a in alarms.values() if "Metrics" in a["Properties"]]
    described = json.dumps(math)
    assert '"5xx"' in described and '"Count"' in described and "100 * errors / requests" in described
    assert '"Latency"' in described and '"p99"' in described
    [subscription] = resources(template, "AWS::SNS::Subscription")
    assert subscription["Properties"]["Protocol"] == "email"
    assert subscription["Properties"]["Endpoint"] == "ops@example.com"


def test_the_dashboard_shows_the_same_metrics(edge_synth: Path) -> None:
    [dashboard] = resources(api_template(edge_synth), "AWS::CloudWatch::Dashboard")
    body = json.dumps(dashboard["Properties"]["DashboardBody"])
    for name in app_metric_names():
        assert f'\\"{name}\\"' in body, name
    for name in ("5xx", "Latency", "Throttles", "Duration"):
        assert f'\\"{name}\\"' in body, name
    assert "alarm" in body and METRICS_NAMESPACE in body


def test_a_monthly_budget_tells_the_topic_and_the_email(edge_synth: Path) -> None:
    template = api_template(edge_synth)
    [topic_id] = by_type(template, "AWS::SNS::Topic")
    [budget] = resources(template, "AWS::Budgets::Budget")
    spec = budget["Properties"]["Budget"]
    assert spec["BudgetType"] == "COST" and spec["TimeUnit"] == "MONTHLY"
    assert spec["BudgetLimit"] == {"Amount": 50, "Unit": "USD"}
    notices = budget["Properties"]["NotificationsWithSubscribers"]
    assert sorted((n["Notification"]["NotificationType"], n["Notification"]["Threshold"]) for n in notices) == [
        ("ACTUAL", 80),
        ("FORECASTED", 100),
    ]
    for notice in notices:
        assert {"SubscriptionType": "SNS", "Address": {"Ref": topic_id}} in notice["Subscribers"]
        assert {"SubscriptionType": "EMAIL", "Address": "ops@example.com"} in notice["Subscribers"]
    policy = json.dumps(resources(template, "AWS::SNS::TopicPolicy"))
    assert "budgets.amazonaws.com" in policy and "aws:SourceAccount" in policy


def test_a_rate_limiting_web_acl_in_us_east_1_fronts_the_api_through_cloudfront(edge_synth: Path) -> None:
    firewall = named(edge_synth, "-firewall.template")
    [acl] = resources(firewall, "AWS::WAFv2::WebACL")
    assert acl["Properties"]["Scope"] == "CLOUDFRONT"
    [rate] = [rule for rule in acl["Properties"]["Rules"] if "RateBasedStatement" in rule["Statement"]]
    assert rate["Action"] == {"Block": {}}
    assert rate["Statement"]["RateBasedStatement"] == {
        "Limit": 1500,
        "AggregateKeyType": "IP",
        "EvaluationWindowSec": 300,
    }
    [parameter] = resources(firewall, "AWS::SSM::Parameter")
    parameter_name = parameter["Properties"]["Name"]

    manifest = json.loads((edge_synth / "manifest.json").read_text())["artifacts"]
    [firewall_stack] = [name for name in manifest if name.endswith("-firewall")]
    assert manifest[firewall_stack]["environment"].endswith("/us-east-1")
    [root] = [name for name, artifact in manifest.items() if firewall_stack in artifact.get("dependencies", [])]
    assert root == firewall_stack.removesuffix("-firewall")  # the Amplify stack waits for the web ACL

    template = api_template(edge_synth)
    readers = by_type(template, "Custom::AWS")
    [(reader_id, reader)] = readers.items()
    create = json.dumps(reader["Properties"])
    assert "getParameter" in create and "us-east-1" in create and parameter_name in create
    [distribution] = resources(template, "AWS::CloudFront::Distribution")
    config = distribution["Properties"]["DistributionConfig"]
    assert config["WebACLId"] == {"Fn::GetAtt": [reader_id, "Parameter.Value"]}
    behaviour = config["DefaultCacheBehavior"]
    assert behaviour["CachePolicyId"] == CACHING_DISABLED and behaviour["ViewerProtocolPolicy"] == "https-only"
    assert "POST" in behaviour["AllowedMethods"]
    [origin] = config["Origins"]
    assert "execute-api" in json.dumps(origin["DomainName"])
    [header] = origin["OriginCustomHeaders"]
    assert header["HeaderName"] == "x-origin-verify"
    # The same secret, as a dynamic reference (never a literal in the template), proves the origin to the app.
    proof = image_function(template)["Environment"]["Variables"]["CVMAKER_ORIGIN_VERIFY"]
    assert proof == header["HeaderValue"] and "{{resolve:secretsmanager:" in json.dumps(proof)

    outputs = json.dumps(named(edge_synth, f"{root}.template")["Outputs"]["customOutputs"])
    assert "Distribution" in outputs and "execute-api" not in outputs  # the web app calls through CloudFront


def test_the_edge_templates_pass_cfn_lint(edge_synth: Path) -> None:
    paths = sorted(str(path) for path in edge_synth.glob("*.template.json"))
    # The project's own cfn-lint (moto[server] brings it), not whichever is first on PATH.
    cfn_lint = Path(sys.executable).parent / "cfn-lint"
    assert cfn_lint.exists()
    result = run([str(cfn_lint), "--non-zero-exit-code", "error", *paths], ROOT)
    assert succeeded(result), explain(result)


def test_a_sandbox_gets_alarms_but_no_firewall_or_budget_by_default(synthesized: Path) -> None:  # noqa: F811
    assert not any(name.endswith("-firewall.template.json") for name in load(synthesized))
    template = api_template(synthesized)
    assert len(resources(template, "AWS::CloudWatch::Alarm")) == 5
    assert not resources(template, "AWS::CloudFront::Distribution")
    assert not resources(template, "AWS::Budgets::Budget")
    assert image_function(template)["TracingConfig"] == {"Mode": "Active"}
