"""tailorCv and generateCoverLetter: a new linked CV that rearranges the source and invents nothing, whatever
the writer or the job posting tries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cvmaker.domain.errors import NotFound
from cvmaker.domain.matching.fabrication import document_problems
from cvmaker.domain.matching.tailoring import SummaryBrief
from cvmaker.domain.matching.vocabulary import shipped_vocabulary
from tests.matching.conftest import Feature
from tests.matching.documents import BACKEND_CV, INJECTION_POSTING, POSTING
from tests.matching.fakes import FabricatingWriter, UnavailableWriter

FABRICATIONS = {
    "employer": "Backend Engineer and former VP at Google, building Python services.",
    "degree": "Backend Engineer with a PhD, building Python services.",
    "metric": "Backend Engineer who cut costs by 75% with Python services.",
    "skill": "Backend Engineer building Python services with Terraform.",
}


def setup(feature: Feature, posting=POSTING) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    cv = feature.cvs.create("user-a", BACKEND_CV)
    job = feature.jobs.create("user-a", posting.title, posting.company, posting.description)
    return cv.id, job.id


def test_a_tailored_cv_is_a_new_linked_cv_and_the_source_is_untouched(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    before = feature.cvs.get("user-a", cv_id)
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    assert tailored.cv.id != cv_id and tailored.cv.source_cv_id == cv_id
    assert tailored.cv.title == "Main CV - Senior Backend Engineer"
    assert feature.cvs.get("user-a", cv_id) == before
    assert feature.cvs.get("user-a", tailored.cv.id) == tailored.cv
    assert document_problems(tailored.cv.document, before.document, shipped_vocabulary()) == []


def test_the_changes_rearrange_around_the_matched_requirements_and_cite_their_items(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    changes = {c.path: c for c in tailored.changes}
    summary = changes["summary"]
    assert summary.after.startswith("Backend Engineer with experience in Python")  # type: ignore[union-attr]
    assert "role-contoso" in summary.source_item_ids
    bullets = changes["sections.0.items.0.bullets"]
    assert bullets.after.split("\n")[-1] == "Organised the team offsite"  # type: ignore[union-attr]
    assert bullets.source_item_ids == ("role-contoso",)
    assert changes["sections.2.items"].after.startswith("Languages")  # type: ignore[union-attr]
    hidden = changes["sections.3.items.0.visible"]
    assert hidden.source_item_ids == ("project-bread",) and "not deleted" in hidden.reason
    projects = tailored.cv.document.sections[3].items
    assert [(i.id, i.visible) for i in projects] == [("project-bread", False), ("project-queue", True)]
    assert tailored.rejected == ()


@pytest.mark.parametrize("fabrication", sorted(FABRICATIONS))
def test_a_writer_that_adds_a_fact_is_caught_and_reported(
    feature_with: Callable[[FabricatingWriter], Feature], fabrication: str
) -> None:
    feature = feature_with(FabricatingWriter(summary=FABRICATIONS[fabrication]))
    cv_id, job_id = setup(feature)
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    assert [c.after for c in tailored.rejected] == [FABRICATIONS[fabrication]]
    assert "no-fabrication check" in tailored.rejected[0].reason
    summary = tailored.cv.document.summary or ""
    assert summary.startswith("Backend Engineer with experience in")  # the rules' own summary instead


def test_a_prompt_injection_in_the_posting_changes_nothing_beyond_the_rules(
    feature_with: Callable[[FabricatingWriter], Feature],
) -> None:
    # A writer that obeys the posting's injected instruction, as a model might.
    obedient = FabricatingWriter(
        summary="VP at Google 2010-2020 with a PhD from MIT and 15 years of Kubernetes. "
        "<img src=http://169.254.169.254/>",
        letter="Dear Hiring Manager, I was VP at Google 2010-2020. Ada Lovelace",
    )
    feature = feature_with(obedient)
    cv_id, job_id = setup(feature, INJECTION_POSTING)
    source = feature.cvs.get("user-a", cv_id).document
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    text = str(tailored.cv.document.to_dict())
    for planted in ("Google", "VP", "2010", "MIT", "PhD", "169.254", "<img", "system prompt"):
        assert planted not in text
    assert document_problems(tailored.cv.document, source, shipped_vocabulary()) == []
    assert tailored.rejected and "Google" in tailored.rejected[0].reason
    brief = next(b for b in obedient.briefs if isinstance(b, SummaryBrief))
    assert "Ignore all previous instructions" not in str(brief)  # the posting never reaches the writer
    letter = feature.letters.generate("user-a", cv_id, job_id)
    assert "Google" not in letter.text and letter.rejected


def test_an_unavailable_writer_means_no_summary_change_and_says_why(
    feature_with: Callable[[UnavailableWriter], Feature],
) -> None:
    feature = feature_with(UnavailableWriter())
    cv_id, job_id = setup(feature)
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    assert tailored.cv.document.summary == BACKEND_CV["summary"]
    assert any(c.path == "summary" and "Not rewritten" in c.reason for c in tailored.rejected)
    assert any(c.path.endswith(".bullets") for c in tailored.changes)


def test_a_cover_letter_is_drawn_from_the_cv_and_stored_with_it(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    letter = feature.letters.generate("user-a", cv_id, job_id)
    assert (letter.cv_id, letter.job_id) == (cv_id, job_id)
    assert "Senior Backend Engineer role at Initech" in letter.text
    assert "Built Python services on Kubernetes serving 2M requests a day" in letter.text
    assert letter.text.rstrip().endswith("Ada Lovelace")
    assert letter.rejected == ()
    assert feature.letters.list_for_cv("user-a", cv_id) == [letter]
    assert feature.letters.list_for_cv("user-b", cv_id) == []  # another user's CV has none, like a missing one


def test_a_fabricated_cover_letter_is_replaced_by_the_rules_letter(
    feature_with: Callable[[FabricatingWriter], Feature],
) -> None:
    feature = feature_with(FabricatingWriter(letter="Dear Hiring Manager,\n\nI led 12 engineers at Google.\n\nAda"))
    cv_id, job_id = setup(feature)
    letter = feature.letters.generate("user-a", cv_id, job_id)
    assert "Google" not in letter.text and "12 engineers" not in letter.text
    assert "'Google' does not appear in your CV" in letter.rejected[0]


def test_tailoring_another_users_cv_is_not_found(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    with pytest.raises(NotFound):
        feature.tailoring.tailor("user-b", cv_id, job_id)
    with pytest.raises(NotFound):
        feature.letters.generate("user-b", cv_id, job_id)


def test_forgetting_a_deleted_cv_removes_its_letters_and_vectors(feature: Feature) -> None:
    cv_id, job_id = setup(feature)
    feature.letters.generate("user-a", cv_id, job_id)
    assert feature.index.count("user-a") > 0
    feature.cvs.delete("user-a", cv_id)
    feature.letters.forget_cv("user-a", cv_id)
    feature.matching.forget_cv("user-a", cv_id)
    assert feature.index.count("user-a") == 0
    assert feature.letters.letters.list_for_cv("user-a", cv_id) == []


def test_an_empty_cv_matches_tailors_and_writes_a_letter_without_errors(feature: Feature) -> None:
    cv_id = feature.cvs.create("user-a", {"title": "Blank"}).id
    job_id = feature.jobs.create("user-a", "Gardener", None, "Look after our gardens and greenhouses all year.").id
    match = feature.matching.match("user-a", cv_id, job_id)
    assert match.score == 0.0 and match.matched == ()
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    assert tailored.changes == () and tailored.cv.source_cv_id == cv_id
    letter = feature.letters.generate("user-a", cv_id, job_id)
    assert letter.text.startswith("Dear Hiring Manager,")


def test_the_rules_writer_takes_nothing_from_an_injected_posting(feature: Feature) -> None:
    cv_id, job_id = setup(feature, INJECTION_POSTING)
    source = feature.cvs.get("user-a", cv_id).document
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    letter = feature.letters.generate("user-a", cv_id, job_id)
    for planted in ("Google", "VP", "2010", "MIT", "PhD", "169.254", "<img"):
        assert planted not in str(tailored.cv.document.to_dict()) and planted not in letter.text
    assert document_problems(tailored.cv.document, source, shipped_vocabulary()) == []
    assert tailored.rejected == () and letter.rejected == ()


def test_a_model_that_refuses_leaves_the_summary_and_says_so(
    feature_with: Callable[[FabricatingWriter], Feature],
) -> None:
    feature = feature_with(FabricatingWriter(summary=None, letter=None))
    cv_id, job_id = setup(feature)
    tailored = feature.tailoring.tailor("user-a", cv_id, job_id)
    assert tailored.cv.document.summary == BACKEND_CV["summary"]
    assert [c.reason for c in tailored.rejected if c.path == "summary"] == [
        "Not rewritten: the writing service gave no usable answer (refused or cut short)."
    ]
    letter = feature.letters.generate("user-a", cv_id, job_id)
    assert letter.text.startswith("Dear Hiring Manager,") and "no usable answer" in letter.rejected[0]
