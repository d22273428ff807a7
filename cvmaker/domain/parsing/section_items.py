"""A section found under a heading -> a section of the model with its items: entries (jobs, degrees, projects),
list items (certificates, awards), skill groups or languages; or the summary."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from cvmaker.domain import limits
from cvmaker.domain.cv.model import DEFAULT_SECTION_TITLES, CvDocument, Item, Section, SectionKind
from cvmaker.domain.ids import new_part_id
from cvmaker.domain.parsing.columns import read_columns_apart
from cvmaker.domain.parsing.dates import DateRange, find_range
from cvmaker.domain.parsing.entries import Entry, split_entries
from cvmaker.domain.parsing.entry_fields import fill_fields
from cvmaker.domain.parsing.headings import CONTACT_HEADINGS, SUMMARY_HEADINGS, joined_kinds
from cvmaker.domain.parsing.list_entries import inherit_employer, one_per_line
from cvmaker.domain.parsing.roles import title_score
from cvmaker.domain.parsing.rows import Row
from cvmaker.domain.parsing.sections import RawSection
from cvmaker.domain.parsing.skills import parse_skills, split_language, split_languages
from cvmaker.domain.parsing.trail import Trail

ENTRY_KINDS = {SectionKind.EXPERIENCE, SectionKind.VOLUNTEER, SectionKind.EDUCATION, SectionKind.PROJECTS}


def read_section(raw: RawSection, document: CvDocument, right_edges: dict[int, float], trail: Trail) -> None:
    """Add the section under `raw`'s heading to `document` (or its text to the summary). `right_edges`: where
    full lines end, per column, to tell a wrapped line from a short one."""
    assert raw.kind is not None
    # No heading row: a section the parser found without a printed heading (`headingless`), titled by its kind.
    heading_text = (raw.title or (raw.heading.line.text if raw.heading else "")).strip()
    if raw.heading is not None:
        trail.placed.add(raw.heading.index)
    if raw.key in CONTACT_HEADINGS:
        return  # read with the header
    if raw.key in SUMMARY_HEADINGS and document.summary is None:
        text = _paragraphs(raw.rows)
        if text:
            document.summary = trail.clip(text, limits.MAX_SUMMARY)
            for row in raw.rows:
                trail.placed.add(row.index)
            if raw.rows:
                trail.sources["summary"] = trail.where(raw.rows[0].index)
        return
    if len(document.sections) >= limits.MAX_SECTIONS:
        trail.warn("Too many sections: this one was left out", heading_text)
        return
    if raw.kind in (SectionKind.CUSTOM, SectionKind.LANGUAGES) and _labelled_lists(raw, document, right_edges, trail):
        return
    title = trail.clip(_tidy_heading(heading_text), limits.MAX_SHORT_TEXT)
    if title and re.fullmatch(r"(?:\w ){2,}\w", title) and raw.kind is not SectionKind.CUSTOM:
        title = DEFAULT_SECTION_TITLES[raw.kind]  # "S K I L L S": its word breaks are lost; the kind's name
    section = Section(id=new_part_id(), kind=raw.kind, title=title or DEFAULT_SECTION_TITLES[raw.kind])
    path = f"sections.{len(document.sections)}"
    if raw.heading is not None:
        trail.sources[f"{path}.title"] = trail.where(raw.heading.index)
    column_edge = right_edges.get(raw.rows[0].line.column) if raw.rows else None
    if raw.kind is SectionKind.SKILLS:
        _skills(section, read_columns_apart(raw.rows, column_edge), path, trail)
    elif raw.kind is SectionKind.LANGUAGES:
        _languages(section, read_columns_apart(raw.rows, column_edge), path, trail)
    else:
        roles = _entries(section, raw, path, right_edges, trail)
        if roles is not None and roles.items:
            if section.items:
                document.sections.append(section)
            section = roles
        if section.kind is SectionKind.EXPERIENCE and lists_courses(raw.key, section.items):
            section.kind = SectionKind.CUSTOM  # the courses taught, each with its school: not jobs
        elif section.kind is SectionKind.EXPERIENCE and lists_papers(raw.rows, section.items):
            section.kind = SectionKind.PUBLICATIONS  # "Research": papers in progress and published, not jobs
    if section.items:
        document.sections.append(section)
    elif raw.rows:
        for row in raw.rows:
            if row.index not in trail.placed:
                trail.warn(f'Could not be placed in section "{heading_text}"', row.line.text)
                trail.placed.add(row.index)


# "Programming: Python, Stata, R" or "Languages: Spanish (native)" under "Additional information" or "Other".
_LABELLED = {
    SectionKind.SKILLS: re.compile(
        r"^\s*(?:programming(?: languages)?|software|computer(?: skills)?|tools|technical(?: skills)?|it(?: skills)?|"
        r"skills|technologies|frameworks|languages de programmation|logiciels|informatique|edv|it-kenntnisse|"
        r"software-kenntnisse|kenntnisse|programação|programación|herramientas|ferramentas|informática)\s*:\s*\S",
        re.IGNORECASE,
    ),
    SectionKind.LANGUAGES: re.compile(
        r"^\s*(?:languages?|langues|sprachen|sprachkenntnisse|idiomas|lingue|talen)\s*:\s*\S", re.IGNORECASE
    ),
}


def _labelled_lists(raw: RawSection, document: CvDocument, right_edges: dict[int, float], trail: Trail) -> bool:
    """A section of odds and ends (or of languages) holding labelled lists of skills or languages ("Programming:
    Python, Stata"): the lists are read as a skills and a languages section, the rest as the section it is.
    False when there is no such line."""
    moved = {
        kind: [row for row in raw.rows if pattern.match(row.text)]
        for kind, pattern in _LABELLED.items()
        if kind is not raw.kind
    }
    if not any(moved.values()):
        return False
    taken = {row.index for rows in moved.values() for row in rows}
    read_section(replace(raw, rows=[row for row in raw.rows if row.index not in taken]), document, right_edges, trail)
    for kind, rows in moved.items():
        if rows:
            read_section(
                RawSection(heading=None, kind=kind, key=kind.value.lower(), rows=rows), document, right_edges, trail
            )
    return True


def _skills(section: Section, rows: list[Row], path: str, trail: Trail) -> None:
    for group in parse_skills(rows):
        if len(section.items) >= limits.MAX_ITEMS_PER_SECTION:
            break
        keywords = [k for k in (trail.clip(k, limits.MAX_KEYWORD) for k in group.items) if k]
        for extra in keywords[limits.MAX_KEYWORDS :]:
            trail.warn("Too many skills in one group: left out", extra)
        keywords = keywords[: limits.MAX_KEYWORDS]
        item = Item(id=new_part_id(), title=trail.clip(group.category, limits.MAX_SHORT_TEXT), keywords=keywords)
        item_path = f"{path}.items.{len(section.items)}"
        section.items.append(item)
        trail.source(f"{item_path}.keywords", group.line_index)
    for row in rows:
        trail.placed.add(row.index)


def _languages(section: Section, rows: list[Row], path: str, trail: Trail) -> None:
    for text, index in _language_lines(rows, trail):
        for part in split_languages(text):
            name, level = split_language(part)
            if not name:
                continue
            item_path = f"{path}.items.{len(section.items)}"
            section.items.append(
                Item(id=new_part_id(), title=trail.clip(name, limits.MAX_SHORT_TEXT), description=level)
            )
            trail.source(f"{item_path}.title", index, part)


def _language_lines(rows: list[Row], trail: Trail) -> list[tuple[str, int]]:
    """The section's lines as (text, line index), one a language (maybe several in a list), a wrapped or
    split-off level joined back to its language."""
    joined: list[tuple[str, int]] = []
    if _names_in_bold_over_levels(rows):
        # "English" in bold, "Native" below it (maybe wrapped): each name with the lines under it.
        for row in rows:
            if row.line.bold or not joined:
                joined.append((row.text.strip(), row.index))
            else:
                name, index = joined[-1]
                joined[-1] = (
                    f"{name}: {row.text.strip()}" if ":" not in name else f"{name} {row.text.strip()}",
                    index,
                )
                trail.placed.add(row.index)
        rows = []
    for row in rows:
        text = row.text.strip()
        spans = [s.text.strip() for s in row.line.spans]
        if len(spans) == 2 and "," not in text and len(spans[0].split()) <= 3:
            text = f"{spans[0]}: {spans[1]}"  # "English ‖ Native" in two columns
        if joined and joined[-1][0].count("(") > joined[-1][0].count(")"):
            joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])  # "English (Native or" + "Bilingual)"
            trail.placed.add(row.index)
        else:
            joined.append((text, row.index))
    return joined


def _entries(
    section: Section, raw: RawSection, path: str, right_edges: dict[int, float], trail: Trail
) -> Section | None:
    """Fill the section with its entries. Under a heading that joins a list and roles ("Awards and Volunteer
    Work"), the entries that read as roles go to a section of their own, which is returned."""
    rows = raw.rows
    if not rows:
        return None
    right_edge = right_edges.get(rows[0].line.column, max(row.line.x1 for row in rows))
    previous: Entry | None = None
    role_kind = _role_kind_beside(raw)
    role_entries: list[Entry] = []
    for entry in one_per_line(split_entries(rows, right_edge), raw.kind):
        if role_kind is not None and _reads_as_role(entry, role_kind, right_edge):
            fill_fields(entry, role_kind, right_edge)
            for row in entry.rows:
                trail.placed.add(row.index)
            role_entries.append(entry)
            continue
        fill_fields(entry, raw.kind or SectionKind.CUSTOM, right_edge)
        if raw.kind in (SectionKind.EXPERIENCE, SectionKind.VOLUNTEER) and previous is not None:
            inherit_employer(entry, previous)
        previous = entry
        for message, text in entry.notes:
            trail.warn(message, text)
        for row in entry.rows:
            trail.placed.add(row.index)
        has_header = entry.title or entry.organization
        if not has_header and entry.bullets and raw.kind not in ENTRY_KINDS:
            # A list: each bullet is an item ("• AWS Certified ... (2021)").
            for bullet, row in zip(entry.bullets, [r for r in entry.body if r.bullet], strict=False):
                _list_item(section, path, bullet, row.index, trail)
            if entry.description:
                _add_item(section, path, Entry(description=entry.description, sources=entry.sources), trail)
            continue
        _add_item(section, path, entry, trail)
    if role_kind is None or not role_entries:
        return None
    # The roles' section comes right after the list's (or stands in its place when the list is empty).
    at = int(path.rsplit(".", 1)[1]) + (1 if section.items else 0)
    roles = Section(id=new_part_id(), kind=role_kind, title=section.title)
    if raw.heading is not None:
        trail.sources[f"sections.{at}.title"] = trail.where(raw.heading.index)
    for entry in role_entries:
        _add_item(roles, f"sections.{at}", entry, trail)
    return roles


_ROLE_KINDS = (SectionKind.EXPERIENCE, SectionKind.VOLUNTEER)


def _role_kind_beside(raw: RawSection) -> SectionKind | None:
    """The role kind ("Volunteer Work") a list heading ("Awards") is joined with, when the section is the list."""
    kinds = joined_kinds(raw.title or raw.key) if raw.heading is not None else None
    if kinds is None or raw.kind in _ROLE_KINDS or raw.kind is None:
        return None
    return next((kind for kind in kinds if kind in _ROLE_KINDS), None)


def _reads_as_role(entry: Entry, kind: SectionKind, right_edge: float) -> bool:
    """Whether an entry, read as a role, has one: a title and where it was held, over a span of time or with a
    role word in its title ("2016 – 2020 | Board member at N.S.R.V. Phocas"), not an award's one date."""
    trial = copy.deepcopy(entry)
    fill_fields(trial, kind, right_edge)
    if not trial.title or not trial.organization:
        return False
    spans_time = trial.date_range is not None and trial.date_range.start is not None
    return spans_time or title_score(trial.title) >= ROLE_SCORE


_TEACHING = re.compile(r"\b(teaching|enseignement|lehre|lehrtätigkeit|docencia|docência|insegnamento)\b")
# A role's title scores at least this much ("Instructor", "Teaching Assistant"); a course's name scores less
# ("Graduate Labor Economics" holds one title word).
ROLE_SCORE = 2.0


def lists_courses(key: str, items: list[Item]) -> bool:
    """A teaching section whose entries are mostly courses ("Intermediate Microeconomics, ITAM"), not roles."""
    if not _TEACHING.search(key) or not items:
        return False
    courses = sum(
        1 for item in items if max(title_score(item.title or ""), title_score(item.organization or "")) < ROLE_SCORE
    )
    return courses * 5 >= len(items) * 3


# A paper as a CV cites it: a title in quotes, a numbered reference, or "Authors (2025)." before its title.
_CITATION = re.compile(r"[“\"][^”\"]{12,}[”\"]|^\s*\[?\d{1,3}[.\]]\s|\(\d{4}[a-z]?\)[.,]")


def lists_papers(rows: list[Row], items: list[Item]) -> bool:
    """A section whose lines cite papers ("1. “The benefits and costs of ...” Job Market Paper") and whose
    entries name no role: a list of research, filed under a heading such as "Research"."""
    if not items:
        return False
    cited = sum(1 for row in rows if _CITATION.search(row.line.text))
    roles = sum(
        1 for item in items if max(title_score(item.title or ""), title_score(item.organization or "")) >= ROLE_SCORE
    )
    return cited >= 2 and cited * 2 >= len(items) and roles * 4 < len(items)


def _list_item(section: Section, path: str, text: str, index: int, trail: Trail) -> None:
    item = Item(id=new_part_id(), title=trail.clip(text, limits.MAX_SHORT_TEXT))
    found = find_range(text)
    if found is not None and found[2] >= len(text.rstrip(" )")) - 1:
        date, start, _ = found
        item.title = trail.clip(text[:start].rstrip(" ,;(–—-") or text, limits.MAX_SHORT_TEXT)
        _apply_dates(item, date)
    if len(text) > limits.MAX_SHORT_TEXT:
        item.title, item.description = None, trail.clip(text, limits.MAX_DESCRIPTION)
    item_path = f"{path}.items.{len(section.items)}"
    section.items.append(item)
    trail.source(f"{item_path}.title", index)


def _add_item(section: Section, path: str, entry: Entry, trail: Trail) -> None:
    if len(section.items) >= limits.MAX_ITEMS_PER_SECTION:
        trail.warn("Too many entries in one section: this one was left out", entry.title or "")
        return
    item = Item(
        id=new_part_id(),
        title=trail.clip(entry.title, limits.MAX_SHORT_TEXT),
        organization=trail.clip(entry.organization, limits.MAX_SHORT_TEXT),
        location=trail.clip(entry.location, limits.MAX_SHORT_TEXT),
        bullets=[trail.clip(b, limits.MAX_BULLET) or "" for b in entry.bullets[: limits.MAX_BULLETS]],
        description=trail.clip("\n".join(entry.description), limits.MAX_DESCRIPTION) or None,
        keywords=[trail.clip(k, limits.MAX_KEYWORD) or "" for k in entry.keywords[: limits.MAX_KEYWORDS]],
        url=entry.url if entry.url and len(entry.url) <= limits.MAX_URL else None,
    )
    if len(entry.bullets) > limits.MAX_BULLETS:
        extra = "\n".join(entry.bullets[limits.MAX_BULLETS :])
        item.description = trail.clip(f"{item.description or ''}\n{extra}".strip(), limits.MAX_DESCRIPTION)
    if entry.date_range is not None:
        _apply_dates(item, entry.date_range)
    if not any((item.title, item.organization, item.bullets, item.description, item.start_date, item.end_date)):
        return
    item_path = f"{path}.items.{len(section.items)}"
    section.items.append(item)
    for field_name in ("title", "organization", "location"):
        if field_name in entry.sources and getattr(item, field_name):
            trail.source(f"{item_path}.{field_name}", entry.sources[field_name], getattr(item, field_name))
    if "dates" in entry.sources and entry.date_range is not None:
        for field_name, value in (("startDate", item.start_date), ("endDate", item.end_date)):
            if value:
                trail.source(f"{item_path}.{field_name}", entry.sources["dates"], entry.date_range.printed)
        if item.current:
            trail.source(f"{item_path}.current", entry.sources["dates"], entry.date_range.printed)
    if entry.body:
        trail.sources[f"{item_path}.bullets"] = trail.where(entry.body[0].index)


def _names_in_bold_over_levels(rows: list[Row]) -> bool:
    """Languages listed as a name in bold and its level in plain type on the line(s) below."""
    bold = [row for row in rows if row.line.bold]
    return (
        len(bold) >= 2
        and bool(rows)
        and rows[0].line.bold
        and len(rows) > len(bold)
        and all(len(row.text.split()) <= 3 and "," not in row.text for row in bold)
    )


def _tidy_heading(text: str) -> str:
    """ "Experience:" -> "Experience"; "ExpEriEncE" (small capitals read back oddly) -> "Experience"."""
    text = re.sub(r"^\d{1,2}[.)]\s+", "", text.strip()).rstrip(":").strip()  # "2. Experience:" -> "Experience"
    if any(re.search(r"[a-z][A-Z]", word) for word in text.split()):
        return text.title()
    return text


def _apply_dates(item: Item, date: DateRange) -> None:
    item.start_date, item.end_date, item.current = date.start, date.end, date.current
    if item.current:
        item.end_date = None
    if item.start_date and item.end_date and item.start_date > item.end_date:
        item.start_date, item.end_date = item.end_date, item.start_date


def _paragraphs(rows: list[Row]) -> str:
    """Lines -> paragraphs: a line joins the one before unless that ended a sentence or this one is a bullet."""
    parts: list[str] = []
    for row in rows:
        text = row.line.text.strip()
        if not text:
            continue
        if parts and not row.bullet and not parts[-1].endswith((".", ":", "!", "?")):
            parts[-1] = f"{parts[-1][:-1]}{text}" if parts[-1].endswith("-") else f"{parts[-1]} {text}"
        else:
            parts.append(text)
    return "\n".join(parts)
