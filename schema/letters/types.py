"""Cover letters as GraphQL types."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry import UNSET

if TYPE_CHECKING:  # annotations only: the domain's result types load with the services, not at cold start
    from cvmaker.domain.letters.documents import LetterRevision
    from cvmaker.domain.matching import results


@strawberry.type
class CoverLetter:
    id: strawberry.ID
    cv_id: strawberry.ID
    job_id: strawberry.ID
    text: str
    created_at: datetime
    rejected: list[str] = strawberry.field(description="Why a generated draft was not used, if it was not.")
    version: int = strawberry.field(description="Edits name the version they were made against.")
    updated_at: datetime = strawberry.field(description="When it was last saved (its creation if never edited).")
    title: str = strawberry.field(description='Yours to name; "<job title> at <company>" when written.')
    warnings: list[str] = strawberry.field(
        description="What the last edit states that the CV does not support. Saved all the same: a warning only."
    )

    @classmethod
    def from_domain(cls, letter: results.CoverLetter) -> CoverLetter:
        return cls(
            id=strawberry.ID(letter.id),
            cv_id=strawberry.ID(letter.cv_id),
            job_id=strawberry.ID(letter.job_id),
            text=letter.text,
            created_at=letter.created_at,
            rejected=list(letter.rejected),
            version=letter.version,
            updated_at=letter.saved_at,
            title=letter.title,
            warnings=list(letter.warnings),
        )


@strawberry.type(description="One saved version of a cover letter as it was then.")
class CoverLetterRevision:
    revision: int = strawberry.field(description="The letter's version this save made.")
    saved_at: datetime
    title: str
    text: str

    @classmethod
    def from_domain(cls, revision: LetterRevision) -> CoverLetterRevision:
        return cls(revision=revision.revision, saved_at=revision.saved_at, title=revision.title, text=revision.text)


@strawberry.input(description="What an edit changes; an omitted field keeps its value.")
class CoverLetterInput:
    text: str | None = UNSET
    title: str | None = UNSET


@strawberry.type
class DeletedCoverLetter:
    id: strawberry.ID
