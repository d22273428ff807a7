"""Academic CVs: headings whose head word is qualified by a title word ("Research Experience and Other
Employment", "Doctoral Studies"), roles that stay roles, and dates in a margin whose words the PDF set apart
("Summer | 2015") or wrote with a comma ("Summer, 2025")."""

from __future__ import annotations

import pytest

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.dates import find_range
from cvmaker.domain.parsing.extracted import Span, TextLine
from cvmaker.domain.parsing.headings import heading_kind
from cvmaker.domain.parsing.rows import make_row


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Research Experience and Other Employment", SectionKind.EXPERIENCE),
        ("Doctoral Studies", SectionKind.EDUCATION),
        ("Research Projects", SectionKind.PROJECTS),
        ("Social and Cultural Engagement", SectionKind.VOLUNTEER),
        ("Ehrenamtliches Engagement", SectionKind.VOLUNTEER),
        ("Selected Research Experience", SectionKind.EXPERIENCE),
        ("Contact and Links", SectionKind.CUSTOM),
        ("Research Assistant", None),
        ("Head of Education", None),
        ("Senior Research Fellow", None),
    ],
)
def test_a_title_word_qualifying_a_heading_word_is_a_heading(text: str, kind: SectionKind | None) -> None:
    assert heading_kind(text) is kind


def test_a_season_with_a_comma_is_a_date() -> None:
    found = find_range("Summer, 2025")
    assert found is not None and found[0].end == "2025-06"


def test_a_date_split_over_two_spans_is_read_whole() -> None:
    line = TextLine(
        spans=(Span("Summer", x0=72), Span("2015", x0=107), Span("London School of Economics, researcher", x0=143)),
        page=1,
        top=100.0,
        size=10.0,
    )
    row = make_row(0, line)
    assert row.dates == ["Summer 2015"]
    assert "Summer" not in " ".join(row.pieces)


def test_a_role_named_like_a_heading_beside_its_dates_is_not_a_heading() -> None:
    """ "Volunteer | Summer 2022" under an employer line is the role, not a Volunteer section."""
    import io

    import docx

    from cvmaker.adapters.extraction.sniffing import InProcessExtractor
    from cvmaker.services.imports import CvFileReader

    document = docx.Document()
    document.add_paragraph("Robin Hale")
    document.add_paragraph("robin.hale@example.org")
    document.add_heading("Research Experience", level=1)
    table = document.add_table(rows=0, cols=2)
    for employer, place, role, dates in (
        ("The Williams Institute", "Remote", "Volunteer", "Summer 2022"),
        ("Harvard University Music Lab", "Cambridge, MA", "Lab Manager", "2018 - 2019"),
    ):
        first, second = table.add_row().cells, table.add_row().cells
        first[0].text, first[1].text = employer, place
        first[0].paragraphs[0].runs[0].bold = True
        second[0].text, second[1].text = role, dates
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    assert [section.kind for section in sections] == [SectionKind.EXPERIENCE]
    assert [(item.title, item.organization) for item in sections[0].items] == [
        ("Volunteer", "The Williams Institute"),
        ("Lab Manager", "Harvard University Music Lab"),
    ]


def test_a_heading_found_by_its_look_keeps_the_kind_its_words_name() -> None:
    """ "Leadership and Service" right after an experience section is passed over as part of it by wording alone;
    set like the other headings it is one, and its words say it holds experience."""
    import io

    import docx
    from docx.shared import Pt

    from cvmaker.adapters.extraction.sniffing import InProcessExtractor
    from cvmaker.services.imports import CvFileReader

    document = docx.Document()
    document.add_paragraph("Filippa Conti")
    document.add_paragraph("filippa.conti@example.org")
    for heading, line in (
        ("Education", "MSc Economics, University of St. Gallen\t2018 – 2020"),
        ("Work Experience", "Economic Analysis Intern, Swiss National Bank\t2019 – 2020"),
        ("Leadership and Service", "Co-Organizer, Chicago Asset Pricing Working Group\t2022 – 2023"),
    ):
        run = document.add_paragraph().add_run(heading)
        run.bold, run.font.size = True, Pt(14)
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    assert [(s.kind, s.title) for s in sections] == [
        (SectionKind.EDUCATION, "Education"),
        (SectionKind.EXPERIENCE, "Work Experience"),
        (SectionKind.EXPERIENCE, "Leadership and Service"),
    ]
    assert [(i.title, i.organization) for i in sections[2].items] == [
        ("Co-Organizer", "Chicago Asset Pricing Working Group")
    ]


def test_a_teaching_section_of_courses_is_not_a_list_of_jobs() -> None:
    from cvmaker.domain.cv.model import Item
    from cvmaker.domain.parsing.section_items import lists_courses

    courses = [
        Item(id="a", title="Graduate Labor Economics", organization="ITAM"),
        Item(id="b", title="Intermediate Microeconomics", organization="Universidad del Rosario"),
        Item(id="c", title="Econometrics", organization="Brown University"),
    ]
    roles = [
        Item(id="d", title="Graduate Student Instructor", organization="UC Berkeley"),
        Item(id="e", title="Teaching Assistant", organization="CSULA"),
    ]
    assert lists_courses("teaching experience", courses)
    assert not lists_courses("teaching experience", roles)
    assert not lists_courses("work experience", courses)
