"""The match score: which requirements a CV meets, a 0-100 score from six weighted parts, and the words that
explain both to a job seeker.

The same job, CV facts and similarity always give the same result: no randomness, lists in a fixed order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from cvmaker.domain.matching.cv_facts import CvFacts
from cvmaker.domain.matching.education import EducationLevel
from cvmaker.domain.matching.extraction import occurs_in, title_words
from cvmaker.domain.matching.jobs import Job, Requirement, RequirementKind
from cvmaker.domain.matching.results import Evidence, Match, RequirementMatch, ScorePart
from cvmaker.domain.matching.text import singular
from cvmaker.domain.matching.vocabulary import Vocabulary

WEIGHTS = {
    "hard_skills": 0.40,
    "soft_skills": 0.10,
    "title": 0.10,
    "education": 0.10,
    "experience": 0.10,
    "semantic": 0.20,
}
PREFERRED_WEIGHT = 0.5  # a preferred requirement counts half as much as a required one
KEYWORD_WEIGHT = 0.25  # other keywords count a little towards the skills part
TITLE_MATCH = 0.5  # share of the job title's words a CV title needs to count as the same role


@dataclass(frozen=True, slots=True)
class OtherCv:
    cv_id: str
    facts: CvFacts


def meets(requirement: Requirement, facts: CvFacts, vocabulary: Vocabulary) -> bool:
    kind = requirement.kind
    if kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL):
        skill = vocabulary.lookup(requirement.text)
        if skill is not None:
            return skill.key in facts.skills
        return occurs_in(requirement.text, facts.text)
    if kind == RequirementKind.KEYWORD:
        return occurs_in(requirement.text, facts.text) or occurs_in(singular(requirement.text), facts.text)
    if kind == RequirementKind.TITLE:
        return title_overlap(requirement.text, facts.titles) >= TITLE_MATCH
    if kind == RequirementKind.EXPERIENCE:
        return facts.years >= years_in(requirement.text)
    level = EducationLevel.from_text(requirement.text)
    return level is not None and facts.education is not None and facts.education >= level


def shown_in_hidden_items(requirement: Requirement, facts: CvFacts, vocabulary: Vocabulary) -> bool:
    if requirement.kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL):
        skill = vocabulary.lookup(requirement.text)
        return skill is not None and skill.key in facts.hidden_skills
    return False


def years_in(text: str) -> float:
    found = re.search(r"\d+", text)
    return float(found.group(0)) if found else 0.0


def title_overlap(job_title: str, titles: Sequence[str]) -> float:
    """The largest share of the job title's words that one of the CV's titles has (seniority words ignored)."""
    wanted = {singular(w) for w in title_words(job_title)}
    if not wanted:
        return 0.0
    best = 0.0
    for title in titles:
        have = {singular(w) for w in title_words(title)}
        best = max(best, len(wanted & have) / len(wanted))
    return round(best, 4)


def score_match(
    job: Job,
    cv_id: str,
    facts: CvFacts,
    others: Sequence[OtherCv],
    semantic: float | None,
    evidence: Mapping[Requirement, Sequence[Evidence]],
    vocabulary: Vocabulary,
) -> Match:
    judged: list[RequirementMatch] = []
    for requirement in job.requirements:
        met = meets(requirement, facts, vocabulary)
        elsewhere = not met and (
            shown_in_hidden_items(requirement, facts, vocabulary)
            or any(meets(requirement, other.facts, vocabulary) for other in others)
        )
        judged.append(RequirementMatch(requirement, met, elsewhere, tuple(evidence.get(requirement, ()))))

    parts = [
        _skills_part("hard_skills", judged, (RequirementKind.HARD_SKILL, RequirementKind.KEYWORD), "technical skills"),
        _skills_part("soft_skills", judged, (RequirementKind.SOFT_SKILL,), "soft skills"),
        _title_part(job, facts),
        _education_part(job, facts),
        _experience_part(job, facts),
        _semantic_part(semantic),
    ]
    total_weight = sum(WEIGHTS[p.name] for p in parts if p.weight > 0)
    parts = [
        ScorePart(p.name, p.score, round(WEIGHTS[p.name] / total_weight, 4) if p.weight > 0 else 0.0, p.explanation)
        for p in parts
    ]
    score = round(100 * sum(p.score * p.weight for p in parts), 1)
    matched = tuple(r.requirement.text for r in judged if r.matched)
    missing = [r for r in judged if not r.matched]
    match = Match(
        cv_id=cv_id,
        job_id=job.id,
        score=score,
        breakdown=tuple(parts),
        requirements=tuple(judged),
        matched=matched,
        missing=tuple(r.requirement.text for r in missing),
        missing_shown_elsewhere=tuple(r.requirement.text for r in missing if r.shown_elsewhere),
        missing_not_shown=tuple(r.requirement.text for r in missing if not r.shown_elsewhere),
        summary="",
    )
    return _with_summary(match, job)


def _weight(requirement: Requirement) -> float:
    base = KEYWORD_WEIGHT if requirement.kind == RequirementKind.KEYWORD else 1.0
    return base if requirement.required else base * PREFERRED_WEIGHT


def _skills_part(
    name: str, judged: list[RequirementMatch], kinds: tuple[RequirementKind, ...], label: str
) -> ScorePart:
    relevant = [r for r in judged if r.requirement.kind in kinds]
    named = [r for r in relevant if r.requirement.kind != RequirementKind.KEYWORD]
    if not relevant:
        return ScorePart(name, 0.0, 0.0, f"The posting names no {label}.")
    total = sum(_weight(r.requirement) for r in relevant)
    score = round(sum(_weight(r.requirement) for r in relevant if r.matched) / total, 4)
    required = [r for r in named if r.requirement.required]
    shown = [r for r in required if r.matched]
    missing = [r.requirement.text for r in required if not r.matched]
    if not required:
        explanation = (
            f"The posting asks for no {label} outright; your CV shows "
            f"{sum(r.matched for r in named)} of the {len(named)} it would like."
        )
    else:
        explanation = f"Your CV shows {len(shown)} of the {len(required)} {label} the posting asks for"
        explanation += f" ({_listing([r.requirement.text for r in shown])})." if shown else "."
        if missing:
            explanation += f" Not shown: {_listing(missing)}."
    return ScorePart(name, score, 1.0, explanation)


def _title_part(job: Job, facts: CvFacts) -> ScorePart:
    overlap = title_overlap(job.title, facts.titles)
    if not facts.titles:
        return ScorePart(
            "title",
            0.0,
            1.0,
            f"Your CV names no job titles, so it cannot show the role you are applying for ({job.title}).",
        )
    if overlap >= 1:
        text = f"You have held the role this posting is for ({job.title})."
    elif overlap >= TITLE_MATCH:
        text = f"One of your job titles is close to {job.title}."
    elif overlap > 0:
        text = f"Your job titles share some words with {job.title}, but none is the same role."
    else:
        text = f"None of your job titles is like {job.title}."
    return ScorePart("title", overlap, 1.0, text)


def _education_part(job: Job, facts: CvFacts) -> ScorePart:
    levels = [
        level
        for r in job.requirements_of(RequirementKind.EDUCATION)
        if (level := EducationLevel.from_text(r.text)) is not None
    ]
    if not levels:
        return ScorePart("education", 0.0, 0.0, "The posting asks for no particular degree.")
    wanted = min(levels)
    have = facts.education
    if have is not None and have >= wanted:
        return ScorePart(
            "education", 1.0, 1.0, f"The posting asks for a {wanted.requirement_text.lower()}; your CV shows one."
        )
    if have is not None and have == wanted - 1:
        return ScorePart(
            "education",
            0.5,
            1.0,
            f"The posting asks for a {wanted.requirement_text.lower()}; "
            f"your highest is a {have.requirement_text.lower()}.",
        )
    return ScorePart(
        "education",
        0.0,
        1.0,
        f"The posting asks for a {wanted.requirement_text.lower()}, which "
        "your CV does not show (many postings accept equivalent experience).",
    )


def _experience_part(job: Job, facts: CvFacts) -> ScorePart:
    asked = [years_in(r.text) for r in job.requirements_of(RequirementKind.EXPERIENCE)]
    if not asked or max(asked) <= 0:
        return ScorePart("experience", 0.0, 0.0, "The posting asks for no number of years.")
    wanted = max(asked)
    score = round(min(1.0, facts.years / wanted), 4)
    if score >= 1:
        text = f"The posting asks for {wanted:g}+ years; your roles cover about {facts.years:g}."
    elif facts.years > 0:
        text = f"The posting asks for {wanted:g}+ years; your dated roles cover about {facts.years:g}."
    else:
        text = f"The posting asks for {wanted:g}+ years; add dates to your roles so they can be counted."
    return ScorePart("experience", score, 1.0, text)


def _semantic_part(semantic: float | None) -> ScorePart:
    if semantic is None:
        return ScorePart("semantic", 0.0, 0.0, "Similarity in meaning was not measured.")
    score = round(min(1.0, max(0.0, semantic)), 4)
    if score >= 0.66:
        text = "Your CV reads much like the posting: it talks about the same kind of work."
    elif score >= 0.33:
        text = "Your CV talks about related work, in different words from the posting."
    else:
        text = "Your CV talks about quite different work from the posting."
    return ScorePart("semantic", score, 1.0, text)


def _with_summary(match: Match, job: Job) -> Match:
    if match.score >= 75:
        band = "A strong match"
    elif match.score >= 55:
        band = "A good match"
    elif match.score >= 35:
        band = "A partial match"
    else:
        band = "A weak match"
    words = [f"{band} for {job.title} ({match.score:g}/100)."]
    best = [
        r.requirement.text
        for r in match.requirements
        if r.matched
        and r.requirement.required
        and r.requirement.kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL)
    ][:4]
    if best:
        words.append(f"Your CV shows {_listing(best)}.")
    elsewhere = list(match.missing_shown_elsewhere)[:4]
    if elsewhere:
        words.append(f"You show {_listing(elsewhere)} in another CV or a hidden item: bring them into this one.")
    gaps = [
        r.requirement.text
        for r in match.requirements
        if not r.matched
        and not r.shown_elsewhere
        and r.requirement.required
        and r.requirement.kind != RequirementKind.KEYWORD
    ][:4]
    if gaps:
        words.append(f"Not shown anywhere: {_listing(gaps)}. Add them only if you have them.")
    return replace(match, summary=" ".join(words))


def _listing(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) > 6:
        return ", ".join(items[:6]) + f" and {len(items) - 6} more"
    return ", ".join(items[:-1]) + " and " + items[-1]
