"""GraphQL types of the privacy area."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

if TYPE_CHECKING:  # annotations only: the domain's values load with the service, not at cold start
    from cvmaker.domain.privacy.model import DataExport as DomainExport
    from cvmaker.domain.privacy.model import DeletedAccount as DomainDeleted


@strawberry.type(description="How many of each kind the export holds.")
class ExportCounts:
    cvs: int
    revisions: int
    jobs: int
    cover_letters: int
    files: int


@strawberry.type(description="A zip of everything the caller has (layout in docs/privacy.md).")
class DataExport:
    url: str = strawberry.field(description="A short-lived download link.")
    filename: str
    bytes: int
    sha256: str
    expires_at: datetime = strawberry.field(description="When the link stops working; export again for a new one.")
    counts: ExportCounts

    @classmethod
    def from_domain(cls, export: DomainExport) -> DataExport:
        counts = export.counts
        return cls(
            url=export.url,
            filename=export.filename,
            bytes=export.bytes,
            sha256=export.sha256,
            expires_at=export.expires_at,
            counts=ExportCounts(
                cvs=counts.get("cvs", 0),
                revisions=counts.get("revisions", 0),
                jobs=counts.get("jobs", 0),
                cover_letters=counts.get("coverLetters", 0),
                files=counts.get("files", 0),
            ),
        )


@strawberry.type
class RemovedCount:
    store: str = strawberry.field(description='What was removed: "cvs", "jobs", "coverLetters", "files", ...')
    count: int


@strawberry.type(description="The account and everything in it are gone; its tokens no longer work.")
class DeletedAccount:
    removed: list[RemovedCount]
    identity_deleted: bool = strawberry.field(description="False if the sign-in identity was already gone.")

    @classmethod
    def from_domain(cls, deleted: DomainDeleted) -> DeletedAccount:
        return cls(
            removed=[RemovedCount(store=name, count=count) for name, count in deleted.removed.items()],
            identity_deleted=deleted.identity_deleted,
        )
