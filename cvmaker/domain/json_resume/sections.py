"""The section tables: one per JSON Resume array, naming our section kind and the codec of every field."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from cvmaker.domain.cv.editing import ITEM_DEFAULTS
from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.json_resume.codecs import (
    Codec,
    Date,
    Entry,
    Fields,
    Joined,
    Labelled,
    Period,
    Sources,
    Text,
    TextList,
    Url,
    hash_of,
)

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
VENDOR_KEY = "cvmaker"
VENDOR_VERSION = 1
GRADE_LABEL = "Grade: "


@dataclass(frozen=True)
class JsonResumeSection:
    key: str
    kind: SectionKind
    title: str
    fields: tuple[Codec, ...]

    @property
    def cv_fields(self) -> frozenset[str]:
        return frozenset(name for codec in self.fields for name in codec.cv_fields)

    def read(self, entry: Entry) -> tuple[Fields, Sources]:
        item: Fields = copy.deepcopy(ITEM_DEFAULTS)
        sources: Sources = {}
        for codec in self.fields:
            codec.read(entry, item, sources)
        return item, sources

    def write(self, item: Fields) -> Entry:
        entry: Entry = {}
        for codec in self.fields:
            codec.write(item, entry)
        return entry

    @property
    def jr_fields(self) -> frozenset[str]:
        return frozenset(name for codec in self.fields for name in codec.jr_fields)

    def fingerprint(self, entry: Entry) -> str:
        """Equal for entries that read into the same item, however another tool formatted them."""
        return hash_of(self.write(self.read(entry)[0]))


# A job and a volunteer role end alike: JSON Resume gives both the same address, dates, summary and highlights.
_ROLE_FIELDS: tuple[Codec, ...] = (
    Url(aliases=("website",)),
    Period(open_is_current=True),
    Text("summary", "description"),
    TextList("highlights", "bullets"),
)

SECTIONS: tuple[JsonResumeSection, ...] = (
    JsonResumeSection(
        "work",
        SectionKind.EXPERIENCE,
        "Experience",
        (
            Text("name", "organization", aliases=("company",)),
            Text("position", "title"),
            Text("location", "location"),
            *_ROLE_FIELDS,
        ),
    ),
    JsonResumeSection(
        "volunteer",
        SectionKind.VOLUNTEER,
        "Volunteering",
        (
            Text("organization", "organization"),
            Text("position", "title"),
            *_ROLE_FIELDS,
        ),
    ),
    JsonResumeSection(
        "education",
        SectionKind.EDUCATION,
        "Education",
        (
            Text("institution", "organization"),
            Joined(("studyType", "area"), "title"),
            Url(),
            Period(open_is_current=False),
            Labelled("score", "description", GRADE_LABEL, aliases=("gpa",)),
            TextList("courses", "bullets"),
        ),
    ),
    JsonResumeSection(
        "awards",
        SectionKind.AWARDS,
        "Awards",
        (
            Text("title", "title"),
            Text("awarder", "organization"),
            Date("date", "startDate"),
            Text("summary", "description"),
        ),
    ),
    JsonResumeSection(
        "certificates",
        SectionKind.CERTIFICATIONS,
        "Certifications",
        (
            Text("name", "title"),
            Text("issuer", "organization"),
            Date("date", "startDate"),
            Url(),
        ),
    ),
    JsonResumeSection(
        "publications",
        SectionKind.PUBLICATIONS,
        "Publications",
        (
            Text("name", "title"),
            Text("publisher", "organization"),
            Date("releaseDate", "startDate"),
            Url(aliases=("website",)),
            Text("summary", "description"),
        ),
    ),
    JsonResumeSection(
        "skills",
        SectionKind.SKILLS,
        "Skills",
        (
            Text("name", "title"),
            Text("level", "description"),
            TextList("keywords", "keywords"),
        ),
    ),
    JsonResumeSection(
        "languages",
        SectionKind.LANGUAGES,
        "Languages",
        (
            Text("language", "title"),
            Text("fluency", "description"),
        ),
    ),
    JsonResumeSection(
        "interests",
        SectionKind.CUSTOM,
        "Interests",
        (
            Text("name", "title"),
            TextList("keywords", "keywords"),
        ),
    ),
    JsonResumeSection(
        "references",
        SectionKind.CUSTOM,
        "References",
        (
            Text("name", "title"),
            Text("reference", "description"),
        ),
    ),
    JsonResumeSection(
        "projects",
        SectionKind.PROJECTS,
        "Projects",
        (
            Text("name", "title"),
            Text("entity", "organization"),
            Text("description", "description"),
            Period(open_is_current=True),
            Url(),
            TextList("highlights", "bullets"),
            TextList("keywords", "keywords"),
        ),
    ),
)
SECTIONS_BY_KEY = {table.key: table for table in SECTIONS}
SECTION_FOR_KIND = {table.kind: table for table in SECTIONS if table.kind is not SectionKind.CUSTOM}
# A custom section has a JSON Resume home only when its title says which.
SECTION_FOR_CUSTOM_TITLE = {
    title: SECTIONS_BY_KEY[key]
    for key, titles in {
        "interests": (
            "interests",
            "hobbies",
            "hobbies and interests",
            "interests and hobbies",
            "hobbies & interests",
            "interests & hobbies",
        ),
        "references": ("references", "referees"),
    }.items()
    for title in titles
}


def custom_table(key: str, title: str) -> JsonResumeSection:
    """The table of an array JSON Resume does not define: a custom section of generic entries."""
    return JsonResumeSection(
        key,
        SectionKind.CUSTOM,
        title[:100] or "Other",
        (
            Text("name", "title"),
            Text("organization", "organization"),
            Text("location", "location"),
            Period(open_is_current=False),
            Text("summary", "description"),
            Url(),
            TextList("highlights", "bullets"),
            TextList("keywords", "keywords"),
        ),
    )
