"""Cleaning of extracted text: characters that carry no words are removed, look-alikes folded.

Icon fonts (Font Awesome and friends) put their glyphs in the Unicode private-use areas; some PDFs map them to
random Latin letters instead, which is handled by the layout step (tiny isolated glyphs before contact items).
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2212\u2043"}
_DASHES.update({ord("\u2013"): "\u2013", ord("\u2014"): "\u2014", ord("\u2015"): "\u2014"})
_SPACES = {ord(c): " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"}
_INVISIBLE = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe\u0002"}
_LIGATURES = {
    ord("\ufb00"): "ff",
    ord("\ufb01"): "fi",
    ord("\ufb02"): "fl",
    ord("\ufb03"): "ffi",
    ord("\ufb04"): "ffl",
    ord("\ufb05"): "st",
    ord("\ufb06"): "st",
}
_WS = re.compile(r"[ ]{2,}")

BULLET_CHARS = "•●○◦▪▫■□‣∙·⋅➢➤►▸▹→✓✔❖◆◇*"


def is_private_use(ch: str) -> bool:
    code = ord(ch)
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0x10FFFF


def is_dropped_char(ch: str) -> bool:
    """Private-use icon glyphs, control characters and unassigned code points carry no text."""
    if is_private_use(ch):
        return True
    category = unicodedata.category(ch)
    return category in ("Cc", "Cn", "Co", "Cs") and ch not in "\n\t"


def clean(text: str) -> str:
    """Fold odd spaces and dashes, expand ligatures, drop soft hyphens and icon glyphs; trim."""
    text = text.translate(_INVISIBLE).translate(_SPACES).translate(_DASHES).translate(_LIGATURES)
    text = "".join(ch for ch in text if not is_dropped_char(ch))
    return _WS.sub(" ", text).strip()


def strip_bullet(text: str) -> tuple[str, bool]:
    """("• Did things", ...) -> ("Did things", True). Also "- ", "– " and "1. " style markers."""
    stripped = text.lstrip()
    if stripped[:1] and stripped[0] in BULLET_CHARS:
        return stripped[1:].strip(), True
    match = re.match(r"^(?:[-\u2013\u2014o]\s+|\d{1,2}[.)]\s+|\[\d{1,3}\]\s*)", stripped)
    if match and len(stripped) > match.end():
        return stripped[match.end() :].strip(), True
    return stripped, False
