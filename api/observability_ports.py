"""Decorators over ports that tell `api.observability` what happened behind them: the composition root wraps
the chosen adapters in them, so neither the services nor the adapters know that anything is counted.

- a renderer that fails, times out, runs out of memory or crashes on a document: `RenderFailures`;
- a text generator or an embedder that is unreachable, slow or rate limited: `ModelErrors`;
- a quota store that refuses a charge: `Refusals`;
- a token verifier that accepts a token: the user's id on the request's later log lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from api.observability import Metric, count, identify_user
from cvmaker.domain.errors import GenerationUnavailable, LimitExceeded

if TYPE_CHECKING:
    from cvmaker.domain.matching.extraction import Posting
    from cvmaker.domain.matching.tailoring import LetterBrief, SummaryBrief
    from cvmaker.domain.quotas import QuotaCounter
    from cvmaker.ports import (
        Embedder,
        PdfRenderer,
        Principal,
        ProposedRequirement,
        QuotaStore,
        RenderedPdf,
        TextGenerator,
        TokenVerifier,
        Vector,
    )

# The renderer's limits that are its own failure; a CV over the page or size cap is the document's.
RENDER_FAILURE_LIMITS = frozenset({"render_failed", "render_time", "render_memory", "render_crash"})


class CountedRenderer:
    def __init__(self, inner: PdfRenderer) -> None:
        self.inner = inner

    @property
    def version(self) -> str:
        return self.inner.version

    def render(self, html: str, base_dir: str) -> RenderedPdf:
        try:
            return self.inner.render(html, base_dir)
        except LimitExceeded as limited:
            if limited.limit in RENDER_FAILURE_LIMITS:
                count(Metric.RENDER_FAILURES)
            raise
        except Exception:
            count(Metric.RENDER_FAILURES)
            raise


class CountedTextGenerator:
    def __init__(self, inner: TextGenerator) -> None:
        self.inner = inner
        self.name = inner.name

    def extract_requirements(self, posting: Posting) -> list[ProposedRequirement] | None:
        try:
            return self.inner.extract_requirements(posting)
        except GenerationUnavailable:
            count(Metric.MODEL_ERRORS)
            raise

    def write_summary(self, brief: SummaryBrief) -> str | None:
        try:
            return self.inner.write_summary(brief)
        except GenerationUnavailable:
            count(Metric.MODEL_ERRORS)
            raise

    def write_cover_letter(self, brief: LetterBrief) -> str | None:
        try:
            return self.inner.write_cover_letter(brief)
        except GenerationUnavailable:
            count(Metric.MODEL_ERRORS)
            raise


class CountedEmbedder:
    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.model = inner.model
        self.dimension = inner.dimension
        self.similarity_range = inner.similarity_range

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        try:
            return self.inner.embed(texts)
        except GenerationUnavailable:
            count(Metric.MODEL_ERRORS)
            raise


class CountedQuotaStore:
    def __init__(self, inner: QuotaStore) -> None:
        self.inner = inner

    def take(self, owner: str, counters: Sequence[QuotaCounter], amount: int, now: float) -> QuotaCounter | None:
        full = self.inner.take(owner, counters, amount, now)
        if full is not None:
            count(Metric.REFUSALS)
        return full

    def used(self, owner: str, key: str) -> int:
        return self.inner.used(owner, key)

    def delete_owner(self, owner: str) -> int:
        return self.inner.delete_owner(owner)


class IdentifyingVerifier:
    def __init__(self, inner: TokenVerifier) -> None:
        self.inner = inner

    def verify(self, token: str) -> Principal:
        principal = self.inner.verify(token)
        identify_user(principal.sub)
        return principal
