"""A valid CV exported to Word and read back by our own importer keeps every entry and bullet it showed."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.domain.cv.model import DEFAULT_SECTION_TITLES, CvDocument, Item, Section, SectionKind
from cvmaker.domain.errors import UnsupportedFile
from cvmaker.domain.parsing.text import clean, strip_bullet
from cvmaker.domain.rendering.plain_text import COMPACT_KINDS, shown_sections, to_plain_text
from cvmaker.domain.rich_text.plain import shown_line
from cvmaker.services.imports import CvFileReader
from tests.properties.strategies import cv_documents

# The importer reads an entry's heading with the separators CVs use ("Engineer, Acme", "Engineer - Acme",
# "Engineer | Acme", "Engineer at Acme") and a line break as the start of another line, so where a value holds
# such a separator it may come back cut into two fields, or with the separator left out. What must come back is
# its text: every word of it, wherever it lands in the imported CV.
SEPARATORS = re.compile(r"[\s,;:|/\\\-\u2010-\u2015\u00b7\u2022()\[\]{}<>\"'«»„“”.!?…*_~^$#&+%@]+")


def words(text: str) -> set[str]:
    """The words of `text`. A piece with neither letter nor digit (a lone "✓" or emoji) is not one: the importer
    takes a line of symbols alone for decoration."""
    return {word for word in SEPARATORS.split(text) if re.search(r"[^\W_]", word)}


def strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, child in value.items() if key != "id" for text in strings_in(child)]
    if isinstance(value, list):
        return [text for child in value for text in strings_in(child)]
    return []


def entry_texts(document: CvDocument) -> list[str]:
    """Titles, organisations and bullets the Word file shows. Hidden parts are not exported, and a compact row
    (skills, languages) shows only "title: keywords" (`docx_writer._Builder.row`). Bullets are rich text: the file
    shows them without markers, a link as its text (its address is in the hyperlink)."""
    texts: list[str | None] = []
    for section in shown_sections(document):
        for item in section.items:
            if section.kind in COMPACT_KINDS:
                texts.append(item.title)
            else:
                texts += [item.title, item.organization, *map(shown_line, item.bullets)]
    # A line that starts with a list marker ("- ", "1. ", "o ", "[1]", "•") reads back as a bullet without it.
    lines = [line for text in texts if text for line in re.split(r"[\n\r\x0b\x0c\u2028\u2029]", text)]
    return [strip_bullet(clean(line))[0] for line in lines if words(strip_bullet(clean(line))[0])]


def in_a_word_file(document: CvDocument) -> CvDocument:
    """The text as a Word file holds it: XML has no place for most control characters (the writer drops them)."""
    data = document.to_dict()
    for section in data["sections"]:
        for item in section["items"]:
            for key in ("title", "organization"):
                if item[key]:
                    item[key] = re.sub(r"[\x00-\x08\x0e-\x1f]", "", item[key])
            item["bullets"] = [re.sub(r"[\x00-\x08\x0e-\x1f]", "", bullet) for bullet in item["bullets"]]
    return CvDocument.from_dict(data)


def with_known_headings(document: CvDocument) -> CvDocument:
    """The document with each section under its default title. The importer finds sections by their heading's
    words (parsing/headings.py), not by the Word heading style our writer gives them, so a section titled
    anything else ("A", "Talks") is not found and its entries are read as text at the top of the CV (reported
    in the import's warnings, not kept in the document). A known limit of the Word round trip."""
    for section in document.sections:
        section.title = DEFAULT_SECTION_TITLES[section.kind]
    return document


def one_entry(item: Item) -> CvDocument:
    return CvDocument(sections=[Section("s", SectionKind.EXPERIENCE, "Experience", items=[item])])


@settings(max_examples=12, deadline=None)
@given(cv_documents(max_sections=4, max_items=2).map(with_known_headings))
# Control characters (a vertical tab from a word processor, a NUL) made python-docx raise: now dropped or, for
# Word's own line and page breaks, written as line breaks.
@example(one_entry(Item("i", title="Engineer\x0bLead", organization="Acme\x00", bullets=["Shipped\x0cit\x1f"])))
def test_a_word_export_reads_back_with_every_entry_and_bullet(document: CvDocument) -> None:
    data = PythonDocxWriter().write(document, document.design)

    try:
        imported = CvFileReader(InProcessExtractor()).parse(data, "cv.docx")
    except UnsupportedFile as refused:
        # Only a CV with nothing to read (no name, no text, or only blanks and symbols) is refused.
        assert (refused.reason, words(to_plain_text(document))) == ("no_text", set())
        return

    found = words(" ".join(strings_in(imported.document.to_dict())))
    missing = {text: words(text) - found for text in entry_texts(in_a_word_file(document)) if words(text) - found}
    assert missing == {}
