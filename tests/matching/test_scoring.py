"""The match score: what a CV meets, its six parts, and the words that explain it."""

from __future__ import annotations

import copy

import pytest

from cvmaker.domain.matching.cv_facts import read_facts, years_of_experience
from cvmaker.domain.matching.education import EducationLevel
from cvmaker.domain.matching.results import Match
from cvmaker.domain.matching.scoring import OtherCv, score_match, title_overlap
from cvmaker.domain.matching.vocabulary import shipped_vocabulary
from tests.matching.documents import BACKEND_CV, TODAY, document, job

VOCABULARY = shipped_vocabulary()


def match_of(data: dict = BACKEND_CV, others: list[OtherCv] | None = None, semantic: float | None = 0.5) -> Match:
    facts = read_facts(document(data), VOCABULARY, TODAY.date())
    return score_match(job(), "cv-1", facts, others or [], semantic, {}, VOCABULARY)


def test_cv_facts_read_skills_roles_years_and_degree() -> None:
    facts = read_facts(document(), VOCABULARY, TODAY.date())
    assert {"python", "kubernetes", "postgresql", "java", "docker", "git", "sql", "mentoring"} <= set(facts.skills)
    assert facts.years == pytest.approx(10.4, abs=0.1)  # 2016-06 to 2026-11, no gap
    assert facts.education == EducationLevel.BACHELOR
    assert "Backend Engineer" in facts.titles


def test_met_and_missing_requirements() -> None:
    match = match_of()
    assert {
        "Python",
        "PostgreSQL",
        "Kubernetes",
        "mentoring",
        "Bachelor's degree",
        "5+ years of experience",
        "Senior Backend Engineer",
    } <= set(match.matched)
    assert {"Go", "Terraform", "Rust", "communication"} <= set(match.missing)
    assert set(match.missing) == set(match.missing_not_shown)


def test_the_score_is_a_weighted_sum_of_explained_parts() -> None:
    match = match_of()
    parts = {p.name: p for p in match.breakdown}
    assert set(parts) == {"hard_skills", "soft_skills", "title", "education", "experience", "semantic"}
    assert sum(p.weight for p in match.breakdown) == pytest.approx(1.0, abs=1e-3)
    assert match.score == pytest.approx(100 * sum(p.score * p.weight for p in match.breakdown), abs=0.1)
    assert 0 <= match.score <= 100
    assert "Not shown:" in parts["hard_skills"].explanation and "Go." in parts["hard_skills"].explanation
    assert parts["experience"].score == 1.0 and "5+ years" in parts["experience"].explanation
    assert "A " in match.summary and "/100" in match.summary and "Add them only if you have them" in match.summary


def test_the_same_inputs_give_the_same_match() -> None:
    assert match_of() == match_of()


def test_parts_the_posting_does_not_ask_for_weigh_nothing() -> None:
    match = match_of(semantic=None)
    semantic = next(p for p in match.breakdown if p.name == "semantic")
    assert semantic.weight == 0.0
    assert sum(p.weight for p in match.breakdown) == pytest.approx(1.0, abs=1e-3)


def test_missing_requirements_shown_in_another_cv_are_told_apart() -> None:
    other = copy.deepcopy(BACKEND_CV)
    other["sections"][2]["items"][0]["keywords"] = ["Terraform"]
    others = [OtherCv("cv-2", read_facts(document(other), VOCABULARY, TODAY.date()))]
    match = match_of(others=others)
    assert "Terraform" in match.missing_shown_elsewhere
    assert "Go" in match.missing_not_shown
    assert "Terraform" in match.summary


def test_hidden_items_count_as_elsewhere_not_as_shown() -> None:
    hidden = copy.deepcopy(BACKEND_CV)
    hidden["sections"][3]["items"].append({"title": "Infra", "visible": False, "description": "Terraform modules"})
    match = match_of(hidden)
    assert "Terraform" in match.missing_shown_elsewhere


def test_a_better_cv_scores_higher() -> None:
    weaker = copy.deepcopy(BACKEND_CV)
    weaker["sections"][0]["items"][0]["bullets"] = ["Organised the team offsite"]
    weaker["sections"][2]["items"][1]["keywords"] = ["Java"]
    weaker["sections"][3]["items"] = []
    assert match_of(weaker).score < match_of().score


def test_years_of_experience_count_overlaps_once() -> None:
    items = (
        document(
            {
                "sections": [
                    {
                        "kind": "EXPERIENCE",
                        "items": [
                            {"title": "A", "startDate": "2020-01", "endDate": "2020-12"},
                            {"title": "B", "startDate": "2020-06", "endDate": "2021-05"},
                            {"title": "C", "startDate": "Mar 2023", "endDate": "Present"},
                            {"title": "D", "startDate": "someday"},
                        ],
                    }
                ]
            }
        )
        .sections[0]
        .items
    )
    assert years_of_experience(items, TODAY.date()) == pytest.approx(1.4 + 3.8, abs=0.1)


def test_title_overlap_ignores_seniority() -> None:
    assert title_overlap("Sr. Software Engineer II", ["Software Engineer"]) == 1.0
    assert title_overlap("Data Scientist", ["Data Analyst"]) == 0.5
    assert title_overlap("Designer", ["Accountant"]) == 0.0
