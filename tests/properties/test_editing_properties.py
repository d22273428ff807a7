"""Edits in any order keep every section's and item's id, and never make a valid CV invalid."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvmaker.domain import limits
from cvmaker.domain.cv import editing
from cvmaker.domain.cv.model import CvDocument, Item, Section, SectionKind
from cvmaker.domain.cv.validation import validate_document
from tests.properties.strategies import ID, cv_documents, optional_text, period, text

Doc = dict[str, Any]
KINDS = st.sampled_from([kind.value for kind in SectionKind])


@st.composite
def item_changes(draw: st.DrawFn) -> dict[str, Any]:
    """A partial item input with valid values; the three date fields always go together, as the editor sends."""
    changes: dict[str, Any] = {}
    for key, limit in (("title", limits.MAX_SHORT_TEXT), ("organization", limits.MAX_SHORT_TEXT)):
        if draw(st.booleans()):
            changes[key] = draw(optional_text(limit, long=False))
    if draw(st.booleans()):
        start, end, current = draw(period())
        changes |= {"startDate": start, "endDate": end, "current": current}
    if draw(st.booleans()):
        changes["bullets"] = draw(st.lists(text(200, long=False), max_size=3))
    if draw(st.booleans()):
        changes["keywords"] = draw(st.lists(text(40, long=False, padded=False), max_size=3))
    if draw(st.booleans()):
        changes["visible"] = draw(st.booleans())
    return changes


# One edit: its name and a draw of its arguments. Ids are picked among the document's at the time of the edit.
OPERATIONS = st.sampled_from(
    ["add_section", "update_section", "remove_section", "move_section", "add_item", "update_item", "remove_item"]
    + ["move_item", "rewrite"]
)


def ids_of(doc: Doc) -> tuple[list[str], list[str]]:
    return [s["id"] for s in doc["sections"]], [i["id"] for s in doc["sections"] for i in s["items"]]


@st.composite
def rewrite(draw: st.DrawFn, doc: Doc) -> tuple[dict[str, Any], set[str]]:
    """A whole-document write (`apply_changes`): the sections it keeps in any order, each with its items left out
    (kept as they are) or listed (some of the CV's items, moved there, and new ones), and new sections. A new
    part may propose an id, even one the CV uses. Returns the changes and the ids they keep."""
    existing = doc["sections"]
    fates = [draw(st.sampled_from(["drop", "keep", "list"])) for _ in existing]
    movable = [i["id"] for s, fate in zip(existing, fates, strict=True) if fate != "keep" for i in s["items"]]
    movable = draw(st.permutations(movable))
    section_ids, item_ids = ids_of(doc)
    every_id = [*section_ids, *item_ids]
    proposed = st.one_of(st.none(), ID, st.sampled_from(every_id)) if every_id else st.one_of(st.none(), ID)
    # An item listed with the id of one of the CV's items is that item (moved here), not a new one.
    # Likewise a section listed with the id of one of the CV's sections is that section.
    proposed_for_item = proposed.filter(lambda value: value not in item_ids)
    proposed_for_section = proposed.filter(lambda value: value not in section_ids)
    sections: list[dict[str, Any]] = []
    kept: set[str] = set()
    for section, fate in zip(existing, fates, strict=True):
        if fate == "drop":
            continue
        kept.add(section["id"])
        if fate == "keep":
            kept.update(i["id"] for i in section["items"])
            sections.append({"id": section["id"]})
            continue
        take = draw(st.integers(0, len(movable)))
        items: list[dict[str, Any]] = [{"id": item_id} for item_id in movable[:take]]
        kept.update(movable[:take])
        movable = movable[take:]
        items += [{"id": draw(proposed_for_item), **draw(item_changes())} for _ in range(draw(st.integers(0, 2)))]
        sections.append({"id": section["id"], "items": draw(st.permutations(items))})
    for _ in range(draw(st.integers(0, 2))):
        sections.insert(
            draw(st.integers(0, len(sections))),
            {"id": draw(proposed_for_section), "kind": draw(KINDS), "items": [draw(item_changes())]},
        )
    return {"sections": sections}, kept


@st.composite
def edits(draw: st.DrawFn) -> tuple[CvDocument, list[tuple[str, Doc, set[str]]]]:
    """A valid CV and a sequence of edits: each edit with the document after it and the ids it must keep."""
    document = draw(cv_documents(max_sections=4, max_items=3))
    doc = document.to_dict()
    steps = []
    for operation in draw(st.lists(OPERATIONS, max_size=8)):
        sections, items = ids_of(doc)
        keep = set(sections) | set(items)
        position = draw(st.integers(-2, 8))
        if operation == "add_section":
            changes = {"kind": draw(KINDS), "title": draw(optional_text(100, long=False))}
            if draw(st.booleans()):
                changes["id"] = draw(st.sampled_from([*keep, "new-id"]))
            doc, _ = editing.add_section(doc, changes, draw(st.one_of(st.none(), st.just(position))))
        elif operation == "rewrite":
            changes, keep = draw(rewrite(doc))
            doc = editing.apply_changes(doc, changes)
        elif operation in ("update_section", "remove_section", "move_section") and sections:
            section_id = draw(st.sampled_from(sections))
            if operation == "update_section":
                changes = {"kind": draw(KINDS), "title": draw(optional_text(100, long=False))}
                if draw(st.booleans()):
                    changes["visible"] = draw(st.booleans())
                doc = editing.update_section(doc, section_id, changes)
            elif operation == "remove_section":
                removed = next(s for s in doc["sections"] if s["id"] == section_id)
                keep -= {section_id, *(i["id"] for i in removed["items"])}
                doc = editing.remove_section(doc, section_id)
            else:
                doc = editing.move_section(doc, section_id, position)
        elif operation == "add_item" and sections:
            changes = draw(item_changes())
            if draw(st.booleans()):
                changes["id"] = draw(st.sampled_from([*keep, "new-id"]))
            doc, _ = editing.add_item(doc, draw(st.sampled_from(sections)), changes, position)
        elif operation in ("update_item", "remove_item", "move_item") and items:
            item_id = draw(st.sampled_from(items))
            if operation == "update_item":
                doc = editing.update_item(doc, item_id, draw(item_changes()))
            elif operation == "remove_item":
                doc = editing.remove_item(doc, item_id)
                keep.discard(item_id)
            else:
                doc = editing.move_item(doc, item_id, draw(st.sampled_from(sections)), position)
        else:
            continue
        steps.append((operation, doc, keep))
    return document, steps


def kept_section_with_a_new_section_proposing_its_items_id() -> tuple[CvDocument, list[tuple[str, Doc, set[str]]]]:
    """A rewrite keeps section s1 without listing its items (so item i1 stays) and adds a section proposing the
    id "i1": the proposal was accepted, and the CV held "i1" twice."""
    document = CvDocument(sections=[Section("s1", SectionKind.EXPERIENCE, "Experience", items=[Item("i1")])])
    changes = {"sections": [{"id": "s1"}, {"id": "i1", "kind": "SKILLS", "items": []}]}
    return document, [("rewrite", editing.apply_changes(document.to_dict(), changes), {"s1", "i1"})]


@settings(max_examples=50, deadline=None)
@given(edits())
@example(kept_section_with_a_new_section_proposing_its_items_id())
def test_edits_keep_every_id_and_the_document_valid(case: tuple[CvDocument, list[tuple[str, Doc, set[str]]]]) -> None:
    document, steps = case
    for operation, after, keep in steps:
        sections, items = ids_of(after)
        assert len(set(sections) | set(items)) == len(sections) + len(items), operation  # no id twice
        assert keep <= set(sections) | set(items), operation  # every id the edit keeps is still there
        validate_document(after)
    validate_document(document.to_dict())


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_new_document_from_any_partial_input_is_valid(data: st.DataObject) -> None:
    sections = data.draw(
        st.lists(
            st.fixed_dictionaries(
                {"kind": KINDS},
                optional={
                    "id": ID,
                    "title": optional_text(100, long=False),
                    "items": st.lists(item_changes(), max_size=3),
                },
            ),
            max_size=4,
        )
    )
    doc = editing.new_document({"title": "CV", "sections": sections})

    validate_document(doc)
    assert [s["kind"] for s in doc["sections"]] == [s["kind"] for s in sections]
