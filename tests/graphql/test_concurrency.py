"""Concurrent edits: of 50 updates against the same version exactly one wins, 49 conflict, nothing is lost."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx

from api.app import create_app
from api.composition import build_runtime
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.errors import VersionConflict
from cvmaker.services.cvs import CvService
from tests.graphql.queries import CREATE, CV_FIELDS, RESULT, SAMPLE_INPUT
from tests.support.servers import serve

RACERS = 50


def test_50_threads_racing_on_sqlite_leave_exactly_one_winner(tmp_path: Any) -> None:
    database_path = tmp_path / "race.sqlite3"
    service = CvService(SqliteCvRepository(SqliteDatabase(database_path)), templates={"classic"})
    cv = service.create("alice", {"title": "Start"})
    barrier = threading.Barrier(RACERS)
    winners: list[str] = []
    conflicts: list[int] = []

    def racer(n: int) -> None:
        # Each thread has its own service and connection, as separate requests would.
        own = CvService(SqliteCvRepository(SqliteDatabase(database_path)), templates={"classic"})
        barrier.wait()
        try:
            own.update("alice", cv.id, 1, {"title": f"Racer {n}"})
            winners.append(f"Racer {n}")
        except VersionConflict as conflict:
            conflicts.append(conflict.current_version)

    threads = [threading.Thread(target=racer, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1 and len(conflicts) == RACERS - 1
    assert set(conflicts) == {2}
    stored = service.get("alice", cv.id)
    assert (stored.version, stored.title) == (2, winners[0])
    assert [(r.version, r.title) for r in service.revisions("alice", cv.id)] == [(2, winners[0]), (1, "Start")]


UPDATE_TITLE = (
    CV_FIELDS
    + """mutation($id: ID!, $title: String!) {
  updateCv(id: $id, version: 1, input: {title: $title}) {"""
    + RESULT
    + "} }"
)


def test_50_concurrent_http_updates_through_uvicorn(settings: Any, fake_verifier: Any) -> None:
    app = create_app(settings, build_runtime(settings, verifier=fake_verifier))
    headers = {"Authorization": "Bearer token-alice"}

    async def race(base_url: str) -> tuple[str, list[dict[str, Any]]]:
        async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30) as client:
            created = (
                await client.post("/graphql", json={"query": CREATE, "variables": {"input": SAMPLE_INPUT}})
            ).json()["data"]["createCv"]
            responses = await asyncio.gather(
                *[
                    client.post(
                        "/graphql",
                        json={"query": UPDATE_TITLE, "variables": {"id": created["id"], "title": f"Racer {n}"}},
                    )
                    for n in range(RACERS)
                ]
            )
            return created["id"], [r.json()["data"]["updateCv"] for r in responses]

    with serve(app) as base_url:
        cv_id, results = asyncio.run(race(base_url))
        with httpx.Client(base_url=base_url, headers=headers) as client:
            stored = client.post(
                "/graphql",
                json={
                    "query": "query($id: ID!) { cv(id: $id) { version title } cvRevisions(id: $id) { version title } }",
                    "variables": {"id": cv_id},
                },
            ).json()["data"]
    winners = [r for r in results if r["__typename"] == "Cv"]
    conflicts = [r for r in results if r["__typename"] == "VersionConflictError"]
    assert len(winners) == 1 and len(conflicts) == RACERS - 1
    assert all(c["currentVersion"] == 2 for c in conflicts)
    assert stored["cv"] == {"version": 2, "title": winners[0]["title"]}
    assert [r["version"] for r in stored["cvRevisions"]] == [2, 1]
    assert stored["cvRevisions"][0]["title"] == winners[0]["title"]
