"""Validation of a CV document in its dict form, with a field path for every problem.

Shape and sizes are a JSON Schema (checked by `jsonschema`); the rules a schema cannot say (unique ids, dates
in order, the template allow-list, the total size) are code below. Nothing here trusts the input's size: messages
name limits, never echo values.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from functools import cache
from typing import Any

from cvmaker.domain import limits
from cvmaker.domain.cv import design
from cvmaker.domain.cv.messages import (
    DATE_MESSAGE,
    EMAIL_MESSAGE,
    INVALID_MESSAGE,
    REQUIRED_MESSAGE,
    URL_MESSAGE,
    at_least,
    at_most_characters,
    at_most_entries,
)
from cvmaker.domain.cv.model import SectionColumn, SectionKind
from cvmaker.domain.errors import FieldProblem, InvalidInput, Problems

# \Z, not $: `$` also matches before a final line break. [0-9], not \d: \d takes any script's digits.
PARTIAL_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z"
MAX_REPORTED_PROBLEMS = 50


def _text(max_length: int, nullable: bool = True) -> dict[str, Any]:
    return {"type": ["string", "null"] if nullable else "string", "maxLength": max_length}


def _url() -> dict[str, Any]:
    return {
        "type": ["string", "null"],
        "maxLength": limits.MAX_URL,
        "pattern": r"^(https?://|mailto:|tel:)\S+\Z",
        "errorMessage": URL_MESSAGE,
    }


def _text_list(max_items: int, max_length: int) -> dict[str, Any]:
    return {"type": "array", "maxItems": max_items, "items": {"type": "string", "maxLength": max_length}}


def _date() -> dict[str, Any]:
    return {
        "type": ["string", "null"],
        "pattern": PARTIAL_DATE,
        "errorMessage": DATE_MESSAGE,
    }


CV_DOCUMENT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "basics", "sections", "design"],
    "properties": {
        "title": {"type": "string", "minLength": 1, "maxLength": limits.MAX_TITLE},
        "summary": _text(limits.MAX_SUMMARY),
        # Plain JSON kept from an import (bounded by the document's size limit below).
        "imported": {"type": ["object", "null"]},
        # Values kept as typed that could not be read yet (`domain.cv.lenient`): never rendered.
        "drafts": {
            "type": "array",
            "maxItems": 50,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "value", "message"],
                "properties": {"path": _text(200, False), "value": _text(500, False), "message": _text(300, False)},
            },
        },
        "basics": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "name": _text(limits.MAX_NAME, nullable=False),
                "headline": _text(limits.MAX_SHORT_TEXT),
                "email": {
                    "type": ["string", "null"],
                    "maxLength": limits.MAX_EMAIL,
                    "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+\Z",
                    "errorMessage": EMAIL_MESSAGE,
                },
                # Free text: people write "+44 20 7946 0958 (mobile)" or "ext. 12"; templates escape it anyway.
                "phone": _text(limits.MAX_PHONE),
                "location": _text(limits.MAX_SHORT_TEXT),
                "links": {
                    "type": "array",
                    "maxItems": limits.MAX_LINKS,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["url"],
                        "properties": {"label": _text(100), "url": {**_url(), "type": "string"}},
                    },
                },
                # A stored photo's blob key (`cvmaker.domain.photos.model.PHOTO_KEY`), never a URL.
                "photo": {
                    "type": ["string", "null"],
                    "pattern": r"^users/[A-Za-z0-9_.@:|-]{1,128}/photos/[0-9a-f]{64}\.jpg\Z",
                    "errorMessage": "must be a photo set with setCvPhoto",
                },
            },
        },
        "sections": {
            "type": "array",
            "maxItems": limits.MAX_SECTIONS,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "kind", "title", "items"],
                "properties": {
                    "id": {"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,40}\Z"},
                    "kind": {"enum": [kind.value for kind in SectionKind]},
                    "title": {"type": "string", "minLength": 1, "maxLength": limits.MAX_SHORT_TEXT},
                    "visible": {"type": "boolean"},
                    "items": {
                        "type": "array",
                        "maxItems": limits.MAX_ITEMS_PER_SECTION,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["id"],
                            "properties": {
                                "id": {"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,40}\Z"},
                                "visible": {"type": "boolean"},
                                "title": _text(limits.MAX_SHORT_TEXT),
                                "organization": _text(limits.MAX_SHORT_TEXT),
                                "location": _text(limits.MAX_SHORT_TEXT),
                                "startDate": _date(),
                                "endDate": _date(),
                                "current": {"type": "boolean"},
                                "description": _text(limits.MAX_DESCRIPTION),
                                "bullets": _text_list(limits.MAX_BULLETS, limits.MAX_BULLET),
                                "keywords": _text_list(limits.MAX_KEYWORDS, limits.MAX_KEYWORD),
                                "url": _url(),
                            },
                        },
                    },
                },
            },
        },
        "design": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "template": {"type": "string", "maxLength": 40},
                "accentColor": {
                    "type": "string",
                    "pattern": design.ACCENT_COLOR.pattern,
                    "errorMessage": "must be a colour like #1f4e79",
                },
                "fontFamily": {
                    "enum": list(design.FONT_FAMILIES),
                    "errorMessage": "must be one of: " + ", ".join(design.FONT_FAMILIES),
                },
                "fontSize": {"type": "number", "minimum": design.MIN_FONT_SIZE, "maximum": design.MAX_FONT_SIZE},
                "pageSize": {"enum": ["A4", "LETTER"]},
                "margins": {
                    "type": "string",
                    "pattern": design.MARGIN.pattern,
                    "errorMessage": f"must be a length in millimetres like 18mm "
                    f"({design.MIN_MARGIN_MM:g} to {design.MAX_MARGIN_MM:g})",
                },
                "lineHeight": {
                    "enum": [value.value for value in design.LineHeight],
                    "errorMessage": "must be one of: " + ", ".join(value.value for value in design.LineHeight),
                },
                "sectionSpacing": {
                    "enum": [value.value for value in design.SectionSpacing],
                    "errorMessage": "must be one of: " + ", ".join(value.value for value in design.SectionSpacing),
                },
                "headingStyle": {
                    "enum": [value.value for value in design.HeadingStyle],
                    "errorMessage": "must be one of: " + ", ".join(value.value for value in design.HeadingStyle),
                },
                # Per-section layout; that each names a section of this CV, once, is a rule below.
                "sections": {
                    "type": "array",
                    "maxItems": limits.MAX_SECTIONS,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["sectionId"],
                        "properties": {
                            "sectionId": {"type": "string", "maxLength": 40},
                            "column": {
                                "enum": [None, *(value.value for value in SectionColumn)],
                                "errorMessage": "must be one of: " + ", ".join(value.value for value in SectionColumn),
                            },
                            "pageBreakBefore": {"type": "boolean"},
                            "keepTogether": {"type": "boolean"},
                        },
                    },
                },
            },
        },
    },
}


def load_validator() -> None:
    """Load the validator now rather than at the first validation (`cvmaker import` does it while its worker
    process boots, when this process would otherwise wait)."""
    _validator()


@cache
def _validator() -> Any:
    # Imported here, not at module top: reads never validate, and the Lambda cold start should not pay for it.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(CV_DOCUMENT_SCHEMA)


def dotted(path: Iterable[Any]) -> str:
    return ".".join(str(part) for part in path)


def _message(error: Any) -> str:
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    if custom and error.validator in ("pattern", "enum"):
        return str(custom)
    value = error.validator_value
    match error.validator:
        case "maxLength":
            return at_most_characters(value)
        case "minLength":
            return "must not be empty"
        case "maxItems":
            return at_most_entries(value)
        case "type":
            kinds = value if isinstance(value, list) else [value]
            return "must be " + " or ".join(k for k in kinds if k != "null")
        case "required":
            return REQUIRED_MESSAGE
        case "additionalProperties":
            return "has fields that do not exist"
        case "minimum":
            return at_least(value)
        case "maximum":
            return f"must be at most {value:g}"
        case "enum":
            return "must be one of: " + ", ".join(map(str, value))
        case _:
            return INVALID_MESSAGE


def schema_problems(document: dict[str, Any]) -> list[FieldProblem]:
    problems = []
    for error in _validator().iter_errors(document):
        path = dotted(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else ""
            path = f"{path}.{missing}" if path else missing
        problems.append(FieldProblem(path, _message(error)))
        if len(problems) >= MAX_REPORTED_PROBLEMS:
            break
    return sorted(problems, key=lambda p: p.path)


def rule_problems(document: dict[str, Any], templates: Collection[str]) -> list[FieldProblem]:
    problems = Problems()
    seen_ids: set[str] = set()
    total_items = 0
    for s, section in enumerate(document["sections"]):
        if section["id"] in seen_ids:
            problems.add(f"sections.{s}.id", "is used twice in this CV")
        seen_ids.add(section["id"])
        for i, item in enumerate(section["items"]):
            total_items += 1
            where = f"sections.{s}.items.{i}"
            if item["id"] in seen_ids:
                problems.add(f"{where}.id", "is used twice in this CV")
            seen_ids.add(item["id"])
            start, end = item.get("startDate"), item.get("endDate")
            if start and end and start > end:
                problems.add(f"{where}.endDate", "must not be before the start date")
            if item.get("current") and end:
                problems.add(f"{where}.endDate", "must be empty for a current role")
    if total_items > limits.MAX_ITEMS_TOTAL:
        problems.add("sections", f"must hold at most {limits.MAX_ITEMS_TOTAL} items in all")
    section_ids = {section["id"] for section in document["sections"]}
    laid_out: set[str] = set()
    for n, layout in enumerate(document["design"].get("sections") or []):
        if layout["sectionId"] not in section_ids:
            problems.add(f"design.sections.{n}.sectionId", "must name a section of this CV")
        elif layout["sectionId"] in laid_out:
            problems.add(f"design.sections.{n}.sectionId", "is laid out twice in this design")
        laid_out.add(layout["sectionId"])
    template = document["design"].get("template")
    if templates and template not in templates:
        problems.add("design.template", "must be one of: " + ", ".join(sorted(templates)))
    margins = document["design"].get("margins")
    if margins and design.MARGIN.match(margins) and design.margin_mm(margins) is None:
        problems.add("design.margins", f"must be between {design.MIN_MARGIN_MM:g}mm and {design.MAX_MARGIN_MM:g}mm")
    return problems.items


def validate_document(document: dict[str, Any], templates: Collection[str] = ()) -> None:
    """Raise `InvalidInput` listing every problem of `document` (the dict form of a `CvDocument`)."""
    problems = schema_problems(document)
    if not problems:
        problems = rule_problems(document, templates)
    if not problems and len(json.dumps(document, ensure_ascii=False).encode()) > limits.MAX_DOCUMENT_BYTES:
        problems = [FieldProblem("", f"the CV is larger than {limits.MAX_DOCUMENT_BYTES // 1000} KB")]
    if problems:
        raise InvalidInput(problems)
