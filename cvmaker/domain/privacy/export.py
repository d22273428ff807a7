"""The export's layout: everything a person has, as JSON documents and their files in one zip.

    manifest.json            {"format": "cvmaker-export", "version": 1, "exportedAt", "counts", "entries"}
    account.json             {"id", "email", "createdAt"}: the identity without secrets
    cvs/<cv id>.json         the CV as it is now and every saved revision ("revisions", newest first)
    jobs/<job id>.json       a saved posting and the requirements read from it
    cover-letters/<id>.json  a cover letter as it is now, with the CV and job it was written for, and every saved
                             revision ("revisions", newest first)
    applications/<id>.json   a job application, its stage history and the CV document frozen for it ("sentCv")
    share-links/<id>.json    a public link to a CV or letter: its address part, settings and counts per day
                             (whether it has a password, never the password's hash)
    files/<path>             the person's files as stored: pending uploads, rendered CVs and letters

The layout is documented in docs/privacy.md; `EXPORT_VERSION` changes when a document's shape does.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cvmaker.domain.applications.model import Application
from cvmaker.domain.cv.model import Cv, CvDocument, Revision
from cvmaker.domain.letters.documents import LetterRevision
from cvmaker.domain.matching.jobs import Job
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.domain.privacy.model import AccountRecord
from cvmaker.domain.shares.model import ShareLink

EXPORT_FORMAT = "cvmaker-export"
EXPORT_VERSION = 1


@dataclass(frozen=True, slots=True)
class ExportContents:
    account: AccountRecord
    cvs: list[tuple[Cv, list[Revision]]]
    jobs: list[Job]
    letters: list[CoverLetter]
    files: Mapping[str, bytes]  # path under files/ -> bytes
    letter_revisions: Mapping[str, list[LetterRevision]] = field(default_factory=dict)  # by letter id
    # Each application with the CV document frozen for it (None if it could not be read).
    applications: list[tuple[Application, CvDocument | None]] = field(default_factory=list)
    share_links: list[ShareLink] = field(default_factory=list)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def account_json(account: AccountRecord) -> dict[str, Any]:
    return {"id": account.sub, "email": account.email, "createdAt": _iso(account.created_at)}


def cv_json(cv: Cv, revisions: Iterable[Revision]) -> dict[str, Any]:
    return {
        "id": cv.id,
        "title": cv.title,
        "version": cv.version,
        "createdAt": _iso(cv.created_at),
        "updatedAt": _iso(cv.updated_at),
        "sourceCvId": cv.source_cv_id,
        "document": cv.document.to_dict(),
        "revisions": [
            {"version": r.version, "savedAt": _iso(r.saved_at), "document": r.document.to_dict()} for r in revisions
        ],
    }


def job_json(job: Job) -> dict[str, Any]:
    return {
        "id": job.id,
        "title": job.title,
        "company": job.company,
        "description": job.description,
        "createdAt": _iso(job.created_at),
        "requirementsReadBy": job.extracted_by,
        "requirements": [r.to_dict() for r in job.requirements],
    }


def letter_json(letter: CoverLetter, revisions: Iterable[LetterRevision] = ()) -> dict[str, Any]:
    return {
        "id": letter.id,
        "cvId": letter.cv_id,
        "jobId": letter.job_id,
        "title": letter.title,
        "version": letter.version,
        "createdAt": _iso(letter.created_at),
        "updatedAt": _iso(letter.saved_at),
        "text": letter.text,
        "warnings": list(letter.warnings),
        "rejectedDrafts": list(letter.rejected),
        "revisions": [
            {"version": r.revision, "savedAt": _iso(r.saved_at), "title": r.title, "text": r.text} for r in revisions
        ],
    }


def application_json(application: Application, sent_cv: CvDocument | None) -> dict[str, Any]:
    return {"id": application.id, **application.to_dict(), "sentCv": sent_cv.to_dict() if sent_cv else None}


def share_link_json(link: ShareLink) -> dict[str, Any]:
    return {
        "id": link.id,
        "slug": link.slug,
        "cvId": link.cv_id,
        "letterId": link.letter_id,
        "createdAt": _iso(link.created_at),
        "expiresAt": _iso(link.expires_at),
        "hasPassword": link.has_password,
        "showContacts": link.show_contacts,
        "revoked": link.revoked,
        "viewsPerDay": dict(link.views),
        "downloadsPerDay": dict(link.downloads),
    }


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode()


def build_zip(contents: ExportContents, exported_at: datetime) -> tuple[bytes, dict[str, int]]:
    """The zip's bytes and its counts per kind."""
    entries: dict[str, bytes] = {"account.json": _dump(account_json(contents.account))}
    for cv, revisions in contents.cvs:
        entries[f"cvs/{cv.id}.json"] = _dump(cv_json(cv, revisions))
    for job in contents.jobs:
        entries[f"jobs/{job.id}.json"] = _dump(job_json(job))
    for letter in contents.letters:
        entries[f"cover-letters/{letter.id}.json"] = _dump(
            letter_json(letter, contents.letter_revisions.get(letter.id, []))
        )
    for application, sent_cv in contents.applications:
        entries[f"applications/{application.id}.json"] = _dump(application_json(application, sent_cv))
    for link in contents.share_links:
        entries[f"share-links/{link.id}.json"] = _dump(share_link_json(link))
    for path, data in contents.files.items():
        entries[f"files/{path}"] = data
    counts = {
        "cvs": len(contents.cvs),
        "revisions": sum(len(revisions) for _, revisions in contents.cvs),
        "jobs": len(contents.jobs),
        "coverLetters": len(contents.letters),
        "files": len(contents.files),
        "applications": len(contents.applications),
        "shareLinks": len(contents.share_links),
    }
    manifest = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exportedAt": exported_at.isoformat(),
        "counts": counts,
        "entries": sorted(entries),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", _dump(manifest))
        for name in sorted(entries):
            archive.writestr(name, entries[name])
    return buffer.getvalue(), counts
