"""Import a CV someone already has (PDF or Word) as an editable CV document.

The bytes are read by a `DocumentExtractor` chosen by the composition root: in the server, one that runs the
extraction in a worker process under a time and memory limit (`cvmaker.adapters.extraction.sniffing.
IsolatedExtractor`), so a hostile file costs a worker, never the server. Understanding the text is pure domain
code. Nothing here stores anything: the caller decides what to keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.parsing import ExtractedDocument, FileLimitExceeded, UnsupportedFile, parse_cv
from cvmaker.domain.errors import InvalidInput, LimitExceeded
from cvmaker.domain.limits import MAX_UPLOAD_BYTES
from cvmaker.domain.cv.validation import validate_document

__all__ = [
    "DocumentExtractor",
    "FileLimitExceeded",
    "ImportResult",
    "ImportService",
    "LimitExceeded",
    "MAX_UPLOAD_BYTES",
    "UnsupportedFile",
]


class DocumentExtractor(Protocol):
    def extract(self, data: bytes) -> ExtractedDocument:
        """Positioned text of a PDF or DOCX in reading order. Raise `UnsupportedFile` (wrong type, damaged,
        encrypted, no text layer) or `FileLimitExceeded` (size, pages, time, memory)."""
        ...


@dataclass(frozen=True)
class ImportResult:
    document: CvDocument
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (what happened, the text concerned)
    sources: dict[str, str] = field(default_factory=dict)  # field path -> where in the file it came from
    file_kind: str = ""  # "pdf" or "docx", as sniffed from the bytes
    pages: int = 0


class ImportService:
    def __init__(self, extractor: DocumentExtractor, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
        self.extractor = extractor
        self.max_bytes = max_bytes
        # The extractor's worker pool, if it has one: the composition root stops it when the server stops.
        self.pool = getattr(extractor, "pool", None)

    def parse(self, data: bytes, filename: str) -> ImportResult:
        """Read `data` into a new, valid CV document without storing it. `filename` only names the CV when
        the file shows no name; the type is judged from the bytes."""
        if not data:
            raise UnsupportedFile("The file is empty.", "empty")
        if len(data) > self.max_bytes:
            raise FileLimitExceeded(
                f"The file is larger than {self.max_bytes // (1024 * 1024)} MB; a CV is much smaller.", "bytes"
            )
        extracted = self.extractor.extract(data)
        if not any(line.text.strip() for line in extracted.lines):
            raise UnsupportedFile("No text could be read from this file.", "no_text")
        parsed = parse_cv(extracted)
        document = parsed.document
        warnings = list(parsed.warnings)
        if not document.basics.name:
            stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", filename or "").strip()
            document.title = (stem or "Imported CV")[:200]
            warnings.append(("No name was found at the top of the CV", ""))
        document = _valid(document, warnings)
        return ImportResult(document, warnings, dict(parsed.sources), extracted.kind, extracted.pages)


def _valid(document: CvDocument, warnings: list[tuple[str, str]]) -> CvDocument:
    """The document, with any value the model refuses (an odd phone number, a date out of order) moved into a
    warning rather than failing the import. (The design is the default one; templates are checked on save.)"""
    data = document.to_dict()
    for _ in range(5):
        try:
            validate_document(data)
            return CvDocument.from_dict(data)
        except InvalidInput as error:
            for problem in error.problems:
                removed = _clear(data, problem.path)
                warnings.append((f"Left out {problem.path}: {problem.message}", str(removed or "")))
    raise UnsupportedFile("This file could not be turned into a valid CV.", "invalid")


def _clear(data: dict[str, Any], path: str) -> Any:
    """Remove the value at a problem's path: a link goes whole (its URL is required), a field becomes empty."""
    parts = path.split(".") if path else []
    if len(parts) >= 3 and parts[:2] == ["basics", "links"] and parts[2].isdigit():
        parts = parts[:3]
    target: Any = data
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target.get(part)
        if target is None:
            return None
    if not parts:
        return None
    last = parts[-1]
    if isinstance(target, list):
        return target.pop(int(last)) if last.isdigit() and int(last) < len(target) else None
    if isinstance(target, dict) and last in target:
        value = target[last]
        if last == "name":
            target[last] = ""
        elif isinstance(value, list):
            target[last] = []
        elif isinstance(value, bool):
            target[last] = False
        else:
            target[last] = None
        return value
    return None
