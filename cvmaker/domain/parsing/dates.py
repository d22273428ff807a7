"""Dates as CVs print them, to the model's partial ISO dates ("2020", "2020-03").

Understood: "Jan 2020", "January 2020" (and month names in French, German, Spanish, Portuguese, Italian and Dutch,
with or without their accents), "Sept. 2020", "01/2020", "1/2020", "2020-01", "2020/01", "2020",
"Summer 2019" (-> June; the season is kept in the provenance), "Present"/"Current"/"Now"/"Today"/"Ongoing", and
ranges of them joined by a dash, "to", "until" or "-", or a single date ("since 2019" is a start).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "january": 1,
    "janv": 1,
    "januar": 1,
    "enero": 1,
    "ene": 1,
    "feb": 2,
    "february": 2,
    "febr": 2,
    "fév": 2,
    "fev": 2,
    "februar": 2,
    "febrero": 2,
    "mar": 3,
    "march": 3,
    "mär": 3,
    "märz": 3,
    "mars": 3,
    "marzo": 3,
    "apr": 4,
    "april": 4,
    "avr": 4,
    "avril": 4,
    "abr": 4,
    "abril": 4,
    "may": 5,
    "mai": 5,
    "mayo": 5,
    "jun": 6,
    "june": 6,
    "juin": 6,
    "juni": 6,
    "junio": 6,
    "jul": 7,
    "july": 7,
    "juil": 7,
    "juillet": 7,
    "juli": 7,
    "julio": 7,
    "aug": 8,
    "august": 8,
    "août": 8,
    "aout": 8,
    "ago": 8,
    "agosto": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "septembre": 9,
    "septiembre": 9,
    "oct": 10,
    "october": 10,
    "okt": 10,
    "oktober": 10,
    "octobre": 10,
    "octubre": 10,
    "nov": 11,
    "november": 11,
    "novembre": 11,
    "noviembre": 11,
    "dec": 12,
    "december": 12,
    "dez": 12,
    "dezember": 12,
    "déc": 12,
    "décembre": 12,
    "dic": 12,
    "diciembre": 12,
}
# Portuguese, Italian and Dutch, whose CVs the importer reads too (the abbreviations they share with the names
# above are there already).
MONTHS |= {
    "janeiro": 1,
    "fevereiro": 2,
    "março": 3,
    "abril": 4,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "setembro": 9,
    "set": 9,
    "outubro": 10,
    "out": 10,
    "dezembro": 12,
    "gennaio": 1,
    "gen": 1,
    "febbraio": 2,
    "aprile": 4,
    "maggio": 5,
    "mag": 5,
    "giugno": 6,
    "giu": 6,
    "luglio": 7,
    "lug": 7,
    "settembre": 9,
    "ottobre": 10,
    "ott": 10,
    "dicembre": 12,
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "mei": 5,
    "augustus": 8,
    "oktober": 10,
    "mrt": 3,
    "juin": 6,
    "févr": 2,
    "février": 2,
    "juill": 7,
}
# People type without accents as often as with them ("Decembre", "Fevrier", "Marco"): each name either way.
MONTHS |= {
    "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)): number
    for name, number in list(MONTHS.items())
}
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
_MONTH = r"(?:" + "|".join(_MONTH_NAMES) + r")\.?"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
# The years of the 20th and 21st centuries: a CV can name 1948 or an expected 2051. Four digits that begin
# otherwise (1200 users, 3000 km) are not read as a year.
_YEAR = r"(?:19\d\d|20\d\d)"
_PRESENT = (
    r"(?:present|current|currently|now|today|ongoing|to date|till date|till now|heute|aktuell|présent|"
    r"presente|actual|actualidad|actualmente|a la fecha|la fecha|hasta hoy|atualmente|atual|o momento|em curso|"
    r"aujourd'hui|en cours|ce jour|attuale|oggi|in corso|heden|nu|至今|现在|目前|現在|現職|今|עד היום|היום|"
    r"حتى الآن|الآن|حاليا)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
# Dates to the day, read to the month a CV's dates have: "2021-07-15", "2021/07/15", "15.07.2021", "15/07/2021",
# "07/15/2021" (month first where the day cannot be a month), and East Asian "2021年7月".
_FULL_DATE = (
    rf"(?:{_YEAR}[-/.]{_MONTH_NUMBER}[-/.]{_DAY}|{_DAY}[/.]{_MONTH_NUMBER}[/.]{_YEAR}"
    rf"|{_MONTH_NUMBER}/(?:1[3-9]|2\d|3[01])/{_YEAR}|{_YEAR}年(?:{_MONTH_NUMBER}月(?:{_DAY}日)?)?)"
)
_SINGLE = (
    rf"(?:{_FULL_DATE}|{_MONTH}\s*,?\s*{_YEAR}|{_SEASON},?\s+{_YEAR}|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
    rf"|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?![\d])|{_YEAR}|(?:q[1-4])\s+{_YEAR})"
)
# "(10.2014-…)": an ellipsis for the end says the range goes on.
_ONGOING = r"(?:…|\.{3})"
_SEPARATOR = r"\s*(?:[-\u2013\u2014~\uff5e\u301c]+|to|until|till|bis|à|至)\s*"
RANGE = re.compile(
    rf"(?<![\w/.])(?:(?:since|from|seit|depuis|desde)\s+)?({_SINGLE})(?:{_SEPARATOR}({_SINGLE}|{_PRESENT}|date|{_ONGOING}))?"
    r"(?![\w/])",
    re.IGNORECASE,
)
OPEN_RANGE = re.compile(rf"(?<![\w/.])({_SINGLE}){_SEPARATOR}$", re.IGNORECASE)
PRESENT_ONLY = re.compile(rf"^\s*{_PRESENT}\s*$", re.IGNORECASE)
DURATION = re.compile(r"^\(?\s*(?:\d+\s*(?:yrs?|years?|mos?|months?)\s*(?:,|and)?\s*)+\)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None
    current: bool
    printed: str

    @property
    def is_approximate(self) -> bool:
        return bool(re.search(_SEASON, self.printed, re.IGNORECASE))


def parse_single(text: str) -> str | None:
    """One printed date -> "YYYY" or "YYYY-MM", or None."""
    t = text.strip().casefold().rstrip(".")
    if m := re.fullmatch(rf"({_YEAR})[-/.]({_MONTH_NUMBER})[-/.]{_DAY}", t):
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    if m := re.fullmatch(rf"{_DAY}[/.]({_MONTH_NUMBER})[/.]({_YEAR})", t):
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    if m := re.fullmatch(rf"({_MONTH_NUMBER})/(?:1[3-9]|2\d|3[01])/({_YEAR})", t):
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    if m := re.fullmatch(rf"({_YEAR})年(?:({_MONTH_NUMBER})月(?:{_DAY}日)?)?", t):
        return f"{m.group(1)}-{int(m.group(2)):02d}" if m.group(2) else m.group(1)
    if m := re.fullmatch(rf"({_MONTH})\s*,?\s*({_YEAR})", t, re.IGNORECASE):
        month = MONTHS.get(m.group(1).rstrip(".").casefold())
        return f"{m.group(2)}-{month:02d}" if month else m.group(2)
    if m := re.fullmatch(rf"({_SEASON}),?\s+({_YEAR})", t):
        return f"{m.group(2)}-{SEASONS[m.group(1)]:02d}"
    if m := re.fullmatch(rf"(0?[1-9]|1[0-2])\s*[/.]\s*({_YEAR})", t):
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    if m := re.fullmatch(rf"({_YEAR})\s*[-/.]\s*(0[1-9]|1[0-2])", t):
        return f"{m.group(1)}-{m.group(2)}"
    if m := re.fullmatch(rf"q([1-4])\s+({_YEAR})", t):
        return f"{m.group(2)}-{(int(m.group(1)) - 1) * 3 + 1:02d}"
    if re.fullmatch(_YEAR, t):
        return t
    return None


# A span of years written with the second year's last two digits: "2017.18", "2018/22" (a month cannot be 13+).
_ACADEMIC_YEARS = re.compile(rf"(?<![\w/.])({_YEAR})(?:[./\-\u2013](\d\d)|\s*/\s*({_YEAR}))(?![\w/]|\.\d)")
_SAME_YEAR = re.compile(
    rf"(?<![\w/.])({_MONTH})\s*[-\u2013\u2014]\s*({_MONTH})\s*,?\s*({_YEAR})(?![\w/])", re.IGNORECASE
)


# The year first, then the months: "2019, Jul – Aug", "2020, Oct – present", "2018, Mar".
_YEAR_FIRST = re.compile(
    rf"(?<![\w/.])({_YEAR})(?:,\s*|\s+)({_MONTH})(?:\s*[-\u2013\u2014]\s*({_MONTH}|{_PRESENT}))?(?![\w/])",
    re.IGNORECASE,
)


def _year_first(text: str) -> tuple[DateRange, int, int] | None:
    match = _YEAR_FIRST.search(text)
    if match is None:
        return None
    before, after = text[: match.start()], text[match.end() :]
    if re.search(rf"{_MONTH}\s*$", before, re.IGNORECASE) or re.match(rf"\s*{_YEAR}", after):
        return None  # "Jan 2019, Mar 2020": two month-and-year dates, not a year then its months
    year, first, second = match.group(1), match.group(2), match.group(3)
    start = parse_single(f"{first} {year}")
    if start is None:
        return None
    printed = match.group(0).strip()
    if second is None:
        return DateRange(None, start, False, printed), match.start(), match.end()
    if re.fullmatch(_PRESENT, second.strip(), re.IGNORECASE):
        return DateRange(start, None, True, printed), match.start(), match.end()
    end = parse_single(f"{second} {year}")
    return (DateRange(start, end, False, printed), match.start(), match.end()) if end else None


def find_range(text: str) -> tuple[DateRange, int, int] | None:
    """The first date or date range in `text`, with its span."""
    if (year_first := _year_first(text)) is not None:
        earlier = _first_range(text[: year_first[1]])
        return earlier if earlier is not None else year_first
    if academic := _ACADEMIC_YEARS.search(text):  # "2017.18": the academic year 2017-2018
        first, last = academic.group(1), academic.group(2) or academic.group(3)[2:]
        if academic.group(3) or int(last) > 12 and int(last) > int(first[2:]):
            found = DateRange(first, academic.group(3) or f"{first[:2]}{last}", False, academic.group(0))
            earlier = _first_range(text[: academic.start()])
            return earlier if earlier is not None else (found, academic.start(), academic.end())
    if same_year := _SAME_YEAR.search(text):  # "Jan – Mar 2020"
        start = parse_single(f"{same_year.group(1)} {same_year.group(3)}")
        end = parse_single(f"{same_year.group(2)} {same_year.group(3)}")
        if start and end:
            found = DateRange(start, end, False, same_year.group(0).strip())
            earlier = _first_range(text[: same_year.start()])
            return earlier if earlier is not None else (found, same_year.start(), same_year.end())
    return _first_range(text)


def _first_range(text: str) -> tuple[DateRange, int, int] | None:
    for match in RANGE.finditer(text):
        first, second = match.group(1), match.group(2)
        start = parse_single(first)
        if start is None:
            continue
        printed = match.group(0).strip()
        if second is None:
            is_since = bool(re.match(r"(since|from|seit|depuis|desde)\b", printed, re.IGNORECASE))
            if is_since:
                return DateRange(start, None, True, printed), match.start(), match.end()
            # "Sept 2024-", "(2019 – )": a range left open at its end goes on
            if left_open := re.match(rf"{_SEPARATOR}(?=$|[)\]|,;])", text[match.end() :]):
                end_at = match.end() + len(left_open.group(0).rstrip())
                return DateRange(start, None, True, text[match.start() : end_at].strip()), match.start(), end_at
            return DateRange(None, start, False, printed), match.start(), match.end()
        if re.fullmatch(rf"{_PRESENT}|date|{_ONGOING}", second.strip(), re.IGNORECASE):
            return DateRange(start, None, True, printed), match.start(), match.end()
        end = parse_single(second)
        if end is None:
            continue
        if end < start[: len(end)]:
            start, end = end, start  # printed newest first
        return DateRange(start, end, False, printed), match.start(), match.end()
    return None


def is_date_text(text: str) -> bool:
    """The whole text is a date, a range, an open range ("June 2022 –") or "Present"."""
    t = text.strip(" |,;()[]·•")
    if not t:
        return False
    if PRESENT_ONLY.match(t) or OPEN_RANGE.fullmatch(t):
        return True
    found = find_range(t)
    return found is not None and found[1] == 0 and found[2] >= len(t.rstrip())
