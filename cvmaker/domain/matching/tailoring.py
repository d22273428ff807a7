"""Tailoring rules: rearrange a CV around a job's matched requirements, without adding anything to it.

- The summary is rewritten around the matched requirements (by the rules below, or by a text generator), and
  kept only if the no-fabrication check finds nothing new in it.
- Bullets are reordered so those naming matched requirements come first; experience stays in date order.
- Skills are reordered: matched ones first, in each skills group and among the groups.
- Weakly relevant items of optional sections (projects, awards, volunteering...) are hidden, never deleted;
  experience and education are never hidden, and each section keeps at least one visible item. An item that
  evidences a requirement of the job (found as its evidence, or naming it in any wording: "Basic Life Support
  (BLS) & ACLS" names "BLS certification") is never hidden, whether or not the requirement counted as met.
Every change cites the items it draws on. A change the check refuses is dropped and reported with its reason.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from cvmaker.domain.cv.model import CvDocument, Item, SectionKind
from cvmaker.domain.matching.extraction import occurs_in
from cvmaker.domain.matching.fabrication import source_facts, text_problems
from cvmaker.domain.matching.jobs import Job, RequirementKind
from cvmaker.domain.matching.results import Change, Match
from cvmaker.domain.matching.text import sentences
from cvmaker.domain.matching.vocabulary import Vocabulary
from cvmaker.domain.matching.wording import names
from cvmaker.domain.rich_text.plain import shown_line, shown_text

HIDEABLE = frozenset(
    {
        SectionKind.PROJECTS,
        SectionKind.CERTIFICATIONS,
        SectionKind.AWARDS,
        SectionKind.PUBLICATIONS,
        SectionKind.VOLUNTEER,
        SectionKind.CUSTOM,
    }
)
MAX_SUMMARY_SKILLS = 5
_NAMED_KINDS = (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL, RequirementKind.KEYWORD)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SummaryBrief:
    """What a writer may use to write a summary: the CV's own words and the requirements it meets. The job
    posting itself is not passed on, so instructions hidden in it never reach the writer."""

    job_title: str
    headline: str | None
    current_summary: str | None
    recent_roles: tuple[str, ...]  # "Data Analyst, Contoso (2019-2023)"
    matched_requirements: tuple[str, ...]
    highlights: tuple[str, ...]  # the CV's most relevant bullets, verbatim


@dataclass(frozen=True, slots=True)
class LetterRole:
    """A role of the CV as a letter tells it: its dates give the tense ("I work as", "I worked as")."""

    title: str | None
    organization: str | None
    start_date: str | None
    end_date: str | None
    current: bool


@dataclass(frozen=True, slots=True)
class LetterBrief:
    name: str
    job_title: str
    company: str | None
    recent_roles: tuple[str, ...]
    matched_requirements: tuple[str, ...]
    highlights: tuple[str, ...]
    roles: tuple[LetterRole, ...] = ()  # the same roles as `recent_roles`, as facts
    language: str = "en"  # the CV's (`cvmaker.domain.letters.language`)


@dataclass(frozen=True, slots=True)
class TailorPlan:
    document: CvDocument
    changes: tuple[Change, ...]
    rejected: tuple[Change, ...]


class Relevance:
    """How much each item and bullet speaks to the job's matched requirements."""

    def __init__(self, match: Match, vocabulary: Vocabulary, similarity: Mapping[str, float]) -> None:
        self.vocabulary = vocabulary
        self.similarity = similarity  # item id -> closeness in meaning to the job
        self.skills: dict[str, float] = {}
        self.keywords: list[tuple[str, float]] = []
        # Items that evidence a requirement of the job (named, or close in meaning), matched or not: never hidden.
        self.evidence: set[str] = {
            e.item_id for r in match.requirements for e in r.evidence if e.item_id and e.cv_id == match.cv_id
        }
        self.wanted: list[str] = [r.requirement.text for r in match.requirements if r.requirement.kind in _NAMED_KINDS]
        for judged in match.requirements:
            requirement = judged.requirement
            if not judged.matched:
                continue
            weight = 1.0 if requirement.required else 0.5
            if requirement.kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL):
                skill = vocabulary.lookup(requirement.text)
                if skill is not None:
                    self.skills[skill.key] = weight
                else:
                    # Not in the vocabulary ("Basic Life Support (BLS)"): recognised by its wordings instead.
                    self.keywords.append((requirement.text, weight))
            elif requirement.kind == RequirementKind.KEYWORD:
                self.keywords.append((requirement.text, weight * 0.25))

    def of_text(self, text: str) -> float:
        score = sum(self.skills.get(key, 0.0) for key in self.vocabulary.skills_in(text))
        return score + sum(weight for word, weight in self.keywords if names(word, text))

    def evidences_a_requirement(self, item: Item) -> bool:
        """Whether the item was found as evidence for a requirement, or names one in any of its wordings (its
        title, e.g. a certificate "Basic Life Support (BLS) & ACLS", included)."""
        if item.id in self.evidence:
            return True
        texts = [item.title or "", item.organization or "", *_rich_texts(item), *item.keywords]
        return any(names(wanted, text) for wanted in self.wanted for text in texts if text)

    def of_keyword(self, keyword: str) -> float:
        skill = self.vocabulary.lookup(keyword)
        return self.skills.get(skill.key, 0.0) if skill is not None else self.of_text(keyword)

    def of_item(self, item: Item) -> float:
        texts = [item.title or "", *_rich_texts(item)]
        lexical = sum(self.of_text(t) for t in texts) + sum(self.of_keyword(k) for k in item.keywords)
        return lexical + self.similarity.get(item.id, 0.0)

    def lexical_of_item(self, item: Item) -> float:
        return self.of_item(item) - self.similarity.get(item.id, 0.0)


def plan_tailoring(
    source: CvDocument,
    job: Job,
    match: Match,
    vocabulary: Vocabulary,
    similarity: Mapping[str, float],
    brief: SummaryBrief,
    written_summary: str | None,
) -> TailorPlan:
    """The tailored document and its changes. `written_summary` is what the text generator wrote from `brief`
    (None: no change to the summary); it is checked like any other change."""
    document = copy.deepcopy(source)
    document.title = f"{source.title} - {job.title}"[:200]
    relevance = Relevance(match, vocabulary, similarity)
    facts = source_facts(source, vocabulary)
    changes: list[Change] = []
    rejected: list[Change] = []

    summary_change = _summary_change(source, match, vocabulary, written_summary)
    if summary_change is not None:
        problems = text_problems(summary_change.after or "", facts, vocabulary)
        if not problems:
            document.summary = summary_change.after
            changes.append(summary_change)
        else:
            rejected.append(_refused(summary_change, problems))
            # The generator's summary stated something new: use the rules' own, which only restates the CV.
            fallback = _summary_change(source, match, vocabulary, rules_summary(brief))
            if fallback is not None and not text_problems(fallback.after or "", facts, vocabulary):
                document.summary = fallback.after
                changes.append(fallback)

    for s_index, section in enumerate(document.sections):
        for i_index, item in enumerate(section.items):
            path = f"sections.{s_index}.items.{i_index}"
            reordered = _by_relevance(item.bullets, lambda bullet: relevance.of_text(shown_line(bullet)))
            if reordered != item.bullets:
                changes.append(
                    Change(
                        f"{path}.bullets",
                        "\n".join(item.bullets),
                        "\n".join(reordered),
                        "Bullets that show the job's requirements come first.",
                        (item.id,),
                    )
                )
                item.bullets = reordered
            keywords = _by_relevance(item.keywords, relevance.of_keyword)
            if keywords != item.keywords:
                changes.append(
                    Change(
                        f"{path}.keywords",
                        ", ".join(item.keywords),
                        ", ".join(keywords),
                        "Skills the job asks for come first.",
                        (item.id,),
                    )
                )
                item.keywords = keywords
        if section.kind == SectionKind.SKILLS:
            ordered = _by_relevance(section.items, relevance.of_item)
            if [i.id for i in ordered] != [i.id for i in section.items]:
                changes.append(
                    Change(
                        f"sections.{s_index}.items",
                        ", ".join(_label(i) for i in section.items),
                        ", ".join(_label(i) for i in ordered),
                        "Skill groups the job asks for come first.",
                        tuple(i.id for i in ordered),
                    )
                )
                section.items = ordered
        if section.kind in HIDEABLE:
            changes += _hide_weak_items(section.items, s_index, relevance)
    return TailorPlan(document, tuple(changes), tuple(rejected))


def _rich_texts(item: Item) -> list[str]:
    """The item's description and bullets as a reader sees them (no rich-text markers)."""
    return [shown_text(item.description or ""), *map(shown_line, item.bullets)]


def _by_relevance(values: Sequence[T], score: Callable[[T], float]) -> list[T]:
    """Most relevant first; equally relevant values keep their order (a stable sort)."""
    ranked = sorted(range(len(values)), key=lambda index: (-round(score(values[index]), 6), index))
    return [values[index] for index in ranked]


def _hide_weak_items(items: list[Item], s_index: int, relevance: Relevance) -> list[Change]:
    visible = [i for i in items if i.visible]
    if len(visible) < 2:
        return []
    similarities = [relevance.similarity.get(i.id, 0.0) for i in visible]
    typical = sum(similarities) / len(similarities)
    best = max(visible, key=relevance.of_item)
    changes = []
    for index, item in enumerate(items):
        if (
            item.visible
            and item is not best
            and not relevance.evidences_a_requirement(item)
            and relevance.lexical_of_item(item) == 0
            and relevance.similarity.get(item.id, 0.0) < typical
        ):
            item.visible = False
            changes.append(
                Change(
                    f"sections.{s_index}.items.{index}.visible",
                    "true",
                    "false",
                    f"Hidden, not deleted: {_label(item)} shows none of the job's requirements.",
                    (item.id,),
                )
            )
    return changes


def _label(item: Item) -> str:
    return item.title or item.organization or (", ".join(item.keywords[:3]) if item.keywords else item.id)


def _summary_change(source: CvDocument, match: Match, vocabulary: Vocabulary, text: str | None) -> Change | None:
    text = " ".join((text or "").split())
    if not text or text == source.summary:
        return None
    cited = _items_naming(source, _matched(match), vocabulary)
    return Change("summary", source.summary, text, "Rewritten around the requirements your CV meets.", cited)


def rules_summary(brief: SummaryBrief) -> str | None:
    """An extractive summary: the CV's own headline or latest title with the matched skills it shows, then the
    existing summary's sentences, those naming matched skills first. Every word comes from the CV."""
    matched = list(brief.matched_requirements)
    if not matched:
        return None
    shown = matched[:MAX_SUMMARY_SKILLS]
    role = brief.headline or (brief.recent_roles[0].split(",")[0].split(" (")[0] if brief.recent_roles else None)
    lead = f"{role.rstrip('.')} with experience in {_join(shown)}." if role else f"Experience in {_join(shown)}."
    existing = sentences(brief.current_summary or "")
    ranked = sorted(range(len(existing)), key=lambda i: (-sum(occurs_in(m, existing[i]) for m in matched), i))
    return " ".join([lead, *(existing[i] for i in ranked[:3])])


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _items_naming(source: CvDocument, terms: Sequence[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    keys = {skill.key for t in terms if (skill := vocabulary.lookup(t)) is not None}
    ids = []
    for section in source.sections:
        for item in section.items:
            text = " ".join([item.title or "", *_rich_texts(item), *item.keywords])
            if keys & set(vocabulary.skills_in(text)) or any(
                (s := vocabulary.lookup(k)) is not None and s.key in keys for k in item.keywords
            ):
                ids.append(item.id)
    return tuple(ids)


def _refused(change: Change, problems: Sequence[str]) -> Change:
    return Change(
        change.path,
        change.before,
        change.after,
        "Dropped by the no-fabrication check: " + "; ".join(problems) + ".",
        change.source_item_ids,
    )


def brief_for_summary(source: CvDocument, job: Job, match: Match, highlights: Sequence[str]) -> SummaryBrief:
    return SummaryBrief(
        job_title=job.title,
        headline=source.basics.headline,
        current_summary=shown_text(source.summary) if source.summary else source.summary,
        recent_roles=recent_roles(source),
        matched_requirements=_matched(match),
        highlights=tuple(highlights),
    )


def brief_for_letter(source: CvDocument, job: Job, match: Match, highlights: Sequence[str]) -> LetterBrief:
    from cvmaker.domain.letters.language import letter_language

    return LetterBrief(
        name=source.basics.name,
        job_title=job.title,
        company=job.company,
        recent_roles=recent_roles(source),
        matched_requirements=_matched(match),
        highlights=tuple(highlights),
        roles=letter_roles(source),
        language=letter_language(source),
    )


def letter_roles(source: CvDocument, limit: int = 3) -> tuple[LetterRole, ...]:
    """The visible experience items `recent_roles` names, in the same order."""
    return tuple(
        LetterRole(item.title, item.organization, item.start_date, item.end_date, item.current)
        for section in source.sections
        if section.kind == SectionKind.EXPERIENCE and section.visible
        for item in section.items
        if item.visible and (item.title or item.organization)
    )[:limit]


def _matched(match: Match) -> tuple[str, ...]:
    """Requirements the CV names outright. One shown only by meaning is left out: the CV does not say it in
    those words, so a summary or letter saying it would state something the CV does not."""
    return tuple(
        r.requirement.text
        for r in match.requirements
        if r.matched
        and r.matched_by != "meaning"
        and r.requirement.kind in (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL)
    )


def recent_roles(source: CvDocument, limit: int = 3) -> tuple[str, ...]:
    roles = []
    for section in source.sections:
        if section.kind != SectionKind.EXPERIENCE or not section.visible:
            continue
        for item in section.items:
            if item.visible and (item.title or item.organization):
                dates = "-".join(d for d in (item.start_date, "present" if item.current else item.end_date) if d)
                role = ", ".join(p for p in (item.title, item.organization) if p)
                roles.append(f"{role} ({dates})" if dates else role)
    return tuple(roles[:limit])


def highlights(source: CvDocument, relevance_of_text: Callable[[str], float], limit: int = 4) -> list[str]:
    """The CV's bullets that best show the matched requirements, verbatim but for rich-text markers (a summary or
    letter quoting one must not print "**")."""
    bullets = [shown_line(b) for s in source.sections if s.visible for i in s.items if i.visible for b in i.bullets]
    ranked = _by_relevance(bullets, relevance_of_text)
    return [b for b in ranked[:limit] if b]
