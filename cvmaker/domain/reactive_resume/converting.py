"""A Reactive Resume document (v5 or v4), recognised by its shape, as a JSON Resume document and the rest of a
`Conversion`: basics and summary, each section in the file's layout order, custom sections, the metadata that has
a place in our design, and a warning, by the file's path, for everything else.
"""

from __future__ import annotations

import re
from typing import Any

from cvmaker.domain.cv.design import FONT_FAMILIES
from cvmaker.domain.errors import FieldProblem
from cvmaker.domain.reactive_resume.conversion import Conversion
from cvmaker.domain.reactive_resume.entries import GENERIC, HIDDEN_ITEM, KINDS, Item, Kind, as_custom, read_item
from cvmaker.domain.reactive_resume.html_text import html_to_text

# The sections both versions hold under `sections`, by their key there.
SECTION_KEYS = (
    "profiles",
    "experience",
    "education",
    "projects",
    "skills",
    "languages",
    "interests",
    "awards",
    "certifications",
    "publications",
    "volunteer",
    "references",
)
HIDDEN_SECTION = "was hidden in Reactive Resume: imported as a hidden section"
HIDDEN_SHOWN = "was hidden in Reactive Resume, and CV Maker has no hidden {what}: it is shown, remove it if need be"
EMPTY = "holds nothing to import: left out"
NOT_AN_OBJECT = "must be an object: left out"
NOT_A_SECTION = "must be a section (an object with a list of items): left out"
NO_PHOTO = "the photo is not imported: CV Maker's templates show none"
NO_PLACE = "has no place in a CV Maker CV: left out"
UNKNOWN_KIND = "is a kind of section this reader does not know: its items were read as plain entries"
_RGBA = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$")
_HEX = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_URL_LIKE = re.compile(r"^(https?://|www\.)\S+$|^[\w-]+(\.[\w-]+)+(/\S*)?$", re.IGNORECASE)
_EMAIL_LIKE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def version_of(data: dict[str, Any]) -> int | None:
    """5 or 4 when `data` has the shape of that version's export (`resume.data`), else None."""
    sections = data.get("sections")
    if not isinstance(sections, dict):
        return None
    listed = [v for k, v in sections.items() if k in SECTION_KEYS and isinstance(v, dict)]
    has_items = any(isinstance(v.get("items"), list) for v in listed)
    summary = sections.get("summary")
    if not has_items and not (isinstance(summary, dict) and "content" in summary):
        return None
    found = data.get("basics")
    basics: dict[str, Any] = found if isinstance(found, dict) else {}
    v5 = sum(
        (
            isinstance(data.get("customSections"), list),
            isinstance(data.get("picture"), dict),
            isinstance(data.get("summary"), dict),
            isinstance(basics.get("website"), dict),
            any("hidden" in v or "title" in v for v in listed),
        )
    )
    v4 = sum(
        (
            isinstance(summary, dict),
            isinstance(sections.get("custom"), dict),
            isinstance(basics.get("url"), dict),
            isinstance(basics.get("picture"), dict),
            any("visible" in v or "name" in v for v in listed),
        )
    )
    if not v5 and not v4:
        return None
    return 5 if v5 >= v4 else 4


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


class _Converter:
    def __init__(self, data: dict[str, Any], version: int) -> None:
        self.data = data
        self.v5 = version == 5
        self.out = Conversion(version, {})
        self.basics: dict[str, Any] = {}
        self.profiles: list[dict[str, Any]] = []
        self.arrays: dict[str, tuple[str, list[dict[str, Any]]]] = {}  # file section id -> (JR key, entries)

    def warn(self, path: str, message: str) -> None:
        self.out.warnings.append(FieldProblem(path, message))

    def hidden(self, record: dict[str, Any]) -> bool:
        return record.get("hidden") is True if self.v5 else record.get("visible") is False

    # ------------------------------------------------------------- basics

    def read_basics(self) -> None:
        raw = self.data.get("basics")
        if not isinstance(raw, dict):
            if raw is not None:
                self.warn("basics", NOT_AN_OBJECT)
            raw = {}
        for key, source in (("name", "name"), ("label", "headline"), ("email", "email"), ("phone", "phone")):
            if value := _text(raw.get(source)):
                self.basics[key] = value
                self.out.paths[f"basics.{key}"] = f"basics.{source}"
        if location := _text(raw.get("location")):
            self.basics["location"] = {"city": location}  # one line, as the reader keeps it
            self.out.paths["basics.location"] = "basics.location"
        link, inner = ("website", "url") if self.v5 else ("url", "href")
        website = raw.get(link)
        if isinstance(website, dict) and (url := _text(website.get(inner))):
            self.basics["url"] = url
            self.out.paths["basics.url"] = f"basics.{link}.{inner}"
        self.read_custom_fields(raw.get("customFields"))
        picture = self.data.get("picture") if self.v5 else raw.get("picture")
        if isinstance(picture, dict) and _text(picture.get("url")):
            hidden = picture.get("hidden") if self.v5 else (picture.get("effects") or {}).get("hidden")
            if hidden is not True:
                self.warn("picture" if self.v5 else "basics.picture", NO_PHOTO)

    def read_custom_fields(self, fields: Any) -> None:
        """A custom field with an address is a link (a profile); an e-mail address fills a missing e-mail; the rest
        (a birthday, a licence) has no field of ours."""
        if not isinstance(fields, list):
            return
        for n, raw in enumerate(fields):
            where = f"basics.customFields.{n}"
            if not isinstance(raw, dict):
                continue
            label = _text(raw.get("name")) or _text(raw.get("icon"))
            value = _text(raw.get("link")) or _text(raw.get("value")) or _text(raw.get("text"))
            text = _text(raw.get("text")) or _text(raw.get("name"))
            if value and _EMAIL_LIKE.match(value.removeprefix("mailto:")) and "email" not in self.basics:
                self.basics["email"] = value.removeprefix("mailto:")
                self.out.paths["basics.email"] = where
            elif value and _URL_LIKE.match(value):
                profile = {"network": (text if raw.get("link") else label) or "Link", "url": value}
                self.out.paths[f"basics.profiles.{len(self.profiles)}"] = where
                self.profiles.append(profile)
            elif value or text:
                self.warn(where, NO_PLACE)

    def read_summary(self) -> None:
        if self.v5:
            raw, where = self.data.get("summary"), "summary"
        else:
            sections = self.data.get("sections") or {}
            raw, where = sections.get("summary"), "sections.summary"
        if not isinstance(raw, dict) or not isinstance(raw.get("content"), str):
            return
        text = html_to_text(raw["content"]).as_text()
        if text:
            self.basics["summary"] = text
            self.out.paths["basics.summary"] = f"{where}.content"
            if self.hidden(raw):
                self.warn(where, HIDDEN_SHOWN.format(what="summary"))

    # ------------------------------------------------------------- sections

    def read_items(
        self, kind: Kind, section: dict[str, Any], where: str, *, custom: bool = False, hidden: str = HIDDEN_ITEM
    ) -> list[Item]:
        """The section's items that hold something, each with the warnings it raised."""
        kept: list[Item] = []
        items = section.get("items")
        if not isinstance(items, list):
            self.warn(f"{where}.items", NOT_A_SECTION)
            return kept
        for n, raw in enumerate(items):
            path = f"{where}.items.{n}"
            if not isinstance(raw, dict):
                self.warn(path, NOT_AN_OBJECT)
                continue
            item = read_item(kind, raw, path, self.v5)
            if custom:
                as_custom(kind.jr_key, item)
            if not item.entry:
                self.warn(path, EMPTY)
                continue
            self.out.warnings.extend(item.warnings)
            if item.fields.get("visible") is False or (hidden != HIDDEN_ITEM and self.hidden(section)):
                self.warn(path, hidden)
            kept.append(item)
        return kept

    def place(self, jr_key: str, items: list[Item], first: int = 0) -> list[dict[str, Any]]:
        """The entries of `items`, each named by its JSON Resume path (`jr_key`.index) in the conversion."""
        for index, item in enumerate(items, start=first):
            jr = f"{jr_key}.{index}"
            self.out.paths[jr] = item.path
            for name, source in item.sources.items():
                self.out.paths[f"{jr}.{name}"] = f"{item.path}.{source}"
            if item.fields:
                self.out.item_fields[jr] = item.fields
        return [item.entry for item in items]

    def section_settings(self, jr_key: str, section: dict[str, Any], where: str) -> None:
        self.out.paths[jr_key] = where
        settings: dict[str, Any] = {}
        if title := _text(section.get("title" if self.v5 else "name")):
            settings["title"] = title[:100]
        if self.hidden(section):
            settings["visible"] = False
            self.warn(where, HIDDEN_SECTION)
        if settings:
            self.out.section_fields[jr_key] = settings

    def read_sections(self) -> None:
        sections = self.data.get("sections") or {}
        for key in SECTION_KEYS:
            section = sections.get(key)
            where = f"sections.{key}"
            if section is None:
                continue
            if not isinstance(section, dict):
                self.warn(where, NOT_A_SECTION)
                continue
            kind = KINDS[key]
            if key == "profiles":  # our links, which have no hidden state: a hidden one is shown
                items = self.read_items(kind, section, where, hidden=HIDDEN_SHOWN.format(what="links"))
                for item in items:
                    item.fields.pop("visible", None)
                self.profiles += self.place("basics.profiles", items, first=len(self.profiles))
                continue
            items = self.read_items(kind, section, where)
            if items:
                self.arrays[key] = (kind.jr_key, self.place(kind.jr_key, items))
                self.section_settings(kind.jr_key, section, where)

    def read_custom_sections(self) -> None:
        if self.v5:
            found = self.data.get("customSections")
            records = list(enumerate(found)) if isinstance(found, list) else []
            base = "customSections"
        else:
            found = (self.data.get("sections") or {}).get("custom")
            records = list(found.items()) if isinstance(found, dict) else []
            base = "sections.custom"
        if found is not None and not records and not isinstance(found, (list, dict)):
            self.warn(base, NOT_A_SECTION)
        for n, (name, section) in enumerate(records):
            where = f"{base}.{name}"
            if not isinstance(section, dict):
                self.warn(where, NOT_A_SECTION)
                continue
            kind = GENERIC
            if self.v5:
                kind_name = section.get("type")
                if kind_name in KINDS:
                    kind = KINDS[str(kind_name)]
                elif kind_name is not None:
                    self.warn(f"{where}.type", UNKNOWN_KIND)
            jr_key = f"custom_{n + 1}"
            items = self.read_items(kind, section, where, custom=True)
            if items:
                section_id = _text(section.get("id")) or str(name)
                self.arrays[section_id if self.v5 else f"custom.{section_id}"] = (jr_key, self.place(jr_key, items))
                self.section_settings(jr_key, section, where)
                self.out.section_fields.setdefault(jr_key, {}).setdefault("title", "Other")

    # ------------------------------------------------------------- metadata

    def layout_order(self, metadata: dict[str, Any]) -> list[str]:
        """The file's section ids in the order its pages show them: main column, then sidebar, page by page."""
        layout = metadata.get("layout")
        order: list[str] = []
        if self.v5 and isinstance(layout, dict) and isinstance(layout.get("pages"), list):
            for page in layout["pages"]:
                if isinstance(page, dict):
                    for column in (page.get("main"), page.get("sidebar")):
                        order += [x for x in column if isinstance(x, str)] if isinstance(column, list) else []
        elif not self.v5 and isinstance(layout, list):
            for page in layout:
                for column in page if isinstance(page, list) else []:
                    order += [x for x in column if isinstance(x, str)] if isinstance(column, list) else []
        return order

    def read_metadata(self, metadata: dict[str, Any]) -> None:
        design: dict[str, Any] = {}
        if self.v5:
            primary = _at(metadata, "design", "colors", "primary")
            font = _at(metadata, "typography", "body", "fontFamily")
        else:
            primary = _at(metadata, "theme", "primary")
            font = _at(metadata, "typography", "font", "family")
        page_format = _at(metadata, "page", "format")
        if isinstance(primary, str) and (colour := _hex_colour(primary)):
            design["accentColor"] = colour
        if page_format in ("a4", "letter"):
            design["pageSize"] = "A4" if page_format == "a4" else "LETTER"
        if isinstance(font, str) and font in FONT_FAMILIES:
            design["fontFamily"] = font
        elif isinstance(font, str) and font.strip():
            self.warn("metadata.typography", "the font is not one CV Maker has: the CV uses CV Maker's default font")
        self.out.design = design
        if _text(metadata.get("template")):
            self.warn("metadata.template", "Reactive Resume's templates are not CV Maker's: choose one in Design")
        if isinstance(metadata.get("notes"), str) and html_to_text(metadata["notes"]):
            self.warn("metadata.notes", "private notes are not imported")
        css = metadata.get("css")
        if isinstance(css, dict) and (css.get("enabled") or css.get("visible")) and _text(css.get("value")):
            self.warn("metadata.css", "custom CSS is not imported")
        self.warn(
            "metadata",
            "the layout, spacing and type sizes are not imported: CV Maker's templates set them "
            "(the section order, accent colour, page size and a known font are kept)",
        )

    # ------------------------------------------------------------- the document

    def convert(self) -> Conversion:
        self.read_basics()
        self.read_summary()
        self.read_sections()
        self.read_custom_sections()
        if self.profiles:
            self.basics["profiles"] = self.profiles
        document: dict[str, Any] = {}
        if self.basics:
            document["basics"] = self.basics
        metadata = self.data.get("metadata")
        order = self.layout_order(metadata) if isinstance(metadata, dict) else []
        for section_id in [*(x for x in order if x in self.arrays), *self.arrays]:
            jr_key, entries = self.arrays[section_id]
            document.setdefault(jr_key, entries)
        if isinstance(metadata, dict):
            self.read_metadata(metadata)
        self.out.document = document
        return self.out


def _at(value: Any, *keys: str) -> Any:
    """The value at `keys` inside nested objects, or None where the file has another shape."""
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _hex_colour(value: str) -> str | None:
    value = value.strip()
    if m := _HEX.match(value):
        digits = m.group(1)
        return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits).lower()
    if m := _RGBA.match(value):
        parts = [int(m.group(k)) for k in (1, 2, 3)]
        if all(0 <= p <= 255 for p in parts):
            return "#" + "".join(f"{p:02x}" for p in parts)
    return None


def recognise(data: Any) -> Conversion | None:
    """The conversion of a Reactive Resume export (v5 or v4, or one wrapped as `{"data": ...}` the way its API
    returns a resume), or None when `data` is not one."""
    if not isinstance(data, dict):
        return None
    version = version_of(data)
    if version is None and isinstance(data.get("data"), dict) and "sections" not in data:
        data = data["data"]
        version = version_of(data)
    if version is None:
        return None
    return _Converter(data, version).convert()
