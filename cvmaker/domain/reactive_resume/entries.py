"""One Reactive Resume item as a JSON Resume entry, plus the fields of ours JSON Resume has no place for.

Each reader knows the field names of both versions (v5 first, then v4: "school" or "institution", "period" or
"date", a `website` or a `url` link); where one name means two things ("description" is the rich text in v5 but a
short line in v4), the version decides. The same readers serve custom sections, whose entries take the generic
shape of a JSON Resume custom array (`as_custom`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cvmaker.domain.errors import FieldProblem
from cvmaker.domain.reactive_resume.html_text import RichText, html_to_text
from cvmaker.domain.reactive_resume.periods import read_date, read_period

HIDDEN_ITEM = "was hidden in Reactive Resume: imported as a hidden item"
UNREAD_PERIOD = 'is not a date range we can read (like "Jan 2020 - Present" or "2019 - 2021"): left out'
MORE_THAN_DATES = "holds more than dates: only the dates were read"
# As the JSON Resume reader shows a score (`json_resume.sections.GRADE_LABEL`), kept in one line with the text.
GRADE_LABEL = "Grade: "


@dataclass
class Item:
    """One item being read: where it is, its JSON Resume entry, and where each entry field came from."""

    raw: dict[str, Any]
    path: str
    v5: bool
    entry: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)  # our item fields JSON Resume cannot carry
    sources: dict[str, str] = field(default_factory=dict)  # entry field -> the Reactive Resume field
    warnings: list[FieldProblem] = field(default_factory=list)

    def text(self, *names: str) -> tuple[str | None, str]:
        for name in names:
            value = self.raw.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            if isinstance(value, str) and value.strip():
                return " ".join(value.split()), name
        return None, names[0]

    def put(self, key: str, *names: str) -> str | None:
        value, name = self.text(*names)
        if value is not None:
            self.entry[key] = value
            self.sources[key] = name
        return value

    def link(self) -> tuple[str | None, str]:
        """The item's address: v5 `website.url`, v4 `url.href` (or a plain text address)."""
        for name, inner in (("website", "url"), ("url", "href")):
            value = self.raw.get(name)
            if isinstance(value, dict) and isinstance(value.get(inner), str) and value[inner].strip():
                return value[inner].strip(), f"{name}.{inner}"
            if isinstance(value, str) and value.strip():
                return value.strip(), name
        return None, "website" if self.v5 else "url"

    def keep(self, name: str, value: Any, source: str) -> None:
        """A field of ours JSON Resume has no place for, put on the item after the reader built it."""
        self.fields[name] = value
        self.sources[name] = source

    def put_link(self, key: str = "url") -> None:
        value, name = self.link()
        if value:
            self.entry[key] = value
            self.sources[key] = name

    def rich(self) -> tuple[RichText, str]:
        """The rich-text field: `description` in v5, `summary` in v4."""
        name = "description" if self.v5 else "summary"
        value = self.raw.get(name)
        if not isinstance(value, str) and self.v5 and isinstance(self.raw.get("content"), str):
            name, value = "content", self.raw["content"]
        return (html_to_text(value) if isinstance(value, str) else RichText()), name

    def keywords(self) -> None:
        value = self.raw.get("keywords")
        if isinstance(value, list):
            words = [" ".join(w.split()) for w in value if isinstance(w, str) and w.strip()]
            if words:
                self.entry["keywords"] = words
                self.sources["keywords"] = "keywords"

    def period(self, *names: str) -> None:
        text, name = self.text(*(names or ("period", "date")))
        if text is None:
            return
        period = read_period(text)
        if period is None or period.start is None:
            self.warnings.append(FieldProblem(f"{self.path}.{name}", UNREAD_PERIOD))
            return
        if period.more:
            self.warnings.append(FieldProblem(f"{self.path}.{name}", MORE_THAN_DATES))
        self.entry["startDate"], self.sources["startDate"] = period.start, name
        if period.end:
            self.entry["endDate"], self.sources["endDate"] = period.end, name

    def date(self, key: str, *names: str) -> None:
        text, name = self.text(*(names or ("date",)))
        if text is None:
            return
        found = read_date(text)
        if found is None or found.start is None:
            self.warnings.append(FieldProblem(f"{self.path}.{name}", UNREAD_PERIOD))
            return
        if found.more:
            self.warnings.append(FieldProblem(f"{self.path}.{name}", MORE_THAN_DATES))
        self.entry[key], self.sources[key] = found.start, name

    def text_into(self, key: str, rich: RichText, name: str, *, lists: str | None = None) -> None:
        """Rich text into `key`: paragraphs as text, list items into `lists` if the entry has one, else as lines."""
        if lists and rich.bullets:
            self.entry[lists], self.sources[lists] = list(rich.bullets), name
            text = "\n".join(rich.paragraphs) or None
        else:
            text = rich.as_text()
        if text:
            self.entry[key], self.sources[key] = text, name


def _experience(item: Item) -> None:
    item.put("name", "company")
    item.put("position", "position")
    item.put("location", "location")
    item.put_link()
    item.period()
    rich, name = item.rich()
    item.text_into("summary", rich, name, lists="highlights")


def _volunteer(item: Item) -> None:
    item.put("organization", "organization")
    item.put("position", "position")
    item.put_link()
    item.period()
    rich, name = item.rich()
    item.text_into("summary", rich, name, lists="highlights")
    location, name = item.text("location")
    if location:
        item.keep("location", location, name)


def _education(item: Item) -> None:
    item.put("institution", "school", "institution")
    item.put("studyType", "degree", "studyType")
    item.put("area", "area")
    item.put_link()
    item.period()
    rich, name = item.rich()
    if rich.bullets:  # the courses a study lists
        item.entry["courses"], item.sources["courses"] = list(rich.bullets), name
    grade, grade_name = item.text("grade", "score")
    if grade:
        item.entry["score"], item.sources["score"] = grade, grade_name
    if rich.paragraphs:  # JSON Resume's education has no text but the score: ours has a description
        item.keep("description", "\n".join([*([GRADE_LABEL + grade] if grade else []), *rich.paragraphs]), name)
    location, location_name = item.text("location")
    if location:
        item.keep("location", location, location_name)


def _project(item: Item) -> None:
    item.put("name", "name")
    if not item.v5:
        item.put("entity", "description")  # v4's one-line description: the role or context
    item.put_link()
    item.period()
    item.keywords()
    rich, name = item.rich()
    item.text_into("description", rich, name, lists="highlights")


def _skill(item: Item) -> None:
    item.put("name", "name")
    if item.put("level", "proficiency" if item.v5 else "description") is None:
        level = item.raw.get("level")
        if isinstance(level, (int, float)) and not isinstance(level, bool) and 0 < level <= 5:
            item.entry["level"], item.sources["level"] = f"{level:g}/5", "level"
    item.keywords()


def _language(item: Item) -> None:
    item.put("language", "language", "name")
    if item.put("fluency", "fluency" if item.v5 else "description") is None:
        level = item.raw.get("level")
        if isinstance(level, (int, float)) and not isinstance(level, bool) and 0 < level <= 5:
            item.entry["fluency"], item.sources["fluency"] = f"{level:g}/5", "level"


def _interest(item: Item) -> None:
    item.put("name", "name")
    item.keywords()


def _award(item: Item) -> None:
    item.put("title", "title")
    item.put("awarder", "awarder")
    item.date("date")
    rich, name = item.rich()
    item.text_into("summary", rich, name)
    url, url_name = item.link()
    if url:
        item.keep("url", url, url_name)


def _certification(item: Item) -> None:
    item.put("name", "title", "name")
    item.put("issuer", "issuer")
    item.date("date")
    item.put_link()
    rich, name = item.rich()
    if rich:
        item.keep("description", rich.as_text(), name)


def _publication(item: Item) -> None:
    item.put("name", "title", "name")
    item.put("publisher", "publisher")
    item.date("releaseDate")
    item.put_link()
    rich, name = item.rich()
    item.text_into("summary", rich, name)


def _reference(item: Item) -> None:
    item.put("name", "name")
    rich, name = item.rich()
    phone, _ = item.text("phone")
    lines = [line for line in (rich.as_text(), phone) if line]
    if lines:
        item.entry["reference"], item.sources["reference"] = "\n".join(lines), name
    role, role_name = item.text("position" if item.v5 else "description")
    if role:
        item.keep("organization", role, role_name)
    url, url_name = item.link()
    if url:
        item.keep("url", url, url_name)


def _profile(item: Item) -> None:
    item.put("network", "network")
    item.put("username", "username")
    item.put_link()


def _summary_item(item: Item) -> None:
    """v5's custom sections of rich text ("summary" items, a cover letter's recipient and content)."""
    parts = [html_to_text(value) for key in ("recipient", "content") if isinstance(value := item.raw.get(key), str)]
    text = "\n".join(filter(None, (part.as_text() for part in parts)))
    if text:
        item.entry["summary"], item.sources["summary"] = text, "content"


def _generic(item: Item) -> None:
    """An item of a kind this reader does not know (a later version's): its name, dates, link and text."""
    item.put("name", "name", "title", "company", "school", "organization", "network", "language")
    # v4's custom item has a one-line `description` under its name: what it was with or at.
    item.put("organization", *(() if item.v5 else ("description",)), "issuer", "awarder", "publisher", "position")
    item.put("location", "location")
    item.put_link()
    item.period("period", "date")
    item.keywords()
    rich, name = item.rich()
    item.text_into("summary", rich, name, lists="highlights")


@dataclass(frozen=True)
class Kind:
    """A kind of Reactive Resume section: its JSON Resume array, and how an item becomes an entry."""

    jr_key: str
    read: Callable[[Item], None]


KINDS: dict[str, Kind] = {
    "experience": Kind("work", _experience),
    "education": Kind("education", _education),
    "projects": Kind("projects", _project),
    "skills": Kind("skills", _skill),
    "languages": Kind("languages", _language),
    "interests": Kind("interests", _interest),
    "awards": Kind("awards", _award),
    "certifications": Kind("certificates", _certification),
    "publications": Kind("publications", _publication),
    "volunteer": Kind("volunteer", _volunteer),
    "references": Kind("references", _reference),
    "profiles": Kind("profiles", _profile),
    "summary": Kind("summary", _summary_item),
    "cover-letter": Kind("summary", _summary_item),
}
GENERIC = Kind("custom", _generic)


def read_item(kind: Kind, raw: dict[str, Any], path: str, v5: bool) -> Item:
    item = Item(raw, path, v5)
    kind.read(item)
    hidden = raw.get("hidden") is True if v5 else raw.get("visible") is False
    if hidden:
        item.fields["visible"] = False
    return item


def _first(entry: dict[str, Any], *keys: str) -> tuple[str | None, str | None]:
    for key in keys:
        if entry.get(key):
            return entry[key], key
    return None, None


# A JSON Resume entry's fields as a custom section's (name, organization, summary): the title, what it was with
# or at, and its text.
_CUSTOM_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "work": (("position", "name"), ("name",), ("summary",)),
    "volunteer": (("position", "organization"), ("organization",), ("summary",)),
    "education": (("studyType", "area", "institution"), ("institution",), ("score",)),
    "projects": (("name",), ("entity",), ("description",)),
    "skills": (("name",), (), ("level",)),
    "languages": (("language",), (), ("fluency",)),
    "interests": (("name",), (), ()),
    "awards": (("title",), ("awarder",), ("summary",)),
    "certificates": (("name",), ("issuer",), ()),
    "publications": (("name",), ("publisher",), ("summary",)),
    "references": (("name",), (), ("reference",)),
    "profiles": (("network",), ("username",), ()),
    "summary": ((), (), ("summary",)),
    "custom": (("name",), ("organization",), ("summary",)),
}
_DATES = {"date": "startDate", "releaseDate": "startDate", "startDate": "startDate", "endDate": "endDate"}
_LISTS = {"highlights": "highlights", "courses": "highlights", "keywords": "keywords"}


def as_custom(jr_key: str, item: Item) -> None:
    """Give `item` the shape of a JSON Resume custom array's entry, for a custom section of its kind."""
    entry, sources = item.entry, item.sources
    names, organizations, texts = _CUSTOM_FIELDS[jr_key]
    out: dict[str, Any] = {}
    out_sources: dict[str, str] = {}
    name, name_key = _first(entry, *names)
    if jr_key == "education" and name_key in ("studyType", "area"):
        name = ", ".join(entry[key] for key in ("studyType", "area") if entry.get(key))
    if name and name_key:
        out["name"], out_sources["name"] = name, sources[name_key]
    organization, organization_key = _first(entry, *organizations)
    if organization and organization_key and organization_key != name_key:
        out["organization"], out_sources["organization"] = organization, sources[organization_key]
    text, text_key = _first(entry, *texts)
    if jr_key == "education" and text:
        text = GRADE_LABEL + text
    if text and text_key:
        out["summary"], out_sources["summary"] = text, sources[text_key]
    for key in ("location", "url"):
        if entry.get(key):
            out[key], out_sources[key] = entry[key], sources[key]
    for key, target in (*_DATES.items(), *_LISTS.items()):
        if entry.get(key) and target not in out:
            out[target], out_sources[target] = entry[key], sources[key]
    # A custom array holds these itself: only the visibility stays outside it.
    for key, target in (("location", "location"), ("organization", "organization"), ("url", "url")):
        if key in item.fields and target not in out:
            out[target], out_sources[target] = item.fields.pop(key), sources[key]
    if "description" in item.fields:
        out["summary"], out_sources["summary"] = item.fields.pop("description"), sources["description"]
    item.entry, item.sources = out, out_sources
