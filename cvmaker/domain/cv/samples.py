"""Realistic sample CVs: a short one (one page), a long one (about three pages), and CVs in right-to-left (Arabic,
Hebrew) and CJK (Chinese, Japanese) scripts. Used for template thumbnails, tests, benchmarks and demos.

Each function returns a fresh document, so callers may edit what they get. The people are invented.
Longer than 400 lines because it is data (six whole CVs), read and edited a CV at a time.
"""

from __future__ import annotations

from cvmaker.domain.cv.model import (
    Basics,
    CvDocument,
    Design,
    Item,
    Link,
    Section,
    SectionKind,
)


def _item(item_id: str, **fields: object) -> Item:
    return Item(id=item_id, **fields)  # type: ignore[arg-type]


def _section(section_id: str, kind: SectionKind, title: str, items: list[Item]) -> Section:
    return Section(id=section_id, kind=kind, title=title, items=items)


def _skills(prefix: str, groups: dict[str, list[str]]) -> list[Item]:
    return [_item(f"{prefix}-{n}", title=title, keywords=words) for n, (title, words) in enumerate(groups.items(), 1)]


def short_cv(template: str = "classic") -> CvDocument:
    """A one-page CV of an early-career data analyst."""
    return CvDocument(
        title="Data analyst CV",
        basics=Basics(
            name="Amelia Hartley",
            headline="Data Analyst",
            email="amelia.hartley@example.com",
            phone="+44 20 7946 0958",
            location="Bristol, United Kingdom",
            links=[Link(url="https://github.com/ameliahartley", label="github.com/ameliahartley")],
        ),
        summary=(
            "Data analyst with three years of experience turning messy operational data into dashboards and "
            "forecasts that teams actually use. Comfortable across SQL, Python and stakeholder workshops."
        ),
        sections=[
            _section(
                "experience",
                SectionKind.EXPERIENCE,
                "Experience",
                [
                    _item(
                        "exp-1",
                        title="Data Analyst",
                        organization="Westcountry Energy",
                        location="Bristol",
                        start_date="2022-04",
                        current=True,
                        bullets=[
                            "Built the weekly demand forecast in Python (statsmodels), cutting forecast error by 18%.",
                            "Rebuilt 14 finance dashboards in Power BI on a single dbt model, saving 6 hours a week.",
                            "Ran SQL training for 25 colleagues in operations and customer service.",
                        ],
                    ),
                    _item(
                        "exp-2",
                        title="Junior Analyst",
                        organization="Harbourside Retail Group",
                        location="Bath",
                        start_date="2021-01",
                        end_date="2022-03",
                        bullets=[
                            "Automated the monthly sales pack with pandas and Excel templates.",
                            "Analysed loyalty-card data to target a promotion that lifted repeat visits by 7%.",
                        ],
                    ),
                ],
            ),
            _section(
                "education",
                SectionKind.EDUCATION,
                "Education",
                [
                    _item(
                        "edu-1",
                        title="BSc Mathematics, First Class",
                        organization="University of Exeter",
                        location="Exeter",
                        start_date="2017-09",
                        end_date="2020-06",
                        description="Dissertation: forecasting hospital admissions with hierarchical models.",
                    ),
                ],
            ),
            _section(
                "skills",
                SectionKind.SKILLS,
                "Skills",
                _skills(
                    "skill",
                    {
                        "Analysis": ["SQL", "Python", "pandas", "statsmodels", "Excel"],
                        "Reporting": ["Power BI", "dbt", "Tableau"],
                    },
                ),
            ),
            _section(
                "languages",
                SectionKind.LANGUAGES,
                "Languages",
                [
                    _item("lang-1", title="English", description="Native"),
                    _item("lang-2", title="French", description="Professional working proficiency"),
                ],
            ),
        ],
        design=Design(template=template),
    )


def long_cv(template: str = "classic") -> CvDocument:
    """A long CV (about three pages in the classic template) of a senior software engineer."""
    experience = [
        _item(
            "exp-1",
            title="Principal Software Engineer",
            organization="Northwind Logistics",
            location="Amsterdam, Netherlands",
            start_date="2021-03",
            current=True,
            description="Technical lead for the routing platform that plans 40,000 deliveries a day.",
            bullets=[
                (
                    "Led the move of route planning from a nightly batch to a streaming service on Kafka and "
                    "Kubernetes, so dispatchers see new orders within 30 seconds instead of the next morning."
                ),
                "Designed the capacity model that cut empty kilometres by 11% across 900 vans in the first year.",
                "Grew the team from 5 to 14 engineers; wrote the hiring rubric and the on-call handbook.",
                "Introduced architecture decision records and a weekly design review open to every team.",
                (
                    "Reduced the platform's cloud bill by EUR 380,000 a year by right-sizing clusters and "
                    "moving cold data to object storage."
                ),
            ],
            keywords=["Python", "Go", "Kafka", "Kubernetes", "PostgreSQL"],
        ),
        _item(
            "exp-2",
            title="Senior Software Engineer",
            organization="Beacon Health",
            location="London, United Kingdom",
            start_date="2017-06",
            end_date="2021-02",
            bullets=[
                "Built the appointment-booking API used by 120 clinics and 2 million patients a year.",
                "Replaced a fragile nightly export with change-data-capture into the analytics warehouse.",
                "Led the security work for ISO 27001 certification: threat models, audit logging, key rotation.",
                "Mentored four engineers, two of whom were promoted to senior.",
            ],
            keywords=["Python", "Django", "AWS", "Terraform"],
        ),
        _item(
            "exp-3",
            title="Software Engineer",
            organization="Ledgerline",
            location="Edinburgh, United Kingdom",
            start_date="2014-09",
            end_date="2017-05",
            bullets=[
                "Wrote the reconciliation engine that matches 3 million bank transactions a night.",
                (
                    "Cut the p99 latency of the payments API from 900 ms to 120 ms by removing N+1 queries "
                    "and adding a read replica."
                ),
                "Introduced property-based testing, which found 9 rounding bugs before release.",
                "Ran the engineering side of two client migrations from legacy ledgers.",
            ],
            keywords=["Java", "Spring", "PostgreSQL"],
        ),
        _item(
            "exp-4",
            title="Software Developer",
            organization="Caledonian Maps",
            location="Glasgow",
            start_date="2012-07",
            end_date="2014-08",
            bullets=[
                "Built tile-rendering workers in C++ that served 50 million map tiles a month.",
                "Added offline map packs to the Android app, used by 300,000 hikers.",
                "Maintained the continuous-integration pipeline and release scripts.",
            ],
        ),
        _item(
            "exp-5",
            title="Graduate Developer",
            organization="Caledonian Maps",
            location="Glasgow",
            start_date="2011-09",
            end_date="2012-06",
            bullets=[
                "Rotated through the web, mobile and data teams.",
                "Wrote the geocoding test suite that is still in use.",
            ],
        ),
        _item(
            "exp-6",
            title="Software Engineering Intern",
            organization="Scottish Water",
            location="Dunfermline",
            start_date="2010-06",
            end_date="2010-09",
            bullets=[
                "Built a tool that flags anomalous readings from 4,000 pressure sensors.",
                "Presented the results to the operations board.",
            ],
        ),
    ]
    return CvDocument(
        title="Principal engineer CV",
        basics=Basics(
            name="Daniel Okonkwo-Reyes",
            headline="Principal Software Engineer · Distributed systems and logistics",
            email="daniel.okonkwo@example.com",
            phone="+31 20 555 0147",
            location="Amsterdam, Netherlands",
            links=[
                Link(url="https://github.com/dokonkwo", label="github.com/dokonkwo"),
                Link(
                    url="https://www.linkedin.com/in/daniel-okonkwo-reyes", label="linkedin.com/in/daniel-okonkwo-reyes"
                ),
                Link(url="https://okonkwo.dev", label="okonkwo.dev"),
            ],
        ),
        summary=(
            "Software engineer with fourteen years of experience building reliable back-end systems in logistics, "
            "health care and finance. I turn vague operational problems into simple services that teams can run "
            "themselves, and I care about the people who build them as much as the systems. Looking for a "
            "staff or principal role where architecture, mentoring and delivery meet."
        ),
        sections=[
            _section("experience", SectionKind.EXPERIENCE, "Experience", experience),
            _section(
                "projects",
                SectionKind.PROJECTS,
                "Projects",
                [
                    _item(
                        "proj-1",
                        title="tidewater",
                        url="https://github.com/dokonkwo/tidewater",
                        start_date="2019",
                        current=True,
                        description="An open-source job scheduler for PostgreSQL with exactly-once semantics; "
                        "1,800 GitHub stars and used in production by a dozen companies.",
                        keywords=["Rust", "PostgreSQL"],
                    ),
                    _item(
                        "proj-2",
                        title="Route optimisation workshop",
                        start_date="2022",
                        end_date="2023",
                        description="A two-day course on vehicle routing taught at three universities, "
                        "with exercises in Python and OR-Tools.",
                    ),
                    _item(
                        "proj-3",
                        title="transit-gtfs-lint",
                        url="https://github.com/dokonkwo/gtfs-lint",
                        start_date="2016",
                        end_date="2018",
                        description="A validator for public-transport timetables, adopted by two national "
                        "transit agencies.",
                    ),
                ],
            ),
            _section(
                "education",
                SectionKind.EDUCATION,
                "Education",
                [
                    _item(
                        "edu-1",
                        title="MSc Advanced Computer Science, Distinction",
                        organization="University of Edinburgh",
                        location="Edinburgh",
                        start_date="2010-09",
                        end_date="2011-08",
                        description="Thesis: fault-tolerant consensus in partially synchronous networks.",
                    ),
                    _item(
                        "edu-2",
                        title="BEng Software Engineering, First Class",
                        organization="University of Glasgow",
                        location="Glasgow",
                        start_date="2006-09",
                        end_date="2010-06",
                    ),
                ],
            ),
            _section(
                "skills",
                SectionKind.SKILLS,
                "Skills",
                _skills(
                    "skill",
                    {
                        "Languages": ["Python", "Go", "Rust", "Java", "SQL", "TypeScript"],
                        "Data": ["PostgreSQL", "Kafka", "Redis", "BigQuery", "dbt"],
                        "Cloud & operations": ["AWS", "GCP", "Kubernetes", "Terraform", "Prometheus", "OpenTelemetry"],
                        "Practices": ["System design", "Domain-driven design", "Incident management", "Mentoring"],
                    },
                ),
            ),
            _section(
                "certifications",
                SectionKind.CERTIFICATIONS,
                "Certifications",
                [
                    _item(
                        "cert-1",
                        title="AWS Certified Solutions Architect – Professional",
                        organization="Amazon Web Services",
                        end_date="2022-05",
                    ),
                    _item(
                        "cert-2", title="Certified Kubernetes Administrator", organization="CNCF", end_date="2020-11"
                    ),
                    _item("cert-3", title="ISO/IEC 27001 Lead Implementer", organization="PECB", end_date="2019-03"),
                ],
            ),
            _section(
                "publications",
                SectionKind.PUBLICATIONS,
                "Publications & talks",
                [
                    _item(
                        "pub-1",
                        title="Streaming route planning at 40,000 stops a day",
                        organization="KafkaConf Europe",
                        end_date="2023-05",
                        url="https://okonkwo.dev/talks/routing",
                    ),
                    _item(
                        "pub-2",
                        title="Exactly-once job scheduling on PostgreSQL",
                        organization="PGConf.EU",
                        end_date="2020-10",
                    ),
                ],
            ),
            _section(
                "awards",
                SectionKind.AWARDS,
                "Awards",
                [
                    _item(
                        "award-1",
                        title="Engineering Leader of the Year",
                        organization="Dutch Logistics Awards",
                        end_date="2023-11",
                        description="For the streaming route-planning programme.",
                    ),
                    _item(
                        "award-2",
                        title="Best MSc Dissertation",
                        organization="University of Edinburgh",
                        end_date="2011-09",
                    ),
                ],
            ),
            _section(
                "volunteer",
                SectionKind.VOLUNTEER,
                "Volunteering",
                [
                    _item(
                        "vol-1",
                        title="Mentor",
                        organization="Code Your Future",
                        location="Amsterdam",
                        start_date="2019-01",
                        current=True,
                        bullets=["Mentor refugees and career changers through a one-year web development course."],
                    ),
                ],
            ),
            _section(
                "languages",
                SectionKind.LANGUAGES,
                "Languages",
                [
                    _item("lang-1", title="English", description="Native"),
                    _item("lang-2", title="Dutch", description="Professional (B2)"),
                    _item("lang-3", title="Spanish", description="Conversational"),
                ],
            ),
        ],
        design=Design(template=template),
    )


def arabic_cv(template: str = "classic") -> CvDocument:
    """A right-to-left CV in Arabic."""
    return CvDocument(
        title="السيرة الذاتية",
        basics=Basics(
            name="ليلى حسن العمري",
            headline="مهندسة برمجيات",
            email="layla.alomari@example.com",
            phone="+971 4 555 0199",
            location="دبي، الإمارات العربية المتحدة",
        ),
        summary="مهندسة برمجيات لديها ثماني سنوات من الخبرة في بناء أنظمة الدفع والتطبيقات السحابية.",
        sections=[
            _section(
                "experience",
                SectionKind.EXPERIENCE,
                "الخبرة العملية",
                [
                    _item(
                        "exp-1",
                        title="مهندسة برمجيات أولى",
                        organization="شركة الخليج للمدفوعات",
                        location="دبي",
                        start_date="2020-01",
                        current=True,
                        bullets=[
                            "قيادة فريق من ستة مهندسين لبناء منصة الدفع الفوري.",
                            "تقليل زمن معالجة المعاملات بنسبة أربعين بالمئة.",
                        ],
                    ),
                    _item(
                        "exp-2",
                        title="مهندسة برمجيات",
                        organization="مجموعة النور التقنية",
                        location="عمّان",
                        start_date="2016-06",
                        end_date="2019-12",
                        bullets=[
                            "تطوير واجهات برمجية لتطبيقات الهاتف المحمول.",
                        ],
                    ),
                ],
            ),
            _section(
                "education",
                SectionKind.EDUCATION,
                "التعليم",
                [
                    _item(
                        "edu-1",
                        title="بكالوريوس علوم الحاسوب",
                        organization="الجامعة الأردنية",
                        start_date="2012-09",
                        end_date="2016-06",
                    ),
                ],
            ),
            _section(
                "skills",
                SectionKind.SKILLS,
                "المهارات",
                _skills(
                    "skill",
                    {
                        "البرمجة": ["Python", "Java", "SQL"],
                        "السحابة": ["AWS", "Docker"],
                    },
                ),
            ),
        ],
        design=Design(template=template),
    )


def hebrew_cv(template: str = "classic") -> CvDocument:
    """A right-to-left CV in Hebrew."""
    return CvDocument(
        title="קורות חיים",
        basics=Basics(
            name="נועה לוי",
            headline="מעצבת מוצר",
            email="noa.levi@example.com",
            phone="+972 3 555 0123",
            location="תל אביב, ישראל",
        ),
        summary="מעצבת מוצר עם שש שנות ניסיון בעיצוב אפליקציות פיננסיות.",
        sections=[
            _section(
                "experience",
                SectionKind.EXPERIENCE,
                "ניסיון תעסוקתי",
                [
                    _item(
                        "exp-1",
                        title="מעצבת מוצר בכירה",
                        organization="פינטק ישראל",
                        location="תל אביב",
                        start_date="2021-02",
                        current=True,
                        bullets=[
                            "הובלת העיצוב של אפליקציית התשלומים החדשה.",
                            "בניית מערכת עיצוב משותפת לשלושה צוותים.",
                        ],
                    ),
                ],
            ),
            _section(
                "education",
                SectionKind.EDUCATION,
                "השכלה",
                [
                    _item(
                        "edu-1",
                        title="תואר ראשון בעיצוב תקשורת חזותית",
                        organization="בצלאל",
                        start_date="2014-10",
                        end_date="2018-06",
                    ),
                ],
            ),
        ],
        design=Design(template=template),
    )


def chinese_cv(template: str = "classic") -> CvDocument:
    """A CV in Simplified Chinese."""
    return CvDocument(
        title="个人简历",
        basics=Basics(
            name="王晓明",
            headline="高级数据工程师",
            email="xiaoming.wang@example.com",
            phone="+86 10 5555 0186",
            location="中国北京",
        ),
        summary="八年数据平台开发经验，熟悉大规模数据处理与实时计算。",
        sections=[
            _section(
                "experience",
                SectionKind.EXPERIENCE,
                "工作经历",
                [
                    _item(
                        "exp-1",
                        title="高级数据工程师",
                        organization="星辰科技有限公司",
                        location="北京",
                        start_date="2019-07",
                        current=True,
                        bullets=[
                            "负责实时数据平台的架构设计，日处理数据量超过五十亿条。",
                            "带领五人团队完成数据仓库迁移。",
                        ],
                    ),
                ],
            ),
            _section(
                "education",
                SectionKind.EDUCATION,
                "教育背景",
                [
                    _item(
                        "edu-1",
                        title="计算机科学硕士",
                        organization="清华大学",
                        start_date="2014-09",
                        end_date="2017-06",
                    ),
                ],
            ),
            _section(
                "skills",
                SectionKind.SKILLS,
                "专业技能",
                _skills(
                    "skill",
                    {
                        "编程语言": ["Java", "Scala", "Python"],
                        "大数据": ["Spark", "Flink", "Kafka"],
                    },
                ),
            ),
        ],
        design=Design(template=template),
    )


def japanese_cv(template: str = "classic") -> CvDocument:
    """A CV in Japanese."""
    return CvDocument(
        title="職務経歴書",
        basics=Basics(
            name="佐藤 花子",
            headline="フロントエンドエンジニア",
            email="hanako.sato@example.com",
            phone="+81 3 5555 0142",
            location="東京都渋谷区",
        ),
        summary="ウェブアプリケーションの開発に七年間携わってきました。アクセシビリティと性能改善が得意です。",
        sections=[
            _section(
                "experience",
                SectionKind.EXPERIENCE,
                "職歴",
                [
                    _item(
                        "exp-1",
                        title="シニアエンジニア",
                        organization="株式会社さくらウェブ",
                        location="東京",
                        start_date="2020-04",
                        current=True,
                        bullets=[
                            "予約サービスのフロントエンドを React で再構築しました。",
                            "表示速度を四十パーセント改善しました。",
                        ],
                    ),
                ],
            ),
            _section(
                "education",
                SectionKind.EDUCATION,
                "学歴",
                [
                    _item(
                        "edu-1",
                        title="情報工学 学士",
                        organization="東京工業大学",
                        start_date="2013-04",
                        end_date="2017-03",
                    ),
                ],
            ),
        ],
        design=Design(template=template),
    )


SAMPLES = {
    "short": short_cv,
    "long": long_cv,
    "arabic": arabic_cv,
    "hebrew": hebrew_cv,
    "chinese": chinese_cv,
    "japanese": japanese_cv,
}
