"""Reading a job posting's requirements with rules: skills from the vocabulary, years of experience, education
level, the title and a few other keywords, each marked required or preferred.

A term is preferred when the posting says so around it: under a heading such as "Preferred qualifications" or
"Nice to have", or in a sentence that calls it "a plus", "preferred" or "desired". Everything else counts as
required. Equal-opportunity and benefits boilerplate at the end of a posting is not read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from cvmaker.domain.matching.education import EducationLevel, levels_named_in
from cvmaker.domain.matching.jobs import MAX_REQUIREMENTS, Requirement, RequirementKind
from cvmaker.domain.matching.stopwords import GENERIC_WORDS, STOPWORDS
from cvmaker.domain.matching.text import normalize, sentences, term_key, tokens
from cvmaker.domain.matching.vocabulary import Skill, Vocabulary

_PREFERRED_HEADING = re.compile(
    r"preferred (?:qualifications|skills|requirements|experience)|nice[ -]to[ -]haves?|desired skills|"
    r"bonus points|additional qualifications|pluses|preferred:",
    re.IGNORECASE,
)
_REQUIRED_HEADING = re.compile(
    r"(?:basic|required|minimum|key) (?:qualifications|requirements|skills)|must[ -]haves?|requirements:|"
    r"(?<!preferred )(?<!additional )qualifications:?|what you(?:'ll)? need|who you are|responsibilities",
    re.IGNORECASE,
)
_PREFERRED_SENTENCE = re.compile(
    r"\b(?:a plus|preferred|desired|desirable|ideally|nice to have|bonus|"
    r"advantageous|is an asset)\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"equal opportunity|qualified applicants|without regard|reasonable accommodation|accommodation request|"
    r"background check|benefits/perks|criminal histor|security screening|protected veteran|"
    r"nature of your employment|regardless of race",
    re.IGNORECASE,
)
_YEARS = re.compile(
    r"(?<![\d.])(\d{1,2})\s*\+?\s*(?:(?:-|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs)\b['\u2019]?", re.IGNORECASE
)
_EXPERIENCE_AFTER = re.compile(
    r"^(?:\s*(?:in|of|with|at|as|building|leading|working)\b|[^.;\n]{0,90}?\b(?:experience|expertise|background|"
    r"track record|working)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Posting:
    title: str
    company: str | None
    description: str


def extract_requirements(posting: Posting, vocabulary: Vocabulary) -> list[Requirement]:
    text = normalize(posting.description)
    body = relevant_part(text)
    preferred = preferred_spans(body)
    found: dict[tuple[RequirementKind, str], Requirement] = {}

    def add(text: str, kind: RequirementKind, required: bool) -> None:
        key = (kind, term_key(text))
        earlier = found.get(key)
        if earlier is None or required and not earlier.required:
            found[key] = Requirement(text, kind, required)

    title = clean_title(posting.title)
    if title:
        found[(RequirementKind.TITLE, term_key(title))] = Requirement(title, RequirementKind.TITLE, True)
    for skill, required in skills_named(text, vocabulary):
        add(skill.name, RequirementKind.HARD_SKILL if skill.kind == "hard" else RequirementKind.SOFT_SKILL, required)
    years = years_required(body, preferred)
    if years is not None:
        add(f"{years}+ years of experience", RequirementKind.EXPERIENCE, True)
    for level, at in education_named(body):
        add(level.requirement_text, RequirementKind.EDUCATION, not _inside(at, preferred))
    for word in other_keywords(body, vocabulary, posting):
        add(word, RequirementKind.KEYWORD, not _inside(body.casefold().find(word.casefold()), preferred))
    return _trimmed(list(found.values()))


# Headings that open a block of the posting, in English, German, French and Spanish. A heading is a short line
# (or the part of a line before a colon) that starts with one of these.
_HEADINGS: dict[str, re.Pattern[str]] = {
    "preferred": re.compile(
        r"^(?:preferred|desirable|desired|nice[ -]to[ -]haves?|bonus|pluses|additional (?:qualifications|skills)|"
        r"it would be (?:great|nice)|ideally|wünschenswert|von vorteil|idealerweise|ein plus|"
        r"(?:ce serait )?un plus|atouts?|souhaité|apprécié|serait un plus|se valorar[aá]|valorable|deseable|"
        r"valoraremos|se valora)",
        re.IGNORECASE,
    ),
    "required": re.compile(
        r"^(?:(?:basic|required|minimum|key|essential|core)\b.{0,20}(?:qualifications|requirements|skills|criteria)|"
        r"requirements|qualifications|essential|must[ -]haves?|what you(?:'ll| will)? (?:need|bring)|"
        r"what we(?:'re| are) looking for|who you are|about you|you have|you bring|your profile|skills|"
        r"person specification|experience and qualifications|ihr profil|dein profil|anforderungen|"
        r"was sie mitbringen|was du mitbringst|voraussetzungen|qualifikationen|profil recherché|votre profil|"
        r"profil|compétences|prérequis|requisitos|requerimos|perfil|buscamos|imprescindible|qué buscamos)",
        re.IGNORECASE,
    ),
    "duties": re.compile(
        r"^(?:responsibilities|duties|key responsibilities|main duties|what you(?:'ll| will) do|the role|your role|"
        r"role|key tasks|position summary|job description|ihre aufgaben|deine aufgaben|aufgaben|vos missions|"
        r"missions|responsabilités|funciones|responsabilidades|tareas|tus funciones)",
        re.IGNORECASE,
    ),
    "other": re.compile(
        r"^(?:about us|about the company|who we are|benefits|perks|we offer|what we offer|salary|pay|"
        r"how to apply|compensation|wir bieten|über uns|nous offrons|nous proposons|avantages|ofrecemos|"
        r"beneficios|sobre nosotros)",
        re.IGNORECASE,
    ),
}
_PREFERRED_CLAUSE = re.compile(
    r"\b(?:a plus|preferred|desired|desirable|ideally|nice to have|bonus|advantageous|an advantage|is an asset|"
    r"von vorteil|wünschenswert|idealerweise|un plus|un atout|souhaité|apprécié|se valorar[aá]|valorable|"
    r"deseable)\b",
    re.IGNORECASE,
)
_REQUIRED_CLAUSE = re.compile(
    r"\b(?:required|essential|must|mandatory|zwingend|obligatoire|imprescindible)\b", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2013+>]|\d{1,2}[.)])\s*")
# Phrases that introduce a requirement: what follows names the skill.
_LEAD_IN = re.compile(
    r"(?:\b(?:experience|expertise|knowledge|understanding|proficiency|familiarity|skills?|competence|"
    r"background|training|grounding|fluency|confidence|track record)\s+(?:with|in|of|using|on|across)\b|"
    r"\b(?:proficient|skilled|experienced|familiar|confident|certified|trained|qualified|competent|fluent)\s+"
    r"(?:with|in|at|on)\b|\b(?:ability|able)\s+to\b|\bhands-on\b|"
    r"\b(?:erfahrung|erfahrungen|kenntnisse|kenntnis|berufserfahrung)\s+(?:in|im|mit|der|des|von|über)\b|"
    r"\bsicherer?\s+umgang\s+mit\b|\b(?:umgang|vertrautheit)\s+mit\b|"
    r"\b(?:expérience|connaissances?|maîtrise|pratique)\s+(?:de|des|du|d'|en|dans)\b|"
    r"\b(?:experiencia|conocimientos?|dominio|manejo)\s+(?:en|de|del|con)\b)",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(
    r"\s*(?:[,;:()\[\]]|\s/\s|\band/or\b|\band\b|\bor\b|\bas well as\b|\bsuch as\b|\bincluding\b|\be\.g\.|"
    r"\bi\.e\.|\bincl\.|\bund\b|\boder\b|\bsowie\b|\bz\.\s?b\.|\bet\b|\bou\b|\bainsi que\b|\by\b|\bo\b|"
    r"\bcomo\b|\bwie\b|\bplus\b|\bwith\b|\bfrom\b|\bwithin\b|\bfor\b|\bat\b|\bto\b|\bin\b|\bof\b|\bon\b|"
    r"\bis\b|\bare\b|\bwould be\b|\bwill be\b)\s*",
    re.IGNORECASE,
)
_TRAILING_WORDS = re.compile(
    r"(?:\s+(?:required|preferred|desirable|desired|essential|mandatory|needed|a plus|an advantage|"
    r"advantageous|ideally|experience|skills?|knowledge|erforderlich|wünschenswert|souhaité|apprécié|"
    r"requerido|deseable))+$",
    re.IGNORECASE,
)
_LEADING_WORDS = re.compile(
    r"^(?:(?:a|an|the|any|some|strong|excellent|proven|solid|good|sound|advanced|current|valid|working|basic|"
    r"in-depth|thorough|demonstrable|demonstrated|relevant|full|clean|practical|hands-on|very|high|great|"
    r"previous|prior|recent|deep|extensive|professional|fundamental|general|first|sehr|gute?n?|fundierte?n?|"
    r"sichere?n?|erste|bonne?s?|solides?|excellente?s?|buenos?|sólidos?|amplia|experience|knowledge|"
    r"understanding|proficiency|familiarity|using|use|of|have|has|hold|holds|be|possess|demonstrate|show|"
    r"willing|willingness)\s+)+",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(
    r"\b(?:certification|certificate|certified|licen[cs]e|licensure|registration|card|schein|zertifikat|"
    r"qualification|diploma)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&/+-]{1,7}$")


def skills_named(text: str, vocabulary: Vocabulary) -> list[tuple[Skill, bool]]:
    """The skills a posting asks for, each with whether it is required. Two ways find them: the vocabulary's
    terms wherever the posting mentions them (outside its "about us" and benefits blocks), and candidates cut
    out of the posting's requirement blocks and "experience with X" phrases, kept when the vocabulary or the
    classification (ESCO labels) confirms them, or when they are written as an acronym or a named credential.
    Ordinary words ("care", "models", "prepare") never count on their own."""
    found: list[tuple[Skill, bool]] = []
    for block, clause in _clauses(text):
        preferred = block == "preferred" or bool(
            _PREFERRED_CLAUSE.search(clause) and not _REQUIRED_CLAUSE.search(clause)
        )
        for hit in vocabulary.find(clause):
            if not _generic(hit.text):
                found.append((hit.skill, not preferred))
        lead_in = _LEAD_IN.search(clause)
        if lead_in is not None:
            tail = clause[lead_in.end() :]
        elif block in ("required", "preferred"):
            tail = clause
        else:
            continue
        for item in _items(tail):
            skill = _confirmed(item, vocabulary)
            if skill is not None:
                found.append((skill, not preferred))
    return found


def _clauses(text: str) -> list[tuple[str, str]]:
    """The posting's clauses (sentences, list entries, the parts of a line between semicolons), each with the
    kind of block it sits in: "intro" before any heading, then "required", "preferred", "duties" or "other"."""
    block = "intro"
    clauses: list[tuple[str, str]] = []
    for raw_line in text.split("\n"):
        line = _BULLET.sub("", raw_line).strip()
        if not line:
            continue
        head, colon, rest = line.partition(":")
        heading = head if colon and len(head.split()) <= 6 else line if len(line.split()) <= 6 else ""
        heading_kind = _heading_kind(heading.strip()) if heading and not _BULLET.match(raw_line) else None
        if heading_kind is None and line.endswith(":") and len(line.split()) <= 10:
            heading_kind = _colon_line_kind(line)
        if heading_kind is not None:
            inline = heading is head and rest.strip()
            if not (inline and heading_kind == "other"):
                block = heading_kind
            elif inline:
                continue  # "Salary: ...", "Benefits: ..." on one line
            line = rest.strip() if heading is head else ""
        if block == "other" or not line:
            continue
        for sentence in sentences(relevant_part(line)):
            clauses.extend((block, part.strip()) for part in sentence.split(";") if part.strip())
    return clauses


_COLON_OTHER = re.compile(r"\b(?:offer|bieten|offrons|proposons|ofrecemos|benefits?|apply)\b", re.IGNORECASE)
_COLON_REQUIRED = re.compile(
    r"\b(?:candidate|you (?:will|should|must|need)|you'll|looking for|need|bring|mitbringen|recherchons|"
    r"buscamos|requis|requisitos)\b",
    re.IGNORECASE,
)


def _colon_line_kind(line: str) -> str:
    """The block a line ending in a colon opens when it is no known heading ("The successful candidate
    will:", "We can offer:")."""
    if _COLON_OTHER.search(line):
        return "other"
    return "required" if _COLON_REQUIRED.search(line) else "intro"


def _heading_kind(heading: str) -> str | None:
    if heading.endswith((".", "!", "?")) and not heading.endswith(":"):
        return None
    for kind in ("preferred", "required", "duties", "other"):
        if _HEADINGS[kind].search(heading.strip(" :")):
            return kind
    return None


def _items(tail: str) -> list[str]:
    """The separate things a requirement phrase lists: "BLS or ACLS certification" is "BLS", "ACLS
    certification"; leading qualifiers ("strong", "current") and trailing "required" are dropped."""
    items = []
    for piece in _ITEM_SPLIT.split(tail):
        piece = _TRAILING_WORDS.sub("", _LEADING_WORDS.sub("", piece.strip(" .!-'\"")))
        if piece and len(piece.split()) <= 5:
            items.append(piece)
    return items


def _confirmed(item: str, vocabulary: Vocabulary) -> Skill | None:
    skill = vocabulary.lookup(item)
    if skill is not None:
        return None if _generic(item) else skill
    core = _CREDENTIAL.sub("", item).strip()
    if core and core != item and vocabulary.lookup(core) is not None:
        return vocabulary.lookup(core)
    words = item.split()
    if any(w.casefold() in STOPWORDS and w.casefold() not in _JOINING for w in (words[0], words[-1])):
        return None
    if _ACRONYM.match(item) and item.casefold() not in GENERIC_WORDS:
        return Skill(item, "hard")
    ordinary = all(term_key(w) in GENERIC_WORDS | STOPWORDS for w in words)
    if len(words) >= 2 and not ordinary and (_CREDENTIAL.search(item) or vocabulary.known_phrase(item)):
        return Skill(item[:1].upper() + item[1:], "hard")
    return None


_JOINING = frozenset({"and", "of", "for", "in"})


def _generic(written: str) -> bool:
    """An ordinary word written in lower case ("care", "models"): never a skill on its own."""
    return " " not in written.strip() and written.islower() and term_key(written) in GENERIC_WORDS


def relevant_part(text: str) -> str:
    """The posting without its boilerplate sentences (equal-opportunity statement, benefits, screening). A long
    run-on "sentence" (a pasted list without breaks) keeps what comes before the boilerplate starts."""
    kept = []
    for sentence in sentences(text):
        match = _BOILERPLATE.search(sentence)
        if match is None:
            kept.append(sentence)
        elif match.start() > 200:
            kept.append(sentence[: match.start()])
    return " ".join(kept)


def preferred_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the posting that talk about preferred, not required, qualifications."""
    spans: list[tuple[int, int]] = []
    headings = sorted(
        [(m.start(), True) for m in _PREFERRED_HEADING.finditer(text)]
        + [(m.start(), False) for m in _REQUIRED_HEADING.finditer(text)]
    )
    for (at, is_preferred), following in zip(headings, [*headings[1:], (len(text), False)]):
        if is_preferred:
            spans.append((at, following[0]))
    offset = 0
    for sentence in sentences(text):
        start = text.find(sentence, offset)
        if start < 0:
            continue
        offset = start + len(sentence)
        if _PREFERRED_SENTENCE.search(sentence) and not re.search(r"\brequired\b", sentence, re.IGNORECASE):
            spans.append((start, offset))
    return spans


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def years_required(text: str, preferred: list[tuple[int, int]]) -> int | None:
    """The most years of experience the posting asks for, among required mentions if there are any."""
    required: list[int] = []
    optional: list[int] = []
    for match in _YEARS.finditer(text):
        if not _EXPERIENCE_AFTER.search(text[match.end() : match.end() + 100]) and "experience" not in (
            text[max(0, match.start() - 40) : match.start()].casefold()
        ):
            continue
        years = int(match.group(1))
        if 0 < years <= 30:
            (optional if _inside(match.start(), preferred) else required).append(years)
    chosen = required or optional
    return max(chosen) if chosen else None


def education_named(text: str) -> list[tuple[EducationLevel, int]]:
    """The lowest degree named in the posting (what it accepts) and, if higher, the one it prefers."""
    named = levels_named_in(text)
    if not named:
        return []
    lowest = min(named, key=lambda pair: pair[0])
    return [lowest] + [pair for pair in named if pair[0] > lowest[0]][:1]


_SENIORITY = re.compile(r"\b(?:sr|senior|jr|junior|principal|staff|lead|ii|iii|iv|i|intern)\b\.?", re.IGNORECASE)


def clean_title(title: str) -> str:
    """The job title as a requirement: its words, without separators such as ":" or "|"."""
    return " ".join(" ".join(re.split(r"[:|/,()]+", title)).split())


def title_words(title: str) -> set[str]:
    """The words of a title that say what the job is, not how senior it is."""
    return {t.key for t in tokens(_SENIORITY.sub(" ", title)) if t.key not in STOPWORDS and len(t.key) > 1}


def other_keywords(text: str, vocabulary: Vocabulary, posting: Posting, limit: int = 6) -> list[str]:
    """Words the posting repeats (three times or more) that are neither skills, nor common words, nor the
    company's name: its own vocabulary ("payments", "identity"). Most repeated first."""
    skill_words = {w for f in vocabulary.find(text) for w in term_key(f.text).split(" ")}
    company = set(term_key(posting.company or "").split(" "))
    counts: Counter[str] = Counter()
    written: dict[str, str] = {}
    for token in tokens(text):
        key = token.key
        if len(key) < 4 or not key.isalpha() or key in STOPWORDS or key in skill_words or key in company:
            continue
        counts[key] += 1
        # Acronyms keep their capitals ("MSRC"); other words are shown in lower case.
        written.setdefault(key, token.text if token.text.isupper() else key)
    ranked = sorted((word for word, n in counts.items() if n >= 3), key=lambda w: (-counts[w], w))
    return [written[word] for word in ranked[:limit]]


_KIND_ORDER = {
    RequirementKind.TITLE: 0,
    RequirementKind.EXPERIENCE: 1,
    RequirementKind.EDUCATION: 2,
    RequirementKind.HARD_SKILL: 3,
    RequirementKind.SOFT_SKILL: 4,
    RequirementKind.KEYWORD: 5,
}


def _trimmed(requirements: list[Requirement]) -> list[Requirement]:
    ordered = sorted(requirements, key=lambda r: (_KIND_ORDER[r.kind], not r.required))
    return ordered[:MAX_REQUIREMENTS]


def occurs_in(term: str, text: str) -> bool:
    """Whether `term` appears in `text` as whole words (case and punctuation folded): how a model's extracted
    terms are checked against the posting they claim to come from."""
    needle = term_key(term)
    if not needle:
        return False
    haystack = f" {term_key(text)} "
    return f" {needle} " in haystack


def accept_proposals(
    posting: Posting, proposals: list[tuple[str, str, bool]], vocabulary: Vocabulary
) -> tuple[list[Requirement], list[str]]:
    """Requirements a model proposed, kept only if the posting says them: every skill, keyword and title must
    occur in the posting's text, every number of years and degree level must be named there. Skills the
    vocabulary knows take its name. Returns the accepted requirements and why the others were dropped."""
    text = normalize(f"{posting.title}\n{posting.description}")
    years_named = {int(m.group(1)) for m in _YEARS.finditer(text)}
    levels_named = {level for level, _ in levels_named_in(text)}
    accepted: dict[tuple[RequirementKind, str], Requirement] = {}
    dropped: list[str] = []
    for raw_text, raw_kind, required in proposals:
        phrase = " ".join(raw_text.split())[:120]
        try:
            kind = RequirementKind(raw_kind)
        except ValueError:
            dropped.append(f"{phrase!r}: unknown kind {raw_kind!r}")
            continue
        if kind == RequirementKind.EXPERIENCE:
            years = re.search(r"\d+", phrase)
            if years is None or int(years.group(0)) not in years_named:
                dropped.append(f"{phrase!r}: the posting names no such number of years")
                continue
            phrase = f"{int(years.group(0))}+ years of experience"
        elif kind == RequirementKind.EDUCATION:
            level = EducationLevel.from_text(phrase)
            if level is None or level not in levels_named:
                dropped.append(f"{phrase!r}: the posting names no such degree")
                continue
            phrase = level.requirement_text
        elif not occurs_in(phrase, text):
            dropped.append(f"{phrase!r}: not in the posting")
            continue
        elif kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL):
            skill = vocabulary.lookup(phrase)
            if skill is not None:
                phrase = skill.name
                kind = RequirementKind.HARD_SKILL if skill.kind == "hard" else RequirementKind.SOFT_SKILL
        key = (kind, term_key(phrase))
        if key not in accepted or required and not accepted[key].required:
            accepted[key] = Requirement(phrase, kind, bool(required))
    title = clean_title(posting.title)
    if title and not any(r.kind == RequirementKind.TITLE for r in accepted.values()):
        accepted[(RequirementKind.TITLE, term_key(title))] = Requirement(title, RequirementKind.TITLE, True)
    return _trimmed(list(accepted.values())), dropped
