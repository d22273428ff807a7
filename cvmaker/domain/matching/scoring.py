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
from cvmaker.domain.matching.extraction import title_words
from cvmaker.domain.matching.jobs import Job, Requirement, RequirementKind
from cvmaker.domain.matching.results import Evidence, Match, RequirementMatch, ScorePart, Tally
from cvmaker.domain.matching.text import singular
from cvmaker.domain.matching.vocabulary import Vocabulary
from cvmaker.domain.matching.wording import names

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
    """Whether the CV names the requirement: a skill it lists, or one of the requirement's `wordings` in its
    visible text ("Basic Life Support (BLS)" is met by a certificate named "BLS & ACLS")."""
    kind = requirement.kind
    if kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL):
        skill = vocabulary.lookup(requirement.text)
        return (skill is not None and skill.key in facts.skills) or names(requirement.text, facts.text)
    if kind == RequirementKind.KEYWORD:
        return names(requirement.text, facts.text)
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
    by_meaning: Mapping[Requirement, Evidence] | None = None,
) -> Match:
    """The match, by these rules:

    - Each part measures one thing and says what: the skills parts count required and preferred skills and other
      keywords ("2 of 7 shown"), and their score is the weighted share shown (a required skill counts 1, a
      preferred one `PREFERRED_WEIGHT`, a keyword `KEYWORD_WEIGHT`); the title part counts the job title's words
      in the CV's closest title. A part with nothing to measure says so, is not `measured` and weighs 0; the
      `WEIGHTS` of the measured parts are scaled to sum to 1, and the score is 100 x the weighted sum.
    - A requirement is shown by words (the CV names it: the skill, or one of its `wordings` such as its
      abbreviation) or by meaning (`by_meaning`: an item of the CV close enough in meaning, found by the service).
    - A CV that misses most required skills cannot score as a strong match: with S of R required skills shown
      (hard and soft, R > 0), the score is at most `CAPS`' band ceiling for the first share S/R falls under:
      under 1/4 at most a weak match (34.9), under 1/2 at most partial (54.9), under 3/4 at most good (74.9).
      Missing 4 of 7 (3/7 shown) is therefore at most a partial match. `capped_by` says when this applied.
    """
    meant = by_meaning or {}
    judged: list[RequirementMatch] = []
    for requirement in job.requirements:
        by_words = meets(requirement, facts, vocabulary)
        met = by_words or requirement in meant
        elsewhere = not met and (
            shown_in_hidden_items(requirement, facts, vocabulary)
            or any(meets(requirement, other.facts, vocabulary) for other in others)
        )
        shown_by = "words" if by_words else "meaning" if met else ""
        found = tuple(evidence.get(requirement, ()))
        if shown_by == "meaning" and not any(e.cv_id == cv_id and e.text == meant[requirement].text for e in found):
            found = (meant[requirement], *found)
        judged.append(RequirementMatch(requirement, met, elsewhere, found, shown_by))

    parts = [
        _skills_part("hard_skills", judged, (RequirementKind.HARD_SKILL, RequirementKind.KEYWORD), "technical skills"),
        _skills_part("soft_skills", judged, (RequirementKind.SOFT_SKILL,), "soft skills"),
        _title_part(job, facts),
        _education_part(job, facts),
        _experience_part(job, facts),
        _semantic_part(semantic),
    ]
    total_weight = sum(WEIGHTS[p.name] for p in parts if p.measured)
    parts = [replace(p, weight=round(WEIGHTS[p.name] / total_weight, 4) if p.measured else 0.0) for p in parts]
    raw = round(100 * sum(p.score * p.weight for p in parts), 1)
    score, capped_by = _capped(raw, judged)
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
        capped_by=capped_by,
    )
    return _with_summary(match, job)


# (share of required skills shown, the highest score below it): a CV under a share cannot leave the band.
CAPS = ((0.25, 34.9), (0.5, 54.9), (0.75, 74.9))
BANDS = ((75.0, "A strong match"), (55.0, "A good match"), (35.0, "A partial match"), (0.0, "A weak match"))


def required_skills(judged: Sequence[RequirementMatch]) -> list[RequirementMatch]:
    """The requirements the cap counts: skills (hard and soft) the posting asks for outright."""
    return [
        r
        for r in judged
        if r.requirement.required and r.requirement.kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL)
    ]


def _capped(raw: float, judged: Sequence[RequirementMatch]) -> tuple[float, str | None]:
    required = required_skills(judged)
    if not required:
        return raw, None
    shown = sum(r.matched for r in required)
    share = shown / len(required)
    for below, ceiling in CAPS:
        if share < below and raw > ceiling:
            return ceiling, (
                f"Held at {ceiling:g} (from {raw:g}): your CV shows {shown} of the {len(required)} required skills, "
                f"under {below:.0%} of them."
            )
    return raw, None


def band(score: float) -> str:
    return next(name for floor, name in BANDS if score >= floor)


def _weight(requirement: Requirement) -> float:
    base = KEYWORD_WEIGHT if requirement.kind == RequirementKind.KEYWORD else 1.0
    return base if requirement.required else base * PREFERRED_WEIGHT


def _skills_part(
    name: str, judged: list[RequirementMatch], kinds: tuple[RequirementKind, ...], label: str
) -> ScorePart:
    relevant = [r for r in judged if r.requirement.kind in kinds]
    named = [r for r in relevant if r.requirement.kind != RequirementKind.KEYWORD]
    required = [r for r in named if r.requirement.required]
    preferred = [r for r in named if not r.requirement.required]
    keywords = [r for r in relevant if r.requirement.kind == RequirementKind.KEYWORD]
    groups = [
        (f"required {label}", required, 1.0),
        (f"preferred {label}", preferred, PREFERRED_WEIGHT),
        ("other keywords of the posting", keywords, KEYWORD_WEIGHT),
    ]
    tallies = tuple(
        Tally(group_label, sum(r.matched for r in group), len(group), weight)
        for group_label, group, weight in groups
        if group
    )
    if not tallies:
        return ScorePart(name, 0.0, 0.0, f"Not measured: the posting names no {label}.", False)
    score = round(sum(t.shown * t.weight for t in tallies) / sum(t.asked * t.weight for t in tallies), 4)
    sentences = []
    for tally, (_, group, _) in zip(tallies, (g for g in groups if g[1])):
        shown = [r.requirement.text for r in group if r.matched]
        text = f"{tally.label.capitalize()}: your CV shows {tally.shown} of the {tally.asked}"
        if group is not keywords:
            text += f" ({_listing(shown)})." if shown else "."
            absent = [r.requirement.text for r in group if not r.matched]
            if absent:
                text += f" Not shown: {_listing(absent)}."
        else:
            text += "."
        sentences.append(text)
    if not required:
        sentences.insert(0, f"The posting asks for no {label} outright.")
    return ScorePart(name, score, 1.0, " ".join(sentences), True, tallies)


def _title_part(job: Job, facts: CvFacts) -> ScorePart:
    wanted = {singular(w) for w in title_words(job.title)}
    if not wanted:
        return ScorePart("title", 0.0, 0.0, "Not measured: the job title has no words to compare.", False)
    have = max((len(wanted & {singular(w) for w in title_words(t)}) for t in facts.titles), default=0)
    tally = Tally("words of the job title in your closest title", have, len(wanted), 1.0)
    overlap = round(have / len(wanted), 4)
    counted = f"({have} of the {len(wanted)} words of the job title)"
    if not facts.titles:
        text = f"Your CV names no job titles, so it cannot show the role you are applying for ({job.title})."
    elif overlap >= 1:
        text = f"You have held the role this posting is for ({job.title}) {counted}."
    elif overlap >= TITLE_MATCH:
        text = f"One of your job titles is close to {job.title} {counted}."
    elif overlap > 0:
        text = f"Your job titles share some words with {job.title}, but none is the same role {counted}."
    else:
        text = f"None of your job titles is like {job.title} {counted}."
    return ScorePart("title", overlap, 1.0, text, True, (tally,))


def _education_part(job: Job, facts: CvFacts) -> ScorePart:
    levels = [
        level
        for r in job.requirements_of(RequirementKind.EDUCATION)
        if (level := EducationLevel.from_text(r.text)) is not None
    ]
    if not levels:
        return ScorePart("education", 0.0, 0.0, "Not measured: the posting asks for no particular degree.", False)
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
        return ScorePart("experience", 0.0, 0.0, "Not measured: the posting asks for no number of years.", False)
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
        return ScorePart("semantic", 0.0, 0.0, "Not measured: similarity in meaning was not computed.", False)
    score = round(min(1.0, max(0.0, semantic)), 4)
    if score >= 0.66:
        text = "Your CV reads much like the posting: it talks about the same kind of work."
    elif score >= 0.33:
        text = "Your CV talks about related work, in different words from the posting."
    else:
        text = "Your CV talks about quite different work from the posting."
    return ScorePart("semantic", score, 1.0, text)


def _with_summary(match: Match, job: Job) -> Match:
    words = [f"{band(match.score)} for {job.title} ({match.score:g}/100)."]
    if match.capped_by:
        words.append(match.capped_by)
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
