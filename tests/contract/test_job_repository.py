"""The `JobRepository` and `CoverLetterRepository` contracts (cvmaker.ports), on SQLite and on DynamoDB
(moto's server), in the same table as the CVs: jobs and letters must never disturb CVs and back."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cvmaker.adapters.aws.provisioning import create_table
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository
from cvmaker.adapters.storage.dynamodb_jobs import DynamoDbCoverLetterRepository, DynamoDbJobRepository
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_jobs import SqliteCoverLetterRepository, SqliteJobRepository
from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.errors import InvalidInput
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.matching.jobs import Job, Requirement, RequirementKind
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.domain.pagination import encode_cursor
from cvmaker.ports import CoverLetterRepository, CvRepository, JobRepository
from tests.contract.emulator import Emulator
from tests.contract.test_cv_repository import DynamoDbCalls

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@dataclass
class Stores:
    jobs: JobRepository
    letters: CoverLetterRepository
    cvs: CvRepository


@pytest.fixture(params=["sqlite", "dynamodb"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    if request.param == "sqlite":
        database = SqliteDatabase(tmp_path / "cvmaker.sqlite3")
        yield Stores(SqliteJobRepository(database), SqliteCoverLetterRepository(database), SqliteCvRepository(database))
        return
    emulator: Emulator = request.getfixturevalue("emulator")
    dynamodb = emulator.client("dynamodb")
    table = f"jobs-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, table)
    calls = DynamoDbCalls(dynamodb)
    try:
        yield Stores(
            DynamoDbJobRepository(dynamodb, table),
            DynamoDbCoverLetterRepository(dynamodb, table),
            DynamoDbCvRepository(dynamodb, table),
        )
        assert "Scan" not in calls.operations, calls.operations
    finally:
        calls.close()
        dynamodb.delete_table(TableName=table)


def job(
    owner: str = "alice", title: str = "Backend engineer", minutes: int = 0, company: str | None = "Analytical Engines"
) -> Job:
    at = T0 + timedelta(minutes=minutes)
    return Job(
        id=new_ulid(int(at.timestamp() * 1000)),
        owner=owner,
        title=title,
        company=company,
        description="We need Python, SQL and kindness. Ünïcödé too.",
        created_at=at,
        requirements=(
            Requirement("Python", RequirementKind.HARD_SKILL, True),
            Requirement("Kubernetes", RequirementKind.HARD_SKILL, False),
        ),
        extracted_by="rules",
    )


def letter(cv_id: str, job_id: str, owner: str = "alice", minutes: int = 0) -> CoverLetter:
    at = T0 + timedelta(minutes=minutes)
    return CoverLetter(
        id=new_ulid(int(at.timestamp() * 1000)),
        owner=owner,
        cv_id=cv_id,
        job_id=job_id,
        text=f"Dear team, letter {minutes}.",
        created_at=at,
        rejected=("too long",),
    )


def test_a_job_reads_back_exactly_as_added(stores: Stores) -> None:
    saved = job()
    stores.jobs.add(saved)
    assert stores.jobs.get("alice", saved.id) == saved
    no_company = job(company=None, minutes=1)
    stores.jobs.add(no_company)
    assert stores.jobs.get("alice", no_company.id) == no_company


def test_jobs_are_their_owners_only(stores: Stores) -> None:
    saved = job(owner="alice")
    stores.jobs.add(saved)
    assert stores.jobs.get("bob", saved.id) is None
    assert stores.jobs.list("bob", 10).items == []
    assert stores.jobs.delete("bob", saved.id) is False
    assert stores.jobs.get("alice", saved.id) == saved


def test_jobs_page_newest_first(stores: Stores) -> None:
    saved = [job(title=f"Job {n}", minutes=n) for n in range(5)]
    for item in saved:
        stores.jobs.add(item)
    stores.jobs.add(job(owner="bob"))
    first = stores.jobs.list("alice", 2)
    second = stores.jobs.list("alice", 2, first.next_cursor)
    last = stores.jobs.list("alice", 2, second.next_cursor)
    assert [j.id for j in first.items + second.items + last.items] == [j.id for j in reversed(saved)]
    assert first.next_cursor == encode_cursor(first.items[-1].id) and last.next_cursor is None
    with pytest.raises(InvalidInput):
        stores.jobs.list("alice", 2, "garbage")


def test_deleting_a_job_says_whether_there_was_one(stores: Stores) -> None:
    saved = job()
    stores.jobs.add(saved)
    assert stores.jobs.delete("alice", saved.id) is True
    assert stores.jobs.get("alice", saved.id) is None
    assert stores.jobs.delete("alice", saved.id) is False


def test_letters_list_per_cv_newest_first_and_go_with_their_cv(stores: Stores) -> None:
    cv_a, cv_b, posting = new_ulid(), new_ulid(), job()
    letters_a = [letter(cv_a, posting.id, minutes=n) for n in range(3)]
    for item in [*letters_a, letter(cv_b, posting.id), letter(cv_a, posting.id, owner="bob")]:
        stores.letters.add(item)
    assert stores.letters.list_for_cv("alice", cv_a) == list(reversed(letters_a))
    stores.letters.delete_for_cv("alice", cv_a)
    assert stores.letters.list_for_cv("alice", cv_a) == []
    assert len(stores.letters.list_for_cv("alice", cv_b)) == 1
    assert len(stores.letters.list_for_cv("bob", cv_a)) == 1


def test_a_letter_is_found_by_its_id_for_its_owner_only_and_goes_with_its_cv(stores: Stores) -> None:
    cv_a, posting = new_ulid(), job()
    written = letter(cv_a, posting.id)
    stores.letters.add(written)
    assert stores.letters.get("alice", written.id) == written
    assert stores.letters.get("bob", written.id) is None
    assert stores.letters.get("alice", new_ulid()) is None
    stores.letters.delete_for_cv("alice", cv_a)
    assert stores.letters.get("alice", written.id) is None


def test_jobs_letters_and_cvs_share_a_store_without_touching_each_other(stores: Stores) -> None:
    cv = Cv(id=new_ulid(), owner="alice", version=1, created_at=T0, updated_at=T0, document=CvDocument(title="Mine"))
    stores.cvs.add(cv)
    posting = job()
    stores.jobs.add(posting)
    written = letter(cv.id, posting.id)
    stores.letters.add(written)
    assert [c.id for c in stores.cvs.list("alice", 10).items] == [cv.id]
    assert [r.version for r in stores.cvs.revisions("alice", cv.id)] == [1]
    assert stores.cvs.delete("alice", cv.id) is True
    # Letters are their repository's to delete (the service does, with the CV), in every adapter alike.
    assert stores.letters.list_for_cv("alice", cv.id) == [written]
    assert stores.jobs.get("alice", posting.id) == posting
