"""What a share page says beside the rendered pages: the preview's title and first sentence, and the text for
screen readers, with contact details only when the owner chose to show them."""

from __future__ import annotations

from cvmaker.domain.cv.model import Basics, CvDocument, Item, Link, Section, SectionKind
from cvmaker.domain.shares.public import cv_view, first_sentence, letter_view

DOCUMENT = CvDocument(
    basics=Basics(
        name="Amelia Hartley",
        headline="Data Analyst",
        email="amelia@example.com",
        phone="+44 7700 900123",
        location="Bristol",
        links=[Link(url="https://linkedin.com/in/amelia", label="LinkedIn")],
    ),
    summary="Analyst who turns data into decisions. Eight years in energy.",
    sections=[
        Section(
            id="s1",
            kind=SectionKind.CUSTOM,
            title="References",
            items=[Item(id="i1", title="Dr Jo Bloggs", description="jo.bloggs@uni.ac.uk, see www.uni.ac.uk/jo")],
        )
    ],
)


def test_without_contacts_the_text_and_preview_hold_none() -> None:
    view = cv_view(DOCUMENT, show_contacts=False)
    assert view.title == "Amelia Hartley, Data Analyst"
    assert view.description == "Analyst who turns data into decisions."
    for contact in ("amelia@example.com", "7700", "Bristol", "linkedin.com", "jo.bloggs@uni.ac.uk", "www.uni"):
        assert contact not in view.text, contact
    assert "Dr Jo Bloggs" in view.text and "Eight years in energy." in view.text


def test_with_contacts_they_are_all_there() -> None:
    view = cv_view(DOCUMENT, show_contacts=True)
    for contact in ("amelia@example.com", "+44 7700 900123", "Bristol", "jo.bloggs@uni.ac.uk"):
        assert contact in view.text, contact


def test_a_letter_page_hides_the_letterhead_contacts_in_its_text() -> None:
    letter = "Dear team,\n\nReach me at amelia@example.com or +44 7700 900123.\n\nAmelia"
    view = letter_view(DOCUMENT, letter, show_contacts=False)
    assert (
        view.title == "Amelia Hartley: cover letter"
        and view.description == "Dear team, Reach me at [email hidden] or [hidden]."
    )
    assert "amelia@example.com" not in view.text and "7700" not in view.text


def test_first_sentence_is_short_and_whole() -> None:
    assert first_sentence("One. Two.") == "One."
    assert first_sentence(None) == ""
    assert first_sentence("word " * 100).endswith("…") and len(first_sentence("word " * 100)) <= 200
