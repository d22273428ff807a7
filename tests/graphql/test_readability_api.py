"""`readabilityReport` through the real app: a report per format, another user's CV like a missing one, a format
that is not PDF or DOCX, the quota, and the cost of the field."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT

REPORT = """query($id: ID!, $format: ReadableFormat!, $design: DesignInput) {
  readabilityReport(cvId: $id, format: $format, design: $design) {
    __typename
    ... on ReadabilityReport { score format template summary advice fields { path label status expected read } }
    ... on NotFoundError { message }
    ... on ValidationError { message fields { path message } }
    ... on QuotaExceededError { message retryAfter }
    ... on LimitExceededError { message limit }
  }
}"""


@pytest.fixture
def cv(api: Api) -> dict[str, Any]:
    created: dict[str, Any] = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    return created


def report(api: Api, variables: dict[str, Any], token: str = "token-alice") -> dict[str, Any]:
    result: dict[str, Any] = api.data(REPORT, variables, token)["readabilityReport"]
    return result


def by_path(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {field["path"]: field for field in result["fields"]}


@pytest.mark.parametrize(("fmt", "template"), [("PDF", "classic"), ("PDF", "modern"), ("DOCX", "classic")])
def test_a_report_for_each_format(api: Api, cv: dict[str, Any], fmt: str, template: str) -> None:
    result = report(api, {"id": cv["id"], "format": fmt, "design": {"template": template}})
    assert result["__typename"] == "ReadabilityReport", result
    assert (result["format"], result["template"]) == (fmt, template)
    assert 0 <= result["score"] <= 100 and result["score"] >= 90
    fields = by_path(result)
    assert fields["basics.name"] == {
        "path": "basics.name",
        "label": "Name",
        "status": "READ",
        "expected": "Ada Lovelace",
        "read": "Ada Lovelace",
    }
    assert fields["basics.email"]["status"] == "READ"
    assert fields["sections.0.items.0.organization"]["expected"] == "Analytical Engines Ltd"
    assert {f["status"] for f in result["fields"]} <= {"READ", "MANGLED", "LOST"}
    assert result["advice"] and "fields read as written" in result["summary"]


def test_the_design_is_the_cvs_own_when_none_is_given(api: Api, cv: dict[str, Any]) -> None:
    result = report(api, {"id": cv["id"], "format": "PDF"})
    assert result["template"] == cv["design"]["template"]


def test_another_users_cv_answers_like_a_missing_one(api: Api, cv: dict[str, Any]) -> None:
    theirs = report(api, {"id": cv["id"], "format": "PDF"}, token="token-bob")
    missing = report(api, {"id": "01JNOSUCHCV00000000000000", "format": "PDF"}, token="token-bob")
    assert theirs["__typename"] == missing["__typename"] == "NotFoundError"
    assert theirs["message"] == missing["message"]


def test_a_format_other_than_pdf_or_docx_is_refused(api: Api, cv: dict[str, Any]) -> None:
    body = api.call(REPORT, {"id": cv["id"], "format": "TEXT"})
    assert body.get("data") is None
    assert "ReadableFormat" in body["errors"][0]["message"]


def test_a_bad_design_is_a_validation_error(api: Api, cv: dict[str, Any]) -> None:
    result = report(api, {"id": cv["id"], "format": "PDF", "design": {"template": "no-such-template"}})
    assert result["__typename"] == "ValidationError"
    assert [f["path"] for f in result["fields"]] == ["design.template"]


def test_the_field_costs_a_render_and_an_import(api: Api, cv: dict[str, Any]) -> None:
    two = "query($id: ID!) { a: readabilityReport(cvId: $id, format: PDF) { __typename } "
    two += "b: readabilityReport(cvId: $id, format: DOCX) { __typename } }"
    body = api.call(two, {"id": cv["id"]})
    assert body["errors"][0]["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert body["errors"][0]["extensions"]["cost"] == 40


def test_past_the_import_quota_the_answer_is_typed(
    settings: Settings, fake_verifier: FakeVerifier, tmp_path: Any
) -> None:
    runtime = build_runtime(replace(settings, quotas="import=1/minute"), verifier=fake_verifier)
    with TestClient(create_app(settings, runtime)) as client:
        api = Api(client)
        cv = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
        assert report(api, {"id": cv["id"], "format": "DOCX"})["__typename"] == "ReadabilityReport"
        refused = report(api, {"id": cv["id"], "format": "DOCX"})
        assert refused["__typename"] == "QuotaExceededError" and refused["retryAfter"] >= 1
