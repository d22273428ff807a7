"""Academic CVs: headings whose head word is qualified by a title word ("Research Experience and Other
Employment", "Doctoral Studies"), roles that stay roles, and dates in a margin whose words the PDF set apart
("Summer | 2015") or wrote with a comma ("Summer, 2025")."""

from __future__ import annotations

import pytest

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.parsing.dates import find_range
from cvmaker.domain.parsing.extracted import Span, TextLine
from cvmaker.domain.parsing.headings import heading_kind
from cvmaker.domain.parsing.rows import make_row


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Research Experience and Other Employment", SectionKind.EXPERIENCE),
        ("Doctoral Studies", SectionKind.EDUCATION),
        ("Research Projects", SectionKind.PROJECTS),
        ("Research Assistant", None),
        ("Head of Education", None),
        ("Senior Research Fellow", None),
    ],
)
def test_a_title_word_qualifying_a_heading_word_is_a_heading(text: str, kind: SectionKind | None) -> None:
    assert heading_kind(text) is kind


def test_a_season_with_a_comma_is_a_date() -> None:
    found = find_range("Summer, 2025")
    assert found is not None and found[0].end == "2025-06"


def test_a_date_split_over_two_spans_is_read_whole() -> None:
    line = TextLine(
        spans=(Span("Summer", x0=72), Span("2015", x0=107), Span("London School of Economics, researcher", x0=143)),
        page=1,
        top=100.0,
        size=10.0,
    )
    row = make_row(0, line)
    assert row.dates == ["Summer 2015"]
    assert "Summer" not in " ".join(row.pieces)
