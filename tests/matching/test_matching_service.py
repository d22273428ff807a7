"""matchCv, rankJobs and rankCvs over a user's own CVs and jobs, with evidence found by vector search."""

from __future__ import annotations

import copy

import pytest

from cvmaker.domain.errors import NotFound
from cvmaker.domain.matching.jobs import RequirementKind
from tests.matching.conftest import Feature
from tests.matching.documents import BACKEND_CV, POSTING

DESIGNER_CV = {
    "title": "Design CV",
    "basics": {"name": "Mia", "headline": "Product Designer"},
    "sections": [
        {
            "kind": "EXPERIENCE",
            "items": [
                {
                    "title": "Product Designer",
                    "organization": "Fourth Coffee",
                    "startDate": "2018",
                    "current": True,
                    "bullets": ["Designed mobile apps in Figma", "Ran usability tests with customers"],
                }
            ],
        }
    ],
}
DESIGN_POSTING = (
    "We are hiring a Senior Designer to design mobile apps. You will prototype in Figma, run "
    "usability testing and work with engineers. 3+ years of experience."
)


def setup(feature: Feature) -> tuple[str, str]:
    cv = feature.cvs.create("user-a", BACKEND_CV)
    job = feature.jobs.create("user-a", POSTING.title, POSTING.company, POSTING.description)
    return cv.id, job.id


def test_a_match_has_a_score_parts_and_evidence_per_requirement(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    match = feature.matching.match("user-a", cv_id, job_id)
    assert (match.cv_id, match.job_id) == (cv_id, job_id)
    assert 0 < match.score < 100
    assert [p.name for p in match.breakdown] == [
        "hard_skills",
        "soft_skills",
        "title",
        "education",
        "experience",
        "semantic",
    ]
    python = next(r for r in match.requirements if r.requirement.text == "Python")
    assert python.matched and python.evidence
    assert python.evidence[0].item_id in {"role-contoso", "skills-languages", "project-queue"}
    assert "Python" in python.evidence[0].text or "python" in python.evidence[0].text
    assert all(e.cv_id == cv_id for e in python.evidence)
    degree = next(r for r in match.requirements if r.requirement.kind == RequirementKind.EDUCATION)
    assert degree.evidence[0].item_id == "degree"
    assert degree.evidence[0].text == "BSc Computer Science, University of Leeds (2016)"
    go = next(r for r in match.requirements if r.requirement.text == "Go")
    assert not go.matched and go.evidence == ()  # nothing close: no misleading evidence


def test_matching_twice_gives_the_same_answer_and_embeds_nothing_new(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    first = feature.matching.match("user-a", cv_id, job_id)
    calls = feature.embedder.calls
    assert feature.matching.match("user-a", cv_id, job_id) == first
    assert feature.embedder.calls == calls


def test_the_cvs_items_are_indexed_under_the_owner_and_replaced_when_edited(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    feature.matching.match("user-a", cv_id, job_id)
    indexed = feature.index.count("user-a")
    assert indexed == 8  # the summary and seven items
    assert feature.index.count("user-b") == 0
    cv = feature.cvs.get("user-a", cv_id)
    feature.cvs.update("user-a", cv_id, cv.version, {"summary": "Python engineer."})
    feature.matching.match("user-a", cv_id, job_id)
    assert feature.index.count("user-a") == indexed
    summaries = feature.index.query(
        "user-a", feature.embedder.embed(["Python engineer"])[0], 10, {"cv_id": cv_id, "section_id": "summary"}
    )
    assert len(summaries) == 1  # the old summary's vector is gone


def test_a_requirement_shown_only_in_another_cv_is_flagged_with_that_evidence(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    other = copy.deepcopy(BACKEND_CV)
    other["title"] = "Infra CV"
    other["sections"][2]["items"][0]["keywords"] = ["Terraform", "Docker"]
    other_id = feature.cvs.create("user-a", other).id
    match = feature.matching.match("user-a", cv_id, job_id)
    terraform = next(r for r in match.requirements if r.requirement.text == "Terraform")
    assert not terraform.matched and terraform.shown_elsewhere
    assert terraform.evidence[-1].cv_id == other_id
    assert "Terraform" in match.missing_shown_elsewhere
    assert "Go" in match.missing_not_shown


def test_another_users_cv_or_job_is_not_found(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    with pytest.raises(NotFound):
        feature.matching.match("user-b", cv_id, job_id)
    their_job = feature.jobs.create("user-b", POSTING.title, None, POSTING.description).id
    with pytest.raises(NotFound):
        feature.matching.match("user-a", cv_id, their_job)


def test_rank_jobs_and_rank_cvs_put_the_right_profession_first(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    design_job = feature.jobs.create("user-a", "Senior Designer", None, DESIGN_POSTING).id
    designer = feature.cvs.create("user-a", DESIGNER_CV).id
    feature.cvs.create("user-b", DESIGNER_CV)  # another user's CV is never ranked
    assert [r.job.id for r in feature.matching.rank_jobs("user-a", cv_id)] == [job_id, design_job]
    assert [r.job.id for r in feature.matching.rank_jobs("user-a", designer)] == [design_job, job_id]
    ranked = feature.matching.rank_cvs("user-a", design_job)
    assert [r.cv.id for r in ranked] == [designer, cv_id]
    assert ranked[0].score > ranked[1].score
    assert len(feature.matching.rank_cvs("user-a", design_job, first=1)) == 1


def test_a_skill_only_in_a_hidden_item_is_evidenced_by_that_item(feature: Feature) -> None:
    hidden = copy.deepcopy(BACKEND_CV)
    hidden["sections"][3]["items"].append(
        {"id": "project-infra", "title": "Infra", "visible": False, "description": "Terraform modules for the team"}
    )
    cv_id = feature.cvs.create("user-a", hidden).id
    job_id = feature.jobs.create("user-a", POSTING.title, POSTING.company, POSTING.description).id
    terraform = next(
        r for r in feature.matching.match("user-a", cv_id, job_id).requirements if r.requirement.text == "Terraform"
    )
    assert not terraform.matched and terraform.shown_elsewhere
    assert terraform.evidence[-1].item_id == "project-infra"
