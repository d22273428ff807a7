"""`VectorIndex` in memory: exact cosine search with numpy, one matrix per namespace.

Exact search is fast enough for one user's CVs by a wide margin (a top-10 over 100,000 vectors of 384 numbers is
a few milliseconds; see `make bench`), and a filter by CV narrows the rows before any arithmetic through an
inverted index of metadata values. Vectors are stored unit-length, so cosine is a dot product. The index lives
as long as the process: the matching service re-adds a CV's vectors whenever they are missing.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cvmaker.ports import MetadataValue, Vector, VectorHit, VectorRecord

if TYPE_CHECKING:
    import numpy as np


class _Namespace:
    def __init__(self, dimension: int) -> None:
        import numpy as np

        self.matrix = np.zeros((16, dimension), dtype=np.float32)
        self.ids: list[str] = []
        self.metadata: list[Mapping[str, MetadataValue]] = []
        self.row_of: dict[str, int] = {}
        self.rows_with: dict[tuple[str, MetadataValue], set[int]] = {}

    def put(self, record: VectorRecord, vector: np.ndarray) -> None:
        import numpy as np

        row = self.row_of.get(record.id)
        if row is None:
            row = len(self.ids)
            if row == len(self.matrix):
                self.matrix = np.concatenate([self.matrix, np.zeros_like(self.matrix)])
            self.ids.append(record.id)
            self.metadata.append({})
            self.row_of[record.id] = row
        self._unindex(row)
        self.matrix[row] = vector
        self.metadata[row] = dict(record.metadata)
        for pair in self.metadata[row].items():
            self.rows_with.setdefault(pair, set()).add(row)

    def remove(self, row: int) -> None:
        """Move the last row into `row`, so the live rows stay one contiguous block."""
        last = len(self.ids) - 1
        removed = self.ids[row]
        self._unindex(row)
        if row != last:
            self._unindex(last)
            self.matrix[row] = self.matrix[last]
            self.ids[row], self.metadata[row] = self.ids[last], self.metadata[last]
            self.row_of[self.ids[row]] = row
            for pair in self.metadata[row].items():
                self.rows_with.setdefault(pair, set()).add(row)
        del self.row_of[removed]
        self.ids.pop()
        self.metadata.pop()

    def _unindex(self, row: int) -> None:
        for pair in self.metadata[row].items():
            rows = self.rows_with.get(pair)
            if rows is not None:
                rows.discard(row)
                if not rows:
                    del self.rows_with[pair]

    def matching(self, where: Mapping[str, MetadataValue]) -> set[int]:
        sets = [self.rows_with.get(pair, set()) for pair in where.items()]
        return set.intersection(*sets) if sets else set(range(len(self.ids)))


class LocalVectorIndex:
    def __init__(self, dimension: int) -> None:
        self.dimension = dimension
        self._spaces: dict[str, _Namespace] = {}
        self._lock = threading.Lock()

    def upsert(self, namespace: str, records: Sequence[VectorRecord]) -> None:
        if not records:
            return
        vectors = self._unit_rows([r.values for r in records])
        with self._lock:
            space = self._spaces.setdefault(namespace, _Namespace(self.dimension))
            for record, vector in zip(records, vectors):
                space.put(record, vector)

    def query(
        self, namespace: str, vector: Vector, top_k: int, where: Mapping[str, MetadataValue] | None = None
    ) -> list[VectorHit]:
        return self.query_many(namespace, [vector], top_k, where)[0]

    def query_many(
        self, namespace: str, vectors: Sequence[Vector], top_k: int, where: Mapping[str, MetadataValue] | None = None
    ) -> list[list[VectorHit]]:
        import numpy as np

        if not vectors:
            return []
        queries = self._unit_rows(vectors)
        with self._lock:
            space = self._spaces.get(namespace)
            if space is None or not space.ids or top_k <= 0:
                return [[] for _ in vectors]
            if where:
                rows = np.fromiter(sorted(space.matching(where)), dtype=np.int64)
                if rows.size == 0:
                    return [[] for _ in vectors]
                matrix = space.matrix[rows]
            else:
                rows = None
                matrix = space.matrix[: len(space.ids)]
            # One query is a matrix-vector product (the fast path for 100,000 rows); many are one matrix product.
            scores = (matrix @ queries[0])[None, :] if len(queries) == 1 else (matrix @ queries.T).T
            results = []
            for row_scores in scores:
                best = _top(row_scores, top_k)
                picked = [int(rows[i]) if rows is not None else int(i) for i in best]
                hits = [
                    VectorHit(space.ids[r], float(row_scores[i]), dict(space.metadata[r])) for i, r in zip(best, picked)
                ]
                results.append(sorted(hits, key=lambda h: (-round(h.score, 6), h.id)))
        return results

    def existing(self, namespace: str, ids: Sequence[str]) -> set[str]:
        with self._lock:
            space = self._spaces.get(namespace)
            return {i for i in ids if space is not None and i in space.row_of}

    def delete(self, namespace: str, where: Mapping[str, MetadataValue]) -> None:
        with self._lock:
            space = self._spaces.get(namespace)
            if space is None:
                return
            for row in sorted(space.matching(where), reverse=True):
                space.remove(row)

    def delete_namespace(self, namespace: str) -> None:
        with self._lock:
            self._spaces.pop(namespace, None)

    def count(self, namespace: str) -> int:
        space = self._spaces.get(namespace)
        return len(space.ids) if space else 0

    def _unit_rows(self, vectors: Sequence[Vector]) -> Any:
        import numpy as np

        matrix = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
        if matrix.shape[1] != self.dimension:
            raise ValueError(f"expected vectors of {self.dimension} numbers, got {matrix.shape[1]}")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1, norms)


def _top(scores: Any, k: int) -> Any:
    import numpy as np

    if k >= scores.shape[0]:
        return np.argsort(-scores, kind="stable")
    # Partition without negating first: a negated copy of 100,000 scores costs more than the partition.
    candidates = np.argpartition(scores, scores.shape[0] - k)[-k:]
    return candidates[np.argsort(-scores[candidates], kind="stable")]
