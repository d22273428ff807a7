"""The checks a JSON Resume document passes before it is read: its shape and size, the official schema, and the
schema of what our own exports keep under meta.cvmaker. Every problem is named by its JSON Resume path.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

from cvmaker.domain import limits
from cvmaker.domain.cv.editing import ITEM_DEFAULTS
from cvmaker.domain.cv.messages import (
    DATE_MESSAGE,
    INVALID_MESSAGE,
    REQUIRED_MESSAGE,
    at_least,
    at_most_characters,
    at_most_entries,
)
from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.cv.validation import MAX_REPORTED_PROBLEMS, dotted
from cvmaker.domain.errors import FieldProblem
from cvmaker.domain.json_resume.sections import VENDOR_VERSION

MAX_JSON_RESUME_BYTES = 1_000_000  # a full CV (350 KB) plus what meta.cvmaker keeps beside it
MAX_DEPTH = 32  # JSON Resume is 5 levels deep, meta.cvmaker 8
MAX_VALUES = 200_000
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_$-]{1,40}$")


def shape_problems(data: Any) -> list[FieldProblem]:
    """Refuse what is not a JSON object or is too big, before anything recursive (the schema check) sees it."""
    if not isinstance(data, dict):
        return [FieldProblem("", "must be a JSON object (a JSON Resume document)")]
    too_big = FieldProblem("", f"must be at most {MAX_JSON_RESUME_BYTES // 1000} KB")
    stack: list[tuple[Any, int]] = [(data, 1)]
    values = characters = 0
    while stack:
        value, depth = stack.pop()
        values += 1
        if depth > MAX_DEPTH:
            return [FieldProblem("", f"must not be nested more than {MAX_DEPTH} levels deep")]
        if values > MAX_VALUES:
            return [FieldProblem("", f"must hold at most {MAX_VALUES} values")]
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                return [FieldProblem("", "must be JSON (object keys are text)")]
            characters += sum(len(key) for key in value)
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)
        elif isinstance(value, str):
            characters += len(value)
        elif isinstance(value, float) and not math.isfinite(value):
            return [FieldProblem("", "must be JSON (numbers are finite)")]
        elif value is not None and not isinstance(value, (bool, int, float)):
            return [FieldProblem("", "must be JSON")]
        if characters > MAX_JSON_RESUME_BYTES:
            return [too_big]
    # Walked in full, so no longer too deep for json.dumps: now the exact size, quotes and escapes included.
    return [too_big] if len(json.dumps(data, ensure_ascii=False).encode()) > MAX_JSON_RESUME_BYTES else []


@cache
def json_resume_schema() -> dict[str, Any]:
    """The official JSON Resume schema, shipped beside this module (MIT licence in its $comment)."""
    text = resources.files(__package__).joinpath("json_resume_schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def json_resume_validator() -> Any:
    from jsonschema.validators import (
        validator_for,  # imported where used: the API's cold start skips it
    )

    schema = json_resume_schema()
    return validator_for(schema)(schema)


def schema_problems(data: Any, validator: Any, base: str) -> list[FieldProblem]:
    problems = []
    for error in validator.iter_errors(data):
        for path, message in (found for near in _closest(error) for found in _described(near)):
            problems.append(FieldProblem(".".join(part for part in (base, path) if part), message))
        if len(problems) >= MAX_REPORTED_PROBLEMS:
            break
    return sorted(problems, key=lambda p: p.path)


def _closest(error: Any) -> list[Any]:
    """For "matches none of these shapes", the errors of the shape it came closest to (the fewest errors)."""
    if error.validator != "anyOf" or not error.context:
        return [error]
    by_branch: dict[int, list[Any]] = {}
    for child in error.context:
        by_branch.setdefault(child.schema_path[0], []).append(child)
    closest = min(by_branch.values(), key=len)
    return [described for child in closest for described in _closest(child)]


def _described(error: Any) -> list[tuple[str, str]]:
    """(path, message) of one schema error; messages name rules, never the value that broke them."""
    path, value = dotted(error.absolute_path), error.validator_value
    match error.validator:
        case "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
            extra = sorted(key for key in error.instance if key not in allowed)
            return [
                (
                    ".".join(p for p in (path, key if _SAFE_KEY.match(key) else "") if p),
                    "is not a field this format defines",
                )
                for key in extra
            ]
        case "required":
            missing = [key for key in value if key not in error.instance]
            return [(".".join(p for p in (path, key) if p), REQUIRED_MESSAGE) for key in missing]
        case "type":
            kinds = value if isinstance(value, list) else [value]
            article = {"object": "an", "array": "an", "integer": "an"}
            return [(path, "must be " + " or ".join(f"{article.get(k, 'a')} {k}" for k in kinds))]
        case "pattern":
            # The official schema's only pattern is its date.
            return [(path, DATE_MESSAGE)]
        case "const" | "enum":
            choices = [value] if error.validator == "const" else value
            return [(path, "must be one of: " + ", ".join(json.dumps(choice) for choice in choices))]
        case "maxItems":
            return [(path, at_most_entries(value))]
        case "maxLength":
            return [(path, at_most_characters(value))]
        case "minimum":
            return [(path, at_least(value))]
        case _:
            return [(path, INVALID_MESSAGE)]


def _closed(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    """An object schema that allows no field but `properties`."""
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


_ITEM_FIELDS = [name for name in ITEM_DEFAULTS]
_BASICS_EXTRAS = ["name", "headline", "email", "phone", "location", "links", "summary"]
_HASH = {"type": "string", "maxLength": 64}
# An exported item: where its entry was and how it read (`at`, `hash`), or, with no JSON Resume home, the item.
_ITEM_RECORD = {
    "anyOf": [
        _closed(
            ["id", "at", "hash"],
            {
                "id": {"type": "string"},
                "at": {"type": "integer", "minimum": 0},
                "hash": _HASH,
                "extras": {"type": "object", "propertyNames": {"enum": _ITEM_FIELDS}},
            },
        ),
        _closed(["item"], {"item": {"type": "object"}}),
    ]
}
VENDOR_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    **_closed(
        ["version"],
        {
            "version": {"const": VENDOR_VERSION},
            "title": {"type": "string"},
            "design": {"type": "object"},
            "basics": _closed(
                ["hash"],
                {"hash": _HASH, "extras": {"type": "object", "propertyNames": {"enum": _BASICS_EXTRAS}}},
            ),
            "sections": {
                "type": "array",
                "maxItems": limits.MAX_SECTIONS,
                "items": _closed(
                    ["id", "kind", "title", "items"],
                    {
                        "id": {"type": "string"},
                        "kind": {"enum": [kind.value for kind in SectionKind]},
                        "title": {"type": "string"},
                        "visible": {"type": "boolean"},
                        "key": {"type": ["string", "null"], "maxLength": 100},
                        "items": {"type": "array", "maxItems": limits.MAX_ITEMS_PER_SECTION, "items": _ITEM_RECORD},
                    },
                ),
            },
        },
    ),
}


@cache
def vendor_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(VENDOR_SCHEMA)
