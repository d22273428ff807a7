"""The merge of a checked model reading (`model_check`) into the heuristic one, field by field.

A field takes the model's value only when that value passed the check; everything else the heuristic read stays.
Sections pair by kind (and heading, for custom ones); entries pair by the words of their title and organization.
An entry or section only the model found is added; one only the heuristic found is kept. Bullets and skills are
replaced as a whole list, and only when every proposed member was found in the document. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cvmaker.domain.cv.model import DEFAULT_SECTION_TITLES, CvDocument, Item, Link, Section, SectionKind
from cvmaker.domain.ids import new_part_id
from cvmaker.domain.parsing.model_check import CheckedCv, CheckedItem, CheckedSection, fold

# Two entries are the same one when this share of the words of their title, organization and dates agree.
_SAME_ENTRY = 0.5
# A heuristic entry with at most this share of its words outside the model's entries is the same text, read
# differently: the model's reading replaces it.
_LEFT_OVER = 0.2
_PUNCTUATION = ",;:.()[]{}&|/-·•'\"!?"


@dataclass
class Merged:
    document: CvDocument
    changed: list[str] = field(default_factory=list)  # the field paths the model's reading changed or added
    # Entries of the heuristic reading that moved (old path -> new) or went (-> None), read again by the model.
    moved: dict[str, str | None] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)  # the names of the heuristic entries that went


def merge_reading(heuristic: CvDocument, checked: CheckedCv) -> Merged:
    """A copy of `heuristic` with what passed the check put in. `checked` must not be refused."""
    document = CvDocument.from_dict(heuristic.to_dict())
    changed: list[str] = []
    proposal = checked.proposal
    basics = document.basics
    for name in ("name", "headline", "email", "phone", "location"):
        value = getattr(proposal, name)
        if value and fold(value) != fold(getattr(basics, name) or ""):
            setattr(basics, name, value)
            changed.append(f"basics.{name}")
    known = {fold(link.url).removeprefix("https://").removeprefix("http://") for link in basics.links}
    for url in proposal.links:
        bare = fold(url).removeprefix("https://").removeprefix("http://")
        if bare not in known and not bare.startswith(("mailto:", "tel:")):
            known.add(bare)
            basics.links.append(Link(url=url if "://" in url else f"https://{url}"))
            changed.append(f"basics.links.{len(basics.links) - 1}")
    if proposal.summary and fold(proposal.summary) != fold(document.summary or ""):
        document.summary = proposal.summary
        changed.append("summary")
    merged = Merged(document, changed)
    paired: set[int] = set()
    for proposed in checked.sections:
        index = _pair_section(document.sections, proposed, paired)
        if index is None:
            section = Section(new_part_id(), proposed.kind, proposed.title or DEFAULT_SECTION_TITLES[proposed.kind])
            if not _merge_items(section, proposed.items, f"sections.{len(document.sections)}", Merged(document)):
                continue  # nothing of it survived the check
            document.sections.append(section)
            paired.add(len(document.sections) - 1)
            changed.append(f"sections.{len(document.sections) - 1}")
            continue
        paired.add(index)
        _merge_items(document.sections[index], proposed.items, f"sections.{index}", merged)
    return merged


def _pair_section(sections: list[Section], proposed: CheckedSection, paired: set[int]) -> int | None:
    title = fold(proposed.title or "")
    candidates = [i for i, s in enumerate(sections) if i not in paired and s.kind == proposed.kind]
    by_title = [i for i in candidates if fold(sections[i].title) == title]
    if by_title:
        return by_title[0]
    if proposed.kind == SectionKind.CUSTOM:  # custom sections are only the same when their headings are
        return None
    return candidates[0] if candidates else None


def _words(*texts: str | None) -> set[str]:
    """The words of some texts, folded, punctuation aside ("Babbage & Co," -> {"babbage", "co"})."""
    return {w.strip(_PUNCTUATION) for w in fold(" ".join(t for t in texts if t)).split()} - {""}


def _item_words(item: Item) -> set[str]:
    dates = {f"@{item.start_date}", "@present" if item.current else f"@{item.end_date}"} - {"@None"}
    return _words(item.title, item.organization, *item.keywords) | dates


def _proposed_words(checked: CheckedItem) -> set[str]:
    proposed, dates = checked.proposed, checked.dates
    read = {f"@{dates.start}", "@present" if dates.current else f"@{dates.end}"} - {"@None"} if dates else set()
    return _words(proposed.title, proposed.organization, *proposed.keywords) | read


def _likeness(ours: set[str], theirs: set[str]) -> float:
    """The share of words (and dates) two entries agree on: title, organization and skills."""
    return len(ours & theirs) / len(ours | theirs) if ours and theirs else 0.0


def _merge_items(section: Section, proposed: tuple[CheckedItem, ...], path: str, merged: Merged) -> bool:
    """Put the proposed items into `section`: paired ones field by field, new ones in the model's order. A
    heuristic entry the model did not pair is kept, unless the words of its title, organization and skills all
    but all occur in the model's entries of the section: then it is the same text read differently (a fragment,
    a merged or split entry) and goes. Records it all in `merged`; returns whether anything was put in."""
    ours = [_item_words(item) for item in section.items]
    theirs = [_proposed_words(p) for p in proposed]
    pairs = sorted(
        ((_likeness(o, t), i, j) for i, o in enumerate(ours) for j, t in enumerate(theirs)),
        reverse=True,
    )
    partner: dict[int, int] = {}  # proposed index -> heuristic index
    for likeness, i, j in pairs:
        if likeness < _SAME_ENTRY:
            break
        if i not in partner.values() and j not in partner:
            partner[j] = i
    covered = set().union(
        *theirs, *(_words(p.proposed.location, p.proposed.description, *p.proposed.bullets) for p in proposed)
    )
    unpaired = set(range(len(section.items))) - set(partner.values())
    gone = {i for i in unpaired if ours[i] and len(ours[i] - covered) <= _LEFT_OVER * len(ours[i])}
    # The model's entries in its order, each paired one where the heuristic had it; kept heuristic entries stay
    # after the entry before them.
    placed: list[tuple[float, Item, int | None]] = [
        (float(i), item, i) for i, item in enumerate(section.items) if i not in gone
    ]
    fields_changed: dict[int, list[str]] = {}
    for j, checked in enumerate(proposed):
        if j in partner:
            fields_changed[partner[j]] = _merge_item(section.items[partner[j]], checked)
            continue
        if checked.invented:
            continue  # an entry only the model read, partly invented: none of it is trusted
        item = Item(new_part_id())
        if not _merge_item(item, checked) or not (item.title or item.organization or item.keywords):
            continue  # an entry needs a name of some kind to be worth adding
        before = max((float(partner[k]) for k in range(j) if k in partner), default=-1.0)
        placed.append((before + 0.5 + j / (10 * len(proposed) + 10), item, None))
    placed.sort(key=lambda entry: entry[0])
    section_items = section.items
    section.items = [item for _, item, _ in placed]
    put = [f"{path}.items.{i}" for i, old in enumerate(placed) if old[2] is None]
    for new_index, (_, _, old_index) in enumerate(placed):
        if old_index is None:
            continue
        put += [f"{path}.items.{new_index}.{name}" for name in fields_changed.get(old_index, [])]
        if old_index != new_index:
            merged.moved[f"{path}.items.{old_index}"] = f"{path}.items.{new_index}"
    merged.moved.update({f"{path}.items.{i}": None for i in gone})
    merged.removed.extend(_name(section_items[i]) for i in sorted(gone))
    merged.changed.extend(put)
    return bool(put)


def _name(item: Item) -> str:
    return ", ".join(part for part in (item.title, item.organization, *item.keywords[:3]) if part) or "(untitled)"


def _merge_item(item: Item, checked: CheckedItem) -> list[str]:
    """Set the item's fields from what passed the check; the names of those that changed."""
    proposed = checked.proposed
    changed = []
    for name in ("title", "organization", "location", "description"):
        value = getattr(proposed, name)
        if value and fold(value) != fold(getattr(item, name) or ""):
            setattr(item, name, value)
            changed.append(name)
    dates = checked.dates
    if dates is not None and dates.start != item.start_date:
        item.start_date = dates.start
        changed.append("startDate")
    if dates is not None and (dates.end, dates.current) != (item.end_date, item.current):
        item.end_date, item.current = dates.end, dates.current
        changed.append("endDate")
    if checked.bullets_complete and [fold(b) for b in proposed.bullets] != [fold(b) for b in item.bullets]:
        item.bullets = list(proposed.bullets)
        changed.append("bullets")
    if checked.keywords_complete and [fold(k) for k in proposed.keywords] != [fold(k) for k in item.keywords]:
        item.keywords = list(proposed.keywords)
        changed.append("keywords")
    return changed


__all__ = ["Merged", "merge_reading"]
