"""JSON Resume (jsonresume.org, schema v1.0.0) to and from our CV document.

The mapping is data: one `JsonResumeSection` table per JSON Resume array (work, education, ...), each a list of
field codecs that read a JSON Resume entry into an item and write an item back. The same generic code runs every
table in both directions.

    JSON Resume        our section     entry field -> item field
    work               EXPERIENCE      name (legacy company) -> organization, position -> title, location, url
                                       (legacy website), startDate/endDate (open = current), summary ->
                                       description, highlights -> bullets
    volunteer          VOLUNTEER       organization, position -> title, url, dates (open = current), summary ->
                                       description, highlights -> bullets
    education          EDUCATION       institution -> organization, "studyType, area" -> title, url, dates,
                                       score (legacy gpa) -> description "Grade: <score>", courses -> bullets
    awards             AWARDS          title, awarder -> organization, date -> startDate, summary -> description
    certificates       CERTIFICATIONS  name -> title, issuer -> organization, date -> startDate, url
    publications       PUBLICATIONS    name -> title, publisher -> organization, releaseDate -> startDate, url,
                                       summary -> description
    skills             SKILLS          name -> title, level -> description, keywords
    languages          LANGUAGES       language -> title, fluency -> description
    interests          CUSTOM          name -> title, keywords          (exported from a custom section titled
    references         CUSTOM          name -> title, reference ->       "Interests"/"Hobbies" or "References")
                                       description
    projects           PROJECTS        name -> title, entity -> organization, description, dates (open =
                                       current), url, highlights -> bullets, keywords
    basics                             name, label -> headline, email, phone, summary -> the CV summary,
                                       location parts -> one line, url and profiles -> links

Sections appear in the order of the document's keys; the CV is titled "<name> CV". Dates are our partial ISO
dates; a URL without a scheme ("example.com") gets https://. Checks run in order, each once the one before
passed: a JSON object within size and depth caps, the official schema, the shape of meta.cvmaker, then our own
document rules (`validate_document`), every problem named by the JSON Resume path it came from
("work.0.startDate", "awards.1.date", "meta.cvmaker.sections.2.items.0.extras.keywords").

What a JSON Resume document loses on import, because our model has no home for it: basics.image, the
structure of basics.location (its parts become one line, exported back as `city`), a profile's username when it
is not the last part of its URL, and a profile with neither a URL nor a network we know the address of;
work.description (the company blurb), projects.roles and projects.type, an education entry's split between
studyType and area when only one is present or studyType holds ", " (the title is one line), meta.canonical,
meta.version, meta.lastModified, and any field the schema does not define.

Exports keep what JSON Resume cannot say under `meta.cvmaker` (the schema lets `meta` hold anything), so our CV
-> JSON Resume -> our CV is exact: the CV title and design, every section's id, kind, title, visibility and
order, item ids, hidden sections and items and custom sections without a JSON Resume home (kept whole: they are
not in the arrays, so themes do not show them), and per item the fields its entry cannot carry. Each exported
item records a fingerprint of its entry: when another tool edited that entry, the entry wins and only the
fields JSON Resume cannot hold are restored; entries added elsewhere become new items in place. Other JSON
Resume tools do not see what lives only there: hidden parts, custom sections other than interests and
references, and item fields without a JSON Resume field (a job's keywords, a volunteer role's location, an
education description that is not a grade, ...).
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from cvmaker.domain import limits
from cvmaker.domain.cv.editing import ITEM_DEFAULTS
from cvmaker.domain.cv.model import CvDocument, Design, SectionKind
from cvmaker.domain.cv.validation import (
    MAX_REPORTED_PROBLEMS,
    dotted,
    validate_document,
)
from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.ids import new_part_id

Entry = dict[str, Any]  # one object of a JSON Resume array, or the basics object
Fields = dict[str, Any]  # an item (or basics) in our dict form
Sources = dict[str, str]  # our field -> the JSON Resume key it was read from

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
VENDOR_KEY = "cvmaker"
VENDOR_VERSION = 1
MAX_JSON_RESUME_BYTES = 1_000_000  # a full CV (350 KB) plus what meta.cvmaker keeps beside it
MAX_DEPTH = 32  # JSON Resume is 5 levels deep, meta.cvmaker 8
MAX_VALUES = 200_000
DATE_MESSAGE = 'must be a date like "2020", "2020-03" or "2020-03-15"'
GRADE_LABEL = "Grade: "
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_$-]{1,40}$")
_BARE_HOST = re.compile(r"^[\w-]+(\.[\w-]+)+(/\S*)?$")


# ---------------------------------------------------------------- field codecs: one JSON Resume field or a few


class Codec(Protocol):
    @property
    def cv_fields(self) -> tuple[str, ...]: ...

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None: ...

    def write(self, item: Fields, into: Entry) -> None: ...


def _text_of(entry: Entry, keys: Iterable[str]) -> tuple[str, str] | None:
    """The first non-empty text among `keys`, with its key: JSON Resume writers use "" for "not given"."""
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str) and value:
            return key, value
    return None


def _with_scheme(url: str) -> str:
    return f"https://{url}" if _BARE_HOST.match(url) else url


@dataclass(frozen=True)
class Text:
    """One text field, the same value on both sides. `aliases` are pre-1.0 names, read but never written."""

    jr: str
    cv: str
    aliases: tuple[str, ...] = ()
    is_url: bool = False

    @property
    def cv_fields(self) -> tuple[str, ...]:
        return (self.cv,)

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        found = _text_of(entry, (self.jr, *self.aliases))
        if found:
            key, value = found
            into[self.cv] = _with_scheme(value) if self.is_url else value
            sources[self.cv] = key

    def write(self, item: Fields, into: Entry) -> None:
        if item.get(self.cv):
            into[self.jr] = item[self.cv]


def Url(jr: str = "url", aliases: tuple[str, ...] = ()) -> Text:
    return Text(jr, "url", aliases, is_url=True)


@dataclass(frozen=True)
class TextList:
    jr: str
    cv: str

    @property
    def cv_fields(self) -> tuple[str, ...]:
        return (self.cv,)

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

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        for key in ("startDate", "endDate"):
            Text(key, key).read(entry, into, sources)
        into["current"] = bool(self.open_is_current and into.get("startDate") and not into.get("endDate"))

    def write(self, item: Fields, into: Entry) -> None:
        for key in ("startDate", "endDate"):
            Text(key, key).write(item, into)


@dataclass(frozen=True)
class Joined:
    """Several short JSON Resume fields shown as one line of ours, e.g. "Bachelor, Computer Science"."""

    jr: tuple[str, ...]
    cv: str
    separator: str = ", "

    @property
    def cv_fields(self) -> tuple[str, ...]:
        return (self.cv,)

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
class Labelled:
    """A JSON Resume field shown in one of our free-text fields behind a label, e.g. score -> "Grade: 3.7"."""

    jr: str
    cv: str
    label: str
    aliases: tuple[str, ...] = ()

    @property
    def cv_fields(self) -> tuple[str, ...]:
        return (self.cv,)

    def read(self, entry: Entry, into: Fields, sources: Sources) -> None:
        found = _text_of(entry, (self.jr, *self.aliases))
        if found:
            into[self.cv] = self.label + found[1]
            sources[self.cv] = found[0]

    def write(self, item: Fields, into: Entry) -> None:
        value = item.get(self.cv)
        if isinstance(value, str) and value.startswith(self.label) and "\n" not in value and value != self.label:
            into[self.jr] = value[len(self.label) :]


# ---------------------------------------------------------------- the tables


@dataclass(frozen=True)
class JsonResumeSection:
    key: str
    kind: SectionKind
    title: str
    fields: tuple[Codec, ...]

    @property
    def cv_fields(self) -> frozenset[str]:
        return frozenset(name for codec in self.fields for name in codec.cv_fields)

    def read(self, entry: Entry) -> tuple[Fields, Sources]:
        item: Fields = copy.deepcopy(ITEM_DEFAULTS)
        sources: Sources = {}
        for codec in self.fields:
            codec.read(entry, item, sources)
        return item, sources

    def write(self, item: Fields) -> Entry:
        entry: Entry = {}
        for codec in self.fields:
            codec.write(item, entry)
        return entry

    def fingerprint(self, entry: Entry) -> str:
        """Equal for entries that read into the same item, however another tool formatted them."""
        return _hash(self.write(self.read(entry)[0]))


SECTIONS: tuple[JsonResumeSection, ...] = (
    JsonResumeSection(
        "work",
        SectionKind.EXPERIENCE,
        "Experience",
        (
            Text("name", "organization", aliases=("company",)),
            Text("position", "title"),
            Text("location", "location"),
            Url(aliases=("website",)),
            Period(open_is_current=True),
            Text("summary", "description"),
            TextList("highlights", "bullets"),
        ),
    ),
    JsonResumeSection(
        "volunteer",
        SectionKind.VOLUNTEER,
        "Volunteering",
        (
            Text("organization", "organization"),
            Text("position", "title"),
            Url(aliases=("website",)),
            Period(open_is_current=True),
            Text("summary", "description"),
            TextList("highlights", "bullets"),
        ),
    ),
    JsonResumeSection(
        "education",
        SectionKind.EDUCATION,
        "Education",
        (
            Text("institution", "organization"),
            Joined(("studyType", "area"), "title"),
            Url(),
            Period(open_is_current=False),
            Labelled("score", "description", GRADE_LABEL, aliases=("gpa",)),
            TextList("courses", "bullets"),
        ),
    ),
    JsonResumeSection(
        "awards",
        SectionKind.AWARDS,
        "Awards",
        (
            Text("title", "title"),
            Text("awarder", "organization"),
            Text("date", "startDate"),
            Text("summary", "description"),
        ),
    ),
    JsonResumeSection(
        "certificates",
        SectionKind.CERTIFICATIONS,
        "Certifications",
        (
            Text("name", "title"),
            Text("issuer", "organization"),
            Text("date", "startDate"),
            Url(),
        ),
    ),
    JsonResumeSection(
        "publications",
        SectionKind.PUBLICATIONS,
        "Publications",
        (
            Text("name", "title"),
            Text("publisher", "organization"),
            Text("releaseDate", "startDate"),
            Url(aliases=("website",)),
            Text("summary", "description"),
        ),
    ),
    JsonResumeSection(
        "skills",
        SectionKind.SKILLS,
        "Skills",
        (
            Text("name", "title"),
            Text("level", "description"),
            TextList("keywords", "keywords"),
        ),
    ),
    JsonResumeSection(
        "languages",
        SectionKind.LANGUAGES,
        "Languages",
        (
            Text("language", "title"),
            Text("fluency", "description"),
        ),
    ),
    JsonResumeSection(
        "interests",
        SectionKind.CUSTOM,
        "Interests",
        (
            Text("name", "title"),
            TextList("keywords", "keywords"),
        ),
    ),
    JsonResumeSection(
        "references",
        SectionKind.CUSTOM,
        "References",
        (
            Text("name", "title"),
            Text("reference", "description"),
        ),
    ),
    JsonResumeSection(
        "projects",
        SectionKind.PROJECTS,
        "Projects",
        (
            Text("name", "title"),
            Text("entity", "organization"),
            Text("description", "description"),
            Period(open_is_current=True),
            Url(),
            TextList("highlights", "bullets"),
            TextList("keywords", "keywords"),
        ),
    ),
)
SECTIONS_BY_KEY = {table.key: table for table in SECTIONS}
SECTION_FOR_KIND = {table.kind: table for table in SECTIONS if table.kind is not SectionKind.CUSTOM}
# A custom section has a JSON Resume home only when its title says which.
SECTION_FOR_CUSTOM_TITLE = {
    title: SECTIONS_BY_KEY[key]
    for key, titles in {
        "interests": (
            "interests",
            "hobbies",
            "hobbies and interests",
            "interests and hobbies",
            "hobbies & interests",
            "interests & hobbies",
        ),
        "references": ("references", "referees"),
    }.items()
    for title in titles
}

BASICS_FIELDS: tuple[Codec, ...] = (
    Text("name", "name"),
    Text("label", "headline"),
    Text("email", "email"),
    Text("phone", "phone"),
)
LOCATION_PARTS = ("address", "city", "region", "postalCode", "countryCode")
# Where a profile lives when a document names the network and username but no URL.
PROFILE_URLS = {
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "twitter": "https://twitter.com/{}",
    "x": "https://x.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "instagram": "https://www.instagram.com/{}",
    "facebook": "https://www.facebook.com/{}",
    "soundcloud": "https://soundcloud.com/{}",
    "dribbble": "https://dribbble.com/{}",
    "behance": "https://www.behance.net/{}",
}


def _hash(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# ---------------------------------------------------------------- basics


def _read_basics(jr: Entry) -> tuple[Fields, str | None, Sources]:
    """Our basics and summary from JSON Resume basics, with the JSON Resume path of each of our fields."""
    basics: Fields = {"name": "", "headline": None, "email": None, "phone": None, "location": None, "links": []}
    sources: Sources = {}
    for codec in BASICS_FIELDS:
        codec.read(jr, basics, sources)
    origins = {f"basics.{cv}": f"basics.{key}" for cv, key in sources.items()}
    location = jr.get("location")
    if isinstance(location, dict):
        parts = [
            location[key].replace("\n", ", ")
            for key in LOCATION_PARTS
            if isinstance(location.get(key), str) and location[key]
        ]
        if parts:
            basics["location"] = ", ".join(parts)
            origins["basics.location"] = "basics.location"
    website = _text_of(jr, ("url", "website"))
    if website:
        origins[f"basics.links.{len(basics['links'])}"] = f"basics.{website[0]}"
        basics["links"].append({"label": None, "url": _with_scheme(website[1])})
    for p, profile in enumerate(jr.get("profiles") or []):
        link = _profile_link(profile) if isinstance(profile, dict) else None
        if link:
            where, n = f"basics.profiles.{p}", len(basics["links"])
            origins |= {f"basics.links.{n}": where, f"basics.links.{n}.label": f"{where}.network"}
            basics["links"].append(link)
    summary = _text_of(jr, ("summary",))
    if summary:
        origins["summary"] = "basics.summary"
    return basics, summary[1] if summary else None, origins


def _profile_link(profile: Entry) -> Fields | None:
    network = _text_of(profile, ("network",))
    url = _text_of(profile, ("url",))
    username = _text_of(profile, ("username",))
    if url:
        address = _with_scheme(url[1])
    elif network and username and network[1].casefold() in PROFILE_URLS:
        address = PROFILE_URLS[network[1].casefold()].format(quote(username[1].lstrip("@"), safe=""))
    else:
        return None
    return {"label": network[1] if network else None, "url": address}


def _write_basics(basics: Fields, summary: str | None) -> Entry:
    jr: Entry = {}
    for codec in BASICS_FIELDS:
        codec.write(basics, jr)
    links = basics.get("links") or []
    website = next((link for link in links if not link.get("label")), None)
    if website:
        jr["url"] = website["url"]
    if summary:
        jr["summary"] = summary
    if basics.get("location"):
        jr["location"] = {"city": basics["location"]}
    profiles = [_profile(link) for link in links if link is not website]
    if profiles:
        jr["profiles"] = profiles
    return jr


def _profile(link: Fields) -> Entry:
    profile: Entry = {}
    if link.get("label"):
        profile["network"] = link["label"]
    split = urlsplit(link["url"])
    segments = [segment for segment in split.path.split("/") if segment]
    # The username is a guess from the address: only where the address ends in it (no query, no fragment).
    if split.scheme in ("http", "https") and segments and not split.query and not split.fragment:
        profile["username"] = segments[-1].lstrip("@")
    profile["url"] = link["url"]
    return profile


def _basics_fingerprint(jr: Entry) -> str:
    basics, summary, _ = _read_basics(jr)
    return _hash(_write_basics(basics, summary))


# ---------------------------------------------------------------- export


def to_json_resume(doc: CvDocument, *, keep_extras: bool = True) -> dict[str, Any]:
    """A JSON Resume document (valid against the schema) of `doc`.

    With `keep_extras`, `meta.cvmaker` holds what JSON Resume cannot, so `from_json_resume` gives `doc` back.
    """
    cv = doc.to_dict()
    basics = _write_basics(cv["basics"], cv["summary"])
    result: dict[str, Any] = {"$schema": SCHEMA_URL, "basics": basics}
    layout = []
    for section in cv["sections"]:
        table = _home(section)
        records: list[dict[str, Any]] = []
        for item in section["items"]:
            if table is None or not item["visible"]:
                records.append({"item": item})
                continue
            entries = result.setdefault(table.key, [])
            entry = table.write(item)
            entries.append(entry)
            back = table.read(entry)[0]
            extras = {name: value for name, value in item.items() if name != "id" and back[name] != value}
            record = {"id": item["id"], "at": len(entries) - 1, "hash": table.fingerprint(entry)}
            records.append(record | ({"extras": extras} if extras else {}))
        layout.append(
            {key: section[key] for key in ("id", "kind", "title", "visible")}
            | {"key": table.key if table else None, "items": records}
        )
    if keep_extras:
        result["meta"] = {
            VENDOR_KEY: {
                "version": VENDOR_VERSION,
                "title": cv["title"],
                "design": cv["design"],
                "basics": _basics_record(basics, cv),
                "sections": layout,
            }
        }
    return result


def _home(section: Fields) -> JsonResumeSection | None:
    """The JSON Resume array a section's visible items go to; None keeps the section in meta.cvmaker only."""
    if not section["visible"]:
        return None
    kind = SectionKind(section["kind"])
    if kind is SectionKind.CUSTOM:
        return SECTION_FOR_CUSTOM_TITLE.get(section["title"].strip().casefold())
    return SECTION_FOR_KIND[kind]


def _basics_record(jr_basics: Entry, cv: Fields) -> dict[str, Any]:
    back, summary, _ = _read_basics(jr_basics)
    extras = {name: value for name, value in cv["basics"].items() if back[name] != value}
    if summary != cv["summary"]:
        extras["summary"] = cv["summary"]
    return {"hash": _basics_fingerprint(jr_basics)} | ({"extras": extras} if extras else {})


# ---------------------------------------------------------------- import


@dataclass
class _Placed:
    """An item of the CV being built, with the JSON Resume path of itself ("") and of each field it got."""

    item: Fields
    origins: dict[str, str]


@dataclass
class _Slot:
    """Where meta.cvmaker says an exported item goes, until an entry of the array fills it."""

    record: dict[str, Any]
    path: str
    placed: _Placed | None = None


@dataclass
class _SectionDraft:
    section: Fields
    origin: str
    items_origin: str
    key: str | None
    items: list[_Placed | _Slot] = field(default_factory=list)


def _placed_entry(table: JsonResumeSection, index: int, entry: Entry) -> _Placed:
    item, sources = table.read(entry)
    where = f"{table.key}.{index}"
    return _Placed({"id": new_part_id(), **item}, {"": where} | {cv: f"{where}.{jr}" for cv, jr in sources.items()})


def _new_draft(table: JsonResumeSection) -> _SectionDraft:
    section = {"id": new_part_id(), "kind": table.kind.value, "title": table.title, "visible": True}
    return _SectionDraft(section, table.key, table.key, table.key)


def _drafts_from_layout(layout: list[dict[str, Any]]) -> list[_SectionDraft]:
    drafts = []
    for v, record in enumerate(layout):
        path = f"meta.{VENDOR_KEY}.sections.{v}"
        key = record.get("key")
        section = {
            "id": record["id"],
            "kind": record["kind"],
            "title": record["title"],
            "visible": record.get("visible", True),
        }
        draft = _SectionDraft(section, path, key or f"{path}.items", key)
        for r, item_record in enumerate(record["items"]):
            if "item" in item_record:
                item = copy.deepcopy(ITEM_DEFAULTS) | item_record["item"]
                draft.items.append(_Placed(item, {"": f"{path}.items.{r}.item"}))
            elif key:
                draft.items.append(_Slot(item_record, f"{path}.items.{r}"))
        drafts.append(draft)
    return drafts


def _fill_slots(table: JsonResumeSection, entries: list[Any], drafts: list[_SectionDraft]) -> None:
    """Put each entry of one array where meta.cvmaker says its item was, or beside its neighbour if it is new."""
    slots = [
        (draft, item) for draft in drafts if draft.key == table.key for item in draft.items if isinstance(item, _Slot)
    ]
    prints = [table.fingerprint(entry) for entry in entries]
    owner: dict[int, tuple[_Slot, bool]] = {}
    for _, slot in slots:  # first the entries nobody touched: their hash is unchanged
        at, wanted = slot.record["at"], slot.record["hash"]
        candidates = ([at] if at < len(entries) else []) + list(range(len(entries)))
        index = next((i for i in candidates if i not in owner and prints[i] == wanted), None)
        if index is not None:
            owner[index] = (slot, True)
    claimed = {id(slot) for slot, _ in owner.values()}
    for _, slot in slots:  # then entries edited in place elsewhere: same position, new content
        at = slot.record["at"]
        if id(slot) not in claimed and at < len(entries) and at not in owner:
            owner[at] = (slot, False)
    placed_at: dict[int, tuple[_SectionDraft, _Placed | _Slot]] = {}
    slot_draft = {id(slot): draft for draft, slot in slots}
    for index, entry in enumerate(entries):
        placed = _placed_entry(table, index, entry)
        if index in owner:
            slot, unchanged = owner[index]
            _restore(placed, slot, table, unchanged)
            slot.placed = placed
            placed_at[index] = (slot_draft[id(slot)], slot)
            continue
        previous = next((placed_at[i] for i in range(index - 1, -1, -1) if i in placed_at), None)
        if previous:
            draft, neighbour = previous
            draft.items.insert(next(n for n, x in enumerate(draft.items) if x is neighbour) + 1, placed)
        else:
            home = next((d for d in drafts if d.key == table.key), None)
            if home is None:
                home = _new_draft(table)
                drafts.append(home)
            # With a layout, an entry before every known one goes first; without, entries keep their order.
            home.items.insert(0 if slots else len(home.items), placed)
            draft = home
        placed_at[index] = (draft, placed)


def _restore(placed: _Placed, slot: _Slot, table: JsonResumeSection, unchanged: bool) -> None:
    """Give an entry its item's id and the fields JSON Resume could not carry (all of them if nobody edited it)."""
    placed.item["id"] = slot.record["id"]
    placed.origins["id"] = f"{slot.path}.id"
    for name, value in (slot.record.get("extras") or {}).items():
        if unchanged or name not in table.cv_fields:
            placed.item[name] = value
            placed.origins[name] = f"{slot.path}.extras.{name}"


def _build(data: dict[str, Any]) -> tuple[Fields, dict[str, str]]:
    """Our document dict from a schema-valid JSON Resume document, and the JSON Resume path of each part."""
    vendor = (data.get("meta") or {}).get(VENDOR_KEY)
    jr_basics = data.get("basics") or {}
    basics, summary, origins = _read_basics(jr_basics)
    name = basics["name"].strip()
    title = f"{name} CV"[: limits.MAX_TITLE] if name else "Imported CV"
    origins["title"] = "basics.name"
    design = Design().to_dict()
    drafts: list[_SectionDraft] = []
    if vendor is not None:
        vendor_path = f"meta.{VENDOR_KEY}"
        if "title" in vendor:
            title, origins["title"] = vendor["title"], f"{vendor_path}.title"
        design |= vendor.get("design") or {}
        origins["design"] = f"{vendor_path}.design"
        kept = vendor.get("basics") or {}
        if kept.get("hash") == _basics_fingerprint(jr_basics):
            for name_, value in (kept.get("extras") or {}).items():
                where = f"{vendor_path}.basics.extras.{name_}"
                if name_ == "summary":
                    summary, origins["summary"] = value, where
                else:
                    basics[name_], origins[f"basics.{name_}"] = value, where
        drafts = _drafts_from_layout(vendor.get("sections") or [])
    for key, value in data.items():
        table = SECTIONS_BY_KEY.get(key)
        if table is not None:
            _fill_slots(table, value or [], drafts)
    sections: list[Fields] = []
    origins["sections"] = ""
    for s, draft in enumerate(drafts):
        items = [x.placed if isinstance(x, _Slot) else x for x in draft.items]
        kept_items = [placed for placed in items if placed is not None]
        sections.append(draft.section | {"items": [placed.item for placed in kept_items]})
        origins[f"sections.{s}"] = draft.origin
        origins[f"sections.{s}.items"] = draft.items_origin
        for i, placed in enumerate(kept_items):
            for name_, where in placed.origins.items():
                origins[f"sections.{s}.items.{i}" + (f".{name_}" if name_ else "")] = where
    doc = {"title": title, "basics": basics, "summary": summary, "sections": sections, "design": design}
    return doc, origins


def _translated(problems: list[FieldProblem], origins: dict[str, str]) -> list[FieldProblem]:
    """Problems found in our document, named by the JSON Resume paths they came from."""
    result = []
    for problem in problems:
        parts = problem.path.split(".") if problem.path else []
        for n in range(len(parts), -1, -1):
            prefix = ".".join(parts[:n])
            if prefix in origins:
                path = ".".join(part for part in (origins[prefix], *parts[n:]) if part)
                break
        else:
            path = problem.path
        result.append(FieldProblem(path, problem.message))
    return sorted(result, key=lambda p: p.path)


def _imported(data: Any, templates: Collection[str]) -> Fields:
    """Check `data` step by step, each step only once the one before passed, and build our document dict."""
    problems = _shape_problems(data)
    if not problems:
        problems = _schema_problems(data, _json_resume_validator(), "")
    vendor = (data.get("meta") or {}).get(VENDOR_KEY) if not problems else None
    if not problems and vendor is not None:
        problems = _schema_problems(vendor, _vendor_validator(), f"meta.{VENDOR_KEY}")
    if problems:
        raise InvalidInput(problems[:MAX_REPORTED_PROBLEMS])
    doc, origins = _build(data)
    try:
        validate_document(doc, templates)
    except InvalidInput as invalid:
        raise InvalidInput(_translated(invalid.problems, origins)) from None
    return doc


def validate_json_resume(data: Any, templates: Collection[str] = ()) -> None:
    """Raise `InvalidInput` naming, by JSON Resume path ("work.0.startDate"), every problem of `data`.

    `templates`, when given, are the template names a design kept in meta.cvmaker may use.
    """
    _imported(data, templates)


def from_json_resume(data: dict[str, Any], templates: Collection[str] = ()) -> CvDocument:
    """Our CV of a JSON Resume document, with fresh section and item ids (or those kept in meta.cvmaker).

    Raises `InvalidInput` as `validate_json_resume` does; the result passes `validate_document`.
    """
    return CvDocument.from_dict(_imported(data, templates))


# ---------------------------------------------------------------- checks before the mapping


def _shape_problems(data: Any) -> list[FieldProblem]:
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
def _json_resume_validator() -> Any:
    from jsonschema.validators import (
        validator_for,  # imported where used: the API's cold start skips it
    )

    schema = json_resume_schema()
    return validator_for(schema)(schema)


def _schema_problems(data: Any, validator: Any, base: str) -> list[FieldProblem]:
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
            return [(".".join(p for p in (path, key) if p), "is required") for key in missing]
        case "type":
            kinds = value if isinstance(value, list) else [value]
            article = {"object": "an", "array": "an", "integer": "an"}
            return [(path, "must be " + " or ".join(f"{article.get(k, 'a')} {k}" for k in kinds))]
        case "pattern":
            return [(path, DATE_MESSAGE)]
        case "const" | "enum":
            choices = [value] if error.validator == "const" else value
            return [(path, "must be one of: " + ", ".join(json.dumps(choice) for choice in choices))]
        case "maxItems":
            return [(path, f"must have at most {value} entries")]
        case "maxLength":
            return [(path, f"must be at most {value} characters")]
        case "minimum":
            return [(path, f"must be at least {value}")]
        case _:
            return [(path, "is invalid")]


_ITEM_FIELDS = [name for name in ITEM_DEFAULTS]
_BASICS_EXTRAS = ["name", "headline", "email", "phone", "location", "links", "summary"]
VENDOR_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["version"],
    "properties": {
        "version": {"const": VENDOR_VERSION},
        "title": {"type": "string"},
        "design": {"type": "object"},
        "basics": {
            "type": "object",
            "additionalProperties": False,
            "required": ["hash"],
            "properties": {
                "hash": {"type": "string", "maxLength": 64},
                "extras": {"type": "object", "propertyNames": {"enum": _BASICS_EXTRAS}},
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
                    "id": {"type": "string"},
                    "kind": {"enum": [kind.value for kind in SectionKind]},
                    "title": {"type": "string"},
                    "visible": {"type": "boolean"},
                    "key": {"enum": [*SECTIONS_BY_KEY, None]},
                    "items": {
                        "type": "array",
                        "maxItems": limits.MAX_ITEMS_PER_SECTION,
                        "items": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "additionalProperties": False,
                                    "required": ["id", "at", "hash"],
                                    "properties": {
                                        "id": {"type": "string"},
                                        "at": {"type": "integer", "minimum": 0},
                                        "hash": {"type": "string", "maxLength": 64},
                                        "extras": {"type": "object", "propertyNames": {"enum": _ITEM_FIELDS}},
                                    },
                                },
                                {
                                    "type": "object",
                                    "additionalProperties": False,
                                    "required": ["item"],
                                    "properties": {"item": {"type": "object"}},
                                },
                            ]
                        },
                    },
                },
            },
        },
    },
}


@cache
def _vendor_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(VENDOR_SCHEMA)
