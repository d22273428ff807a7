"""JSON Resume (jsonresume.org, schema v1.0.0) to and from our CV document.

Two readers: `from_json_resume` is strict (any problem refuses the document); `read_json_resume` reads JSON
Resume as people write it (`normalising`: empty values, "Present", other date spellings, v0 keys, other shapes,
custom sections), returns warnings with their paths for what it could not read, and refuses only what is not a
CV. Its `kept` goes back to `to_json_resume(..., kept=...)` so import -> export keeps what our model cannot hold.

Modules: `codecs` (one field's mapping both ways), `sections` (the table of each array, the vendor constants),
`basics`, `export` (`to_json_resume`), `reading` (`from_json_resume`, `validate_json_resume`) and `checks`
(size and shape, the official schema shipped beside it, the schema of meta.cvmaker).

The mapping is data: one `JsonResumeSection` table per JSON Resume array (work, education, ...), each a list of
field codecs that read a JSON Resume entry into an item and write an item back. The same generic code runs every
table in both directions.

    JSON Resume        our section     entry field -> item field
    work               EXPERIENCE      name (legacy company) -> organization, position -> title, location, url
                                       (legacy website), startDate/endDate (open = current), summary ->
                                       description, highlights -> bullets
    volunteer          VOLUNTEER       organization, position -> title, url, dates (open = current), summary ->
                                       description, highlights -> bullets
    education          EDUCATION       institution -> organization, "studyType, area" -> title, url, dates,
                                       score (legacy gpa) -> description "Grade: <score>", courses -> bullets
    awards             AWARDS          title, awarder -> organization, date -> startDate, summary -> description
    certificates       CERTIFICATIONS  name -> title, issuer -> organization, date -> startDate, url
    publications       PUBLICATIONS    name -> title, publisher -> organization, releaseDate -> startDate, url,
                                       summary -> description
    skills             SKILLS          name -> title, level -> description, keywords
    languages          LANGUAGES       language -> title, fluency -> description
    interests          CUSTOM          name -> title, keywords          (exported from a custom section titled
    references         CUSTOM          name -> title, reference ->       "Interests"/"Hobbies" or "References")
                                       description
    projects           PROJECTS        name -> title, entity -> organization, description, dates (open =
                                       current), url, highlights -> bullets, keywords
    basics                             name, label -> headline, email, phone, summary -> the CV summary,
                                       location parts -> one line, url and profiles -> links

Sections appear in the order of the document's keys; the CV is titled "<name> CV". Dates are our partial ISO
dates; a URL without a scheme ("example.com") gets https://. Checks run in order, each once the one before
passed: a JSON object within size and depth caps, the official schema, the shape of meta.cvmaker, then our own
document rules (`validate_document`), every problem named by the JSON Resume path it came from
("work.0.startDate", "awards.1.date", "meta.cvmaker.sections.2.items.0.extras.keywords").

What a JSON Resume document loses on import, because our model has no home for it: basics.image, the
structure of basics.location (its parts become one line, exported back as `city`), a profile's username when it
is not the last part of its URL, and a profile with neither a URL nor a network we know the address of;
work.description (the company blurb), projects.roles and projects.type, an education entry's split between
studyType and area when only one is present or studyType holds ", " (the title is one line), meta.canonical,
meta.version, meta.lastModified, and any field the schema does not define.

Exports keep what JSON Resume cannot say under `meta.cvmaker` (the schema lets `meta` hold anything), so our CV
-> JSON Resume -> our CV is exact: the CV title and design, every section's id, kind, title, visibility and
order, item ids, hidden sections and items and custom sections without a JSON Resume home (kept whole: they are
not in the arrays, so themes do not show them), and per item the fields its entry cannot carry. Each exported
item records a fingerprint of its entry: when another tool edited that entry, the entry wins and only the
fields JSON Resume cannot hold are restored; entries added elsewhere become new items in place. Other JSON
Resume tools do not see what lives only there: hidden parts, custom sections other than interests and
references, and item fields without a JSON Resume field (a job's keywords, a volunteer role's location, an
education description that is not a grade, ...).
"""

from cvmaker.domain.cv.messages import DATE_MESSAGE
from cvmaker.domain.json_resume.checks import MAX_JSON_RESUME_BYTES, json_resume_schema
from cvmaker.domain.json_resume.export import to_json_resume
from cvmaker.domain.json_resume.normalising import parse_json_text
from cvmaker.domain.json_resume.reading import (
    JsonResumeImport,
    from_json_resume,
    read_json_resume,
    validate_json_resume,
)

__all__ = [
    "DATE_MESSAGE",
    "MAX_JSON_RESUME_BYTES",
    "JsonResumeImport",
    "from_json_resume",
    "json_resume_schema",
    "parse_json_text",
    "read_json_resume",
    "to_json_resume",
    "validate_json_resume",
]
