"""Candidate requirement terms cut out of one clause of a posting, before any vocabulary says what they are.

A clause is cut where a list or a sentence changes subject: at commas, semicolons, brackets, " / ", "or" and
their German, French and Spanish equivalents, at the lead-in phrases that introduce a requirement ("experience
with", "knowledge of", "Kenntnisse in", "maîtrise de", "experiencia en"), at "and", and at prepositions. What a
clause says about a term ("... is a plus", "... ist von Vorteil") is no term. Each piece loses the filler around
it ("strong", "excellent", "good", "required") and a leading verb ("Administer", "Perform", "Gérer", "writing"),
and is kept as written. A piece joined by "and" is also offered whole ("moving and handling", "Food Hygiene and
Safety certificate") so that a term whose name holds a conjunction can be confirmed as one, and names written
inside a longer piece ("HACCP" in "follow our HACCP plan") are offered on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cvmaker.domain.matching.posting_structure import ASK_SENTENCE
from cvmaker.domain.matching.stopwords import DUTY_VERBS, FILLER_WORDS, FUNCTION_WORDS

# Phrases that introduce a requirement: what follows names the skill.
LEAD_IN = re.compile(
    r"(?:\b(?:experience|expertise|knowledge|understanding|proficiency|familiarity|skills?|competence|"
    r"background|training|grounding|fluency|confidence|track record|grasp)\s+(?:with|in|of|using|on|across)\b|"
    r"\b(?:proficient|skilled|experienced|familiar|confident|certified|trained|qualified|competent|fluent|"
    r"comfortable)\s+(?:with|in|at|on|using)\b|\b(?:ability|able)\s+to\b|\bhands-on\b|"
    r"\b(?:erfahrung|erfahrungen|kenntnisse|kenntnis|berufserfahrung)\s+(?:in|im|mit|der|des|von|über)\b|"
    r"\bsicherer?\s+umgang\s+mit\b|\b(?:umgang|vertrautheit)\s+mit\b|"
    r"\b(?:expérience|connaissances?|maîtrise|pratique)\s+(?:de la|de l'|des|du|de|d'|en|dans|sur)|"
    r"\b(?:experiencia|conocimientos?|dominio|manejo)\s+(?:en|de|del|con)\b)",
    re.IGNORECASE,
)
# Where one term ends and the next begins: list separators and conjunctions.
_LIST_SPLIT = re.compile(
    r"\s*(?:[,;:()\[\]!?]|\.(?=\s|$)|\s[/+]\s|\s[-\u2013]\s|\band/or\b|\bor\b|\bas well as\b|\bsuch as\b|"
    r"\bincluding\b|\bincl\.|\be\.g\.|\bi\.e\.|\blike\b|\boder\b|\bbzw\.?|\bsowie\b|\bz\.\s?b\.|\binsbesondere\b|"
    r"\bou\b|\bainsi que\b|\bnotamment\b|\bcomme\b|\bo\b|\bcomo\b|\bincluyendo\b|\bwie\b|\bplus\b)\s*",
    re.IGNORECASE,
)
# A verb after the term starts what is said about it ("... is a plus", "... ist von Vorteil"): not a term.
_PREDICATE = re.compile(
    r"\s+(?:is|are|was|be|would|will|can|could|should|must|may|ist|sind|wäre|wird|est|sont|serait|sera|"
    r"es|son|será|sería)\s.*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+(?:and|und|et|y|e)\s+", re.IGNORECASE)
# Prepositions and clause words that end a noun phrase: "dashboards in Power BI" is two terms.
_PHRASE_SPLIT = re.compile(
    r"\s+(?:with|from|within|for|at|to|in|on|into|as|using|across|via|by|per|through|when|while|where|"
    r"which|that|who|able|mit|für|bei|im|zur|zum|nach|auf|"
    r"pour|avec|dans|sur|chez|par|afin|para|con|por|sobre|según|selon)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str  # as written, trimmed
    start: int  # offset in the clause
    after_lead_in: bool  # introduced by "experience with", "knowledge of", ...
    whole: bool  # the candidate is the whole clause once trimmed
    joined: bool = False  # offered whole across an "and" ("moving and handling"): only the vocabulary confirms it
    listed: bool = False  # a whole entry of a list (between commas, "and", "or"), not cut at a preposition
    inside: bool = False  # a name written inside a longer candidate ("HACCP" in "follow our HACCP plan")


def candidates(clause: str) -> list[Candidate]:
    """Candidate terms of a clause, in order, each at most six words long; names written inside a longer
    phrase ("HACCP" in "follow our HACCP plan", "FRS 102" in "accounts under FRS 102") are offered too."""
    asking = ASK_SENTENCE.match(clause)
    if asking is not None:  # "The ideal candidate has ...", "Pedimos ...", "Vous maîtrisez ..."
        return [_shifted(c, asking.end()) for c in candidates(clause[asking.end() :])]
    lead_ins = [m.end() for m in LEAD_IN.finditer(clause)]
    found: list[Candidate] = []
    trimmed_clause = _trim(clause)
    whole_text = trimmed_clause[0] if trimmed_clause else None
    for piece, at in _split(clause, _LIST_SPLIT, 0):
        for segment, seg_at in _split(_PREDICATE.sub("", piece), LEAD_IN, at):
            introduced = any(end <= seg_at for end in lead_ins)
            whole_and = _trim(segment)
            if whole_and and _AND.search(whole_and[0]) and len(whole_and[0].split()) <= 7:
                text, offset = whole_and
                found.append(Candidate(text, seg_at + offset, introduced, False, joined=True))
            for part, part_at in _split(segment, _AND, seg_at):
                phrases = _split(part, _PHRASE_SPLIT, part_at)
                # A verb alone before a preposition ("help with stock rotation") leaves its object a whole entry.
                worded = sum(_trim(phrase) is not None for phrase, _ in phrases)
                for phrase, phrase_at in phrases:
                    trimmed = _trim(phrase)
                    if trimmed is None or len(trimmed[0].split()) > 6:
                        continue
                    text, offset = trimmed
                    listed = worded == 1
                    found.append(Candidate(text, phrase_at + offset, introduced, text == whole_text, listed=listed))
                    for name, name_at in _names_inside(text):
                        found.append(Candidate(name, phrase_at + offset + name_at, introduced, False, inside=True))
    return found


_NAME_WORD = re.compile(r"^(?:[A-Z][A-Z0-9&/+.-]{1,9}s?|[A-Z]?[a-z]+[A-Z][A-Za-z0-9]*)$")


def _names_inside(phrase: str) -> list[tuple[str, int]]:
    """Runs of words written as names (acronyms, product words, with the numbers after them) inside a longer
    phrase, with their offsets."""
    runs: list[tuple[str, int]] = []
    words = [(m.group(0), m.start()) for m in re.finditer(r"\S+", phrase)]
    run: list[tuple[str, int]] = []
    for word, at in [*words, ("", -1)]:
        if _NAME_WORD.match(word) or run and re.fullmatch(r"\d[\d.:]*", word):
            run.append((word, at))
            continue
        if run and len(run) < len(words):
            runs.append((" ".join(w for w, _ in run), run[0][1]))
        run = []
    return runs


def _shifted(candidate: Candidate, offset: int) -> Candidate:
    """A candidate of what a sentence asks for ("Pedimos ..."), placed in the whole clause: introduced as if by a
    lead-in."""
    return Candidate(
        candidate.text,
        candidate.start + offset,
        True,
        candidate.whole,
        joined=candidate.joined,
        listed=candidate.listed,
        inside=candidate.inside,
    )


def _split(text: str, pattern: re.Pattern[str], base: int) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    at = 0
    for match in pattern.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], base + at))
        at = max(at, match.end())
    if at < len(text):
        pieces.append((text[at:], base + at))
    return [(p, a) for p, a in pieces if p.strip()]


# Words after which the word before is a verb ("lead a team", "close the store", "set up").
_DETERMINERS = frozenset(
    {"a", "an", "the", "our", "your", "their", "sure", "up", "le", "la", "les", "un", "une", "el", "los", "las"}
    | {"der", "die", "das"}
)
_HEAD_NOUNS = frozenset({"skills", "skill", "experience", "knowledge", "techniques", "expertise"})
_EDGE = " .,'\"-–*:;!?"


def _trim(phrase: str) -> tuple[str, int] | None:
    """The phrase without filler words and a leading verb at its edges, with how far in it now starts."""
    words = phrase.split()
    start = 0
    verb_dropped = False
    while start < len(words):
        word = words[start].strip(_EDGE).casefold()
        following = words[start + 1].strip(_EDGE).casefold() if start + 1 < len(words) else ""
        if word in FILLER_WORDS or word in FUNCTION_WORDS or not word:
            start += 1
        elif not verb_dropped and (
            word in DUTY_VERBS or following in _DETERMINERS or word.endswith("ing") and start + 2 < len(words)
        ):
            # a verb: a known duty verb, a word followed by an article ("lead a team", "close the store") or a
            # gerund opening a longer phrase ("writing complex queries")
            start += 1
            verb_dropped = True
        else:
            break
    end = len(words)
    while end > start:
        word = words[end - 1].strip(_EDGE).casefold()
        if end - start == 2 and word in _HEAD_NOUNS:
            break  # "knife skills" stays two words: "knife" alone says nothing
        if word in FILLER_WORDS or word in FUNCTION_WORDS or not word:
            end -= 1
            continue
        break
    if end <= start:
        return None
    if verb_dropped and end - start == 1 and not _NAME_WORD.match(words[start].strip(_EDGE)):
        return None  # "Making Effective Decisions" is no "Decisions"
    text = " ".join(words[start:end]).strip(_EDGE)
    if not text:
        return None
    offset = phrase.find(words[start]) if start else len(phrase) - len(phrase.lstrip())
    return text, max(offset, 0)
