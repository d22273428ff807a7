"""What the newer templates promise beyond rendering every sample (tests/rendering/test_templates.py): the
right-to-left template mirrors the page for a right-to-left CV, the photo-friendly one shows a silhouette with no
text in the photo's place, and the academic one hangs every entry from its dates in a margin."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.domain.cv.design import HeadingStyle
from cvmaker.domain.cv.samples import arabic_cv, hebrew_cv, long_cv, short_cv
from cvmaker.services.imports import CvFileReader
from tests.rendering.layout import pdf_text, render_and_inspect


def _left_of(pdf: bytes, words: list[str]) -> dict[str, float]:
    """The left edge (points) of the first occurrence of each of `words` on page 1."""
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        page = opened.pages[0]
        return {word: float(page.search(word, regex=False)[0]["x0"]) for word in words}


def test_the_right_to_left_template_mirrors_the_page_for_a_right_to_left_cv() -> None:
    # Left to right: the wide column on the left, skills in the narrow column on the right.
    english = short_cv("mirrored")
    x = _left_of(render_and_inspect(english).pdf, ["Analysis", "Westcountry"])
    assert x["Westcountry"] < x["Analysis"]
    # Right to left: the page is mirrored, the wide column on the right and the narrow one on the left.
    arabic = arabic_cv("mirrored")
    html = REGISTRY.html(arabic)
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    skills = next(section for section in arabic.sections if section.kind.value == "SKILLS")
    experience = next(section for section in arabic.sections if section.kind.value == "EXPERIENCE")
    rendered = render_and_inspect(arabic)
    assert rendered.pages == 1 and rendered.split() == {}
    with pdfplumber.open(io.BytesIO(rendered.pdf)) as opened:
        page = opened.pages[0]
        words = page.extract_words()
        middle = float(page.width) / 2
        # The first role's dates ("2020/01 - ..."): at the end of its line, the left edge of the wide column.
        start = experience.items[0].start_date
        assert start is not None
        dates = page.search(start.replace("-", "/"), regex=False)
    keywords = [word for word in words if word["text"].strip(",") in skills.items[0].keywords]
    assert keywords and all(float(word["x1"]) < middle for word in keywords)
    assert dates and float(dates[0]["x0"]) > middle


def test_the_right_to_left_template_renders_hebrew_in_a_hebrew_font(tmp_path: Path) -> None:
    rendered = render_and_inspect(hebrew_cv("mirrored"))
    assert 'dir="rtl"' in REGISTRY.html(hebrew_cv("mirrored"))
    (tmp_path / "cv.pdf").write_bytes(rendered.pdf)
    listing = subprocess.run(["pdffonts", str(tmp_path / "cv.pdf")], capture_output=True, text=True, check=True)
    assert "NotoSansHebrew" in listing.stdout.replace("-", "")


def test_the_photo_place_is_a_silhouette_without_text_until_photos_exist() -> None:
    # Text in the photo's place (initials) was read back as the name or the headline: the place is drawn only.
    document = long_cv("portrait")
    html = REGISTRY.html(document)
    start = html.index('<div class="photo-place" aria-hidden="true">')
    place = html[start : html.index("</svg></div></div>", start)]
    assert "<path" in place and "<text" not in place
    assert re.sub(r"<[^>]*>", "", place).strip() == ""
    text = pdf_text(render_and_inspect(document).pdf)
    assert text.startswith("Daniel Okonkwo-Reyes")
    assert "photo-place" not in REGISTRY.html(long_cv("classic"))


def _beside(pdf: bytes, dates: str, title: str) -> bool:
    """Whether `dates` is printed on one line with `title` on that line, to the end side of the dates."""
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            for when in page.search(dates, regex=False):
                height = float(when["bottom"]) - float(when["top"])
                for found in page.search(title, regex=False):
                    same_line = abs(float(found["top"]) - float(when["top"])) < height
                    if same_line and float(when["x1"]) < float(found["x0"]):
                        return True
    return False


def test_the_academic_template_hangs_each_entry_from_its_dates_on_one_line_in_the_margin() -> None:
    # Every entry, publications too, hangs from its dates, kept on one line of the margin beside the title: dates
    # wrapped over two lines ("Jul 2012 – Aug" / "2014") were read back beside two different lines of the entry.
    # Publications are not numbered: "[1] Title" reads to a text extractor as a bullet of the entry above.
    pdf = render_and_inspect(long_cv("academic")).pdf
    assert _beside(pdf, "Mar 2021 – Present", "Principal Software Engineer, Northwind Logistics")
    assert _beside(pdf, "Jul 2012 – Aug 2014", "Software Developer, Caledonian Maps")
    assert _beside(pdf, "Sep 2006 – Jun 2010", "BEng Software Engineering")
    assert _beside(pdf, "May 2023", "Streaming route planning at 40,000 stops a day")
    assert not _beside(pdf, "Jul 2012 – Aug 2014", "Principal Software Engineer")
    assert "[1]" not in pdf_text(pdf)


@pytest.mark.parametrize("heading_style", [style for style in HeadingStyle if style is not HeadingStyle.TEMPLATE])
@pytest.mark.parametrize("template", ["academic", "banner", "elegant", "mirrored", "portrait", "timeline"])
def test_the_newer_templates_read_back_with_every_heading_style(template: str, heading_style: HeadingStyle) -> None:
    # A heading style takes a template's heading look away (_shared/design.css.j2): portrait's white pill text
    # was left white on the page, and academic's headings went back into its date margin.
    document = long_cv(template)
    document.design.heading_style = heading_style
    imported = CvFileReader(InProcessExtractor()).parse(render_and_inspect(document).pdf, "cv.pdf").document
    # Kinds and sizes, in any order: a sidebar's sections are not in one reading order with the main column's.
    assert sorted((s.kind, len(s.items)) for s in imported.sections) == sorted(
        (s.kind, len(s.items)) for s in document.sections
    )
