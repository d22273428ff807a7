"""What a CV shows, read for matching: its items as texts, the skills it names, its titles, years of experience
and highest degree. Only visible sections and items count as shown; hidden ones are "elsewhere"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cvmaker.domain.cv.model import CvDocument, Item, SectionKind
from cvmaker.domain.matching.education import EducationLevel, levels_named_in
from cvmaker.domain.matching.vocabulary import Skill, Vocabulary
from cvmaker.domain.rich_text.plain import shown_line, shown_text

SUMMARY_ID = "summary"  # the section id evidence uses for the CV's summary and headline


@dataclass(frozen=True, slots=True)
class CvPassage:
    """One piece of a CV that can evidence a requirement: an item, or the summary."""

    section_id: str
    item_id: str | None
    kind: SectionKind | None  # None for the summary
    text: str
    visible: bool
    label: str  # how a person names it: "Backend Engineer, Contoso (2019-01 to present)", "Summary"


def item_text(item: Item) -> str:
    """The item's words as a reader sees them (rich text without its markers: "**SQL**" reads "SQL")."""
    parts = [item.title, item.organization, shown_text(item.description or ""), *map(shown_line, item.bullets)]
    if item.keywords:
        parts.append(", ".join(item.keywords))
    return ". ".join(p.strip() for p in parts if p and p.strip())


def item_label(item: Item, section_title: str) -> str:
    name = ", ".join(p for p in (item.title, item.organization) if p) or section_title
    end = "present" if item.current else item.end_date
    dates = " to ".join(d for d in (item.start_date, end) if d)
    return f"{name} ({dates})" if dates else name


def passages(document: CvDocument) -> list[CvPassage]:
    found = []
    intro = ". ".join(p for p in (document.basics.headline, shown_text(document.summary or "")) if p and p.strip())
    if intro:
        found.append(CvPassage(SUMMARY_ID, None, None, intro, True, "Summary"))
    for section in document.sections:
        for item in section.items:
            text = item_text(item)
            if text:
                found.append(
                    CvPassage(
                        section.id,
                        item.id,
                        section.kind,
                        text,
                        section.visible and item.visible,
                        item_label(item, section.title),
                    )
                )
    return found


@dataclass(frozen=True, slots=True)
class CvFacts:
    skills: dict[str, Skill]  # by key, shown on the CV
    hidden_skills: dict[str, Skill]  # named only in hidden items
    skill_items: dict[str, list[tuple[str, str | None]]]  # skill key -> (section id, item id) naming it
    text: str  # all visible text, for keyword checks
    titles: list[str]
    years: float
    education: EducationLevel | None


def read_facts(document: CvDocument, vocabulary: Vocabulary, today: date) -> CvFacts:
    shown: dict[str, Skill] = {}
    hidden: dict[str, Skill] = {}
    where: dict[str, list[tuple[str, str | None]]] = {}
    texts: list[str] = []
    for passage in passages(document):
        named = vocabulary.skills_in(passage.text)
        if passage.kind in (SectionKind.SKILLS, SectionKind.LANGUAGES):
            named.update(_keyword_skills(document, passage, vocabulary))
        (shown if passage.visible else hidden).update(named)
        for key in named:
            where.setdefault(key, []).append((passage.section_id, passage.item_id))
        if passage.visible:
            texts.append(passage.text)
    return CvFacts(
        skills=shown,
        hidden_skills={k: v for k, v in hidden.items() if k not in shown},
        skill_items=where,
        text="\n".join(texts),
        titles=_titles(document),
        years=years_of_experience(_visible_items(document, SectionKind.EXPERIENCE), today),
        education=highest_degree(_visible_items(document, SectionKind.EDUCATION)),
    )


def _keyword_skills(document: CvDocument, passage: CvPassage, vocabulary: Vocabulary) -> dict[str, Skill]:
    """A skills list names skills one per keyword, in any letter case ("python" there is the language)."""
    found = document.find_item(passage.item_id) if passage.item_id else None
    if found is None:
        return {}
    skills = {}
    for keyword in found[1].keywords:
        skill = vocabulary.lookup(keyword)
        if skill is not None:
            skills[skill.key] = skill
    return skills


def _visible_items(document: CvDocument, kind: SectionKind) -> list[Item]:
    return [
        item
        for section in document.sections
        if section.kind == kind and section.visible
        for item in section.items
        if item.visible
    ]


def _titles(document: CvDocument) -> list[str]:
    titles = [item.title for item in _visible_items(document, SectionKind.EXPERIENCE) if item.title]
    if document.basics.headline:
        titles.append(document.basics.headline)
    return titles


_MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}


def parse_month(value: str | None) -> tuple[int, int] | None:
    """(year, month) from "2020", "2020-03", "2020-03-01", "03/2020", "Mar 2020", "March 2020"."""
    if not value:
        return None
    text = value.strip().lower()
    if m := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-\d{1,2})?)?", text):
        return int(m.group(1)), int(m.group(2) or 1)
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{4})", text):
        return int(m.group(2)), int(m.group(1))
    if m := re.fullmatch(r"([a-z]{3})[a-z]*\.?\s+(\d{4})", text):
        month = _MONTHS.get(m.group(1))
        return (int(m.group(2)), month) if month else None
    if m := re.search(r"\b(19|20)\d{2}\b", text):
        return int(m.group(0)), 1
    return None


def years_of_experience(items: list[Item], today: date) -> float:
    """Years covered by the roles' date ranges, overlaps counted once; an ongoing role runs to `today`."""
    ranges = []
    for item in items:
        start = parse_month(item.start_date)
        end = (
            (today.year, today.month)
            if item.current or (item.end_date or "").strip().lower() in {"present", "now", "current"}
            else parse_month(item.end_date)
        )
        if start is None or end is None:
            continue
        first, last = start[0] * 12 + start[1], end[0] * 12 + end[1] + 1
        if last > first:
            ranges.append((first, last))
    months, reach = 0, 0
    for first, last in sorted(ranges):
        first = max(first, reach)
        if last > first:
            months += last - first
            reach = last
    return round(months / 12, 1)


def highest_degree(items: list[Item]) -> EducationLevel | None:
    levels = [
        level
        for item in items
        for level, _ in levels_named_in(" ".join(filter(None, [item.title, shown_text(item.description or "")])))
    ]
    return max(levels) if levels else None
