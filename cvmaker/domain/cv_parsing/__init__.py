"""Understanding a CV someone already has: positioned text lines (from a PDF or DOCX extractor) become a
`CvDocument`, with warnings for what could not be placed and the source of every field."""

from cvmaker.domain.cv_parsing.extracted import (
    ExtractedDocument,
    FileLimitExceeded,
    LinkTarget,
    Span,
    TextLine,
    UnsupportedFile,
)
from cvmaker.domain.cv_parsing.parser import ParsedCv, parse_cv

__all__ = [
    "ExtractedDocument",
    "FileLimitExceeded",
    "LinkTarget",
    "ParsedCv",
    "Span",
    "TextLine",
    "UnsupportedFile",
    "parse_cv",
]
