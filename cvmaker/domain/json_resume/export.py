"""Our CV to a JSON Resume document, keeping under meta.cvmaker what JSON Resume has no field for."""

from __future__ import annotations

from typing import Any

from cvmaker.domain.cv.model import CvDocument, SectionKind
from cvmaker.domain.json_resume.basics import basics_fingerprint, read_basics, write_basics
from cvmaker.domain.json_resume.codecs import Entry, Fields
from cvmaker.domain.json_resume.sections import (
    SCHEMA_URL,
    SECTION_FOR_CUSTOM_TITLE,
    SECTION_FOR_KIND,
    VENDOR_KEY,
    VENDOR_VERSION,
    JsonResumeSection,
)


def to_json_resume(doc: CvDocument, *, keep_extras: bool = True) -> dict[str, Any]:
    """A JSON Resume document (valid against the schema) of `doc`.

    With `keep_extras`, `meta.cvmaker` holds what JSON Resume cannot, so `from_json_resume` gives `doc` back.
    """
    cv = doc.to_dict()
    basics = write_basics(cv["basics"], cv["summary"])
    result: dict[str, Any] = {"$schema": SCHEMA_URL, "basics": basics}
    layout = []
    for section in cv["sections"]:
        table = _home(section)
        records: list[dict[str, Any]] = []
        for item in section["items"]:
            if table is None or not item["visible"]:
                records.append({"item": item})
                continue
            entries = result.setdefault(table.key, [])
            entry = table.write(item)
            entries.append(entry)
            back = table.read(entry)[0]
            extras = {name: value for name, value in item.items() if name != "id" and back[name] != value}
            record = {"id": item["id"], "at": len(entries) - 1, "hash": table.fingerprint(entry)}
            records.append(record | ({"extras": extras} if extras else {}))
        layout.append(
            {key: section[key] for key in ("id", "kind", "title", "visible")}
            | {"key": table.key if table else None, "items": records}
        )
    if keep_extras:
        result["meta"] = {
            VENDOR_KEY: {
                "version": VENDOR_VERSION,
                "title": cv["title"],
                "design": cv["design"],
                "basics": _basics_record(basics, cv),
                "sections": layout,
            }
        }
    return result


def _home(section: Fields) -> JsonResumeSection | None:
    """The JSON Resume array a section's visible items go to; None keeps the section in meta.cvmaker only."""
    if not section["visible"]:
        return None
    kind = SectionKind(section["kind"])
    if kind is SectionKind.CUSTOM:
        return SECTION_FOR_CUSTOM_TITLE.get(section["title"].strip().casefold())
    return SECTION_FOR_KIND[kind]


def _basics_record(jr_basics: Entry, cv: Fields) -> dict[str, Any]:
    back, summary, _ = read_basics(jr_basics)
    extras = {name: value for name, value in cv["basics"].items() if back[name] != value}
    if summary != cv["summary"]:
        extras["summary"] = cv["summary"]
    return {"hash": basics_fingerprint(jr_basics)} | ({"extras": extras} if extras else {})
