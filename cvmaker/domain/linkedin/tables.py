"""One CSV file of the export as a table of rows, each row numbered as a spreadsheet shows it.

LinkedIn writes RFC 4180 CSV (quoted fields may span lines), some files after a few "Notes:" lines, and older
exports separate some files with tabs. The header is the first of the first rows that names the file's columns;
columns are matched whatever their case or surrounding spaces.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field

MAX_PREAMBLE_ROWS = 10
_DELIMITERS = (",", "\t", ";")


def fold(column: str) -> str:
    return " ".join(column.replace("_", " ").split()).casefold()


@dataclass(frozen=True)
class Row:
    number: int  # the spreadsheet row: the file's first line is row 1, a quoted multi-line cell is one row
    cells: dict[str, str]  # folded column name -> the value, trimmed

    def get(self, *columns: str) -> str:
        """The first non-empty value among `columns` (other names of the same column)."""
        return next((self.cells[fold(c)] for c in columns if self.cells.get(fold(c))), "")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]  # folded, in file order
    headers: tuple[str, ...]  # as the file writes them
    rows: list[Row] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row, what was left out)


class NotATable(ValueError):
    """The file has no header row naming the columns we look for, or is not CSV at all."""


def _records(text: str, delimiter: str) -> tuple[list[list[str]], str]:
    """The records of `text` up to the first one the csv module cannot read, and why it could not ("" if all)."""
    records: list[list[str]] = []
    try:
        # extend() keeps what it appended before the reader raised: the rows before a bad one are not lost.
        records.extend(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as error:
        return records, str(error)
    return records, ""


def _header_at(records: list[list[str]], expected: tuple[str, ...], key: tuple[str, ...]) -> int | None:
    """The first row naming the key column or two of the expected ones (a "Notes:" line names neither)."""
    wanted = {fold(c) for c in expected}
    keys = {fold(c) for c in key}
    for n, record in enumerate(records[:MAX_PREAMBLE_ROWS]):
        cells = {fold(cell) for cell in record}
        if keys & cells or len(wanted & cells) >= 2:
            return n
    return None


def read_table(name: str, text: str, expected: tuple[str, ...], key: tuple[str, ...]) -> Table:
    """The rows of `text`, keyed by the header's folded column names. `expected` are the columns we read, `key`
    the names of the one a file of this kind always has. Raises `NotATable`."""
    failure = ""
    for delimiter in _DELIMITERS:
        records, failure = _records(text, delimiter)
        at = _header_at(records, expected, key)
        if at is not None:
            table = _table(name, records, at)
            if failure:  # a cell past the csv module's size cap, say: the rows before it are kept
                lost = f"could not be read as CSV ({failure}): this row and the rows after it were left out"
                table.problems.append((len(records) + 1, lost))
            return table
    if failure:
        raise NotATable(f"it could not be read as CSV ({failure})")
    raise NotATable(f"it has no header row naming its columns (such as {', '.join(expected[:4])})")


def _table(name: str, records: list[list[str]], at: int) -> Table:
    columns = tuple(fold(cell) for cell in records[at])
    table = Table(name, columns, tuple(cell.strip() for cell in records[at]))
    for n, record in enumerate(records[at + 1 :], start=at + 2):
        values = [html.unescape(value).strip() for value in record]
        if not any(values):
            continue
        cells = {column: value for column, value in zip(columns, values, strict=False) if column}
        extra = [value for value in values[len(columns) :] if value]
        if extra:
            table.problems.append((n, f"has more cells than the header names: left out ({'; '.join(extra)})"))
        table.rows.append(Row(n, cells))
    return table
