"""The forms two values are compared in: text without the differences a reader does not see (whitespace, case,
punctuation, the kind of dash), phone numbers as digits, links as printed, dates as "YYYY-MM" or "present"."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# "C#" and "C++" are different skills from "C": those marks stay.
_KEPT_MARKS = frozenset("#+")


def text_key(value: str | None) -> str:
    """`value` as a reader compares it: NFKC, casefolded, every dash and punctuation mark a space, whitespace
    collapsed. Letters of every script and digits are kept."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", value).casefold()
    text = text.translate({ord(dash): " " for dash in _DASHES})
    kept = [
        " " if (unicodedata.category(ch).startswith("P") and ch not in _KEPT_MARKS) or ch == "-" else ch for ch in text
    ]
    return " ".join("".join(kept).split())


def tokens(value: str | None) -> list[str]:
    return text_key(value).split()


def overlap(written: str | None, read: str | None) -> float:
    """How much of the written words the reading kept, as the F1 of the two bags of words: 1 for the same words,
    0 for none in common. Order is not weighed: a line read out of place still reads."""
    ours, theirs = Counter(tokens(written)), Counter(tokens(read))
    if not ours or not theirs:
        return 1.0 if not ours and not theirs else 0.0
    common = sum((ours & theirs).values())
    if not common:
        return 0.0
    recall = common / sum(ours.values())
    precision = common / sum(theirs.values())
    return 2 * recall * precision / (recall + precision)


def phone_key(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def email_key(value: str | None) -> str:
    return re.sub(r"^mailto:", "", (value or "").strip(), flags=re.IGNORECASE).casefold()


def link_key(url: str | None) -> str:
    """A link as a reader sees it printed ("github.com/jane"): the scheme, "www." and a trailing slash are not
    printed, so a machine reading the visible text cannot tell them."""
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", (url or "").strip(), flags=re.IGNORECASE)
    return bare.rstrip("/").casefold()


def date_key(value: str | None, current: bool = False) -> str:
    """A CV date ("2022", "2022-04", "2022-04-01") as the month it names; "present" for a current entry."""
    if current and not value:
        return "present"
    match = re.match(r"^\s*(\d{4})(?:-(\d{2}))?", value or "")
    if not match:
        return ""
    return f"{match.group(1)}-{match.group(2)}" if match.group(2) else match.group(1)
