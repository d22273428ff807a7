"""The `ShareLinkRepository` contract (cvmaker.ports), on SQLite and on DynamoDB (moto's server) in the CVs'
table: found by owner and id and by slug alone, listed per CV or letter, settings saved without touching counts,
counts added atomically per day, deleted per document and per owner; on DynamoDB with no Scan, and without
disturbing the CV list."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository
from cvmaker.adapters.storage.dynamodb_shares import DynamoDbShareLinkRepository
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_shares import SqliteShareLinkRepository
from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.shares.model import Counter, ShareLink, new_slug
from cvmaker.ports import CvRepository, ShareLinkRepository
from tests.contract.emulator import Emulator
from tests.contract.test_cv_repository import DynamoDbCalls

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
_made = iter(range(1_000_000))


@dataclass
class Stores:
    links: ShareLinkRepository
    cvs: CvRepository


@pytest.fixture(params=["sqlite", "dynamodb"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    if request.param == "sqlite":
        database = SqliteDatabase(tmp_path / "cvmaker.sqlite3")
        yield Stores(SqliteShareLinkRepository(database), SqliteCvRepository(database))
        return
    emulator: Emulator = request.getfixturevalue("emulator")
    dynamodb = emulator.client("dynamodb")
    table = f"shares-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    calls = DynamoDbCalls(dynamodb)
    try:
        yield Stores(DynamoDbShareLinkRepository(dynamodb, table), DynamoDbCvRepository(dynamodb, table))
        assert "Scan" not in calls.operations, calls.operations
    finally:
        calls.close()
        dynamodb.delete_table(TableName=table)


def a_link(
    owner: str = "alice", cv_id: str | None = "cv-1", letter_id: str | None = None, **fields: object
) -> ShareLink:
    # Ids a millisecond apart, so their order is the order they were made in.
    made_at = int(T0.timestamp() * 1000) + next(_made)
    link = ShareLink(
        id=new_ulid(made_at), owner=owner, slug=new_slug(), created_at=T0, cv_id=cv_id, letter_id=letter_id
    )
    return link.with_changes(**fields)


def test_found_by_owner_and_id_and_by_slug_alone(stores: Stores) -> None:
    link = a_link(password_hash="$argon2id$x", expires_at=T0 + timedelta(days=3), show_contacts=True)
    stores.links.add(link)
    assert stores.links.get("alice", link.id) == link
    assert stores.links.by_slug(link.slug) == link
    assert stores.links.get("bob", link.id) is None
    assert stores.links.by_slug(new_slug()) is None


def test_listed_per_cv_or_letter_newest_first_and_per_owner(stores: Stores) -> None:
    first, second = a_link(), a_link()
    letter = a_link(cv_id=None, letter_id="letter-1")
    for link in (first, second, letter, a_link(cv_id="cv-2"), a_link(owner="bob")):
        stores.links.add(link)
    assert [link.id for link in stores.links.list_for("alice", "cv-1", None)] == [second.id, first.id]
    assert stores.links.list_for("alice", None, "letter-1") == [letter]
    assert stores.links.list_for("carol", "cv-1", None) == []


def test_save_changes_the_settings_and_keeps_the_counts(stores: Stores) -> None:
    link = a_link(password_hash="h1", expires_at=T0 + timedelta(days=1))
    stores.links.add(link)
    stores.links.count(link, Counter.VIEWS, "2026-12-03")
    changed = link.with_changes(password_hash=None, expires_at=None, show_contacts=True, revoked=True)
    stores.links.save(changed)
    found = stores.links.by_slug(link.slug)
    assert found is not None
    assert (found.password_hash, found.expires_at, found.show_contacts, found.revoked) == (None, None, True, True)
    assert found.views == {"2026-12-03": 1}


def test_counts_are_per_day_and_none_is_lost_when_requests_race(stores: Stores) -> None:
    link = a_link()
    stores.links.add(link)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _: stores.links.count(link, Counter.VIEWS, "2026-12-03"), range(24)))
    stores.links.count(link, Counter.VIEWS, "2026-12-04")
    stores.links.count(link, Counter.DOWNLOADS, "2026-12-04")
    found = stores.links.get("alice", link.id)
    assert found is not None
    assert found.views == {"2026-12-03": 24, "2026-12-04": 1}
    assert found.downloads == {"2026-12-04": 1}
    assert (found.total_views, found.total_downloads) == (25, 1)


def test_deleted_per_document_and_per_owner(stores: Stores) -> None:
    kept, gone, letter, bobs = a_link(cv_id="cv-2"), a_link(), a_link(cv_id=None, letter_id="letter-1"), a_link("bob")
    for link in (kept, gone, letter, bobs):
        stores.links.add(link)
        stores.links.count(link, Counter.VIEWS, "2026-12-03")
    assert stores.links.delete_for("alice", "cv-1", None) == 1
    assert stores.links.by_slug(gone.slug) is None and stores.links.get("alice", gone.id) is None
    assert stores.links.delete_for("alice", None, "letter-1") == 1
    assert stores.links.by_slug(letter.slug) is None
    assert stores.links.delete_owner("alice") == 1
    assert stores.links.by_slug(kept.slug) is None
    assert stores.links.delete_owner("alice") == 0
    assert stores.links.by_slug(bobs.slug) == bobs.with_changes(views={"2026-12-03": 1})


def test_links_leave_the_cv_list_alone(stores: Stores) -> None:
    cv = Cv(id=new_ulid(), owner="alice", version=1, created_at=T0, updated_at=T0, document=CvDocument(title="Mine"))
    stores.cvs.add(cv)
    link = a_link(cv_id=cv.id)
    stores.links.add(link)
    stores.links.count(link, Counter.DOWNLOADS, "2026-12-03")
    assert [found.id for found in stores.cvs.list("alice", 10).items] == [cv.id]
    assert stores.cvs.delete_owner("alice") >= 1
    assert stores.links.get("alice", link.id) is not None  # each store deletes only its own items
