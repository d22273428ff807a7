"""The top of a CV -> the basics (name, headline, email, phone, location, profile links), and the introduction
written there without a heading -> the summary. Contact-like sections ("Contact", "Links") are read with it."""

from __future__ import annotations

import re

from cvmaker.domain import limits
from cvmaker.domain.cv.model import CvDocument, Link
from cvmaker.domain.parsing.contact import (
    EMAIL,
    Contact,
    ContactPiece,
    looks_like_name,
    paragraph_runs,
    read_contact,
    split_pieces,
)
from cvmaker.domain.parsing.extracted import ExtractedDocument, LinkTarget
from cvmaker.domain.parsing.headings import CONTACT_HEADINGS, SUMMARY_HEADINGS
from cvmaker.domain.parsing.rows import Row
from cvmaker.domain.parsing.sections import RawSection
from cvmaker.domain.parsing.trail import Trail

_KNOWN_SITES = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "twitter.com": "Twitter",
    "x.com": "X",
    "stackoverflow.com": "Stack Overflow",
    "medium.com": "Medium",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
    "orcid.org": "ORCID",
    "scholar.google.com": "Google Scholar",
}


def read_basics(sections: list[RawSection], extracted: ExtractedDocument, document: CvDocument, trail: Trail) -> None:
    """Fill `document.basics` (and `document.summary` from an introduction without a heading) from the header,
    `sections[0]`, and the contact-like sections."""
    header_rows = list(sections[0].rows)
    contact_rows = [row for raw in sections[1:] if raw.key in CONTACT_HEADINGS for row in raw.rows]
    rows = header_rows + contact_rows
    contact = read_contact(_join_wrapped_name(_contact_pieces(rows, extracted.links)))
    _take_contact_fields(contact, document, trail)
    if document.basics.email is None:
        _email_elsewhere(sections, document, trail)
    if not document.basics.name:
        _name_elsewhere(sections, document, trail)
    _add_links(contact.urls, rows, extracted.links, document, trail)
    has_summary_section = any(raw.key in SUMMARY_HEADINGS for raw in sections[1:])
    contact.unplaced = _take_introduction(contact.unplaced, has_summary_section, document, trail)
    unplaced = {piece.line_index for piece in contact.unplaced}
    for piece in contact.unplaced:
        trail.warn("Text at the top of the CV that is not a contact detail", piece.text)
    for kind, text in contact.more:
        trail.warn(f"A second {'email address' if kind == 'email' else 'phone number'}: the CV keeps the first", text)
    for index in {row.index for row in rows}:
        if index not in unplaced:
            trail.placed.add(index)
    for piece in contact.unplaced:
        trail.placed.add(piece.line_index)  # reported above, once, with its own text


def _contact_pieces(rows: list[Row], links: list[LinkTarget]) -> list[ContactPiece]:
    # The visible text of a link ("GitHub", a handle beside an icon) is the link, read from its target.
    link_texts = {
        link.text.strip().casefold()
        for link in links
        if link.text.strip() and re.match(r"^https?://", link.url, re.IGNORECASE)
    }
    pieces = []
    for row in rows:
        texts = [span.text for span in row.line.spans]
        labelled = _label_and_value(texts)
        if labelled is not None:
            pieces.append(ContactPiece(labelled, row.line.spans[-1].size, row.index))
            continue
        pieces.extend(
            ContactPiece(text, span.size, row.index)
            for span in row.line.spans
            for text in split_pieces(span.text)
            if text.strip().casefold() not in link_texts
        )
    return pieces


def _label_and_value(texts: list[str]) -> str | None:
    """A row laid out as a form, "Rut | : | 16.958.329-3" or "Estado Civil: | Soltero", as one "label: value"
    piece, so the label stays with its value; None for any other row."""
    colon = next((n for n, text in enumerate(texts) if text.strip() in (":", "：")), None)
    if colon is not None and 1 <= colon < len(texts) - 1:
        label, value = " ".join(texts[:colon]), " ".join(texts[colon + 1 :])  # "Fecha de | Nacimiento | : | …"
    elif len(texts) == 2 and texts[0].rstrip().endswith((":", "：")):
        label, value = texts[0].rstrip()[:-1], texts[1]
    else:
        return None
    if not (1 <= len(label.split()) <= 4) or any(ch.isdigit() for ch in label):
        return None
    return f"{label.strip()}: {value.strip()}"


def _take_contact_fields(contact: Contact, document: CvDocument, trail: Trail) -> None:
    basics = document.basics
    for name in ("name", "headline", "email", "phone", "location"):
        value = getattr(contact, name)
        if value:
            setattr(basics, name, trail.clip(value, limits.MAX_NAME if name == "name" else limits.MAX_SHORT_TEXT))
            trail.source(f"basics.{name}", contact.sources[name])
    if basics.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", basics.email):
        basics.email = None
    if basics.phone:
        basics.phone = re.sub(r"[^0-9+()./\s-]", "", basics.phone).strip()[: limits.MAX_PHONE] or None


def _take_introduction(
    unplaced: list[ContactPiece], has_summary_section: bool, document: CvDocument, trail: Trail
) -> list[ContactPiece]:
    """A paragraph at the top without a heading is an introduction: the summary (with its wrapped lines), when
    no section is the summary. Returns the pieces that are not part of it."""
    remaining = []
    previous_line: int | None = None
    paragraph_starts = {min(run) for run in paragraph_runs(unplaced)}
    for piece in unplaced:
        continues = previous_line is not None and piece.line_index == previous_line + 1
        starts = len(piece.text.split()) >= 12 or piece.line_index in paragraph_starts
        if (starts or continues) and not has_summary_section:
            if piece.line_index == previous_line:
                continue  # the whole printed line was taken with its first piece
            previous_line = piece.line_index
            # The printed line, not its pieces: "in logistics," keeps the comma that ends it.
            printed = trail.lines[piece.line_index].text.strip()
            document.summary = trail.clip(f"{document.summary or ''} {printed}".strip(), limits.MAX_SUMMARY)
            trail.sources.setdefault("summary", trail.where(piece.line_index))
        else:
            remaining.append(piece)
    return remaining


def _email_elsewhere(sections: list[RawSection], document: CvDocument, trail: Trail) -> None:
    """Some CVs give their contact details at the end: the first email outside a references section."""
    for raw in sections[1:]:
        if "reference" in raw.key:
            continue
        for row in raw.rows:
            if (found := EMAIL.search(row.line.text)) and len(row.line.text.split()) <= 8:
                document.basics.email = found.group(0)
                trail.sources["basics.email"] = trail.where(row.index)
                return


def _name_elsewhere(sections: list[RawSection], document: CvDocument, trail: Trail) -> None:
    """A name set apart later in the file (a Word text box or sidebar read after the body): the line in the
    largest type that looks like a name, when that type is larger than the body's."""
    rows = [row for raw in sections[1:] if "reference" not in raw.key for row in raw.rows]
    if not rows:
        return
    sizes = sorted(row.line.size for row in rows)
    body = sizes[len(sizes) // 2]
    candidates = [
        row
        for row in rows
        if len(row.line.spans) == 1 and row.line.size >= body + 2 and looks_like_name(row.line.text.strip())
    ]
    if candidates:
        best = max(candidates, key=lambda row: row.line.size)
        document.basics.name = trail.clip(best.line.text.strip(), limits.MAX_NAME)
        trail.sources["basics.name"] = trail.where(best.index)
        trail.placed.add(best.index)


def _add_links(
    text_urls: list[tuple[str, str]], rows: list[Row], links: list[LinkTarget], document: CvDocument, trail: Trail
) -> None:
    """Profile links: annotation targets whose visible text is in the header, and URLs printed there."""
    visible = {piece.casefold() for row in rows for span in row.line.spans for piece in split_pieces(span.text)}
    visible |= {word.casefold() for row in rows for word in row.line.text.split()}
    found: list[tuple[str, str]] = []
    for link in links:
        url = link.url.strip()
        if not re.match(r"^https?://", url, re.IGNORECASE):
            continue
        text = link.text.strip()
        if text and text.casefold() in visible:
            found.append((url, text))
    targets = [_link_key(url) for url, _ in found]
    for url, text in text_urls:
        key = _link_key(url)
        # "linkedin.com/in/jane-" wrapped before "doe" in a narrow column: the start of a link target.
        if not any(
            target != key and target.startswith(key) and key.endswith(("-", "/", "_", ".")) for target in targets
        ):
            found.append((url, text))
    basics = document.basics
    seen: set[str] = set()
    for url, text in found:
        key = _link_key(url)
        if not key or key in seen or EMAIL.fullmatch(text or ""):
            continue
        seen.add(key)
        if len(basics.links) >= limits.MAX_LINKS or len(url) > limits.MAX_URL:
            trail.warn("A link was left out: too many or too long", url)
            continue
        basics.links.append(Link(url=url, label=_KNOWN_SITES.get(_link_key(url).split("/")[0])))
        index = next((row.index for row in rows if text and text in row.line.text), None)
        if index is not None:
            trail.source(f"basics.links.{len(basics.links) - 1}.url", index, text)


def _join_wrapped_name(pieces: list[ContactPiece]) -> list[ContactPiece]:
    """A big name wrapped onto two lines ("Lena" / "Novak" in a narrow sidebar) is one piece; so is a name
    whose single words a wide gap split on its line (an emoji or a picture between them reads as nothing)."""
    if len(pieces) < 2:
        return pieces
    biggest = max(piece.size for piece in pieces)
    joined: list[ContactPiece] = []
    last_line = -1  # the line the last joined piece ended on (the joined piece keeps its first line)
    for piece in pieces:
        last = joined[-1] if joined else None
        if (
            last is not None
            and piece.size == biggest == last.size
            and (
                piece.line_index == last_line + 1
                or (piece.line_index == last_line and len(piece.text.split()) == 1 == len(last.text.split()))
            )
            and (len(last.text.split()) + len(piece.text.split()) <= 4 or looks_like_name(f"{last.text} {piece.text}"))
            and not re.search(r"[@\d/]", piece.text)
        ):
            joined[-1] = ContactPiece(f"{last.text} {piece.text}", last.size, last.line_index)
        else:
            joined.append(piece)
        last_line = piece.line_index
    return joined


def _link_key(url: str) -> str:
    """A URL as compared for sameness: no scheme, no "www.", no query, fragment or trailing slash."""
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().casefold())
    key = re.sub(r"^www\.", "", key).split("?")[0].split("#")[0].rstrip("/")
    return key
