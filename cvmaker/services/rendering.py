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
from typing import Any, Protocol

from cvmaker.domain.cv.model import CvDocument, Design
from cvmaker.domain.rendering.download_names import download_name
from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.letters.layout import LetterContent
from cvmaker.domain.rendering.plain_text import to_plain_text
from cvmaker.domain.cv.validation import validate_document
from cvmaker.ports import BlobStore, PdfRenderer

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


_EXTENSIONS = {RenderFormat.PDF: "pdf", RenderFormat.DOCX: "docx", RenderFormat.TEXT: "txt",
               RenderFormat.JSON_RESUME: "json"}
_CONTENT_TYPES = {
    RenderFormat.PDF: "application/pdf",
    RenderFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    RenderFormat.TEXT: "text/plain; charset=utf-8",
    RenderFormat.JSON_RESUME: "application/json",
}


# ---------------------------------------------------------------- what the service needs (besides the ports)

class TemplateDetails(Protocol):
    @property
    def version(self) -> str: ...

    @property
    def asset_dir(self) -> Path: ...


class TemplateCatalog(Protocol):
    def names(self) -> list[str]: ...

    def get(self, name: str) -> TemplateDetails:
        """Raise `NotFound` for an unknown template."""
        ...

    def html(self, document: CvDocument, design: Design | None = None) -> str: ...

    def letter_html(self, template: str, document: CvDocument, design: Design, letter: LetterContent) -> str: ...


class VersionedPdfRenderer(PdfRenderer, Protocol):
    @property
    def version(self) -> str:
        """Changes whenever the same HTML could render to different bytes (engine or settings)."""
        ...


class DocxWriter(Protocol):
    def write(self, document: CvDocument, design: Design) -> bytes: ...


class RasterizedPage(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...

    @property
    def png(self) -> bytes: ...


class Rasterizer(Protocol):
    def page_count(self, pdf: bytes) -> int: ...

    def rasterize(self, pdf: bytes, max_pages: int | None = None) -> list[Any]:
        """One `RasterizedPage` per page, in order."""
        ...


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


def download_filename(document: CvDocument, render_format: RenderFormat) -> str:
    """"Amelia Hartley CV.pdf", in the name's own script."""
    return download_name(document.basics.name, "CV", render_format.extension)


class RenderService:
    def __init__(
        self,
        blobs: BlobStore,
        renderer: VersionedPdfRenderer,
        docx_writer: DocxWriter,
        rasterizer: Rasterizer,
        templates: TemplateCatalog,
        json_resume: Callable[[CvDocument], dict[str, Any]] | None = None,
    ) -> None:
        self.blobs = blobs
        self.renderer = renderer
        self.docx_writer = docx_writer
        self.rasterizer = rasterizer
        self.templates = templates
        self.json_resume = json_resume
        self._previews: OrderedDict[str, list[PreviewPage]] = OrderedDict()
        self._previews_lock = threading.Lock()

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
        digest = self.cache_key(prepared, render_format)
        key = f"users/{owner}/renders/{cv_id}/{digest}.{render_format.extension}"
        if self.blobs.exists(key):
            data = self.blobs.get(key)
            if data is not None:
                return self._described(key, prepared, render_format, data, None, cached=True)
        data, pages = self.render_bytes(prepared, render_format)
        self.blobs.put(key, data, render_format.content_type)
        return self._described(key, prepared, render_format, data, pages, cached=False)

    def render_bytes(self, prepared: RenderInput, render_format: RenderFormat) -> tuple[bytes, int | None]:
        """Render without the blob store (the command line uses this). Pages are counted for PDFs only."""
        if render_format is RenderFormat.PDF:
            pdf = self.renderer.render(self.templates.html(prepared.document, prepared.design),
                                       str(prepared.asset_dir))
            return pdf.data, pdf.pages
        if render_format is RenderFormat.DOCX:
            return self.docx_writer.write(prepared.document, prepared.design), None
        if render_format is RenderFormat.TEXT:
            return to_plain_text(prepared.document).encode(), None
        if self.json_resume is None:
            raise InvalidInput([FieldProblem("format", "JSON Resume export is not available here")])
        return _canonical(self.json_resume(prepared.document)) + b"\n", None

    def preview(
        self, document: CvDocument, design: Design | Mapping[str, Any] | None = None
    ) -> list[PreviewPage]:
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
            for page in self.rasterizer.rasterize(pdf.data, max_pages=MAX_PREVIEW_PAGES)
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
        validate_document(data, self.templates.names())
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

    def _described(
        self, key: str, prepared: RenderInput, render_format: RenderFormat, data: bytes, pages: int | None,
        cached: bool,
    ) -> RenderedFile:
        if render_format is RenderFormat.PDF and pages is None:
            pages = self.rasterizer.page_count(data)
        return RenderedFile(
            key=key,
            format=render_format,
            pages=pages,
            bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            cached=cached,
            filename=download_filename(prepared.document, render_format),
            content_type=render_format.content_type,
        )
