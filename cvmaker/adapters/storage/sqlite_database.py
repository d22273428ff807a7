"""One SQLite file shared by the local adapters: a connection per thread, WAL, and short write transactions.

`BEGIN IMMEDIATE` takes the write lock at the start of a write, so two writers never both read a version and
then both commit: the second waits (up to `busy_timeout`) and then sees the first one's result.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SqliteDatabase:
    def __init__(self, path: Path | str, migrations: tuple[str, ...] = ()) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._migrations: list[str] = list(migrations)
        self._migrated = False
        self._lock = threading.Lock()
        self._wal_lock = threading.Lock()
        self._wal = False

    def add_migrations(self, *scripts: str) -> None:
        # Under the migration lock: a store built in one thread (services are built on first use, in whichever
        # thread asks) while another thread migrates must not have its tables marked as made before they are.
        with self._lock:
            self._migrations.extend(scripts)
            self._migrated = False

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout=30000")
            self._use_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        if not self._migrated:
            self._migrate(conn)
        return conn

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        """Switching a file to WAL takes a lock SQLite refuses at once, without waiting, when another connection
        switches it too: threads opening their first connections together on a new file would fail with
        "database is locked". One thread switches; the file stays in WAL, so later connections only look."""
        with self._wal_lock:
            if self._wal:
                return
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            self._wal = True

    def _migrate(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            if self._migrated:
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                for script in self._migrations:
                    for statement in script.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self._migrated = True

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
