"""Finding known skills in text: every spelling of every term, folded, matched on whole tokens only.

A skill's spellings (its name and aliases) fold to keys (`text.term_key`); the text is scanned once, trying the
longest phrase first at each token, with the last word also tried in the singular ("REST APIs" finds "REST API").
Spellings that are also ordinary words ("Go", "Swift") carry the exact forms that count ("Go", "GO"), so "go" and
"let's go" find nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
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


class _Tables:
    """The lookup tables of a vocabulary: spelling key -> skill, exact forms, longest phrase per first word."""

    def __init__(self, terms: Iterable[dict[str, Any]], stop_phrases: Iterable[str]) -> None:
        self.by_key: dict[str, Skill | None] = {}
        self.exact: dict[str, frozenset[str]] = {}
        self.first_words: dict[str, int] = {}
        for term in terms:
            skill = Skill(term["name"], term["kind"])
            for spelling in [term["name"], *term.get("aliases", ())]:
                self.add(term_key(spelling), skill)
            exact_forms: dict[str, set[str]] = {}
            for form in term.get("exact", ()):
                exact_forms.setdefault(term_key(form), set()).add(form)
            for key, forms in exact_forms.items():
                self.exact[key] = frozenset(forms)
        for phrase in stop_phrases:
            self.add(term_key(phrase), None)

    def add(self, key: str, skill: Skill | None) -> None:
        if not key or key in self.by_key:
            return
        self.by_key[key] = skill
        words = key.split(" ")
        self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))


class _Phrases:
    """Label runs (folded strings), indexed by their rarest word for whole-word phrase look-ups."""

    def __init__(self, runs: Iterable[str]) -> None:
        self.runs = [f" {run} " for run in runs]
        self.by_word: dict[str, list[int]] = {}
        for n, run in enumerate(self.runs):
            for word in set(run.split()):
                self.by_word.setdefault(word, []).append(n)

    def contains(self, key: str) -> bool:
        lists = [self.by_word.get(word, []) for word in key.split(" ")]
        shortest = min(lists, key=len)
        needle = f" {key} "
        return any(needle in self.runs[n] for n in shortest)


class Vocabulary:
    """Skills by every spelling. Built from `terms` at once, or from `load` on first use (the shipped
    vocabulary: services can be wired at start-up without paying for reading it)."""

    def __init__(
        self,
        terms: Iterable[dict[str, Any]] = (),
        stop_phrases: Iterable[str] = (),
        load: Callable[[], tuple[Iterable[dict[str, Any]], Iterable[str]]] | None = None,
        phrases: Iterable[str] = (),
        load_phrases: Callable[[], Iterable[str]] | None = None,
        ordinary: Iterable[str] = (),
        load_ordinary: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        self._load = load
        self._built: _Tables | None = None if load else _Tables(terms, stop_phrases)
        self._lock = threading.Lock()
        self._load_phrases = load_phrases
        self._phrases: _Phrases | None = None if load_phrases else _Phrases(phrases)
        self._load_ordinary = load_ordinary
        self._ordinary: frozenset[str] | None = None if load_ordinary else frozenset(ordinary)

    @property
    def _phrase_index(self) -> _Phrases:
        if self._phrases is None:
            with self._lock:
                if self._phrases is None and self._load_phrases is not None:
                    self._phrases = _Phrases(self._load_phrases())
        assert self._phrases is not None
        return self._phrases

    def ordinary_word(self, word: str) -> bool:
        """Whether a word, in any letter case, is an ordinary English word that names no skill ("August",
        "Together"): capitalised at the start of a list entry, it is still no product's name."""
        if self._ordinary is None:
            with self._lock:
                if self._ordinary is None and self._load_ordinary is not None:
                    self._ordinary = frozenset(self._load_ordinary())
        assert self._ordinary is not None
        return word.casefold() in self._ordinary

    def known_phrase(self, phrase: str) -> bool:
        """Whether a phrase of two or more words occurs, as whole words, in the labels of one classification
        concept (ESCO): "wound care", "lesson planning". One-word phrases are never confirmed this way."""
        key = term_key(phrase)
        if " " not in key:
            return False
        return self._phrase_index.contains(key) or self._phrase_index.contains(_singular_last(key))

    @property
    def _tables(self) -> _Tables:
        if self._built is None:
            with self._lock:
                if self._built is None and self._load is not None:
                    self._built = _Tables(*self._load())
        assert self._built is not None
        return self._built

    def __len__(self) -> int:
        return len({skill for skill in self._tables.by_key.values() if skill is not None})

    def lookup(self, phrase: str) -> Skill | None:
        """The skill a phrase names on its own (a CV keyword such as "python 3"), in any letter case."""
        key = term_key(phrase)
        by_key = self._tables.by_key
        return by_key.get(key) or by_key.get(_singular_last(key))

    def named(self, written: str) -> Skill | None:
        """The skill a phrase of a posting names as written: like `lookup`, but a spelling that is also an
        ordinary word counts only in its exact forms ("Rust", "Agile", "Excel"; not "rust", "agile", "excel")."""
        tables = self._tables
        key = term_key(written)
        for candidate in (key, _singular_last(key)):
            skill = tables.by_key.get(candidate)
            if skill is not None:
                forms = tables.exact.get(candidate)
                if forms is None or written in forms or written.rstrip("s") in forms:
                    return skill
                return None
        return None

    def find(self, text: str) -> list[Found]:
        """Every skill mentioned in `text`, in order of appearance (a skill may appear more than once)."""
        tables = self._tables
        words = tokens(text)
        found: list[Found] = []
        i = 0
        while i < len(words):
            hit = _longest_at(tables, words, i)
            if hit is None:
                i += 1
                continue
            skill, length = hit
            if skill is not None:
                found.append(
                    Found(
                        skill,
                        words[i].start,
                        words[i + length - 1].end,
                        " ".join(w.text for w in words[i : i + length]),
                    )
                )
            i += length
        return found

    def skills_in(self, text: str) -> dict[str, Skill]:
        """The distinct skills mentioned in `text`, by key."""
        return {f.skill.key: f.skill for f in self.find(text)}


def _longest_at(tables: _Tables, words: Sequence[Token], i: int) -> tuple[Skill | None, int] | None:
    """The longest known phrase at `i`: a skill, or a stop phrase (None) that hides the skills inside it."""
    longest = tables.first_words.get(words[i].key) or tables.first_words.get(singular(words[i].key))
    if longest is None:
        return None
    for length in range(min(longest, len(words) - i), 0, -1):
        span = words[i : i + length]
        key = " ".join(w.key for w in span)
        for candidate in (key, _singular_last(key)):
            if candidate in tables.by_key and _written_as_required(tables, candidate, span):
                return tables.by_key[candidate], length
    return None


def _written_as_required(tables: _Tables, key: str, span: Sequence[Token]) -> bool:
    forms = tables.exact.get(key)
    if forms is None:
        return True
    written = " ".join(w.text for w in span)
    return written in forms or written.rstrip("s") in forms


def _singular_last(key: str) -> str:
    head, _, last = key.rpartition(" ")
    return f"{head} {singular(last)}" if head else singular(last)


def _load_shipped() -> tuple[Iterable[dict[str, Any]], Iterable[str]]:
    from cvmaker.domain.matching.skills_data import stop_phrases, vocabulary_terms

    return vocabulary_terms(), stop_phrases()


def _load_shipped_phrases() -> Iterable[str]:
    from cvmaker.domain.matching.skills_data import esco_label_runs

    return esco_label_runs()


def _load_shipped_ordinary() -> Iterable[str]:
    from cvmaker.domain.matching.skills_data import ordinary_words

    return ordinary_words()


@lru_cache(maxsize=1)
def shipped_vocabulary() -> Vocabulary:
    """The vocabulary shipped in `cvmaker/domain/matching/skills_data`, read on first use."""
    return Vocabulary(load=_load_shipped, load_phrases=_load_shipped_phrases, load_ordinary=_load_shipped_ordinary)
