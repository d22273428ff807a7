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

from cvmaker.domain.cv import Cv, CvDocument, Design, Page
from cvmaker.domain.errors import FieldProblem, InvalidInput, NotFound
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.services.rendering import RenderedFile, RenderFormat, RenderInput, RenderService

LETTER_CACHE_VERSION = "1"
LETTER_FORMATS = (RenderFormat.PDF, RenderFormat.DOCX, RenderFormat.TEXT)
_ID = re.compile(r"^[A-Za-z0-9_.@:|-]{1,128}$")
_BULLET = re.compile(r"^\s*[-*\u2022\u2013]\s+")
_GREETING_START = re.compile(r"^(dear|hello|hi|to whom|good (morning|afternoon|day))\b", re.IGNORECASE)
_CLOSING_WORDS = re.compile(
    r"^(kind|best|warm|warmest|with (kind|best)|yours|sincerely|regards|respectfully|thank you|thanks|many "
    r"thanks|cordially|all the best)\b", re.IGNORECASE)
MAX_GREETING_CHARS = 80
MAX_CLOSING_CHARS = 40
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


# ---------------------------------------------------------------- the letter's parts

@dataclass(frozen=True, slots=True)
class LetterBlock:
    kind: str  # "paragraph" (its lines kept as line breaks) or "list" (one bullet per line)
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LetterContent:
    """What the letter's page shows below the letterhead. `signature` is the CV's name unless the text ends
    with a different one."""

    date: str
    greeting: str
    blocks: tuple[LetterBlock, ...]
    closing: str
    signature: str

    def all_text(self) -> str:
        """Every word the page shows below the letterhead, in reading order."""
        lines = [self.date, self.greeting, *(line for block in self.blocks for line in block.lines),
                 self.closing, self.signature]
        return "\n".join(line for line in lines if line)


def letter_date(moment: datetime, language: str = "en") -> str:
    """"25 November 2026" in English; "2026/11/25" otherwise (as CV dates read in other languages)."""
    if language == "en":
        return f"{moment.day} {_FULL_MONTHS[moment.month - 1]} {moment.year}"
    return f"{moment.year}/{moment.month:02d}/{moment.day:02d}"


def _is_greeting(line: str) -> bool:
    line = line.strip()
    return len(line) <= MAX_GREETING_CHARS and (
        bool(_GREETING_START.match(line)) and line.endswith((",", ":", "!", "\uff0c", "\u060c")))


def _is_closing(line: str) -> bool:
    line = line.strip()
    return len(line) <= MAX_CLOSING_CHARS and bool(_CLOSING_WORDS.match(line)) and not line.endswith(".")


def _is_signature(line: str) -> bool:
    """A name after a closing: a few words ("Ada L." included), not a question or an opening."""
    line = line.strip()
    return len(line) <= MAX_CLOSING_CHARS and len(line.split()) <= 5 and not line.endswith(("!", "?", ":", ","))


def _same_name(line: str, name: str) -> bool:
    return bool(name.strip()) and " ".join(line.split()).casefold() == " ".join(name.split()).casefold()


def _blocks(chunk: list[str]) -> list[LetterBlock]:
    """A chunk of lines between blank lines: runs of bullet lines become lists, other runs paragraphs."""
    blocks: list[LetterBlock] = []
    for line in chunk:
        is_bullet = bool(_BULLET.match(line))
        kind = "list" if is_bullet else "paragraph"
        text = _BULLET.sub("", line, count=1).strip() if is_bullet else line.strip()
        if blocks and blocks[-1].kind == kind:
            blocks[-1] = LetterBlock(kind, (*blocks[-1].lines, text))
        else:
            blocks.append(LetterBlock(kind, (text,)))
    return blocks


def letter_content(text: str, name: str, date: str) -> LetterContent:
    """Split `text` into its parts. A greeting ("Dear ...,") is found on the first line, a closing ("Kind
    regards,") and a signature on the last lines; anything else is kept as paragraphs, in order."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    greeting = ""
    if lines and _is_greeting(lines[0]):
        greeting = lines.pop(0).strip()
    signature, closing = "", ""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    last = filled[-1] if filled else None
    before_last = filled[-2] if len(filled) > 1 else None
    if last is not None and _same_name(lines[last], name) or last is not None and before_last is not None and _is_closing(lines[before_last]) and _is_signature(
            lines[last]):
        signature, last = lines[last].strip(), before_last
    if last is not None and _is_closing(lines[last]):
        closing = lines[last].strip()
    if signature or closing:
        del lines[last if closing else filled[-1]:]
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    blocks = tuple(block for chunk in chunks for block in _blocks(chunk))
    return LetterContent(date=date, greeting=greeting, blocks=blocks, closing=closing,
                         signature=signature or name.strip())


# ---------------------------------------------------------------- what the service needs

class LetterHtml(Protocol):
    def __call__(self, template: str, document: CvDocument, design: Design, letter: LetterContent) -> str: ...


@runtime_checkable
class LetterDocxWriter(Protocol):
    def write_letter(self, document: CvDocument, design: Design, letter: Any) -> bytes: ...


class CvLister(Protocol):
    def get(self, owner: str, cv_id: str) -> Cv: ...

    def list(self, owner: str, first: int, after: str | None = None) -> Page: ...


class LetterLister(Protocol):
    def cover_letters(self, owner: str, cv_id: str) -> list[CoverLetter]: ...


def bundled_letter_html(template: str, document: CvDocument, design: Design, letter: LetterContent) -> str:
    """The shipped templates' letter HTML. Imported on first use: Jinja2 and the templates load only when a
    letter is rendered."""
    from templates.html import render_letter_html

    return render_letter_html(template, document, design, letter)


def letter_filename(document: CvDocument, render_format: RenderFormat) -> str:
    """"Amelia Hartley Cover Letter.pdf": letters, digits, spaces and dashes of the name only."""
    name = re.sub(r"[^\w\- ]+", "", document.basics.name, flags=re.UNICODE).strip()[:80]
    return f"{name} Cover Letter.{render_format.extension}" if name else f"Cover Letter.{render_format.extension}"


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

    def __init__(self, rendering: RenderService, letter_html: LetterHtml, docx_writer: LetterDocxWriter) -> None:
        self.rendering = rendering
        self.letter_html = letter_html
        self.docx_writer = docx_writer

    @classmethod
    def over(cls, rendering: RenderService,
             letter_html: LetterHtml = bundled_letter_html) -> LetterRenderService:
        """A letter service sharing `rendering`'s parts; its DOCX writer must also write letters."""
        writer = rendering.docx_writer
        if not isinstance(writer, LetterDocxWriter):
            raise TypeError(f"{type(writer).__name__} cannot write letters (no write_letter method)")
        return cls(rendering, letter_html, writer)

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
        from cvmaker.domain.plain_text import detect_script

        # The letter's own language (from its text), not the CV's: an English letter from an Arabic CV is dated
        # in English.
        script = detect_script(CvDocument(basics=prepared.document.basics, summary=letter.text))
        return letter_content(letter.text, prepared.document.basics.name,
                              letter_date(letter.created_at, script.language))

    def render_bytes(self, letter: CoverLetter, content: LetterContent, prepared: RenderInput,
                     render_format: RenderFormat) -> tuple[bytes, int | None]:
        if render_format is RenderFormat.PDF:
            html = self.letter_html(prepared.design.template, prepared.document, prepared.design, content)
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

