"""How a CV reads as text: its script and direction, dates and periods, the contact line, what is shown, and the
whole CV as plain text. The HTML templates, the DOCX writer and the plain-text export all use these, so a date or
a hidden item reads the same in every format."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from cvmaker.domain.cv.model import CvDocument, Item, Section, SectionKind
from cvmaker.domain.rich_text.plain import plain_line, plain_text

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EN_DASH = "\u2013"
RTL_LANGUAGES = frozenset({"ar", "he"})

# Words for "to the present day" in the languages whose script we detect; elsewhere English.
PRESENT = {"en": "Present", "ar": "حتى الآن", "he": "היום", "zh": "至今", "ja": "現在"}

# Sections shown as compact "label: words" rows rather than dated entries.
COMPACT_KINDS = frozenset({SectionKind.SKILLS, SectionKind.LANGUAGES})


@dataclass(frozen=True, slots=True)
class Script:
    """The CV's main language (as far as its script tells) and writing direction, for `lang` and `dir`."""

    language: str
    direction: str  # "ltr" or "rtl"


def _all_text(document: CvDocument) -> str:
    parts = [document.basics.name, document.basics.headline or "", document.summary or ""]
    for section in document.sections:
        parts.append(section.title)
        for item in section.items:
            parts += [item.title or "", item.organization or "", item.description or "", *item.bullets]
    return " ".join(parts)


def detect_script(document: CvDocument) -> Script:
    """The dominant script of the CV's letters. Latin tech words inside an Arabic CV do not make it left to
    right; any kana makes a Han-script CV Japanese rather than Chinese."""
    counts = {"latin": 0, "arabic": 0, "hebrew": 0, "han": 0, "kana": 0}
    for char in _all_text(document):
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("ARABIC"):
            counts["arabic"] += 1
        elif name.startswith("HEBREW"):
            counts["hebrew"] += 1
        elif name.startswith(("HIRAGANA", "KATAKANA")):
            counts["kana"] += 1
        elif name.startswith("CJK"):
            counts["han"] += 1
        else:
            counts["latin"] += 1
    cjk = counts["han"] + counts["kana"]
    dominant = max(
        ("latin", counts["latin"]),
        ("arabic", counts["arabic"]),
        ("hebrew", counts["hebrew"]),
        ("cjk", cjk * 2),
        key=lambda pair: pair[1],
    )[0]  # a Han character carries a word's weight
    if dominant == "arabic":
        return Script("ar", "rtl")
    if dominant == "hebrew":
        return Script("he", "rtl")
    if dominant == "cjk":
        return Script("ja" if counts["kana"] else "zh", "ltr")
    return Script("en", "ltr")


def format_date(value: str | None, language: str = "en") -> str:
    """ "2020-03" reads "Mar 2020" in English and "2020/03" in other languages; a year stays a year."""
    if not value:
        return ""
    year, _, rest = value.partition("-")
    if not rest:
        return year
    month = int(rest[:2])
    return f"{MONTHS[month - 1]} {year}" if language == "en" else f"{year}/{month:02d}"


def format_period(item: Item, language: str = "en") -> str:
    """ "Mar 2020 – Present", "2018 – 2020", or the one date there is."""
    start = format_date(item.start_date, language)
    end = PRESENT.get(language, PRESENT["en"]) if item.current else format_date(item.end_date, language)
    if start and end:
        return f"{start} {EN_DASH} {end}"
    return start or end


def link_label(url: str, label: str | None) -> str:
    """What a link shows: its label, or the address without the scheme and a trailing slash."""
    if label:
        return label
    for prefix in ("https://", "http://", "mailto:", "tel:"):
        if url.startswith(prefix):
            url = url[len(prefix) :]
            break
    return url.removeprefix("www.").rstrip("/")


def contact_parts(document: CvDocument) -> list[str]:
    basics = document.basics
    parts = [basics.location, basics.email, basics.phone]
    parts += [link_label(link.url, link.label) for link in basics.links]
    return [part for part in parts if part]


def shown_sections(document: CvDocument) -> list[Section]:
    """The visible sections in the user's order, each holding only its visible items; empty ones are left out."""
    shown = []
    for section in document.sections:
        if not section.visible:
            continue
        items = [item for item in section.items if item.visible]
        if items:
            shown.append(Section(id=section.id, kind=section.kind, title=section.title, items=items))
    return shown


def item_heading(item: Item) -> str:
    """The item's title and organisation on one line ("Data Analyst, Westcountry Energy")."""
    return ", ".join(part for part in (item.title, item.organization) if part)


def compact_line(item: Item) -> str:
    """A skills or languages row: "Analysis: SQL, Python" or "French: Professional"."""
    detail = ", ".join(item.keywords) if item.keywords else plain_text(item.description or "").replace("\n", "; ")
    if item.title and detail:
        return f"{item.title}: {detail}"
    return item.title or detail


def _item_lines(item: Item, language: str) -> list[str]:
    lines = []
    heading = item_heading(item)
    period = format_period(item, language)
    meta = " | ".join(part for part in (period, item.location) if part)
    if heading:
        lines.append(heading)
    if meta:
        lines.append(meta)
    if item.url:
        lines.append(item.url)
    if item.description and item.description.strip():
        lines.append(plain_text(item.description))
    lines += [f"- {plain_line(bullet)}" for bullet in item.bullets]
    if item.keywords:
        lines.append(", ".join(item.keywords))
    return lines


def to_plain_text(document: CvDocument) -> str:
    """The whole CV as plain text in reading order: what an applicant tracking system would read."""
    language = detect_script(document).language
    lines = [document.basics.name]
    if document.basics.headline:
        lines.append(document.basics.headline)
    contact = contact_parts(document)
    if contact:
        lines.append(" | ".join(contact))
    for link in document.basics.links:
        if link.label:
            lines.append(link.url)
    if document.summary and document.summary.strip():
        lines += ["", plain_text(document.summary)]
    for section in shown_sections(document):
        lines += ["", section.title.upper(), ""]
        for n, item in enumerate(section.items):
            if section.kind in COMPACT_KINDS:
                lines.append(compact_line(item))
                continue
            if n:
                lines.append("")
            lines += _item_lines(item, language)
    return "\n".join(lines).strip() + "\n"
