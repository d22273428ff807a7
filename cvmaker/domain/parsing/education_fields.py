"""Which pieces of a degree's header are the school and the degree (with its field and classification)."""

from __future__ import annotations

import re

from cvmaker.domain.parsing.entries import Entry
from cvmaker.domain.parsing.entry_header import Candidate
from cvmaker.domain.parsing.places import is_place_word, looks_like_city
from cvmaker.domain.parsing.roles import UNIT, degree_score, institution_score, is_field_of_study

# A score is not part of the degree ("BSc Computer Science, GPA 3.8/4.0"); a classification is part of the award
# as conferred and as the person wrote it ("BSc Mathematics, First Class", "MSc Physics, Distinction"), so it
# stays in the degree.
_GRADE = re.compile(r"^(c?gpa|grade|score|percentage|mark|\d+(\.\d+)?\s*(/\s*\d+(\.\d+)?|%))", re.IGNORECASE)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def education_fields(entry: Entry, candidates: list[Candidate], extras: list[Candidate]) -> None:
    """Set the entry's organization (the school) and title (the degree); unused pieces go to `extras`."""
    if not candidates:
        return
    institution_scores = [institution_score(c.text) for c in candidates]
    degree_scores = [degree_score(c.text) for c in candidates]
    # The school is the piece most like a school and least like a degree ("Institute of Technology" vs
    # "Master of Science"), the first of equals.
    institution = max(range(len(candidates)), key=lambda i: (institution_scores[i] - degree_scores[i], -i))
    if institution_scores[institution] <= 0:
        plain = [
            i for i in range(len(candidates)) if degree_scores[i] == 0 and not is_field_of_study(candidates[i].text)
        ]
        institution = plain[0] if plain else -1
    degree_candidates = [i for i in range(len(candidates)) if i != institution]
    scored = [i for i in degree_candidates if degree_scores[i] >= 1]
    # "Bachelor of Business Administration - BBA, Finance": the first degree-like piece starts the degree.
    degree = scored[0] if scored else (degree_candidates[0] if degree_candidates else -1)
    used: set[int] = set()
    if institution >= 0:
        used.add(institution)
        entry.organization, entry.sources["organization"] = _school(
            candidates, institution, degree, degree_scores, used
        )
    if degree >= 0:
        used.add(degree)
        text, index = _degree(candidates, degree, institution, institution_scores, used)
        supervised = _SUPERVISOR.search(text)
        if supervised is not None and supervised.start() > 0:
            # "Ph.D. in Applied Physics (Research advisor: Prof. Hideo Mabuchi)": who supervised is no part of
            # the degree; it stays in the description.
            extras.append(Candidate(supervised.group(0).strip(" ,()（）"), index))
            text = text[: supervised.start()].rstrip(" ,")
        entry.title, entry.sources["title"] = text, index
    for i, candidate in enumerate(candidates):
        if i not in used:
            extras.append(candidate)


# A bracket (maybe cut off at a comma) naming who supervised the degree.
_SUPERVISOR = re.compile(
    r"\s*[(（][^()（）]*?(?:advis[oe]r|supervis(?:or|ed by)|mentor|betreuer|betreut|directeur|directrice|"
    r"director|relatore|orientador|promotor|导师|指導教員|指導教官)[^()（）]*(?:[)）].*)?$",
    re.IGNORECASE,
)


def _without_short_form(text: str) -> str:
    """ "Berkeley (UCB)" -> "Berkeley": a campus with the school's initials after it."""
    return re.sub(r"\s*\([A-Z][A-Za-z&.-]{1,9}\)$", "", text.strip())


def _school(
    candidates: list[Candidate], institution: int, degree: int, degree_scores: list[float], used: set[int]
) -> tuple[str, int]:
    """The school's name, with a campus printed after it ("University of California, Berkeley")."""
    school = candidates[institution]
    before = institution - 1
    if (
        before >= 0
        and before != degree
        and candidates[before].line == school.line
        and UNIT.search(candidates[before].text)
        and degree_scores[before] == 0
    ):
        # "Department of Theoretical Physics, University of Geneva": the department, then its university
        used.add(before)
        school = Candidate(f"{candidates[before].text}, {school.text}", school.line)
    following = institution + 1
    if (
        following < len(candidates)
        and following != degree
        and candidates[following].line == school.line
        and looks_like_city(_without_short_form(candidates[following].text))
        # a campus in Chinese or Japanese names a place ("北京市"); "土木工程" after the school is its field
        and (not _CJK.search(candidates[following].text) or is_place_word(candidates[following].text))
        and len(_without_short_form(candidates[following].text).split()) <= 2
        and not is_field_of_study(candidates[following].text)
        and degree_scores[following] == 0
    ):
        used.add(following)
        return f"{school.text}, {candidates[following].text}", school.line
    return school.text, school.line


def _degree(
    candidates: list[Candidate], degree: int, institution: int, institution_scores: list[float], used: set[int]
) -> tuple[str, int]:
    """The degree with the pieces that complete it: what follows it on its line (not a grade, not a school),
    a Japanese field printed before it, a field of study printed elsewhere."""
    text, index = candidates[degree].text, candidates[degree].line
    following = degree + 1
    while (
        following < len(candidates)
        and following not in used
        and candidates[following].line == index
        and not _GRADE.match(candidates[following].text)
        and institution_scores[following] == 0
        and not (following > institution >= 0 and institution > degree)
    ):
        text = f"{text}, {candidates[following].text}"
        used.add(following)
        following += 1
    before = degree - 1
    if (
        before >= 0
        and before not in used
        and candidates[before].line == index
        and institution_scores[before] == 0
        and _CJK.search(text)
        and _CJK.search(candidates[before].text)
    ):
        text = f"{candidates[before].text} {text}"  # "情報工学 学士": in Japanese the field comes first
        used.add(before)
    fields = [i for i in range(len(candidates)) if i not in used and is_field_of_study(candidates[i].text)]
    if fields and not is_field_of_study(text):
        # "PhD" in one place and "Computer Science" in another: the degree is "PhD, Computer Science".
        text = f"{text}, {candidates[fields[0]].text}"
        used.add(fields[0])
    return text, index
