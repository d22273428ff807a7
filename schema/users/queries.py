"""Queries of the user area."""

from __future__ import annotations

import strawberry

import resolvers.users as resolve
from schema.context import Info
from schema.permissions import READ


@strawberry.type
class User:
    id: strawberry.ID
    email: str | None


@strawberry.type
class UserQueries:
    @strawberry.field(permission_classes=READ, description="The caller.")
    async def me(self, info: Info) -> User:
        principal = await resolve.me(info.context)
        return User(id=strawberry.ID(principal.sub), email=principal.email)
