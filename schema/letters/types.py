"""Cover letters as GraphQL types."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

if TYPE_CHECKING:  # annotations only: the domain's result types load with the services, not at cold start
    from cvmaker.domain.matching import results


@strawberry.type
class CoverLetter:
    id: strawberry.ID
    cv_id: strawberry.ID
    job_id: strawberry.ID
    text: str
    created_at: datetime
    rejected: list[str] = strawberry.field(description="Why a generated draft was not used, if it was not.")

    @classmethod
    def from_domain(cls, letter: results.CoverLetter) -> CoverLetter:
        return cls(
            id=strawberry.ID(letter.id),
            cv_id=strawberry.ID(letter.cv_id),
            job_id=strawberry.ID(letter.job_id),
            text=letter.text,
            created_at=letter.created_at,
            rejected=list(letter.rejected),
        )
