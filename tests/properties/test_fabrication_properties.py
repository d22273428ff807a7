"""The no-fabrication check never flags the source CV, nor text that states only the source's own facts."""

from __future__ import annotations

import copy

from hypothesis import example, given, settings

from cvmaker.domain.cv.model import CvDocument, Item, Section, SectionKind
from cvmaker.domain.matching.fabrication import document_problems, source_facts, text_problems
from cvmaker.domain.matching.vocabulary import shipped_vocabulary
from cvmaker.domain.rendering.plain_text import to_plain_text
from tests.properties.strategies import cv_documents

VOCABULARY = shipped_vocabulary()


def facts_only(document: CvDocument) -> CvDocument:
    """The CV without its contact details and addresses: the check refuses any link in free text by rule, and
    contact details are not facts a letter or summary restates (they are compared as a whole, not as text)."""
    facts = copy.deepcopy(document)
    facts.basics.email = facts.basics.phone = None
    facts.basics.links = []
    for section in facts.sections:
        for item in section.items:
            item.url = None
    return facts


@settings(max_examples=60, deadline=None)
@given(cv_documents())
def test_the_source_cv_is_never_a_fabrication_of_itself(document: CvDocument) -> None:
    assert document_problems(document, document, VOCABULARY) == []
    assert document_problems(document, copy.deepcopy(document), VOCABULARY) == []


def one_entry(item: Item) -> CvDocument:
    return CvDocument(sections=[Section("s", SectionKind.EXPERIENCE, "Experience", items=[item])])


@settings(max_examples=60, deadline=None)
@given(cv_documents())
# The CV's own dates as it shows them ("Jan 1950", "1950 – Present") were flagged: the source's facts held
# only "1950-01".
@example(one_entry(Item("i", end_date="1950-01")))
@example(one_entry(Item("i", start_date="1950", current=True)))
# A sentence break inside what the whole source reads as one token ("team.Improved") left its pieces unknown.
@example(one_entry(Item("i", title="foo.Bar baz", bullets=["Led the team.Improved it"])))
def test_the_text_of_the_cvs_own_facts_is_not_flagged(document: CvDocument) -> None:
    text = to_plain_text(facts_only(document))

    assert text_problems(text, source_facts(document, VOCABULARY), VOCABULARY) == []
