"""A cover letter's page, as pure text layout: the date, the greeting, paragraphs and lists, the closing and the
signature, split from the letter's text without rewriting a word. The HTML and DOCX renderers lay these parts out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from cvmaker.domain.letters.phrases import PHRASES
from cvmaker.domain.rendering.plain_text import FULL_MONTHS

_BULLET = re.compile(r"^\s*[-*\u2022\u2013]\s+")
# English, and the German, French and Spanish the rules writer writes in (`phrases.py`).
_GREETING_START = re.compile(
    r"^(dear|hello|hi|to whom|good (morning|afternoon|day)|sehr geehrte|liebe|hallo|madame|monsieur|bonjour"
    r"|estimad[oa]s?|hola)\b",
    re.IGNORECASE,
)
_CLOSING_WORDS = re.compile(
    r"^(kind|best|warm|warmest|with (kind|best)|yours|sincerely|regards|respectfully|thank you|thanks|many "
    r"thanks|cordially|all the best|mit freundlichen|freundliche|beste|viele|cordialement|bien cordialement"
    r"|sinc[eè]res salutations|atentamente|un cordial saludo|saludos|un saludo)\b",
    re.IGNORECASE,
)
MAX_GREETING_CHARS = 80
MAX_CLOSING_CHARS = 40


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
        lines = [
            self.date,
            self.greeting,
            *(line for block in self.blocks for line in block.lines),
            self.closing,
            self.signature,
        ]
        return "\n".join(line for line in lines if line)


def letter_date(moment: datetime, language: str = "en") -> str:
    """ "25 November 2026" in English, "25. November 2026", "25 novembre 2026" and "25 de noviembre de 2026" in the
    other languages the rules writer writes; "2026/11/25" otherwise (as CV dates read in other languages)."""
    if language == "en":
        return f"{moment.day} {FULL_MONTHS[moment.month - 1]} {moment.year}"
    if language in PHRASES:
        month = PHRASES[language].months[moment.month - 1]
        return {"de": f"{moment.day}. {month} {moment.year}", "es": f"{moment.day} de {month} de {moment.year}"}.get(
            language, f"{moment.day} {month} {moment.year}"
        )
    return f"{moment.year}/{moment.month:02d}/{moment.day:02d}"


def _is_greeting(line: str) -> bool:
    line = line.strip()
    return len(line) <= MAX_GREETING_CHARS and (
        bool(_GREETING_START.match(line)) and line.endswith((",", ":", "!", "\uff0c", "\u060c"))
    )


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
    if (
        last is not None
        and _same_name(lines[last], name)
        or last is not None
        and before_last is not None
        and _is_closing(lines[before_last])
        and _is_signature(lines[last])
    ):
        signature, last = lines[last].strip(), before_last
    if last is not None and _is_closing(lines[last]):
        closing = lines[last].strip()
    if signature or closing:
        del lines[last if closing else filled[-1] :]
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    blocks = tuple(block for chunk in chunks for block in _blocks(chunk))
    return LetterContent(
        date=date, greeting=greeting, blocks=blocks, closing=closing, signature=signature or name.strip()
    )


# ---------------------------------------------------------------- what the service needs
