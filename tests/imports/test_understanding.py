"""The pure parts of understanding a CV: dates, headings, skills, text cleaning, entry fields."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing import ExtractedDocument, Span, TextLine, parse_cv
from cvmaker.domain.parsing.contact import phone_in
from cvmaker.domain.parsing.dates import find_range, is_date_text
from cvmaker.domain.parsing.headings import heading_kind
from cvmaker.domain.parsing.rows import make_row
from cvmaker.domain.parsing.skills import parse_skills
from cvmaker.domain.parsing.text import clean


@pytest.mark.parametrize(
    ("printed", "start", "end", "current"),
    [
        ("Jan 2020 - Present", "2020-01", None, True),
        ("January 2020 – Current", "2020-01", None, True),
        ("Sept. 2018 — May 2023", "2018-09", "2023-05", False),
        ("01/2020 - 03/2021", "2020-01", "2021-03", False),
        ("2020-01 – 2021-11", "2020-01", "2021-11", False),
        ("2018 - 2020", "2018", "2020", False),
        ("Summer 2019", None, "2019-06", False),
        ("since 2019", "2019", None, True),
        ("Mar 2019 to Jun 2020", "2019-03", "2020-06", False),
        ("2020 – 2018", "2018", "2020", False),
        ("June 2019 to date", "2019-06", None, True),
        ("Jan – Mar 2020", "2020-01", "2020-03", False),
        ("2018 - heute", "2018", None, True),
        ("2021/07/15-2023/08/27", "2021-07", "2023-08", False),
        ("2021-07-15 – 2023-08-27", "2021-07", "2023-08", False),
        ("15.07.2021 – heute", "2021-07", None, True),
        ("15/07/2021 - 27/08/2023", "2021-07", "2023-08", False),
        ("07/15/2021 - 08/27/2023", "2021-07", "2023-08", False),
        ("2021年7月 - 2023年8月", "2021-07", "2023-08", False),
        ("2025.09–今", "2025-09", None, True),
        ("2019年 至今", "2019", None, True),
        ("10.2014-…", "2014-10", None, True),
        ("2019 – ...", "2019", None, True),
        ("Sept 2024-", "2024-09", None, True),
        ("2017.18", "2017", "2018", False),
        ("2019/2020", "2019", "2020", False),
        ("2019-21", "2019", "2021", False),
        ("2021.07", None, "2021-07", False),
        ("2018 March – June", "2018-03", "2018-06", False),
    ],
)
def test_dates_in_every_common_format(printed: str, start: str | None, end: str | None, current: bool) -> None:
    found = find_range(printed)
    assert found is not None
    date, _, _ = found
    assert (date.start, date.end, date.current) == (start, end, current)
    assert date.printed == printed


def test_date_texts_are_told_from_other_text() -> None:
    assert is_date_text("June 2022 –")  # an open range whose end is on the next line
    assert is_date_text("Present")
    assert not is_date_text("Senior Engineer 2019")
    assert not is_date_text("Python 3")
    assert find_range("Built 3 services") is None


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Experience", SectionKind.EXPERIENCE),
        ("WORK HISTORY", SectionKind.EXPERIENCE),
        ("Professional Experience", SectionKind.EXPERIENCE),
        ("Employment", SectionKind.EXPERIENCE),
        ("E X P E R I E N C E", SectionKind.EXPERIENCE),
        ("Relevant Work Experience:", SectionKind.EXPERIENCE),
        ("Core Competencies", SectionKind.SKILLS),
        ("Technical Skills", SectionKind.SKILLS),
        ("Academic Background", SectionKind.EDUCATION),
        ("Licenses & Certifications", SectionKind.CERTIFICATIONS),
        ("Honors and Awards", SectionKind.AWARDS),
        ("Volunteer Experience", SectionKind.VOLUNTEER),
        ("Selected Publications", SectionKind.PUBLICATIONS),
        ("Languages", SectionKind.LANGUAGES),
        ("Personal Projects", SectionKind.PROJECTS),
        ("Professional Summary", SectionKind.CUSTOM),
        ("Skill Highlights", SectionKind.SKILLS),
        ("Publication List", SectionKind.PUBLICATIONS),
        ("FUNDING, HONORS, & AWARDS", SectionKind.AWARDS),
        ("Appendix: Abstracts of Working Papers", SectionKind.PUBLICATIONS),
        ("List of Publications", SectionKind.PUBLICATIONS),
        ("Teaching", SectionKind.EXPERIENCE),
    ],
)
def test_heading_vocabulary_in_its_many_wordings(heading: str, kind: SectionKind) -> None:
    assert heading_kind(heading) is kind


def test_lines_that_merely_mention_a_heading_word_are_not_headings() -> None:
    assert heading_kind("Microsoft Research, Research Intern") is None
    assert heading_kind("Built the experience layer of the checkout service in Go") is None
    assert heading_kind("Experiência em SAP com ABAP e Fiori") is None  # a sentence, not a heading
    assert heading_kind("Consultor SAP ABAP (AMS)") is None


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("EXPERIÊNCIA PROFISSIONAL", SectionKind.EXPERIENCE),
        ("Experiencias Profesionales", SectionKind.EXPERIENCE),
        ("Esperienze lavorative", SectionKind.EXPERIENCE),
        ("ARBEITSERFAHRUNG", SectionKind.EXPERIENCE),  # a German compound, read by its head word
        ("Beruflicher Werdegang", SectionKind.EXPERIENCE),
        ("Doświadczenie zawodowe", SectionKind.EXPERIENCE),
        ("Opleiding en cursussen", SectionKind.EDUCATION),
        ("Formação Acadêmica", SectionKind.EDUCATION),
        ("Hochschulbildung", SectionKind.EDUCATION),
        ("Habilidades Técnicas", SectionKind.SKILLS),
        ("EDV-Kenntnisse", SectionKind.SKILLS),
        ("Certificações", SectionKind.CERTIFICATIONS),
        ("Sprachkenntnisse", SectionKind.LANGUAGES),
        ("Publicações", SectionKind.PUBLICATIONS),
        ("Professional Service", SectionKind.VOLUNTEER),
        ("Current Position", SectionKind.EXPERIENCE),
        ("Tecnologie", SectionKind.SKILLS),
        ("Herramientas", SectionKind.SKILLS),
        ("Outils", SectionKind.SKILLS),
    ],
)
def test_headings_in_other_languages(heading: str, kind: SectionKind) -> None:
    assert heading_kind(heading) is kind


def test_cleaning_folds_odd_dashes_and_drops_icons_and_soft_hyphens() -> None:
    assert clean("\uf0e0\u00a0jane@example.com") == "jane@example.com"
    assert clean("Co\u2011op\u00ad erative \ufb01nance") == "Co-op erative finance"
    assert clean("2019\u20132020") == "2019\u20132020"


@pytest.mark.parametrize(
    "printed", ["+44 20 7946 0958", "(415) 555-0142", "+49 (0)30 1234567", "555.123.4567", "+33 6 12 34 56 78"]
)
def test_phone_numbers_in_international_formats(printed: str) -> None:
    assert phone_in(f"Phone: {printed}") == printed


def test_a_phone_is_not_a_range_of_years() -> None:
    assert phone_in("2018 - 2020") is None


def _line(text: str, *spans: str, size: float = 10.0, bold: bool = False, top: float = 0.0) -> TextLine:
    pieces = spans or (text,)
    return TextLine(spans=tuple(Span(s, size=size, bold=bold) for s in pieces), size=size, bold=bold, top=top)


def test_skills_lose_their_category_labels_and_split_into_items() -> None:
    rows = [
        make_row(i, _line(t))
        for i, t in enumerate(
            [
                "Languages: Python, C++, Go",
                "Databases: SQL and NoSQL databases (MySQL, MongoDB)",
                "Angular (versions 2+), JavaScript (ES6+)",
            ]
        )
    ]
    groups = parse_skills(rows)
    assert [(g.category, g.items) for g in groups] == [
        ("Languages", ["Python", "C++", "Go"]),
        ("Databases", ["SQL", "NoSQL databases", "MySQL", "MongoDB"]),
        (None, ["Angular (versions 2+)", "JavaScript (ES6+)"]),
    ]


def test_names_joined_by_slashes_are_items_and_what_they_are_is_dropped() -> None:
    rows = [
        make_row(i, _line(text))
        for i, text in enumerate(
            ("Java/Python programming", "PyTorch and TensorFlow experience", "A/B testing", "CI/CD, TCP/IP, UI/UX")
        )
    ]
    items = [item for group in parse_skills(rows) for item in group.items]
    assert items == ["Java", "Python", "PyTorch", "TensorFlow", "A/B testing", "CI/CD", "TCP/IP", "UI/UX"]
    assert heading_kind("Award Winner") is None  # a singular head word is a heading only before "list" words
    assert heading_kind("Google, Software Engineer") is None  # a job, not a list of kinds
    assert heading_kind("Head of Education") is None  # a role, not a list


def test_skill_chips_set_apart_by_space_are_items() -> None:
    rows = [make_row(0, _line("", "Go", "Python", "REST APIs")), make_row(1, _line("Distributed Systems"))]
    assert [g.items for g in parse_skills(rows)] == [["Go", "Python", "REST APIs", "Distributed Systems"]]


def _document(*lines: TextLine) -> ExtractedDocument:
    return ExtractedDocument(
        kind="pdf",
        pages=1,
        lines=[replace(line, top=float(n * 12), bottom=float(n * 12 + 10)) for n, line in enumerate(lines)],
    )


def test_title_and_employer_order_is_detected_not_assumed() -> None:
    heading = _line("EXPERIENCE", size=13, bold=True)
    for header in (
        "Acme Corp, Staff Engineer",
        "Staff Engineer, Acme Corp",
        "Staff Engineer at Acme Corp",
        "Acme Corp | Staff Engineer",
    ):
        parsed = parse_cv(
            _document(
                _line("Ada Lovelace", size=20), heading, _line(header, header, "2019 – 2021"), _line("• Built things")
            )
        )
        item = parsed.document.sections[0].items[0]
        assert (item.title, item.organization, item.start_date, item.end_date) == (
            "Staff Engineer",
            "Acme Corp",
            "2019",
            "2021",
        ), header


def test_a_season_keeps_its_printed_text_in_the_sources() -> None:
    parsed = parse_cv(
        _document(
            _line("Ada Lovelace", size=20),
            _line("EXPERIENCE", size=13, bold=True),
            _line("", "Intern, Acme Corp", "Summer 2019"),
            _line("• Tested things"),
        )
    )
    item = parsed.document.sections[0].items[0]
    assert item.end_date == "2019-06"
    assert parsed.sources["sections.0.items.0.endDate"] == 'page 1: "Summer 2019"'


def test_unknown_sections_become_custom_sections_and_nothing_is_dropped() -> None:
    heading = dict(size=13.0, bold=True)
    parsed = parse_cv(
        _document(
            _line("Ada Lovelace", size=20),
            _line("EXPERIENCE", **heading),
            _line("", "Engineer, Acme", "2019"),
            _line("• Built things"),
            _line("SKILLS", **heading),
            _line("Python, Go"),
            _line("HOBBIES", **heading),
            _line("Chess, climbing"),
        )
    )
    kinds = [(s.kind, s.title) for s in parsed.document.sections]
    assert kinds == [
        (SectionKind.EXPERIENCE, "EXPERIENCE"),
        (SectionKind.SKILLS, "SKILLS"),
        (SectionKind.CUSTOM, "HOBBIES"),
    ]
    assert parsed.document.sections[2].items[0].title == "Chess, climbing"
    assert parsed.warnings == []


def test_contact_labels_and_birth_dates() -> None:
    from cvmaker.domain.parsing.contact import ContactPiece, read_contact

    contact = read_contact(
        [
            ContactPiece("Name: John Smith", 12, 0),
            ContactPiece("Date of birth: 01/01/1990", 10, 1),
            ContactPiece("Phone: 555-123-4567", 10, 2),
            ContactPiece("GitHub: jsmith", 10, 3),
        ]
    )
    assert (contact.name, contact.phone) == ("John Smith", "555-123-4567")
    assert contact.urls == [("https://github.com/jsmith", "GitHub: jsmith")]
    assert [piece.text for piece in contact.unplaced] == ["Date of birth: 01/01/1990"]  # reported, not a phone


def test_rating_dots_are_levels_not_skills() -> None:
    rows = [make_row(0, _line("", "Python ●●●●○", "Java ●●●○○")), make_row(1, _line("Go ★★★☆☆"))]
    assert [g.items for g in parse_skills(rows)] == [["Python", "Java", "Go"]]


def test_a_grade_after_the_degree_is_not_part_of_it() -> None:
    parsed = parse_cv(
        _document(
            _line("Ada Lovelace", size=20),
            _line("EDUCATION", size=13, bold=True),
            _line("", "BSc Computer Science, GPA 3.8/4.0", "2014 – 2018"),
            _line("University of London"),
        )
    )
    item = parsed.document.sections[0].items[0]
    assert (item.title, item.organization, item.description) == (
        "BSc Computer Science",
        "University of London",
        "GPA 3.8/4.0",
    )


@pytest.mark.parametrize(
    ("printed", "dates", "pieces"),
    [
        ("Software Engineer (2019 – 2021), Google", ["2019 – 2021"], ["Software Engineer, Google"]),
        ("Acme – Engineer – 2019 – 2020", ["2019 – 2020"], ["Acme", "Engineer"]),
        ("Flipkart | Bengaluru | Jul 2021 – Present", ["Jul 2021 – Present"], ["Flipkart", "Bengaluru"]),
        ("Used Windows 2000 every day", [], ["Used Windows 2000 every day"]),
    ],
)
def test_dates_are_found_in_a_header_line_without_breaking_it(
    printed: str, dates: list[str], pieces: list[str]
) -> None:
    row = make_row(0, _line(printed))
    assert (row.dates, row.pieces) == (dates, pieces)


def test_numbered_and_letter_spaced_headings() -> None:
    heading = dict(size=10.0, bold=True)
    parsed = parse_cv(
        _document(
            _line("Ada Lovelace", size=20),
            _line("1. Experience", **heading),
            _line("", "Analyst, Babbage & Co", "2010"),
            _line("• Wrote the first program"),
            _line("S K I L L S", **heading),
            _line("Python, Go"),
        )
    )
    assert [(s.kind, s.title) for s in parsed.document.sections] == [
        (SectionKind.EXPERIENCE, "Experience"),
        (SectionKind.SKILLS, "Skills"),
    ]


def test_a_section_whose_entries_are_dated_in_their_text_is_read_whole() -> None:
    """A publication list: the year sits in the reference's text, no entry has a header line. The parser once
    crashed on it (it looked for the previous entry's header line to compare the last one with)."""
    document = parse_cv(
        _document(
            _line("Anna Visser", size=20, bold=True),
            _line("PUBLICATIONS", size=13, bold=True),
            _line("The Added Worker Effect: Evidence from a Disability Insurance Reform, Review of"),
            _line("Economics of the Household 22, 1275-1316 (2024). With Tunga Kantarcı, Arthur van Soest, Jan-"),
            _line("Maarten van Sonsbeek."),
        )
    ).document
    assert document.basics.name == "Anna Visser"
    text = " ".join(
        " ".join([item.title or "", item.description or "", *item.bullets])
        for s in document.sections
        for item in s.items
    )
    assert "Added Worker Effect" in text and "Sonsbeek" in text


def test_numbered_headings_with_their_number_set_apart() -> None:
    """ "1." | "Experiencia Laboral": the number in a span of its own does not hide the heading, a second heading
    of the same kind starts its own section, and a heading numbered like the others ("3. Manejo de Software") is a
    heading too, after a skills section as well."""
    parsed = parse_cv(
        _document(
            _line("Ana Pérez", size=20),
            _line("", "1.", "Experiencia Laboral", bold=True),
            _line("", "Analista de datos", "Mar. 2014 – Sept. 2019", bold=True),
            _line("Centro de Medición, Santiago."),
            _line("", "2.", "Experiencia Académica", bold=True),
            _line("", "Ayudante de cátedra", "May. 2018 – Jun. 2018"),
            _line("Instituto de Sociología, Santiago."),
            _line("", "3.", "Manejo de Software", bold=True),
            _line("Mplus, R, STATA"),
        )
    )
    sections = [(s.kind, s.title) for s in parsed.document.sections]
    assert sections == [
        (SectionKind.EXPERIENCE, "Experiencia Laboral"),
        (SectionKind.EXPERIENCE, "Experiencia Académica"),
        (SectionKind.SKILLS, "Manejo de Software"),
    ]
    assert parsed.document.sections[2].items[0].keywords == ["Mplus", "R", "STATA"]


def test_a_name_set_like_the_headings_is_the_name_not_a_section() -> None:
    parsed = parse_cv(
        _document(
            _line("林威", size=16, bold=True),
            _line("linwei@example.org"),
            _line("教育经历", size=16, bold=True),
            _line("2015.09–2019.07 同济大学 土木工程"),
            _line("工作经历", size=16, bold=True),
            _line("2025.09–至今 福州大学 副教授"),
        )
    )
    assert parsed.document.basics.name == "林威"
    assert [s.kind for s in parsed.document.sections] == [SectionKind.EDUCATION, SectionKind.EXPERIENCE]


def _list_item(text: str) -> TextLine:
    return TextLine(spans=(Span(text),), list_item=True)


def test_a_list_of_dated_items_is_a_list_of_entries() -> None:
    """ "• 2022 – now | Front-end developer at Fledge": each item of a bulleted experience list is a job."""
    parsed = parse_cv(
        _document(
            _line("Lea de Vries", size=20),
            _line("EXPERIENCE", size=13, bold=True),
            _list_item("2022 – now | Front-end Web developer at Fledge ERP"),
            _list_item("2020 – 2022 | Public service employee at the municipality of Nijmegen"),
            _list_item("Built the permit portal"),
            _list_item("2017 – 2018 | Student assistant at Radboud University"),
        )
    )
    items = parsed.document.sections[0].items
    assert [(i.title, i.organization, i.start_date, i.end_date) for i in items] == [
        ("Front-end Web developer", "Fledge ERP", "2022", None),
        ("Public service employee", "municipality of Nijmegen", "2020", "2022"),
        ("Student assistant", "Radboud University", "2017", "2018"),
    ]
    assert items[1].bullets == ["Built the permit portal"]


def test_achievements_with_their_years_stay_bullets_of_their_job() -> None:
    parsed = parse_cv(
        _document(
            _line("Lea de Vries", size=20),
            _line("EXPERIENCE", size=13, bold=True),
            _line("", "Engineer, Acme Corp", "2019 – 2023"),
            _list_item("Cut the cost of the nightly build by half in 2021 by caching the dependencies"),
            _list_item("Led the migration of the billing service to the new platform in 2022"),
        )
    )
    (item,) = parsed.document.sections[0].items
    assert (item.title, item.organization) == ("Engineer", "Acme Corp")
    assert len(item.bullets) == 2


def test_full_width_separators_split_fields_like_commas() -> None:
    parsed = parse_cv(
        _document(
            _line("林威", size=16, bold=True),
            _line("工作经历", size=16, bold=True),
            _line("2025.09–今，福州大学，副教授"),
            _line("2023.10–2024.03，剑桥大学，实验演示员"),
        )
    )
    items = parsed.document.sections[0].items
    assert [(i.title, i.organization, i.start_date, i.end_date, i.current) for i in items] == [
        ("副教授", "福州大学", "2025-09", None, True),
        ("实验演示员", "剑桥大学", "2023-10", "2024-03", False),
    ]


@pytest.mark.parametrize(
    ("line", "email", "phone", "more"),
    [
        ("gubeck@uc.cl / gmo.beck@example.org", "gubeck@uc.cl", None, "gmo.beck@example.org"),
        ("+56 9 9394 2235 / +56 2 2345 6789", None, "+56 9 9394 2235", "+56 2 2345 6789"),
        ("Tel: 0171 234 5678, Mobile: 07700 900123", None, "0171 234 5678", "07700 900123"),
    ],
)
def test_a_second_email_or_phone_is_reported_not_dropped(
    line: str, email: str | None, phone: str | None, more: str
) -> None:
    parsed = parse_cv(
        _document(
            _line("Ana Pérez", size=20),
            _line(line),
            _line("EXPERIENCE", size=13, bold=True),
            _line("Engineer, Acme, 2019 – 2021"),
        )
    )
    assert (parsed.document.basics.email, parsed.document.basics.phone) == (email, phone)
    assert any(message.startswith("A second") and text == more for message, text in parsed.warnings)


def test_levels_in_any_language_are_no_skills_and_a_bulleted_line_is_no_category() -> None:
    rows = [
        make_row(0, _line("Python 3 • avançado")),
        make_row(1, _line("Java • básico")),
        make_row(2, _line("• Git • Italien: courant")),
    ]
    items = [item for group in parse_skills(rows) for item in group.items]
    assert items == ["Python 3", "Java", "Git", "Italien: courant"]
    assert [g.category for g in parse_skills(rows)] == [None]


def test_a_profile_heading_in_other_languages_is_the_summary() -> None:
    from cvmaker.domain.parsing.headings import SUMMARY_HEADINGS

    assert {"profilo", "perfil", "resumen", "à propos", "über mich", "profiel"} <= SUMMARY_HEADINGS
