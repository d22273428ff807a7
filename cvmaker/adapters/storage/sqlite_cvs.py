"""`CvRepository` on SQLite: the embedded default's store for CVs and their revisions."""

from __future__ import annotations

import builtins
import json
import sqlite3
from datetime import datetime

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.cv.model import Cv, CvDocument, Page, Revision
from cvmaker.domain.errors import NotFound, VersionConflict
from cvmaker.domain.pagination import decode_cursor, encode_cursor

SCHEMA = """
CREATE TABLE IF NOT EXISTS cvs (
    owner TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    source_cv_id TEXT,
    document TEXT NOT NULL,
    PRIMARY KEY (owner, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cv_revisions (
    owner TEXT NOT NULL,
    cv_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (owner, cv_id, version)
) WITHOUT ROWID
"""


def _dump(document: CvDocument) -> str:
    return json.dumps(document.to_dict(), ensure_ascii=False, separators=(",", ":"))


class SqliteCvRepository:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def get(self, owner: str, cv_id: str) -> Cv | None:
        row = self.db.connection().execute("SELECT * FROM cvs WHERE owner = ? AND id = ?", (owner, cv_id)).fetchone()
        return self._to_cv(row) if row else None

    def list(self, owner: str, limit: int, cursor: str | None = None) -> Page:
        if cursor:
            rows = (
                self.db.connection()
                .execute(
                    "SELECT * FROM cvs WHERE owner = ? AND id < ? ORDER BY id DESC LIMIT ?",
                    (owner, decode_cursor(cursor), limit + 1),
                )
                .fetchall()
            )
        else:
            rows = (
                self.db.connection()
                .execute("SELECT * FROM cvs WHERE owner = ? ORDER BY id DESC LIMIT ?", (owner, limit + 1))
                .fetchall()
            )
        cvs = [self._to_cv(row) for row in rows[:limit]]
        next_cursor = encode_cursor(cvs[-1].id) if len(rows) > limit else None
        return Page(items=cvs, next_cursor=next_cursor)

    def add(self, cv: Cv) -> None:
        document = _dump(cv.document)
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO cvs (owner, id, version, created_at, updated_at, source_cv_id, document)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    cv.owner,
                    cv.id,
                    cv.version,
                    cv.created_at.isoformat(),
                    cv.updated_at.isoformat(),
                    cv.source_cv_id,
                    document,
                ),
            )
            self._add_revision(conn, cv, document)

    def save(self, cv: Cv, expected_version: int) -> None:
        document = _dump(cv.document)
        with self.db.write() as conn:
            updated = conn.execute(
                "UPDATE cvs SET version = ?, updated_at = ?, document = ? WHERE owner = ? AND id = ? AND version = ?",
                (cv.version, cv.updated_at.isoformat(), document, cv.owner, cv.id, expected_version),
            ).rowcount
            if updated != 1:
                row = conn.execute("SELECT version FROM cvs WHERE owner = ? AND id = ?", (cv.owner, cv.id)).fetchone()
                if row is None:
                    raise NotFound()
                raise VersionConflict(row["version"])
            self._add_revision(conn, cv, document)

    def delete(self, owner: str, cv_id: str) -> bool:
        with self.db.write() as conn:
            deleted = conn.execute("DELETE FROM cvs WHERE owner = ? AND id = ?", (owner, cv_id)).rowcount
            conn.execute("DELETE FROM cv_revisions WHERE owner = ? AND cv_id = ?", (owner, cv_id))
        return deleted == 1

    def delete_owner(self, owner: str) -> int:
        """Every CV of `owner` and every revision (account deletion): one transaction."""
        with self.db.write() as conn:
            heads = conn.execute("DELETE FROM cvs WHERE owner = ?", (owner,)).rowcount
            revisions = conn.execute("DELETE FROM cv_revisions WHERE owner = ?", (owner,)).rowcount
        return int(heads + revisions)

    def revisions(self, owner: str, cv_id: str) -> builtins.list[Revision]:
        rows = (
            self.db.connection()
            .execute("SELECT * FROM cv_revisions WHERE owner = ? AND cv_id = ? ORDER BY version DESC", (owner, cv_id))
            .fetchall()
        )
        return [self._to_revision(row) for row in rows]

    def revision(self, owner: str, cv_id: str, version: int) -> Revision | None:
        row = (
            self.db.connection()
            .execute(
                "SELECT * FROM cv_revisions WHERE owner = ? AND cv_id = ? AND version = ?", (owner, cv_id, version)
            )
            .fetchone()
        )
        return self._to_revision(row) if row else None

    @staticmethod
    def _add_revision(conn: sqlite3.Connection, cv: Cv, document: str) -> None:
        conn.execute(
            "INSERT INTO cv_revisions (owner, cv_id, version, saved_at, document) VALUES (?, ?, ?, ?, ?)",
            (cv.owner, cv.id, cv.version, cv.updated_at.isoformat(), document),
        )

    @staticmethod
    def _to_cv(row: sqlite3.Row) -> Cv:
        return Cv(
            id=row["id"],
            owner=row["owner"],
            version=row["version"],
            created_at=datetime.fromisoformat(row["created_at"]),
            updated_at=datetime.fromisoformat(row["updated_at"]),
            document=CvDocument.from_dict(json.loads(row["document"])),
            source_cv_id=row["source_cv_id"],
        )

    @staticmethod
    def _to_revision(row: sqlite3.Row) -> Revision:
        return Revision(
            cv_id=row["cv_id"],
            version=row["version"],
            saved_at=datetime.fromisoformat(row["saved_at"]),
            document=CvDocument.from_dict(json.loads(row["document"])),
        )
