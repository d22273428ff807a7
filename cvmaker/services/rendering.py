"""Rendering use cases: a CV as PDF, DOCX, plain text or JSON Resume, cached in the blob store by content; and
the live preview, the PDF's pages as PNG images, for unsaved edits.

A rendered file is stored under a key made from a hash of everything its bytes depend on (the document, the
effective design, the template's version, the format and the renderer's version), so asking again for the same
CV in the same design finds the file without rendering, and any change makes a new key (no stale file is ever
served). Every input is validated first, design values against their allow-lists included.
"""

from __future__ import annotations

import copy
import enum
import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cvmaker.domain.cv import editing, lenient
from cvmaker.domain.cv.model import CvDocument, Design
from cvmaker.domain.errors import FieldProblem, InvalidInput, NotFound
from cvmaker.domain.quotas import QuotaKind
from cvmaker.domain.rendering.download_names import download_name
from cvmaker.domain.rendering.plain_text import to_plain_text
from cvmaker.ports import (
    BlobStore,
    DocxWriter,
    PdfRenderer,
    Rasterizer,
    TemplateCatalog,
)
from cvmaker.services.cvs import CvService
from cvmaker.services.quotas import QuotaService, unmetered

CACHE_FORMAT_VERSION = "1"
PREVIEW_CACHE_SIZE = 32
MAX_PREVIEW_PAGES = 10
_KEY_PART = re.compile(r"^[A-Za-z0-9_.@:|-]{1,128}$")


class RenderFormat(str, enum.Enum):
    PDF = "PDF"
    DOCX = "DOCX"
    TEXT = "TEXT"
    JSON_RESUME = "JSON_RESUME"

    @property
    def extension(self) -> str:
        return _EXTENSIONS[self]

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]


_EXTENSIONS = {
    RenderFormat.PDF: "pdf",
    RenderFormat.DOCX: "docx",
    RenderFormat.TEXT: "txt",
    RenderFormat.JSON_RESUME: "json",
}
_CONTENT_TYPES = {
    RenderFormat.PDF: "application/pdf",
    RenderFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    RenderFormat.TEXT: "text/plain; charset=utf-8",
    RenderFormat.JSON_RESUME: "application/json",
}


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class RenderedFile:
    key: str  # blob key
    format: RenderFormat
    pages: int | None  # PDF only
    bytes: int
    sha256: str  # of the file's bytes: equal CV, design and template version give an equal hash
    cached: bool  # served from the blob store without rendering
    filename: str  # a name to download it as
    content_type: str


@dataclass(frozen=True, slots=True)
class Download:
    """A rendered file and the short-lived URL it can be fetched from."""

    file: RenderedFile
    url: str


@dataclass(frozen=True, slots=True)
class PreviewPage:
    number: int
    width: int
    height: int
    png: bytes


@dataclass(frozen=True, slots=True)
class RenderInput:
    """A validated document with its effective design, and the key its outputs are cached under."""

    document: CvDocument
    design: Design
    template_version: str
    asset_dir: Path


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def rendered_files_prefix(owner: str, cv_id: str) -> str:
    """Where every file rendered from a CV (its exports and its letters) is stored: deleted with the CV."""
    return f"users/{owner}/renders/{cv_id}/"


def download_filename(document: CvDocument, render_format: RenderFormat) -> str:
    """ "Amelia Hartley CV.pdf", in the name's own script."""
    return download_name(document.basics.name, "CV", render_format.extension)


class StoredFiles:
    """The one flow by which a rendered file reaches a person: looked up in the blob store by a key made from
    what its bytes depend on, rendered and stored only when missing, described (size, hash, pages) and handed
    out through a short-lived download URL. CV renders and cover letters both go through it."""

    def __init__(self, blobs: BlobStore, rasterizer: Rasterizer) -> None:
        self.blobs = blobs
        self.rasterizer = rasterizer

    def fetch_or_make(
        self, key: str, render_format: RenderFormat, filename: str, make: Callable[[], tuple[bytes, int | None]]
    ) -> RenderedFile:
        data: bytes | None = self.blobs.get(key) if self.blobs.exists(key) else None
        cached = data is not None
        pages: int | None = None
        if data is None:
            data, pages = make()
            self.blobs.put(key, data, render_format.content_type)
        if render_format is RenderFormat.PDF and pages is None:
            pages = self.rasterizer.page_count(data)
        return RenderedFile(
            key=key,
            format=render_format,
            pages=pages,
            bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            cached=cached,
            filename=filename,
            content_type=render_format.content_type,
        )

    def download(self, rendered: RenderedFile) -> Download:
        return Download(rendered, self.blobs.download_url(rendered.key, rendered.filename))


class RenderService:
    def __init__(
        self,
        files: StoredFiles,
        renderer: PdfRenderer,
        docx_writer: DocxWriter,
        templates: TemplateCatalog,
        json_resume: Callable[[CvDocument], dict[str, Any]] | None = None,
        *,
        cvs: CvService | None = None,
        quotas: QuotaService | None = None,
    ) -> None:
        self._cvs = cvs
        self.quotas = quotas or unmetered()
        self.files = files
        self.renderer = renderer
        self.docx_writer = docx_writer
        self.templates = templates
        self.json_resume = json_resume
        self._previews: OrderedDict[str, list[PreviewPage]] = OrderedDict()
        self._previews_lock = threading.Lock()

    @property
    def cvs(self) -> CvService:
        if self._cvs is None:  # a service made for rendering documents only (the command line, tests)
            raise RuntimeError("this RenderService was built without the CV service")
        return self._cvs

    def render_cv(
        self, owner: str, cv_id: str, design: Mapping[str, Any] | None, render_format: RenderFormat
    ) -> Download:
        """The caller's CV as a file, with a short-lived link to it."""
        cv = self.cvs.get(owner, cv_id)
        with self.quotas.spend(owner, QuotaKind.RENDER):
            return self.files.download(self.render(owner, cv.id, cv.document, design or None, render_format))

    def preview_cv(
        self, owner: str, cv_id: str | None, changes: Mapping[str, Any] | None, design: Mapping[str, Any] | None
    ) -> list[PreviewPage]:
        """The pages of a saved CV with unsaved edits applied on top, or of a document made only of the edits."""
        if cv_id is not None:
            base = self.cvs.get(owner, cv_id).document.to_dict()
            document = CvDocument.from_dict(editing.apply_changes(base, dict(changes)) if changes else base)
        elif changes is None:
            raise NotFound()
        else:
            document = CvDocument.from_dict(editing.new_document(dict(changes)))
        with self.quotas.spend(owner, QuotaKind.PREVIEW):
            return self.preview(document, design or None)

    # ---------------------------------------------------------------- use cases

    def render(
        self,
        owner: str,
        cv_id: str,
        document: CvDocument,
        design_override: Design | Mapping[str, Any] | None = None,
        render_format: RenderFormat = RenderFormat.PDF,
    ) -> RenderedFile:
        """The CV as a file in the blob store, rendered only if no equal render is stored yet."""
        if not _KEY_PART.match(owner) or not _KEY_PART.match(cv_id) or ".." in owner or ".." in cv_id:
            raise InvalidInput([FieldProblem("cvId", "is not a valid id")])
        prepared = self.prepare(document, design_override)
        key = (
            f"{rendered_files_prefix(owner, cv_id)}{self.cache_key(prepared, render_format)}.{render_format.extension}"
        )
        return self.files.fetch_or_make(
            key,
            render_format,
            download_filename(prepared.document, render_format),
            lambda: self.render_bytes(prepared, render_format),
        )

    def render_bytes(self, prepared: RenderInput, render_format: RenderFormat) -> tuple[bytes, int | None]:
        """Render without the blob store (the command line uses this). Pages are counted for PDFs only."""
        if render_format is RenderFormat.PDF:
            pdf = self.renderer.render(self.templates.html(prepared.document, prepared.design), str(prepared.asset_dir))
            return pdf.data, pdf.pages
        if render_format is RenderFormat.DOCX:
            return self.docx_writer.write(prepared.document, prepared.design), None
        if render_format is RenderFormat.TEXT:
            return to_plain_text(prepared.document).encode(), None
        if self.json_resume is None:
            raise InvalidInput([FieldProblem("format", "JSON Resume export is not available here")])
        return _canonical(self.json_resume(prepared.document)) + b"\n", None

    def preview(self, document: CvDocument, design: Design | Mapping[str, Any] | None = None) -> list[PreviewPage]:
        """The PDF's pages as PNG images, for a document that may not be saved (validated all the same)."""
        prepared = self.prepare(document, design)
        digest = self.cache_key(prepared, RenderFormat.PDF)
        with self._previews_lock:
            if digest in self._previews:
                self._previews.move_to_end(digest)
                return self._previews[digest]
        pdf = self.renderer.render(self.templates.html(prepared.document, prepared.design), str(prepared.asset_dir))
        pages = [
            PreviewPage(number=page.number, width=page.width, height=page.height, png=page.png)
            for page in self.files.rasterizer.rasterize(pdf.data, max_pages=MAX_PREVIEW_PAGES)
        ]
        with self._previews_lock:
            self._previews[digest] = pages
            while len(self._previews) > PREVIEW_CACHE_SIZE:
                self._previews.popitem(last=False)
        return pages

    # ---------------------------------------------------------------- steps

    def prepare(self, document: CvDocument, design_override: Design | Mapping[str, Any] | None = None) -> RenderInput:
        """Validate `document` with `design_override` (a whole design, or some of its fields) applied."""
        data = document.to_dict()
        if isinstance(design_override, Design):
            data["design"] = design_override.to_dict()
        elif design_override:
            data["design"] = {**data["design"], **copy.deepcopy(dict(design_override))}
        # Read as a save reads it, so an unsaved "March 2020" previews as it will print; drafts (what cannot be
        # read yet) are never rendered.
        data = lenient.readable(data, self.templates.names())
        data.pop("drafts", None)
        effective = CvDocument.from_dict(data)
        template = self.templates.get(effective.design.template)
        return RenderInput(effective, effective.design, template.version, template.asset_dir)

    def cache_key(self, prepared: RenderInput, render_format: RenderFormat) -> str:
        """A hash of everything the output depends on."""
        engine = self.renderer.version if render_format is RenderFormat.PDF else ""
        basis = {
            "cache": CACHE_FORMAT_VERSION,
            "document": prepared.document.to_dict(),
            "template": prepared.template_version,
            "format": render_format.value,
            "renderer": engine,
        }
        return hashlib.sha256(_canonical(basis)).hexdigest()
