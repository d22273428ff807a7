"""An entry's header -> the candidate pieces for its fields: visual lines (a wrapped line joined with the next),
split at commas where a comma separates fields, a key-value note told apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.entries import Entry, wraps_into
from cvmaker.domain.parsing.places import is_place_word, looks_like_city
from cvmaker.domain.parsing.roles import degree_score, institution_score, merge_company_suffixes, org_score, title_score
from cvmaker.domain.parsing.rows import Row


@dataclass(frozen=True, slots=True)
class Candidate:
    """A piece of an entry's header that may be one of its fields (title, organization, location) or a note."""

    text: str
    line: int  # index of the document line it was printed on: where the field came from


KEY_VALUE = re.compile(
    r"^(?:[\w .'/&-]{0,20}\b(?:gpa|cgpa|grade|grades|score|thesis|dissertation|advisor|adviser|supervisor|courses|"
    r"coursework|honors|honours|minor|major|tools|technologies|tech stack|stack|skills|awards|activities|"
    r"achievements|responsibilities|clients|team|note|notes|focus|specialization|concentration)\s*:\s*\S"
    r"|[\w .'/&-]{2,30}:\s*[\d.,/ ]+(?:/\s*\d+)?\s*$)",
    re.IGNORECASE,
)
_AT = re.compile(r"\s+(?:at|chez|bei)\s+|\s+@\s*(?=\w)", re.IGNORECASE)  # "Engineer @Siemens" too


def header_groups(entry: Entry, right_edge: float, kind: SectionKind) -> list[list[Candidate]]:
    """Header pieces grouped by visual line, a wrapped line joined with the next."""
    groups: list[list[Candidate]] = []
    joining = joining_at_comma = False
    for position, row in enumerate(entry.header):
        pieces = [Candidate(piece, row.index) for piece in row.pieces if piece]
        if not pieces:
            continue
        if joining and groups:
            last_text, last_index = groups[-1][-1].text, groups[-1][-1].line
            first_text = pieces[0].text
            glue = ", " if last_text.endswith(",") or joining_at_comma else " "
            glue = "" if last_text.endswith("-") and first_text[:1].islower() else glue  # "route-" + "planning"
            groups[-1][-1] = Candidate(last_text.rstrip(",") + glue + first_text, last_index)
            groups[-1].extend(pieces[1:])
        else:
            groups.append(pieces)
        last_span = row.line.spans[-1] if row.line.spans else None
        ends_with_text = last_span is not None and last_span.text.strip().endswith(pieces[-1].text[-3:])
        dangling = re.search(
            r"\b(of|and|&|for|the|in|at|de|du|des|der|di|da|la|le|y|und|et)$", row.pieces[-1], re.IGNORECASE
        )
        # A trailing comma runs on into the next line, also when the date set apart at the right came after it.
        ends_with_comma = joining_at_comma = row.pieces[-1].endswith(",") or row.text.rstrip().endswith(",")
        joining = (
            ends_with_comma
            or bool(dangling and position + 1 < len(entry.header))
            or (
                ends_with_text
                and row.line.style is None
                and position + 1 < len(entry.header)
                and not entry.header[position + 1].dates
                and wraps_into(row, entry.header[position + 1], right_edge)
                and row.line.bold == entry.header[position + 1].line.bold  # a wrapped line keeps its type
                and len(row.pieces[-1].split()) >= 3
                and not _starts_a_new_field(row, entry.header[position + 1], kind)
            )
        )
    return groups


def _starts_a_new_field(row: Row, following: Row, kind: SectionKind) -> bool:
    """ "BFA, Graphic Design" then "School of the Art Institute": a degree line, then the school's own line."""
    if kind is not SectionKind.EDUCATION or not following.pieces:
        return False
    next_text = following.pieces[0]
    return degree_score(row.text) > 0 and institution_score(next_text.split(",")[0]) > 0


def comma_pieces(group: list[Candidate]) -> list[Candidate]:
    """Pieces split further at commas (not inside a parenthesis or a company name) and at " at "."""
    out: list[Candidate] = []
    for text, index in ((piece.text, piece.line) for piece in group):
        if KEY_VALUE.match(text):
            out.append(Candidate(text, index))
            continue
        # Commas, the Arabic comma, and a space between two Chinese or Japanese words (written without spaces,
        # so a space there sets a title apart from its employer: "高级数据工程师　星辰科技有限公司").
        parts = [
            p.strip()
            for p in re.split(
                r",\s+|,(?=[A-Z])|،\s*|(?<=[\u3040-\u30ff\u4e00-\u9fff])\s+"
                r"(?=[\u3040-\u30ff\u4e00-\u9fff])",
                text,
            )
            if p.strip()
        ]
        # "Software Engineer (Front-End)" keeps its parenthesis; "(MySQL, MongoDB)" is not split inside.
        joined: list[str] = []
        depth = 0
        for part in parts:
            if depth > 0 and joined:
                joined[-1] = f"{joined[-1]}, {part}"
            else:
                joined.append(part)
            depth += part.count("(") - part.count(")")
        for part in merge_company_suffixes(joined):
            at = _AT.split(part, maxsplit=1)
            if len(at) == 2 and (title_score(at[0]) > 0 or _names_a_place_of_work(at[0], at[1])):
                out.extend([Candidate(at[0], index), Candidate(_without_article(at[1]), index)])
            elif (
                (worked_for := _WORKED_FOR.split(part, maxsplit=1))
                and len(worked_for) == 2
                and _for_someone(*worked_for)
            ):
                # "Research assistant to Rocco Macchiavello (LSE)", "Summer Research Assistant, for W. Michael
                # Hanemann": a role held for a person, who is whom the work was for
                out.extend(Candidate(piece, index) for piece in worked_for if piece.strip())
            elif school := _school_in_brackets(part):
                out.extend([Candidate(school[0], index), Candidate(school[1], index)])
            else:
                out.append(Candidate(part, index))
    return out


_WORKED_FOR = re.compile(
    r"(?:^|\s+)(?:to|for)\s+(?=(?:Dr\.?\s+|Prof\.?\s+)?[A-Z][\w.’'-]*\s+"
    r"(?:(?:van|von|de|der|den|da|di|del|le|la|du|dos|das|ten|ter)\s+)*[A-Z])"
)


def _for_someone(before: str, after: str) -> bool:
    """A role ("Research assistant", or nothing when the role is a piece of its own) before a capitalised name."""
    person = re.sub(r"\([^()]*\)?", " ", after)  # "Arthur van Soest (Tilburg University)": where they work
    return (not before.strip() or title_score(before) > 0) and org_score(person) == 0 and len(after.split()) <= 12


def _names_a_place_of_work(before: str, after: str) -> bool:
    """ "Dish washer at restaurant 't Drifke", "Medical measurements at the RadboudUMC": a short role, then a
    named place (a capital, or "the" before one), even when the role has no title word."""
    named = (
        after[:1].isupper()
        or bool(re.match(r"(?:the|a|an)\s+\S", after))
        or any(w[:1].isupper() for w in after.split()[:3])
    )
    if institution_score(before) > 0 or org_score(before) > 0:
        return False  # "The University of Texas at Austin": one name
    return 1 <= len(before.split()) <= 6 and named and not before.rstrip().endswith((".", ":"))


def _without_article(employer: str) -> str:
    """ "the municipality of Nijmegen" -> "municipality of Nijmegen": an article from running text, not part of a
    name ("The Williams Institute" keeps its capital)."""
    return re.sub(r"^(?:the|a|an)\s+(?=\S)", "", employer)


def _school_in_brackets(text: str) -> tuple[str, str] | None:
    """ "Master Interaction Technology (University of Twente)": a degree or role, its school or employer in
    brackets."""
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", text.strip())
    if match is None:
        return None
    before, inside = match.group(1).strip(), match.group(2).strip()
    if institution_score(inside) <= 0 and org_score(inside) <= 0:
        return None
    if degree_score(before) <= 0 and title_score(before) <= 0:
        return None
    return before, inside


def is_place(text: str) -> bool:
    """ "Seoul, S.Korea", "Mountain View, CA", "Remote": one to three short capitalised parts, no job or company."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not 1 <= len(parts) <= 3 or title_score(text) > 0 or org_score(text) > 0:
        return False
    if len(parts) == 1:
        return is_place_word(parts[0])
    return all(
        is_place_word(p) or looks_like_city(p) or re.fullmatch(r"[A-Z][\w.]*(?:[ .][A-Z][\w.]*)?", p) for p in parts
    )
