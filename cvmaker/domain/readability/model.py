"""What a readability check finds: one reading per field (read as written, mangled or lost), the score and the
advice. Plain data, so every layer above can show it without knowing how it was worked out."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FieldStatus(str, enum.Enum):
    READ = "READ"  # equal to what was written, after normalising whitespace, case, punctuation and dashes
    MANGLED = "MANGLED"  # found, but different from what was written
    LOST = "LOST"  # not found at all


class FieldGroup(str, enum.Enum):
    """What a field is, for the score's weights (`scoring`) and the advice (`advice`)."""

    NAME = "name"
    CONTACT = "contact"
    HEADLINE = "headline"
    HEADINGS = "headings"
    ENTRIES = "entries"  # each entry's title, organisation and dates
    TEXT = "text"  # the summary and each entry's description and bullets
    SKILLS = "skills"
    ORDER = "order"  # the order the sections were read in


@dataclass(frozen=True, slots=True)
class FieldReading:
    path: str  # where the field is in the CV document ("basics.email", "sections.0.items.1.startDate")
    label: str  # what a person calls it ("Email", "Experience › Data Analyst: start date")
    group: FieldGroup
    status: FieldStatus
    expected: str  # what was written
    read: str | None  # what the parser read (None: nothing)
    credit: float  # 1 read, 0 lost, in between for a mangled field (how much of it survived)


@dataclass(frozen=True, slots=True)
class ReadabilityReport:
    score: int  # 0-100
    format: str  # "PDF" or "DOCX"
    template: str
    fields: tuple[FieldReading, ...]
    advice: tuple[str, ...]
    summary: str
