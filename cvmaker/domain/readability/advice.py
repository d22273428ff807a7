"""Advice from the pattern of failures: one concrete sentence per kind of problem, most costly first, each saying
what was read and what to change. Nothing lost or mangled gets one sentence saying so."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cvmaker.domain.cv.model import DEFAULT_SECTION_TITLES, CvDocument
from cvmaker.domain.readability.comparing import missing_skills, written_skills
from cvmaker.domain.readability.model import FieldGroup, FieldReading, FieldStatus
from cvmaker.domain.readability.normalising import text_key

EXAMPLES = 3
_SECTION_PATH = re.compile(r"^sections\.(\d+)\.title$")


def advise(readings: Sequence[FieldReading], written: CvDocument, read: CvDocument) -> list[str]:
    advice = [
        *_name(readings),
        *_contact(readings),
        *_headings(readings, written),
        *_order(readings),
        *_entries(readings),
        *_dates(readings),
        *_text(readings),
        *_skills(readings, written, read),
    ]
    if not advice and all(r.status is FieldStatus.READ for r in readings):
        advice.append("Every field was read as written: a parser reads this file the way you wrote it.")
    return advice


def _quoted(value: str | None) -> str:
    return f"“{value}”" if value else "nothing"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _name(readings: Sequence[FieldReading]) -> list[str]:
    name = next((r for r in readings if r.group is FieldGroup.NAME), None)
    if name is None or name.status is FieldStatus.READ:
        return []
    if name.status is FieldStatus.LOST:
        return [
            (
                "The name was not read: put it alone on the first line of the page, as text (not in an image or the "
                "page header)."
            )
        ]
    return [
        (
            f"The name was read as {_quoted(name.read)} instead of {_quoted(name.expected)}: a parser took another "
            "line for the name or lost some of its letters; the DOCX export holds the name exactly as written."
        )
    ]


def _contact(readings: Sequence[FieldReading]) -> list[str]:
    contact = [r for r in readings if r.group is FieldGroup.CONTACT]
    lost = [r for r in contact if r.status is FieldStatus.LOST]
    if contact and len(lost) == len(contact):
        return [
            (
                "The contact line was not read: a parser found none of your "
                f"{', '.join(r.label.split(':')[0].lower() for r in contact)}. Keep them as plain text at the top of "
                "the page, not in an image, the page header or a text box."
            )
        ]
    advice = []
    if lost:
        names = ", ".join(r.label for r in lost)
        links = any(r.path.startswith("basics.links.") for r in lost)
        advice.append(
            f"Not read from your contact details: {names}. Write each one out in full as plain text on the contact "
            "line" + (" (a link as its address, such as “linkedin.com/in/jane”, not an icon alone)." if links else ".")
        )
    for reading in contact:
        if reading.status is FieldStatus.MANGLED:
            advice.append(
                f"{reading.label} was read as {_quoted(reading.read)} instead of {_quoted(reading.expected)}: "
                "keep it on its own or separated from the next item by a clear separator (“ | ” or a line break)."
            )
    return advice


def _headings(readings: Sequence[FieldReading], written: CvDocument) -> list[str]:
    advice = []
    for reading in readings:
        match = _SECTION_PATH.match(reading.path)
        if reading.group is not FieldGroup.HEADINGS or match is None or reading.status is FieldStatus.READ:
            continue
        common = DEFAULT_SECTION_TITLES[written.sections[int(match.group(1))].kind]
        if reading.status is FieldStatus.MANGLED:
            advice.append(
                f"Section heading {_quoted(reading.expected)} was read as {_quoted(reading.read)}: a parser files "
                "the section under the heading it reads."
            )
        elif text_key(common) == text_key(reading.expected):
            advice.append(
                f"Section heading {_quoted(reading.expected)} was not found: give each heading a line of its own, "
                "as text, so its entries are not read as part of the section above."
            )
        else:
            advice.append(
                f"Section heading {_quoted(reading.expected)} was not recognised: use a common heading such as "
                f"{_quoted(common)}, or its entries are read as part of the section above."
            )
    return advice


def _order(readings: Sequence[FieldReading]) -> list[str]:
    order = next((r for r in readings if r.group is FieldGroup.ORDER), None)
    if order is None or order.status is FieldStatus.READ or not order.read:
        return []
    written, read = order.expected.split(", "), order.read.split(", ")
    early = [title for position, title in enumerate(read) if written.index(title) > position]
    first = next((title for title in written if title not in early), written[0])
    moved = ", ".join(_quoted(t) for t in early)
    return [
        (
            f"Sections were read out of order: {moved} before {_quoted(first)} (read as {order.read}). A two-column "
            "layout does this: a parser reads one column, then the other; a single-column template reads in order."
        )
    ]


def _entries(readings: Sequence[FieldReading]) -> list[str]:
    entries = [r for r in readings if r.group is FieldGroup.ENTRIES and not r.path.endswith("Date")]
    by_entry: dict[str, dict[str, FieldReading]] = {}
    for reading in entries:
        entry, _, part = reading.path.rpartition(".")
        by_entry.setdefault(entry, {})[part] = reading
    swapped = [
        fields["title"].expected
        for fields in by_entry.values()
        if "title" in fields
        and "organization" in fields
        and text_key(fields["title"].read) == text_key(fields["organization"].expected)
        and text_key(fields["organization"].read) == text_key(fields["title"].expected)
    ]
    advice = []
    if swapped:
        advice.append(
            f"The title and the organisation were read the other way round in {_plural(len(swapped), 'entry', 'entries')} "
            f"(such as {_quoted(swapped[0])}): write the job title and the employer in the same order in every "
            "entry, on one line or on two lines that each hold one."
        )
    # A title line that wrapped, or whose dates went to a line of their own, is read as the description's text.
    texts = {r.path.rpartition(".")[0]: text_key(r.read) for r in readings if r.group is FieldGroup.TEXT}
    buried = list(
        dict.fromkeys(
            r.label.rpartition(":")[0]
            for r in entries
            if r.status is FieldStatus.LOST and text_key(r.expected) in texts.get(r.path.rpartition(".")[0], "")
        )
    )
    if buried:
        shown = ", ".join(_quoted(entry.rpartition(" › ")[2]) for entry in buried[:EXAMPLES])
        advice.append(
            f"In {_plural(len(buried), 'entry', 'entries')} the title line was read as part of the description "
            f"({shown}): a parser did not take it for a title. Keep the title line to one line with the dates "
            "beside it (a long organisation name can be shortened to its usual short form)."
        )
    lost = list(
        dict.fromkeys(
            r.label.rpartition(":")[0]
            for r in entries
            if r.status is FieldStatus.LOST and r.label.rpartition(":")[0] not in buried
        )
    )
    if lost:
        shown = ", ".join(_quoted(entry.rpartition(" › ")[2]) for entry in lost[:EXAMPLES])
        advice.append(
            f"{_plural(len(lost), 'entry', 'entries')} lost {'its' if len(lost) == 1 else 'their'} title or "
            f"organisation ({shown}): keep each entry's title and organisation as text at the start of the entry."
        )
    mangled = [r for r in entries if r.status is FieldStatus.MANGLED and not any(r.expected == s for s in swapped)]
    mangled = [r for r in mangled if not any(text_key(r.read) == text_key(o.expected) for o in entries)]
    if mangled:
        example = mangled[0]
        advice.append(
            f"{_plural(len(mangled), 'entry field was', 'entry fields were')} read differently, such as "
            f"{_quoted(example.expected)} read as {_quoted(example.read)}: keep the title, the organisation and the "
            "place apart with a clear separator (a comma, “ | ” or a line break)."
        )
    return advice


def _dates(readings: Sequence[FieldReading]) -> list[str]:
    dates = [r for r in readings if r.group is FieldGroup.ENTRIES and r.path.endswith("Date")]
    advice = []
    mangled = [r for r in dates if r.status is FieldStatus.MANGLED]
    if mangled:
        shown = "; ".join(f"{_quoted(r.read)} for {_quoted(r.expected)}" for r in mangled[:EXAMPLES])
        advice.append(
            f"Dates were read as {shown} ({_plural(len(mangled), 'date', 'dates')} in all): write each date as a "
            "month and a year (“Apr 2022”) with one dash between start and end, on the line of the entry's title."
        )
    lost = [r for r in dates if r.status is FieldStatus.LOST]
    if lost:
        advice.append(
            f"{_plural(len(lost), 'date was', 'dates were')} not read: keep each entry's dates as text on the line "
            "of its title or organisation, not in a separate column or a table."
        )
    return advice


def _text(readings: Sequence[FieldReading]) -> list[str]:
    poor = [r for r in readings if r.group is FieldGroup.TEXT and r.status is not FieldStatus.READ]
    if not poor:
        return []
    lost = sum(r.status is FieldStatus.LOST for r in poor)
    return [
        (
            f"{_plural(len(poor), 'description', 'descriptions')} lost words or took in other text ({lost} not read at "
            f"all), such as {_quoted(poor[0].label)}: write bullets as plain sentences, one per line, outside tables and text "
            "boxes."
        )
    ]


def _skills(readings: Sequence[FieldReading], written: CvDocument, read: CvDocument) -> list[str]:
    skills = next((r for r in readings if r.group is FieldGroup.SKILLS), None)
    if skills is None or skills.status is FieldStatus.READ:
        return []
    missing = missing_skills(written, read)
    total = len(written_skills(written))
    if skills.status is FieldStatus.LOST:
        return [
            (
                f"None of your {total} skills was read as a skill: list them as plain text, separated by commas, under "
                "a “Skills” heading."
            )
        ]
    if not missing:
        return [
            (
                f"Every skill was found, but read with others that are not yours or split apart ({skills.read}): put "
                "commas between skills, not only spaces or bullets set in columns."
            )
        ]
    return [
        (
            f"{len(missing)} of {total} skills were not read ({', '.join(_quoted(m) for m in missing[:EXAMPLES])}): "
            "list skills as plain text, separated by commas, under a “Skills” heading."
        )
    ]
