"""The readability score, 0 to 100: how much of what matters a machine read as written.

Each field earns a credit (1 read as written, 0 lost, a part for a mangled field: half for a single value, the
share of words kept for a description, the overlap of the sets for skills). A group's credit is the weighted mean
of its fields'; the score is the weighted mean of the groups present in the CV, out of 100. The weights:

- contact 25 and name 20: an application nobody can reply to, or file under a name, is lost whatever else was
  read. Within the contact group the email weighs 4, the phone 3, each link 2 and the location 1: the email is
  how a recruiter answers, the location matters only for a search by place.
- entries 25 (each entry's title, organisation and dates, equally): what a recruiter's search and an
  applicant-tracking system's filters run on ("job title", "years of experience").
- section headings 10: a heading not recognised moves its entries into the section above, so they are filed as
  the wrong kind of thing.
- skills 8 and descriptions 7: searched for keywords, but a word or two lost at a line break costs little.
- headline 3 and the order of sections 2: shown to a reader of the parsed profile, rarely searched.

A group the CV does not have (no links, no skills) does not count: its weight goes to the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cvmaker.domain.readability.model import FieldGroup, FieldReading

GROUP_WEIGHTS: Mapping[FieldGroup, float] = {
    FieldGroup.CONTACT: 25,
    FieldGroup.NAME: 20,
    FieldGroup.ENTRIES: 25,
    FieldGroup.HEADINGS: 10,
    FieldGroup.SKILLS: 8,
    FieldGroup.TEXT: 7,
    FieldGroup.HEADLINE: 3,
    FieldGroup.ORDER: 2,
}
CONTACT_WEIGHTS: Mapping[str, float] = {"basics.email": 4, "basics.phone": 3, "basics.location": 1}
LINK_WEIGHT = 2.0


def field_weight(reading: FieldReading) -> float:
    """A field's weight within its group."""
    if reading.group is FieldGroup.CONTACT:
        return CONTACT_WEIGHTS.get(reading.path, LINK_WEIGHT)
    return 1.0


def score(readings: Iterable[FieldReading]) -> int:
    by_group: dict[FieldGroup, list[FieldReading]] = {}
    for reading in readings:
        by_group.setdefault(reading.group, []).append(reading)
    total = weights = 0.0
    for group, members in by_group.items():
        group_weight = GROUP_WEIGHTS[group]
        inner = sum(field_weight(m) for m in members)
        total += group_weight * sum(field_weight(m) * m.credit for m in members) / inner
        weights += group_weight
    return round(100 * total / weights) if weights else 100
