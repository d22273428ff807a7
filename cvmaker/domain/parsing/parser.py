"""Positioned lines -> a CvDocument, the warnings (what could not be placed) and where each field came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cvmaker.domain import limits
from cvmaker.domain.cv.model import (
    DEFAULT_SECTION_TITLES,
    CvDocument,
    Item,
    Link,
    Section,
    SectionKind,
)
from cvmaker.domain.ids import new_part_id
from cvmaker.domain.parsing.columns import read_columns_apart
from cvmaker.domain.parsing.contact import (
    EMAIL,
    ContactPiece,
    paragraph_runs,
    read_contact,
    split_pieces,
)
from cvmaker.domain.parsing.dates import DateRange, find_range
from cvmaker.domain.parsing.entries import Entry, split_entries
from cvmaker.domain.parsing.entry_fields import fill_fields
from cvmaker.domain.parsing.extracted import ExtractedDocument
from cvmaker.domain.parsing.headings import CONTACT_HEADINGS, SUMMARY_HEADINGS
from cvmaker.domain.parsing.rows import Row, make_row
from cvmaker.domain.parsing.sections import RawSection, find_sections
from cvmaker.domain.parsing.skills import parse_skills, split_language, split_languages

ENTRY_KINDS = {SectionKind.EXPERIENCE, SectionKind.VOLUNTEER, SectionKind.EDUCATION, SectionKind.PROJECTS}


@dataclass
class ParsedCv:
    document: CvDocument
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (what happened, the text concerned)
    sources: dict[str, str] = field(default_factory=dict)  # field path -> where it came from


class _Builder:
    def __init__(self, extracted: ExtractedDocument) -> None:
        self.lines = extracted.lines
        self.extracted = extracted
        self.parsed = ParsedCv(CvDocument())
        self.placed: set[int] = set()
        # Where full lines end, per column: a line that ends short of it was not wrapped.
        self.right_edges: dict[int, float] = {}
        for line in extracted.lines:
            self.right_edges[line.column] = max(self.right_edges.get(line.column, 0.0), line.x1)

    # provenance -----------------------------------------------------------------------------------------------
    def where(self, index: int, text: str | None = None) -> str:
        line = self.lines[index]
        shown = text if text is not None else line.text
        place = f"page {line.page}" if self.extracted.kind == "pdf" else f"paragraph {index + 1}"
        return f'{place}: "{_clip(shown, 160)}"'

    def source(self, path: str, index: int, text: str | None = None) -> None:
        self.parsed.sources[path] = self.where(index, text)
        self.placed.add(index)

    def warn(self, message: str, text: str) -> None:
        self.parsed.warnings.append((message, _clip(text, 300)))

    def clip(self, text: str | None, length: int) -> str | None:
        """`text` cut to the model's limit; what is cut off is reported, not lost silently."""
        clipped = _clip(text, length)
        if text is not None and clipped != text.strip():
            self.warn(f"Longer than {length} characters: the end was cut off", text.strip()[length - 1 :])
        return clipped

    # the whole document ----------------------------------------------------------------------------------------
    def build(self) -> ParsedCv:
        rows = [make_row(index, line) for index, line in enumerate(self.lines)]
        sections = find_sections(rows)
        body_lines = [row.line for raw in sections[1:] for row in raw.rows]
        if body_lines:
            # Where full lines end, from the sections only: a contact line across the top of a two-column page
            # runs wider than the main column, whose lines would then never seem to wrap.
            self.right_edges = {}
            for line in body_lines:
                self.right_edges[line.column] = max(self.right_edges.get(line.column, 0.0), line.x1)
        self.contact(sections)
        self.drop_running_name(sections)
        for raw in sections[1:]:
            self.section(raw)
        for text in self.extracted.dropped:
            if text.startswith("rotated text: "):
                self.warn("Rotated text (a watermark or a sideways label) was left out", text[len("rotated text: ") :])
            elif text.startswith("footer: "):
                self.warn("The page footer was left out", text[len("footer: ") :])
            else:
                self.warn("Repeated on every page (a running header or footer, or a page number); left out", text)
        for index, line in enumerate(self.lines):
            if index not in self.placed and line.text.strip():
                self.warn("Could not be placed in any field", line.text)
        document = self.parsed.document
        document.title = _clip(
            f"{document.basics.name} (imported)" if document.basics.name else "Imported CV", limits.MAX_TITLE
        )
        return self.parsed

    def contact(self, sections: list[RawSection]) -> None:
        header_rows = list(sections[0].rows)
        contact_rows = [row for raw in sections[1:] if raw.key in CONTACT_HEADINGS for row in raw.rows]
        pieces: list[ContactPiece] = []
        # The visible text of a link ("GitHub", a handle beside an icon) is the link, read from its target.
        link_texts = {
            link.text.strip().casefold()
            for link in self.extracted.links
            if link.text.strip() and re.match(r"^https?://", link.url, re.IGNORECASE)
        }
        for row in header_rows + contact_rows:
            for span in row.line.spans:
                for piece in split_pieces(span.text):
                    if piece.strip().casefold() not in link_texts:
                        pieces.append(ContactPiece(piece, span.size, row.index))
        pieces = _join_wrapped_name(pieces)
        contact = read_contact(pieces)
        basics = self.parsed.document.basics
        header_indexes = {row.index for row in header_rows + contact_rows}
        for name in ("name", "headline", "email", "phone", "location"):
            value = getattr(contact, name)
            if value:
                setattr(basics, name, self.clip(value, limits.MAX_NAME if name == "name" else limits.MAX_SHORT_TEXT))
                self.source(f"basics.{name}", contact.sources[name])
        if basics.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", basics.email):
            basics.email = None
        if basics.phone:
            basics.phone = re.sub(r"[^0-9+()./\s-]", "", basics.phone).strip()[: limits.MAX_PHONE] or None
        if basics.email is None:
            self.email_elsewhere(sections)
        self.links(contact.urls, header_rows + contact_rows)
        remaining = []
        previous_line: int | None = None
        paragraph_starts = {min(run) for run in paragraph_runs(contact.unplaced)}
        for piece in contact.unplaced:
            # A paragraph at the top without a heading is an introduction: the summary (with its wrapped lines).
            continues = previous_line is not None and piece.line_index == previous_line + 1
            starts = len(piece.text.split()) >= 12 or piece.line_index in paragraph_starts
            if (starts or continues) and not any(s.key in SUMMARY_HEADINGS for s in sections[1:]):
                if piece.line_index == previous_line:
                    continue  # the whole printed line was taken with its first piece
                previous_line = piece.line_index
                document = self.parsed.document
                # The printed line, not its pieces: "in logistics," keeps the comma that ends it.
                printed = self.lines[piece.line_index].text.strip()
                document.summary = self.clip(f"{document.summary or ''} {printed}".strip(), limits.MAX_SUMMARY)
                self.parsed.sources.setdefault("summary", self.where(piece.line_index))
            else:
                remaining.append(piece)
        contact.unplaced = remaining
        unplaced = {piece.line_index for piece in contact.unplaced}
        for piece in contact.unplaced:
            self.warn("Text at the top of the CV that is not a contact detail", piece.text)
        for index in header_indexes:
            if index not in unplaced:
                self.placed.add(index)
        for piece in contact.unplaced:
            self.placed.add(piece.line_index)  # reported above, once, with its own text

    def drop_running_name(self, sections: list[RawSection]) -> None:
        """ "Jane Doe – Résumé" at the top or bottom of later pages only (so not dropped as repeated on every
        page): a running header, not part of the section it falls in."""
        name = self.parsed.document.basics.name.casefold()
        if not name or self.extracted.kind != "pdf":
            return
        edges: set[int] = set()
        by_page: dict[int, list[int]] = {}
        for index, line in enumerate(self.lines):
            by_page.setdefault(line.page, []).append(index)
        for page, indexes in by_page.items():
            if page > 1:
                by_top = sorted(indexes, key=lambda i: self.lines[i].top)
                edges.update({by_top[0], by_top[-1]})
        for raw in sections[1:]:
            kept = []
            for row in raw.rows:
                text = row.line.text.casefold()
                if row.index in edges and name in text and len(text.split()) <= len(name.split()) + 6:
                    self.warn("A running header or footer with the name; left out", row.line.text)
                    self.placed.add(row.index)
                else:
                    kept.append(row)
            raw.rows = kept

    def email_elsewhere(self, sections: list[RawSection]) -> None:
        """Some CVs give their contact details at the end: the first email outside a references section."""
        for raw in sections[1:]:
            if "reference" in raw.key:
                continue
            for row in raw.rows:
                if (found := EMAIL.search(row.line.text)) and len(row.line.text.split()) <= 8:
                    self.parsed.document.basics.email = found.group(0)
                    self.parsed.sources["basics.email"] = self.where(row.index)
                    return

    def links(self, text_urls: list[tuple[str, str]], rows: list[Row]) -> None:
        """Profile links: annotation targets whose visible text is in the header, and URLs printed there."""
        visible = {piece.casefold() for row in rows for span in row.line.spans for piece in split_pieces(span.text)}
        visible |= {word.casefold() for row in rows for word in row.line.text.split()}
        found: list[tuple[str, str]] = []
        for link in self.extracted.links:
            url = link.url.strip()
            if not re.match(r"^https?://", url, re.IGNORECASE):
                continue
            text = link.text.strip()
            if text and text.casefold() in visible:
                found.append((url, text))
        targets = [_link_key(url) for url, _ in found]
        for url, text in text_urls:
            key = _link_key(url)
            # "linkedin.com/in/jane-" wrapped before "doe" in a narrow column: the start of a link target.
            if not any(
                target != key and target.startswith(key) and key.endswith(("-", "/", "_", ".")) for target in targets
            ):
                found.append((url, text))
        basics = self.parsed.document.basics
        seen: set[str] = set()
        for url, text in found:
            key = _link_key(url)
            if not key or key in seen or EMAIL.fullmatch(text or ""):
                continue
            seen.add(key)
            if len(basics.links) >= limits.MAX_LINKS or len(url) > limits.MAX_URL:
                self.warn("A link was left out: too many or too long", url)
                continue
            basics.links.append(Link(url=url, label=_link_label(url)))
            index = next((row.index for row in rows if text and text in row.line.text), None)
            if index is not None:
                self.source(f"basics.links.{len(basics.links) - 1}.url", index, text)

    # sections --------------------------------------------------------------------------------------------------
    def section(self, raw: RawSection) -> None:
        assert raw.heading is not None and raw.kind is not None
        document = self.parsed.document
        heading_text = (raw.title or raw.heading.line.text).strip()
        self.placed.add(raw.heading.index)
        if raw.key in CONTACT_HEADINGS:
            return  # read with the header
        if raw.key in SUMMARY_HEADINGS and document.summary is None:
            text = _paragraphs(raw.rows)
            if text:
                document.summary = self.clip(text, limits.MAX_SUMMARY)
                for row in raw.rows:
                    self.placed.add(row.index)
                if raw.rows:
                    self.parsed.sources["summary"] = self.where(raw.rows[0].index)
            return
        if len(document.sections) >= limits.MAX_SECTIONS:
            self.warn("Too many sections: this one was left out", heading_text)
            return
        title = self.clip(_tidy_heading(heading_text), limits.MAX_SHORT_TEXT)
        if title and re.fullmatch(r"(?:\w ){2,}\w", title) and raw.kind is not SectionKind.CUSTOM:
            title = DEFAULT_SECTION_TITLES[raw.kind]  # "S K I L L S": its word breaks are lost; the kind's name
        section = Section(id=new_part_id(), kind=raw.kind, title=title or DEFAULT_SECTION_TITLES[raw.kind])
        position = len(document.sections)
        path = f"sections.{position}"
        self.parsed.sources[f"{path}.title"] = self.where(raw.heading.index)
        column_edge = self.right_edges.get(raw.rows[0].line.column) if raw.rows else None
        if raw.kind is SectionKind.SKILLS:
            self.skills(section, read_columns_apart(raw.rows, column_edge), path)
        elif raw.kind is SectionKind.LANGUAGES:
            self.languages(section, read_columns_apart(raw.rows, column_edge), path)
        else:
            self.entries(section, raw, path)
        if section.items:
            document.sections.append(section)
        elif raw.rows:
            for row in raw.rows:
                if row.index not in self.placed:
                    self.warn(f'Could not be placed in section "{heading_text}"', row.line.text)
                    self.placed.add(row.index)

    def skills(self, section: Section, rows: list[Row], path: str) -> None:
        for group in parse_skills(rows):
            if len(section.items) >= limits.MAX_ITEMS_PER_SECTION:
                break
            keywords = [k for k in (self.clip(k, limits.MAX_KEYWORD) for k in group.items) if k]
            for extra in keywords[limits.MAX_KEYWORDS :]:
                self.warn("Too many skills in one group: left out", extra)
            keywords = keywords[: limits.MAX_KEYWORDS]
            item = Item(id=new_part_id(), title=self.clip(group.category, limits.MAX_SHORT_TEXT), keywords=keywords)
            item_path = f"{path}.items.{len(section.items)}"
            section.items.append(item)
            self.source(f"{item_path}.keywords", group.line_index)
        for row in rows:
            self.placed.add(row.index)

    def languages(self, section: Section, rows: list[Row], path: str) -> None:
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
                    self.placed.add(row.index)
            rows = []
        for row in rows:
            text = row.text.strip()
            spans = [s.text.strip() for s in row.line.spans]
            if len(spans) == 2 and "," not in text and len(spans[0].split()) <= 3:
                text = f"{spans[0]}: {spans[1]}"  # "English ‖ Native" in two columns
            if joined and joined[-1][0].count("(") > joined[-1][0].count(")"):
                joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])  # "English (Native or" + "Bilingual)"
                self.placed.add(row.index)
            else:
                joined.append((text, row.index))
        for text, index in joined:
            for part in split_languages(text):
                name, level = split_language(part)
                if not name:
                    continue
                item_path = f"{path}.items.{len(section.items)}"
                section.items.append(
                    Item(id=new_part_id(), title=self.clip(name, limits.MAX_SHORT_TEXT), description=level)
                )
                self.source(f"{item_path}.title", index, part)

    def entries(self, section: Section, raw: RawSection, path: str) -> None:
        rows = raw.rows
        if not rows:
            return
        right_edge = self.right_edges.get(rows[0].line.column, max(row.line.x1 for row in rows))
        previous: Entry | None = None
        for entry in _one_per_line(split_entries(rows, right_edge), raw.kind):
            fill_fields(entry, raw.kind or SectionKind.CUSTOM, right_edge)
            if raw.kind in (SectionKind.EXPERIENCE, SectionKind.VOLUNTEER) and previous is not None:
                _inherit_employer(entry, previous)
            previous = entry
            for message, text in entry.notes:
                self.warn(message, text)
            for row in entry.rows:
                self.placed.add(row.index)
            has_header = entry.title or entry.organization
            if not has_header and entry.bullets and raw.kind not in ENTRY_KINDS:
                # A list: each bullet is an item ("• AWS Certified ... (2021)").
                for bullet, row in zip(entry.bullets, [r for r in entry.body if r.bullet], strict=False):
                    self.list_item(section, path, bullet, row.index)
                if entry.description:
                    self.add_item(section, path, Entry(description=entry.description, sources=entry.sources))
                continue
            self.add_item(section, path, entry)

    def list_item(self, section: Section, path: str, text: str, index: int) -> None:
        item = Item(id=new_part_id(), title=self.clip(text, limits.MAX_SHORT_TEXT))
        found = find_range(text)
        if found is not None and found[2] >= len(text.rstrip(" )")) - 1:
            date, start, _ = found
            item.title = self.clip(text[:start].rstrip(" ,;(–—-") or text, limits.MAX_SHORT_TEXT)
            _apply_dates(item, date)
        if len(text) > limits.MAX_SHORT_TEXT:
            item.title, item.description = None, self.clip(text, limits.MAX_DESCRIPTION)
        item_path = f"{path}.items.{len(section.items)}"
        section.items.append(item)
        self.source(f"{item_path}.title", index)

    def add_item(self, section: Section, path: str, entry: Entry) -> None:
        if len(section.items) >= limits.MAX_ITEMS_PER_SECTION:
            self.warn("Too many entries in one section: this one was left out", entry.title or "")
            return
        item = Item(
            id=new_part_id(),
            title=self.clip(entry.title, limits.MAX_SHORT_TEXT),
            organization=self.clip(entry.organization, limits.MAX_SHORT_TEXT),
            location=self.clip(entry.location, limits.MAX_SHORT_TEXT),
            bullets=[self.clip(b, limits.MAX_BULLET) or "" for b in entry.bullets[: limits.MAX_BULLETS]],
            description=self.clip("\n".join(entry.description), limits.MAX_DESCRIPTION) or None,
            keywords=[self.clip(k, limits.MAX_KEYWORD) or "" for k in entry.keywords[: limits.MAX_KEYWORDS]],
            url=entry.url if entry.url and len(entry.url) <= limits.MAX_URL else None,
        )
        if len(entry.bullets) > limits.MAX_BULLETS:
            extra = "\n".join(entry.bullets[limits.MAX_BULLETS :])
            item.description = self.clip(f"{item.description or ''}\n{extra}".strip(), limits.MAX_DESCRIPTION)
        if entry.date_range is not None:
            _apply_dates(item, entry.date_range)
        if not any((item.title, item.organization, item.bullets, item.description, item.start_date, item.end_date)):
            return
        item_path = f"{path}.items.{len(section.items)}"
        section.items.append(item)
        for name, field_name in (("title", "title"), ("organization", "organization"), ("location", "location")):
            if name in entry.sources and getattr(item, field_name):
                self.source(f"{item_path}.{field_name}", entry.sources[name], getattr(item, field_name))
        if "dates" in entry.sources and entry.date_range is not None:
            for field_name, value in (("startDate", item.start_date), ("endDate", item.end_date)):
                if value:
                    self.source(f"{item_path}.{field_name}", entry.sources["dates"], entry.date_range.printed)
            if item.current:
                self.source(f"{item_path}.current", entry.sources["dates"], entry.date_range.printed)
        if entry.body:
            self.parsed.sources[f"{item_path}.bullets"] = self.where(entry.body[0].index)


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


def _join_wrapped_name(pieces: list[ContactPiece]) -> list[ContactPiece]:
    """A big name wrapped onto two lines ("Lena" / "Novak" in a narrow sidebar) is one piece."""
    if len(pieces) < 2:
        return pieces
    biggest = max(piece.size for piece in pieces)
    joined: list[ContactPiece] = []
    for piece in pieces:
        last = joined[-1] if joined else None
        if (
            last is not None
            and piece.size == biggest == last.size
            and piece.line_index == last.line_index + 1
            and len(last.text.split()) + len(piece.text.split()) <= 4
            and not re.search(r"[@\d/]", piece.text)
        ):
            joined[-1] = ContactPiece(f"{last.text} {piece.text}", last.size, last.line_index)
        else:
            joined.append(piece)
    return joined


LIST_KINDS = {SectionKind.CERTIFICATIONS, SectionKind.AWARDS, SectionKind.CUSTOM}


def _one_per_line(entries: list[Entry], kind: SectionKind | None) -> list[Entry]:
    """In a list of certificates, awards or interests written without bullets, each line is an item."""
    if kind not in LIST_KINDS and kind is not SectionKind.PUBLICATIONS:
        return entries
    out: list[Entry] = []
    for entry in entries:
        if entry.body or len(entry.header) < 2:
            out.append(entry)
            continue
        if (groups := _items_around_their_dates(entry.header)) is not None:
            for group in groups:
                single = Entry(header=group)
                rows_here = {row.index for row in group}
                single.dates = [(printed, index) for printed, index in entry.dates if index in rows_here]
                out.append(single)
            continue
        if kind is SectionKind.PUBLICATIONS:
            out.append(entry)
            continue
        for row in entry.header:
            single = Entry(header=[row])
            single.dates = [(printed, index) for printed, index in entry.dates if index == row.index]
            out.append(single)
    return out


def _items_around_their_dates(rows: list[Row]) -> list[list[Row]] | None:
    """A list whose items each have a date on a line of its own: "AWS Certified Developer" / "May 2022" /
    "Amazon Web Services", or the date above the name in a sidebar. The date lines tell the items apart, so a
    wrapped name, an issuer or a note stays with its item. None when the list is not laid out so."""
    dated = [bool(row.dates) for row in rows]
    date_only = [bool(row.dates) and not row.pieces for row in rows]
    if not any(dated):
        return None
    if date_only[0]:
        starts = [n for n, is_date in enumerate(date_only) if is_date]  # the date above each item
    elif dated[0] and not any(date_only):
        # The date beside each item's name, its issuer or note on the lines below in another type.
        named = {_style(row) for row, has_date in zip(rows, dated, strict=True) if has_date}
        if any(_style(row) in named for row, has_date in zip(rows, dated, strict=True) if not has_date):
            return None
        starts = [n for n, has_date in enumerate(dated) if has_date]
    elif len(rows) > 1 and date_only[1]:
        starts = [n - 1 for n, is_date in enumerate(date_only) if is_date]  # the date under each item's name
        if any(date_only[n] for n in starts):
            return None
    else:
        return None
    return [rows[start:end] for start, end in zip(starts, [*starts[1:], len(rows)], strict=True)]


def _style(row: Row) -> tuple[bool, int]:
    return (row.line.bold, round(row.line.size * 2))  # half points: a 14.3 pt name over a 13.6 pt issuer


def _inherit_employer(entry: Entry, previous: Entry) -> None:
    """Several roles under one employer: "Acme" on its own line, then "Senior Engineer 2020 - now", bullets,
    "Engineer 2018 - 2020", bullets. The later roles carry the employer of the first."""
    if entry.organization or not entry.title or not previous.organization:
        return
    org_line = previous.sources.get("organization")
    own_line = {previous.sources.get("title"), previous.sources.get("dates")}
    if org_line is not None and org_line not in own_line and org_line < (previous.sources.get("title") or 0):
        entry.organization = previous.organization
        entry.sources["organization"] = org_line


def _apply_dates(item: Item, date: DateRange) -> None:
    item.start_date, item.end_date, item.current = date.start, date.end, date.current
    if item.current:
        item.end_date = None
    if item.start_date and item.end_date and item.start_date > item.end_date:
        item.start_date, item.end_date = item.end_date, item.start_date


def _paragraphs(rows: list[Row]) -> str:
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


def _link_key(url: str) -> str:
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().casefold())
    key = re.sub(r"^www\.", "", key).split("?")[0].split("#")[0].rstrip("/")
    return key


def _link_label(url: str) -> str | None:
    host = _link_key(url).split("/")[0]
    known = {
        "linkedin.com": "LinkedIn",
        "github.com": "GitHub",
        "gitlab.com": "GitLab",
        "twitter.com": "Twitter",
        "x.com": "X",
        "stackoverflow.com": "Stack Overflow",
        "medium.com": "Medium",
        "behance.net": "Behance",
        "dribbble.com": "Dribbble",
        "orcid.org": "ORCID",
        "scholar.google.com": "Google Scholar",
    }
    return known.get(host)


def _clip(text: str | None, length: int) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def parse_cv(extracted: ExtractedDocument) -> ParsedCv:
    """Understand an extracted document. Pure: no I/O, deterministic apart from the generated ids."""
    return _Builder(extracted).build()
