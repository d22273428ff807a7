"""matchCv for a user with many CVs: what the other CVs show is said exactly as reading every one of them says it,
and an edited CV (a new version) is read again, never served from what was kept of its old version."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cvmaker.services.matching as matching_module
from cvmaker.domain.cv.model import Cv
from cvmaker.domain.matching.cv_facts import CvFacts, passages, read_facts
from cvmaker.domain.matching.jobs import Job, Requirement, RequirementKind
from cvmaker.domain.matching.results import Evidence, Match, RequirementMatch
from cvmaker.domain.matching.scoring import OtherCv, meets, score_match
from tests.matching.conftest import Feature, build
from tests.matching.documents import BACKEND_CV, POSTING, TODAY

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "postings"
OWNER = "user-a"

PLATFORM_CV: dict[str, Any] = {
    "title": "Platform CV",
    "basics": {"name": "Ada Lovelace", "headline": "Platform Engineer"},
    "sections": [
        {
            "kind": "SKILLS",
            "items": [{"id": "skills-infra", "title": "Infrastructure", "keywords": ["Terraform", "Ansible"]}],
        }
    ],
}


def all_cvs(feature: Feature) -> list[Cv]:
    """The owner's CVs in the order matching lists them (newest first)."""
    found: list[Cv] = []
    cursor: str | None = None
    while True:
        page = feature.cvs.list(OWNER, 50, cursor)
        found += page.items
        if page.next_cursor is None:
            return found
        cursor = page.next_cursor


def facts_of(feature: Feature, cv: Cv) -> CvFacts:
    return read_facts(cv.document, feature.matching.vocabulary, TODAY.date())


def expected_evidence_elsewhere(
    feature: Feature, requirement: Requirement, cv: Cv, others: list[Cv], facts: dict[str, CvFacts]
) -> tuple[str, str, str | None] | None:
    """The item shown as evidence from elsewhere, by its definition: the first item naming the skill that is a
    hidden item of this CV or any item of another CV, taken in the order the CVs are listed."""
    skill = feature.matching.vocabulary.lookup(requirement.text)
    if skill is None:
        return None
    for candidate in [cv, *others]:
        places = facts[candidate.id].skill_items.get(skill.key, [])
        for passage in passages(candidate.document):
            if (passage.section_id, passage.item_id) in places and not (candidate.id == cv.id and passage.visible):
                return candidate.id, passage.section_id, passage.item_id
    return None


def from_elsewhere(cv: Cv, evidence: tuple[Evidence, ...]) -> list[tuple[str, str, str | None]]:
    hidden = {(p.section_id, p.item_id) for p in passages(cv.document) if not p.visible}
    return [
        (e.cv_id, e.section_id, e.item_id) for e in evidence if e.cv_id != cv.id or (e.section_id, e.item_id) in hidden
    ]


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[tuple[Any, ...], Match]]]:
    """Every `score_match` call the service makes, with its arguments and its result."""
    calls: list[tuple[tuple[Any, ...], Match]] = []

    def recording(*args: Any) -> Match:
        match = score_match(*args)
        calls.append((args, match))
        return match

    monkeypatch.setattr(matching_module, "score_match", recording)
    yield calls


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Feature, list[Cv], list[Job]]:
    """One user holding every CV of the postings corpus and one posting of each of five occupations."""
    feature = build(tmp_path_factory.mktemp("many") / "cvmaker.sqlite3")
    for path in sorted((CORPUS / "cvs").glob("*.json")):
        feature.cvs.import_json_resume(OWNER, json.loads(path.read_text(encoding="utf-8")))
    jobs = []
    for name in ("registered-nurse-01", "accountant-01", "teacher-01", "software-engineer-01", "chef-01"):
        head, body = (CORPUS / "postings" / f"{name}.txt").read_text(encoding="utf-8").split("---", 1)
        title = next(line[len("Title:") :].strip() for line in head.splitlines() if line.startswith("Title:"))
        jobs.append(feature.jobs.create(OWNER, title, None, body.strip()))
    return feature, all_cvs(feature), jobs


def test_the_quick_test_of_naming_never_says_a_cv_lacks_what_it_names(
    corpus: tuple[Feature, list[Cv], list[Job]],
) -> None:
    # The service skips `meets` where a CV lacks the words (or the skill) naming a requirement takes; it must
    # answer as `meets` does for every CV and requirement, or matching would say less than the CVs show.
    feature, cvs, jobs = corpus
    service = feature.matching
    requirements = list(dict.fromkeys(r for job in jobs for r in job.requirements))
    named = 0
    for cv in cvs:
        read = service._read(cv)
        for requirement in requirements:
            expected = meets(requirement, read.facts, service.vocabulary)
            assert service._meets(requirement, read, service._naming(requirement)) == expected, requirement
            named += expected
    assert named >= 100, named  # the corpus names many of these requirements, so both answers are exercised


WORDED_CV: dict[str, Any] = {
    "title": "Worded",
    "basics": {"name": "Ada Lovelace", "headline": "Nurse and developer"},
    "sections": [
        {
            "kind": "EXPERIENCE",
            "items": [
                {
                    "title": "Staff Nurse",
                    "organization": "St Mary's",
                    "startDate": "2019",
                    "current": True,
                    "bullets": ["Built a REST API for the ward rota", "Cared for wounds after surgery"],
                }
            ],
        },
        {"kind": "CERTIFICATIONS", "items": [{"title": "BLS & ACLS"}]},
        {"kind": "SKILLS", "items": [{"title": "Tools", "keywords": ["K8s", "Postgres"]}]},
    ],
}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("REST APIs", RequirementKind.HARD_SKILL),
        ("Basic Life Support (BLS)", RequirementKind.HARD_SKILL),  # by its abbreviation
        ("BLS certification", RequirementKind.HARD_SKILL),  # without its qualifier
        ("Kubernetes", RequirementKind.HARD_SKILL),  # the skill, by another name
        ("PostgreSQL", RequirementKind.HARD_SKILL),
        ("ward rotas", RequirementKind.KEYWORD),  # named in the singular only
        ("Wound Care", RequirementKind.HARD_SKILL),  # words apart: not named
        ("Terraform", RequirementKind.HARD_SKILL),
        ("Staff Nurse", RequirementKind.TITLE),
        ("3+ years of experience", RequirementKind.EXPERIENCE),
    ],
)
def test_the_quick_test_of_naming_answers_as_meets_for_every_way_of_naming(
    feature: Feature, text: str, kind: RequirementKind
) -> None:
    cv = feature.cvs.create(OWNER, WORDED_CV)
    service = feature.matching
    read = service._read(cv)
    requirement = Requirement(text, kind, True)
    expected = meets(requirement, read.facts, service.vocabulary)
    assert service._meets(requirement, read, service._naming(requirement)) == expected
    assert expected == (text not in ("Wound Care", "Terraform"))


def test_with_all_corpus_cvs_each_match_says_what_reading_every_other_cv_says(
    corpus: tuple[Feature, list[Cv], list[Job]], scored: list[tuple[tuple[Any, ...], Match]]
) -> None:
    feature, cvs, jobs = corpus
    assert len(cvs) == 54
    facts = {cv.id: facts_of(feature, cv) for cv in cvs}
    shown_elsewhere = evidenced_elsewhere = 0
    for cv in cvs[::9]:
        others = [other for other in cvs if other.id != cv.id]
        for job in jobs:
            match = feature.matching.match(OWNER, cv.id, job.id)
            # The score as `score_match` gives it with every other CV (what the service passed before it chose
            # the few that answer the same): identical, field by field.
            args, given = scored[-1]
            assert given == match
            every_other = [OtherCv(other.id, facts[other.id]) for other in others]
            job_, cv_id, cv_facts, _, semantic, evidence, vocabulary, by_meaning = args
            assert score_match(job_, cv_id, cv_facts, every_other, semantic, evidence, vocabulary, by_meaning) == match
            for judged in match.requirements:
                shown_elsewhere += judged.shown_elsewhere
                elsewhere = from_elsewhere(cv, judged.evidence)
                if elsewhere:
                    evidenced_elsewhere += 1
                    assert elsewhere == [expected_evidence_elsewhere(feature, judged.requirement, cv, others, facts)]
    # The corpus exercises both: requirements another CV shows, and that CV's item as the evidence.
    assert shown_elsewhere >= 100 and evidenced_elsewhere >= 100, (shown_elsewhere, evidenced_elsewhere)


def terraform(match: Match) -> RequirementMatch:
    return next(r for r in match.requirements if r.requirement.text == "Terraform")


def test_an_edited_cv_is_read_again_never_served_from_its_old_version(feature: Feature) -> None:
    main = feature.cvs.create(OWNER, BACKEND_CV)
    for n in range(12):  # many other CVs, none naming Terraform
        feature.cvs.create(OWNER, {**copy.deepcopy(BACKEND_CV), "title": f"Copy {n}"})
    platform = feature.cvs.create(OWNER, PLATFORM_CV)
    job = feature.jobs.create(OWNER, POSTING.title, POSTING.company, POSTING.description)

    first = terraform(feature.matching.match(OWNER, main.id, job.id))
    assert not first.matched and first.shown_elsewhere
    assert [(e.cv_id, e.item_id) for e in first.evidence if e.cv_id != main.id] == [(platform.id, "skills-infra")]

    # The other CV drops Terraform: no longer shown elsewhere, and its old item is no longer evidence.
    platform = feature.cvs.update_item(OWNER, platform.id, platform.version, "skills-infra", {"keywords": ["Ansible"]})
    second = terraform(feature.matching.match(OWNER, main.id, job.id))
    assert not second.matched and not second.shown_elsewhere
    assert all(e.cv_id == main.id for e in second.evidence)

    # This CV gains Terraform in a hidden item: shown elsewhere, by that item.
    hidden = {"title": "Infra", "visible": False, "description": "Terraform modules for the team"}
    main = feature.cvs.add_item(OWNER, main.id, main.version, main.document.sections[3].id, hidden, None)
    third = terraform(feature.matching.match(OWNER, main.id, job.id))
    assert not third.matched and third.shown_elsewhere
    hidden_id = main.document.sections[3].items[-1].id
    assert [(e.cv_id, e.item_id) for e in third.evidence] == [(main.id, hidden_id)]

    # And shows it: met by its own words, the score higher than before.
    main = feature.cvs.update_item(OWNER, main.id, main.version, hidden_id, {"visible": True})
    fourth_match = feature.matching.match(OWNER, main.id, job.id)
    fourth = terraform(fourth_match)
    assert fourth.matched and fourth.matched_by == "words" and not fourth.shown_elsewhere
    assert fourth.evidence[0].item_id == hidden_id
