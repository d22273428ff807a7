"""The job-matching feature's SQLite stores, in the same file as the CVs: `JobRepository`,
`CoverLetterRepository` and `EmbeddingStore` (vectors as float32 bytes, so a restart embeds nothing again)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
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
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    key TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, key)
) WITHOUT ROWID
"""


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

    def add(self, letter: CoverLetter) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO cover_letters (owner, cv_id, id, job_id, created_at, text, rejected)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    letter.owner,
                    letter.cv_id,
                    letter.id,
                    letter.job_id,
                    letter.created_at.isoformat(),
                    letter.text,
                    json.dumps(list(letter.rejected)),
                ),
            )

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

    def delete_for_cv(self, owner: str, cv_id: str) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM cover_letters WHERE owner = ? AND cv_id = ?", (owner, cv_id))

    def delete_owner(self, owner: str) -> int:
        with self.db.write() as conn:
            return int(conn.execute("DELETE FROM cover_letters WHERE owner = ?", (owner,)).rowcount)


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
    )
