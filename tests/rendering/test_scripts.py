"""CVs in right-to-left (Arabic, Hebrew) and CJK (Chinese, Japanese) scripts render with the right direction and
fonts, and their text extracts from the PDF as written."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.samples import arabic_cv, chinese_cv, hebrew_cv, japanese_cv
from tests.rendering.layout import folded, pdf_text, render_and_inspect

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CASES = {
    "arabic": (arabic_cv, 'dir="rtl"', "NotoNaskhArabic"),
    "hebrew": (hebrew_cv, 'dir="rtl"', "NotoSansHebrew"),
    "chinese": (chinese_cv, 'lang="zh"', "NotoSansCJK"),
    "japanese": (japanese_cv, 'lang="ja"', "NotoSansCJK"),
}


def words_of(document: CvDocument) -> list[str]:
    values = [document.basics.name, document.basics.headline or ""]
    for section in document.sections:
        values.append(section.title)
        for item in section.items:
            values += [item.title or "", item.organization or "", *item.bullets]
    return [folded(value) for value in values if value]


@pytest.mark.parametrize("template", ["classic", "modern", "columns", "mirrored"])
@pytest.mark.parametrize("case", list(CASES))
def test_script_renders_with_its_direction_fonts_and_extractable_text(case: str, template: str, tmp_path: Path) -> None:
    make, marker, font = CASES[case]
    document = make(template)
    assert marker in REGISTRY.html(document)
    rendered = render_and_inspect(document)
    assert rendered.pages == 1
    text = BIDI_CONTROLS.sub("", pdf_text(rendered.pdf))
    # pdftotext puts spaces between CJK glyph runs; compare without spaces for those scripts.
    if case in ("chinese", "japanese"):
        text = text.replace(" ", "")
    missing = [
        w for w in words_of(document) if (w.replace(" ", "") if case in ("chinese", "japanese") else w) not in text
    ]
    assert missing == []
    (tmp_path / "cv.pdf").write_bytes(rendered.pdf)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "cv.pdf")], capture_output=True, text=True, check=True)
    assert font in fonts.stdout.replace("-", "")
