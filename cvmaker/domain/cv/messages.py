"""The words a field problem is reported in, where more than one checker reports it.

CV validation (`validation.py`) and the JSON Resume checks (`cvmaker.domain.json_resume.checks`) both name
problems by field; one person reads both, so one rule reads the same whichever of them found it. Messages name
the rule, never the value that broke it.
"""

from __future__ import annotations

DATE_MESSAGE = 'must be a date like "2020", "2020-03" or "2020-03-15"'
URL_MESSAGE = "must be a web address starting with http:// or https:// (or mailto:, tel:)"
EMAIL_MESSAGE = "must be an email address like name@example.com"
REQUIRED_MESSAGE = "is required"
INVALID_MESSAGE = "is invalid"


def at_most_characters(limit: int) -> str:
    return f"must be at most {limit} characters"


def at_most_entries(limit: int) -> str:
    return f"must have at most {limit} entries"


def at_least(minimum: float) -> str:
    return f"must be at least {minimum:g}"
