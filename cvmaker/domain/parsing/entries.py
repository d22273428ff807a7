"""Entries of a section (a job, a degree, a project): where each one starts.

An entry is a block of header lines (title, employer, place, dates: short lines) followed by body lines (bullets
and sentences). A header line after a body starts the next entry; so does a second date in one header block.
Which header text is which field is `entry_fields`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cvmaker.domain.parsing.dates import DateRange
from cvmaker.domain.parsing.extracted import Span
from cvmaker.domain.parsing.roles import org_score, title_score
from cvmaker.domain.parsing.rows import Row, make_row
from cvmaker.domain.parsing.text import strip_bullet


@dataclass
class Entry:
    header: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)
    dates: list[tuple[str, int]] = field(default_factory=list)  # (printed, line index)
    title: str | None = None
    organization: str | None = None
    location: str | None = None
    date_range: DateRange | None = None
    bullets: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    url: str | None = None
    sources: dict[str, int] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (warning, text)

    @property
    def rows(self) -> list[Row]:
        return self.header + self.body


_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff]")
_STOPWORDS = {"the", "to", "for", "with", "and", "of", "in", "a", "an", "on", "by", "as", "from", "at", "into"}


def is_sentence(text: str) -> bool:
    """Running text, not a header: long, or made of the small words sentences are made of."""
    words = text.split()
    if len(words) >= 16:
        return True
    small = {w.casefold() for w in words if w.casefold() in _STOPWORDS}
    named = [w for w in words if w[:1].isalpha()]
    if named and sum(w[:1].isupper() for w in named) >= 0.75 * len(named) and len(small) <= 1:
        return False  # "Listos SA – South32, Montelibano, Córdoba, Colombia.": names and places, not prose
    if len(words) >= 7 and re.search(r"[a-z]{4}[.;] [A-Z]", text):
        return True  # two sentences on one line
    return (len(words) >= 9 and len(small) >= 3) or (len(words) >= 7 and text.rstrip().endswith((".", ";")))


_LABEL_LINE = re.compile(r"(?:\w[\w'’&/-]*\s){0,3}\w[\w'’&/-]*\s?:")


def _is_body(
    row: Row,
    previous: Row | None,
    previous_kind: str | None,
    right_edge: float,
    bullet_x0: float | None,
    following: Row | None = None,
) -> bool:
    if row.bullet:
        return True
    if previous is not None and not row.dates and _LABEL_LINE.fullmatch(row.text.strip()):
        return True  # "Key achievements:", "Responsibilities:": a label over the lines of the entry it is in
    if row.dates:
        if row.dates_in_own_span:
            # Judged without its dates: "2020 – 2022 | Public service employee at the municipality" is a header.
            return bool(row.text) and is_sentence(" ".join(row.pieces) or row.text) and len(row.pieces) <= 1
        return is_sentence(row.text)
    if row.continues_bullet:
        return True
    if previous is not None and previous_kind == "body":
        line, before = row.line, previous.line
        indented_under_bullet = (
            bullet_x0 is not None
            and line.x0 > bullet_x0 + 1.0
            and line.style is None
            and not _RIGHT_TO_LEFT.search(line.text)
        )  # right to left, the indent is right
        wrapped = line.style is None and wraps_into(previous, row, right_edge) and not previous.dates
        if indented_under_bullet or (wrapped and abs(line.x0 - before.x0) < 2.0 and not previous.bullet):
            return True
    if (
        following is not None
        and not following.bullet
        and not following.dates
        and row.words >= 6
        and row.text.count(",") < 2
        and wraps_into(row, following, right_edge)
    ):
        return True  # a line that runs on into the next is running text, not a header
    return is_sentence(row.text)


def _reads_like_a_statement(text: str) -> bool:
    """ "Led a team of five", "Built the billing service": a verb first or small words, not a name or a place."""
    words = text.split()
    if len(words) < 4:
        return False
    first = words[0].casefold()
    return first.endswith(("ed", "ing")) or any(w.casefold() in _STOPWORDS for w in words[1:])


def _content_x0(row: Row) -> float:
    """Where a line's text starts, after any date set in a margin to its left."""
    for span in row.line.spans:
        if span.text.strip() not in row.dates:
            return span.x0
    return row.line.x0


def wraps_into(before: Row, row: Row, right_edge: float) -> bool:
    """Would the first word of `row` have fitted at the end of `before`? If not, `before` was wrapped there."""
    words = row.line.text.split()
    if not words or before.line.style is not None or len(before.line.spans) != 1:
        return False  # a line with a part set apart at the right (a date, a place) was not wrapped
    if _RIGHT_TO_LEFT.search(before.line.text):
        return False  # set right to left, every line ends at the right edge: where it would wrap is not known
    first_word_width = (len(words[0]) + 1) * 0.5 * before.line.size
    return before.line.x1 + first_word_width > right_edge


def dated_list_items(rows: list[Row]) -> list[Row] | None:
    """A section written as a list whose items carry their own dates ("• 2020 – 2022 | Engineer at Acme"): the
    items read as header lines (their bullets removed), or None when the section is not written so. An item
    without a date stays a bullet of the dated item above it."""
    if len(rows) < 2 or not all(row.bullet for row in rows):
        return None
    remade = [_without_bullet(row) for row in rows]
    dated = [row for row in remade if row.dates]
    if not remade[0].dates or len(dated) * 3 < len(rows) * 2:
        return None
    if sum(is_sentence(" ".join(row.pieces)) for row in dated) * 3 > len(dated):
        return None  # achievements with their years ("• Cut costs by 20% in 2021 through ..."), not items
    return [item if item.dates else row for item, row in zip(remade, rows, strict=True)]


def _without_bullet(row: Row) -> Row:
    spans = list(row.line.spans)
    first = strip_bullet(spans[0].text)[0].strip()
    spans = [replace(spans[0], text=first), *spans[1:]] if first else spans[1:]
    if not spans:
        return row
    return make_row(row.index, replace(row.line, spans=tuple(spans), list_item=False))


def split_entries(rows: list[Row], right_edge: float | None = None) -> list[Entry]:
    """Group the rows of a section into entries. `right_edge`: where lines of this column end when full."""
    if not rows:
        return []
    if (items := dated_list_items(rows)) is not None:
        entries: list[Entry] = []
        for item in items:
            if item.dates or not entries:
                entries.append(Entry(header=[item], dates=[(printed, item.index) for printed in item.dates]))
            else:
                entries[-1].body.append(item)
        return entries
    right_edge = right_edge if right_edge is not None else max(row.line.x1 for row in rows)
    entries = []
    current: Entry | None = None
    previous: Row | None = None
    previous_kind: str | None = None
    bullet_x0: float | None = None  # where the current bullet's marker is: deeper lines continue it
    drawn_x0: float | None = None  # where the text of bullets with drawn (not printed) markers starts
    for position, row in enumerate(rows):
        following = rows[position + 1] if position + 1 < len(rows) else None
        drawn_x0 = _mark_drawn_bullet(row, previous, previous_kind, drawn_x0, right_edge)
        kind = "body" if _is_body(row, previous, previous_kind, right_edge, bullet_x0, following) else "header"
        if row.bullet:
            bullet_x0 = row.line.x0
        elif kind == "header" or (bullet_x0 is not None and row.line.x0 <= bullet_x0 + 1.0):
            bullet_x0 = None
        if kind == "header":
            starts_new = (
                current is None
                or bool(current.body)
                or (
                    row.dates_in_own_span
                    and current.dates
                    and _completes_range(current)
                    and (bool(row.pieces) or _opens_a_range(row) or _dated_first(current))
                )
            )
            titled = _title_over_date(current, row) if not starts_new and current is not None else []
            if titled and current is not None:
                # "Research Associate" / "Oct 2022 – Oct 2023" under the last entry's employer: the role and its
                # dates open the next entry.
                del current.header[-len(titled) :]
                current = Entry(header=titled)
                entries.append(current)
            elif starts_new:
                moved: list[Row] = []
                if current is not None and not current.body and row.dates_in_own_span and entries:
                    # Entries whose date sits on their k-th header line: the k lines before this one are
                    # this entry's, not the previous one's ("School / Degree · 2015" twice).
                    offset = _date_row_offset(entries[0])
                    after_date = _rows_after_date(current)
                    if 0 < offset <= len(after_date):
                        moved = after_date[-offset:]
                        del current.header[-offset:]
                current = Entry()
                current.header.extend(moved)
                entries.append(current)
            assert current is not None
            if row.dates and not current.dates and len(entries) >= 2:
                _return_trailing_lines(entries[-2], current, entries[0], row)
            current.header.append(row)
        else:
            if current is None:
                current = Entry()
                entries.append(current)
            current.body.append(row)
        if kind == "header" or row.dates_in_own_span:
            for printed in row.dates:
                current.dates.append((printed, row.index))
        previous, previous_kind = row, kind
    # (An entry whose dates came from its body has no header line to compare with: nothing moves.)
    if (
        len(entries) >= 2
        and not entries[-1].dates
        and not entries[-1].body
        and entries[-2].dates
        and entries[-2].header
    ):
        # After the last entry of a section, its tools line ("Rust · SQLite") is not an entry of its own.
        _return_trailing_lines(entries[-2], entries[-1], entries[-1], entries[-2].header[0])
        if not entries[-1].header:
            entries.pop()
    return entries


def _return_trailing_lines(previous: Entry, current: Entry, model: Entry, dated: Row) -> None:
    """Entries are laid out alike: if the first has its date on its k-th header line, so do the others. Lines
    before the date beyond those k, in a different type from the entry's head, end the previous entry (its skills
    or tools line, "Python · Django · AWS", the last wrapped words of its description), they do not start this
    one."""
    surplus = len(current.header) - _date_row_offset(model)
    if surplus <= 0 or not model.header:
        return
    head = _lead_span(current.header[surplus] if surplus < len(current.header) else dated)
    moved = current.header[:surplus]
    if all(_lead_span(row).bold != head.bold or abs(_lead_span(row).size - head.size) > 0.5 for row in moved):
        previous.body.extend(moved)
        del current.header[:surplus]


def _lead_span(row: Row) -> Span:
    """The first span of a line that is not its date: the type of its text (a date beside it is often smaller)."""
    for span in row.line.spans:
        if span.text.strip() not in row.dates:
            return span
    return row.line.spans[0] if row.line.spans else Span("", size=row.line.size, bold=row.line.bold)


def _mark_drawn_bullet(
    row: Row, previous: Row | None, previous_kind: str | None, drawn_x0: float | None, right_edge: float
) -> float | None:
    """Bullets whose markers are drawn shapes, not text: statements indented under their entry's header, and
    the lines at the same indent after them. Returns where such bullets start in this entry, if they do."""
    if row.bullet or row.dates or row.line.style is not None or previous is None:
        return drawn_x0 if previous_kind == "body" else None
    if previous_kind == "header":
        if row.line.x0 > _content_x0(previous) + 8.0 and _reads_like_a_statement(row.text):
            row.bullet = True
            return row.line.x0
        return None
    if drawn_x0 is not None and abs(row.line.x0 - drawn_x0) < 2.0:
        if wraps_into(previous, row, right_edge):
            row.continues_bullet = True
        else:
            row.bullet = True
        return drawn_x0
    return None


def _date_row_offset(entry: Entry) -> int:
    """How many header lines come before the line with the date in an entry."""
    for position, row in enumerate(entry.header):
        if row.dates:
            return position
    return 0


def _rows_after_date(entry: Entry) -> list[Row]:
    for position, row in enumerate(entry.header):
        if row.dates:
            return entry.header[position + 1 :]
    return []


def _title_over_date(entry: Entry, row: Row) -> list[Row]:
    """The lines of `entry` that open another entry when `row`, a line of dates alone, comes: the entry has its
    range already and, after its dated line, a line naming a role ("Research Associate") and what follows it."""
    if not (row.dates and not row.pieces and entry.dates and _completes_range(entry)):
        return []
    after = _rows_after_date(entry)
    for position, candidate in enumerate(after):
        if position > 0 and title_score(candidate.text) > 0 and title_score(candidate.text) > org_score(candidate.text):
            return after[position:]
    return []


def _dated_first(entry: Entry) -> bool:
    """The entry opened with a line of dates alone ("2017.18" over its degree and school): the next such line
    opens the next entry, where a lone date under a title would end the entry above."""
    return bool(entry.header) and not entry.header[0].pieces and bool(entry.header[0].dates) and len(entry.header) > 1


def _opens_a_range(row: Row) -> bool:
    """ "10/2016 –" on a line of its own, its end on the next: the next entry's dates, where a lone date would
    end the entry above."""
    return " ".join(row.dates).rstrip().endswith(("-", "–", "—"))


def _completes_range(entry: Entry) -> bool:
    """The entry's dates already form a range (so another date on a header line belongs to a new entry)."""
    joined = " ".join(printed for printed, _ in entry.dates)
    return not joined.rstrip().endswith(("-", "–", "—", "to"))
