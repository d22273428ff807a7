"""`ShareLinkRepository` on SQLite, in the same file as the CVs. Counts are rows of their own, one per link,
counter and UTC day, added to by one upsert (`n = n + 1`), so two requests at once both count."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import datetime

from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.domain.shares.model import Counter, ShareLink

SCHEMA = """
CREATE TABLE IF NOT EXISTS share_links (
    owner TEXT NOT NULL,
    id TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    cv_id TEXT,
    letter_id TEXT,
    created_at TEXT NOT NULL,
    password_hash TEXT,
    expires_at TEXT,
    show_contacts INTEGER NOT NULL,
    revoked INTEGER NOT NULL,
    PRIMARY KEY (owner, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS share_links_of_cv ON share_links (owner, cv_id);
CREATE INDEX IF NOT EXISTS share_links_of_letter ON share_links (owner, letter_id);
CREATE TABLE IF NOT EXISTS share_counts (
    owner TEXT NOT NULL,
    link_id TEXT NOT NULL,
    counter TEXT NOT NULL,
    day TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (owner, link_id, counter, day)
) WITHOUT ROWID
"""


class SqliteShareLinkRepository:
    def __init__(self, database: SqliteDatabase) -> None:
        self.db = database
        self.db.add_migrations(SCHEMA)

    def add(self, link: ShareLink) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO share_links (owner, id, slug, cv_id, letter_id, created_at, password_hash, expires_at,"
                " show_contacts, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    link.owner,
                    link.id,
                    link.slug,
                    link.cv_id,
                    link.letter_id,
                    link.created_at.isoformat(),
                    link.password_hash,
                    link.expires_at.isoformat() if link.expires_at else None,
                    int(link.show_contacts),
                    int(link.revoked),
                ),
            )

    def get(self, owner: str, link_id: str) -> ShareLink | None:
        row = (
            self.db.connection()
            .execute("SELECT * FROM share_links WHERE owner = ? AND id = ?", (owner, link_id))
            .fetchone()
        )
        return self._with_counts(row) if row else None

    def by_slug(self, slug: str) -> ShareLink | None:
        row = self.db.connection().execute("SELECT * FROM share_links WHERE slug = ?", (slug,)).fetchone()
        return self._with_counts(row) if row else None

    def list_for(self, owner: str, cv_id: str | None, letter_id: str | None) -> list[ShareLink]:
        column, value = ("cv_id", cv_id) if cv_id is not None else ("letter_id", letter_id)
        rows = (
            self.db.connection()
            .execute(f"SELECT * FROM share_links WHERE owner = ? AND {column} = ? ORDER BY id DESC", (owner, value))
            .fetchall()
        )
        return [self._with_counts(row) for row in rows]

    def save(self, link: ShareLink) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE share_links SET password_hash = ?, expires_at = ?, show_contacts = ?, revoked = ?"
                " WHERE owner = ? AND id = ?",
                (
                    link.password_hash,
                    link.expires_at.isoformat() if link.expires_at else None,
                    int(link.show_contacts),
                    int(link.revoked),
                    link.owner,
                    link.id,
                ),
            )

    def count(self, link: ShareLink, counter: Counter, day: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO share_counts (owner, link_id, counter, day, n) VALUES (?, ?, ?, ?, 1)"
                " ON CONFLICT (owner, link_id, counter, day) DO UPDATE SET n = n + 1",
                (link.owner, link.id, counter.value, day),
            )

    def delete_for(self, owner: str, cv_id: str | None, letter_id: str | None) -> int:
        column, value = ("cv_id", cv_id) if cv_id is not None else ("letter_id", letter_id)
        with self.db.write() as conn:
            conn.execute(
                "DELETE FROM share_counts WHERE owner = ? AND link_id IN"
                f" (SELECT id FROM share_links WHERE owner = ? AND {column} = ?)",
                (owner, owner, value),
            )
            return int(
                conn.execute(f"DELETE FROM share_links WHERE owner = ? AND {column} = ?", (owner, value)).rowcount
            )

    def delete_owner(self, owner: str) -> int:
        with self.db.write() as conn:
            conn.execute("DELETE FROM share_counts WHERE owner = ?", (owner,))
            return int(conn.execute("DELETE FROM share_links WHERE owner = ?", (owner,)).rowcount)

    def _with_counts(self, row: sqlite3.Row) -> ShareLink:
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        for count in self.db.connection().execute(
            "SELECT counter, day, n FROM share_counts WHERE owner = ? AND link_id = ?", (row["owner"], row["id"])
        ):
            counts[count["counter"]][count["day"]] = int(count["n"])
        return ShareLink(
            id=row["id"],
            owner=row["owner"],
            slug=row["slug"],
            created_at=datetime.fromisoformat(row["created_at"]),
            cv_id=row["cv_id"],
            letter_id=row["letter_id"],
            password_hash=row["password_hash"],
            expires_at=datetime.fromisoformat(row["expires_at"]) if row["expires_at"] else None,
            show_contacts=bool(row["show_contacts"]),
            revoked=bool(row["revoked"]),
            views=dict(counts[Counter.VIEWS.value]),
            downloads=dict(counts[Counter.DOWNLOADS.value]),
        )
