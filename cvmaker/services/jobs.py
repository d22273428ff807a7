"""Job use cases: save a posting with the requirements read from it, list, read and delete postings."""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from cvmaker.domain.clock import utc_now
from cvmaker.domain.errors import GenerationUnavailable, NotFound
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.matching.extraction import (
    Posting,
    accept_proposals,
    extract_requirements,
)
from cvmaker.domain.matching.jobs import Job, JobPage, Requirement, clean_job_input
from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary
from cvmaker.domain.quotas import QuotaKind
from cvmaker.ports import JobRepository, TextGenerator
from cvmaker.services.quotas import QuotaService, unmetered

MAX_PAGE_SIZE = 50
MAX_JOBS_RANKED = 200  # how many of a user's saved jobs ranking reads

log = logging.getLogger(__name__)


@dataclass
class JobService:
    repository: JobRepository
    generator: TextGenerator
    vocabulary: Vocabulary = field(default_factory=shipped_vocabulary)
    clock: Callable[[], datetime] = field(default=utc_now)
    quotas: QuotaService = field(default_factory=unmetered)

    def create(self, owner: str, title: str, company: str | None, description: str) -> Job:
        cleaned = clean_job_input(title, company, description)
        posting = Posting(cleaned.title, cleaned.company, cleaned.description)
        with self.quotas.spend(owner, QuotaKind.MODEL_CALL):
            requirements, extracted_by = self._read_requirements(posting)
        job = Job(
            id=new_ulid(),
            owner=owner,
            title=cleaned.title,
            company=cleaned.company,
            description=cleaned.description,
            requirements=tuple(requirements),
            created_at=self.clock(),
            extracted_by=extracted_by,
        )
        # The posting is embedded when it is first matched, not here: MiniLM takes about a second for a posting's
        # 48 sentences on one core, which would hold every createJob (`bench_match_many`).
        self.repository.add(job)
        return job

    def _read_requirements(self, posting: Posting) -> tuple[list[Requirement], str]:
        """The generator's reading, checked against the posting; the rules' reading if it gives none."""
        try:
            proposals = self.generator.extract_requirements(posting)
        except GenerationUnavailable as unavailable:
            log.warning("requirement extraction fell back to rules: %s", unavailable.message)
            proposals = None
        if proposals is not None:
            accepted, dropped = accept_proposals(
                posting, [(p.text, p.kind, p.required) for p in proposals], self.vocabulary
            )
            if dropped:
                log.info("dropped %d proposed requirements not in the posting", len(dropped))
            if len(accepted) > 1:
                return accepted, self.generator.name
        return extract_requirements(posting, self.vocabulary), "rules"

    def get(self, owner: str, job_id: str) -> Job:
        job = self.repository.get(owner, job_id)
        if job is None:
            raise NotFound("Job")
        return job

    def find(self, owner: str, job_id: str) -> Job | None:
        return self.repository.get(owner, job_id)

    def list(self, owner: str, first: int, after: str | None = None) -> JobPage:
        return self.repository.list(owner, max(1, min(first, MAX_PAGE_SIZE)), after)

    def all(self, owner: str, limit: int = MAX_JOBS_RANKED) -> builtins.list[Job]:
        """The user's jobs, newest first, up to `limit` (what ranking reads)."""
        jobs: builtins.list[Job] = []
        cursor: str | None = None
        while len(jobs) < limit:
            page = self.repository.list(owner, min(MAX_PAGE_SIZE, limit - len(jobs)), cursor)
            jobs += page.items
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        return jobs

    def delete(self, owner: str, job_id: str) -> None:
        if not self.repository.delete(owner, job_id):
            raise NotFound("Job")
