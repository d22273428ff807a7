"""Line height, section spacing and heading style through the real app's GraphQL API: saved, read back, kept by
writes that leave them out, and refused (nothing written) when outside their allow-lists."""

from __future__ import annotations

from tests.graphql.conftest import Api, api, app  # noqa: F401  (the GraphQL suite's client and app fixtures)
from tests.graphql.queries import CREATE, SAMPLE_INPUT

DESIGN = "design { template lineHeight sectionSpacing headingStyle }"
GET = "query($id: ID!) { cv(id: $id) { version " + DESIGN + " } }"
UPDATE = (
    "mutation($id: ID!, $version: Int!, $input: CvInput!) { updateCv(id: $id, version: $version, input: $input) {"
    " __typename ... on Cv { version " + DESIGN + " } ... on ValidationError { fields { path message } } } }"
)


def test_the_options_are_saved_read_back_and_kept_by_writes_without_them(api: Api) -> None:  # noqa: F811
    created = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    fresh = api.data(GET, {"id": created["id"]})["cv"]["design"]
    assert (fresh["lineHeight"], fresh["sectionSpacing"], fresh["headingStyle"]) == ("NORMAL", "NORMAL", "TEMPLATE")

    design = {"template": "academic", "lineHeight": "RELAXED", "sectionSpacing": "COMPACT", "headingStyle": "BAND"}
    updated = api.data(UPDATE, {"id": created["id"], "version": 1, "input": {"design": design}})["updateCv"]
    assert updated["__typename"] == "Cv" and updated["design"] == design

    kept = api.data(UPDATE, {"id": created["id"], "version": 2, "input": {"title": "Renamed"}})["updateCv"]
    assert kept["design"] == design
    assert api.data(GET, {"id": created["id"]})["cv"]["design"] == design


def test_a_value_outside_the_allow_list_is_refused_and_nothing_is_written(api: Api) -> None:  # noqa: F811
    created = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]
    for field, value in (("lineHeight", "1.5"), ("sectionSpacing", "HUGE"), ("headingStyle", "band; color: red")):
        body = api.call(UPDATE, {"id": created["id"], "version": 1, "input": {"design": {field: value}}})
        assert body.get("data") is None and body["errors"], body
        assert f"invalid value at .design.{field}" in body["errors"][0]["message"]
    assert api.data(GET, {"id": created["id"]})["cv"]["version"] == 1
