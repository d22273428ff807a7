"""An application: a job posting joined to the CV revision sent for it, with its stage and what surrounds it.

The CV sent is frozen: its number (`cv_revision`) and its document are taken when the application is created and
again when a saved application is first sent (moves to a sent stage), never after. The document is kept with the
application (the repository's `sent_cv`) because deleting a CV deletes its revisions: what was sent must outlive
the CV, and the job posting too (its title and company are copied here for the same reason).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from cvmaker.domain.errors import VersionConflict


class Stage(str, Enum):
    SAVED = "SAVED"
    APPLIED = "APPLIED"
    INTERVIEW = "INTERVIEW"
    OFFER = "OFFER"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


# Stages that mean the CV has gone out: reaching one of them first freezes the CV version sent.
SENT_STAGES = frozenset({Stage.APPLIED, Stage.INTERVIEW, Stage.OFFER, Stage.REJECTED})


class ApplicationVersionConflict(VersionConflict):
    def __init__(self, current_version: int) -> None:
        super().__init__(current_version)
        self.message = (
            f"This application was changed elsewhere: it is now at version {current_version}. "
            "Reload it and apply your change again."
        )
        self.args = (self.message,)


@dataclass(frozen=True, slots=True)
class StageChange:
    stage: Stage
    on: date  # the day the person says it happened
    recorded_at: datetime  # when it was recorded

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage.value, "on": self.on.isoformat(), "recordedAt": self.recorded_at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StageChange:
        return cls(Stage(data["stage"]), date.fromisoformat(data["on"]), datetime.fromisoformat(data["recordedAt"]))


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "email": self.email, "phone": self.phone}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contact:
        return cls(data.get("name"), data.get("role"), data.get("email"), data.get("phone"))


@dataclass(frozen=True, slots=True)
class Application:
    id: str
    owner: str
    version: int
    created_at: datetime
    updated_at: datetime
    job_id: str
    job_title: str  # copied from the job when it was chosen: kept if the job is deleted
    company: str | None
    cv_id: str
    cv_revision: int  # the CV's version that was (or will be) sent
    cv_title: str
    stage: Stage
    history: tuple[StageChange, ...]  # oldest first; the last one is the current stage
    letter_id: str | None = None
    notes: str = ""
    contacts: tuple[Contact, ...] = ()
    follow_up: date | None = None
    match_score: float | None = None  # 0-100 when the CV was frozen; None when matching was unavailable

    @property
    def sent(self) -> bool:
        """Whether the CV has gone out (a sent stage was reached once): its frozen version no longer changes."""
        return any(change.stage in SENT_STAGES for change in self.history)

    @property
    def applied_on(self) -> date | None:
        return next((change.on for change in self.history if change.stage in SENT_STAGES), None)

    def next_version(self, now: datetime, **changes: Any) -> Application:
        return replace(self, version=self.version + 1, updated_at=now, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Everything but the keys (owner, id), as JSON-ready values: what the stores keep."""
        return {
            "version": self.version,
            "createdAt": self.created_at.isoformat(),
            "updatedAt": self.updated_at.isoformat(),
            "jobId": self.job_id,
            "jobTitle": self.job_title,
            "company": self.company,
            "cvId": self.cv_id,
            "cvRevision": self.cv_revision,
            "cvTitle": self.cv_title,
            "stage": self.stage.value,
            "history": [change.to_dict() for change in self.history],
            "letterId": self.letter_id,
            "notes": self.notes,
            "contacts": [contact.to_dict() for contact in self.contacts],
            "followUp": self.follow_up.isoformat() if self.follow_up else None,
            "matchScore": self.match_score,
        }

    @classmethod
    def from_dict(cls, owner: str, application_id: str, data: dict[str, Any]) -> Application:
        return cls(
            id=application_id,
            owner=owner,
            version=int(data["version"]),
            created_at=datetime.fromisoformat(data["createdAt"]),
            updated_at=datetime.fromisoformat(data["updatedAt"]),
            job_id=data["jobId"],
            job_title=data["jobTitle"],
            company=data.get("company"),
            cv_id=data["cvId"],
            cv_revision=int(data["cvRevision"]),
            cv_title=data["cvTitle"],
            stage=Stage(data["stage"]),
            history=tuple(StageChange.from_dict(change) for change in data["history"]),
            letter_id=data.get("letterId"),
            notes=data.get("notes") or "",
            contacts=tuple(Contact.from_dict(contact) for contact in data.get("contacts") or ()),
            follow_up=date.fromisoformat(data["followUp"]) if data.get("followUp") else None,
            match_score=float(data["matchScore"]) if data.get("matchScore") is not None else None,
        )


@dataclass(frozen=True, slots=True)
class ApplicationFilter:
    """Which applications a list returns: every condition given must hold."""

    stages: frozenset[Stage] = field(default_factory=frozenset)  # empty: any stage
    cv_id: str | None = None
    job_id: str | None = None
    follow_up_by: date | None = None  # a follow-up date on or before this day

    def matches(self, application: Application) -> bool:
        return (
            (not self.stages or application.stage in self.stages)
            and (self.cv_id is None or application.cv_id == self.cv_id)
            and (self.job_id is None or application.job_id == self.job_id)
            and (
                self.follow_up_by is None
                or (application.follow_up is not None and application.follow_up <= self.follow_up_by)
            )
        )


@dataclass(frozen=True, slots=True)
class ApplicationPage:
    items: list[Application]
    next_cursor: str | None
