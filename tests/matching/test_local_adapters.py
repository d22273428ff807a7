"""The offline adapters: the in-memory vector index and the MiniLM embedder (numpy, no torch)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from cvmaker.adapters.matching.local_vector_index import LocalVectorIndex
from cvmaker.adapters.matching.minilm_embedder import MiniLmEmbedder, ModelFileMismatch, bundled_model_dir
from cvmaker.ports import VectorRecord


def record(vector_id: str, values: list[float], cv_id: str = "cv1", section: str = "s1") -> VectorRecord:
    return VectorRecord(vector_id, values, {"cv_id": cv_id, "section_id": section})


def test_the_index_finds_nearest_first_and_filters_by_metadata() -> None:
    index = LocalVectorIndex(3)
    index.upsert("u", [record("a", [1, 0, 0]), record("b", [1, 1, 0], section="s2"), record("c", [0, 0, 1], "cv2")])
    assert [h.id for h in index.query("u", [1, 0, 0], 2)] == ["a", "b"]
    assert index.query("u", [1, 0, 0], 1)[0].score == pytest.approx(1.0)
    assert [h.id for h in index.query("u", [1, 0, 0], 5, {"cv_id": "cv1", "section_id": "s2"})] == ["b"]
    assert index.query("u", [1, 0, 0], 5, {"cv_id": "nope"}) == []
    assert index.query("other-user", [1, 0, 0], 5) == []


def test_ties_come_in_id_order() -> None:
    index = LocalVectorIndex(2)
    index.upsert("u", [record("z", [1, 0]), record("m", [1, 0]), record("a", [1, 0])])
    assert [h.id for h in index.query("u", [1, 0], 3)] == ["a", "m", "z"]


def test_upsert_replaces_and_delete_keeps_the_rest_searchable() -> None:
    index = LocalVectorIndex(2)
    index.upsert("u", [record(f"v{i}", [1, i / 10], cv_id=f"cv{i % 3}") for i in range(30)])
    index.upsert("u", [record("v0", [0, 1], cv_id="cv9")])
    assert index.count("u") == 30
    index.delete("u", {"cv_id": "cv1"})
    assert index.count("u") == 20
    left = index.query("u", [1, 0], 30)
    assert {h.metadata["cv_id"] for h in left} == {"cv0", "cv2", "cv9"}
    assert index.existing("u", ["v0", "v1", "v2"]) == {"v0", "v2"}
    assert [h.id for h in index.query("u", [0, 1], 1, {"cv_id": "cv9"})] == ["v0"]
    index.delete_namespace("u")
    assert index.count("u") == 0


def test_the_index_agrees_with_brute_force() -> None:
    rng = np.random.default_rng(3)
    data = rng.standard_normal((500, 16)).astype(np.float32)
    index = LocalVectorIndex(16)
    index.upsert("u", [VectorRecord(f"v{i:03d}", data[i]) for i in range(500)])
    probe = rng.standard_normal(16).astype(np.float32)
    unit = data / np.linalg.norm(data, axis=1, keepdims=True)
    expected = [f"v{i:03d}" for i in np.argsort(-(unit @ (probe / np.linalg.norm(probe))))[:10]]
    assert [h.id for h in index.query("u", probe, 10)] == expected


def test_vectors_of_the_wrong_size_are_refused() -> None:
    with pytest.raises(ValueError, match="expected vectors of 3"):
        LocalVectorIndex(3).upsert("u", [record("a", [1, 0])])


@pytest.fixture(scope="module")
def minilm() -> MiniLmEmbedder:
    return MiniLmEmbedder()


def test_minilm_gives_the_published_all_minilm_l6_v2_embedding(minilm: MiniLmEmbedder) -> None:
    # The first numbers of sentence-transformers' output for this sentence, as its model card prints them.
    vector = minilm.embed(["This is an example sentence"])[0]
    assert np.allclose(vector[:5], [0.0676569, 0.0634959, 0.0487131, 0.0793050, 0.0374481], atol=2e-6)
    assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-5)


def test_minilm_puts_related_texts_close_and_batches_like_single_texts(minilm: MiniLmEmbedder) -> None:
    texts = [
        "backend engineer building APIs in C#",
        "software developer writing web services",
        "pastry chef baking bread",
        "",
    ]
    vectors = minilm.embed(texts)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2
    assert np.allclose(minilm.embed([texts[2]])[0], vectors[2], atol=1e-5)
    assert minilm.embed([]) == []


def test_model_files_that_are_not_the_expected_ones_are_refused(tmp_path: Path) -> None:
    shutil.copy(bundled_model_dir() / "tokenizer.json", tmp_path / "tokenizer.json")
    (tmp_path / "model.safetensors").write_bytes(b"not the weights")
    with pytest.raises(ModelFileMismatch, match="model.safetensors has sha256"):
        MiniLmEmbedder(tmp_path).embed(["hello"])


def test_embeddings_survive_a_restart_in_sqlite(tmp_path: Path) -> None:
    from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
    from cvmaker.adapters.storage.sqlite_jobs import SqliteEmbeddingStore
    from cvmaker.services.matching import CachedEmbedder
    from tests.matching.fakes import WordEmbedder

    path = tmp_path / "cvmaker.sqlite3"
    first = WordEmbedder()
    before = CachedEmbedder(first, SqliteEmbeddingStore(SqliteDatabase(path))).embed(["python sql", "go", "python sql"])
    assert first.texts == ["python sql", "go"]
    again = WordEmbedder()  # a new process: empty memory, same file
    after = CachedEmbedder(again, SqliteEmbeddingStore(SqliteDatabase(path))).embed(["go", "python sql", "rust"])
    assert again.texts == ["rust"]  # the rest came from the file
    assert np.allclose(after[0], before[1]) and np.allclose(after[1], before[0])


def test_many_queries_give_what_single_queries_give() -> None:
    rng = np.random.default_rng(5)
    data = rng.standard_normal((300, 8)).astype(np.float32)
    index = LocalVectorIndex(8)
    index.upsert("u", [VectorRecord(f"v{i:03d}", data[i], {"cv_id": f"cv{i % 2}"}) for i in range(300)])
    probes = list(rng.standard_normal((4, 8)).astype(np.float32))
    for where in (None, {"cv_id": "cv1"}):
        together = index.query_many("u", probes, 5, where)
        one_by_one = [index.query("u", p, 5, where) for p in probes]
        assert [[h.id for h in hits] for hits in together] == [[h.id for h in hits] for hits in one_by_one]
        assert [h.score for hits in together for h in hits] == pytest.approx(
            [h.score for hits in one_by_one for h in hits], abs=1e-5
        )
    assert index.query_many("u", [], 5) == []
    assert index.query_many("nobody", probes, 5) == [[], [], [], []]
