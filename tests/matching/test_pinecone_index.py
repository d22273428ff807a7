"""`PineconeIndex` through the real `pinecone` SDK, over HTTP, against the stand-in data plane."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cvmaker.adapters.matching.pinecone_index import PineconeIndex
from cvmaker.ports import VectorRecord
from tests.matching.pinecone_standin import PineconeStandIn


@pytest.fixture
def stand_in() -> Iterator[PineconeStandIn]:
    with PineconeStandIn() as server:
        yield server


@pytest.fixture
def index(stand_in: PineconeStandIn) -> PineconeIndex:
    return PineconeIndex(api_key=stand_in.api_key, host=stand_in.host)


def records(cv_id: str, *vectors: list[float]) -> list[VectorRecord]:
    return [
        VectorRecord(f"{cv_id}#{n}", values, {"cv_id": cv_id, "section_id": f"s{n % 2}", "visible": True})
        for n, values in enumerate(vectors)
    ]


def test_upserted_vectors_are_found_nearest_first_with_their_metadata(index: PineconeIndex) -> None:
    index.upsert("user-a", records("cv1", [1, 0, 0], [0.8, 0.6, 0], [0, 0, 1]))
    hits = index.query("user-a", [1, 0, 0], top_k=2)
    assert [h.id for h in hits] == ["cv1#0", "cv1#1"]
    assert hits[0].score == pytest.approx(1.0)
    assert hits[0].metadata == {"cv_id": "cv1", "section_id": "s0", "visible": True}


def test_metadata_filters_narrow_to_a_cv_and_a_section(index: PineconeIndex) -> None:
    index.upsert("user-a", records("cv1", [1, 0, 0], [0.9, 0.1, 0]) + records("cv2", [1, 0, 0]))
    assert {h.id for h in index.query("user-a", [1, 0, 0], 10, {"cv_id": "cv2"})} == {"cv2#0"}
    assert {h.id for h in index.query("user-a", [1, 0, 0], 10, {"cv_id": "cv1", "section_id": "s1"})} == {"cv1#1"}


def test_namespaces_keep_users_apart(index: PineconeIndex) -> None:
    index.upsert("user-a", records("cv1", [1, 0, 0]))
    assert index.query("user-b", [1, 0, 0], 10) == []
    assert index.existing("user-b", ["cv1#0"]) == set()
    assert index.existing("user-a", ["cv1#0", "cv1#9"]) == {"cv1#0"}


def test_delete_by_filter_and_whole_namespace(index: PineconeIndex, stand_in: PineconeStandIn) -> None:
    index.upsert("user-a", records("cv1", [1, 0, 0]) + records("cv2", [0, 1, 0]))
    index.delete("user-a", {"cv_id": "cv1"})
    assert index.existing("user-a", ["cv1#0", "cv2#0"]) == {"cv2#0"}
    index.delete_namespace("user-a")
    assert "user-a" not in stand_in.namespaces


def test_every_call_goes_over_http_with_the_api_key(index: PineconeIndex, stand_in: PineconeStandIn) -> None:
    index.upsert("user-a", records("cv1", [1, 0, 0]))
    index.query("user-a", [1, 0, 0], 1, {"cv_id": "cv1"})
    assert ("POST", "/vectors/upsert") in stand_in.requests
    assert ("POST", "/query") in stand_in.requests
    wrong_key = PineconeIndex(api_key="wrong", host=stand_in.host)
    with pytest.raises(Exception, match="(?i)unauthori|401|invalid api key"):
        wrong_key.query("user-a", [1, 0, 0], 1)


def test_many_queries_come_back_in_order(index: PineconeIndex) -> None:
    index.upsert("user-a", records("cv1", [1, 0, 0], [0, 1, 0], [0, 0, 1]))
    results = index.query_many("user-a", [[0, 0, 1], [1, 0, 0], [0, 1, 0]], 1, {"cv_id": "cv1"})
    assert [[h.id for h in hits] for hits in results] == [["cv1#2"], ["cv1#0"], ["cv1#1"]]
