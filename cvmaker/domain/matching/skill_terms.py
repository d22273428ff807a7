"""The skills a posting asks for, read from its structure first and confirmed after.

The posting's blocks and clauses (`posting_structure`) and the candidate phrases cut out of each clause
(`candidates`) propose the terms; this module decides which of them are skills and whether each is required:
- confirmed: the vocabulary knows the term (it is then classified hard or soft, and shown as the posting writes
  it); a phrase of two or more words occurs in the labels of one classification concept (ESCO); it is written
  as a name (an acronym such as "BLS", a code such as "FRS 102", a product such as "NetSuite" in a list of
  tools); it names a credential ("Care Certificate"); or it is an entry of a requirement list on its own
  ("Butchery", "Fish preparation");
- refused: ordinary words alone ("care", "models", "prepare"), amounts ("12 weeks"), degrees and their fields,
  people and roles ("registered nurse"), and everything in pay, perks and equal-opportunity sentences;
- required or preferred: by the clause (its block, or its own "a plus", "von Vorteil", "un atout"); a term that
  the duties name and a "nice to have" names too is preferred, as the posting's list says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cvmaker.domain.matching.candidates import Candidate, candidates
from cvmaker.domain.matching.education import levels_named_in
from cvmaker.domain.matching.posting_structure import BENEFIT, BOILERPLATE, BlockKind, Clause, clauses
from cvmaker.domain.matching.stopwords import FILLER_WORDS, FUNCTION_WORDS, GENERIC_WORDS, ROLE_WORDS, STOPWORDS
from cvmaker.domain.matching.text import term_key
from cvmaker.domain.matching.vocabulary import Skill, Vocabulary


def skills_asked(text: str, vocabulary: Vocabulary) -> list[tuple[Skill, bool]]:
    """Each skill the posting (normalized text) asks for once, with whether it is required."""
    return _settled(skills_named(text, vocabulary), vocabulary)


_CREDENTIAL = re.compile(
    r"\b(?:certification|certificate|certified|licen[cs]e|licensure|registration|card|schein|zertifikat|"
    r"zertifizierung|qualification|diploma|diplôme|permis|carnet|título|titre)\b",
    re.IGNORECASE,
)
_CREDENTIAL_TAIL = re.compile(
    r"(?:\s+(?:certification|certificate|certified|licen[cs]e|licensure|registration|card|qualification|"
    r"training|course|ticket|endorsement))+$",
    re.IGNORECASE,
)
# Words after a term that say what sort of requirement it is: "FEA experience" is FEA, "BLS certification" BLS.
_TAIL = re.compile(
    r"(?:\s+(?:certification|certificate|certified|licen[cs]e|licensure|registration|card|qualification|"
    r"training|course|ticket|endorsement|skills?|experience|knowledge|expertise))+$",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&/+.-]{1,9}s?$")
_CODE = re.compile(r"^(?:[A-Z][A-Za-z0-9&/+.-]*\d[A-Za-z0-9&/+.-]*|\d+[A-Za-z]*)$")
_CAMEL = re.compile(r"^[A-Z]?[a-z]+[A-Z][A-Za-z0-9]*$|^[A-Z]{2,}-[A-Za-zÄÖÜäöüß]+$")
# A field of study after a degree ("Bachelor's degree in Mechanical Engineering") is education, not a skill.
_DEGREE_BEFORE = re.compile(
    r"(?:degree|bachelor'?s?|master'?s?|b\.?sc?|m\.?sc?|b\.?a|m\.?a|phd|doctorate|diploma|graduate|studium|"
    r"grado|licenciatura|máster|master|dipl[oô]me|formation|bac\s*\+\s*\d)\b[^.;:,]{0,25}?\b(?:in|of|en|de|der|des)"
    r"\s+[^.;:()]{0,60}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Named:
    """A skill the posting names, where: its block decides whether a duty gives way to a "nice to have"."""

    skill: Skill
    required: bool
    block: BlockKind


def skills_named(text: str, vocabulary: Vocabulary) -> list[Named]:
    """The skills a posting asks for, each with whether it is required, named as the posting writes them.

    The posting's structure proposes the terms: each clause of its requirement, "nice to have" and duties blocks
    (and "You'll ..." sentences of its introduction) is cut into candidate phrases (`candidates`). A candidate
    counts when the vocabulary knows it, when it occurs in the labels of a classification concept (ESCO), when
    it is written like a name (an acronym such as "BLS", a code such as "FRS 102", a product such as "NetSuite"
    in a list of tools), when it names a credential ("Care Certificate"), or when it is a short list entry of a
    requirement block on its own. Vocabulary terms in the introduction count too, but not its soft skills (the
    employer describing itself: "a creative, collaborative team"), and a candidate only the list structure
    proposes must be a hard skill or sit in a requirement block. Ordinary words ("care", "models", "prepare"),
    amounts ("12 weeks"), degrees and the pay, perks and equal-opportunity sentences never count."""
    german = _looks_german(text)
    found: list[Named] = []
    for clause in clauses(text, BOILERPLATE):
        if BENEFIT.search(clause.text):
            continue
        asks = clause.block in ("required", "preferred")
        spans: list[tuple[int, int, Skill, int]] = []
        for hit in vocabulary.find(clause.text):
            if _generic(hit.text) or _education(clause.text, hit.start, hit.text):
                continue
            if hit.skill.kind == "soft" and clause.block == "intro":
                continue
            version = _VERSION.match(clause.text, hit.end)
            if version is not None:
                written = clause.text[hit.start : version.end()]
                spans.append((hit.start, version.end(), Skill(written, hit.skill.kind), 2))
                continue
            spans.append((hit.start, hit.end, Skill(_shown(hit.text, hit.skill), hit.skill.kind), 2))
        if clause.block != "intro":
            for candidate in candidates(clause.text):
                if _education(clause.text, candidate.start, candidate.text) or _AMOUNT.search(candidate.text):
                    continue
                skill = _confirmed(candidate, clause, vocabulary, german)
                if skill is not None and (skill.kind == "hard" or asks):
                    end = candidate.start + len(candidate.text)
                    spans.append((candidate.start, end, skill, _strength(candidate, skill, vocabulary)))
        for start, _, skill in _outermost(_with_modifiers(spans)):
            found.append(Named(skill, start < clause.preferred_from, clause.block))
    return found


def _settled(named: list[Named], vocabulary: Vocabulary) -> list[tuple[Skill, bool]]:
    """One entry per skill: required if a requirement block or sentence asks for it; a skill that the duties
    name and a "nice to have" names too is preferred (the duty describes the work, the list says what it takes)."""
    by_key: dict[str, list[Named]] = {}
    for entry in named:
        known = vocabulary.lookup(entry.skill.name)
        by_key.setdefault(known.key if known else _CREDENTIAL_TAIL.sub("", term_key(entry.skill.name)), []).append(
            entry
        )
    settled = []
    for entries in by_key.values():
        asked = [e for e in entries if e.required and e.block in ("required", "preferred")]
        optional = [e for e in entries if not e.required]
        required = bool(asked) or not optional
        settled.append(((asked or optional or entries)[0].skill, required))
    return settled


# A number or a short code right after a known product names its edition: "Sage 200", "SAP CO", "Empower 3".
_VERSION = re.compile(r" (?:\d+(?:\.\d+)*|[A-Z]{2,4})(?![\w/+&-])")


# Quantities and times are conditions of the job, not skills: "12 weeks", "50 lbs", "3 years", "35 h".
_AMOUNT = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|ein|zwei|drei|vier|fünf|"
    r"un|deux|trois|quatre|cinq|uno|dos|tres|cuatro|cinco)\s*\+?\s*"
    r"(?:%|h|hrs?|hours?|days?|weeks?|months?|years?|yrs|lbs?|kg|km|miles?|points?|"
    r"jahre?n?|monate?n?|stunden|tage?n?|jours?|semaines?|mois|ans?|heures?|años|meses|horas|días)\b|"
    r"^\d+(?:[.,]\d+)?$|\b(?:least|minimum|mindestens|maximum|max)\b|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|bsc|msc|bs|ms|ba|ma|mba|phd|ged|bsn|abitur|studium|"
    r"hochschulabschluss|bac|licence|grado|licenciatura|máster|diplôme|titulación|school|formation|formación|"
    r"apprenticeship|ausbildung|studies|études|estudios)\b",
    re.IGNORECASE,
)
# Word endings of activities and fields of knowledge: "crossmatching", "hydraulics", "haematology".
_FIELD_WORD = re.compile(r"(?:[a-z]{4}ing|ics|ology|ography|ometry)$")
_GERMAN_WORDS = re.compile(r"\b(?:und|der|die|das|mit|für|sie|ihr|wir|eine?n?|oder|von)\b", re.IGNORECASE)
_ENGLISH_WORDS = re.compile(r"\b(?:and|the|with|for|you|your|we|our|of|to)\b", re.IGNORECASE)


def _looks_german(text: str) -> bool:
    """German capitalises every noun, so a capitalised word there is no sign of a name."""
    return len(_GERMAN_WORDS.findall(text)) > len(_ENGLISH_WORDS.findall(text))


def _education(clause: str, at: int, written: str) -> bool:
    """A degree ("Bachelor's degree", "GED") or the field it is in ("... degree in Mechanical Engineering,
    Civil Engineering or a related field"): education, which the reader reports apart."""
    if levels_named_in(written) or _DEGREE.search(written) and not _CREDENTIAL_TAIL.search(written):
        return True
    return bool(_DEGREE_BEFORE.search(clause[:at]))


def _outermost(spans: list[tuple[int, int, Skill, int]]) -> list[tuple[int, int, Skill]]:
    """The spans kept where they overlap: a confirmed term (by the vocabulary, as a name or a phrase of the
    classification) before one that only its place in a list proposes, then the longer ("Epic EHR" hides
    "EHR"), then the better confirmed."""
    kept: list[tuple[int, int, Skill, int]] = []
    for span in sorted(spans, key=lambda s: (s[3] == 0, -(s[1] - s[0]), -s[3], s[0])):
        if not any(k[0] < span[1] and span[0] < k[1] for k in kept):
            kept.append(span)
    return [(start, end, skill) for start, end, skill, _ in sorted(kept, key=lambda s: s[0])]


def _with_modifiers(spans: list[tuple[int, int, Skill, int]]) -> list[tuple[int, int, Skill, int]]:
    """A list entry of up to three words that ends in a confirmed term counts as confirmed itself: the words
    before say which kind ("electrical troubleshooting", "classical cooking techniques", "P&L management")."""
    confirmed = [s for s in spans if s[3] > 0]
    raised = []
    for span in spans:
        start, end, skill, strength = span
        short = strength == 0 and len(skill.name.split()) <= 3
        if short and any(c[1] == end and c[0] > start or c[0] == start and c[1] < end for c in confirmed):
            span = (start, end, skill, 1)
        raised.append(span)
    return raised


def _strength(candidate: Candidate, skill: Skill, vocabulary: Vocabulary) -> int:
    """How well a candidate is confirmed: 2 the vocabulary knows it, 1 a name, code, credential or a phrase of
    the classification, 0 only its place in a requirement list."""
    if vocabulary.named(skill.name) is not None:
        return 2
    words = candidate.text.split()
    named = _name_like(words, False) or len(words) == 1 and bool(_ACRONYM.match(candidate.text))
    return 1 if named or _CREDENTIAL.search(candidate.text) or vocabulary.known_phrase(candidate.text) else 0


def _shown(written: str, skill: Skill) -> str:
    """How a vocabulary term is shown: its canonical name when the posting writes the same words, else the
    posting's words ("HPLC", not "High Performance Liquid Chromatography (HPLC)"), which name the same skill."""
    key = _HEAD_NOUN_TAIL.sub("", term_key(written))
    if key == skill.key or written.islower() and " " not in written:
        return skill.name
    return written


_HEAD_NOUN_TAIL = re.compile(r" (?:skills?|experience|knowledge|certification|certificate)$")


# "CIMA qualified", "AITT accredited": the credential is the name before the word saying it is held.
_HELD = re.compile(r"^(.*\S)\s+(?:qualified|accredited|certified|registered|licensed|trained)$", re.IGNORECASE)


def _confirmed(candidate: Candidate, clause: Clause, vocabulary: Vocabulary, german: bool) -> Skill | None:
    held = _HELD.match(candidate.text)
    if held is not None and _name_like(held.group(1).split(), german):
        return Skill(held.group(1), "hard")
    item = candidate.text
    words = item.split()
    skill = vocabulary.named(item)
    if skill is not None:
        return None if _generic(item) else Skill(_shown(item, skill), skill.kind)
    core = _TAIL.sub("", item).strip()
    if core and core != item:
        skill = vocabulary.named(core)
        if skill is not None and not _generic(core):
            return Skill(_shown(core, skill), skill.kind)
    if candidate.joined:
        # One credential whose name holds "and" ("Food Hygiene and Safety certificate"), not two things listed.
        inner = [w.casefold() for w in words[:-1] if w.casefold() not in ("and", "und", "et", "y")]
        one_name = not any(w in FUNCTION_WORDS or w in FILLER_WORDS for w in inner)
        return Skill(item, "hard") if one_name and _CREDENTIAL_TAIL.search(item) else None
    if candidate.inside and clause.block not in ("required", "preferred"):
        return None  # an abbreviation in a duty or in prose names an organisation or a metric as often as a skill
    if len(item) <= 2:
        return None  # "C1", "A2", "3D": levels and grades unless the vocabulary knows them
    keys = [term_key(w) for w in words]
    if keys[-1] in ROLE_WORDS:
        return None  # a person or a role ("registered nurse", "analyst role"), not something a person can do
    ordinary = all(k in GENERIC_WORDS or k in STOPWORDS or k in FILLER_WORDS for k in keys)
    if ordinary and not (len(words) > 1 and candidate.listed and vocabulary.known_phrase(item)):
        return None  # ordinary words, unless together they name a skill of the classification ("customer service")
    if len(words) == 1:
        named = _ACRONYM.match(item) or _CODE.match(item) or _CAMEL.match(item)
        if named and item.casefold() not in _NOT_NAMES:
            return Skill(item, "hard")
        listed = candidate.after_lead_in or clause.block in ("required", "preferred")
        titled = item[:1].isupper() and item[1:].islower() and len(item) > 2 and not vocabulary.ordinary_word(item)
        if listed and not german and candidate.start > 0 and titled:
            return Skill(item, "hard")  # a name in a list of tools: "Procore, Bluebeam and Microsoft Excel"
        asks = clause.block in ("required", "preferred")
        german_noun = german and candidate.listed and (candidate.after_lead_in or len(item) >= 10)
        field = candidate.listed and (clause.whole_entry or candidate.after_lead_in) and _FIELD_WORD.search(item)
        if asks and (candidate.whole or german_noun or field):
            # A list entry of one word ("Butchery"), a German compound in a list ("Fehlersuche"), or an activity
            # or a field named in a list ("proofreading", "hydraulics").
            return Skill(item[:1].upper() + item[1:], "hard")
        return None
    if len(words) > 5:
        return None
    if (candidate.listed or candidate.after_lead_in) and vocabulary.known_phrase(item):
        return Skill(item[:1].upper() + item[1:], "hard")
    if _CREDENTIAL.search(item):
        return Skill(item, "hard")
    if len(words) <= 4 and _name_like(words, german):
        return Skill(item, "hard")
    entry = candidate.whole or candidate.listed and (clause.whole_entry or candidate.after_lead_in)
    if entry and clause.block in ("required", "preferred") and len(words) <= 4:
        return Skill(item[:1].upper() + item[1:], "hard")  # an entry of the requirement list on its own
    return None


def _name_like(words: list[str], german: bool) -> bool:
    """Written as a name: an acronym, code or product word ("Epic EHR", "ISO 15189", "ECS/JIB Gold Card"), the
    other words capitalised or numbers."""
    marked = any(_ACRONYM.match(w) or _CAMEL.match(w) or _CODE.match(w) and not w.isdigit() for w in words)
    rest = all(w[:1].isupper() or w[:1].isdigit() or german and w.islower() is False for w in words)
    return marked and rest


def _generic(written: str) -> bool:
    """An ordinary word written in lower case ("care", "models"): never a skill on its own."""
    return " " not in written.strip() and written.islower() and term_key(written) in GENERIC_WORDS


# Short capitalised words that are no name of a skill: places, units and the posting's own abbreviations.
# Contract types, pay, currencies and the like that postings abbreviate: "CDI", "PQE", "OTE", "USD", "COVID".
_NOT_NAMES = frozenset(
    {"uk", "us", "usa", "eu", "cv", "ft", "pt", "am", "pm", "ok", "id", "it", "hr", "ie", "eg"}
    | {"cdi", "cdd", "pqe", "ote", "fte", "pto", "usd", "eur", "gbp", "chf", "covid", "dui", "dwi", "asap", "faq"}
)
