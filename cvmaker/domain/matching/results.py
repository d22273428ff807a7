"""What matching, ranking and tailoring return: plain values mirroring the GraphQL contract's types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from cvmaker.domain.cv.model import Cv
from cvmaker.domain.matching.jobs import Job, Requirement


@dataclass(frozen=True, slots=True)
class Evidence:
    section_id: str
    item_id: str | None
    text: str  # the sentence, bullet or item that shows the requirement
    similarity: float  # 0-1, how close in meaning the text is to the requirement
    cv_id: str  # the CV it is in: another CV of the user's when the requirement is shown elsewhere


@dataclass(frozen=True, slots=True)
class RequirementMatch:
    requirement: Requirement
    matched: bool
    shown_elsewhere: bool  # not on this CV, but on a hidden item or another of the user's CVs
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ScorePart:
    name: str  # hard_skills, soft_skills, title, education, experience, semantic
    score: float  # 0-1
    weight: float  # share of the total, 0-1; 0 when the posting does not ask for it
    explanation: str


@dataclass(frozen=True, slots=True)
class Match:
    cv_id: str
    job_id: str
    score: float  # 0-100
    breakdown: tuple[ScorePart, ...]
    requirements: tuple[RequirementMatch, ...]
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    missing_shown_elsewhere: tuple[str, ...]
    missing_not_shown: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class Change:
    path: str  # e.g. "summary", "sections.2.items.0.bullets", "sections.3.items.1.visible"
    before: str | None
    after: str | None
    reason: str
    source_item_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tailored:
    cv: Cv
    changes: tuple[Change, ...]
    rejected: tuple[Change, ...]  # changes the no-fabrication check dropped, with the reason why


@dataclass(frozen=True, slots=True)
class CoverLetter:
    id: str
    owner: str
    cv_id: str
    job_id: str
    text: str
    created_at: datetime
    rejected: tuple[str, ...] = field(default=())  # why a generated draft was not used, if it was not


@dataclass(frozen=True, slots=True)
class RankedJob:
    job: Job
    score: float


@dataclass(frozen=True, slots=True)
class RankedCv:
    cv: Cv
    score: float
