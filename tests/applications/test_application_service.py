"""The application tracker's service on real SQLite stores, real CV and job services: what is frozen and when,
stage history, versions, loose contacts, limits, ownership, and a match score that never blocks saving."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cvmaker.adapters.matching.rules_writer import RulesWriter
from cvmaker.adapters.storage.sqlite_applications import SqliteApplicationRepository
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_jobs import SqliteJobRepository
from cvmaker.domain.applications.input import (
    MAX_CONTACTS,
    MAX_NOTES,
    ApplicationChanges,
    ApplicationInput,
)
from cvmaker.domain.applications.model import ApplicationFilter, Contact, Stage
from cvmaker.domain.cv.model import Cv
from cvmaker.domain.errors import GenerationUnavailable, InvalidInput, NotFound, VersionConflict
from cvmaker.domain.matching.jobs import Job
from cvmaker.services.applications import ApplicationService
from cvmaker.services.cvs import CvService
from cvmaker.services.jobs import JobService

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
POSTING = "We need a backend engineer with Python, SQL and good communication skills for our billing team."


@dataclass
class Scores:
    """What the matching dependency answers: a score, or a failure to raise."""

    answer: float | Exception = 64.25
    calls: list[tuple[str, str, str]] = field(default_factory=list)

    def __call__(self, owner: str, cv_id: str, job_id: str) -> float:
        self.calls.append((owner, cv_id, job_id))
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


@dataclass
class World:
    service: ApplicationService
    cvs: CvService
    jobs: JobService
    scores: Scores
    letters: set[tuple[str, str]]


@pytest.fixture
def world(tmp_path: Path) -> World:
    database = SqliteDatabase(tmp_path / "cvmaker.sqlite3")
    cvs = CvService(SqliteCvRepository(database), clock=lambda: NOW)
    jobs = JobService(SqliteJobRepository(database), RulesWriter(), clock=lambda: NOW)
    scores = Scores()
    letters: set[tuple[str, str]] = set()
    service = ApplicationService(
        SqliteApplicationRepository(database),
        cvs,
        lambda: jobs,
        lambda owner, letter_id: (owner, letter_id) in letters,
        scores,
        clock=lambda: NOW,
    )
    return World(service, cvs, jobs, scores, letters)


def new_cv(world: World, owner: str = "alice", title: str = "Backend CV") -> Cv:
    return world.cvs.create(owner, {"title": title, "basics": {"name": "Ada Lovelace"}, "summary": "Version one."})


def new_job(world: World, owner: str = "alice", title: str = "Backend engineer") -> Job:
    return world.jobs.create(owner, title, "Ledgerly", POSTING)


def test_creating_freezes_the_cv_and_later_edits_do_not_change_what_was_sent(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    created = world.service.create("alice", ApplicationInput(job.id, cv.id, stage=Stage.APPLIED))
    assert (created.cv_revision, created.cv_title, created.job_title, created.company) == (
        1,
        "Backend CV",
        "Backend engineer",
        "Ledgerly",
    )
    assert created.match_score == 64.2 or created.match_score == 64.3
    assert created.history[0].stage is Stage.APPLIED and created.history[0].on == NOW.date()
    world.cvs.update("alice", cv.id, 1, {"summary": "Version two."})
    moved = world.service.move("alice", created.id, 1, Stage.INTERVIEW, date(2026, 12, 10))
    assert moved.cv_revision == 1  # already sent: moving on never re-freezes
    sent = world.service.sent_cv("alice", created.id)
    assert sent.version == 1 and sent.document.summary == "Version one."


def test_a_saved_application_freezes_again_when_it_is_first_sent(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    saved = world.service.create("alice", ApplicationInput(job.id, cv.id))
    assert saved.stage is Stage.SAVED and saved.cv_revision == 1 and not saved.sent
    world.cvs.update("alice", cv.id, 1, {"summary": "Tailored before applying."})
    world.scores.answer = 80.0
    applied = world.service.move("alice", saved.id, saved.version, Stage.APPLIED, date(2026, 12, 1))
    assert applied.cv_revision == 2 and applied.match_score == 80.0 and applied.applied_on == date(2026, 12, 1)
    assert world.service.sent_cv("alice", saved.id).document.summary == "Tailored before applying."
    world.cvs.update("alice", cv.id, 2, {"summary": "Edited after applying."})
    world.scores.answer = 10.0
    interview = world.service.move("alice", saved.id, applied.version, Stage.INTERVIEW, None)
    assert interview.cv_revision == 2 and interview.match_score == 80.0
    assert world.service.sent_cv("alice", saved.id).document.summary == "Tailored before applying."
    assert [(c.stage, c.on) for c in interview.history] == [
        (Stage.SAVED, NOW.date()),
        (Stage.APPLIED, date(2026, 12, 1)),
        (Stage.INTERVIEW, NOW.date()),
    ]


def test_the_frozen_cv_and_job_data_outlive_their_deletion(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    created = world.service.create("alice", ApplicationInput(job.id, cv.id, stage=Stage.APPLIED))
    world.cvs.delete("alice", cv.id)
    world.jobs.delete("alice", job.id)
    kept = world.service.get("alice", created.id)
    assert kept == created
    assert world.service.sent_cv("alice", created.id).document.summary == "Version one."
    # Moving on still works; with the CV gone the frozen one stays.
    assert world.service.move("alice", created.id, 1, Stage.REJECTED, None).cv_revision == 1


def test_a_saved_application_whose_cv_is_deleted_keeps_the_cv_frozen_when_saved(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    saved = world.service.create("alice", ApplicationInput(job.id, cv.id))
    world.cvs.delete("alice", cv.id)
    applied = world.service.move("alice", saved.id, 1, Stage.APPLIED, None)
    assert applied.cv_revision == 1 and world.service.sent_cv("alice", saved.id).document.summary == "Version one."


@pytest.mark.parametrize("failure", [GenerationUnavailable(), RuntimeError("the index is down")])
def test_matching_unavailable_saves_without_a_score(world: World, failure: Exception) -> None:
    cv, job = new_cv(world), new_job(world)
    world.scores.answer = failure
    created = world.service.create("alice", ApplicationInput(job.id, cv.id, stage=Stage.APPLIED))
    assert created.match_score is None
    assert world.service.get("alice", created.id).match_score is None


def test_a_stale_version_is_a_conflict_and_changes_nothing(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    created = world.service.create("alice", ApplicationInput(job.id, cv.id))
    updated = world.service.update("alice", created.id, 1, ApplicationChanges(notes="Called them."))
    assert updated.version == 2
    with pytest.raises(VersionConflict) as conflict:
        world.service.update("alice", created.id, 1, ApplicationChanges(notes="Stale."))
    assert conflict.value.current_version == 2 and "application" in conflict.value.message
    with pytest.raises(VersionConflict):
        world.service.move("alice", created.id, 1, Stage.APPLIED, None)
    assert world.service.get("alice", created.id) == updated


def test_contacts_are_kept_as_typed_with_warnings_and_limits_are_typed_errors(world: World) -> None:
    from cvmaker.domain.applications.input import contact_warnings

    cv, job = new_cv(world), new_job(world)
    contacts = (
        Contact("  Grace   Hopper ", "Recruiter", "grace at example dot com", "call after 5"),
        Contact(None, None, "ops@example.com", "+44 (0)20 7946 0000 ext 12"),
    )
    created = world.service.create("alice", ApplicationInput(job.id, cv.id, contacts=contacts))
    assert created.contacts[0] == Contact("Grace Hopper", "Recruiter", "grace at example dot com", "call after 5")
    assert [w.path for w in contact_warnings(created.contacts)] == ["contacts.0.email", "contacts.0.phone"]
    for given, path in (
        (ApplicationInput(job.id, cv.id, notes="x" * (MAX_NOTES + 1)), "notes"),
        (ApplicationInput(job.id, cv.id, contacts=(Contact("A"),) * (MAX_CONTACTS + 1)), "contacts"),
        (ApplicationInput(job.id, cv.id, contacts=(Contact(role="Recruiter"),)), "contacts.0"),
        (ApplicationInput(job.id, cv.id, contacts=(Contact("A", email="a@" + "b" * 300),)), "contacts.0.email"),
        (ApplicationInput(job.id, cv.id, on=date(1960, 1, 1)), "on"),
        (ApplicationInput(job.id, cv.id, on=NOW.date() + timedelta(days=400)), "on"),
        (ApplicationInput(job.id, cv.id, follow_up=date(2099, 1, 1)), "followUp"),
    ):
        with pytest.raises(InvalidInput) as refused:
            world.service.create("alice", given)
        assert [p.path for p in refused.value.problems] == [path]
    before = world.service.get("alice", created.id)
    with pytest.raises(InvalidInput):
        world.service.update("alice", created.id, 1, ApplicationChanges(notes="y" * (MAX_NOTES + 1)))
    assert world.service.get("alice", created.id) == before
    with pytest.raises(InvalidInput) as same:
        world.service.move("alice", created.id, 1, Stage.SAVED, None)
    assert same.value.problems[0].path == "stage"


def test_another_users_ids_are_not_found_like_missing_ones(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    bobs_cv, bobs_job = new_cv(world, "bob"), new_job(world, "bob")
    world.letters.add(("bob", "01JKETTER00000000000000000"))
    for given, what in (
        (ApplicationInput(bobs_job.id, cv.id), "Job"),
        (ApplicationInput(job.id, bobs_cv.id), "CV"),
        (ApplicationInput(job.id, cv.id, letter_id="01JKETTER00000000000000000"), "Letter"),
        (ApplicationInput("01J0000000000000000000000Z", cv.id), "Job"),
        (ApplicationInput("not an id", cv.id), "Job"),
    ):
        with pytest.raises(NotFound) as missing:
            world.service.create("alice", given)
        assert missing.value.message == f"{what} not found."
    bobs = world.service.create("bob", ApplicationInput(bobs_job.id, bobs_cv.id))
    assert world.service.find("alice", bobs.id) is None
    for attempt in (
        lambda: world.service.get("alice", bobs.id),
        lambda: world.service.sent_cv("alice", bobs.id),
        lambda: world.service.update("alice", bobs.id, 1, ApplicationChanges(notes="mine")),
        lambda: world.service.move("alice", bobs.id, 1, Stage.APPLIED, None),
        lambda: world.service.delete("alice", bobs.id),
    ):
        with pytest.raises(NotFound) as missing:
            attempt()
        assert missing.value.message == "Application not found."
    assert world.service.get("bob", bobs.id) == bobs
    assert world.service.list("alice", ApplicationFilter(), 10).items == []


def test_updates_change_only_what_is_given(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    other_cv, other_job = new_cv(world, title="Data CV"), new_job(world, title="Data engineer")
    world.letters.add(("alice", "01JKETTER00000000000000000"))
    created = world.service.create(
        "alice", ApplicationInput(job.id, cv.id, notes="First.", follow_up=date(2026, 12, 10))
    )
    with_letter = world.service.update(
        "alice", created.id, 1, ApplicationChanges(letter_id="01JKETTER00000000000000000", cv_id=other_cv.id)
    )
    assert with_letter.letter_id == "01JKETTER00000000000000000" and with_letter.notes == "First."
    assert with_letter.cv_id == other_cv.id and with_letter.cv_title == "Data CV"
    assert with_letter.follow_up == date(2026, 12, 10)
    assert world.service.sent_cv("alice", created.id).title == "Data CV"
    moved_job = world.service.update(
        "alice", created.id, 2, ApplicationChanges(job_id=other_job.id, letter_id=None, follow_up=None)
    )
    assert (moved_job.job_id, moved_job.job_title, moved_job.letter_id, moved_job.follow_up) == (
        other_job.id,
        "Data engineer",
        None,
        None,
    )
    applied = world.service.move("alice", created.id, 3, Stage.APPLIED, None)
    with pytest.raises(InvalidInput) as refused:
        world.service.update("alice", created.id, applied.version, ApplicationChanges(cv_id=cv.id, job_id=job.id))
    assert [p.path for p in refused.value.problems] == ["cvId", "jobId"]
    assert world.service.get("alice", created.id) == applied


def test_lists_filter_by_stage_cv_job_and_follow_up(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    other_cv = new_cv(world, title="Data CV")
    saved = world.service.create("alice", ApplicationInput(job.id, cv.id, follow_up=date(2026, 12, 2)))
    applied = world.service.create("alice", ApplicationInput(job.id, other_cv.id, stage=Stage.APPLIED))
    late = world.service.create("alice", ApplicationInput(job.id, cv.id, follow_up=date(2026, 12, 20)))
    # Newest first is id order (ULIDs); three made within one millisecond may share it, so compare with that.
    newest_first = sorted([saved.id, applied.id, late.id], reverse=True)
    listed = world.service.list("alice", ApplicationFilter(), 10)
    assert [a.id for a in listed.items] == newest_first
    only_applied = world.service.list("alice", ApplicationFilter(stages=frozenset({Stage.APPLIED})), 10)
    assert [a.id for a in only_applied.items] == [applied.id]
    by_cv = world.service.list("alice", ApplicationFilter(cv_id=cv.id), 10)
    assert [a.id for a in by_cv.items] == sorted([late.id, saved.id], reverse=True)
    due = world.service.list("alice", ApplicationFilter(follow_up_by=NOW.date()), 10)
    assert [a.id for a in due.items] == [saved.id]
    first_page = world.service.list("alice", ApplicationFilter(), 2)
    second = world.service.list("alice", ApplicationFilter(), 2, first_page.next_cursor)
    assert [a.id for a in second.items] == newest_first[2:] and second.next_cursor is None


def test_delete(world: World) -> None:
    cv, job = new_cv(world), new_job(world)
    created = world.service.create("alice", ApplicationInput(job.id, cv.id))
    world.service.delete("alice", created.id)
    assert world.service.find("alice", created.id) is None
    with pytest.raises(NotFound):
        world.service.delete("alice", created.id)
