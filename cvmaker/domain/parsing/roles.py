"""Which piece of an entry's header is the job title, the employer, the degree or the school.

Order is detected, not assumed: "Engineer, Acme", "Acme, Engineer", "Acme | Engineer" all give the same answer,
from the words each piece is made of."""

from __future__ import annotations

import re

TITLE_WORDS = {
    "engineer", "developer", "manager", "intern", "internship", "director", "analyst", "consultant", "designer",
    "scientist", "lead", "head", "officer", "cto", "ceo", "cfo", "coo", "cio", "cpo", "vp", "president",
    "founder", "co-founder", "cofounder", "architect", "specialist", "coordinator", "assistant", "associate",
    "administrator", "researcher", "teacher", "professor", "lecturer", "instructor", "tutor", "fellow",
    "postdoc", "postdoctoral", "programmer", "technician", "representative", "executive", "owner", "partner",
    "advisor", "adviser", "volunteer", "member", "chair", "chairman", "supervisor", "trainee", "apprentice",
    "student", "sde", "sre", "devops", "staff", "principal", "senior", "junior", "sr", "jr", "accountant",
    "nurse", "writer", "editor", "contractor", "freelance", "freelancer", "mentor", "organizer", "organiser",
    "captain", "treasurer", "secretary", "ambassador", "evangelist", "strategist", "planner", "recruiter",
    "clerk", "operator", "agent", "attorney", "lawyer", "paralegal", "physician", "pharmacist", "therapist",
    "chef", "cook", "cashier", "barista", "driver", "mechanic", "electrician", "inspector", "auditor",
    "economist", "statistician", "photographer", "producer", "marketer", "buyer", "controller", "counsel",
    "leader", "manager,", "developer,", "engineering", "development", "product", "marketing", "sales",
    "support", "operations", "ta", "ra", "teaching", "research", "doctoral", "phd", "graduate", "undergraduate",
    "worker", "employee", "expert", "practitioner", "ingenieur", "ingénieur", "entwickler", "berater",
    "praktikant", "werkstudent", "stagiaire", "développeur", "responsable", "chargé", "gerente", "desarrollador",
}
# Words that end a title ("Software Development Engineer III") weigh more than words that qualify one.
TITLE_HEADS = {
    "engineer", "developer", "manager", "intern", "director", "analyst", "consultant", "designer", "scientist",
    "lead", "head", "officer", "cto", "ceo", "cfo", "coo", "vp", "president", "founder", "co-founder",
    "architect", "specialist", "coordinator", "assistant", "associate", "administrator", "researcher",
    "teacher", "professor", "lecturer", "instructor", "tutor", "fellow", "postdoc", "programmer", "technician",
    "representative", "executive", "owner", "partner", "advisor", "volunteer", "member", "chair",
    "supervisor", "trainee", "apprentice", "accountant", "writer", "editor", "contractor", "freelancer",
    "mentor", "leader", "sde", "sre", "student", "recruiter", "strategist", "counsel",
}
ORG_WORDS = {
    "inc", "llc", "ltd", "limited", "corp", "corporation", "company", "co", "gmbh", "ag", "sa", "sas", "sarl",
    "plc", "bv", "nv", "ab", "oy", "srl", "spa", "pty", "lp", "llp", "group", "holdings", "university",
    "college", "institute", "school", "academy", "labs", "lab", "laboratory", "laboratories", "technologies",
    "technology", "solutions", "systems", "bank", "hospital", "clinic", "agency", "foundation", "association",
    "society", "council", "ministry", "department", "government", "services", "consulting", "partners",
    "studio", "studios", "industries", "international", "global", "enterprises", "ventures", "capital",
    "media", "network", "networks", "software", "games", "health", "healthcare", "motors", "airlines",
    "insurance", "pharma", "pharmaceuticals", "bureau", "office", "center", "centre", "museum", "library",
    "church", "club", "organization", "organisation", "nonprofit", "ngo", "startup", "firm", "store",
    "shop", "restaurant", "hotel", "inc.", "ltd.", "co.", "corp.", "universität", "université", "universidad",
    "universidade", "università", "hochschule", "polytechnic", "politecnico",
}
COMPANY_SUFFIXES = re.compile(
    r"^(inc|llc|ltd|limited|corp|corporation|co|gmbh|ag|sa|sas|plc|bv|nv|pty( ltd)?|lp|llp|s\.?a\.?|s\.?r\.?l\.?)\.?$",
    re.IGNORECASE,
)
INSTITUTION_WORDS = {
    "university", "college", "institute", "school", "academy", "polytechnic", "conservatory", "conservatoire",
    "hochschule", "universität", "université", "universidad", "universidade", "università", "universiteit",
    "lycée", "gymnasium", "seminary", "iit", "nit", "mit", "ucla", "eth", "epfl", "kth", "uc", "ecole", "école",
    "escuela", "faculty", "campus", "fachhochschule", "tu", "tum", "upenn", "nyu", "usc", "cmu",
}
DEGREE_WORDS = {
    "bachelor", "bachelors", "bachelor's", "master", "masters", "master's", "phd", "ph.d", "ph.d.", "doctor",
    "doctorate", "doctoral", "b.s", "b.s.", "bs", "bsc", "b.sc", "b.sc.", "b.a", "b.a.", "ba", "m.s", "m.s.",
    "ms", "msc", "m.sc", "m.sc.", "m.a", "m.a.", "ma", "mba", "b.tech", "btech", "m.tech", "mtech", "b.e",
    "b.e.", "be", "m.e", "m.e.", "meng", "beng", "b.eng", "m.eng", "diploma", "associate", "associates",
    "associate's", "certificate", "a-levels", "a-level", "gcse", "gcses", "abitur", "baccalauréat",
    "baccalaureate", "licence", "licenciatura", "mphil", "m.phil", "llb", "llm", "jd", "j.d.", "md", "m.d.",
    "degree", "minor", "major", "honours", "honors", "hons", "bba", "bfa", "mfa", "mpa", "mph", "edd",
    "diplom", "magister", "staatsexamen", "high", "ged", "aas", "bsba", "msba", "pgce", "postgraduate",
    "undergraduate", "graduate", "exchange", "coursework", "ms.", "bs.", "ba.", "ma.", "promotion", "doctorat",
    "maîtrise", "master's", "habilitation", "ausbildung", "fachabitur", "matura", "maturité", "bts", "dut",
    "licenciado", "grado", "laurea", "mestrado", "bacharelado",
}
FIELD_WORDS = {
    "science", "sciences", "engineering", "studies", "mathematics", "math", "economics", "arts", "business",
    "administration", "design", "physics", "chemistry", "biology", "finance", "management", "law", "medicine",
    "computing", "informatics", "psychology", "history", "literature", "philosophy", "statistics", "marketing",
    "communication", "communications", "education", "nursing", "architecture", "accounting", "linguistics",
}
_TOKEN = re.compile(r"[\w.'’&+\-]+")

# Arabic and Hebrew words (with and without the Arabic article "ال", the Hebrew "ה"); Chinese and Japanese are
# written without spaces, so their words are found inside a piece (see `_marked`).
TITLE_WORDS |= {"مهندس", "مهندسة", "مدير", "مديرة", "مطور", "مطورة", "محلل", "محللة", "مصمم", "مصممة", "مستشار",
                "مستشارة", "أخصائي", "أخصائية", "מהנדס", "מהנדסת", "מנהל", "מנהלת", "מפתח", "מפתחת", "מעצב", "מעצבת",
                "מתכנת", "מתכנתת", "אנליסט", "אנליסטית", "יועץ", "יועצת", "ראש"}
TITLE_HEADS |= {"مهندس", "مهندسة", "مدير", "مديرة", "مطور", "مطورة", "محلل", "محللة", "مصمم", "مصممة"}
ORG_WORDS |= {"شركة", "الشركة", "مجموعة", "المجموعة", "مؤسسة", "بنك", "البنك", "جامعة", "الجامعة", "معهد",
              "المعهد", "كلية", "حברת", "חברת", "בע\"מ", "בנק", "קבוצת", "אוניברסיטת", "האוניברסיטה", "מכללת",
              "המכללה"}
INSTITUTION_WORDS |= {"جامعة", "الجامعة", "معهد", "المعهد", "كلية", "الكلية", "אוניברסיטת", "האוניברסיטה",
                      "אוניברסיטה", "מכללת", "המכללה", "הטכניון", "טכניון", "אקדמיה", "האקדמיה"}
DEGREE_WORDS |= {"بكالوريوس", "ماجستير", "دكتوراه", "دبلوم", "תואר", "בוגר", "מוסמך", "דוקטורט"}
_CJK_TITLE_ENDS = ("工程师", "经理", "总监", "主管", "开发", "设计师", "分析师", "研究员", "顾问", "专员", "实习生",
                   "エンジニア", "マネージャー", "デザイナー", "アナリスト", "コンサルタント", "部長", "課長", "主任",
                   "研究員", "開発者", "プログラマー", "インターン")
_CJK_ORGS = ("有限公司", "公司", "集团", "银行", "株式会社", "有限会社", "合同会社", "銀行", "研究所")
_CJK_INSTITUTIONS = ("大学", "学院", "大學", "高校", "学校", "研究院", "大学院")
_CJK_DEGREES = ("学士", "硕士", "博士", "修士", "本科", "学位")


def _marked(text: str, marks: tuple[str, ...], at_end: bool = False) -> bool:
    """A Chinese or Japanese word inside a piece (at its end, where a title's or a company's head word is)."""
    stripped = text.strip()
    return any(stripped.endswith(mark) if at_end else mark in stripped for mark in marks)


def words(text: str) -> list[str]:
    return [w.casefold().strip(".,()") or w for w in _TOKEN.findall(text)]


def title_score(text: str) -> float:
    tokens = words(text)
    if not tokens:
        return 0.0
    score = sum(1.0 for t in tokens if t in TITLE_WORDS)
    if tokens[-1] in TITLE_HEADS or (len(tokens) > 1 and tokens[-2] in TITLE_HEADS and
                                      re.fullmatch(r"i{1,3}|iv|v|\d|\(.*\)", tokens[-1])):
        score += 1.5
    if _marked(text, _CJK_TITLE_ENDS, at_end=True):
        score += 2.5  # "高级数据工程师", "シニアエンジニア"
    if "(" in text:  # "Software Engineer (Front-End)"
        inner = text[: text.index("(")]
        if words(inner) and words(inner)[-1] in TITLE_HEADS:
            score += 1.5
    return score


def org_score(text: str) -> float:
    tokens = words(text)
    score = sum(1.0 for t in tokens if t in ORG_WORDS)
    if tokens and tokens[-1] in ORG_WORDS:
        score += 0.5
    if _marked(text, _CJK_ORGS + _CJK_INSTITUTIONS):
        score += 1.5  # "星辰科技有限公司", "株式会社さくらウェブ"
    return score


def institution_score(text: str) -> float:
    tokens = words(text)
    score = sum(1.5 for t in tokens if t in INSTITUTION_WORDS)
    if re.search(r"\b(of|für|de)\b", text) and score:
        score += 0.5
    if _marked(text, _CJK_INSTITUTIONS, at_end=True):
        score += 1.5  # "清华大学", "東京工業大学"
    return score


def degree_score(text: str) -> float:
    tokens = words(text)
    if not tokens:
        return 0.0
    score = sum(1.0 for t in tokens[:4] if t in DEGREE_WORDS)
    if tokens[0] in DEGREE_WORDS:
        score += 1.0
    if _marked(text, _CJK_DEGREES) and not _marked(text, _CJK_INSTITUTIONS, at_end=True):
        score += 2.0  # "计算机科学硕士", "情報工学 学士"
    if re.match(r"^(B|M|D)\.?\s?(S|A|Sc|Eng|Tech|E|Phil|Ed|F|BA)\.?\b", text.strip()):
        score += 1.0
    return score


def is_field_of_study(text: str) -> bool:
    return any(t in FIELD_WORDS for t in words(text)) and institution_score(text) == 0


def merge_company_suffixes(pieces: list[str]) -> list[str]:
    """["ABC Company", "Inc."] -> ["ABC Company, Inc."]: a comma inside a company name is not a separator."""
    merged: list[str] = []
    for piece in pieces:
        if merged and COMPANY_SUFFIXES.match(piece.strip()):
            merged[-1] = f"{merged[-1]}, {piece.strip()}"
        else:
            merged.append(piece)
    return merged
