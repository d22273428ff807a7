"""Our CV to a JSON Resume document, keeping under meta.cvmaker what JSON Resume has no field for."""

from __future__ import annotations

import copy
from typing import Any

from cvmaker.domain.cv.model import CvDocument, SectionKind
from cvmaker.domain.json_resume.basics import basics_fingerprint, read_basics, write_basics
from cvmaker.domain.json_resume.codecs import Entry, Fields
from cvmaker.domain.json_resume.reading import basics_hash, item_hash
from cvmaker.domain.json_resume.sections import (
    SCHEMA_URL,
    SECTION_FOR_CUSTOM_TITLE,
    SECTION_FOR_KIND,
    VENDOR_KEY,
    VENDOR_VERSION,
    JsonResumeSection,
    custom_table,
)

BASICS_KEYS = frozenset({"name", "label", "email", "phone", "url", "summary", "location", "profiles"})


def to_json_resume(doc: CvDocument, *, keep_extras: bool = True, kept: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON Resume document (valid against the schema) of `doc`.

    With `keep_extras`, `meta.cvmaker` holds what JSON Resume cannot, so `from_json_resume` gives `doc` back.
    With `kept` (from `read_json_resume`), what was read and our model has no field for is written back: each
    unchanged item and unchanged basics as they were read, edited ones with their unknown fields, custom
    sections under their own key (outside the official schema, as the file had them), top-level values and meta.
    """
    cv = doc.to_dict()
    kept = kept or {}
    basics = _kept_basics(write_basics(cv["basics"], cv["summary"]), cv, kept.get("basics"))
    result: dict[str, Any] = {"$schema": SCHEMA_URL, "basics": basics}
    layout = []
    kept_items = kept.get("items") or {}
    custom_keys = kept.get("sections") or {}
    for section in cv["sections"]:
        custom_key = custom_keys.get(section["id"])
        table = (
            _home(section)
            if custom_key is None or not section["visible"]
            else custom_table(custom_key, section["title"])
        )
        records: list[dict[str, Any]] = []
        for item in section["items"]:
            if table is None or not item["visible"]:
                records.append({"item": item})
                continue
            entries = result.setdefault(table.key, [])
            entry = _kept_entry(table, item, kept_items.get(item["id"]))
            entries.append(entry)
            back = table.read(entry)[0]
            extras = {name: value for name, value in item.items() if name != "id" and back[name] != value}
            record = {"id": item["id"], "at": len(entries) - 1, "hash": table.fingerprint(entry)}
            records.append(record | ({"extras": extras} if extras else {}))
        layout.append(
            {key: section[key] for key in ("id", "kind", "title", "visible")}
            | {"key": table.key if table else None, "items": records}
        )
    for key, value in (kept.get("top") or {}).items():
        result.setdefault(key, copy.deepcopy(value))
    if kept.get("meta"):
        result["meta"] = copy.deepcopy(kept["meta"])
    if keep_extras:
        result.setdefault("meta", {})[VENDOR_KEY] = {
            "version": VENDOR_VERSION,
            "title": cv["title"],
            "design": cv["design"],
            "basics": _basics_record(basics, cv),
            "sections": layout,
        }
    return result


def _kept_entry(table: JsonResumeSection, item: Fields, kept: dict[str, Any] | None) -> Entry:
    """The entry of `item`: as it was read while the item is unchanged, else written with its unknown fields."""
    if kept is None:
        return table.write(item)
    if kept.get("hash") == item_hash(item):
        return copy.deepcopy(dict(kept["entry"]))
    own = table.jr_fields
    written = table.write(item)
    return {key: copy.deepcopy(value) for key, value in kept["entry"].items() if key not in own} | written


def _kept_basics(written: Entry, cv: Fields, kept: dict[str, Any] | None) -> Entry:
    if kept is None:
        return written
    entry = kept["entry"]
    if kept.get("hash") == basics_hash(cv["basics"], cv["summary"]):
        return copy.deepcopy(dict(entry))
    result = {key: copy.deepcopy(value) for key, value in entry.items() if key not in BASICS_KEYS} | written
    location = entry.get("location")
    if isinstance(location, dict) and read_basics({"location": location})[0]["location"] == cv["basics"]["location"]:
        result["location"] = copy.deepcopy(location)
    by_url = {p.get("url"): p for p in entry.get("profiles") or [] if isinstance(p, dict)}
    if "profiles" in result:
        result["profiles"] = [copy.deepcopy(by_url.get(p["url"], p)) for p in result["profiles"]]
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
    # Only fields the reader takes back: the photo is a key to a file of this account, which an import must not set.
    extras = {name: value for name, value in cv["basics"].items() if name in back and back[name] != value}
    if summary != cv["summary"]:
        extras["summary"] = cv["summary"]
    return {"hash": basics_fingerprint(jr_basics)} | ({"extras": extras} if extras else {})
