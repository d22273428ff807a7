"""`exportMyData` (a zip of everything the caller has, as a short-lived link) and `deleteMyAccount`. Both are
for the person only: an integrator's client-credentials token is refused whatever its scopes."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.permission import BasePermission

import resolvers.privacy as resolve
from schema.context import Info
from schema.errors import LimitExceededError, ValidationError, as_result
from schema.permissions import CanRead, CanWrite, IsAuthenticated
from schema.privacy.types import DataExport, DeletedAccount

DeleteAccountResult = Annotated[
    DeletedAccount | ValidationError | LimitExceededError, strawberry.union("DeleteAccountResult")
]


class IsPerson(BasePermission):
    message = "Only the account's owner, signed in, can do this."
    error_extensions = {"code": "FORBIDDEN"}  # noqa: RUF012 - Strawberry reads it as a class attribute

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        principal = info.context.principal
        return principal is not None and not principal.is_machine


@strawberry.type
class PrivacyMutations:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated, CanRead, IsPerson],
        description="Everything the caller has (account, CVs with every revision, jobs, cover letters, uploads "
        "and rendered files) as a zip of JSON and files, behind a short-lived link. A new export replaces the last.",
    )
    async def export_my_data(self, info: Info) -> DataExport:
        return DataExport.from_domain(await resolve.export_my_data(info.context))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, CanWrite, IsPerson],
        description="Deletes the caller's account and everything in it, for good; its tokens stop working at once. "
        "Give the current password where the app holds it (the embedded default), else `confirmation`: "
        "the account's email address. A ValidationError on either field means nothing was deleted.",
    )
    async def delete_my_account(
        self, info: Info, password: str | None = None, confirmation: str | None = None
    ) -> DeleteAccountResult:
        return await as_result(
            resolve.delete_my_account(info.context, password, confirmation),
            DeletedAccount.from_domain,
            (ValidationError, LimitExceededError),
        )
