"""Entries of a list section (certificates, awards, publications, interests) written without bullets: which
lines make one item, and roles that share one employer line."""

from __future__ import annotations

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.entries import Entry
from cvmaker.domain.parsing.rows import Row

LIST_KINDS = {SectionKind.CERTIFICATIONS, SectionKind.AWARDS, SectionKind.CUSTOM}


def one_per_line(entries: list[Entry], kind: SectionKind | None) -> list[Entry]:
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


def inherit_employer(entry: Entry, previous: Entry) -> None:
    """Several roles under one employer: "Acme" on its own line, then "Senior Engineer 2020 - now", bullets,
    "Engineer 2018 - 2020", bullets. The later roles carry the employer of the first."""
    if entry.organization or not entry.title or not previous.organization:
        return
    org_line = previous.sources.get("organization")
    own_line = {previous.sources.get("title"), previous.sources.get("dates")}
    if org_line is not None and org_line not in own_line and org_line < (previous.sources.get("title") or 0):
        entry.organization = previous.organization
        entry.sources["organization"] = org_line
