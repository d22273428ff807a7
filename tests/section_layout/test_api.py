"""Section layouts through the real app's GraphQL API: saved and read back, kept by writes that leave them out,
refused with the field's path when they name no section of the CV (nothing written), dropped with their section,
and the templates that honour a column choice named as such."""

from __future__ import annotations

from typing import Any

from tests.graphql.conftest import Api, api, app  # noqa: F401  (the GraphQL suite's client and app fixtures)
from tests.graphql.queries import CREATE, SAMPLE_INPUT

LAYOUT = "design { template sections { sectionId column pageBreakBefore keepTogether } }"
GET = "query($id: ID!) { cv(id: $id) { id version sections { id kind } " + LAYOUT + " } }"
UPDATE = (
    "mutation($id: ID!, $version: Int!, $input: CvInput!) { updateCv(id: $id, version: $version, input: $input) {"
    " __typename ... on Cv { version " + LAYOUT + " } ... on ValidationError { fields { path message } } } }"
)
REMOVE = (
    "mutation($id: ID!, $version: Int!, $section: ID!) { removeSection(cvId: $id, version: $version, "
    "sectionId: $section) { __typename ... on Cv { version " + LAYOUT + " } } }"
)


def _created(api: Api) -> dict[str, Any]:  # noqa: F811
    created = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    cv: dict[str, Any] = api.data(GET, {"id": created["id"]})["cv"]
    return cv


def _section_id(cv: dict[str, Any], kind: str) -> str:
    return str(next(section["id"] for section in cv["sections"] if section["kind"] == kind))


def test_layouts_are_saved_read_back_and_kept_by_writes_without_them(api: Api) -> None:  # noqa: F811
    cv = _created(api)
    assert cv["design"]["sections"] == []
    skills, experience = _section_id(cv, "SKILLS"), _section_id(cv, "EXPERIENCE")
    layouts = [
        {"sectionId": skills, "column": "MAIN", "pageBreakBefore": False, "keepTogether": False},
        {"sectionId": experience, "column": None, "pageBreakBefore": True, "keepTogether": True},
    ]
    design = {"template": "columns", "sections": layouts}
    updated = api.data(UPDATE, {"id": cv["id"], "version": 1, "input": {"design": design}})["updateCv"]
    assert updated["__typename"] == "Cv" and updated["design"] == design

    kept = api.data(UPDATE, {"id": cv["id"], "version": 2, "input": {"title": "Renamed"}})["updateCv"]
    assert kept["design"] == design
    # Choices left at their defaults are no choice at all, and an empty list clears them.
    cleared = api.data(
        UPDATE,
        {"id": cv["id"], "version": 3, "input": {"design": {"sections": [{"sectionId": skills}]}}},
    )["updateCv"]
    assert cleared["design"]["sections"] == []


def test_a_layout_of_no_section_of_the_cv_is_refused_with_its_path_and_nothing_is_written(api: Api) -> None:  # noqa: F811
    cv = _created(api)
    skills = _section_id(cv, "SKILLS")
    for layouts, path, message in (
        ([{"sectionId": "nope", "column": "SIDE"}], "design.sections.0.sectionId", "must name a section of this CV"),
        (
            [{"sectionId": skills, "column": "SIDE"}, {"sectionId": skills, "keepTogether": True}],
            "design.sections.1.sectionId",
            "is laid out twice in this design",
        ),
    ):
        result = api.data(UPDATE, {"id": cv["id"], "version": 1, "input": {"design": {"sections": layouts}}})
        assert result["updateCv"] == {"__typename": "ValidationError", "fields": [{"path": path, "message": message}]}
    # Outside the enum: refused by GraphQL itself.
    body = api.call(
        UPDATE,
        {"id": cv["id"], "version": 1, "input": {"design": {"sections": [{"sectionId": skills, "column": "LEFT"}]}}},
    )
    assert body.get("data") is None and "column" in body["errors"][0]["message"]
    assert api.data(GET, {"id": cv["id"]})["cv"]["version"] == 1


def test_removing_a_section_drops_its_layout(api: Api) -> None:  # noqa: F811
    cv = _created(api)
    skills, experience = _section_id(cv, "SKILLS"), _section_id(cv, "EXPERIENCE")
    layouts = [{"sectionId": skills, "column": "MAIN"}, {"sectionId": experience, "keepTogether": True}]
    api.data(UPDATE, {"id": cv["id"], "version": 1, "input": {"design": {"sections": layouts}}})
    removed = api.data(REMOVE, {"id": cv["id"], "version": 2, "section": skills})["removeSection"]
    assert removed["__typename"] == "Cv"
    assert [layout["sectionId"] for layout in removed["design"]["sections"]] == [experience]


def test_a_write_that_deletes_a_section_and_still_sends_its_layout_is_saved(api: Api) -> None:  # noqa: F811
    # As an editor's autosave does: the whole draft, its design still naming the section just deleted.
    cv = _created(api)
    skills, experience = _section_id(cv, "SKILLS"), _section_id(cv, "EXPERIENCE")
    layouts = [{"sectionId": experience, "keepTogether": True}, {"sectionId": skills, "column": "MAIN"}]
    sent = {"sections": [{"id": experience, "kind": "EXPERIENCE"}], "design": {"sections": layouts}}
    written = api.data(UPDATE, {"id": cv["id"], "version": 1, "input": sent})["updateCv"]
    assert written["__typename"] == "Cv"
    assert written["design"]["sections"] == [
        {"sectionId": experience, "column": None, "pageBreakBefore": False, "keepTogether": True}
    ]


def test_templates_say_whether_they_honour_a_column_choice(api: Api) -> None:  # noqa: F811
    templates = api.data("{ templates { name twoColumns } }")["templates"]
    two = {template["name"] for template in templates if template["twoColumns"]}
    assert two == {"columns", "mirrored", "modern"}
