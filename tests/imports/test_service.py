"""The import service: a valid document every time, values the model refuses turned into warnings."""

from __future__ import annotations

from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.parsing import ExtractedDocument, LinkTarget, Span, TextLine
from cvmaker.services.imports import CvFileReader


class FixedExtractor:
    """Returns the lines it was given, whatever the bytes: the service's own rules are the subject here."""

    def __init__(self, *texts: str, links: tuple[LinkTarget, ...] = ()) -> None:
        self.links = list(links)
        self.lines = [
            TextLine(
                spans=(Span(text, size=20.0 if n == 0 else 10.0),),
                size=20.0 if n == 0 else 10.0,
                top=float(n * 12),
                bottom=float(n * 12 + 10),
            )
            for n, text in enumerate(texts)
        ]

    def extract(self, data: bytes) -> ExtractedDocument:
        return ExtractedDocument(kind="pdf", pages=1, lines=list(self.lines), links=list(self.links))


def test_the_result_always_validates() -> None:
    service = CvFileReader(
        FixedExtractor(
            "Ada Lovelace",
            "ada@example.com",
            "EXPERIENCE",
            "Analyst, Babbage & Co",
            "2010 – 2012",
            "• Wrote the first program",
        )
    )
    result = service.parse(b"%PDF-1.7 anything", "ada.pdf")
    validate_document(result.document.to_dict())
    assert result.document.title == "Ada Lovelace (imported)"
    assert result.file_kind == "pdf"


def test_a_cv_without_a_name_is_titled_after_its_file_and_says_so() -> None:
    service = CvFileReader(FixedExtractor("EXPERIENCE", "Analyst, Babbage & Co", "2010 – 2012"))
    result = service.parse(b"%PDF-1.7 anything", "my cv 2024.pdf")
    assert result.document.title == "my cv 2024"
    assert ("No name was found at the top of the CV", "") in result.warnings


def test_a_value_the_model_refuses_becomes_a_warning() -> None:
    broken = LinkTarget("https://example.com/my portfolio", "Portfolio")  # a space: not a URL the model holds
    service = CvFileReader(FixedExtractor("Ada Lovelace", "ada@example.com | Portfolio", links=(broken,)))
    result = service.parse(b"%PDF-1.7 anything", "ada.pdf")
    assert result.document.basics.links == []
    assert result.document.basics.email == "ada@example.com"
    assert any(
        message.startswith("Left out basics.links.0") and "my portfolio" in text for message, text in result.warnings
    )
