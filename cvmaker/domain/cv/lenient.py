"""What people type, read the way they mean it, and what cannot be read kept as typed instead of refused.

A whole-CV write goes through `normalise` before validation: dates in every form the importer reads ("March 2020",
"03/2020", "Summer 2019", "2020-03-15"; `domain.parsing.dates`), an end date of "present" in any language the
importer knows (the entry becomes current), a range typed into one date field ("2019 – 2021"), links without a
scheme ("linkedin.com/in/ada" -> https), an email written as a mailto link. Stored values are always the model's
clean ones.

What still fails validation in a field a person types freely (a date, an email, a link) does not block the save:
`keep_as_drafts` takes the value out of the document, keeps it as a `FieldDraft` (path, text as typed, why), and
the rest of the CV saves and renders. The editor shows the drafts in their fields, marked, until they read well.
Other problems (sizes, structure, the template) still refuse the write, as before.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection
from typing import Any

from cvmaker.domain.cv.model import MAX_DRAFT_LENGTH, FieldDraft
from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.parsing.dates import PRESENT_ONLY, find_range, parse_single

MAX_DRAFTS = 50
_ISO_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z")
_DATE_FIELDS = ("startDate", "endDate")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_HOST = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[:/?#].*)?$", re.UNICODE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# The fields a person types freely: a value that cannot be read there becomes a draft instead of a refusal.
_DRAFTABLE = re.compile(
    r"^(?:basics\.email|sections\.\d+\.items\.\d+\.(?:startDate|endDate|url))\Z",
)


def normalise(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of `document` (the dict form of a `CvDocument`) with typed values read into the model's forms."""
    doc = copy.deepcopy(document)
    basics = doc.get("basics")
    if isinstance(basics, dict):
        if isinstance(basics.get("email"), str):
            basics["email"] = normal_email(basics["email"])
        for link in basics.get("links") or []:
            if isinstance(link, dict) and isinstance(link.get("url"), str):
                link["url"] = normal_url(link["url"])
    for section in doc.get("sections") or []:
        for item in (section.get("items") or []) if isinstance(section, dict) else []:
            if isinstance(item, dict):
                _normalise_item(item)
    return doc


def normal_url(text: str) -> str:
    """ "linkedin.com/in/ada" -> "https://linkedin.com/in/ada"; "ada@example.com" -> a mailto link."""
    url = text.strip()
    if not url or _SCHEME.match(url) and not re.match(r"^[\w-]+\.[\w.-]+:\d", url):
        return url
    if _EMAIL.match(url):
        return "mailto:" + url
    url = url.removeprefix("//")
    if _HOST.match(url):
        return "https://" + url.replace(" ", "%20")
    return url


def normal_email(text: str) -> str:
    email = text.strip()
    if email.casefold().startswith("mailto:"):
        email = email[len("mailto:") :].strip()
    return email


def normal_date(text: str) -> str | None:
    """A typed date in the model's form ("2020" or "2020-03"), or None when it cannot be read."""
    value = text.strip()
    if _ISO_DATE.match(value):
        return value
    return parse_single(value)


def _normalise_item(item: dict[str, Any]) -> None:
    if isinstance(item.get("url"), str):
        item["url"] = normal_url(item["url"])
    for name in _DATE_FIELDS:
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        if name == "endDate" and PRESENT_ONLY.match(value):
            item["endDate"] = None
            item["current"] = True
            continue
        if (single := normal_date(value)) is not None:
            item[name] = single
            continue
        if name == "startDate":
            _read_range_into(item, value)


def _read_range_into(item: dict[str, Any], text: str) -> None:
    """ "2019 – 2021" or "Mar 2019 - present" typed into Start: both ends are read, if End is still empty."""
    found = find_range(text)
    if found is None:
        return
    dates, start, end = found
    if text[:start].strip() or text[end:].strip() or dates.start is None or item.get("endDate"):
        return
    item["startDate"] = dates.start
    if dates.current:
        item["current"] = True
    elif dates.end:
        item["endDate"] = dates.end


def keep_as_drafts(
    document: dict[str, Any], problems: list[FieldProblem]
) -> tuple[dict[str, Any], list[FieldDraft]] | None:
    """`document` without the values `problems` name, and those values as drafts; None when any problem is not
    in a freely typed field (then the write is refused as before)."""
    if not problems or len(problems) > MAX_DRAFTS or any(not _DRAFTABLE.match(p.path) for p in problems):
        return None
    doc = copy.deepcopy(document)
    drafts: list[FieldDraft] = []
    for problem in problems:
        *parents, name = problem.path.split(".")
        holder: Any = doc
        for part in parents:
            holder = holder[int(part)] if isinstance(holder, list) else holder.get(part)
        if not isinstance(holder, dict):
            return None
        value = holder.get(name)
        text = value if isinstance(value, str) else ""
        holder[name] = None
        drafts.append(FieldDraft(problem.path, text[:MAX_DRAFT_LENGTH], problem.message))
    return doc, drafts


def readable(document: dict[str, Any], templates: Collection[str] = ()) -> dict[str, Any]:
    """`document` with typed values read (`normalise`) and validated; a date, email or link that still cannot be
    read is taken out and kept in the result's "drafts", and the rest stands. Anything else invalid raises
    `InvalidInput`, naming every problem. Earlier drafts in `document` are dropped: they are worked out again from
    what is typed on every write."""
    doc = normalise({key: value for key, value in document.items() if key != "drafts"})
    drafts: list[FieldDraft] = []
    for _ in range(3):  # rules are checked once the shape is right: a second round can find more
        try:
            validate_document(doc, templates)
        except InvalidInput as refused:
            kept = keep_as_drafts(doc, refused.problems)
            if kept is None or len(drafts) + len(kept[1]) > MAX_DRAFTS:
                raise
            doc, more = kept
            drafts.extend(more)
            continue
        if drafts:
            doc["drafts"] = [draft.to_dict() for draft in drafts]
        return doc
    raise InvalidInput([FieldProblem("", "the CV could not be read")])
