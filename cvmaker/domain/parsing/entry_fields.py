"""Which text of an entry's header is which field: title, organization (employer or school), location, dates;
and its body as bullets and paragraphs. Order is detected from the words, not assumed.

The header is cut into candidate pieces (`entry_header`); a job's pieces are weighed here, a degree's in
`education_fields`, anything else (projects, certificates, awards, publications) is read in order."""

from __future__ import annotations

import re

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.dates import find_range
from cvmaker.domain.parsing.education_fields import education_fields
from cvmaker.domain.parsing.entries import Entry
from cvmaker.domain.parsing.entry_body import read_body, read_dates, take_trailing_keywords
from cvmaker.domain.parsing.entry_header import KEY_VALUE, Candidate, comma_pieces, header_groups, is_place
from cvmaker.domain.parsing.places import is_place_word, looks_like_city, split_location_suffix
from cvmaker.domain.parsing.roles import UNIT, UNIT_OF, org_score, title_score

_URL_LIKE = re.compile(r"https?://|www\.|\w\.[a-z]{2,}(?:/|$)")  # "site.dev/talks", not "PGConf.EU"
# A web address on its own, its top-level domain in lower case as addresses are written ("PGConf.EU" is a name).
_URL_ONLY = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/[\w./%~+-]*)?")
_LINKED_KINDS = {SectionKind.PROJECTS, SectionKind.PUBLICATIONS}
_ISSUED_KINDS = {SectionKind.CERTIFICATIONS, SectionKind.AWARDS, SectionKind.PUBLICATIONS}
_COMMA_KINDS = {SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.VOLUNTEER}

# Choosing a job's title: each employer word counts against a piece, but less than a title word counts for it.
# So a title that holds an employer word ("Software Engineer": "software" is one) still scores above zero and
# beats a piece of neither kind, while a company name (employer words only) scores below both.
TITLE_AGAINST_EMPLOYER = 0.8
# Choosing the employer among the other pieces: title words count only a little against a piece, because
# company names hold them too ("Principal Financial Group": "principal" is a title word), and the title has
# already been taken out.
EMPLOYER_AGAINST_TITLE = 0.3


def fill_fields(entry: Entry, kind: SectionKind, right_edge: float) -> None:
    """Decide title, organization and location of an entry from its header pieces; the rest is description."""
    read_dates(entry)
    take_trailing_keywords(entry)
    read_body(entry)
    candidates: list[Candidate] = []
    extras: list[Candidate] = []
    location: list[str] = []
    location_index: int | None = None
    set_apart = {piece for row in entry.header for piece in row.set_apart}
    for group in header_groups(entry, right_edge, kind):
        if kind in _COMMA_KINDS and not location and group[-1].text in set_apart and is_place(group[-1].text):
            # "Omnious Co., Ltd. ‖ Seoul, S.Korea": a place set apart at the right of the line.
            location = [group[-1].text]
            location_index = group[-1].line
            group = group[:-1]
            if not group:
                continue
        pieces = comma_pieces(group) if kind in _COMMA_KINDS else group
        texts = [piece.text for piece in pieces]
        kept, place = split_location_suffix(texts, allow_whole=len(pieces) <= 3 and bool(candidates))
        if place and not location:
            location = place
            location_index = pieces[len(kept)].line
        elif place:
            kept = texts
        for position, text in enumerate(kept):
            if KEY_VALUE.match(text):
                extras.append(pieces[position])
            else:
                candidates.append(pieces[position])
    if location:
        entry.location = ", ".join(location)
        entry.sources["location"] = location_index or 0
    if kind is SectionKind.EDUCATION:
        education_fields(entry, candidates, extras)
    elif kind in (SectionKind.EXPERIENCE, SectionKind.VOLUNTEER):
        _job_fields(entry, candidates, extras)
    else:
        _generic_fields(entry, candidates, extras, kind)
    entry.description[:0] = [extra.text for extra in extras]
    # ": Kocaeli University" after a label cut off at its colon: the punctuation is no part of the name
    # "Lead Teacher:" before its school, "@Siemens" after the title: the punctuation joins, it names nothing
    entry.title = entry.title.lstrip(" :;,–—-@").rstrip(" :;,") or None if entry.title else entry.title
    entry.organization = entry.organization.lstrip(" :;,–—-@") or None if entry.organization else entry.organization
    if kind in (SectionKind.EXPERIENCE, SectionKind.VOLUNTEER) and entry.organization:
        _place_in_brackets(entry)


def _place_in_brackets(entry: Entry) -> None:
    """ "Prometeia (Bologna)": the employer, its town in brackets; the town is the entry's place."""
    match = re.fullmatch(r"(.*\S)\s*\(([^()]+)\)", entry.organization or "")
    if match is None:
        return
    name, inside = match.group(1), match.group(2).strip()
    acronym = re.fullmatch(r"[A-Z0-9&.-]{2,6}", inside) is not None  # "(TSE)", "(LSE)": the name's short form
    if acronym or org_score(inside) > 0 or not (is_place_word(inside) or looks_like_city(inside)):
        return
    entry.organization = name
    if not entry.location:
        entry.location = inside


def _job_fields(entry: Entry, candidates: list[Candidate], extras: list[Candidate]) -> None:
    if not candidates:
        return
    if len(candidates) == 1:
        only = candidates[0]
        if title_score(only.text) > org_score(only.text):
            entry.title, entry.sources["title"] = only.text, only.line
        else:
            entry.organization, entry.sources["organization"] = only.text, only.line
        return
    # The most title-like piece, the first of equals.
    title_position = max(
        range(len(candidates)),
        key=lambda i: (
            title_score(candidates[i].text) - TITLE_AGAINST_EMPLOYER * org_score(candidates[i].text),
            -i,
        ),
    )
    others = [i for i in range(len(candidates)) if i != title_position]
    # The most employer-like of the others; of equals the one nearest the title, then the first.
    org_position = max(
        others,
        key=lambda i: (
            not _reads_as_sentence(candidates[i].text),
            org_score(candidates[i].text) - title_score(candidates[i].text) * EMPLOYER_AGAINST_TITLE,
            -abs(i - title_position),
            -i,
        ),
    )
    entry.title, entry.sources["title"] = candidates[title_position].text, candidates[title_position].line
    entry.organization, entry.sources["organization"] = candidates[org_position].text, candidates[org_position].line
    joined = _parent_beside(candidates, org_position, title_position)
    if joined is not None:
        first, second = sorted((org_position, joined))
        entry.organization = f"{candidates[first].text}, {candidates[second].text}"
    for i in others:
        if i == org_position or i == joined:
            continue
        text, index = candidates[i].text, candidates[i].line
        beside_employer = i == org_position + 1 and index == candidates[org_position].line
        if (
            beside_employer
            and entry.location is None
            and looks_like_city(text)
            and len(text.split()) <= 3
            and title_score(text) == 0
            and org_score(text) == 0
        ):
            entry.location, entry.sources["location"] = text, index  # "Zalando SE, Berlin"
            continue
        extras.append(candidates[i])


def _parent_beside(candidates: list[Candidate], org_position: int, title_position: int) -> int | None:
    """The piece beside the employer on its line when one of the two names a part of the other ("Department of
    Economics, McMaster University"): the employer is both, as printed. A place, a title or a piece on
    another line is no part of the name."""
    org = candidates[org_position]
    for i in (org_position + 1, org_position - 1):
        if not 0 <= i < len(candidates) or i == title_position:
            continue
        text = candidates[i].text
        if candidates[i].line != org.line and not _unit_over_parent(
            candidates[min(i, org_position)], candidates[max(i, org_position)]
        ):
            continue
        named = org_score(text) > 0 or UNIT.search(text) is not None  # "University of California" is no place
        unit_of = UNIT_OF.match(text) is not None  # "Chair of Labour Economics": a unit, though "chair" is a role
        if (
            title_score(text) > org_score(text)
            and not unit_of
            or not named
            and (looks_like_city(text) or is_place(text))
        ):
            continue
        if len(text.split()) > 12 or KEY_VALUE.match(text):
            continue
        if UNIT.search(org.text) and (named or text[:1].isupper()) or named and org_score(org.text) > 0:
            return i
    return None


def _unit_over_parent(upper: Candidate, lower: Candidate) -> bool:
    """ "Department of Integrative Biology" on one line, "University of California" on the next: a unit printed
    over the organisation it belongs to."""
    return lower.line == upper.line + 1 and UNIT_OF.match(upper.text) is not None and org_score(lower.text) > 0


_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "de",
        "del",
        "der",
        "des",
        "di",
        "du",
        "e",
        "en",
        "et",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "und",
        "with",
        "y",
    ]
)


def _reads_as_sentence(text: str) -> bool:
    """ "Built the PLC runtime.": a sentence of the description (its full stop after a word in lower case), not an
    employer, whatever company words it holds ("Acme Inc." ends in a capital)."""
    words = text.split()
    if len(words) >= 3 and text.endswith(".") and words[-1][:1].islower():
        return True
    # "Developed web-based tools for time-series forecasting": a long line of words in lower case is what was
    # done, where an employer's name is in capitals ("Centre for Addiction and Mental Health").
    content = [w for w in words if w.casefold() not in _SMALL_WORDS and w[:1].isalpha()]
    return len(words) >= 5 and sum(w[:1].islower() for w in content) * 2 > len(content)


def _generic_fields(entry: Entry, candidates: list[Candidate], extras: list[Candidate], kind: SectionKind) -> None:
    if not candidates:
        return
    entry.title, entry.sources["title"] = candidates[0].text, candidates[0].line
    first_row = next((row for row in entry.header if row.index == candidates[0].line), None)
    if kind in (SectionKind.CERTIFICATIONS, SectionKind.AWARDS) and first_row is not None:
        # "AWS Certified Machine Learning – Specialty": a certificate's name keeps its dashes.
        whole = first_row.text
        for printed in first_row.dates:
            whole = whole.replace(printed, " ")
        whole = re.sub(r"\s+", " ", whole).strip(" ,;|–—-(")
        if whole:
            entry.title = whole
            candidates = [c for c in candidates if c.line != first_row.index or c.text not in whole]
            candidates.insert(0, Candidate(whole, first_row.index))
    if kind in _ISSUED_KINDS:
        candidates = _wrapped_name_joined(entry, candidates)
        entry.title = candidates[0].text
        name, issuer = _name_and_issuer(entry.title)
        if issuer is not None:
            entry.title = name
            entry.organization, entry.sources["organization"] = issuer, candidates[0].line
            candidates = [Candidate(name, candidates[0].line)] + candidates[1:]
    for position, candidate in enumerate(candidates[1:], 1):
        text, index = candidate.text, candidate.line
        if kind in _LINKED_KINDS and entry.url is None and _URL_ONLY.fullmatch(text.strip()):
            # "github.com/jane/tool" on its own under a project or a talk: where it can be found.
            entry.url = text.strip() if "://" in text else f"https://{text.strip()}"
            entry.sources["url"] = index
            continue
        if (
            kind in _ISSUED_KINDS
            and position == 1
            and entry.organization is None
            and index != candidates[0].line
            and len(text.split()) <= 6
            and not text.rstrip().endswith(".")
            and not _URL_LIKE.search(text)
            and "," not in text
        ):  # "Jane Doe, John Roe": a paper's authors, not its publisher
            # The issuer, publisher or giver on its own short line under the name.
            entry.organization, entry.sources["organization"] = text, index
            continue
        items = [item.strip() for item in text.split(",") if item.strip()]
        if (
            kind is SectionKind.PROJECTS
            and index == candidates[0].line
            and len(items) >= 2
            and all(len(item.split()) <= 3 for item in items)
        ):
            entry.keywords.extend(items)  # "Gitlytics | Python, Flask, React": the project's stack
        else:
            extras.append(Candidate(text, index))


def _name_and_issuer(text: str) -> tuple[str, str | None]:
    """ "Certified Kubernetes Administrator, CNCF", "Best Paper, NeurIPS": a certificate, award or talk, then after
    the last comma who gave or published it, a short name in capitals (not a date, a place or a sentence)."""
    name, comma, issuer = text.rpartition(", ")
    issuer = issuer.strip()
    if (
        not comma
        or not name.strip()
        or not 1 <= len(issuer.split()) <= 5
        or not issuer[:1].isupper()
        or issuer.endswith(".")
        or find_range(issuer) is not None
        or re.search(r"\d{4}", issuer)
        or is_place_word(issuer)
        or name.count("(") != name.count(")")
    ):
        return text, None
    return name.strip(), issuer


def _wrapped_name_joined(entry: Entry, candidates: list[Candidate]) -> list[Candidate]:
    """ "AWS Certified Solutions" / "Architect – Professional" in bold in a narrow column: one name, wrapped.
    The lines that follow the first, in its type and with no date of their own, continue it."""
    rows = {row.index: row for row in entry.header}
    first = rows.get(candidates[0].line)
    if first is None:
        return candidates
    style = (first.line.bold, round(first.line.size, 1))
    name_rows = [first]
    for row in entry.header[entry.header.index(first) + 1 :]:
        if row.dates or (row.line.bold, round(row.line.size, 1)) != style or not row.pieces:
            break
        name_rows.append(row)
    if len(name_rows) < 2 or not first.line.bold:
        return candidates
    joined = " ".join(row.text.strip() if row is not first else candidates[0].text for row in name_rows)
    joined = re.sub(r"(\w)- (\w)", r"\1-\2", joined)  # "route-" + "planning": a word broken at its hyphen
    used = {row.index for row in name_rows}
    return [Candidate(joined, first.index)] + [c for c in candidates if c.line not in used]
