"""`VectorIndex` on Pinecone (serverless, classic vector API: an index created with `dimension` and `metric=cosine`).

One namespace per user, so every query is confined to the caller's vectors by construction; metadata filters
narrow it to a CV or a section. The index's dimension must be the embedder's (1536 for text-embedding-3-small).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cvmaker.ports import MetadataValue, Vector, VectorHit, VectorRecord

UPSERT_BATCH = 100
FETCH_BATCH = 100
PARALLEL_QUERIES = 8


def pinecone_filter(where: Mapping[str, MetadataValue]) -> dict[str, Any]:
    """Equality on every field, in Pinecone's filter language."""
    return {name: {"$eq": value} for name, value in where.items()}


class PineconeIndex:
    def __init__(self, api_key: str, host: str, index: Any = None) -> None:
        self._api_key = api_key
        self._host = host
        self._index = index

    def index(self) -> Any:
        if self._index is None:
            from pinecone import Pinecone

            # Passing the host skips the control-plane lookup: the data plane is all this adapter uses.
            self._index = Pinecone(api_key=self._api_key).Index(host=self._host)
        return self._index

    def upsert(self, namespace: str, records: Sequence[VectorRecord]) -> None:
        for start in range(0, len(records), UPSERT_BATCH):
            batch = [
                {"id": r.id, "values": [float(x) for x in r.values], "metadata": dict(r.metadata)}
                for r in records[start : start + UPSERT_BATCH]
            ]
            self.index().upsert(vectors=batch, namespace=namespace)

    def query(
        self, namespace: str, vector: Vector, top_k: int, where: Mapping[str, MetadataValue] | None = None
    ) -> list[VectorHit]:
        if top_k <= 0:
            return []
        response = self.index().query(
            vector=[float(x) for x in vector],
            top_k=top_k,
            namespace=namespace,
            filter=pinecone_filter(where) if where else None,
            include_metadata=True,
            include_values=False,
        )
        hits = [VectorHit(m.id, float(m.score), dict(m.metadata or {})) for m in response.matches]
        return sorted(hits, key=lambda h: (-round(h.score, 6), h.id))

    def query_many(
        self, namespace: str, vectors: Sequence[Vector], top_k: int, where: Mapping[str, MetadataValue] | None = None
    ) -> list[list[VectorHit]]:
        """The queries in parallel: one round trip's latency for a match's twenty-odd requirements."""
        from concurrent.futures import ThreadPoolExecutor

        if len(vectors) <= 1:
            return [self.query(namespace, v, top_k, where) for v in vectors]
        with ThreadPoolExecutor(max_workers=min(PARALLEL_QUERIES, len(vectors))) as pool:
            return list(pool.map(lambda v: self.query(namespace, v, top_k, where), vectors))

    def existing(self, namespace: str, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), FETCH_BATCH):
            response = self.index().fetch(ids=list(ids[start : start + FETCH_BATCH]), namespace=namespace)
            found |= set(response.vectors or {})
        return found

    def delete(self, namespace: str, where: Mapping[str, MetadataValue]) -> None:
        self.index().delete(filter=pinecone_filter(where), namespace=namespace)

    def delete_namespace(self, namespace: str) -> None:
        from pinecone.exceptions import NotFoundException

        try:
            self.index().delete_namespace(name=namespace)
        except NotFoundException:
            pass  # never written to, or already deleted (a retried account deletion): nothing to do
