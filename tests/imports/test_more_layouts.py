"""Layouts seen often in the wild, each read into the fields a person would expect."""

from __future__ import annotations

import pytest

from cvmaker.domain.cv.model import CvDocument, SectionKind
from cvmaker.services.imports import CvFileReader
from tests.imports import documents, more_documents


@pytest.fixture(scope="module")
def read() -> dict[str, CvDocument]:
    from cvmaker.adapters.extraction.sniffing import InProcessExtractor

    service = CvFileReader(InProcessExtractor())
    markup = {
        "linkedin": more_documents.LINKEDIN_LIKE,
        "jake": more_documents.JAKE_LIKE,
        "designer": more_documents.DESIGNER_SIDEBAR,
        "european": more_documents.EUROPEAN,
        "awesome": more_documents.AWESOME_LIKE,
        "deedy": more_documents.DEEDY_LIKE,
        "margin": more_documents.MARGIN_LABELS,
        "drawn": more_documents.DRAWN_BULLETS,
        "plain_sidebar": more_documents.PLAIN_SIDEBAR,
    }
    return {name: service.parse(documents.render_pdf(html), f"{name}.pdf").document for name, html in markup.items()}


def _items(document: CvDocument, kind: SectionKind) -> list[tuple[object, ...]]:
    section = next(s for s in document.sections if s.kind is kind)
    return [(i.title, i.organization, i.start_date, i.end_date, i.current) for i in section.items]


def test_a_linkedin_style_export(read: dict[str, CvDocument]) -> None:
    document = read["linkedin"]
    assert (document.basics.name, document.basics.email) == ("John Smith", "jsmith@gmail.com")
    assert document.basics.location == "Austin, Texas, United States"
    assert [link.url for link in document.basics.links] == ["https://www.linkedin.com/in/jsmith"]
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Senior Product Manager", "Initech", "2021-03", None, True),
        ("Product Manager", "Initech", "2020-01", "2021-03", False),  # the employer line above both roles
        ("Business Analyst", "Globex Corporation", "2016-06", "2019-12", False),
    ]
    assert _items(document, SectionKind.EDUCATION) == [
        (
            "Bachelor of Business Administration, BBA, Finance",
            "The University of Texas at Austin",
            "2012",
            "2016",
            False,
        )
    ]
    languages = next(s for s in document.sections if s.kind is SectionKind.LANGUAGES).items
    assert [(i.title, i.description) for i in languages] == [
        ("English", "Native or Bilingual"),
        ("French", "Limited Working"),
    ]


def test_a_two_line_entry_resume_with_small_capital_headings(read: dict[str, CvDocument]) -> None:
    document = read["jake"]
    assert (document.basics.name, document.basics.phone) == ("Jake Ryan", "123-456-7890")
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Undergraduate Research Assistant", "Texas A&M University", "2020-06", None, True),
        ("Information Technology Support Specialist", "Southwestern University", "2018-09", None, True),
    ]
    experience = next(s for s in document.sections if s.kind is SectionKind.EXPERIENCE)
    assert experience.title == "Experience"
    assert experience.items[0].location == "College Station, TX"
    project = next(s for s in document.sections if s.kind is SectionKind.PROJECTS).items[0]
    assert (project.title, project.keywords) == ("Gitlytics", ["Python", "Flask", "React", "PostgreSQL", "Docker"])
    skills = next(s for s in document.sections if s.kind is SectionKind.SKILLS).items
    assert skills[1].title == "Developer Tools"
    assert skills[1].keywords[-3:] == ["PyCharm", "IntelliJ", "Eclipse"]  # the wrapped end of the list


def test_a_designer_page_with_the_name_in_a_dark_sidebar(read: dict[str, CvDocument]) -> None:
    document = read["designer"]
    assert (document.basics.name, document.basics.headline) == ("Lena Novak", "UX Designer")
    assert document.basics.location == "Chicago, IL"
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Senior UX Designer", "Groupon", "2019", None, True),
        ("UX Designer", "Orbitz", "2016", "2019", False),
    ]
    assert _items(document, SectionKind.EDUCATION) == [
        ("BFA, Graphic Design", "School of the Art Institute of Chicago", "2012", "2016", False)
    ]


def test_a_european_cv_in_german(read: dict[str, CvDocument]) -> None:
    document = read["european"]
    assert (document.basics.name, document.basics.phone) == (
        "Anna Müller",
        "+49 (0)30 1234567",
    )  # "Dr." is a title, no part of the name
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Senior Data Scientist", "Zalando SE", "2019-10", None, True),
        ("Data Scientist", "SAP SE", "2016-04", "2019-09", False),
    ]
    assert _items(document, SectionKind.EDUCATION)[0][:2] == (
        "Promotion (Dr. rer. nat.) in Physik",
        "Technische Universität München",
    )


def test_word_section_names_in_the_left_cells_of_a_table() -> None:
    from cvmaker.adapters.extraction.sniffing import InProcessExtractor

    document = CvFileReader(InProcessExtractor()).parse(more_documents.headings_in_cells_docx(), "cv.docx").document
    assert [s.kind for s in document.sections] == [SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.SKILLS]
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Staff Engineer", "Lyft", "2019", None, True),
        ("Senior Engineer", "Uber", "2015", "2019", False),
    ]
    assert document.sections[0].items[0].bullets == ["Led the dispatch rewrite in Go", "Cut costs by 20%"]
    assert document.sections[2].items[0].keywords == ["Go", "Python", "Kafka", "Kubernetes"]


def test_skill_categories_in_table_cells_are_categories_not_sections() -> None:
    from cvmaker.adapters.extraction.sniffing import InProcessExtractor

    document = CvFileReader(InProcessExtractor()).parse(more_documents.skills_table_docx(), "cv.docx").document
    assert [s.kind for s in document.sections] == [SectionKind.SKILLS, SectionKind.EXPERIENCE]
    assert [(i.title, i.keywords) for i in document.sections[0].items] == [
        ("Languages", ["Python", "Java", "SQL"]),
        ("Cloud", ["AWS", "GCP"]),
    ]


def test_an_awesome_cv_style_page(read: dict[str, CvDocument]) -> None:
    document = read["awesome"]
    assert (document.basics.name, document.basics.phone) == ("Claud D. Park", "(+82) 10-9030-1843")
    assert document.basics.location == "Seoul, Korea"
    experience = next(s for s in document.sections if s.kind is SectionKind.EXPERIENCE).items
    assert [(i.organization, i.location, i.start_date, i.end_date, i.current) for i in experience] == [
        ("Omnious. Co., Ltd.", "Seoul, S.Korea", "2017-06", "2018-05", False),
        ("Kasa", "Seoul, S.Korea", "2016-06", None, True),
    ]
    education = next(s for s in document.sections if s.kind is SectionKind.EDUCATION).items
    assert [(i.organization, i.location) for i in education] == [
        ("PoHang University of Science and Technology (POSTECH)", "Pohang, S.Korea")
    ]


def test_a_two_column_page_with_a_research_section_and_network_handles(read: dict[str, CvDocument]) -> None:
    document = read["deedy"]
    assert (document.basics.name, document.basics.email) == ("Debarghya Das", "deedy@fb.com")
    assert {"https://github.com/deedy", "https://www.linkedin.com/in/debarghyadas"} <= {
        link.url for link in document.basics.links
    }
    roles = [item for s in document.sections if s.kind is SectionKind.EXPERIENCE for item in s.items]
    assert [(i.title, i.organization, i.location) for i in roles] == [
        ("Software Engineer", "Facebook", "New York, NY"),
        ("Software Engineering Intern", "Coursera", "Mountain View, CA"),
        ("Undergraduate Researcher", "Cornell Robotics Lab", "Ithaca, NY"),  # "Research" holds roles
    ]
    assert _items(document, SectionKind.EDUCATION) == [
        ("MEng in Computer Science", "Cornell University", None, "2014-12", False),
        ("BS in Computer Science", "Cornell University", None, "2014-05", False),
    ]


def test_a_plain_word_cv_with_headings_inline_and_no_bullets() -> None:
    import io

    import docx

    from cvmaker.adapters.extraction.sniffing import InProcessExtractor

    d = docx.Document()
    d.add_paragraph("SAM TAYLOR")
    d.add_paragraph("sam.taylor@example.com, 07700 900123, Leeds, UK")
    d.add_paragraph("SKILLS: Excel, Power BI, SQL, Stakeholder management")
    d.add_paragraph("EXPERIENCE").runs[0].bold = True
    d.add_paragraph("Finance Analyst, Asda Stores Ltd, Jan 2019 - Present")
    d.add_paragraph("Tools: SAP, Excel")  # part of the job, not a new section
    d.add_paragraph("Built the monthly forecasting model used by 12 regional teams and cut close time by two days.")
    d.add_paragraph("Junior Analyst, Morrisons, Aug 2016 - Dec 2018")
    d.add_paragraph("EDUCATION").runs[0].bold = True
    d.add_paragraph("BA (Hons) Economics, University of Sheffield, 2013 - 2016")
    d.add_paragraph("Interests: running, chess")
    buffer = io.BytesIO()
    d.save(buffer)
    document = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document
    assert (document.basics.name, document.basics.phone, document.basics.location) == (
        "SAM TAYLOR",
        "07700 900123",
        "Leeds, UK",
    )
    assert [(s.kind, s.title) for s in document.sections] == [
        (SectionKind.SKILLS, "SKILLS"),
        (SectionKind.EXPERIENCE, "EXPERIENCE"),
        (SectionKind.EDUCATION, "EDUCATION"),
        (SectionKind.CUSTOM, "Interests"),
    ]
    assert document.sections[0].items[0].keywords == ["Excel", "Power BI", "SQL", "Stakeholder management"]
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Finance Analyst", "Asda Stores Ltd", "2019-01", None, True),
        ("Junior Analyst", "Morrisons", "2016-08", "2018-12", False),
    ]
    assert "Tools: SAP, Excel" in (document.sections[1].items[0].description or "")
    assert _items(document, SectionKind.EDUCATION) == [
        ("BA (Hons) Economics", "University of Sheffield", "2013", "2016", False)
    ]


def test_labels_in_a_date_margin_are_not_a_sidebar(read: dict[str, CvDocument]) -> None:
    document = read["margin"]
    assert (document.basics.name, document.basics.location) == ("Harvey Dent", "Gotham City, NJ, USA")
    skills = next(s for s in document.sections if s.kind is SectionKind.SKILLS).items
    assert [(i.title, i.keywords) for i in skills] == [
        ("Languages", ["Python", "Scala", "SQL"]),
        ("Frameworks", ["PyTorch", "TensorFlow", "scikit-learn", "Spark MLlib"]),
    ]
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Senior ML Engineer", "Wayne Enterprises", "2019", None, True),
        ("Data Scientist", "Arkham Analytics", "2016", "2019", False),
    ]
    languages = next(s for s in document.sections if s.kind is SectionKind.LANGUAGES).items
    assert [(i.title, i.description) for i in languages] == [("English", "Native"), ("Spanish", "Intermediate")]
    certificates = next(s for s in document.sections if s.kind is SectionKind.CERTIFICATIONS).items
    assert [(i.title, i.end_date) for i in certificates] == [
        ("Google Professional Machine Learning Engineer", "2021"),
        ("AWS Certified Machine Learning – Specialty", "2020"),
    ]


def test_bullets_with_drawn_markers_are_bullets(read: dict[str, CvDocument]) -> None:
    document = read["drawn"]
    experience = next(s for s in document.sections if s.kind is SectionKind.EXPERIENCE).items
    assert [(i.title, i.organization, i.bullets) for i in experience] == [
        (
            "Operations Analyst",
            "Emirates Group",
            [
                "Led a team of five planners",
                "Cut turnaround delays by 12%",
                "Built the crew rostering dashboard used across the hub",
            ],
        ),
        ("Planning Assistant", "Dnata", ["Prepared daily load plans"]),
    ]


def test_a_sidebar_without_headings_holds_the_contact_details(read: dict[str, CvDocument]) -> None:
    document = read["plain_sidebar"]
    basics = document.basics
    assert (basics.name, basics.headline, basics.email, basics.phone, basics.location) == (
        "Tomás Reyes",
        "Backend Developer",
        "tomas.reyes@example.mx",
        "+52 55 1234 5678",
        "Guadalajara, Mexico",
    )
    assert [link.url for link in basics.links] == ["https://github.com/treyes"]
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Backend Developer", "Kueski", "2020", None, True),
        ("Junior Developer", "Softtek", "2017", "2020", False),
    ]
    assert _items(document, SectionKind.EDUCATION) == [
        ("B.Eng. Computer Engineering", "Universidad de Guadalajara", "2013", "2017", False)
    ]


def test_a_word_sidebar_laid_out_as_a_table_row() -> None:
    from cvmaker.adapters.extraction.sniffing import InProcessExtractor

    document = CvFileReader(InProcessExtractor()).parse(more_documents.sidebar_table_docx(), "cv.docx").document
    basics = document.basics
    assert (basics.name, basics.headline, basics.email, basics.phone, basics.location) == (
        "Olivia Brown",
        "Marketing Manager",
        "olivia.brown@example.com",
        "+1 (312) 555-0177",
        "Chicago, IL",
    )
    assert [s.kind for s in document.sections] == [SectionKind.SKILLS, SectionKind.EXPERIENCE, SectionKind.EDUCATION]
    assert _items(document, SectionKind.EXPERIENCE) == [
        ("Marketing Manager", "Groupon", "2019", None, True),
        ("Marketing Associate", "Orbitz", "2016", "2019", False),
    ]
