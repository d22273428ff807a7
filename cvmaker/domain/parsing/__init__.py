"""Understanding a CV someone already has: positioned text lines (from a PDF or DOCX extractor) become a
`CvDocument`, with warnings for what could not be placed and the source of every field.

The steps, one module each: `layout` puts a page's text fragments in reading order (columns, sidebars, date
margins, running headers); `rows` splits a line into its parts (bullet marker, dates, pieces between separators);
`sections` finds headings by wording (`headings`) and look; `contact` reads the top of the CV; `entries` splits a
section into entries and `entry_fields` decides which text is the title, the organization, the place and the
dates (`dates`, `roles`, `places`); `skills` splits skill lists; `parser` puts it all into the model.
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
