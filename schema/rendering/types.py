"""GraphQL types of the rendering area."""

from __future__ import annotations

import base64
import enum
from typing import TYPE_CHECKING

import strawberry

if TYPE_CHECKING:  # annotations only: the domain's result types load with the services, not at cold start
    from cvmaker.domain.rendering.templates import TemplateInfo
    from cvmaker.services import rendering


@strawberry.enum
class RenderFormat(enum.Enum):
    PDF = "PDF"
    DOCX = "DOCX"
    TEXT = "TEXT"
    JSON_RESUME = "JSON_RESUME"


@strawberry.type
class Template:
    name: str
    title: str
    description: str
    thumbnail_url: str | None
    two_columns: bool = strawberry.field(description="Puts each section in the column its design layout chooses.")

    @classmethod
    def from_domain(cls, template: TemplateInfo) -> Template:
        thumbnail = f"/templates/{template.name}/thumbnail.png" if template.thumbnail else None
        return cls(
            name=template.name,
            title=template.title,
            description=template.description,
            thumbnail_url=thumbnail,
            two_columns=template.two_columns,
        )


@strawberry.type
class RenderedFile:
    url: str = strawberry.field(description="A short-lived download link.")
    format: RenderFormat
    pages: int | None
    bytes: int
    sha256: str = strawberry.field(description="Equal for the same CV content, design and template version.")
    cached: bool = strawberry.field(description="Served from storage without rendering again.")

    @classmethod
    def from_domain(cls, download: rendering.Download) -> RenderedFile:
        rendered = download.file
        return cls(
            url=download.url,
            format=RenderFormat(rendered.format.value),
            pages=rendered.pages,
            bytes=rendered.bytes,
            sha256=rendered.sha256,
            cached=rendered.cached,
        )


@strawberry.type
class PreviewPage:
    number: int
    width: int
    height: int
    image_url: str = strawberry.field(description="The page as a PNG, in a data: URL.")


@strawberry.type
class Preview:
    pages: list[PreviewPage]
    page_count: int

    @classmethod
    def from_domain(cls, pages: list[rendering.PreviewPage]) -> Preview:
        return cls(
            pages=[
                PreviewPage(
                    number=p.number,
                    width=p.width,
                    height=p.height,
                    image_url="data:image/png;base64," + base64.b64encode(p.png).decode(),
                )
                for p in pages
            ],
            page_count=len(pages),
        )
