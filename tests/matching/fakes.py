"""Test doubles with real behaviour: an embedder of hashed words, and text generators that misbehave."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cvmaker.domain.errors import GenerationUnavailable
from cvmaker.domain.matching.extraction import Posting
from cvmaker.domain.matching.tailoring import LetterBrief, SummaryBrief
from cvmaker.ports import ProposedRequirement
from tests.matching.openai_standin import word_vector


class WordEmbedder:
    """Texts sharing words get close vectors; deterministic, instant, offline."""

    model = "hashed-words"
    dimension = 4096  # wide enough that two different words rarely share a slot (a false "same meaning")
    similarity_range = (0.0, 0.6)

    def __init__(self) -> None:
        self.calls = 0
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> list[Any]:
        import numpy as np

        self.calls += 1
        self.texts += texts
        vectors = []
        for text in texts:
            words = " ".join("".join(c if c.isalnum() else " " for c in text).split())
            vector = np.asarray(word_vector(words or ".", self.dimension), dtype=np.float32)
            norm = float(np.linalg.norm(vector))
            vectors.append(vector / norm if norm else vector)
        return vectors


class FabricatingWriter:
    """A generator that writes whatever it is told to: a stand-in for a model following an injected instruction."""

    name = "fabricating"

    def __init__(
        self,
        summary: str | None = None,
        letter: str | None = None,
        requirements: list[ProposedRequirement] | None = None,
    ) -> None:
        self.summary = summary
        self.letter = letter
        self.requirements = requirements
        self.briefs: list[object] = []

    def extract_requirements(self, posting: Posting) -> list[ProposedRequirement] | None:
        return self.requirements

    def write_summary(self, brief: SummaryBrief) -> str | None:
        self.briefs.append(brief)
        return self.summary

    def write_cover_letter(self, brief: LetterBrief) -> str | None:
        self.briefs.append(brief)
        return self.letter


class UnavailableWriter(FabricatingWriter):
    name = "unavailable"

    def write_summary(self, brief: SummaryBrief) -> str | None:
        raise GenerationUnavailable(retry_after=30)

    def write_cover_letter(self, brief: LetterBrief) -> str | None:
        raise GenerationUnavailable()

    def extract_requirements(self, posting: Posting) -> list[ProposedRequirement] | None:
        raise GenerationUnavailable()
