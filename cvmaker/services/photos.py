"""A photo on a CV: uploaded through the same signed, single-use upload targets as a CV file, then set on a CV.

Setting one reads the upload (the caller's own: upload keys carry the owner), makes it a clean square JPEG
(`cvmaker.domain.photos.processing`), stores it under the owner's prefix named by its content hash and records that
key as `basics.photo` in a new version of the CV (version-checked like every edit). A photo is kept while one of
the owner's CVs shows it: replacing, removing and deleting a CV delete the photos no CV shows any more. Earlier
revisions keep their key; restored after their photo is gone, they render without one.

Rendering reads the photo through `PhotoTemplates`, which hands the templates a `data:` URI of the stored JPEG, so
the PDF renderer never fetches anything.
"""

from __future__ import annotations

import base64
import builtins
import re
from dataclasses import dataclass, field, replace

from cvmaker.domain.cv.model import Cv, CvDocument, Design
from cvmaker.domain.errors import FieldProblem, InvalidInput, NotFound, VersionConflict
from cvmaker.domain.ids import is_cv_id
from cvmaker.domain.letters.layout import LetterContent
from cvmaker.domain.photos.model import (
    ACCEPTED_PHOTOS,
    MAX_PHOTO_BYTES,
    PHOTO_CONTENT_TYPE,
    PHOTO_CONTENT_TYPES,
    Crop,
    is_photo_key,
    photo_key,
    photos_prefix,
)
from cvmaker.domain.photos.processing import prepare_photo
from cvmaker.domain.quotas import QuotaKind
from cvmaker.domain.rendering.templates import TemplateInfo
from cvmaker.ports import BlobListing, BlobStore, TemplateCatalog
from cvmaker.services.cvs import CvService
from cvmaker.services.imports import UploadTicket, new_ticket, upload_key, upload_problems
from cvmaker.services.quotas import QuotaService, unmetered

PHOTO_LINK_SECONDS = 900
PAGE = 50
_DATA_URI = "data:image/jpeg;base64,"
PHOTO_DATA_URI = re.compile(r"^data:image/jpeg;base64,[A-Za-z0-9+/]+=*\Z")


@dataclass(frozen=True, slots=True)
class PhotoLink:
    """A CV's photo and a short-lived link to its JPEG."""

    key: str
    url: str


@dataclass
class PhotoService:
    blobs: BlobStore
    listing: BlobListing
    cvs: CvService
    # Decoding an image is the costly step (up to 50 million pixels): it counts as reading an uploaded file.
    quotas: QuotaService = field(default_factory=unmetered)

    # ---------------------------------------------------------------- upload

    def create_upload(self, owner: str, filename: str, content_type: str, size: int) -> UploadTicket:
        """A signed, single-use target for one image of at most `MAX_PHOTO_BYTES` (the import's upload flow)."""
        problems = upload_problems(
            filename,
            content_type,
            size,
            PHOTO_CONTENT_TYPES,
            f"must be {ACCEPTED_PHOTOS} ({', '.join(PHOTO_CONTENT_TYPES)})",
        )
        if size > MAX_PHOTO_BYTES:
            problems.append(FieldProblem("size", f"a photo may be at most {MAX_PHOTO_BYTES // (1024 * 1024)} MB"))
        if problems:
            raise InvalidInput(problems)
        return new_ticket(self.blobs, owner, content_type, MAX_PHOTO_BYTES)

    # ---------------------------------------------------------------- set, remove, read

    def set_photo(self, owner: str, cv_id: str, version: int, upload_id: str, crop: Crop | None = None) -> Cv:
        """The CV with the uploaded image as its photo, in a new version. The upload is used up once the photo is
        set, or when its bytes are refused; a refused crop or a stale version keeps it for another try."""
        current = self.cvs.get(owner, cv_id)
        if current.version != version:
            raise VersionConflict(current.version)  # before any work: the caller has not seen this version
        if not is_cv_id(upload_id):
            raise NotFound("Upload")
        upload = upload_key(owner, upload_id)
        data = self.blobs.get(upload)
        if data is None:
            raise NotFound("Upload")
        try:
            with self.quotas.spend(owner, QuotaKind.IMPORT):
                photo = prepare_photo(data, crop)
        except InvalidInput as refused:
            if any(problem.path == "uploadId" for problem in refused.problems):
                self.blobs.delete(upload)  # not an image we take: nobody can use it
            raise
        key = photo_key(owner, photo.sha256)
        self.blobs.put(key, photo.data, PHOTO_CONTENT_TYPE)
        try:
            updated = self.cvs.update(owner, cv_id, version, {"basics": {"photo": key}})
        except VersionConflict:
            self._forget_unused(owner, {key})  # another write won the race: keep nothing it does not show
            raise
        if not self.blobs.exists(key):  # a concurrent clean-up of another CV took it before this save landed
            self.blobs.put(key, photo.data, PHOTO_CONTENT_TYPE)
        self.blobs.delete(upload)
        self._forget_unused(owner, {current.document.basics.photo} - {key, None})
        return updated

    def remove_photo(self, owner: str, cv_id: str, version: int) -> Cv:
        """The CV without its photo, in a new version (the CV as it is when it has none)."""
        current = self.cvs.get(owner, cv_id)
        previous = current.document.basics.photo
        if current.version != version:
            raise VersionConflict(current.version)
        if previous is None:
            return current
        updated = self.cvs.update(owner, cv_id, version, {"basics": {"photo": None}})
        self._forget_unused(owner, {previous})
        return updated

    def photo(self, owner: str, cv_id: str) -> PhotoLink | None:
        """The CV's photo with a short-lived link, or None when it has none (or its file is gone)."""
        key = self.cvs.get(owner, cv_id).document.basics.photo
        if key is None or not is_photo_key(key) or not self.blobs.exists(key):
            return None
        return PhotoLink(key, self.blobs.download_url(key, "photo.jpg", PHOTO_LINK_SECONDS))

    def forget_cv(self, owner: str, cv_id: str) -> None:
        """After a CV is deleted: its photos go unless another of the owner's CVs shows them."""
        self._forget_unused(owner, set(self.listing.keys(photos_prefix(owner))))

    # ---------------------------------------------------------------- clean-up

    def _forget_unused(self, owner: str, candidates: set[str | None]) -> int:
        keys = {key for key in candidates if key and key.startswith(photos_prefix(owner))}
        if not keys:
            return 0
        unused = keys - self._shown(owner)
        for key in unused:
            self.blobs.delete(key)
        return len(unused)

    def _shown(self, owner: str) -> builtins.set[str]:
        shown: set[str] = set()
        cursor: str | None = None
        while True:
            page = self.cvs.list(owner, PAGE, cursor)
            shown.update(cv.document.basics.photo for cv in page.items if cv.document.basics.photo)
            if page.next_cursor is None:
                return shown
            cursor = page.next_cursor


def photo_data_uri(data: bytes) -> str:
    return _DATA_URI + base64.b64encode(data).decode("ascii")


class PhotoTemplates:
    """A `TemplateCatalog` that shows each CV's photo: before the templates see a document, its photo's blob key is
    replaced by a `data:` URI of the stored JPEG (what `adapters/rendering/html.py` accepts as a photo). A key that
    is not a photo key, or whose file is gone, renders as no photo. Everything else is the wrapped catalog's."""

    def __init__(self, templates: TemplateCatalog, blobs: BlobStore) -> None:
        self.templates = templates
        self.blobs = blobs

    def names(self) -> list[str]:
        return self.templates.names()

    def all(self) -> list[TemplateInfo]:
        return self.templates.all()

    def get(self, name: str) -> TemplateInfo:
        return self.templates.get(name)

    def html(self, document: CvDocument, design: Design | None = None) -> str:
        return self.templates.html(self.with_photo(document), design)

    def letter_html(self, template: str, document: CvDocument, design: Design, letter: LetterContent) -> str:
        return self.templates.letter_html(template, document, design, letter)

    def with_photo(self, document: CvDocument) -> CvDocument:
        key = document.basics.photo
        if key is None:
            return document
        data = self.blobs.get(key) if is_photo_key(key) else None
        uri = photo_data_uri(data) if data else None
        return replace(document, basics=replace(document.basics, photo=uri))
