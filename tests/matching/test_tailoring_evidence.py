"""Tailoring never hides an item that evidences a requirement (issue 14: a nurse's "Basic Life Support (BLS) &
ACLS" certificate was hidden as showing "none of the job's requirements"), and matching finds requirements by
meaning at the threshold `cvmaker.domain.matching.meaning` sets."""

from __future__ import annotations

from typing import Any

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.matching.cv_facts import passages, read_facts
from cvmaker.domain.matching.jobs import Job, Requirement, RequirementKind
from cvmaker.domain.matching.meaning import pieces, shown_by_meaning
from cvmaker.domain.matching.scoring import score_match
from cvmaker.domain.matching.tailoring import brief_for_summary, plan_tailoring
from cvmaker.domain.matching.vocabulary import shipped_vocabulary
from cvmaker.services.matching import cosine, embedded_texts
from tests.matching.conftest import Feature
from tests.matching.documents import TODAY, document

VOCABULARY = shipped_vocabulary()

NURSE_CV: dict[str, Any] = {
    "title": "Nurse CV",
    "basics": {"name": "Rosa Díaz", "headline": "Registered Nurse"},
    "summary": "Ward nurse on a busy medical unit.",
    "sections": [
        {
            "kind": "EXPERIENCE",
            "items": [
                {
                    "id": "role-ward",
                    "title": "Staff Nurse",
                    "organization": "St Mary's Hospital",
                    "startDate": "2019-04",
                    "current": True,
                    "bullets": [
                        "Administered intravenous medication and maintained peripheral lines",
                        "Dressed pressure ulcers and surgical wounds",
                    ],
                }
            ],
        },
        {
            "kind": "CERTIFICATIONS",
            "items": [
                {"id": "cert-bls", "title": "Basic Life Support (BLS) & ACLS", "organization": "AHA"},
                {"id": "cert-food", "title": "Food Hygiene Level 2", "organization": "Highfield"},
                {"id": "cert-boat", "title": "Powerboat Level 2", "organization": "RYA"},
            ],
        },
    ],
}


def nurse_job(*texts: str) -> Job:
    requirements = tuple(Requirement(t, RequirementKind.HARD_SKILL, True) for t in texts)
    return Job("01JOB0000000000000000000NN", "user-a", "Registered Nurse", None, "A posting.", requirements, TODAY)


def tailored(source: CvDocument, job: Job, similarity: dict[str, float]) -> CvDocument:
    facts = read_facts(source, VOCABULARY, TODAY.date())
    match = score_match(job, "cv-1", facts, [], 0.5, {}, VOCABULARY)
    brief = brief_for_summary(source, job, match, [])
    return plan_tailoring(source, job, match, VOCABULARY, similarity, brief, None).document


def visible(doc: CvDocument) -> set[str]:
    return {i.id for s in doc.sections for i in s.items if i.visible}


def test_a_certificate_named_by_its_abbreviation_is_never_hidden() -> None:
    source = document(NURSE_CV)
    # The certificate is far in meaning from the job by the numbers (as short certificate names are): only
    # naming the requirement keeps it; the unrelated certificates still get hidden.
    similarity = {"cert-bls": 0.05, "cert-food": 0.4, "cert-boat": 0.1}
    for wording in ("BLS certification", "Basic Life Support (BLS)", "ACLS", "Advanced Cardiac Life Support (ACLS)"):
        shown = visible(tailored(source, nurse_job(wording, "Wound care"), similarity))
        assert "cert-bls" in shown, wording
        assert "cert-boat" not in shown, wording


def test_an_item_evidencing_a_missing_requirement_is_kept_too() -> None:
    # "BLS recertification" is not met by the words the CV uses, but the certificate still names BLS.
    source = document(NURSE_CV)
    shown = visible(tailored(source, nurse_job("BLS", "Phlebotomy"), {"cert-bls": 0.0, "cert-food": 0.5}))
    assert "cert-bls" in shown


def test_requirements_are_matched_by_meaning_exactly_at_the_threshold(feature: Feature) -> None:
    cv = feature.cvs.create("user-a", NURSE_CV)
    job = feature.jobs.create("user-a", "Registered Nurse", None, "We need a nurse for our ward. " * 3)
    # The reader's requirements are replaced by explicit ones, so this holds whichever reader runs.
    wanted = ("intravenous lines", "pressure wounds", "Phlebotomy", "Spanish")
    explicit = Job(
        job.id,
        job.owner,
        job.title,
        None,
        job.description,
        tuple(Requirement(t, RequirementKind.HARD_SKILL, True) for t in wanted),
        job.created_at,
    )
    feature.matching.jobs.get = lambda owner, job_id: explicit  # type: ignore[method-assign]
    match = feature.matching.match("user-a", cv.id, job.id)
    found = pieces(passages(cv.document))
    vectors = feature.embedder.embed([p.text for p in found])
    for judged in match.requirements:
        query = feature.embedder.embed([judged.requirement.text])[0]
        best = max(range(len(found)), key=lambda i: cosine(query, vectors[i]))
        expected = shown_by_meaning(cosine(query, vectors[best]), feature.embedder.similarity_range)
        assert judged.matched == expected, judged.requirement.text
        if expected:
            assert judged.matched_by == "meaning"
            assert judged.evidence[0].text == found[best].text
            assert judged.evidence[0].item_id == found[best].passage.item_id
    assert {r.requirement.text for r in match.requirements if r.matched} >= {"intravenous lines", "pressure wounds"}
    assert "Spanish" in match.missing
    # Every text embedded for this CV and job, the sentences matched by meaning included, is one an account's
    # deletion forgets.
    assert set(feature.embedder.texts) <= set(embedded_texts([cv.document], [explicit]))


def test_jobs_held_at_the_same_cap_rank_by_their_score_before_it(feature: Feature) -> None:
    cv = feature.cvs.create("user-a", NURSE_CV)
    near = feature.jobs.create("user-a", "Registered Nurse", None, "Ward nurse giving intravenous medication. " * 2)
    far = feature.jobs.create("user-a", "Pastry Chef", None, "Laminated dough and plated desserts daily. " * 2)
    # Both held at the weak ceiling; the newer job would win the tie, were the score before the cap not asked.
    before_cap = {near.id: (34.9, 0.52), far.id: (34.9, 0.41)}
    feature.matching._quick_score = lambda prepared, job: before_cap[job.id]  # type: ignore[method-assign]
    ranked = feature.matching.rank_jobs("user-a", cv.id)
    assert [r.job.id for r in ranked] == [near.id, far.id]
    assert [r.score for r in ranked] == [34.9, 34.9]
