"""The no-fabrication rule, checked by code: a tailored CV or a cover letter may only state facts the source CV
states. Whatever wrote the text (rules or a language model, whatever a job posting told it), a change that names
an employer, title, date, degree, institution, number or skill the source CV does not have is dropped.

For structured content the check is exact: items keep their ids, employers, titles, dates and places; bullets and
keywords may be reordered or hidden but each one must be the source's. For free text (a summary, a letter) it is a
set of rules that err on the side of refusing:
- every number (a metric, a year) must occur in the source;
- every skill the vocabulary knows must be one the source names;
- every degree level must be one the source names;
- every capitalised word (a name: employer, school, product, place, month) must occur in the source, except
  ordinary words opening a sentence;
- words of rank ("VP", "Director", "Senior") must occur in the source;
- no markup and no links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cvmaker.domain.cv.model import CvDocument, Item
from cvmaker.domain.matching.cv_facts import passages
from cvmaker.domain.matching.education import levels_named_in
from cvmaker.domain.matching.stopwords import STOPWORDS
from cvmaker.domain.matching.text import sentences, tokens
from cvmaker.domain.matching.vocabulary import Vocabulary
from cvmaker.domain.rendering.plain_text import FULL_MONTHS, detect_script, format_period

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_MARKUP = re.compile(r"<[a-zA-Z/!]|https?:|www\.|\]\(|javascript:", re.IGNORECASE)
RANK_WORDS = frozenset(
    {
        "vp",
        "vice",
        "president",
        "director",
        "head",
        "chief",
        "cto",
        "ceo",
        "cfo",
        "coo",
        "cio",
        "ciso",
        "manager",
        "lead",
        "principal",
        "senior",
        "staff",
        "founder",
        "cofounder",
        "partner",
        "architect",
        "executive",
        "officer",
        "intern",
        "phd",
        "doctor",
        "professor",
        "fellow",
    }
)
# Words that may open a sentence in a summary or a letter without naming anything.
# "I" is capitalised wherever it stands, and is never a name.
FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
SENTENCE_OPENERS = frozenset(
    [
        "experienced",
        "skilled",
        "accomplished",
        "seasoned",
        "dedicated",
        "proven",
        "versatile",
        "motivated",
        "passionate",
        "professional",
        "results-driven",
        "detail-oriented",
        "focused",
        "known",
        "adept",
        "strong",
        "background",
        "career",
        "expertise",
        "currently",
        "recently",
        "previously",
        "most",
        "over",
        "across",
        "as",
        "at",
        "in",
        "with",
        "for",
        "from",
        "by",
        "on",
        "my",
        "i",
        "i'm",
        "i've",
        "i",
        "am",
        "this",
        "that",
        "these",
        "those",
        "the",
        "a",
        "an",
        "dear",
        "thank",
        "thanks",
        "sincerely",
        "regards",
        "kind",
        "best",
        "yours",
        "please",
        "looking",
        "eager",
        "excited",
        "keen",
        "happy",
        "glad",
        "bringing",
        "having",
        "while",
        "during",
        "through",
        "together",
        "today",
        "here",
        "there",
        "it",
        "its",
        "each",
        "both",
        "every",
        "since",
        "throughout",
    ]
)
COVER_LETTER_WORDS = frozenset(
    {
        "dear",
        "hiring",
        "manager",
        "team",
        "sincerely",
        "regards",
        "kind",
        "best",
        "yours",
        "recruiter",
        "recruiting",
        "cv",
    }
)


@dataclass(frozen=True, slots=True)
class SourceFacts:
    words: frozenset[str]  # every folded word of the source CV
    numbers: frozenset[str]
    skills: frozenset[str]  # vocabulary keys
    degree_levels: frozenset[int]


def source_facts(document: CvDocument, vocabulary: Vocabulary) -> SourceFacts:
    texts = [p.text for p in passages(document)]
    basics = document.basics
    texts += [t for t in (basics.name, basics.location, basics.headline) if t]
    languages = dict.fromkeys(("en", detect_script(document).language))
    for section in document.sections:
        texts.append(section.title)
        for item in section.items:
            texts += [t for t in (item.location, item.start_date, item.end_date) if t]
            # The dates as every rendering of the CV shows them ("Mar 2020 – Present"), and their months in full.
            texts += [period for language in languages if (period := format_period(item, language))]
            texts += [_full_month(date) for date in (item.start_date, item.end_date) if date and len(date) >= 7]
    text = "\n".join(texts)
    # Free text is checked sentence by sentence (`_unknown_names`), and a sentence break can fall inside what
    # reads as one token in the whole text ("team.Improved"): the source's words are read both ways.
    words = {t.key for t in tokens(text)} | {t.key for sentence in sentences(text) for t in tokens(sentence)}
    return SourceFacts(
        words=frozenset(words),
        numbers=frozenset(_numbers(text)),
        skills=frozenset(vocabulary.skills_in(text))
        | frozenset(
            skill.key
            for section in document.sections
            for item in section.items
            for keyword in item.keywords
            if (skill := vocabulary.lookup(keyword)) is not None
        ),
        degree_levels=frozenset(int(level) for level, _ in levels_named_in(text)),
    )


def _full_month(date: str) -> str:
    month = date[5:7]
    return FULL_MONTHS[int(month) - 1] if month.isdigit() and 1 <= int(month) <= 12 else ""


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def text_problems(
    candidate: str, source: SourceFacts, vocabulary: Vocabulary, also_allowed: Iterable[str] = ()
) -> list[str]:
    """Why `candidate` states something the source does not; empty when it states nothing new."""
    extra = list(also_allowed)
    allowed = source.words | {t.key for phrase in extra for t in tokens(phrase)}
    allowed_skills = source.skills | {key for phrase in extra for key in vocabulary.skills_in(phrase)}
    problems: list[str] = []
    if _MARKUP.search(candidate):
        problems.append("it contains markup or a link")
    for number in sorted(_numbers(candidate) - source.numbers):
        problems.append(f"the number {number} is not in your CV")
    for key, skill in sorted(vocabulary.skills_in(candidate).items()):
        if key not in allowed_skills:
            problems.append(f"the skill {skill.name} is not in your CV")
    for level, _ in levels_named_in(candidate):
        if int(level) not in source.degree_levels:
            problems.append(f"a {level.requirement_text.lower()} is not in your CV")
    for word in _unknown_names(candidate, allowed):
        problems.append(f"{word!r} does not appear in your CV")
    return list(dict.fromkeys(problems))


def _unknown_names(candidate: str, allowed: frozenset[str]) -> list[str]:
    unknown: list[str] = []
    for sentence in sentences(candidate):
        for position, token in enumerate(tokens(sentence)):
            if token.key in allowed:
                continue
            if token.key in RANK_WORDS:
                unknown.append(token.text)
                continue
            if not token.text[:1].isupper() or token.key in FIRST_PERSON:
                continue
            opener = position == 0 or sentence[: token.start].rstrip().endswith((":", "-"))
            if opener and (token.key in SENTENCE_OPENERS or token.key in STOPWORDS):
                continue
            unknown.append(token.text)
    return list(dict.fromkeys(unknown))


def document_problems(candidate: CvDocument, source: CvDocument, vocabulary: Vocabulary) -> list[str]:
    """Why a tailored document is not a rearrangement of `source`: items and sections must be the source's, with
    the same facts; bullets and keywords the source's own; the summary and descriptions free of new facts."""
    problems: list[str] = []
    facts = source_facts(source, vocabulary)
    if (candidate.basics.name, candidate.basics.email, candidate.basics.phone, candidate.basics.location) != (
        source.basics.name,
        source.basics.email,
        source.basics.phone,
        source.basics.location,
    ):
        problems.append("the contact details changed")
    if candidate.basics.headline != source.basics.headline and candidate.basics.headline:
        problems += [f"headline: {p}" for p in text_problems(candidate.basics.headline, facts, vocabulary)]
    if candidate.summary and candidate.summary != source.summary:
        problems += [f"summary: {p}" for p in text_problems(candidate.summary, facts, vocabulary)]
    for section in candidate.sections:
        original = source.find_section(section.id)
        if original is None or original.kind != section.kind:
            problems.append(f"the section {section.title!r} is not in your CV")
            continue
        for item in section.items:
            found = source.find_item(item.id)
            if found is None:
                problems.append(f"the entry {item.title or item.organization or item.id!r} is not in your CV")
                continue
            problems += _item_problems(item, found[1], facts, vocabulary)
    return problems


def _item_problems(item: Item, original: Item, facts: SourceFacts, vocabulary: Vocabulary) -> list[str]:
    problems = []
    label = original.title or original.organization or original.id
    for name in ("title", "organization", "location", "start_date", "end_date", "current", "url"):
        if getattr(item, name) != getattr(original, name):
            problems.append(f"{label}: the {name.replace('_', ' ')} changed")
    for bullet in item.bullets:
        if bullet not in original.bullets:
            problems += [f"{label}: {p}" for p in text_problems(bullet, facts, vocabulary)]
    new_keywords = [k for k in item.keywords if k not in original.keywords]
    if new_keywords:
        problems.append(f"{label}: the skills {', '.join(new_keywords)} are not in this entry of your CV")
    if item.description and item.description != original.description:
        problems += [f"{label}: {p}" for p in text_problems(item.description, facts, vocabulary)]
    return problems
