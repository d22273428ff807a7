"""The one SQLite file every local store shares, used from many threads at once (requests run in worker threads,
services are built on first use in whichever thread asks)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase


def test_migrations_added_while_another_thread_migrates_are_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    connect = sqlite3.connect

    def pause_at_first_commit(statement: str) -> None:
        if statement == "COMMIT" and not started.is_set():  # the first migration has run its scripts
            started.set()
            release.wait(5)

    def connect_with_pause(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[call-overload]
        conn.set_trace_callback(pause_at_first_commit)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect_with_pause)
    database = SqliteDatabase(tmp_path / "app.db", ("CREATE TABLE IF NOT EXISTS first (x)",))
    errors: list[BaseException] = []

    def migrate_first() -> None:
        database.connection()

    def add_second_store() -> None:
        try:
            database.add_migrations("CREATE TABLE IF NOT EXISTS second (x)")
            database.connection().execute("INSERT INTO second VALUES (1)")
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    first = threading.Thread(target=migrate_first)
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=add_second_store)
    second.start()
    second.join(0.3)  # the second store is built while the first migration is still running
    release.set()
    first.join(5)
    second.join(5)
    assert errors == []
    assert [tuple(row) for row in database.connection().execute("SELECT x FROM second")] == [(1,)]


def test_threads_opening_their_first_connections_together_all_write(tmp_path: Path) -> None:
    """Several threads opening connections at once on a new file: switching it to WAL is done once, not raced
    (SQLite refuses a concurrent switch at once with "database is locked", without waiting)."""
    failures: list[BaseException] = []
    for run in range(100):
        database = SqliteDatabase(tmp_path / f"{run}.db", ("CREATE TABLE IF NOT EXISTS t (x)",))
        barrier = threading.Barrier(4)

        def write(database: SqliteDatabase = database, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            try:
                with database.write() as conn:
                    conn.execute("INSERT INTO t VALUES (1)")
            except BaseException as error:  # handed to the test thread
                failures.append(error)

        threads = [threading.Thread(target=write) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert failures == [], f"run {run}: {failures[0]!r}"
        assert database.connection().execute("SELECT count(*) FROM t").fetchone()[0] == 4
