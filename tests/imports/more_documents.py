"""Further layouts seen often in the wild, each with its own persona: a LinkedIn-style export (sidebar, several
roles under one employer, durations), a "Jake's resume"-style page (two-line entries, small capitals, project
stacks, wrapped skill lists), a designer's page with a dark sidebar holding the name, and a European CV."""

from __future__ import annotations

from tests.imports.documents import _CSS

LINKEDIN_LIKE = f"""<html><head><style>{_CSS}
.page {{ display: grid; grid-template-columns: 50mm 1fr; column-gap: 8mm; }} aside {{ font-size: 9pt; }}
h1 {{ font-size: 22pt }} .co {{ font-size: 11pt }} .meta {{ color: #777 }}
</style></head><body><div class="page"><aside>
<h2>Contact</h2><p>jsmith@gmail.com</p><p>www.linkedin.com/in/jsmith</p>
<h2>Top Skills</h2><p>Product Strategy</p><p>SQL</p><p>Roadmapping</p>
<h2>Languages</h2><p>English (Native or Bilingual)</p><p>French (Limited Working)</p>
</aside><main>
<h1>John Smith</h1><p>Product Manager at Initech</p><p class="meta">Austin, Texas, United States</p>
<h2>Summary</h2><p>Product manager focused on B2B analytics products and the teams that build them.</p>
<h2>Experience</h2>
<p class="co">Initech</p><p class="meta">4 years 2 months</p>
<p><b>Senior Product Manager</b></p><p class="meta">March 2021 - Present (3 years 1 month)</p>
<p class="meta">Austin, Texas</p>
<p>Owns the reporting suite used by 3,000 customers and its roadmap.</p>
<p><b>Product Manager</b></p><p class="meta">January 2020 - March 2021 (1 year 3 months)</p>
<p>Launched the self-serve onboarding flow and grew activation by 20 percent.</p>
<p class="co">Globex Corporation</p>
<p><b>Business Analyst</b></p><p class="meta">June 2016 - December 2019 (3 years 7 months)</p>
<p class="meta">Dallas, Texas</p>
<h2>Education</h2>
<p class="co">The University of Texas at Austin</p>
<p>Bachelor of Business Administration - BBA, Finance · (2012 - 2016)</p>
</main></div></body></html>"""

JAKE_LIKE = f"""<html><head><style>{_CSS}
h2 {{ border-bottom: 1px solid #000; font-variant: small-caps; }} h1, .c {{ text-align: center }}
</style></head><body>
<h1>Jake Ryan</h1><p class="c">123-456-7890 | <a href="mailto:jake@su.edu">jake@su.edu</a> |
<a href="https://linkedin.com/in/jake">linkedin.com/in/jake</a> | <a href="https://github.com/jake">github.com/jake</a></p>
<h2>Education</h2>
<div class="row"><b>Southwestern University</b><span>Georgetown, TX</span></div>
<div class="row"><i>Bachelor of Arts in Computer Science, Minor in Business</i><i>Aug. 2018 – May 2021</i></div>
<h2>Experience</h2>
<div class="row"><b>Undergraduate Research Assistant</b><span>June 2020 – Present</span></div>
<div class="row"><i>Texas A&amp;M University</i><i>College Station, TX</i></div>
<ul><li>Developed a REST API using FastAPI and PostgreSQL to store data from learning management systems</li></ul>
<div class="row"><b>Information Technology Support Specialist</b><span>Sep. 2018 – Present</span></div>
<div class="row"><i>Southwestern University</i><i>Georgetown, TX</i></div>
<ul><li>Communicate with managers to set up campus computers used on campus</li></ul>
<h2>Projects</h2>
<div class="row"><span><b>Gitlytics</b> | <i>Python, Flask, React, PostgreSQL, Docker</i></span><span>June 2020 – Present</span></div>
<ul><li>Developed a full-stack web application using with Flask serving a REST API with React as the frontend</li></ul>
<h2>Technical Skills</h2>
<p><b>Languages</b>: Java, Python, C/C++, SQL (Postgres), JavaScript, HTML/CSS, R</p>
<p><b>Developer Tools</b>: Git, Docker, TravisCI, Google Cloud Platform, VS Code, Visual Studio, PyCharm, IntelliJ, Eclipse</p>
</body></html>"""

DESIGNER_SIDEBAR = f"""<html><head><style>{_CSS}
body {{ margin: 0 }} @page {{ margin: 0 }}
.page {{ display: grid; grid-template-columns: 65mm 1fr; min-height: 297mm; }}
aside {{ background: #243447; color: white; padding: 12mm 8mm; }} main {{ padding: 12mm 10mm; }}
aside h1 {{ font-size: 22pt; }} aside h2, main h2 {{ text-transform: uppercase; font-size: 12pt; }}
</style></head><body><div class="page"><aside>
<h1>Lena Novak</h1><p>UX Designer</p>
<p>lena.novak@mail.com</p><p>(555) 010-7788</p><p>Chicago, IL</p>
<h2>Skills</h2><ul><li>User research</li><li>Figma</li><li>Prototyping</li><li>Accessibility (WCAG)</li></ul>
<h2>Education</h2><p><b>BFA, Graphic Design</b></p><p>School of the Art Institute of Chicago</p><p>2012 - 2016</p>
</aside><main>
<h2>Profile</h2><p>Designer who turns research into interfaces people enjoy using, across web and mobile.</p>
<h2>Work Experience</h2>
<p><b>Senior UX Designer</b></p><p>Groupon · 2019 - Present</p>
<ul><li>Redesigned the checkout and raised conversion by 8%</li><li>Built the design system used by 40 designers</li></ul>
<p><b>UX Designer</b></p><p>Orbitz · 2016 - 2019</p>
<ul><li>Ran 60 usability studies for the hotel search</li></ul>
</main></div></body></html>"""

EUROPEAN = f"""<html><head><style>{_CSS} td {{ vertical-align: top; padding: 2pt 8pt 6pt 0 }}</style></head><body>
<h1>Dr. Anna Müller</h1><p>Data Scientist</p>
<p>E-Mail: anna.mueller@example.de · Telefon: +49 (0)30 1234567 · Berlin, Deutschland</p>
<h2>Berufserfahrung</h2>
<table>
<tr><td>10/2019 – heute</td><td><b>Senior Data Scientist</b><br>Zalando SE, Berlin<br>Aufbau von
Empfehlungssystemen mit Python und Spark für 50 Millionen Kunden</td></tr>
<tr><td>04/2016 – 09/2019</td><td><b>Data Scientist</b><br>SAP SE, Walldorf<br>Prognosemodelle für die
Lieferkette</td></tr>
</table>
<h2>Ausbildung</h2>
<table><tr><td>2012 – 2016</td><td><b>Promotion (Dr. rer. nat.) in Physik</b><br>Technische Universität München
</td></tr></table>
<h2>Kenntnisse</h2><p>Python, R, SQL, Spark, TensorFlow</p>
<h2>Sprachen</h2><p>Deutsch (Muttersprache), Englisch (C1)</p>
</body></html>"""


def headings_in_cells_docx() -> bytes:
    """A Word CV laid out as one table: section names in the left column, the content in the right."""
    import docx

    from tests.imports.documents import _docx_bytes

    d = docx.Document()
    d.add_paragraph("Chen Wei", style="Title")
    d.add_paragraph("chen.wei@example.com | +1 415 555 0100 | Oakland, CA")
    table = d.add_table(rows=0, cols=2)

    def row(heading: str, paragraphs: list[str]) -> None:
        cells = table.add_row().cells
        cells[0].text = heading
        cells[1].text = paragraphs[0]
        for text in paragraphs[1:]:
            if text.startswith("- "):
                cells[1].add_paragraph(text[2:], style="List Bullet")
            else:
                cells[1].add_paragraph(text)

    row(
        "Experience",
        [
            "Staff Engineer, Lyft\t2019 – Present",
            "- Led the dispatch rewrite in Go",
            "- Cut costs by 20%",
            "Senior Engineer, Uber\t2015 – 2019",
            "- Built the pricing pipeline",
        ],
    )
    row("Education", ["M.S. Computer Science, Stanford University\t2013 – 2015"])
    row("Skills", ["Go, Python, Kafka, Kubernetes"])
    return _docx_bytes(d)


def skills_table_docx() -> bytes:
    """Skill categories in the left cells of a table under a "Technical Skills" heading."""
    import docx

    from tests.imports.documents import _docx_bytes

    d = docx.Document()
    d.add_paragraph("Ravi Kumar", style="Title")
    d.add_paragraph("ravi@example.com")
    d.add_heading("Technical Skills", 1)
    table = d.add_table(rows=0, cols=2)
    for category, items in (("Languages", "Python, Java, SQL"), ("Cloud", "AWS, GCP")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = category, items
    d.add_heading("Experience", 1)
    d.add_paragraph("Data Engineer | Infosys | 2018 – 2021")
    return _docx_bytes(d)


_AWESOME_CSS = (
    _CSS
    + """ h1 { text-align:center; font-size: 28pt } .c { text-align:center }
h2 { color: #b00; border-bottom: 1px solid #999 } .sc { font-variant: small-caps } .r { color: #777; font-style: italic } """
)
AWESOME_LIKE = f"""<html><head><style>{_AWESOME_CSS}</style></head><body>
<h1><span style="font-weight:300">Claud D.</span> <b>Park</b></h1>
<p class="c sc">Software Architect · Security Expert</p>
<p class="c">Seoul, Korea</p>
<p class="c">(+82) 10-9030-1843 | claud.park@awesome.cv | <a href="https://www.posquit0.com">www.posquit0.com</a> | <a href="https://github.com/posquit0">posquit0</a></p>
<h2>Work Experience</h2>
<div class="row"><b>Omnious. Co., Ltd.</b><span class="r">Seoul, S.Korea</span></div>
<div class="row"><span class="sc">Software Architect</span><span class="r">Jun. 2017 - May. 2018</span></div>
<ul><li>Provided architecture for fashion item recognition services</li></ul>
<div class="row"><b>Kasa</b><span class="r">Seoul, S.Korea</span></div>
<div class="row"><span class="sc">Co-founder &amp; Software Engineer</span><span class="r">Jun. 2016 - Present</span></div>
<ul><li>Built a real estate trading platform on blockchain</li></ul>
<h2>Education</h2>
<div class="row"><b>PoHang University of Science and Technology (POSTECH)</b><span class="r">Pohang, S.Korea</span></div>
<div class="row"><span class="sc">B.S. in Computer Science and Engineering</span><span class="r">Mar. 2008 - Aug. 2017</span></div>
<h2>Honors &amp; Awards</h2>
<div class="row"><span><b>Finalist</b>, DEFCON 25th CTF Hacking Competition World Final</span><span class="r">Las Vegas, U.S.A · 2017</span></div>
</body></html>"""

DEEDY_LIKE = f"""<html><head><style>{_CSS}
h1 {{ font-size: 30pt; font-weight: 300 }} .grid {{ display: grid; grid-template-columns: 55mm 1fr; column-gap: 8mm }}
h2 {{ text-transform: uppercase; font-weight: 300; font-size: 14pt }} .meta {{ color: #555; font-size: 9pt }}
</style></head><body>
<h1>Debarghya Das</h1><p>debarghya.me | fb.com/deedy | deedy@fb.com | 607.379.5733</p>
<div class="grid"><div>
<h2>Education</h2><p><b>Cornell University</b></p><p>MEng in Computer Science</p><p class="meta">Dec 2014 | Ithaca, NY</p>
<p><b>Cornell University</b></p><p>BS in Computer Science</p><p class="meta">May 2014 | Ithaca, NY</p>
<h2>Links</h2><p>Github:// <b>deedy</b></p><p>LinkedIn:// <b>debarghyadas</b></p>
<h2>Skills</h2><p><b>Over 5000 lines:</b></p><p>Java • Shell • Python • Javascript</p><p><b>Familiar:</b></p><p>C++ • Ruby</p>
</div><div>
<h2>Experience</h2>
<p><b>Facebook</b> | Software Engineer</p><p class="meta">January 2015 – Present | New York, NY</p>
<ul><li>Did things at scale for the news feed ranking team</li></ul>
<p><b>Coursera</b> | Software Engineering Intern</p><p class="meta">May 2013 – August 2013 | Mountain View, CA</p>
<ul><li>Shipped the instructor dashboard</li></ul>
<h2>Research</h2>
<p><b>Cornell Robotics Lab</b> | Undergraduate Researcher</p><p class="meta">January 2014 – May 2014 | Ithaca, NY</p>
<ul><li>Worked on an autonomous boat</li></ul>
</div></div></body></html>"""


_MARGIN_CSS = (
    _CSS
    + """
table { border-collapse: collapse; width: 100%; } td { vertical-align: top; padding: 0 0 5pt 0; }
td.when { width: 30mm; padding-right: 5mm; text-align: right; color: #555 }
h2 { margin-left: 35mm; color: #36c; font-weight: normal; font-size: 15pt }
h1 { font-size: 26pt; font-weight: normal } .title { font-size: 16pt; color: #777; font-style: italic }
.contact { position: absolute; right: 0; top: 0; text-align: right; font-size: 9pt }
"""
)
# Labels and dates in a left margin (LaTeX moderncv's \\cvitem and \\cventry): "Languages" there is a label.
MARGIN_LABELS = f"""<html><head><style>{_MARGIN_CSS}</style></head><body>
<div class="contact"><p>Gotham City, NJ, USA</p><p>(987) 654-3210</p><p>harvey.dent@email.com</p><p><a href="https://github.com/hdent">hdent</a></p></div>
<h1>Harvey Dent</h1><p class="title">Machine Learning Engineer</p>
<h2>Summary</h2><table><tr><td class="when"></td><td>ML engineer with seven years of experience shipping models to production.</td></tr></table>
<h2>Skills</h2><table>
<tr><td class="when">Languages</td><td>Python, Scala, SQL</td></tr>
<tr><td class="when">Frameworks</td><td>PyTorch, TensorFlow, scikit-learn, Spark MLlib</td></tr></table>
<h2>Experience</h2><table>
<tr><td class="when">2019 – Present</td><td><b>Senior ML Engineer</b>, Wayne Enterprises, Gotham City, NJ, USA<br>Built the fraud models that cut chargebacks by a fifth and run on 50,000 transactions a minute.</td></tr>
<tr><td class="when">2016 – 2019</td><td><b>Data Scientist</b>, Arkham Analytics, Gotham City, NJ, USA<br>Forecast demand for a chain of 300 stores with gradient boosting and careful feature work.</td></tr>
</table>
<h2>Education</h2><table>
<tr><td class="when">2014 – 2016</td><td><b>M.S. in Statistics</b>, Gotham University, Gotham City, NJ, USA</td></tr></table>
<h2>Languages</h2><table>
<tr><td class="when">English</td><td>Native</td></tr><tr><td class="when">Spanish</td><td>Intermediate</td></tr></table>
<h2>Certifications</h2><table>
<tr><td class="when">2021</td><td>Google Professional Machine Learning Engineer</td></tr>
<tr><td class="when">2020</td><td>AWS Certified Machine Learning – Specialty</td></tr></table>
</body></html>"""


_DRAWN_CSS = (
    _CSS
    + """ ul { list-style: none; padding-left: 16pt } li { position: relative }
li::before { content: ""; position: absolute; left: -10pt; top: 5pt; width: 4pt; height: 4pt; background: #333; border-radius: 2pt } """
)
# Bullets whose markers are drawn circles (CSS shapes), not characters: only their indent says they are bullets.
DRAWN_BULLETS = f"""<html><head><style>{_DRAWN_CSS}</style></head><body>
<h1>Noor Haddad</h1><p>noor.haddad@example.com · +971 50 123 4567 · Dubai, UAE</p>
<h2>Experience</h2>
<div class="row"><b>Emirates Group</b><span>2018 – Present</span></div>
<p><i>Operations Analyst</i></p>
<ul><li>Led a team of five planners</li><li>Cut turnaround delays by 12%</li><li>Built the crew rostering dashboard used across the hub</li></ul>
<div class="row"><b>Dnata</b><span>2015 – 2018</span></div>
<p><i>Planning Assistant</i></p>
<ul><li>Prepared daily load plans</li></ul>
<h2>Education</h2>
<div class="row"><b>American University of Sharjah</b><span>2011 – 2015</span></div><p>BSc Industrial Engineering</p>
</body></html>"""


# A sidebar without headings (the name and contact details), the main column with them; a wrapped school name
# and a wrapped date range at the right of an education line.
PLAIN_SIDEBAR = f"""<html><head><style>{_CSS}
.page {{ display: grid; grid-template-columns: 52mm 1fr; column-gap: 9mm; }} aside {{ font-size: 9pt; }}
aside .name {{ font-size: 20pt; font-weight: bold }} h2 {{ text-transform: uppercase; font-size: 12pt }}
</style></head><body><div class="page"><aside>
<p class="name">Tomás Reyes</p><p>Backend Developer</p><p>&nbsp;</p>
<p>tomas.reyes@example.mx</p><p>+52 55 1234 5678</p><p>Guadalajara, Mexico</p><p>github.com/treyes</p>
</aside><main>
<h2>Profile</h2><p>Backend developer who likes small services, clear logs and boring deployments that just work.</p>
<h2>Experience</h2>
<div class="row"><b>Backend Developer, Kueski</b><span>2020 – Present</span></div>
<ul><li>Runs the loan scoring API in Go</li><li>Moved batch jobs to Kubernetes cron jobs</li></ul>
<div class="row"><b>Junior Developer, Softtek</b><span>2017 – 2020</span></div>
<ul><li>Maintained Java services for a bank</li></ul>
<h2>Education</h2>
<div class="row"><b>B.Eng. Computer Engineering, Universidad de Guadalajara</b><span>2013 – 2017</span></div>
</main></div></body></html>"""


def sidebar_table_docx() -> bytes:
    """A Word CV whose page is one table row: a sidebar cell (name, contact, skills) beside the main cell."""
    import docx
    from docx.shared import Pt

    from tests.imports.documents import _docx_bytes

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].text = "Olivia Brown"
    left.paragraphs[0].runs[0].font.size = Pt(24)
    left.add_paragraph("Marketing Manager")
    left.add_paragraph("CONTACT").runs[0].bold = True
    left.add_paragraph("olivia.brown@example.com")
    left.add_paragraph("+1 (312) 555-0177")
    left.add_paragraph("Chicago, IL")
    left.add_paragraph("SKILLS").runs[0].bold = True
    for s in ("SEO", "Content strategy", "Google Analytics"):
        left.add_paragraph(s, style="List Bullet")
    right.paragraphs[0].text = "EXPERIENCE"
    right.paragraphs[0].runs[0].bold = True
    p = right.add_paragraph()
    p.add_run("Marketing Manager").bold = True
    p.add_run(" | Groupon | 2019 – Present")
    right.add_paragraph("Grew organic traffic by 40% in two years", style="List Bullet")
    p = right.add_paragraph()
    p.add_run("Marketing Associate").bold = True
    p.add_run(" | Orbitz | 2016 – 2019")
    right.add_paragraph("Ran email campaigns for 2M subscribers", style="List Bullet")
    right.add_paragraph("EDUCATION").runs[0].bold = True
    right.add_paragraph("BA Communications, Northwestern University, 2012 – 2016")
    return _docx_bytes(d)
