"""The `ApplicationRepository` contract (cvmaker.ports) on SQLite and on DynamoDB (moto's server), in the same
table as the CVs: every access is a key lookup or a query of the owner's partition, never a scan."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_applications import DynamoDbApplicationRepository
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository
from cvmaker.adapters.storage.sqlite_applications import SqliteApplicationRepository
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.applications.model import (
    Application,
    ApplicationFilter,
    Contact,
    Stage,
    StageChange,
)
from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.errors import InvalidInput, NotFound, VersionConflict
from cvmaker.domain.ids import new_ulid
from cvmaker.ports import ApplicationRepository, CvRepository
from tests.contract.emulator import Emulator
from tests.contract.test_cv_repository import DynamoDbCalls

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@dataclass
class Stores:
    applications: ApplicationRepository
    cvs: CvRepository
    calls: DynamoDbCalls | None


@pytest.fixture(params=["sqlite", "dynamodb"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    if request.param == "sqlite":
        database = SqliteDatabase(tmp_path / "cvmaker.sqlite3")
        yield Stores(SqliteApplicationRepository(database), SqliteCvRepository(database), None)
        return
    emulator: Emulator = request.getfixturevalue("emulator")
    dynamodb = emulator.client("dynamodb")
    table = f"apps-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    calls = DynamoDbCalls(dynamodb)
    try:
        yield Stores(DynamoDbApplicationRepository(dynamodb, table), DynamoDbCvRepository(dynamodb, table), calls)
        # The port promises key lookups and queries of the owner's partition: a scan anywhere is a design failure.
        assert "Scan" not in calls.operations, calls.operations
    finally:
        calls.close()
        dynamodb.delete_table(TableName=table)


def document(title: str = "Backend CV", summary: str = "Builds correct software; ünïcödé 🚀.") -> CvDocument:
    return CvDocument.from_dict({"title": title, "basics": {"name": "Ada Lovelace"}, "summary": summary})


def application(
    owner: str = "alice",
    minutes: int = 0,
    stage: Stage = Stage.SAVED,
    cv_id: str = "01JCV00000000000000000000A",
    job_id: str = "01JJ000000000000000000000A",
    follow_up: date | None = None,
) -> Application:
    at = T0 + timedelta(minutes=minutes)
    return Application(
        id=new_ulid(int(at.timestamp() * 1000)),
        owner=owner,
        version=1,
        created_at=at,
        updated_at=at,
        job_id=job_id,
        job_title="Backend engineer",
        company="Ledgerly",
        cv_id=cv_id,
        cv_revision=3,
        cv_title="Backend CV",
        stage=stage,
        history=(StageChange(stage, at.date(), at),),
        letter_id=None,
        notes="Met them at PyCon. Ünïcödé.",
        contacts=(Contact("Grace Hopper", "Recruiter", "grace@example.com", "+44 20 7946 0000"),),
        follow_up=follow_up,
        match_score=71.5,
    )


def test_an_application_and_its_frozen_cv_read_back_exactly(stores: Stores) -> None:
    saved = application()
    stores.applications.add(saved, document())
    assert stores.applications.get("alice", saved.id) == saved
    assert stores.applications.sent_cv("alice", saved.id) == document()
    bare = replace(application(minutes=1), company=None, contacts=(), notes="", match_score=None)
    stores.applications.add(bare, document("Other"))
    assert stores.applications.get("alice", bare.id) == bare


def test_applications_are_their_owners_only(stores: Stores) -> None:
    saved = application(owner="alice")
    stores.applications.add(saved, document())
    assert stores.applications.get("bob", saved.id) is None
    assert stores.applications.sent_cv("bob", saved.id) is None
    assert stores.applications.list("bob", ApplicationFilter(), 10).items == []
    assert stores.applications.delete("bob", saved.id) is False
    with pytest.raises(NotFound):
        stores.applications.save(replace(saved, owner="bob", version=2), 1)
    assert stores.applications.get("alice", saved.id) == saved


def test_a_save_checks_the_version_and_a_stale_one_changes_nothing(stores: Stores) -> None:
    saved = application()
    stores.applications.add(saved, document())
    moved = replace(saved, version=2, stage=Stage.APPLIED, cv_revision=4)
    stores.applications.save(moved, 1, document("Sent"))
    assert stores.applications.get("alice", saved.id) == moved
    assert stores.applications.sent_cv("alice", saved.id) == document("Sent")
    with pytest.raises(VersionConflict) as conflict:
        stores.applications.save(replace(saved, version=2, notes="stale"), 1, document("Stale"))
    assert conflict.value.current_version == 2
    assert stores.applications.get("alice", saved.id) == moved
    assert stores.applications.sent_cv("alice", saved.id) == document("Sent")
    notes_only = replace(moved, version=3, notes="new notes")
    stores.applications.save(notes_only, 2)
    assert stores.applications.sent_cv("alice", saved.id) == document("Sent")  # no document: the frozen one stays


def test_lists_page_newest_first_and_filter(stores: Stores) -> None:
    other_cv = "01JCV00000000000000000000B"
    made = [
        application(
            minutes=n,
            stage=Stage.APPLIED if n % 2 else Stage.SAVED,
            cv_id=other_cv if n == 3 else "01JCV00000000000000000000A",
            follow_up=date(2026, 12, n + 1),
        )
        for n in range(7)
    ]
    for item in made:
        stores.applications.add(item, document())
    stores.applications.add(application(owner="bob"), document())
    newest_first = [a.id for a in reversed(made)]
    seen: list[str] = []
    cursor: str | None = None
    while True:
        page = stores.applications.list("alice", ApplicationFilter(), 3, cursor)
        seen += [a.id for a in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == newest_first
    applied = stores.applications.list("alice", ApplicationFilter(stages=frozenset({Stage.APPLIED})), 2)
    assert [a.id for a in applied.items] == [made[5].id, made[3].id] and applied.next_cursor is not None
    rest = stores.applications.list(
        "alice", ApplicationFilter(stages=frozenset({Stage.APPLIED})), 2, applied.next_cursor
    )
    assert [a.id for a in rest.items] == [made[1].id] and rest.next_cursor is None
    by_cv = stores.applications.list("alice", ApplicationFilter(cv_id=other_cv), 10)
    assert [a.id for a in by_cv.items] == [made[3].id]
    due = stores.applications.list("alice", ApplicationFilter(follow_up_by=date(2026, 12, 3)), 10)
    assert [a.id for a in due.items] == [made[2].id, made[1].id, made[0].id]
    by_job = stores.applications.list("alice", ApplicationFilter(job_id="01JJ000000000000000000000B"), 10)
    assert by_job.items == [] and by_job.next_cursor is None
    with pytest.raises(InvalidInput):
        stores.applications.list("alice", ApplicationFilter(), 2, "not-a-cursor")


def test_lists_read_many_pages_of_the_partition_with_queries(stores: Stores) -> None:
    # More applications than one query page holds, only the oldest matching: the filter must walk every page.
    for n in range(120):
        stores.applications.add(application(minutes=n, stage=Stage.OFFER if n == 0 else Stage.SAVED), document())
    offers = stores.applications.list("alice", ApplicationFilter(stages=frozenset({Stage.OFFER})), 5)
    assert len(offers.items) == 1 and offers.items[0].stage is Stage.OFFER
    if stores.calls is not None:
        assert stores.calls.operations.count("Query") >= 2


def test_the_frozen_cv_outlives_the_cv_and_its_revisions(stores: Stores) -> None:
    cv = Cv(id=new_ulid(), owner="alice", version=1, created_at=T0, updated_at=T0, document=document("Mine"))
    stores.cvs.add(cv)
    saved = replace(application(), cv_id=cv.id, cv_revision=1)
    stores.applications.add(saved, cv.document)
    assert stores.cvs.delete("alice", cv.id)
    assert stores.cvs.revision("alice", cv.id, 1) is None  # deleting a CV deletes its revisions...
    assert stores.applications.sent_cv("alice", saved.id) == document("Mine")  # ...not what was sent
    assert stores.applications.get("alice", saved.id) == saved
    assert stores.cvs.list("alice", 10).items == []  # and applications never show up as CVs


def test_delete_and_delete_owner(stores: Stores) -> None:
    first, second = application(), application(minutes=1)
    bobs = application(owner="bob")
    for item in (first, second, bobs):
        stores.applications.add(item, document())
    assert stores.applications.delete("alice", first.id) is True
    assert stores.applications.get("alice", first.id) is None
    assert stores.applications.sent_cv("alice", first.id) is None
    assert stores.applications.delete("alice", first.id) is False
    assert stores.applications.delete_owner("alice") >= 1
    assert stores.applications.list("alice", ApplicationFilter(), 10).items == []
    assert stores.applications.sent_cv("alice", second.id) is None
    assert stores.applications.delete_owner("alice") == 0
    assert stores.applications.get("bob", bobs.id) == bobs
