"""Share links: the owner makes, lists, changes and revokes public links to a CV or a cover letter; anyone with
a link reads the document's page and downloads its PDF, with no sign-in.

A link that is missing, revoked or expired, and a wrong password, all end in the same `NotFound`: the public side
cannot tell them apart, so a guesser learns nothing. Password guesses are throttled per link and per address.
A password-protected page is opened with a token (kept by the browser as a cookie) that is an HMAC, under the
server's secret, of the slug and the password's hash: changing or clearing the password invalidates every token.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Final

from cvmaker.domain.clock import utc_now
from cvmaker.domain.errors import DomainError, FieldProblem, InvalidInput, LimitExceeded, NotFound
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.shares.model import (
    MAX_LINKS_PER_DOCUMENT,
    MAX_PASSWORD,
    Counter,
    ShareLink,
    check_expiry,
    check_password,
    check_target,
    day_of,
    is_slug,
    new_slug,
)
from cvmaker.domain.shares.public import PublicView, cv_view, letter_view
from cvmaker.ports import GuessThrottle, SecretHasher, ShareLinkRepository
from cvmaker.services.cvs import CvService

if TYPE_CHECKING:  # annotations only: rendering and letters load when a page is first shown
    from cvmaker.services.idempotency import Replay
    from cvmaker.services.letters import LetterService
    from cvmaker.services.rendering import PreviewPage, RenderService

MAX_PAGES = 10
PAGE_CACHE_SIZE = 16
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}\Z")


class Keep:
    """A setting `updateShareLink` leaves as it is (the field was not sent)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = Keep()


class TooManyGuesses(DomainError):
    """Too many wrong passwords from one address, or at one link: wait `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("Too many attempts. Try again later.")
        self.retry_after = retry_after


@dataclass(frozen=True)
class SharedPage:
    """What the public page of a live link shows."""

    link: ShareLink
    view: PublicView
    pages: list[PreviewPage]


@dataclass(frozen=True)
class SharedPdf:
    data: bytes
    filename: str


@dataclass(frozen=True)
class _Document:
    pdf: bytes
    filename: str
    view: PublicView


@dataclass
class ShareService:
    links: ShareLinkRepository
    cvs: CvService
    hasher: SecretHasher
    throttle: GuessThrottle
    secret: bytes  # signs the tokens that open password-protected pages
    public_url: str  # where the app is served: a link's address is <public_url>/s/<slug>
    rendering: Callable[[], RenderService]
    letters: Callable[[], LetterService] | None = None
    clock: Callable[[], datetime] = field(default=utc_now)
    _pages: OrderedDict[str, list[PreviewPage]] = field(default_factory=OrderedDict, init=False, repr=False)
    _pages_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _dummy: str | None = field(default=None, init=False, repr=False)

    # ---------------------------------------------------------------- the owner's side

    def url(self, link: ShareLink) -> str:
        return f"{self.public_url.rstrip('/')}/s/{link.slug}"

    def create(
        self,
        owner: str,
        cv_id: str | None,
        letter_id: str | None,
        password: str | None = None,
        expires_at: datetime | None = None,
        show_contacts: bool = False,
    ) -> ShareLink:
        """A new link to the caller's CV `cv_id` or letter `letter_id`. Another user's is `NotFound`."""
        check_target(cv_id, letter_id)
        now = self.clock()
        if password is not None:
            check_password(password)
        expiry = check_expiry(expires_at, now) if expires_at is not None else None
        self._check_owned(owner, cv_id, letter_id)
        if len(self.links.list_for(owner, cv_id, letter_id)) >= MAX_LINKS_PER_DOCUMENT:
            raise LimitExceeded(
                f"A document can have at most {MAX_LINKS_PER_DOCUMENT} share links: revoke one first.", "share_links"
            )
        link = ShareLink(
            id=new_ulid(),
            owner=owner,
            slug=new_slug(),
            created_at=now,
            cv_id=cv_id,
            letter_id=letter_id,
            password_hash=self.hasher.hash(password) if password is not None else None,
            expires_at=expiry,
            show_contacts=show_contacts,
        )
        self.links.add(link)
        return link

    def get(self, owner: str, link_id: str) -> ShareLink:
        link = self.links.get(owner, link_id) if _is_id(link_id) else None
        if link is None:
            raise NotFound("Share link")
        return link

    def list_for(self, owner: str, cv_id: str | None, letter_id: str | None) -> list[ShareLink]:
        """The caller's links of one CV or letter, newest first; none for another user's."""
        check_target(cv_id, letter_id)
        if not _is_id(cv_id or letter_id or ""):
            return []
        if letter_id is not None and not self._letter_exists(owner, letter_id):
            # A deleted letter tells no one (the letters service has no hook): its links go when next looked at.
            self.links.delete_for(owner, None, letter_id)
            return []
        return self.links.list_for(owner, cv_id, letter_id)

    def update(
        self,
        owner: str,
        link_id: str,
        password: str | None | Keep = KEEP,
        expires_at: datetime | None | Keep = KEEP,
        show_contacts: bool | Keep = KEEP,
    ) -> ShareLink:
        """Set or clear (None) the password and the expiry, show or hide contacts; KEEP leaves one as it is."""
        link = self.get(owner, link_id)
        now = self.clock()
        changes: dict[str, object] = {}
        if isinstance(password, str):
            check_password(password)
            changes["password_hash"] = self.hasher.hash(password)
        elif password is None:
            changes["password_hash"] = None
        if isinstance(expires_at, datetime):
            changes["expires_at"] = check_expiry(expires_at, now)
        elif expires_at is None:
            changes["expires_at"] = None
        if isinstance(show_contacts, bool):
            changes["show_contacts"] = show_contacts
        if link.revoked and changes:
            raise InvalidInput([FieldProblem("id", "This link is revoked: make a new one.")])
        updated = link.with_changes(**changes)
        self.links.save(updated)
        return updated

    def revoke(self, owner: str, link_id: str) -> ShareLink:
        """The link stops answering at once, for good. Revoking again changes nothing."""
        link = self.get(owner, link_id)
        if not link.revoked:
            link = link.with_changes(revoked=True)
            self.links.save(link)
        return link

    def forget_cv(self, owner: str, cv_id: str) -> None:
        """A deleted CV takes its links with it."""
        self.links.delete_for(owner, cv_id, None)

    def forget_letter(self, owner: str, letter_id: str) -> None:
        self.links.delete_for(owner, None, letter_id)

    def replay(self) -> Replay[ShareLink]:
        """createShareLink under an idempotency key: the link made first (as it is now)."""
        from cvmaker.services.idempotency import Replay

        return Replay(lambda link: {"linkId": link.id}, lambda owner, kept: self.get(owner, kept["linkId"]))

    # ---------------------------------------------------------------- the public side

    def open(self, slug: str) -> ShareLink:
        """The live link `slug`; `NotFound` when it is missing, revoked or expired."""
        link = self.links.by_slug(slug) if is_slug(slug) else None
        if link is None or not link.live(self.clock()):
            raise NotFound("Page")
        return link

    def unlock(self, slug: str, password: str, source: str | None) -> str:
        """The token that opens the password-protected link `slug`. A wrong password is `NotFound`, like a
        missing link; guesses are throttled per address and per link, missing links included."""
        target = f"share:{slug[:64]}"
        wait = self.throttle.wait(source, target)
        if wait is not None:
            raise TooManyGuesses(wait)
        candidate = password if len(password) <= MAX_PASSWORD else ""
        try:
            link = self.open(slug)
        except NotFound:
            # The same hash work as for a wrong password, so the answer's timing does not tell the two apart.
            self.hasher.verify(self._dummy_hash(), candidate)
            self.throttle.failed(source, target)
            raise
        if link.password_hash is None or not self.hasher.verify(link.password_hash, candidate):
            self.throttle.failed(source, target)
            raise NotFound("Page")
        self.throttle.succeeded(source, target)
        return self.token(link)

    def password_fingerprint(self, password: str | None) -> str | None:
        """What an idempotency key's fingerprint keeps of a password: keyed, so it cannot be guessed offline."""
        if password is None:
            return None
        return hmac.new(self.secret, b"idempotency\n" + password.encode(), hashlib.sha256).hexdigest()

    def _dummy_hash(self) -> str:
        if self._dummy is None:  # two first callers may both make one: either does
            self._dummy = self.hasher.hash(secrets.token_urlsafe(16))
        return self._dummy

    def token(self, link: ShareLink) -> str:
        message = f"{link.slug}\n{link.password_hash or ''}".encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    def needs_password(self, link: ShareLink, token: str | None) -> bool:
        """Whether the page must ask for the password first (no token, or one from an older password)."""
        if link.password_hash is None:
            return False
        return token is None or not hmac.compare_digest(token.encode(), self.token(link).encode())

    def page(self, link: ShareLink, count: bool) -> SharedPage:
        """The page of an open link (`open`, then past `needs_password`); `count` counts a view once it is made."""
        document = self._document(link)
        pages = self._rasterized(document.pdf)
        if count:
            self.links.count(link, Counter.VIEWS, day_of(self.clock()))
        return SharedPage(link, document.view, pages)

    def pdf(self, link: ShareLink, count: bool = True) -> SharedPdf:
        document = self._document(link)
        if count:
            self.links.count(link, Counter.DOWNLOADS, day_of(self.clock()))
        return SharedPdf(document.pdf, document.filename)

    # ---------------------------------------------------------------- steps

    def _check_owned(self, owner: str, cv_id: str | None, letter_id: str | None) -> None:
        if cv_id is not None:
            if not _is_id(cv_id) or self.cvs.find(owner, cv_id) is None:
                raise NotFound()
            return
        if not self._letter_exists(owner, letter_id or ""):
            raise NotFound("Cover letter")

    def _letter_exists(self, owner: str, letter_id: str) -> bool:
        """Whether the caller has the letter, and the CV it was written from (its letterhead)."""
        if self.letters is None or not _is_id(letter_id):
            return False
        letter = self.letters().letters.get(owner, letter_id)
        return letter is not None and self.cvs.find(owner, letter.cv_id) is not None

    def _document(self, link: ShareLink) -> _Document:
        from cvmaker.services.rendering import RenderFormat

        rendering = self.rendering()
        if link.cv_id is not None:
            cv = self.cvs.find(link.owner, link.cv_id)
            if cv is None:
                raise NotFound("Page")
            rendered = rendering.render(link.owner, cv.id, cv.document, None, RenderFormat.PDF)
            view = cv_view(cv.document, link.show_contacts)
        else:
            from cvmaker.services.letters import LetterRenderer

            letters = self.letters() if self.letters is not None else None
            letter = letters.letters.get(link.owner, link.letter_id or "") if letters is not None else None
            source = self.cvs.find(link.owner, letter.cv_id) if letter is not None else None
            if letter is None or source is None:
                raise NotFound("Page")
            rendered = LetterRenderer(rendering).render(link.owner, letter, source.document, RenderFormat.PDF)
            view = letter_view(source.document, letter.text, link.show_contacts)
        data = rendering.files.blobs.get(rendered.key)
        if data is None:
            raise NotFound("Page")
        return _Document(data, rendered.filename, view)

    def _rasterized(self, pdf: bytes) -> list[PreviewPage]:
        from cvmaker.services.rendering import PreviewPage

        digest = hashlib.sha256(pdf).hexdigest()
        with self._pages_lock:
            if digest in self._pages:
                self._pages.move_to_end(digest)
                return self._pages[digest]
        rasterizer = self.rendering().files.rasterizer
        pages = [
            PreviewPage(number=page.number, width=page.width, height=page.height, png=page.png)
            for page in rasterizer.rasterize(pdf, max_pages=MAX_PAGES)
        ]
        with self._pages_lock:
            self._pages[digest] = pages
            while len(self._pages) > PAGE_CACHE_SIZE:
                self._pages.popitem(last=False)
        return pages


def _is_id(value: str) -> bool:
    return bool(_ID.match(value))
