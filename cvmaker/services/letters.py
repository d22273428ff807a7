"""Cover letters: written from a CV's facts only for a job (held to the no-fabrication rule whatever the text
generator wrote), stored with the CV as documents a person edits (against a version, every save kept as a
revision; an edit is only warned about what the CV does not support, never refused for it), and rendered as a PDF or Word file in the style of the CV they were
written from: the CV's template and design (accent colour, font, page size, margins), a letterhead with the
CV's name and contact details, the date, then the letter itself, stored like CV renders (`StoredFiles`).

The letter's text is only ever split into parts (greeting, paragraphs, bulleted lists, closing, signature), never
rewritten: every character of it reaches the page, as text. The CV is validated the way `RenderService` validates
it, so only allow-listed design values reach a stylesheet, and PDFs go through the same renderer (and URL fetcher).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from cvmaker.domain.clock import utc_now
from cvmaker.domain.cv.model import Cv, CvDocument
from cvmaker.domain.errors import FieldProblem, InvalidInput, NotFound
from cvmaker.domain.ids import new_ulid
from cvmaker.domain.letters.documents import (
    LetterEdit,
    LetterRevision,
    LetterVersionConflict,
    checked_edit,
    default_title,
    edited,
)
from cvmaker.domain.letters.layout import (
    LetterBlock,
    LetterContent,
    letter_content,
    letter_date,
)
from cvmaker.domain.letters.phrases import every_phrase_word
from cvmaker.domain.letters.writing import rules_cover_letter
from cvmaker.domain.matching.fabrication import COVER_LETTER_WORDS, source_facts, text_problems
from cvmaker.domain.matching.jobs import Job
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.domain.matching.tailoring import Relevance, brief_for_letter, highlights
from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary
from cvmaker.domain.quotas import QuotaKind
from cvmaker.domain.rendering.download_names import download_name
from cvmaker.ports import CoverLetterRepository, TextGenerator
from cvmaker.services.cvs import CvService
from cvmaker.services.jobs import JobService
from cvmaker.services.matching import MatchingService
from cvmaker.services.quotas import QuotaService, unmetered
from cvmaker.services.rendering import (
    Download,
    RenderedFile,
    RenderFormat,
    RenderInput,
    RenderService,
    rendered_files_prefix,
)
from cvmaker.services.tailoring import written_or_why

LETTER_CACHE_VERSION = "1"
LETTER_FORMATS = (RenderFormat.PDF, RenderFormat.DOCX, RenderFormat.TEXT)
_ID = re.compile(r"^[A-Za-z0-9_.@:|-]{1,128}$")

__all__ = ["LETTER_FORMATS", "LetterBlock", "LetterContent", "LetterService", "letter_content", "letter_date"]


def letter_filename(document: CvDocument, render_format: RenderFormat) -> str:
    """ "Amelia Hartley Cover Letter.pdf", in the name's own script."""
    return download_name(document.basics.name, "Cover Letter", render_format.extension)


def letter_format(value: str) -> RenderFormat:
    """The format named `value` if a letter can be rendered in it; `InvalidInput` otherwise."""
    found = next((f for f in LETTER_FORMATS if f.value == value), None)
    if found is None:
        raise InvalidInput([FieldProblem("format", f"A cover letter renders as PDF, DOCX or TEXT, not {value}.")])
    return found


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


# ---------------------------------------------------------------- the service


@dataclass
class LetterService:
    cvs: CvService
    jobs: JobService
    matching: MatchingService
    generator: TextGenerator
    letters: CoverLetterRepository
    # Built on the first render: writing a letter needs no renderer.
    rendering: Callable[[], RenderService]
    vocabulary: Vocabulary = field(default_factory=shipped_vocabulary)
    clock: Callable[[], datetime] = field(default=utc_now)
    quotas: QuotaService = field(default_factory=unmetered)
    # Called after a letter is deleted, with (owner, letter_id).
    on_delete: list[Callable[[str, str], None]] = field(default_factory=list)

    def generate(self, owner: str, cv_id: str, job_id: str) -> CoverLetter:
        """A letter drawn only from the CV's facts, stored with the CV."""
        source = self.cvs.get(owner, cv_id)
        job = self.jobs.get(owner, job_id)
        with self.quotas.spend(owner, QuotaKind.MODEL_CALL):
            match = self.matching.match(owner, cv_id, job_id)
            relevance = Relevance(match, self.vocabulary, {})
            brief = brief_for_letter(source.document, job, match, highlights(source.document, relevance.of_text))
            written, unavailable = written_or_why(self.generator, lambda: self.generator.write_cover_letter(brief))
        rejected = [unavailable] if unavailable else []
        text = written
        if text:
            problems = letter_problems(text, source, job, self.vocabulary)
            if problems:
                rejected.append("The written letter was replaced: " + "; ".join(problems) + ".")
                text = None
        if not text:
            text = rules_cover_letter(brief)
        letter = CoverLetter(
            id=new_ulid(),
            owner=owner,
            cv_id=source.id,
            job_id=job.id,
            text=text,
            created_at=self.clock(),
            rejected=tuple(rejected),
            title=default_title(job.title, job.company),
        )
        self.letters.add(letter)
        return letter

    def list_for_cv(self, owner: str, cv_id: str) -> list[CoverLetter]:
        """Newest first; another user's CV (or a missing one) has none."""
        if self.cvs.find(owner, cv_id) is None:
            return []
        return [self._titled(owner, letter) for letter in self.letters.list_for_cv(owner, cv_id)]

    def list_all(self, owner: str) -> list[CoverLetter]:
        """Every letter of the caller, newest first."""
        return [self._titled(owner, letter) for letter in self.letters.list_for_owner(owner)]

    def find(self, owner: str, letter_id: str) -> CoverLetter | None:
        """The caller's letter, or None (another user's letter is None, like a missing one)."""
        letter = self.letters.get(owner, letter_id) if _ID.match(letter_id) else None
        return self._titled(owner, letter) if letter else None

    def get(self, owner: str, letter_id: str) -> CoverLetter:
        letter = self.find(owner, letter_id)
        if letter is None:
            raise NotFound("Cover letter")
        return letter

    def update(self, owner: str, letter_id: str, version: int, edit: LetterEdit) -> CoverLetter:
        """Save an edit made against `version`: a stale version is `VersionConflict` and changes nothing. What the
        edited text states that the CV does not support comes back as warnings; the edit is saved all the same
        (the person signs the letter, not the checker)."""
        current = self.get(owner, letter_id)
        checked = checked_edit(edit)
        if current.version != version:
            raise LetterVersionConflict(current.version)
        text = current.text if checked.text is None else checked.text
        return self._save(current, checked, self._warnings(owner, current, text))

    def revisions(self, owner: str, letter_id: str) -> list[LetterRevision]:
        """Newest first; a missing letter (or another user's) is `NotFound`."""
        self.get(owner, letter_id)
        return self.letters.revisions(owner, letter_id)

    def restore_revision(self, owner: str, letter_id: str, revision: int, version: int) -> CoverLetter:
        """The revision's title and text saved as a new version: history only grows, nothing is lost."""
        current = self.get(owner, letter_id)
        kept = self.letters.revision(owner, letter_id, revision) if revision > 0 else None
        if kept is None:
            raise NotFound("Revision")
        if current.version != version:
            raise LetterVersionConflict(current.version)
        restored = LetterEdit(text=kept.text, title=kept.title)
        return self._save(current, restored, self._warnings(owner, current, kept.text))

    def delete(self, owner: str, letter_id: str) -> str:
        """Delete the letter and its revisions; its rendered files expire with the CV's. What other services keep
        about it (its public links) goes too (`on_delete`)."""
        if not _ID.match(letter_id) or not self.letters.delete(owner, letter_id):
            raise NotFound("Cover letter")
        for forget in self.on_delete:
            forget(owner, letter_id)
        return letter_id

    def _save(self, current: CoverLetter, edit: LetterEdit, warnings: tuple[str, ...]) -> CoverLetter:
        updated = edited(current, edit, self.clock(), warnings)
        self.letters.save(updated, expected_version=current.version)
        return updated

    def _warnings(self, owner: str, letter: CoverLetter, text: str) -> tuple[str, ...]:
        source = self.cvs.find(owner, letter.cv_id)
        if source is None:
            return ()
        job = self.jobs.repository.get(owner, letter.job_id)
        return tuple(letter_problems(text, source, job, self.vocabulary))

    def _titled(self, owner: str, letter: CoverLetter) -> CoverLetter:
        """Letters stored before titles existed are named from their job, as new ones are."""
        if letter.title:
            return letter
        job = self.jobs.repository.get(owner, letter.job_id)
        return replace(letter, title=default_title(job.title if job else None, job.company if job else None))

    def forget_cv(self, owner: str, cv_id: str) -> None:
        """Remove the letters of a deleted CV."""
        self.letters.delete_for_cv(owner, cv_id)

    def render_letter(self, owner: str, letter_id: str, format_name: str) -> Download:
        """The caller's letter `letter_id` as PDF, DOCX or TEXT, with a short-lived link. Another user's letter
        is `NotFound`, like a missing one."""
        render_format = letter_format(format_name)  # a wrong format is refused before anything is looked up
        letter = self.letters.get(owner, letter_id) if _ID.match(letter_id) else None
        cv = self.cvs.find(owner, letter.cv_id) if letter else None
        if letter is None or cv is None:
            raise NotFound("Cover letter")
        rendering = self.rendering()
        with self.quotas.spend(owner, QuotaKind.RENDER):
            return rendering.files.download(LetterRenderer(rendering).render(owner, letter, cv.document, render_format))


class LetterRenderer:
    """A letter as a file, made with a `RenderService`'s validation, renderers and stored-file flow."""

    def __init__(self, rendering: RenderService) -> None:
        self.rendering = rendering

    def render(
        self, owner: str, letter: CoverLetter, document: CvDocument, render_format: RenderFormat = RenderFormat.PDF
    ) -> RenderedFile:
        """The letter as a file in the blob store, beside the CV's renders; rendered only if no equal file is
        stored yet. `document` is the CV the letter was written from."""
        letter_format(render_format.value)
        for value in (owner, letter.cv_id, letter.id):
            if not _ID.match(value) or ".." in value:
                raise InvalidInput([FieldProblem("id", "is not a valid id")])
        prepared = self.rendering.prepare(document)
        content = self.content(letter, prepared)
        digest = self.cache_key(letter, content, prepared, render_format)
        key = f"{rendered_files_prefix(owner, letter.cv_id)}letters/{digest}.{render_format.extension}"
        return self.rendering.files.fetch_or_make(
            key,
            render_format,
            letter_filename(document, render_format),
            lambda: self.render_bytes(letter, content, prepared, render_format),
        )

    def content(self, letter: CoverLetter, prepared: RenderInput) -> LetterContent:
        from cvmaker.domain.letters.language import latin_language
        from cvmaker.domain.rendering.plain_text import detect_script

        # The letter's own language (from its text), not the CV's: an English letter from an Arabic CV is dated
        # in English, a German one in German.
        script = detect_script(CvDocument(basics=prepared.document.basics, summary=letter.text))
        language = latin_language(letter.text) if script.language == "en" else script.language
        # Dated the day it was last saved: an edited letter is sent as it is now.
        return letter_content(letter.text, prepared.document.basics.name, letter_date(letter.saved_at, language))

    def render_bytes(
        self, letter: CoverLetter, content: LetterContent, prepared: RenderInput, render_format: RenderFormat
    ) -> tuple[bytes, int | None]:
        if render_format is RenderFormat.PDF:
            html = self.rendering.templates.letter_html(
                prepared.design.template, prepared.document, prepared.design, content
            )
            pdf = self.rendering.renderer.render(html, str(prepared.asset_dir))
            return pdf.data, pdf.pages
        if render_format is RenderFormat.DOCX:
            return self.rendering.docx_writer.write_letter(prepared.document, prepared.design, content), None
        return (letter.text.strip() + "\n").encode(), None

    def cache_key(
        self, letter: CoverLetter, content: LetterContent, prepared: RenderInput, render_format: RenderFormat
    ) -> str:
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


def letter_problems(text: str, source: Cv, job: Job | None, vocabulary: Vocabulary) -> list[str]:
    """What a cover letter states that the CV does not. The job's title and company may be named (when the job
    is still there), and its requirements by the posting's name for a skill the CV shows ("Apache Kafka" for the
    CV's "Kafka": the rules writer names matched requirements so)."""
    facts = source_facts(source.document, vocabulary)
    named = [job.title, job.company or ""] if job else []
    for requirement in job.requirements if job else ():
        skill = vocabulary.lookup(requirement.text)
        if skill is not None and skill.key in facts.skills:
            named.append(requirement.text)
    return text_problems(
        text, facts, vocabulary, also_allowed=[*named, " ".join(COVER_LETTER_WORDS), every_phrase_word()]
    )
