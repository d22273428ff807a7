"""The no-fabrication check: a tailored CV or letter may only state what the source CV states."""

from __future__ import annotations

import copy

import pytest

from cvmaker.domain.cv.model import Item
from cvmaker.domain.matching.fabrication import document_problems, source_facts, text_problems
from cvmaker.domain.matching.vocabulary import shipped_vocabulary
from tests.matching.documents import document

VOCABULARY = shipped_vocabulary()
SOURCE = document()
FACTS = source_facts(SOURCE, VOCABULARY)


def problems(text: str) -> list[str]:
    return text_problems(text, FACTS, VOCABULARY)


def test_a_restatement_of_the_cv_passes() -> None:
    assert (
        problems(
            "Backend Engineer with experience in Python, Kubernetes and PostgreSQL. "
            "Built Python services on Kubernetes serving 2M requests a day at Contoso."
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Backend Engineer who was VP at Google.", "'Google'"),
        ("Backend Engineer at Initrode since 2019.", "'Initrode'"),
        ("Backend Engineer with a PhD in Computer Science.", "doctorate"),
        ("Cut PostgreSQL query time by 75%.", "75"),
        ("Backend Engineer since 2010.", "2010"),
        ("Backend Engineer skilled in Terraform.", "Terraform"),
        ("Backend Engineer and Director of Engineering.", "'Director'"),
        ("Experienced lead of the platform team.", "'lead'"),
        ("Backend Engineer <img src=http://169.254.169.254/>", "markup"),
    ],
    ids=["employer", "unknown-company", "degree", "metric", "date", "skill", "title", "rank-word", "markup"],
)
def test_a_new_fact_is_caught(text: str, named: str) -> None:
    found = problems(text)
    assert found, text
    assert any(named in p for p in found), found


def test_a_letter_may_name_the_job_and_company() -> None:
    letter = "Dear Hiring Manager,\n\nI am applying for the Senior Backend Engineer role at Initech.\n\nAda Lovelace"
    assert (
        text_problems(
            letter, FACTS, VOCABULARY, also_allowed=["Senior Backend Engineer", "Initech", "Dear Hiring Manager"]
        )
        == []
    )
    assert text_problems(letter, FACTS, VOCABULARY) != []


def test_rearranging_and_hiding_passes_the_document_check() -> None:
    tailored = copy.deepcopy(SOURCE)
    role = tailored.sections[0].items[0]
    role.bullets.reverse()
    tailored.sections[2].items.reverse()
    tailored.sections[3].items[0].visible = False
    tailored.summary = "Backend Engineer with experience in Python and Kubernetes."
    assert document_problems(tailored, SOURCE, VOCABULARY) == []


def test_an_added_employer_is_caught_in_the_document() -> None:
    tailored = copy.deepcopy(SOURCE)
    tailored.sections[0].items.insert(
        0, Item(id="new", title="VP Engineering", organization="Google", start_date="2010", end_date="2020")
    )
    assert any("not in your CV" in p for p in document_problems(tailored, SOURCE, VOCABULARY))


@pytest.mark.parametrize("change", ["title", "organization", "start_date", "keywords", "bullet", "degree"])
def test_changed_facts_of_an_item_are_caught(change: str) -> None:
    tailored = copy.deepcopy(SOURCE)
    role = tailored.sections[0].items[0]
    if change == "title":
        role.title = "Head of Engineering"
    elif change == "organization":
        role.organization = "Google"
    elif change == "start_date":
        role.start_date = "2012-01"
    elif change == "keywords":
        tailored.sections[2].items[0].keywords.append("Terraform")
    elif change == "bullet":
        role.bullets[1] = "Built Python services serving 9M requests a day"
    else:
        tailored.sections[1].items[0].title = "MSc Computer Science"
    assert document_problems(tailored, SOURCE, VOCABULARY) != []


def test_the_pronoun_i_is_never_taken_for_a_name() -> None:
    letter = (
        "Dear hiring team, in my role as engineer I built services, and I've learned that I'm at my best "
        "where I can own the work."
    )
    assert text_problems(letter, FACTS, VOCABULARY) == []
