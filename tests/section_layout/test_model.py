"""The design's section layouts in the domain: stored only when chosen (old designs keep their dicts and render
hashes), read leniently, and dropped with the section they lay out."""

from __future__ import annotations

import hashlib
import json

from cvmaker.domain.cv import editing
from cvmaker.domain.cv.model import CvDocument, Design, SectionColumn, SectionLayout
from cvmaker.domain.cv.samples import long_cv

OLD_DESIGN = {
    "template": "columns",
    "accentColor": "#1f4e79",
    "fontFamily": "Noto Sans",
    "fontSize": 10.5,
    "pageSize": "A4",
    "margins": "18mm",
}


def _hash(data: object) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def test_a_design_without_layouts_keeps_its_dict_and_hash() -> None:
    assert Design.from_dict(OLD_DESIGN).to_dict() == OLD_DESIGN
    document = long_cv("columns")
    before = _hash(document.to_dict())
    assert "sections" not in document.to_dict()["design"]
    # Layouts that choose nothing are the same as none.
    document.design.sections = [SectionLayout("skills"), SectionLayout("education", column=None)]
    assert _hash(document.to_dict()) == before
    assert _hash(CvDocument.from_dict(document.to_dict()).to_dict()) == before


def test_chosen_layouts_round_trip_with_only_the_values_set() -> None:
    document = long_cv("columns")
    document.design.sections = [
        SectionLayout("skills", column=SectionColumn.MAIN),
        SectionLayout("education", page_break_before=True, keep_together=True),
    ]
    data = document.to_dict()
    assert data["design"]["sections"] == [
        {"sectionId": "skills", "column": "MAIN"},
        {"sectionId": "education", "pageBreakBefore": True, "keepTogether": True},
    ]
    again = CvDocument.from_dict(data)
    assert again.design.sections == document.design.sections
    assert again.design.layout_of("skills").column is SectionColumn.MAIN
    assert again.design.layout_of("projects") == SectionLayout("projects")


def test_stored_layouts_are_read_leniently() -> None:
    data = long_cv("columns").to_dict()
    data["design"]["sections"] = [
        {"sectionId": "gone", "column": "SIDE"},  # a section this CV no longer has
        {"sectionId": "skills", "column": "MAIN"},
        {"sectionId": "skills", "column": "SIDE"},  # a second entry for one section: the first wins
        {"sectionId": "education", "column": "DIAGONAL", "keepTogether": "yes"},  # nothing readable chosen
        "not a layout",
        {"column": "SIDE"},
    ]
    design = CvDocument.from_dict(data).design
    assert design.sections == [SectionLayout("skills", column=SectionColumn.MAIN)]


def test_removing_a_section_drops_its_layout_so_the_next_save_stays_valid() -> None:
    document = long_cv("columns")
    document.design.sections = [
        SectionLayout("skills", column=SectionColumn.MAIN),
        SectionLayout("education", keep_together=True),
    ]
    doc = document.to_dict()
    removed = editing.remove_section(doc, "skills")
    assert removed["design"]["sections"] == [{"sectionId": "education", "keepTogether": True}]
    # A whole-CV write that leaves a section out drops its layout too, even when the same write still sends it.
    changes = {
        "sections": [s for s in doc["sections"] if s["id"] != "education"],
        "design": {"sections": doc["design"]["sections"]},
    }
    written = editing.apply_changes(doc, changes)
    assert written["design"]["sections"] == [{"sectionId": "skills", "column": "MAIN"}]
    # An id that never was a section is not dropped here: validation refuses it with its path.
    bogus = editing.apply_changes(doc, {"design": {"sections": [{"sectionId": "nope", "column": "SIDE"}]}})
    assert bogus["design"]["sections"] == [{"sectionId": "nope", "column": "SIDE"}]
