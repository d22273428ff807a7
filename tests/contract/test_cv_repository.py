"""The `CvRepository` contract, run on every implementation: SQLite (embedded default) and DynamoDB (cloud shape,
through moto's server). Whatever the services may rely on is stated here once and holds on both."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.cv.model import Cv, CvDocument, Item, Section, SectionKind
from cvmaker.domain.errors import InvalidInput, NotFound, VersionConflict
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.limits import MAX_DOCUMENT_BYTES
from cvmaker.domain.pagination import encode_cursor
from cvmaker.ports import CvRepository
from tests.contract.emulator import Emulator

T0 = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


class DynamoDbCalls:
    """Names every DynamoDB operation the repository's client sends, through botocore's own event hooks."""

    def __init__(self, client: Any) -> None:
        self.operations: list[str] = []
        self.client = client
        client.meta.events.register("before-call.dynamodb", self._record)

    def _record(self, model: Any, **_: Any) -> None:
        self.operations.append(model.name)

    def close(self) -> None:
        self.client.meta.events.unregister("before-call.dynamodb", self._record)


@pytest.fixture(params=["sqlite", "dynamodb"])
def repository(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CvRepository]:
    if request.param == "sqlite":
        yield SqliteCvRepository(SqliteDatabase(tmp_path / "cvmaker.sqlite3"))
        return
    emulator: Emulator = request.getfixturevalue("emulator")
    dynamodb = emulator.client("dynamodb")
    table = f"cvmaker-{uuid.uuid4().hex[:12]}"  # a table per test: nothing leaks between tests
    create_table(dynamodb, table)
    calls = DynamoDbCalls(dynamodb)
    try:
        yield DynamoDbCvRepository(dynamodb, table)
        # The port promises key lookups and one query per list: a scan anywhere is a design failure.
        assert "Scan" not in calls.operations, calls.operations
    finally:
        calls.close()
        dynamodb.delete_table(TableName=table)


def document(title: str = "Backend engineer", bullets: int = 2) -> CvDocument:
    return CvDocument(
        title=title,
        summary="Builds correct software; ünïcödé and emoji 🚀 survive storage.",
        sections=[
            Section(
                id="exp1",
                kind=SectionKind.EXPERIENCE,
                title="Experience",
                items=[
                    Item(
                        id="i1",
                        title="Engineer",
                        organization="Analytical Engines",
                        start_date="2021-03",
                        current=True,
                        bullets=[f"Shipped thing {n}" for n in range(bullets)],
                        keywords=["Python", "SQL"],
                    ),
                ],
            )
        ],
    )


def new_cv(
    owner: str = "alice",
    title: str = "Backend engineer",
    cv_id: str | None = None,
    at: datetime = T0,
    source_cv_id: str | None = None,
) -> Cv:
    return Cv(
        id=cv_id or new_ulid(int(at.timestamp() * 1000)),
        owner=owner,
        version=1,
        created_at=at,
        updated_at=at,
        document=document(title),
        source_cv_id=source_cv_id,
    )


def stored(repository: CvRepository, cv_id: str, owner: str = "alice") -> Cv:
    cv = repository.get(owner, cv_id)
    assert cv is not None, f"{cv_id} is not stored"
    return cv


def edited(cv: Cv, title: str, minutes: int = 1) -> Cv:
    return cv.next_version(document(title), cv.updated_at + timedelta(minutes=minutes))


# ---------------------------------------------------------------- reads and writes


def test_a_cv_reads_back_exactly_as_added(repository: CvRepository) -> None:
    cv = new_cv(source_cv_id=new_ulid())
    cv.document.design.font_size = 10.5  # a float that must stay a float, not become Decimal or str
    repository.add(cv)
    assert repository.get("alice", cv.id) == cv
    [first] = repository.revisions("alice", cv.id)
    assert (first.cv_id, first.version, first.saved_at, first.document) == (cv.id, 1, T0, cv.document)


def test_unknown_ids_read_as_none(repository: CvRepository) -> None:
    assert repository.get("alice", new_ulid()) is None
    assert repository.revisions("alice", new_ulid()) == []
    assert repository.revision("alice", new_ulid(), 1) is None


def test_the_largest_valid_document_fits(repository: CvRepository) -> None:
    cv = new_cv()
    bullet = "Designed and shipped a billing pipeline that processes payments in many currencies — ✓. "
    cv.document.sections[0].items[0].bullets = [bullet * 20] * 50
    cv.document.sections.append(
        Section(
            id="exp2",
            kind=SectionKind.PROJECTS,
            title="Projects",
            items=[Item(id=f"p{n}", title=f"Project {n}", description=bullet * 100) for n in range(26)],
        )
    )
    size = len(json.dumps(cv.document.to_dict(), ensure_ascii=False).encode())  # as the validator measures
    assert 0.9 * MAX_DOCUMENT_BYTES < size < MAX_DOCUMENT_BYTES, size
    repository.add(cv)
    saved = edited(cv, "Still fits")
    saved.document.sections = cv.document.sections
    repository.save(saved, expected_version=1)
    assert repository.get("alice", cv.id) == saved


# ---------------------------------------------------------------- versions


def test_a_save_at_the_current_version_writes_the_cv_and_its_revision(repository: CvRepository) -> None:
    cv = new_cv()
    repository.add(cv)
    second = edited(cv, "Second")
    repository.save(second, expected_version=1)
    now = stored(repository, cv.id)
    assert now == second and now.created_at == T0
    assert [(r.version, r.title) for r in repository.revisions("alice", cv.id)] == [
        (2, "Second"),
        (1, "Backend engineer"),
    ]
    revision = repository.revision("alice", cv.id, 2)
    assert revision is not None and revision.saved_at == second.updated_at and revision.document == second.document


def test_a_stale_save_is_a_conflict_naming_the_current_version_and_changes_nothing(repository: CvRepository) -> None:
    cv = new_cv()
    repository.add(cv)
    repository.save(edited(cv, "Second"), expected_version=1)
    with pytest.raises(VersionConflict) as conflict:
        repository.save(edited(cv, "Lost update"), expected_version=1)
    assert conflict.value.current_version == 2
    assert stored(repository, cv.id).title == "Second"
    assert [r.version for r in repository.revisions("alice", cv.id)] == [2, 1]


def test_saving_a_cv_that_does_not_exist_is_not_found_and_writes_nothing(repository: CvRepository) -> None:
    ghost = edited(new_cv(), "Ghost")
    with pytest.raises(NotFound):
        repository.save(ghost, expected_version=1)
    assert repository.get("alice", ghost.id) is None
    assert repository.revisions("alice", ghost.id) == []


def test_of_concurrent_saves_of_one_version_exactly_one_wins(repository: CvRepository) -> None:
    cv = new_cv()
    repository.add(cv)
    outcomes: list[str] = []
    start = threading.Barrier(6)

    def save(n: int) -> None:
        start.wait()
        try:
            repository.save(edited(cv, f"Writer {n}"), expected_version=1)
            outcomes.append(f"won {n}")
        except VersionConflict as conflict:
            outcomes.append(f"conflict at {conflict.current_version}")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    winners = [o for o in outcomes if o.startswith("won")]
    assert len(winners) == 1 and outcomes.count("conflict at 2") == 5, outcomes
    winner = winners[0].removeprefix("won ")
    assert stored(repository, cv.id).title == f"Writer {winner}"
    assert [r.title for r in repository.revisions("alice", cv.id)] == [f"Writer {winner}", "Backend engineer"]


# ---------------------------------------------------------------- per-user isolation


def test_another_owners_cv_does_not_exist_for_the_caller(repository: CvRepository) -> None:
    cv = new_cv(owner="alice")
    repository.add(cv)
    assert repository.get("bob", cv.id) is None
    assert repository.revisions("bob", cv.id) == []
    assert repository.revision("bob", cv.id, 1) is None
    assert repository.list("bob", 10).items == []
    with pytest.raises(NotFound):
        repository.save(edited(Cv(**{**_fields(cv), "owner": "bob"}), "pwned"), expected_version=1)
    assert repository.delete("bob", cv.id) is False
    assert repository.get("alice", cv.id) == cv
    assert [r.version for r in repository.revisions("alice", cv.id)] == [1]


def test_owners_with_key_like_names_stay_apart(repository: CvRepository) -> None:
    # `sub` values are opaque strings: one that looks like a key prefix must not reach another partition.
    mine = new_cv(owner="alice")
    repository.add(mine)
    for sneaky in ("alice#", "ALICE", "alice#CV#", "", "USER#alice"):
        assert repository.get(sneaky, mine.id) is None
        assert repository.list(sneaky, 10).items == []


def _fields(cv: Cv) -> dict[str, Any]:
    return {name: getattr(cv, name) for name in Cv.__slots__}


# ---------------------------------------------------------------- listing


def test_lists_page_newest_first_with_opaque_cursors(repository: CvRepository) -> None:
    cvs = [new_cv(title=f"CV {n}", at=T0 + timedelta(minutes=n)) for n in range(7)]
    for cv in cvs:
        repository.add(cv)
        repository.save(edited(cv, f"CV {cvs.index(cv)} edited"), expected_version=1)  # revisions are not listed
    repository.add(new_cv(owner="bob"))
    newest_first = [cv.id for cv in reversed(cvs)]
    seen: list[str] = []
    cursor = None
    for expected_size in (3, 3, 1):
        page = repository.list("alice", 3, cursor)
        assert len(page.items) == expected_size
        seen += [cv.id for cv in page.items]
        assert all(cv.owner == "alice" and cv.version == 2 for cv in page.items)
        cursor = page.next_cursor
        if cursor is not None:
            # The shared cursor format: the last id, base64url, so a cursor means the same on every adapter.
            assert cursor == encode_cursor(page.items[-1].id)
    assert cursor is None
    assert seen == newest_first


def test_an_exact_last_page_says_there_is_no_next_page(repository: CvRepository) -> None:
    for n in range(4):
        repository.add(new_cv(at=T0 + timedelta(seconds=n)))
    first = repository.list("alice", 2)
    second = repository.list("alice", 2, first.next_cursor)
    assert len(second.items) == 2 and second.next_cursor is None
    assert repository.list("alice", 10).next_cursor is None


@pytest.mark.parametrize("cursor", ["not-a-cursor", encode_cursor("CV#01ARZ3NDEKTSV4RRFFQ69G5FAV"), "=="])
def test_a_foreign_cursor_is_invalid_input(repository: CvRepository, cursor: str) -> None:
    repository.add(new_cv())
    with pytest.raises(InvalidInput):
        repository.list("alice", 10, cursor)


# ---------------------------------------------------------------- deleting and restoring


def test_delete_removes_the_cv_and_every_revision(repository: CvRepository) -> None:
    cv = new_cv()
    repository.add(cv)
    current = cv
    for n in range(2, 106):  # past DynamoDB's 100 actions per transaction
        following = edited(current, f"Version {n}")
        repository.save(following, expected_version=current.version)
        current = following
    other = new_cv(title="Kept")
    repository.add(other)
    assert len(repository.revisions("alice", cv.id)) == 105
    assert repository.delete("alice", cv.id) is True
    assert repository.get("alice", cv.id) is None
    assert repository.revisions("alice", cv.id) == []
    assert repository.revision("alice", cv.id, 50) is None
    assert repository.delete("alice", cv.id) is False
    assert [c.id for c in repository.list("alice", 10).items] == [other.id]


def test_an_old_revision_reads_back_for_restoring(repository: CvRepository) -> None:
    cv = new_cv()
    repository.add(cv)
    second = edited(cv, "Second")
    repository.save(second, expected_version=1)
    first = repository.revision("alice", cv.id, 1)
    assert first is not None
    restored = second.next_version(first.document, second.updated_at)
    repository.save(restored, expected_version=2)
    assert stored(repository, cv.id).document == cv.document
    assert [(r.version, r.title) for r in repository.revisions("alice", cv.id)] == [
        (3, "Backend engineer"),
        (2, "Second"),
        (1, "Backend engineer"),
    ]
