"""Validation that guides and never blocks (`domain.cv.lenient`): dates, emails and links as people type them are
read into the model's forms; what still cannot be read is kept as typed (a draft), left off the CV, and the rest
of the write is saved and renders. Other problems still refuse the whole write."""

from __future__ import annotations

from typing import Any

from tests.graphql.conftest import Api
from tests.graphql.queries import CV_FIELDS, RESULT

DRAFTS_RESULT = RESULT + " ... on Cv { drafts { path value message } }"
CREATE = CV_FIELDS + "mutation($input: CvInput!) { createCv(input: $input) {" + DRAFTS_RESULT + "} }"
UPDATE = CV_FIELDS + (
    "mutation($id: ID!, $version: Int!, $input: CvInput!) { updateCv(id: $id, version: $version, input: $input) {"
    + DRAFTS_RESULT
    + "} }"
)
GET = CV_FIELDS + "query($id: ID!) { cv(id: $id) { ...CvFields drafts { path value message } } }"
RENDER_TEXT = """mutation($id: ID!) { renderCv(cvId: $id, format: TEXT) { __typename ... on RenderedFile { url } } }"""
PREVIEW = """query($input: CvInput) { previewCv(input: $input) {
  __typename ... on Preview { pageCount } ... on ValidationError { fields { path message } } } }"""


def experience(*items: dict[str, Any]) -> dict[str, Any]:
    return {"sections": [{"kind": "EXPERIENCE", "items": list(items)}]}


def create(api: Api, input: dict[str, Any]) -> dict[str, Any]:
    result = api.data(CREATE, {"input": {"basics": {"name": "Amara Nwosu"}, **input}})["createCv"]
    assert result["__typename"] == "Cv", result
    return result


def test_dates_as_people_write_them_are_read_and_stored_clean(api: Api) -> None:
    cv = create(
        api,
        experience(
            {"title": "Staff Nurse", "startDate": "March 2020", "endDate": "heute"},
            {"title": "Nurse", "startDate": "03/2018", "endDate": "Feb. 2020"},
            {"title": "Student nurse", "startDate": "Summer 2016", "endDate": "2017-08-31"},
            {"title": "Carer", "startDate": "Jan 2014 – Dec 2015"},
        ),
    )
    items = cv["sections"][0]["items"]
    assert [(i["startDate"], i["endDate"], i["current"]) for i in items] == [
        ("2020-03", None, True),
        ("2018-03", "2020-02", False),
        ("2016-06", "2017-08-31", False),  # a full date is a valid date as it is
        ("2014-01", "2015-12", False),
    ]
    assert cv["drafts"] == []


def test_links_without_a_scheme_and_mailto_emails_are_accepted(api: Api) -> None:
    cv = create(
        api,
        {
            "basics": {
                "name": "Amara Nwosu",
                "email": " mailto:amara@example.org ",
                "links": [{"label": "LinkedIn", "url": "linkedin.com/in/amara nwosu"}],
            },
            **experience({"title": "Audit", "url": "www.example.org/audit"}),
        },
    )
    assert cv["basics"]["email"] == "amara@example.org"
    assert cv["basics"]["links"] == [{"label": "LinkedIn", "url": "https://linkedin.com/in/amara%20nwosu"}]
    assert cv["sections"][0]["items"][0]["url"] == "https://www.example.org/audit"


def test_what_cannot_be_read_is_kept_as_typed_and_everything_else_saves(api: Api) -> None:
    cv = create(api, experience({"title": "Staff Nurse", "startDate": "2019"}))
    typed = {
        "basics": {"name": "Amara Nwosu", "email": "amara at example"},
        "summary": "Ward nurse.",
        **experience(
            {"title": "Staff Nurse", "startDate": "last spring", "url": "javascript:alert(1)"},
            {"title": "Nurse", "startDate": "2015", "endDate": "2012"},
        ),
    }
    saved = api.data(UPDATE, {"id": cv["id"], "version": 1, "input": typed})["updateCv"]
    assert saved["__typename"] == "Cv" and saved["version"] == 2
    assert saved["summary"] == "Ward nurse."  # the rest of the write stands
    drafts = {d["path"]: d for d in saved["drafts"]}
    assert {p: d["value"] for p, d in drafts.items()} == {
        "basics.email": "amara at example",
        "sections.0.items.0.startDate": "last spring",
        "sections.0.items.0.url": "javascript:alert(1)",
        "sections.0.items.1.endDate": "2012",
    }
    assert all(d["message"] for d in drafts.values())
    assert saved["basics"]["email"] is None
    first, second = saved["sections"][0]["items"]
    assert (first["startDate"], first["url"], second["startDate"], second["endDate"]) == (None, None, "2015", None)
    assert api.data(GET, {"id": cv["id"]})["cv"]["drafts"] == saved["drafts"]  # kept with the CV

    # Drafts are never rendered.
    url = api.data(RENDER_TEXT, {"id": cv["id"]})["renderCv"]["url"]
    text = api.client.get(url).text
    assert "Ward nurse." in text and "last spring" not in text and "javascript" not in text

    # Typed again in a form that reads, the draft goes and the value is stored.
    typed["basics"]["email"] = "amara@example.org"
    typed["sections"][0]["items"][0]["startDate"] = "April 2019"
    fixed = api.data(UPDATE, {"id": cv["id"], "version": 2, "input": typed})["updateCv"]
    assert fixed["basics"]["email"] == "amara@example.org"
    assert fixed["sections"][0]["items"][0]["startDate"] == "2019-04"
    assert {d["path"] for d in fixed["drafts"]} == {"sections.0.items.0.url", "sections.0.items.1.endDate"}


def test_other_problems_still_refuse_the_whole_write(api: Api) -> None:
    cv = create(api, {})
    bad = {"summary": "Changed", "design": {"accentColor": "red;x"}, **experience({"startDate": "someday"})}
    refused = api.data(UPDATE, {"id": cv["id"], "version": 1, "input": bad})["updateCv"]
    assert refused["__typename"] == "ValidationError"
    assert {f["path"] for f in refused["fields"]} == {"design.accentColor", "sections.0.items.0.startDate"}
    assert api.data(GET, {"id": cv["id"]})["cv"]["version"] == 1


def test_the_preview_of_unsaved_edits_reads_dates_the_same_way(api: Api) -> None:
    preview = api.data(PREVIEW, {"input": experience({"title": "Nurse", "startDate": "Sept 2021", "endDate": "?"})})
    assert preview["previewCv"] == {"__typename": "Preview", "pageCount": 1}


def test_a_typed_date_renders_exactly_as_the_same_date_written_clean(api: Api) -> None:
    def rendered(start: str) -> str:
        cv = create(api, experience({"title": "Staff Nurse", "organization": "St Mary's", "startDate": start}))
        return str(api.client.get(api.data(RENDER_TEXT, {"id": cv["id"]})["renderCv"]["url"]).text)

    assert rendered("March 2020") == rendered("2020-03")
