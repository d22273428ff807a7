"""Reactive Resume exports (v5, the current version, and v4, the previous one) read as CVs: each field where a
person moving their CV expects it, free-text periods split into dates, rich text as plain text, hidden parts kept
hidden, custom sections kept, broken files read as far as they go, and what is no CV refused.

Also the two date rules this import relies on: years outside 1950-2049 are read, and a study that ends "Present"
is a current one.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from api.cli import main
from cvmaker.domain.errors import InvalidInput
from cvmaker.domain.json_resume import read_json_resume
from cvmaker.domain.parsing.dates import find_range, is_date_text, parse_single
from cvmaker.domain.reactive_resume import recognise, version_of
from cvmaker.domain.reactive_resume.html_text import html_to_text
from cvmaker.domain.reactive_resume.periods import OPEN_END, Period, read_period

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reactive_resume"


def fixture(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return loaded


def imported(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Our document as a dict, and the warnings by path."""
    result = read_json_resume(data)
    return result.document.to_dict(), {w.path: w.message for w in result.warnings}


def section(doc: dict[str, Any], title: str) -> dict[str, Any]:
    (found,) = [s for s in doc["sections"] if s["title"] == title]
    assert isinstance(found, dict)
    return found


# ----------------------------------------------------------------------------- recognition


def test_each_version_is_recognised_by_its_shape_and_nothing_else_is() -> None:
    assert version_of(fixture("v5_resume.json")) == 5
    assert version_of(fixture("v4_resume.json")) == 4
    json_resume = {"basics": {"name": "Ada"}, "work": [{"name": "Analytical Engines"}]}
    ours = {"title": "Mine", "basics": {"name": "Ada"}, "sections": [{"kind": "SKILLS", "items": []}]}
    another = {"sections": {"experience": "ten years"}}
    others: list[Any] = [json_resume, ours, another, [], "text"]
    assert [recognise(x) for x in others] == [None] * 5
    wrapped = {"id": "clx1", "title": "My resume", "data": fixture("v4_resume.json")}  # as its API returns one
    conversion = recognise(wrapped)
    assert conversion is not None and conversion.version == 4


def test_a_json_resume_document_reads_exactly_as_before() -> None:
    document = {"basics": {"name": "Ada"}, "work": [{"name": "Analytical Engines", "startDate": "1843"}]}
    doc, warnings = imported(document)
    assert doc["sections"][0]["items"][0]["organization"] == "Analytical Engines" and warnings == {}


# ----------------------------------------------------------------------------- v5


def test_v5_fields_land_where_a_person_expects_them() -> None:
    doc, warnings = imported(fixture("v5_resume.json"))
    assert doc["basics"] == {
        "name": "Tomás Varga",
        "headline": "Product Designer | Design Systems & Accessibility",
        "email": "tomas.varga@example.net",
        "phone": "+36 1 555 0199",
        "location": "Budapest, Hungary",
        "links": [
            {"label": None, "url": "https://tomas.example.net"},
            {"label": "dribbble.com/tvarga", "url": "https://dribbble.com/tvarga"},
            {"label": "LinkedIn", "url": "https://linkedin.com/in/tomasvarga"},
        ],
    }
    assert doc["summary"].startswith("Product designer with nine years of experience")
    assert "<" not in doc["summary"] and "\n" in doc["summary"]  # two paragraphs, no markup
    work = section(doc, "Work history")  # the section's own title
    assert work["kind"] == "EXPERIENCE"
    lead, ux = work["items"]
    assert (lead["title"], lead["organization"], lead["location"]) == (
        "Lead Product Designer",
        "Danube Bank",
        "Budapest, Hungary",
    )
    assert (lead["startDate"], lead["endDate"], lead["current"]) == ("2022-03", None, True)
    assert lead["description"] == "Lead the design system team of four."
    assert lead["bullets"] == [
        "Raised the mobile app's WCAG 2.2 conformance from A to AA.",
        "Shipped the Delta design system (https://danube.example.com/design) to 14 product teams.",
    ]
    assert lead["url"] == "https://danube.example.com"
    assert (ux["startDate"], ux["endDate"], ux["current"]) == ("2017", "2022", False)
    degree, evening = section(doc, "Education")["items"]
    assert degree["title"] == "MA, Interaction Design" and degree["location"] == "Budapest, Hungary"
    assert degree["description"] == "Grade: Distinction\nThesis on accessible data visualisation."
    assert (evening["startDate"], evening["current"]) == ("2024-09", True)  # "Sep 2024 - Present"
    skills = section(doc, "Skills")["items"]
    assert (skills[0]["title"], skills[0]["description"], skills[0]["keywords"]) == (
        "Interaction design",
        "Expert",
        ["Figma", "Prototyping"],
    )
    (reference,) = section(doc, "References")["items"]
    assert reference["organization"] == "Head of Design, Danube Bank"
    assert reference["description"] == "Tomás raised the bar for every designer on the team.\n+36 1 555 0142"
    assert [i["title"] for i in section(doc, "Languages")["items"]] == ["Hungarian", "English"]
    (certificate,) = section(doc, "Certifications")["items"]
    assert certificate["startDate"] == "2022-06" and certificate["organization"] == "IAAP"
    assert doc["design"]["accentColor"] == "#2563eb" and doc["design"]["pageSize"] == "LETTER"
    assert doc["design"]["fontFamily"] == "Lato"
    assert {"picture", "metadata.template", "metadata.notes", "basics.customFields.1"} <= set(warnings)


def test_v5_sections_follow_the_file_layout_and_custom_sections_stay_custom() -> None:
    doc, _ = imported(fixture("v5_resume.json"))
    assert [s["title"] for s in doc["sections"]] == [
        "Work history",
        "Earlier experience",
        "Education",
        "Projects",
        "Volunteering",
        "References",
        "Speaking",
        "Skills",
        "Certifications",
        "Awards",
        "Languages",
        "Interests",
        "Publications",
    ]
    earlier = section(doc, "Earlier experience")
    assert earlier["kind"] == "CUSTOM"
    (job,) = earlier["items"]
    assert (job["title"], job["organization"], job["startDate"], job["endDate"]) == (
        "Junior Graphic Designer",
        "Print & Pixel",
        "2014-06",
        "2017-02",
    )
    assert job["bullets"] == ["Designed packaging for regional food brands.", "Prepared print-ready files."]
    (talks,) = section(doc, "Speaking")["items"]
    assert talks["description"] == "Talks at UX Budapest (2023) and Frontend Nation (2024)."


def test_v5_hidden_items_and_sections_are_kept_hidden_with_a_warning() -> None:
    doc, warnings = imported(fixture("v5_resume.json"))
    skills = section(doc, "Skills")["items"]
    assert [(s["title"], s["visible"]) for s in skills][-1] == ("Front-end code", False)
    assert "hidden" in warnings["sections.skills.items.2"]
    volunteering = section(doc, "Volunteering")
    assert volunteering["visible"] is False and volunteering["items"][0]["organization"] == "Design for Good Budapest"
    assert "hidden" in warnings["sections.volunteer"]


# ----------------------------------------------------------------------------- v4


def test_v4_fields_land_where_a_person_expects_them() -> None:
    doc, warnings = imported(fixture("v4_resume.json"))
    basics = doc["basics"]
    assert (basics["name"], basics["headline"], basics["location"]) == (
        "Mira Okafor",
        "Backend Engineer – payments and data platforms",
        "Manchester, UK",
    )
    assert basics["links"] == [
        {"label": None, "url": "https://mira.example.org/"},
        {"label": "GitHub", "url": "https://github.com/miraokafor"},
        {"label": "LinkedIn", "url": "https://www.linkedin.com/in/miraokafor"},
    ]
    assert doc["summary"] == (
        "Backend engineer with eight years of experience building payment systems in Python and Go.\n"
        "I care about correctness, observability and calm on-call rotations."
    )
    ledgerline, brightpay, cafe = section(doc, "Experience")["items"]
    assert (ledgerline["startDate"], ledgerline["current"]) == ("2019-01", True)  # "January 2019 to Present"
    assert ledgerline["bullets"][1] == (
        "Led the ledger migration (https://ledgerline.example.com/blog/migration) with zero downtime."
    )
    assert (brightpay["startDate"], brightpay["endDate"]) == ("2015-07", "2018-12")
    assert (cafe["organization"], cafe["visible"]) == ("Corner Café", False)
    assert "hidden" in warnings["sections.experience.items.2"]
    masters, bachelor = section(doc, "Education")["items"]
    assert (masters["title"], masters["startDate"], masters["current"]) == ("MSc, Data Science", "2023-09", True)
    assert masters["description"] == "Part-time, alongside work."
    assert (bachelor["startDate"], bachelor["endDate"]) == ("2012", "2015")  # "2012 – 2015"
    assert bachelor["description"] == "Grade: First-class honours"
    assert bachelor["bullets"] == ["Distributed Systems", "Databases"]
    (project,) = section(doc, "Projects")["items"]
    assert (project["title"], project["organization"], project["keywords"]) == (
        "pyledger",
        "Maintainer",
        ["Python", "PostgreSQL"],
    )
    assert project["bullets"] == ["1,200 stars on GitHub"]
    (volunteer,) = section(doc, "Volunteering")["items"]
    assert volunteer["location"] == "Manchester, UK" and volunteer["current"] is True
    (award,) = section(doc, "Awards")["items"]
    assert award["url"] == "https://ledgerline.example.com/awards/2022" and award["startDate"] == "2022-03"
    (reference,) = section(doc, "References")["items"]
    assert reference["organization"] == "CTO, Ledgerline"
    assert [i["description"] for i in section(doc, "Languages")["items"]] == ["Native", "3/5"]
    talks = section(doc, "Talks")
    assert talks["kind"] == "CUSTOM"
    (talk,) = talks["items"]
    assert (talk["title"], talk["organization"], talk["location"], talk["startDate"]) == (
        "Idempotency keys in practice",
        "Python Manchester meetup",
        "Manchester, UK",
        "2024-05",
    )
    assert [s["title"] for s in doc["sections"]][:7] == [
        "Experience",
        "Education",
        "Projects",
        "Volunteering",
        "References",
        "Talks",
        "Skills",
    ]
    assert doc["design"]["accentColor"] == "#0f766e" and doc["design"]["pageSize"] == "A4"
    assert {"basics.picture", "metadata.typography", "basics.customFields.1"} <= set(warnings)


# ----------------------------------------------------------------------------- periods and rich text


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Jan 2020 - Present", Period("2020-01", OPEN_END)),
        ("2019 – 2021", Period("2019", "2021")),
        ("August 2012 to May 2016", Period("2012-08", "2016-05")),
        ("March 2022 - Present", Period("2022-03", OPEN_END)),
        ("June 2022 –", Period("2022-06", OPEN_END)),
        ("2020", Period("2020", "2020")),
        ("Jan 2020 - Mar 2021 (1 yr 3 mos)", Period("2020-01", "2021-03")),
        ("Expected June 2027", Period("2027-06", "2027-06", more=True)),
        ("1948 - 1952", Period("1948", "1952")),
    ],
)
def test_free_text_periods_are_split_by_the_pdf_importers_date_reader(text: str, period: Period) -> None:
    assert read_period(text) == period


def test_a_period_that_is_no_date_is_left_out_with_a_warning_on_its_own_field() -> None:
    data = fixture("v4_resume.json")
    data["sections"]["experience"]["items"][1]["date"] = "a long time ago"
    doc, warnings = imported(data)
    brightpay = section(doc, "Experience")["items"][1]
    assert brightpay["organization"] == "Brightpay" and brightpay["startDate"] is None
    assert "not a date" in warnings["sections.experience.items.1.date"]
    assert read_period("someday") is None


def test_rich_text_becomes_paragraphs_and_list_items() -> None:
    text = html_to_text(
        "<p>First <strong>bold</strong> &amp; <em>fine</em>.</p><p>Line one<br>line two</p>"
        "<ul><li><p>One</p></li><li>Two<ul><li>Two, nested</li></ul></li></ul><ol><li>Three</li></ol><p></p>"
    )
    assert text.paragraphs == ["First bold & fine.", "Line one", "line two"]
    assert text.bullets == ["One", "Two", "Two, nested", "Three"]
    assert text.as_text() == "First bold & fine.\nLine one\nline two\n• One\n• Two\n• Two, nested\n• Three"


def test_rich_text_cannot_inject_markup_or_scripts() -> None:
    text = html_to_text(
        '<p>Hi<script>alert("x")</script><style>p{}</style><img src=x onerror="alert(1)"></p>'
        '<p><a href="javascript:alert(1)">click</a> <a href="https://example.org">site</a> '
        '<a href="mailto:a@example.org">a@example.org</a></p><p>&lt;b&gt;not bold&lt;/b&gt;</p>'
    )
    assert text.paragraphs == ["Hi", "click site (https://example.org) a@example.org", "<b>not bold</b>"]
    doc, _ = imported(
        {
            **fixture("v5_resume.json"),
            "summary": {"title": "", "columns": 1, "hidden": False, "content": "<p>&lt;script&gt;x</p>"},
        }
    )
    assert doc["summary"] == "<script>x"  # text, escaped by every template like any other text


def test_plain_text_without_tags_keeps_its_lines() -> None:
    assert html_to_text("One\n\nTwo\n").paragraphs == ["One", "Two"]


# ----------------------------------------------------------------------------- broken, partial, not a CV


def test_a_broken_document_is_read_as_far_as_it_goes_with_warnings() -> None:
    data = fixture("v5_resume.json")
    data["sections"]["projects"] = "lots"
    data["sections"]["skills"]["items"][0] = "Figma"
    data["sections"]["awards"]["items"] = None
    data["sections"]["experience"]["items"][0]["position"] = "x" * 400
    data["sections"]["volunteer"]["items"][0]["location"] = "y" * 400
    data["customSections"].append(
        {"id": "later", "title": "Later kind", "type": "podcasts", "items": [{"name": "Ep 1"}]}
    )
    data["metadata"] = {"layout": "two columns", "design": "blue", "page": [], "typography": None}
    doc, warnings = imported(data)
    assert doc["basics"]["name"] == "Tomás Varga"
    assert "Projects" not in [s["title"] for s in doc["sections"]]
    assert {
        "sections.projects",
        "sections.skills.items.0",
        "sections.awards.items",
        "sections.experience.items.0.position",
        "sections.volunteer.items.0.location",
        "customSections.2.type",
    } <= set(warnings)
    lead = section(doc, "Work history")["items"][0]
    assert lead["title"] is None and lead["organization"] == "Danube Bank"  # only the refused field is left out
    assert section(doc, "Volunteering")["items"][0]["location"] is None
    assert section(doc, "Later kind")["items"][0]["title"] == "Ep 1"


def test_a_partial_v4_document_without_metadata_or_basics_still_imports() -> None:
    data = {
        "sections": {
            "summary": {"name": "Summary", "visible": True, "id": "summary", "content": "<p>Hi</p>"},
            "experience": {
                "name": "Experience",
                "visible": True,
                "items": [{"company": "Acme", "visible": True, "date": "2020 - 2021"}],
            },
        }
    }
    doc, _ = imported(data)
    assert doc["summary"] == "Hi" and section(doc, "Experience")["items"][0]["startDate"] == "2020"


@pytest.mark.parametrize(
    "data",
    [
        {
            "basics": {"name": ""},
            "sections": {
                "summary": {"name": "Summary", "visible": True, "content": ""},
                "experience": {"name": "Experience", "visible": True, "items": []},
            },
            "metadata": {"template": "rhyhorn"},
        },
        {
            "picture": {"url": ""},
            "basics": {"name": "  "},
            "summary": {"content": ""},
            "customSections": [],
            "sections": {"skills": {"title": "", "hidden": False, "items": [{"id": "1", "hidden": False}]}},
        },
    ],
)
def test_an_empty_reactive_resume_is_refused_as_no_cv(data: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_json_resume(data)
    assert refused.value.problems[0].path == "" and "not a CV" in refused.value.problems[0].message


def test_the_conversion_does_not_change_the_file_it_reads() -> None:
    data = fixture("v5_resume.json")
    before = copy.deepcopy(data)
    read_json_resume(data)
    assert data == before


# ----------------------------------------------------------------------------- the command line


def test_cvmaker_import_and_render_take_a_reactive_resume_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "reactive_resume.json"
    path.write_text((FIXTURES / "v5_resume.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["import", str(path), "--format", "cvmaker"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["document"]["basics"]["name"] == "Tomás Varga"
    assert {"path": "sections.skills.items.2", "message": output["warnings"][2]["message"]} in output["warnings"]
    out = tmp_path / "cv.txt"
    assert main(["render", str(FIXTURES / "v4_resume.json"), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Mira Okafor" in text and "Ledgerline" in text and "talks" in text.casefold()
    assert "Corner Café" not in text  # hidden in the file, hidden on the CV


# ----------------------------------------------------------------------------- the date rules


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("1948", "1948"),
        ("2051", "2051"),
        ("Jan 1948", "1948-01"),
        ("03/2051", "2051-03"),
        ("1902", "1902"),
        ("2099-12", "2099-12"),
    ],
)
def test_years_outside_1950_to_2049_are_read(printed: str, read: str) -> None:
    assert parse_single(printed) == read
    assert is_date_text(printed)


def test_a_range_across_the_old_limits_is_read_and_other_numbers_are_not_years() -> None:
    found = find_range("Jan 1948 – Dec 2051")
    assert found is not None and (found[0].start, found[0].end) == ("1948-01", "2051-12")
    assert parse_single("1850") is None and parse_single("2150") is None and find_range("3000 users") is None


def test_a_study_that_ends_present_is_current_and_one_without_an_end_is_not() -> None:
    doc, _ = imported(
        {
            "basics": {"name": "Ada"},
            "education": [
                {"institution": "Open University", "startDate": "2023-09", "endDate": "Present"},
                {"institution": "Leeds", "startDate": "2012"},
                {"institution": "Evening school", "startDate": "Sep 2024 - Present"},
            ],
        }
    )
    items = doc["sections"][0]["items"]
    assert [(i["startDate"], i["endDate"], i["current"]) for i in items] == [
        ("2023-09", None, True),
        ("2012", None, False),
        ("2024-09", None, True),
    ]


def test_a_hidden_summary_or_profile_is_shown_with_a_warning_as_cv_maker_cannot_hide_them() -> None:
    data = fixture("v4_resume.json")
    data["sections"]["summary"]["visible"] = False
    data["sections"]["profiles"]["items"][0]["visible"] = False
    data["basics"]["email"] = ""
    data["basics"]["customFields"].append({"id": "z", "icon": "envelope", "name": "Work", "value": "mira@work.example"})
    doc, warnings = imported(data)
    assert doc["summary"].startswith("Backend engineer") and "shown" in warnings["sections.summary"]
    assert doc["basics"]["links"][-1]["url"] == "https://www.linkedin.com/in/miraokafor"
    assert "shown" in warnings["sections.profiles.items.0"]
    assert doc["basics"]["email"] == "mira@work.example"  # a custom field holding an address fills a missing one
