"""Degree levels, as postings ask for them and as CVs list them ("BS required", "MSc Computer Science")."""

from __future__ import annotations

import re
from enum import IntEnum


class EducationLevel(IntEnum):
    HIGH_SCHOOL = 1
    ASSOCIATE = 2
    BACHELOR = 3
    MASTER = 4
    DOCTORATE = 5

    @property
    def requirement_text(self) -> str:
        return _TEXT[self]

    @classmethod
    def from_text(cls, text: str) -> EducationLevel | None:
        for level in cls:
            if _TEXT[level] == text:
                return level
        named = levels_named_in(text)
        return max(level for level, _ in named) if named else None


_TEXT = {
    EducationLevel.HIGH_SCHOOL: "High school diploma",
    EducationLevel.ASSOCIATE: "Associate degree",
    EducationLevel.BACHELOR: "Bachelor's degree",
    EducationLevel.MASTER: "Master's degree",
    EducationLevel.DOCTORATE: "Doctorate (PhD)",
}

# Abbreviations such as "MS" and "BA" are read only in capitals: "ms" and "ba" are too often something else.
_PATTERNS: list[tuple[EducationLevel, re.Pattern[str]]] = [
    (EducationLevel.DOCTORATE, re.compile(r"(?i:\bph\.?\s?d\b|\bdoctorate\b|\bdoctoral\b|\bd\.phil\b)|\bDPhil\b")),
    (
        EducationLevel.MASTER,
        re.compile(
            r"(?i:\bmaster(?:'s|s)?\s+(?:degree|of|in)\b|\bmasters\b|\bmaster's\b|\bm\.?sc\b|\bmba\b|\bm\.?eng\b)|"
            r"\bMS\b|\bM\.S\.|\bM\.A\.|\bMA\b(?= in| of)"
        ),
    ),
    (
        EducationLevel.BACHELOR,
        re.compile(
            r"(?i:\bbachelor(?:'s|s)?\b|\bb\.?sc\b|\bb\.?eng\b|\bb\.?tech\b|\bundergraduate degree\b|"
            r"\b(?:university|college) degree\b|\bdegree in\b|\bgraduate degree\b)|\bBS\b|\bB\.S\.|\bBA\b|\bB\.A\."
        ),
    ),
    (EducationLevel.ASSOCIATE, re.compile(r"(?i:\bassociate(?:'s)? degree\b)")),
    (EducationLevel.HIGH_SCHOOL, re.compile(r"(?i:\bhigh school\b)|\bGED\b")),
]


def levels_named_in(text: str) -> list[tuple[EducationLevel, int]]:
    """Each degree level the text names, with where it is first named."""
    text = text.replace("\u2019", "'")
    found = []
    for level, pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((level, match.start()))
    return found
