"""What reads CV text for meaning (matching, tailoring, letters, readability) reads it without rich-text markers,
and JSON Resume keeps the Markdown as typed both ways."""

from __future__ import annotations

import copy
from typing import Any

from cvmaker.domain.json_resume import from_json_resume, read_json_resume, to_json_resume
from cvmaker.domain.letters.language import letter_language
from cvmaker.domain.matching.cv_facts import passages, read_facts
from cvmaker.domain.matching.scoring import score_match
from cvmaker.domain.matching.tailoring import highlights
from cvmaker.domain.matching.vocabulary import shipped_vocabulary
from cvmaker.domain.readability.comparing import compare
from cvmaker.domain.readability.model import FieldStatus
from tests.matching.conftest import Feature
from tests.matching.documents import BACKEND_CV, POSTING, TODAY, document, job
from tests.rich_text.documents import BULLET, DESCRIPTION, SUMMARY, rich_cv

VOCABULARY = shipped_vocabulary()


def _with_rich_bullets() -> dict[str, Any]:
    data = copy.deepcopy(BACKEND_CV)
    role = data["sections"][0]["items"][0]
    role["bullets"] = [
        "Organised the team offsite",
        "Built **Python** services on [*Kubernetes*](https://kubernetes.io) serving 2M requests a day",
        "Cut **PostgreSQL** query time by 40%",
    ]
    data["summary"] = "Engineer who builds **reliable** services. I enjoy *mentoring* new colleagues."
    return data


def test_bolded_skills_are_matched_and_evidenced_without_markers(feature: Feature) -> None:
    posting = feature.jobs.create("user-a", POSTING.title, POSTING.company, POSTING.description)
    plain = feature.matching.match("user-a", feature.cvs.create("user-a", BACKEND_CV).id, posting.id)
    cv = feature.cvs.create("user-a", _with_rich_bullets())
    match = feature.matching.match("user-a", cv.id, posting.id)
    assert {"Python", "Kubernetes", "PostgreSQL"} <= set(match.matched)
    assert set(match.matched) == set(plain.matched) and match.score == plain.score
    kubernetes = next(r for r in match.requirements if r.requirement.text == "Kubernetes")
    assert kubernetes.evidence[0].item_id == "role-contoso"
    assert "Built Python services on Kubernetes serving 2M requests a day" in kubernetes.evidence[0].text
    evidence = [e.text for r in match.requirements for e in r.evidence]
    assert evidence and not any("*" in text or "__" in text or "](" in text for text in evidence)


def test_the_facts_matching_reads_have_no_markers() -> None:
    cv = document(_with_rich_bullets())
    assert not any("*" in p.text or "](" in p.text for p in passages(cv))
    match = score_match(job(), "cv-1", read_facts(cv, VOCABULARY, TODAY.date()), [], 0.5, {}, VOCABULARY)
    assert {"Python", "Kubernetes", "PostgreSQL"} <= set(match.matched)


def test_highlights_quoted_by_summaries_and_letters_have_no_markers() -> None:
    quoted = highlights(document(_with_rich_bullets()), lambda text: float("Python" in text))
    assert quoted[0] == "Built Python services on Kubernetes serving 2M requests a day"
    assert not any("*" in text for text in quoted)


def test_a_letter_language_reads_the_words_not_the_markers() -> None:
    cv = rich_cv()
    cv.summary = "**Krankenpfleger** mit *zehn Jahren* Erfahrung auf der Station und in der Pflege."
    assert letter_language(cv) in ("en", "de")  # decided by words; markers never count as text


def test_readability_compares_what_a_render_prints() -> None:
    written = rich_cv()
    read = copy.deepcopy(written)
    read.summary = "Nurse with ten years on acute wards. Calm under pressure. Trained <script>alert(1)</script> staff."
    item = read.sections[0].items[0]
    item.description = "Ran the night shift for St Mary's. • Led daily audits • Cut falls by 30%"
    item.bullets = ["Mentored twelve students from Bristol bad", *item.bullets[1:]]
    readings = {reading.path: reading for reading in compare(written, read)}
    assert readings["summary"].status is FieldStatus.READ
    assert readings["sections.0.items.0.bullets"].status is FieldStatus.READ


def test_json_resume_keeps_markdown_both_ways() -> None:
    exported = to_json_resume(rich_cv())
    assert exported["basics"]["summary"] == SUMMARY
    work = exported["work"][0]
    assert work["summary"] == DESCRIPTION and work["highlights"][0] == BULLET
    for imported in (from_json_resume(exported), read_json_resume(exported).document):
        assert imported.summary == SUMMARY
        assert imported.sections[0].items[0].description == DESCRIPTION
        assert imported.sections[0].items[0].bullets[0] == BULLET
