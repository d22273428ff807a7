"""Rendering a cover letter as a PDF or Word file in the style of the CV it was written from: the CV's template
and design (accent colour, font, page size, margins), a letterhead with the CV's name and contact details, the
date, then the letter itself, cached in the blob store by content like CV renders.

The letter's text is only ever split into parts (greeting, paragraphs, bulleted lists, closing, signature), never
rewritten: every character of it reaches the page, as text. The CV is validated the way `RenderService` validates
it, so only allow-listed design values reach a stylesheet, and PDFs go through the same renderer (and URL fetcher).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from cvmaker.domain.cv.model import Cv, CvDocument, Design, Page
from cvmaker.domain.rendering.download_names import download_name
from cvmaker.domain.errors import FieldProblem, InvalidInput, NotFound
from cvmaker.domain.letters.layout import LetterBlock, LetterContent, letter_content, letter_date
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.services.rendering import RenderedFile, RenderFormat, RenderInput, RenderService

LETTER_CACHE_VERSION = "1"
LETTER_FORMATS = (RenderFormat.PDF, RenderFormat.DOCX, RenderFormat.TEXT)
_ID = re.compile(r"^[A-Za-z0-9_.@:|-]{1,128}$")

__all__ = ["LETTER_FORMATS", "LetterBlock", "LetterContent", "LetterRenderService", "letter_content", "letter_date"]


@runtime_checkable
class LetterDocxWriter(Protocol):
    def write_letter(self, document: CvDocument, design: Design, letter: Any) -> bytes: ...


class CvLister(Protocol):
    def get(self, owner: str, cv_id: str) -> Cv: ...

    def list(self, owner: str, first: int, after: str | None = None) -> Page: ...


class LetterLister(Protocol):
    def cover_letters(self, owner: str, cv_id: str) -> list[CoverLetter]: ...


def letter_filename(document: CvDocument, render_format: RenderFormat) -> str:
    """"Amelia Hartley Cover Letter.pdf", in the name's own script."""
    return download_name(document.basics.name, "Cover Letter", render_format.extension)


def find_cover_letter(cvs: CvLister, letters: LetterLister, owner: str, letter_id: str) -> tuple[CoverLetter, Cv]:
    """The owner's letter with this id and the CV it was written from; `NotFound` otherwise (another user's
    letter included). Letters are stored under their CV, so this looks through the owner's CVs, newest first."""
    if not _ID.match(letter_id):
        raise NotFound("Cover letter")
    after: str | None = None
    while True:
        page = cvs.list(owner, 50, after)
        for cv in page.items:
            for letter in letters.cover_letters(owner, cv.id):
                if letter.id == letter_id:
                    return letter, cv
        if page.next_cursor is None:
            raise NotFound("Cover letter")
        after = page.next_cursor


def letter_format(value: str) -> RenderFormat:
    """The format named `value` if a letter can be rendered in it; `InvalidInput` otherwise."""
    found = next((f for f in LETTER_FORMATS if f.value == value), None)
    if found is None:
        raise InvalidInput([FieldProblem("format", f"A cover letter renders as PDF, DOCX or TEXT, not {value}.")])
    return found


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


# ---------------------------------------------------------------- the service

class LetterRenderService:
    """Renders letters with a `RenderService`'s parts: its blob store, PDF renderer, rasterizer (page counts)
    and template catalog (validation and template versions)."""

    def __init__(self, rendering: RenderService, docx_writer: LetterDocxWriter) -> None:
        self.rendering = rendering
        self.docx_writer = docx_writer

    @classmethod
    def over(cls, rendering: RenderService) -> LetterRenderService:
        """A letter service sharing `rendering`'s parts; its DOCX writer must also write letters."""
        writer = rendering.docx_writer
        if not isinstance(writer, LetterDocxWriter):
            raise TypeError(f"{type(writer).__name__} cannot write letters (no write_letter method)")
        return cls(rendering, writer)

    def render(self, owner: str, letter: CoverLetter, document: CvDocument,
               render_format: RenderFormat = RenderFormat.PDF) -> RenderedFile:
        """The letter as a file in the blob store, beside the CV's renders; rendered only if no equal file is
        stored yet. `document` is the CV the letter was written from."""
        letter_format(render_format.value)
        for value in (owner, letter.cv_id, letter.id):
            if not _ID.match(value) or ".." in value:
                raise InvalidInput([FieldProblem("id", "is not a valid id")])
        prepared = self.rendering.prepare(document)
        content = self.content(letter, prepared)
        digest = self.cache_key(letter, content, prepared, render_format)
        key = f"users/{owner}/renders/{letter.cv_id}/letters/{digest}.{render_format.extension}"
        blobs = self.rendering.blobs
        if blobs.exists(key):
            data = blobs.get(key)
            if data is not None:
                return self._described(key, prepared, render_format, data, None, cached=True)
        data, pages = self.render_bytes(letter, content, prepared, render_format)
        blobs.put(key, data, render_format.content_type)
        return self._described(key, prepared, render_format, data, pages, cached=False)

    def content(self, letter: CoverLetter, prepared: RenderInput) -> LetterContent:
        from cvmaker.domain.rendering.plain_text import detect_script

        # The letter's own language (from its text), not the CV's: an English letter from an Arabic CV is dated
        # in English.
        script = detect_script(CvDocument(basics=prepared.document.basics, summary=letter.text))
        return letter_content(letter.text, prepared.document.basics.name,
                              letter_date(letter.created_at, script.language))

    def render_bytes(self, letter: CoverLetter, content: LetterContent, prepared: RenderInput,
                     render_format: RenderFormat) -> tuple[bytes, int | None]:
        if render_format is RenderFormat.PDF:
            html = self.rendering.templates.letter_html(prepared.design.template, prepared.document, prepared.design, content)
            pdf = self.rendering.renderer.render(html, str(prepared.asset_dir))
            return pdf.data, pdf.pages
        if render_format is RenderFormat.DOCX:
            return self.docx_writer.write_letter(prepared.document, prepared.design, content), None
        return (letter.text.strip() + "\n").encode(), None

    def cache_key(self, letter: CoverLetter, content: LetterContent, prepared: RenderInput,
                  render_format: RenderFormat) -> str:
        """A hash of everything the file depends on: of the CV only its letterhead and design, so editing an
        entry of the CV does not render its letters again."""
        engine = self.rendering.renderer.version if render_format is RenderFormat.PDF else ""
        basis = {
            "cache": LETTER_CACHE_VERSION,
            "text": letter.text,
            "date": content.date,
            "basics": prepared.document.basics.to_dict(),
            "design": prepared.design.to_dict(),
            "template": prepared.template_version,
            "format": render_format.value,
            "renderer": engine,
        }
        return hashlib.sha256(_canonical(basis)).hexdigest()

    def _described(self, key: str, prepared: RenderInput, render_format: RenderFormat, data: bytes,
                   pages: int | None, cached: bool) -> RenderedFile:
        if render_format is RenderFormat.PDF and pages is None:
            pages = self.rendering.rasterizer.page_count(data)
        return RenderedFile(
            key=key, format=render_format, pages=pages, bytes=len(data), sha256=hashlib.sha256(data).hexdigest(),
            cached=cached, filename=letter_filename(prepared.document, render_format),
            content_type=render_format.content_type,
        )

