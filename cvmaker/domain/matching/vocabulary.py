"""Finding known skills in text: every spelling of every term, folded, matched on whole tokens only.

A skill's spellings (its name and aliases) fold to keys (`text.term_key`); the text is scanned once, trying the
longest phrase first at each token, with the last word also tried in the singular ("REST APIs" finds "REST API").
Spellings that are also ordinary words ("Go", "Swift") carry the exact forms that count ("Go", "GO"), so "go" and
"let's go" find nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from cvmaker.domain.matching.text import Token, singular, term_key, tokens

SkillKind = Literal["hard", "soft"]


@dataclass(frozen=True, slots=True)
class Skill:
    name: str  # the canonical display name
    kind: SkillKind

    @property
    def key(self) -> str:
        return term_key(self.name)


@dataclass(frozen=True, slots=True)
class Found:
    skill: Skill
    start: int  # character offsets in the normalized text
    end: int
    text: str  # as written


class Vocabulary:
    def __init__(self, terms: Iterable[dict[str, Any]], stop_phrases: Iterable[str] = ()) -> None:
        self._by_key: dict[str, Skill | None] = {}
        self._exact: dict[str, frozenset[str]] = {}
        self._first_words: dict[str, int] = {}  # first word of a key -> the longest key starting with it
        for term in terms:
            skill = Skill(term["name"], term["kind"])
            for spelling in [term["name"], *term.get("aliases", ())]:
                self._add(term_key(spelling), skill)
            exact_forms: dict[str, set[str]] = {}
            for form in term.get("exact", ()):
                exact_forms.setdefault(term_key(form), set()).add(form)
            for key, forms in exact_forms.items():
                self._exact[key] = frozenset(forms)
        for phrase in stop_phrases:
            self._add(term_key(phrase), None)

    def _add(self, key: str, skill: Skill | None) -> None:
        if not key or key in self._by_key:
            return
        self._by_key[key] = skill
        words = key.split(" ")
        self._first_words[words[0]] = max(self._first_words.get(words[0], 0), len(words))

    def __len__(self) -> int:
        return len({skill for skill in self._by_key.values() if skill is not None})

    def lookup(self, phrase: str) -> Skill | None:
        """The skill a phrase names on its own (a CV keyword such as "python 3"), in any letter case."""
        key = term_key(phrase)
        return self._by_key.get(key) or self._by_key.get(_singular_last(key))

    def find(self, text: str) -> list[Found]:
        """Every skill mentioned in `text`, in order of appearance (a skill may appear more than once)."""
        words = tokens(text)
        found: list[Found] = []
        i = 0
        while i < len(words):
            hit = self._longest_at(words, i)
            if hit is None:
                i += 1
                continue
            skill, length = hit
            if skill is not None:
                found.append(Found(skill, words[i].start, words[i + length - 1].end,
                                   " ".join(w.text for w in words[i:i + length])))
            i += length
        return found

    def skills_in(self, text: str) -> dict[str, Skill]:
        """The distinct skills mentioned in `text`, by key."""
        return {f.skill.key: f.skill for f in self.find(text)}

    def _longest_at(self, words: Sequence[Token], i: int) -> tuple[Skill | None, int] | None:
        """The longest known phrase at `i`: a skill, or a stop phrase (None) that hides the skills inside it."""
        longest = self._first_words.get(words[i].key)
        if longest is None:
            longest = self._first_words.get(singular(words[i].key))
            if longest is None:
                return None
        for length in range(min(longest, len(words) - i), 0, -1):
            span = words[i:i + length]
            key = " ".join(w.key for w in span)
            for candidate in (key, _singular_last(key)):
                if candidate in self._by_key and self._written_as_required(candidate, span):
                    return self._by_key[candidate], length
        return None

    def _written_as_required(self, key: str, span: Sequence[Token]) -> bool:
        forms = self._exact.get(key)
        if forms is None:
            return True
        written = " ".join(w.text for w in span)
        return written in forms or written.rstrip("s") in forms


def _singular_last(key: str) -> str:
    head, _, last = key.rpartition(" ")
    return f"{head} {singular(last)}" if head else singular(last)


@lru_cache(maxsize=1)
def shipped_vocabulary() -> Vocabulary:
    from cvmaker.domain.skills_data import stop_phrases, vocabulary_terms

    return Vocabulary(vocabulary_terms(), stop_phrases())
