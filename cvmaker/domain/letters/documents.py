"""Cover letters as documents: their title, the limits an edit is held to, the next version of an edited letter,
and the revisions every save keeps (like a CV's)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from cvmaker.domain.errors import FieldProblem, InvalidInput, VersionConflict
from cvmaker.domain.limits import MAX_TITLE
from cvmaker.domain.matching.results import CoverLetter

# Far above any real letter (a page is about 3,000 characters), far below a DynamoDB item's 400 KB.
MAX_LETTER_TEXT = 20_000
# What no letter holds and no store or file format takes: control characters (but tab, the line breaks and Word's
# vertical tab and form feed, which a paste from Word brings and the DOCX writer turns into line breaks) and lone
# surrogates (broken UTF-16, which no UTF-8 store can encode).
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class LetterRevision:
    """One saved version of a letter as it was then."""

    letter_id: str
    revision: int  # the letter's version this save made
    saved_at: datetime
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class LetterEdit:
    """What an edit may change; None leaves a field as it is."""

    text: str | None = None
    title: str | None = None


class LetterVersionConflict(VersionConflict):
    def __init__(self, current_version: int) -> None:
        super().__init__(current_version)
        self.message = (
            f"This letter was changed elsewhere: it is now at version {current_version}. "
            "Reload it and apply your edit again."
        )
        self.args = (self.message,)


def default_title(job_title: str | None, company: str | None) -> str:
    """ "Senior Data Analyst at Northwind", or "Cover letter" when the job is gone."""
    title = (job_title or "").strip()
    if not title:
        return "Cover letter"
    named = f"{title} at {company.strip()}" if company and company.strip() else title
    return named[:MAX_TITLE].strip()


def checked_edit(edit: LetterEdit) -> LetterEdit:
    """The edit with its title trimmed, or `InvalidInput` naming every field that breaks a limit."""
    problems: list[FieldProblem] = []
    title = edit.title.strip() if edit.title is not None else None
    if title is not None and not title:
        problems.append(FieldProblem("input.title", "A letter needs a title."))
    elif title is not None and len(title) > MAX_TITLE:
        problems.append(FieldProblem("input.title", f"A title holds at most {MAX_TITLE} characters."))
    if title is not None and _UNSTORABLE.search(title):
        problems.append(FieldProblem("input.title", "The title holds control characters or broken Unicode."))
    if edit.text is not None and len(edit.text) > MAX_LETTER_TEXT:
        problems.append(
            FieldProblem("input.text", f"A letter holds at most {MAX_LETTER_TEXT:,} characters ({len(edit.text):,}).")
        )
    if edit.text is not None and _UNSTORABLE.search(edit.text):
        problems.append(FieldProblem("input.text", "The text holds control characters or broken Unicode."))
    if problems:
        raise InvalidInput(problems)
    return LetterEdit(text=edit.text, title=title)


def edited(letter: CoverLetter, edit: LetterEdit, now: datetime, warnings: tuple[str, ...]) -> CoverLetter:
    """The letter's next version with the (checked) edit applied."""
    return replace(
        letter,
        text=letter.text if edit.text is None else edit.text,
        title=letter.title if edit.title is None else edit.title,
        version=letter.version + 1,
        updated_at=now,
        warnings=warnings,
    )


def revision_of(letter: CoverLetter) -> LetterRevision:
    """The revision a save of `letter` (at its new version) keeps."""
    return LetterRevision(letter.id, letter.version, letter.saved_at, letter.title, letter.text)
