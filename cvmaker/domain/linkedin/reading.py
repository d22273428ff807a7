"""A LinkedIn data export (the zip's bytes) to a JSON Resume document, with warnings named by file, row and column.

The document goes on to the tolerant JSON Resume reader, which normalises dates ("Jan 2020", "2020"), open ends
and everything else in one place; `LinkedInExport.translated` names that reader's warnings by the export's rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cvmaker.domain.errors import FieldProblem, UnsupportedFile
from cvmaker.domain.linkedin.archive import CsvFile, read_csv_files
from cvmaker.domain.linkedin.sections import (
    CV_FILES,
    EMAIL_COLUMNS,
    EMAILS,
    LIST_FIELDS,
    PHONE_COLUMNS,
    PHONES,
    PROFILE,
    PROFILE_COLUMNS,
    SECTION_FILES,
    FileSpec,
)
from cvmaker.domain.linkedin.tables import NotATable, Row, Table, fold, read_table

LEFT_OUT = "a CV has no place for it: left out"
_BULLET = re.compile(r"^\s*(?:[•·▪►◦‣●○■□✓✔*\-–—]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}):(?!//)")
_UNLABELLED = {"personal", "other", "website", ""}


@dataclass(frozen=True)
class ExportWarning:
    path: str  # where in the export: "Positions.csv row 3, Started On"
    message: str
    text: str = ""  # the words concerned, so a person can put them back by hand


@dataclass(frozen=True)
class LinkedInExport:
    resume: dict[str, Any]  # a JSON Resume document
    warnings: list[ExportWarning]
    origins: dict[str, str]  # JSON Resume path ("work.2.startDate") -> where in the export it came from
    files: tuple[str, ...]  # the export's files it was made from

    def where(self, path: str) -> str:
        """The place in the export of a JSON Resume path, or the path itself when it names no place there."""
        parts = path.split(".") if path else []
        for n in range(len(parts), 0, -1):
            prefix = ".".join(parts[:n])
            if prefix in self.origins:
                rest = ".".join(parts[n:])
                return self.origins[prefix] + (f" ({rest})" if rest else "")
        return path

    def translated(self, problems: Iterable[FieldProblem]) -> list[ExportWarning]:
        """The JSON Resume reader's warnings, named by the export's rows and carrying the words concerned."""
        return [
            ExportWarning(self.where(problem.path), problem.message, _text_at(self.resume, problem.path))
            for problem in problems
        ]


def _text_at(document: Any, path: str) -> str:
    for part in path.split(".") if path else []:
        if isinstance(document, dict):
            document = document.get(part)
        elif isinstance(document, list) and part.isdigit() and int(part) < len(document):
            document = document[int(part)]
        else:
            return ""
    return document if isinstance(document, str) else ""


@dataclass
class _Builder:
    resume: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    warnings: list[ExportWarning] = field(default_factory=list)

    def warn(self, path: str, message: str, text: str = "") -> None:
        self.warnings.append(ExportWarning(path, message, text))

    def left_out(self, table: Table, row: Row, columns: Iterable[str], headers: dict[str, str]) -> None:
        for column in columns:
            if row.cells.get(column):
                self.warn(f"{table.name} row {row.number}, {headers.get(column, column)}", LEFT_OUT, row.cells[column])


def _is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def _add(entry: dict[str, Any], jr: str, value: str, label: str, bullets: str) -> None:
    """Put one cell's value into the entry: a list field gets its lines, a text field is appended to, and lines
    written as bullets go to the `bullets` list when there is one."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if bullets and any(_is_bullet(line) for line in lines):
        points = [_BULLET.sub("", line, count=1) for line in lines if _is_bullet(line)]
        entry.setdefault(bullets, []).extend(points)
        lines = [line for line in lines if not _is_bullet(line)]
        value = "\n".join(lines)
        if not value:
            return
    if label:
        value = f"{label}: {value}"
    if jr in LIST_FIELDS:
        parts = [f"{label}: {' '.join(lines)}"] if label else [_BULLET.sub("", line, count=1) for line in lines]
        entry.setdefault(jr, []).extend(parts)
    elif entry.get(jr):
        entry[jr] = f"{entry[jr]}\n{value}"
    else:
        entry[jr] = value


def _section(spec: FileSpec, table: Table, headers: dict[str, str], out: _Builder) -> None:
    entries: list[dict[str, Any]] = out.resume.setdefault(spec.key, [])
    for row in table.rows:
        where = f"{table.name} row {row.number}"
        entry: dict[str, Any] = {}
        origins: dict[str, str] = {}
        used: set[str] = set()
        for column in spec.columns:
            name = next((fold(n) for n in column.names if row.cells.get(fold(n))), None)
            used |= {fold(n) for n in column.names}
            if name is None:
                continue
            _add(entry, column.jr, row.cells[name], column.label, column.bullets)
            for jr in (column.jr, column.bullets):
                if jr and jr in entry:
                    origins.setdefault(jr, f"{where}, {column.names[0]}")
        rest = [c for c in table.columns if c and c not in used and c not in {fold(i) for i in spec.ignored}]
        if spec.keep_rest:
            for other in rest:
                if row.cells.get(other):
                    _add(entry, "summary", row.cells[other], headers.get(other, other), "")
                    origins.setdefault("summary", f"{where}, {headers.get(other, other)}")
        else:
            out.left_out(table, row, rest, headers)
        if not entry:
            continue
        index = len(entries)
        entries.append(entry)
        out.origins[f"{spec.key}.{index}"] = where
        out.origins |= {f"{spec.key}.{index}.{jr}": place for jr, place in origins.items()}
    if not entries:
        del out.resume[spec.key]


def _websites(text: str) -> list[tuple[str, str]]:
    """(label, address) of each site in "[PORTFOLIO:https://x.example,COMPANY:https://y.example]"."""
    inner = text.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    marks = [m for m in _LABEL.finditer(inner) if m.start() == 0 or inner[m.start() - 1] == ","]
    sites: list[tuple[str, str]] = []
    head = inner[: marks[0].start()] if marks else inner
    sites += [("", part.strip()) for part in head.split(",") if part.strip()]
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() - 1 if n + 1 < len(marks) else len(inner)
        address = inner[mark.end() : end].strip()
        if address:
            sites.append((mark.group(1).strip(), address))
    return sites


def _handles(text: str) -> list[str]:
    inner = text.strip().strip("[]")
    return [part.strip().lstrip("@") for part in inner.split(",") if part.strip()]


def _profile(table: Table, headers: dict[str, str], out: _Builder) -> None:
    if not table.rows:
        return
    row, *others = table.rows
    for other in others:
        out.warn(f"{table.name} row {other.number}", "a profile has one row: this one was left out")
    where = f"{table.name} row {row.number}"
    basics: dict[str, Any] = {}
    used = {fold(c) for c in ("First Name", "Last Name", "Headline", "Summary", "Geo Location")}
    name = " ".join(part for part in (row.get("First Name"), row.get("Last Name")) if part)
    if name:
        basics["name"] = name
        out.origins["basics.name"] = f"{where}, First Name"
    for jr, column in (("label", "Headline"), ("summary", "Summary")):
        if row.get(column):
            basics[jr] = row.get(column)
            out.origins[f"basics.{jr}"] = f"{where}, {column}"
    place = row.get("Geo Location")
    if place:
        basics["location"] = {"city": place}
        out.origins["basics.location"] = f"{where}, Geo Location"
    elif row.get("Address"):
        basics["location"] = {"address": row.get("Address")} | (
            {"postalCode": row.get("Zip Code")} if row.get("Zip Code") else {}
        )
        out.origins["basics.location"] = f"{where}, Address"
        used |= {fold("Address"), fold("Zip Code")}
    profiles: list[dict[str, str]] = []
    for label, address in _websites(row.get("Websites")):
        network = {"network": label.title()} if label.casefold() not in _UNLABELLED else {}
        out.origins[f"basics.profiles.{len(profiles)}"] = f"{where}, Websites"
        profiles.append(network | {"url": address})
    for handle in _handles(row.get("Twitter Handles")):
        out.origins[f"basics.profiles.{len(profiles)}"] = f"{where}, Twitter Handles"
        profiles.append({"network": "Twitter", "username": handle})
    used |= {fold("Websites"), fold("Twitter Handles")}
    if profiles:
        basics["profiles"] = profiles
    out.left_out(table, row, [c for c in table.columns if c and c not in used], headers)
    out.resume.setdefault("basics", {}).update(basics)


def _yes(value: str) -> bool:
    return value.strip().casefold() in ("yes", "true", "y", "1")


def _email(table: Table, out: _Builder) -> None:
    rows = [row for row in table.rows if row.get("Email Address")]
    if not rows:
        return
    chosen = next((r for r in rows if _yes(r.get("Primary"))), None) or next(
        (r for r in rows if _yes(r.get("Confirmed"))), rows[0]
    )
    out.resume.setdefault("basics", {})["email"] = chosen.get("Email Address")
    out.origins["basics.email"] = f"{table.name} row {chosen.number}, Email Address"
    for row in rows:
        if row is not chosen:
            out.warn(
                f"{table.name} row {row.number}, Email Address",
                "a CV shows one email address (the primary one): left out",
                row.get("Email Address"),
            )


def _phone(table: Table, out: _Builder) -> None:
    rows = [row for row in table.rows if row.get("Number")]
    if not rows:
        return
    chosen = next((r for r in rows if r.get("Type").casefold() == "mobile"), rows[0])
    number = chosen.get("Number") + (f" ext. {chosen.get('Extension')}" if chosen.get("Extension") else "")
    out.resume.setdefault("basics", {})["phone"] = number
    out.origins["basics.phone"] = f"{table.name} row {chosen.number}, Number"
    for row in rows:
        if row is not chosen:
            out.warn(
                f"{table.name} row {row.number}, Number", "a CV shows one phone number: left out", row.get("Number")
            )


_SPECS = {fold(spec.file): spec for spec in SECTION_FILES}
_EXPECTED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    fold(PROFILE): (PROFILE_COLUMNS, ("First Name", "Last Name")),
    fold(EMAILS): (EMAIL_COLUMNS, ("Email Address",)),
    fold(PHONES): (PHONE_COLUMNS, ("Number",)),
    **{name: (spec.expected, spec.key_columns) for name, spec in _SPECS.items()},
}
# The order a person reads a CV in: who, then work, education, skills, ... (the JSON Resume reader keeps it).
_ORDER = [fold(name) for name in CV_FILES]


def _read(file: CsvFile, out: _Builder) -> None:
    key = fold(file.name)
    if file.not_utf8:
        out.warn(file.name, "is not UTF-8 text: characters that could not be read are shown as �")
    try:
        table = read_table(file.name, file.text, *_EXPECTED[key])
    except NotATable as reason:
        out.warn(file.name, f"{reason}: left out")
        return
    for number, problem in table.problems:
        out.warn(f"{file.name} row {number}", problem)
    headers = dict(zip(table.columns, table.headers, strict=False))
    if key == fold(PROFILE):
        _profile(table, headers, out)
    elif key == fold(EMAILS):
        _email(table, out)
    elif key == fold(PHONES):
        _phone(table, out)
    else:
        _section(_SPECS[key], table, headers, out)


def read_linkedin_export(data: bytes) -> LinkedInExport:
    """The JSON Resume document of a LinkedIn data export's zip bytes, with warnings for what was left out.

    Raises `UnsupportedFile` for what is not a readable zip or holds none of the export's CV files, and
    `FileLimitExceeded` for an archive past the caps of `archive`.
    """
    files = read_csv_files(data, frozenset(_EXPECTED))
    if not files:
        raise UnsupportedFile(
            "This zip archive is not a LinkedIn data export (nor a Word document): it holds none of "
            f"{', '.join(CV_FILES)}.",
            "not_a_linkedin_export",
        )
    out = _Builder()
    for file in sorted(files, key=lambda f: _ORDER.index(fold(f.name))):
        _read(file, out)
    return LinkedInExport(out.resume, out.warnings, out.origins, tuple(f.name for f in files))
