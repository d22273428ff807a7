"""A share link: a public, read-only address of one CV (or one cover letter), made by its owner.

The address carries a random slug of 192 bits (`secrets.token_urlsafe(24)`), so it cannot be guessed or walked.
A password, when set, is kept only as a hash. Views and downloads are counted per UTC day.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import Enum

from cvmaker.domain.errors import FieldProblem, InvalidInput

SLUG_BYTES = 24  # 192 random bits: well past the 128 that make a slug unguessable
SLUG_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32}\Z")
MIN_PASSWORD = 4
MAX_PASSWORD = 256  # Argon2 takes any length; the cap keeps a megabyte "password" from costing a hash
MAX_LIFETIME = timedelta(days=366)
MAX_LINKS_PER_DOCUMENT = 50


class Counter(str, Enum):
    VIEWS = "views"
    DOWNLOADS = "downloads"


def new_slug() -> str:
    return secrets.token_urlsafe(SLUG_BYTES)


def is_slug(value: str) -> bool:
    return bool(SLUG_PATTERN.match(value))


def day_of(moment: datetime) -> str:
    """The UTC day a moment falls on, as counts are keyed: "2026-12-03"."""
    return (moment if moment.utcoffset() is None else moment.astimezone(UTC)).date().isoformat()


@dataclass(frozen=True)
class ShareLink:
    id: str
    owner: str
    slug: str
    created_at: datetime
    cv_id: str | None = None
    letter_id: str | None = None
    password_hash: str | None = None
    expires_at: datetime | None = None
    show_contacts: bool = False
    revoked: bool = False
    # UTC day ("YYYY-MM-DD") -> count
    views: Mapping[str, int] = field(default_factory=dict)
    downloads: Mapping[str, int] = field(default_factory=dict)

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now

    def live(self, now: datetime) -> bool:
        """Whether the public page answers: not revoked and not past its expiry."""
        return not self.revoked and not self.expired(now)

    @property
    def total_views(self) -> int:
        return sum(self.views.values())

    @property
    def total_downloads(self) -> int:
        return sum(self.downloads.values())

    def with_changes(self, **changes: object) -> ShareLink:
        return replace(self, **changes)  # type: ignore[arg-type]


def check_target(cv_id: str | None, letter_id: str | None) -> None:
    """A link shares exactly one thing: a CV or a letter."""
    if (cv_id is None) == (letter_id is None):
        raise InvalidInput([FieldProblem("input.cvId", "Give either cvId or letterId (exactly one).")])


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput([FieldProblem("input.password", f"A password needs at least {MIN_PASSWORD} characters.")])
    if len(password) > MAX_PASSWORD:
        raise InvalidInput([FieldProblem("input.password", f"A password has at most {MAX_PASSWORD} characters.")])


def check_expiry(expires_at: datetime, now: datetime) -> datetime:
    """The expiry in UTC, if it is in the future and within a year."""
    if expires_at.utcoffset() is None:
        raise InvalidInput([FieldProblem("input.expiresAt", "Give the expiry with a time zone (e.g. ending in Z).")])
    if expires_at <= now:
        raise InvalidInput([FieldProblem("input.expiresAt", "The expiry must be in the future.")])
    if expires_at - now > MAX_LIFETIME:
        raise InvalidInput([FieldProblem("input.expiresAt", "A link can live at most a year.")])
    return expires_at.astimezone(UTC)


def daily(counts: Mapping[str, int]) -> list[tuple[date, int]]:
    """The counts as (day, count), oldest first."""
    return sorted((date.fromisoformat(day), count) for day, count in counts.items())
