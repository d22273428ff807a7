"""Is this piece of text a place? Countries, US states and Canadian provinces, "Remote"."""

from __future__ import annotations

import re

from cvmaker.domain.parsing.iso_places import is_iso_country, is_iso_place
from cvmaker.domain.parsing.role_words import TITLE_WORDS

US_STATES = {
    "al",
    "ak",
    "az",
    "ar",
    "ca",
    "co",
    "ct",
    "de",
    "fl",
    "ga",
    "hi",
    "id",
    "il",
    "in",
    "ia",
    "ks",
    "ky",
    "la",
    "me",
    "md",
    "ma",
    "mi",
    "mn",
    "ms",
    "mo",
    "mt",
    "ne",
    "nv",
    "nh",
    "nj",
    "nm",
    "ny",
    "nc",
    "nd",
    "oh",
    "ok",
    "or",
    "pa",
    "ri",
    "sc",
    "sd",
    "tn",
    "tx",
    "ut",
    "vt",
    "va",
    "wa",
    "wv",
    "wi",
    "wy",
    "dc",
    "on",
    "qc",
    "bc",
    "ab",
    "mb",
    "sk",
    "ns",
    "nb",
    "nl",
    "pe",
}
STATE_NAMES = {
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "ontario",
    "quebec",
    "british columbia",
    "alberta",
    "england",
    "scotland",
    "wales",
    "northern ireland",
    "bavaria",
    "bayern",
    "île-de-france",
    "catalonia",
    "karnataka",
    "maharashtra",
    "tamil nadu",
    "delhi",
    "ncr",
}
COUNTRIES = {
    "usa",
    "us",
    "u.s.",
    "u.s.a.",
    "united states",
    "united states of america",
    "uk",
    "u.k.",
    "united kingdom",
    "great britain",
    "canada",
    "mexico",
    "brazil",
    "argentina",
    "chile",
    "colombia",
    "peru",
    "germany",
    "deutschland",
    "france",
    "spain",
    "españa",
    "italy",
    "italia",
    "portugal",
    "netherlands",
    "the netherlands",
    "belgium",
    "switzerland",
    "schweiz",
    "suisse",
    "austria",
    "österreich",
    "ireland",
    "denmark",
    "sweden",
    "norway",
    "finland",
    "iceland",
    "poland",
    "czech republic",
    "czechia",
    "slovakia",
    "hungary",
    "romania",
    "bulgaria",
    "greece",
    "turkey",
    "türkiye",
    "turkiye",
    "ukraine",
    "russia",
    "israel",
    "egypt",
    "nigeria",
    "kenya",
    "south africa",
    "morocco",
    "uae",
    "united arab emirates",
    "saudi arabia",
    "qatar",
    "india",
    "pakistan",
    "bangladesh",
    "sri lanka",
    "nepal",
    "china",
    "hong kong",
    "taiwan",
    "japan",
    "south korea",
    "korea",
    "singapore",
    "malaysia",
    "indonesia",
    "philippines",
    "vietnam",
    "thailand",
    "australia",
    "new zealand",
    "estonia",
    "latvia",
    "lithuania",
    "serbia",
    "croatia",
    "slovenia",
    "luxembourg",
    "cyprus",
    "malta",
    "ghana",
    "ethiopia",
    "iran",
    "iraq",
    "jordan",
    "lebanon",
}
# Country names in the scripts of our right-to-left and CJK users (a place on its own, or a place's last part).
COUNTRIES |= {
    "الإمارات العربية المتحدة",
    "الإمارات",
    "السعودية",
    "المملكة العربية السعودية",
    "مصر",
    "الأردن",
    "لبنان",
    "قطر",
    "الكويت",
    "البحرين",
    "عمان",
    "سلطنة عمان",
    "المغرب",
    "تونس",
    "الجزائر",
    "العراق",
    "سوريا",
    "ישראל",
    "中国",
    "中國",
    "日本",
    "台湾",
    "台灣",
    "香港",
    "新加坡",
    "韩国",
    "한국",
    "대한민국",
}
# A Chinese or Japanese address: a country first ("中国北京") or a city, ward or prefecture last ("東京都渋谷区").
_CJK_PLACE = re.compile(
    r"^(?:中国|中國|日本|台湾|台灣|香港)[\u4e00-\u9fff]{1,8}$|^[\u3040-\u30ff\u4e00-\u9fff]{1,10}"
    r"(?:市|区|區|都|道|府|県|縣|省|州)$"
)
REMOTE = re.compile(r"^(remote|hybrid|on-?site|worldwide)(\s*\(.*\))?$", re.IGNORECASE)
_NOT_A_CITY = re.compile(
    r"\b(university|institute|school|academy|inc|llc|ltd|corp|company|group|labs?|"
    r"research|bank|hospital|solutions|systems|technologies|gmbh)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-zÀ-ÿ'.\-]+")


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().strip(".").casefold())


def is_region(text: str) -> bool:
    """A country, a US state or Canadian province (code or name)."""
    t = _fold(text)
    return (
        t in COUNTRIES
        or t in STATE_NAMES
        or (t in US_STATES and text.strip().isupper())
        or (text.strip()[:1].isupper() and is_iso_place(t))
    )


def is_place_word(text: str) -> bool:
    t = text.strip()
    return is_region(t) or bool(REMOTE.match(t)) or bool(_CJK_PLACE.match(t))


def looks_like_city(text: str) -> bool:
    """One to three capitalised words, no digits: "San Francisco", "New Delhi", "Los Gatos"."""
    words = text.strip().split()
    if not 1 <= len(words) <= 3 or any(ch.isdigit() for ch in text):
        return False
    if _NOT_A_CITY.search(text):
        return False
    if len(words) > 1 and re.fullmatch(r"[A-Z]{2,5}", words[0]):
        return False  # "CHU Bogodogo", "ETH Zurich", "UC Berkeley": an institution's initials lead its name
    small = {"de", "del", "la", "le", "am", "an", "der", "upon", "on", "sur", "di", "da"}
    # Scripts without capitals (Arabic, Hebrew, Chinese) cannot show a name by its capital: any word may be one.
    caseless = [w[:1].isalpha() and not w[:1].isupper() and not w[:1].islower() for w in words]
    return all(w[:1].isupper() or w.casefold() in small or no_case for w, no_case in zip(words, caseless, strict=True))


def is_city_region(text: str) -> bool:
    """A region that is a city too ("Berlin", "Hamburg", "Lima", "Istanbul": known only as a first-level region,
    not as a country or a US state): "Zalando SE, Berlin" has its city already, and "Zalando SE" is not one."""
    t = _fold(text)
    return not (t in COUNTRIES or t in STATE_NAMES or t in US_STATES) and is_iso_place(t) and not is_iso_country(t)


def _names_a_role(text: str) -> bool:
    """ "Software Developer Intern" before "Berlin, Germany" is the title, not a district of Berlin."""
    return any(word in TITLE_WORDS for word in re.findall(r"\w+", text.casefold()))


def split_location_suffix(pieces: list[str], allow_whole: bool = False) -> tuple[list[str], list[str]]:
    """(pieces before, location pieces) where the location is a trailing "City, Region[, Country]" run.

    A lone trailing city is taken only when a region or country follows it, or the piece is "Remote"."""
    end = len(pieces)
    index = end
    regions = 0
    while index > 0 and is_place_word(pieces[index - 1]) and regions < 3:
        index -= 1
        regions += 1
    if regions == 0:
        return pieces, []
    if REMOTE.match(pieces[index].strip()) and regions == 1:
        return pieces[:index], pieces[index:]
    # keep at least one piece for the entry itself
    if (
        index > 0
        and looks_like_city(pieces[index - 1])
        and not is_place_word(pieces[index - 1])
        and not _names_a_role(pieces[index - 1])
        and not is_city_region(pieces[index])
        and (index - 1 >= 1 or allow_whole)
    ):
        index -= 1
    if index == 0 and not allow_whole:
        return pieces, []  # the whole line would be a place: leave it to the caller
    return pieces[:index], pieces[index:]
