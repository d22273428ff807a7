"""The language a letter is written in: the CV's own, read from its words. Rendering tells scripts apart
(`detect_script`: Latin, Arabic, Hebrew, Chinese, Japanese); within the Latin script the commonest small words
tell English, German, French and Spanish apart."""

from __future__ import annotations

import re
from collections import Counter

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.rendering.plain_text import detect_script
from cvmaker.domain.rich_text.plain import shown_line, shown_text

# Words every text of a language is full of and the others' texts rarely hold (a CV is in note form, so
# articles and prepositions carry the most weight).
_MARKERS = {
    "en": {"the", "and", "of", "to", "for", "with", "in", "on", "my", "by", "from", "at", "as", "led", "built"},
    "de": {"und", "der", "die", "das", "mit", "für", "von", "im", "den", "bei", "des", "zur", "zum", "auf", "ich"},
    "fr": {"et", "le", "la", "les", "des", "du", "de", "pour", "avec", "en", "au", "aux", "une", "sur", "d'un"},
    "es": {"y", "el", "la", "los", "las", "del", "de", "para", "con", "en", "una", "por", "al", "sobre", "mi"},
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SUPPORTED = ("en", "de", "fr", "es")


def _text(document: CvDocument) -> str:
    parts = [document.basics.headline or "", shown_text(document.summary or "")]
    for section in document.sections:
        parts.append(section.title)
        for item in section.items:
            parts += [item.title or "", shown_text(item.description or ""), *map(shown_line, item.bullets)]
    return " ".join(parts)


def declared_language(document: CvDocument) -> str | None:
    """A language the CV names for itself (an imported JSON Resume's `meta.language`, say "de" or "de-DE")."""
    meta = (document.imported or {}).get("meta")
    value = meta.get("language") if isinstance(meta, dict) else None
    if isinstance(value, str):
        code = value.strip().lower()[:2]
        return code if code in SUPPORTED else None
    return None


def latin_language(text: str) -> str:
    """The one of `SUPPORTED` whose small words `text` uses most; English when none stands out."""
    counts = Counter(word.lower() for word in _WORD.findall(text))
    scores = {language: sum(counts[word] for word in words) for language, words in _MARKERS.items()}
    best = max(SUPPORTED, key=lambda language: (scores[language], language == "en"))
    return best if scores[best] > scores["en"] else "en"


def letter_language(document: CvDocument) -> str:
    """The CV's language: the one it declares, else the one its words are in (`en`, `de`, `fr`, `es`, or a
    script's language such as `ar` or `ja`, for which the letter is written in English)."""
    declared = declared_language(document)
    if declared:
        return declared
    script = detect_script(document).language
    return latin_language(_text(document)) if script == "en" else script
