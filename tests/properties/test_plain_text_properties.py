"""The plain-text export of any valid CV holds every value the CV shows."""

from __future__ import annotations

from hypothesis import given, settings

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.rendering.plain_text import COMPACT_KINDS, link_label, shown_sections, to_plain_text
from cvmaker.domain.rich_text.plain import plain_line, plain_text
from tests.properties.strategies import cv_documents


def shown_values(document: CvDocument) -> list[str]:
    """Every text the CV shows: hidden sections and items are left out by design (`shown_sections`), and a
    compact row (skills, languages) shows "title: keywords", or the description when there are no keywords. The
    summary, descriptions and bullets are rich text: they show as their plain form (`domain/rich_text/plain.py`)."""
    basics = document.basics
    summary = plain_text(document.summary or "")
    values = [basics.name, basics.headline, basics.email, basics.phone, basics.location, summary]
    for link in basics.links:
        values += [link.label, link.url] if link.label else [link_label(link.url, None)]
    for section in shown_sections(document):
        values.append(section.title.upper())
        for item in section.items:
            if section.kind in COMPACT_KINDS:
                row = plain_text(item.description or "").replace("\n", "; ")
                values += [item.title, *item.keywords] if item.keywords else [item.title, row]
                continue
            values += [item.title, item.organization, item.location, item.url, plain_text(item.description or "")]
            values += [*map(plain_line, item.bullets), *item.keywords]
    return [value.strip() for value in values if value and value.strip()]


@settings(max_examples=80, deadline=None)
@given(cv_documents())
def test_the_text_export_holds_every_value_the_cv_shows(document: CvDocument) -> None:
    text = to_plain_text(document)

    missing = [value for value in shown_values(document) if value not in text]
    assert missing == []
