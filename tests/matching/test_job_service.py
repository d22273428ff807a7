"""createJob, jobs, job, deleteJob on SQLite: requirements stored with the posting, every call scoped by owner."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cvmaker.domain.errors import InvalidInput, NotFound
from cvmaker.domain.matching.jobs import RequirementKind
from cvmaker.ports import ProposedRequirement
from tests.matching.conftest import Feature
from tests.matching.documents import POSTING
from tests.matching.fakes import FabricatingWriter, UnavailableWriter


def create(feature: Feature, owner: str = "user-a") -> str:
    return feature.jobs.create(owner, POSTING.title, POSTING.company, POSTING.description).id


def test_a_job_is_stored_with_its_requirements(feature: Feature) -> None:
    job_id = create(feature)
    job = feature.jobs.get("user-a", job_id)
    assert (job.title, job.company, job.extracted_by) == ("Senior Backend Engineer", "Initech", "rules")
    assert {"Python", "Go", "PostgreSQL", "Kubernetes"} <= {
        r.text for r in job.requirements_of(RequirementKind.HARD_SKILL)
    }
    assert job.description.startswith("We build payment services.")


def test_jobs_list_newest_first_in_pages(feature: Feature) -> None:
    ids = [create(feature) for _ in range(3)]
    first = feature.jobs.list("user-a", 2)
    assert [j.id for j in first.items] == ids[::-1][:2]
    rest = feature.jobs.list("user-a", 2, first.next_cursor)
    assert [j.id for j in rest.items] == ids[:1] and rest.next_cursor is None
    with pytest.raises(InvalidInput):
        feature.jobs.list("user-a", 2, "not-a-cursor")


def test_another_users_job_does_not_exist_for_the_caller(feature: Feature) -> None:
    job_id = create(feature, owner="user-a")
    assert feature.jobs.find("user-b", job_id) is None
    with pytest.raises(NotFound):
        feature.jobs.get("user-b", job_id)
    with pytest.raises(NotFound):
        feature.jobs.delete("user-b", job_id)
    assert feature.jobs.list("user-b", 10).items == []
    feature.jobs.delete("user-a", job_id)
    with pytest.raises(NotFound):
        feature.jobs.get("user-a", job_id)


def test_bad_input_is_refused_and_nothing_is_stored(feature: Feature) -> None:
    with pytest.raises(InvalidInput) as raised:
        feature.jobs.create("user-a", "", None, "short")
    assert {p.path for p in raised.value.problems} == {"title", "description"}
    assert feature.jobs.list("user-a", 10).items == []


def test_a_models_reading_keeps_only_terms_in_the_posting(feature_with: Callable[[FabricatingWriter], Feature]) -> None:
    writer = FabricatingWriter(
        requirements=[
            ProposedRequirement("Python", "hard_skill", True),
            ProposedRequirement("Kubernetes", "hard_skill", True),
            ProposedRequirement("VP at Google", "keyword", True),
        ]
    )
    feature = feature_with(writer)
    job = feature.jobs.get("user-a", create(feature))
    assert job.extracted_by == "fabricating"
    assert [r.text for r in job.requirements] == ["Senior Backend Engineer", "Python", "Kubernetes"]


def test_an_unavailable_model_falls_back_to_the_rules(feature_with: Callable[[UnavailableWriter], Feature]) -> None:
    feature = feature_with(UnavailableWriter())
    job = feature.jobs.get("user-a", create(feature))
    assert job.extracted_by == "rules"
    assert "Python" in {r.text for r in job.requirements}
