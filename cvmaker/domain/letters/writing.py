"""A cover letter written by rules from a CV's own facts: its roles (in the tense their dates call for, dated as a
person writes dates), the requirements it meets and its bullets, quoted as they are; in the CV's language
(English, German, French or Spanish; English for others). The job's title and company are the only words taken
from the posting."""

from __future__ import annotations

import re

from cvmaker.domain.letters.phrases import Phrases, phrases_for, written_date
from cvmaker.domain.matching.tailoring import LetterBrief, LetterRole

MAX_HIGHLIGHTS = 3
MAX_SKILLS = 6
# French drops the vowel of "que" and "de" before a word starting with a vowel: "en tant qu'ingénieur",
# "au poste d'analyste". ("h" is left alone: whether it elides depends on the word.)
_FRENCH_ELISION = re.compile(r"\b(qu|d)e (?=[aeiouyàâæéèêëîïôœùûüAEIOUYÀÂÆÉÈÊËÎÏÔŒÙÛÜ])")


def rules_cover_letter(brief: LetterBrief) -> str:
    words = phrases_for(brief.language)
    opening = (words.applying_at if brief.company else words.applying).format(
        title=brief.job_title, company=brief.company
    )
    if brief.roles:
        opening += " " + role_sentence(brief.roles[0], words)
    if brief.language == "fr":
        opening = _FRENCH_ELISION.sub(lambda found: f"{found.group(1)}'", opening)
    paragraphs = [words.greeting, opening]
    if brief.matched_requirements:
        paragraphs.append(words.shows.format(skills=listed(list(brief.matched_requirements[:MAX_SKILLS]), words)))
    if brief.highlights:
        # Quoted as the CV has them: the person's own words, not the writer's.
        points = "\n".join(f"- {h.strip()}" for h in brief.highlights[:MAX_HIGHLIGHTS] if h.strip())
        paragraphs.append(f"{words.done}\n{points}")
    paragraphs.append(words.thanks)
    paragraphs.append(f"{words.closing}\n{brief.name}" if brief.name else words.closing.rstrip(","))
    return "\n\n".join(paragraphs)


def listed(items: list[str], words: Phrases) -> str:
    """ "SQL, Python and Power BI" in the letter's language."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {words.and_word} " + items[-1]


def is_current(role: LetterRole) -> bool:
    """Marked current, or begun and never ended (how many CVs show the role they are in)."""
    return role.current or (bool(role.start_date) and not role.end_date)


def role_sentence(role: LetterRole, words: Phrases) -> str:
    """ "I work as Data Analyst at Contoso, since March 2020." or "I worked as Analyst at Fabrikam from 2018 to
    2021." (and their German, French and Spanish)."""
    if role.title and role.organization:
        what = words.role_at.format(title=role.title, organization=role.organization)
    else:
        what = role.title or words.role_only_at.format(organization=role.organization)
    start = written_date(role.start_date, words) if role.start_date else None
    if is_current(role):
        return words.works.format(role=what, since=start) if start else words.works_undated.format(role=what)
    end = written_date(role.end_date, words) if role.end_date else None
    if start and end:
        period = words.period_one.format(date=start) if start == end else words.period.format(start=start, end=end)
        return words.worked.format(role=what, period=period)
    return words.worked_undated.format(role=what)
