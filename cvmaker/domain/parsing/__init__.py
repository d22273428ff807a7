"""Understanding a CV someone already has: positioned text lines (from a PDF or DOCX extractor) become a
`CvDocument`, with warnings for what could not be placed and the source of every field.

The steps, one module each: `layout` puts a page's text fragments in reading order (`page_text` makes rows of
fragments into lines, with `row_grouping`; `sidebars` finds columns; `page_furniture` drops running headers and
page numbers); `rows` splits a line into its parts (bullet marker, dates, pieces between separators); `sections`
finds headings by wording (`headings`) and look; `parser` runs the rest: `basics` reads the top of the CV
(`contact`), `section_items` reads each section into items, `entries` and `list_entries` split a section into
entries, and `entry_fields` decides which text is the title, the organization, the place and the dates
(`entry_header`, `entry_body`, `education_fields`, `dates`, `roles` with `role_words`, `places`); `skills` splits
skill lists; `trail` records warnings and where each field came from.
"""

from cvmaker.domain.parsing.extracted import (
    ExtractedDocument,
    LinkTarget,
    Span,
    TextLine,
)
from cvmaker.domain.parsing.parser import ParsedCv, parse_cv

__all__ = [
    "ExtractedDocument",
    "LinkTarget",
    "ParsedCv",
    "Span",
    "TextLine",
    "parse_cv",
]
