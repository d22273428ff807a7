"""A cover letter written by rules from a CV's own facts: its roles, the requirements it meets and its bullets,
quoted as they are. The job's title and company are the only words taken from the posting."""

from __future__ import annotations

from cvmaker.domain.matching.tailoring import LetterBrief

MAX_HIGHLIGHTS = 3


def rules_cover_letter(brief: LetterBrief) -> str:
    where = f" at {brief.company}" if brief.company else ""
    paragraphs = ["Dear Hiring Manager,", f"I am applying for the {brief.job_title} role{where}."]
    if brief.recent_roles:
        paragraphs[-1] += f" Most recently I worked as {brief.recent_roles[0]}."
    if brief.matched_requirements:
        skills = list(brief.matched_requirements[:6])
        listed = skills[0] if len(skills) == 1 else ", ".join(skills[:-1]) + " and " + skills[-1]
        paragraphs.append(f"My CV shows the {listed} this role asks for.")
    if brief.highlights:
        points = "\n".join(f"- {h.strip().rstrip('.')}." for h in brief.highlights[:MAX_HIGHLIGHTS])
        paragraphs.append(f"Some of what I have done:\n{points}")
    paragraphs.append("Thank you for your time. I would welcome the chance to talk about the role.")
    paragraphs.append(f"Kind regards,\n{brief.name}" if brief.name else "Kind regards")
    return "\n\n".join(paragraphs)
