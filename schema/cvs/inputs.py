"""Inputs of the CV area. Omitted fields are UNSET and keep their current value; `to_changes` turns an input into
the plain camelCase dict the domain edits with, leaving UNSET fields out."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

import strawberry
from strawberry import UNSET

from schema.cvs.types import HeadingStyle, LineHeight, PageSize, SectionColumn, SectionKind, SectionSpacing


@strawberry.input
class LinkInput:
    label: str | None = UNSET
    url: str


@strawberry.input
class BasicsInput:
    name: str | None = UNSET
    headline: str | None = UNSET
    email: str | None = UNSET
    phone: str | None = UNSET
    location: str | None = UNSET
    links: list[LinkInput] | None = UNSET


@strawberry.input
class ItemInput:
    id: strawberry.ID | None = UNSET
    visible: bool | None = UNSET
    title: str | None = UNSET
    organization: str | None = UNSET
    location: str | None = UNSET
    start_date: str | None = UNSET
    end_date: str | None = UNSET
    current: bool | None = UNSET
    description: str | None = UNSET
    bullets: list[str] | None = UNSET
    keywords: list[str] | None = UNSET
    url: str | None = UNSET


@strawberry.input
class SectionInput:
    id: strawberry.ID | None = UNSET
    kind: SectionKind  # type: ignore[valid-type]
    title: str | None = UNSET
    visible: bool | None = UNSET
    items: list[ItemInput] | None = UNSET


@strawberry.input(description="One section's layout; each choice left out keeps the template's.")
class SectionLayoutInput:
    section_id: strawberry.ID
    column: SectionColumn | None = None  # type: ignore[valid-type]
    page_break_before: bool = False
    keep_together: bool = False


@strawberry.input
class DesignInput:
    template: str | None = UNSET
    accent_color: str | None = UNSET
    font_family: str | None = UNSET
    font_size: float | None = UNSET
    page_size: PageSize | None = UNSET  # type: ignore[valid-type]
    margins: str | None = UNSET
    line_height: LineHeight | None = UNSET  # type: ignore[valid-type]
    section_spacing: SectionSpacing | None = UNSET  # type: ignore[valid-type]
    heading_style: HeadingStyle | None = UNSET  # type: ignore[valid-type]
    sections: list[SectionLayoutInput] | None = strawberry.field(
        default=UNSET, description="Replaces every section layout of the design; each must name a section of the CV."
    )


@strawberry.input(description="A whole-document write; omitted fields keep their value on update.")
class CvInput:
    title: str | None = UNSET
    basics: BasicsInput | None = UNSET
    summary: str | None = UNSET
    sections: list[SectionInput] | None = UNSET
    design: DesignInput | None = UNSET


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


# Booleans an input may omit or null: null means "unchanged", never "false".
_NOT_NULLABLE = {"visible", "current"}


def to_changes(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is UNSET or (item is None and f.name in _NOT_NULLABLE):
                continue
            changes[_camel(f.name)] = to_changes(item)
        return changes
    if isinstance(value, list):
        return [to_changes(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value
