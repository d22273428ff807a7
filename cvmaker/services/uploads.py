"""Uploads and imports: a short-lived signed target for the file (so files never pass through a GraphQL body
or a Lambda payload), then the file parsed into a new CV.

Upload keys are made from the owner and a fresh id, so an upload id names a file only for the user it was made
for: another user's id finds nothing, exactly like an unknown one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cvmaker.domain.cv.model import Cv
from cvmaker.domain.errors import FieldProblem, InvalidInput, LimitExceeded, NotFound
from cvmaker.domain.ids import is_cv_id, new_ulid
from cvmaker.domain.limits import MAX_UPLOAD_BYTES
from cvmaker.ports import BlobStore, UploadTarget
from cvmaker.services.cvs import CvService
UPLOAD_EXPIRY_SECONDS = 300
ACCEPTED_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
}


@dataclass(frozen=True, slots=True)
class UploadTicket:
    upload_id: str
    target: UploadTarget


@dataclass(frozen=True, slots=True)
class Imported:
    cv: Cv
    warnings: list[tuple[str, str]]  # (what happened, the text concerned)
    sources: dict[str, str]  # field path -> where in the file it came from


def upload_key(owner: str, upload_id: str) -> str:
    return f"users/{owner}/uploads/{upload_id}"


@dataclass
class UploadService:
    blobs: BlobStore
    cvs: CvService
    importing: Callable[[], Any]  # the ImportService, built on the first import (it starts a worker process)

    def create_upload(self, owner: str, filename: str, content_type: str, size: int) -> UploadTicket:
        problems = []
        if not filename.strip() or len(filename) > 255:
            problems.append(FieldProblem("filename", "must be a file name of 1 to 255 characters"))
        if content_type not in ACCEPTED_TYPES:
            problems.append(FieldProblem("contentType", "must be a PDF or a Word (.docx) file"))
        if size < 1:
            problems.append(FieldProblem("size", "must be the file's size in bytes"))
        if problems:
            raise InvalidInput(problems)
        if size > MAX_UPLOAD_BYTES:
            raise LimitExceeded(f"CV files are limited to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.", "upload_bytes")
        upload_id = new_ulid()
        target = self.blobs.upload_target(upload_key(owner, upload_id), content_type, MAX_UPLOAD_BYTES,
                                          UPLOAD_EXPIRY_SECONDS)
        return UploadTicket(upload_id=upload_id, target=target)

    def import_upload(self, owner: str, upload_id: str, title: str | None = None) -> Imported:
        """Parse the uploaded file into a new CV. A file that cannot be read raises `UnsupportedFile` or
        `LimitExceeded` and nothing is stored."""
        if not is_cv_id(upload_id):
            raise NotFound("Upload")
        key = upload_key(owner, upload_id)
        data = self.blobs.get(key)
        if data is None:
            raise NotFound("Upload")
        result = self.importing().parse(data, "upload")
        document = result.document
        if title and title.strip():
            document.title = title.strip()[:200]
        cv = self.cvs.create_from_document(owner, document)
        self.blobs.delete(key)  # the CV holds what the file said; the file itself is not kept
        return Imported(cv=cv, warnings=list(result.warnings), sources=dict(result.sources))
