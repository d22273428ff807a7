"""Hypothesis strategies for valid CV documents, with text in many scripts.

Every value is built valid (within `cvmaker.domain.limits`, matching the patterns of
`cvmaker.domain.cv.validation`) rather than filtered, so almost no example is thrown away. The one adjustment
after the fact, `_within_size`, drops trailing items in the rare document whose long values add up past
`MAX_DOCUMENT_BYTES`.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from cvmaker.domain import limits
from cvmaker.domain.cv import design as allowed
from cvmaker.domain.cv.model import (
    DEFAULT_SECTION_TITLES,
    Basics,
    CvDocument,
    Design,
    Item,
    Link,
    PageSize,
    Section,
    SectionKind,
)


def _span(first: int, last: int) -> str:
    return "".join(chr(code) for code in range(first, last + 1))


# Letters of each script, as people write names and CVs in them.
SCRIPTS: dict[str, str] = {
    "latin": _span(0x61, 0x7A) + _span(0x41, 0x5A) + "éèêëàâäçñõøåæœßðþłńśźżčšžřůőűÉÀÇÑÖÜØÅŁŠŽıİğş",
    "greek": _span(0x391, 0x3A1) + _span(0x3A3, 0x3A9) + _span(0x3B1, 0x3C9) + "άέήίόύώ",
    "cyrillic": _span(0x410, 0x44F) + "ёЁіїєґ",
    "arabic": _span(0x621, 0x63A) + _span(0x641, 0x64A) + "\u064e\u064f\u0650",
    "hebrew": _span(0x5D0, 0x5EA),
    "cjk": _span(0x4E00, 0x4E00 + 300) + _span(0x3041, 0x3093) + _span(0x30A1, 0x30F6) + _span(0xAC00, 0xAC00 + 100),
    "devanagari": _span(0x915, 0x939) + _span(0x93E, 0x94C) + "\u094d\u0902",
    "thai": _span(0xE01, 0xE2E) + _span(0xE30, 0xE3A) + _span(0xE40, 0xE4C),
}
EMOJI = ["😀", "🚀", "✓", "★", "👩\u200d💻", "🇵🇹", "👍🏽", "❤️", "🧪", "₿"]
DIGITS = "0123456789"
PUNCTUATION = list(".,;:!?-–—()/&+#'\"«»„“”…·•%@*_[]{}<>|\\~^$")
ACCENTED = "éèêëàâäçñõøåæœßÉÀÇÑÖÜ"
SAMPLE_NAMES = [
    "José Ángel Núñez",
    "Zoë O'Brien-Smith",
    "Αλέξανδρος Παπαδόπουλος",
    "Анна Кузнецова",
    "محمد عبد الله",
    "דוד לוי",
    "王小明",
    "山田 花子",
    "김민준",
    "प्रिया शर्मा",
    "สมชาย ใจดี",
    "Nguyễn Thị Minh Khai",
    "Łukasz Żółć",
    "Ngũgĩ wa Thiong'o",
    "Ana 🚀",
]


def _word(script: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(SCRIPTS[script]), min_size=1, max_size=12)


ANY_WORD: st.SearchStrategy[str] = st.one_of(
    *[_word(script) for script in SCRIPTS],
    st.sampled_from(EMOJI),
    st.text(alphabet=DIGITS, min_size=1, max_size=6),
    st.sampled_from(["C++", "C#", ".NET", "Node.js", "R&D", "CI/CD", "SQL", "Python", "Go", "Kubernetes", "AWS"]),
    st.sampled_from(["MSc", "PhD", "BA", "MA in", "Bachelor", "degree in", "Senior", "Lead", "Present", "May"]),
)
# Characters a paste from a word processor or a web page brings along: controls, invisible and odd spaces.
ODD_CHARACTERS = ["\x0b", "\x0c", "\x00", "\x1f", "\x7f", "\u200b", "\u200e", "\ufeff", "\u2028", "\u00a0", "\r"]


@st.composite
def _phrase(draw: st.DrawFn, max_words: int = 8) -> str:
    """Words of one or several scripts, separated by spaces and now and then by punctuation."""
    script = draw(st.sampled_from([*SCRIPTS, "mixed"]))
    word = ANY_WORD if script == "mixed" else st.one_of(_word(script), ANY_WORD)
    words = draw(st.lists(word, min_size=1, max_size=max_words))
    text = words[0]
    for next_word in words[1:]:
        text += draw(st.sampled_from([" ", " ", " ", ", ", " - ", ". ", "/", " & ", ": "])) + next_word
    if draw(st.booleans()):
        text += draw(st.sampled_from(PUNCTUATION))
    return text


def _long(max_length: int) -> st.SearchStrategy[str]:
    """A value at (or near) the limit: a phrase repeated up to exactly `max_length` characters."""
    return st.builds(
        lambda phrase, n: ((phrase + " ") * (n // (len(phrase) + 1) + 1))[:n],
        _phrase(4),
        st.integers(max(1, max_length - 3), max_length),
    )


def text(max_length: int, *, padded: bool = True, long: bool = True) -> st.SearchStrategy[str]:
    """Any text a user may enter in a field of at most `max_length` characters."""
    options: list[st.SearchStrategy[str]] = [
        _phrase().map(lambda value: value[:max_length]),
        _phrase(3).map(lambda value: value[:max_length]),
        st.sampled_from(SAMPLE_NAMES).map(lambda value: value[:max_length]),
    ]
    if padded:  # blanks around the value, a line break inside it
        options.append(
            st.tuples(st.sampled_from([" ", "\n", "  ", "\t"]), _phrase(4), st.sampled_from([" ", "\n", ""])).map(
                lambda parts: "".join(parts)[:max_length]
            )
        )
        options.append(st.tuples(_phrase(3), _phrase(3)).map(lambda parts: "\n".join(parts)[:max_length]))
        options.append(
            st.tuples(_phrase(3), st.sampled_from(ODD_CHARACTERS), _phrase(3)).map(
                lambda parts: "".join(parts)[:max_length]
            )
        )
    if long:
        options.append(_long(max_length))
    return st.one_of(*options)


def optional_text(max_length: int, *, long: bool = True) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.just(""), text(max_length, long=long))


# ---------------------------------------------------------------- contact values

_HOST_LABEL = st.one_of(
    st.text(alphabet=_span(0x61, 0x7A) + DIGITS, min_size=1, max_size=12),
    _word("latin"),
    _word("cyrillic"),
    _word("cjk"),
)
_TLD = st.sampled_from(["com", "org", "pt", "de", "jp", "рф", "中国", "io"])
_HOST = st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(_HOST_LABEL, min_size=1, max_size=3), _TLD)
_PATH_PART = st.one_of(
    st.text(alphabet=_span(0x61, 0x7A) + DIGITS + "-_.~%", min_size=1, max_size=12),
    *[_word(script) for script in ("latin", "greek", "arabic", "cjk", "devanagari")],
)


@st.composite
def email(draw: st.DrawFn) -> str:
    local = draw(st.one_of(_HOST_LABEL, st.builds(lambda a, b: f"{a}.{b}", _HOST_LABEL, _HOST_LABEL)))
    return f"{local}@{draw(_HOST)}"


@st.composite
def url(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["https", "http", "mailto", "tel", "long"]))
    if kind == "mailto":
        return "mailto:" + draw(email())
    if kind == "tel":
        return "tel:+" + draw(st.text(alphabet=DIGITS, min_size=6, max_size=15))
    host = draw(st.sampled_from(["www.", ""])) + draw(_HOST)
    path = "/".join(draw(st.lists(_PATH_PART, max_size=4)))
    value = f"{'https' if kind == 'long' else kind}://{host}" + (f"/{path}" if path else "")
    if draw(st.booleans()):
        value += draw(st.sampled_from(["/", "?q=1&lang=pt", "#top", "/@user"]))
    if kind == "long":
        value += "/" + "a" * (limits.MAX_URL - len(value) - 1)
    return value[: limits.MAX_URL]


PHONE = st.one_of(
    st.builds(
        lambda country, digits, note: f"+{country} {digits}{note}",
        st.integers(1, 999),
        st.text(alphabet=DIGITS + " -", min_size=6, max_size=14),
        st.sampled_from(["", " (mobile)", " ext. 12", " 手机"]),
    ),
    text(limits.MAX_PHONE, padded=False, long=False),
)

LINK = st.builds(Link, url=url(), label=st.one_of(st.none(), st.just(""), text(100, padded=False)))


# ---------------------------------------------------------------- dates

# Years a CV plausibly holds, and now and then any four-digit year the validation allows.
YEAR = st.one_of(st.integers(1950, 2049), st.integers(1000, 2999), st.integers(0, 9999))


@st.composite
def partial_date(draw: st.DrawFn) -> str:
    """A partial ISO date: "2020", "2020-03" or "2020-03-15" (the day at most 28, valid in every month)."""
    year = f"{draw(YEAR):04d}"
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return year
    month = f"{year}-{draw(st.integers(1, 12)):02d}"
    return month if precision == "month" else f"{month}-{draw(st.integers(1, 28)):02d}"


@st.composite
def period(draw: st.DrawFn) -> tuple[str | None, str | None, bool]:
    """(start, end, current): the end never before the start, and no end for a current role."""
    start = draw(st.one_of(st.none(), partial_date()))
    current = draw(st.booleans())
    if current:
        return start, None, True
    end = draw(st.one_of(st.none(), partial_date()))
    if start and end and start > end:
        start, end = end, start
    return start, end, False


# ---------------------------------------------------------------- the document

ID = st.text(alphabet=_span(0x61, 0x7A) + _span(0x41, 0x5A) + DIGITS + "_-", min_size=1, max_size=40)


def _bullets(long: bool) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.one_of(st.just(""), text(limits.MAX_BULLET, long=long)), max_size=4 if not long else limits.MAX_BULLETS
    )


@st.composite
def item(draw: st.DrawFn, item_id: str, kind: SectionKind) -> Item:
    start, end, current = draw(period())
    # Compact sections (skills, languages) hold keywords; any section may, as JSON Resume projects do.
    keyword_count = 8 if kind in (SectionKind.SKILLS, SectionKind.PROJECTS) else 3
    many = draw(st.integers(0, 20)) == 0  # now and then an item at its list limits
    return Item(
        id=item_id,
        visible=draw(st.integers(0, 5)) > 0,
        title=draw(optional_text(limits.MAX_SHORT_TEXT)),
        organization=draw(optional_text(limits.MAX_SHORT_TEXT)),
        location=draw(optional_text(limits.MAX_SHORT_TEXT)),
        start_date=start,
        end_date=end,
        current=current,
        description=draw(optional_text(limits.MAX_DESCRIPTION, long=draw(st.integers(0, 10)) == 0)),
        bullets=draw(_bullets(long=False)) if not many else draw(st.lists(text(200, long=False), max_size=50)),
        keywords=draw(
            st.lists(
                st.one_of(st.just(""), text(limits.MAX_KEYWORD, padded=False)),
                max_size=keyword_count if not many else limits.MAX_KEYWORDS,
            )
        ),
        url=draw(st.one_of(st.none(), url())),
    )


@st.composite
def section(draw: st.DrawFn, ids: list[str], kind: SectionKind | None = None) -> Section:
    kind = kind or draw(st.sampled_from(list(SectionKind)))
    section_id, *item_ids = ids
    if kind is SectionKind.CUSTOM:
        # JSON Resume holds custom sections with these titles in its interests and references arrays.
        title = draw(
            st.one_of(
                st.sampled_from(["Interests", "Hobbies ", "references", "Referees", "Talks"]),
                text(limits.MAX_SHORT_TEXT, padded=False),
            )
        )
    else:
        title = draw(st.one_of(st.just(DEFAULT_SECTION_TITLES[kind]), text(limits.MAX_SHORT_TEXT, padded=False)))
    title = title if title.strip() else DEFAULT_SECTION_TITLES[kind]
    return Section(
        id=section_id,
        kind=kind,
        title=title,
        visible=draw(st.integers(0, 6)) > 0,
        items=[draw(item(item_id, kind)) for item_id in item_ids],
    )


DESIGN = st.builds(
    Design,
    template=st.sampled_from(["classic", "modern", "compact"]),
    accent_color=st.text(alphabet="0123456789abcdefABCDEF", min_size=6, max_size=6).map(lambda hex_: "#" + hex_),
    font_family=st.sampled_from(allowed.FONT_FAMILIES),
    font_size=st.one_of(
        st.sampled_from([allowed.MIN_FONT_SIZE, 10.5, allowed.MAX_FONT_SIZE]),
        st.floats(allowed.MIN_FONT_SIZE, allowed.MAX_FONT_SIZE, allow_nan=False),
    ),
    page_size=st.sampled_from(list(PageSize)),
    margins=st.one_of(
        st.integers(int(allowed.MIN_MARGIN_MM), int(allowed.MAX_MARGIN_MM)).map(lambda mm: f"{mm}mm"),
        st.builds(lambda mm, tenth: f"{mm}.{tenth}mm", st.integers(5, 39), st.integers(0, 9)),
    ),
)


@st.composite
def _unique_ids(draw: st.DrawFn, shape: list[int]) -> list[list[str]]:
    """Ids for sections of `shape` items each, unique across the CV: [[section id, item ids...], ...]."""
    count = sum(1 + n for n in shape)
    ids = draw(
        st.one_of(
            st.lists(ID, min_size=count, max_size=count, unique=True),
            st.just([f"p{n}" for n in range(count)]),
        )
    )
    result, at = [], 0
    for n in shape:
        result.append(ids[at : at + 1 + n])
        at += 1 + n
    return result


def _within_size(document: CvDocument) -> CvDocument:
    """Drop trailing items while the document is larger than the store takes (rare: long values everywhere)."""
    while len(json.dumps(document.to_dict(), ensure_ascii=False).encode()) > limits.MAX_DOCUMENT_BYTES:
        for found in reversed(document.sections):
            if found.items:
                found.items.pop()
                break
        else:
            document.summary = None
    return document


@st.composite
def cv_documents(draw: st.DrawFn, max_sections: int = 6, max_items: int = 3) -> CvDocument:
    """A valid `CvDocument`: every section kind, items with dates, bullets, links and keywords, in any script."""
    kinds = draw(st.lists(st.sampled_from(list(SectionKind)), max_size=max_sections))
    shape = [draw(st.integers(0, max_items)) for _ in kinds]
    ids = draw(_unique_ids(shape))
    name = draw(st.one_of(st.just(""), st.sampled_from(SAMPLE_NAMES), text(limits.MAX_NAME, padded=False)))
    title = draw(st.one_of(st.just("Untitled CV"), text(limits.MAX_TITLE)))
    document = CvDocument(
        title=title if title else "CV",
        basics=Basics(
            name=name,
            headline=draw(optional_text(limits.MAX_SHORT_TEXT)),
            email=draw(st.one_of(st.none(), email())),
            phone=draw(st.one_of(st.none(), PHONE)),
            location=draw(optional_text(limits.MAX_SHORT_TEXT)),
            links=draw(st.lists(LINK, max_size=4)),
        ),
        summary=draw(optional_text(limits.MAX_SUMMARY)),
        sections=[draw(section(section_ids, kind)) for kind, section_ids in zip(kinds, ids, strict=True)],
        design=draw(DESIGN),
    )
    return _within_size(document)


def document_dicts(**kwargs: Any) -> st.SearchStrategy[dict[str, Any]]:
    return cv_documents(**kwargs).map(lambda document: document.to_dict())
