"""`ApplicationRepository` on SQLite, in the same file as the CVs.

The application's fields are one JSON column, with the ones lists filter on (stage, CV, job, follow-up) copied to
columns; the frozen CV document sits in its own column, read only by `sent_cv`, so lists never load it.
"""

from __future__ import annotations

import builtins  # `list` is a method of the repository: annotations inside the class need the builtin
import json
import sqlite3
from typing import Any

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.applications.model import (
    Application,
    ApplicationFilter,
    ApplicationPage,
    ApplicationVersionConflict,
)
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.errors import NotFound
from cvmaker.domain.pagination import decode_cursor, encode_cursor

SCHEMA = """
CREATE TABLE IF NOT EXISTS applications (
    owner TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    stage TEXT NOT NULL,
    cv_id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    follow_up TEXT,
    data TEXT NOT NULL,
    sent_cv TEXT NOT NULL,
    PRIMARY KEY (owner, id)
) WITHOUT ROWID
"""

_COLUMNS = "id, owner, data"


class SqliteApplicationRepository:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def add(self, application: Application, sent_cv: CvDocument) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO applications (owner, id, version, stage, cv_id, job_id, follow_up, data, sent_cv)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_row(application), _document(sent_cv)),
            )

    def get(self, owner: str, application_id: str) -> Application | None:
        row = (
            self.db.connection()
            .execute(f"SELECT {_COLUMNS} FROM applications WHERE owner = ? AND id = ?", (owner, application_id))
            .fetchone()
        )
        return _to_application(row) if row else None

    def list(self, owner: str, where: ApplicationFilter, limit: int, cursor: str | None = None) -> ApplicationPage:
        conditions = ["owner = ?"]
        values: builtins.list[Any] = [owner]
        if cursor:
            conditions.append("id < ?")
            values.append(decode_cursor(cursor))
        if where.stages:
            stages = sorted(stage.value for stage in where.stages)
            conditions.append(f"stage IN ({', '.join('?' for _ in stages)})")
            values += stages
        if where.cv_id is not None:
            conditions.append("cv_id = ?")
            values.append(where.cv_id)
        if where.job_id is not None:
            conditions.append("job_id = ?")
            values.append(where.job_id)
        if where.follow_up_by is not None:
            conditions.append("follow_up IS NOT NULL AND follow_up <= ?")  # ISO dates sort as text
            values.append(where.follow_up_by.isoformat())
        rows = (
            self.db.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM applications WHERE {' AND '.join(conditions)} ORDER BY id DESC LIMIT ?",
                (*values, limit + 1),
            )
            .fetchall()
        )
        items = [_to_application(row) for row in rows[:limit]]
        return ApplicationPage(items, encode_cursor(items[-1].id) if len(rows) > limit else None)

    def save(self, application: Application, expected_version: int, sent_cv: CvDocument | None = None) -> None:
        owner, application_id, *fields = _row(application)
        with self.db.write() as conn:
            found = conn.execute(
                "SELECT version FROM applications WHERE owner = ? AND id = ?", (owner, application_id)
            ).fetchone()
            if found is None:
                raise NotFound("Application")
            if int(found["version"]) != expected_version:
                raise ApplicationVersionConflict(int(found["version"]))
            conn.execute(
                "UPDATE applications SET version = ?, stage = ?, cv_id = ?, job_id = ?, follow_up = ?, data = ?"
                " WHERE owner = ? AND id = ?",
                (*fields, owner, application_id),
            )
            if sent_cv is not None:
                conn.execute(
                    "UPDATE applications SET sent_cv = ? WHERE owner = ? AND id = ?",
                    (_document(sent_cv), owner, application_id),
                )

    def sent_cv(self, owner: str, application_id: str) -> CvDocument | None:
        row = (
            self.db.connection()
            .execute("SELECT sent_cv FROM applications WHERE owner = ? AND id = ?", (owner, application_id))
            .fetchone()
        )
        return CvDocument.from_dict(json.loads(row["sent_cv"])) if row else None

    def delete(self, owner: str, application_id: str) -> bool:
        with self.db.write() as conn:
            deleted = conn.execute("DELETE FROM applications WHERE owner = ? AND id = ?", (owner, application_id))
            return deleted.rowcount == 1

    def delete_owner(self, owner: str) -> int:
        with self.db.write() as conn:
            return int(conn.execute("DELETE FROM applications WHERE owner = ?", (owner,)).rowcount)


def _row(application: Application) -> tuple[Any, ...]:
    return (
        application.owner,
        application.id,
        application.version,
        application.stage.value,
        application.cv_id,
        application.job_id,
        application.follow_up.isoformat() if application.follow_up else None,
        json.dumps(application.to_dict(), ensure_ascii=False),
    )


def _document(document: CvDocument) -> str:
    return json.dumps(document.to_dict(), ensure_ascii=False)


def _to_application(row: sqlite3.Row) -> Application:
    return Application.from_dict(row["owner"], row["id"], json.loads(row["data"]))
