"""Reactive Resume's JSON export (rxresu.me, github.com/AmruthPillai/Reactive-Resume, MIT), read as a CV.

Versions: v5 is current (v5.0 in 2026, v5.3 by late 2026) and v4 the previous major version (v4.0 to v4.5.5,
November 2023 to January 2026). Both export `resume.data` as it is stored, and `recognise` tells them apart by
shape (`converting.version_of`): v5 has `picture`, `summary` and `customSections` at the top, items with `hidden`
and a `period`, links as `website {url, label}`; v4 has the summary and `custom` inside `sections`, items with
`visible` and a `date`, links as `url {label, href}`. A file that has neither shape is left to the JSON Resume
reader as it is.

The conversion gives a JSON Resume document, so the JSON Resume reader (`cvmaker.domain.json_resume.reading`)
reads it with every other file: its dates, "Present" words and checks apply once, in one place. Reactive
Resume's free-text periods are split here by the PDF importer's date reader (`periods`), its HTML becomes
paragraphs and list items (`html_text`), each section's items become entries (`entries`), custom sections become
custom sections titled as in the file. What JSON Resume cannot say (hidden items and sections, section titles, a
study's or certificate's text, a volunteer role's place) goes on the CV afterwards (`Conversion.complete`).

Hidden items and sections are imported hidden, with a warning: moving a CV should not lose what its owner kept
out of view, and CV Maker hides them in the same way. The summary and profiles have no hidden state here, so a
hidden one is shown, with a warning. Metadata that has a place in our design (accent colour, page size, a font we
have, the section order) is kept; the rest (template, spacing, sizes, custom CSS, notes, photo) is a warning.
Every warning names the file's own path ("sections.experience.items.2.date").
"""

from cvmaker.domain.reactive_resume.conversion import Conversion
from cvmaker.domain.reactive_resume.converting import recognise, version_of

__all__ = ["Conversion", "recognise", "version_of"]
