"""Matching use cases: score a CV against a job with its evidence, and rank a user's jobs or CVs.

A CV's items are embedded (cached by text hash) and kept in the vector index under the owner's namespace, with
metadata for the CV, section and item; evidence for a requirement is a vector search over that CV's items, with
items that name the requirement outright put first. The score itself comes from `cvmaker.domain.matching.scoring`.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cvmaker.domain.clock import utc_now
from cvmaker.domain.cv.model import Cv, CvDocument, SectionKind
from cvmaker.domain.matching.cv_facts import CvFacts, CvPassage, passages, read_facts
from cvmaker.domain.matching.extraction import occurs_in, relevant_part, title_words
from cvmaker.domain.matching.jobs import Job, Requirement, RequirementKind
from cvmaker.domain.matching.meaning import by_meaning_at_all, pieces, shown_by_meaning
from cvmaker.domain.matching.results import Evidence, Match, RankedCv, RankedJob
from cvmaker.domain.matching.scoring import OtherCv, meets, score_match
from cvmaker.domain.matching.text import normalize, sentences
from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary
from cvmaker.ports import Embedder, EmbeddingStore, Vector, VectorIndex, VectorRecord
from cvmaker.services.cvs import CvService
from cvmaker.services.jobs import JobService

EVIDENCE_PER_REQUIREMENT = 3
MAX_NAMED = 2  # items that name a requirement outright, shown before those found by meaning
EVIDENCE_FLOOR = 0.4  # share of the embedder's similarity range an item needs to count as evidence by meaning
MAX_OTHER_CVS = 100
MAX_JOB_CHUNKS = 48
SNIPPET = 240
_BY_MEANING = (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL, RequirementKind.KEYWORD)


class CachedEmbedder:
    """An `Embedder` that remembers vectors by the hash of model and text, so a CV or posting is embedded once:
    in memory, and in `store` (if given) across restarts."""

    def __init__(self, inner: Embedder, store: EmbeddingStore | None = None, max_entries: int = 50_000) -> None:
        self.inner = inner
        self.store = store
        self.model = inner.model
        self.dimension = inner.dimension
        self.similarity_range = inner.similarity_range
        self.max_entries = max_entries
        self._cache: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model}\0{text}".encode()).hexdigest()

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        keys = [self._key(t) for t in texts]
        with self._lock:
            found = {k: self._cache[k] for k in keys if k in self._cache}
            for k in found:
                self._cache.move_to_end(k)
        if self.store is not None and len(found) < len(set(keys)):
            stored = self.store.get_many(self.model, [k for k in dict.fromkeys(keys) if k not in found])
            found.update(stored)
            self._remember(stored)
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in found))
        if missing:
            fresh = dict(zip((self._key(t) for t in missing), self.inner.embed(missing)))
            if self.store is not None:
                self.store.put_many(self.model, fresh)
            found.update(fresh)
            self._remember(fresh)
        return [found[k] for k in keys]

    def forget(self, texts: Sequence[str]) -> int:
        """Drop these texts' embeddings from memory and from the store (an account's deletion); returns how many
        the store held."""
        keys = list(dict.fromkeys(self._key(t) for t in texts))
        with self._lock:
            for key in keys:
                self._cache.pop(key, None)
        return self.store.delete_many(self.model, keys) if self.store is not None else 0

    def _remember(self, vectors: dict[str, Vector]) -> None:
        with self._lock:
            for key, vector in vectors.items():
                self._cache[key] = vector
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)


def cosine(a: Vector, b: Vector) -> float:
    import numpy as np

    va, vb = np.asarray(a, dtype=np.float32), np.asarray(b, dtype=np.float32)
    denominator = float(np.linalg.norm(va) * np.linalg.norm(vb))
    return float(va @ vb) / denominator if denominator else 0.0


def centroid(vectors: Sequence[Vector]) -> Vector | None:
    import numpy as np

    if not vectors:
        return None
    mean = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None


@dataclass(frozen=True, slots=True)
class _PreparedCv:
    cv: Cv
    facts: CvFacts
    passages: list[CvPassage]
    vectors: list[Vector]
    centroid: Vector | None


@dataclass
class MatchingService:
    cvs: CvService
    jobs: JobService
    embedder: Embedder
    index: VectorIndex
    vocabulary: Vocabulary = field(default_factory=shipped_vocabulary)
    clock: Callable[[], datetime] = field(default=utc_now)
    _facts: OrderedDict[tuple[str, str, int, str], CvFacts] = field(default_factory=OrderedDict, repr=False)
    _facts_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # ---------------------------------------------------------------- operations

    def match(self, owner: str, cv_id: str, job_id: str) -> Match:
        cv = self.cvs.get(owner, cv_id)
        job = self.jobs.get(owner, job_id)
        prepared = self._prepare(cv, index=True)
        other_cvs = {other.id: other for other in self._other_cvs(owner, cv.id)}
        others = [OtherCv(other.id, self._read_facts(other)) for other in other_cvs.values()]
        evidence = self._evidence(job, prepared, others, other_cvs)
        return score_match(
            job,
            cv.id,
            prepared.facts,
            others,
            self._semantic(prepared, job),
            evidence,
            self.vocabulary,
            self._by_meaning(job, prepared),
        )

    def rank_jobs(self, owner: str, cv_id: str, first: int = 10) -> list[RankedJob]:
        """The user's saved jobs, best match for the CV first (ties: newest job first). Another user's CV ranks
        nothing, exactly like a missing one."""
        cv = self.cvs.find(owner, cv_id)
        if cv is None:
            return []
        prepared = self._prepare(cv, index=False)
        scored = [(job, self._quick_score(prepared, job)) for job in self.jobs.all(owner)]
        scored.sort(key=lambda pair: (-pair[1][0], -pair[1][1], _newest_first(pair[0].id)))
        ranked = [RankedJob(job, score) for job, (score, _) in scored]
        return ranked[: max(0, first)]

    def rank_cvs(self, owner: str, job_id: str, first: int = 10) -> list[RankedCv]:
        """The user's CVs, best match for the job first (ties: newest CV first); none for a missing job."""
        job = self.jobs.find(owner, job_id)
        if job is None:
            return []
        scored = [(cv, self._quick_score(self._prepare(cv, index=False), job)) for cv in self._all_cvs(owner)]
        scored.sort(key=lambda pair: (-pair[1][0], -pair[1][1], _newest_first(pair[0].id)))
        ranked = [RankedCv(cv, score) for cv, (score, _) in scored]
        return ranked[: max(0, first)]

    def item_similarities(self, owner: str, cv: Cv, job: Job) -> dict[str, float]:
        """How close in meaning each item of the CV is to what the job asks for (item id -> cosine): the mean of
        its three best cosines with the job's title and requirements, so a posting's talk about its culture
        does not make an unrelated item look relevant."""
        import numpy as np

        prepared = self._prepare(cv, index=False)
        wanted = [
            _query_text(r)
            for r in job.requirements
            if r.kind not in (RequirementKind.EXPERIENCE, RequirementKind.EDUCATION)
        ]
        items = [(p.item_id, v) for p, v in zip(prepared.passages, prepared.vectors) if p.item_id]
        if not wanted or not items:
            return {}
        requirements = np.asarray(self.embedder.embed(wanted), dtype=np.float32)
        matrix = np.asarray([v for _, v in items], dtype=np.float32)
        cosines = np.sort(matrix @ requirements.T, axis=1)[:, ::-1][:, :3]
        return {item_id: round(float(c.mean()), 6) for (item_id, _), c in zip(items, cosines)}

    def forget_cv(self, owner: str, cv_id: str) -> None:
        """Remove a deleted CV's vectors from the index (call after `deleteCv`)."""
        self.index.delete(owner, {"cv_id": cv_id})

    def remember_job(self, job: Job) -> None:
        """Embed a new job's text now (after `createJob`), so ranking many jobs later finds it cached."""
        self._job_centroid(job)

    # ---------------------------------------------------------------- scoring parts

    def _quick_score(self, prepared: _PreparedCv, job: Job) -> tuple[float, float]:
        """The score, and the score before any cap: many weak matches share a cap's ceiling, and among them the
        one closer to the job still ranks first."""
        semantic = self._semantic(prepared, job)
        meant = self._by_meaning(job, prepared)
        match = score_match(job, prepared.cv.id, prepared.facts, [], semantic, {}, self.vocabulary, meant)
        return match.score, sum(p.score * p.weight for p in match.breakdown)

    def _by_meaning(self, job: Job, prepared: _PreparedCv) -> dict[Requirement, Evidence]:
        """Skills the CV does not name but shows in other words: for each, the visible sentence closest in
        meaning, when it is close enough (`cvmaker.domain.matching.meaning`)."""
        import numpy as np

        wanted = [
            r
            for r in job.requirements
            if r.kind in _BY_MEANING and by_meaning_at_all(r.text) and not meets(r, prepared.facts, self.vocabulary)
        ]
        found = pieces(prepared.passages)
        if not wanted or not found:
            return {}
        queries = np.asarray(self.embedder.embed([_query_text(r) for r in wanted]), dtype=np.float32)
        matrix = np.asarray(self.embedder.embed([p.text for p in found]), dtype=np.float32)
        cosines = queries @ matrix.T
        shown: dict[Requirement, Evidence] = {}
        for requirement, row in zip(wanted, cosines):
            best = int(np.argmax(row))
            if shown_by_meaning(float(row[best]), self.embedder.similarity_range):
                piece = found[best]
                shown[requirement] = Evidence(
                    section_id=piece.passage.section_id,
                    item_id=piece.passage.item_id,
                    text=piece.text if len(piece.text) <= SNIPPET else piece.text[: SNIPPET - 1].rstrip() + "\u2026",
                    similarity=round(max(0.0, float(row[best])), 4),
                    cv_id=prepared.cv.id,
                )
        return shown

    def _semantic(self, prepared: _PreparedCv, job: Job) -> float | None:
        job_vector = self._job_centroid(job)
        if prepared.centroid is None or job_vector is None:
            return None
        low, high = self.embedder.similarity_range
        return round(max(0.0, min(1.0, (cosine(prepared.centroid, job_vector) - low) / (high - low))), 4)

    def _job_centroid(self, job: Job) -> Vector | None:
        return centroid(self.embedder.embed(_job_texts(job)))

    # ---------------------------------------------------------------- CV preparation

    def _prepare(self, cv: Cv, index: bool) -> _PreparedCv:
        found = passages(cv.document)
        vectors = self.embedder.embed([p.text for p in found]) if found else []
        if index and found:
            self._ensure_indexed(cv, found, vectors)
        shown = [v for p, v in zip(found, vectors) if p.visible]
        return _PreparedCv(cv, self._read_facts(cv), found, vectors, centroid(shown))

    def _ensure_indexed(self, cv: Cv, found: list[CvPassage], vectors: list[Vector]) -> None:
        records = [
            VectorRecord(
                _vector_id(cv.id, p),
                v,
                {
                    "cv_id": cv.id,
                    "section_id": p.section_id,
                    "item_id": p.item_id or "",
                    "kind": p.kind.value if p.kind else "SUMMARY",
                    "visible": p.visible,
                },
            )
            for p, v in zip(found, vectors)
        ]
        wanted = [r.id for r in records]
        if self.index.existing(cv.owner, wanted) != set(wanted):
            # Something changed since the CV was indexed: replace its vectors as a whole.
            self.index.delete(cv.owner, {"cv_id": cv.id})
            self.index.upsert(cv.owner, records)

    def _read_facts(self, cv: Cv) -> CvFacts:
        today = self.clock().date()
        key = (cv.owner, cv.id, cv.version, today.isoformat())
        with self._facts_lock:
            facts = self._facts.get(key)
        if facts is None:
            facts = read_facts(cv.document, self.vocabulary, today)
            with self._facts_lock:
                self._facts[key] = facts
                while len(self._facts) > 2_000:
                    self._facts.popitem(last=False)
        return facts

    def _all_cvs(self, owner: str) -> list[Cv]:
        cvs: list[Cv] = []
        cursor: str | None = None
        while len(cvs) < MAX_OTHER_CVS:
            page = self.cvs.list(owner, 50, cursor)
            cvs += page.items
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        return cvs[:MAX_OTHER_CVS]

    def _other_cvs(self, owner: str, cv_id: str) -> list[Cv]:
        return [cv for cv in self._all_cvs(owner) if cv.id != cv_id]

    # ---------------------------------------------------------------- evidence

    def _evidence(
        self, job: Job, prepared: _PreparedCv, others: list[OtherCv], other_cvs: dict[str, Cv]
    ) -> dict[Requirement, list[Evidence]]:
        requirements = list(job.requirements)
        if not requirements:
            return {}
        queries = self.embedder.embed([_query_text(r) for r in requirements])
        by_item = {(p.section_id, p.item_id): (p, v) for p, v in zip(prepared.passages, prepared.vectors)}
        low, high = self.embedder.similarity_range
        floor = low + EVIDENCE_FLOOR * (high - low)
        evidence: dict[Requirement, list[Evidence]] = {}
        # One batch for all requirements: one matrix product locally, parallel requests to Pinecone.
        all_hits = self.index.query_many(
            prepared.cv.owner, queries, EVIDENCE_PER_REQUIREMENT + MAX_NAMED, {"cv_id": prepared.cv.id, "visible": True}
        )
        for requirement, query, hits in zip(requirements, queries, all_hits):
            chosen: list[Evidence] = []
            for section_id, item_id in self._named_by(requirement, prepared):
                passage, vector = by_item[(section_id, item_id)]
                chosen.append(self._evidence_of(prepared.cv.id, passage, requirement, cosine(query, vector)))
            for hit in hits:
                key = (str(hit.metadata["section_id"]), str(hit.metadata["item_id"]) or None)
                if hit.score < floor:
                    break  # too far in meaning to show anything: better no evidence than misleading evidence
                if key in by_item and all((e.section_id, e.item_id) != key for e in chosen):
                    chosen.append(self._evidence_of(prepared.cv.id, by_item[key][0], requirement, hit.score))
            elsewhere: list[Evidence] = []
            if not chosen or not any(occurs_in(requirement.text, e.text) for e in chosen):
                elsewhere = self._evidence_elsewhere(
                    requirement,
                    [OtherCv(prepared.cv.id, prepared.facts), *others],
                    {prepared.cv.id: prepared.cv, **other_cvs},
                    query,
                    hidden_only_in=prepared.cv.id,
                )
            evidence[requirement] = chosen[: EVIDENCE_PER_REQUIREMENT - len(elsewhere)] + elsewhere
        return evidence

    def _named_by(self, requirement: Requirement, prepared: _PreparedCv) -> list[tuple[str, str | None]]:
        """Visible items that show the requirement outright: name the skill, hold the title or the degree."""
        kind = requirement.kind
        shown = [p for p in prepared.passages if p.visible]
        if kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL):
            skill = self.vocabulary.lookup(requirement.text)
            if skill is not None:
                places = prepared.facts.skill_items.get(skill.key, [])
                return [(p.section_id, p.item_id) for p in shown if (p.section_id, p.item_id) in places][:MAX_NAMED]
        if kind == RequirementKind.TITLE:
            wanted = title_words(requirement.text)
            return [
                (p.section_id, p.item_id)
                for p in shown
                if p.kind == SectionKind.EXPERIENCE and wanted & title_words(p.text.split(".")[0])
            ][:MAX_NAMED]
        if kind == RequirementKind.EDUCATION:
            return [(p.section_id, p.item_id) for p in shown if p.kind == SectionKind.EDUCATION][:MAX_NAMED]
        if kind == RequirementKind.EXPERIENCE:
            return [(p.section_id, p.item_id) for p in shown if p.kind == SectionKind.EXPERIENCE][:MAX_NAMED]
        return [(p.section_id, p.item_id) for p in shown if occurs_in(requirement.text, p.text)][:MAX_NAMED]

    def _evidence_elsewhere(
        self,
        requirement: Requirement,
        others: list[OtherCv],
        other_cvs: dict[str, Cv],
        query: Vector,
        hidden_only_in: str,
    ) -> list[Evidence]:
        """Where the user shows a skill this CV does not: a hidden item of this CV, or another CV's item."""
        skill = self.vocabulary.lookup(requirement.text)
        if skill is None:
            return []
        for other in others:
            for section_id, item_id in other.facts.skill_items.get(skill.key, []):
                passage = next(
                    (
                        p
                        for p in passages(other_cvs[other.cv_id].document)
                        if (p.section_id, p.item_id) == (section_id, item_id)
                    ),
                    None,
                )
                if passage is None or (other.cv_id == hidden_only_in and passage.visible):
                    continue
                vector = self.embedder.embed([passage.text])[0]
                return [self._evidence_of(other.cv_id, passage, requirement, cosine(query, vector))]
        return []

    def _evidence_of(self, cv_id: str, passage: CvPassage, requirement: Requirement, similarity: float) -> Evidence:
        return Evidence(
            section_id=passage.section_id,
            item_id=passage.item_id,
            text=_snippet(passage, requirement),
            similarity=round(max(0.0, similarity), 4),
            cv_id=cv_id,
        )


def embedded_texts(documents: Sequence[CvDocument], jobs: Sequence[Job]) -> list[str]:
    """Every text matching embeds for these CV documents and jobs (what `CachedEmbedder.forget` is given when
    their owner's account is deleted)."""
    texts = [p.text for document in documents for p in passages(document)]
    # The sentences matching by meaning embeds (`_by_meaning`), so an account's deletion forgets them too.
    texts += [piece.text for document in documents for piece in pieces(passages(document))]
    for job in jobs:
        texts += [*_job_texts(job), *(_query_text(r) for r in job.requirements)]
    return list(dict.fromkeys(texts))


def _job_texts(job: Job) -> list[str]:
    """What a job's centroid is the mean of: its title and the sentences of its requirements part."""
    chunks = [s for s in sentences(relevant_part(normalize(job.description))) if len(s) > 20]
    return [job.title, *chunks[:MAX_JOB_CHUNKS]]


def _query_text(requirement: Requirement) -> str:
    if requirement.kind == RequirementKind.TITLE:
        return f"Worked as {requirement.text}"
    if requirement.kind == RequirementKind.EDUCATION:
        return f"Education: {requirement.text}"
    return requirement.text


def _snippet(passage: CvPassage, requirement: Requirement) -> str:
    """What to show as evidence: the sentence or bullet naming the requirement, else the item's name and dates
    (for a role, a degree, or an item close in meaning)."""
    if requirement.kind in (RequirementKind.TITLE, RequirementKind.EXPERIENCE, RequirementKind.EDUCATION):
        return passage.label
    pieces = sentences(passage.text)
    best = next((s for s in pieces if occurs_in(requirement.text, s)), None)
    if best is None:
        return pieces[0] if passage.item_id is None and pieces else passage.label
    return best if len(best) <= SNIPPET else best[: SNIPPET - 1].rstrip() + "\u2026"


def _vector_id(cv_id: str, passage: CvPassage) -> str:
    digest = hashlib.sha256(passage.text.encode()).hexdigest()[:12]
    return f"{cv_id}#{passage.section_id}#{passage.item_id or 'summary'}#{int(passage.visible)}#{digest}"


def _newest_first(ulid: str) -> Any:
    return tuple(-ord(c) for c in ulid)
