"""Job postings a user saves to match CVs against, and the requirements read from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from cvmaker.domain.errors import Problems

MAX_JOB_TITLE = 200
MAX_COMPANY = 200
MAX_JOB_DESCRIPTION = 20_000  # long enough for any real posting; caps what a model is sent
MAX_REQUIREMENTS = 80


class RequirementKind(str, Enum):
    HARD_SKILL = "hard_skill"
    SOFT_SKILL = "soft_skill"
    TITLE = "title"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    KEYWORD = "keyword"


@dataclass(frozen=True, slots=True)
class Requirement:
    text: str  # as shown: "Python", "Bachelor's degree", "5+ years of experience"
    kind: RequirementKind
    required: bool  # False when the posting calls it preferred, desired or a plus

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind.value, "required": self.required}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Requirement:
        return cls(text=data["text"], kind=RequirementKind(data["kind"]), required=bool(data["required"]))


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    owner: str
    title: str
    company: str | None
    description: str
    requirements: tuple[Requirement, ...]
    created_at: datetime
    extracted_by: str = "rules"  # "rules" or the model that read the posting

    def requirements_of(self, kind: RequirementKind) -> list[Requirement]:
        return [r for r in self.requirements if r.kind == kind]


@dataclass(frozen=True, slots=True)
class JobPage:
    items: list[Job]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class JobInput:
    title: str
    description: str
    company: str | None = None


def clean_job_input(title: str, company: str | None, description: str) -> JobInput:
    """Trim the fields and check their sizes; raise `InvalidInput` naming each bad field."""
    problems = Problems()
    title = " ".join((title or "").split())
    company = " ".join(company.split()) if company and company.strip() else None
    description = (description or "").strip()
    if not title:
        problems.add("title", "Give the job a title.")
    elif len(title) > MAX_JOB_TITLE:
        problems.add("title", f"The title is longer than {MAX_JOB_TITLE} characters.")
    if company and len(company) > MAX_COMPANY:
        problems.add("company", f"The company name is longer than {MAX_COMPANY} characters.")
    if len(description) < 20:
        problems.add("description", "Paste the job posting: the description is too short to read requirements from.")
    elif len(description) > MAX_JOB_DESCRIPTION:
        problems.add("description", f"The description is longer than {MAX_JOB_DESCRIPTION:,} characters.")
    problems.raise_if_any()
    return JobInput(title=title, company=company, description=description)
