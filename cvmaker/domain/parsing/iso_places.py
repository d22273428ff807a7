"""Country and region names from ISO 3166 (pycountry: the Debian iso-codes data with its translations), so a
place is known in the language a CV is written in: "Maroc", "Brasil", "Burkina Faso", "Hamburg", "Ontario".

Loaded once, on first use: the API process that never reads a CV never pays for it."""

from __future__ import annotations

import gettext
import importlib.util
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

# The languages of the CVs people send us (docs/import.md): country names are read in each of them.
LANGUAGES = ("de", "es", "fr", "it", "nl", "pl", "pt", "pt_BR", "sv", "da", "nb", "fi", "tr", "cs", "ro", "hu")
# Region names that are also everyday words or say nothing of where ("Central", "Northern", "Capital"): a CV line
# holding only such a word is not a location.
_GENERIC = re.compile(
    r"\b(north|south|east|west|northern|southern|eastern|western|central|centre|center|capital|coast|upper|lower|"
    r"island|islands|region|district|province|city|municipality|interior|highlands|lakes|valley|plateau|"
    r"oriental|occidental|norte|sur|este|oeste|nord|sud|ouest|est)\b",
    re.IGNORECASE,
)
# Shorter names are too often words, initials or codes ("Man", "Pest").
MIN_LENGTH = 4


def _fold(text: str) -> str:
    """Case, spacing and accents folded: "İstanbul", "ISTANBUL" and "Istanbul" are one place, as are "México"
    and "Mexico"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().strip(".").casefold())
    return re.sub(r"\s+", " ", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _data_dir() -> Path:
    """pycountry's folder, found without importing the package (its import builds objects this module does not
    use: a twentieth of a second saved on every `cvmaker import`)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pycountry")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _entries(database: str, key: str) -> list[dict[str, str]]:
    data = json.loads((_data_dir() / "databases" / f"{database}.json").read_text(encoding="utf-8"))
    entries: list[dict[str, str]] = data[key]
    return entries


@cache
def country_names() -> frozenset[str]:
    """Every country's name, common and official, in English and in `LANGUAGES`, folded."""
    translations = [
        gettext.translation("iso3166-1", str(_data_dir() / "locales"), languages=[language], fallback=True)
        for language in LANGUAGES
    ]
    names: set[str] = set()
    for country in _entries("iso3166-1", "3166-1"):
        for field in ("name", "common_name", "official_name"):
            if name := country.get(field):
                names.add(_fold(name))
                names.update(_fold(t.gettext(name)) for t in translations)
    return frozenset(n for n in names if len(n) >= MIN_LENGTH)


@cache
def region_names() -> frozenset[str]:
    """The names of countries' first-level subdivisions (states, provinces, regions), folded, less the generic."""
    names = {
        _fold(subdivision["name"])
        for subdivision in _entries("iso3166-2", "3166-2")
        if "parent" not in subdivision and not _GENERIC.search(subdivision["name"])
    }
    return frozenset(n for n in names if len(n) >= MIN_LENGTH)


def is_iso_place(text: str) -> bool:
    """Is `text` (the whole of it) a country or a first-level region, in any of the languages read?"""
    folded = _fold(text)
    return folded in country_names() or folded in region_names()


def is_iso_country(text: str) -> bool:
    return _fold(text) in country_names()


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 and alpha-3 codes ("SE", "DEU"), as printed after a city in a contact line."""
    return frozenset(
        code for country in _entries("iso3166-1", "3166-1") for code in (country["alpha_2"], country["alpha_3"])
    )
