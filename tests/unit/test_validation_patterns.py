"""Field patterns take exactly what they say: no trailing line break, no digits of other scripts."""

from __future__ import annotations

import pytest

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.errors import InvalidInput
from cvmaker.domain.ids import is_cv_id, new_ulid


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("basics", "email"), "ada@example.org\n"),
        (("design", "accentColor"), "#1f4e79\n"),
        (("design", "margins"), "١٨mm"),  # Arabic-Indic digits
        (("sections", 0, "items", 0, "startDate"), "٢٠٢٠-03"),
        (("sections", 0, "items", 0, "startDate"), "2020-03\n"),
        (("sections", 0, "items", 0, "id"), "item1\n"),
    ],
)
def test_a_value_with_a_trailing_line_break_or_foreign_digits_is_refused(path: tuple[object, ...], value: str) -> None:
    document = CvDocument().to_dict()
    document["sections"] = [
        {
            "id": "s1",
            "kind": "EXPERIENCE",
            "title": "Experience",
            "visible": True,
            "items": [{"id": "item1", "title": "Analyst"}],
        }
    ]
    target: object = document
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(InvalidInput):
        validate_document(document)


def test_ids_take_no_trailing_line_break() -> None:
    cv_id = new_ulid()
    assert is_cv_id(cv_id) and not is_cv_id(cv_id + "\n")
