"""File names for downloads, in any script, and the Content-Disposition header that carries them.

A person's name is user text: it may be in any script, carry combining marks (Vietnamese, Devanagari, Thai),
emoji, or characters that file systems and HTTP headers treat specially. The name a file is saved as keeps the
person's script; only what is unsafe in a file name or a header goes. A header holds Latin-1 at most, so the
header gives an ASCII fallback and RFC 6266's UTF-8 `filename*` form, which every current browser prefers.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

# Characters Windows, macOS or Linux refuse in file names, plus controls (which also end a header line).
_UNSAFE_IN_FILE_NAME = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u2028\u2029\ufeff]+')
_SPACES = re.compile(r"\s+")
_UNSAFE_IN_QUOTED_STRING = re.compile(r'["\\%;]')
# RFC 5987 attr-char: what may stand unescaped in `filename*`.
_ATTR_CHAR_SAFE = "!#$&+-.^_`|~"
MAX_NAME_CHARACTERS = 80


def download_name(person: str, label: str, extension: str) -> str:
    """`"Elif Şahin CV.pdf"`: the person's name in its own script, made safe, then the label and extension.
    With no usable name, the label alone (`"CV.pdf"`)."""
    name = _SPACES.sub(" ", _UNSAFE_IN_FILE_NAME.sub(" ", unicodedata.normalize("NFC", person))).strip(" .")
    name = name[:MAX_NAME_CHARACTERS].rstrip(" .")
    stem = f"{name} {label}" if name else label
    return f"{stem}.{extension}"


def ascii_fallback(filename: str) -> str:
    """The same name in ASCII for old clients: accents folded ("Şahin" -> "Sahin"), other letters dropped."""
    folded = unicodedata.normalize("NFKD", filename)
    ascii_only = folded.encode("ascii", "ignore").decode()
    cleaned = _SPACES.sub(" ", _UNSAFE_IN_QUOTED_STRING.sub("", _UNSAFE_IN_FILE_NAME.sub(" ", ascii_only))).strip()
    stem, dot, extension = cleaned.rpartition(".")
    if dot and not stem.strip(" ."):
        return f"download.{extension}"
    return cleaned if cleaned.strip(" .") else "download"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """A Content-Disposition value that is pure ASCII (so any header encoding holds it) and names the file in
    full: `attachment; filename="Elif Sahin CV.pdf"; filename*=UTF-8''Elif%20%C5%9Eahin%20CV.pdf`."""
    safe = _UNSAFE_IN_FILE_NAME.sub(" ", unicodedata.normalize("NFC", filename)).strip() or "download"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_fallback(safe)}\"; filename*=UTF-8''{quote(safe, safe=_ATTR_CHAR_SAFE)}"
