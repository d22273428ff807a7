"""Queries of the CV area."""

from __future__ import annotations

import strawberry

import resolvers.cvs as resolve
from schema.context import Info
from schema.cvs.types import Cv, CvConnection, CvRevision
from schema.permissions import READ


@strawberry.type
class CvQueries:
    @strawberry.field(permission_classes=READ, description="One of your CVs, or null.")
    async def cv(self, info: Info, id: strawberry.ID) -> Cv | None:
        cv = await resolve.cv(info.context, id)
        return Cv.from_domain(cv) if cv else None

    @strawberry.field(permission_classes=READ, description="Your CVs, newest first. `first` is capped at 50.")
    async def cvs(self, info: Info, first: int = 20, after: str | None = None) -> CvConnection:
        return CvConnection.from_domain(await resolve.cvs(info.context, first, after))

    @strawberry.field(permission_classes=READ, description="One saved version of a CV as it was then, or null.")
    async def cv_revision(self, info: Info, id: strawberry.ID, version: int) -> Cv | None:
        cv = await resolve.cv_revision(info.context, id, version)
        return Cv.from_domain(cv) if cv else None

    @strawberry.field(permission_classes=READ, description="Saved versions of a CV, newest first.")
    async def cv_revisions(self, info: Info, id: strawberry.ID) -> list[CvRevision]:
        return [CvRevision.from_domain(r) for r in await resolve.cv_revisions(info.context, id)]
