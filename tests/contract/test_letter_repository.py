"""The `CoverLetterRepository` contract for letters as documents (cvmaker.ports): versions, revisions, listing all
of an owner's letters, deletion, on SQLite and on DynamoDB (moto's server, with no scan), beside the CVs."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository, user_key
from cvmaker.adapters.storage.dynamodb_jobs import DynamoDbCoverLetterRepository
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_jobs import SqliteCoverLetterRepository
from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.errors import NotFound, VersionConflict
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.ports import CoverLetterRepository, CvRepository
from tests.contract.emulator import Emulator
from tests.contract.test_cv_repository import DynamoDbCalls

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@dataclass
class Stores:
    letters: CoverLetterRepository
    cvs: CvRepository


@pytest.fixture(params=["sqlite", "dynamodb"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    if request.param == "sqlite":
        database = SqliteDatabase(tmp_path / "cvmaker.sqlite3")
        yield Stores(SqliteCoverLetterRepository(database), SqliteCvRepository(database))
        return
    emulator: Emulator = request.getfixturevalue("emulator")
    dynamodb = emulator.client("dynamodb")
    table = f"letters-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    calls = DynamoDbCalls(dynamodb)
    try:
        yield Stores(DynamoDbCoverLetterRepository(dynamodb, table), DynamoDbCvRepository(dynamodb, table))
        assert "Scan" not in calls.operations, calls.operations
    finally:
        calls.close()
        dynamodb.delete_table(TableName=table)


def letter(cv_id: str = "cv-1", owner: str = "alice", minutes: int = 0, text: str = "Dear team,") -> CoverLetter:
    at = T0 + timedelta(minutes=minutes)
    return CoverLetter(
        id=new_ulid(int(at.timestamp() * 1000)),
        owner=owner,
        cv_id=cv_id,
        job_id="job-1",
        text=text,
        created_at=at,
        title="Backend engineer at Ledgerly",
    )


def next_version(current: CoverLetter, text: str, warnings: tuple[str, ...] = ()) -> CoverLetter:
    return replace(
        current,
        text=text,
        title=f"{current.title} v{current.version + 1}",
        version=current.version + 1,
        updated_at=current.saved_at + timedelta(minutes=5),
        warnings=warnings,
    )


def test_a_new_letter_is_at_version_one_with_its_first_revision(stores: Stores) -> None:
    saved = letter()
    stores.letters.add(saved)
    assert stores.letters.get("alice", saved.id) == saved
    [first] = stores.letters.revisions("alice", saved.id)
    assert (first.revision, first.text, first.title, first.saved_at) == (1, saved.text, saved.title, T0)


def test_a_save_writes_the_next_version_and_keeps_every_revision(stores: Stores) -> None:
    saved = letter()
    stores.letters.add(saved)
    second = next_version(saved, "Dear team, edited. Ünïcödé ✓", warnings=("the skill Kubernetes is not in your CV",))
    stores.letters.save(second, expected_version=1)
    third = next_version(second, "Dear team, edited twice.")
    stores.letters.save(third, expected_version=2)
    assert stores.letters.get("alice", saved.id) == third
    assert [r.revision for r in stores.letters.revisions("alice", saved.id)] == [3, 2, 1]
    kept = stores.letters.revision("alice", saved.id, 2)
    assert kept is not None and (kept.text, kept.title) == (second.text, second.title)
    assert stores.letters.revision("alice", saved.id, 9) is None
    assert stores.letters.list_for_cv("alice", "cv-1") == [third]  # revisions are not letters


def test_a_stale_save_changes_nothing_and_names_the_current_version(stores: Stores) -> None:
    saved = letter()
    stores.letters.add(saved)
    stores.letters.save(next_version(saved, "first edit"), expected_version=1)
    with pytest.raises(VersionConflict) as conflict:
        stores.letters.save(next_version(saved, "stale edit"), expected_version=1)
    assert conflict.value.current_version == 2
    current = stores.letters.get("alice", saved.id)
    assert current is not None and current.text == "first edit"
    assert len(stores.letters.revisions("alice", saved.id)) == 2


def test_saving_a_missing_or_another_owners_letter_is_not_found(stores: Stores) -> None:
    saved = letter()
    stores.letters.add(saved)
    with pytest.raises(NotFound):
        stores.letters.save(next_version(letter(), "nobody's"), expected_version=1)
    with pytest.raises(NotFound):
        stores.letters.save(replace(next_version(saved, "bob's edit"), owner="bob"), expected_version=1)
    assert stores.letters.get("alice", saved.id) == saved
    assert stores.letters.get("bob", saved.id) is None
    assert stores.letters.revisions("bob", saved.id) == []


def test_every_letter_of_an_owner_lists_newest_first_across_cvs(stores: Stores) -> None:
    made = [letter(cv_id=f"cv-{n % 2}", minutes=n) for n in range(5)]
    for item in made:
        stores.letters.add(item)
    stores.letters.add(letter(owner="bob", minutes=9))
    edited = next_version(made[1], "edited")
    stores.letters.save(edited, expected_version=1)
    expected = [made[4], made[3], made[2], edited, made[0]]
    assert stores.letters.list_for_owner("alice") == expected
    assert stores.letters.list_for_owner("carol") == []


def test_deleting_a_letter_takes_its_revisions_and_nothing_else(stores: Stores) -> None:
    cv = Cv(id=new_ulid(), owner="alice", version=1, created_at=T0, updated_at=T0, document=CvDocument(title="Mine"))
    stores.cvs.add(cv)
    gone, kept = letter(cv_id=cv.id), letter(cv_id=cv.id, minutes=1)
    stores.letters.add(gone)
    stores.letters.add(kept)
    stores.letters.save(next_version(gone, "edited"), expected_version=1)
    assert stores.letters.delete("bob", gone.id) is False
    assert stores.letters.delete("alice", gone.id) is True
    assert stores.letters.delete("alice", gone.id) is False
    assert stores.letters.get("alice", gone.id) is None
    assert stores.letters.revisions("alice", gone.id) == []
    assert stores.letters.list_for_owner("alice") == [kept]
    assert stores.cvs.get("alice", cv.id) == cv and len(stores.cvs.revisions("alice", cv.id)) == 1


def test_a_cvs_letters_and_an_owners_letters_go_with_their_revisions(stores: Stores) -> None:
    first, second, other = letter(cv_id="cv-1"), letter(cv_id="cv-2", minutes=1), letter(owner="bob")
    for item in (first, second, other):
        stores.letters.add(item)
    stores.letters.save(next_version(first, "edited"), expected_version=1)
    stores.letters.delete_for_cv("alice", "cv-1")
    assert stores.letters.revisions("alice", first.id) == []
    assert stores.letters.list_for_owner("alice") == [second]
    stores.letters.save(next_version(second, "edited"), expected_version=1)
    assert stores.letters.delete_owner("alice") == 1  # the letter (its two revisions go with it)
    assert stores.letters.list_for_owner("alice") == []
    assert stores.letters.revisions("alice", second.id) == []
    assert stores.letters.delete_owner("alice") == 0
    assert stores.letters.list_for_owner("bob") == [other]


def test_a_letters_file_from_before_edits_gains_the_columns_and_its_letters_are_at_version_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute(
            "CREATE TABLE cover_letters (owner TEXT NOT NULL, cv_id TEXT NOT NULL, id TEXT NOT NULL, job_id TEXT NOT"
            " NULL, created_at TEXT NOT NULL, text TEXT NOT NULL, rejected TEXT NOT NULL,"
            " PRIMARY KEY (owner, cv_id, id)) WITHOUT ROWID"
        )
        old.execute(
            "INSERT INTO cover_letters VALUES ('alice', 'cv-1', 'L1', 'job-1', ?, 'Dear team,', '[]')",
            (T0.isoformat(),),
        )
    repository = SqliteCoverLetterRepository(SqliteDatabase(path))
    SqliteCoverLetterRepository(SqliteDatabase(path))  # a second start adds nothing twice
    stored = repository.get("alice", "L1")
    assert stored == CoverLetter("L1", "alice", "cv-1", "job-1", "Dear team,", T0)
    repository.save(next_version(stored, "edited"), expected_version=1)
    assert [r.revision for r in repository.revisions("alice", "L1")] == [2]


def test_a_dynamodb_letter_from_before_edits_reads_at_version_one_and_saves(emulator: Emulator) -> None:
    dynamodb = emulator.client("dynamodb")
    table = f"letters-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    try:
        repository = DynamoDbCoverLetterRepository(dynamodb, table)
        for sort_key, item in (
            (
                "CV#cv-1#LETTER#L1",
                {
                    "jobId": {"S": "job-1"},
                    "text": {"S": "Dear team,"},
                    "createdAt": {"S": T0.isoformat()},
                    "rejected": {"S": "[]"},
                },
            ),
            ("LETTER#L1", {"letterOfCv": {"S": "cv-1"}}),
        ):
            dynamodb.put_item(TableName=table, Item={"PK": {"S": user_key("alice")}, "SK": {"S": sort_key}, **item})
        stored = repository.get("alice", "L1")
        assert stored == CoverLetter("L1", "alice", "cv-1", "job-1", "Dear team,", T0)
        with pytest.raises(VersionConflict):
            repository.save(next_version(replace(stored, version=2), "wrong"), expected_version=2)
        repository.save(next_version(stored, "edited"), expected_version=1)
        current = repository.get("alice", "L1")
        assert current is not None and (current.version, current.text) == (2, "edited")
    finally:
        dynamodb.delete_table(TableName=table)
