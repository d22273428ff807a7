"""Any valid CV survives JSON Resume export then import exactly (meta.cvmaker keeps what JSON Resume cannot)."""

from __future__ import annotations

from hypothesis import example, given, settings
from jsonschema import Draft4Validator, FormatChecker

from cvmaker.domain.cv.model import CvDocument, Item, Section, SectionKind
from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.json_resume import from_json_resume, json_resume_schema, to_json_resume
from tests.properties.strategies import cv_documents


def schema_errors(exported: dict[str, object]) -> list[str]:
    validator = Draft4Validator(json_resume_schema(), format_checker=FormatChecker())
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(exported)]


# Our dates may have any four-digit year, JSON Resume's only 1000 to 2999: "0999" was written into the entry,
# which made the export invalid and its import fail. Such a date now stays in meta.cvmaker.
OLD_DATES = CvDocument(
    sections=[
        Section("s", SectionKind.EXPERIENCE, "Experience", items=[Item("i", start_date="0999", end_date="3000-01")]),
        Section("a", SectionKind.AWARDS, "Awards", items=[Item("j", title="Prize", start_date="0042-05-01")]),
    ]
)


@settings(max_examples=60, deadline=None)
@given(cv_documents())
@example(OLD_DATES)
def test_export_then_import_gives_back_the_same_document(document: CvDocument) -> None:
    validate_document(document.to_dict())

    exported = to_json_resume(document)

    assert schema_errors(exported) == []
    assert from_json_resume(exported).to_dict() == document.to_dict()


@settings(max_examples=30, deadline=None)
@given(cv_documents())
@example(OLD_DATES)
def test_export_without_extras_is_a_json_resume_document_we_can_import(document: CvDocument) -> None:
    exported = to_json_resume(document, keep_extras=False)

    assert schema_errors(exported) == []
    validate_document(from_json_resume(exported).to_dict())
