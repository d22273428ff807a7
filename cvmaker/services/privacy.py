"""Privacy use cases: a person's export of everything they have, and the deletion of their account.

Deleting is irreversible, so it asks the person again: their password where the app holds it (the embedded
default's accounts), else their account's email typed out (Cognito keeps the password where the app cannot check
it). A stolen access token alone then cannot erase an account, and nobody erases the wrong one by a slip.

The deletion runs in this order, so that a failure half-way can be retried and nothing is recreated meanwhile:
1. the identity's sessions end (every token issued until now is refused, on every route);
2. every owner-keyed store deletes the owner's rows (`OwnerData.delete_owner`), the blob store everything under
   the owner's prefix, the vector index the owner's namespace, the embedding cache the owner's texts;
3. the identity itself goes last: until then the person can sign in again and retry a deletion that failed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cvmaker.domain.clock import utc_now
from cvmaker.domain.cv.model import Cv, Revision
from cvmaker.domain.errors import FieldProblem, InvalidInput, Unauthenticated
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.privacy.model import AccountRecord, DataExport, DeletedAccount
from cvmaker.ports import BlobListing, BlobStore, Identities, OwnerData, Principal
from cvmaker.services.cvs import CvService

if TYPE_CHECKING:
    from cvmaker.domain.applications.model import Application
    from cvmaker.domain.cv.model import CvDocument
    from cvmaker.domain.letters.documents import LetterRevision
    from cvmaker.domain.matching.jobs import Job
    from cvmaker.domain.matching.results import CoverLetter
    from cvmaker.domain.shares.model import ShareLink
    from cvmaker.services.applications import ApplicationService
    from cvmaker.services.jobs import JobService
    from cvmaker.services.letters import LetterService
    from cvmaker.services.matching import MatchingService
    from cvmaker.services.shares import ShareService

EXPORT_LINK_SECONDS = 900  # as long as a rendered file's link
EXPORT_CONTENT_TYPE = "application/zip"
PAGE = 50


def user_prefix(owner: str) -> str:
    """Every file of a person is stored under this prefix (uploads, renders, exports, photos)."""
    return f"users/{owner}/"


def exports_prefix(owner: str) -> str:
    return f"users/{owner}/exports/"


@dataclass(frozen=True, slots=True)
class _Everything:
    cvs: list[tuple[Cv, list[Revision]]]
    jobs: list[Job]
    letters: list[CoverLetter]
    letter_revisions: dict[str, list[LetterRevision]]


@dataclass
class PrivacyService:
    cvs: CvService
    jobs: Callable[[], JobService]
    letters: Callable[[], LetterService]
    matching: Callable[[], MatchingService]
    blobs: BlobStore
    listing: BlobListing
    # Every store with rows or items keyed by owner, by name (the name labels the deletion's counts).
    owner_stores: Mapping[str, Callable[[], OwnerData]]
    identities: Identities | None = None
    # How long other processes may keep accepting a deleted account's tokens (their cut-off look-ups are cached).
    settle_seconds: float = 0.0
    clock: Callable[[], datetime] = field(default=utc_now)
    sleep: Callable[[float], None] = field(default=time.sleep)
    applications: Callable[[], ApplicationService] | None = None
    shares: Callable[[], ShareService] | None = None

    # ---------------------------------------------------------------- export

    def export(self, principal: Principal) -> DataExport:
        from cvmaker.domain.privacy.export import ExportContents, build_zip

        owner = _person(principal)
        everything = self._everything(owner)
        files = {
            key.removeprefix(user_prefix(owner)): data
            for key in self.listing.keys(user_prefix(owner))
            if not key.startswith(exports_prefix(owner)) and (data := self.blobs.get(key)) is not None
        }
        now = self.clock()
        contents = ExportContents(
            self._account(principal),
            everything.cvs,
            everything.jobs,
            everything.letters,
            files,
            letter_revisions=everything.letter_revisions,
            applications=self._applications(owner),
            share_links=self._share_links(owner, everything),
        )
        data, counts = build_zip(contents, now)
        # One export at a time: a new one replaces the last, so old copies do not pile up under the owner.
        self.blobs.delete_prefix(exports_prefix(owner))
        key = f"{exports_prefix(owner)}{new_ulid()}.zip"
        self.blobs.put(key, data, EXPORT_CONTENT_TYPE)
        filename = f"cvmaker-export-{now.date().isoformat()}.zip"
        return DataExport(
            url=self.blobs.download_url(key, filename, EXPORT_LINK_SECONDS),
            filename=filename,
            bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            expires_at=now + timedelta(seconds=EXPORT_LINK_SECONDS),
            counts=counts,
        )

    def _account(self, principal: Principal) -> AccountRecord:
        found = self.identities.account(principal.sub) if self.identities is not None else None
        return found or AccountRecord(principal.sub, principal.email)

    def _everything(self, owner: str) -> _Everything:
        cvs: list[Cv] = []
        cursor: str | None = None
        while True:
            page = self.cvs.list(owner, PAGE, cursor)
            cvs += page.items
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        jobs: list[Job] = []
        cursor = None
        while True:
            job_page = self.jobs().list(owner, PAGE, cursor)
            jobs += job_page.items
            if job_page.next_cursor is None:
                break
            cursor = job_page.next_cursor
        letters = [letter for cv in cvs for letter in self.letters().list_for_cv(owner, cv.id)]
        letter_revisions = {letter.id: self.letters().revisions(owner, letter.id) for letter in letters}
        return _Everything([(cv, self.cvs.revisions(owner, cv.id)) for cv in cvs], jobs, letters, letter_revisions)

    def _share_links(self, owner: str, everything: _Everything) -> list[ShareLink]:
        """Every public link of the owner's CVs and letters (none where sharing is not wired)."""
        if self.shares is None:
            return []
        service = self.shares()
        links = [link for cv, _ in everything.cvs for link in service.list_for(owner, cv.id, None)]
        return links + [link for letter in everything.letters for link in service.list_for(owner, None, letter.id)]

    def _applications(self, owner: str) -> list[tuple[Application, CvDocument | None]]:
        """Every application of the owner with the CV frozen for it (none where the tracker is not wired)."""
        if self.applications is None:
            return []
        from cvmaker.domain.applications.model import ApplicationFilter
        from cvmaker.domain.errors import NotFound

        service = self.applications()
        found: list[tuple[Application, CvDocument | None]] = []
        cursor: str | None = None
        while True:
            page = service.list(owner, ApplicationFilter(), PAGE, cursor)
            for application in page.items:
                try:
                    sent: CvDocument | None = service.sent_cv(owner, application.id).document
                except NotFound:
                    sent = None
                found.append((application, sent))
            if page.next_cursor is None:
                return found
            cursor = page.next_cursor

    # ---------------------------------------------------------------- deletion

    def delete_account(
        self, principal: Principal, password: str | None = None, confirmation: str | None = None
    ) -> DeletedAccount:
        """Delete everything of the caller once they confirmed (see the module's docstring); `InvalidInput` on
        the `password` or `confirmation` field, having deleted nothing, when they did not."""
        from cvmaker.services.matching import CachedEmbedder, embedded_texts

        owner = _person(principal)
        self._confirm(principal, password, confirmation)
        everything = self._everything(owner)  # read before it goes: the texts whose embeddings are cached
        if self.identities is not None:
            self.identities.end_sessions(owner)
        removed = self._sweep(owner)
        if self.settle_seconds > 0:
            # Other processes may still let an old token through until their cached cut-off expires: sweep again
            # after that, so nothing they wrote meanwhile outlives the account.
            self.sleep(self.settle_seconds)
            for name, count in self._sweep(owner).items():
                removed[name] += count
        matching = self.matching()
        if isinstance(matching.embedder, CachedEmbedder):
            documents = [cv.document for cv, _ in everything.cvs]
            documents += [r.document for _, revisions in everything.cvs for r in revisions]
            removed["embeddings"] = matching.embedder.forget(embedded_texts(documents, everything.jobs))
        deleted = self.identities.delete(owner) if self.identities is not None else False
        return DeletedAccount(removed=removed, identity_deleted=deleted)

    def _sweep(self, owner: str) -> dict[str, int]:
        removed = {name: store().delete_owner(owner) for name, store in self.owner_stores.items()}
        removed["files"] = self.blobs.delete_prefix(user_prefix(owner))
        self.matching().index.delete_namespace(owner)
        return removed

    def _confirm(self, principal: Principal, password: str | None, confirmation: str | None) -> None:
        identities, owner = self.identities, principal.sub
        if identities is not None and identities.has_password(owner):
            if not password:
                raise InvalidInput([FieldProblem("password", "Enter your password to delete your account.")])
            if not identities.check_password(owner, password):
                raise InvalidInput([FieldProblem("password", "That is not your password. Nothing was deleted.")])
            return
        account = identities.account(owner) if identities is not None else None
        expected = (account.email if account else None) or principal.email or owner
        if not confirmation or confirmation.strip().lower() != expected.strip().lower():
            raise InvalidInput(
                [FieldProblem("confirmation", "Type your account's email address to confirm. Nothing was deleted.")]
            )


def _person(principal: Principal) -> str:
    """The caller's `sub`, if the caller is a person: an integrator's program exports and deletes nobody."""
    if principal.is_machine:
        raise Unauthenticated("Only the account's owner, signed in, can do this.")
    return principal.sub
