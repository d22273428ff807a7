"""GraphQL types of the CV area, each an explicit mapping from the domain model (`from_domain`)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from cvmaker.domain.cv import design as design_options
from cvmaker.domain.cv import model as domain
from cvmaker.domain.cv.model import Page
from cvmaker.domain.pagination import encode_cursor

SectionKind = strawberry.enum(domain.SectionKind, name="SectionKind")
PageSize = strawberry.enum(domain.PageSize, name="PageSize")
LineHeight = strawberry.enum(design_options.LineHeight, name="LineHeight")
SectionSpacing = strawberry.enum(design_options.SectionSpacing, name="SectionSpacing")
HeadingStyle = strawberry.enum(design_options.HeadingStyle, name="HeadingStyle")
SectionColumn = strawberry.enum(
    domain.SectionColumn, name="SectionColumn", description="A section's column in two-column templates."
)


@strawberry.type
class Link:
    label: str | None
    url: str


@strawberry.type
class Basics:
    name: str
    headline: str | None
    email: str | None
    phone: str | None
    location: str | None
    links: list[Link]
    photo: str | None = strawberry.field(
        default=None,
        description="The CV's photo (where it is stored), set by `setCvPhoto`; `cvPhoto` gives a link to it.",
    )


@strawberry.type
class Item:
    id: strawberry.ID
    visible: bool
    title: str | None = strawberry.field(description="Job title, degree, project or skill-group name.")
    organization: str | None = strawberry.field(description="Employer, institution, issuer.")
    location: str | None
    start_date: str | None = strawberry.field(description='A partial ISO date: "2020", "2020-03".')
    end_date: str | None = strawberry.field(description="Null with `current` for ongoing roles.")
    current: bool
    description: str | None = strawberry.field(
        description="Rich text as typed: Markdown paragraphs, **bold**, *italics*, [links](https://...), - lists."
    )
    bullets: list[str] = strawberry.field(description="Each a line of rich text: **bold**, *italics*, [links](...).")
    keywords: list[str] = strawberry.field(description="Skills of a skills group, technologies of a project.")
    url: str | None

    @classmethod
    def from_domain(cls, item: domain.Item) -> Item:
        return cls(
            id=strawberry.ID(item.id),
            visible=item.visible,
            title=item.title,
            organization=item.organization,
            location=item.location,
            start_date=item.start_date,
            end_date=item.end_date,
            current=item.current,
            description=item.description,
            bullets=item.bullets,
            keywords=item.keywords,
            url=item.url,
        )


@strawberry.type
class Section:
    id: strawberry.ID
    kind: SectionKind  # type: ignore[valid-type]
    title: str
    visible: bool
    items: list[Item]

    @classmethod
    def from_domain(cls, section: domain.Section) -> Section:
        return cls(
            id=strawberry.ID(section.id),
            kind=section.kind,
            title=section.title,
            visible=section.visible,
            items=[Item.from_domain(item) for item in section.items],
        )


@strawberry.type(description="How one section sits on the page; a section without one keeps the template's layout.")
class SectionLayout:
    section_id: strawberry.ID
    column: SectionColumn | None = strawberry.field(  # type: ignore[valid-type]
        description="Null: the template's default for the section's kind. One-column templates ignore it."
    )
    page_break_before: bool = strawberry.field(description="The section starts on a new page.")
    keep_together: bool = strawberry.field(
        description="The section is not split across pages (one longer than a page still is)."
    )


@strawberry.type
class Design:
    template: str
    accent_color: str
    font_family: str
    font_size: float
    page_size: PageSize  # type: ignore[valid-type]
    margins: str
    line_height: LineHeight  # type: ignore[valid-type]
    section_spacing: SectionSpacing  # type: ignore[valid-type]
    heading_style: HeadingStyle  # type: ignore[valid-type]
    sections: list[SectionLayout]

    @classmethod
    def from_domain(cls, design: domain.Design) -> Design:
        return cls(
            template=design.template,
            accent_color=design.accent_color,
            font_family=design.font_family,
            font_size=design.font_size,
            page_size=design.page_size,
            margins=design.margins,
            line_height=design.line_height,
            section_spacing=design.section_spacing,
            heading_style=design.heading_style,
            sections=[
                SectionLayout(
                    section_id=strawberry.ID(layout.section_id),
                    column=layout.column,
                    page_break_before=layout.page_break_before,
                    keep_together=layout.keep_together,
                )
                for layout in design.sections
            ],
        )


@strawberry.type(description="What a JSON Resume import could not read, and left out.")
class ImportFieldWarning:
    path: str = strawberry.field(description='Dotted path in the imported document, like "work.0.endDate".')
    message: str


@strawberry.type(
    description="A value typed into a date, email or link field that could not be read yet: kept as typed, left "
    "off the CV (rendering, exports, matching) until it reads well. Worked out again on every whole-CV write."
)
class FieldDraft:
    path: str = strawberry.field(description='Dotted path in the CV, like "sections.0.items.2.startDate".')
    value: str = strawberry.field(description="The text as typed.")
    message: str = strawberry.field(description="Why it could not be read.")


@strawberry.type
class Cv:
    id: strawberry.ID
    title: str
    version: int = strawberry.field(description="Increments on every save; an update names the version it edits.")
    created_at: datetime
    updated_at: datetime
    basics: Basics
    summary: str | None = strawberry.field(
        description="Rich text as typed: Markdown paragraphs, **bold**, *italics*, [links](https://...), - lists."
    )
    sections: list[Section]
    design: Design
    source_cv_id: strawberry.ID | None = strawberry.field(description="Set on tailored CVs and their copies.")
    drafts: list[FieldDraft] = strawberry.field(
        default_factory=list,
        description="Values kept as typed that could not be read (a date, an email, a link); the rest is saved.",
    )
    import_warnings: list[ImportFieldWarning] = strawberry.field(
        default_factory=list,
        description="Only in the result of importJsonResume: what could not be read (the rest was imported).",
    )

    @classmethod
    def from_domain(cls, cv: domain.Cv) -> Cv:
        document = cv.document
        basics = document.basics
        return cls(
            id=strawberry.ID(cv.id),
            title=document.title,
            version=cv.version,
            created_at=cv.created_at,
            updated_at=cv.updated_at,
            basics=Basics(
                name=basics.name,
                headline=basics.headline,
                email=basics.email,
                phone=basics.phone,
                location=basics.location,
                links=[Link(label=link.label, url=link.url) for link in basics.links],
                photo=basics.photo,
            ),
            summary=document.summary,
            sections=[Section.from_domain(section) for section in document.sections],
            design=Design.from_domain(document.design),
            source_cv_id=strawberry.ID(cv.source_cv_id) if cv.source_cv_id else None,
            drafts=[FieldDraft(path=d.path, value=d.value, message=d.message) for d in document.drafts],
        )


@strawberry.type
class CvEdge:
    cursor: str
    node: Cv


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class CvConnection:
    edges: list[CvEdge]
    page_info: PageInfo

    @classmethod
    def from_domain(cls, page: Page) -> CvConnection:
        return cls(
            edges=[CvEdge(cursor=encode_cursor(cv.id), node=Cv.from_domain(cv)) for cv in page.items],
            page_info=PageInfo(has_next_page=page.next_cursor is not None, end_cursor=page.next_cursor),
        )


@strawberry.type
class CvRevision:
    version: int
    saved_at: datetime
    title: str

    @classmethod
    def from_domain(cls, revision: domain.Revision) -> CvRevision:
        return cls(version=revision.version, saved_at=revision.saved_at, title=revision.title)


@strawberry.type
class Deleted:
    id: strawberry.ID


@strawberry.type
class JsonResumeDocument:
    document: strawberry.scalars.JSON
