"""CVs without section headings, or whose first entries come before any heading: after the contact lines, the
lines that carry dates are entries. They become sections of their own (education for degrees, experience for the
rest), so such a CV is read instead of being taken for one long header."""

from __future__ import annotations

import re

from cvmaker.domain.cv.model import DEFAULT_SECTION_TITLES, SectionKind
from cvmaker.domain.parsing.contact import EMAIL, URL, phone_in
from cvmaker.domain.parsing.entries import split_entries
from cvmaker.domain.parsing.roles import degree_score, institution_score
from cvmaker.domain.parsing.rows import Row
from cvmaker.domain.parsing.sections import RawSection

_BIRTH = re.compile(
    r"\b(born|birth|dob|né|née|geboren|geburtsdatum|nacid[oa]|nacimiento|nat[oa]|nascid[oa]|naissance)\b",
    re.IGNORECASE,
)
# Two dated lines at least: one date near the name is a birth date or an availability, not a career.
MIN_ENTRIES = 2


def _is_entry_line(row: Row) -> bool:
    """A line with dates and words besides them, that is no contact detail and no labelled personal datum."""
    text = row.line.text
    return (
        bool(row.dates)
        and bool(row.pieces)
        and not EMAIL.search(text)
        and not URL.search(text)
        and phone_in(" ".join(row.pieces)) is None
        and ":" not in text
        and not _BIRTH.search(text)
    )


def split_headingless(sections: list[RawSection]) -> list[RawSection]:
    """`sections` with the dated entries found in the header moved to sections of their own, after it, when no
    heading names an experience or an education section."""
    if any(raw.kind in (SectionKind.EXPERIENCE, SectionKind.EDUCATION) for raw in sections[1:]):
        return sections  # the CV names its sections: dated lines above them belong to its header
    header = sections[0]
    rows = header.rows
    first = next((n for n, row in enumerate(rows) if _is_entry_line(row)), None)
    if first is None or sum(1 for row in rows[first:] if _is_entry_line(row)) < MIN_ENTRIES:
        return sections
    # An entry may start one line above its dates ("Senior Nurse" over "Hospital · 2019 – Present"), when that
    # line is not a contact line and not the paragraph that introduces the CV.
    if first > 1 and _could_head_an_entry(rows[first - 1]):
        first -= 1
    implicit = rows[first:]
    header.rows = rows[:first]
    runs: list[RawSection] = []
    for entry in split_entries(implicit):
        entry_rows = sorted(entry.rows, key=lambda row: row.index)
        kind = _kind_of(entry_rows)
        if runs and runs[-1].kind is kind:
            runs[-1].rows.extend(entry_rows)
        else:
            runs.append(RawSection(None, kind, "", entry_rows, DEFAULT_SECTION_TITLES[kind]))
    return [header, *runs, *sections[1:]]


def _could_head_an_entry(row: Row) -> bool:
    text = row.line.text
    return (
        not row.dates
        and len(text.split()) <= 8
        and not EMAIL.search(text)
        and not URL.search(text)
        and phone_in(text) is None
        and not text.rstrip().endswith(".")
    )


def _kind_of(rows: list[Row]) -> SectionKind:
    header = " ".join(row.line.text for row in rows[:2])
    return (
        SectionKind.EDUCATION if degree_score(header) > 0 and institution_score(header) > 0 else SectionKind.EXPERIENCE
    )
