"""The job-matching feature's SQLite stores, in the same file as the CVs: `JobRepository`,
`CoverLetterRepository` (letters and their revisions) and `EmbeddingStore` (vectors as float32 bytes, so a restart
embeds nothing again)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.errors import NotFound
from cvmaker.domain.letters.documents import LetterRevision, LetterVersionConflict, revision_of
from cvmaker.domain.matching.jobs import Job, JobPage, Requirement
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.domain.pagination import decode_cursor, encode_cursor

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    owner TEXT NOT NULL,
    id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    title TEXT NOT NULL,
    company TEXT,
    description TEXT NOT NULL,
    requirements TEXT NOT NULL,
    extracted_by TEXT NOT NULL,
    PRIMARY KEY (owner, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cover_letters (
    owner TEXT NOT NULL,
    cv_id TEXT NOT NULL,
    id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    text TEXT NOT NULL,
    rejected TEXT NOT NULL,
    PRIMARY KEY (owner, cv_id, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cover_letter_revisions (
    owner TEXT NOT NULL,
    letter_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (owner, letter_id, revision)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    key TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, key)
) WITHOUT ROWID
"""

# Columns the letters gained when they became documents. The migrations run whole on every start and SQLite has
# no "ADD COLUMN IF NOT EXISTS": each is added once, when the table lacks it (files made before they existed).
LETTER_COLUMNS = (
    ("version", "INTEGER NOT NULL DEFAULT 1"),
    ("updated_at", "TEXT"),
    ("title", "TEXT NOT NULL DEFAULT ''"),
    ("warnings", "TEXT NOT NULL DEFAULT '[]'"),
)


class SqliteJobRepository:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def add(self, job: Job) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO jobs (owner, id, created_at, title, company, description, requirements, extracted_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.owner,
                    job.id,
                    job.created_at.isoformat(),
                    job.title,
                    job.company,
                    job.description,
                    json.dumps([r.to_dict() for r in job.requirements]),
                    job.extracted_by,
                ),
            )

    def get(self, owner: str, job_id: str) -> Job | None:
        row = self.db.connection().execute("SELECT * FROM jobs WHERE owner = ? AND id = ?", (owner, job_id)).fetchone()
        return _to_job(row) if row else None

    def list(self, owner: str, limit: int, cursor: str | None = None) -> JobPage:
        if cursor:
            rows = (
                self.db.connection()
                .execute(
                    "SELECT * FROM jobs WHERE owner = ? AND id < ? ORDER BY id DESC LIMIT ?",
                    (owner, decode_cursor(cursor), limit + 1),
                )
                .fetchall()
            )
        else:
            rows = (
                self.db.connection()
                .execute("SELECT * FROM jobs WHERE owner = ? ORDER BY id DESC LIMIT ?", (owner, limit + 1))
                .fetchall()
            )
        jobs = [_to_job(row) for row in rows[:limit]]
        return JobPage(items=jobs, next_cursor=encode_cursor(jobs[-1].id) if len(rows) > limit else None)

    def delete(self, owner: str, job_id: str) -> bool:
        with self.db.write() as conn:
            return conn.execute("DELETE FROM jobs WHERE owner = ? AND id = ?", (owner, job_id)).rowcount == 1

    def delete_owner(self, owner: str) -> int:
        with self.db.write() as conn:
            return int(conn.execute("DELETE FROM jobs WHERE owner = ?", (owner,)).rowcount)


class SqliteCoverLetterRepository:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)
        self._add_letter_columns()

    def _add_letter_columns(self) -> None:
        # Under the write lock: two stores opening one old file at once add each column once.
        with self.db.write() as conn:
            present = {row["name"] for row in conn.execute("PRAGMA table_info(cover_letters)")}
            for name, declaration in LETTER_COLUMNS:
                if name not in present:
                    conn.execute(f"ALTER TABLE cover_letters ADD COLUMN {name} {declaration}")

    def add(self, letter: CoverLetter) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO cover_letters (owner, cv_id, id, job_id, created_at, text, rejected, version,"
                " updated_at, title, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    letter.owner,
                    letter.cv_id,
                    letter.id,
                    letter.job_id,
                    letter.created_at.isoformat(),
                    letter.text,
                    json.dumps(list(letter.rejected)),
                    letter.version,
                    letter.updated_at.isoformat() if letter.updated_at else None,
                    letter.title,
                    json.dumps(list(letter.warnings)),
                ),
            )
            _add_revision(conn, letter)

    def save(self, letter: CoverLetter, expected_version: int) -> None:
        with self.db.write() as conn:
            updated = conn.execute(
                "UPDATE cover_letters SET version = ?, updated_at = ?, title = ?, text = ?, warnings = ?"
                " WHERE owner = ? AND id = ? AND version = ?",
                (
                    letter.version,
                    letter.saved_at.isoformat(),
                    letter.title,
                    letter.text,
                    json.dumps(list(letter.warnings)),
                    letter.owner,
                    letter.id,
                    expected_version,
                ),
            ).rowcount
            if updated != 1:
                row = conn.execute(
                    "SELECT version FROM cover_letters WHERE owner = ? AND id = ?", (letter.owner, letter.id)
                ).fetchone()
                if row is None:
                    raise NotFound("Cover letter")
                raise LetterVersionConflict(row["version"])
            _add_revision(conn, letter)

    def get(self, owner: str, letter_id: str) -> CoverLetter | None:
        row = (
            self.db.connection()
            .execute("SELECT * FROM cover_letters WHERE owner = ? AND id = ?", (owner, letter_id))
            .fetchone()
        )
        return _to_letter(row) if row else None

    def list_for_cv(self, owner: str, cv_id: str) -> list[CoverLetter]:
        rows = (
            self.db.connection()
            .execute("SELECT * FROM cover_letters WHERE owner = ? AND cv_id = ? ORDER BY id DESC", (owner, cv_id))
            .fetchall()
        )
        return [_to_letter(row) for row in rows]

    def list_for_owner(self, owner: str) -> list[CoverLetter]:
        rows = (
            self.db.connection()
            .execute("SELECT * FROM cover_letters WHERE owner = ? ORDER BY id DESC", (owner,))
            .fetchall()
        )
        return [_to_letter(row) for row in rows]

    def revisions(self, owner: str, letter_id: str) -> list[LetterRevision]:
        rows = (
            self.db.connection()
            .execute(
                "SELECT * FROM cover_letter_revisions WHERE owner = ? AND letter_id = ? ORDER BY revision DESC",
                (owner, letter_id),
            )
            .fetchall()
        )
        return [_to_revision(row) for row in rows]

    def revision(self, owner: str, letter_id: str, revision: int) -> LetterRevision | None:
        row = (
            self.db.connection()
            .execute(
                "SELECT * FROM cover_letter_revisions WHERE owner = ? AND letter_id = ? AND revision = ?",
                (owner, letter_id, revision),
            )
            .fetchone()
        )
        return _to_revision(row) if row else None

    def delete(self, owner: str, letter_id: str) -> bool:
        with self.db.write() as conn:
            deleted = conn.execute("DELETE FROM cover_letters WHERE owner = ? AND id = ?", (owner, letter_id)).rowcount
            conn.execute("DELETE FROM cover_letter_revisions WHERE owner = ? AND letter_id = ?", (owner, letter_id))
        return deleted == 1

    def delete_for_cv(self, owner: str, cv_id: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "DELETE FROM cover_letter_revisions WHERE owner = ? AND letter_id IN"
                " (SELECT id FROM cover_letters WHERE owner = ? AND cv_id = ?)",
                (owner, owner, cv_id),
            )
            conn.execute("DELETE FROM cover_letters WHERE owner = ? AND cv_id = ?", (owner, cv_id))

    def delete_owner(self, owner: str) -> int:
        """Every letter of `owner` with its revisions; counts the letters (revisions are part of a letter)."""
        with self.db.write() as conn:
            letters = conn.execute("DELETE FROM cover_letters WHERE owner = ?", (owner,)).rowcount
            conn.execute("DELETE FROM cover_letter_revisions WHERE owner = ?", (owner,))
        return int(letters)


def _add_revision(conn: sqlite3.Connection, letter: CoverLetter) -> None:
    kept = revision_of(letter)
    conn.execute(
        "INSERT INTO cover_letter_revisions (owner, letter_id, revision, saved_at, title, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (letter.owner, kept.letter_id, kept.revision, kept.saved_at.isoformat(), kept.title, kept.text),
    )


class SqliteEmbeddingStore:
    BATCH = 500  # keys per SELECT: below SQLite's bound-parameter limit

    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, Any]:
        import numpy as np

        found: dict[str, Any] = {}
        for start in range(0, len(keys), self.BATCH):
            batch = list(keys[start : start + self.BATCH])
            rows = (
                self.db.connection()
                .execute(
                    f"SELECT key, vector FROM embeddings WHERE model = ? AND key IN ({','.join('?' * len(batch))})",
                    (model, *batch),
                )
                .fetchall()
            )
            found.update({row["key"]: np.frombuffer(row["vector"], dtype=np.float32) for row in rows})
        return found

    def put_many(self, model: str, vectors: Mapping[str, Any]) -> None:
        import numpy as np

        with self.db.write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings (model, key, vector) VALUES (?, ?, ?)",
                [(model, key, np.asarray(vector, dtype=np.float32).tobytes()) for key, vector in vectors.items()],
            )

    def delete_many(self, model: str, keys: Sequence[str]) -> int:
        deleted = 0
        with self.db.write() as conn:
            for start in range(0, len(keys), self.BATCH):
                batch = list(keys[start : start + self.BATCH])
                deleted += conn.execute(
                    f"DELETE FROM embeddings WHERE model = ? AND key IN ({','.join('?' * len(batch))})",
                    (model, *batch),
                ).rowcount
        return deleted


def _to_job(row: sqlite3.Row) -> Job:
    return Job(
        id=row["id"],
        owner=row["owner"],
        title=row["title"],
        company=row["company"],
        description=row["description"],
        requirements=tuple(Requirement.from_dict(r) for r in json.loads(row["requirements"])),
        created_at=datetime.fromisoformat(row["created_at"]),
        extracted_by=row["extracted_by"],
    )


def _to_letter(row: sqlite3.Row) -> CoverLetter:
    return CoverLetter(
        id=row["id"],
        owner=row["owner"],
        cv_id=row["cv_id"],
        job_id=row["job_id"],
        text=row["text"],
        created_at=datetime.fromisoformat(row["created_at"]),
        rejected=tuple(json.loads(row["rejected"])),
        version=row["version"],
        updated_at=datetime.fromisoformat(row["updated_at"]) if row["updated_at"] else None,
        title=row["title"],
        warnings=tuple(json.loads(row["warnings"])),
    )


def _to_revision(row: sqlite3.Row) -> LetterRevision:
    return LetterRevision(
        letter_id=row["letter_id"],
        revision=row["revision"],
        saved_at=datetime.fromisoformat(row["saved_at"]),
        title=row["title"],
        text=row["text"],
    )
