"""Reactive Resume's dates are free text ("Jan 2020 - Present", "2019 – 2021", "August 2012 to May 2016"): split
here by the date reader the PDF importer uses (`cvmaker.domain.parsing.dates`), into the startDate and endDate the
JSON Resume reader then normalises with every other file's dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from cvmaker.domain.parsing import dates

# The word the JSON Resume reader takes for an open end (a current role or study).
OPEN_END = "Present"
_AROUND = " ,;|·()[]-\u2013\u2014"


@dataclass(frozen=True)
class Period:
    """A period's ends as partial ISO dates; `end` is OPEN_END for an ongoing one. `more` says the text held
    something besides the dates (a note such as "expected"), which is not read."""

    start: str | None
    end: str | None
    more: bool = False


def read_period(text: str) -> Period | None:
    """The period `text` names, or None when it holds no date this reader knows."""
    t = " ".join(text.split())
    if not t:
        return None
    if open_range := dates.OPEN_RANGE.fullmatch(t):  # "June 2022 –": still going
        start = dates.parse_single(open_range.group(1))
        if start:
            return Period(start, OPEN_END)
    found = dates.find_range(t)
    if found is None:
        return None
    span, begin, end = found
    rest = (t[:begin] + t[end:]).strip(_AROUND)
    more = bool(rest) and not dates.DURATION.match(rest)
    if span.current:
        return Period(span.start, OPEN_END, more)
    if span.start is None:  # one date: the period began and ended then
        return Period(span.end, span.end, more)
    return Period(span.start, span.end, more)


def read_date(text: str) -> Period | None:
    """The one date of a field that holds a single date (an award's, a certificate's): a range gives its start."""
    period = read_period(text)
    if period is None or period.start is None:
        return None
    return Period(period.start, None, period.more)
