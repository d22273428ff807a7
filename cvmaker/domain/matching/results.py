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
    matched_by: str = ""  # "words" (named outright), "meaning" (an item close in meaning), "" when not matched


@dataclass(frozen=True, slots=True)
class Tally:
    """One count a score part measured: "required skills, 2 of 7 shown"."""

    label: str
    shown: int
    asked: int
    weight: float  # what each of these counts for in the part's score


@dataclass(frozen=True, slots=True)
class ScorePart:
    name: str  # hard_skills, soft_skills, title, education, experience, semantic
    score: float  # 0-1
    weight: float  # share of the total, 0-1; 0 when the posting does not ask for it
    explanation: str
    measured: bool = True  # False: nothing to measure (the posting does not ask for it), and weight 0
    tallies: tuple[Tally, ...] = ()  # the counts its score is the weighted share of (skills, title words)


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
    capped_by: str | None = None  # why the score was held below a band, when the CV misses most required skills


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
    # A letter is a document like a CV: edited against its version, every save kept as a revision.
    version: int = 1
    updated_at: datetime | None = None  # None until first edited (and for letters stored before edits existed)
    title: str = ""  # "" for letters stored before titles existed: the service names them from their job
    warnings: tuple[str, ...] = field(default=())  # what an edit states that the CV does not support

    @property
    def saved_at(self) -> datetime:
        return self.updated_at or self.created_at


@dataclass(frozen=True, slots=True)
class RankedJob:
    job: Job
    score: float


@dataclass(frozen=True, slots=True)
class RankedCv:
    cv: Cv
    score: float
