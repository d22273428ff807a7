"""Download names from any text: safe as a file name, carried whole by an ASCII-only header."""

from __future__ import annotations

import re
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from cvmaker.domain.rendering.download_names import ascii_fallback, content_disposition, download_name

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


@given(st.text(max_size=300))
def test_any_name_gives_a_safe_file_name(person: str) -> None:
    name = download_name(person, "CV", "pdf")
    assert name.endswith("CV.pdf")
    assert not _UNSAFE.search(name)
    assert not name.startswith((" ", "."))


@given(st.text(max_size=300), st.booleans())
def test_any_file_name_fits_an_ascii_header_and_comes_back_whole(person: str, inline: bool) -> None:
    name = download_name(person, "Cover Letter", "docx")
    header = content_disposition(name, inline=inline)
    header.encode("ascii")
    assert "\r" not in header and "\n" not in header
    assert header.startswith("inline;" if inline else "attachment;")
    star = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(star) == name


def test_accents_fold_in_the_fallback_and_other_scripts_give_a_plain_name() -> None:
    assert ascii_fallback("Elif Şahin CV.pdf") == "Elif Sahin CV.pdf"
    assert ascii_fallback("Nguyễn Văn An CV.pdf") == "Nguyen Van An CV.pdf"
    assert ascii_fallback("王芳 CV.pdf") == "CV.pdf"
    assert ascii_fallback("王芳.pdf") == "download.pdf"


def test_names_keep_their_script_and_lose_only_what_file_systems_refuse() -> None:
    assert download_name("王芳", "CV", "pdf") == "王芳 CV.pdf"
    assert download_name("प्रिया शर्मा", "CV", "pdf") == "प्रिया शर्मा CV.pdf"
    assert download_name('A/B: "C"\r\n', "CV", "txt") == "A B C CV.txt"
    assert download_name("  ", "CV", "pdf") == "CV.pdf"
