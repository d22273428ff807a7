"""Share links as GraphQL types and inputs."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry import UNSET

if TYPE_CHECKING:  # annotations only: the domain's types load with the service, not at cold start
    from cvmaker.domain.shares.model import ShareLink as DomainShareLink


@strawberry.type(description="How many times something happened on one day (UTC).")
class DailyCount:
    day: date
    count: int


@strawberry.type(description="A public, read-only link to a CV or a cover letter, made by its owner.")
class ShareLink:
    id: strawberry.ID
    cv_id: strawberry.ID | None
    letter_id: strawberry.ID | None
    url: str = strawberry.field(description="The page's full address: anyone with it can open the page.")
    has_password: bool
    expires_at: datetime | None
    show_contacts: bool = strawberry.field(
        description="Whether the page's text and link previews show the email, phone, location and links."
    )
    revoked: bool
    active: bool = strawberry.field(description="Whether the page answers now: neither revoked nor expired.")
    created_at: datetime
    views: list[DailyCount] = strawberry.field(description="Page views per UTC day, oldest first.")
    downloads: list[DailyCount] = strawberry.field(description="PDF downloads per UTC day, oldest first.")
    total_views: int
    total_downloads: int

    @classmethod
    def from_domain(cls, link: DomainShareLink, url: str, now: datetime) -> ShareLink:
        from cvmaker.domain.shares.model import daily

        return cls(
            id=strawberry.ID(link.id),
            cv_id=strawberry.ID(link.cv_id) if link.cv_id else None,
            letter_id=strawberry.ID(link.letter_id) if link.letter_id else None,
            url=url,
            has_password=link.has_password,
            expires_at=link.expires_at,
            show_contacts=link.show_contacts,
            revoked=link.revoked,
            active=link.live(now),
            created_at=link.created_at,
            views=[DailyCount(day=day, count=count) for day, count in daily(link.views)],
            downloads=[DailyCount(day=day, count=count) for day, count in daily(link.downloads)],
            total_views=link.total_views,
            total_downloads=link.total_downloads,
        )


@strawberry.input(description="What to share (a CV or a letter: exactly one) and how.")
class CreateShareLinkInput:
    cv_id: strawberry.ID | None = None
    letter_id: strawberry.ID | None = None
    password: str | None = strawberry.field(
        default=None, description="Asked for before the page shows (4 to 256 characters); kept only as a hash."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the link stops working (within a year); none: until revoked."
    )
    show_contacts: bool = False


@strawberry.input(description="Changes to a link; a field left out keeps its value, null clears it.")
class UpdateShareLinkInput:
    password: str | None = strawberry.field(default=UNSET, description="A new password; null removes it.")
    expires_at: datetime | None = strawberry.field(default=UNSET, description="A new expiry; null: never expires.")
    show_contacts: bool | None = UNSET
