"""The check on a language model's reading of a CV: every string it returns must occur in the document.

A model is asked (`CvStructurer`) to copy names, titles, employers, schools, dates, bullets, skills and contact
values out of the CV's text. It may still invent (a plausible employer, a tidied title) or obey an instruction
smuggled into the CV. So each returned string is looked up in the document's own text after folding
(Unicode NFKC, case, white space, dashes, quotes, zero-width characters), at word boundaries; a date may come
back normalised ("2019-03") when the text holds a date that reads the same ("March 2019"). What is not found is
dropped and counted; when more than `MAX_INVENTED_SHARE` of the strings are invented, the whole answer is
refused and the heuristic reading stands.

Pure: no I/O. The merge of what passed into the heuristic result is `model_merge`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.dates import DateRange, find_range

# An answer with more invented strings than this share of all it returned is not used at all: a model that
# invents that much has not read this document (or has followed an instruction hidden in it).
MAX_INVENTED_SHARE = 0.2
# Below this many characters (spaces aside) a string must match at word boundaries with its spaces: "Go" is not
# found inside "Google", and a short string found with its spaces ignored would prove nothing.
_MIN_SPACELESS = 8

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_QUOTES = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_EDGES = " \t\n,;:.·•|/-"


@dataclass(frozen=True, slots=True)
class ProposedItem:
    """One entry as the model read it. `dates` is the date or range as printed ("Mar 2019 – Present")."""

    title: str | None = None
    organization: str | None = None
    location: str | None = None
    dates: str | None = None
    description: str | None = None
    bullets: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProposedSection:
    kind: SectionKind
    title: str  # the heading as printed
    items: tuple[ProposedItem, ...] = ()


@dataclass(frozen=True, slots=True)
class ProposedCv:
    """A whole CV as a model read it: untrusted until `check_proposal` has looked up every string."""

    name: str | None = None
    headline: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: tuple[str, ...] = ()
    summary: str | None = None
    sections: tuple[ProposedSection, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckedItem:
    """A proposed item after the check: invented values are None; `dates` is read into a range."""

    proposed: ProposedItem
    dates: DateRange | None
    bullets_complete: bool  # every proposed bullet was found (a partial list never replaces the heuristic's)
    keywords_complete: bool
    invented: int = 0  # how many of its strings were not found (an entry only the model read must have none)


@dataclass(frozen=True, slots=True)
class CheckedSection:
    kind: SectionKind
    title: str | None
    items: tuple[CheckedItem, ...]


@dataclass(frozen=True)
class CheckedCv:
    """What survives of a proposal, and how much of it was invented."""

    proposal: ProposedCv  # invented scalars set to None, invented list members removed
    sections: tuple[CheckedSection, ...]
    checked: int  # strings looked up
    invented: tuple[str, ...] = ()
    unreadable_dates: tuple[str, ...] = ()

    @property
    def refused(self) -> bool:
        """Too much was invented (or nothing could be checked): the heuristic reading stands whole."""
        return self.checked == 0 or len(self.invented) > MAX_INVENTED_SHARE * self.checked


def fold(text: str) -> str:
    """The form strings are compared in: NFKC, case-folded, one kind of dash and quote, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    return " ".join(folded.translate(_DASHES).translate(_QUOTES).split())


def _url_key(url: str) -> str:
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", fold(url))
    return key.split("?", 1)[0].split("#", 1)[0].rstrip("/")


@dataclass(frozen=True)
class DocumentText:
    """The document's visible text, folded once, for looking strings up."""

    text: str
    spaceless: str
    digit_lines: tuple[str, ...]
    url_keys: frozenset[str]
    date_readings: frozenset[tuple[str | None, str | None, bool]]

    @classmethod
    def of(cls, lines: Sequence[str], link_urls: Iterable[str] = ()) -> DocumentText:
        text = fold("\n".join(lines))
        return cls(
            text=text,
            spaceless=text.replace(" ", ""),
            digit_lines=tuple(d for line in lines if (d := re.sub(r"\D", "", line))),
            url_keys=frozenset(k for url in link_urls if (k := _url_key(url))),
            date_readings=frozenset(_readings(lines)),
        )

    def has(self, value: str) -> bool:
        """`value` occurs in the text: at word boundaries, or (when long enough) with spaces ignored."""
        needle = fold(value).strip(_EDGES)
        if not needle:
            return True
        start = self.text.find(needle)
        while start >= 0:
            end = start + len(needle)
            before_ok = not needle[0].isalnum() or start == 0 or not self.text[start - 1].isalnum()
            after_ok = not needle[-1].isalnum() or end == len(self.text) or not self.text[end].isalnum()
            if before_ok and after_ok:
                return True
            start = self.text.find(needle, start + 1)
        spaceless = needle.replace(" ", "")
        return len(spaceless) >= _MIN_SPACELESS and spaceless in self.spaceless

    def has_phone(self, value: str) -> bool:
        digits = re.sub(r"\D", "", value)
        return self.has(value) or (len(digits) >= 7 and any(digits in line for line in self.digit_lines))

    def has_url(self, value: str) -> bool:
        key = _url_key(value)
        return bool(key) and (key in self.url_keys or self.has(key))

    def prints_dates(self, value: str) -> bool:
        """The text prints `value`, or a date or range that reads the same (a date the model normalised)."""
        if self.has(value):
            return True
        found = find_range(value)
        return found is not None and (found[0].start, found[0].end, found[0].current) in self.date_readings


def _readings(lines: Sequence[str]) -> Iterable[tuple[str | None, str | None, bool]]:
    """Every date or range printed on the lines, as read: what a normalised date from the model must match."""
    for line in lines:
        rest = line
        for _ in range(8):  # a line holds a few dates at most
            found = find_range(rest)
            if found is None:
                break
            reading, _, end = found
            yield reading.start, reading.end, reading.current
            if reading.start and not reading.current and reading.end is None:
                yield None, reading.start, False
            rest = rest[end:]


class _Checker:
    def __init__(self, document: DocumentText) -> None:
        self.document = document
        self.checked = 0
        self.invented: list[str] = []
        self.unreadable: list[str] = []

    def text(self, value: str | None) -> str | None:
        return self.kept(value, self.document.has)

    def kept(self, value: str | None, found: Callable[[str], bool]) -> str | None:
        if value is None or not fold(value).strip(_EDGES):  # nothing to look up (empty, or a lone bullet)
            return None
        self.checked += 1
        if found(value):
            return value.strip()
        self.invented.append(value.strip())
        return None

    def texts(self, values: Sequence[str]) -> tuple[tuple[str, ...], bool]:
        """The values found, and whether none was invented."""
        invented = len(self.invented)
        kept = tuple(v for value in values if (v := self.text(value)) is not None)
        return kept, len(self.invented) == invented

    def dates(self, value: str | None) -> DateRange | None:
        if value is None or not fold(value).strip(_EDGES):
            return None
        self.checked += 1
        if not self.document.prints_dates(value):
            self.invented.append(value.strip())
            return None
        found = find_range(value)
        if found is None:  # in the text, but not a date the importer can read: the heuristic's dates stand
            self.unreadable.append(value.strip())
            return None
        return found[0]

    def item(self, item: ProposedItem) -> CheckedItem:
        invented = len(self.invented)
        title, organization, location = self.text(item.title), self.text(item.organization), self.text(item.location)
        dates = self.dates(item.dates)
        description = self.text(item.description)
        bullets, bullets_complete = self.texts(item.bullets)
        keywords, keywords_complete = self.texts(item.keywords)
        kept = ProposedItem(
            title=title,
            organization=organization,
            location=location,
            dates=item.dates if dates is not None else None,
            description=description,
            bullets=bullets,
            keywords=keywords,
        )
        return CheckedItem(
            kept,
            dates,
            bullets_complete and bool(bullets),
            keywords_complete and bool(keywords),
            len(self.invented) - invented,
        )


def check_proposal(proposal: ProposedCv, document: DocumentText) -> CheckedCv:
    """Look every string of `proposal` up in `document`; keep what is found, count what is not."""
    checker = _Checker(document)
    kept = replace(
        proposal,
        name=checker.text(proposal.name),
        headline=checker.text(proposal.headline),
        email=checker.kept(proposal.email, document.has),
        phone=checker.kept(proposal.phone, document.has_phone),
        location=checker.text(proposal.location),
        links=tuple(link for link in proposal.links if checker.kept(link, document.has_url) is not None),
        summary=checker.text(proposal.summary),
        sections=(),
    )
    sections = tuple(
        # A heading the CV does not print (a section it leaves untitled) is no invented fact: it is not counted,
        # and the heuristic's heading (or the default one) stays.
        CheckedSection(
            section.kind,
            section.title if document.has(section.title) else None,
            tuple(map(checker.item, section.items)),
        )
        for section in proposal.sections
    )
    return CheckedCv(kept, sections, checker.checked, tuple(checker.invented), tuple(checker.unreadable))


__all__ = [
    "MAX_INVENTED_SHARE",
    "CheckedCv",
    "CheckedItem",
    "CheckedSection",
    "DocumentText",
    "ProposedCv",
    "ProposedItem",
    "ProposedSection",
    "check_proposal",
    "fold",
]
