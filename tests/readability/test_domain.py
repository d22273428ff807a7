"""The comparison, the score and the advice on hand-made pairs: a CV as written and what a parser read of it."""

from __future__ import annotations

import copy

from cvmaker.domain.cv.model import Basics, CvDocument, Item, Link, Section, SectionKind
from cvmaker.domain.readability import FieldGroup, FieldReading, FieldStatus, ReadabilityReport, assess
from cvmaker.domain.readability.normalising import date_key, link_key, overlap, phone_key, text_key


def written() -> CvDocument:
    return CvDocument(
        basics=Basics(
            name="Amelia Hartley",
            headline="Data Analyst",
            email="amelia.hartley@example.com",
            phone="+44 20 7946 0958",
            location="Bristol, United Kingdom",
            links=[Link(url="https://github.com/ameliahartley", label="github.com/ameliahartley")],
        ),
        summary="Data analyst with three years of experience turning messy data into dashboards.",
        sections=[
            Section(
                "experience",
                SectionKind.EXPERIENCE,
                "Experience",
                items=[
                    Item(
                        "e1",
                        title="Data Analyst",
                        organization="Westcountry Energy",
                        start_date="2022-04",
                        current=True,
                        bullets=["Built the weekly demand forecast in Python.", "Rebuilt 14 finance dashboards."],
                    ),
                    Item(
                        "e2",
                        title="Junior Analyst",
                        organization="Harbourside Retail Group",
                        start_date="2021-01",
                        end_date="2022-03",
                        bullets=["Automated the monthly sales pack with pandas."],
                    ),
                ],
            ),
            Section(
                "education",
                SectionKind.EDUCATION,
                "Education",
                items=[Item("d1", title="BSc Mathematics", organization="University of Exeter", end_date="2020-06")],
            ),
            Section(
                "skills",
                SectionKind.SKILLS,
                "Skills",
                items=[Item("s1", title="Analysis", keywords=["SQL", "Python", "pandas", "Power BI"])],
            ),
        ],
    )


def report(read: CvDocument, template: str = "classic") -> ReadabilityReport:
    return assess(written(), read, format="PDF", template=template)


def field(result: ReadabilityReport, path: str) -> FieldReading:
    return next(f for f in result.fields if f.path == path)


def advice_with(result: ReadabilityReport, words: str) -> str:
    found = [a for a in result.advice if words in a]
    assert found, f"no advice with {words!r} in {result.advice}"
    return found[0]


def test_a_perfect_reading_scores_100_with_every_field_read() -> None:
    result = report(written())
    assert result.score == 100
    assert all(f.status is FieldStatus.READ for f in result.fields)
    paths = {f.path for f in result.fields}
    assert {"basics.name", "basics.headline", "basics.email", "basics.phone", "basics.location"} <= paths
    assert {"basics.links.0", "summary", "sections.0.title", "sections.0.items.1.organization"} <= paths
    assert {"sections.0.items.0.startDate", "sections.0.items.0.endDate", "sections.0.items.0.bullets"} <= paths
    assert field(result, "sections.0.items.0.endDate").expected == "present"
    assert result.summary == f"{len(result.fields)} of {len(result.fields)} fields read as written, 0 mangled, 0 lost."
    assert advice_with(result, "Every field was read as written")
    assert (result.format, result.template) == ("PDF", "classic")


def test_differences_a_reader_does_not_see_still_read() -> None:
    read = written()
    read.basics.name = "AMELIA  HARTLEY"
    read.basics.email = "Amelia.Hartley@Example.com"
    read.basics.phone = "+442079460958"
    read.basics.location = "Bristol – United Kingdom"
    read.basics.links = [Link(url="https://www.github.com/ameliahartley/")]
    read.sections[0].items[0].bullets = ["Built the weekly demand forecast in Python", "Rebuilt 14 finance dashboards"]
    read.sections[3 - 1].items[0].keywords = ["power bi", "pandas", "python", "sql"]
    result = report(read)
    assert [f.path for f in result.fields if f.status is not FieldStatus.READ] == []
    assert result.score == 100


def test_a_lost_name_costs_its_weight_and_says_where_to_put_it() -> None:
    read = written()
    read.basics.name = ""
    result = report(read)
    name = field(result, "basics.name")
    assert (name.status, name.expected, name.read) == (FieldStatus.LOST, "Amelia Hartley", None)
    assert result.score == 80  # the name weighs 20 of 100
    assert advice_with(result, "The name was not read")


def test_a_mangled_name_shows_both_values() -> None:
    read = written()
    read.basics.name = "Amelia Hartley Data Analyst"
    result = report(read)
    name = field(result, "basics.name")
    assert (name.status, name.expected, name.read) == (FieldStatus.MANGLED, "Amelia Hartley", read.basics.name)
    assert "“Amelia Hartley Data Analyst” instead of “Amelia Hartley”" in advice_with(result, "The name was read as")


def test_a_contact_line_not_read_at_all_gets_its_own_advice() -> None:
    read = written()
    read.basics = Basics(name="Amelia Hartley", headline="Data Analyst")
    result = report(read)
    contact = [f for f in result.fields if f.group is FieldGroup.CONTACT]
    assert len(contact) == 4 and all(f.status is FieldStatus.LOST for f in contact)
    assert result.score == 75  # contact weighs 25
    assert "email, phone, location, link" in advice_with(result, "The contact line was not read")


def test_the_email_weighs_more_than_the_location() -> None:
    no_email, no_place = written(), written()
    no_email.basics.email = None
    no_place.basics.location = None
    assert report(no_email).score < report(no_place).score < 100
    assert "Email" in advice_with(report(no_email), "Not read from your contact details")


def test_a_link_read_with_another_path_is_mangled() -> None:
    read = written()
    read.basics.links = [Link(url="https://github.com/ameliahartley/forecasts")]
    link = field(report(read), "basics.links.0")
    assert link.status is FieldStatus.MANGLED
    assert link.read == "https://github.com/ameliahartley/forecasts"


def test_dates_read_as_a_year_are_mangled_and_advised() -> None:
    read = written()
    read.sections[0].items[1].start_date = "2021"
    read.sections[0].items[0].current = False
    result = report(read)
    start = field(result, "sections.0.items.1.startDate")
    assert (start.status, start.expected, start.read) == (FieldStatus.MANGLED, "2021-01", "2021")
    end = field(result, "sections.0.items.0.endDate")
    assert (end.status, end.expected, end.read) == (FieldStatus.LOST, "present", None)
    assert "“2021” for “2021-01”" in advice_with(result, "Dates were read as")
    assert advice_with(result, "1 date was not read")
    assert result.score < 100


def test_an_unrecognised_heading_is_lost_but_its_entries_are_found_in_the_section_above() -> None:
    document = written()
    document.sections[1].title = "Where I studied"
    read = copy.deepcopy(document)
    moved = read.sections.pop(1)
    read.sections[0].items += moved.items  # the heading was read as an entry line; its entries joined Experience
    result = assess(document, read, format="PDF", template="classic")
    heading = field(result, "sections.1.title")
    assert (heading.status, heading.expected, heading.read) == (FieldStatus.LOST, "Where I studied", None)
    assert field(result, "sections.1.items.0.title").status is FieldStatus.READ
    assert "use a common heading such as “Education”" in advice_with(result, "“Where I studied” was not recognised")


def test_sections_read_out_of_order_point_at_the_two_columns() -> None:
    read = written()
    read.sections = [read.sections[2], read.sections[0], read.sections[1]]  # the sidebar's skills came first
    result = report(read, "modern")
    order = field(result, "sections")
    assert order.status is FieldStatus.MANGLED
    assert (order.expected, order.read) == ("Experience, Education, Skills", "Skills, Experience, Education")
    text = advice_with(result, "Sections were read out of order")
    assert "“Skills” before “Experience”" in text and "single-column template reads in order" in text
    assert 95 <= result.score < 100  # the order weighs 2: everything was still read


def test_title_and_organisation_read_the_other_way_round() -> None:
    read = written()
    item = read.sections[0].items[1]
    item.title, item.organization = item.organization, item.title
    result = report(read)
    title = field(result, "sections.0.items.1.title")
    assert (title.status, title.read) == (FieldStatus.MANGLED, "Harbourside Retail Group")
    assert "“Junior Analyst”" in advice_with(result, "the other way round in 1 entry")
    assert not [a for a in result.advice if "read differently" in a]


def test_a_lost_entry_loses_each_of_its_fields() -> None:
    read = written()
    del read.sections[0].items[1]
    result = report(read)
    lost = [f.path for f in result.fields if f.status is FieldStatus.LOST]
    assert lost == [
        "sections.0.items.1.title",
        "sections.0.items.1.organization",
        "sections.0.items.1.startDate",
        "sections.0.items.1.endDate",
        "sections.0.items.1.bullets",
    ]
    assert "(“Junior Analyst”)" in advice_with(result, "1 entry lost its title or organisation")


def test_descriptions_are_compared_by_their_words() -> None:
    read = written()
    read.sections[0].items[0].bullets = ["Built the weekly demand forecast.", "Harbourside Retail Group 2021"]
    result = report(read)
    bullets = field(result, "sections.0.items.0.bullets")
    assert bullets.status is FieldStatus.MANGLED
    assert 0.3 < bullets.credit < 0.8
    assert bullets.read == "Built the weekly demand forecast. Harbourside Retail Group 2021"
    assert advice_with(result, "1 description lost words")


def test_skills_are_compared_as_a_set() -> None:
    read = written()
    read.sections[2].items = [Item("x", keywords=["pandas", "SQL"]), Item("y", keywords=["Python"])]
    result = report(read)
    skills = field(result, "sections.2")
    assert skills.status is FieldStatus.MANGLED
    assert skills.expected == "SQL, Python, pandas, Power BI"
    assert skills.credit == round(2 * 3 / 7, 3)
    assert "1 of 4 skills were not read (“Power BI”)" in advice_with(result, "skills were not read")
    read.sections[2].items = []
    assert field(report(read), "sections.2").status is FieldStatus.LOST


def test_hidden_sections_and_entries_are_not_compared() -> None:
    document = written()
    document.sections[1].visible = False
    document.sections[0].items[1].visible = False
    read = copy.deepcopy(document)
    del read.sections[1]
    del read.sections[0].items[1]
    result = assess(document, read, format="DOCX", template="classic")
    assert not [f.path for f in result.fields if f.path.startswith(("sections.1", "sections.0.items.1"))]
    assert result.score == 100


def test_normalising() -> None:
    assert text_key("  Café—Bar, ‘Ltd.’ ") == "café bar ltd"
    assert text_key("C++") != text_key("C") and text_key("C#") == "c#"
    assert phone_key("+44 (0)20 7946-0958") == "440207946 0958".replace(" ", "")
    assert link_key("HTTPS://www.GitHub.com/jane/") == "github.com/jane"
    assert date_key("2022-04-17") == "2022-04" and date_key(None, current=True) == "present" and date_key("") == ""
    assert overlap("one two three", "three two one") == 1.0
    assert overlap("one two", "") == 0.0 and overlap("", "") == 1.0


def test_a_skill_with_commas_in_it_is_one_skill() -> None:
    document = written()
    document.sections[2].items = [Item("s1", keywords=["Python (PyTorch, numpy)", "SQL"])]
    read = copy.deepcopy(document)
    read.sections[2].items = [Item("s1", keywords=["Python", "PyTorch", "numpy", "SQL"])]
    result = assess(document, read, format="PDF", template="classic")
    assert field(result, "sections.2").status is FieldStatus.MANGLED
    assert "1 of 2 skills were not read (“Python (PyTorch, numpy)”)" in advice_with(result, "skills were not read")


def test_a_title_read_into_the_description_is_named_as_such() -> None:
    read = written()
    item = read.sections[0].items[1]
    item.bullets = ["Junior Analyst, Harbourside Retail Group", *item.bullets]
    item.title = item.organization = None
    result = report(read)
    assert field(result, "sections.0.items.1.title").status is FieldStatus.LOST
    text = advice_with(result, "the title line was read as part of the description")
    assert "In 1 entry" in text and "(“Junior Analyst”)" in text
    assert not [a for a in result.advice if "lost its title or organisation" in a]
