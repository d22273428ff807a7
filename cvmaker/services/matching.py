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
from cvmaker.domain.matching.text import normalize, sentences, singular, term_key
from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary
from cvmaker.domain.matching.wording import wordings
from cvmaker.ports import Embedder, EmbeddingStore, Vector, VectorIndex, VectorRecord
from cvmaker.services.cvs import CvService
from cvmaker.services.jobs import JobService

EVIDENCE_PER_REQUIREMENT = 3
MAX_NAMED = 2  # items that name a requirement outright, shown before those found by meaning
EVIDENCE_FLOOR = 0.4  # share of the embedder's similarity range an item needs to count as evidence by meaning
MAX_OTHER_CVS = 100
MAX_READ_CVS = 2_000  # CV versions whose facts, passages and words stay in memory
MAX_JOB_CHUNKS = 48
SNIPPET = 240
_BY_MEANING = (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL, RequirementKind.KEYWORD)
# Kinds `meets` judges by the CV's skills and words (the others by titles, years, degree): what `_Naming` tests.
_NAMED = (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL, RequirementKind.KEYWORD)


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
class _ReadCv:
    """What matching reads from one version of a CV, kept in memory by (owner, CV, version, day): its facts, its
    passages, and the folded words of its visible text (what `_Naming` tests)."""

    facts: CvFacts
    passages: list[CvPassage]
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Naming:
    """What a CV needs to name a requirement by words (`meets`): the vocabulary's skill among its skills, or
    every folded word of one of the requirement's `wordings` (as written or singular) in its visible text, since
    `occurs_in` matches whole folded words. A CV with neither cannot name it; `meets` itself judges the others."""

    skill_key: str | None
    forms: tuple[frozenset[str], ...]

    def possible(self, read: _ReadCv) -> bool:
        return (self.skill_key is not None and self.skill_key in read.facts.skills) or any(
            form <= read.words for form in self.forms
        )


@dataclass(frozen=True, slots=True)
class _PreparedCv:
    cv: Cv
    read: _ReadCv
    vectors: list[Vector]
    centroid: Vector | None

    @property
    def facts(self) -> CvFacts:
        return self.read.facts

    @property
    def passages(self) -> list[CvPassage]:
        return self.read.passages


@dataclass
class MatchingService:
    cvs: CvService
    jobs: JobService
    embedder: Embedder
    index: VectorIndex
    vocabulary: Vocabulary = field(default_factory=shipped_vocabulary)
    clock: Callable[[], datetime] = field(default=utc_now)
    _read_cvs: OrderedDict[tuple[str, str, int, str], _ReadCv] = field(default_factory=OrderedDict, repr=False)
    _read_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # ---------------------------------------------------------------- operations

    def match(self, owner: str, cv_id: str, job_id: str) -> Match:
        cv = self.cvs.get(owner, cv_id)
        job = self.jobs.get(owner, job_id)
        prepared = self._prepare(cv, index=True)
        others = [(other.id, self._read(other)) for other in self._other_cvs(owner, cv.id)]
        namings = {r: self._naming(r) for r in job.requirements}
        by_meaning = self._by_meaning(job, prepared, namings)
        evidence = self._evidence(job, prepared, others)
        return score_match(
            job,
            cv.id,
            prepared.facts,
            self._others_naming(job, prepared.read, by_meaning, others, namings),
            self._semantic(prepared, job),
            evidence,
            self.vocabulary,
            by_meaning,
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

    # ---------------------------------------------------------------- scoring parts

    def _quick_score(self, prepared: _PreparedCv, job: Job) -> tuple[float, float]:
        """The score, and the score before any cap: many weak matches share a cap's ceiling, and among them the
        one closer to the job still ranks first."""
        semantic = self._semantic(prepared, job)
        meant = self._by_meaning(job, prepared)
        match = score_match(job, prepared.cv.id, prepared.facts, [], semantic, {}, self.vocabulary, meant)
        return match.score, sum(p.score * p.weight for p in match.breakdown)

    def _by_meaning(
        self, job: Job, prepared: _PreparedCv, namings: dict[Requirement, _Naming | None] | None = None
    ) -> dict[Requirement, Evidence]:
        """Skills the CV does not name but shows in other words: for each, the visible sentence closest in
        meaning, when it is close enough (`cvmaker.domain.matching.meaning`)."""
        import numpy as np

        named = namings if namings is not None else {r: self._naming(r) for r in job.requirements}
        wanted = [
            r
            for r in job.requirements
            if r.kind in _BY_MEANING and by_meaning_at_all(r.text) and not self._meets(r, prepared.read, named[r])
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
        read = self._read(cv)
        found = read.passages
        vectors = self.embedder.embed([p.text for p in found]) if found else []
        if index and found:
            self._ensure_indexed(cv, found, vectors)
        shown = [v for p, v in zip(found, vectors) if p.visible]
        return _PreparedCv(cv, read, vectors, centroid(shown))

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

    def _read(self, cv: Cv) -> _ReadCv:
        """The CV's facts, passages and words, read once per version (an edit makes a new version, so a cached
        reading is never stale) and per day (years of experience count to today)."""
        today = self.clock().date()
        key = (cv.owner, cv.id, cv.version, today.isoformat())
        with self._read_lock:
            read = self._read_cvs.get(key)
            if read is not None:
                self._read_cvs.move_to_end(key)
        if read is None:
            facts = read_facts(cv.document, self.vocabulary, today)
            read = _ReadCv(facts, passages(cv.document), _words(facts.text))
            with self._read_lock:
                self._read_cvs[key] = read
                while len(self._read_cvs) > MAX_READ_CVS:
                    self._read_cvs.popitem(last=False)
        return read

    def _naming(self, requirement: Requirement) -> _Naming | None:
        """What naming the requirement takes (None: a kind `meets` judges otherwise, by titles, years or degree)."""
        if requirement.kind not in _NAMED:
            return None
        skill = self.vocabulary.lookup(requirement.text) if requirement.kind != RequirementKind.KEYWORD else None
        forms = (_words(form) for w in wordings(requirement.text) for form in (w, singular(w)))
        return _Naming(skill.key if skill is not None else None, tuple(f for f in forms if f))

    def _meets(self, requirement: Requirement, read: _ReadCv, naming: _Naming | None) -> bool:
        """`meets`, answered at once when the CV lacks what naming the requirement takes: `meets` reads the CV's
        whole text again for each wording it tries, which over a user's many CVs is most of a match's time."""
        if naming is not None and not naming.possible(read):
            return False
        return meets(requirement, read.facts, self.vocabulary)

    def _others_naming(
        self,
        job: Job,
        read: _ReadCv,
        by_meaning: dict[Requirement, Evidence],
        others: list[tuple[str, _ReadCv]],
        namings: dict[Requirement, _Naming | None],
    ) -> list[OtherCv]:
        """The few other CVs `score_match` needs. Of the user's other CVs it asks only whether one names each
        requirement this CV does not show (`meets`), so one CV naming it answers as all of them would; `score_match`
        then reads a handful of CVs' text per missing requirement, not every CV's."""
        chosen: dict[str, _ReadCv] = {}
        for requirement in job.requirements:
            naming = namings[requirement]
            if requirement in by_meaning or any(self._meets(requirement, c, naming) for c in chosen.values()):
                continue  # shown by meaning (no other CV is asked), or a CV already chosen names it
            if self._meets(requirement, read, naming):
                continue  # this CV names it: no other CV is asked
            found = next(((i, other) for i, other in others if self._meets(requirement, other, naming)), None)
            if found is not None:
                chosen[found[0]] = found[1]
        return [OtherCv(cv_id, other.facts) for cv_id, other in others if cv_id in chosen]

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
        self, job: Job, prepared: _PreparedCv, others: list[tuple[str, _ReadCv]]
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
                    requirement, [(prepared.cv.id, prepared.read), *others], query, hidden_only_in=prepared.cv.id
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
        cvs: list[tuple[str, _ReadCv]],
        query: Vector,
        hidden_only_in: str,
    ) -> list[Evidence]:
        """Where the user shows a skill this CV does not: a hidden item of this CV, or another CV's item."""
        skill = self.vocabulary.lookup(requirement.text)
        if skill is None:
            return []
        for cv_id, read in cvs:
            for section_id, item_id in read.facts.skill_items.get(skill.key, []):
                passage = next(
                    (p for p in read.passages if (p.section_id, p.item_id) == (section_id, item_id)),
                    None,
                )
                if passage is None or (cv_id == hidden_only_in and passage.visible):
                    continue
                vector = self.embedder.embed([passage.text])[0]
                return [self._evidence_of(cv_id, passage, requirement, cosine(query, vector))]
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


def _words(text: str) -> frozenset[str]:
    """The folded words of a text, as `occurs_in` compares them."""
    return frozenset(word for word in term_key(text).split(" ") if word)


def _vector_id(cv_id: str, passage: CvPassage) -> str:
    digest = hashlib.sha256(passage.text.encode()).hexdigest()[:12]
    return f"{cv_id}#{passage.section_id}#{passage.item_id or 'summary'}#{int(passage.visible)}#{digest}"


def _newest_first(ulid: str) -> Any:
    return tuple(-ord(c) for c in ulid)
