"""Field codecs: how one JSON Resume field (or a few) reads into an item of ours and writes back.

A codec is data plus two small methods, so the section tables (`sections.py`) and basics (`basics.py`) say the
mapping once and the same generic code runs it in both directions.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

Entry = dict[str, Any]  # one object of a JSON Resume array, or the basics object
Fields = dict[str, Any]  # an item (or basics) in our dict form
Sources = dict[str, str]  # our field -> the JSON Resume key it was read from

_BARE_HOST = re.compile(r"^[\w-]+(\.[\w-]+)+(/\S*)?$")
# JSON Resume's date (its schema's "iso8601"): years 1000 to 2999 only, where ours may be any four digits.
JSON_RESUME_DATE = re.compile(r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})\Z")


class Codec(Protocol):
    @property
    def cv_fields(self) -> tuple[str, ...]: ...

    @property
    def jr_fields(self) -> tuple[str, ...]: ...

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None: ...

    def write(self, item: Fields, into: Entry) -> None: ...


def text_of(entry: Entry, keys: Iterable[str]) -> tuple[str, str] | None:
    """The first non-empty text among `keys`, with its key: JSON Resume writers use "" for "not given"."""
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str) and value:
            return key, value
    return None


def with_scheme(url: str) -> str:
    return f"https://{url}" if _BARE_HOST.match(url) else url


def hash_of(value: Any) -> str:
    """A short hash of a JSON value; keys are sorted, so another tool's key order does not change it."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class _OneField:
    """A codec that fills one field of ours."""

    cv: str

    @property
    def cv_fields(self) -> tuple[str, ...]:
        return (self.cv,)


@dataclass(frozen=True)
class Text(_OneField):
    """One text field, the same value on both sides. `aliases` are pre-1.0 names, read but never written."""

    jr: str
    cv: str
    aliases: tuple[str, ...] = ()
    is_url: bool = False
    is_date: bool = False

    @property
    def jr_fields(self) -> tuple[str, ...]:
        return (self.jr, *self.aliases)

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        found = text_of(entry, (self.jr, *self.aliases))
        if found:
            key, value = found
            into[self.cv] = with_scheme(value) if self.is_url else value
            sources[self.cv] = key

    def write(self, item: Fields, into: Entry) -> None:
        value = item.get(self.cv)
        # A date JSON Resume cannot hold (the year 0999) is not written: the export keeps it in meta.cvmaker.
        if value and not (self.is_date and not JSON_RESUME_DATE.match(value)):
            into[self.jr] = value


def Date(jr: str, cv: str) -> Text:
    return Text(jr, cv, is_date=True)


def Url(jr: str = "url", aliases: tuple[str, ...] = ()) -> Text:
    return Text(jr, "url", aliases, is_url=True)


@dataclass(frozen=True)
class TextList(_OneField):
    jr: str
    cv: str

    @property
    def jr_fields(self) -> tuple[str, ...]:
        return (self.jr,)

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        value = entry.get(self.jr)
        if isinstance(value, list) and value:
            into[self.cv] = list(value)
            sources[self.cv] = self.jr

    def write(self, item: Fields, into: Entry) -> None:
        if item.get(self.cv):
            into[self.jr] = list(item[self.cv])


@dataclass(frozen=True)
class Period:
    """startDate and endDate; where `open_is_current`, a start without an end is an ongoing role."""

    open_is_current: bool

    @property
    def cv_fields(self) -> tuple[str, ...]:
        return ("startDate", "endDate", "current")

    @property
    def jr_fields(self) -> tuple[str, ...]:
        return ("startDate", "endDate")

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        for key in ("startDate", "endDate"):
            Date(key, key).read(entry, into, sources)
        into["current"] = bool(self.open_is_current and into.get("startDate") and not into.get("endDate"))

    def write(self, item: Fields, into: Entry) -> None:
        for key in ("startDate", "endDate"):
            Date(key, key).write(item, into)


@dataclass(frozen=True)
class Joined(_OneField):
    """Several short JSON Resume fields shown as one line of ours, e.g. "Bachelor, Computer Science"."""

    jr: tuple[str, ...]
    cv: str
    separator: str = ", "

    @property
    def jr_fields(self) -> tuple[str, ...]:
        return self.jr

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        present = [(key, entry[key]) for key in self.jr if isinstance(entry.get(key), str) and entry[key]]
        if present:
            into[self.cv] = self.separator.join(value for _, value in present)
            sources[self.cv] = present[0][0]

    def write(self, item: Fields, into: Entry) -> None:
        if item.get(self.cv):
            parts = item[self.cv].split(self.separator, len(self.jr) - 1)
            for key, part in zip(self.jr, parts, strict=False):
                if part:
                    into[key] = part


@dataclass(frozen=True)
class Labelled(_OneField):
    """A JSON Resume field shown in one of our free-text fields behind a label, e.g. score -> "Grade: 3.7"."""

    jr: str
    cv: str
    label: str
    aliases: tuple[str, ...] = ()

    @property
    def jr_fields(self) -> tuple[str, ...]:
        return (self.jr, *self.aliases)

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        found = text_of(entry, (self.jr, *self.aliases))
        if found:
            into[self.cv] = self.label + found[1]
            sources[self.cv] = found[0]

    def write(self, item: Fields, into: Entry) -> None:
        value = item.get(self.cv)
        if isinstance(value, str) and value.startswith(self.label) and "\n" not in value and value != self.label:
            into[self.jr] = value[len(self.label) :]
