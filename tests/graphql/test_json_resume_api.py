"""JSON Resume through the API: import a document into a new CV, export it back, and reject invalid ones."""

from __future__ import annotations

import json
from pathlib import Path

from tests.graphql.conftest import Api
from tests.graphql.queries import CV_FIELDS, RESULT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "json_resume"
IMPORT = (
    CV_FIELDS
    + "mutation($doc: JSON!, $title: String) { importJsonResume(document: $doc, title: $title) {"
    + RESULT
    + "} }"
)
EXPORT = "mutation($id: ID!) { exportJsonResume(id: $id) { __typename ... on JsonResumeDocument { document } } }"


def test_official_sample_imports_and_exports_every_modelled_field(api: Api) -> None:
    sample = json.loads((FIXTURES / "official_sample.json").read_text())
    cv = api.data(IMPORT, {"doc": sample, "title": "Imported"})["importJsonResume"]
    assert cv["__typename"] == "Cv" and cv["title"] == "Imported"
    assert cv["basics"]["name"] == sample["basics"]["name"]
    kinds = [s["kind"] for s in cv["sections"]]
    assert "EXPERIENCE" in kinds and "EDUCATION" in kinds and "SKILLS" in kinds
    exported = api.data(EXPORT, {"id": cv["id"]})["exportJsonResume"]["document"]
    assert exported["basics"]["name"] == sample["basics"]["name"]
    assert exported["basics"]["email"] == sample["basics"]["email"]
    assert [w["name"] for w in exported["work"]] == [w["name"] for w in sample["work"]]
    assert [w.get("highlights", []) for w in exported["work"]] == [w.get("highlights", []) for w in sample["work"]]
    assert [e["institution"] for e in exported["education"]] == [e["institution"] for e in sample["education"]]
    assert [s["keywords"] for s in exported["skills"]] == [s["keywords"] for s in sample["skills"]]


def test_our_cv_survives_export_then_import(api: Api) -> None:
    from tests.graphql.queries import CREATE, SAMPLE_INPUT

    original = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    exported = api.data(EXPORT, {"id": original["id"]})["exportJsonResume"]["document"]
    again = api.data(IMPORT, {"doc": exported})["importJsonResume"]

    def content(cv: dict) -> dict:
        sections = [{**s, "id": None, "items": [{**i, "id": None} for i in s["items"]]} for s in cv["sections"]]
        return {"basics": cv["basics"], "summary": cv["summary"], "sections": sections, "design": cv["design"]}

    assert content(again) == content(original)


def test_invalid_documents_get_field_errors_and_nothing_is_written(api: Api) -> None:
    bad = {"basics": {"name": 42, "email": "not-an-email"}, "work": [{"name": "X", "startDate": "yesterday"}]}
    result = api.data(IMPORT, {"doc": bad})["importJsonResume"]
    assert result["__typename"] == "ValidationError"
    paths = {f["path"] for f in result["fields"]}
    assert "basics.name" in paths and "work.0.startDate" in paths
    assert all("yesterday" not in f["message"] for f in result["fields"])
    not_an_object = api.data(IMPORT, {"doc": [1, 2, 3]})["importJsonResume"]
    assert not_an_object["__typename"] == "ValidationError"
    assert api.data("{ cvs { edges { node { id } } } }")["cvs"]["edges"] == []
