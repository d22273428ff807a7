"""Our own exports must be perfectly readable by machines: every template's PDF, and the DOCX export, re-import
to the CV they were made from (name, contact, every entry's employer, title and dates, every skill)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import InProcessRenderer
from cvmaker.domain.cv.model import CvDocument, Design, SectionKind
from cvmaker.domain.cv.samples import arabic_cv, chinese_cv, hebrew_cv, japanese_cv, long_cv, short_cv
from cvmaker.services.imports import CvFileReader

ENTRY_KINDS = (SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.VOLUNTEER)


def _as_printed(url: str) -> str:
    """A link as a reader sees it printed: "linkedin.com/in/jane". The scheme, a leading "www." and a trailing
    slash are not printed (the DOCX export shows the label as plain text, without a hyperlink behind it), so
    a machine reading the visible text cannot know them, and they change nothing a reader would see."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip(), flags=re.IGNORECASE).rstrip("/")


def facts(document: CvDocument) -> dict[str, Any]:
    """What a machine reading the CV must get back exactly."""
    basics = document.basics
    entries = sorted(
        (item.organization or "", item.title or "", item.start_date or "", item.end_date or "", item.current)
        for section in document.sections
        if section.kind in ENTRY_KINDS and section.visible
        for item in section.items
        if item.visible
    )
    skills = sorted(
        keyword.casefold()
        for section in document.sections
        if section.kind is SectionKind.SKILLS and section.visible
        for item in section.items
        if item.visible
        for keyword in item.keywords
    )
    return {
        "name": basics.name,
        "email": basics.email,
        "phone": basics.phone,
        "location": basics.location,
        "links": sorted(_as_printed(link.url) for link in basics.links),
        "entries": entries,
        "skills": skills,
    }


LISTED_KINDS = (
    SectionKind.PROJECTS,
    SectionKind.CERTIFICATIONS,
    SectionKind.AWARDS,
    SectionKind.PUBLICATIONS,
    SectionKind.LANGUAGES,
)


def the_rest(document: CvDocument) -> dict[str, Any]:
    """Beyond the facts a machine must get: the headline and summary, every section with as many items, and
    each project, certificate, award, talk and language by its name, issuer or level, link and dates. (Not the
    free text of descriptions: a word broken at a hyphen at the end of a line, "exactly-" / "once", reads the
    same as a word hyphenated there, "deploy-" / "ment", and a machine can only guess which it is.)"""
    shown = [section for section in document.sections if section.visible]
    return {
        "headline": document.basics.headline,
        "summary": " ".join((document.summary or "").split()),
        "sections": sorted((section.kind, sum(item.visible for item in section.items)) for section in shown),
        "listed": sorted(
            (
                section.kind,
                item.title or "",
                (item.description if section.kind is SectionKind.LANGUAGES else item.organization) or "",
                _as_printed(item.url or ""),
                item.start_date or "",
                item.end_date or "",
            )
            for section in shown
            if section.kind in LISTED_KINDS
            for item in section.items
            if item.visible
        ),
    }


@pytest.fixture(scope="module")
def importer() -> CvFileReader:
    return CvFileReader(InProcessExtractor())


@pytest.fixture(scope="module")
def renderer() -> Iterator[InProcessRenderer]:
    yield InProcessRenderer()


@pytest.mark.parametrize("sample", [short_cv, long_cv], ids=["short", "long"])
@pytest.mark.parametrize("template", REGISTRY.names())
def test_every_templates_pdf_reimports_to_the_same_cv(
    template: str, sample: Any, importer: CvFileReader, renderer: InProcessRenderer
) -> None:
    document = sample(template)
    info = REGISTRY.get(template)
    pdf = renderer.render(REGISTRY.html(document), str(info.asset_dir))
    imported = importer.parse(pdf.data, f"{template}.pdf").document
    assert facts(imported) == facts(document)
    assert the_rest(imported) == the_rest(document)


@pytest.mark.parametrize("sample", [short_cv, long_cv], ids=["short", "long"])
def test_the_docx_export_reimports_to_the_same_cv(sample: Any, importer: CvFileReader) -> None:
    document = sample("classic")
    data = PythonDocxWriter().write(document, Design())
    imported = importer.parse(data, "cv.docx").document
    assert facts(imported) == facts(document)
    assert the_rest(imported) == the_rest(document)


@pytest.mark.parametrize(
    "sample", [arabic_cv, hebrew_cv, chinese_cv, japanese_cv], ids=["arabic", "hebrew", "chinese", "japanese"]
)
@pytest.mark.parametrize("template", REGISTRY.names())
def test_right_to_left_and_cjk_cvs_reimport_to_the_same_cv(
    template: str, sample: Any, importer: CvFileReader, renderer: InProcessRenderer
) -> None:
    document = sample(template)
    info = REGISTRY.get(template)
    pdf = renderer.render(REGISTRY.html(document), str(info.asset_dir))
    imported = importer.parse(pdf.data, f"{template}.pdf").document
    assert facts(imported) == facts(document)
    # A sidebar template shows its sections in two columns: their order on the page is not one reading order.
    assert sorted(s.kind for s in imported.sections) == sorted(s.kind for s in document.sections)
