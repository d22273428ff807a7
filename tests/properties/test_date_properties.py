"""Dates as the CV shows them read back as the same dates, and no text makes the date reader fail."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cvmaker.domain.cv.model import Item
from cvmaker.domain.parsing.dates import find_range, is_date_text, parse_single
from cvmaker.domain.rendering.plain_text import PRESENT, format_date, format_period

LANGUAGES = st.sampled_from(sorted(PRESENT))
# The reader takes years of the 20th and 21st centuries (parsing/dates.py `_YEAR`): in a CV's text a number such
# as 1200 or 3000 is far more often something else than a year, so the round trip is stated for that range.
READ_YEARS = st.integers(1900, 2099)


@st.composite
def shown_date(draw: st.DrawFn) -> str:
    year = f"{draw(READ_YEARS)}"
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return year
    month = f"{year}-{draw(st.integers(1, 12)):02d}"
    return month if precision == "month" else f"{month}-{draw(st.integers(1, 28)):02d}"


@settings(max_examples=300, deadline=None)
@given(shown_date(), LANGUAGES)
def test_a_formatted_date_reads_back_as_the_same_year_and_month(value: str, language: str) -> None:
    printed = format_date(value, language)

    assert parse_single(printed) == value[:7]
    assert is_date_text(printed)


@st.composite
def dated_item(draw: st.DrawFn) -> Item:
    start, end = sorted([draw(shown_date()), draw(shown_date())])
    current = draw(st.booleans())
    return Item(id="i", start_date=start, end_date=None if current else end, current=current)


@settings(max_examples=300, deadline=None)
@given(dated_item(), LANGUAGES)
def test_a_formatted_period_reads_back_as_the_same_period(item: Item, language: str) -> None:
    printed = format_period(item, language)

    found = find_range(printed)

    assert found is not None
    period, start, end = found
    assert (start, end) == (0, len(printed))
    assert period.start == (item.start_date or "")[:7]
    assert period.current is item.current
    assert period.end == (None if item.current else (item.end_date or "")[:7])
    assert is_date_text(printed)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_the_date_reader_never_fails_on_any_text(value: str) -> None:
    parse_single(value)
    find_range(value)
    is_date_text(value)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Jan", "Sept.", "2020", "1999", "-", "–", " ", "to", "Present", "/", "03", "q2"])))
def test_the_date_reader_never_fails_on_date_like_text(parts: list[str]) -> None:
    value = "".join(parts)
    parse_single(value)
    find_range(value)
    is_date_text(value)
