"""The ways a CV may word a requirement: "Basic Life Support (BLS)" is shown by "Basic Life Support" or by
"BLS", and "BLS certification" by "BLS". Postings and CVs write credentials with and without their
abbreviation and with or without a trailing "certification"/"licence"; a CV that has the credential must not
look as if it lacked it (issue 14: a nurse's "Basic Life Support (BLS) & ACLS" certificate was hidden).
"""

from __future__ import annotations

import re

from cvmaker.domain.matching.extraction import occurs_in
from cvmaker.domain.matching.text import singular

_PARENTHESISED = re.compile(r"^(?P<outer>[^()]*?)\s*\((?P<inner>[^()]+)\)\s*(?P<rest>[^()]*)$")
# Words that say what kind of thing a requirement is, not which: a CV naming the thing itself shows it.
_QUALIFIER = re.compile(
    r"\s+(?:certification|certificate|certified|card|licen[cs]e|licensure|registration|training|"
    r"skills?|experience|knowledge|proficiency)$",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset({"and", "of", "for", "in", "the", "a", "an", "to", "&"})


def wordings(requirement: str) -> tuple[str, ...]:
    """The requirement as written, without a parenthesised abbreviation, the abbreviation alone (only when it
    is the initials of the words before it, so "German (B2)" never becomes "B2"), each without a trailing
    qualifier word."""
    text = " ".join(requirement.split())
    found = [text]
    parts = _PARENTHESISED.match(text)
    if parts is not None:
        outer, inner, rest = parts.group("outer"), parts.group("inner").strip(), parts.group("rest")
        found.append(" ".join(f"{outer} {rest}".split()))
        if is_abbreviation_of(inner, outer):
            found.append(" ".join(f"{inner} {rest}".split()))
    for wording in list(found):
        bare = _QUALIFIER.sub("", wording)
        # Only a name survives losing its qualifier: "BLS certification" is "BLS", "Driving licence" is not
        # "Driving", nor "Communication skills" "Communication".
        if bare != wording and (len(bare.split()) >= 2 or is_abbreviation_like(bare)):
            found.append(bare)
    return tuple(dict.fromkeys(w for w in found if len(w) >= 2))


def is_abbreviation_like(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return " " not in word.strip() and len(letters) >= 2 and all(c.isupper() for c in letters)


def is_abbreviation_of(short: str, long: str) -> bool:
    """Whether `short` ("ACLS", "GD&T") is made of the initials of `long`'s words, in order."""
    letters = [c for c in short if c.isalpha()]
    if not 2 <= len(letters) <= 8 or any(c.isdigit() for c in short) or not all(c.isupper() for c in letters):
        return False
    initials = "".join(w[0].upper() for w in re.split(r"[\s/-]+", long) if w and w.lower() not in _SMALL_WORDS)
    position = 0
    for letter in letters:
        position = initials.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def names(requirement: str, text: str) -> bool:
    """Whether `text` names the requirement in one of its wordings, as whole words (plural folded)."""
    return any(occurs_in(w, text) or occurs_in(singular(w), text) for w in wordings(requirement))
