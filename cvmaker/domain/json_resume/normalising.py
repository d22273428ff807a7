"""The tolerant half of the reader: JSON Resume as people write it, brought to the form the strict reader reads.

Rules, each a mechanism rather than a file's quirk:

* text that is not strict JSON (comments, trailing commas, raw newlines, a missing comma) is read leniently, with
  a warning (`parse_json_text`);
* empty or null values are absent; a "present"-like word as an end date is an open end;
* every date spelling the PDF importer understands (`cvmaker.domain.parsing.dates`) is normalised, after two
  spellings it does not take are rewritten into ones it does (an unpadded ISO date "2023-9-24", a two-digit year
  "'16" or "Jun-25"); a range in one date field ("04/2023 - 12/2023") fills both ends;
* a value of another JSON type is converted when the intent is clear (a number as text, a list of lines as text, a
  line as a list, a string entry as its name, a section given as an object of named groups);
* v0 and common alternative key names are read as their v1 names (website, company, gpa, languages name/level,
  start_date, experience, certifications, ...), and a missing `basics` is gathered from top-level person fields;
* unknown arrays become custom sections, unknown fields are kept for the export;
* what cannot be read becomes a warning with its path; only a document that is not a CV at all is refused.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from cvmaker.domain.cv.validation import PARTIAL_DATE
from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.json_resume.basics import PROFILE_URLS
from cvmaker.domain.json_resume.sections import SECTIONS_BY_KEY, VENDOR_KEY
from cvmaker.domain.parsing import dates

NOT_A_CV = "is not a CV: it holds no name, contact or section entry"
NOT_JSON = "must be JSON (a JSON Resume document)"
REPAIRED = "is not strict JSON (comments, trailing commas or a syntax error): it was read leniently, check the result"
# "Present" in languages the PDF importer's date words do not cover yet.
_MORE_PRESENT = {
    "настоящее время",
    "по настоящее время",
    "н.в.",
    "наст. время",
    "obecnie",
    "do teraz",
    "atual",
    "atualmente",
    "o momento",
    "até o momento",
    "hoje",
    "jetzt",
    "heute",
    "laufend",
    "nu",
    "nyní",
    "현재",
}
_PARTIAL = re.compile(PARTIAL_DATE)
_UNPADDED = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ].*)?$")
_TWO_DIGIT_YEAR = re.compile(r"(?:(?<=[A-Za-z.])[-\s]?|\s|^)[’'`](\d{2})\b|(?<=[A-Za-z])[-\s](\d{2})$")


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name).casefold()


@dataclass(frozen=True)
class _Spec:
    primary: str
    texts: tuple[str, ...]
    lists: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()

    def alias_of(self, name: str) -> str | None:
        k = _key(name)
        for alias, target in self.aliases:
            if _key(alias) == k:
                return target
        return None


_PERIOD = ("startDate", "endDate")
_PERIOD_ALIASES = (
    ("start", "startDate"),
    ("start_date", "startDate"),
    ("from", "startDate"),
    ("begin", "startDate"),
    ("since", "startDate"),
    ("end", "endDate"),
    ("end_date", "endDate"),
    ("to", "endDate"),
    ("until", "endDate"),
    ("date", "startDate"),
    ("dates", "startDate"),
    ("period", "startDate"),
)
_ROLE_ALIASES = (
    ("website", "url"),
    ("link", "url"),
    ("title", "position"),
    ("role", "position"),
    ("highlight", "highlights"),
    ("achievements", "highlights"),
    ("responsibilities", "highlights"),
    ("milestones", "highlights"),
    ("bullets", "highlights"),
    *_PERIOD_ALIASES,
)
SPECS: dict[str, _Spec] = {
    "work": _Spec(
        "name",
        ("name", "location", "description", "position", "url", "summary"),
        ("highlights",),
        _PERIOD,
        (("company", "name"), ("employer", "name"), ("organization", "name"), ("organisation", "name"), *_ROLE_ALIASES),
    ),
    "volunteer": _Spec(
        "organization",
        ("organization", "position", "url", "summary"),
        ("highlights",),
        _PERIOD,
        (("company", "organization"), ("name", "organization"), ("organisation", "organization"), *_ROLE_ALIASES),
    ),
    "education": _Spec(
        "institution",
        ("institution", "url", "area", "studyType", "score"),
        ("courses",),
        _PERIOD,
        (
            ("school", "institution"),
            ("university", "institution"),
            ("college", "institution"),
            ("name", "institution"),
            ("degree", "studyType"),
            ("major", "area"),
            ("field", "area"),
            ("fieldOfStudy", "area"),
            ("gpa", "score"),
            ("grade", "score"),
            ("website", "url"),
            *_PERIOD_ALIASES,
        ),
    ),
    "awards": _Spec(
        "title",
        ("title", "date", "awarder", "summary"),
        dates=("date",),
        aliases=(("name", "title"), ("issuer", "awarder"), ("description", "summary"), ("year", "date")),
    ),
    "certificates": _Spec(
        "name",
        ("name", "date", "url", "issuer"),
        dates=("date",),
        aliases=(("title", "name"), ("authority", "issuer"), ("organization", "issuer"), ("website", "url")),
    ),
    "publications": _Spec(
        "name",
        ("name", "publisher", "releaseDate", "url", "summary"),
        dates=("releaseDate",),
        aliases=(
            ("title", "name"),
            ("date", "releaseDate"),
            ("year", "releaseDate"),
            ("website", "url"),
            ("journal", "publisher"),
            ("venue", "publisher"),
            ("description", "summary"),
            ("abstract", "summary"),
        ),
    ),
    "skills": _Spec(
        "name",
        ("name", "level"),
        ("keywords",),
        aliases=(("title", "name"), ("skills", "keywords"), ("items", "keywords"), ("list", "keywords")),
    ),
    "languages": _Spec(
        "language",
        ("language", "fluency"),
        aliases=(("name", "language"), ("level", "fluency"), ("proficiency", "fluency")),
    ),
    "interests": _Spec("name", ("name",), ("keywords",), aliases=(("title", "name"),)),
    "references": _Spec("name", ("name", "reference"), aliases=(("text", "reference"), ("quote", "reference"))),
    "projects": _Spec(
        "name",
        ("name", "description", "url", "entity", "type"),
        ("highlights", "keywords", "roles"),
        _PERIOD,
        (
            ("title", "name"),
            ("summary", "description"),
            ("website", "url"),
            ("link", "url"),
            ("technologies", "keywords"),
            ("tech", "keywords"),
            ("stack", "keywords"),
            ("role", "roles"),
            *_PERIOD_ALIASES,
        ),
    ),
}
# The fields a custom section's entries are read into (`sections.custom_table`).
CUSTOM_SPEC = _Spec(
    "name",
    ("name", "organization", "location", "summary", "url"),
    ("highlights", "keywords"),
    _PERIOD,
    (
        ("title", "name"),
        ("label", "name"),
        ("position", "name"),
        ("description", "summary"),
        ("details", "summary"),
        ("institution", "organization"),
        ("company", "organization"),
        ("issuer", "organization"),
        ("publisher", "organization"),
        ("awarder", "organization"),
        ("venue", "organization"),
        ("website", "url"),
        ("link", "url"),
        *_PERIOD_ALIASES,
    ),
)
# Other names of the JSON Resume arrays.
SECTION_ALIASES = {
    _key(alias): key
    for key, aliases in {
        "work": ("experience", "experiences", "work experience", "employment", "jobs", "professional experience"),
        "certificates": ("certifications", "certification", "certificate"),
        "projects": ("project",),
        "volunteer": ("volunteering", "volunteer work", "volunteer experience"),
        "awards": ("honors", "honours", "award"),
        "publications": ("publication",),
        "education": ("educations",),
        "skills": ("skill",),
        "languages": ("language",),
        "interests": ("interest", "hobbies"),
    }.items()
    for alias in aliases
}
_BASICS_SPEC = _Spec(
    "name",
    ("name", "label", "image", "email", "phone", "url", "summary"),
    aliases=(
        ("website", "url"),
        ("homepage", "url"),
        ("picture", "image"),
        ("photo", "image"),
        ("avatar", "image"),
        ("title", "label"),
        ("headline", "label"),
        ("mobile", "phone"),
        ("tel", "phone"),
        ("mail", "email"),
        ("about", "summary"),
        ("bio", "summary"),
        ("brief", "summary"),
    ),
)
_PERSON_OBJECTS = {
    _key(k) for k in ("personal-info", "personal", "info", "contact", "contact-info", "personal-details")
}
_LOCATION_PARTS = ("address", "postalCode", "city", "countryCode", "region")


@dataclass
class Loose:
    """A document brought to JSON Resume keys and shapes, with what it kept and what it could not read."""

    data: dict[str, Any]  # JSON Resume keys and custom array keys, in document order
    custom: dict[str, str] = field(default_factory=dict)  # custom array key -> its section's title
    top: dict[str, Any] = field(default_factory=dict)  # unknown top-level values, for the export
    meta: dict[str, Any] = field(default_factory=dict)  # meta without meta.cvmaker
    # A custom array's entries as the file wrote them (their own key names), when each was read into one entry.
    raw: dict[str, list[Any]] = field(default_factory=dict)
    # Entries ("education.0") whose end the file wrote as "Present": an open end, which `read_json_resume` makes a
    # current item in every section, not only where a missing end already means one (work, volunteer, projects).
    open_ended: set[str] = field(default_factory=set)
    warnings: list[FieldProblem] = field(default_factory=list)

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(FieldProblem(path, message))


def parse_json_text(text: str | bytes) -> tuple[Any, list[FieldProblem]]:
    """JSON text to a value: strictly if it is JSON, else leniently (json-repair) with a warning."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", errors="replace")
    text = text.lstrip("\ufeff")
    try:
        return json.loads(text), []
    except ValueError:
        pass
    from json_repair import loads as repaired_loads  # imported where used: most files are strict JSON

    try:
        value = repaired_loads(text)
    except Exception:
        value = None
    warnings = [FieldProblem("", REPAIRED)]
    if isinstance(value, list):  # a broken object read as several: the first object is the document
        first = next((v for v in value if isinstance(v, dict)), None)
        if first is not None and len(value) > 1:
            warnings.append(FieldProblem("", "only the first object of the file could be read"))
        value = first
    if not isinstance(value, dict) or not value:
        raise InvalidInput([FieldProblem("", NOT_JSON)])
    return value, warnings


def humanised(key: str) -> str:
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", key).replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or key
    return text[:1].upper() + text[1:]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def _cleaned(value: Any) -> Any:
    """`value` without empty or null parts (an unknown field's content: kept, minus what is empty)."""
    if isinstance(value, dict):
        out = {k: _cleaned(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if not _blank(v)}
    if isinstance(value, list):
        items = [_cleaned(v) for v in value]
        return [v for v in items if not _blank(v)]
    return value


def is_present_word(text: str) -> bool:
    t = text.strip().strip(".").casefold()
    return bool(dates.PRESENT_ONLY.match(text)) or t in _MORE_PRESENT or f"{t}." in _MORE_PRESENT


def _expanded_year(match: re.Match[str]) -> str:
    yy = int(match.group(1) or match.group(2))
    return f" {2000 + yy if yy < 50 else 1900 + yy}"


def normal_date(text: str) -> tuple[str | None, str | None, bool] | None:
    """(start, end, open end) of a date field's text, or None when it is not a date we can read."""
    t = text.strip()
    if _PARTIAL.match(t):
        return t, None, False
    if m := _UNPADDED.match(t):
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        candidate = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        if _PARTIAL.match(candidate):
            return candidate, None, False
        if _PARTIAL.match(candidate[:7]):
            return candidate[:7], None, False
        return None
    if is_present_word(t):
        return None, None, True
    spelled = _TWO_DIGIT_YEAR.sub(_expanded_year, t).strip()
    single = dates.parse_single(spelled)
    if single:
        return single, None, False
    found = dates.find_range(spelled)
    if found is not None:
        span, begin, end = found
        rest = (spelled[:begin] + spelled[end:]).strip(" ,;()[]")
        if not rest:
            return span.start, span.end, span.current
    return None


class _Reader:
    def __init__(self) -> None:
        self.loose = Loose({})
        self.open_end = False  # the entry being read wrote its end as "Present"

    # ------------------------------------------------------------- values

    def text(self, value: Any, path: str, name: str) -> str | None:
        if isinstance(value, str):
            return value if value.strip() else None
        if isinstance(value, bool):
            self.loose.warn(path, "must be text: left out")
            return None
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            joined = ("\n" if name in ("summary", "description", "reference") else ", ").join(
                str(v).strip() for v in value if str(v).strip()
            )
            return joined or None
        if isinstance(value, dict):
            inner = [v for v in value.values() if isinstance(v, str) and v.strip()]
            if len(inner) == 1:
                return inner[0]
        if not _blank(value):
            self.loose.warn(path, "must be text: left out")
        return None

    def texts(self, value: Any, path: str, name: str) -> list[str] | None:
        if isinstance(value, str):
            if name in ("keywords", "roles") and "," in value:
                parts = [part.strip() for part in value.split(",")]
            else:
                parts = [value]
            return [p for p in parts if p.strip()] or None
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return [str(value)]
            self.loose.warn(path, "must be a list of text: left out")
            return None
        result = []
        for n, element in enumerate(value):
            line = self.text(element, f"{path}.{n}", name)
            if line is not None:
                result.append(line)
        return result or None

    # ------------------------------------------------------------- entries

    def entry(self, value: Any, spec: _Spec, path: str) -> dict[str, Any] | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            return {spec.primary: value} if value.strip() else None
        if not isinstance(value, dict):
            if not _blank(value):
                self.loose.warn(path, "must be an object: left out")
            return None
        value = {key: raw for key, raw in value.items() if not _blank(raw)}  # empty means absent
        entry: dict[str, Any] = {}
        named: dict[str, str] = {}  # our key -> the key the file used
        for key, raw in value.items():
            target = key if key in spec.texts or key in spec.lists or key in spec.dates else spec.alias_of(key)
            if target in spec.dates and target != key and not (isinstance(raw, str) and normal_date(raw)):
                target = None  # "from": "ACME" is not a start date: kept as it is
            if target is None or target in value or target in entry:
                target = key
            named[target] = key
            entry[target] = raw
        result: dict[str, Any] = {}
        for key, raw in entry.items():
            where = f"{path}.{named[key]}"
            if _blank(raw):
                continue
            if key in spec.dates:
                self.date(result, key, raw, where)
            elif key in spec.texts:
                text = self.text(raw, where, key)
                lines_for_highlights = key in ("description", "summary") and isinstance(raw, list)
                if lines_for_highlights and "highlights" in spec.lists and "highlights" not in entry:
                    result["highlights"] = self.texts(raw, where, "highlights")  # a list of lines: highlights
                elif text is not None:
                    result[key] = text
            elif key in spec.lists:
                lines = self.texts(raw, where, key)
                if lines:
                    result[key] = lines
            else:
                kept = _cleaned(raw)
                if not _blank(kept):
                    result[key] = kept
        start, end = result.get("startDate"), result.get("endDate")
        if isinstance(start, str) and isinstance(end, str) and end < start[: len(end)]:
            self.loose.warn(f"{path}.{named.get('startDate', 'startDate')}", "is after the end date: left out")
            del result["startDate"]
        return result or None

    def date(self, into: dict[str, Any], key: str, raw: Any, where: str) -> None:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raw = str(int(raw))
        read = normal_date(raw) if isinstance(raw, str) else None
        if read is None:
            self.loose.warn(where, 'is not a date we can read (like "2020", "2020-03" or "Mar 2020"): left out')
            return
        start, end, open_end = read
        if open_end and key in ("startDate", "endDate"):
            self.open_end = True
        if key == "endDate":
            if open_end:
                into.pop("endDate", None)
            elif start and end:
                into["endDate"] = end
            elif start:
                into["endDate"] = start
            return
        if start:
            into[key] = start
        elif open_end:
            self.loose.warn(where, "is an open end, not a start date: left out")
        if key == "startDate" and start and end:  # a range in the start field
            into.setdefault("endDate", end)

    # ------------------------------------------------------------- sections

    def section(self, key: str, value: Any, spec: _Spec, path: str) -> list[dict[str, Any]]:
        if isinstance(value, dict):
            lists = [(k, v) for k, v in value.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
            if len(lists) == 1 and all(not isinstance(v, (list, dict)) for k, v in value.items() if k != lists[0][0]):
                value, path = lists[0][1], f"{path}.{lists[0][0]}"  # {"history": [{...}]}: the entries inside
            else:  # named groups: {"Languages": ["Python"], "Tools": "git, make"}
                second = spec.lists[0] if spec.lists else (spec.texts[1] if len(spec.texts) > 1 else None)
                groups = []
                for name, content in value.items():
                    if isinstance(content, dict):
                        groups.append({spec.primary: name, **content})
                    elif second and not _blank(content):
                        groups.append({spec.primary: name, second: content})
                    else:
                        groups.append({spec.primary: name})
                value = groups
        elif isinstance(value, str):
            parts = [p.strip() for p in value.split(",")] if key in ("skills", "interests", "languages") else [value]
            value = [p for p in parts if p]
        if not isinstance(value, list):
            if not _blank(value):
                self.loose.warn(path, "must be a list of entries: left out")
            return []
        entries: list[dict[str, Any]] = []
        for n, element in enumerate(value):
            self.open_end = False
            entry = self.entry(element, spec, f"{path}.{n}")
            if entry:
                if self.open_end:
                    self.loose.open_ended.add(f"{key}.{len(entries)}")
                entries.append(entry)
        return entries

    # ------------------------------------------------------------- basics

    def basics(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            if not _blank(value):
                self.loose.warn(path, "must be an object: left out")
            return {}
        result: dict[str, Any] = {}
        profiles: list[Any] = []
        for key, raw in value.items():
            where = f"{path}.{key}"
            if _blank(raw):
                continue
            target = key if key in _BASICS_SPEC.texts else _BASICS_SPEC.alias_of(key)
            if target and (target == key or target not in value) and target not in result:
                text = self.text(raw, where, target)
                if text is not None:
                    result[target] = text.strip() if target in ("email", "url", "image", "phone") else text
            elif key == "location":
                location = self.location(raw, where)
                if location:
                    result["location"] = location
            elif key == "profiles":
                found = raw if isinstance(raw, list) else [raw]
                if isinstance(raw, dict) and not {"url", "network", "username"} & set(raw):
                    found = [{"network": k, **(v if isinstance(v, dict) else {"url": v})} for k, v in raw.items()]
                profiles = [*found, *profiles]
            elif key.casefold() in PROFILE_URLS and isinstance(raw, (str, dict)):
                profiles.append({"network": key, **(raw if isinstance(raw, dict) else {"url": raw})})
            else:
                kept = _cleaned(raw)
                if not _blank(kept):
                    result[key] = kept
        read_profiles = []
        for n, profile in enumerate(profiles):
            entry = self.profile(profile, f"{path}.profiles.{n}")
            if entry:
                read_profiles.append(entry)
        if read_profiles:
            result["profiles"] = read_profiles
        return result

    def location(self, raw: Any, where: str) -> dict[str, Any] | None:
        if isinstance(raw, str):
            return {"city": raw} if raw.strip() else None
        if not isinstance(raw, dict):
            self.loose.warn(where, "must be an object or text: left out")
            return None
        result: dict[str, Any] = {}
        for key, part in raw.items():
            if _blank(part):
                continue
            if key in _LOCATION_PARTS:
                text = self.text(part, f"{where}.{key}", key)
                if text is not None:
                    result[key] = text
            else:
                result[key] = _cleaned(part)
        return result or None

    def profile(self, raw: Any, where: str) -> dict[str, Any] | None:
        if isinstance(raw, str):
            raw = {"url": raw} if ("." in raw or ":" in raw) else {"username": raw}
        if not isinstance(raw, dict):
            if not _blank(raw):
                self.loose.warn(where, "must be an object: left out")
            return None
        result: dict[str, Any] = {}
        for key, part in raw.items():
            if _blank(part):
                continue
            name = "username" if key == "id" and "username" not in raw else key
            if name in ("network", "username", "url"):
                text = self.text(part, f"{where}.{key}", name)
                if text is not None:
                    result[name] = text.strip()
            else:
                result[name] = _cleaned(part)
        return result or None

    # ------------------------------------------------------------- the document

    def document(self, data: dict[str, Any]) -> Loose:
        loose = self.loose
        person_keys: set[str] = set()
        if not isinstance(data.get("basics"), dict):  # a person written without `basics`
            person: dict[str, Any] = {}
            for key, value in data.items():
                if _key(key) in _PERSON_OBJECTS and isinstance(value, dict):
                    person = {**value, **person}
                elif key in _BASICS_SPEC.texts or _BASICS_SPEC.alias_of(key):
                    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                        continue
                    person.setdefault(key, value)
                elif not (key == "location" and isinstance(value, (str, dict))):
                    continue
                else:
                    person.setdefault(key, value)
                person_keys.add(key)
            if person:
                loose.data["basics"] = self.basics(person, "basics")
        for key, value in data.items():
            if key in person_keys or key == "$schema":
                continue
            if key == "basics":
                loose.data["basics"] = self.basics(value, key)
                continue
            if key == "meta":
                if isinstance(value, dict):
                    loose.meta = {k: v for k, v in _cleaned(value).items() if k != VENDOR_KEY}
                    if isinstance(value.get(VENDOR_KEY), dict):
                        loose.data["meta"] = {VENDOR_KEY: value[VENDOR_KEY]}
                continue
            canonical = key if key in SECTIONS_BY_KEY else SECTION_ALIASES.get(_key(key))
            if canonical and canonical != key and (canonical in data or canonical in loose.data):
                canonical = None  # the v1 array is there too: this one is a custom section
            textual = isinstance(value, str) and key == canonical and key in ("skills", "interests", "languages")
            if canonical and (isinstance(value, (list, dict)) or textual):
                entries = self.section(canonical, value, SPECS[canonical], key)
                if entries:
                    loose.data[canonical] = entries
                continue
            if isinstance(value, list) or (
                isinstance(value, dict) and any(isinstance(v, list) for v in value.values())
            ):
                entries = self.section(key, value, CUSTOM_SPEC, key)
                if entries:
                    loose.data[key] = entries
                    loose.custom[key] = humanised(key)
                    if (
                        isinstance(value, list)
                        and len(value) == len(entries)
                        and all(isinstance(entry, dict) for entry in value)
                    ):
                        loose.raw[key] = _cleaned(value)
                    continue
            kept = _cleaned(value)
            if not _blank(kept):
                loose.top[key] = kept
        if not loose.data.get("basics", True):
            del loose.data["basics"]
        return loose


def _is_json_schema(data: dict[str, Any]) -> bool:
    schema = data.get("$schema")
    names_schema = isinstance(schema, str) and "json-schema.org" in schema
    return names_schema or (isinstance(data.get("properties"), dict) and data.get("type") == "object")


def _is_cv(loose: Loose) -> bool:
    basics = loose.data.get("basics") or {}
    if any(isinstance(basics.get(k), str) and basics[k].strip() for k in ("name", "email", "phone", "label")):
        return True
    return any(loose.data.get(key) for key in SECTIONS_BY_KEY) or bool(loose.data.get("meta"))


def normalise(data: Any) -> Loose:
    """`data` brought to JSON Resume keys and shapes; `InvalidInput` at "" only when it is not a CV at all."""
    if not isinstance(data, dict):
        raise InvalidInput([FieldProblem("", "must be a JSON object (a JSON Resume document)")])
    if _is_json_schema(data):
        raise InvalidInput([FieldProblem("", "is a JSON Schema, not a CV")])
    loose = _Reader().document(data)
    if not _is_cv(loose):
        raise InvalidInput([FieldProblem("", NOT_A_CV)])
    return loose
