"""Country and region names from ISO 3166 (pycountry: the Debian iso-codes data with its translations), so a
place is known in the language a CV is written in: "Maroc", "Brasil", "Burkina Faso", "Hamburg", "Ontario".

Loaded once, on first use: the API process that never reads a CV never pays for it."""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache

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


@cache
def country_names() -> frozenset[str]:
    """Every country's name, common and official, in English and in `LANGUAGES`, folded."""
    import pycountry

    names: set[str] = set()
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in LANGUAGES
    ]
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        for name in filter(None, english):
            names.add(_fold(name))
            names.update(_fold(t.gettext(name)) for t in translations)
    return frozenset(n for n in names if len(n) >= MIN_LENGTH)


@cache
def region_names() -> frozenset[str]:
    """The names of countries' first-level subdivisions (states, provinces, regions), folded, less the generic."""
    import pycountry

    names = {
        _fold(subdivision.name)
        for subdivision in pycountry.subdivisions
        if subdivision.parent_code is None and not _GENERIC.search(subdivision.name)
    }
    return frozenset(n for n in names if len(n) >= MIN_LENGTH)


def is_iso_place(text: str) -> bool:
    """Is `text` (the whole of it) a country or a first-level region, in any of the languages read?"""
    folded = _fold(text)
    return folded in country_names() or folded in region_names()


def is_iso_country(text: str) -> bool:
    return _fold(text) in country_names()
