"""Layouts found in exported CVs that a person reads without thinking: a tools line closing an entry, a degree
with its classification, skill labels on their own line, two columns inside a section, a sidebar that runs onto
the next page, a link wrapped in a narrow column, right-to-left text."""

from __future__ import annotations

from cvmaker.adapters.extraction.right_to_left import logical_order as _logical_order
from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing import ExtractedDocument, LinkTarget, Span, TextLine, parse_cv
from cvmaker.domain.parsing.columns import read_columns_apart
from cvmaker.domain.parsing.headings import looks_like_heading_text
from cvmaker.domain.parsing.layout import Fragment, PageText, order_document
from cvmaker.domain.parsing.rows import make_row
from cvmaker.domain.parsing.skills import parse_skills
from cvmaker.services.imports import CvFileReader


def _line(*spans: str | tuple[str, float], size: float = 10.0, bold: bool = False) -> TextLine:
    """A line of spans; a span given as (text, x0) starts at x0 (and runs 5 pt per character)."""
    made = []
    for span in spans:
        text, x0 = span if isinstance(span, tuple) else (span, 0.0)
        made.append(Span(text, x0, x0 + 5.0 * len(text), size, bold))
    return TextLine(spans=tuple(made), size=size, bold=bold)


def _document(*lines: TextLine, links: list[LinkTarget] | None = None) -> ExtractedDocument:
    return ExtractedDocument(
        kind="pdf",
        pages=1,
        links=links or [],
        lines=[
            TextLine(spans=line.spans, size=line.size, bold=line.bold, top=float(n * 12), bottom=float(n * 12 + 10))
            for n, line in enumerate(lines)
        ],
    )


NAME = _line("Grace Hopper", size=20, bold=True)
HEADING = {"size": 13.0, "bold": True}


def test_a_tools_line_after_the_bullets_ends_its_entry_and_does_not_start_the_next() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("EXPERIENCE", **HEADING),
            _line("Staff Engineer, Initech", "Mar 2019 – Present", bold=True),
            _line("• Led the billing rewrite"),
            _line("Python · Django · Terraform", size=9.0),
            _line("Engineer, Globex", "Jan 2015 – Feb 2019", bold=True),
            _line("• Built the order service"),
        )
    )
    items = parsed.document.sections[0].items
    assert [(i.title, i.organization, i.start_date) for i in items] == [
        ("Staff Engineer", "Initech", "2019-03"),
        ("Engineer", "Globex", "2015-01"),
    ]
    assert items[0].keywords == ["Python", "Django", "Terraform"]


def test_a_projects_address_and_tools_under_it_are_its_link_and_keywords() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("PROJECTS", **HEADING),
            _line(("quarry", 0.0), ("2019 – Present", 400.0), bold=True),
            _line("github.com/grace/quarry"),
            _line("A query planner for embedded databases, used in production by a dozen companies."),
            _line("Rust · SQLite", size=9.0),
        )
    )
    item = parsed.document.sections[0].items[0]
    assert (item.title, item.url, item.keywords) == ("quarry", "https://github.com/grace/quarry", ["Rust", "SQLite"])
    assert item.description == "A query planner for embedded databases, used in production by a dozen companies."


def test_a_degree_keeps_its_classification_but_not_its_score() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("EDUCATION", **HEADING),
            _line("BSc Physics, Upper Second, University of Leeds", "2012 – 2015"),
            _line("MSc Statistics, GPA 3.9/4.0, University of York", "2015 – 2016"),
        )
    )
    items = parsed.document.sections[0].items
    assert [(i.title, i.organization) for i in items] == [
        ("BSc Physics, Upper Second", "University of Leeds"),
        ("MSc Statistics", "University of York"),
    ]


def test_a_degree_wrapped_after_its_comma_beside_a_date_keeps_the_comma() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("EDUCATION", **HEADING),
            _line("MSc Computer Science,", "2010 – 2011", bold=True),
            _line("Distinction", bold=True),
            _line("University of Bristol"),
        )
    )
    item = parsed.document.sections[0].items[0]
    assert (item.title, item.organization) == ("MSc Computer Science, Distinction", "University of Bristol")


def test_bold_skill_labels_over_wrapped_lists_are_categories() -> None:
    rows = [
        make_row(i, line)
        for i, line in enumerate(
            [
                _line("Data", bold=True),
                _line("PostgreSQL, Kafka,"),
                _line("Redis"),
                _line("Cloud", bold=True),
                _line("AWS, GCP"),
            ]
        )
    ]
    assert [(g.category, g.items) for g in parse_skills(rows)] == [
        ("Data", ["PostgreSQL", "Kafka", "Redis"]),
        ("Cloud", ["AWS", "GCP"]),
    ]


def test_a_skill_label_in_a_weaker_type_than_the_headings_is_not_a_languages_section() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("SKILLS", **HEADING),
            _line("Languages", size=10.0, bold=True),
            _line("Python, Go, Rust"),
            _line("Data", size=10.0, bold=True),
            _line("PostgreSQL, Kafka"),
            _line("LANGUAGES", **HEADING),
            _line("English: Native"),
        )
    )
    assert [s.kind for s in parsed.document.sections] == [SectionKind.SKILLS, SectionKind.LANGUAGES]
    skills = parsed.document.sections[0].items
    assert [(i.title, i.keywords) for i in skills] == [
        ("Languages", ["Python", "Go", "Rust"]),
        ("Data", ["PostgreSQL", "Kafka"]),
    ]


def test_two_columns_inside_a_section_are_read_one_after_the_other() -> None:
    rows = [
        make_row(i, line)
        for i, line in enumerate(
            [
                _line(("Languages: Python, Go", 50.0), ("Cloud: AWS, GCP, Kubernetes,", 300.0)),
                _line(("Data: PostgreSQL, Kafka", 50.0), ("Terraform, Prometheus", 300.0)),
            ]
        )
    ]
    ordered = read_columns_apart(rows, full_width_edge=550.0)
    assert [row.line.text for row in ordered] == [
        "Languages: Python, Go",
        "Data: PostgreSQL, Kafka",
        "Cloud: AWS, GCP, Kubernetes,",
        "Terraform, Prometheus",
    ]
    assert [(g.category, g.items) for g in parse_skills(ordered)][-1] == (
        "Cloud",
        ["AWS", "GCP", "Kubernetes", "Terraform", "Prometheus"],
    )


def test_a_label_column_beside_its_values_is_not_two_columns() -> None:
    rows = [make_row(i, _line(("Languages", 50.0), ("Python, Go", 130.0))) for i in range(2)]
    assert read_columns_apart(rows, full_width_edge=550.0) == rows


def _fragment(text: str, x0: float, top: float, size: float = 10.0, bold: bool = False) -> Fragment:
    return Fragment(text, x0, x0 + 5.0 * len(text), top, top + size, size, bold)


def test_a_sidebar_that_runs_onto_the_next_page_is_read_after_the_main_column() -> None:
    main = [_fragment("EXPERIENCE", 50, 100, 13, True)] + [
        _fragment(f"Main line {n} of the first page", 50, 120 + 14 * n) for n in range(10)
    ]
    side = [_fragment("SKILLS", 400, 100, 13, True)] + [_fragment(f"Skill {n}", 400, 120 + 14 * n) for n in range(8)]
    side += [_fragment("LANGUAGES", 400, 250, 13, True), _fragment("English", 400, 266)]
    page_two = [_fragment(f"Main line {n} of page two", 50, 100 + 14 * n) for n in range(6)]
    page_two += [_fragment("Spanish", 400, 100), _fragment("Conversational", 400, 114)]
    lines, _ = order_document(
        [PageText(1, 600, 800, tuple(main + side)), PageText(2, 600, 800, tuple(page_two))], looks_like_heading_text
    )
    texts = [line.text for line in lines]
    assert texts.index("Main line 5 of page two") < texts.index("SKILLS")
    assert texts[-3:] == ["English", "Spanish", "Conversational"]


def test_a_link_wrapped_in_a_narrow_column_is_one_link() -> None:
    url = "https://www.linkedin.com/in/grace-hopper-navy"
    parsed = parse_cv(
        _document(
            NAME,
            _line("linkedin.com/in/grace-hopper-"),
            _line("navy"),
            _line("grace@example.com"),
            links=[LinkTarget(url, "linkedin.com/in/grace-hopper"), LinkTarget(url, "navy")],
        )
    )
    assert [link.url for link in parsed.document.basics.links] == [url]


def test_right_to_left_words_come_back_in_writing_order() -> None:
    # Read left to right off the page: each Hebrew word backwards, and the words from the right.
    assert _logical_order(["יול", "העונ"]) == ["נועה", "לוי"]
    assert _logical_order(["תורחא", "Python", "תויונמוימ"]) == ["מיומנויות", "Python", "אחרות"]
    assert _logical_order(["Senior", "engineer"]) == ["Senior", "engineer"]


def test_numbers_in_a_right_to_left_cv_come_back_in_writing_order() -> None:
    # In a Hebrew or Arabic CV "+972 3 555 0123" is set "0123 555 3 972+", and a range ends on the left.
    assert _logical_order(["0123", "555", "3", "972+"], right_to_left=True) == ["+972", "3", "555", "0123"]
    assert _logical_order(["2018/06", "–", "2014/10"], right_to_left=True) == ["2014/10", "–", "2018/06"]
    assert _logical_order(["Python", "3", "and", "SQL"], right_to_left=True) == ["Python", "3", "and", "SQL"]


def _items(parsed_document: object, kind: SectionKind) -> list[tuple[str | None, str | None, str | None]]:
    section = next(s for s in parsed_document.sections if s.kind is kind)  # type: ignore[attr-defined]
    return [(i.title, i.organization, i.end_date) for i in section.items]


def test_certificates_with_their_dates_below_or_above_and_their_issuers() -> None:
    below = parse_cv(
        _document(
            NAME,
            _line("CERTIFICATIONS", **HEADING),
            _line("Google Cloud Professional Data Engineer, Google", bold=True),
            _line("Apr 2021"),
            _line("Certified Scrum Master, Scrum Alliance", bold=True),
            _line("Jun 2019"),
        )
    ).document
    assert _items(below, SectionKind.CERTIFICATIONS) == [
        ("Google Cloud Professional Data Engineer", "Google", "2021-04"),
        ("Certified Scrum Master", "Scrum Alliance", "2019-06"),
    ]
    above = parse_cv(
        _document(
            NAME,
            _line("AWARDS", **HEADING),
            _line("Nov 2022"),
            _line("Innovation Prize of the", bold=True),
            _line("Year", bold=True),
            _line("Royal Society"),
            _line("Sep 2016"),
            _line("Best Thesis", bold=True),
            _line("University of Leeds"),
        )
    ).document
    assert _items(above, SectionKind.AWARDS) == [
        ("Innovation Prize of the Year", "Royal Society", "2022-11"),
        ("Best Thesis", "University of Leeds", "2016-09"),
    ]


def test_a_plain_list_of_certificates_stays_one_per_line() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("CERTIFICATIONS", **HEADING),
            _line("AWS Certified Developer", "2021"),
            _line("Certified Scrum Master"),
            _line("PRINCE2 Foundation", "2018"),
        )
    ).document
    assert [title for title, _, _ in _items(parsed, SectionKind.CERTIFICATIONS)] == [
        "AWS Certified Developer",
        "Certified Scrum Master",
        "PRINCE2 Foundation",
    ]


def test_a_papers_authors_are_not_its_publisher() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("PUBLICATIONS", **HEADING),
            _line("Learning to rank at scale", "2021", bold=True),
            _line("Ada Lovelace, Charles Babbage"),
            _line("Faster joins for column stores", "2019", bold=True),
            _line("Grace Hopper, Alan Turing"),
        )
    ).document
    assert [organization for _, organization, _ in _items(parsed, SectionKind.PUBLICATIONS)] == [None, None]


def test_languages_as_a_name_in_bold_over_its_level() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("LANGUAGES", **HEADING),
            _line("English", bold=True),
            _line("Native"),
            _line("French", bold=True),
            _line("Professional working"),
            _line("proficiency"),
        )
    ).document
    assert [(i.title, i.description) for i in parsed.sections[0].items] == [
        ("English", "Native"),
        ("French", "Professional working proficiency"),
    ]


def test_a_summary_wrapped_in_a_narrow_column_is_the_summary_not_a_headline() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("grace@example.com"),
            _line("Engineer with twelve years of", size=11.0),
            _line("experience in compilers, teaching", size=11.0),
            _line("and leading small teams that ship", size=11.0),
            _line("tools other engineers rely on every", size=11.0),
            _line("day, from linkers to debuggers.", size=11.0),
            _line("EXPERIENCE", **HEADING),
            _line("Engineer, Remington Rand", "1949 – 1971"),
        )
    ).document
    assert parsed.summary == (
        "Engineer with twelve years of experience in compilers, teaching and leading small "
        "teams that ship tools other engineers rely on every day, from linkers to debuggers."
    )
    assert parsed.basics.headline is None


def test_a_line_naming_the_section_it_is_in_is_not_a_new_section() -> None:
    parsed = parse_cv(
        _document(
            NAME,
            _line("AWARDS", **HEADING),
            _line(("Engineer of the Year", 0.0), ("2023", 400.0), bold=True),
            _line("National Engineering Awards"),
            _line("For the new compiler."),
        )
    ).document
    assert [s.kind for s in parsed.sections] == [SectionKind.AWARDS]
    assert _items(parsed, SectionKind.AWARDS) == [("Engineer of the Year", "National Engineering Awards", "2023")]


def test_chinese_and_japanese_entries_and_places() -> None:
    parsed = parse_cv(
        _document(
            _line("王晓明", size=20, bold=True),
            _line("中国北京 · wang@example.com"),
            _line("工作经历", **HEADING),
            _line(("高级数据工程师 星辰科技有限公司", 0.0), ("2019/07 – 至今", 400.0), bold=True),
            _line("• 负责实时数据平台的架构设计"),
            _line("教育背景", **HEADING),
            _line(("情報工学 学士 東京工業大学", 0.0), ("2013/04 – 2017/03", 400.0), bold=True),
        )
    ).document
    assert parsed.basics.location == "中国北京"
    jobs, schools = parsed.sections
    assert [(i.title, i.organization, i.start_date, i.current) for i in jobs.items] == [
        ("高级数据工程师", "星辰科技有限公司", "2019-07", True)
    ]
    assert [(i.title, i.organization) for i in schools.items] == [("情報工学 学士", "東京工業大学")]


def test_arabic_entries_and_places() -> None:
    parsed = parse_cv(
        _document(
            _line("ليلى حسن العمري", size=20, bold=True),
            _line("دبي، الإمارات العربية المتحدة · layla@example.com"),
            _line("الخبرة العملية", **HEADING),
            _line(("مهندسة برمجيات أولى، شركة الخليج للمدفوعات", 0.0), ("2020/01 – حتى الآن", 400.0), bold=True),
        )
    ).document
    assert parsed.basics.location == "دبي، الإمارات العربية المتحدة"
    assert [(i.title, i.organization, i.current) for i in parsed.sections[0].items] == [
        ("مهندسة برمجيات أولى", "شركة الخليج للمدفوعات", True)
    ]


def test_the_last_word_of_a_bullet_at_the_foot_of_a_page_is_not_a_footer(pdfs: dict[str, bytes]) -> None:
    # Three pages whose bullets end "... for the on-call" / "team", the second line at the foot of two pages:
    # repeated at the edge of most pages, yet set as close under its line as a paragraph's lines are.
    parsed = CvFileReader(InProcessExtractor()).parse(pdfs["running_header"], "cv.pdf")
    bullets = [b for s in parsed.document.sections for i in s.items for b in i.bullets if "runbook" in b]
    assert bullets and all(b.endswith(" team") for b in bullets)
    assert all(text != "team" for _, text in parsed.warnings)
