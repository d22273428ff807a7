"""What a person gives for an application, cleaned and checked: sizes are refused with the field's path, while a
contact's email or phone that looks wrong is kept as typed with a warning (people paste what a recruiter wrote)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from cvmaker.domain.applications.model import Contact, Stage
from cvmaker.domain.errors import FieldProblem, Problems
from cvmaker.domain.limits import MAX_EMAIL, MAX_NAME, MAX_PHONE

MAX_NOTES = 20_000
MAX_CONTACTS = 20
MAX_ROLE = 200
# A stage's date may be ahead of today (an interview booked for next week), but not absurdly.
MAX_DAYS_AHEAD = 366
EARLIEST = date(1970, 1, 1)
LATEST_FOLLOW_UP_YEARS = 5

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARACTERS = re.compile(r"^[0-9+()./\s-]*(?:\s*(?:ext\.?|x)\s*[0-9]+)?$", re.IGNORECASE)
_MIN_PHONE_DIGITS = 5


class Keep(Enum):
    """An update's "leave this as it is", where None means "clear it"."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class ApplicationInput:
    job_id: str
    cv_id: str
    letter_id: str | None = None
    stage: Stage = Stage.SAVED
    on: date | None = None  # the day of that stage; today when not given
    notes: str = ""
    contacts: tuple[Contact, ...] = ()
    follow_up: date | None = None


@dataclass(frozen=True, slots=True)
class ApplicationChanges:
    """An update: None (or KEEP where None clears) leaves a field as it is."""

    job_id: str | None = None
    cv_id: str | None = None
    letter_id: str | None | Keep = KEEP
    notes: str | None = None
    contacts: tuple[Contact, ...] | None = None
    follow_up: date | None | Keep = KEEP


def clean_notes(notes: str, problems: Problems) -> str:
    cleaned = (notes or "").strip()
    if len(cleaned) > MAX_NOTES:
        problems.add("notes", f"The notes are longer than {MAX_NOTES:,} characters.")
    return cleaned


def _field(value: str | None) -> str | None:
    cleaned = " ".join(value.split()) if value else ""
    return cleaned or None


def clean_contacts(contacts: tuple[Contact, ...], problems: Problems) -> tuple[Contact, ...]:
    if len(contacts) > MAX_CONTACTS:
        problems.add("contacts", f"An application keeps at most {MAX_CONTACTS} contacts.")
        return contacts
    cleaned: list[Contact] = []
    for n, contact in enumerate(contacts):
        tidy = Contact(_field(contact.name), _field(contact.role), _field(contact.email), _field(contact.phone))
        if not (tidy.name or tidy.email or tidy.phone):
            problems.add(f"contacts.{n}", "Give the contact a name, an email address or a phone number.")
        for name, value, limit in (
            ("name", tidy.name, MAX_NAME),
            ("role", tidy.role, MAX_ROLE),
            ("email", tidy.email, MAX_EMAIL),
            ("phone", tidy.phone, MAX_PHONE),
        ):
            if value and len(value) > limit:
                problems.add(f"contacts.{n}.{name}", f"The {name} is longer than {limit} characters.")
        cleaned.append(tidy)
    return tuple(cleaned)


def contact_warnings(contacts: tuple[Contact, ...]) -> list[FieldProblem]:
    """What looks wrong in the contacts, kept as typed all the same."""
    warnings: list[FieldProblem] = []
    for n, contact in enumerate(contacts):
        if contact.email and not _EMAIL.match(contact.email):
            warnings.append(
                FieldProblem(f"contacts.{n}.email", "This does not look like an email address; it is kept as typed.")
            )
        if contact.phone and (
            not _PHONE_CHARACTERS.match(contact.phone) or sum(c.isdigit() for c in contact.phone) < _MIN_PHONE_DIGITS
        ):
            warnings.append(
                FieldProblem(f"contacts.{n}.phone", "This does not look like a phone number; it is kept as typed.")
            )
    return warnings


def check_stage_date(on: date, today: date, problems: Problems, path: str = "on") -> None:
    if on < EARLIEST or on > today + timedelta(days=MAX_DAYS_AHEAD):
        problems.add(path, f"Give a date between {EARLIEST.isoformat()} and a year from today.")


def check_follow_up(follow_up: date | None, today: date, problems: Problems) -> None:
    if follow_up is None:
        return
    latest = (
        today.replace(year=today.year + LATEST_FOLLOW_UP_YEARS)
        if not (today.month == 2 and today.day == 29)
        else date(today.year + LATEST_FOLLOW_UP_YEARS, 2, 28)
    )
    if follow_up < EARLIEST or follow_up > latest:
        problems.add("followUp", f"Give a follow-up date between {EARLIEST.isoformat()} and {latest.isoformat()}.")
