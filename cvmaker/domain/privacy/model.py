"""The privacy feature's values: an account as the export shows it, a ready export, a deletion's tally."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class AccountRecord:
    """A person's sign-in identity without its secrets (no password hash, no tokens)."""

    sub: str
    email: str | None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DataExport:
    """An export zip in the blob store and the short-lived link that serves it."""

    url: str
    filename: str
    bytes: int
    sha256: str
    expires_at: datetime  # when `url` stops working
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DeletedAccount:
    """What a deletion removed, by store ("cvs", "files", "vectors", ...): counts, for the caller's record."""

    removed: dict[str, int]
    identity_deleted: bool
