"""Which text of an entry's header is which field: title, organization (employer or school), location, dates;
and its body as bullets and paragraphs. Order is detected from the words, not assumed."""

from __future__ import annotations

import re

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.dates import find_range
from cvmaker.domain.parsing.entries import Entry, wraps_into
from cvmaker.domain.parsing.places import (
    is_place_word,
    looks_like_city,
    split_location_suffix,
)
from cvmaker.domain.parsing.roles import (
    degree_score,
    institution_score,
    is_field_of_study,
    merge_company_suffixes,
    org_score,
    title_score,
)
from cvmaker.domain.parsing.rows import Row

_KEY_VALUE = re.compile(
    r"^(?:[\w .'/&-]{0,20}\b(?:gpa|cgpa|grade|grades|score|thesis|dissertation|advisor|adviser|supervisor|courses|"
    r"coursework|honors|honours|minor|major|tools|technologies|tech stack|stack|skills|awards|activities|"
    r"achievements|responsibilities|clients|team|note|notes|focus|specialization|concentration)\s*:\s*\S"
    r"|[\w .'/&-]{2,30}:\s*[\d.,/ ]+(?:/\s*\d+)?\s*$)",
    re.IGNORECASE,
)
# A score is not part of the degree ("BSc Computer Science, GPA 3.8/4.0"); a classification is part of the award
# as conferred and as the person wrote it ("BSc Mathematics, First Class", "MSc Physics, Distinction"), so it
# stays in the degree.
_GRADE = re.compile(r"^(c?gpa|grade|score|percentage|mark|\d+(\.\d+)?\s*(/\s*\d+(\.\d+)?|%))", re.IGNORECASE)
_URL_LIKE = re.compile(r"https?://|www\.|\w\.[a-z]{2,}(?:/|$)")  # "site.dev/talks", not "PGConf.EU"
# A web address on its own, its top-level domain in lower case as addresses are written ("PGConf.EU" is a name).
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_URL_ONLY = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/[\w./%~+-]*)?")
_LINKED_KINDS = {SectionKind.PROJECTS, SectionKind.PUBLICATIONS}
_TOOLS_LINE = re.compile(r"\s+[·|•]\s+|,\s+")
_ISSUED_KINDS = {SectionKind.CERTIFICATIONS, SectionKind.AWARDS, SectionKind.PUBLICATIONS}
_COMMA_KINDS = {SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.VOLUNTEER}
_AT = re.compile(r"\s+(?:at|@|chez|bei)\s+", re.IGNORECASE)


def _date_range(entry: Entry) -> None:
    if not entry.dates:
        return
    joined = " ".join(printed for printed, _ in entry.dates)
    found = find_range(joined)
    if found is None:
        return
    entry.date_range = found[0]
    entry.sources["dates"] = entry.dates[0][1]
    rest = (joined[: found[1]] + joined[found[2] :]).strip(" -–—,()[]")
    if re.search(r"\w", rest):
        entry.notes.append(("A second date in one entry was kept in its description", rest))
        entry.description.append(rest)


def _body_text(entry: Entry) -> None:
    paragraph: list[str] = []
    bullet_x0: float | None = None  # where the text of the current bullet's first line starts
    for row in entry.body:
        text = row.text.strip()
        if not text:
            continue
        if row.bullet:
            if paragraph:
                entry.description.append(_join_lines(paragraph))
                paragraph = []
            entry.bullets.append(text)
            bullet_x0 = row.line.x0
        elif entry.bullets and (
            row.continues_bullet or (bullet_x0 is not None and row.line.style is None and row.line.x0 > bullet_x0 + 1.0)
        ):
            entry.bullets[-1] = _join_wrapped(entry.bullets[-1], text)
        else:
            bullet_x0 = None
            paragraph.append(text)
    if paragraph:
        entry.description.append(_join_lines(paragraph))
    for row in entry.rows:
        for duration in row.durations:
            entry.notes.append(("A duration was left out: it follows from the dates", duration))


def _join_wrapped(first: str, second: str) -> str:
    if first.endswith("-") and second[:1].islower():
        return first[:-1] + second  # "deploy-" + "ment": a hyphenation
    if first.endswith("-") and second[:1].isupper():
        return first + second  # "OR-" + "Tools": a name broken at its own hyphen
    return f"{first} {second}"


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = _join_wrapped(text, line)
    return text


def _header_groups(entry: Entry, right_edge: float, kind: SectionKind) -> list[list[tuple[str, int]]]:
    """Header pieces grouped by visual line, a wrapped line joined with the next."""
    groups: list[list[tuple[str, int]]] = []
    joining = joining_at_comma = False
    for position, row in enumerate(entry.header):
        pieces = [(piece, row.index) for piece in row.pieces if piece]
        if not pieces:
            continue
        if joining and groups:
            last_text, last_index = groups[-1][-1]
            first_text = pieces[0][0]
            glue = ", " if last_text.endswith(",") or joining_at_comma else " "
            glue = "" if last_text.endswith("-") and first_text[:1].islower() else glue  # "route-" + "planning"
            groups[-1][-1] = (last_text.rstrip(",") + glue + first_text, last_index)
            groups[-1].extend(pieces[1:])
        else:
            groups.append(pieces)
        last_span = row.line.spans[-1] if row.line.spans else None
        ends_with_text = last_span is not None and last_span.text.strip().endswith(pieces[-1][0][-3:])
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


def _comma_pieces(group: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for text, index in group:
        if _KEY_VALUE.match(text):
            out.append((text, index))
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
            if len(at) == 2 and title_score(at[0]) > 0:
                out.extend([(at[0], index), (at[1], index)])
            else:
                out.append((part, index))
    return out


def fill_fields(entry: Entry, kind: SectionKind, right_edge: float) -> None:
    """Decide title, organization and location of an entry from its header pieces; the rest is description."""
    _date_range(entry)
    _trailing_keywords(entry)
    _body_text(entry)
    candidates: list[tuple[str, int]] = []
    extras: list[tuple[str, int]] = []
    location: list[str] = []
    location_index: int | None = None
    set_apart = {piece for row in entry.header for piece in row.set_apart}
    for group in _header_groups(entry, right_edge, kind):
        if kind in _COMMA_KINDS and not location and group[-1][0] in set_apart and _is_place(group[-1][0]):
            # "Omnious Co., Ltd. ‖ Seoul, S.Korea": a place set apart at the right of the line.
            location = [group[-1][0]]
            location_index = group[-1][1]
            group = group[:-1]
            if not group:
                continue
        pieces = _comma_pieces(group) if kind in _COMMA_KINDS else group
        texts = [text for text, _ in pieces]
        kept, place = split_location_suffix(texts, allow_whole=len(pieces) <= 3 and bool(candidates))
        if place and not location:
            location = place
            location_index = pieces[len(kept)][1]
        elif place:
            kept = texts
        for position, text in enumerate(kept):
            if _KEY_VALUE.match(text):
                extras.append(pieces[position])
            else:
                candidates.append(pieces[position])
    if location:
        entry.location = ", ".join(location)
        entry.sources["location"] = location_index or 0
    if kind is SectionKind.EDUCATION:
        _education_fields(entry, candidates, extras)
    elif kind in (SectionKind.EXPERIENCE, SectionKind.VOLUNTEER):
        _job_fields(entry, candidates, extras)
    else:
        _generic_fields(entry, candidates, extras, kind)
    entry.description[:0] = [text for text, _ in extras]


def _job_fields(entry: Entry, candidates: list[tuple[str, int]], extras: list[tuple[str, int]]) -> None:
    if not candidates:
        return
    if len(candidates) == 1:
        text, index = candidates[0]
        if title_score(text) > org_score(text):
            entry.title, entry.sources["title"] = text, index
        else:
            entry.organization, entry.sources["organization"] = text, index
        return
    scored = [(title_score(t) - 0.8 * org_score(t), -position) for position, (t, _) in enumerate(candidates)]
    title_position = max(range(len(candidates)), key=lambda i: scored[i])
    others = [i for i in range(len(candidates)) if i != title_position]
    org_position = max(
        others,
        key=lambda i: (org_score(candidates[i][0]) - title_score(candidates[i][0]) * 0.3, -abs(i - title_position), -i),
    )
    entry.title, entry.sources["title"] = candidates[title_position]
    entry.organization, entry.sources["organization"] = candidates[org_position]
    for i in others:
        if i == org_position:
            continue
        text, index = candidates[i]
        beside_employer = i == org_position + 1 and index == candidates[org_position][1]
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


def _education_fields(entry: Entry, candidates: list[tuple[str, int]], extras: list[tuple[str, int]]) -> None:
    if not candidates:
        return
    institution_scores = [institution_score(t) for t, _ in candidates]
    degree_scores = [degree_score(t) for t, _ in candidates]
    institution = max(range(len(candidates)), key=lambda i: (institution_scores[i] - degree_scores[i], -i))
    if institution_scores[institution] <= 0:
        plain = [i for i in range(len(candidates)) if degree_scores[i] == 0 and not is_field_of_study(candidates[i][0])]
        institution = plain[0] if plain else -1
    degree_candidates = [i for i in range(len(candidates)) if i != institution]
    scored = [i for i in degree_candidates if degree_scores[i] >= 1]
    # "Bachelor of Business Administration - BBA, Finance": the first degree-like piece starts the degree.
    degree = scored[0] if scored else (degree_candidates[0] if degree_candidates else -1)
    used: set[int] = set()
    if institution >= 0:
        text, index = candidates[institution]
        used.add(institution)
        following = institution + 1
        # "University of California, Berkeley": a campus name after the school.
        if (
            following < len(candidates)
            and following != degree
            and candidates[following][1] == index
            and looks_like_city(candidates[following][0])
            and len(candidates[following][0].split()) <= 2
            and not is_field_of_study(candidates[following][0])
            and degree_scores[following] == 0
        ):
            text = f"{text}, {candidates[following][0]}"
            used.add(following)
        entry.organization, entry.sources["organization"] = text, index
    if degree >= 0:
        text, index = candidates[degree]
        used.add(degree)
        following = degree + 1
        while (
            following < len(candidates)
            and following not in used
            and candidates[following][1] == index
            and not _GRADE.match(candidates[following][0])
            and institution_scores[following] == 0
            and not (following > institution >= 0 and institution > degree)
        ):
            text = f"{text}, {candidates[following][0]}"
            used.add(following)
            following += 1
        before = degree - 1
        if (
            before >= 0
            and before not in used
            and candidates[before][1] == index
            and institution_scores[before] == 0
            and _CJK.search(text)
            and _CJK.search(candidates[before][0])
        ):
            text = f"{candidates[before][0]} {text}"  # "情報工学 学士": in Japanese the field comes first
            used.add(before)
        fields = [i for i in range(len(candidates)) if i not in used and is_field_of_study(candidates[i][0])]
        if fields and not is_field_of_study(text):
            # "PhD" in one place and "Computer Science" in another: the degree is "PhD, Computer Science".
            text = f"{text}, {candidates[fields[0]][0]}"
            used.add(fields[0])
        entry.title, entry.sources["title"] = text, index
    for i, candidate in enumerate(candidates):
        if i not in used:
            extras.append(candidate)


def _generic_fields(
    entry: Entry, candidates: list[tuple[str, int]], extras: list[tuple[str, int]], kind: SectionKind
) -> None:
    if not candidates:
        return
    entry.title, entry.sources["title"] = candidates[0]
    first_row = next((row for row in entry.header if row.index == candidates[0][1]), None)
    if kind in (SectionKind.CERTIFICATIONS, SectionKind.AWARDS) and first_row is not None:
        # "AWS Certified Machine Learning – Specialty": a certificate's name keeps its dashes.
        whole = first_row.text
        for printed in first_row.dates:
            whole = whole.replace(printed, " ")
        whole = re.sub(r"\s+", " ", whole).strip(" ,;|–—-(")
        if whole:
            entry.title = whole
            candidates = [
                candidate for candidate in candidates if candidate[1] != first_row.index or candidate[0] not in whole
            ]
            candidates.insert(0, (whole, first_row.index))
    if kind in _ISSUED_KINDS:
        candidates = _wrapped_name_joined(entry, candidates)
        entry.title = candidates[0][0]
        name, issuer = _name_and_issuer(entry.title)
        if issuer is not None:
            entry.title = name
            entry.organization, entry.sources["organization"] = issuer, candidates[0][1]
            candidates = [(name, candidates[0][1])] + candidates[1:]
    for position, (text, index) in enumerate(candidates[1:], 1):
        if kind in _LINKED_KINDS and entry.url is None and _URL_ONLY.fullmatch(text.strip()):
            # "github.com/jane/tool" on its own under a project or a talk: where it can be found.
            entry.url = text.strip() if "://" in text else f"https://{text.strip()}"
            entry.sources["url"] = index
            continue
        if (
            kind in _ISSUED_KINDS
            and position == 1
            and entry.organization is None
            and index != candidates[0][1]
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
            and index == candidates[0][1]
            and len(items) >= 2
            and all(len(item.split()) <= 3 for item in items)
        ):
            entry.keywords.extend(items)  # "Gitlytics | Python, Flask, React": the project's stack
        else:
            extras.append((text, index))


def _trailing_keywords(entry: Entry) -> None:
    """ "Python · Django · AWS" as the last line of an entry, after its text: the tools it was done with."""
    if entry.keywords or len(entry.body) < 2 or entry.body[-1].bullet:
        return
    last = entry.body[-1].text.strip()
    if last.endswith((".", ":", ";")):
        return
    items = [item.strip() for item in _TOOLS_LINE.split(last) if item.strip()]
    if (
        len(items) >= 2
        and all(len(item.split()) <= 3 and item[:1].isalnum() for item in items)
        and ("·" in last or "|" in last or "•" in last or all(item[:1].isupper() for item in items))
    ):
        entry.keywords = items
        entry.body.pop()


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


def _wrapped_name_joined(entry: Entry, candidates: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """ "AWS Certified Solutions" / "Architect – Professional" in bold in a narrow column: one name, wrapped.
    The lines that follow the first, in its type and with no date of their own, continue it."""
    rows = {row.index: row for row in entry.header}
    first = rows.get(candidates[0][1])
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
    joined = " ".join(row.text.strip() if row is not first else candidates[0][0] for row in name_rows)
    joined = re.sub(r"(\w)- (\w)", r"\1-\2", joined)  # "route-" + "planning": a word broken at its hyphen
    used = {row.index for row in name_rows}
    return [(joined, first.index)] + [c for c in candidates if c[1] not in used]


def _is_place(text: str) -> bool:
    """ "Seoul, S.Korea", "Mountain View, CA", "Remote": one to three short capitalised parts, no job or company."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not 1 <= len(parts) <= 3 or title_score(text) > 0 or org_score(text) > 0:
        return False
    if len(parts) == 1:
        return is_place_word(parts[0])
    return all(
        is_place_word(p) or looks_like_city(p) or re.fullmatch(r"[A-Z][\w.]*(?:[ .][A-Z][\w.]*)?", p) for p in parts
    )
