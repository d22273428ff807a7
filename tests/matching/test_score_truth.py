"""A score that tells the truth: parts say what they measured, unmeasured parts weigh nothing, a CV missing most
required skills cannot look strong, explanations agree with the numbers, and requirements are shown by words in
any wording or by meaning. Requirements are made here explicitly, so these tests hold whichever reader made them.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from cvmaker.domain.matching.cv_facts import read_facts
from cvmaker.domain.matching.jobs import Job, Requirement, RequirementKind
from cvmaker.domain.matching.meaning import MEANING_THRESHOLD, meaning_share, shown_by_meaning
from cvmaker.domain.matching.results import Evidence, Match
from cvmaker.domain.matching.scoring import CAPS, band, score_match
from cvmaker.domain.matching.vocabulary import shipped_vocabulary
from cvmaker.domain.matching.wording import is_abbreviation_of, names, wordings
from tests.matching.documents import BACKEND_CV, TODAY, document

VOCABULARY = shipped_vocabulary()
HARD, SOFT = RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL


def a_job(*requirements: Requirement, title: str = "Backend Engineer") -> Job:
    return Job("01JOB0000000000000000000AA", "user-a", title, None, "A posting.", tuple(requirements), TODAY)


def required(*texts: str, kind: RequirementKind = HARD) -> list[Requirement]:
    return [Requirement(t, kind, True) for t in texts]


def match_of(job: Job, data: dict[str, Any] = BACKEND_CV, semantic: float | None = 0.9, **kwargs: Any) -> Match:
    facts = read_facts(document(data), VOCABULARY, TODAY.date())
    return score_match(job, "cv-1", facts, [], semantic, {}, VOCABULARY, **kwargs)


SHOWN = ["Python", "PostgreSQL", "Kubernetes"]  # on BACKEND_CV
ABSENT = ["Rust", "Terraform", "Haskell", "Erlang"]  # nowhere on it


def test_a_part_with_nothing_to_measure_says_so_and_weighs_nothing() -> None:
    match = match_of(a_job(*required(*SHOWN)))
    parts = {p.name: p for p in match.breakdown}
    for name in ("soft_skills", "education", "experience"):
        assert not parts[name].measured and parts[name].weight == 0.0
        assert parts[name].explanation.startswith("Not measured:")
    assert parts["hard_skills"].measured and parts["hard_skills"].weight > 0
    assert sum(p.weight for p in match.breakdown) == pytest.approx(1.0, abs=1e-3)
    assert not any(re.search(r"\b0 of (the )?0\b", p.explanation) for p in match.breakdown)


def test_missing_four_of_seven_required_skills_is_at_most_a_partial_match() -> None:
    # Everything else perfect: the title is the CV's own, the meaning as close as can be.
    match = match_of(a_job(*required(*SHOWN, *ABSENT)), semantic=1.0)
    raw = round(100 * sum(p.score * p.weight for p in match.breakdown), 1)
    assert raw > 55  # without the cap this CV would read as a good match
    assert match.score == 54.9 and band(match.score) == "A partial match"
    assert match.capped_by is not None and "3 of the 7 required skills" in match.capped_by
    assert match.summary.startswith("A partial match") and match.capped_by in match.summary


@pytest.mark.parametrize(("shown", "missing", "ceiling"), [(0, 4, 34.9), (1, 3, 54.9), (2, 2, 74.9), (3, 1, None)])
def test_the_cap_follows_the_share_of_required_skills_shown(shown: int, missing: int, ceiling: float | None) -> None:
    match = match_of(a_job(*required(*SHOWN[:shown], *ABSENT[:missing])), semantic=1.0)
    share = shown / (shown + missing)
    expected = next((c for below, c in CAPS if share < below), None)
    assert expected == ceiling
    raw = round(100 * sum(p.score * p.weight for p in match.breakdown), 1)
    if ceiling is None:
        assert match.capped_by is None and match.score == raw
    else:
        assert match.score == min(raw, ceiling)
        assert (match.capped_by is not None) == (raw > ceiling)


def test_every_number_in_an_explanation_comes_from_the_parts() -> None:
    job = a_job(
        *required(*SHOWN[:2], *ABSENT[:3]),
        Requirement("Docker", HARD, False),
        Requirement("Scala", HARD, False),
        Requirement("mentoring", SOFT, True),
        Requirement("reliable", RequirementKind.KEYWORD, True),
        Requirement("latency", RequirementKind.KEYWORD, True),
    )
    match = match_of(job)
    for part in match.breakdown:
        counted = [(int(a), int(b)) for a, b in re.findall(r"(\d+) of the (\d+)", part.explanation)]
        assert counted == [(t.shown, t.asked) for t in part.tallies], part.name
        if part.tallies:
            weighted = sum(t.shown * t.weight for t in part.tallies) / sum(t.asked * t.weight for t in part.tallies)
            assert part.score == pytest.approx(weighted, abs=1e-4)
    skills = next(p for p in match.breakdown if p.name == "hard_skills")
    assert [(t.label, t.shown, t.asked) for t in skills.tallies] == [
        ("required technical skills", 2, 5),
        ("preferred technical skills", 1, 2),
        ("other keywords of the posting", 1, 2),
    ]
    assert match.score == pytest.approx(100 * sum(p.score * p.weight for p in match.breakdown), abs=0.1)
    assert f"({match.score:g}/100)" in match.summary


def test_a_credential_is_shown_by_its_abbreviation_or_its_full_name() -> None:
    assert wordings("Basic Life Support (BLS)") == ("Basic Life Support (BLS)", "Basic Life Support", "BLS")
    assert "BLS" in wordings("BLS certification")
    assert names("BLS certification", "Basic Life Support (BLS) & ACLS")
    assert names("Advanced Cardiac Life Support (ACLS)", "BLS and ACLS certified")
    assert is_abbreviation_of("GD&T", "Geometric Dimensioning and Tolerancing")
    assert not is_abbreviation_of("B2", "German language")
    assert not names("German language (B2)", "Played bingo: B2 was the winning number")
    assert not names("BLS certification", "Worked on BLSX tooling")
    assert not names("Driving licence", "Driving down fault rates")  # the qualifier goes only from a name


def test_a_requirement_shown_by_meaning_is_met_with_its_evidence() -> None:
    iv = Requirement("IV therapy", HARD, True)
    evidence = Evidence("s1", "role-contoso", "Administered intravenous medication", 0.61, "cv-1")
    plain = match_of(a_job(iv))
    assert not plain.requirements[0].matched and plain.requirements[0].matched_by == ""
    meant = match_of(a_job(iv), by_meaning={iv: evidence})
    judged = meant.requirements[0]
    assert judged.matched and judged.matched_by == "meaning" and judged.evidence[0] == evidence
    assert meant.score > plain.score


def test_the_meaning_threshold_is_a_share_of_the_embedders_range() -> None:
    low, high = 0.1, 0.7
    at = low + MEANING_THRESHOLD * (high - low)
    assert meaning_share(at, (low, high)) == pytest.approx(MEANING_THRESHOLD)
    assert shown_by_meaning(at + 1e-6, (low, high))
    assert not shown_by_meaning(at - 1e-3, (low, high))
    assert 0 < MEANING_THRESHOLD < 1
