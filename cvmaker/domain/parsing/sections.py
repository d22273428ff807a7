"""Where sections start: heading lines found by their wording and by how they look."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.dates import is_date_text
from cvmaker.domain.parsing.extracted import Span
from cvmaker.domain.parsing.headings import heading_kind, normalise_heading
from cvmaker.domain.parsing.rows import Row, make_row

# Word's own heading styles ("Heading 1", "Title", "Überschrift 1") and a template's named ones ("Section Heading");
# not "Job Title", which templates give each entry's first line.
_HEADING_STYLE = re.compile(r"^(heading|title|überschrift|titre|título)|\bheading\b", re.IGNORECASE)


@dataclass
class RawSection:
    heading: Row | None
    kind: SectionKind | None  # None: the header before the first heading
    key: str  # normalised heading text
    rows: list[Row] = field(default_factory=list)
    title: str = ""  # the heading as printed


def body_size(rows: list[Row]) -> float:
    sizes: Counter[float] = Counter()
    for row in rows:
        sizes[round(row.line.size, 1)] += len(row.line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _signature(row: Row) -> tuple[float, bool, bool]:
    return (round(row.line.size), row.line.bold, _is_caps(row.line.text))


def _weaker(row: Row, heading: Row) -> bool:
    """Set in a weaker type than a heading: smaller, or in lower case where the heading is in capitals."""
    title = heading.line.spans[0] if heading.line.spans else None
    if title is None or not row.line.spans:
        return False
    smaller = row.line.spans[0].size < title.size - 0.5
    return smaller or (_is_caps(title.text) and not _is_caps(row.line.text))


def _stands_out(row: Row, base: float, body_is_bold: bool) -> bool:
    line = row.line
    return (
        bool(line.style and _HEADING_STYLE.search(line.style))
        or line.size >= base + 0.8
        or (line.bold and not body_is_bold)
        or _is_caps(line.text)
    )


def _heading_shaped(row: Row) -> bool:
    text = row.line.text.strip()
    numbered = row.bullet and re.match(r"^\d{1,2}[.)]\s", text) is not None  # "1. Experience"
    return (
        (not row.bullet or numbered)
        and 1 <= len(text.split()) <= 6
        and len(row.line.spans) <= 2
        and not text.endswith((".", ","))
        and not re.fullmatch(r"[(\[].*[)\]]", text)  # "(TSE)": the wrapped end of a line, in brackets
        and not re.search(r"\d{3,}|@|https?:|www\.|\w\.[a-z]{2,}/", text)  # "site.dev/talks" is a link
    )


# A heading's number set apart from its words by a gap ("1." | "Experiencia Laboral", "II." | "Education").
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}[.)]?|(?:[IVX]{1,4}|[A-H])[.)])")


def _unnumbered(row: Row) -> Row:
    """The row without a section number standing in a span of its own before the heading's words."""
    spans = row.line.spans
    if len(spans) < 2 or not _SECTION_NUMBER.fullmatch(spans[0].text.strip()):
        return row
    rest = spans[1:]
    merged = Span(" ".join(span.text for span in rest), rest[0].x0, rest[-1].x1, rest[0].size, rest[0].bold)
    return make_row(row.index, replace(row.line, spans=(merged,)))


_INLINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{2,40}?)\s*:\s+(\S.*)$")
_INLINE_WORDS = {
    "skills",
    "technical skills",
    "key skills",
    "core skills",
    "core competencies",
    "competencies",
    "languages",
    "spoken languages",
    "interests",
    "hobbies",
    "certifications",
    "certificates",
    "software",
    "software skills",
    "programming",
    "programming skills",
    "programming languages",
    "computer skills",
    "it skills",
    "tools",
    "technologies",
}


def _inline_heading(row: Row, current: SectionKind | None, typical_gap: float) -> tuple[str, SectionKind, str] | None:
    """ "SKILLS: Python, Java, SQL" on one line: a heading and its content. Inside a job ("Tools: ...") or a
    skills section ("Languages: Python") such a line is part of what it is in, unless space sets it apart."""
    if (row.bullet and current not in (None, SectionKind.CUSTOM)) or len(row.line.spans) != 1:
        return None  # a bulleted "Tools: ..." belongs to its job; in a miscellany it starts its own section
    match = _INLINE.match(row.text if row.bullet else row.line.text)
    if match is None or normalise_heading(match.group(1)) not in _INLINE_WORDS:
        return None
    kind = heading_kind(match.group(1), strict=True)
    if kind is None:
        return None
    set_apart = typical_gap > 0 and row.line.space_before > 1.8 * typical_gap
    set_apart = set_apart or normalise_heading(match.group(1)) in ("interests", "hobbies")  # never part of a job
    if current is SectionKind.SKILLS or (current is not None and current is not SectionKind.CUSTOM and not set_apart):
        return None
    return match.group(1).strip(), kind, match.group(2).strip()


_ENTRY_KINDS = {SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.VOLUNTEER, SectionKind.PROJECTS}


def _after_a_date(rows: list[Row], position: int) -> bool:
    """Whether the line before is a date alone ("2017.18", "Sep 2019 – 2021"): what follows it opens an entry."""
    return position > 0 and is_date_text(rows[position - 1].line.text)


def _runs_on(rows: list[Row], position: int) -> bool:
    """Whether the line before ends in a comma ("Master's thesis,"): this line goes on with it."""
    return position > 0 and rows[position - 1].line.text.rstrip().endswith(",")


def find_sections(rows: list[Row]) -> list[RawSection]:
    rows = list(rows)
    base = body_size(rows)
    bold_chars = sum(len(r.line.text) for r in rows if r.line.bold)
    body_is_bold = bold_chars * 2 > sum(len(r.line.text) for r in rows)
    known: dict[int, SectionKind] = {}
    numbered_rows: set[int] = set()  # positions of heading-shaped rows whose number stood apart
    current: SectionKind | None = None
    current_heading: Row | None = None
    for position, row in enumerate(rows):
        kind = None
        in_own_cell = False
        following = rows[position + 1] if position + 1 < len(rows) else None
        unnumbered = _unnumbered(row)
        numbered = unnumbered is not row and _heading_shaped(unnumbered)
        if len(row.line.spans) >= 2 and current is SectionKind.SKILLS and not numbered:
            continue  # "Languages | Python, Go" inside a skills section is a category, not a heading
        if row.bullet and row.line.list_item and row.text == row.line.text.strip():
            # A Word heading in a numbered list paragraph ("Work History" numbered by the template, the number
            # not printed as text): a known heading set larger or bolder than the body is a heading.
            as_line = replace(row, bullet=False)
            if (
                _heading_shaped(as_line)
                and heading_kind(row.text, strict=True) is not None
                and _stands_out(as_line, base, body_is_bold)
            ):
                unnumbered, numbered = as_line, True
        if numbered:
            row = rows[position] = unnumbered
            numbered_rows.add(position)
        if (
            current is SectionKind.SKILLS
            and current_heading is not None
            and following is not None
            and _weaker(row, current_heading)
            and "," in following.line.text
        ):
            continue  # "Languages" over "Python, Go, Rust", in a weaker type than "SKILLS": a category
        if len(row.line.spans) >= 2 and all(is_date_text(span.text) for span in row.line.spans[1:]):
            continue  # "Volunteer | Summer 2022": a role beside its dates, not a heading
        if _heading_shaped(row):
            two = len(row.line.spans) == 2
            kind = heading_kind(row.line.spans[0].text if two else row.line.text, strict=two)
        elif len(row.line.spans) >= 2 and not row.bullet:
            # A heading in a cell of its own beside content ("Experience | Senior Engineer, Acme").
            first = replace(row, line=replace(row.line, spans=row.line.spans[:1]))
            if _heading_shaped(first):
                kind = heading_kind(row.line.spans[0].text, strict=True)
                in_own_cell = kind is not None
        if kind is None:
            continue
        if (
            current in _ENTRY_KINDS
            and current_heading is not None
            and row.line.text.rstrip().endswith(":")
            and not _is_caps(row.line.text)
            and (_weaker(row, current_heading) or row.line.bold != current_heading.line.bold)
        ):
            continue  # "Key achievements:" in a job, set unlike the section's heading: a label in the entry
        if kind is current and heading_kind(row.line.text, strict=True) is None and not numbered:
            continue  # "Dutch Logistics Awards" under "Awards": the giver of an award, not another awards section
        words = len(row.line.spans[0].text.split()) if len(row.line.spans) >= 2 else len(row.line.text.split())
        plain_style = row.line.style in (None, "Normal")
        # Unstyled, only the exact wording makes a heading: "Dutch Logistics Awards" under an award is its giver.
        unstyled_heading = (
            words <= 3
            and (plain_style or in_own_cell)
            and heading_kind(row.line.spans[0].text if len(row.line.spans) >= 2 else row.line.text, strict=True)
            is not None
        )
        if _stands_out(row, base, body_is_bold) or unstyled_heading:
            known[position] = kind
            current, current_heading = kind, row
    signatures = Counter(_signature(rows[p]) for p in known)
    # A line that looks exactly like the known headings is a heading too ("Welcome to RenderCV", "Patents"),
    # but not above the first of them: that is the CV's header, whose name may be set like a heading ("林威").
    first_known = min(known, default=len(rows))
    group_labels: set[int] = set()
    for position, row in enumerate(rows):
        if position in known or position < first_known or not _heading_shaped(row) or row.dates:
            continue
        under_title = _after_a_date(rows, position - 1) and len(rows[position - 1].line.text.split()) <= 6
        if _after_a_date(rows, position) or under_title or _runs_on(rows, position):
            continue  # set like a heading, but an entry's second or third line ("Bachelor's honours" / its field)
        signature = _signature(row)
        strong = (
            signature[0] >= base + 0.8
            or signature[2]
            or bool(row.line.style and _HEADING_STYLE.search(row.line.style))
            # numbered like the known headings ("4." beside "1. Experience"): the numbering makes it one
            or (position in numbered_rows and any(p in numbered_rows for p in known))
        )
        above = max((p for p in known if p < position), default=None)
        in_entries = above is not None and known[above] in _ENTRY_KINDS
        if in_entries and (above == position - 1 or row.line.text.rstrip().endswith(":")):
            # "Experience" then "Financial Services": a group of the section's entries; "Key achievements:" a
            # label inside an entry. Neither starts a section of its own; a group label is no entry's line
            # either (it is reported as unplaced text).
            following = rows[position + 1] if position + 1 < len(rows) else None
            if (
                above == position - 1
                and signatures.get(signature, 0) >= 2
                and len(row.line.spans) == 1
                and following is not None
                and following.line.bold == row.line.bold
            ):
                # Set like the entry line below it, it heads a group; an employer over its role (a weaker line
                # below) is the entry's own first line.
                group_labels.add(position)
            continue
        if strong and signatures.get(signature, 0) >= 2 and (row.line.size >= base or signature[2]):
            # A heading by its look; its words may still say what it holds ("Leadership and Service" after an
            # experience section, passed over above as part of it).
            known[position] = heading_kind(row.line.text) or SectionKind.CUSTOM
    gaps = sorted(r.line.space_before for r in rows if r.line.space_before > 0)
    typical_gap = gaps[len(gaps) // 2] if gaps else 0.0
    sections = [RawSection(None, None, "")]
    for position, row in enumerate(rows):
        inline = _inline_heading(row, sections[-1].kind, typical_gap) if position not in known else None
        if inline is not None:
            heading_text, kind, rest_text = inline
            sections.append(RawSection(row, kind, normalise_heading(heading_text), title=heading_text))
            rest = replace(row.line, spans=(Span(rest_text, row.line.x0, row.line.x1, row.line.size),))
            sections[-1].rows.append(make_row(row.index, rest))
            continue
        if position in known:
            split = len(row.line.spans) >= 2 and heading_kind(row.line.spans[0].text, strict=True) is not None
            title_text = row.line.spans[0].text if split else row.line.text
            sections.append(RawSection(row, known[position], normalise_heading(title_text), title=title_text))
            if split:
                # A heading in a left cell beside its first line of content (Word table layouts).
                rest = replace(row.line, spans=row.line.spans[1:])
                sections[-1].rows.append(make_row(row.index, rest))
        elif position not in group_labels:
            sections[-1].rows.append(row)
    return sections
