"""Reading a job posting's requirements with rules: its skills, years of experience, education level, the title
and a few other keywords, each marked required or preferred.

Skills come from the posting's structure, not from a word list (`skill_terms`): its requirement, "nice to have"
and duties blocks in English, German, French and Spanish (`posting_structure`) are cut into candidate phrases
(`candidates`), which the vocabulary and the ESCO classification then confirm, normalise and classify. A term is
preferred when its block or its own sentence says so ("Nice to have", "Desirable", "Von Vorteil", "Un plus",
"Se valorará", "... is a plus"); everything else counts as required. Equal-opportunity, pay and perks sentences
are not read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from cvmaker.domain.matching.education import EducationLevel, levels_named_in
from cvmaker.domain.matching.jobs import MAX_REQUIREMENTS, Requirement, RequirementKind
from cvmaker.domain.matching.posting_structure import BOILERPLATE
from cvmaker.domain.matching.skill_terms import skills_asked
from cvmaker.domain.matching.stopwords import STOPWORDS
from cvmaker.domain.matching.text import normalize, sentences, term_key, tokens
from cvmaker.domain.matching.vocabulary import Vocabulary

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
    for skill, required in skills_asked(text, vocabulary):
        add(skill.name, RequirementKind.HARD_SKILL if skill.kind == "hard" else RequirementKind.SOFT_SKILL, required)
    years = years_required(body, preferred)
    if years is not None:
        add(f"{years}+ years of experience", RequirementKind.EXPERIENCE, True)
    for level, at in education_named(body):
        add(level.requirement_text, RequirementKind.EDUCATION, not _inside(at, preferred))
    for word in other_keywords(body, vocabulary, posting):
        add(word, RequirementKind.KEYWORD, not _inside(body.casefold().find(word.casefold()), preferred))
    return _trimmed(list(found.values()))


def relevant_part(text: str) -> str:
    """The posting without its boilerplate sentences (equal-opportunity statement, benefits, screening). A long
    run-on "sentence" (a pasted list without breaks) keeps what comes before the boilerplate starts."""
    kept = []
    for sentence in sentences(text):
        match = BOILERPLATE.search(sentence)
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
