"""The share service over real SQLite and the real Argon2 hasher (at a low cost, for speed): passwords kept only
as hashes, unguessable slugs, tokens that die with their password, wrong passwords and missing links alike,
throttled guesses, counts per UTC day, the per-document limit."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cvmaker.adapters.auth.throttle import SignInThrottle
from cvmaker.adapters.shares.guards import Argon2Hasher, LinkThrottle
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_shares import SqliteShareLinkRepository
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.errors import InvalidInput, LimitExceeded, NotFound
from cvmaker.domain.shares.model import MAX_LINKS_PER_DOCUMENT, Counter, is_slug
from cvmaker.services.cvs import CvService
from cvmaker.services.shares import KEEP, ShareService, TooManyGuesses

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def no_rendering() -> object:
    raise AssertionError("the owner's side never renders")


@pytest.fixture
def service(tmp_path: Path) -> ShareService:
    database = SqliteDatabase(tmp_path / "cvmaker.sqlite3")
    return ShareService(
        SqliteShareLinkRepository(database),
        CvService(SqliteCvRepository(database)),
        Argon2Hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)),
        LinkThrottle(SignInThrottle()),
        b"test secret",
        "https://cv.example",
        no_rendering,  # type: ignore[arg-type]
        clock=lambda: NOW,
    )


@pytest.fixture
def cv_id(service: ShareService) -> str:
    return service.cvs.create("alice", CvDocument(title="Mine").to_dict()).id


def test_the_password_is_kept_only_as_an_argon2_hash(service: ShareService, cv_id: str) -> None:
    link = service.create("alice", cv_id, None, password="correct horse")
    stored = service.links.get("alice", link.id)
    assert stored is not None and stored.password_hash is not None
    assert stored.password_hash.startswith("$argon2id$") and "correct horse" not in stored.password_hash
    assert service.url(link) == f"https://cv.example/s/{link.slug}"


def test_slugs_carry_192_random_bits_and_never_repeat(service: ShareService, cv_id: str) -> None:
    slugs = {service.create("alice", cv_id, None).slug for _ in range(MAX_LINKS_PER_DOCUMENT)}
    assert len(slugs) == MAX_LINKS_PER_DOCUMENT
    for slug in slugs:
        assert is_slug(slug) and len(base64.urlsafe_b64decode(slug + "==")) == 24
    with pytest.raises(LimitExceeded):
        service.create("alice", cv_id, None)


def test_a_token_opens_its_link_until_the_password_changes(service: ShareService, cv_id: str) -> None:
    link = service.create("alice", cv_id, None, password="correct horse")
    assert service.needs_password(link, None)
    token = service.unlock(link.slug, "correct horse", "203.0.113.9")
    assert not service.needs_password(service.open(link.slug), token)
    changed = service.update("alice", link.id, password="battery staple")
    assert service.needs_password(changed, token)
    open_link = service.update("alice", link.id, password=None)
    assert not service.needs_password(open_link, None)
    kept = service.update("alice", link.id, password=KEEP, show_contacts=True)
    assert (kept.password_hash, kept.show_contacts) == (None, True)


def test_wrong_passwords_and_missing_links_fail_alike_and_are_throttled(service: ShareService, cv_id: str) -> None:
    link = service.create("alice", cv_id, None, password="correct horse")
    for slug, password in ((link.slug, "wrong"), ("A" * 32, "correct horse"), ("../../etc", "x")):
        with pytest.raises(NotFound) as failed:
            service.unlock(slug, password, "203.0.113.9")
        assert str(failed.value) == "Page not found."
    with pytest.raises(TooManyGuesses):
        for n in range(20):
            with pytest.raises(NotFound):
                service.unlock(link.slug, f"guess {n}", "203.0.113.9")
    # The owner, elsewhere, is not held back by someone else's guessing.
    assert service.unlock(link.slug, "correct horse", "198.51.100.7") == service.token(link)


def test_revoked_and_expired_links_do_not_open(service: ShareService, cv_id: str) -> None:
    revoked = service.revoke("alice", service.create("alice", cv_id, None).id)
    assert service.revoke("alice", revoked.id) == revoked
    expiring = service.create("alice", cv_id, None, expires_at=NOW + timedelta(hours=1))
    assert service.open(expiring.slug) == expiring
    service.clock = lambda: NOW + timedelta(hours=1)
    for slug in (revoked.slug, expiring.slug):
        with pytest.raises(NotFound):
            service.open(slug)


def test_bad_settings_are_refused(service: ShareService, cv_id: str) -> None:
    calls: list[Callable[[], object]] = [
        lambda: service.create("alice", None, None),
        lambda: service.create("alice", cv_id, "letter-1"),
        lambda: service.create("alice", cv_id, None, password="abc"),
        lambda: service.create("alice", cv_id, None, password="x" * 257),
        lambda: service.create("alice", cv_id, None, expires_at=datetime(2027, 1, 1)),  # no time zone
        lambda: service.create("alice", cv_id, None, expires_at=NOW - timedelta(seconds=1)),
    ]
    for call in calls:
        with pytest.raises(InvalidInput):
            call()
    with pytest.raises(NotFound):
        service.create("bob", cv_id, None)
    assert service.list_for("bob", cv_id, None) == []


def test_counts_fall_on_the_utc_day(service: ShareService, cv_id: str) -> None:
    link = service.create("alice", cv_id, None)
    evening_in_new_york = datetime(2026, 12, 3, 20, 30, tzinfo=timezone(timedelta(hours=-5)))
    service.clock = lambda: evening_in_new_york
    from cvmaker.domain.shares.model import day_of

    service.links.count(link, Counter.VIEWS, day_of(service.clock()))
    found = service.get("alice", link.id)
    assert found.views == {"2026-12-04": 1}


def test_deleting_the_cv_forgets_its_links(service: ShareService, cv_id: str) -> None:
    link = service.create("alice", cv_id, None)
    service.forget_cv("alice", cv_id)
    with pytest.raises(NotFound):
        service.open(link.slug)
