"""Showing a requirement by meaning: "IV therapy" is shown by "Administered intravenous medication", although
no word is shared. A requirement is shown when one sentence of the CV's visible items is close enough to it in
meaning: its cosine, as a share of the embedder's `similarity_range`, is at least `MEANING_THRESHOLD`.

The threshold is chosen on data, not by hand, where it is used: a requirement against the best of all the
sentences of a CV. `tests/bench/bench_match_corpus.py` sweeps it over the corpus CVs built to lack known skills
(`tests/corpora/postings/cvs/labels`) and keeps the one with the best missing-requirement F1 on the dev CVs,
reporting the held-back CVs. (`tests/bench/bench_meaning.py` reports the same rule on single labelled pairs; one
pair at a time favours a lower threshold, 0.39, which lets the best of twenty sentences of a CV of the same
trade show requirements it lacks.) Re-run both after changing the embedder or this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cvmaker.domain.cv.model import SectionKind
from cvmaker.domain.matching.cv_facts import CvPassage
from cvmaker.domain.matching.text import sentences

# Chosen by tests/bench/bench_match_corpus.py (best missing-requirement F1 on the dev CVs), with MiniLM-L6-v2.
MEANING_THRESHOLD = 0.65
_LISTS = (SectionKind.SKILLS, SectionKind.LANGUAGES)
# A shorter piece is a name or a title ("Software Engineer"), not a description of work: by meaning it sits close
# to any short requirement ("SAP"), so only sentences of three words or more can show one.
MIN_PIECE_WORDS = 3


def by_meaning_at_all(requirement: str) -> bool:
    """Whether a requirement can be shown by meaning. An acronym or code ("SAP", "BLS", "GD&T") names one
    thing, whose only other wording is its expansion (`wording.wordings`); by meaning it sits near any other
    short name."""
    words = requirement.split()
    letters = [c for c in requirement if c.isalpha()]
    return not (len(words) == 1 and letters and all(c.isupper() for c in letters))


@dataclass(frozen=True, slots=True)
class Piece:
    """One sentence of a visible CV passage."""

    passage: CvPassage
    text: str


def meaning_share(cosine: float, similarity_range: tuple[float, float]) -> float:
    """A cosine as a share of the embedder's range: 0 for barely related texts, 1 for closely related ones."""
    low, high = similarity_range
    return (cosine - low) / (high - low)


def shown_by_meaning(cosine: float, similarity_range: tuple[float, float]) -> bool:
    return meaning_share(cosine, similarity_range) >= MEANING_THRESHOLD


def pieces(found: Sequence[CvPassage]) -> list[Piece]:
    """The sentences of the visible passages that can show a requirement by meaning. Skills and languages lists
    are left out: their entries are names ("SQL", "Python"), which show a requirement by being it, in words; by
    meaning, one tool's name sits close to another's (MiniLM puts "Excel" nearer "SQL" than most paraphrases
    of a duty), so a list entry would show requirements it does not."""
    out: list[Piece] = []
    for passage in found:
        if not passage.visible or passage.kind in _LISTS:
            continue
        out += [Piece(passage, s) for s in sentences(passage.text) if len(s.split()) >= MIN_PIECE_WORDS]
    return list({(p.passage.section_id, p.passage.item_id, p.text): p for p in out}.values())
