"""Edits of a CV document, as pure functions on its dict form.

Every function takes the current document dict and returns a new one; the caller validates the result and saves
it with a version check. Inputs are partial: a key that is absent keeps its current value. Sections and items keep
their ids across edits; new ones get fresh ids (or the client's, when it proposes an unused valid one).
"""

from __future__ import annotations

import copy
from typing import Any

from cvmaker.domain.cv.model import DEFAULT_SECTION_TITLES, SectionKind
from cvmaker.domain.errors import NotFound
from cvmaker.domain.ids import PART_ID_PATTERN, new_part_id

Doc = dict[str, Any]

ITEM_DEFAULTS: dict[str, Any] = {
    "visible": True,
    "title": None,
    "organization": None,
    "location": None,
    "startDate": None,
    "endDate": None,
    "current": False,
    "description": None,
    "bullets": [],
    "keywords": [],
    "url": None,
}
NULLABLE_TEXT = {
    "headline",
    "email",
    "phone",
    "location",
    "summary",
    "title",
    "organization",
    "startDate",
    "endDate",
    "description",
    "url",
    "label",
}


def _clean(value: Any, key: str) -> Any:
    """Trim text and turn blank optional text into null, so "" and null mean the same thing everywhere."""
    if isinstance(value, str):
        value = value.strip() if key not in ("description", "summary") else value.strip("\n ")
        if value == "" and key in NULLABLE_TEXT:
            return None
    if isinstance(value, list) and key in ("bullets", "keywords"):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return value


def _merge(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    merged = dict(current)
    for key, value in changes.items():
        merged[key] = _clean(value, key)
    return merged


def _all_ids(doc: Doc) -> set[str]:
    ids = set()
    for section in doc.get("sections", []):
        ids.add(section.get("id"))
        ids.update(item.get("id") for item in section.get("items", []))
    return ids


def _fresh_id(proposed: Any, taken: set[str]) -> str:
    if isinstance(proposed, str) and PART_ID_PATTERN.match(proposed) and proposed not in taken:
        taken.add(proposed)
        return proposed
    new = new_part_id()
    taken.add(new)
    return new


def _build_item(changes: dict[str, Any], existing: dict[str, Any] | None, taken: set[str]) -> dict[str, Any]:
    changes = {k: v for k, v in changes.items() if k != "id"}
    if existing is not None:
        return _merge(existing, changes)
    item = _merge(ITEM_DEFAULTS, changes)
    return {"id": _fresh_id(None, taken), **item}


def _build_items(
    inputs: list[dict[str, Any]], existing: dict[str, dict[str, Any]], taken: set[str]
) -> list[dict[str, Any]]:
    items = []
    for item_input in inputs:
        item_id = item_input.get("id")
        known = existing.get(item_id) if isinstance(item_id, str) else None
        if known is not None:
            items.append(_build_item(item_input, known, taken))
        else:
            item = _build_item(item_input, None, taken)
            item["id"] = _fresh_id(item_input.get("id"), taken) if item_input.get("id") else item["id"]
            items.append(item)
    return items


def _build_section(
    changes: dict[str, Any], existing: dict[str, Any] | None, taken: set[str], known_items: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    kind = changes.get("kind") or (existing or {}).get("kind") or SectionKind.CUSTOM.value
    kind = kind.value if isinstance(kind, SectionKind) else kind
    if existing is not None:
        section = dict(existing)
        section["kind"] = kind
    else:
        section_id = _fresh_id(changes.get("id"), taken)
        section = {"id": section_id, "kind": kind, "title": None, "visible": True, "items": []}
    for key in ("title", "visible"):
        if key in changes:
            section[key] = _clean(changes[key], key)
    if not section.get("title"):
        section["title"] = _default_title(kind)
    if "items" in changes and changes["items"] is not None:
        section["items"] = _build_items(changes["items"], known_items, taken)
    return section


def _default_title(kind: str) -> str:
    try:
        return DEFAULT_SECTION_TITLES[SectionKind(kind)]
    except ValueError:  # an unknown kind: validation reports it with its path
        return "Other"


def _items_by_id(doc: Doc) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for section in doc.get("sections", []) for item in section.get("items", [])}


def new_document(changes: dict[str, Any]) -> Doc:
    """A complete document from a (possibly partial) input, with defaults and fresh ids."""
    from cvmaker.domain.cv.model import CvDocument

    return apply_changes(CvDocument().to_dict(), changes)


def apply_changes(doc: Doc, changes: dict[str, Any]) -> Doc:
    """A whole-document write: top-level keys present in `changes` replace or merge into `doc`."""
    result = copy.deepcopy(doc)
    if "title" in changes and changes["title"] is not None:
        result["title"] = changes["title"].strip()
    if "summary" in changes:
        result["summary"] = _clean(changes["summary"], "summary")
    if changes.get("basics") is not None:
        basics = _merge(result["basics"], {k: v for k, v in changes["basics"].items() if k != "links"})
        if changes["basics"].get("links") is not None:
            basics["links"] = [_merge({"label": None, "url": ""}, link) for link in changes["basics"]["links"]]
        result["basics"] = basics
    if changes.get("design") is not None:
        result["design"] = {**result["design"], **{k: v for k, v in changes["design"].items() if v is not None}}
    if changes.get("sections") is not None:
        known_sections = {s["id"]: s for s in doc.get("sections", [])}
        known_items = _items_by_id(doc)
        taken: set[str] = set()
        # Ids the input keeps are reserved first, so a new part cannot take an id the same write still uses.
        for section_input in changes["sections"]:
            if section_input.get("id") in known_sections:
                taken.add(section_input["id"])
                if section_input.get("items") is None:  # a kept section that lists no items keeps its own
                    taken.update(item["id"] for item in known_sections[section_input["id"]].get("items", []))
            for item_input in section_input.get("items") or []:
                if item_input.get("id") in known_items:
                    taken.add(item_input["id"])
        result["sections"] = [
            _build_section(s, known_sections.get(s.get("id")) if s.get("id") else None, taken, known_items)
            for s in changes["sections"]
        ]
    return _without_layouts_of_removed(doc, result)


def _without_layouts_of_removed(before: Doc, after: Doc) -> Doc:
    """`after` without the design's layouts of sections that were in `before` and are gone: deleting a section
    must not make the next save invalid. A layout naming a section that never existed is left for validation."""
    kept = {section["id"] for section in after.get("sections", [])}
    removed = {section["id"] for section in before.get("sections", [])} - kept
    layouts = after.get("design", {}).get("sections")
    if removed and isinstance(layouts, list):
        after["design"]["sections"] = [
            layout for layout in layouts if not (isinstance(layout, dict) and layout.get("sectionId") in removed)
        ]
    return after


def _section_index(doc: Doc, section_id: str) -> int:
    for index, section in enumerate(doc["sections"]):
        if section["id"] == section_id:
            return index
    raise NotFound("Section")


def _item_location(doc: Doc, item_id: str) -> tuple[int, int]:
    for s, section in enumerate(doc["sections"]):
        for i, item in enumerate(section["items"]):
            if item["id"] == item_id:
                return s, i
    raise NotFound("Item")


def _clamp(position: int | None, length: int) -> int:
    if position is None:
        return length
    return max(0, min(position, length))


def add_section(doc: Doc, changes: dict[str, Any], position: int | None = None) -> tuple[Doc, str]:
    result = copy.deepcopy(doc)
    section = _build_section(changes, None, _all_ids(result), {})
    result["sections"].insert(_clamp(position, len(result["sections"])), section)
    return result, section["id"]


def update_section(doc: Doc, section_id: str, changes: dict[str, Any]) -> Doc:
    result = copy.deepcopy(doc)
    index = _section_index(result, section_id)
    taken = _all_ids(result)
    result["sections"][index] = _build_section(
        {k: v for k, v in changes.items() if k != "id"},
        result["sections"][index],
        taken,
        {item["id"]: item for item in result["sections"][index]["items"]},
    )
    return result


def remove_section(doc: Doc, section_id: str) -> Doc:
    result = copy.deepcopy(doc)
    del result["sections"][_section_index(result, section_id)]
    return _without_layouts_of_removed(doc, result)


def move_section(doc: Doc, section_id: str, position: int) -> Doc:
    result = copy.deepcopy(doc)
    section = result["sections"].pop(_section_index(result, section_id))
    result["sections"].insert(_clamp(position, len(result["sections"])), section)
    return result


def add_item(doc: Doc, section_id: str, changes: dict[str, Any], position: int | None = None) -> tuple[Doc, str]:
    result = copy.deepcopy(doc)
    section = result["sections"][_section_index(result, section_id)]
    taken = _all_ids(result)
    item = _build_item(changes, None, taken)
    if changes.get("id"):
        item["id"] = _fresh_id(changes["id"], taken)
    section["items"].insert(_clamp(position, len(section["items"])), item)
    return result, item["id"]


def update_item(doc: Doc, item_id: str, changes: dict[str, Any]) -> Doc:
    result = copy.deepcopy(doc)
    s, i = _item_location(result, item_id)
    result["sections"][s]["items"][i] = _build_item(changes, result["sections"][s]["items"][i], set())
    return result


def remove_item(doc: Doc, item_id: str) -> Doc:
    result = copy.deepcopy(doc)
    s, i = _item_location(result, item_id)
    del result["sections"][s]["items"][i]
    return result


def move_item(doc: Doc, item_id: str, section_id: str, position: int) -> Doc:
    result = copy.deepcopy(doc)
    target = _section_index(result, section_id)
    s, i = _item_location(result, item_id)
    item = result["sections"][s]["items"].pop(i)
    items = result["sections"][target]["items"]
    items.insert(_clamp(position, len(items)), item)
    return result
