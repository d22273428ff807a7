"""Application use cases: track a job application from saved to offer, with the CV version that was sent.

The job, CV and letter an application names must be the caller's: another user's id is `NotFound`, exactly like
a missing one. The CV is frozen when the application is created and again when a saved one is first sent; the
match score is taken at the same moments, and is None (never an error) when matching cannot answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from cvmaker.domain.applications.input import (
    KEEP,
    ApplicationChanges,
    ApplicationInput,
    check_follow_up,
    check_stage_date,
    clean_contacts,
    clean_notes,
)
from cvmaker.domain.applications.model import (
    SENT_STAGES,
    Application,
    ApplicationFilter,
    ApplicationPage,
    ApplicationVersionConflict,
    Stage,
    StageChange,
)
from cvmaker.domain.clock import utc_now
from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.errors import DomainError, NotFound, Problems
from cvmaker.domain.ids import is_cv_id, new_ulid
from cvmaker.ports import ApplicationRepository
from cvmaker.services.cvs import CvService

if TYPE_CHECKING:  # annotations only: the jobs service loads on first use
    from cvmaker.domain.matching.jobs import Job
    from cvmaker.services.idempotency import Replay
    from cvmaker.services.jobs import JobService

MAX_PAGE_SIZE = 50

log = logging.getLogger(__name__)


@dataclass
class ApplicationService:
    repository: ApplicationRepository
    cvs: CvService
    jobs: Callable[[], JobService]
    # Whether (owner, letter id) names a letter of the owner.
    letter_exists: Callable[[str, str], bool]
    # The 0-100 score of (owner, cv id, job id); may raise when matching is unavailable.
    score_match: Callable[[str, str, str], float]
    clock: Callable[[], datetime] = field(default=utc_now)

    # ---------------------------------------------------------------- reads

    def get(self, owner: str, application_id: str) -> Application:
        found = self.find(owner, application_id)
        if found is None:
            raise NotFound("Application")
        return found

    def find(self, owner: str, application_id: str) -> Application | None:
        if not is_cv_id(application_id):
            return None
        return self.repository.get(owner, application_id)

    def list(self, owner: str, where: ApplicationFilter, first: int, after: str | None = None) -> ApplicationPage:
        return self.repository.list(owner, where, max(1, min(first, MAX_PAGE_SIZE)), after)

    def sent_cv(self, owner: str, application_id: str) -> Cv:
        """The CV as it was frozen for the application, even when the CV or its revisions are gone."""
        application = self.get(owner, application_id)
        document = self.repository.sent_cv(owner, application_id)
        if document is None:
            raise NotFound("CV")
        return Cv(
            id=application.cv_id,
            owner=owner,
            version=application.cv_revision,
            created_at=application.created_at,
            updated_at=application.updated_at,
            document=document,
        )

    # ---------------------------------------------------------------- writes

    def create(self, owner: str, given: ApplicationInput) -> Application:
        today = self._today()
        problems = Problems()
        notes = clean_notes(given.notes, problems)
        contacts = clean_contacts(given.contacts, problems)
        on = given.on or today
        check_stage_date(on, today, problems)
        check_follow_up(given.follow_up, today, problems)
        problems.raise_if_any()
        job = self._job(owner, given.job_id)
        cv = self._cv(owner, given.cv_id)
        if given.letter_id is not None:
            self._check_letter(owner, given.letter_id)
        now = self.clock()
        application = Application(
            id=new_ulid(),
            owner=owner,
            version=1,
            created_at=now,
            updated_at=now,
            job_id=job.id,
            job_title=job.title,
            company=job.company,
            cv_id=cv.id,
            cv_revision=cv.version,
            cv_title=cv.title,
            stage=given.stage,
            history=(StageChange(given.stage, on, now),),
            letter_id=given.letter_id,
            notes=notes,
            contacts=contacts,
            follow_up=given.follow_up,
            match_score=self._score(owner, cv.id, job.id),
        )
        self.repository.add(application, cv.document)
        return application

    def update(self, owner: str, application_id: str, version: int, changes: ApplicationChanges) -> Application:
        current = self._current(owner, application_id, version)
        today = self._today()
        problems = Problems()
        notes = clean_notes(changes.notes, problems) if changes.notes is not None else current.notes
        contacts = clean_contacts(changes.contacts, problems) if changes.contacts is not None else current.contacts
        follow_up = current.follow_up if changes.follow_up is KEEP else changes.follow_up
        if changes.follow_up is not KEEP:
            check_follow_up(follow_up, today, problems)
        changing_cv = changes.cv_id is not None and changes.cv_id != current.cv_id
        changing_job = changes.job_id is not None and changes.job_id != current.job_id
        # What went out, and where to, stays as it was (and so does the score taken then): a different job or CV
        # is a new application.
        if changing_cv and current.sent:
            problems.add("cvId", "The CV sent cannot change once the application has gone out.")
        if changing_job and current.sent:
            problems.add("jobId", "The job cannot change once the application has gone out: track a new one.")
        problems.raise_if_any()
        job_fields: dict[str, str | None] = {}
        if changing_job and changes.job_id is not None:
            job = self._job(owner, changes.job_id)
            job_fields = {"job_id": job.id, "job_title": job.title, "company": job.company}
        letter_id = current.letter_id if changes.letter_id is KEEP else changes.letter_id
        if letter_id is not None and letter_id != current.letter_id:
            self._check_letter(owner, letter_id)
        sent_cv: CvDocument | None = None
        frozen: dict[str, object] = {}
        if changing_cv and changes.cv_id is not None:
            cv = self._cv(owner, changes.cv_id)
            sent_cv = cv.document
            frozen = {"cv_id": cv.id, "cv_revision": cv.version, "cv_title": cv.title}
        if sent_cv is not None or job_fields:
            cv_id = str(frozen.get("cv_id", current.cv_id))
            job_id = job_fields.get("job_id") or current.job_id
            frozen["match_score"] = self._score(owner, cv_id, job_id)
        updated = current.next_version(
            self.clock(),
            notes=notes,
            contacts=contacts,
            follow_up=follow_up,
            letter_id=letter_id,
            **job_fields,
            **frozen,
        )
        self.repository.save(updated, current.version, sent_cv)
        return updated

    def move(self, owner: str, application_id: str, version: int, stage: Stage, on: date | None) -> Application:
        current = self._current(owner, application_id, version)
        today = self._today()
        problems = Problems()
        day = on or today
        check_stage_date(day, today, problems)
        if stage == current.stage:
            problems.add("stage", f"The application is already at {stage.value.lower()}.")
        problems.raise_if_any()
        now = self.clock()
        history = (*current.history, StageChange(stage, day, now))
        sent_cv: CvDocument | None = None
        frozen: dict[str, object] = {}
        if stage in SENT_STAGES and not current.sent:
            # The CV goes out now: what is sent is the CV as it is today, unless it was deleted meanwhile (then
            # what was frozen when the application was saved stays).
            cv = self.cvs.find(owner, current.cv_id)
            if cv is not None:
                sent_cv = cv.document
                frozen = {"cv_revision": cv.version, "cv_title": cv.title}
            frozen["match_score"] = self._score(owner, current.cv_id, current.job_id)
        updated = current.next_version(now, stage=stage, history=history, **frozen)
        self.repository.save(updated, current.version, sent_cv)
        return updated

    def delete(self, owner: str, application_id: str) -> None:
        if not is_cv_id(application_id) or not self.repository.delete(owner, application_id):
            raise NotFound("Application")

    # ---------------------------------------------------------------- helpers

    def _today(self) -> date:
        return self.clock().date()

    def _current(self, owner: str, application_id: str, version: int) -> Application:
        current = self.get(owner, application_id)
        if current.version != version:
            raise ApplicationVersionConflict(current.version)
        return current

    def _job(self, owner: str, job_id: str) -> Job:
        job = self.jobs().find(owner, job_id) if is_cv_id(job_id) else None
        if job is None:
            raise NotFound("Job")
        return job

    def _cv(self, owner: str, cv_id: str) -> Cv:
        cv = self.cvs.find(owner, cv_id) if is_cv_id(cv_id) else None
        if cv is None:
            raise NotFound("CV")
        return cv

    def _check_letter(self, owner: str, letter_id: str) -> None:
        if not is_cv_id(letter_id) or not self.letter_exists(owner, letter_id):
            raise NotFound("Letter")

    def _score(self, owner: str, cv_id: str, job_id: str) -> float | None:
        """The match score, or None: an application is saved whether or not matching can answer."""
        try:
            return round(self.score_match(owner, cv_id, job_id), 1)
        except DomainError as unavailable:
            log.warning("no match score for an application: %s", unavailable.message)
        except Exception:  # an embedder or index failing must not lose the person's application
            log.exception("no match score for an application: matching failed")
        return None


def application_replay(applications: ApplicationService) -> Replay[Application]:
    """createApplication: the application, as it is now."""
    from cvmaker.services.idempotency import Replay

    return Replay(
        lambda application: {"applicationId": application.id},
        lambda owner, kept: applications.get(owner, kept["applicationId"]),
    )
