"""The CV lifecycle through GraphQL: create, read, list, update with versions, sections and items, revisions,
duplicate, delete."""

from __future__ import annotations

from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, CV_FIELDS, DELETE, GET, RESULT, SAMPLE_INPUT, UPDATE


def create(api: Api, input: dict | None = None, token: str = "token-alice") -> dict:
    result = api.data(CREATE, {"input": input or SAMPLE_INPUT}, token)["createCv"]
    assert result["__typename"] == "Cv", result
    return result


def test_create_then_read_returns_the_same_document(api: Api) -> None:
    created = create(api)
    assert created["version"] == 1
    assert created["basics"]["name"] == "Ada Lovelace"
    experience = created["sections"][0]
    assert experience["kind"] == "EXPERIENCE" and experience["title"] == "Experience"
    assert [i["organization"] for i in experience["items"]] == ["Analytical Engines Ltd", "Difference Co"]
    assert experience["items"][0]["current"] is True and experience["items"][0]["endDate"] is None
    assert all(item["id"] for section in created["sections"] for item in section["items"])
    fetched = api.data(GET, {"id": created["id"]})["cv"]
    assert fetched == {k: v for k, v in created.items() if k != "__typename"}


def test_update_keeps_omitted_fields_and_increments_the_version(api: Api) -> None:
    created = create(api)
    updated = api.data(UPDATE, {"id": created["id"], "version": 1, "input": {"summary": "New summary"}})["updateCv"]
    assert updated["__typename"] == "Cv"
    assert updated["version"] == 2
    assert updated["summary"] == "New summary"
    assert updated["basics"] == created["basics"] and updated["sections"] == created["sections"]


def test_update_keeps_item_ids_and_merges_partial_items(api: Api) -> None:
    created = create(api)
    section = created["sections"][0]
    first = section["items"][0]
    sections = [
        {
            "id": section["id"],
            "kind": "EXPERIENCE",
            "items": [{"id": first["id"], "title": "Staff Engineer"}, {"title": "Intern", "organization": "Y"}],
        }
    ]
    updated = api.data(UPDATE, {"id": created["id"], "version": 1, "input": {"sections": sections}})["updateCv"]
    items = updated["sections"][0]["items"]
    assert items[0]["id"] == first["id"]
    assert items[0]["title"] == "Staff Engineer"
    assert items[0]["organization"] == "Analytical Engines Ltd"  # omitted, so kept
    assert items[1]["title"] == "Intern" and items[1]["id"] not in (first["id"], section["id"])
    assert len(updated["sections"]) == 1  # whole-document write: the skills section is gone


def test_stale_version_is_a_conflict_and_changes_nothing(api: Api) -> None:
    created = create(api)
    api.data(UPDATE, {"id": created["id"], "version": 1, "input": {"title": "First"}})
    stale = api.data(UPDATE, {"id": created["id"], "version": 1, "input": {"title": "Second"}})["updateCv"]
    assert stale["__typename"] == "VersionConflictError"
    assert stale["currentVersion"] == 2
    assert api.data(GET, {"id": created["id"]})["cv"]["title"] == "First"


def test_invalid_input_is_a_validation_error_with_field_paths(api: Api) -> None:
    created = create(api)
    bad = {
        "sections": [{"kind": "EXPERIENCE", "items": [{"title": "x", "startDate": "one day"}]}],
        "design": {"accentColor": "red;background:url(http://x)"},
    }
    # A date that cannot be read alone would be kept as a draft (test_lenient_input.py); with a refused design
    # value beside it, the write is refused and both are named.
    result = api.data(UPDATE, {"id": created["id"], "version": 1, "input": bad})["updateCv"]
    assert result["__typename"] == "ValidationError"
    paths = {f["path"] for f in result["fields"]}
    assert paths == {"sections.0.items.0.startDate", "design.accentColor"}
    assert api.data(GET, {"id": created["id"]})["cv"]["version"] == 1


def test_oversized_inputs_are_validation_errors_and_nothing_is_written(api: Api) -> None:
    big_summary = api.data(CREATE, {"input": {"summary": "x" * 5_000_000}})["createCv"]
    assert big_summary["__typename"] == "ValidationError"
    assert big_summary["fields"] == [{"path": "summary", "message": "must be at most 10000 characters"}]
    many_items = {"sections": [{"kind": "SKILLS", "items": [{"title": "x"}] * 10_000}]}
    result = api.data(CREATE, {"input": many_items})["createCv"]
    assert result["__typename"] == "ValidationError"
    assert result["fields"][0]["path"] == "sections.0.items"
    assert api.data("{ cvs { edges { node { id } } } }")["cvs"]["edges"] == []


SECTION_OPS = (
    CV_FIELDS
    + """
mutation Ops($cv: ID!, $v: Int!, $section: SectionInput!, $item: ItemInput!) {
  addSection(cvId: $cv, version: $v, input: $section, position: 0) { """
    + RESULT
    + """ }
}
"""
)


def test_section_and_item_mutations(api: Api) -> None:
    created = create(api)
    cv_id = created["id"]
    added = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $in: SectionInput!) {
        addSection(cvId: $cv, version: 1, input: $in, position: 0) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "in": {"kind": "PROJECTS", "title": "Side projects"}},
    )["addSection"]
    assert added["version"] == 2 and added["sections"][0]["title"] == "Side projects"
    projects_id = added["sections"][0]["id"]

    with_item = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $s: ID!, $in: ItemInput!) {
        addItem(cvId: $cv, version: 2, sectionId: $s, input: $in) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "s": projects_id, "in": {"title": "Compiler", "keywords": ["Rust"]}},
    )["addItem"]
    item_id = with_item["sections"][0]["items"][0]["id"]

    renamed = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $i: ID!) {
        updateItem(cvId: $cv, version: 3, itemId: $i, input: {title: "Toy compiler", visible: false}) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "i": item_id},
    )["updateItem"]
    item = renamed["sections"][0]["items"][0]
    assert (item["title"], item["visible"], item["keywords"]) == ("Toy compiler", False, ["Rust"])

    experience_id = created["sections"][0]["id"]
    moved = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $i: ID!, $s: ID!) {
        moveItem(cvId: $cv, version: 4, itemId: $i, sectionId: $s, position: 1) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "i": item_id, "s": experience_id},
    )["moveItem"]
    assert moved["sections"][0]["items"] == []
    assert [i["id"] for i in moved["sections"][1]["items"]][1] == item_id

    reordered = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $s: ID!) {
        moveSection(cvId: $cv, version: 5, sectionId: $s, position: 99) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "s": projects_id},
    )["moveSection"]
    assert reordered["sections"][-1]["id"] == projects_id

    section_updated = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $s: ID!) {
        updateSection(cvId: $cv, version: 6, sectionId: $s, input: {kind: PROJECTS, title: "Open source"}) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "s": projects_id},
    )["updateSection"]
    assert section_updated["sections"][-1]["title"] == "Open source"

    removed_item = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $i: ID!) {
        removeItem(cvId: $cv, version: 7, itemId: $i) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "i": item_id},
    )["removeItem"]
    assert item_id not in {i["id"] for s in removed_item["sections"] for i in s["items"]}

    removed = api.data(
        CV_FIELDS
        + """mutation($cv: ID!, $s: ID!) {
        removeSection(cvId: $cv, version: 8, sectionId: $s) {"""
        + RESULT
        + "} }",
        {"cv": cv_id, "s": projects_id},
    )["removeSection"]
    assert removed["version"] == 9 and projects_id not in {s["id"] for s in removed["sections"]}

    unknown = api.data(
        CV_FIELDS
        + """mutation($cv: ID!) {
        removeSection(cvId: $cv, version: 9, sectionId: "nope") {"""
        + RESULT
        + "} }",
        {"cv": cv_id},
    )
    assert unknown["removeSection"] == {"__typename": "NotFoundError", "message": "Section not found."}


def test_revisions_list_and_restore_without_losing_history(api: Api) -> None:
    created = create(api)
    api.data(UPDATE, {"id": created["id"], "version": 1, "input": {"title": "Second title"}})
    api.data(UPDATE, {"id": created["id"], "version": 2, "input": {"title": "Third title"}})
    revisions = api.data("query($id: ID!) { cvRevisions(id: $id) { version title savedAt } }", {"id": created["id"]})[
        "cvRevisions"
    ]
    assert [(r["version"], r["title"]) for r in revisions] == [
        (3, "Third title"),
        (2, "Second title"),
        (1, "Software engineer CV"),
    ]
    restored = api.data(
        CV_FIELDS + "mutation($id: ID!) { restoreCvRevision(id: $id, version: 1) {" + RESULT + "} }",
        {"id": created["id"]},
    )["restoreCvRevision"]
    assert restored["version"] == 4 and restored["title"] == "Software engineer CV"
    assert restored["sections"] == created["sections"]
    old = api.data(
        "query($id: ID!) { cvRevision(id: $id, version: 2) { version title sections { id } } }", {"id": created["id"]}
    )["cvRevision"]
    assert old == {"version": 2, "title": "Second title", "sections": [{"id": s["id"]} for s in created["sections"]]}
    assert (
        api.data("query($id: ID!) { cvRevision(id: $id, version: 99) { version } }", {"id": created["id"]})[
            "cvRevision"
        ]
        is None
    )
    assert (
        api.data(
            "query($id: ID!) { cvRevision(id: $id, version: 1) { version } }", {"id": created["id"]}, token="token-bob"
        )["cvRevision"]
        is None
    )
    after = api.data("query($id: ID!) { cvRevisions(id: $id) { version } }", {"id": created["id"]})
    assert [r["version"] for r in after["cvRevisions"]] == [4, 3, 2, 1]


def test_duplicate_and_delete(api: Api) -> None:
    created = create(api)
    copy = api.data(
        CV_FIELDS + 'mutation($id: ID!) { duplicateCv(id: $id, title: "For startups") {' + RESULT + "} }",
        {"id": created["id"]},
    )["duplicateCv"]
    assert copy["id"] != created["id"] and copy["title"] == "For startups" and copy["version"] == 1
    assert copy["sections"] == created["sections"]
    assert api.data(DELETE, {"id": created["id"]})["deleteCv"] == {"__typename": "Deleted", "id": created["id"]}
    assert api.data(GET, {"id": created["id"]})["cv"] is None
    assert api.data(DELETE, {"id": created["id"]})["deleteCv"]["__typename"] == "NotFoundError"
    assert api.data(GET, {"id": copy["id"]})["cv"]["title"] == "For startups"


def test_cvs_connection_pages_newest_first_with_capped_page_size(api: Api) -> None:
    ids = [create(api, {"title": f"CV {n}"})["id"] for n in range(5)]
    query = "query($first: Int, $after: String) { cvs(first: $first, after: $after) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }"
    first = api.data(query, {"first": 2})["cvs"]
    assert [e["node"]["id"] for e in first["edges"]] == ids[::-1][:2]
    assert first["pageInfo"]["hasNextPage"] is True
    second = api.data(query, {"first": 2, "after": first["pageInfo"]["endCursor"]})["cvs"]
    assert [e["node"]["id"] for e in second["edges"]] == ids[::-1][2:4]
    last = api.data(query, {"first": 100000, "after": second["pageInfo"]["endCursor"]})["cvs"]
    assert [e["node"]["id"] for e in last["edges"]] == ids[:1]
    assert last["pageInfo"] == {"hasNextPage": False, "endCursor": None}
    bad = api.call(query, {"first": 2, "after": "not-a-cursor"})
    assert bad["data"] is None and "errors" in bad


def test_me(api: Api) -> None:
    assert api.data("{ me { id email } }") == {"me": {"id": "alice", "email": "alice@example.com"}}
