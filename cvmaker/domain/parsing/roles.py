"""Which piece of an entry's header is the job title, the employer, the degree or the school.

Order is detected, not assumed: "Engineer, Acme", "Acme, Engineer", "Acme | Engineer" all give the same answer,
from the words each piece is made of."""

from __future__ import annotations

import re

from cvmaker.domain.parsing.role_words import (
    CJK_DEGREES,
    CJK_INSTITUTIONS,
    CJK_ORGS,
    CJK_TITLE_ENDS,
    COMPANY_SUFFIXES,
    DEGREE_WORDS,
    FIELD_WORDS,
    INSTITUTION_WORDS,
    ORG_WORDS,
    TITLE_HEADS,
    TITLE_WORDS,
)

_TOKEN = re.compile(r"[\w.'’&+\-]+")


def _marked(text: str, marks: tuple[str, ...], at_end: bool = False) -> bool:
    """A Chinese or Japanese word inside a piece (at its end, where a title's or a company's head word is)."""
    stripped = text.strip()
    return any(stripped.endswith(mark) if at_end else mark in stripped for mark in marks)


def words(text: str) -> list[str]:
    return [w.casefold().strip(".,()") or w for w in _TOKEN.findall(text)]


def title_score(text: str) -> float:
    tokens = words(text)
    if not tokens:
        return 0.0
    score = sum(1.0 for t in tokens if t in TITLE_WORDS)
    if tokens[-1] in TITLE_HEADS or (
        len(tokens) > 1 and tokens[-2] in TITLE_HEADS and re.fullmatch(r"i{1,3}|iv|v|\d|\(.*\)", tokens[-1])
    ):
        score += 1.5
    if _marked(text, CJK_TITLE_ENDS, at_end=True):
        score += 2.5  # "高级数据工程师", "シニアエンジニア"
    if "(" in text:  # "Software Engineer (Front-End)"
        inner = text[: text.index("(")]
        if words(inner) and words(inner)[-1] in TITLE_HEADS:
            score += 1.5
    return score


def org_score(text: str) -> float:
    tokens = words(text)
    score = sum(1.0 for t in tokens if t in ORG_WORDS)
    if tokens and tokens[-1] in ORG_WORDS:
        score += 0.5
    if _marked(text, CJK_ORGS + CJK_INSTITUTIONS):
        score += 1.5  # "星辰科技有限公司", "株式会社さくらウェブ"
    return score


def institution_score(text: str) -> float:
    tokens = words(text)
    score = sum(1.5 for t in tokens if t in INSTITUTION_WORDS)
    if re.search(r"\b(of|für|de)\b", text) and score:
        score += 0.5
    if _marked(text, CJK_INSTITUTIONS, at_end=True):
        score += 1.5  # "清华大学", "東京工業大学"
    return score


def degree_score(text: str) -> float:
    tokens = words(text)
    if not tokens:
        return 0.0
    score = sum(1.0 for t in tokens[:4] if t in DEGREE_WORDS)
    if tokens[0] in DEGREE_WORDS:
        score += 1.0
    if _marked(text, CJK_DEGREES) and not _marked(text, CJK_INSTITUTIONS, at_end=True):
        score += 2.0  # "计算机科学硕士", "情報工学 学士"
    if re.match(r"^(B|M|D)\.?\s?(S|A|Sc|Eng|Tech|E|Phil|Ed|F|BA)\.?\b", text.strip()):
        score += 1.0
    return score


def is_field_of_study(text: str) -> bool:
    return any(t in FIELD_WORDS for t in words(text)) and institution_score(text) == 0


def merge_company_suffixes(pieces: list[str]) -> list[str]:
    """["ABC Company", "Inc."] -> ["ABC Company, Inc."]: a comma inside a company name is not a separator."""
    merged: list[str] = []
    for piece in pieces:
        if merged and COMPANY_SUFFIXES.match(piece.strip()):
            merged[-1] = f"{merged[-1]}, {piece.strip()}"
        else:
            merged.append(piece)
    return merged


# Words that name a part of an organisation: "Pulmonology Department, CHU Tengandogo", "Chair of Labour
# Economics, University of Basel", "Instituto de Sociología, Pontificia Universidad Católica de Chile".
UNIT = re.compile(
    r"\b(?:department|dept|division|unit|chair|faculty|school|institute|centre|center|laboratory|lab|group|"
    r"section|service|ward|office|council|committee|departamento|departament|département|instituto|"
    r"institut|escuela|école|facultad|faculté|fakultät|lehrstuhl|abteilung|servicio|servizio|dipartimento|"
    r"cátedra|chaire)\b",
    re.IGNORECASE,
)


UNIT_OF = re.compile(rf"(?:{UNIT.pattern})\s+(?:of|for|de|du|des|für|di)\b", re.IGNORECASE)
