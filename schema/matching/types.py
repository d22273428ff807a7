"""GraphQL types of the jobs area, each an explicit mapping from the domain's results."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

from cvmaker.domain.pagination import encode_cursor
from schema.cvs.types import Cv, PageInfo

if TYPE_CHECKING:  # annotations only: the domain's result types load with the services, not at cold start
    from cvmaker.domain.matching import jobs, results


@strawberry.type
class Requirement:
    text: str
    kind: str = strawberry.field(description="hard_skill, soft_skill, title, education, experience or keyword.")
    required: bool = strawberry.field(description="False when the posting calls it preferred or a plus.")

    @classmethod
    def from_domain(cls, requirement: jobs.Requirement) -> Requirement:
        return cls(text=requirement.text, kind=requirement.kind.value, required=requirement.required)


@strawberry.type
class Job:
    id: strawberry.ID
    title: str
    company: str | None
    description: str
    requirements: list[Requirement]
    created_at: datetime
    extracted_by: str = strawberry.field(description='"rules", or the model that read the posting.')

    @classmethod
    def from_domain(cls, job: jobs.Job) -> Job:
        return cls(
            id=strawberry.ID(job.id),
            title=job.title,
            company=job.company,
            description=job.description,
            requirements=[Requirement.from_domain(r) for r in job.requirements],
            created_at=job.created_at,
            extracted_by=job.extracted_by,
        )


@strawberry.type
class JobEdge:
    cursor: str
    node: Job


@strawberry.type
class JobConnection:
    edges: list[JobEdge]
    page_info: PageInfo

    @classmethod
    def from_domain(cls, page: jobs.JobPage) -> JobConnection:
        return cls(
            edges=[JobEdge(cursor=encode_cursor(job.id), node=Job.from_domain(job)) for job in page.items],
            page_info=PageInfo(has_next_page=page.next_cursor is not None, end_cursor=page.next_cursor),
        )


@strawberry.type
class Evidence:
    cv_id: strawberry.ID = strawberry.field(description="Another of your CVs when the requirement is shown elsewhere.")
    section_id: strawberry.ID
    item_id: strawberry.ID | None
    text: str
    similarity: float = strawberry.field(description="0 to 1: how close in meaning the text is to the requirement.")


@strawberry.type
class RequirementMatch:
    requirement: Requirement
    matched: bool
    shown_elsewhere: bool = strawberry.field(
        description="Not on this CV, but on one of its hidden items or on another of your CVs."
    )
    evidence: list[Evidence]
    matched_by: str = strawberry.field(
        description='"words" (the CV names it), "meaning" (an item says it in other words), "" when not matched.'
    )


@strawberry.type
class ScoreTally:
    label: str = strawberry.field(description='What was counted: "required technical skills".')
    shown: int
    asked: int
    weight: float = strawberry.field(description="What each one counts for in the part's score.")


@strawberry.type
class ScorePart:
    name: str = strawberry.field(description="hard_skills, soft_skills, title, education, experience, semantic.")
    score: float = strawberry.field(description="0 to 1; 0 and meaningless when not measured.")
    weight: float = strawberry.field(description="Its share of the total; 0 when the posting does not ask for it.")
    explanation: str
    measured: bool = strawberry.field(
        description="False when there was nothing to measure (then its weight is 0 and it shows no score)."
    )
    tallies: list[ScoreTally] = strawberry.field(
        description="The counts its score is the weighted share of (skills shown, title words); empty otherwise."
    )


@strawberry.type
class Match:
    cv_id: strawberry.ID
    job_id: strawberry.ID
    score: float = strawberry.field(description="0 to 100.")
    breakdown: list[ScorePart]
    requirements: list[RequirementMatch]
    matched: list[str]
    missing: list[str]
    missing_shown_elsewhere: list[str] = strawberry.field(description="Missing here, shown in your other CVs.")
    missing_not_shown: list[str] = strawberry.field(description="Missing here and not shown anywhere.")
    summary: str
    capped_by: str | None = strawberry.field(
        description="Why the score was held below a band (most required skills not shown); null when it was not."
    )

    @classmethod
    def from_domain(cls, match: results.Match) -> Match:
        return cls(
            cv_id=strawberry.ID(match.cv_id),
            job_id=strawberry.ID(match.job_id),
            score=match.score,
            breakdown=[
                ScorePart(
                    name=p.name,
                    score=p.score,
                    weight=p.weight,
                    explanation=p.explanation,
                    measured=p.measured,
                    tallies=[
                        ScoreTally(label=t.label, shown=t.shown, asked=t.asked, weight=t.weight) for t in p.tallies
                    ],
                )
                for p in match.breakdown
            ],
            requirements=[
                RequirementMatch(
                    requirement=Requirement.from_domain(r.requirement),
                    matched=r.matched,
                    shown_elsewhere=r.shown_elsewhere,
                    evidence=[
                        Evidence(
                            cv_id=strawberry.ID(e.cv_id),
                            section_id=strawberry.ID(e.section_id),
                            item_id=strawberry.ID(e.item_id) if e.item_id else None,
                            text=e.text,
                            similarity=e.similarity,
                        )
                        for e in r.evidence
                    ],
                    matched_by=r.matched_by,
                )
                for r in match.requirements
            ],
            matched=list(match.matched),
            missing=list(match.missing),
            missing_shown_elsewhere=list(match.missing_shown_elsewhere),
            missing_not_shown=list(match.missing_not_shown),
            summary=match.summary,
            capped_by=match.capped_by,
        )


@strawberry.type
class Change:
    path: str
    before: str | None
    after: str | None
    reason: str
    source_item_ids: list[strawberry.ID] = strawberry.field(description="The CV items this change draws on.")

    @classmethod
    def from_domain(cls, change: results.Change) -> Change:
        return cls(
            path=change.path,
            before=change.before,
            after=change.after,
            reason=change.reason,
            source_item_ids=[strawberry.ID(i) for i in change.source_item_ids],
        )


@strawberry.type
class Tailored:
    cv: Cv
    changes: list[Change]
    rejected: list[Change] = strawberry.field(description="Changes the no-fabrication check dropped, and why.")

    @classmethod
    def from_domain(cls, tailored: results.Tailored) -> Tailored:
        return cls(
            cv=Cv.from_domain(tailored.cv),
            changes=[Change.from_domain(c) for c in tailored.changes],
            rejected=[Change.from_domain(c) for c in tailored.rejected],
        )


@strawberry.type
class RankedJob:
    job: Job
    score: float


@strawberry.type
class RankedCv:
    cv: Cv
    score: float
