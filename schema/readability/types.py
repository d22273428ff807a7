"""GraphQL types of the readability area."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry

if TYPE_CHECKING:  # annotations only: the domain's values load with the service, not at cold start
    from cvmaker.domain.readability.model import FieldReading
    from cvmaker.domain.readability.model import ReadabilityReport as DomainReport


@strawberry.enum(description="The exports a parser is sent.")
class ReadableFormat(enum.Enum):
    PDF = "PDF"
    DOCX = "DOCX"


@strawberry.enum(description="How a field came back from the parser.")
class ReadStatus(enum.Enum):
    READ = strawberry.enum_value("READ", description="As written (whitespace, case, punctuation and dashes aside).")
    MANGLED = strawberry.enum_value("MANGLED", description="Found, but different: see `expected` and `read`.")
    LOST = strawberry.enum_value("LOST", description="Not found.")


@strawberry.type(description="One field of the CV as written and as a parser read it.")
class ReadabilityField:
    path: str = strawberry.field(description='Where the field is in the CV ("basics.email", "sections.0.title").')
    label: str
    status: ReadStatus
    expected: str = strawberry.field(description="What the CV says.")
    read: str | None = strawberry.field(description="What the parser read; null when it read nothing.")

    @classmethod
    def from_domain(cls, reading: FieldReading) -> ReadabilityField:
        return cls(
            path=reading.path,
            label=reading.label,
            status=ReadStatus(reading.status.value),
            expected=reading.expected,
            read=reading.read,
        )


@strawberry.type(description="What CV Maker's own importer reads back from an export of a CV.")
class ReadabilityReport:
    score: int = strawberry.field(description="0-100; the contact details and the name weigh most.")
    format: ReadableFormat
    template: str
    fields: list[ReadabilityField]
    advice: list[str] = strawberry.field(description="What to change, most costly problem first.")
    summary: str

    @classmethod
    def from_domain(cls, report: DomainReport) -> ReadabilityReport:
        return cls(
            score=report.score,
            format=ReadableFormat(report.format),
            template=report.template,
            fields=[ReadabilityField.from_domain(f) for f in report.fields],
            advice=list(report.advice),
            summary=report.summary,
        )
