"""The ports: what the services need from the outside world, as small protocols.

Implementations live in `cvmaker.adapters`; only the composition root (`api.composition`) chooses them.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Protocol

from cvmaker.domain.cv import Cv, Page, Revision


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

    def download_url(self, key: str, filename: str, expires_in: int = 900) -> str:
        """A short-lived URL that serves the file as an attachment named `filename`."""
        ...

    def upload_target(self, key: str, content_type: str, max_bytes: int, expires_in: int = 300) -> UploadTarget:
        """A short-lived, single-use target that accepts exactly one file of at most `max_bytes` at `key`."""
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
