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


LOOSE_IMPORT = (
    CV_FIELDS
    + "mutation($doc: JSON!) { importJsonResume(document: $doc) {"
    + RESULT
    + " ... on Cv { importWarnings { path message } } } }"
)


def test_a_loose_document_is_imported_with_a_warning_for_each_field_it_could_not_read(api: Api) -> None:
    loose = {
        "basics": {"name": "Ada Lovelace", "email": "not-an-email", "website": "ada.example", "phone": ""},
        "work": [{"company": "Analytical Engines", "startDate": "yesterday", "endDate": "Present"}],
        "certifications": [{"name": "Difference engines", "date": "March 2019"}],
        "talks": [{"title": "Notes on the engine", "date": "1843"}],
    }
    cv = api.data(LOOSE_IMPORT, {"doc": loose})["importJsonResume"]
    assert cv["__typename"] == "Cv"
    assert cv["basics"]["name"] == "Ada Lovelace" and cv["basics"]["email"] is None
    assert cv["basics"]["links"][0]["url"] == "https://ada.example"
    warned = {w["path"] for w in cv["importWarnings"]}
    assert {"basics.email", "work.0.startDate"} <= warned
    assert all("yesterday" not in w["message"] and "not-an-email" not in w["message"] for w in cv["importWarnings"])
    by_kind = {s["kind"]: s for s in cv["sections"]}
    assert by_kind["EXPERIENCE"]["items"][0]["organization"] == "Analytical Engines"
    assert by_kind["CERTIFICATIONS"]["items"][0]["startDate"] == "2019-03"
    assert by_kind["CUSTOM"]["title"] == "Talks" and by_kind["CUSTOM"]["items"][0]["title"] == "Notes on the engine"


def test_a_strict_document_has_no_warnings(api: Api) -> None:
    sample = json.loads((FIXTURES / "official_sample.json").read_text())
    cv = api.data(LOOSE_IMPORT, {"doc": sample})["importJsonResume"]
    assert cv["__typename"] == "Cv" and cv["importWarnings"] == []


def test_what_is_not_a_cv_is_refused_with_a_validation_error_and_nothing_is_written(api: Api) -> None:
    for not_a_cv in (
        {"model_name_or_path": "distilgpt2", "seed": 42, "do_train": True},
        {"basics": {"name": "", "email": ""}, "work": [], "skills": []},
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {}},
        [1, 2, 3],
    ):
        result = api.data(IMPORT, {"doc": not_a_cv})["importJsonResume"]
        assert result["__typename"] == "ValidationError"
        assert [f["path"] for f in result["fields"]] == [""]
    assert api.data("{ cvs { edges { node { id } } } }")["cvs"]["edges"] == []


UPDATE = (
    CV_FIELDS
    + "mutation($id: ID!, $v: Int!, $in: CvInput!) { updateCv(id: $id, version: $v, input: $in) {"
    + RESULT
    + "} }"
)


def test_what_the_model_has_no_place_for_is_stored_and_exported_after_edits(api: Api) -> None:
    """A file's structured location, profile usernames, unknown fields and custom sections survive import, an
    edit, and export through the API, not only inside one call."""
    document = {
        "basics": {
            "name": "Ines Duarte",
            "email": "ines@example.org",
            "location": {"city": "Porto", "countryCode": "PT", "postalCode": "4000-123"},
            "profiles": [{"network": "GitHub", "username": "ines-d", "url": "https://github.com/ines-d"}],
            "pronouns": "she/her",
        },
        "work": [{"name": "Sonae", "position": "Analyst", "startDate": "2021-02", "teamSize": 6}],
        "talks": [{"title": "Open data in Porto", "date": "2023"}],
        "meta": {"theme": "elegant"},
    }
    cv = api.data(IMPORT, {"doc": document})["importJsonResume"]
    assert cv["__typename"] == "Cv", cv
    edited = api.data(UPDATE, {"id": cv["id"], "v": cv["version"], "in": {"title": "Edited"}})["updateCv"]
    assert edited["__typename"] == "Cv", edited
    exported = api.data(EXPORT, {"id": cv["id"]})["exportJsonResume"]["document"]
    assert exported["basics"]["location"]["postalCode"] == "4000-123"
    assert exported["basics"]["profiles"][0]["username"] == "ines-d"
    assert exported["basics"]["pronouns"] == "she/her"
    assert exported["work"][0]["teamSize"] == 6
    assert exported["talks"] == [{"title": "Open data in Porto", "date": "2023"}]
    assert exported["meta"]["theme"] == "elegant"
