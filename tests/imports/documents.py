"""CVs this project makes itself, to test the importer on known answers: one persona, several layouts.

PDFs are rendered by WeasyPrint from HTML written here; DOCX files are built with python-docx. Nothing is read
from outside the repository."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Job:
    title: str
    employer: str
    place: str
    dates: str
    start: str | None
    end: str | None
    current: bool
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Degree:
    degree: str
    school: str
    dates: str
    end: str


@dataclass(frozen=True)
class Persona:
    name: str = "María González"
    headline: str = "Senior Data Engineer"
    email: str = "maria.gonzalez@example.org"
    phone: str = "+44 20 7946 0958"
    location: str = "Manchester, UK"
    github: str = "https://github.com/mgonzalez"
    linkedin: str = "https://www.linkedin.com/in/maria-gonzalez"
    summary: str = (
        "Data engineer with eight years of experience building reliable pipelines for retail and "
        "analytics companies, and a habit of making data easy to trust."
    )
    jobs: tuple[Job, ...] = (
        Job(
            "Senior Data Engineer",
            "Northwind Analytics Ltd",
            "London, UK",
            "Jan 2020 – Present",
            "2020-01",
            None,
            True,
            (
                "Designed a streaming platform that processes 2 billion events a day with Kafka and Spark",
                "Cut the monthly cloud bill by 35% by moving batch jobs to spot instances",
                "Mentored four engineers and ran the data guild",
            ),
        ),
        Job(
            "Data Engineer",
            "Contoso Retail",
            "Leeds, UK",
            "03/2017 – 12/2019",
            "2017-03",
            "2019-12",
            False,
            (
                "Built the order warehouse in PostgreSQL and dbt used by 200 analysts",
                "Automated 40 reports that had been assembled by hand every week",
            ),
        ),
        Job(
            "Software Developer Intern",
            "Fabrikam GmbH",
            "Berlin, Germany",
            "Summer 2016",
            None,
            "2016-06",
            False,
            ("Wrote the test harness for the billing service in Python",),
        ),
    )
    degrees: tuple[Degree, ...] = (
        Degree("MSc Computer Science", "University of Manchester", "2015 – 2016", "2016"),
        Degree("BSc Mathematics", "University of Leeds", "2012 – 2015", "2015"),
    )
    skill_groups: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("Languages", ("Python", "SQL", "Scala")),
        ("Tools", ("Apache Spark", "Airflow", "dbt", "Kubernetes")),
    )
    spoken: tuple[tuple[str, str], ...] = (("English", "native"), ("Spanish", "C1"))
    certifications: tuple[str, ...] = ("AWS Certified Data Analytics – Specialty (2021)",)
    extra_bullets: tuple[str, ...] = field(default=())

    @property
    def skills(self) -> list[str]:
        return [s for _, group in self.skill_groups for s in group]


PERSONA = Persona()
_CSS = """
@page { size: A4; margin: 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.35; color: #222; }
h1 { font-size: 24pt; margin: 0; }
h2 { font-size: 13pt; margin: 14pt 0 6pt 0; }
.headline { font-size: 13pt; margin: 2pt 0 6pt 0; }
.row { display: flex; justify-content: space-between; }
ul { margin: 2pt 0 8pt 0; padding-left: 14pt; }
p { margin: 2pt 0; }
"""


def _e(text: str) -> str:
    return html.escape(text)


def _contact_line(p: Persona, separator: str = " | ") -> str:
    parts = [
        f"\uf0e0 {_e(p.email)}",
        _e(p.phone),
        _e(p.location),
        f'<a href="{p.github}">GitHub</a>',
        f'<a href="{p.linkedin}">LinkedIn</a>',
    ]
    return separator.join(parts)


def _bullets(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{_e(b)}</li>" for b in items) + "</ul>"


def single_column_html(p: Persona = PERSONA) -> str:
    jobs = "".join(
        f'<div class="row"><span><b>{_e(j.title)}</b>, {_e(j.employer)}</span><span>{_e(j.dates)}</span></div>'
        f"<p>{_e(j.place)}</p>{_bullets(j.bullets + p.extra_bullets)}"
        for j in p.jobs
    )
    degrees = "".join(
        f'<div class="row"><span><b>{_e(d.degree)}</b>, {_e(d.school)}</span><span>{_e(d.dates)}</span></div>'
        for d in p.degrees
    )
    skills = "".join(f"<p>{_e(name)}: {_e(', '.join(items))}</p>" for name, items in p.skill_groups)
    spoken = ", ".join(f"{name} ({level})" for name, level in p.spoken)
    return f"""<html><head><style>{_CSS}</style></head><body>
<h1>{_e(p.name)}</h1><p class="headline">{_e(p.headline)}</p><p>{_contact_line(p)}</p>
<h2>Profile</h2><p>{_e(p.summary)}</p>
<h2>Professional Experience</h2>{jobs}
<h2>Education</h2>{degrees}
<h2>Core Competencies</h2>{skills}
<h2>Languages</h2><p>{_e(spoken)}</p>
<h2>Certifications</h2>{_bullets(p.certifications)}
</body></html>"""


def sidebar_html(p: Persona = PERSONA) -> str:
    """A sidebar on the left (contact, skills, languages), the main column on the right; employer first."""
    jobs = "".join(
        f'<div class="row"><span><b>{_e(j.employer)}</b></span><span>{_e(j.dates)}</span></div>'
        f"<p><i>{_e(j.title)}</i> · {_e(j.place)}</p>{_bullets(j.bullets)}"
        for j in p.jobs
    )
    degrees = "".join(f"<p><b>{_e(d.school)}</b></p><p>{_e(d.degree)} · {_e(d.dates)}</p>" for d in p.degrees)
    skills = "".join(f"<p>{_e(s)}</p>" for s in p.skills)
    spoken = "".join(f"<p>{_e(name)} – {_e(level)}</p>" for name, level in p.spoken)
    css = (
        _CSS
        + """
.page { display: grid; grid-template-columns: 55mm 1fr; column-gap: 10mm; }
aside h2, main h2 { text-transform: uppercase; letter-spacing: 0.5pt; }
aside { font-size: 9pt; }
"""
    )
    return f"""<html><head><style>{css}</style></head><body>
<h1>{_e(p.name)}</h1><p class="headline">{_e(p.headline)}</p>
<div class="page"><aside>
<h2>Contact</h2><p>{_e(p.email)}</p><p>{_e(p.phone)}</p><p>{_e(p.location)}</p>
<p><a href="{p.github}">github.com/mgonzalez</a></p>
<h2>Skills</h2>{skills}
<h2>Languages</h2>{spoken}
</aside><main>
<h2>Summary</h2><p>{_e(p.summary)}</p>
<h2>Work History</h2>{jobs}
<h2>Academic Background</h2>{degrees}
</main></div></body></html>"""


def date_margin_html(p: Persona = PERSONA) -> str:
    """Dates in a left margin column (like LaTeX moderncv); each job one comma-joined line, title first."""
    css = (
        _CSS
        + """
table { border-collapse: collapse; width: 100%; } td { vertical-align: top; padding: 0 0 6pt 0; }
td.when { width: 32mm; padding-right: 6mm; }
h2 { margin-left: 38mm; }
"""
    )
    jobs = "".join(
        f'<tr><td class="when">{_e(j.dates)}</td><td><b>{_e(j.title)}</b>, {_e(j.employer)}, {_e(j.place)}'
        f"{_bullets(j.bullets)}</td></tr>"
        for j in p.jobs
    )
    degrees = "".join(
        f'<tr><td class="when">{_e(d.dates)}</td><td>{_e(d.degree)}, {_e(d.school)}</td></tr>' for d in p.degrees
    )
    skills = ", ".join(p.skills)
    return f"""<html><head><style>{css}</style></head><body>
<h1>{_e(p.name)}</h1><p>{_contact_line(p, " — ")}</p>
<h2>Experience</h2><table>{jobs}</table>
<h2>Education</h2><table>{degrees}</table>
<h2>Technical Skills</h2><p style="margin-left: 38mm">{_e(skills)}</p>
</body></html>"""


def running_header_html(p: Persona = PERSONA) -> str:
    """Long enough for two pages, with a running header and a page number on every page."""
    padded = Persona(
        extra_bullets=tuple(
            f"Delivered project number {n} on time, with tests, documentation and a runbook for the on-call team"
            for n in range(1, 13)
        )
    )
    body = single_column_html(padded).replace(
        "@page { size: A4; margin: 18mm; }",
        "@page { size: A4; margin: 22mm 18mm; @top-center { content: 'María González – Curriculum Vitae'; "
        "font-size: 8pt; } @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); "
        "font-size: 8pt; } }",
    )
    return body


def scan_like_html() -> str:
    """A page with a picture and no text layer, as a scanner makes."""
    return (
        '<html><body><svg width="400" height="500"><rect width="400" height="500" fill="#ddd"/>'
        '<rect x="40" y="40" width="300" height="20" fill="#333"/></svg></body></html>'
    )


def render_pdf(markup: str) -> bytes:
    import weasyprint

    def no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"the test documents fetch nothing: {url}")

    return weasyprint.HTML(string=markup, url_fetcher=no_fetch).write_pdf()  # type: ignore[no-any-return]


# DOCX ---------------------------------------------------------------------------------------------------------
def _docx_bytes(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _hyperlink(paragraph: object, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    part = paragraph.part  # type: ignore[attr-defined]
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)  # type: ignore[attr-defined]


def styled_docx(p: Persona = PERSONA) -> bytes:
    """Word styles: Title for the name, Heading 1 for sections, List Bullet for bullets, a tab before dates."""
    import docx

    d = docx.Document()
    d.add_paragraph(p.name, style="Title")
    d.add_paragraph(p.headline, style="Subtitle")
    contact = d.add_paragraph(f"{p.email} | {p.phone} | {p.location} | ")
    _hyperlink(contact, p.github, "GitHub")
    d.add_heading("Summary", level=1)
    d.add_paragraph(p.summary)
    d.add_heading("Employment History", level=1)
    for j in p.jobs:
        line = d.add_paragraph()
        line.add_run(j.title).bold = True
        line.add_run(f" at {j.employer}, {j.place}\t{j.dates}")
        for b in j.bullets:
            d.add_paragraph(b, style="List Bullet")
    d.add_heading("Education", level=1)
    for deg in p.degrees:
        d.add_paragraph(f"{deg.degree}, {deg.school}\t{deg.dates}")
    d.add_heading("Skills", level=1)
    for name, items in p.skill_groups:
        d.add_paragraph(f"{name}: {', '.join(items)}")
    d.add_heading("Languages", level=1)
    d.add_paragraph(", ".join(f"{n} ({lvl})" for n, lvl in p.spoken))
    d.add_heading("Certifications", level=1)
    for c in p.certifications:
        d.add_paragraph(c, style="List Bullet")
    return _docx_bytes(d)


def table_docx(p: Persona = PERSONA) -> bytes:
    """A CV laid out with a table: dates in the left cell, the role in the right cell; a page header."""
    import docx

    d = docx.Document()
    header = d.sections[0].header.paragraphs[0]
    header.text = f"{p.name} · {p.email} · {p.phone}"
    d.add_paragraph("Experience", style="Heading 1")
    table = d.add_table(rows=0, cols=2)
    for j in p.jobs:
        cells = table.add_row().cells
        cells[0].text = j.dates
        cells[1].text = f"{j.employer}, {j.title}, {j.place}"
        for b in j.bullets:
            cells[1].add_paragraph(b, style="List Bullet")
    d.add_paragraph("Education", style="Heading 1")
    table = d.add_table(rows=0, cols=2)
    for deg in p.degrees:
        cells = table.add_row().cells
        cells[0].text = deg.dates
        cells[1].text = f"{deg.degree}, {deg.school}"
    d.add_paragraph("Skills", style="Heading 1")
    d.add_paragraph(", ".join(p.skills))
    return _docx_bytes(d)


_TEXTBOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
  <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"
   layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page">
   <wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset>
   </wp:positionV><wp:extent cx="2000000" cy="800000"/><wp:wrapNone/><wp:docPr id="1" name="Box"/>
   <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
   <wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>
   </a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>
   {paragraphs}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def textbox_docx(p: Persona = PERSONA) -> bytes:
    """The contact details in a text box (stored twice by Word: DrawingML and a VML fallback)."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    anchor = d.add_paragraph(p.name, style="Title")
    box_paragraphs = "".join(
        f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:r><w:t>{_e(t)}</w:t>'
        "</w:r></w:p>"
        for t in (p.email, p.phone, p.location)
    )
    anchor._p.append(parse_xml(_TEXTBOX.replace("{paragraphs}", box_paragraphs)))
    d.add_heading("Experience", level=1)
    for j in p.jobs[:2]:
        d.add_paragraph(f"{j.title} | {j.employer} | {j.dates}")
        for b in j.bullets:
            d.add_paragraph(b, style="List Bullet")
    d.add_heading("Skills", level=1)
    d.add_paragraph(", ".join(p.skills))
    return _docx_bytes(d)
