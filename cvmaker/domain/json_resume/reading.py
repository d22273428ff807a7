"""A JSON Resume document to our CV: the checks in order, then each entry placed where meta.cvmaker says its
item was, and any problem our own rules find named by the JSON Resume path it came from.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from cvmaker.domain import limits
from cvmaker.domain.cv.editing import ITEM_DEFAULTS
from cvmaker.domain.cv.model import CvDocument, Design
from cvmaker.domain.cv.validation import MAX_REPORTED_PROBLEMS, validate_document
from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.ids import new_part_id
from cvmaker.domain.json_resume.basics import basics_fingerprint, read_basics
from cvmaker.domain.json_resume.checks import json_resume_validator, schema_problems, shape_problems, vendor_validator
from cvmaker.domain.json_resume.codecs import Entry, Fields, hash_of
from cvmaker.domain.json_resume.normalising import NOT_A_CV, Loose, normalise
from cvmaker.domain.json_resume.sections import SECTIONS_BY_KEY, VENDOR_KEY, JsonResumeSection, custom_table
from cvmaker.domain.reactive_resume import recognise


@dataclass
class _Placed:
    """An item of the CV being built, with the JSON Resume path of itself ("") and of each field it got."""

    item: Fields
    origins: dict[str, str]


@dataclass
class _Slot:
    """Where meta.cvmaker says an exported item goes, until an entry of the array fills it."""

    record: dict[str, Any]
    path: str
    placed: _Placed | None = None


@dataclass
class _SectionDraft:
    section: Fields
    origin: str
    items_origin: str
    key: str | None
    items: list[_Placed | _Slot] = field(default_factory=list)


def _placed_entry(table: JsonResumeSection, index: int, entry: Entry) -> _Placed:
    item, sources = table.read(entry)
    where = f"{table.key}.{index}"
    return _Placed({"id": new_part_id(), **item}, {"": where} | {cv: f"{where}.{jr}" for cv, jr in sources.items()})


def _new_draft(table: JsonResumeSection) -> _SectionDraft:
    section = {"id": new_part_id(), "kind": table.kind.value, "title": table.title, "visible": True}
    return _SectionDraft(section, table.key, table.key, table.key)


def _drafts_from_layout(layout: list[dict[str, Any]]) -> list[_SectionDraft]:
    drafts = []
    for v, record in enumerate(layout):
        path = f"meta.{VENDOR_KEY}.sections.{v}"
        key = record.get("key")
        section = {
            "id": record["id"],
            "kind": record["kind"],
            "title": record["title"],
            "visible": record.get("visible", True),
        }
        draft = _SectionDraft(section, path, key or f"{path}.items", key)
        for r, item_record in enumerate(record["items"]):
            if "item" in item_record:
                item = copy.deepcopy(ITEM_DEFAULTS) | item_record["item"]
                draft.items.append(_Placed(item, {"": f"{path}.items.{r}.item"}))
            elif key:
                draft.items.append(_Slot(item_record, f"{path}.items.{r}"))
        drafts.append(draft)
    return drafts


def _fill_slots(table: JsonResumeSection, entries: list[Any], drafts: list[_SectionDraft]) -> None:
    """Put each entry of one array where meta.cvmaker says its item was, or beside its neighbour if it is new."""
    slots = [
        (draft, item) for draft in drafts if draft.key == table.key for item in draft.items if isinstance(item, _Slot)
    ]
    prints = [table.fingerprint(entry) for entry in entries]
    owner: dict[int, tuple[_Slot, bool]] = {}
    for _, slot in slots:  # first the entries nobody touched: their hash is unchanged
        at, wanted = slot.record["at"], slot.record["hash"]
        candidates = ([at] if at < len(entries) else []) + list(range(len(entries)))
        index = next((i for i in candidates if i not in owner and prints[i] == wanted), None)
        if index is not None:
            owner[index] = (slot, True)
    claimed = {id(slot) for slot, _ in owner.values()}
    for _, slot in slots:  # then entries edited in place elsewhere: same position, new content
        at = slot.record["at"]
        if id(slot) not in claimed and at < len(entries) and at not in owner:
            owner[at] = (slot, False)
    placed_at: dict[int, tuple[_SectionDraft, _Placed | _Slot]] = {}
    slot_draft = {id(slot): draft for draft, slot in slots}
    for index, entry in enumerate(entries):
        placed = _placed_entry(table, index, entry)
        if index in owner:
            slot, unchanged = owner[index]
            _restore(placed, slot, table, unchanged)
            slot.placed = placed
            placed_at[index] = (slot_draft[id(slot)], slot)
            continue
        previous = next((placed_at[i] for i in range(index - 1, -1, -1) if i in placed_at), None)
        if previous:
            draft, neighbour = previous
            draft.items.insert(next(n for n, x in enumerate(draft.items) if x is neighbour) + 1, placed)
        else:
            home = next((d for d in drafts if d.key == table.key), None)
            if home is None:
                home = _new_draft(table)
                drafts.append(home)
            # With a layout, an entry before every known one goes first; without, entries keep their order.
            home.items.insert(0 if slots else len(home.items), placed)
            draft = home
        placed_at[index] = (draft, placed)


def _restore(placed: _Placed, slot: _Slot, table: JsonResumeSection, unchanged: bool) -> None:
    """Give an entry its item's id and the fields JSON Resume could not carry (all of them if nobody edited it)."""
    placed.item["id"] = slot.record["id"]
    placed.origins["id"] = f"{slot.path}.id"
    for name, value in (slot.record.get("extras") or {}).items():
        if unchanged or name not in table.cv_fields:
            placed.item[name] = value
            placed.origins[name] = f"{slot.path}.extras.{name}"


def _build(
    data: dict[str, Any], custom: Mapping[str, JsonResumeSection] | None = None
) -> tuple[Fields, dict[str, str]]:
    """Our document dict from a schema-valid JSON Resume document, and the JSON Resume path of each part."""
    vendor = (data.get("meta") or {}).get(VENDOR_KEY)
    jr_basics = data.get("basics") or {}
    basics, summary, origins = read_basics(jr_basics)
    name = basics["name"].strip()
    title = f"{name} CV"[: limits.MAX_TITLE] if name else "Imported CV"
    origins["title"] = "basics.name"
    design = Design().to_dict()
    drafts: list[_SectionDraft] = []
    if vendor is not None:
        vendor_path = f"meta.{VENDOR_KEY}"
        if "title" in vendor:
            title, origins["title"] = vendor["title"], f"{vendor_path}.title"
        design |= vendor.get("design") or {}
        origins["design"] = f"{vendor_path}.design"
        kept = vendor.get("basics") or {}
        if kept.get("hash") == basics_fingerprint(jr_basics):
            for name_, value in (kept.get("extras") or {}).items():
                where = f"{vendor_path}.basics.extras.{name_}"
                if name_ == "summary":
                    summary, origins["summary"] = value, where
                else:
                    basics[name_], origins[f"basics.{name_}"] = value, where
        drafts = _drafts_from_layout(vendor.get("sections") or [])
    for key, value in data.items():
        table = SECTIONS_BY_KEY.get(key) or (custom or {}).get(key)
        if table is not None:
            _fill_slots(table, value or [], drafts)
    sections: list[Fields] = []
    origins["sections"] = ""
    for s, draft in enumerate(drafts):
        items = [x.placed if isinstance(x, _Slot) else x for x in draft.items]
        kept_items = [placed for placed in items if placed is not None]
        sections.append(draft.section | {"items": [placed.item for placed in kept_items]})
        origins[f"sections.{s}"] = draft.origin
        origins[f"sections.{s}.items"] = draft.items_origin
        for i, placed in enumerate(kept_items):
            for name_, where in placed.origins.items():
                origins[f"sections.{s}.items.{i}" + (f".{name_}" if name_ else "")] = where
    doc = {"title": title, "basics": basics, "summary": summary, "sections": sections, "design": design}
    return doc, origins


def _translated(problems: list[FieldProblem], origins: dict[str, str]) -> list[FieldProblem]:
    """Problems found in our document, named by the JSON Resume paths they came from."""
    result = []
    for problem in problems:
        parts = problem.path.split(".") if problem.path else []
        for n in range(len(parts), -1, -1):
            prefix = ".".join(parts[:n])
            if prefix in origins:
                path = ".".join(part for part in (origins[prefix], *parts[n:]) if part)
                break
        else:
            path = problem.path
        result.append(FieldProblem(path, problem.message))
    return sorted(result, key=lambda p: p.path)


def _imported(
    data: Any, templates: Collection[str], custom: Mapping[str, JsonResumeSection] | None = None
) -> tuple[Fields, dict[str, str]]:
    """Check `data` step by step, each step only once the one before passed, and build our document dict."""
    problems = shape_problems(data)
    if not problems:
        standard = {key: value for key, value in data.items() if key not in (custom or {})}
        problems = schema_problems(standard, json_resume_validator(), "")
    vendor = (data.get("meta") or {}).get(VENDOR_KEY) if not problems else None
    if not problems and vendor is not None:
        problems = schema_problems(vendor, vendor_validator(), f"meta.{VENDOR_KEY}")
    if problems:
        raise InvalidInput(problems[:MAX_REPORTED_PROBLEMS])
    doc, origins = _build(data, custom)
    try:
        validate_document(doc, templates)
    except InvalidInput as invalid:
        raise InvalidInput(_translated(invalid.problems, origins)) from None
    return doc, origins


def validate_json_resume(data: Any, templates: Collection[str] = ()) -> None:
    """Raise `InvalidInput` naming, by JSON Resume path ("work.0.startDate"), every problem of `data`.

    `templates`, when given, are the template names a design kept in meta.cvmaker may use.
    """
    _imported(data, templates)


def from_json_resume(data: dict[str, Any], templates: Collection[str] = ()) -> CvDocument:
    """Our CV of a JSON Resume document, with fresh section and item ids (or those kept in meta.cvmaker).

    Raises `InvalidInput` as `validate_json_resume` does; the result passes `validate_document`.
    """
    return CvDocument.from_dict(_imported(data, templates)[0])


@dataclass(frozen=True)
class JsonResumeImport:
    """A tolerant import: the CV, what could not be read (path and message), and what our model has no field for.

    `kept` (plain JSON) goes back to `to_json_resume(document, kept=...)` so that the export holds everything that
    was read: unknown fields and top-level values, custom sections under their own key, meta, and per item and
    for basics the entry as it was read (written back as it was while the item is unchanged).
    """

    document: CvDocument
    warnings: list[FieldProblem]
    kept: dict[str, Any]


MAX_DROPS = 12


def read_json_resume(data: Any, templates: Collection[str] = ()) -> JsonResumeImport:
    """Our CV of a JSON Resume document as people write it: what cannot be read is a warning, the rest is read.

    Raises `InvalidInput` (at path "") only for what is not a CV: not an object, too big, a JSON Schema, nothing a
    CV holds. A Reactive Resume export is recognised by its shape and read through its JSON Resume conversion
    (`cvmaker.domain.reactive_resume`), its warnings named by the file's own paths.
    """
    problems = shape_problems(data)
    if problems:
        raise InvalidInput(problems)
    conversion = recognise(data)
    if conversion is not None:
        data = conversion.document
    loose = normalise(data)
    custom = {key: custom_table(key, title) for key, title in loose.custom.items()}
    clean = copy.deepcopy(loose.data)
    warnings = list(loose.warnings)
    for _ in range(MAX_DROPS):
        try:
            doc, origins = _imported(clean, templates, custom)
            break
        except InvalidInput as invalid:
            dropped = [p for p in invalid.problems if p.path and _drop(clean, p.path)]
            if not dropped:
                raise
            warnings += [FieldProblem(p.path, f"{p.message}: left out") for p in dropped]
    else:
        raise InvalidInput([FieldProblem("", "could not be read")])
    if not (doc["basics"]["name"] or any(section["items"] for section in doc["sections"])):
        raise InvalidInput([FieldProblem("", NOT_A_CV)])
    _current_where_open(doc, origins, loose.open_ended)
    if conversion is not None:
        completed = conversion.complete(doc, origins, templates)
        warnings = [*conversion.warnings, *conversion.renamed(warnings), *completed]
    return JsonResumeImport(CvDocument.from_dict(doc), warnings, _kept(doc, origins, loose))


def _current_where_open(doc: Fields, origins: dict[str, str], open_ended: Collection[str]) -> None:
    """An end written as "Present" makes a current item in every section, a study as much as a job (a missing end
    alone does so only where JSON Resume means it: work, volunteer, projects)."""
    for s, section in enumerate(doc["sections"]):
        for i, item in enumerate(section["items"]):
            if origins.get(f"sections.{s}.items.{i}") in open_ended and item["startDate"] and not item["endDate"]:
                item["current"] = True


def _drop(data: dict[str, Any], path: str) -> bool:
    """Remove the value at `path` (or the deepest part of it that exists); meta.cvmaker goes whole."""
    parts = path.split(".")
    if parts[:2] == ["meta", VENDOR_KEY]:
        return data.pop("meta", None) is not None
    container: Any = data
    for n, part in enumerate(parts):
        if isinstance(container, dict) and part in container:
            if n == len(parts) - 1 or not isinstance(container[part], (dict, list)):
                del container[part]
                return True
            container = container[part]
        elif isinstance(container, list) and part.isdigit() and int(part) < len(container):
            if n == len(parts) - 1:
                container[int(part)] = {}
                return True
            container = container[int(part)]
        else:
            return False
    return False


def item_hash(item: Fields) -> str:
    return hash_of({name: value for name, value in item.items() if name != "id"})


def basics_hash(basics: Fields, summary: Any) -> str:
    return hash_of({"basics": basics, "summary": summary})


def _kept(doc: Fields, origins: dict[str, str], loose: Loose) -> dict[str, Any]:
    items: dict[str, Any] = {}
    sections: dict[str, str] = {}
    for s, section in enumerate(doc["sections"]):
        if origins.get(f"sections.{s}.items") in loose.custom:
            sections[section["id"]] = origins[f"sections.{s}.items"]
        for i, item in enumerate(section["items"]):
            key, _, index = origins.get(f"sections.{s}.items.{i}", "").partition(".")
            # A custom section goes back with the file's own key names; a known one in JSON Resume's.
            entries = loose.raw.get(key) or loose.data.get(key)
            if index.isdigit() and isinstance(entries, list) and int(index) < len(entries):
                items[item["id"]] = {"hash": item_hash(item), "entry": copy.deepcopy(entries[int(index)])}
    kept: dict[str, Any] = {"items": items, "sections": sections}
    if loose.data.get("basics"):
        kept["basics"] = {
            "hash": basics_hash(doc["basics"], doc["summary"]),
            "entry": copy.deepcopy(loose.data["basics"]),
        }
    if loose.top:
        kept["top"] = copy.deepcopy(loose.top)
    if loose.meta:
        kept["meta"] = copy.deepcopy(loose.meta)
    return kept
