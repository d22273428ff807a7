"""The ports: what the services need from the outside world, as small protocols.

Implementations live in `cvmaker.adapters`; only the composition root (`api.composition`) chooses them.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, Union

from cvmaker.domain.accounts import Client, Session, User, UserTokens
from cvmaker.domain.cv.model import Cv, CvDocument, Design, Page, Revision

if TYPE_CHECKING:  # annotations only: importing matching's domain here would cost every cold start
    from numpy.typing import NDArray

    from cvmaker.domain.letters.layout import LetterContent
    from cvmaker.domain.matching.extraction import Posting
    from cvmaker.domain.matching.jobs import Job, JobPage
    from cvmaker.domain.matching.results import CoverLetter
    from cvmaker.domain.matching.tailoring import LetterBrief, SummaryBrief
    from cvmaker.domain.parsing.extracted import ExtractedDocument
    from cvmaker.domain.rendering.templates import TemplateInfo


class CvRepository(Protocol):
    """A user's CVs and their revisions. Every call is scoped by `owner` (the token's `sub`): a CV of another
    owner does not exist for the caller. Shaped for DynamoDB: key lookups and one query per list, no scans."""

    def get(self, owner: str, cv_id: str) -> Cv | None: ...

    def list(self, owner: str, limit: int, cursor: str | None = None) -> Page:
        """Newest first. `cursor` is a previous page's `next_cursor`; an invalid one raises `InvalidInput`."""
        ...

    def add(self, cv: Cv) -> None:
        """Store a new CV at its version (normally 1) and its first revision, atomically."""
        ...

    def save(self, cv: Cv, expected_version: int) -> None:
        """Store `cv` (whose version is `expected_version + 1`) and its revision in one atomic write, if the
        stored version is still `expected_version`; else raise `VersionConflict` and change nothing.
        Raise `NotFound` if the CV does not exist."""
        ...

    def delete(self, owner: str, cv_id: str) -> bool:
        """Delete the CV and its revisions. False if there was none."""
        ...

    def revisions(self, owner: str, cv_id: str) -> builtins.list[Revision]:
        """Newest first."""
        ...

    def revision(self, owner: str, cv_id: str, version: int) -> Revision | None: ...


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling, from a verified token."""

    sub: str
    client_id: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    email: str | None = None
    is_machine: bool = False  # client-credentials token of an integrator: scopes apply

    def may(self, scope: str) -> bool:
        return not self.is_machine or scope in self.scopes


class AccountStore(Protocol):
    """The embedded default's people and integrator clients (Cognito keeps them in the cloud). Failures are
    `AccountError`s with a stable code; `TOO_MANY_REQUESTS` carries `retry_after` (seconds).

    `source` is where the attempt comes from (the client's address), what sign-up, sign-in and client
    authentication are throttled by besides the account: failures from one source never hold back another
    that has not been failing, so nobody can lock an owner out by guessing. Sign-in and sign-up answers do not
    tell whether an email has an account."""

    def sign_up(self, email: str, password: str, source: str | None = None) -> Session: ...

    def sign_in(self, email: str, password: str, source: str | None = None) -> Session: ...

    def refresh(self, refresh_token: str) -> Session: ...

    def revoke(self, refresh_token: str) -> None: ...

    def ensure_user(self, email: str) -> User: ...

    def create_client(self, name: str, scopes: Iterable[str]) -> tuple[str, str]: ...

    def authenticate_client(self, client_id: str, secret: str, source: str | None = None) -> Client: ...


class TokenIssuer(Protocol):
    """Mints Cognito-shaped tokens for the embedded default and publishes their keys."""

    access_ttl: int

    def jwks(self) -> dict[str, Any]: ...

    def user_tokens(
        self, sub: str, email: str, *, auth_time: int | None = None, origin_jti: str | None = None
    ) -> UserTokens: ...

    def client_credentials_token(self, client_id: str, scopes: Iterable[str]) -> str: ...


class TokenVerifier(Protocol):
    def verify(self, token: str) -> Principal:
        """Raise `Unauthenticated` for any token that is not valid in every respect."""
        ...


@dataclass(frozen=True, slots=True)
class UploadTarget:
    """Where and how a client sends a file: an HTTP POST of `fields` plus the file as multipart form field
    `file` to `url` (the shape of an S3 presigned POST), before `expires_at` (epoch seconds)."""

    url: str
    method: str
    fields: dict[str, str]
    expires_at: int
    max_bytes: int


class BlobStore(Protocol):
    """Files by key (uploads, rendered documents). Keys are built by the services and always start with the
    owner's prefix, so one user's key never names another's file."""

    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def get(self, key: str) -> bytes | None: ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None: ...

    def delete_prefix(self, prefix: str) -> int:
        """Delete every file whose key starts with `prefix` (which ends with "/"); returns how many."""
        ...

    def download_url(self, key: str, filename: str, expires_in: int = 900) -> str:
        """A short-lived URL that serves the file as an attachment named `filename`."""
        ...

    def upload_target(self, key: str, content_type: str, max_bytes: int, expires_in: int = 300) -> UploadTarget:
        """A short-lived, single-use target that accepts exactly one file of at most `max_bytes` at `key`."""
        ...


class SignedFileStore(BlobStore, Protocol):
    """A blob store whose signed URLs the app serves itself (the embedded default's folder, standing in for S3)."""

    def verify_download(self, key: str, expires: str, filename: str, signature: str) -> None:
        """Raise `BadSignature` (or `InvalidKey`) unless the download URL's signature and expiry hold."""
        ...

    def content_type(self, key: str) -> str: ...

    def accept_upload(self, fields: dict[str, str], data: bytes, content_type: str) -> str:
        """Store an upload if its form fields carry a valid, unexpired, unused signature; returns the key.
        Raise `BadSignature` otherwise."""
        ...


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    data: bytes
    pages: int


class PdfRenderer(Protocol):
    def render(self, html: str, base_dir: str) -> RenderedPdf:
        """Render HTML to PDF with no network or file access beyond `base_dir` (the template's assets) and
        `data:` URLs. Raise `LimitExceeded` when a time, memory or page cap is hit."""
        ...

    @property
    def version(self) -> str:
        """Changes whenever the same HTML could render to different bytes (engine or settings)."""
        ...


class TemplateCatalog(Protocol):
    """The installed templates and the HTML they make of a CV (and of a cover letter in a CV's style)."""

    def names(self) -> builtins.list[str]: ...

    def all(self) -> builtins.list[TemplateInfo]: ...

    def get(self, name: str) -> TemplateInfo:
        """Raise `NotFound` for an unknown template."""
        ...

    def html(self, document: CvDocument, design: Design | None = None) -> str: ...

    def letter_html(self, template: str, document: CvDocument, design: Design, letter: LetterContent) -> str: ...


class DocxWriter(Protocol):
    def write(self, document: CvDocument, design: Design) -> bytes: ...

    def write_letter(self, document: CvDocument, design: Design, letter: LetterContent) -> bytes: ...


class RasterizedPage(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...

    @property
    def png(self) -> bytes: ...


class Rasterizer(Protocol):
    def page_count(self, pdf: bytes) -> int: ...

    def rasterize(self, pdf: bytes, max_pages: int | None = None) -> Sequence[RasterizedPage]:
        """The pages, in order."""
        ...


# ---------------------------------------------------------------- import


class DocumentExtractor(Protocol):
    def extract(self, data: bytes) -> ExtractedDocument:
        """Positioned text of a PDF or DOCX in reading order. Raise `UnsupportedFile` (wrong type, damaged,
        encrypted, no text layer) or `FileLimitExceeded` (size, pages, time, memory)."""
        ...


# ---------------------------------------------------------------- job matching and tailoring

# A list of floats, or a numpy array: adapters return arrays, and no caller needs to convert them.
Vector = Union[Sequence[float], "NDArray[Any]"]
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

    def get(self, owner: str, letter_id: str) -> CoverLetter | None:
        """The owner's letter with this id (another user's letter is None, like a missing one)."""
        ...

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

    def query(
        self, namespace: str, vector: Vector, top_k: int, where: Mapping[str, MetadataValue] | None = None
    ) -> list[VectorHit]:
        """The `top_k` nearest records, best first; ties in id order."""
        ...

    def query_many(
        self, namespace: str, vectors: Sequence[Vector], top_k: int, where: Mapping[str, MetadataValue] | None = None
    ) -> list[list[VectorHit]]:
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


__all__ = [
    "CoverLetterRepository",
    "Embedder",
    "EmbeddingStore",
    "JobRepository",
    "ProposedRequirement",
    "TextGenerator",
    "Vector",
    "VectorHit",
    "VectorIndex",
    "VectorRecord",
]
