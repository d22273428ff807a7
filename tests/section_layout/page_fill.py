"""How much of each page a render leaves empty: the room below the lowest line of text on a page that is
followed by another page. Used by the pagination tests and, run as a script, prints a table across templates:

    .venv/bin/python -m tests.section_layout.page_fill
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.domain.cv.model import CvDocument

MM = 72 / 25.4


@dataclass(frozen=True, slots=True)
class PageFill:
    pages: int
    empty_first: float  # the share of page 1's text area below its lowest line (0 = full, 1 = blank)
    empty_worst: float  # the largest such share over every page but the last


def pdf_of(document: CvDocument) -> bytes:
    from weasyprint import HTML

    from cvmaker.adapters.rendering.weasyprint import _weasyprint_fetcher

    info = REGISTRY.get(document.design.template)
    html = REGISTRY.html(document)
    return bytes(
        HTML(
            string=html, base_url=info.asset_dir.as_uri() + "/", url_fetcher=_weasyprint_fetcher(str(info.asset_dir))
        ).write_pdf()
    )


def page_fill(pdf: bytes, margin_mm: float) -> PageFill:
    margin = margin_mm * MM
    shares = []
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            area = float(page.height) - 2 * margin
            # Text only inside the page's text area: the running name and page numbers sit in the top margin.
            lows = [float(c["bottom"]) for c in page.chars if margin - 1 < float(c["top"]) < page.height - margin + 1]
            lowest = max(lows, default=margin)
            shares.append(max(0.0, (page.height - margin - lowest) / area))
        count = len(opened.pages)
    before_last = shares[:-1] or [0.0]
    return PageFill(pages=count, empty_first=shares[0] if count > 1 else 0.0, empty_worst=max(before_last))


def _worst_and_mean(name: str) -> str:
    shares = [fill.empty_first for fill in sweep(name, 14) if fill.pages > 1] or [0.0]
    return f"worst {max(shares):>4.0%}, mean {sum(shares) / len(shares):>4.0%}"


def main() -> None:
    """Per template: the long sample's pages, then page 1 left empty over the nurse CV sweep, with every entry
    moved whole (as before issue 16) and with long entries allowed to split (now)."""
    from cvmaker.adapters.rendering import html
    from cvmaker.domain.cv.samples import long_cv
    from cvmaker.domain.rendering.plain_text import detect_script

    now = html.LONG_ENTRY_LINES
    print(f"{'template':<10} {'long sample':>11} {'worst page':>11}   nurse CV page 1 empty: entries whole | now")
    for name in REGISTRY.names():
        sample = long_cv(name)
        fill = page_fill(pdf_of(sample), html.style_for(sample.design, detect_script(sample)).margin_mm)
        html.LONG_ENTRY_LINES = 10**6
        before = _worst_and_mean(name)
        html.LONG_ENTRY_LINES = now
        print(f"{name:<10} {fill.pages:>5} pages {fill.empty_worst:>11.0%}   {before} | {_worst_and_mean(name)}")


def nurse_cv(template: str = "classic", summary_sentences: int = 1) -> CvDocument:
    """A two-page CV like the one in issue 16 (a nurse's): roles with several bullets, then education whose first
    entry is long. `summary_sentences` lengthens the summary, moving every later line down, so a sweep over it
    puts the page break at each point of the CV in turn."""
    from cvmaker.domain.cv.model import Basics, Design, Item, Section, SectionKind

    def role(n: int, bullets: int) -> Item:
        return Item(
            id=f"role-{n}",
            title="Staff Nurse" if n > 1 else "Senior Staff Nurse",
            organization=f"St Elsewhere Hospital, Ward {n}",
            location="Leeds",
            start_date=f"{2024 - 2 * n}-01",
            end_date=None if n == 1 else f"{2025 - 2 * n}-12",
            current=n == 1,
            bullets=[
                f"Led care for up to {6 + k} patients a shift on an acute ward, with clear handovers and audits."
                for k in range(bullets)
            ],
        )

    education = [
        Item(
            id="edu-1",
            title="BSc (Hons) Adult Nursing, First Class",
            organization="University of Leeds",
            location="Leeds",
            start_date="2010-09",
            end_date="2013-06",
            description="Placements in acute medicine, surgery, community nursing and intensive care.",
            bullets=[
                "Dissertation: early warning scores and escalation on general wards.",
                "Student representative for the school of healthcare.",
                "Prize for the best clinical placement report of the year.",
                "Peer mentor for first-year students on their first placement.",
                "Completed the intermediate life support course with distinction.",
            ],
        ),
        Item(id="edu-2", title="A levels: Biology, Chemistry, English", organization="Leeds Sixth Form College"),
    ]
    sentence = "Calm under pressure, I keep patients safe and families informed through every shift. "
    return CvDocument(
        title="Nurse CV",
        basics=Basics(name="Grace Mensah", headline="Registered Nurse", email="grace@example.com", location="Leeds"),
        summary=(sentence * summary_sentences).strip(),
        sections=[
            Section("experience", SectionKind.EXPERIENCE, "Experience", items=[role(n, 6 - n) for n in range(1, 5)]),
            Section("education", SectionKind.EDUCATION, "Education", items=education),
            Section(
                "skills",
                SectionKind.SKILLS,
                "Skills",
                items=[Item(id="skill-1", title="Clinical", keywords=["Triage", "IV therapy", "Wound care", "NEWS2"])],
            ),
        ],
        design=Design(template=template),
    )


def sweep(template: str, variants: int = 8) -> list[PageFill]:
    """Page fill of the nurse CV as its summary grows one sentence at a time."""
    from cvmaker.adapters.rendering.html import style_for
    from cvmaker.domain.rendering.plain_text import detect_script

    fills = []
    for n in range(1, variants + 1):
        document = nurse_cv(template, n)
        fills.append(page_fill(pdf_of(document), style_for(document.design, detect_script(document)).margin_mm))
    return fills


if __name__ == "__main__":
    main()
