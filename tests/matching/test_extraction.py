"""Reading requirements from a posting with rules, and checking a model's reading against the posting."""

from __future__ import annotations

import pytest

from cvmaker.domain.errors import InvalidInput
from cvmaker.domain.matching.extraction import Posting, accept_proposals, extract_requirements
from cvmaker.domain.matching.jobs import Requirement, RequirementKind, clean_job_input
from cvmaker.domain.matching.vocabulary import shipped_vocabulary

HARD, SOFT = RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL
POSTING = Posting(
    "Senior Backend Engineer",
    "Contoso",
    """
We build payment services. You will design APIs and mentor other engineers.
Required qualifications: 5+ years of experience building backend services in Python or Go.
Experience with PostgreSQL and Kubernetes. Strong communication skills.
A Bachelor's degree in Computer Science or equivalent experience.
Preferred qualifications: experience with Terraform. A Master's degree.
Knowledge of Rust is a plus.
Contoso is an equal opportunity employer and does not discriminate on the basis of Java knowledge.
""",
)


def requirement(text: str, kind: RequirementKind, required: bool = True) -> Requirement:
    return Requirement(text, kind, required)


@pytest.fixture(scope="module")
def extracted() -> list[Requirement]:
    return extract_requirements(POSTING, shipped_vocabulary())


def test_skills_are_read_with_required_and_preferred(extracted: list[Requirement]) -> None:
    assert requirement("Python", HARD) in extracted
    assert requirement("Go", HARD) in extracted
    assert requirement("PostgreSQL", HARD) in extracted
    assert requirement("Kubernetes", HARD) in extracted
    assert requirement("Terraform", HARD, required=False) in extracted
    assert requirement("Rust", HARD, required=False) in extracted
    assert requirement("communication", SOFT) in extracted
    assert requirement("mentoring", SOFT) in extracted


def test_title_years_and_degrees(extracted: list[Requirement]) -> None:
    assert extracted[0] == requirement("Senior Backend Engineer", RequirementKind.TITLE)
    assert requirement("5+ years of experience", RequirementKind.EXPERIENCE) in extracted
    assert requirement("Bachelor's degree", RequirementKind.EDUCATION) in extracted
    assert requirement("Master's degree", RequirementKind.EDUCATION, required=False) in extracted


def test_boilerplate_is_not_read(extracted: list[Requirement]) -> None:
    assert all(r.text != "Java" for r in extracted)


def test_the_same_posting_always_gives_the_same_requirements(extracted: list[Requirement]) -> None:
    assert extract_requirements(POSTING, shipped_vocabulary()) == extracted


def test_a_models_terms_are_kept_only_if_the_posting_says_them() -> None:
    accepted, dropped = accept_proposals(
        POSTING,
        [
            ("python", "hard_skill", True),
            ("VP at Google", "keyword", True),
            ("Kubernetes", "hard_skill", False),
            ("10 years", "experience", True),
            ("5 years", "experience", True),
            ("PhD", "education", True),
            ("Bachelor's degree", "education", True),
            ("payment services", "keyword", True),
            ("Python", "telepathy", True),
        ],
        shipped_vocabulary(),
    )
    assert accepted == [
        requirement("Senior Backend Engineer", RequirementKind.TITLE),
        requirement("5+ years of experience", RequirementKind.EXPERIENCE),
        requirement("Bachelor's degree", RequirementKind.EDUCATION),
        requirement("Python", HARD),
        requirement("Kubernetes", HARD, required=False),
        requirement("payment services", RequirementKind.KEYWORD),
    ]
    assert len(dropped) == 4
    assert any("VP at Google" in reason for reason in dropped)


def test_job_input_is_checked_field_by_field() -> None:
    with pytest.raises(InvalidInput) as raised:
        clean_job_input("", "x" * 300, "too short")
    assert [p.path for p in raised.value.problems] == ["title", "company", "description"]
    cleaned = clean_job_input("  Data   Engineer ", "  ", "A long enough description of the job.")
    assert (cleaned.title, cleaned.company) == ("Data Engineer", None)
