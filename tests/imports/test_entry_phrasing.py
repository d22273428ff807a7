"""Entry lines written as phrases: "Dish washer at restaurant 't Drifke", "Public service employee at the
municipality of Nijmegen", "Master Interaction Technology (University of Twente)" after its dates."""

from __future__ import annotations

import io

import docx
import pytest

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.cv.model import SectionKind
from cvmaker.services.imports import CvFileReader


def _phrased_cv() -> bytes:
    document = docx.Document()
    document.add_paragraph("Sanne de Vries")
    document.add_paragraph("sanne.devries@example.nl")
    document.add_heading("Work Experience", level=1)
    for line in (
        "2020 – 2022 | Public service employee at the municipality of Nijmegen",
        "2016 – 2018 | Medical measurements at the RadboudUMC",
        "2013 – 2016 | Dish washer at restaurant ‘t Drifke",
    ):
        document.add_paragraph(line)
    document.add_heading("Education", level=1)
    document.add_paragraph("2021 – now | Master Interaction Technology (University of Twente)")
    document.add_paragraph("2021 | Bachelor Artificial Intelligence (Radboud University)")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_roles_at_places_and_degrees_with_their_school_in_brackets() -> None:
    sections = {s.kind: s for s in CvFileReader(InProcessExtractor()).parse(_phrased_cv(), "cv.docx").document.sections}
    assert [(i.title, i.organization) for i in sections[SectionKind.EXPERIENCE].items] == [
        ("Public service employee", "municipality of Nijmegen"),
        ("Medical measurements", "RadboudUMC"),
        ("Dish washer", "restaurant ‘t Drifke"),
    ]
    education = sections[SectionKind.EDUCATION].items
    assert [(i.title, i.organization) for i in education] == [
        ("Master Interaction Technology", "University of Twente"),
        ("Bachelor Artificial Intelligence", "Radboud University"),
    ]
    assert (education[0].start_date, education[0].current) == ("2021", True)


def test_an_employers_town_in_brackets_is_the_place_and_a_wrapped_bracket_is_no_heading() -> None:
    document = docx.Document()
    document.add_paragraph("Mario Rossi")
    document.add_paragraph("mario.rossi@example.it")
    document.add_heading("Past Employment", level=1)
    for line in (
        "2020 - 2021\tResearch assistant to Rocco Macchiavello and Josepa Miquel-Florensa",
        "\t(TSE)",
        "02/2018 - 08/2018\tPrometeia (Bologna), Junior Economist",
        "01/2017 - 05/2017\tEuropean Commission (Bruxelles), Trainee",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    assert [s.kind for s in sections] == [SectionKind.EXPERIENCE]
    jobs = sections[0].items
    assert [(i.title, i.organization, i.location) for i in jobs[1:]] == [
        ("Junior Economist", "Prometeia", "Bologna"),
        ("Trainee", "European Commission", "Bruxelles"),
    ]


def test_a_campus_with_the_schools_initials_stays_with_the_school() -> None:
    document = docx.Document()
    document.add_paragraph("Jenna Ekwealor")
    document.add_paragraph("jenna@example.org")
    document.add_heading("Education", level=1)
    document.add_paragraph("Ph.D. in Integrative Biology, University of California, Berkeley (UCB)\t2015 – 2021")
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    degree = sections[0].items[0]
    assert (degree.title, degree.organization) == (
        "Ph.D. in Integrative Biology",
        "University of California, Berkeley (UCB)",
    )


def test_a_chinese_schools_field_is_not_its_campus_and_a_labels_colon_is_not_part_of_a_name() -> None:
    document = docx.Document()
    document.add_paragraph("王明")
    document.add_paragraph("wang.ming@example.cn")
    document.add_heading("Education", level=1)
    document.add_paragraph("同济大学, 土木工程\t2015 – 2019")
    document.add_paragraph("Bachelor of Engineering\t2006 – 2010")
    document.add_paragraph(": Kocaeli University")
    buffer = io.BytesIO()
    document.save(buffer)
    items = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items
    assert items[0].organization == "同济大学"
    assert items[1].organization == "Kocaeli University"


def test_a_range_opened_on_a_line_of_its_own_starts_the_next_entry() -> None:
    document = docx.Document()
    document.add_paragraph("Maximilian Raff")
    document.add_paragraph("max.raff@example.de")
    document.add_heading("Education", level=1)
    for start, end, degree in (
        ("07/2020 –", "07/2025", "Doctor of Engineering (Dr.-Ing.), University of Stuttgart"),
        ("10/2016 –", "10/2019", "Master of Science in Engineering Cybernetics, University of Stuttgart"),
    ):
        document.add_paragraph(start)
        document.add_paragraph(end)
        document.add_paragraph().add_run(degree).bold = True
        document.add_paragraph("Thesis: Optimal control of legged robots")
    buffer = io.BytesIO()
    document.save(buffer)
    items = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items
    assert [(i.title, i.start_date, i.end_date) for i in items] == [
        ("Doctor of Engineering (Dr.-Ing.)", "2020-07", "2025-07"),
        ("Master of Science in Engineering Cybernetics", "2016-10", "2019-10"),
    ]


def test_a_department_and_its_parent_are_one_employer_and_an_initials_led_name_is_no_town() -> None:
    document = docx.Document()
    document.add_paragraph("Awa Ouédraogo")
    document.add_paragraph("awa@example.org")
    document.add_heading("Experience", level=1)
    for line in (
        "Clinical Rotation\tSep 2025 – Dec 2025",
        "Surgery Department, CHU Bogodogo",
        "2024 – now | Postdoc, Chair of Labour Economics, University of Basel",
        "2019 – 2024 | Assistant Professor, McMaster University, Department of Economics",
        "2017 – 2019 | Data Scientist, Zalando SE, Berlin",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    jobs = sections[0].items
    assert [(i.title, i.organization, i.location) for i in jobs] == [
        ("Clinical Rotation", "Surgery Department, CHU Bogodogo", None),
        ("Postdoc", "Chair of Labour Economics, University of Basel", None),
        ("Assistant Professor", "McMaster University, Department of Economics", None),
        ("Data Scientist", "Zalando SE", "Berlin"),
    ]


def test_a_research_heading_over_cited_papers_is_publications_not_jobs() -> None:
    document = docx.Document()
    document.add_paragraph("Toni Marsh")
    document.add_paragraph("toni@example.edu")
    document.add_heading("Research", level=1)
    for line in (
        "Work in Progress",
        "1. “The benefits and costs of agricultural adaptation to surface water scarcity” Job Market Paper",
        "2. “Equity and efficiency in international climate adaptation portfolios,” with Derek Lemoine",
        "Publications",
        "1. Rudik, I., and Marsh, T. (2025). Equity and efficiency in adaptation investments. EEPE, 6(1):65–100",
    ):
        document.add_paragraph(line)
    document.add_heading("Research Experience", level=1)
    document.add_paragraph("2021 – 2024 | Research Assistant, Cornell University")
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    jobs = [s for s in sections if s.kind is SectionKind.EXPERIENCE]
    assert sections[0].kind is SectionKind.PUBLICATIONS and sections[0].title == "Research"
    assert [[(i.title, i.organization) for i in s.items] for s in jobs] == [
        [("Research Assistant", "Cornell University")]
    ]


def test_a_heading_joining_awards_and_volunteer_work_files_each_entry_under_its_kind() -> None:
    document = docx.Document()
    document.add_paragraph("Sanne de Vries")
    document.add_paragraph("sanne.devries@example.nl")
    document.add_heading("Awards and Volunteer work", level=1)
    for line in (
        "2016 – 2020 | Various committee work at rowing association Phocas",
        "2018 – 2019 | Board member at N.S.R.V. Phocas",
        "2016 | LVO Science Award",
        "2015 – 2017 | Staff at the scouts",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    result = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx")
    sections = result.document.sections
    assert [(s.kind, s.title) for s in sections] == [
        (SectionKind.AWARDS, "Awards and Volunteer work"),
        (SectionKind.VOLUNTEER, "Awards and Volunteer work"),
    ]
    assert [i.title for i in sections[0].items] == ["LVO Science Award"]
    assert [(i.title, i.organization, i.start_date) for i in sections[1].items] == [
        ("Various committee work", "rowing association Phocas", "2016"),
        ("Board member", "N.S.R.V. Phocas", "2018"),
        ("Staff", "scouts", "2015"),
    ]
    assert not [w for w in result.warnings if "Phocas" in w[1] or "scouts" in w[1]]  # nothing left unplaced
    assert "Awards and Volunteer work" in result.sources["sections.1.title"]
    assert "Board member" in result.sources["sections.1.items.1.title"]


def test_an_at_sign_before_the_employer_and_a_colon_after_the_title_are_no_part_of_them() -> None:
    document = docx.Document()
    document.add_paragraph("Cihan Yilmaz")
    document.add_paragraph("cihan@example.com")
    document.add_heading("Professional Experience", level=1)
    for line in ("Product Development Engineer @Siemens", "(10.2014-…)", "Built the PLC runtime."):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    job = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items[0]
    assert (job.title, job.organization, job.start_date, job.current) == (
        "Product Development Engineer",
        "Siemens",
        "2014-10",
        True,
    )


def test_a_degrees_supervisor_goes_to_its_description_and_a_department_stays_with_its_university() -> None:
    document = docx.Document()
    document.add_paragraph("Ryo Tanaka")
    document.add_paragraph("ryo@example.jp")
    document.add_heading("Education", level=1)
    for line in (
        "Stanford University\tSep. 2017 – Apr. 2023",
        "Ph.D. in Applied Physics (Research advisor: Prof. Hideo Mabuchi)",
        "Department of Theoretical Physics, University of Geneva\t2015 – 2017",
        "Master of Science in Mathematical Physics",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    degrees = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items
    assert [(i.title, i.organization) for i in degrees] == [
        ("Ph.D. in Applied Physics", "Stanford University"),
        ("Master of Science in Mathematical Physics", "Department of Theoretical Physics, University of Geneva"),
    ]
    assert "Research advisor: Prof. Hideo Mabuchi" in (degrees[0].description or "")


def test_a_department_printed_over_its_university_is_part_of_the_employer() -> None:
    document = docx.Document()
    document.add_paragraph("Jenna Ek")
    document.add_paragraph("jenna@example.org")
    document.add_heading("Research Experience", level=1)
    for line in (
        "2015-Present Graduate Student Researcher",
        "Department of Integrative Biology",
        "University of California",
        "The evolution of UV tolerance in dryland mosses, studied in the field and in the laboratory.",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    job = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items[0]
    assert (job.title, job.organization) == (
        "Graduate Student Researcher",
        "Department of Integrative Biology, University of California",
    )


def test_a_label_line_inside_a_job_is_part_of_it_not_another_job() -> None:
    document = docx.Document()
    document.add_paragraph("Alex Mik")
    document.add_paragraph("alex@example.co.uk")
    document.add_heading("Experience", level=1)
    for line in (
        "Tech Lead, Nationwide Building Society, Swindon November 2014 – June 2017",
        "Key achievements:",
        "Drove the technical design of the change projects in a complex environment",
        "Head of Architecture, Shopitize Ltd, London November 2011 - November 2014",
        "Responsibilities:",
        "Aligned the business strategy with technology and product development across the company",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    jobs = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items
    assert [(j.title, j.organization) for j in jobs] == [
        ("Tech Lead", "Nationwide Building Society"),
        ("Head of Architecture", "Shopitize Ltd"),
    ]
    assert "Key achievements:" in (jobs[0].description or "") + " ".join(jobs[0].bullets)


@pytest.mark.parametrize(
    ("line", "title", "employer"),
    [
        ("Analista de datos, Centro de Medición Mide", "Analista de datos", "Centro de Medición Mide"),
        ("Agência Nacional de Águas, Pesquisadora", "Pesquisadora", "Agência Nacional de Águas"),
        ("Chercheuse, Laboratoire Dupont", "Chercheuse", "Laboratoire Dupont"),
        ("Stadtwerke Kiel, Sachbearbeiterin", "Sachbearbeiterin", "Stadtwerke Kiel"),
        ("Interno en División Regional, Banco de México", "Interno en División Regional", "Banco de México"),
    ],
)
def test_titles_in_other_languages_are_told_from_their_employer(line: str, title: str, employer: str) -> None:
    document = docx.Document()
    document.add_paragraph("Ana Lima")
    document.add_paragraph("ana@example.org")
    document.add_heading("Experience", level=1)
    document.add_paragraph(f"2019 – 2021 | {line}")
    buffer = io.BytesIO()
    document.save(buffer)
    job = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items[0]
    assert (job.title, job.organization) == (title, employer)


def test_a_role_held_for_a_person_names_the_person_as_whom_it_was_for() -> None:
    document = docx.Document()
    document.add_paragraph("Toni Marsh")
    document.add_paragraph("toni@example.edu")
    document.add_heading("Research Experience", level=1)
    for line in (
        "2020 - 2021 | Research assistant to Rocco Macchiavello (LSE)",
        "2019 - 2020 | Student assistant to Arthur van Soest (Tilburg University)",
        "2018 | Summer Research Assistant, for W. Michael Hanemann",
        "2017 | Assistant to the Director, Acme Corp",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    jobs = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items
    assert [(j.title, j.organization) for j in jobs] == [
        ("Research assistant", "Rocco Macchiavello (LSE)"),
        ("Student assistant", "Arthur van Soest (Tilburg University)"),
        ("Summer Research Assistant", "W. Michael Hanemann"),
        ("Assistant to the Director", "Acme Corp"),
    ]


def test_labelled_lists_of_skills_and_languages_under_other_information_are_read_as_such() -> None:
    document = docx.Document()
    document.add_paragraph("Billur Gor")
    document.add_paragraph("billur@example.ca")
    document.add_heading("Other Information", level=1)
    for line in (
        "Citizenship: Turkish",
        "Languages: Turkish (native), English (fluent)",
        "Programming: Python, Stata, MATLAB, R",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    by_kind = {s.kind: s for s in sections}
    assert [k for i in by_kind[SectionKind.SKILLS].items for k in i.keywords] == ["Python", "Stata", "MATLAB", "R"]
    assert [(i.title, i.description) for i in by_kind[SectionKind.LANGUAGES].items] == [
        ("Turkish", "native"),
        ("English", "fluent"),
    ]


def test_entries_dated_on_a_line_of_their_own_above_them_are_told_apart() -> None:
    document = docx.Document()
    document.add_paragraph("Adeline Lac")
    document.add_paragraph("adeline@example.org")
    document.add_heading("Education", level=1)
    for date, degree, school in (
        ("2017.18", "Master in Neuropsychology", "Univ. Grenoble Alpes"),
        ("2014.16", "Bachelor in Psychology", "Univ. Paris 8"),
    ):
        document.add_paragraph(date)
        document.add_paragraph().add_run(degree).bold = True
        document.add_paragraph(school)
    buffer = io.BytesIO()
    document.save(buffer)
    sections = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections
    assert [s.kind for s in sections] == [SectionKind.EDUCATION]
    assert [(i.title, i.organization, i.start_date, i.end_date) for i in sections[0].items] == [
        ("Master in Neuropsychology", "Univ. Grenoble Alpes", "2017", "2018"),
        ("Bachelor in Psychology", "Univ. Paris 8", "2014", "2016"),
    ]


def test_a_role_then_its_dates_under_the_last_employer_open_the_next_entry() -> None:
    document = docx.Document()
    document.add_paragraph("Mara Weav")
    document.add_paragraph("mara@example.org")
    document.add_heading("Employment", level=1)
    for line in (
        "Postdoctoral Researcher\tOct 2023 – Current",
        "Stanford Graduate School of Business",
        "Research Associate",
        "Oct 2022 – Oct 2023",
        "Global Institute for Women's Leadership",
        "Research Assistant",
        "Jan 2017 – March 2018",
        "Newgate Research",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    jobs = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items
    assert [(j.title, j.organization, j.start_date) for j in jobs] == [
        ("Postdoctoral Researcher", "Stanford Graduate School of Business", "2023-10"),
        ("Research Associate", "Global Institute for Women's Leadership", "2022-10"),
        ("Research Assistant", "Newgate Research", "2017-01"),
    ]


def test_a_line_of_what_was_done_under_a_role_is_not_its_employer() -> None:
    document = docx.Document()
    document.add_paragraph("Georgios Spith")
    document.add_paragraph("geo@example.com")
    document.add_heading("Employment", level=1)
    for line in (
        "Microsoft Research, Redmond, Washington, US",
        "Research Intern, June 2015 – August 2015",
        "Conversation modelling with neural networks (related to Cortana product)",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    job = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx").document.sections[0].items[0]
    assert (job.title, job.organization) == ("Research Intern", "Microsoft Research")


def test_a_timeline_of_dates_set_apart_gives_its_ranges_to_the_undated_jobs_in_order() -> None:
    document = docx.Document()
    for line in ("●", "2021/07/15-2023/08/27", "●", "2019/01/24-2021/06/08", "Luis Guerrero", "luis@example.co"):
        document.add_paragraph(line)
    document.add_heading("Work History", level=1)
    for line in (
        "Geotechnical Monitoring Analyst",
        "Hexagon Mining, Barranquilla, Colombia",
        "Real time monitoring of pit slopes and tailing dams using radars, total stations and GNSS receivers.",
        "Junior Geologist",
        "Independence Water and Mining, Montelibano, Colombia",
        "Supervised and coordinated drilling programmes, ensuring the sampling quality and the logging of chips.",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    result = CvFileReader(InProcessExtractor()).parse(buffer.getvalue(), "cv.docx")
    jobs = result.document.sections[0].items
    assert [(j.title, j.start_date, j.end_date) for j in jobs] == [
        ("Geotechnical Monitoring Analyst", "2021-07", "2023-08"),
        ("Junior Geologist", "2019-01", "2021-06"),
    ]
    assert not [w for w in result.warnings if "2021/07/15" in w[1]]
