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
from cvmaker.domain.password_reset import OutboxMessage

if TYPE_CHECKING:  # annotations only: importing matching's domain here would cost every cold start
    from numpy.typing import NDArray

    from cvmaker.domain.applications.model import Application, ApplicationFilter, ApplicationPage
    from cvmaker.domain.letters.documents import LetterRevision
    from cvmaker.domain.letters.layout import LetterContent
    from cvmaker.domain.matching.extraction import Posting
    from cvmaker.domain.matching.jobs import Job, JobPage
    from cvmaker.domain.matching.results import CoverLetter
    from cvmaker.domain.matching.tailoring import LetterBrief, SummaryBrief
    from cvmaker.domain.parsing.extracted import ExtractedDocument
    from cvmaker.domain.parsing.model_check import ProposedCv
    from cvmaker.domain.privacy.model import AccountRecord
    from cvmaker.domain.quotas import QuotaCounter
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

    def delete_owner(self, owner: str) -> int:
        """Every CV and revision of `owner` (account deletion, `OwnerData`); returns how many rows or items."""
        ...


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


class Outbox(Protocol):
    """Where the embedded default puts the mail it would send (reset codes): kept for the admin to read with
    `cvmaker outbox`, never sent anywhere."""

    def put(self, message: OutboxMessage) -> None: ...

    def messages(self) -> builtins.list[OutboxMessage]:
        """Every message kept, oldest first."""
        ...


class PasswordResets(Protocol):
    """The embedded default's password reset (Cognito's ForgotPassword in the cloud). Failures are
    `AccountError`s: `INVALID_EMAIL`, `TOO_MANY_REQUESTS`, `WEAK_PASSWORD`, `INVALID_CODE`; none of them tells
    whether an email has an account."""

    def check_request(self, email: str, source: str | None = None) -> str:
        """The normalized email if a request may go ahead now (counted); looks up no account."""
        ...

    def send_code(self, email: str) -> None:
        """Puts a single-use code in the outbox if `email` has an account; else does nothing."""
        ...

    def confirm(self, email: str, code: str, password: str, source: str | None = None) -> None:
        """Sets the new password and ends every earlier session of the account."""
        ...


class TokenRevocations(Protocol):
    """Per account, the time (whole seconds) before which its tokens are refused, e.g. after a password reset."""

    def tokens_valid_after(self, sub: str) -> int | None: ...


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


class ExpiringFiles(Protocol):
    """A blob store that keeps every file until it is deleted (the embedded default's folder): the periodic sweep
    expires its files by age. S3 needs none: its lifecycle rules expire files by their tags."""

    def expire(self, folders: str, stored_before: float) -> int:
        """Delete every file in or below the folders that the glob `folders` names (like "users/*/uploads", `*`
        within one name), stored before `stored_before` (epoch seconds); returns how many."""
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


class CvStructurer(Protocol):
    """The import's optional model pass: a language model reads a CV's text (its visible lines, in reading
    order) into structure, given the heuristic reading as a draft. The answer is untrusted: the import keeps only
    what `cvmaker.domain.parsing.model_check` finds in the document. None means no usable answer (a refusal, a
    truncated or malformed one); `GenerationUnavailable` a time budget spent, a rate limit or a failed service."""

    name: str

    def structure(self, lines: Sequence[str], draft: CvDocument) -> ProposedCv | None: ...


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

    def delete_owner(self, owner: str) -> int:
        """Every job of `owner` (account deletion, `OwnerData`)."""
        ...


class CoverLetterRepository(Protocol):
    """Cover letters, stored with the CV they were written from (SK CV#<cv id>#LETTER#<id>), each save kept as a
    revision like a CV's."""

    def add(self, letter: CoverLetter) -> None:
        """Store a new letter at its version (1) and its first revision, atomically."""
        ...

    def get(self, owner: str, letter_id: str) -> CoverLetter | None:
        """The owner's letter with this id (another user's letter is None, like a missing one)."""
        ...

    def list_for_cv(self, owner: str, cv_id: str) -> list[CoverLetter]:
        """Newest first."""
        ...

    def list_for_owner(self, owner: str) -> list[CoverLetter]:
        """Every letter of `owner`, newest first (no scan: the owner's partition only)."""
        ...

    def save(self, letter: CoverLetter, expected_version: int) -> None:
        """Store `letter` (at `expected_version + 1`) and its revision in one atomic write if the stored version
        is still `expected_version`; else raise `VersionConflict` (`NotFound` if there is no such letter) and
        change nothing."""
        ...

    def revisions(self, owner: str, letter_id: str) -> list[LetterRevision]:
        """Newest first; none for a missing letter."""
        ...

    def revision(self, owner: str, letter_id: str, revision: int) -> LetterRevision | None: ...

    def delete(self, owner: str, letter_id: str) -> bool:
        """Delete the letter and its revisions. False if there was none."""
        ...

    def delete_for_cv(self, owner: str, cv_id: str) -> None: ...

    def delete_owner(self, owner: str) -> int:
        """Every cover letter of `owner` (account deletion, `OwnerData`)."""
        ...


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

    def delete_many(self, model: str, keys: Sequence[str]) -> int:
        """Forget these embeddings (an account's deletion); returns how many were kept."""
        ...


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


# ---------------------------------------------------------------- applications


class ApplicationRepository(Protocol):
    """A user's job applications, scoped by `owner` on every call (DynamoDB: PK USER#<sub>, SK APP#<id>), each
    with the CV document it froze (`sent_cv`), which outlives the CV and its revisions. No scans."""

    def add(self, application: Application, sent_cv: CvDocument) -> None: ...

    def get(self, owner: str, application_id: str) -> Application | None: ...

    def list(self, owner: str, where: ApplicationFilter, limit: int, cursor: str | None = None) -> ApplicationPage:
        """Newest first, those `where` matches; an invalid `cursor` raises `InvalidInput`."""
        ...

    def save(self, application: Application, expected_version: int, sent_cv: CvDocument | None = None) -> None:
        """Store `application` (at `expected_version + 1`), and `sent_cv` when given, in one atomic write if the
        stored version is still `expected_version`; else raise `VersionConflict` (`NotFound` if it is gone)."""
        ...

    def sent_cv(self, owner: str, application_id: str) -> CvDocument | None:
        """The CV document frozen for the application."""
        ...

    def delete(self, owner: str, application_id: str) -> bool:
        """Delete the application and its frozen CV. False if there was none."""
        ...

    def delete_owner(self, owner: str) -> int:
        """Every application of `owner` (account deletion, `OwnerData`)."""
        ...


# ---------------------------------------------------------------- quotas


class QuotaStore(Protocol):
    """Per-owner counters of expensive work, one per quota window (`cvmaker.domain.quotas`). Taking is atomic
    across threads and processes: concurrent takes never carry a counter past its limit."""

    def take(self, owner: str, counters: Sequence[QuotaCounter], amount: int, now: float) -> QuotaCounter | None:
        """Add `amount` to every counter, all or none: if any would pass its limit, nothing changes and the
        longest-window such counter is returned (the one whose end the caller must wait for); else None.
        `now` (epoch seconds) lets a store drop ended windows."""
        ...

    def used(self, owner: str, key: str) -> int:
        """How much of the counter `key` is taken (0 for one never taken from)."""
        ...

    def delete_owner(self, owner: str) -> int:
        """Forget every counter of `owner` (account deletion); returns how many there were."""
        ...


# ---------------------------------------------------------------- idempotency keys


@dataclass(frozen=True, slots=True)
class IdempotencyRecord:
    """What an idempotency key holds: a claim while its first request runs (`result` None, `expires_at` the
    claim's lease), then that request's result as JSON text (`expires_at` the key's end). `token` names the
    request that claimed it, so a late finisher cannot overwrite a claim taken over after its lease ran out."""

    owner: str
    operation: str
    key: str
    fingerprint: str  # a hash of the request's arguments
    token: str
    expires_at: float  # epoch seconds; an expired record is treated as absent
    result: str | None = None


class IdempotencyStore(Protocol):
    """Idempotency keys by (owner, operation, key). Claiming is atomic across threads and processes: of two
    requests with one key, exactly one gets the claim."""

    def claim(self, record: IdempotencyRecord, now: float) -> IdempotencyRecord | None:
        """Store `record` (a claim) unless an unexpired record holds its key: None when claimed, else that record."""
        ...

    def complete(self, record: IdempotencyRecord) -> bool:
        """Replace the claim with `token` by `record` (its result); False if the claim is no longer that one."""
        ...

    def release(self, owner: str, operation: str, key: str, token: str) -> None:
        """Drop the claim with `token` (its request failed), so the key can be used again."""
        ...

    def purge_expired(self, now: float) -> int:
        """Delete records expired before `now`; returns how many (0 where the store expires them itself)."""
        ...

    def delete_owner(self, owner: str) -> int:
        """Forget every key of `owner` (account deletion); returns how many there were."""
        ...


# ---------------------------------------------------------------- shares (public links to a CV or a letter)

if TYPE_CHECKING:
    from cvmaker.domain.shares.model import Counter, ShareLink


class ShareLinkRepository(Protocol):
    """Share links, found by their owner and id (the owner's list) or by their slug alone (the public page)."""

    def add(self, link: ShareLink) -> None: ...

    def get(self, owner: str, link_id: str) -> ShareLink | None: ...

    def by_slug(self, slug: str) -> ShareLink | None: ...

    def list_for(self, owner: str, cv_id: str | None, letter_id: str | None) -> builtins.list[ShareLink]:
        """The owner's links of one CV or one letter, newest first."""
        ...

    def save(self, link: ShareLink) -> None:
        """Store the link's settings (password hash, expiry, contacts, revoked); its counts are left alone."""
        ...

    def count(self, link: ShareLink, counter: Counter, day: str) -> None:
        """Add one to the link's `counter` for `day`, atomically (two requests at once both count)."""
        ...

    def delete_for(self, owner: str, cv_id: str | None, letter_id: str | None) -> int:
        """Delete every link of one CV or one letter (it was deleted); returns how many."""
        ...

    def delete_owner(self, owner: str) -> int: ...


class SecretHasher(Protocol):
    """A slow, salted password hash (the local accounts' Argon2id)."""

    def hash(self, secret: str) -> str: ...

    def verify(self, hashed: str, secret: str) -> bool: ...


class GuessThrottle(Protocol):
    """Slows down guessing a link's password, per link and per address (the sign-in throttle's rules)."""

    def wait(self, source: str | None, target: str) -> int | None:
        """Seconds `source` must wait before guessing at `target` again, or None."""
        ...

    def failed(self, source: str | None, target: str) -> None: ...

    def succeeded(self, source: str | None, target: str) -> None: ...


# ---------------------------------------------------------------- privacy (account export and deletion)


class OwnerData(Protocol):
    """A store that keeps rows or items keyed by owner. Deleting an account (`services/privacy.py`) calls
    `delete_owner` on every such store the composition root lists, so a new owner-keyed store plugs in by
    implementing this one method and being added to that list (docs/architecture.md)."""

    def delete_owner(self, owner: str) -> int:
        """Delete everything of `owner` in this store; returns how many rows or items went. Deleting an owner
        with nothing left is 0, never an error (a retried deletion)."""
        ...


class BlobListing(Protocol):
    """The keys under a prefix, for the export to gather a person's files."""

    def keys(self, prefix: str) -> builtins.list[str]:
        """Every file key that starts with `prefix` (which ends with "/"), sorted."""
        ...


class Identities(Protocol):
    """People's sign-in identities where they live: the local accounts, or Cognito."""

    def account(self, sub: str) -> AccountRecord | None:
        """The identity without secrets; None once deleted."""
        ...

    def has_password(self, sub: str) -> bool:
        """Whether the app holds the account's password and can ask for it again (the local accounts; never
        Cognito, whose password the app never sees)."""
        ...

    def check_password(self, sub: str, password: str) -> bool:
        """Whether `password` is the account's; throttled like sign-in (`LimitExceeded` after too many)."""
        ...

    def end_sessions(self, sub: str) -> None:
        """From now on refuse every token issued until now, and every refresh token: first step of a deletion."""
        ...

    def delete(self, sub: str) -> bool:
        """Delete the identity (False if there was none). Its tokens stay refused."""
        ...


__all__ = [
    "ApplicationRepository",
    "CoverLetterRepository",
    "Embedder",
    "EmbeddingStore",
    "ExpiringFiles",
    "IdempotencyRecord",
    "IdempotencyStore",
    "JobRepository",
    "ProposedRequirement",
    "QuotaStore",
    "TextGenerator",
    "Vector",
    "VectorHit",
    "VectorIndex",
    "VectorRecord",
]
