"""The ports of job matching and tailoring (to be folded into `cvmaker.ports`).

Implementations: `cvmaker.adapters.local` (SQLite, MiniLM with numpy, an in-memory index, a rules writer) and
`cvmaker.adapters.openai_*` / `pinecone_index`. Only the composition root chooses them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, Union

from cvmaker.domain.jobs import Job, JobPage, Requirement
from cvmaker.domain.matching.extraction import Posting
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.domain.matching.tailoring import LetterBrief, SummaryBrief

if TYPE_CHECKING:
    from numpy.typing import NDArray

# A list of floats, or a numpy array: adapters return arrays, and no caller needs to convert them.
Vector = Union[Sequence[float], "NDArray[Any]"]  # noqa: UP007 - a string member needs typing.Union at run time
MetadataValue = str | int | float | bool


class JobRepository(Protocol):
    """A user's saved job postings, scoped by `owner` on every call (DynamoDB: PK USER#<sub>, SK JOB#<id>)."""

    def add(self, job: Job) -> None: ...

    def get(self, owner: str, job_id: str) -> Job | None: ...

    def list(self, owner: str, limit: int, cursor: str | None = None) -> JobPage:
        """Newest first; an invalid `cursor` raises `InvalidInput`."""
        ...

    def delete(self, owner: str, job_id: str) -> bool:
        """Delete the job. Cover letters written for it stay with their CV. False if there was none."""
        ...


class CoverLetterRepository(Protocol):
    """Cover letters, stored with the CV they were written from (SK CV#<cv id>#LETTER#<id>)."""

    def add(self, letter: CoverLetter) -> None: ...

    def list_for_cv(self, owner: str, cv_id: str) -> list[CoverLetter]:
        """Newest first."""
        ...

    def delete_for_cv(self, owner: str, cv_id: str) -> None: ...


class Embedder(Protocol):
    """Text to unit-length vectors. `model` names the model (part of cache keys and index namespaces);
    `similarity_range` is the cosine a barely related and a closely related pair of texts typically get with it,
    used to turn cosines into a 0-1 score comparable across models."""

    model: str
    dimension: int
    similarity_range: tuple[float, float]

    def embed(self, texts: Sequence[str]) -> list[Vector]: ...


class EmbeddingStore(Protocol):
    """Embeddings kept across restarts, by model and text hash (the in-memory cache in front of it is per process)."""

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, Vector]: ...

    def put_many(self, model: str, vectors: Mapping[str, Vector]) -> None: ...


@dataclass(frozen=True, slots=True)
class VectorRecord:
    id: str
    values: Vector
    metadata: Mapping[str, MetadataValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VectorHit:
    id: str
    score: float  # cosine similarity
    metadata: Mapping[str, MetadataValue]


class VectorIndex(Protocol):
    """Vectors in one namespace per user. Filters are equality on metadata fields, all of which must hold
    (e.g. {"cv_id": ..., "section_id": ...})."""

    def upsert(self, namespace: str, records: Sequence[VectorRecord]) -> None: ...

    def query(self, namespace: str, vector: Vector, top_k: int,
              where: Mapping[str, MetadataValue] | None = None) -> list[VectorHit]:
        """The `top_k` nearest records, best first; ties in id order."""
        ...

    def query_many(self, namespace: str, vectors: Sequence[Vector], top_k: int,
                   where: Mapping[str, MetadataValue] | None = None) -> list[list[VectorHit]]:
        """`query` for each vector, in order: one call for many requirements."""
        ...

    def existing(self, namespace: str, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are stored."""
        ...

    def delete(self, namespace: str, where: Mapping[str, MetadataValue]) -> None: ...

    def delete_namespace(self, namespace: str) -> None: ...


@dataclass(frozen=True, slots=True)
class ProposedRequirement:
    """A requirement as a model read it, before the domain checks it occurs in the posting."""

    text: str
    kind: str
    required: bool


class TextGenerator(Protocol):
    """Writes text for matching and tailoring. Every answer is untrusted: the services check extracted terms
    against the posting and written text against the CV. None means "no change" (a refusal, a truncated or
    malformed answer, or a time budget spent)."""

    name: str

    def extract_requirements(self, posting: Posting) -> list[ProposedRequirement] | None: ...

    def write_summary(self, brief: SummaryBrief) -> str | None: ...

    def write_cover_letter(self, brief: LetterBrief) -> str | None: ...


__all__ = ["CoverLetterRepository", "Embedder", "EmbeddingStore", "JobRepository", "ProposedRequirement", "Requirement",
           "TextGenerator", "Vector", "VectorHit", "VectorIndex", "VectorRecord"]
