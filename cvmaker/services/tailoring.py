"""Tailoring use cases: a tailored copy of a CV for a job, and a cover letter, both held to the no-fabrication
rule by `cvmaker.domain.matching.fabrication` whatever the text generator wrote."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from cvmaker.domain.clock import utc_now
from cvmaker.domain.cv.model import Cv
from cvmaker.domain.errors import GenerationUnavailable
from cvmaker.domain.matching.fabrication import (
    document_problems,
)
from cvmaker.domain.matching.jobs import Job
from cvmaker.domain.matching.results import Change, Tailored
from cvmaker.domain.matching.tailoring import (
    Relevance,
    brief_for_summary,
    highlights,
    plan_tailoring,
)
from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary
from cvmaker.domain.quotas import QuotaKind
from cvmaker.ports import TextGenerator
from cvmaker.services.cvs import CvService
from cvmaker.services.jobs import JobService
from cvmaker.services.matching import MatchingService
from cvmaker.services.quotas import QuotaService, unmetered

log = logging.getLogger(__name__)


@dataclass
class TailoringService:
    cvs: CvService
    jobs: JobService
    matching: MatchingService
    generator: TextGenerator
    vocabulary: Vocabulary = field(default_factory=shipped_vocabulary)
    clock: Callable[[], datetime] = field(default=utc_now)
    quotas: QuotaService = field(default_factory=unmetered)

    def tailor(self, owner: str, cv_id: str, job_id: str) -> Tailored:
        """A new CV, linked to its source, rearranged for the job; the source is left as it was."""
        source = self.cvs.get(owner, cv_id)
        job = self.jobs.get(owner, job_id)
        with self.quotas.spend(owner, QuotaKind.MODEL_CALL):
            match = self.matching.match(owner, cv_id, job_id)
            similarity = self.matching.item_similarities(owner, source, job)
            relevance = Relevance(match, self.vocabulary, similarity)
            brief = brief_for_summary(source.document, job, match, highlights(source.document, relevance.of_text))
            written, unavailable = written_or_why(self.generator, lambda: self.generator.write_summary(brief))
        plan = plan_tailoring(source.document, job, match, self.vocabulary, similarity, brief, written)
        rejected = list(plan.rejected)
        if unavailable:
            rejected.append(Change("summary", source.document.summary, None, unavailable, ()))
        problems = document_problems(plan.document, source.document, self.vocabulary)
        if problems:
            # The rules only rearrange, so this means a bug: keep the source as it is rather than risk it.
            log.error("tailored document failed the fabrication check: %s", problems)
            return self._unchanged(
                owner,
                source,
                job,
                rejected + [Change("", None, None, "Dropped by the no-fabrication check: " + "; ".join(problems), ())],
            )
        cv = self.cvs.create_from_document(owner, plan.document, source_cv_id=source.id)
        return Tailored(cv=cv, changes=plan.changes, rejected=tuple(rejected))

    def _unchanged(self, owner: str, source: Cv, job: Job, rejected: list[Change]) -> Tailored:
        document = copy.deepcopy(source.document)
        document.title = f"{source.title} - {job.title}"[:200]
        cv = self.cvs.create_from_document(owner, document, source_cv_id=source.id)
        return Tailored(cv=cv, changes=(), rejected=tuple(rejected))


def written_or_why(generator: TextGenerator, write: Callable[[], str | None]) -> tuple[str | None, str | None]:
    """The generator's text, or None and why: a slow, rate-limited, refusing or cut-short model means
    "no change". (The rules writer's None only means it had nothing to say: no reason is given.)"""
    try:
        written = write()
    except GenerationUnavailable as unavailable:
        log.warning("text generation unavailable: %s", unavailable.message)
        return None, f"Not rewritten: {unavailable.message}"
    if written is None and generator.name != "rules":
        return None, "Not rewritten: the writing service gave no usable answer (refused or cut short)."
    return written, None


__all__ = ["TailoringService", "written_or_why"]
