"""The CV document: basics, summary, ordered sections of ordered items, and design options.

A `CvDocument` is what the user edits; a `Cv` is a stored document with its identity and version.
Documents convert to and from plain JSON-able dicts with camelCase keys (`to_dict`/`from_dict`), the form that
is validated, stored and shown in error paths, so a path like "sections.2.items.0.startDate" names the same field
in the GraphQL input, the stored JSON and the validation message.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from cvmaker.domain.cv.design import HeadingStyle, LineHeight, SectionSpacing


class SectionKind(str, enum.Enum):
    EXPERIENCE = "EXPERIENCE"
    EDUCATION = "EDUCATION"
    SKILLS = "SKILLS"
    PROJECTS = "PROJECTS"
    CERTIFICATIONS = "CERTIFICATIONS"
    LANGUAGES = "LANGUAGES"
    AWARDS = "AWARDS"
    PUBLICATIONS = "PUBLICATIONS"
    VOLUNTEER = "VOLUNTEER"
    CUSTOM = "CUSTOM"


DEFAULT_SECTION_TITLES: dict[SectionKind, str] = {
    SectionKind.EXPERIENCE: "Experience",
    SectionKind.EDUCATION: "Education",
    SectionKind.SKILLS: "Skills",
    SectionKind.PROJECTS: "Projects",
    SectionKind.CERTIFICATIONS: "Certifications",
    SectionKind.LANGUAGES: "Languages",
    SectionKind.AWARDS: "Awards",
    SectionKind.PUBLICATIONS: "Publications",
    SectionKind.VOLUNTEER: "Volunteering",
    SectionKind.CUSTOM: "Other",
}


class PageSize(str, enum.Enum):
    A4 = "A4"
    LETTER = "LETTER"


@dataclass(slots=True)
class Link:
    url: str
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "url": self.url}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(url=data["url"], label=data.get("label"))


@dataclass(slots=True)
class Basics:
    name: str = ""
    headline: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: list[Link] = field(default_factory=list)
    # The blob key of the CV's photo (`cvmaker.domain.photos`), set only by `PhotoService`; None: no photo.
    photo: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "headline": self.headline,
            "email": self.email,
            "phone": self.phone,
            "location": self.location,
            "links": [link.to_dict() for link in self.links],
        }
        if self.photo:  # left out when unset: documents without a photo keep their stored form and render keys
            data["photo"] = self.photo
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Basics:
        return cls(
            name=data.get("name") or "",
            headline=data.get("headline"),
            email=data.get("email"),
            phone=data.get("phone"),
            location=data.get("location"),
            links=[Link.from_dict(link) for link in data.get("links") or []],
            photo=data.get("photo") or None,
        )


@dataclass(slots=True)
class Item:
    id: str
    visible: bool = True
    title: str | None = None
    organization: str | None = None
    location: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    current: bool = False
    description: str | None = None
    bullets: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "visible": self.visible,
            "title": self.title,
            "organization": self.organization,
            "location": self.location,
            "startDate": self.start_date,
            "endDate": self.end_date,
            "current": self.current,
            "description": self.description,
            "bullets": list(self.bullets),
            "keywords": list(self.keywords),
            "url": self.url,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        return cls(
            id=data["id"],
            visible=data.get("visible", True),
            title=data.get("title"),
            organization=data.get("organization"),
            location=data.get("location"),
            start_date=data.get("startDate"),
            end_date=data.get("endDate"),
            current=data.get("current", False),
            description=data.get("description"),
            bullets=list(data.get("bullets") or []),
            keywords=list(data.get("keywords") or []),
            url=data.get("url"),
        )


@dataclass(slots=True)
class Section:
    id: str
    kind: SectionKind
    title: str
    visible: bool = True
    items: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "visible": self.visible,
            "items": [item.to_dict() for item in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        kind = SectionKind(data["kind"])
        return cls(
            id=data["id"],
            kind=kind,
            title=data.get("title") or DEFAULT_SECTION_TITLES[kind],
            visible=data.get("visible", True),
            items=[Item.from_dict(item) for item in data.get("items") or []],
        )


class SectionColumn(str, enum.Enum):
    """Where a two-column template puts a section; one-column templates ignore it."""

    MAIN = "MAIN"
    SIDE = "SIDE"


@dataclass(frozen=True, slots=True)
class SectionLayout:
    """How one section sits on the page. Each value left at its default keeps the template's own choice."""

    section_id: str
    column: SectionColumn | None = None  # None: the template's default for the section's kind
    page_break_before: bool = False
    keep_together: bool = False

    def is_default(self) -> bool:
        return self.column is None and not self.page_break_before and not self.keep_together

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sectionId": self.section_id}
        if self.column is not None:
            data["column"] = self.column.value
        if self.page_break_before:
            data["pageBreakBefore"] = True
        if self.keep_together:
            data["keepTogether"] = True
        return data

    @classmethod
    def from_dict(cls, data: Any) -> SectionLayout | None:
        """None for anything that is not a section layout (stored designs are read leniently)."""
        if not isinstance(data, dict) or not isinstance(data.get("sectionId"), str):
            return None
        column = data.get("column")
        return cls(
            section_id=data["sectionId"],
            column=next((member for member in SectionColumn if member.value == column), None),
            page_break_before=data.get("pageBreakBefore") is True,
            keep_together=data.get("keepTogether") is True,
        )


@dataclass(slots=True)
class Design:
    template: str = "classic"
    accent_color: str = "#1f4e79"
    font_family: str = "Noto Sans"
    font_size: float = 10.5
    page_size: PageSize = PageSize.A4
    margins: str = "18mm"
    line_height: LineHeight = LineHeight.NORMAL
    section_spacing: SectionSpacing = SectionSpacing.NORMAL
    heading_style: HeadingStyle = HeadingStyle.TEMPLATE
    # Per-section layout choices, at most one per section; sections without an entry keep the template's layout.
    sections: list[SectionLayout] = field(default_factory=list)

    def layout_of(self, section_id: str) -> SectionLayout:
        found = next((layout for layout in self.sections if layout.section_id == section_id), None)
        return found or SectionLayout(section_id)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "template": self.template,
            "accentColor": self.accent_color,
            "fontFamily": self.font_family,
            "fontSize": self.font_size,
            "pageSize": self.page_size.value,
            "margins": self.margins,
        }
        # Only when set: a design without them keeps the dict (and the hashes) it had.
        if self.line_height is not LineHeight.NORMAL:
            data["lineHeight"] = self.line_height.value
        if self.section_spacing is not SectionSpacing.NORMAL:
            data["sectionSpacing"] = self.section_spacing.value
        if self.heading_style is not HeadingStyle.TEMPLATE:
            data["headingStyle"] = self.heading_style.value
        chosen = [layout.to_dict() for layout in self.sections if not layout.is_default()]
        if chosen:
            data["sections"] = chosen
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], section_ids: Collection[str] | None = None) -> Design:
        """`section_ids`: the CV's sections; layouts of any other section are dropped."""
        default = cls()
        return cls(
            template=data.get("template") or default.template,
            accent_color=data.get("accentColor") or default.accent_color,
            font_family=data.get("fontFamily") or default.font_family,
            font_size=float(data.get("fontSize") or default.font_size),
            page_size=PageSize(data.get("pageSize") or default.page_size.value),
            margins=data.get("margins") or default.margins,
            line_height=LineHeight(data.get("lineHeight") or default.line_height.value),
            section_spacing=SectionSpacing(data.get("sectionSpacing") or default.section_spacing.value),
            heading_style=HeadingStyle(data.get("headingStyle") or default.heading_style.value),
            sections=_section_layouts(data.get("sections"), section_ids),
        )


def _section_layouts(data: Any, section_ids: Collection[str] | None) -> list[SectionLayout]:
    """The readable layouts in `data`, the first per section, only of `section_ids` (when given)."""
    layouts: dict[str, SectionLayout] = {}
    for layout in map(SectionLayout.from_dict, data if isinstance(data, list) else []):
        if layout is None or layout.section_id in layouts or layout.is_default():
            continue
        if section_ids is None or layout.section_id in section_ids:
            layouts[layout.section_id] = layout
    return list(layouts.values())


MAX_DRAFT_LENGTH = 500


@dataclass(frozen=True, slots=True)
class FieldDraft:
    """A value kept as typed and left out of the CV until it can be read (`domain.cv.lenient`)."""

    path: str
    value: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "value": self.value, "message": self.message}

    @classmethod
    def from_dict(cls, data: Any) -> FieldDraft | None:
        if not isinstance(data, dict):
            return None
        path, value, message = data.get("path"), data.get("value"), data.get("message")
        if not (isinstance(path, str) and isinstance(value, str) and isinstance(message, str)):
            return None
        return cls(path, value[:MAX_DRAFT_LENGTH], message)


@dataclass(slots=True)
class CvDocument:
    title: str = "Untitled CV"
    basics: Basics = field(default_factory=Basics)
    summary: str | None = None
    sections: list[Section] = field(default_factory=list)
    design: Design = field(default_factory=Design)
    # What an import read that the model has no field for (a JSON Resume file's unknown fields, custom sections,
    # structured location, meta): plain JSON, given back on export. Absent for a CV written here.
    imported: dict[str, Any] | None = None
    # Values typed into the editor that could not be read yet (a date, an email, a link): never rendered.
    drafts: list[FieldDraft] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "title": self.title,
            "basics": self.basics.to_dict(),
            "summary": self.summary,
            "sections": [section.to_dict() for section in self.sections],
            "design": self.design.to_dict(),
        }
        if self.imported is not None:  # only then: a CV written here keeps the dict (and the hashes) it had
            data["imported"] = self.imported
        if self.drafts:  # likewise: a CV without drafts keeps its dict and hashes
            data["drafts"] = [draft.to_dict() for draft in self.drafts]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CvDocument:
        return cls(
            title=data.get("title") or "Untitled CV",
            basics=Basics.from_dict(data.get("basics") or {}),
            summary=data.get("summary"),
            sections=[Section.from_dict(section) for section in data.get("sections") or []],
            design=Design.from_dict(data.get("design") or {}, _section_ids(data.get("sections"))),
            imported=data.get("imported") if isinstance(data.get("imported"), dict) else None,
            drafts=[d for d in map(FieldDraft.from_dict, data.get("drafts") or []) if d is not None],
        )

    def find_section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def find_item(self, item_id: str) -> tuple[Section, Item] | None:
        for section in self.sections:
            for item in section.items:
                if item.id == item_id:
                    return section, item
        return None


def _section_ids(sections: Any) -> set[str]:
    return {s["id"] for s in sections or [] if isinstance(s, dict) and isinstance(s.get("id"), str)}


@dataclass(slots=True)
class Cv:
    """A stored CV: a document with identity, owner and version. `version` increments on every save."""

    id: str
    owner: str
    version: int
    created_at: datetime
    updated_at: datetime
    document: CvDocument
    source_cv_id: str | None = None

    @property
    def title(self) -> str:
        return self.document.title

    def next_version(self, document: CvDocument, now: datetime) -> Cv:
        return replace(self, version=self.version + 1, updated_at=now, document=document)


@dataclass(frozen=True, slots=True)
class Revision:
    """One saved version of a CV, kept so it can be listed and restored."""

    cv_id: str
    version: int
    saved_at: datetime
    document: CvDocument

    @property
    def title(self) -> str:
        return self.document.title


@dataclass(frozen=True, slots=True)
class Page:
    """A page of a cursor-paginated list. `next_cursor` is opaque to callers."""

    items: list[Cv]
    next_cursor: str | None
