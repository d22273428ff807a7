"""Section headings: the many wordings of each kind of section, and how a heading looks on the page."""

from __future__ import annotations

import re

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.heading_languages import PHRASES, stem_kind
from cvmaker.domain.parsing.roles import title_score

# Headings of a summary, read into the CV's summary rather than a section of its own.
_SUMMARY_WORDING = (
    "summary",
    "professional summary",
    "profile",
    "about",
    "about me",
    "objective",
    "career objective",
    "personal statement",
    "overview",
    "executive summary",
    "career profile",
    "professional profile",
    "qualifications summary",
    "summary of qualifications",
    "about myself",
    "kurzprofil",
    "profil",
    # in Portuguese, Spanish, French, Italian, Dutch and German
    "resumo",
    "perfil",
    "perfil profissional",
    "sobre mim",
    "resumen",
    "perfil profesional",
    "sobre mí",
    "à propos",
    "à propos de moi",
    "profil professionnel",
    "profilo",
    "profilo professionale",
    "over mij",
    "profiel",
    "über mich",
    "persönliches profil",
)
# Headings of contact details, read with the header at the top of the CV.
_CONTACT_WORDING = (
    "contact",
    "contact information",
    "personal details",
    "personal information",
    "links",
    "profiles",
    "online",
    "social",
    "contacts",
    "details",
    "personal",
)
# The head word(s) of a heading, after qualifiers are removed ("Relevant Work Experience" -> "work experience").
_VOCABULARY: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.EXPERIENCE: (
        "experience",
        "experiences",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "professional background",
        "career",
        "positions",
        "positions held",
        "professional history",
        "work",
        "internships",
        "internship",
        "research experience",
        "research",
        "research positions",
        "teaching experience",
        "teaching appointments",
        "teaching positions",
        "teaching",
        "praktika",
        "stages",
        "industry experience",
        "relevant experience",
        "experience and internships",
        "leadership experience",
        "leadership",
        "professional employment",
        "career summary",
        "appointments",
        "academic appointments",
        "berufserfahrung",
        "expérience",
        "expérience professionnelle",
        "experiencia",
        "experiencia profesional",
        "esperienza",
        "werkervaring",
        "الخبرة العملية",
        "الخبرة المهنية",
        "الخبرات العملية",
        "الخبرة",
        "الخبرات",
        "ניסיון תעסוקתי",
        "ניסיון מקצועי",
        "ניסיון",
        "工作经历",
        "工作经验",
        "实习经历",
        "職歴",
        "職務経歴",
        "経歴",
    ),
    SectionKind.VOLUNTEER: (
        "volunteer",
        "volunteering",
        "volunteer experience",
        "volunteer work",
        "community service",
        "community involvement",
        "extracurricular activities",
        "activities",
        "leadership and activities",
        "leadership & activities",
        "community",
        "engagement",
        "social engagement",
        "civic engagement",
        "ehrenamt",
        "ehrenamtliches engagement",
        "engagement associatif",
        "bénévolat",
        "voluntariado",
        "volontariato",
        "vrijwilligerswerk",
    ),
    SectionKind.EDUCATION: (
        "education",
        "academic background",
        "academic history",
        "qualifications",
        "academic qualifications",
        "education and training",
        "education & training",
        "studies",
        "academics",
        "training",
        "schooling",
        "educational background",
        "ausbildung",
        "formation",
        "educación",
        "formación",
        "istruzione",
        "opleiding",
        "التعليم",
        "المؤهلات العلمية",
        "المؤهلات الأكاديمية",
        "التحصيل العلمي",
        "השכלה",
        "教育背景",
        "教育经历",
        "学歴",
    ),
    SectionKind.SKILLS: (
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "key skills",
        "areas of expertise",
        "expertise",
        "skills summary",
        "skill set",
        "skillset",
        "technologies",
        "technical proficiencies",
        "tools",
        "tools and technologies",
        "tools & technologies",
        "technical expertise",
        "core skills",
        "professional skills",
        "skills and abilities",
        "skills & abilities",
        "strengths",
        "key competencies",
        "technical stack",
        "tech stack",
        "kenntnisse",
        "compétences",
        "competencias",
        "programming languages",
        "software",
        "software skills",
        "computer skills",
        "it skills",
        "digital skills",
        "programming",
        "programming skills",
        "computing",
        "computer literacy",
        "informatique",
        "compétences informatiques",
        "conocimientos informáticos",
        "informática",
        "edv-kenntnisse",
        "it-kenntnisse",
        "competenze informatiche",
        "skills and expertise",
        "skills & expertise",
        "hard skills",
        "soft skills",
        "capabilities",
        "skills & interests",
        "skills and interests",
        "additional skills",
        "relevant skills",
        "المهارات",
        "المهارات التقنية",
        "כישורים",
        "מיומנויות",
        "专业技能",
        "技能",
        "技能特长",
        "スキル",
        "技術スキル",
        "保有スキル",
    ),
    SectionKind.PROJECTS: (
        "projects",
        "personal projects",
        "selected projects",
        "key projects",
        "academic projects",
        "side projects",
        "open source",
        "open-source",
        "open source projects",
        "project experience",
        "portfolio",
        "research projects",
        "projekte",
        "projets",
        "proyectos",
        "المشاريع",
        "פרויקטים",
        "项目经历",
        "项目经验",
        "プロジェクト",
    ),
    SectionKind.CERTIFICATIONS: (
        "certifications",
        "certificates",
        "licenses",
        "licenses and certifications",
        "licenses & certifications",
        "certifications and licenses",
        "accreditations",
        "professional development",
        "courses",
        "coursework",
        "relevant coursework",
        "trainings",
        "certification",
        "zertifikate",
        "الشهادات",
        "תעודות",
        "证书",
        "资格证书",
        "資格",
        "免許・資格",
    ),
    SectionKind.LANGUAGES: (
        "languages",
        "language skills",
        "spoken languages",
        "sprachen",
        "langues",
        "idiomas",
        "اللغات",
        "שפות",
        "语言能力",
        "语言",
        "語学",
        "言語",
    ),
    SectionKind.AWARDS: (
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "honors and awards",
        "awards & honors",
        "honors & awards",
        "achievements",
        "accomplishments",
        "scholarships",
        "distinctions",
        "recognition",
        "selected honors",
        "fellowships",
        "grants",
        "prizes",
    ),
    SectionKind.PUBLICATIONS: (
        "publications",
        "selected publications",
        "papers",
        "patents",
        "talks",
        "invited talks",
        "presentations",
        "conference presentations",
        "books",
        "articles",
        "research papers",
    ),
    SectionKind.CUSTOM: (
        *_SUMMARY_WORDING,
        *_CONTACT_WORDING,
        "interests",
        "hobbies",
        "hobbies and interests",
        "references",
        "memberships",
        "professional memberships",
        "affiliations",
        "additional information",
        "other",
        "misc",
        "miscellaneous",
        "highlights",
        "key achievements",
        "career highlights",
        "welcome",
    ),
}

SUMMARY_HEADINGS = frozenset(_SUMMARY_WORDING)
CONTACT_HEADINGS = frozenset(_CONTACT_WORDING)

_QUALIFIERS = re.compile(
    r"^(?:(?:relevant|selected|recent|other|additional|key|professional|technical|academic|work|my|"
    r"related|select|notable|major|previous|prior)\s+)+"
)
_LOOKUP: dict[str, SectionKind] = {}
for _vocabulary in (_VOCABULARY, PHRASES):
    for _kind, _words in _vocabulary.items():
        for _word in _words:
            _LOOKUP.setdefault(_word, _kind)


_LOOKUP_UNSPACED = {key.replace(" ", ""): kind for key, kind in _LOOKUP.items()}


def normalise_heading(text: str) -> str:
    # "Appendix: Abstracts of Working Papers": what the appendix holds names the section
    text = re.sub(
        r"^(?:appendix|annex|annexe|anhang|anexo|allegato)(?:\s+[a-z0-9])?\s*[:.\u2013\u2014-]\s+(?=\w)",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    text = re.sub(r"[\s:|\u2013\u2014_\-.•·]+$", "", text.strip())
    text = re.sub(r"^[\s|\u2013\u2014_\-.•·\d]+", "", text)
    if re.fullmatch(r"(?:[A-Za-z] ){3,}[A-Za-z]", text):  # letter-spaced "E X P E R I E N C E"
        text = text.replace(" ", "")
    return re.sub(r"\s+", " ", text.casefold()).strip()


def heading_kind(text: str, strict: bool = False) -> SectionKind | None:
    """The kind of section a heading names, or None when the text is not a known heading. `strict`: only the
    vocabulary itself (with qualifiers like "Relevant"), no partial matches."""
    key = normalise_heading(text)
    if not key or len(key) > 45:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    if " " not in key and key in _LOOKUP_UNSPACED:  # "W O R K E X P E R I E N C E" read back letter by letter
        return _LOOKUP_UNSPACED[key]
    stripped = _QUALIFIERS.sub("", key)
    if stripped in _LOOKUP:
        return _LOOKUP[stripped]
    listing = _LIST_OF.match(key)
    if listing is not None and not strict:
        return heading_kind(listing.group(1))  # "Abstracts of Working Papers", "List of Publications"
    if "," in key and not strict:
        return _listed_kinds(key)  # "Funding, Honors, & Awards"; "Microsoft Research, Research Intern" is a job
    if strict or (title_score(key) > 0 and not _ends_like_a_heading(key)):
        return None  # "Research Assistant" is a job, not a section
    # "Experience & Leadership", "Skills and Tools": judge by the first known part.
    for part in re.split(r"\s*(?:&|\b(?:and|y|e|et|und|en|og|och|ve|и)\b|/|,|\+)\s*", key):
        part = _QUALIFIERS.sub("", part.strip())
        if part in _LOOKUP:
            # "Social and Cultural Engagement": a first part known only as a custom heading gives way to the
            # head word at the end when that one names a kind.
            return (_head_kind(key) if _LOOKUP[part] is SectionKind.CUSTOM else None) or _LOOKUP[part]
    if _ends_like_a_heading(key):
        return _head_kind(
            key
        )  # "Other Professional Experience", "Selected Research Experience": qualifiers, then a head word
    words = key.split()
    if len(words) <= 3 and re.fullmatch(r"[\w &/'-]+", key):
        for size in (2, 1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if phrase not in _LOOKUP and f"{phrase}s" in _LOOKUP and words[-1] in _LIST_WORDS:
                    phrase = f"{phrase}s"  # "Skill Highlights", "Publication List": the head word in the singular
                if phrase in _LOOKUP and _LOOKUP[phrase] is not SectionKind.CUSTOM and phrase not in ("work",):
                    return _LOOKUP[phrase]
    return stem_kind(key)


# Words before "of" that say a heading lists what follows (unlike a role's "Head of Education").
_LIST_OF = re.compile(r"^(?:list|lists|abstracts|summaries|summary|overview|selection|record|index) of (.+)$")
# Words after a heading's head word that say "a list of": "Skill Highlights", "Publication List".
_LIST_WORDS = frozenset({"highlights", "list", "summary", "overview", "profile", "record", "set"})


def _listed_kinds(key: str) -> SectionKind | None:
    """A heading that lists kinds between commas ("funding, honors, & awards"): each part short, none a role,
    the first known kind of them."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|&|\band\b|/)\s*", key) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 3 or title_score(p) > 0 for p in parts):
        return None
    kinds = [_LOOKUP.get(_QUALIFIERS.sub("", p)) for p in parts]
    return next((k for k in kinds if k is not None and k is not SectionKind.CUSTOM), None)


def joined_kinds(text: str) -> tuple[SectionKind, SectionKind] | None:
    """The two kinds a heading joins ("Awards and Volunteer Work", "Volunteering & Honours"), in printed order,
    when they differ; None for a heading of one kind."""
    key = normalise_heading(text)
    if not key or len(key) > 45:
        return None
    kinds = []
    for part in re.split(r"\s*(?:&|\b(?:and|y|e|et|und|en)\b|/|,|\+)\s*", key):
        part = _QUALIFIERS.sub("", part.strip())
        kind = _LOOKUP.get(part) or (_head_kind(part) if part else None)
        if kind is not None and kind is not SectionKind.CUSTOM and kind not in kinds:
            kinds.append(kind)
    return (kinds[0], kinds[1]) if len(kinds) == 2 else None


def _head_kind(key: str) -> SectionKind | None:
    """The kind named by a heading's last word or two ("... engagement", "... research experience")."""
    words = key.split()
    for phrase in (" ".join(words[-2:]), words[-1]):
        if _LOOKUP.get(phrase) not in (None, SectionKind.CUSTOM):
            return _LOOKUP[phrase]
    return None


def _ends_like_a_heading(key: str) -> bool:
    """ "Research Experience and Other Employment", "Doctoral Studies": a title word ("research", "doctoral")
    qualifies a heading's head word; "Head of Education" and "Research Assistant" are roles."""
    words = key.split()
    if len(words) < 2 or re.search(r"\b(of|at|for|de|du|des|der|für|di)\b", key):
        return False
    return _head_kind(key) is not None


def looks_like_heading_text(text: str) -> bool:
    """A cheap check used by the layout step: a known heading, or a short line in capitals."""
    stripped = text.strip()
    if heading_kind(stripped) is not None:
        return True
    letters = [c for c in stripped if c.isalpha()]
    return 3 <= len(letters) <= 30 and all(c.isupper() for c in letters) and len(stripped.split()) <= 4
