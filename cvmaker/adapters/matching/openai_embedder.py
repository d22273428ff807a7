"""`Embedder` on OpenAI embeddings (or an OpenAI-compatible server by `base_url`), with a time budget per call and
no automatic retries. Vectors come back unit-length from OpenAI; they are normalised again in case a compatible
server does not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cvmaker.adapters.matching.openai_client import LazyOpenAiClient
from cvmaker.domain.errors import GenerationUnavailable

DEFAULT_MODEL = "text-embedding-3-small"
DIMENSIONS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}
BATCH = 256  # texts per request


class OpenAiEmbedder(LazyOpenAiClient):
    # text-embedding-3 cosines run higher than MiniLM's: unrelated CV/posting pairs sit near 0.2, close ones 0.6.
    similarity_range = (0.20, 0.65)

    def __init__(
        self,
        api_key: str | None = None,
        model: str = DEFAULT_MODEL,
        base_url: str | None = None,
        dimension: int | None = None,
        time_budget: float = 20.0,
        client: Any = None,
    ) -> None:
        super().__init__(api_key, base_url, time_budget, client)
        self.model = model
        self.dimension = dimension or DIMENSIONS.get(model, 1536)

    def embed(self, texts: Sequence[str]) -> list[Any]:
        import numpy as np
        import openai

        vectors: list[Any] = []
        for start in range(0, len(texts), BATCH):
            batch = [t if t.strip() else "." for t in texts[start : start + BATCH]]
            try:
                response = self.client().embeddings.create(model=self.model, input=batch, timeout=self.time_budget)
            except (
                openai.RateLimitError,
                openai.APITimeoutError,
                openai.APIConnectionError,
                openai.InternalServerError,
            ) as failed:
                raise GenerationUnavailable(
                    "The embedding service is busy or slow right now. Try again in a minute."
                ) from failed
            for item in sorted(response.data, key=lambda d: d.index):
                vector = np.asarray(item.embedding, dtype=np.float32)
                if vector.shape[0] != self.dimension:
                    raise ValueError(f"{self.model} returned {vector.shape[0]} numbers, expected {self.dimension}")
                norm = float(np.linalg.norm(vector))
                vectors.append(vector / norm if norm else vector)
        return vectors
