"""A LinkedIn data export read like a person would: each file's words where they belong on the CV, what has no
place said in a warning with its file, row and column, and a hostile or wrong archive refused with a typed error.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from api.cli import main
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.errors import FileLimitExceeded, InvalidInput, UnsupportedFile
from cvmaker.domain.json_resume import read_json_resume
from cvmaker.domain.linkedin import ExportWarning, looks_like_linkedin_export, read_linkedin_export
from cvmaker.domain.linkedin.archive import MAX_ENTRIES
from cvmaker.services.imports import upload_kind
from tests.fixtures.linkedin.build import (
    EMAIL,
    HEADLINE,
    NAME,
    PHONE,
    export_files,
    linkedin_export_zip,
    table,
    zip_of,
)
from tests.imports.documents import styled_docx


def read(data: bytes) -> tuple[CvDocument, list[ExportWarning]]:
    """The CV a person gets from an export, as the upload flow makes it, and every warning."""
    export = read_linkedin_export(data)
    imported = read_json_resume(export.resume)
    return imported.document, [*export.warnings, *export.translated(imported.warnings)]


def section(document: CvDocument, kind: str) -> list[dict[str, Any]]:
    (found,) = [s for s in document.to_dict()["sections"] if s["kind"] == kind.upper()]
    items: list[dict[str, Any]] = found["items"]
    return items


def titled(document: CvDocument, title: str) -> list[dict[str, Any]]:
    (found,) = [s for s in document.to_dict()["sections"] if s["title"] == title]
    items: list[dict[str, Any]] = found["items"]
    return items


def warned(warnings: list[ExportWarning], path: str) -> ExportWarning:
    (found,) = [w for w in warnings if w.path == path]
    return found


def with_files(**changes: str | bytes | None) -> bytes:
    """The fixture export with some files replaced (a keyword per file, spaces as _) or removed (None)."""
    files: dict[str, str | bytes] = dict(export_files())
    for key, content in changes.items():
        name = key.replace("_", " ").replace(" csv", ".csv")
        if content is None:
            files.pop(name)
        else:
            files[name] = content
    return zip_of(files)


# ---------------------------------------------------------------- every file where a person expects it


def test_the_profile_and_contact_files_make_the_top_of_the_cv() -> None:
    document, warnings = read(linkedin_export_zip())
    basics = document.to_dict()["basics"]
    assert basics["name"] == NAME and basics["headline"] == HEADLINE
    assert basics["email"] == EMAIL  # the primary address, though another comes first in the file
    assert basics["phone"] == PHONE
    assert basics["location"] == "Lisbon, Portugal"
    assert basics["links"] == [
        {"label": "Portfolio", "url": "https://amara.example"},
        {"label": "Company", "url": "https://lumenhealth.example"},
        {"label": "Twitter", "url": "https://twitter.com/amaradev"},
    ]
    assert document.summary is not None and document.summary.startswith("Backend engineer who likes boring")
    assert "\n" in document.summary  # a multi-line quoted cell stays one summary
    assert document.title == f"{NAME} CV"
    other = warned(warnings, "Email Addresses.csv row 2, Email Address")
    assert other.text == "amara@oldmail.example" and "one email address" in other.message
    assert warned(warnings, "Profile.csv row 2, Industry").text == "Software Development"


def test_positions_keep_their_order_dates_bullets_and_the_current_role() -> None:
    document, _ = read(linkedin_export_zip())
    work = section(document, "experience")
    assert [(w["organization"], w["title"], w["startDate"], w["endDate"], w["current"]) for w in work] == [
        ("Lumen Health", "Senior Backend Engineer", "2021-03", None, True),
        ("Talkdesk", "Backend Engineer", "2018-06", "2021-02", False),
        ("Feedzai", "Software Engineering Intern", "2017-07", "2017-09", False),
    ]
    current = work[0]
    assert current["location"] == "Lisbon, Portugal"
    assert current["description"] == "Own the appointments platform used by 400 clinics."
    assert current["bullets"] == [
        "Led the move from a monolith to six services without downtime",
        "Cut p95 API latency from 900 ms to 120 ms",
    ]
    assert work[1]["description"] == "Built the call routing rules engine in Python and Go."


def test_education_skills_languages_certifications_and_projects() -> None:
    document, warnings = read(linkedin_export_zip())
    schools = section(document, "education")
    assert [(s["organization"], s["title"], s["startDate"], s["endDate"]) for s in schools] == [
        ("Instituto Superior Técnico", "Master of Science - MS", "2015", "2017"),
        ("Universidade do Porto", "Bachelor of Science - BS", "2012", "2015"),
    ]
    assert schools[0]["bullets"] == [
        "Thesis: consistent snapshots of distributed logs",
        "Activities and societies: Robotics club, teaching assistant",
    ]
    assert [s["title"] for s in section(document, "skills")] == [
        "Python",
        "PostgreSQL",
        "Kubernetes",
        "Go",
        "Distributed Systems",
    ]
    assert [(lang["title"], lang["description"]) for lang in section(document, "languages")] == [
        ("Portuguese", "Native or bilingual proficiency"),
        ("English", "Full professional proficiency"),
    ]
    (certificate,) = section(document, "certifications")
    assert certificate["title"] == "AWS Certified Solutions Architect – Associate"
    assert certificate["organization"] == "Amazon Web Services (AWS)"
    assert certificate["startDate"] == "2022-01" and certificate["url"] == "https://www.credly.com/badges/0d5c2c1e"
    # What a certification has no field for is said, with its words.
    assert warned(warnings, "Certifications.csv row 2, License Number").text == "AWS-ASA-1234"
    assert warned(warnings, "Certifications.csv row 2, Finished On").text == "Jan 2025"
    (project,) = section(document, "projects")
    assert project["title"] == "Open-source rate limiter" and project["url"] == "https://github.com/amaradev/bucket"
    assert (project["startDate"], project["endDate"], project["current"]) == ("2020-02", "2020-11", False)


def test_honors_publications_volunteering_and_courses_land_in_their_sections() -> None:
    data = with_files(
        Honors_csv=table(
            ("Title", "Description", "Issued On"), ("Best paper award", "Out of 240 submissions", "Oct 2019")
        ),
        Publications_csv=table(
            ("Name", "Published On", "Description", "Publisher", "Url"),
            ("Snapshots of logs", "2018", "How to cut a consistent snapshot.", "ACM", "https://doi.example/10.1"),
        ),
        Volunteering_csv=table(
            ("Company Name", "Role", "Cause", "Started On", "Finished On", "Description"),
            ("Code Club Lisboa", "Mentor", "Education", "Sep 2019", "", "Teach children to program on Saturdays."),
        ),
        Courses_csv=table(("Name", "Number"), ("Distributed Algorithms", "CS-442"), ("Compilers", "")),
    )
    document, _ = read(data)
    (award,) = section(document, "awards")
    assert (award["title"], award["description"], award["startDate"]) == (
        "Best paper award",
        "Out of 240 submissions",
        "2019-10",
    )
    (paper,) = section(document, "publications")
    assert (paper["title"], paper["organization"], paper["startDate"], paper["url"]) == (
        "Snapshots of logs",
        "ACM",
        "2018",
        "https://doi.example/10.1",
    )
    assert paper["description"] == "How to cut a consistent snapshot."
    (volunteer,) = section(document, "volunteer")
    assert (volunteer["organization"], volunteer["title"], volunteer["current"]) == ("Code Club Lisboa", "Mentor", True)
    assert volunteer["description"] == "Cause: Education\nTeach children to program on Saturdays."
    courses = titled(document, "Courses")
    assert [(c["title"], c["description"]) for c in courses] == [
        ("Distributed Algorithms", "Course number: CS-442"),
        ("Compilers", None),
    ]


# ---------------------------------------------------------------- files as exports really are


def test_missing_files_leave_their_parts_empty_and_nothing_fails() -> None:
    only_work = zip_of({"Positions.csv": export_files()["Positions.csv"]})
    document, warnings = read(only_work)
    assert document.basics.name == "" and document.title == "Imported CV"
    assert len(section(document, "experience")) == 3 and warnings == []
    only_profile = zip_of({"Profile.csv": export_files()["Profile.csv"]})
    document, _ = read(only_profile)
    assert document.basics.name == NAME and document.to_dict()["sections"] == []


def test_a_byte_order_mark_notes_before_the_header_and_multi_line_cells_are_read() -> None:
    positions = (
        "Notes:\n"
        '"This file holds the positions on your profile, as of the date of the export."\n'
        "\n"
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        'Lumen Health,Staff Engineer,"First line, with a comma\n'
        "• a bullet\n"
        '• and a ""quoted"" one",Lisbon,2022,\n'
    )
    data = with_files(Positions_csv=b"\xef\xbb\xbf" + positions.encode(), Profile_csv=None)
    document, warnings = read(data)
    (job,) = section(document, "experience")
    assert job["organization"] == "Lumen Health" and job["startDate"] == "2022" and job["current"] is True
    assert job["description"] == "First line, with a comma"
    assert job["bullets"] == ["a bullet", 'and a "quoted" one']
    assert not [w for w in warnings if w.path.startswith("Positions.csv")]


def test_an_export_inside_one_folder_is_read_and_the_shallowest_file_wins() -> None:
    files = export_files()
    nested = io.BytesIO()
    with zipfile.ZipFile(nested, "w") as archive:
        for name, text in files.items():
            archive.writestr(f"Basic_LinkedInDataExport_03-01-2026/{name}", text)
        archive.writestr("Basic_LinkedInDataExport_03-01-2026/Jobs/Skills.csv", "Name\nNot my skill\n")
    document, _ = read(nested.getvalue())
    assert document.basics.name == NAME and len(section(document, "experience")) == 3
    assert "Not my skill" not in [s["title"] for s in section(document, "skills")]
    at_the_root = zip_of({**files, "Jobs/Skills.csv": "Name\nNot my skill\n"})
    document, _ = read(at_the_root)
    assert "Not my skill" not in [s["title"] for s in section(document, "skills")]


def test_tabs_in_older_exports_and_text_that_is_not_utf8() -> None:
    emails = "Email Address\tStatus\tPrimary\tDate Added\nold@example.org\tVerified\tYes\t2014-01-02\n"
    positions = "Company Name,Title,Started On\nCafé Lisboa,Barista,2012\n".encode("latin-1")
    document, warnings = read(with_files(Email_Addresses_csv=emails, Positions_csv=positions))
    assert document.basics.email == "old@example.org"
    (job,) = section(document, "experience")
    assert job["organization"].startswith("Caf") and job["title"] == "Barista"  # the rest of the row is intact
    assert "not UTF-8" in warned(warnings, "Positions.csv").message


def test_what_cannot_be_read_is_a_warning_named_by_file_row_and_column() -> None:
    positions = table(
        ("Company Name", "Title", "Started On", "Finished On"),
        ("Lumen Health", "Staff Engineer", "Mar 2021", ""),
        ("Talkdesk", "Engineer", "sometime in spring", "Feb 2021"),
    )
    skills = "Name\nPython,stray cell\n"
    document, warnings = read(with_files(Positions_csv=positions, Skills_csv=skills, Education_csv="garbage\n"))
    bad_date = warned(warnings, "Positions.csv row 3, Started On")
    assert "not a date we can read" in bad_date.message and bad_date.text == "sometime in spring"
    assert [w["startDate"] for w in section(document, "experience")] == ["2021-03", None]  # the row stays
    assert warned(warnings, "Skills.csv row 2").message.endswith("(stray cell)")
    assert "left out" in warned(warnings, "Education.csv").message


def test_a_file_with_only_its_key_column_and_one_we_do_not_know_is_read() -> None:
    courses = table(("Name", "Provider"), ("Compilers", "Coursera"))
    document, warnings = read(with_files(Courses_csv=courses))
    assert [c["title"] for c in titled(document, "Courses")] == ["Compilers"]
    assert warned(warnings, "Courses.csv row 2, Provider").text == "Coursera"


def test_a_cell_past_the_csv_readers_cap_keeps_the_rows_before_it() -> None:
    projects = table(
        ("Title", "Description"),
        ("Rate limiter", "Token buckets."),
        ("Huge", "x" * 200_000),
        ("After", "Lost with the row before it, and said so."),
    )
    document, warnings = read(with_files(Projects_csv=projects))
    assert [p["title"] for p in section(document, "projects")] == ["Rate limiter"]
    assert "rows after it were left out" in warned(warnings, "Projects.csv row 3").message


def test_profile_websites_without_labels_and_a_second_profile_row() -> None:
    profile = table(
        ("First Name", "Last Name", "Websites", "Twitter Handles", "Birth Date"),
        ("Ana", "Lopes", "[PERSONAL:ana.example,BLOG:https://ana.example/blog?x=1]", "@ana, anaworks", "Mar 3"),
        ("Someone", "Else", "", "", ""),
    )
    document, warnings = read(with_files(Profile_csv=profile))
    assert document.basics.name == "Ana Lopes"
    assert [(link.label, link.url) for link in document.basics.links] == [
        (None, "https://ana.example"),
        ("Blog", "https://ana.example/blog?x=1"),
        ("Twitter", "https://twitter.com/ana"),
        ("Twitter", "https://twitter.com/anaworks"),
    ]
    assert warned(warnings, "Profile.csv row 2, Birth Date").text == "Mar 3"
    assert "left out" in warned(warnings, "Profile.csv row 3").message


# ---------------------------------------------------------------- hostile and wrong archives


def test_a_zip_bomb_is_refused_before_it_is_expanded() -> None:
    bomb = zip_of({"Positions.csv": "Company Name,Title\n" + " " * (40 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(FileLimitExceeded) as raised:
        read_linkedin_export(bomb)
    assert raised.value.limit == "zip"


def test_the_cv_files_together_are_capped_too() -> None:
    filler = "Name\n" + "x" * (4 * 1024 * 1024)
    data = zip_of(
        {name: filler for name in ("Skills.csv", "Languages.csv", "Honors.csv", "Courses.csv", "Profile.csv")}
    )
    with pytest.raises(FileLimitExceeded) as raised:
        read_linkedin_export(data)
    assert "16 MB together" in raised.value.message


def _with_declared_size(data: bytes, name: str, size: int) -> bytes:
    """The archive with the central directory's word on `name`'s expanded size replaced (a forged header)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46 : at + 46 + name_length].decode() == name:
            struct.pack_into("<I", out, at + 24, size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_a_forged_size_is_not_trusted() -> None:
    declared_huge = _with_declared_size(linkedin_export_zip(), "messages.csv", 0xFFFFFFF0)
    with pytest.raises(FileLimitExceeded):
        read_linkedin_export(declared_huge)
    declared_small = _with_declared_size(linkedin_export_zip(), "Positions.csv", 10)
    with pytest.raises(UnsupportedFile) as raised:
        read_linkedin_export(declared_small)
    assert raised.value.reason == "damaged"


def test_too_many_entries_are_refused() -> None:
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        archive.writestr("Profile.csv", export_files()["Profile.csv"])
        for n in range(MAX_ENTRIES):
            archive.writestr(f"Rich Media/{n}.txt", "")
    with pytest.raises(FileLimitExceeded) as raised:
        read_linkedin_export(many.getvalue())
    assert raised.value.limit == "zip"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"First Name,Last Name\nAna,Lopes\n", "not_a_zip"),
        (b"PK\x03\x04" + b"\x00" * 64, "damaged"),
        (zip_of({"holiday.jpg": b"\xff\xd8\xff", "notes.txt": "hello"}), "not_a_linkedin_export"),
        (zip_of({"Connections.csv": export_files()["Connections.csv"]}), "not_a_linkedin_export"),
    ],
)
def test_what_is_not_an_export_gets_a_typed_error(data: bytes, reason: str) -> None:
    with pytest.raises(UnsupportedFile) as raised:
        read_linkedin_export(data)
    assert raised.value.reason == reason


def test_an_export_with_nothing_for_a_cv_is_not_a_cv() -> None:
    export = read_linkedin_export(zip_of({"Skills.csv": "Name\n", "Profile.csv": table(("First Name",))}))
    with pytest.raises(InvalidInput):
        read_json_resume(export.resume)


def test_an_export_is_told_from_a_word_file_by_its_entries() -> None:
    assert looks_like_linkedin_export(linkedin_export_zip())
    assert not looks_like_linkedin_export(styled_docx())
    assert not looks_like_linkedin_export(b"%PDF-1.7")
    assert upload_kind(linkedin_export_zip()) == "linkedin_export"
    assert upload_kind(styled_docx()) == "document"
    assert upload_kind(b'\xef\xbb\xbf{"basics": {}}') == "json_resume"


# ---------------------------------------------------------------- the command line


def test_cvmaker_import_and_render_read_an_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Basic_LinkedInDataExport_03-01-2026.zip"
    path.write_bytes(linkedin_export_zip())
    assert main(["import", str(path), "--warnings"]) == 0
    captured = capsys.readouterr()
    resume = json.loads(captured.out)
    assert resume["basics"]["name"] == NAME
    assert resume["work"][0]["name"] == "Lumen Health" and "endDate" not in resume["work"][0]
    assert "warning: Certifications.csv row 2, License Number" in captured.err
    out = tmp_path / "cv.pdf"
    assert main(["render", str(path), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_command_line_refuses_a_bad_archive_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(zip_of({"holiday.jpg": b"\xff\xd8\xff"}))
    assert main(["import", str(path)]) == 1
    assert "not a LinkedIn data export" in capsys.readouterr().err
    assert main(["render", str(path), "--out", str(tmp_path / "cv.pdf")]) == 1
    captured = capsys.readouterr()
    assert "not a LinkedIn data export" in captured.err and "Traceback" not in captured.err
    assert not (tmp_path / "cv.pdf").exists()
