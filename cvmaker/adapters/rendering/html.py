"""A CV document to the HTML of one template: a view of the document (what is shown, formatted dates, colours,
fonts) rendered by Jinja2 with autoescaping on.

User text only ever reaches the HTML as escaped text: autoescape is on, user text is never compiled as a template,
and the one thing marked safe is the rich text of summaries, descriptions and bullets, built here from its parsed
tree by `cvmaker/domain/rich_text/html.py`, which escapes every text node and attribute. The design values that
reach the stylesheet (colour, font, sizes) are checked against the allow-lists here again, so even an unvalidated
design cannot inject CSS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from markupsafe import Markup

from cvmaker.adapters.rendering.templates import TEMPLATES_DIR
from cvmaker.domain.cv import design as allowed
from cvmaker.domain.cv.model import CvDocument, Design, Item, SectionColumn, SectionKind
from cvmaker.domain.letters.layout import LetterContent
from cvmaker.domain.rendering.plain_text import (
    COMPACT_KINDS,
    Script,
    detect_script,
    format_date,
    format_period,
    link_label,
    shown_sections,
)
from cvmaker.domain.rich_text.html import blocks_html, blocks_inline_html, inlines_html
from cvmaker.domain.rich_text.parsing import parse_blocks, parse_inlines

# Fallbacks after the chosen font, so every script finds glyphs in a font we install.
SCRIPT_FONTS = {
    "ar": ("Noto Naskh Arabic", "Noto Sans Arabic"),
    "he": ("Noto Sans Hebrew",),
    "zh": ("Noto Sans CJK SC",),
    "ja": ("Noto Sans CJK JP",),
}
COMMON_FALLBACKS = ("Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans CJK SC", "DejaVu Sans")
# Last, so they only ever supply what no text font has: symbols (★ ✓ ☎). Emoji (🚀) come from the colour emoji
# font (Debian fonts-noto-color-emoji, see the Makefile) through fontconfig's fallback, which Pango asks for any
# character no listed font has. It is deliberately not listed: named in the stack, Pango draws digits, "#" and
# "*" from it too (it has them for keycaps), spaced wide; and an @font-face limiting it to the emoji planes would
# need `local()`, which reads the font file through the URL fetcher, and that refuses files outside the template
# folder (adapters/rendering/weasyprint.py). tests/rendering/test_emoji_and_symbols.py checks both.
SYMBOL_FALLBACKS = ("Noto Sans Symbols", "Noto Sans Symbols2")
# Sections that two-column templates put in the narrow column unless the design's section layout says otherwise.
SIDE_KINDS = frozenset({SectionKind.SKILLS, SectionKind.LANGUAGES, SectionKind.CERTIFICATIONS, SectionKind.AWARDS})


# An entry of about this many lines or more may split across pages (keeping its head with two lines and leaving
# two on the next page): moved whole, it left up to a fifth of a page empty (issue 16). Shorter ones move whole.
LONG_ENTRY_LINES = 6
_LINE_CHARACTERS = 95  # a full line of the wide column at the default size, roughly

# Members only, never the stored text: these become class names in the HTML.
_COLUMNS: dict[SectionColumn, str] = {SectionColumn.MAIN: "main", SectionColumn.SIDE: "side"}


# Base64 only: the URI is printed into a `src` attribute, and these characters need no escaping there.
_PHOTO_DATA_URI = re.compile(r"^data:image/jpeg;base64,[A-Za-z0-9+/]+=*\Z")


class UnsafeDesign(ValueError):
    """A design value outside the allow-lists reached the HTML builder (validation should have stopped it)."""


@dataclass(frozen=True, slots=True)
class Style:
    """The design values a stylesheet uses, each checked against its allow-list."""

    accent: str
    accent_light: str
    accent_soft: str
    accent_dark: str
    font_stack: str
    serif: bool
    font_size: float
    page_size: str
    margin_mm: float
    # Overrides of the template's own spacing and headings (None and "template": keep the template's).
    line_height: float | None = None
    section_gap_em: float | None = None
    entry_gap_em: float | None = None
    heading_style: str = "template"


@dataclass(frozen=True, slots=True)
class EntryView:
    id: str
    title: str
    organization: str
    location: str
    period: str
    date: str  # the single date of certifications, awards and publications
    description: Markup  # block HTML (paragraphs, lists) from `rich_block`
    description_inline: Markup  # the same as inline HTML, for rows (`rich_inline_block`)
    bullets: list[Markup]  # inline HTML each (`rich_line`)
    keywords: list[str]
    url: str
    url_label: str
    long: bool = False  # may split across pages (`LONG_ENTRY_LINES`)


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    kind: str
    title: str
    compact: bool
    side: bool  # in the narrow column of `columns` and `mirrored`: the chosen column, else by kind
    entries: list[EntryView]
    column: str = ""  # the design's choice, "main" or "side"; "" leaves it to the template
    page_break_before: bool = False
    keep_together: bool = False

    def in_side(self, by_default: bool) -> bool:
        """In the narrow column: where the design puts it, else `by_default` (each layout's own default)."""
        return self.column == "side" if self.column else by_default


@dataclass(frozen=True, slots=True)
class ContactView:
    kind: str
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class CvView:
    title: str
    name: str
    headline: str
    contact: list[ContactView]
    summary: Markup  # block HTML from `rich_block`
    sections: list[SectionView]
    script: Script
    style: Style
    main_sections: list[SectionView] = field(default_factory=list)
    side_sections: list[SectionView] = field(default_factory=list)
    photo: str = ""  # a `data:image/jpeg;base64,` URI, or "" for none (`_photo`)


def _photo(document: CvDocument) -> str:
    """The CV's photo as the templates may show it: only a base64 JPEG `data:` URI (put there from the blob store
    by `services/photos.py`'s `PhotoTemplates`), so the renderer fetches nothing; a blob key or anything else is
    no photo."""
    photo = document.basics.photo or ""
    return photo if _PHOTO_DATA_URI.match(photo) else ""


def style_for(design: Design, script: Script) -> Style:
    if not allowed.is_allowed_color(design.accent_color):
        raise UnsafeDesign("accent colour")
    if design.font_family not in allowed.FONT_FAMILIES:
        raise UnsafeDesign("font family")
    if not allowed.is_allowed_font_size(design.font_size):
        raise UnsafeDesign("font size")
    margin = allowed.margin_mm(design.margins)
    if margin is None:
        raise UnsafeDesign("margins")
    page_size = allowed.PAGE_SIZES.get(design.page_size.value)
    if page_size is None:
        raise UnsafeDesign("page size")
    serif = design.font_family in allowed.SERIF_FAMILIES
    # Members only, not look-alike strings: these values are printed into the stylesheet.
    if not isinstance(design.line_height, allowed.LineHeight):
        raise UnsafeDesign("line height")
    if not isinstance(design.section_spacing, allowed.SectionSpacing):
        raise UnsafeDesign("section spacing")
    if not isinstance(design.heading_style, allowed.HeadingStyle):
        raise UnsafeDesign("heading style")
    spacing = allowed.SECTION_SPACINGS[design.section_spacing]
    families = [design.font_family, *SCRIPT_FONTS.get(script.language, ()), *COMMON_FALLBACKS, *SYMBOL_FALLBACKS]
    families += ["serif"] if serif else ["sans-serif"]
    # Unquoted: multi-word family names are valid CSS, and quotes would be HTML-escaped by autoescaping.
    stack = ", ".join(dict.fromkeys(families))
    accent = design.accent_color.lower()
    return Style(
        accent=accent,
        accent_light=allowed.mix_color(accent, (255, 255, 255), 0.9),
        accent_soft=allowed.mix_color(accent, (255, 255, 255), 0.55),
        accent_dark=allowed.mix_color(accent, (0, 0, 0), 0.25),
        font_stack=stack,
        serif=serif,
        font_size=design.font_size,
        page_size=page_size,
        margin_mm=margin,
        line_height=allowed.LINE_HEIGHTS[design.line_height],
        section_gap_em=spacing[0] if spacing else None,
        entry_gap_em=spacing[1] if spacing else None,
        heading_style=design.heading_style.value.lower().replace("_", "-"),
    )


def _lines(text: str) -> int:
    return sum(1 + len(line) // _LINE_CHARACTERS for line in text.splitlines() or [""])


def _entry(item: Item, language: str) -> EntryView:
    description = (item.description or "").strip()
    lines = 1 + bool(item.location or item.url) + (_lines(description) if description else 0)
    lines += sum(_lines(bullet) for bullet in item.bullets if bullet.strip())
    return EntryView(
        id=item.id,
        title=item.title or "",
        organization=item.organization or "",
        location=item.location or "",
        period=format_period(item, language),
        date=format_date(item.end_date or item.start_date, language),
        description=rich_block(item.description or ""),
        description_inline=rich_inline_block(item.description or ""),
        bullets=[rich_line(bullet) for bullet in item.bullets if bullet.strip()],
        keywords=list(item.keywords),
        url=item.url or "",
        url_label=link_label(item.url, None) if item.url else "",
        long=lines >= LONG_ENTRY_LINES,
    )


# The only places user text becomes Markup: the rich-text renderer escapes every text node and attribute.
# Lists in a description take the template's own bullet style.
def rich_block(text: str) -> Markup:
    """A summary or description as block HTML: paragraphs, line breaks, bold, italics, links, bullet lists."""
    return Markup(blocks_html(parse_blocks(text), list_class="entry-bullets rich-list"))


def rich_inline_block(text: str) -> Markup:
    """A description where only inline HTML may go (a skills or languages row)."""
    return Markup(blocks_inline_html(parse_blocks(text), bullet="•"))


def rich_line(text: str) -> Markup:
    """A bullet as inline HTML: bold, italics, links."""
    return Markup(inlines_html(parse_inlines(text)))


def _contact(document: CvDocument) -> list[ContactView]:
    basics = document.basics
    contact = []
    if basics.location:
        contact.append(ContactView("location", basics.location, ""))
    if basics.email:
        contact.append(ContactView("email", basics.email, "mailto:" + basics.email))
    if basics.phone:
        contact.append(ContactView("phone", basics.phone, "tel:" + basics.phone.replace(" ", "")))
    for link in basics.links:
        contact.append(ContactView("link", link_label(link.url, link.label), link.url))
    return contact


def cv_view(document: CvDocument, design: Design | None = None) -> CvView:
    """What a template shows of `document`, laid out with `design` (default: the document's own)."""
    script = detect_script(document)
    chosen = design or document.design
    sections = []
    for section in shown_sections(document):
        layout = chosen.layout_of(section.id)
        column = _COLUMNS[layout.column] if layout.column is not None else ""
        sections.append(
            SectionView(
                id=section.id,
                kind=section.kind.value.lower(),
                title=section.title,
                compact=section.kind in COMPACT_KINDS,
                side=column == "side" if column else section.kind in SIDE_KINDS,
                entries=[_entry(item, script.language) for item in section.items],
                column=column,
                page_break_before=layout.page_break_before,
                keep_together=layout.keep_together,
            )
        )
    return CvView(
        title=document.title,
        name=document.basics.name,
        headline=document.basics.headline or "",
        contact=_contact(document),
        summary=rich_block(document.summary or ""),
        sections=sections,
        script=script,
        style=style_for(chosen, script),
        main_sections=[s for s in sections if not s.side],
        side_sections=[s for s in sections if s.side],
        photo=_photo(document),
    )


def _safe_href(url: str) -> str:
    """Links keep only the schemes validation allows; anything else becomes no link at all."""
    return url if url.startswith(("https://", "http://", "mailto:", "tel:")) else ""


@cache
def _environment() -> Any:
    # Imported here: the API does not pay for Jinja2 until the first render.
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    environment.filters["safe_href"] = _safe_href
    return environment


def render_html(template: str, document: CvDocument, design: Design | None = None) -> str:
    """The HTML of `document` in `template` (a registered template name)."""
    view = cv_view(document, design)
    return str(_environment().get_template(f"{template}/layout.html.j2").render(cv=view, template=template))


# ---------------------------------------------------------------- cover letters

# Templates whose CV header sits in a sidebar: their letters keep the letterhead there, beside the letter.
LETTERHEAD_IN_SIDEBAR = frozenset({"modern"})


def render_letter_html(template: str, document: CvDocument, design: Design, letter: LetterContent) -> str:
    """The HTML of a cover letter in `template`, with `document`'s name and contact details as the letterhead
    and `design`'s look. The letter's parts are printed as escaped text, like every CV field."""
    # The page's language and direction follow the letter's text, not the CV's.
    script = detect_script(CvDocument(basics=document.basics, summary=letter.all_text()))
    view = replace(
        cv_view(document, design),
        summary=Markup(""),
        sections=[],
        main_sections=[],
        side_sections=[],
        script=script,
        style=style_for(design, script),
    )
    return str(
        _environment()
        .get_template("_shared/letter.html.j2")
        .render(cv=view, letter=letter, template=template, letterhead_in_sidebar=template in LETTERHEAD_IN_SIDEBAR)
    )
