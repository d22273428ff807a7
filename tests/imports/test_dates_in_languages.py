"""Dates as CVs in French, Spanish, Portuguese, Italian and Dutch print them, with or without accents, the words
those languages use for an ongoing role, and the year written before its months ("2019, Jul – Aug")."""

from __future__ import annotations

import pytest

from cvmaker.domain.parsing.dates import find_range


@pytest.mark.parametrize(
    ("printed", "start", "end", "current"),
    [
        ("Septembre 2024 - Decembre 2025", "2024-09", "2025-12", False),
        ("Fevrier 2020 – Aout 2021", "2020-02", "2021-08", False),
        ("janv. 2020 - févr. 2021", "2020-01", "2021-02", False),
        ("Março 2020 - Junho 2021", "2020-03", "2021-06", False),
        ("Marco 2020 - Junho 2021", "2020-03", "2021-06", False),
        ("Set 2018 – Out 2019", "2018-09", "2019-10", False),
        ("gennaio 2019 – in corso", "2019-01", None, True),
        ("mei 2018 - heden", "2018-05", None, True),
        ("Sept. 2019 – a la fecha", "2019-09", None, True),
        ("09/2022 - Atualmente", "2022-09", None, True),
        ("2019, Jul – Aug", "2019-07", "2019-08", False),
        ("2020, Oct – present", "2020-10", None, True),
        ("2018, Mar", None, "2018-03", False),
        ("Jan 2019 – Mar 2020", "2019-01", "2020-03", False),
    ],
)
def test_dates_in_other_languages(printed: str, start: str, end: str | None, current: bool) -> None:
    found = find_range(printed)
    assert found is not None
    date_range = found[0]
    assert (date_range.start, date_range.end, date_range.current) == (start, end, current)
    assert date_range.printed == printed


def test_two_month_and_year_dates_are_not_read_as_a_year_then_its_months() -> None:
    found = find_range("Jan 2019, Mar 2020")
    assert found is not None and found[0].printed == "Jan 2019"
