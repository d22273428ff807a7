"""Identifiers.

CV ids sort by creation time (a ULID: 48-bit milliseconds then 80 random bits, Crockford base32), so a user's
CVs list newest first by key order alone, in SQLite and in a DynamoDB sort key. Section and item ids only need
to be unique within their CV and stable across edits.
"""

from __future__ import annotations

import os
import re
import time

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# \Z, not $: `$` also matches before a final line break ("abc\n" is no id).
PART_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,40}\Z")
CV_ID_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}\Z")


def _base32(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def new_ulid(now_ms: int | None = None) -> str:
    timestamp = int(time.time() * 1000) if now_ms is None else now_ms
    randomness = int.from_bytes(os.urandom(10), "big")
    return _base32(timestamp, 10) + _base32(randomness, 16)


def new_part_id() -> str:
    """A short random id for a section or an item (60 bits: collisions within one CV are negligible)."""
    return _base32(int.from_bytes(os.urandom(8), "big") >> 4, 12).lower()


def is_cv_id(value: str) -> bool:
    return bool(CV_ID_PATTERN.match(value))
