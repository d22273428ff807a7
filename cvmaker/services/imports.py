"""Import: a CV file someone already has becomes a new CV.

A short-lived signed upload target comes first (so files never pass through a GraphQL body or a Lambda
payload); then the uploaded file is read and stored as a new CV: a PDF or Word file by `CvFileReader` (bytes -> a
valid CV document with warnings and the source of each field), a JSON Resume file or a LinkedIn data export (a
zip of CSV files, `cvmaker.domain.linkedin`) by the tolerant JSON Resume reader. `upload_kind` tells them apart
by their bytes, for the upload flow and the command line alike. Upload keys are made from the owner and a fresh
id, so an upload id names a file only for the user it was made for: another user's id finds nothing, exactly like
an unknown one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.errors import (
    FieldProblem,
    FileLimitExceeded,
    GenerationUnavailable,
    InvalidInput,
    LimitExceeded,
    NotFound,
    QuotaExceeded,
    UnsupportedFile,
)
from cvmaker.domain.ids import is_cv_id, new_ulid
from cvmaker.domain.limits import MAX_UPLOAD_BYTES
from cvmaker.domain.parsing import parse_cv
from cvmaker.domain.quotas import QuotaKind
from cvmaker.ports import BlobStore, CvStructurer, DocumentExtractor, UploadTarget
from cvmaker.services.cvs import CvService
from cvmaker.services.quotas import QuotaService, unmetered

log = logging.getLogger(__name__)

UPLOAD_EXPIRY_SECONDS = 300

ACCEPTED_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
    "application/json": "JSON Resume (.json)",
    "application/zip": "LinkedIn data export (.zip)",
    "application/x-zip-compressed": "LinkedIn data export (.zip)",
}
ACCEPTED_FILES = "a PDF, a Word (.docx) or a JSON Resume (.json) file, or a LinkedIn data export (.zip)"
UploadKind = Literal["json_resume", "linkedin_export", "document"]


@dataclass(frozen=True, slots=True)
class UploadTicket:
    upload_id: str
    target: UploadTarget


@dataclass(frozen=True, slots=True)
class Imported:
    cv: Cv
    warnings: list[tuple[str, str]]  # (what happened, the text concerned)
    sources: dict[str, str]  # field path -> where in the file it came from


def upload_problems(
    filename: str, content_type: str, size: int, accepted: Collection[str], refusal: str
) -> list[FieldProblem]:
    """What is wrong with an upload's announced name, type and size (the same rules for every kind of upload)."""
    problems: list[FieldProblem] = []
    if not filename.strip() or len(filename) > 255:
        problems.append(FieldProblem("filename", "must be a file name of 1 to 255 characters"))
    if content_type not in accepted:
        problems.append(FieldProblem("contentType", refusal))
    if size < 1:
        problems.append(FieldProblem("size", "must be the file's size in bytes"))
    return problems


def new_ticket(blobs: BlobStore, owner: str, content_type: str, max_bytes: int) -> UploadTicket:
    """A signed, single-use target for one file of at most `max_bytes`, under the owner's uploads."""
    upload_id = new_ulid()
    target = blobs.upload_target(upload_key(owner, upload_id), content_type, max_bytes, UPLOAD_EXPIRY_SECONDS)
    return UploadTicket(upload_id=upload_id, target=target)


def upload_key(owner: str, upload_id: str) -> str:
    return f"users/{owner}/uploads/{upload_id}"


@dataclass
class ImportService:
    blobs: BlobStore
    cvs: CvService
    reader: CvFileReader
    quotas: QuotaService = field(default_factory=unmetered)
    # The optional model pass over PDF and Word files (CVMAKER_IMPORT_MODEL); None: the heuristic reading alone.
    structurer: CvStructurer | None = None

    def create_upload(self, owner: str, filename: str, content_type: str, size: int) -> UploadTicket:
        problems = upload_problems(filename, content_type, size, ACCEPTED_TYPES, f"must be {ACCEPTED_FILES}")
        if problems:
            raise InvalidInput(problems)
        if size > MAX_UPLOAD_BYTES:
            raise LimitExceeded(f"CV files are limited to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.", "upload_bytes")
        return new_ticket(self.blobs, owner, content_type, MAX_UPLOAD_BYTES)

    def import_upload(self, owner: str, upload_id: str, title: str | None = None) -> Imported:
        """Parse the uploaded file into a new CV. A file that cannot be read raises `UnsupportedFile` or
        `LimitExceeded` and nothing is stored."""
        if not is_cv_id(upload_id):
            raise NotFound("Upload")
        key = upload_key(owner, upload_id)
        data = self.blobs.get(key)
        if data is None:
            raise NotFound("Upload")
        # Charged before the file is touched: an import refused for its quota keeps the upload, to retry later.
        with self.quotas.spend(owner, QuotaKind.IMPORT):
            try:
                kind = upload_kind(data)
                if kind == "json_resume":
                    return self._import_json_resume(owner, data, title)
                if kind == "linkedin_export":
                    return self._import_linkedin_export(owner, data, title)
                result = self.reader.parse(data, "upload")
                if self.structurer is not None:
                    result = self._model_pass(owner, result, self.structurer)
                document = result.document
                if title and title.strip():
                    document.title = title.strip()[:200]
                cv = self.cvs.create_from_document(owner, document)
                return Imported(cv=cv, warnings=list(result.warnings), sources=dict(result.sources))
            finally:
                # Read or refused, the file is not kept: a CV holds what it said, a refused file is nobody's.
                self.blobs.delete(key)

    def _model_pass(self, owner: str, result: ImportResult, structurer: CvStructurer) -> ImportResult:
        """The model pass, charged as a model call; with that quota used up, the heuristic reading stands."""
        try:
            self.quotas.charge(owner, QuotaKind.MODEL_CALL)
        except QuotaExceeded:
            return _model_pass_ignored(result, "your model-call quota is used up for now")
        return with_model_pass(result, structurer)

    def _import_json_resume(self, owner: str, data: bytes, title: str | None) -> Imported:
        try:
            imported = self.cvs.import_json_resume(owner, data, title.strip()[:200] if title else None)
        except InvalidInput as refused:
            reason = refused.problems[0].message if refused.problems else "it is not a CV"
            raise UnsupportedFile(f"This JSON file is not a CV: {reason}", "not_a_cv_file") from None
        warnings = [(f"{w.path}: {w.message}" if w.path else w.message, "") for w in imported.warnings]
        return Imported(cv=imported.cv, warnings=warnings, sources={})

    def _import_linkedin_export(self, owner: str, data: bytes, title: str | None) -> Imported:
        from cvmaker.domain.linkedin import read_linkedin_export

        export = read_linkedin_export(data)
        try:
            imported = self.cvs.import_json_resume(owner, export.resume, title.strip()[:200] if title else None)
        except InvalidInput as refused:
            reason = refused.problems[0].message if refused.problems else "it is not a CV"
            raise UnsupportedFile(
                f"This LinkedIn data export cannot be made into a CV: {reason}", "not_a_cv_file"
            ) from None
        warnings = [*export.warnings, *export.translated(imported.warnings)]
        return Imported(
            cv=imported.cv,
            warnings=[(f"{w.path}: {w.message}" if w.path else w.message, w.text) for w in warnings],
            sources={},
        )


def looks_like_json(data: bytes) -> bool:
    """A JSON document (after a byte-order mark and white space), not a PDF or a Word file."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def upload_kind(data: bytes) -> UploadKind:
    """What a CV file is, judged from its bytes (never its name or declared type): JSON Resume, a LinkedIn data
    export (a zip that is not an Office document: a DOCX is a zip too), or a document for `CvFileReader`, which
    refuses what it cannot read."""
    from cvmaker.domain.linkedin import looks_like_linkedin_export

    if looks_like_json(data):
        return "json_resume"
    if looks_like_linkedin_export(data):
        return "linkedin_export"
    return "document"


@dataclass(frozen=True)
class ImportResult:
    document: CvDocument
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (what happened, the text concerned)
    sources: dict[str, str] = field(default_factory=dict)  # field path -> where in the file it came from
    file_kind: str = ""  # "pdf" or "docx", as sniffed from the bytes
    pages: int = 0
    lines: tuple[str, ...] = ()  # the file's visible text, line by line in reading order (for the model pass)
    link_urls: tuple[str, ...] = ()  # where the file's hyperlinks point


class CvFileReader:
    """Reads a PDF or Word file into a valid CV document, without storing anything."""

    def __init__(self, extractor: DocumentExtractor, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
        self.extractor = extractor
        self.max_bytes = max_bytes

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
        return ImportResult(
            document,
            warnings,
            dict(parsed.sources),
            extracted.kind,
            extracted.pages,
            tuple(line.text for line in extracted.lines),
            tuple(link.url for link in extracted.links),
        )


def with_model_pass(result: ImportResult, structurer: CvStructurer) -> ImportResult:
    """The heuristic reading improved by a model's, field by field where the model's value was found in the
    document (`model_check`, `model_merge`); the heuristic reading as it was when the model fails, times out or
    invents too much. The warnings say which, and what changed."""
    from cvmaker.domain.parsing.model_check import DocumentText, check_proposal
    from cvmaker.domain.parsing.model_merge import merge_reading

    try:
        proposal = structurer.structure(result.lines, result.document)
    except GenerationUnavailable as unavailable:
        return _model_pass_ignored(result, unavailable.message)
    except Exception:  # a model's failure never fails the import
        log.exception("the import's model pass failed")
        return _model_pass_ignored(result, "the model failed")
    if proposal is None:
        return _model_pass_ignored(result, "the model gave no usable answer (a refusal, or cut short or malformed)")
    checked = check_proposal(proposal, DocumentText.of(result.lines, result.link_urls))
    invented = "; ".join(checked.invented[:5])
    if checked.refused:
        reason = f"it invented {len(checked.invented)} of the {checked.checked} strings it returned"
        return _model_pass_ignored(result, reason, invented)
    merged = merge_reading(result.document, checked)
    warnings = list(result.warnings)
    if checked.invented:
        warnings.append((f"The model pass left out {len(checked.invented)} strings not in the document", invented))
    document = merged.document
    if "basics.name" in merged.changed:
        document.title = f"{document.basics.name} (imported)"[:200]
        warnings = [w for w in warnings if w != ("No name was found at the top of the CV", "")]
    changed = (
        f"The model pass changed {len(merged.changed)} fields" if merged.changed else "The model pass changed nothing"
    )
    warnings.append((changed, ", ".join(merged.changed[:30])))
    if merged.removed:
        message = f"The model pass replaced {len(merged.removed)} entries it read differently"
        warnings.append((message, "; ".join(merged.removed[:10])))
    sources = {new: where for path, where in result.sources.items() if (new := _moved(path, merged.moved))}
    sources.update(dict.fromkeys(merged.changed, "the model pass (found in the file's text)"))
    return replace(result, document=_valid(document, warnings), warnings=warnings, sources=sources)


def _model_pass_ignored(result: ImportResult, reason: str, text: str = "") -> ImportResult:
    warning = (f"The model pass was not used: {reason.rstrip('.')}", text)
    return replace(result, warnings=[*result.warnings, warning])


def _moved(path: str, moved: dict[str, str | None]) -> str | None:
    """A field path of the heuristic reading, where the merge moved its entry (None: the entry went)."""
    for old, new in moved.items():
        if path == old or path.startswith(f"{old}."):
            return None if new is None else new + path[len(old) :]
    return path


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
