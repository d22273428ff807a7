"""What a share link's public page says about the document, beyond the rendered pages themselves: the link
preview (Open Graph title and description) and the text for screen readers.

Contact details (email, phone, location, links) appear in none of these unless the owner chose `showContacts`;
without it, email addresses and web addresses are also taken out of the rest of the text (a reference's email
in a section, say). The rendered pages and the PDF are the document as its owner made it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from cvmaker.domain.cv.model import Basics, CvDocument
from cvmaker.domain.rendering.plain_text import to_plain_text

MAX_DESCRIPTION = 200
_EMAIL = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+\.[A-Za-z]{2,}")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s")


@dataclass(frozen=True)
class PublicView:
    title: str  # the name and headline
    description: str  # the summary's first sentence
    text: str  # the whole document as text, for screen readers


def without_contacts(document: CvDocument) -> CvDocument:
    basics = Basics(name=document.basics.name, headline=document.basics.headline)
    return dataclasses.replace(document, basics=basics)


def scrub(text: str) -> str:
    return _URL.sub("[link hidden]", _EMAIL.sub("[email hidden]", text))


def first_sentence(text: str | None) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    sentence = _SENTENCE_END.split(flat, maxsplit=1)[0]
    return sentence if len(sentence) <= MAX_DESCRIPTION else sentence[: MAX_DESCRIPTION - 1].rstrip() + "…"


def cv_view(document: CvDocument, show_contacts: bool) -> PublicView:
    shown = document if show_contacts else without_contacts(document)
    text = to_plain_text(shown)
    description = first_sentence(shown.summary)
    if not show_contacts:
        text, description = scrub(text), scrub(description)
    return PublicView(title=_title(shown), description=description, text=text)


def letter_view(document: CvDocument, letter_text: str, show_contacts: bool) -> PublicView:
    """A cover letter's page: titled by the CV's name; its description and text are the letter's own."""
    text = letter_text.strip()
    description = first_sentence(text)
    if not show_contacts:
        text, description = scrub(text), scrub(description)
        for contact in (document.basics.email, document.basics.phone):
            if contact:
                text, description = text.replace(contact, "[hidden]"), description.replace(contact, "[hidden]")
    name = document.basics.name.strip() or "Cover letter"
    return PublicView(title=f"{name}: cover letter", description=description, text=text)


def _title(document: CvDocument) -> str:
    name = document.basics.name.strip() or document.title.strip() or "CV"
    headline = (document.basics.headline or "").strip()
    return f"{name}, {headline}" if headline else name
