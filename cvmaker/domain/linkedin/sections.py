"""Which export file fills which JSON Resume array, column by column.

Each table row becomes one entry; a column either fills a JSON Resume field, or is LinkedIn's bookkeeping
(`ignored`), or has no place in a CV: then it is left out with a warning that carries its words, so nothing a
person wrote is lost without saying so. A custom section (`keep_rest`) has room for everything: its other
columns become labelled lines of the entry's text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    jr: str  # the JSON Resume field it fills
    names: tuple[str, ...]  # the column's names in exports, the first as the warnings name it
    label: str = ""  # written before the value: "Cause: Education"
    bullets: str = ""  # the JSON Resume list that lines written as bullets go to ("highlights")


@dataclass(frozen=True)
class FileSpec:
    file: str  # "Positions.csv"
    key: str  # the JSON Resume array: "work"
    columns: tuple[Column, ...]
    ignored: tuple[str, ...] = ()
    keep_rest: bool = False

    @property
    def expected(self) -> tuple[str, ...]:
        return tuple(name for column in self.columns for name in column.names)

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The names of the column every file of this kind has: its first."""
        return self.columns[0].names


def _c(jr: str, *names: str, label: str = "", bullets: str = "") -> Column:
    return Column(jr, names, label, bullets)


# JSON Resume fields that are lists: a value is added as lines.
LIST_FIELDS = frozenset({"highlights", "courses", "keywords"})

SECTION_FILES: tuple[FileSpec, ...] = (
    FileSpec(
        "Positions.csv",
        "work",
        (
            _c("name", "Company Name", "Company"),
            _c("position", "Title"),
            _c("location", "Location"),
            _c("startDate", "Started On", "Start Date"),
            _c("endDate", "Finished On", "End Date"),
            _c("summary", "Description", bullets="highlights"),
        ),
    ),
    FileSpec(
        "Education.csv",
        "education",
        (
            _c("institution", "School Name", "School"),
            _c("studyType", "Degree Name", "Degree"),
            _c("area", "Field Of Study", "Field of Study"),
            _c("startDate", "Start Date", "Started On"),
            _c("endDate", "End Date", "Finished On"),
            _c("courses", "Notes"),
            _c("courses", "Activities", label="Activities and societies"),
        ),
    ),
    FileSpec("Skills.csv", "skills", (_c("name", "Name", "Skill"),)),
    FileSpec("Languages.csv", "languages", (_c("language", "Name", "Language"), _c("fluency", "Proficiency"))),
    FileSpec(
        "Certifications.csv",
        "certificates",
        (
            _c("name", "Name"),
            _c("issuer", "Authority"),
            _c("url", "Url"),
            _c("date", "Started On"),
        ),
    ),
    FileSpec(
        "Projects.csv",
        "projects",
        (
            _c("name", "Title"),
            _c("description", "Description", bullets="highlights"),
            _c("url", "Url"),
            _c("startDate", "Started On"),
            _c("endDate", "Finished On"),
        ),
    ),
    FileSpec(
        "Honors.csv",
        "awards",
        (
            _c("title", "Title"),
            _c("awarder", "Issuer"),
            _c("date", "Issued On"),
            _c("summary", "Description"),
        ),
    ),
    FileSpec(
        "Publications.csv",
        "publications",
        (
            _c("name", "Name", "Title"),
            _c("publisher", "Publisher"),
            _c("releaseDate", "Published On"),
            _c("url", "Url"),
            _c("summary", "Description"),
        ),
    ),
    FileSpec(
        "Volunteering.csv",
        "volunteer",
        (
            _c("organization", "Company Name", "Organization"),
            _c("position", "Role"),
            _c("startDate", "Started On"),
            _c("endDate", "Finished On"),
            _c("summary", "Cause", label="Cause"),
            _c("summary", "Description", bullets="highlights"),
        ),
    ),
    FileSpec("Courses.csv", "courses", (_c("name", "Name"), _c("summary", "Number", label="Course number"))),
    FileSpec(
        "Patents.csv",
        "patents",
        (_c("name", "Title"), _c("summary", "Description"), _c("url", "Url"), _c("startDate", "Issued On")),
        keep_rest=True,
    ),
    FileSpec(
        "Test Scores.csv",
        "testScores",
        (_c("name", "Name"), _c("summary", "Score", label="Score"), _c("startDate", "Date")),
        keep_rest=True,
    ),
    FileSpec(
        "Organizations.csv",
        "organizations",
        (
            _c("name", "Name"),
            _c("summary", "Position", label="Position"),
            _c("startDate", "Started On"),
            _c("endDate", "Finished On"),
            _c("summary", "Description"),
        ),
        keep_rest=True,
    ),
)

PROFILE = "Profile.csv"
PROFILE_COLUMNS = (
    "First Name",
    "Last Name",
    "Maiden Name",
    "Address",
    "Birth Date",
    "Headline",
    "Summary",
    "Industry",
    "Zip Code",
    "Geo Location",
    "Twitter Handles",
    "Websites",
    "Instant Messengers",
)
EMAILS = "Email Addresses.csv"
EMAIL_COLUMNS = ("Email Address", "Confirmed", "Primary", "Updated On")
PHONES = "PhoneNumbers.csv"
PHONE_COLUMNS = ("Extension", "Number", "Type")

# Every file a CV is made from; an archive with none of them is not a LinkedIn data export.
CV_FILES = (PROFILE, EMAILS, PHONES, *(spec.file for spec in SECTION_FILES))
