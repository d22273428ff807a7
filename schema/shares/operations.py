"""Share links: `createShareLink`, `shareLinks` of a CV or a letter, `updateShareLink` and `revokeShareLink`.
Another user's CV, letter or link answers like a missing one. The public page itself is not GraphQL: it is
served at the link's `url` (api/share_routes.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import UNSET

import resolvers.shares as resolve
from schema.context import Info
from schema.errors import (
    IdempotencyConflictError,
    LimitExceededError,
    NotFoundError,
    ValidationError,
    as_result,
)
from schema.idempotency import IdempotencyKey
from schema.permissions import READ, WRITE
from schema.shares.types import CreateShareLinkInput, ShareLink, UpdateShareLinkInput

if TYPE_CHECKING:  # annotations only: the domain loads with the service, not at cold start
    from cvmaker.domain.shares import model

ShareLinkResult = Annotated[
    ShareLink | NotFoundError | ValidationError | LimitExceededError | IdempotencyConflictError,
    strawberry.union("ShareLinkResult"),
]
_ERRORS = (NotFoundError, ValidationError, LimitExceededError, IdempotencyConflictError)


def _converter(info: Info) -> Callable[[model.ShareLink], ShareLink]:
    shares = info.context.services.shares
    now = shares.clock()
    return lambda link: ShareLink.from_domain(link, shares.url(link), now)


@strawberry.type
class ShareQueries:
    @strawberry.field(
        permission_classes=READ,
        description="The caller's share links of a CV or of a letter (give one of the two), newest first, with "
        "their views and downloads per day. Another user's CV or letter has none.",
    )
    async def share_links(
        self, info: Info, cv_id: strawberry.ID | None = None, letter_id: strawberry.ID | None = None
    ) -> list[ShareLink]:
        convert = _converter(info)
        return [convert(link) for link in await resolve.share_links(info.context, cv_id, letter_id)]


@strawberry.type
class ShareMutations:
    @strawberry.mutation(
        permission_classes=WRITE,
        description="A public link to the caller's CV or letter: a read-only page of the rendered document with "
        "its PDF, optionally behind a password and with an expiry.",
    )
    async def create_share_link(
        self, info: Info, input: CreateShareLinkInput, idempotency_key: IdempotencyKey = None
    ) -> ShareLinkResult:
        return await as_result(
            resolve.create_share_link(
                info.context,
                input.cv_id,
                input.letter_id,
                input.password,
                input.expires_at,
                input.show_contacts,
                idempotency_key,
            ),
            _converter(info),
            _ERRORS,
        )

    @strawberry.mutation(
        permission_classes=WRITE, description="Set or remove a link's password or expiry, show or hide contacts."
    )
    async def update_share_link(self, info: Info, id: strawberry.ID, input: UpdateShareLinkInput) -> ShareLinkResult:
        from cvmaker.services.shares import KEEP

        # Left out (UNSET) keeps a setting; null clears the password or the expiry.
        password = KEEP if input.password is UNSET else input.password
        expires_at = KEEP if input.expires_at is UNSET else input.expires_at
        show_contacts = KEEP if input.show_contacts in (UNSET, None) else bool(input.show_contacts)
        return await as_result(
            resolve.update_share_link(info.context, id, password, expires_at, show_contacts),
            _converter(info),
            _ERRORS,
        )

    @strawberry.mutation(permission_classes=WRITE, description="The link stops working at once, for good.")
    async def revoke_share_link(self, info: Info, id: strawberry.ID) -> ShareLinkResult:
        return await as_result(resolve.revoke_share_link(info.context, id), _converter(info), _ERRORS)
