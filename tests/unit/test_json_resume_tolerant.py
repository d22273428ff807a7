"""The tolerant JSON Resume reader: each rule on a small hand-written input, losslessness, and the fixed point."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.errors import InvalidInput
from cvmaker.domain.json_resume import (
    JsonResumeImport,
    parse_json_text,
    read_json_resume,
    to_json_resume,
)


def read(data: dict[str, Any]) -> JsonResumeImport:
    imported = read_json_resume(data)
    validate_document(imported.document.to_dict())
    return imported


def items(data: dict[str, Any], kind: str = "EXPERIENCE") -> list[dict[str, Any]]:
    doc = read(data).document.to_dict()
    return next(s["items"] for s in doc["sections"] if s["kind"] == kind)


def round_trip(data: dict[str, Any]) -> dict[str, Any]:
    imported = read(data)
    return to_json_resume(imported.document, kept=imported.kept)


def test_empty_and_null_values_are_absent_and_an_empty_end_is_an_open_one() -> None:
    (item,) = items(
        {
            "basics": {"name": "A", "phone": "", "image": None},
            "work": [
                {"name": "Acme", "position": "", "startDate": "2020-01", "endDate": "", "highlights": [], "url": None}
            ],
        }
    )
    assert item["organization"] == "Acme" and item["title"] is None
    assert item["current"] is True and item["endDate"] is None
    assert read({"basics": {"name": "A"}, "work": [{"name": "Acme", "endDate": None}]}).warnings == []


@pytest.mark.parametrize(
    "word",
    [
        "Present",
        "now",
        "Ongoing",
        "current",
        "至今",
        "現在",
        "heute",
        "actualidad",
        "aujourd'hui",
        "настоящее время",
        "obecnie",
        "atual",
        "حتى الآن",
    ],
)
def test_a_present_like_word_in_any_language_is_an_open_end(word: str) -> None:
    (item,) = items({"work": [{"name": "Acme", "startDate": "2021", "endDate": word}]})
    assert item["current"] is True and item["endDate"] is None


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("03/2020", "2020-03"),
        ("3/2020", "2020-03"),
        ("January 2024", "2024-01"),
        ("Apr. 2024", "2024-04"),
        ("2023-9-24", "2023-09-24"),
        ("2017-7", "2017-07"),
        ("2018-01-01T00:00:00", "2018-01-01"),
        ("'16", "2016"),
        ("Jun'23", "2023-06"),
        ("Jun-25", "2025-06"),
        ("2015.04", "2015-04"),
        (2019, "2019"),
    ],
)
def test_every_date_spelling_the_pdf_importer_knows_is_normalised(written: Any, read_as: str) -> None:
    (item,) = items({"work": [{"name": "Acme", "startDate": written, "endDate": "2030"}]})
    assert item["startDate"] == read_as


def test_a_range_in_one_date_field_fills_both_ends() -> None:
    (item,) = items({"work": [{"name": "Acme", "date": "04/2023 - 12/2023"}]})
    assert (item["startDate"], item["endDate"], item["current"]) == ("2023-04", "2023-12", False)
    (item,) = items({"work": [{"name": "Acme", "startDate": "2015.04 - 至今"}]})
    assert (item["startDate"], item["endDate"], item["current"]) == ("2015-04", None, True)


def test_an_unreadable_date_is_a_warning_with_its_path_and_the_rest_is_imported() -> None:
    imported = read({"basics": {"name": "A"}, "work": [{"name": "Acme", "startDate": "0000-00-00", "endDate": "TBD"}]})
    assert {w.path for w in imported.warnings} == {"work.0.startDate", "work.0.endDate"}
    assert all("0000" not in w.message for w in imported.warnings)
    assert imported.document.sections[0].items[0].organization == "Acme"


def test_an_end_before_the_start_keeps_the_end_and_warns() -> None:
    imported = read({"work": [{"name": "Acme", "startDate": "2020", "endDate": "2018"}]})
    item = imported.document.sections[0].items[0]
    assert (item.start_date, item.end_date, item.current) == (None, "2018", False)
    assert [w.path for w in imported.warnings] == ["work.0.startDate"]


def test_values_of_another_json_type_are_converted_when_the_intent_is_clear() -> None:
    data = {
        "basics": {"name": "A", "location": "Lyon, France", "summary": ["Line one.", "Line two."], "phone": 5551234},
        "skills": {"Languages": ["Python", "Go"], "Tools": "git, make"},
        "interests": ["chess", "music"],
        "projects": [{"name": "P", "keywords": "a, b", "highlights": "did it"}],
    }
    doc = read(data).document
    assert doc.basics.location == "Lyon, France" and doc.basics.phone == "5551234"
    assert doc.summary == "Line one.\nLine two."
    skills, interests, projects = doc.sections
    assert [(i.title, i.keywords) for i in skills.items] == [
        ("Languages", ["Python", "Go"]),
        ("Tools", ["git", "make"]),
    ]
    assert [i.title for i in interests.items] == ["chess", "music"]
    assert projects.items[0].keywords == ["a", "b"] and projects.items[0].bullets == ["did it"]


def test_a_value_that_cannot_be_converted_is_a_warning() -> None:
    imported = read({"basics": {"name": "A", "label": {"a": 1, "b": 2}}, "work": [{"name": "Acme", "position": True}]})
    assert {w.path for w in imported.warnings} == {"basics.label", "work.0.position"}


def test_the_v0_keys_are_read() -> None:
    data = {
        "basics": {"name": "A", "website": "a.example", "picture": "me.png"},
        "work": [{"company": "Acme", "website": "acme.example", "startDate": "2020"}],
        "education": [{"institution": "U", "gpa": "3.9"}],
        "languages": [{"name": "French", "level": "native"}],
    }
    doc = read(data).document
    assert doc.basics.links[0].url == "https://a.example"
    work, education, languages = doc.sections
    assert (work.items[0].organization, work.items[0].url) == ("Acme", "https://acme.example")
    assert education.items[0].description == "Grade: 3.9"
    assert (languages.items[0].title, languages.items[0].description) == ("French", "native")
    assert round_trip(data)["basics"]["image"] == "me.png"


def test_other_names_of_the_arrays_are_read_and_unknown_arrays_become_custom_sections() -> None:
    data = {
        "basics": {"name": "A"},
        "experience": [{"company": "Acme", "title": "Engineer", "start_date": "2019", "end_date": "2021"}],
        "certifications": [{"name": "CKA", "issuer": "CNCF"}],
        "talks": [{"title": "On things", "event": "Conf", "date": "2022-05"}, "A talk written as a line"],
    }
    doc = read(data).document
    kinds = [(s.kind.value, s.title) for s in doc.sections]
    assert kinds == [("EXPERIENCE", "Experience"), ("CERTIFICATIONS", "Certifications"), ("CUSTOM", "Talks")]
    job = doc.sections[0].items[0]
    assert (job.organization, job.title, job.start_date, job.end_date) == ("Acme", "Engineer", "2019", "2021")
    assert [i.title for i in doc.sections[2].items] == ["On things", "A talk written as a line"]
    exported = round_trip(data)
    assert exported["talks"][0] == {"name": "On things", "event": "Conf", "startDate": "2022-05"}
    assert exported["certificates"] == [{"name": "CKA", "issuer": "CNCF"}]


def test_a_person_written_without_basics_is_read_from_the_top_level() -> None:
    doc = read({"name": "A B", "title": "Engineer", "contact": {"email": "a@b.example"}, "education": ["U"]}).document
    assert (doc.basics.name, doc.basics.headline, doc.basics.email) == ("A B", "Engineer", "a@b.example")


def test_a_relative_or_skype_link_is_a_warning_and_comes_back_on_export() -> None:
    data = {
        "basics": {"name": "A", "profiles": [{"network": "Skype", "url": "skype:someone?call"}]},
        "projects": [{"name": "P", "url": "/files/p.pdf"}],
    }
    imported = read(data)
    assert {w.path for w in imported.warnings} == {"basics.profiles.0.url", "projects.0.url"}
    exported = to_json_resume(imported.document, kept=imported.kept)
    assert exported["projects"][0]["url"] == "/files/p.pdf"
    assert exported["basics"]["profiles"][0]["url"] == "skype:someone?call"


@pytest.mark.parametrize(
    "data",
    [
        {"model_name_or_path": "distilgpt2", "seed": 42},
        {"basics": {"name": "", "location": {"city": ""}, "profiles": []}, "work": [], "skills": []},
        {"$schema": "https://json-schema.org/draft-07/schema#", "type": "object", "properties": {"basics": {}}},
        [{"basics": {"name": "A"}}],
        "text",
    ],
)
def test_only_what_is_not_a_cv_is_refused_at_the_root(data: Any) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_json_resume(data)
    assert [p.path for p in refused.value.problems] == [""]


def test_text_with_comments_or_trailing_commas_is_read_with_a_warning() -> None:
    data, warnings = parse_json_text('{\n  // me\n  "basics": {"name": "A",},\n  "work": [{"name": "Acme"},],\n}')
    assert data == {"basics": {"name": "A"}, "work": [{"name": "Acme"}]}
    assert [w.path for w in warnings] == [""]
    assert parse_json_text(b'\xef\xbb\xbf{"basics": {}}') == ({"basics": {}}, [])
    with pytest.raises(InvalidInput):
        parse_json_text("this is not JSON at all")


LOSSLESS = {
    "basics": {
        "name": "A B",
        "label": "Engineer",
        "image": "https://a.example/me.jpg",
        "location": {"address": "1 Main St", "postalCode": "69001", "city": "Lyon", "countryCode": "FR"},
        "profiles": [{"network": "GitHub", "username": "ab", "url": "https://github.com/ab-code"}],
        "pronouns": "they/them",
    },
    "work": [
        {
            "name": "Acme",
            "description": "Makes anvils",
            "position": "Smith",
            "startDate": "2020-01",
            "icon": "fa-hammer",
        }
    ],
    "projects": [{"name": "P", "roles": ["Lead"], "type": "application", "startDate": "2021"}],
    "portfolio": [{"name": "Chess set", "material": "oak"}],
    "theme": "elegant",
    "meta": {"version": "v1.0.0", "canonical": "https://a.example/resume.json"},
}


def test_what_is_read_is_exported_back() -> None:
    exported = round_trip(copy.deepcopy(LOSSLESS))
    for key in ("basics", "work", "projects", "portfolio", "theme"):
        assert exported[key] == LOSSLESS[key]
    assert {k: v for k, v in exported["meta"].items() if k != "cvmaker"} == LOSSLESS["meta"]


def test_an_edited_item_keeps_the_fields_our_model_has_no_place_for() -> None:
    imported = read(copy.deepcopy(LOSSLESS))
    imported.document.sections[0].items[0].title = "Master smith"
    imported.document.basics.location = "Paris"
    exported = to_json_resume(imported.document, kept=imported.kept)
    assert exported["work"][0] == {**LOSSLESS["work"][0], "position": "Master smith"}
    assert exported["basics"]["location"] == {"city": "Paris"}
    assert exported["basics"]["image"] == LOSSLESS["basics"]["image"]
    assert exported["basics"]["profiles"] == LOSSLESS["basics"]["profiles"]


@pytest.mark.parametrize("keep_extras", [True, False])
def test_import_export_import_is_a_fixed_point(keep_extras: bool) -> None:
    loose = {
        **copy.deepcopy(LOSSLESS),
        "education": [{"institution": "U", "studyType": "BSc", "startDate": "Sept 2015", "endDate": "Present"}],
        "experience_extra": ["one line"],
        "skills": "Python, Go",
    }
    first = read_json_resume(loose)
    exported = to_json_resume(first.document, keep_extras=keep_extras, kept=first.kept)
    second = read_json_resume(json.loads(json.dumps(exported)))
    again = to_json_resume(second.document, keep_extras=keep_extras, kept=second.kept)
    if not keep_extras:  # fresh ids: compare without them
        assert again == exported
    else:
        assert again == exported and second.document == first.document


def test_the_cli_reads_another_builders_sections_key_as_json_resume(tmp_path: Path) -> None:
    from api.cli_render import _read_document

    path = tmp_path / "cv.json"
    path.write_text(json.dumps({"basics": {"name": "A"}, "sections": [{"heading": "Talks", "items": ["x"]}]}))
    document = _read_document(path, [])
    assert document.basics.name == "A" and document.sections[0].title == "Sections"
