"""Reading JSON request bodies at the edge: one parser for every route, with a nesting limit.

Python's JSON decoder recurses once per level and raises `RecursionError` near a thousand; a body nested
deeper than any real request is a malformed body (400), not an unexpected error (500).
"""

from __future__ import annotations

import json

MAX_NESTING = 64


class MalformedBody(ValueError):
    """The body is not JSON, or not JSON of a shape any route takes."""


def _nesting(value: object) -> int:
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_json_body(data: bytes | str) -> object:
    """The decoded body; `MalformedBody` when it is not JSON or is nested over `MAX_NESTING` levels."""
    try:
        value: object = json.loads(data)
    except RecursionError:
        raise MalformedBody(f"The body is nested more than {MAX_NESTING} levels deep.") from None
    except (ValueError, UnicodeDecodeError):
        raise MalformedBody("The body is not valid JSON.") from None
    if _nesting(value) > MAX_NESTING:
        raise MalformedBody(f"The body is nested more than {MAX_NESTING} levels deep.")
    return value


def parse_json_object(data: bytes | str) -> dict[str, object]:
    value = parse_json_body(data)
    if not isinstance(value, dict):
        raise MalformedBody("The body must be a JSON object.")
    return value
