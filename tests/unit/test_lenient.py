"""Typed values read the way people mean them (`domain.cv.lenient`), and what cannot be read kept as drafts."""

from __future__ import annotations

import pytest

from cvmaker.domain.cv.lenient import keep_as_drafts, normal_date, normal_url, readable
from cvmaker.domain.errors import FieldProblem, InvalidInput


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("linkedin.com/in/ada", "https://linkedin.com/in/ada"),
        ("www.example.org", "https://www.example.org"),
        ("//cdn.example.org/x", "https://cdn.example.org/x"),
        ("example.org:8080/app", "https://example.org:8080/app"),
        ("https://example.org", "https://example.org"),
        ("ada@example.org", "mailto:ada@example.org"),
        ("javascript:alert(1)", "javascript:alert(1)"),  # left as typed: validation refuses it, never rendered
        ("my website", "my website"),
        ("", ""),
    ],
)
def test_links_gain_a_scheme_only_where_they_name_a_host(typed: str, stored: str) -> None:
    assert normal_url(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2020", "2020"),
        ("2020-03", "2020-03"),
        ("2020-03-15", "2020-03-15"),
        ("March 2020", "2020-03"),
        ("mars 2020", "2020-03"),
        ("03/2020", "2020-03"),
        ("Summer 2019", "2019-06"),
        ("last spring", None),
        ("2020-13", None),
    ],
)
def test_dates_in_the_forms_people_write(typed: str, stored: str | None) -> None:
    assert normal_date(typed) == stored


def document(**item: object) -> dict[str, object]:
    return {
        "title": "CV",
        "basics": {"name": "Ada"},
        "sections": [{"id": "s1", "kind": "EXPERIENCE", "title": "Experience", "items": [{"id": "i1", **item}]}],
        "design": {},
    }


def test_a_value_that_cannot_be_read_becomes_a_draft_and_the_rest_stands() -> None:
    doc = readable(document(title="Nurse", startDate="last spring", endDate="present"))
    item = doc["sections"][0]["items"][0]
    assert (item["title"], item["startDate"], item["endDate"], item["current"]) == ("Nurse", None, None, True)
    assert doc["drafts"] == [
        {"path": "sections.0.items.0.startDate", "value": "last spring", "message": doc["drafts"][0]["message"]}
    ]


def test_earlier_drafts_are_worked_out_again_not_kept() -> None:
    earlier = document(startDate="2020") | {"drafts": [{"path": "basics.email", "value": "x", "message": "m"}]}
    assert "drafts" not in readable(earlier)


def test_only_freely_typed_fields_become_drafts() -> None:
    problems = [FieldProblem("sections.0.items.0.startDate", "bad"), FieldProblem("design.accentColor", "bad")]
    assert keep_as_drafts(document(startDate="x"), problems) is None
    with pytest.raises(InvalidInput):
        readable(document(startDate="x") | {"design": {"accentColor": "red;x"}})
