"""Opaque list cursors. A cursor names the last CV of a page; every repository (SQLite, DynamoDB) resumes after
it, so a cursor stays valid across adapters and never exposes storage keys."""

from __future__ import annotations

import base64
import binascii

from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.ids import is_cv_id


def encode_cursor(cv_id: str) -> str:
    return base64.urlsafe_b64encode(cv_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        cv_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        cv_id = ""
    if not is_cv_id(cv_id):
        raise InvalidInput([FieldProblem("after", "is not a cursor from this list")])
    return cv_id
