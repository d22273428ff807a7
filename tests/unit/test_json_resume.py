"""JSON Resume import and export: the mapping, losslessness both ways, and refusal of bad documents."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker

from cvmaker.domain.cv.model import Basics, CvDocument, Design, Item, Link, PageSize, Section, SectionKind
from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.json_resume import (
    DATE_MESSAGE,
    MAX_JSON_RESUME_BYTES,
    from_json_resume,
    json_resume_schema,
    to_json_resume,
    validate_json_resume,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "json_resume"
DOCUMENTS = sorted(path.name for path in FIXTURES.glob("*.json"))

# What our model holds of each JSON Resume entry: these fields must come back unchanged from import then export.
HELD_FIELDS = {
    "work": ("name", "position", "location", "url", "startDate", "endDate", "summary", "highlights"),
    "volunteer": ("organization", "position", "url", "startDate", "endDate", "summary", "highlights"),
    "education": ("institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses"),
    "awards": ("title", "date", "awarder", "summary"),
    "certificates": ("name", "date", "issuer", "url"),
    "publications": ("name", "publisher", "releaseDate", "url", "summary"),
    "skills": ("name", "level", "keywords"),
    "languages": ("language", "fluency"),
    "interests": ("name", "keywords"),
    "references": ("name", "reference"),
    "projects": ("name", "description", "highlights", "keywords", "startDate", "endDate", "url", "entity"),
}
HELD_BASICS = ("name", "label", "email", "phone", "url", "summary")
# Pre-1.0 names the import reads, and where the export writes them.
LEGACY_NAMES = {"company": "name", "website": "url", "gpa": "score"}


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def problems_of(data: Any) -> list[FieldProblem]:
    with pytest.raises(InvalidInput) as raised:
        validate_json_resume(data)
    with pytest.raises(InvalidInput) as again:
        from_json_resume(data)
    assert again.value.problems == raised.value.problems
    return raised.value.problems


def paths_of(data: Any) -> set[str]:
    return {problem.path for problem in problems_of(data)}


def assert_valid_json_resume(document: dict[str, Any]) -> None:
    errors = list(Draft4Validator(json_resume_schema(), format_checker=FormatChecker()).iter_errors(document))
    assert errors == []


def expected_value(entry: dict[str, Any], field: str) -> Any:
    """The value an entry's field should have after import then export: legacy names and bare hosts normalised."""
    for legacy, modern in LEGACY_NAMES.items():
        if modern == field and field not in entry and legacy in entry:
            entry = {**entry, field: entry[legacy]}
    value = entry.get(field)
    if value in ("", []):
        return None
    if field == "url" and isinstance(value, str) and "://" not in value:
        return f"https://{value}"
    return value


def same_ignoring_ids(first: CvDocument, second: CvDocument) -> bool:
    def without_ids(doc: CvDocument) -> dict[str, Any]:
        data = doc.to_dict()
        for section in data["sections"]:
            section.pop("id")
            for item in section["items"]:
                item.pop("id")
        return data

    return without_ids(first) == without_ids(second)


# ---------------------------------------------------------------- import


def test_the_official_sample_imports_into_a_valid_cv_with_every_part_in_its_place() -> None:
    doc = from_json_resume(load("official_sample.json"))

    validate_document(doc.to_dict())
    assert doc.title == "Richard Hendriks CV"
    assert doc.basics.headline == "Programmer"
    assert doc.basics.location == "2712 Broadway St, San Francisco, California, CA 94115, US"
    assert doc.summary is not None and doc.summary.startswith("Richard hails from Tulsa.")
    assert doc.basics.links == [
        Link(url="http://richardhendricks.example.com"),
        Link(url="https://twitter.com/neutralthoughts", label="Twitter"),  # the sample gives no URL, only a username
        Link(url="https://soundcloud.example.com/dandymusicnl", label="SoundCloud"),
    ]
    kinds = [(section.kind, section.title) for section in doc.sections]
    assert kinds == [
        (SectionKind.EXPERIENCE, "Experience"),
        (SectionKind.VOLUNTEER, "Volunteering"),
        (SectionKind.EDUCATION, "Education"),
        (SectionKind.AWARDS, "Awards"),
        (SectionKind.PUBLICATIONS, "Publications"),
        (SectionKind.SKILLS, "Skills"),
        (SectionKind.LANGUAGES, "Languages"),
        (SectionKind.CUSTOM, "Interests"),
        (SectionKind.CUSTOM, "References"),
        (SectionKind.PROJECTS, "Projects"),
    ]
    work = doc.sections[0].items[0]
    assert (work.organization, work.title, work.location) == ("Pied Piper", "CEO/President", "Palo Alto, CA")
    assert (work.start_date, work.end_date, work.current) == ("2013-12-01", "2014-12-01", False)
    assert work.bullets[1] == "Successfully won Techcrunch Disrupt"
    education = doc.sections[2].items[0]
    assert education.title == "Bachelor, Information Technology"
    assert education.description == "Grade: 4.0"  # from the pre-1.0 "gpa"
    assert education.bullets == ["DB1101 - Basic SQL", "CS2011 - Java Introduction"]
    skill = doc.sections[5].items[0]
    assert (skill.title, skill.description) == ("Web Development", "Master")
    assert skill.keywords == ["HTML", "CSS", "Javascript"]
    assert doc.sections[6].items[0].description == "Native speaker"
    assert doc.sections[7].items[0].keywords == ["Ferrets", "Unicorns"]
    assert doc.sections[8].items[0].title == "Erlich Bachman"
    project = doc.sections[9].items[0]
    assert project.url == "https://missdirection.example.com"
    assert project.organization == "Smoogle"


def test_an_entry_with_a_start_and_no_end_is_current_except_in_education() -> None:
    doc = from_json_resume(
        {
            "work": [{"name": "A", "startDate": "2021-04"}, {"name": "B", "endDate": "2020"}],
            "volunteer": [{"organization": "C", "startDate": "2018"}],
            "projects": [{"name": "D", "startDate": "2022-01-05"}],
            "education": [{"institution": "E", "startDate": "2024-09"}],
        }
    )

    current = {item.organization or item.title: item.current for section in doc.sections for item in section.items}
    assert current == {"A": True, "B": False, "C": True, "D": True, "E": False}


def test_sections_follow_the_order_of_the_documents_keys_and_each_import_gets_fresh_ids() -> None:
    data = load("researcher.json")

    first, second = from_json_resume(data), from_json_resume(data)

    assert [section.title for section in first.sections][:3] == ["Education", "Experience", "Publications"]
    first_ids = {s.id for s in first.sections} | {i.id for s in first.sections for i in s.items}
    second_ids = {s.id for s in second.sections} | {i.id for s in second.sections for i in s.items}
    assert len(first_ids) == sum(1 + len(s.items) for s in first.sections)
    assert not first_ids & second_ids


def test_a_profile_without_an_address_is_kept_only_for_networks_whose_address_we_know() -> None:
    doc = from_json_resume(
        {
            "basics": {
                "profiles": [
                    {"network": "GitHub", "username": "octo cat"},
                    {"network": "Friendster", "username": "old"},
                    {"network": "LinkedIn", "username": "jane", "url": "linkedin.com/in/jane-doe"},
                ]
            }
        }
    )

    assert doc.basics.links == [
        Link(url="https://github.com/octo%20cat", label="GitHub"),
        Link(url="https://linkedin.com/in/jane-doe", label="LinkedIn"),
    ]


def test_an_empty_document_is_an_empty_cv() -> None:
    doc = from_json_resume({})

    assert doc.title == "Imported CV"
    assert doc.sections == []
    assert doc.basics == Basics()


# ---------------------------------------------------------------- JSON Resume -> our CV -> JSON Resume


@pytest.mark.parametrize("name", DOCUMENTS)
def test_import_then_export_gives_back_every_field_our_model_holds(name: str) -> None:
    original = load(name)

    exported = to_json_resume(from_json_resume(original), keep_extras=False)

    for key, fields in HELD_FIELDS.items():
        before, after = original.get(key) or [], exported.get(key) or []
        assert len(after) == len(before), key
        for entry, back in zip(before, after, strict=True):
            for field in fields:
                assert back.get(field) == expected_value(entry, field), f"{key}.{field}"
    for field in HELD_BASICS:
        assert exported["basics"].get(field) == expected_value(original["basics"], field), f"basics.{field}"
    for profile in original["basics"].get("profiles", []):
        if profile.get("url"):
            assert {"network": profile["network"], "url": profile["url"]}.items() <= next(
                back for back in exported["basics"]["profiles"] if back["url"] == profile["url"]
            ).items()


def test_the_username_of_a_profile_comes_back_when_its_address_ends_in_it() -> None:
    exported = to_json_resume(from_json_resume(load("senior_engineer.json")))

    usernames = {profile["network"]: profile.get("username") for profile in exported["basics"]["profiles"]}
    assert usernames == {"GitHub": "zoeok", "LinkedIn": "zoe-okonkwo", "Mastodon": "zoe"}
    scholar = to_json_resume(from_json_resume(load("researcher.json")))["basics"]["profiles"][1]
    assert "username" not in scholar  # the address ends in "citations?user=...": no guess


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_second_round_trip_changes_nothing_not_even_ids(name: str) -> None:
    imported = from_json_resume(load(name))

    again = from_json_resume(to_json_resume(imported))

    assert again.to_dict() == imported.to_dict()


@pytest.mark.parametrize("name", DOCUMENTS)
def test_exports_are_valid_against_the_official_schema(name: str) -> None:
    assert_valid_json_resume(to_json_resume(from_json_resume(load(name))))


def test_the_fixtures_themselves_are_valid_json_resume() -> None:
    for name in DOCUMENTS:
        assert_valid_json_resume(load(name))


# ---------------------------------------------------------------- our CV -> JSON Resume -> our CV


def awkward_cv() -> CvDocument:
    """A CV using everything JSON Resume cannot say."""
    return CvDocument(
        title="Platform roles, long version",
        basics=Basics(
            name="Ines Duarte",
            headline="",
            email="ines@example.com",
            phone=None,
            location="Porto, Portugal",
            links=[
                Link(url="https://github.com/ines", label="GitHub"),
                Link(url="https://ines.example.com"),
                Link(url="mailto:ines@example.com", label=""),
            ],
        ),
        summary=None,
        sections=[
            Section(
                "s-exp",
                SectionKind.EXPERIENCE,
                "Where I worked",
                items=[
                    Item(
                        "i-1",
                        title="Platform lead",
                        organization="Acme",
                        start_date="2022-02",
                        current=True,
                        keywords=["Kubernetes"],
                        bullets=["Led 5 people", ""],
                    ),
                    Item("i-2", visible=False, title="Secret job", organization="Hidden Ltd", start_date="2019"),
                    Item("i-3", title="Engineer", start_date="2018-01", current=False),  # open, but not current
                    Item("i-4", title="Intern", current=True),  # current without a start
                ],
            ),
            Section(
                "s-talks",
                SectionKind.CUSTOM,
                "Talks",
                items=[
                    Item(
                        "i-5",
                        title="Boring Kubernetes",
                        organization="KubeCon",
                        start_date="2023-04",
                        url="https://example.com/talk",
                    ),
                ],
            ),
            Section(
                "s-hobbies",
                SectionKind.CUSTOM,
                "Hobbies",
                items=[
                    Item("i-6", title="Climbing", keywords=["bouldering"], start_date="2015"),
                ],
            ),
            Section(
                "s-edu",
                SectionKind.EDUCATION,
                "Education",
                items=[
                    Item(
                        "i-7",
                        title="MSc, Computer Science, Distributed Systems",
                        organization="FEUP",
                        description="Grade: 18/20",
                    ),
                    Item("i-8", title="Exchange, ", description="Erasmus year.\nGrade: n/a", location="Delft"),
                    Item("i-9", title=", Physics"),
                ],
            ),
            Section("s-empty", SectionKind.PROJECTS, "Side projects"),
            Section(
                "s-old",
                SectionKind.EXPERIENCE,
                "Earlier experience",
                visible=False,
                items=[
                    Item("i-10", title="Barista", organization="Café"),
                ],
            ),
            Section(
                "s-exp2",
                SectionKind.EXPERIENCE,
                "Teaching",
                items=[
                    Item("i-11", title="Lecturer", organization="FEUP", start_date="2020", end_date="2021"),
                ],
            ),
        ],
        design=Design(
            template="modern",
            accent_color="#aa3300",
            font_family="Noto Serif",
            font_size=11.0,
            page_size=PageSize.LETTER,
            margins="15mm",
        ),
    )


def test_our_cv_survives_export_then_import_exactly() -> None:
    doc = awkward_cv()
    validate_document(doc.to_dict())

    exported = to_json_resume(doc)

    assert_valid_json_resume(exported)
    assert from_json_resume(exported).to_dict() == doc.to_dict()


def test_what_json_resume_cannot_show_stays_out_of_its_arrays() -> None:
    exported = to_json_resume(awkward_cv())

    assert [entry.get("position") for entry in exported["work"]] == ["Platform lead", "Engineer", "Intern", "Lecturer"]
    assert "endDate" not in exported["work"][0]
    assert exported["interests"] == [{"name": "Climbing", "keywords": ["bouldering"]}]
    assert "projects" not in exported  # the only projects section is empty
    assert exported["education"][0] == {
        "institution": "FEUP",
        "studyType": "MSc",
        "area": "Computer Science, Distributed Systems",
        "score": "18/20",
    }
    assert exported["basics"]["url"] == "https://ines.example.com"
    assert exported["basics"]["location"] == {"city": "Porto, Portugal"}
    text = json.dumps({key: value for key, value in exported.items() if key != "meta"})
    assert "Secret job" not in text and "Barista" not in text and "Boring Kubernetes" not in text


def test_export_is_deterministic_so_rendered_files_can_be_cached_by_hash() -> None:
    first = json.dumps(to_json_resume(awkward_cv()), sort_keys=True)
    second = json.dumps(to_json_resume(awkward_cv()), sort_keys=True)

    assert first == second


def test_export_without_extras_is_plain_json_resume() -> None:
    exported = to_json_resume(awkward_cv(), keep_extras=False)

    assert "meta" not in exported
    assert_valid_json_resume(exported)


def random_cv(rng: random.Random) -> CvDocument:
    """A valid CV made of awkward values: blanks, separators, labels, dates in every precision."""
    texts = [
        None,
        "",
        "Plain",
        "Bachelor, ",
        ", Physics",
        "a, b, c",
        "Grade: 3.9",
        "Grade: ",
        "x\nGrade: 1",
        "Zoë — ünïcode ✓",
        " padded ",
    ]
    dates = ["2019", "2019-06", "2019-06-15", "2020", "2021-01"]
    addresses = ["https://example.com/a", "mailto:a@example.com", "http://host.example/x?y=1"]
    urls = [None, *addresses]

    def item(n: int) -> Item:
        start = rng.choice([None, *dates[:3]])
        end = rng.choice([None, *dates[3:]])
        return Item(
            id=f"i{n}",
            visible=rng.random() > 0.2,
            title=rng.choice(texts),
            organization=rng.choice(texts),
            location=rng.choice(texts),
            start_date=start,
            end_date=end,
            current=end is None and rng.random() > 0.5,
            description=rng.choice(texts),
            bullets=rng.sample(["", "one", "two, three"], rng.randint(0, 3)),
            keywords=rng.sample(["Go", "SQL", ""], rng.randint(0, 3)),
            url=rng.choice(urls),
        )

    counter = iter(range(10_000))
    sections = []
    for s in range(rng.randint(0, 8)):
        kind = rng.choice(list(SectionKind))
        title = (
            rng.choice(["Interests", "hobbies ", "References", "Talks", "Whatever"])
            if kind is SectionKind.CUSTOM
            else kind.value.title()
        )
        items = [item(next(counter)) for _ in range(rng.randint(0, 4))]
        sections.append(Section(f"s{s}", kind, title, visible=rng.random() > 0.15, items=items))
    links = [
        Link(url=rng.choice(addresses), label=rng.choice([None, "", "GitHub", "Home"]))
        for _ in range(rng.randint(0, 4))
    ]
    return CvDocument(
        title=rng.choice(["CV", "Long title " * 10]),
        basics=Basics(
            name=rng.choice(["", "Ana", "Ana, Maria"]),
            headline=rng.choice(texts),
            email=rng.choice([None, "a@example.com"]),
            phone=rng.choice([None, "+1 555 0100"]),
            location=rng.choice(texts),
            links=links,
        ),
        summary=rng.choice(texts),
        sections=sections,
        design=Design(font_size=rng.choice([9.0, 10.5, 12.25])),
    )


def test_random_cvs_survive_export_then_import_exactly() -> None:
    rng = random.Random(20261124)
    for _ in range(150):
        doc = random_cv(rng)
        validate_document(doc.to_dict())

        exported = to_json_resume(doc)

        assert_valid_json_resume(exported)
        assert from_json_resume(exported).to_dict() == doc.to_dict()


# ---------------------------------------------------------------- edited by another tool between export and import


def test_entries_edited_elsewhere_win_while_what_json_resume_cannot_hold_is_restored() -> None:
    doc = awkward_cv()
    exported = to_json_resume(doc)
    work = exported["work"]
    work[0]["summary"] = "Added in another editor"  # edited: keeps its id and its keywords, which JSON Resume lacks
    del work[1]  # "Engineer" deleted elsewhere
    work.insert(2, {"name": "NewCo", "position": "Consultant", "startDate": "2017"})  # added after "Intern"
    exported["work"] = [dict(reversed(list(entry.items()))) for entry in work]  # another tool's key order

    again = from_json_resume(exported)

    experience = again.sections[0]
    assert [item.title for item in experience.items] == ["Platform lead", "Secret job", "Intern", "Consultant"]
    lead, _, intern, new = experience.items
    assert (lead.id, lead.description, lead.keywords) == ("i-1", "Added in another editor", ["Kubernetes"])
    assert (intern.id, intern.current) == ("i-4", True)  # unchanged entries get every extra back
    assert new.id not in {"i-1", "i-2", "i-3", "i-4"} and new.current is True
    assert again.sections[-1].items[0].id == "i-11"
    validate_document(again.to_dict())


def test_an_edited_entry_does_not_get_back_extras_that_contradict_it() -> None:
    exported = to_json_resume(awkward_cv())
    engineer = exported["work"][1]
    assert engineer["position"] == "Engineer"  # exported open-ended; meta says it is not current
    engineer["endDate"] = "2019-12"

    again = from_json_resume(exported)

    item = again.sections[0].items[2]
    assert (item.id, item.end_date, item.current) == ("i-3", "2019-12", False)


def test_entries_for_a_section_the_cv_did_not_have_become_a_new_section_at_the_end() -> None:
    exported = to_json_resume(awkward_cv())
    exported["certificates"] = [{"name": "CKA", "issuer": "CNCF", "date": "2024-01"}]

    again = from_json_resume(exported)

    assert again.sections[-1].kind is SectionKind.CERTIFICATIONS
    assert again.sections[-1].items[0].organization == "CNCF"


def test_basics_edited_elsewhere_win_over_the_kept_basics() -> None:
    exported = to_json_resume(awkward_cv())
    exported["basics"]["label"] = "Staff engineer"

    again = from_json_resume(exported)

    assert again.basics.headline == "Staff engineer"
    assert again.basics.links[0].url == "https://ines.example.com"  # the kept order is not applied


# ---------------------------------------------------------------- refused documents

SECRET = "s3cr3t-value-XYZ"


@pytest.mark.parametrize("data", [None, [], "resume", 42, [{"basics": {}}]])
def test_a_document_that_is_not_an_object_is_refused(data: Any) -> None:
    assert problems_of(data) == [FieldProblem("", "must be a JSON object (a JSON Resume document)")]


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ({"work": SECRET}, "work", "must be an array"),
        ({"work": [SECRET]}, "work.0", "must be an object"),
        ({"work": [{"highlights": SECRET}]}, "work.0.highlights", "must be an array"),
        ({"work": [{"highlights": [1]}]}, "work.0.highlights.0", "must be a string"),
        ({"basics": {"name": 12345}}, "basics.name", "must be a string"),
        ({"basics": {"profiles": [{"url": 7}]}}, "basics.profiles.0.url", "must be a string"),
        ({"skills": [{"keywords": {"a": SECRET}}]}, "skills.0.keywords", "must be an array"),
        ({"education": [{"startDate": SECRET}]}, "education.0.startDate", DATE_MESSAGE),
        ({"work": [{"startDate": "2020-13"}]}, "work.0.startDate", DATE_MESSAGE),  # JSON Resume's pattern allows it
        ({"awards": [{"date": "2020-02-00"}]}, "awards.0.date", DATE_MESSAGE),
        (
            {"work": [{"startDate": "2021", "endDate": "2020-05"}]},
            "work.0.endDate",
            "must not be before the start date",
        ),
        ({"basics": {"email": SECRET}}, "basics.email", "must be an email address like name@example.com"),
        (
            {"projects": [{"url": "not a url " + SECRET}]},
            "projects.0.url",
            "must be a web address starting with http:// or https:// (or mailto:, tel:)",
        ),
        (
            {"basics": {"profiles": [{"network": "x" * 101, "url": "https://x.com/a"}]}},
            "basics.profiles.0.network",
            "must be at most 100 characters",
        ),
        ({"basics": {"summary": "a" * 10_001}}, "basics.summary", "must be at most 10000 characters"),
        ({"bio": {}}, "bio", "is not a field this format defines"),
        ({SECRET * 5: 1}, "", "is not a field this format defines"),
    ],
)
def test_a_wrong_field_is_named_by_its_json_resume_path_without_echoing_its_value(
    data: dict[str, Any], path: str, message: str
) -> None:
    problems = problems_of(data)

    assert FieldProblem(path, message) in problems
    assert all(SECRET not in problem.path + problem.message for problem in problems)


def test_the_date_path_names_the_field_the_document_used() -> None:
    assert paths_of({"awards": [{"date": "2020-02-00"}]}) == {"awards.0.date"}  # our startDate
    assert paths_of({"work": [{"company": "A", "website": "no"}]}) == {"work.0.website"}  # pre-1.0 name for url


def test_every_problem_is_reported_at_once() -> None:
    assert paths_of({"basics": {"name": 1, "email": 2}, "work": [{"startDate": "later"}]}) == {
        "basics.name",
        "basics.email",
        "work.0.startDate",
    }


def test_too_many_entries_are_refused_with_the_array_named() -> None:
    problems = problems_of({"skills": [{"name": f"s{n}"} for n in range(201)]})

    assert problems == [FieldProblem("skills", "must have at most 200 entries")]


@pytest.mark.parametrize(
    "data",
    [
        {"basics": {"summary": "a" * (MAX_JSON_RESUME_BYTES + 1)}},
        {"meta": {"padding": ["x" * 1000] * 1001}},
        {"meta": {"deep": json.loads("[" * 40 + "]" * 40)}},
        {"meta": {"many": [0] * 200_001}},
        {"meta": {"n": float("nan")}},
    ],
)
def test_absurd_documents_are_refused_before_any_parsing(data: dict[str, Any]) -> None:
    problems = problems_of(data)

    assert len(problems) == 1 and problems[0].path == ""


def test_a_document_nested_deeper_than_python_can_recurse_is_refused_cleanly() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]

    assert problems_of({"meta": {"deep": deep}})[0].path == ""


def test_a_broken_meta_cvmaker_is_named_by_path() -> None:
    exported = to_json_resume(awkward_cv())
    kept = exported["meta"]["cvmaker"]
    kept["version"] = 2
    kept["sections"][0]["items"][0]["extras"]["salary"] = 1

    paths = paths_of(exported)

    assert paths == {"meta.cvmaker.version", "meta.cvmaker.sections.0.items.0.extras"}


def test_bad_values_kept_in_meta_cvmaker_are_named_where_they_are_kept() -> None:
    exported = to_json_resume(awkward_cv())
    kept = exported["meta"]["cvmaker"]
    kept["sections"][0]["items"][1]["item"]["startDate"] = "yesterday"  # the hidden item
    kept["sections"][0]["items"][0]["extras"]["keywords"] = "Kubernetes"
    kept["design"]["fontFamily"] = "Comic Sans"

    paths = paths_of(exported)

    assert paths == {
        "meta.cvmaker.sections.0.items.1.item.startDate",
        "meta.cvmaker.sections.0.items.0.extras.keywords",
        "meta.cvmaker.design.fontFamily",
    }


def test_an_id_kept_twice_in_meta_cvmaker_is_named_where_it_is_kept() -> None:
    exported = to_json_resume(awkward_cv())
    exported["meta"]["cvmaker"]["sections"][1]["id"] = "s-exp"

    assert paths_of(exported) == {"meta.cvmaker.sections.1.id"}


def test_a_kept_design_may_only_name_a_template_we_have() -> None:
    exported = to_json_resume(awkward_cv())  # its template is "modern"

    with pytest.raises(InvalidInput) as raised:
        from_json_resume(exported, templates=("classic",))

    assert [problem.path for problem in raised.value.problems] == ["meta.cvmaker.design.template"]
    assert from_json_resume(exported, templates=("classic", "modern")).design.template == "modern"


def test_a_refused_document_is_left_as_it_was() -> None:
    data = {"work": [{"startDate": "2021", "endDate": "2020"}], "basics": {"name": "A"}}
    before = copy.deepcopy(data)

    problems_of(data)

    assert data == before


def test_the_shipped_schema_is_the_official_one_with_its_licence() -> None:
    schema = json_resume_schema()

    assert "MIT License" in schema["$comment"] and "jsonresume/resume-schema" in schema["$comment"]
    assert schema["properties"]["meta"]["additionalProperties"] is True  # where meta.cvmaker lives
    assert schema["additionalProperties"] is False


def test_the_largest_cv_we_store_still_exports_and_imports_back() -> None:
    sections = [
        Section(
            f"s{s}",
            SectionKind.EXPERIENCE,
            f"Part {s}",
            visible=s % 2 == 0,
            items=[
                Item(
                    f"i{s}-{i}",
                    visible=i % 3 != 0,
                    title="Engineer",
                    organization="Acme",
                    keywords=["Go"],
                    description="Built and ran things. " * 14,
                    bullets=["Shipped it"] * 3,
                )
                for i in range(100)
            ],
        )
        for s in range(6)
    ]
    doc = CvDocument(title="Big", basics=Basics(name="Big Person"), sections=sections)
    size = len(json.dumps(doc.to_dict()).encode())
    assert 300_000 < size <= 350_000
    validate_document(doc.to_dict())

    exported = to_json_resume(doc)

    assert len(json.dumps(exported).encode()) < MAX_JSON_RESUME_BYTES
    assert from_json_resume(exported).to_dict() == doc.to_dict()


def test_damaged_documents_give_a_valid_cv_or_invalid_input_and_nothing_else() -> None:
    rng = random.Random(7)
    sources = [load(name) for name in DOCUMENTS] + [to_json_resume(awkward_cv())]
    replacements: list[Any] = [None, 1, -1, 1.5, "x", "", [], {}, "2020-13", True, [1], {"a": 1}]
    outcomes = {"imported": 0, "refused": 0}
    for _ in range(300):
        data = copy.deepcopy(rng.choice(sources))
        for _ in range(rng.randint(1, 3)):  # replace a random value somewhere in the tree
            parent: Any = data
            key: str | int = rng.choice(list(data))
            while isinstance(parent[key], (dict, list)) and parent[key] and rng.random() < 0.7:
                parent = parent[key]
                key = rng.choice(list(parent)) if isinstance(parent, dict) else rng.randrange(len(parent))
            parent[key] = rng.choice(replacements)
        try:
            validate_document(from_json_resume(data).to_dict())
            outcomes["imported"] += 1
        except InvalidInput as invalid:
            assert invalid.problems
            outcomes["refused"] += 1
    assert outcomes["imported"] >= 10 and outcomes["refused"] >= 100  # both paths were exercised
